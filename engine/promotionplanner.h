#pragma once

#include "engine/pipeline.h"
#include "engine/promotion.h"

#include <QCoreApplication>
#include <QString>

namespace Stevedore {

class PromotionContext;

/// Turns a stage's promotionTemplate into the list of steps a promotion runs: `task:`
/// references expanded with their variables resolved in Kargo's order (the task's defaults,
/// then the stage's template vars, then the reference's own vars), aliases given as Kargo
/// gives them, each step marked runnable here or not (and why), and `if:` conditions that
/// do not depend on earlier steps decided up front.
class PromotionPlanner
{
    Q_DECLARE_TR_FUNCTIONS(PromotionPlanner)

public:
    static PromotionPlan plan(const Pipeline &pipeline, const QString &stage,
                              const Freight &freight, const PromotionContext &context);

    /// Whether Stevedore runs @p uses itself; when not, @p reason says why.
    static StepRunnability runnability(const QString &uses, QString *reason);
};

} // namespace Stevedore
