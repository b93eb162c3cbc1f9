#pragma once

#include "engine/ocitypes.h"
#include "engine/pipeline.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Stevedore {

/// An image a subscription selected.
struct DiscoveredImage
{
    QString tag;
    QString digest;
    QDateTime createdAt; ///< the build time, when it was needed (NewestBuild) and known

    friend bool operator==(const DiscoveredImage &, const DiscoveredImage &) = default;
};

/// A chart version a subscription selected.
struct DiscoveredChart
{
    QString name; ///< empty for an oci:// chart (the repository names it)
    QString version;

    friend bool operator==(const DiscoveredChart &, const DiscoveredChart &) = default;
};

/// What a registry told about an image, kept by digest: a digest's content never changes, so
/// a re-poll needs no config blob for an image it has seen.
struct ImageMetadata
{
    QDateTime createdAt;
    bool platformMatched = true;
};

/// Image metadata remembered between polls: by digest (immutable), and, for subscriptions
/// with `cacheByTag`, the digest of each tag.
class ImageMetadataCache
{
public:
    virtual ~ImageMetadataCache() = default;
    virtual std::optional<ImageMetadata> metadata(const QString &repoURL, const QString &digest,
                                                  const QString &platform) = 0;
    virtual void remember(const QString &repoURL, const QString &digest, const QString &platform,
                          const ImageMetadata &metadata) = 0;
    virtual std::optional<QString> digestOfTag(const QString &repoURL, const QString &tag) = 0;
    virtual void rememberTag(const QString &repoURL, const QString &tag, const QString &digest) = 0;
};

/// An in-memory ImageMetadataCache.
class MemoryImageCache : public ImageMetadataCache
{
public:
    std::optional<ImageMetadata> metadata(const QString &repoURL, const QString &digest,
                                          const QString &platform) override;
    void remember(const QString &repoURL, const QString &digest, const QString &platform,
                  const ImageMetadata &metadata) override;
    std::optional<QString> digestOfTag(const QString &repoURL, const QString &tag) override;
    void rememberTag(const QString &repoURL, const QString &tag, const QString &digest) override;

private:
    QHash<QString, ImageMetadata> m_metadata;
    QHash<QString, QString> m_tags;
};

/// Discovers what image and chart subscriptions select, with Kargo's strategies, from
/// container registries and Helm repositories. Runs on a worker thread.
class ArtifactDiscovery
{
public:
    struct ImageResult
    {
        bool ok = false;
        QString error;
        QList<DiscoveredImage> images; ///< best first, at most discoveryLimit
        int configFetches = 0;         ///< images whose metadata had to be fetched
    };
    struct ChartResult
    {
        bool ok = false;
        QString error;
        QList<DiscoveredChart> charts; ///< best first, at most discoveryLimit
        bool indexParsed = false;      ///< a classic repository's index was downloaded
    };

    static ImageResult discoverImages(const ImageSubscription &subscription,
                                      const OciClientOptions &options, ImageMetadataCache &cache);
    static ChartResult discoverCharts(const ChartSubscription &subscription,
                                      const QString &cacheRoot, const OciClientOptions &options);
};

} // namespace Stevedore
