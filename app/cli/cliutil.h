#pragma once

#include "app/cli/commands.h"

namespace Stevedore::Cli {

/// Prints a usage error naming the command, points at --help, and returns UsageError.
int usage(Streams io, const QString &message);
/// Every option given must be one @p allowed; otherwise a usage error (exit 2).
bool checkOptions(const CommandLine &line, const QStringList &allowed, Streams io, int *exitCode);
/// Every path must exist and be readable: otherwise a usage error (exit 2), not a finding.
bool checkPaths(const QStringList &paths, Streams io, int *exitCode);

} // namespace Stevedore::Cli
