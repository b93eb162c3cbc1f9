#include "engine/artifactdiscovery.h"

#include "engine/chartselection.h"
#include "engine/helmrepository.h"
#include "engine/ociclient.h"
#include "engine/tagselection.h"

#include <algorithm>

namespace Stevedore {

namespace {

QString metadataKey(const QString &repoURL, const QString &digest, const QString &platform)
{
    return repoURL + u'@' + digest + u'#' + platform;
}

} // namespace

std::optional<ImageMetadata>
MemoryImageCache::metadata(const QString &repoURL, const QString &digest, const QString &platform)
{
    const auto it = m_metadata.constFind(metadataKey(repoURL, digest, platform));
    if (it == m_metadata.constEnd())
        return std::nullopt;
    return *it;
}

void MemoryImageCache::remember(const QString &repoURL, const QString &digest,
                                const QString &platform, const ImageMetadata &metadata)
{
    m_metadata.insert(metadataKey(repoURL, digest, platform), metadata);
}

std::optional<QString> MemoryImageCache::digestOfTag(const QString &repoURL, const QString &tag)
{
    const auto it = m_tags.constFind(repoURL + u':' + tag);
    if (it == m_tags.constEnd())
        return std::nullopt;
    return *it;
}

void MemoryImageCache::rememberTag(const QString &repoURL, const QString &tag,
                                   const QString &digest)
{
    m_tags.insert(repoURL + u':' + tag, digest);
}

ArtifactDiscovery::ImageResult
ArtifactDiscovery::discoverImages(const ImageSubscription &subscription,
                                  const OciClientOptions &options, ImageMetadataCache &cache)
{
    ImageResult result;
    OciClient client(subscription.repoURL, options);
    OciError error;
    std::optional<OciPlatform> platform;
    if (!subscription.platform.isEmpty()) {
        platform = OciPlatform::parse(subscription.platform);
        if (!platform) {
            result.error = QStringLiteral("\"%1\" is not a platform").arg(subscription.platform);
            return result;
        }
    }
    const QString platformKey = subscription.platform;
    const QString &repo = subscription.repoURL;

    // The digest of a tag: asked for each poll (tags move), unless the subscription trusts
    // tags never to change (cacheByTag).
    const auto digestOf = [&](const QString &tag) -> std::optional<QString> {
        if (subscription.cacheByTag) {
            if (auto known = cache.digestOfTag(repo, tag))
                return known;
        }
        const auto digest = client.manifestDigest(tag, &error);
        if (digest && subscription.cacheByTag)
            cache.rememberTag(repo, tag, *digest);
        return digest;
    };
    // What is known of a digest, fetched (manifest and config) only the first time.
    const auto metadataOf = [&](const QString &tag,
                                const QString &digest) -> std::optional<ImageMetadata> {
        if (auto known = cache.metadata(repo, digest, platformKey))
            return known;
        const auto info = client.image(digest, platform, &error);
        if (!info)
            return std::nullopt;
        ++result.configFetches;
        ImageMetadata metadata{info->createdAt, info->platformMatched};
        cache.remember(repo, digest, platformKey, metadata);
        Q_UNUSED(tag)
        return metadata;
    };
    const auto failed = [&]() {
        result.error = error.message;
        return result;
    };

    if (subscription.imageSelectionStrategy == ImageSelectionStrategy::Digest) {
        const auto digest = digestOf(subscription.constraint);
        if (!digest)
            return failed();
        if (platform) {
            const auto metadata = metadataOf(subscription.constraint, *digest);
            if (!metadata)
                return failed();
            if (!metadata->platformMatched) {
                result.error = QStringLiteral("%1:%2 has no image for %3")
                                   .arg(repo, subscription.constraint, subscription.platform);
                return result;
            }
        }
        result.images.append({subscription.constraint, *digest, {}});
        result.ok = true;
        return result;
    }

    const auto tags = client.tags(&error);
    if (!tags)
        return failed();

    if (subscription.imageSelectionStrategy == ImageSelectionStrategy::NewestBuild) {
        QString filterError;
        const auto allowed = TagSelection::filter(*tags, subscription.allowTagsRegexes,
                                                  subscription.ignoreTagsRegexes, &filterError);
        if (!allowed) {
            result.error = filterError;
            return result;
        }
        for (const QString &tag : *allowed) {
            const auto digest = digestOf(tag);
            if (!digest)
                return failed();
            const auto metadata = metadataOf(tag, *digest);
            if (!metadata)
                return failed();
            if (metadata->platformMatched)
                result.images.append({tag, *digest, metadata->createdAt});
        }
        // Newest build first; an image without a build time sorts last.
        std::stable_sort(result.images.begin(), result.images.end(),
                         [](const DiscoveredImage &a, const DiscoveredImage &b) {
                             if (a.createdAt != b.createdAt)
                                 return a.createdAt > b.createdAt;
                             return a.tag > b.tag;
                         });
        if (result.images.size() > subscription.discoveryLimit)
            result.images.resize(subscription.discoveryLimit);
        result.ok = true;
        return result;
    }

    TagSelection::Options selection;
    selection.strategy = subscription.imageSelectionStrategy == ImageSelectionStrategy::SemVer
                             ? TagSelection::Strategy::SemVer
                             : TagSelection::Strategy::Lexical;
    selection.constraint = subscription.constraint;
    selection.allowRegexes = subscription.allowTagsRegexes;
    selection.ignoreRegexes = subscription.ignoreTagsRegexes;
    selection.strictSemvers = subscription.strictSemvers;
    selection.limit = -1; // tags without the platform are dropped below: limit afterwards
    QString selectError;
    const auto ordered = TagSelection::select(*tags, selection, &selectError);
    if (!ordered) {
        result.error = selectError;
        return result;
    }
    for (const QString &tag : *ordered) {
        if (result.images.size() >= subscription.discoveryLimit)
            break;
        const auto digest = digestOf(tag);
        if (!digest)
            return failed();
        if (platform) {
            const auto metadata = metadataOf(tag, *digest);
            if (!metadata)
                return failed();
            if (!metadata->platformMatched)
                continue;
        }
        result.images.append({tag, *digest, {}});
    }
    result.ok = true;
    return result;
}

ArtifactDiscovery::ChartResult
ArtifactDiscovery::discoverCharts(const ChartSubscription &subscription, const QString &cacheRoot,
                                  const OciClientOptions &options)
{
    ChartResult result;
    ChartSelection::Options selection;
    selection.semverConstraint = subscription.semverConstraint;
    selection.discoveryLimit = subscription.discoveryLimit;
    QString error;
    if (subscription.repoURL.startsWith(u"oci://")) {
        // An OCI chart's versions are its tags, with `+` (not allowed in a tag) written `_`.
        OciClient client(subscription.repoURL.mid(6), options);
        OciError ociError;
        const auto tags = client.tags(&ociError);
        if (!tags) {
            result.error = ociError.message;
            return result;
        }
        QStringList versions;
        for (const QString &tag : *tags)
            versions.append(QString(tag).replace(u'_', u'+'));
        const auto selected = ChartSelection::select(versions, selection, &error);
        if (!selected) {
            result.error = error;
            return result;
        }
        for (const QString &version : *selected)
            result.charts.append({QString(), version});
        result.ok = true;
        return result;
    }

    HelmRepository::Options fetchOptions;
    fetchOptions.cacheRoot = cacheRoot;
    fetchOptions.cancelled = options.cancelled;
    fetchOptions.insecureSkipTLSVerify = options.insecureSkipTLSVerify;
    const HelmRepository::Result fetched =
        HelmRepository::fetch(QUrl(subscription.repoURL), {subscription.name}, fetchOptions);
    result.indexParsed = fetched.parsed;
    if (!fetched.ok) {
        result.error = fetched.error;
        return result;
    }
    if (!fetched.index.contains(subscription.name)) {
        result.error = QStringLiteral("the repository has no chart \"%1\"").arg(subscription.name);
        return result;
    }
    const auto selected =
        ChartSelection::select(fetched.index.versions(subscription.name), selection, &error);
    if (!selected) {
        result.error = error;
        return result;
    }
    for (const HelmChartVersion &version : *selected)
        result.charts.append({subscription.name, version.version});
    result.ok = true;
    return result;
}

} // namespace Stevedore
