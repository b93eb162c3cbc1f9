#pragma once

// Private to engine/: one reader per Kargo resource kind, used by ManifestLoader.

#include "engine/manifestreader_p.h"
#include "engine/pipeline.h"

namespace Stevedore {

void readWarehouseSpec(MapReader &spec, Warehouse &warehouse);
void readStageSpec(MapReader &spec, Stage &stage);
void readPromotionTaskSpec(MapReader &spec, PromotionTask &task);
void readAnalysisTemplateSpec(MapReader &spec, AnalysisTemplate &analysisTemplate);
void readProjectSpec(MapReader &spec);
void readProjectConfigSpec(MapReader &spec);

enum class NamedValueRules
{
    Variable,         ///< promotion variables: names are identifiers, values optional
    Argument,         ///< analysis arguments: any name, value optional
    RequiredArgument, ///< a Stage's verification arguments: any name, value required
};

/// Reads `vars`-style lists of `{name, value}`.
QList<NamedValue> readNamedValues(MapReader &parent, const char *key, const QString &what,
                                  NamedValueRules rules);

/// Checks the configuration of a core promotion step against what Kargo accepts.
void validateStepConfig(const QString &uses, const YAML::Node &config, const YAML::Node &usesNode,
                        const Yaml::Context &context);
/// Whether @p uses names one of Kargo's own steps (runnable here or not).
bool isKargoStep(const QString &uses);

/// Cross-resource checks once every file is read: references, cycles, duplicates.
void validatePipeline(Pipeline &pipeline);

} // namespace Stevedore
