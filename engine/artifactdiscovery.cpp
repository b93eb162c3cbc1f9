#include "engine/artifactdiscovery.h"

#include "engine/chartselection.h"
#include "engine/helmrepository.h"
#include "engine/ociclient.h"
#include "engine/tagselection.h"

#include <QSet>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

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

namespace {

/// Requests in flight at once for one subscription: Qt's connection limit per host. Each
/// worker has an OciClient (so a QNetworkAccessManager and a connection) of its own.
constexpr int maxParallelRequests = 6;

/// Runs @p work(client, i) for every i in [0, count): on the calling thread with @p own, and
/// on up to maxParallelRequests - 1 more threads with clients of their own (OciClient is
/// blocking and per thread). Indices are handed out in order; after a failure (work returned
/// false) no more are, so every index below the first failed one has run. Returns when all
/// work has finished. @p work must touch nothing shared but its own slots of result arrays.
template<typename Work>
void forEachParallel(qsizetype count, OciClient &own, const QString &repoURL,
                     const OciClientOptions &options, const Work &work)
{
    std::atomic<qsizetype> next{0};
    std::atomic<bool> failed{false};
    const auto drain = [&](OciClient &client) {
        while (!failed.load()) {
            const qsizetype i = next.fetch_add(1);
            if (i >= count)
                return;
            if (!work(client, i))
                failed.store(true);
        }
    };
    std::vector<std::unique_ptr<QThread>> helpers;
    const qsizetype width = std::min<qsizetype>(maxParallelRequests, count);
    for (qsizetype h = 1; h < width; ++h) {
        helpers.emplace_back(QThread::create([&] {
            OciClient client(repoURL, options);
            drain(client);
        }));
        helpers.back()->start();
    }
    drain(own);
    for (const std::unique_ptr<QThread> &helper : helpers)
        helper->wait();
}

/// What discovery learnt about one tag.
struct TagFacts
{
    QString digest;
    ImageMetadata metadata; ///< only when asked for
};

} // namespace

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

    // The digest of each tag, and with @p withMetadata what is known of it, in the tags' order.
    // Digests are asked for each poll (tags move), unless the subscription trusts tags never to
    // change (cacheByTag); a digest's metadata (manifest and config) is fetched only the first
    // time. Requests run several at a time; the cache is used on this thread only.
    const auto resolve = [&](const QStringList &tags,
                             bool withMetadata) -> std::optional<std::vector<TagFacts>> {
        std::vector<TagFacts> facts(size_t(tags.size()));
        std::vector<qsizetype> unknown; // tags whose digest is asked for
        for (qsizetype i = 0; i < tags.size(); ++i) {
            std::optional<QString> known;
            if (subscription.cacheByTag)
                known = cache.digestOfTag(repo, tags.at(i));
            if (known)
                facts[size_t(i)].digest = *known;
            else
                unknown.push_back(i);
        }
        std::vector<OciError> errors(unknown.size());
        forEachParallel(
            qsizetype(unknown.size()), client, repo, options, [&](OciClient &worker, qsizetype k) {
                const qsizetype i = unknown[size_t(k)];
                const auto digest = worker.manifestDigest(tags.at(i), &errors[size_t(k)]);
                if (digest)
                    facts[size_t(i)].digest = *digest;
                return digest.has_value();
            });
        for (size_t k = 0; k < unknown.size(); ++k) {
            if (errors[k].isError()) {
                error = errors[k];
                return std::nullopt;
            }
            if (subscription.cacheByTag)
                cache.rememberTag(repo, tags.at(unknown[k]), facts[size_t(unknown[k])].digest);
        }
        if (!withMetadata)
            return facts;

        QHash<QString, ImageMetadata> metadata;
        QStringList fetch; // digests not known yet, each once
        QSet<QString> queued;
        for (const TagFacts &fact : facts) {
            if (metadata.contains(fact.digest) || queued.contains(fact.digest))
                continue;
            if (auto known = cache.metadata(repo, fact.digest, platformKey)) {
                metadata.insert(fact.digest, *known);
            } else {
                fetch.append(fact.digest);
                queued.insert(fact.digest);
            }
        }
        std::vector<std::optional<OciManifestInfo>> infos(size_t(fetch.size()));
        std::vector<OciError> fetchErrors(size_t(fetch.size()));
        forEachParallel(fetch.size(), client, repo, options, [&](OciClient &worker, qsizetype k) {
            infos[size_t(k)] = worker.image(fetch.at(k), platform, &fetchErrors[size_t(k)]);
            return infos[size_t(k)].has_value();
        });
        for (qsizetype k = 0; k < fetch.size(); ++k) {
            const std::optional<OciManifestInfo> &info = infos[size_t(k)];
            if (!info) {
                error = fetchErrors[size_t(k)];
                return std::nullopt;
            }
            ++result.configFetches;
            const ImageMetadata known{info->createdAt, info->platformMatched};
            cache.remember(repo, fetch.at(k), platformKey, known);
            metadata.insert(fetch.at(k), known);
        }
        for (TagFacts &fact : facts)
            fact.metadata = metadata.value(fact.digest);
        return facts;
    };
    const auto failed = [&]() {
        result.error = error.message;
        return result;
    };

    if (subscription.imageSelectionStrategy == ImageSelectionStrategy::Digest) {
        const auto facts = resolve({subscription.constraint}, platform.has_value());
        if (!facts)
            return failed();
        if (platform && !facts->front().metadata.platformMatched) {
            result.error = QStringLiteral("%1:%2 has no image for %3")
                               .arg(repo, subscription.constraint, subscription.platform);
            return result;
        }
        result.images.append({subscription.constraint, facts->front().digest, {}});
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
        const auto facts = resolve(*allowed, true);
        if (!facts)
            return failed();
        for (qsizetype i = 0; i < allowed->size(); ++i) {
            const TagFacts &fact = facts->at(size_t(i));
            if (fact.metadata.platformMatched)
                result.images.append({allowed->at(i), fact.digest, fact.metadata.createdAt});
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
    // Best first, as many tags at a time as images are still missing: no digest or manifest
    // beyond the selected images (and those passed over for their platform) is read.
    qsizetype next = 0;
    while (result.images.size() < subscription.discoveryLimit && next < ordered->size()) {
        const QStringList batch =
            ordered->mid(next, subscription.discoveryLimit - result.images.size());
        next += batch.size();
        const auto facts = resolve(batch, platform.has_value());
        if (!facts)
            return failed();
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const TagFacts &fact = facts->at(size_t(i));
            if (platform && !fact.metadata.platformMatched)
                continue;
            result.images.append({batch.at(i), fact.digest, {}});
        }
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
        // An OCI chart's versions are its tags, with `+` (not allowed in a tag) written `_`,
        // read strictly as Helm's registry client reads them.
        selection.strictSemver = true;
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
