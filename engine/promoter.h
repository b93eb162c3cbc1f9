#pragma once

#include "engine/availability.h"
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
    /// Why the freight may (or may not) go to the stage; a dry run runs either way.
    AvailabilityVerdict availability;
    /// Who the commits will be by (`Name <email>`), or why there is no identity.
    QString identity;
    bool hasIdentity = false;

    bool started() const { return errors.isEmpty(); }
};

/// What a real promotion did, or why it did not start.
struct PromotionOutcome
{
    enum class Start
    {
        Started,
        /// Refused before anything ran: unknown stage or freight, a plan with errors, freight
        /// not available to the stage, steps not runnable here without skipping them, no git
        /// identity.
        Refused,
    };
    Start start = Start::Refused;
    QStringList refusals;
    PromotionPlan plan;
    PromotionRecord record;
};

/// Ties the pieces of a promotion together for the GUI's engine thread and stevedorectl:
/// finds the freight, checks availability, plans the stage's steps and runs them in a
/// scratch workspace under the state folder, keeping the promotion's progress in the store
/// so that one interrupted by a crash is found and marked Errored on the next start. Blocks;
/// call it from a worker thread.
class Promoter
{
    Q_DECLARE_TR_FUNCTIONS(Promoter)

public:
    /// Runs every step before the first git-push in a scratch workspace that is removed
    /// afterwards: nothing leaves the machine.
    static PromotionPreview dryRun(const Pipeline &pipeline, const Store &store,
                                   const PromotionRequest &request,
                                   std::shared_ptr<std::atomic<bool>> cancelled = {},
                                   std::function<void(const StepResult &)> progress = {});

    /// Runs the promotion for real: commits as the user and pushes with the user's
    /// credentials. Promotions of one stage wait for each other, and so do promotions into
    /// the same repository and branch, across processes. On success the stage has the
    /// freight, and a stage without verification counts it as verified.
    static PromotionOutcome promote(const Pipeline &pipeline, Store &store,
                                    const PromotionRequest &request,
                                    std::shared_ptr<std::atomic<bool>> cancelled = {},
                                    std::function<void(const StepResult &)> progress = {});

    /// Marks promotions whose process died as Errored and removes workspaces nobody uses.
    /// Every start of the GUI and of stevedorectl on a pipeline calls it.
    static QStringList recover(Store &store);
};

} // namespace Stevedore
