#pragma once

#include "app/cli/commands.h"

#include <memory>

namespace Stevedore {
class Store;
}

namespace Stevedore::Cli {

/// Prints a usage error naming the command, points at --help, and returns UsageError.
int usage(Streams io, const QString &message);
/// Every option given must be one @p allowed; otherwise a usage error (exit 2).
bool checkOptions(const CommandLine &line, const QStringList &allowed, Streams io, int *exitCode);
/// Opens the local store of the pipeline at @p path, reporting failure on stderr (exit 1),
/// and marks promotions an earlier process left unfinished as Errored.
std::unique_ptr<Store> openStore(const QString &path, Streams io, int *exitCode);
/// Every path must exist and be readable: otherwise a usage error (exit 2), not a finding.
bool checkPaths(const QStringList &paths, Streams io, int *exitCode);

} // namespace Stevedore::Cli
