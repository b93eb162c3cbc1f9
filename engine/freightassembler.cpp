#include "engine/freightassembler.h"

#include "engine/freightalias.h"
#include "engine/store.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QString candidateURL(const Subscription &subscription)
{
    if (subscription.kind == Subscription::Kind::Chart && !subscription.chart.name.isEmpty())
        return subscription.repoURL() + u'/' + subscription.chart.name;
    return subscription.repoURL();
}

/// Whether @p reference names @p subscription: its name, its repository URL (with or without
/// a chart's name) or its store key.
bool names(const Subscription &subscription, const QString &reference)
{
    return reference == subscription.name || reference == subscription.repoURL() ||
           reference == candidateURL(subscription) ||
           reference == Store::subscriptionKey(subscription);
}

AssemblyResult refused(const QString &error)
{
    AssemblyResult result;
    result.outcome = AssemblyResult::Outcome::Refused;
    result.error = error;
    return result;
}

/// The subscription @p pick is for, or -1 with @p error set.
int subscriptionFor(const Warehouse &warehouse, const AssemblyPick &pick, QString *error)
{
    QList<int> matches;
    for (int i = 0; i < warehouse.subscriptions.size(); ++i) {
        const Subscription &subscription = warehouse.subscriptions.at(i);
        if (subscription.kind == pick.kind &&
            (pick.subscription.isEmpty() || names(subscription, pick.subscription)))
            matches.append(i);
    }
    if (matches.size() == 1)
        return matches.first();
    if (matches.isEmpty())
        *error = pick.subscription.isEmpty()
                     ? u"warehouse %1 has no %2 subscription"_s.arg(
                           warehouse.name, Subscription::kindName(pick.kind))
                     : u"warehouse %1 has no %2 subscription \"%3\""_s.arg(
                           warehouse.name, Subscription::kindName(pick.kind), pick.subscription);
    else
        *error = u"warehouse %1 has %2 %3 subscriptions: say which one with SUBSCRIPTION=%4 "
                 "(its name or repoURL)"_s.arg(warehouse.name, QString::number(matches.size()),
                                               Subscription::kindName(pick.kind), pick.value);
    return -1;
}

} // namespace

QList<SubscriptionCandidates> FreightAssembler::candidates(const Warehouse &warehouse,
                                                           const Store &store)
{
    QList<SubscriptionCandidates> result;
    for (const Subscription &subscription : warehouse.subscriptions) {
        SubscriptionCandidates candidates;
        candidates.kind = subscription.kind;
        candidates.key = Store::subscriptionKey(subscription);
        candidates.name = subscription.name;
        candidates.repoURL = candidateURL(subscription);
        switch (subscription.kind) {
        case Subscription::Kind::Git:
            candidates.commits = store.discoveredCommits(warehouse.name, candidates.key);
            break;
        case Subscription::Kind::Image:
            candidates.images = store.discoveredImages(warehouse.name, candidates.key);
            break;
        case Subscription::Kind::Chart:
            candidates.charts = store.discoveredCharts(warehouse.name, candidates.key);
            break;
        }
        result.append(candidates);
    }
    return result;
}

AssemblyResult FreightAssembler::assemble(const Pipeline &pipeline, Store &store,
                                          const QString &warehouseName,
                                          const QList<AssemblyPick> &picks)
{
    const Warehouse *warehouse = pipeline.warehouse(warehouseName);
    if (!warehouse)
        return refused(u"no warehouse \"%1\" in the pipeline"_s.arg(warehouseName));
    if (warehouse->subscriptions.isEmpty())
        return refused(u"warehouse %1 has no subscriptions"_s.arg(warehouseName));

    // Which pick goes with which subscription: exactly one each.
    QList<int> pickFor(warehouse->subscriptions.size(), -1);
    for (int p = 0; p < picks.size(); ++p) {
        QString error;
        const int index = subscriptionFor(*warehouse, picks.at(p), &error);
        if (index < 0)
            return refused(error);
        if (pickFor[index] >= 0)
            return refused(
                u"%1 is picked twice"_s.arg(candidateURL(warehouse->subscriptions.at(index))));
        pickFor[index] = p;
    }
    const QList<SubscriptionCandidates> stored = candidates(*warehouse, store);
    for (int i = 0; i < warehouse->subscriptions.size(); ++i) {
        if (pickFor.at(i) < 0)
            return refused(u"no %1 picked for subscription %2"_s.arg(
                warehouse->subscriptions.at(i).kind == Subscription::Kind::Git ? u"commit"_s
                : warehouse->subscriptions.at(i).kind == Subscription::Kind::Image
                    ? u"image"_s
                    : u"chart version"_s,
                stored.at(i).label()));
    }

    Freight freight;
    freight.origin = FreightOrigin{u"Warehouse"_s, warehouse->name};
    for (int i = 0; i < warehouse->subscriptions.size(); ++i) {
        const Subscription &subscription = warehouse->subscriptions.at(i);
        const SubscriptionCandidates &available = stored.at(i);
        const QString label = available.label();
        const QString value = picks.at(pickFor.at(i)).value.trimmed();
        if (value.isEmpty())
            return refused(u"an empty pick for subscription %1"_s.arg(label));

        switch (subscription.kind) {
        case Subscription::Kind::Git: {
            // A full id, or a prefix of one that no other candidate shares.
            QList<DiscoveredCommit> matches;
            for (const DiscoveredCommit &commit : available.commits) {
                if (commit.id.startsWith(value, Qt::CaseInsensitive))
                    matches.append(commit);
            }
            if (matches.size() > 1 && value.size() < 40)
                return refused(u"commit %1 is ambiguous in %2: %3 candidates start with it"_s.arg(
                    value, label, QString::number(matches.size())));
            if (matches.isEmpty())
                return refused(
                    u"commit %1 is not a stored candidate of %2 (see --list)"_s.arg(value, label));
            const DiscoveredCommit &picked = matches.first();
            FreightCommit commit;
            commit.repoURL = subscription.git.repoURL;
            commit.id = picked.id;
            commit.branch = picked.branch;
            commit.tag = picked.tag;
            commit.message = picked.subject;
            commit.author = picked.author;
            commit.committedAt = picked.committedAt;
            commit.subscriptionName = subscription.name;
            freight.commits.append(commit);
            break;
        }
        case Subscription::Kind::Image: {
            // `TAG@DIGEST` names one exactly; a digest names the first tag it was found
            // under; a tag that moved is taken at its latest digest.
            const qsizetype at = value.indexOf(u'@');
            const QString tag = at >= 0 ? value.left(at) : value.contains(u':') ? QString() : value;
            const QString digest = at >= 0 ? value.mid(at + 1) : tag.isEmpty() ? value : QString();
            const DiscoveredImage *picked = nullptr;
            for (const DiscoveredImage &image : available.images) {
                if ((tag.isEmpty() || image.tag == tag) &&
                    (digest.isEmpty() || image.digest == digest)) {
                    picked = &image;
                    break;
                }
            }
            if (!picked)
                return refused(
                    u"image %1 is not a stored candidate of %2 (see --list)"_s.arg(value, label));
            freight.images.append(
                {subscription.image.repoURL, picked->tag, picked->digest, subscription.name});
            break;
        }
        case Subscription::Kind::Chart: {
            QString version = value;
            if (version.startsWith(u'v') && version.size() > 1 && version.at(1).isDigit()) {
                // Versions are stored as the repository spells them; accept either spelling.
                bool found = false;
                for (const DiscoveredChart &chart : available.charts)
                    found = found || chart.version == version;
                if (!found)
                    version = version.mid(1);
            }
            const DiscoveredChart *picked = nullptr;
            for (const DiscoveredChart &chart : available.charts) {
                if (chart.version == version) {
                    picked = &chart;
                    break;
                }
            }
            if (!picked)
                return refused(
                    u"chart version %1 is not a stored candidate of %2 (see --list)"_s.arg(value,
                                                                                           label));
            freight.charts.append(
                {subscription.chart.repoURL, picked->name, picked->version, subscription.name});
            break;
        }
        }
    }

    freight.id =
        Freight::computeId(warehouse->name, freight.commits, freight.images, freight.charts);
    if (const std::optional<Freight> existing = store.findFreight(freight.id)) {
        AssemblyResult result;
        result.outcome = AssemblyResult::Outcome::Existing;
        result.freight = *existing;
        return result;
    }
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    freight.alias =
        FreightAlias::generate(store.freightAliases(), QRandomGenerator::global()->generate64());
    AssemblyResult result;
    if (!store.addFreight(freight, &result.error)) {
        result.outcome = AssemblyResult::Outcome::Failed;
        result.error = u"cannot store the freight: %1"_s.arg(result.error);
        return result;
    }
    result.outcome = AssemblyResult::Outcome::Created;
    result.freight = freight;
    return result;
}

} // namespace Stevedore
