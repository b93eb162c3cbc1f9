#pragma once

#include "engine/credential.h"
#include "engine/ocitypes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

/// Finds the user's credentials for an OCI registry, read-only: Stevedore's keychain entry
/// (account `registry:<host>[:port]`) first, then the `auths` of Docker's config.json (`auth`
/// as base64 `user:password`, or `username` and `password`). Docker credential helpers
/// (`credsStore`, `credHelpers`) are not run and identity tokens are not used: when the config
/// names one for the registry, a note says so, for the error message. Blocks on the keychain:
/// call it from a worker thread.
class OciCredentials
{
public:
    struct Result
    {
        std::optional<Credential> credential;
        QString source;    ///< where it came from, for messages: "the keychain", a file path
        QStringList notes; ///< why a source gave nothing although it might have
    };

    /// The credential for @p registry (`host[:port]`, `docker.io` for Docker Hub).
    static Result find(const QString &registry, const OciClientOptions &options);

    /// `auths` lookup in the text of a Docker config.json. Keys match by host: `ghcr.io`,
    /// `https://ghcr.io`, `https://index.docker.io/v1/` (Docker Hub) all work.
    static std::optional<Credential> fromDockerConfig(const QByteArray &json,
                                                      const QString &registry, QString *note);

    /// @p options' dockerConfigPath, else `$DOCKER_CONFIG/config.json`, else
    /// `~/.docker/config.json`.
    static QString dockerConfigPath(const OciClientOptions &options);
};

} // namespace Stevedore
