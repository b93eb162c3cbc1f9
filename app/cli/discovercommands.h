#pragma once

#include "app/cli/commands.h"

namespace Stevedore::Cli {

/// Runs one discovery pass and prints, per warehouse, the freight for its newest selection.
int discover(const CommandLine &line, Streams io);
/// Lists every stored freight, without touching the network.
int freight(const CommandLine &line, Streams io);

} // namespace Stevedore::Cli
