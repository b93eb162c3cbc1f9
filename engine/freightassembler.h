#pragma once

#include "engine/artifactdiscovery.h"
#include "engine/freight.h"
#include "engine/gitdiscovery.h"
#include "engine/pipeline.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace Stevedore {

class Store;

/// What one subscription of a warehouse has discovered and stored: the artifacts freight can be
/// assembled from by hand.
struct SubscriptionCandidates
{
    Subscription::Kind kind = Subscription::Kind::Git;
    QString key;     ///< how the store knows the subscription (Store::subscriptionKey)
    QString name;    ///< the subscription's `name`, if it has one
    QString repoURL; ///< with `/<chart name>` for a chart of a classic repository
    QList<DiscoveredCommit> commits; ///< newest first
    QList<DiscoveredImage> images;   ///< latest poll first, best first within a poll
    QList<DiscoveredChart> charts;   ///< latest poll first, best first within a poll

    /// The name, or the repository URL.
    QString label() const { return name.isEmpty() ? repoURL : name; }
    bool isEmpty() const { return commits.isEmpty() && images.isEmpty() && charts.isEmpty(); }
};

/// One choice for freight assembled by hand: the artifact to take from one subscription.
struct AssemblyPick
{
    Subscription::Kind kind = Subscription::Kind::Git;
    /// The subscription's name, repository URL or store key; may be empty when the warehouse
    /// has only one subscription of this kind.
    QString subscription;
    /// A commit id (a unique prefix is enough), an image tag, digest (`sha256:...`) or
    /// `TAG@DIGEST`, or a chart version.
    QString value;
};

/// What assembling freight by hand came to.
struct AssemblyResult
{
    enum class Outcome
    {
        Created,  ///< new freight, stored
        Existing, ///< the same artifacts are already a stored freight, which is reported
        Refused,  ///< unknown warehouse or subscription, a pick that is not a candidate, a
                  ///< subscription without a pick
        Failed    ///< the store could not be read or written
    };
    Outcome outcome = Outcome::Failed;
    QString error;
    Freight freight;

    bool ok() const { return outcome == Outcome::Created || outcome == Outcome::Existing; }
};

/// Assembles freight by hand from what discovery stored (for `freightCreationPolicy: Manual`
/// warehouses, but any warehouse will do): one pick per subscription, each checked against the
/// stored candidates, made into freight exactly as automatic creation makes it (Kargo's id, an
/// alias unique in the project, commit details from the store). Needs only the store, so it
/// works offline.
class FreightAssembler
{
public:
    /// Per subscription of @p warehouse, in the manifest's order, what the store holds.
    static QList<SubscriptionCandidates> candidates(const Warehouse &warehouse, const Store &store);

    /// Resolves @p picks against the stored candidates and stores the freight they make (or
    /// reports the stored freight that has exactly those artifacts).
    static AssemblyResult assemble(const Pipeline &pipeline, Store &store, const QString &warehouse,
                                   const QList<AssemblyPick> &picks);
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::SubscriptionCandidates)
Q_DECLARE_METATYPE(Stevedore::AssemblyResult)
Q_DECLARE_METATYPE(Stevedore::AssemblyPick)
