#pragma once

#include "engine/ocitypes.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

/// What discovery reads of an image's config blob.
struct OciImageConfig
{
    OciPlatform platform;
    QString created;               ///< as written (see OciBuildTime)
    QMap<QString, QString> labels; ///< `config.Labels`
};

/// A registry token server's answer.
struct OciToken
{
    QByteArray token;
    /// `expires_in`: 60 s (the spec's default) when not positive, at most a day.
    qint64 lifetimeSeconds = 60;
};

/// Parsers for the JSON bodies a registry and its token server answer with, kept apart from the
/// client so that each can be tested, and fuzzed, without a server. They fail with
/// InvalidResponse, Unsupported or DigestMismatch and a message that says what is wrong.
class OciJson
{
public:
    static inline const QString ociManifestType =
        QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    static inline const QString ociIndexType =
        QStringLiteral("application/vnd.oci.image.index.v1+json");
    static inline const QString dockerManifestType =
        QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
    static inline const QString dockerListType =
        QStringLiteral("application/vnd.docker.distribution.manifest.list.v2+json");

    /// The algorithm of a digest written `sha256:` + 64 lower-case hex digits (or sha384 with
    /// 96, sha512 with 128); nullopt for anything else.
    static std::optional<QCryptographicHash::Algorithm> digestAlgorithm(const QString &digest);
    /// The digest of @p data, `algorithm:hex`.
    static QString digestOf(const QByteArray &data, QCryptographicHash::Algorithm algorithm);

    /// The tags of one page of a tag list (`{"name": ..., "tags": [...]}`), in order; a null or
    /// missing `tags` is an empty page, entries that are not strings are skipped. @p page
    /// numbers the page in messages.
    static std::optional<QStringList> tagsPage(const QByteArray &body, int page, OciError *error);

    /// A manifest or index. Its digest is @p reference when that is a digest, else the
    /// registry's @p announcedDigest (`Docker-Content-Digest`), else the body's sha256; the
    /// body must hash to each of those that were given. The media type is the body's, else
    /// @p contentType's when it is a known one, else guessed from the fields. Docker schema 1
    /// and unknown media types are Unsupported.
    static std::optional<OciManifest> manifest(const QByteArray &body,
                                               const QByteArray &contentType,
                                               const QByteArray &announcedDigest,
                                               const QString &reference, OciError *error);

    /// An image's config blob; @p name (the blob's short digest) names it in messages.
    static std::optional<OciImageConfig> config(const QByteArray &body, const QString &name,
                                                OciError *error);

    static constexpr qint64 maxTokenLifetimeSeconds = 24 * 60 * 60;

    /// A token server's answer: `token`, or `access_token` when that is empty; nullopt when
    /// neither is a non-empty string.
    static std::optional<OciToken> token(const QByteArray &body);
};

} // namespace Stevedore
