#pragma once

#include "app/cli/commands.h"

namespace Stevedore::Cli {

enum PromoteExitCode
{
    /// The promotion did not start: unknown stage or freight, or a plan that cannot run.
    Refused = 3
};

/// Plans a promotion of stored freight into a stage and, with --dry-run, runs its steps in a
/// scratch workspace: prints the plan, then the diff of what it would change.
int promote(const CommandLine &line, Streams io);

} // namespace Stevedore::Cli
