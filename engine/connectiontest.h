#pragma once

#include "engine/credential.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>
#include <optional>

namespace Stevedore {

/// Checks that a server answers and accepts a credential, the way discovery and verification
/// will talk to it: an OCI registry's `GET /v2/`, a Helm repository's `index.yaml`, a git
/// remote's advertised refs (`git ls-remote`) and Prometheus' `/api/v1/status/buildinfo`.
/// Also names the keychain account each kind of server is looked up under. run() blocks until
/// the server answered or the timeout passed: call it from a worker thread.
class ConnectionTest
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionTest)

public:
    enum class Kind
    {
        Registry,   ///< address `host[:port]`, as an image repoURL starts
        Helm,       ///< address `http(s)://host[:port]/path` of a classic chart repository
        Git,        ///< address `http(s)://host[:port]/path` (or `git://`) of a repository
        Prometheus, ///< address `http(s)://host[:port][/path]`
    };

    struct Result
    {
        bool ok = false;
        /// What the server said: a short confirmation, or the precise error.
        QString message;
    };

    static constexpr std::chrono::milliseconds defaultTimeout{20'000};

    /// `registry`, `helm`, `git`, `prometheus`: the prefix of the keychain account.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    /// Empty when @p address is usable for @p kind, else why not.
    static QString validate(Kind kind, const QString &address);
    /// The keychain account Stevedore reads for @p address (`registry:HOST[:PORT]`,
    /// `helm:URL`, `git:URL`, `prometheus:URL` with scheme, host and port only).
    static QString account(Kind kind, const QString &address);

    /// Talks to @p address with @p credential (none: anonymously). For git the credential is
    /// not passed in: the remote is asked with what git fetches use (credential helpers, then
    /// the keychain entry), so store it first.
    static Result run(Kind kind, const QString &address,
                      const std::optional<Credential> &credential,
                      std::chrono::milliseconds timeout = defaultTimeout);
};

} // namespace Stevedore
