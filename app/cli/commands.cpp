#include "app/cli/commands.h"

#include "app/cli/cliutil.h"
#include "engine/manifestloader.h"
#include "engine/pipelinegraph.h"
#include "engine/store.h"
#include "engine/tagselection.h"

#include <QDir>
#include <QFileInfo>

namespace Stevedore::Cli {

using namespace Qt::StringLiterals;

namespace {

void printProblems(const Problems &problems, QTextStream &stream)
{
    for (const Problem &problem : problems)
        stream << problem.toString() << '\n';
}

QString summary(const Pipeline &pipeline)
{
    const int errors = countProblems(pipeline.problems, Problem::Severity::Error);
    const int warnings = countProblems(pipeline.problems, Problem::Severity::Warning);
    return QStringLiteral("%1 warehouse(s), %2 stage(s), %3 task(s), %4 analysis template(s): "
                          "%5 error(s), %6 warning(s)")
        .arg(pipeline.warehouses.size())
        .arg(pipeline.stages.size())
        .arg(pipeline.tasks.size())
        .arg(pipeline.analysisTemplates.size())
        .arg(errors)
        .arg(warnings);
}

} // namespace

int validate(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {}, io, &exitCode))
        return exitCode;
    if (line.positional.isEmpty())
        return usage(io, QStringLiteral("validate: missing PATH"));
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;
    const Pipeline pipeline = ManifestLoader::load(line.positional);
    printProblems(pipeline.problems, io.out);
    io.err << summary(pipeline) << '\n';
    return pipeline.hasErrors() ? Failure : Success;
}

int graph(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {QStringLiteral("format")}, io, &exitCode))
        return exitCode;
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? QStringLiteral("graph: missing PATH")
                                                   : QStringLiteral("graph: takes one PATH"));
    const QString format = line.has(QStringLiteral("format")) ? line.value(QStringLiteral("format"))
                                                              : QStringLiteral("text");
    if (format != u"text" && format != u"json" && format != u"dot")
        return usage(
            io, QStringLiteral("graph: unknown format \"%1\" (use text, json or dot)").arg(format));
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;
    // Drawn even when the manifests have errors, as the GUI does; the problems go to stderr.
    const Pipeline pipeline = ManifestLoader::load(line.positional);
    printProblems(pipeline.problems, io.err);
    const PipelineGraph g = PipelineGraph::build(pipeline);
    if (format == u"json")
        io.out << QString::fromUtf8(g.toJson());
    else if (format == u"dot")
        io.out << g.toDot();
    else
        io.out << g.toText();
    return Success;
}

int store(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    if (!checkOptions(line, {}, io, &exitCode))
        return exitCode;
    if (line.positional.size() != 1)
        return usage(io, line.positional.isEmpty() ? QStringLiteral("store: missing PATH")
                                                   : QStringLiteral("store: takes one PATH"));
    if (!checkPaths(line.positional, io, &exitCode))
        return exitCode;
    // Opening is what creates (or migrates) the store; a store it cannot read, or one a newer
    // Stevedore wrote, is refused and left as it is.
    const auto opened = openStore(line.positional.first(), io, &exitCode);
    if (!opened)
        return exitCode;
    io.out << QDir::toNativeSeparators(opened->filePath()) << '\n';
    return Success;
}

int previewTags(const CommandLine &line, Streams io)
{
    int exitCode = Success;
    const QStringList allowed{u"strategy"_s, u"constraint"_s, u"allow"_s,
                              u"ignore"_s,   u"limit"_s,      u"strict-semvers"_s};
    if (!checkOptions(line, allowed, io, &exitCode))
        return exitCode;
    if (line.positional.isEmpty())
        return usage(io, u"preview-tags: missing TAG"_s);

    TagSelection::Options options;
    const QString strategy = line.has(u"strategy"_s) ? line.value(u"strategy"_s) : u"SemVer"_s;
    if (strategy == u"SemVer")
        options.strategy = TagSelection::Strategy::SemVer;
    else if (strategy == u"Lexical")
        options.strategy = TagSelection::Strategy::Lexical;
    else
        return usage(
            io, u"preview-tags: unknown strategy \"%1\" (use SemVer or Lexical)"_s.arg(strategy));
    options.constraint = line.value(u"constraint"_s);
    options.allowRegexes = line.values(u"allow"_s);
    options.ignoreRegexes = line.values(u"ignore"_s);
    if (line.has(u"strict-semvers"_s)) {
        const QString strict = line.value(u"strict-semvers"_s);
        if (strict != u"true" && strict != u"false")
            return usage(
                io,
                u"preview-tags: --strict-semvers takes true or false, not \"%1\""_s.arg(strict));
        options.strictSemvers = strict == u"true";
    }
    if (line.has(u"limit"_s)) {
        // Kargo's discoveryLimit: 1 to 100.
        bool ok = false;
        options.limit = line.value(u"limit"_s).toInt(&ok);
        if (!ok || options.limit < 1 || options.limit > 100)
            return usage(io,
                         u"preview-tags: --limit takes a number from 1 to 100, not \"%1\""_s.arg(
                             line.value(u"limit"_s)));
    }
    QString error;
    const auto selected = TagSelection::select(line.positional, options, &error);
    if (!selected)
        return usage(io, u"preview-tags: "_s + error);
    if (options.strategy == TagSelection::Strategy::Lexical &&
        (line.has(u"constraint"_s) || line.has(u"strict-semvers"_s)))
        io.err << "stevedorectl: note: --constraint and --strict-semvers apply to the SemVer "
                  "strategy only\n";
    for (const QString &tag : *selected)
        io.out << tag << '\n';
    return Success;
}

QString helpText()
{
    return QStringLiteral(
        "Usage: stevedorectl [--state-dir DIR] COMMAND [OPTIONS] [ARGS]\n"
        "\n"
        "Continuous promotion for Kargo pipelines, without a screen.\n"
        "\n"
        "Commands:\n"
        "  validate PATH...                 Check Kargo manifests (folders or files) and print\n"
        "                                   every problem as FILE:LINE:COLUMN: error|warning: ...\n"
        "                                   Exit 0 without errors, 1 with errors, 2 on usage.\n"
        "  graph PATH [--format FORMAT]     Print the pipeline's warehouses, stages and edges.\n"
        "                                   FORMAT is text (default), json or dot.\n"
        "  store PATH                       Print the file of the pipeline's local store (under\n"
        "                                   the state folder), creating it if needed. Exit 1 if\n"
        "                                   it cannot be opened, e.g. a newer Stevedore wrote it.\n"
        "  preview-tags [OPTIONS] TAG...    Print the tags a subscription would select, best\n"
        "                                   first, as Kargo selects them. Options:\n"
        "                                   --strategy SemVer|Lexical (default SemVer),\n"
        "                                   --constraint RANGE (a semver range),\n"
        "                                   --allow REGEX, --ignore REGEX (repeatable; Go RE2\n"
        "                                   syntax; ignore wins), --strict-semvers true|false\n"
        "                                   (default true), --limit N (1-100, default 20).\n"
        "                                   Exit 0 even if none match, 2 on a bad option.\n"
        "  discover PATH [--warehouse NAME] [--json]\n"
        "                                   Poll the warehouses once and print, per warehouse,\n"
        "                                   the freight of its newest selection (new or already\n"
        "                                   stored). Errors go to stderr as "
        "WAREHOUSE/SUBSCRIPTION:\n"
        "                                   message; exit 1 if any subscription failed.\n"
        "  freight PATH [--json]            List the stored freight, newest first, without\n"
        "                                   touching the network.\n"
        "  promote PATH --stage S --freight ID|ALIAS [--dry-run] [--yes] [--skip-unrunnable]\n"
        "                [--offline]\n"
        "                                   Plan the promotion and run its steps in a scratch\n"
        "                                   workspace up to the first git-push; print the plan,\n"
        "                                   then the diff of what it would change. Without\n"
        "                                   --dry-run, then ask (without a terminal: only with\n"
        "                                   --yes) and run it for real, committing as your git\n"
        "                                   identity and pushing with your credentials.\n"
        "                                   --skip-unrunnable runs it with the steps Stevedore\n"
        "                                   cannot run here skipped; --offline checks out from\n"
        "                                   the local cache. Exit 0 succeeded (or the dry run\n"
        "                                   completed), 1 failed or errored, 3 refused before\n"
        "                                   starting (unknown stage or freight, freight not\n"
        "                                   available to the stage, steps not runnable here, no\n"
        "                                   git identity, not confirmed).\n"
        "  approve PATH --stage S --freight ID|ALIAS\n"
        "                                   Approve freight for a stage by hand.\n"
        "  history PATH [--stage S] [--json]\n"
        "                                   Print promotions, newest first, with their phase,\n"
        "                                   freight, times and steps.\n"
        "  assemble PATH --warehouse W [--commit [SUB=]SHA]... [--image [SUB=]TAG|DIGEST]...\n"
        "                [--chart [SUB=]VERSION]... [--list] [--json]\n"
        "                                   Assemble freight by hand from what discovery stored\n"
        "                                   for the warehouse (freightCreationPolicy: Manual),\n"
        "                                   one pick per subscription: a commit (a unique prefix\n"
        "                                   will do), an image tag or digest, a chart version.\n"
        "                                   SUB is the subscription's name or repoURL, needed\n"
        "                                   only when the warehouse has several of that kind.\n"
        "                                   Freight with the same artifacts is reported, not\n"
        "                                   stored twice. --list prints the stored candidates per\n"
        "                                   subscription instead. Works offline. Exit 0 assembled\n"
        "                                   (or already stored), 1 the store failed, 3 refused\n"
        "                                   (unknown warehouse or subscription, not a stored\n"
        "                                   candidate, a subscription without a pick).\n"
        "  compare PATH FREIGHT_A FREIGHT_B [--json]\n"
        "                                   Compare two stored freight (id or alias) of one\n"
        "                                   warehouse: each artifact old -> new (changed ones\n"
        "                                   marked *), and the commits between their commits,\n"
        "                                   read from the local git cache (offline). Exit 0, 3\n"
        "                                   unknown freight or different warehouses.\n"
        "  verify PATH --stage S [--json]\n"
        "                                   Verify the stage's current freight with its analysis\n"
        "                                   templates against Prometheus (without freight, run\n"
        "                                   the analysis alone), printing each measurement as it\n"
        "                                   arrives, then the verdict; --json prints one JSON\n"
        "                                   object per line. Only Prometheus metrics run here.\n"
        "                                   Exit 0 Successful; 1 Failed, Error or Inconclusive;\n"
        "                                   130 when interrupted (stored as Aborted).\n"
        "\n"
        "Global options (before or after the command):\n"
        "  --state-dir DIR                  Keep the local store and caches in DIR (overrides\n"
        "                                   STEVEDORE_STATE_DIR).\n"
        "  --mirror HOST=URL                Send a registry's requests to URL instead (a pull-\n"
        "                                   through cache, or a local registry); freight keeps\n"
        "                                   the original repository URLs. Repeatable.\n"
        "  --prometheus FROM=TO             Send queries for the Prometheus address FROM (a URL\n"
        "                                   prefix, or HOST[:PORT]) to the URL TO instead, e.g.\n"
        "                                   prometheus.monitoring:9090=http://127.0.0.1:9090.\n"
        "                                   Repeatable; adds to the verification/prometheus-\n"
        "                                   Addresses setting.\n"
        "  -h, --help                       Show this help.\n"
        "  -v, --version                    Show the version.\n"
        "\n"
        "Environment:\n"
        "  STEVEDORE_STATE_DIR              Where the local store and caches live.\n");
}

} // namespace Stevedore::Cli
