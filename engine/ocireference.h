#pragma once

#include <QString>

#include <optional>

namespace Stevedore {

/// An image repository as a Warehouse image subscription's `repoURL` names it, split the way
/// Kargo (go-containerregistry's name.ParseReference) splits it: the first path component is
/// a registry only when it contains a `.` or a `:`, otherwise the image lives on Docker Hub
/// (`nginx` → `docker.io`, `library/nginx`; `argoproj/rollouts-demo` → `docker.io`,
/// `argoproj/rollouts-demo`), whose API is served by `registry-1.docker.io`. A tag or digest
/// and an `oci://` prefix are tolerated and dropped.
class OciReference
{
public:
    static std::optional<OciReference> parse(const QString &repoURL, QString *error);

    /// As given.
    QString repoURL() const { return m_repoURL; }
    /// `host[:port]`, lower-cased; `docker.io` for Docker Hub.
    QString registry() const { return m_registry; }
    /// The repository path, e.g. `library/nginx`.
    QString repository() const { return m_repository; }
    bool isDockerHub() const { return m_registry == u"docker.io"; }
    /// The host (and port) the distribution API is served from: `registry-1.docker.io` for
    /// Docker Hub, registry() otherwise.
    QString apiHost() const;
    /// True for hosts go-containerregistry also reaches over plain HTTP when HTTPS fails:
    /// `localhost`, 127.0.0.0/8, ::1 and the RFC 1918 private networks.
    bool allowsPlainHttpFallback() const;

private:
    QString m_repoURL;
    QString m_registry;
    QString m_repository;
};

} // namespace Stevedore
