#pragma once

#include "app/cli/commands.h"

namespace Stevedore::Cli {

/// Assembles freight by hand from the candidates discovery stored for a warehouse (or, with
/// --list, prints those candidates), without touching the network.
int assemble(const CommandLine &line, Streams io);
/// Compares two stored freight of one warehouse: each artifact old -> new, and the commit log
/// between their commits from the local git cache.
int compare(const CommandLine &line, Streams io);

} // namespace Stevedore::Cli
