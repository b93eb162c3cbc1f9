#include "app/cli/promotecommands.h"

#include "app/cli/cliutil.h"
#include "engine/manifestloader.h"
#include "engine/promoter.h"
#include "engine/store.h"

#include <QJsonDocument>
#include <QJsonObject>

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
        out << "\n";
        out.flush();
        out << QString::fromUtf8(change.diff);
    }
}

} // namespace

int promote(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line,
                      {u"stage"_s, u"freight"_s, u"dry-run"_s, u"skip-unrunnable"_s, u"offline"_s},
                      io, &exitCode))
        return exitCode;
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? u"promote: missing PATH"_s
                                                   : u"promote: takes one PATH"_s);
    if (line.value(u"stage"_s).isEmpty())
        return usage(io, u"promote: --stage NAME is required"_s);
    if (line.value(u"freight"_s).isEmpty())
        return usage(io, u"promote: --freight ID|ALIAS is required"_s);
    if (!line.has(u"dry-run"_s))
        return usage(io, u"promote: only --dry-run is available in this version"_s);
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;

    const Pipeline pipeline = ManifestLoader::load(line.positional.first());
    bool errors = false;
    for (const Problem &problem : std::as_const(pipeline.problems)) {
        if (problem.severity == Problem::Severity::Error) {
            io.err << problem.toString() << '\n';
            errors = true;
        }
    }
    if (errors) {
        io.err << "stevedorectl: promote: the pipeline has errors; fix them first\n";
        return Refused;
    }
    QString error;
    const std::unique_ptr<Store> store = Store::open(line.positional.first(), &error);
    if (!store) {
        io.err << "stevedorectl: " << error << '\n';
        return Failure;
    }
    PromotionRequest request;
    request.stage = line.value(u"stage"_s);
    request.freight = line.value(u"freight"_s);
    request.skipUnrunnable = line.has(u"skip-unrunnable"_s);
    request.offline = line.has(u"offline"_s);
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
    if (!preview.unrunnable.isEmpty() && !request.skipUnrunnable)
        io.err << "stevedorectl: promote: steps that cannot run here: "
               << preview.unrunnable.join(u", "_s)
               << "; a real promotion needs --skip-unrunnable to run without them\n";
    if (preview.result.phase != PromotionPhase::Succeeded) {
        io.err << "stevedorectl: promote: dry run " << toString(preview.result.phase).toLower()
               << ": " << preview.result.message << '\n';
        return Failure;
    }
    return Success;
}

} // namespace Stevedore::Cli
