#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Stevedore {

class Store;

/// Whether freight may be promoted to a stage, and if not, why.
struct AvailabilityVerdict
{
    bool available = false;
    QString reason; ///< why it is available ("approved", "direct", "verified in dev") or not
};

/// Kargo's rules for what freight a stage may take, in Kargo's order: freight manually
/// approved for the stage; freight from an origin the stage takes `direct`ly; freight verified
/// in one upstream stage (`OneOf`) or in every one (`All`), and there for `requiredSoakTime`.
/// A stage whose verification has not run yet (or that has none) counts freight as verified
/// once a promotion of it there succeeded (the store keeps both).
class Availability
{
    Q_DECLARE_TR_FUNCTIONS(Availability)

public:
    static AvailabilityVerdict check(const Pipeline &pipeline, const Store &store,
                                     const QString &stage, const Freight &freight,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace Stevedore
