#pragma once

#include "engine/credential.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

// Value types of the OCI distribution client (OciClient): what it is asked, what it answers,
// and how it fails. All copyable, so they can cross threads in signals.

namespace Stevedore {

/// What went wrong talking to a registry. Messages say what went wrong, not which image: the
/// caller names the subscription. They never contain credentials, tokens or signed URLs.
struct OciError
{
    enum class Kind
    {
        None,
        InvalidReference, ///< the repoURL (or a mirror URL) does not parse
        Network,          ///< connection refused, reset, DNS, ...
        Tls,              ///< certificate not trusted, handshake failed
        Timeout,          ///< no data for the stall timeout, or the request deadline passed
        Cancelled,        ///< the caller's cancellation flag was set
        Unauthorized,     ///< 401/403: no credentials, or the registry refused them
        NotFound,         ///< 404: repository, manifest or blob unknown
        RateLimited,      ///< 429/503 still after the retries, or Retry-After too long
        TooLarge,         ///< a response exceeded its size limit
        InvalidResponse,  ///< malformed JSON, missing fields, an endless Link chain
        DigestMismatch,   ///< content does not hash to the digest it was asked for / announced
        Unsupported,      ///< a media type or authentication scheme this client does not speak
        Registry,         ///< any other HTTP error status
    };

    Kind kind = Kind::None;
    QString message;
    int httpStatus = 0;
    /// For RateLimited: what the registry asked for, in seconds (-1 when it did not say).
    int retryAfterSeconds = -1;

    bool isError() const { return kind != Kind::None; }
};

/// `os/architecture[/variant]`, as an image index lists it and as a subscription's `platform`
/// asks for it.
struct OciPlatform
{
    QString os;
    QString architecture;
    QString variant;

    /// Kargo's parsePlatformConstraint: at least `os/arch`, everything after a second `/` is the
    /// variant; nullopt for fewer than two parts.
    static std::optional<OciPlatform> parse(const QString &text);
    QString toString() const;
    /// Exact match of all three, as Kargo's platformConstraint.matches (an empty variant matches
    /// only an empty variant).
    bool matches(const OciPlatform &other) const;
    bool operator==(const OciPlatform &other) const = default;
};

/// A content descriptor: what a manifest says about the config, a layer or a child manifest.
struct OciDescriptor
{
    QString mediaType;
    QString digest;
    qint64 size = -1;
    std::optional<OciPlatform> platform; ///< only on an index's entries
    QMap<QString, QString> annotations;
};

/// A manifest or index as the registry served it, parsed.
struct OciManifest
{
    /// Verified: the digest asked for, or the `Docker-Content-Digest` the registry announced,
    /// or sha256 of the body; when two of those exist they agreed.
    QString digest;
    QString mediaType;
    QByteArray body;
    OciDescriptor config;           ///< image manifests only
    QList<OciDescriptor> layers;    ///< image manifests only
    QList<OciDescriptor> manifests; ///< indexes only
    QMap<QString, QString> annotations;

    bool isIndex() const;
};

/// One image of a multi-platform index (attestations and `unknown` platforms left out).
struct OciPlatformImage
{
    OciPlatform platform;
    QString digest;                     ///< of the platform's image manifest
    QString configDigest;               ///< of that manifest's config blob
    QDateTime createdAt;                ///< that image's build time (see OciBuildTime)
    QMap<QString, QString> annotations; ///< the index entry's annotations
};

/// What discovery needs to know about one tag (or digest) of an image repository.
struct OciManifestInfo
{
    QString reference; ///< the tag or digest that was looked up
    /// The digest the reference resolves to: for a multi-platform image the index's digest,
    /// as Kargo records it in freight.
    QString digest;
    QString mediaType;
    /// A single image: the platform its config names. An index: the entry that matched the
    /// requested platform (unset without a request).
    std::optional<OciPlatform> platform;
    /// The build time (see OciBuildTime); for an index without a platform request, and with one
    /// too (as Kargo does), the newest of its images. Invalid when no source has one.
    QDateTime createdAt;
    /// The config blob of the single image, or of the index entry that matched the platform.
    QString configDigest;
    QMap<QString, QString> annotations; ///< the manifest's (or index's) own annotations
    QList<OciPlatformImage> platforms;  ///< an index's images
    /// False when a platform was asked for and this reference does not offer it: Kargo skips
    /// such tags without an error.
    bool platformMatched = true;
};

/// Where an image's build time comes from, for NewestBuild: the latest of the
/// `org.opencontainers.image.created` annotation (manifest) and label (config),
/// `org.label-schema.build-date` (either place), and the config's `created`.
struct OciBuildTime
{
    static inline const QString createdKey = QStringLiteral("org.opencontainers.image.created");
    static inline const QString labelSchemaKey = QStringLiteral("org.label-schema.build-date");

    /// The latest valid RFC 3339 time among the sources; invalid when there is none.
    static QDateTime latest(const QMap<QString, QString> &manifestAnnotations,
                            const QMap<QString, QString> &configLabels,
                            const QString &configCreated);
    /// RFC 3339 (`2024-03-01T10:00:00.123456789Z`, `...+02:00`) to UTC, millisecond precision;
    /// invalid for anything else, as Go's time.Parse(time.RFC3339, ...) would reject it.
    static QDateTime parseRfc3339(const QString &text);
};

/// How an OciClient reaches a registry and what it is willing to accept from it.
struct OciClientOptions
{
    /// Registry host (as in the repoURL, `docker.io` for Docker Hub) → base URL
    /// (`scheme://host[:port]`) to send its requests to instead, e.g. `ghcr.io` →
    /// `http://127.0.0.1:5000`. The mirror's scheme is used as is.
    QMap<QString, QUrl> mirrors;
    bool insecureSkipTLSVerify = false;
    std::shared_ptr<std::atomic<bool>> cancelled;

    /// No byte arrived for this long: the request fails (Timeout).
    std::chrono::milliseconds stallTimeout{30'000};
    /// A single request (one HTTP exchange) may take at most this long in all.
    std::chrono::milliseconds requestTimeout{120'000};
    /// 429/503 answers retried at most this many times, each wait at most maxRetryWait; a
    /// longer Retry-After fails at once with RateLimited and the wait in the message.
    int maxRetries = 3;
    std::chrono::seconds maxRetryWait{30};
    int maxRedirects = 10;

    qint64 maxManifestBytes = 4 * 1024 * 1024;
    qint64 maxConfigBytes = 4 * 1024 * 1024;
    qint64 maxTagsPageBytes = 64 * 1024 * 1024;
    /// `n=` of a tags request (Kargo asks for 1000; Quay answers at most 100).
    int tagPageSize = 1000;
    /// Following `Link: rel="next"` ends with an error after this many pages or tags.
    int maxTagPages = 1000;
    int maxTags = 1'000'000;

    /// Used as is instead of the keychain and Docker's config (for the CLI and tests).
    std::optional<Credential> credential;
    bool useKeychain = true;
    bool useDockerConfig = true;
    /// Docker's config.json; empty: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
    QString dockerConfigPath;
};

} // namespace Stevedore
