#pragma once

#include "app/cli/commands.h"

namespace Stevedore::Cli {

enum VerifyExitCode
{
    /// The run was interrupted (SIGINT) and stored as Aborted.
    Interrupted = 130
};

/// Verifies a stage's current freight with its analysis templates against Prometheus: prints
/// each measurement as it arrives, then the verdict. Exit 0 Successful; 1 Failed, Error or
/// Inconclusive; 130 when interrupted; 2 on usage errors.
int verify(const CommandLine &line, Streams io);

} // namespace Stevedore::Cli
