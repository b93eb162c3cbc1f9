#pragma once

#include "engine/credential.h"

#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace Stevedore {

/// Stevedore's entries in the system keychain (Secret Service, macOS Keychain, Windows
/// Credential Manager, through QtKeychain), service `stevedore`: git credentials under the
/// account `git:<scheme>://<host>[:port]` (user name and password together, as JSON), registry
/// credentials under `registry:<host>[:port]` (the same JSON) and named secrets under
/// `secret:<name>`.
///
/// Every call blocks until the keychain answered or the timeout passed, so call it from a worker
/// thread (the engine's), not the UI. Failures come back as values; a missing entry is
/// `Status::NotFound`, not a failure. Secrets never appear in errors or debug output.
class Keychain
{
public:
    enum class Status
    {
        Ok,
        NotFound, ///< no such entry (for remove: there was nothing to remove)
        Failed,   ///< the keychain is unavailable, refused, or did not answer in time
    };

    /// The outcome of read(): the stored text when Ok, what went wrong when Failed.
    struct ReadResult
    {
        Status status = Status::Failed;
        QString text;
        QString error;
    };

    /// Long enough for the user to answer the keychain's own unlock prompt.
    static constexpr std::chrono::milliseconds defaultTimeout{60'000};

    /// `stevedore`.
    static QString service();
    /// `git:<scheme>://<host>[:port]` for @p url (port only when not the scheme's default).
    static QString gitAccount(const QUrl &url);
    /// `PREFIX:SCHEME://HOST[:PORT]` (the port only when it is not the scheme's default).
    static QString urlAccount(const QString &prefix, const QUrl &url);
    /// `secret:<name>`.
    static QString secretAccount(const QString &name);

    /// The entries by account name.
    static ReadResult read(const QString &account,
                           std::chrono::milliseconds timeout = defaultTimeout);
    static Status write(const QString &account, const QString &text, QString *error = nullptr,
                        std::chrono::milliseconds timeout = defaultTimeout);
    static Status remove(const QString &account, QString *error = nullptr,
                         std::chrono::milliseconds timeout = defaultTimeout);

    /// The credential stored for @p url's scheme, host and port; nullopt with an empty @p error
    /// when there is none, nullopt with @p error set when the keychain failed.
    /// A user name and password stored as JSON `{"username", "password"}` under @p account;
    /// nullopt with an empty @p error when there is none.
    static std::optional<Credential> readCredential(const QString &account, QString *error);
    static bool writeCredential(const QString &account, const Credential &credential,
                                QString *error = nullptr);
    static std::optional<Credential> readGitCredential(const QUrl &url, QString *error);
    static bool writeGitCredential(const QUrl &url, const Credential &credential,
                                   QString *error = nullptr);
    /// Succeeds when there was nothing to remove, too.
    static bool removeGitCredential(const QUrl &url, QString *error = nullptr);

    /// `registry:<host>[:port]` for an OCI registry as an image repoURL names it, lower-cased
    /// (`registry:docker.io` for Docker Hub, `registry:127.0.0.1:5000`).
    static QString registryAccount(const QString &registry);
    /// The credential stored for @p registry (same JSON as git credentials); nullopt with an
    /// empty @p error when there is none, with @p error set when the keychain failed.
    static std::optional<Credential> readRegistryCredential(const QString &registry,
                                                            QString *error);
    static bool writeRegistryCredential(const QString &registry, const Credential &credential,
                                        QString *error = nullptr);

    /// The secret called @p name; nullopt with an empty @p error when there is none.
    static std::optional<QString> readSecret(const QString &name, QString *error);
    static bool writeSecret(const QString &name, const QString &secret, QString *error = nullptr);
    /// Succeeds when there was nothing to remove, too.
    static bool removeSecret(const QString &name, QString *error = nullptr);
};

} // namespace Stevedore
