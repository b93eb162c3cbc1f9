#pragma once

#include "engine/pipeline.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Stevedore {

/// One git commit in a piece of freight, as Kargo's GitCommit.
struct FreightCommit
{
    QString repoURL;
    QString id;      ///< the full commit hash
    QString branch;  ///< where it was found, for the branch strategy
    QString tag;     ///< the tag that selected it, for the tag strategies
    QString message; ///< the subject line
    QString author;
    QDateTime committedAt;
    QString subscriptionName; ///< the Warehouse subscription's `name`, if it has one

    friend bool operator==(const FreightCommit &, const FreightCommit &) = default;
};

/// One container image in a piece of freight, as Kargo's Image.
struct FreightImage
{
    QString repoURL;
    QString tag;
    QString digest; ///< `sha256:...`
    QString subscriptionName;

    friend bool operator==(const FreightImage &, const FreightImage &) = default;
};

/// One Helm chart in a piece of freight, as Kargo's Chart.
struct FreightChart
{
    QString repoURL;
    QString name; ///< empty for an `oci://` chart
    QString version;
    QString subscriptionName;

    friend bool operator==(const FreightChart &, const FreightChart &) = default;
};

/// A bundle of artifact versions from one warehouse, promoted from stage to stage as a unit. Its
/// id is content-addressed exactly as Kargo's, so the same freight has the same name here and on
/// a Kargo installation.
struct Freight
{
    QString id;
    QString alias; ///< human-friendly, unique in the project, e.g. `brave-otter`
    FreightOrigin origin;
    QList<FreightCommit> commits;
    QList<FreightImage> images;
    QList<FreightChart> charts;
    QDateTime discoveredAt;

    /// Kargo's freight id: the SHA-1 (hex) of `Warehouse/<warehouse>:` followed by the sorted
    /// artifact parts joined by `|`. A commit part is `normalizeGitURL(repoURL):[tag:]id`, an
    /// image part `repoURL:tag@digest`, a chart part `path.Join(normalizeChartURL(repoURL),
    /// name):version`; each gets `:<subscriptionName>` when its subscription is named.
    static QString computeId(const QString &warehouse, const QList<FreightCommit> &commits,
                             const QList<FreightImage> &images, const QList<FreightChart> &charts);

    /// With Kargo's field names: id, alias, origin {kind, name}, commits, images, charts,
    /// discoveredAt (RFC 3339, UTC). Empty fields are left out, as Kargo does.
    QJsonObject toJson() const;
    static Freight fromJson(const QJsonObject &object);

    friend bool operator==(const Freight &, const Freight &) = default;
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::Freight)
