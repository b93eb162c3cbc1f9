#pragma once

#include "app/cli/commandline.h"

#include <QTextStream>

namespace Stevedore::Cli {

enum ExitCode
{
    Success = 0,
    Failure = 1,
    UsageError = 2
};

struct Streams
{
    QTextStream &out;
    QTextStream &err;
};

/// Prints every problem in the manifests at the given paths.
int validate(const CommandLine &line, Streams io);
/// Prints the pipeline's warehouses, stages and the edges between them.
int graph(const CommandLine &line, Streams io);
/// Prints where the pipeline's local store lives, creating it if needed.
int store(const CommandLine &line, Streams io);
/// Prints the tags a subscription with the given selection settings would pick, best first.
int previewTags(const CommandLine &line, Streams io);

QString helpText();

} // namespace Stevedore::Cli
