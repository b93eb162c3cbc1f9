#pragma once

#include "engine/promotion.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

namespace Stevedore {

class PromotionContext;

/// Runs a promotion's planned steps in a scratch workspace, one after the other, as Kargo
/// does: each step's `if:` (by default `success()`), its variables and config rendered just
/// before it runs, `retry.errorThreshold` attempts, `continueOnError`. A dry run stops before
/// the first step that would leave the machine (git-push, git-tag). Afterwards the result
/// holds, per working tree a git-clone step made, the exact diff of what changed.
class PromotionRunner
{
    Q_DECLARE_TR_FUNCTIONS(PromotionRunner)

public:
    struct Options
    {
        bool dryRun = true;
        /// Run with steps that cannot run here skipped (recorded as Skipped with the reason).
        bool skipUnrunnable = false;
        /// Do not try to reach remotes; git-clone uses the local cache.
        bool offline = false;
        QString workspace;   ///< an empty folder for the steps' files
        QString cacheRoot;   ///< the bare clones of git repositories
        QString promotionId; ///< names generated branches (`kargo/promotion/<id>`)
        std::shared_ptr<std::atomic<bool>> cancelled;
        /// Takes a lock named @p key (a repository and branch) until the run ends; false when
        /// it could not (cancelled). Unset: no locking.
        std::function<bool(const QString &key)> acquireLock;
        /// Called as each step starts (status Running) and when it has finished.
        std::function<void(const StepResult &)> progress;
    };

    static PromotionResult run(const PromotionPlan &plan, PromotionContext &context,
                               const Options &options);
};

} // namespace Stevedore
