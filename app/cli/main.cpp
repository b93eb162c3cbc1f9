#include "app/cli/assemblecommands.h"
#include "app/cli/commandline.h"
#include "app/cli/commands.h"
#include "app/cli/discovercommands.h"
#include "app/cli/promotecommands.h"
#include "app/cli/verifycommands.h"
#include "engine/statepaths.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Stevedore;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("stevedore"));
    QCoreApplication::setOrganizationName(QStringLiteral("stevedore"));
    QCoreApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    const Cli::Streams io{out, err};
    const Cli::CommandLine line = Cli::CommandLine::parse(
        QCoreApplication::arguments(),
        {QStringLiteral("format"), QStringLiteral("strategy"), QStringLiteral("constraint"),
         QStringLiteral("allow"), QStringLiteral("ignore"), QStringLiteral("strict-semvers"),
         QStringLiteral("limit"), QStringLiteral("warehouse"), QStringLiteral("stage"),
         QStringLiteral("freight"), QStringLiteral("commit"), QStringLiteral("image"),
         QStringLiteral("chart")});
    if (!line.error.isEmpty()) {
        err << "stevedorectl: " << line.error << "\n";
        return Cli::UsageError;
    }
    if (line.help) {
        out << Cli::helpText();
        return Cli::Success;
    }
    if (line.version) {
        out << "stevedorectl " << QCoreApplication::applicationVersion() << "\n";
        return Cli::Success;
    }
    if (!line.stateDir.isEmpty())
        StatePaths::setOverride(line.stateDir);

    if (line.command == u"validate")
        return Cli::validate(line, io);
    if (line.command == u"graph")
        return Cli::graph(line, io);
    if (line.command == u"store")
        return Cli::store(line, io);
    if (line.command == u"preview-tags")
        return Cli::previewTags(line, io);
    if (line.command == u"discover")
        return Cli::discover(line, io);
    if (line.command == u"freight")
        return Cli::freight(line, io);
    if (line.command == u"promote")
        return Cli::promote(line, io);
    if (line.command == u"approve")
        return Cli::approve(line, io);
    if (line.command == u"history")
        return Cli::history(line, io);
    if (line.command == u"assemble")
        return Cli::assemble(line, io);
    if (line.command == u"compare")
        return Cli::compare(line, io);
    if (line.command == u"verify")
        return Cli::verify(line, io);
    if (line.command.isEmpty()) {
        err << Cli::helpText();
        return Cli::UsageError;
    }
    err << "stevedorectl: unknown command \"" << line.command << "\"\n"
        << "Try 'stevedorectl --help' for more information.\n";
    return Cli::UsageError;
}
