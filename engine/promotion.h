#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace Stevedore {

/// A promotion's phase, with Kargo's names.
enum class PromotionPhase
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Errored,
    Aborted,
};

/// A step's status, with Kargo's names.
enum class StepStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Errored,
    Aborted,
    Skipped,
};

QString toString(PromotionPhase phase);
QString toString(StepStatus status);

/// Whether Stevedore can run a step on this workstation.
enum class StepRunnability
{
    Runnable,
    /// git-push: run by a real promotion, never by a dry run.
    LeavesMachine,
    /// Needs a cluster, a tool or a service; see PlannedStep::reason.
    NotRunnableHere,
};

/// Whether a step's `if:` could be decided before the promotion starts.
enum class PlannedCondition
{
    Runs,      ///< no condition, or one that is true up front
    Skipped,   ///< a condition that is false up front
    Undecided, ///< depends on what earlier steps produce
};

/// One step of a promotion after `task:` references are expanded: what it is, where it came
/// from, and what the plan knows about it before anything runs.
struct PlannedStep
{
    int index = 0;
    /// The alias outputs are kept under: the step's `as`, or `step-N`; inside a task
    /// `<task alias>::<step alias>`, where the task alias is the reference's `as` or `task-N`.
    QString alias;
    QString taskAlias;  ///< set for steps that come from a task
    QString localAlias; ///< the alias inside the task (for `task.outputs`)
    QString taskName;
    PromotionStep step; ///< as written: `uses`, `if`, `vars`, `config`, ...
    /// The task's variables for a step from a task: defaults and the reference's values, in
    /// Kargo's order. They override the stage's template variables.
    QList<NamedValue> taskVars;
    StepRunnability runnability = StepRunnability::Runnable;
    PlannedCondition condition = PlannedCondition::Runs;
    QString reason; ///< why the step cannot run here, for NotRunnableHere
};

/// The steps a promotion would run, in order, and what stops it from starting.
struct PromotionPlan
{
    QString project;
    QString stage;
    Freight freight;
    QList<NamedValue> vars; ///< the stage's promotionTemplate vars
    QList<PlannedStep> steps;
    /// Problems that stop the promotion from starting at all (an unknown task, a task
    /// variable without a value, an unknown stage).
    QStringList errors;

    /// Steps that cannot run here and would not be skipped by a condition decided up front.
    QList<const PlannedStep *> blockingSteps() const;
};

/// What one step did.
struct StepResult
{
    QString alias;
    QString uses;
    StepStatus status = StepStatus::Pending;
    QString message;
    /// The config as it was rendered, with secret values masked.
    QVariantMap config;
    QVariantMap outputs;
    QStringList log;
    QDateTime startedAt;
    QDateTime finishedAt;
    int attempts = 0;
};

/// One file a promotion changes in a repository.
struct FileChange
{
    enum class Kind
    {
        Added,
        Modified,
        Deleted,
    };
    QString path;
    Kind kind = Kind::Modified;
    int additions = 0;
    int deletions = 0;
    bool binary = false;
};

/// What a promotion changes in one working tree of a GitOps repository.
struct RepositoryChange
{
    QString path; ///< the working tree, relative to the promotion's workspace (`./src`)
    QString repoURL;
    QString branch;     ///< the branch the change is made on
    QString baseCommit; ///< what the change starts from (empty for a new branch)
    QByteArray diff;    ///< `git diff` format, applicable with `git apply`
    QList<FileChange> files;
    QString treeId;             ///< the tree the change produces
    QStringList commitMessages; ///< of the commits git-commit made (or would make)
    bool fromCache = false;     ///< checked out from the local cache, the remote unreachable
    QString cacheNote;          ///< why, when fromCache
};

/// A commit (or tag) a promotion pushed: what landed where.
struct LandedChange
{
    QString repoURL;
    QString branch;
    QString commit;
    QString tag;
};

/// One promotion as the store keeps it.
struct PromotionRecord
{
    QString id;
    QString stage;
    QString freightId;
    PromotionPhase phase = PromotionPhase::Pending;
    QString message;
    QString currentStep; ///< alias of the step running (or last run)
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    qint64 pid = 0; ///< the process running it
    bool skipUnrunnable = false;
    QList<LandedChange> landed;
    QList<StepResult> steps;
};

/// A freight a stage has or had.
struct StageFreight
{
    QString stage;
    QString freightId;
    FreightOrigin origin;
    QString promotionId;
    QDateTime since;
};

PromotionPhase promotionPhaseFromString(const QString &text);
StepStatus stepStatusFromString(const QString &text);

/// The outcome of running a promotion's steps, for real or as a dry run.
struct PromotionResult
{
    PromotionPhase phase = PromotionPhase::Pending;
    QString message;
    bool dryRun = true;
    /// Where a dry run stopped: the alias of the first step that would leave the machine.
    QString stoppedBefore;
    QList<StepResult> steps;
    QList<RepositoryChange> changes;
    /// What git-push steps pushed, in order: after the first, a failure is not undone.
    QList<LandedChange> landed;
};

} // namespace Stevedore
