#pragma once

#include "engine/credential.h"

#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace Stevedore {

/// Asks the user's git credential helpers (`git credential fill|approve|reject`) for the user
/// name and password of an HTTP(S) remote, exactly as git itself would, without ever letting
/// git or a helper prompt: no terminal (`GIT_TERMINAL_PROMPT=0`, own session), no askpass
/// program (`GIT_ASKPASS`/`SSH_ASKPASS` set empty, which also overrides `core.askPass`), Git
/// Credential Manager told not to interact; and a timeout after which git and its helpers are
/// killed. Blocks the calling thread: call it from a worker.
///
/// @p environment is the environment git runs in (the process's own by default; tests pass one
/// with their own HOME). Passwords never appear in errors or debug output.
class GitCredentialHelper
{
public:
    static constexpr std::chrono::milliseconds defaultTimeout{10'000};

    /// The credential git's helpers hold for @p url, or nullopt when they have none (git would
    /// have prompted) or git failed; then @p error (if given) says why.
    static std::optional<Credential>
    fill(const QUrl &url, QString *error,
         const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
         std::chrono::milliseconds timeout = defaultTimeout);
    /// Tells the helpers that @p credential worked for @p url (they may store it).
    static bool
    approve(const QUrl &url, const Credential &credential, QString *error = nullptr,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
            std::chrono::milliseconds timeout = defaultTimeout);
    /// Tells the helpers that @p credential was refused for @p url (they erase it).
    static bool
    reject(const QUrl &url, const Credential &credential, QString *error = nullptr,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
           std::chrono::milliseconds timeout = defaultTimeout);
};

} // namespace Stevedore
