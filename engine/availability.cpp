#include "engine/availability.h"

#include "engine/store.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QString duration(qint64 ms)
{
    const qint64 minutes = (ms + 59'999) / 60'000;
    if (minutes < 60)
        return Availability::tr("%n minute(s)", nullptr, int(minutes));
    return Availability::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

} // namespace

AvailabilityVerdict Availability::check(const Pipeline &pipeline, const Store &store,
                                        const QString &stageName, const Freight &freight,
                                        const QDateTime &now)
{
    const Stage *stage = pipeline.stage(stageName);
    if (!stage)
        return {false, tr("there is no stage \"%1\"").arg(stageName)};
    const auto request =
        std::find_if(stage->requestedFreight.begin(), stage->requestedFreight.end(),
                     [&](const RequestedFreight &r) { return r.origin == freight.origin; });
    if (request == stage->requestedFreight.end())
        return {false, tr("%1 does not take freight from %2 \"%3\"")
                           .arg(stageName, freight.origin.kind, freight.origin.name)};
    if (store.approvedFor(freight.id).contains(stageName))
        return {true, tr("approved for %1").arg(stageName)};
    if (request->direct)
        return {true, tr("%1 takes freight from %2 directly").arg(stageName, freight.origin.name)};
    if (request->upstreamStages.isEmpty())
        return {false, tr("%1 names no source for freight from %2")
                           .arg(stageName, freight.origin.name)};

    const QHash<QString, QDateTime> verified = store.verifiedIn(freight.id);
    QStringList missing;
    QStringList soaking;
    QStringList passed;
    for (const QString &upstream : request->upstreamStages) {
        const auto it = verified.constFind(upstream);
        if (it == verified.constEnd()) {
            missing.append(upstream);
            continue;
        }
        const qint64 soaked = it->msecsTo(now);
        if (soaked < request->requiredSoakTimeMs) {
            soaking.append(tr("%1 (%2 left)")
                               .arg(upstream, duration(request->requiredSoakTimeMs - soaked)));
            continue;
        }
        passed.append(upstream);
    }
    const bool all = request->availabilityStrategy == AvailabilityStrategy::All;
    if (all ? passed.size() == request->upstreamStages.size() : !passed.isEmpty())
        return {true, tr("verified in %1").arg(passed.join(u", "_s))};
    if (!soaking.isEmpty() && (all ? missing.isEmpty() : true))
        return {false, tr("soaking in %1").arg(soaking.join(u", "_s))};
    return {false, all ? tr("not yet verified in %1").arg(missing.join(u", "_s))
                       : tr("not yet verified in %1").arg(
                             request->upstreamStages.join(tr(" or ")))};
}

} // namespace Stevedore
