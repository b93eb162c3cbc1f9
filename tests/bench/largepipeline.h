#pragma once

#include <QString>

namespace Stevedore::Bench {

/// The shape of a generated pipeline: warehouses each feeding a group of stages that fans out
/// to test stages, fans back in to UAT and staging, and fans out again to production regions;
/// some staging stages also take a second warehouse's freight from another group's staging.
struct LargePipelineShape
{
    int warehouses = 20;
    int stages = 300; ///< rounded to whole groups of 15 (one group per warehouse)
    int freight = 5000;
};

/// Writes a pipeline of that shape under @p root: the manifests in `<root>/pipeline`, one local
/// git repository per warehouse in `<root>/repos` (real commits and tags, so nothing needs the
/// network), and a store under @p stateDir filled through the engine's own Store API: every
/// freight, what most stages have (with their promotions and stage history), verifications
/// with measurements, and a few failed promotions. Returns the manifest folder, or an empty
/// string with @p error set.
QString writeLargePipeline(const QString &root, const QString &stateDir,
                           const LargePipelineShape &shape, QString *error);

} // namespace Stevedore::Bench
