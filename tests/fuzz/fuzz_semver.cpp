// Semantic versions and constraints, read the way Masterminds/semver reads them. The input is
// `VERSION<TAB>CONSTRAINT` (without a tab: the whole input is both).

#include "engine/semver.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype tab = input.indexOf(u'\t');
    const QString versionText = tab < 0 ? input : input.left(tab);
    const QString constraintText = tab < 0 ? input : input.mid(tab + 1);

    QString error;
    const std::optional<SemanticVersion> strict = SemanticVersion::parse(versionText, true, &error);
    const std::optional<SemanticVersion> lenient = SemanticVersion::parse(versionText, false);
    // Strict parsing accepts a subset of what lenient parsing accepts, with the same value.
    if (strict && (!lenient || strict->compare(*lenient) != 0))
        __builtin_trap();
    if (lenient) {
        // A version prints as text that parses back to an equal version, unless the printed
        // text is longer than the parser takes (256 bytes): a lenient `1` prints as `1.0.0`.
        const QString printed = lenient->toString();
        const std::optional<SemanticVersion> again = SemanticVersion::parse(printed, false);
        if ((!again && printed.toUtf8().size() <= 256) ||
            (again && again->compare(*lenient) != 0) || lenient->compare(*lenient) != 0)
            __builtin_trap();
    }
    const std::optional<SemanticVersion> other = SemanticVersion::parse(constraintText, false);
    if (lenient && other && lenient->compare(*other) != -other->compare(*lenient))
        __builtin_trap();

    std::optional<SemverConstraint> constraint = SemverConstraint::parse(constraintText, &error);
    if (constraint) {
        (void)constraint->toString();
        if (lenient) {
            (void)constraint->matches(*lenient);
            constraint->setIncludePrerelease(true);
            (void)constraint->matches(*lenient);
        }
    }
    return 0;
}
