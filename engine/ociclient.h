#pragma once

#include "engine/ocijson.h"
#include "engine/ocireference.h"
#include "engine/ocitypes.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace Stevedore {

class OciTransport;

/// A blocking client for one image repository on an OCI distribution registry (Docker Hub,
/// GHCR, Quay, ECR, Harbor, a local `registry`): tags, manifests, config blobs, and the
/// per-tag facts discovery needs (digest, platform, build time), read the way Kargo reads them.
///
/// Blocking and single-threaded by design: it owns a QNetworkAccessManager created on the
/// thread that constructs it and waits for each reply in a local QEventLoop, with a stall
/// timeout, an overall deadline per request and the options' cancellation flag checked every
/// 50 ms. Construct, use and destroy it on one worker thread (a QThreadPool or QThread worker,
/// never the UI thread; not the engine's own event-loop thread either, where the local event
/// loop would run the engine's queued calls in the middle of a request).
///
/// Requests go to the registry named by the repoURL (Docker Hub short names to
/// `registry-1.docker.io`), or to the base URL the options' mirror map gives for it. Without a
/// mirror the scheme is HTTPS; for `localhost`, loopback and RFC 1918 addresses plain HTTP is
/// tried when HTTPS fails (as go-containerregistry does), and a mirror's scheme is used as
/// written. Credentials (keychain account `registry:<host>`, then Docker's config.json; no
/// credential helpers) are read when the registry first asks for them, and only ever sent to
/// the registry's own origin and its token server.
class OciClient
{
public:
    explicit OciClient(const QString &repoURL, const OciClientOptions &options = {});
    ~OciClient();
    OciClient(const OciClient &) = delete;
    OciClient &operator=(const OciClient &) = delete;

    /// The `Accept` list for manifests: OCI manifest and index, Docker v2 manifest and list.
    static QList<QByteArray> manifestMediaTypes();

    /// The parsed repoURL; nullopt when it did not parse (every call then fails with
    /// InvalidReference and this message).
    const std::optional<OciReference> &reference() const { return m_reference; }

    /// `GET /v2/`: reachable, and the credentials (if asked for) accepted.
    bool ping(OciError *error);

    /// Every tag, in the registry's order, following `Link: <...>; rel="next"` (resolved
    /// against the URL that answered) up to the options' page and tag limits.
    std::optional<QStringList> tags(OciError *error);

    /// The manifest or index @p reference (a tag or `sha256:...`) points at, digest verified.
    std::optional<OciManifest> manifest(const QString &reference, OciError *error);

    /// The digest @p reference points at, from a HEAD request (a GET when the registry sends no
    /// `Docker-Content-Digest`).
    std::optional<QString> manifestDigest(const QString &reference, OciError *error);

    /// The blob @p digest, at most @p maxBytes, its content checked against the digest.
    /// Redirects (to S3, a CDN) are followed without the registry's credentials.
    std::optional<QByteArray> blob(const QString &digest, qint64 maxBytes, OciError *error);

    /// What Kargo's image selectors learn about @p reference: for an image its config's
    /// platform and the build time; for an index its images (attestations and `unknown`
    /// platforms left out; none left is an error, as in Kargo), the newest build time among
    /// them, and whether one matches @p platform. A single image matches when its config names
    /// exactly that platform. The digest is always the one @p reference points at.
    std::optional<OciManifestInfo>
    image(const QString &reference, const std::optional<OciPlatform> &platform, OciError *error);

    /// Forgets every cached registry token (they are shared by all clients of the process).
    static void clearTokenCache();

private:
    bool ready(OciError *error) const;
    /// The URL of a manifest by tag or digest, after checking the client and the reference.
    std::optional<QUrl> manifestUrl(const QString &reference, OciError *error) const;
    std::optional<OciImageConfig> config(const OciDescriptor &descriptor, OciError *error);
    std::optional<OciPlatformImage> platformImage(const OciDescriptor &entry, OciError *error);

    std::optional<OciReference> m_reference;
    QString m_referenceError;
    OciClientOptions m_options;
    std::unique_ptr<OciTransport> m_transport;
    /// Immutable by digest, so kept for the client's lifetime: index entries shared by tags.
    QHash<QString, OciPlatformImage> m_platformImages;
    QHash<QString, OciImageConfig> m_configs;
};

} // namespace Stevedore
