#pragma once

#include "app/cli/commands.h"

namespace Stevedore::Cli {

enum PromoteExitCode
{
    /// The promotion did not start: unknown stage or freight, or a plan that cannot run.
    Refused = 3
};

/// Plans a promotion of stored freight into a stage, runs its steps in a scratch workspace up
/// to the push and prints the plan and the diff; without --dry-run it then asks (or takes
/// --yes) and runs it for real, printing each step as it goes.
int promote(const CommandLine &line, Streams io);
/// Approves freight for a stage by hand.
int approve(const CommandLine &line, Streams io);
/// Prints a stage's promotions, newest first, with their steps.
int history(const CommandLine &line, Streams io);

} // namespace Stevedore::Cli
