#include "engine/ociclient.h"

#include "engine/ociheaders.h"
#include "engine/ocitransport_p.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QString ociManifestType = u"application/vnd.oci.image.manifest.v1+json"_s;
const QString ociIndexType = u"application/vnd.oci.image.index.v1+json"_s;
const QString dockerManifestType = u"application/vnd.docker.distribution.manifest.v2+json"_s;
const QString dockerListType = u"application/vnd.docker.distribution.manifest.list.v2+json"_s;
constexpr qint64 headBodyLimit = 64 * 1024;

/// Sets the caller's error (or a local one) and makes it the one to fill.
class ErrorSlot
{
public:
    explicit ErrorSlot(OciError *error)
        : m_error(error ? error : &m_local)
    {
        *m_error = {};
    }
    OciError *get() { return m_error; }

private:
    OciError m_local;
    OciError *m_error;
};

bool fail(OciError *error, OciError::Kind kind, const QString &message)
{
    error->kind = kind;
    error->message = message;
    return false;
}

std::optional<QCryptographicHash::Algorithm> digestAlgorithm(const QString &digest)
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

QString digestOf(const QByteArray &data, QCryptographicHash::Algorithm algorithm)
{
    const QString name = algorithm == QCryptographicHash::Sha512   ? u"sha512"_s
                         : algorithm == QCryptographicHash::Sha384 ? u"sha384"_s
                                                                   : u"sha256"_s;
    return name + u':' + QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

bool isTag(const QString &reference)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"_s);
    return pattern.match(reference).hasMatch();
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
    if (!value.isObject() || !digestAlgorithm(result.digest)) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed manifest: %1 has no valid digest"_s.arg(what));
        return std::nullopt;
    }
    return result;
}

QString jsonError(const QJsonParseError &parseError)
{
    return u"%1 at byte %2"_s.arg(parseError.errorString(), QString::number(parseError.offset));
}

/// Kargo skips index entries that are not images: attestations, `unknown/unknown` platforms.
bool isPlatformImage(const OciDescriptor &entry)
{
    return entry.platform && !entry.platform->os.isEmpty() && entry.platform->os != u"unknown" &&
           !entry.platform->architecture.isEmpty() && entry.platform->architecture != u"unknown";
}

QString shortDigest(const QString &digest)
{
    return digest.left(19);
}

} // namespace

OciClient::OciClient(const QString &repoURL, const OciClientOptions &options)
    : m_options(options)
{
    m_reference = OciReference::parse(repoURL, &m_referenceError);
    if (m_reference)
        m_transport = std::make_unique<OciTransport>(*m_reference, m_options);
}

OciClient::~OciClient() = default;

QList<QByteArray> OciClient::manifestMediaTypes()
{
    return {ociManifestType.toLatin1(), ociIndexType.toLatin1(), dockerManifestType.toLatin1(),
            dockerListType.toLatin1()};
}

void OciClient::clearTokenCache()
{
    OciTransport::clearTokenCache();
}

bool OciClient::ready(OciError *error) const
{
    if (m_reference)
        return true;
    return fail(error, OciError::Kind::InvalidReference, m_referenceError);
}

bool OciClient::ping(OciError *error)
{
    ErrorSlot slot(error);
    if (!ready(slot.get()))
        return false;
    const std::optional<QUrl> url = m_transport->apiUrl(u"/v2/"_s, slot.get());
    return url && m_transport->request(OciTransport::Method::Get, *url, {"application/json"},
                                       headBodyLimit, slot.get());
}

std::optional<QStringList> OciClient::tags(OciError *error)
{
    ErrorSlot slot(error);
    OciError *e = slot.get();
    if (!ready(e))
        return std::nullopt;
    QString path = u"/v2/%1/tags/list"_s.arg(m_reference->repository());
    if (m_options.tagPageSize > 0)
        path += u"?n="_s + QString::number(m_options.tagPageSize);
    std::optional<QUrl> url = m_transport->apiUrl(path, e);
    if (!url)
        return std::nullopt;

    QStringList tags;
    QSet<QUrl> seen{*url};
    for (int page = 1;; ++page) {
        const std::optional<OciResponse> response = m_transport->request(
            OciTransport::Method::Get, *url, {"application/json"}, m_options.maxTagsPageBytes, e);
        if (!response)
            return std::nullopt;
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(response->body, &parseError);
        if (!document.isObject()) {
            fail(e, OciError::Kind::InvalidResponse,
                 u"malformed tag list (page %1): %2"_s.arg(
                     QString::number(page), parseError.error == QJsonParseError::NoError
                                                ? u"not a JSON object"_s
                                                : jsonError(parseError)));
            return std::nullopt;
        }
        const QJsonValue list = document.object().value(u"tags"_s);
        if (!list.isArray() && !list.isNull() && !list.isUndefined()) {
            fail(e, OciError::Kind::InvalidResponse,
                 u"malformed tag list (page %1): \"tags\" is not an array"_s.arg(page));
            return std::nullopt;
        }
        for (const QJsonValue &tag : list.toArray()) {
            if (tag.isString())
                tags.append(tag.toString());
        }
        if (tags.size() > m_options.maxTags) {
            fail(e, OciError::Kind::TooLarge,
                 u"the repository has more than %1 tags, the limit"_s.arg(m_options.maxTags));
            return std::nullopt;
        }
        const QString next = OciHeaders::nextLink(response->header("Link"));
        if (next.isEmpty())
            return tags;
        // Relative links resolve against the URL that answered, keeping its host and port.
        const QUrl nextUrl = response->url.resolved(QUrl(next));
        if (!nextUrl.isValid() || (nextUrl.scheme() != u"https" && nextUrl.scheme() != u"http")) {
            fail(e, OciError::Kind::InvalidResponse,
                 u"the tag list's next-page link is not an HTTP URL"_s);
            return std::nullopt;
        }
        if (seen.contains(nextUrl)) {
            fail(e, OciError::Kind::InvalidResponse,
                 u"the tag list's next-page link leads back to a page already read (page %1)"_s.arg(
                     page));
            return std::nullopt;
        }
        if (page >= m_options.maxTagPages) {
            fail(e, OciError::Kind::InvalidResponse,
                 u"the tag list did not end after %1 pages (the registry keeps sending a "
                 u"next-page Link)"_s.arg(m_options.maxTagPages));
            return std::nullopt;
        }
        seen.insert(nextUrl);
        url = nextUrl;
    }
}

std::optional<OciManifest> OciClient::parseManifest(const QByteArray &body,
                                                    const QByteArray &contentType,
                                                    const QByteArray &announcedDigest,
                                                    const QString &reference, OciError *error) const
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
             u"malformed manifest: %1"_s.arg(parseError.error == QJsonParseError::NoError
                                                 ? u"not a JSON object"_s
                                                 : jsonError(parseError)));
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

std::optional<QUrl> OciClient::manifestUrl(const QString &reference, OciError *e) const
{
    if (!ready(e))
        return std::nullopt;
    if (!isTag(reference) && !digestAlgorithm(reference)) {
        fail(e, OciError::Kind::InvalidReference,
             u"\"%1\" is neither a tag nor a sha256/sha384/sha512 digest"_s.arg(reference));
        return std::nullopt;
    }
    return m_transport->apiUrl(u"/v2/%1/manifests/%2"_s.arg(m_reference->repository(), reference),
                               e);
}

std::optional<OciManifest> OciClient::manifest(const QString &reference, OciError *error)
{
    ErrorSlot slot(error);
    OciError *e = slot.get();
    const std::optional<QUrl> url = manifestUrl(reference, e);
    if (!url)
        return std::nullopt;
    const std::optional<OciResponse> response = m_transport->request(
        OciTransport::Method::Get, *url, manifestMediaTypes(), m_options.maxManifestBytes, e);
    if (!response)
        return std::nullopt;
    return parseManifest(response->body, response->header("Content-Type"),
                         response->header("Docker-Content-Digest"), reference, e);
}

std::optional<QString> OciClient::manifestDigest(const QString &reference, OciError *error)
{
    ErrorSlot slot(error);
    OciError *e = slot.get();
    const std::optional<QUrl> url = manifestUrl(reference, e);
    if (!url)
        return std::nullopt;
    const auto byReference = digestAlgorithm(reference);
    const std::optional<OciResponse> response = m_transport->request(
        OciTransport::Method::Head, *url, manifestMediaTypes(), headBodyLimit, e);
    if (!response) {
        // A HEAD answer has no body to say what is missing: say it here.
        if (e->kind == OciError::Kind::NotFound)
            e->message = u"no manifest \"%1\" in %2 (%3)"_s.arg(reference, m_reference->repoURL(),
                                                                e->message);
        return std::nullopt;
    }
    const QString announced = QString::fromLatin1(response->header("Docker-Content-Digest"));
    if (byReference) {
        if (!announced.isEmpty() && announced != reference) {
            fail(e, OciError::Kind::DigestMismatch,
                 u"asked for %1, the registry announced %2"_s.arg(reference, announced));
            return std::nullopt;
        }
        return reference;
    }
    if (digestAlgorithm(announced))
        return announced;
    // No usable header: the digest has to be computed from the manifest itself.
    const std::optional<OciManifest> fetched = manifest(reference, e);
    if (!fetched)
        return std::nullopt;
    return fetched->digest;
}

std::optional<QByteArray> OciClient::blob(const QString &digest, qint64 maxBytes, OciError *error)
{
    ErrorSlot slot(error);
    OciError *e = slot.get();
    if (!ready(e))
        return std::nullopt;
    const auto algorithm = digestAlgorithm(digest);
    if (!algorithm) {
        fail(e, OciError::Kind::InvalidReference,
             u"\"%1\" is not a sha256/sha384/sha512 digest"_s.arg(digest));
        return std::nullopt;
    }
    const std::optional<QUrl> url =
        m_transport->apiUrl(u"/v2/%1/blobs/%2"_s.arg(m_reference->repository(), digest), e);
    if (!url)
        return std::nullopt;
    std::optional<OciResponse> response =
        m_transport->request(OciTransport::Method::Get, *url, {}, maxBytes, e);
    if (!response)
        return std::nullopt;
    if (const QString computed = digestOf(response->body, *algorithm); computed != digest) {
        fail(e, OciError::Kind::DigestMismatch,
             u"blob %1 arrived with content that hashes to %2"_s.arg(digest, computed));
        return std::nullopt;
    }
    return std::move(response->body);
}

std::optional<OciClient::ConfigInfo> OciClient::config(const OciDescriptor &descriptor,
                                                       OciError *error)
{
    if (const auto it = m_configs.constFind(descriptor.digest); it != m_configs.cend())
        return *it;
    if (descriptor.size > m_options.maxConfigBytes) {
        fail(error, OciError::Kind::TooLarge,
             u"the config blob %1 is %2 bytes, more than the limit of %3"_s.arg(
                 shortDigest(descriptor.digest), QString::number(descriptor.size),
                 QString::number(m_options.maxConfigBytes)));
        return std::nullopt;
    }
    const std::optional<QByteArray> bytes =
        blob(descriptor.digest, m_options.maxConfigBytes, error);
    if (!bytes)
        return std::nullopt;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (!document.isObject()) {
        fail(error, OciError::Kind::InvalidResponse,
             u"malformed config blob %1: %2"_s.arg(shortDigest(descriptor.digest),
                                                   parseError.error == QJsonParseError::NoError
                                                       ? u"not a JSON object"_s
                                                       : jsonError(parseError)));
        return std::nullopt;
    }
    const QJsonObject object = document.object();
    ConfigInfo info;
    info.platform =
        OciPlatform{object.value(u"os"_s).toString(), object.value(u"architecture"_s).toString(),
                    object.value(u"variant"_s).toString()};
    info.created = object.value(u"created"_s).toString();
    info.labels = stringMap(object.value(u"config"_s).toObject().value(u"Labels"_s));
    m_configs.insert(descriptor.digest, info);
    return info;
}

std::optional<OciPlatformImage> OciClient::platformImage(const OciDescriptor &entry,
                                                         OciError *error)
{
    if (const auto it = m_platformImages.constFind(entry.digest); it != m_platformImages.cend())
        return *it;
    const std::optional<OciManifest> child = manifest(entry.digest, error);
    if (!child)
        return std::nullopt;
    if (child->isIndex()) {
        fail(error, OciError::Kind::Unsupported, u"an index inside an index"_s);
        return std::nullopt;
    }
    const std::optional<ConfigInfo> info = config(child->config, error);
    if (!info)
        return std::nullopt;
    OciPlatformImage image;
    image.platform = *entry.platform;
    image.digest = entry.digest;
    image.configDigest = child->config.digest;
    image.createdAt = OciBuildTime::latest(child->annotations, info->labels, info->created);
    image.annotations = entry.annotations;
    m_platformImages.insert(entry.digest, image);
    return image;
}

std::optional<OciManifestInfo> OciClient::image(const QString &reference,
                                                const std::optional<OciPlatform> &platform,
                                                OciError *error)
{
    ErrorSlot slot(error);
    OciError *e = slot.get();
    const std::optional<OciManifest> top = manifest(reference, e);
    if (!top)
        return std::nullopt;
    OciManifestInfo info;
    info.reference = reference;
    info.digest = top->digest;
    info.mediaType = top->mediaType;
    info.annotations = top->annotations;

    if (!top->isIndex()) {
        const std::optional<ConfigInfo> config = this->config(top->config, e);
        if (!config)
            return std::nullopt;
        info.platform = config->platform;
        info.configDigest = top->config.digest;
        info.createdAt = OciBuildTime::latest(top->annotations, config->labels, config->created);
        info.platformMatched = !platform || platform->matches(config->platform);
        return info;
    }

    // As Kargo: every image of the index is read (an index has no build time of its own, and
    // cannot be older than its newest image), whether or not a platform was asked for.
    for (const OciDescriptor &entry : top->manifests) {
        if (!isPlatformImage(entry))
            continue;
        const std::optional<OciPlatformImage> image = platformImage(entry, e);
        if (!image) {
            e->message = u"image %1 (%2) of the index: "_s.arg(entry.platform->toString(),
                                                               shortDigest(entry.digest)) +
                         e->message;
            return std::nullopt;
        }
        if (image->createdAt.isValid() &&
            (!info.createdAt.isValid() || image->createdAt > info.createdAt))
            info.createdAt = image->createdAt;
        info.platforms.append(*image);
    }
    if (info.platforms.isEmpty()) {
        fail(e, OciError::Kind::Unsupported,
             u"the index lists no platform images (it is empty, or holds only attestations); "
             u"Kargo does not support such an index either"_s);
        return std::nullopt;
    }
    if (platform) {
        info.platformMatched = false;
        for (const OciPlatformImage &image : std::as_const(info.platforms)) {
            if (platform->matches(image.platform)) {
                info.platformMatched = true;
                info.platform = image.platform;
                info.configDigest = image.configDigest;
                break;
            }
        }
    }
    return info;
}

} // namespace Stevedore
