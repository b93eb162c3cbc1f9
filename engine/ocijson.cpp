#include "engine/ocijson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool fail(OciError *error, OciError::Kind kind, const QString &message)
{
    error->kind = kind;
    error->message = message;
    return false;
}

QString jsonError(const QJsonParseError &parseError)
{
    return u"%1 at byte %2"_s.arg(parseError.errorString(), QString::number(parseError.offset));
}

/// Why a body that should be a JSON object is not one.
QString notAnObject(const QJsonParseError &parseError)
{
    return parseError.error == QJsonParseError::NoError ? u"not a JSON object"_s
                                                        : jsonError(parseError);
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> map;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            map.insert(it.key(), it.value().toString());
    }
    return map;
}

std::optional<OciDescriptor> descriptor(const QJsonValue &value, const QString &what,
                                        OciError *error)
{
    const QJsonObject object = value.toObject();
    OciDescriptor result;
    result.mediaType = object.value(u"mediaType"_s).toString();
    result.digest = object.value(u"digest"_s).toString();
    result.size = object.value(u"size"_s).toInteger(-1);
    result.annotations = stringMap(object.value(u"annotations"_s));
    if (const QJsonValue platform = object.value(u"platform"_s); platform.isObject()) {
        const QJsonObject p = platform.toObject();
        result.platform =
            OciPlatform{p.value(u"os"_s).toString(), p.value(u"architecture"_s).toString(),
                        p.value(u"variant"_s).toString()};
    }
    if (!value.isObject() || !OciJson::digestAlgorithm(result.digest)) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed manifest: %1 has no valid digest"_s.arg(what));
        return std::nullopt;
    }
    return result;
}

} // namespace

std::optional<QCryptographicHash::Algorithm> OciJson::digestAlgorithm(const QString &digest)
{
    static const QRegularExpression pattern(u"^(sha256|sha384|sha512):([0-9a-f]+)$"_s);
    const QRegularExpressionMatch match = pattern.match(digest);
    if (!match.hasMatch())
        return std::nullopt;
    const QStringView name = match.capturedView(1);
    const qsizetype hexLength = match.capturedLength(2);
    if (name == u"sha256" && hexLength == 64)
        return QCryptographicHash::Sha256;
    if (name == u"sha384" && hexLength == 96)
        return QCryptographicHash::Sha384;
    if (name == u"sha512" && hexLength == 128)
        return QCryptographicHash::Sha512;
    return std::nullopt;
}

QString OciJson::digestOf(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    const QString name = algorithm == QCryptographicHash::Sha512   ? u"sha512"_s
                         : algorithm == QCryptographicHash::Sha384 ? u"sha384"_s
                                                                   : u"sha256"_s;
    return name + u':' + QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

std::optional<QStringList> OciJson::tagsPage(const QByteArray &body, int page, OciError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed tag list (page %1): %2"_s.arg(QString::number(page),
                                                       notAnObject(parseError)));
        return std::nullopt;
    }
    const QJsonValue list = document.object().value(u"tags"_s);
    if (!list.isArray() && !list.isNull() && !list.isUndefined()) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed tag list (page %1): \"tags\" is not an array"_s.arg(page));
        return std::nullopt;
    }
    QStringList tags;
    for (const QJsonValue &tag : list.toArray()) {
        if (tag.isString())
            tags.append(tag.toString());
    }
    return tags;
}

std::optional<OciManifest> OciJson::manifest(const QByteArray &body, const QByteArray &contentType,
                                             const QByteArray &announcedDigest,
                                             const QString &reference, OciError *error)
{
    const auto byReference = digestAlgorithm(reference);
    const QString announced = QString::fromLatin1(announcedDigest).trimmed();
    const auto byAnnouncement = digestAlgorithm(announced);
    const QCryptographicHash::Algorithm algorithm =
        byReference ? *byReference : byAnnouncement.value_or(QCryptographicHash::Sha256);
    const QString computed = digestOf(body, algorithm);
    if (byReference && computed != reference) {
        fail(error, OciError::Kind::DigestMismatch,
             u"the manifest served for %1 hashes to %2"_s.arg(reference, computed));
        return std::nullopt;
    }
    if (byAnnouncement && digestOf(body, *byAnnouncement) != announced) {
        fail(error, OciError::Kind::DigestMismatch,
             u"the registry announced digest %1 (Docker-Content-Digest), but the manifest hashes "
             u"to %2"_s.arg(announced, digestOf(body, *byAnnouncement)));
        return std::nullopt;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed manifest: %1"_s.arg(notAnObject(parseError)));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    OciManifest manifest;
    manifest.digest = byReference ? reference : byAnnouncement ? announced : computed;
    manifest.body = body;
    manifest.annotations = stringMap(object.value(u"annotations"_s));

    const QString headerType =
        QString::fromLatin1(contentType).section(u';', 0, 0).trimmed().toLower();
    manifest.mediaType = object.value(u"mediaType"_s).toString();
    if (manifest.mediaType.isEmpty()) {
        const QStringList known{ociManifestType, ociIndexType, dockerManifestType, dockerListType};
        if (known.contains(headerType))
            manifest.mediaType = headerType;
        else if (object.contains(u"manifests"_s))
            manifest.mediaType = ociIndexType;
        else if (object.contains(u"config"_s))
            manifest.mediaType = ociManifestType;
    }
    if (object.value(u"schemaVersion"_s).toInt() == 1 ||
        manifest.mediaType.startsWith(u"application/vnd.docker.distribution.manifest.v1")) {
        fail(error, OciError::Kind::Unsupported,
             u"Docker image manifest schema 1 is not supported (deprecated since 2017)"_s);
        return std::nullopt;
    }

    if (manifest.isIndex()) {
        for (const QJsonValue &entry : object.value(u"manifests"_s).toArray()) {
            std::optional<OciDescriptor> child = descriptor(entry, u"an index entry"_s, error);
            if (!child)
                return std::nullopt;
            manifest.manifests.append(*child);
        }
        return manifest;
    }
    if (manifest.mediaType != ociManifestType && manifest.mediaType != dockerManifestType) {
        fail(error, OciError::Kind::Unsupported,
             u"unknown manifest media type \"%1\""_s.arg(manifest.mediaType));
        return std::nullopt;
    }
    std::optional<OciDescriptor> config =
        descriptor(object.value(u"config"_s), u"the config"_s, error);
    if (!config)
        return std::nullopt;
    manifest.config = *config;
    for (const QJsonValue &layer : object.value(u"layers"_s).toArray()) {
        std::optional<OciDescriptor> parsed = descriptor(layer, u"a layer"_s, error);
        if (!parsed)
            return std::nullopt;
        manifest.layers.append(*parsed);
    }
    return manifest;
}

std::optional<OciImageConfig> OciJson::config(const QByteArray &body, const QString &name,
                                              OciError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject()) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed config blob %1: %2"_s.arg(name, notAnObject(parseError)));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    OciImageConfig config;
    config.platform =
        OciPlatform{object.value(u"os"_s).toString(), object.value(u"architecture"_s).toString(),
                    object.value(u"variant"_s).toString()};
    config.created = object.value(u"created"_s).toString();
    config.labels = stringMap(object.value(u"config"_s).toObject().value(u"Labels"_s));
    return config;
}

std::optional<OciToken> OciJson::token(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString token = object.value(u"token"_s).toString();
    if (token.isEmpty())
        token = object.value(u"access_token"_s).toString();
    if (token.isEmpty())
        return std::nullopt;
    OciToken result;
    result.token = token.toLatin1();
    // The distribution token spec's default lifetime is 60 s. A day at most: the cache computes
    // deadlines in milliseconds, and a server's 2^62 must not overflow them.
    result.lifetimeSeconds = object.value(u"expires_in"_s).toInteger(60);
    if (result.lifetimeSeconds <= 0)
        result.lifetimeSeconds = 60;
    result.lifetimeSeconds = std::min<qint64>(result.lifetimeSeconds, maxTokenLifetimeSeconds);
    return result;
}

} // namespace Stevedore
