#pragma once

#include "engine/pipeline.h"
#include "engine/promotion.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Stevedore {

class PromotionContext;
class Store;

/// A promotion the user asked for.
struct PromotionRequest
{
    QString stage;
    QString freight; ///< id or alias
    bool skipUnrunnable = false;
    bool offline = false;
};

/// The plan and the dry run of a promotion: what would happen, and the exact change.
struct PromotionPreview
{
    PromotionPlan plan;
    PromotionResult result;
    /// Why the dry run did not start (unknown stage or freight, plan errors).
    QStringList errors;
    /// Steps that cannot run here and would run: a real promotion needs them skipped.
    QStringList unrunnable;
    /// Every secret value the dry run read, to mask anything printed (the plan's configs
    /// are masked already).
    std::function<QString(const QString &)> mask;

    bool started() const { return errors.isEmpty(); }
};

/// Ties the pieces of a promotion together for the GUI's engine thread and stevedorectl:
/// finds the freight, plans the stage's steps, and runs them as a dry run in a scratch
/// workspace that is removed afterwards. Blocks; call it from a worker thread.
class Promoter
{
    Q_DECLARE_TR_FUNCTIONS(Promoter)

public:
    static PromotionPreview dryRun(const Pipeline &pipeline, const Store &store,
                                   const PromotionRequest &request,
                                   std::shared_ptr<std::atomic<bool>> cancelled = {},
                                   std::function<void(const StepResult &)> progress = {});
};

} // namespace Stevedore
