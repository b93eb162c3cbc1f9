#pragma once

#include "engine/credential.h"
#include "engine/helmindex.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

namespace Stevedore {

/// Fetches a Helm classic repository's `index.yaml` and reads the entries of the charts asked
/// for, blocking the calling thread (run it on a worker, never the UI). Asks with
/// `If-None-Match`/`If-Modified-Since` from what a small cache file remembers
/// (`<cacheRoot>/helm/<sha256 of the URL>.json`: validators plus the entries read last time), so
/// an unchanged index is neither downloaded nor parsed again. The body goes to a temporary file
/// and is parsed from there as a stream, so memory stays bounded for indexes of tens of
/// megabytes. Basic auth comes from the options or the keychain (account
/// `helm:<scheme>://<host>[:port]`) and is sent to the repository's own origin only, never
/// along a redirect to another one.
class HelmRepository
{
public:
    struct Options
    {
        QString cacheRoot; ///< cache files go to `<cacheRoot>/helm/`; empty: no cache
        /// Longest silence while connecting, waiting for headers or transferring.
        std::chrono::milliseconds timeout{60'000};
        qint64 maxIndexSize = 512LL * 1024 * 1024; ///< bytes, after decompression
        std::shared_ptr<std::atomic<bool>> cancelled;
        std::optional<Credential> credential; ///< wins over the keychain
        bool useKeychain = true;
        bool insecureSkipTLSVerify = false;
    };

    struct Result
    {
        bool ok = false;
        QString error;
        HelmIndex index; ///< the charts asked for (those the index lists)
        /// The server answered 304 Not Modified: the index came from the cache file, and was
        /// neither downloaded nor parsed.
        bool notModified = false;
        bool parsed = false;        ///< the index was downloaded and parsed in this call
        qint64 bytesDownloaded = 0; ///< of the index body
        QString etag;               ///< validators of the index now cached
        QString lastModified;
    };

    /// `<repositoryURL>/index.yaml`, as Kargo and Helm build it.
    static QUrl indexURL(const QUrl &repositoryURL);
    /// The cache file for @p repositoryURL under @p cacheRoot.
    static QString cacheFile(const QString &cacheRoot, const QUrl &repositoryURL);
    /// `helm:<scheme>://<host>[:port]` (port only when not the scheme's default): where the
    /// keychain (service `stevedore`) keeps the repository's user name and password, as JSON
    /// `{"username": ..., "password": ...}`.
    static QString keychainAccount(const QUrl &repositoryURL);

    static Result fetch(const QUrl &repositoryURL, const QStringList &charts,
                        const Options &options);
};

} // namespace Stevedore
