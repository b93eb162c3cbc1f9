#include "engine/promoter.h"

#include "engine/gitworkspace.h"
#include "engine/promotioncontext.h"
#include "engine/promotionplanner.h"
#include "engine/promotionrunner.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QLockFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// What a dry run and a real run share: the freight, the context and the plan.
struct Prepared
{
    std::optional<Freight> freight;
    std::shared_ptr<PromotionContext> context;
    PromotionPlan plan;
    QStringList errors;
};

Prepared prepare(const Pipeline &pipeline, const Store &store, const PromotionRequest &request,
                 const QString &promotionId)
{
    Prepared prepared;
    prepared.freight = store.findFreight(request.freight);
    if (!prepared.freight) {
        prepared.errors.append(Promoter::tr("there is no freight \"%1\" in the local store; run "
                                            "discovery first (stevedorectl discover)")
                                   .arg(request.freight));
        return prepared;
    }
    // imageFrom() and friends also see what the stage has from other origins.
    QList<Freight> collection{*prepared.freight};
    for (const StageFreight &current : store.currentFreight(request.stage)) {
        if (current.origin == prepared.freight->origin)
            continue;
        if (const std::optional<Freight> other = store.findFreight(current.freightId))
            collection.append(*other);
    }
    prepared.context = std::make_shared<PromotionContext>(pipeline.projectName, request.stage,
                                                          promotionId, collection);
    prepared.context->setFreightMetadata(store.allMetadata(u"Freight"_s));
    prepared.plan =
        PromotionPlanner::plan(pipeline, request.stage, *prepared.freight, *prepared.context);
    prepared.errors = prepared.plan.errors;
    return prepared;
}

/// Whether the plan may make commits (and so needs the user's identity).
bool commits(const PromotionPlan &plan)
{
    return std::any_of(plan.steps.begin(), plan.steps.end(), [](const PlannedStep &step) {
        return step.condition != PlannedCondition::Skipped &&
               (step.step.uses == u"git-commit" || step.step.uses == u"git-tag");
    });
}

QString workspacesDir()
{
    return StatePaths::root() + u"/workspaces"_s;
}

bool processRunning(qint64 pid)
{
#ifdef Q_OS_UNIX
    // Signal 0 checks that the process exists without sending anything.
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    Q_UNUSED(pid);
    return true;
#endif
}

QString lockPath(const QString &scope, const QString &key)
{
    const QByteArray hash =
        QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(24);
    return StatePaths::root() + u"/locks/%1-%2.lock"_s.arg(scope, QString::fromLatin1(hash));
}

/// Waits for @p lock (a promotion of the same stage, or into the same branch, running in this
/// or another process), giving up when cancelled.
bool acquire(QLockFile &lock, const std::shared_ptr<std::atomic<bool>> &cancelled)
{
    QDir().mkpath(QFileInfo(lock.fileName()).absolutePath());
    lock.setStaleLockTime(0); // only a dead process's lock is stale
    while (!lock.tryLock(250)) {
        if (lock.error() == QLockFile::PermissionError || lock.error() == QLockFile::UnknownError)
            return false;
        if (cancelled && cancelled->load())
            return false;
        // A process killed between creating the lock file and writing its PID into it leaves
        // a file that names nobody, which QLockFile never takes for stale. Writing the PID
        // takes microseconds: a file without one for seconds is such a leftover.
        qint64 pid = 0;
        QString host;
        QString application;
        const QFileInfo file(lock.fileName());
        if (!lock.getLockInfo(&pid, &host, &application) && file.exists() &&
            file.lastModified().secsTo(QDateTime::currentDateTime()) >= 2)
            lock.removeStaleLockFile();
    }
    return true;
}

QString newPromotionId(const QString &stage, const Freight &freight)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return u"%1.%2%3.%4"_s.arg(
        stage, now.toString(u"yyyyMMddHHmmss"_s),
        QString::number(QRandomGenerator::global()->bounded(0x10000), 16).rightJustified(4, u'0'),
        freight.id.left(7));
}

} // namespace

PromotionPreview Promoter::dryRun(const Pipeline &pipeline, const Store &store,
                                  const PromotionRequest &request,
                                  std::shared_ptr<std::atomic<bool>> cancelled,
                                  std::function<void(const StepResult &)> progress)
{
    PromotionPreview preview;
    Prepared prepared = prepare(pipeline, store, request, u"%1.dry-run"_s.arg(request.stage));
    preview.plan = prepared.plan;
    preview.errors = prepared.errors;
    if (!prepared.freight)
        return preview;
    for (const PlannedStep *step : preview.plan.blockingSteps())
        preview.unrunnable.append(step->alias);
    preview.availability = Availability::check(pipeline, store, request.stage, *prepared.freight);
    QString identityError;
    if (const auto identity = GitWorkspace::userIdentity(QString(), &identityError)) {
        preview.identity = u"%1 <%2>"_s.arg(identity->name, identity->email);
        preview.hasIdentity = true;
    } else {
        preview.identity = identityError;
    }
    if (!preview.errors.isEmpty())
        return preview;

    QDir().mkpath(workspacesDir());
    // Named after this process: when it dies, recover() in the next one removes what its
    // steps wrote (secrets included).
    QTemporaryDir workspace(workspacesDir() +
                            u"/dry-run-%1-XXXXXX"_s.arg(QCoreApplication::applicationPid()));
    if (!workspace.isValid()) {
        preview.errors.append(tr("cannot create a workspace: %1").arg(workspace.errorString()));
        return preview;
    }
    PromotionRunner::Options options;
    options.dryRun = true;
    // A dry run previews the rest even when some steps cannot run here; the preview says so.
    options.skipUnrunnable = true;
    options.offline = request.offline;
    options.workspace = QDir(workspace.path()).canonicalPath();
    options.cacheRoot = StatePaths::cacheDir();
    options.cancelled = std::move(cancelled);
    options.progress = std::move(progress);
    preview.result = PromotionRunner::run(preview.plan, *prepared.context, options);
    return preview;
}

PromotionOutcome Promoter::promote(const Pipeline &pipeline, Store &store,
                                   const PromotionRequest &request,
                                   std::shared_ptr<std::atomic<bool>> cancelled,
                                   std::function<void(const StepResult &)> progress)
{
    PromotionOutcome outcome;
    recover(store);
    const std::optional<Freight> found = store.findFreight(request.freight);
    const QString promotionId = found ? newPromotionId(request.stage, *found) : QString();
    Prepared prepared = prepare(pipeline, store, request, promotionId);
    outcome.plan = prepared.plan;
    outcome.refusals = prepared.errors;
    if (!prepared.freight)
        return outcome;
    const AvailabilityVerdict availability =
        Availability::check(pipeline, store, request.stage, *prepared.freight);
    if (!availability.available)
        outcome.refusals.append(
            tr("freight %1 is not available to %2: %3")
                .arg(prepared.freight->alias, request.stage, availability.reason));
    QStringList blocking;
    for (const PlannedStep *step : prepared.plan.blockingSteps())
        blocking.append(u"%1 (%2: %3)"_s.arg(step->alias, step->step.uses, step->reason));
    if (!blocking.isEmpty() && !request.skipUnrunnable)
        outcome.refusals.append(tr("steps that cannot run here: %1; run with them skipped "
                                   "(--skip-unrunnable) or not at all")
                                    .arg(blocking.join(u", "_s)));
    QString identityError;
    if (commits(prepared.plan) && !GitWorkspace::userIdentity(QString(), &identityError))
        outcome.refusals.append(tr("%1: set it with git config --global user.name \"Your "
                                   "Name\" and git config --global user.email you@example.com")
                                    .arg(identityError));
    if (!outcome.refusals.isEmpty())
        return outcome;

    // One promotion of a stage at a time; the next one waits here.
    QLockFile stageLock(lockPath(u"stage"_s, store.filePath() + u'#' + request.stage));
    if (!acquire(stageLock, cancelled)) {
        outcome.refusals.append(
            tr("cancelled while waiting for another promotion of %1").arg(request.stage));
        return outcome;
    }

    PromotionRecord &record = outcome.record;
    record.id = promotionId;
    record.stage = request.stage;
    record.freightId = prepared.freight->id;
    record.phase = PromotionPhase::Running;
    record.createdAt = record.startedAt = QDateTime::currentDateTimeUtc();
    record.pid = QCoreApplication::applicationPid();
    record.skipUnrunnable = request.skipUnrunnable;
    QString error;
    if (!store.savePromotion(record, &error)) {
        outcome.refusals.append(tr("cannot record the promotion: %1").arg(error));
        return outcome;
    }
    outcome.start = PromotionOutcome::Start::Started;

    const QString workspace = workspacesDir() + u'/' + promotionId;
    QDir().mkpath(workspace);
    PromotionRunner::Options options;
    options.dryRun = false;
    options.skipUnrunnable = request.skipUnrunnable;
    options.offline = request.offline;
    options.workspace = QDir(workspace).canonicalPath();
    options.cacheRoot = StatePaths::cacheDir();
    options.cancelled = cancelled;
    options.promotionId = promotionId;
    std::vector<std::unique_ptr<QLockFile>> branchLocks;
    options.acquireLock = [&](const QString &key) {
        auto lock = std::make_unique<QLockFile>(lockPath(u"branch"_s, key));
        if (!acquire(*lock, cancelled))
            return false;
        branchLocks.push_back(std::move(lock));
        return true;
    };
    QHash<QString, int> indexes;
    for (const PlannedStep &step : std::as_const(prepared.plan.steps))
        indexes.insert(step.alias, step.index);
    options.progress = [&](const StepResult &step) {
        store.saveStep(record.id, indexes.value(step.alias), step);
        if (progress)
            progress(step);
    };
    const PromotionResult result = PromotionRunner::run(prepared.plan, *prepared.context, options);

    record.phase = result.phase;
    record.message = result.message;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.landed = result.landed;
    record.steps = result.steps;
    for (qsizetype i = 0; i < result.steps.size(); ++i)
        store.saveStep(record.id, int(i), result.steps.at(i));
    if (result.phase == PromotionPhase::Succeeded) {
        store.setStageFreight(request.stage, *prepared.freight, record.id, record.finishedAt);
        const Stage *stage = pipeline.stage(request.stage);
        if (stage && stage->verification.isEmpty())
            store.markVerified(prepared.freight->id, request.stage, record.finishedAt,
                               u"promotion"_s);
    }
    const QHash<QString, QVariantMap> freightMetadata = prepared.context->freightMetadata();
    for (auto it = freightMetadata.begin(); it != freightMetadata.end(); ++it)
        store.setMetadata(u"Freight"_s, it.key(), it.value());
    const QHash<QString, QVariantMap> stageMetadata = prepared.context->stageMetadata();
    for (auto it = stageMetadata.begin(); it != stageMetadata.end(); ++it)
        store.setMetadata(u"Stage"_s, it.key(), it.value());
    if (!store.savePromotion(record, &error))
        record.message += u' ' + tr("(the store could not record the outcome: %1)").arg(error);
    QDir(workspace).removeRecursively();
    return outcome;
}

QStringList Promoter::recover(Store &store)
{
    const QStringList marked = store.markInterruptedPromotions();
    // Workspaces of promotions that are not running any more (dry runs' and ours).
    QSet<QString> running;
    for (const PromotionRecord &record : store.promotions(QString(), 1000)) {
        if (record.phase == PromotionPhase::Running || record.phase == PromotionPhase::Pending)
            running.insert(record.id);
    }
    const QDir dir(workspacesDir());
    for (const QFileInfo &entry : dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (entry.fileName().startsWith(u"dry-run-")) {
            // A dry run's QTemporaryDir, `dry-run-<pid>-XXXXXX`: removed once that process
            // has ended.
            bool ok = false;
            const qint64 pid = entry.fileName().section(u'-', 2, 2).toLongLong(&ok);
            if (ok && pid > 0 && !processRunning(pid))
                QDir(entry.filePath()).removeRecursively();
            continue;
        }
        if (!running.contains(entry.fileName()) && store.promotion(entry.fileName()))
            QDir(entry.filePath()).removeRecursively();
    }
    return marked;
}

} // namespace Stevedore
