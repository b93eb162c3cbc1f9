#include "engine/promotionrunner.h"

#include "engine/promotioncontext.h"
#include "engine/promotionsteps.h"
#include "engine/promotionsteps_p.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool failed(StepStatus status)
{
    return status == StepStatus::Failed || status == StepStatus::Errored;
}

} // namespace

PromotionResult PromotionRunner::run(const PromotionPlan &plan, PromotionContext &context,
                                     const Options &options)
{
    PromotionResult result;
    result.dryRun = options.dryRun;
    result.phase = PromotionPhase::Running;
    QList<WorkspaceCheckout> checkouts;
    bool stopped = false;
    std::optional<StepStatus> failure; // the first step that failed the promotion

    for (const PlannedStep &planned : plan.steps) {
        StepResult step;
        step.alias = planned.alias;
        step.uses = planned.step.uses;
        if (stopped) {
            result.steps.append(step);
            continue;
        }
        if (options.cancelled && options.cancelled->load()) {
            step.status = StepStatus::Aborted;
            step.message = tr("cancelled");
            result.phase = PromotionPhase::Aborted;
            result.message = tr("cancelled before step %1").arg(planned.alias);
            stopped = true;
            result.steps.append(step);
            context.record(planned, step);
            continue;
        }
        const auto finish = [&](StepResult &&done) {
            done.finishedAt = QDateTime::currentDateTimeUtc();
            if (!done.startedAt.isValid())
                done.startedAt = done.finishedAt;
            context.record(planned, done);
            if (options.progress)
                options.progress(done);
            result.steps.append(std::move(done));
        };

        // The condition first: by default a step runs only while everything succeeded.
        const Expression::Functions functions = context.functions(planned);
        QString error;
        const QList<NamedValue> vars = plan.vars + planned.taskVars + planned.step.vars;
        const std::optional<QVariantMap> environment = context.environment(planned, vars, &error);
        bool runs = true;
        if (environment) {
            const QString condition =
                planned.step.condition.isEmpty() ? u"${{ success() }}"_s : planned.step.condition;
            const std::optional<QVariant> value =
                context.render(condition, *environment, functions, &error);
            if (value && value->typeId() != QMetaType::Bool)
                error = tr("if: the condition must be true or false");
            else if (value)
                runs = value->toBool();
            else
                error = tr("if: %1").arg(error);
        }
        if (!error.isEmpty()) {
            step.status = StepStatus::Errored;
            step.message = context.masked(error);
            failure = failure.value_or(StepStatus::Errored);
            finish(std::move(step));
            continue;
        }
        if (!runs) {
            step.status = StepStatus::Skipped;
            step.message = planned.step.condition.isEmpty() ? tr("an earlier step failed")
                                                            : tr("its condition is false");
            finish(std::move(step));
            continue;
        }
        if (planned.runnability == StepRunnability::LeavesMachine && options.dryRun) {
            result.stoppedBefore = planned.alias;
            stopped = true;
            step.message = tr("a dry run stops before this step");
            result.steps.append(step);
            continue;
        }
        if (planned.runnability == StepRunnability::NotRunnableHere) {
            step.status = options.skipUnrunnable ? StepStatus::Skipped : StepStatus::Errored;
            step.message = tr("not runnable here: %1").arg(planned.reason);
            if (!options.skipUnrunnable)
                failure = failure.value_or(StepStatus::Errored);
            finish(std::move(step));
            continue;
        }

        step.startedAt = QDateTime::currentDateTimeUtc();
        step.status = StepStatus::Running;
        if (options.progress)
            options.progress(step);
        const std::optional<QVariantMap> config =
            context.renderConfig(planned.step.config, *environment, functions, &error);
        if (!config) {
            step.status = StepStatus::Errored;
            step.message = context.masked(error);
            if (!planned.step.continueOnError)
                failure = failure.value_or(StepStatus::Errored);
            finish(std::move(step));
            continue;
        }
        step.config = context.masked(QVariant(*config)).toMap();
        StepRun run;
        run.workspace = options.workspace;
        run.cacheRoot = options.cacheRoot;
        run.config = *config;
        run.context = &context;
        run.step = &planned;
        run.offline = options.offline;
        run.dryRun = options.dryRun;
        run.cancelled = options.cancelled;
        run.checkouts = &checkouts;
        run.landed = &result.landed;
        run.promotionId = options.promotionId;
        run.acquireLock = options.acquireLock;
        const int attempts = std::max(1, planned.step.retryErrorThreshold.value_or(1));
        StepOutcome outcome;
        for (int attempt = 1; attempt <= attempts; ++attempt) {
            step.attempts = attempt;
            outcome = PromotionSteps::run(planned.step.uses, run);
            if (outcome.status != StepStatus::Errored)
                break;
            if (options.cancelled && options.cancelled->load())
                break;
        }
        step.status = outcome.status;
        step.message = context.masked(outcome.message);
        step.outputs = outcome.outputs;
        for (const QString &line : std::as_const(outcome.log))
            step.log.append(context.masked(line));
        if (failed(step.status) && !planned.step.continueOnError)
            failure = failure.value_or(step.status);
        if (step.status == StepStatus::Aborted) {
            result.phase = PromotionPhase::Aborted;
            result.message = tr("cancelled during step %1").arg(planned.alias);
            stopped = true;
        }
        finish(std::move(step));
    }

    for (const WorkspaceCheckout &checkout : std::as_const(checkouts)) {
        QString error;
        std::optional<RepositoryChange> change = GitSteps::change(checkout, &error);
        if (!change) {
            result.message = tr("could not compute the change in %1: %2").arg(checkout.path, error);
            failure = failure.value_or(StepStatus::Errored);
            continue;
        }
        result.changes.append(*change);
    }

    if (result.phase == PromotionPhase::Aborted)
        return result;
    if (failure) {
        result.phase =
            *failure == StepStatus::Failed ? PromotionPhase::Failed : PromotionPhase::Errored;
        if (result.message.isEmpty()) {
            for (const StepResult &step : std::as_const(result.steps)) {
                if (failed(step.status)) {
                    result.message =
                        tr("step %1 (%2): %3").arg(step.alias, step.uses, step.message);
                    break;
                }
            }
        }
    } else {
        result.phase = PromotionPhase::Succeeded;
    }
    return result;
}

} // namespace Stevedore
