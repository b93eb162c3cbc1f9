#include "app/cli/commands.h"

#include "engine/manifestloader.h"
#include "engine/pipelinegraph.h"
#include "engine/store.h"

#include <QDir>
#include <QFileInfo>

namespace Stevedore::Cli {

namespace {

/// Usage errors name the command and point at --help.
int usage(Streams io, const QString &message)
{
    io.err << "stevedorectl: " << message << "\n"
           << "Try 'stevedorectl --help' for more information.\n";
    return UsageError;
}

bool checkOptions(const CommandLine &line, const QStringList &allowed, Streams io, int *exitCode)
{
    for (auto it = line.options.begin(); it != line.options.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *exitCode =
                usage(io, QStringLiteral("%1: unknown option --%2").arg(line.command, it.key()));
            return false;
        }
    }
    return true;
}

/// Every path must exist and be readable: otherwise it is a usage error (exit 2), not a
/// validation finding.
bool checkPaths(const QStringList &paths, Streams io, int *exitCode)
{
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            *exitCode = usage(io, QStringLiteral("%1: no such file or folder").arg(path));
            return false;
        }
        if (!info.isReadable() || (info.isDir() && !info.isExecutable())) {
            *exitCode = usage(io, QStringLiteral("%1: permission denied").arg(path));
            return false;
        }
    }
    return true;
}

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
    QString error;
    const auto opened = Store::open(line.positional.first(), &error);
    if (!opened) {
        io.err << "stevedorectl: " << error << '\n';
        return Failure;
    }
    io.out << QDir::toNativeSeparators(opened->filePath()) << '\n';
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
        "\n"
        "Global options (before or after the command):\n"
        "  --state-dir DIR                  Keep the local store and caches in DIR (overrides\n"
        "                                   STEVEDORE_STATE_DIR).\n"
        "  -h, --help                       Show this help.\n"
        "  -v, --version                    Show the version.\n"
        "\n"
        "Environment:\n"
        "  STEVEDORE_STATE_DIR              Where the local store and caches live.\n");
}

} // namespace Stevedore::Cli
