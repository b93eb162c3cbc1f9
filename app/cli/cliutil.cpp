#include "app/cli/cliutil.h"

#include "engine/promoter.h"
#include "engine/store.h"

#include <QFileInfo>

namespace Stevedore::Cli {

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

std::unique_ptr<Store> openStore(const QString &path, Streams io, int *exitCode)
{
    QString error;
    std::unique_ptr<Store> store = Store::open(path, &error);
    if (!store) {
        io.err << "stevedorectl: " << error << '\n';
        *exitCode = Failure;
        return nullptr;
    }
    for (const QString &id : Promoter::recover(*store))
        io.err << "stevedorectl: promotion " << id
               << " was interrupted (its process ended); marked Errored\n";
    return store;
}

} // namespace Stevedore::Cli
