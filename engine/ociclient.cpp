#include "engine/ociclient.h"

#include "engine/ociheaders.h"
#include "engine/ocijson.h"
#include "engine/ocitransport_p.h"

#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

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

bool isTag(const QString &reference)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"_s);
    return pattern.match(reference).hasMatch();
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
    return {OciJson::ociManifestType.toLatin1(), OciJson::ociIndexType.toLatin1(),
            OciJson::dockerManifestType.toLatin1(), OciJson::dockerListType.toLatin1()};
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
        const std::optional<QStringList> pageTags = OciJson::tagsPage(response->body, page, e);
        if (!pageTags)
            return std::nullopt;
        tags += *pageTags;
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

std::optional<QUrl> OciClient::manifestUrl(const QString &reference, OciError *e) const
{
    if (!ready(e))
        return std::nullopt;
    if (!isTag(reference) && !OciJson::digestAlgorithm(reference)) {
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
    return OciJson::manifest(response->body, response->header("Content-Type"),
                             response->header("Docker-Content-Digest"), reference, e);
}

std::optional<QString> OciClient::manifestDigest(const QString &reference, OciError *error)
{
    ErrorSlot slot(error);
    OciError *e = slot.get();
    const std::optional<QUrl> url = manifestUrl(reference, e);
    if (!url)
        return std::nullopt;
    const auto byReference = OciJson::digestAlgorithm(reference);
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
    if (OciJson::digestAlgorithm(announced))
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
    const auto algorithm = OciJson::digestAlgorithm(digest);
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
    if (const QString computed = OciJson::digestOf(response->body, *algorithm);
        computed != digest) {
        fail(e, OciError::Kind::DigestMismatch,
             u"blob %1 arrived with content that hashes to %2"_s.arg(digest, computed));
        return std::nullopt;
    }
    return std::move(response->body);
}

std::optional<OciImageConfig> OciClient::config(const OciDescriptor &descriptor, OciError *error)
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
    const std::optional<OciImageConfig> info =
        OciJson::config(*bytes, shortDigest(descriptor.digest), error);
    if (!info)
        return std::nullopt;
    m_configs.insert(descriptor.digest, *info);
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
    const std::optional<OciImageConfig> info = config(child->config, error);
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
        const std::optional<OciImageConfig> config = this->config(top->config, e);
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
