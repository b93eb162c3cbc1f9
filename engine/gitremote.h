#pragma once

#include "engine/gitrepository.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Stevedore {

/// One reference a remote advertises.
struct GitRemoteRef
{
    QString name;   ///< e.g. refs/heads/main, refs/tags/v1.0.0
    QString id;     ///< the object the ref points at
    QString peeled; ///< for an annotated tag, the commit it tags (else empty)

    QString commitId() const { return peeled.isEmpty() ? id : peeled; }
};

/// How to reach a remote: its URL as written in the manifest, TLS policy, and the flag that
/// cancels the operation from another thread.
struct GitNetworkOptions
{
    QString url;
    bool insecureSkipTLSVerify = false;
    std::shared_ptr<std::atomic<bool>> cancelled;
};

/// Network operations on a repository (usually a bare cache clone) with the user's own
/// credentials: ssh-agent, ~/.ssh keys (host keys checked against known_hosts, unknown and
/// changed keys refused with their own messages), git credential helpers and the keychain.
/// Runs on a worker thread; blocks until done, failed or cancelled.
class GitRemote
{
public:
    /// The refs the remote advertises (`git ls-remote`).
    static std::optional<QList<GitRemoteRef>>
    list(GitRepository &repository, const GitNetworkOptions &options, GitError *error);
    /// Fetches @p refspecs (e.g. `+refs/heads/main:refs/stevedore/heads/main`).
    static bool fetch(GitRepository &repository, const GitNetworkOptions &options,
                      const QStringList &refspecs, GitError *error);

    /// Pushes @p refspecs (`refs/x:refs/heads/main`, never forced). A ref the server refuses
    /// (someone pushed first: "non-fast-forward", "fetch first") is not an error: it is
    /// listed in @p rejected as ref -> the server's reason, and false is returned with an
    /// empty error.
    static bool push(GitRepository &repository, const GitNetworkOptions &options,
                     const QStringList &refspecs, QHash<QString, QString> *rejected,
                     GitError *error);

    /// @p url without any password (for messages).
    static QString redacted(const QString &url);
};

} // namespace Stevedore
