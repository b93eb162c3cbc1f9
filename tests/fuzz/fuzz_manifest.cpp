// The manifest loader and validator on one file of Kargo manifests (any bytes).

#include "engine/manifestloader.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const Pipeline pipeline = ManifestLoader::loadText(QStringLiteral("fuzz.yaml"), text);
    for (const Problem &problem : pipeline.problems) {
        // Positions are 1-based, or 0 for a problem about the whole file.
        if (problem.location.line < 0 || problem.location.column < 0)
            __builtin_trap();
        (void)problem.toString();
    }
    for (const Stage &stage : pipeline.stages)
        (void)pipeline.downstreamStages(stage.name);
    return 0;
}
