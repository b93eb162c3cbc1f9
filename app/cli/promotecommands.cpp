#include "app/cli/promotecommands.h"

#include "app/cli/cliutil.h"
#include "engine/manifestloader.h"
#include "engine/promoter.h"
#include "engine/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Stevedore::Cli {

namespace {

QString statusText(const PlannedStep &planned, const StepResult &step)
{
    QString text;
    if (step.status != StepStatus::Pending)
        text = toString(step.status);
    else
        text = u"not run"_s;
    if (!step.message.isEmpty())
        text += u": "_s + step.message;
    else if (step.status == StepStatus::Pending && planned.condition == PlannedCondition::Skipped)
        text += u": its condition is false"_s;
    if (planned.runnability == StepRunnability::NotRunnableHere &&
        !step.message.startsWith(u"not runnable"))
        text += u" (not runnable here: "_s + planned.reason + u')';
    return text;
}

void printPlan(const PromotionPreview &preview, QTextStream &out)
{
    const PromotionPlan &plan = preview.plan;
    out << "Promotion of freight " << plan.freight.alias << " (" << plan.freight.id << ") to stage "
        << plan.stage << ", dry run\n\nSteps:\n";
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        const PlannedStep &planned = plan.steps.at(i);
        const StepResult step = preview.result.steps.value(i);
        out << QString::number(i + 1).rightJustified(3) << "  " << planned.alias.leftJustified(28)
            << ' ' << planned.step.uses.leftJustified(20) << ' ' << statusText(planned, step)
            << '\n';
        if (!step.config.isEmpty())
            out << "       config: "
                << QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(step.config))
                                         .toJson(QJsonDocument::Compact))
                << '\n';
        for (const QString &line : step.log)
            out << "       " << line << '\n';
    }
    for (const RepositoryChange &change : preview.result.changes) {
        for (const QString &message : change.commitMessages) {
            out << "\nCommit message (" << change.path << "):\n";
            for (const QString &line : message.split(u'\n'))
                out << "    " << line << '\n';
        }
    }
}

void printDiffs(const PromotionPreview &preview, QTextStream &out)
{
    for (const RepositoryChange &change : preview.result.changes) {
        out << "\n# " << change.path << ": " << change.repoURL;
        if (!change.branch.isEmpty())
            out << " (branch " << change.branch << ')';
        if (change.diff.isEmpty()) {
            out << ", no changes\n";
            continue;
        }
        out << "\n" << QString::fromUtf8(change.diff);
    }
}

/// Loads the pipeline; reports its errors and returns false when it has any.
bool loadPipeline(const QString &path, Streams io, Pipeline *pipeline)
{
    *pipeline = ManifestLoader::load(path);
    bool errors = false;
    for (const Problem &problem : std::as_const(pipeline->problems)) {
        if (problem.severity == Problem::Severity::Error) {
            io.err << problem.toString() << '\n';
            errors = true;
        }
    }
    if (errors)
        io.err << "stevedorectl: " << pipeline->displayPath
               << ": the pipeline has errors; fix them first\n";
    return !errors;
}

/// Whether the user answers yes on the terminal.
bool confirmed(Streams io, const QString &question)
{
    io.out << question << " [y/N] ";
    io.out.flush();
    char answer[16] = {};
    if (!std::fgets(answer, sizeof answer, stdin))
        return false;
    return answer[0] == 'y' || answer[0] == 'Y';
}

QJsonObject toJson(const PromotionRecord &record)
{
    QJsonArray steps;
    for (const StepResult &step : record.steps) {
        QJsonObject object{{u"alias"_s, step.alias},
                           {u"uses"_s, step.uses},
                           {u"status"_s, toString(step.status)},
                           {u"message"_s, step.message}};
        if (step.startedAt.isValid())
            object.insert(u"startedAt"_s, step.startedAt.toString(Qt::ISODateWithMs));
        if (step.finishedAt.isValid())
            object.insert(u"finishedAt"_s, step.finishedAt.toString(Qt::ISODateWithMs));
        steps.append(object);
    }
    QJsonArray landed;
    for (const LandedChange &change : record.landed)
        landed.append(QJsonObject{{u"repoURL"_s, change.repoURL},
                                  {u"branch"_s, change.branch},
                                  {u"commit"_s, change.commit},
                                  {u"tag"_s, change.tag}});
    QJsonObject object{{u"id"_s, record.id},
                       {u"stage"_s, record.stage},
                       {u"freight"_s, record.freightId},
                       {u"phase"_s, toString(record.phase)},
                       {u"message"_s, record.message},
                       {u"steps"_s, steps},
                       {u"landed"_s, landed}};
    if (record.startedAt.isValid())
        object.insert(u"startedAt"_s, record.startedAt.toString(Qt::ISODateWithMs));
    if (record.finishedAt.isValid())
        object.insert(u"finishedAt"_s, record.finishedAt.toString(Qt::ISODateWithMs));
    return object;
}

/// The PATH, --stage and --freight the promotion commands take.
bool checkTarget(const CommandLine &line, Streams io, bool needsStage, bool needsFreight,
                 int *exitCode)
{
    if (line.positional.size() != 1) {
        *exitCode =
            usage(io, line.positional.isEmpty() ? u"%1: missing PATH"_s.arg(line.command)
                                                : u"%1: takes one PATH"_s.arg(line.command));
        return false;
    }
    if (needsStage && line.value(u"stage"_s).isEmpty()) {
        *exitCode = usage(io, u"%1: --stage NAME is required"_s.arg(line.command));
        return false;
    }
    if (needsFreight && line.value(u"freight"_s).isEmpty()) {
        *exitCode = usage(io, u"%1: --freight ID|ALIAS is required"_s.arg(line.command));
        return false;
    }
    return checkPaths(line.positional, io, exitCode);
}

} // namespace

int promote(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(
            line,
            {u"stage"_s, u"freight"_s, u"dry-run"_s, u"skip-unrunnable"_s, u"offline"_s, u"yes"_s},
            io, &exitCode) ||
        !checkTarget(line, io, true, true, &exitCode))
        return exitCode;
    const bool dryRun = line.has(u"dry-run"_s);
    if (dryRun && line.has(u"yes"_s))
        return usage(io, u"promote: --yes makes no sense with --dry-run"_s);

    Pipeline pipeline;
    if (!loadPipeline(line.positional.first(), io, &pipeline))
        return Refused;
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &exitCode);
    if (!store)
        return exitCode;
    PromotionRequest request;
    request.stage = line.value(u"stage"_s);
    request.freight = line.value(u"freight"_s);
    request.skipUnrunnable = line.has(u"skip-unrunnable"_s);
    request.offline = line.has(u"offline"_s);

    // First the plan and the exact change, whether or not it then runs for real.
    const PromotionPreview preview = Promoter::dryRun(pipeline, *store, request);
    if (!preview.started()) {
        for (const QString &message : preview.errors)
            io.err << "stevedorectl: promote: " << message << '\n';
        return Refused;
    }
    printPlan(preview, io.out);
    printDiffs(preview, io.out);
    io.out.flush();
    for (const RepositoryChange &change : preview.result.changes) {
        if (change.fromCache)
            io.err << "stevedorectl: promote: " << change.path
                   << " comes from the local cache: " << change.cacheNote << '\n';
    }
    if (!preview.availability.available)
        io.err << "stevedorectl: promote: freight " << preview.plan.freight.alias
               << " is not available to " << request.stage << ": " << preview.availability.reason
               << '\n';
    if (!preview.unrunnable.isEmpty() && !request.skipUnrunnable)
        io.err << "stevedorectl: promote: steps that cannot run here: "
               << preview.unrunnable.join(u", "_s)
               << "; a real promotion needs --skip-unrunnable to run without them\n";
    if (preview.result.phase != PromotionPhase::Succeeded) {
        io.err << "stevedorectl: promote: dry run " << toString(preview.result.phase).toLower()
               << ": " << preview.result.message << '\n';
        return Failure;
    }
    if (dryRun)
        return Success;

    if (!preview.availability.available ||
        (!preview.unrunnable.isEmpty() && !request.skipUnrunnable))
        return Refused;
    if (!line.has(u"yes"_s)) {
        if (!::isatty(STDIN_FILENO)) {
            io.err << "stevedorectl: promote: not confirmed: there is no terminal to ask on; "
                      "give --yes to promote without asking\n";
            return Refused;
        }
        if (!confirmed(io, u"\nCommit as %1 and push?"_s.arg(preview.identity))) {
            io.err << "stevedorectl: promote: not confirmed\n";
            return Refused;
        }
    }
    io.out << "\nPromoting " << preview.plan.freight.alias << " to " << request.stage << ":\n";
    io.out.flush();
    const PromotionOutcome outcome =
        Promoter::promote(pipeline, *store, request, {}, [&](const StepResult &step) {
            io.out << "  " << step.alias << " (" << step.uses << "): " << toString(step.status);
            if (!step.message.isEmpty())
                io.out << ": " << step.message;
            io.out << '\n';
            for (const QString &logLine : step.log)
                io.out << "      " << logLine << '\n';
            io.out.flush();
        });
    if (outcome.start == PromotionOutcome::Start::Refused) {
        for (const QString &message : outcome.refusals)
            io.err << "stevedorectl: promote: " << message << '\n';
        return Refused;
    }
    const PromotionRecord &record = outcome.record;
    io.out << "Promotion " << record.id << ": " << toString(record.phase) << '\n';
    if (record.phase != PromotionPhase::Succeeded) {
        io.err << "stevedorectl: promote: " << record.message << '\n';
        return Failure;
    }
    return Success;
}

int approve(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {u"stage"_s, u"freight"_s}, io, &exitCode) ||
        !checkTarget(line, io, true, true, &exitCode))
        return exitCode;
    Pipeline pipeline;
    if (!loadPipeline(line.positional.first(), io, &pipeline))
        return Refused;
    const QString stage = line.value(u"stage"_s);
    if (!pipeline.stage(stage)) {
        io.err << "stevedorectl: approve: there is no stage \"" << stage << "\"\n";
        return Refused;
    }
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &exitCode);
    if (!store)
        return exitCode;
    const std::optional<Freight> freight = store->findFreight(line.value(u"freight"_s));
    if (!freight) {
        io.err << "stevedorectl: approve: there is no freight \"" << line.value(u"freight"_s)
               << "\" in the local store\n";
        return Refused;
    }
    QString error;
    if (!store->approve(freight->id, stage, &error)) {
        io.err << "stevedorectl: approve: " << error << '\n';
        return Failure;
    }
    io.out << "Approved " << freight->alias << " (" << freight->id << ") for " << stage << '\n';
    return Success;
}

int history(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {u"stage"_s, u"json"_s}, io, &exitCode) ||
        !checkTarget(line, io, false, false, &exitCode))
        return exitCode;
    const std::unique_ptr<Store> store = openStore(line.positional.first(), io, &exitCode);
    if (!store)
        return exitCode;
    const QList<PromotionRecord> promotions = store->promotions(line.value(u"stage"_s));
    if (line.has(u"json"_s)) {
        QJsonArray array;
        for (const PromotionRecord &record : promotions)
            array.append(toJson(record));
        io.out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Success;
    }
    for (const PromotionRecord &record : promotions) {
        const std::optional<Freight> freight = store->findFreight(record.freightId);
        io.out << record.id << "  " << toString(record.phase) << "  "
               << (freight ? freight->alias : record.freightId) << "  "
               << record.startedAt.toString(Qt::ISODate) << " .. "
               << (record.finishedAt.isValid() ? record.finishedAt.toString(Qt::ISODate) : u"-"_s)
               << '\n';
        if (!record.message.isEmpty())
            io.out << "    " << record.message << '\n';
        for (const StepResult &step : record.steps) {
            io.out << "    " << step.alias << " (" << step.uses << "): " << toString(step.status);
            if (!step.message.isEmpty())
                io.out << ": " << step.message;
            io.out << '\n';
        }
    }
    return Success;
}

} // namespace Stevedore::Cli
