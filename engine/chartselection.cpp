#include "engine/chartselection.h"

#include "engine/semver.h"

#include <algorithm>
#include <vector>

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

struct Candidate
{
    SemanticVersion version;
    QByteArray original; ///< Go compares strings by their UTF-8 bytes
    qsizetype index = 0;
};

/// Indexes into @p versions, best first.
std::optional<std::vector<qsizetype>>
selectIndexes(const QStringList &versions, const ChartSelection::Options &options, QString *error)
{
    std::optional<SemverConstraint> constraint;
    if (!options.semverConstraint.isEmpty()) {
        QString reason;
        constraint = SemverConstraint::parse(options.semverConstraint, &reason);
        if (!constraint) {
            if (error)
                *error =
                    u"invalid semver constraint \"%1\": %2"_s.arg(options.semverConstraint, reason);
            return std::nullopt;
        }
    }
    std::vector<Candidate> candidates;
    candidates.reserve(std::size_t(versions.size()));
    for (qsizetype i = 0; i < versions.size(); ++i) {
        // A version Kargo cannot read is skipped without a word. StrictNewVersion takes no
        // leading `v` (SemanticVersion's strict mode does, as Kargo's image selection wants).
        const QString &text = versions.at(i);
        if (options.strictSemver && text.startsWith(u'v'))
            continue;
        const auto version = SemanticVersion::parse(text, options.strictSemver);
        if (!version || (constraint && !constraint->matches(*version)))
            continue;
        candidates.push_back({*version, versions.at(i).toUtf8(), i});
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         if (const int c = a.version.compare(b.version); c != 0)
                             return c > 0;
                         return a.original.compare(b.original) > 0;
                     });
    if (options.discoveryLimit > 0 && candidates.size() > std::size_t(options.discoveryLimit))
        candidates.resize(std::size_t(options.discoveryLimit));
    std::vector<qsizetype> indexes;
    indexes.reserve(candidates.size());
    for (const Candidate &candidate : candidates)
        indexes.push_back(candidate.index);
    if (error)
        error->clear();
    return indexes;
}

} // namespace

std::optional<QList<HelmChartVersion>>
ChartSelection::select(const QList<HelmChartVersion> &versions, const Options &options,
                       QString *error)
{
    QStringList texts;
    texts.reserve(versions.size());
    for (const HelmChartVersion &version : versions)
        texts.append(version.version);
    const auto indexes = selectIndexes(texts, options, error);
    if (!indexes)
        return std::nullopt;
    QList<HelmChartVersion> result;
    result.reserve(qsizetype(indexes->size()));
    for (const qsizetype index : *indexes)
        result.append(versions.at(index));
    return result;
}

std::optional<QStringList> ChartSelection::select(const QStringList &versions,
                                                  const Options &options, QString *error)
{
    const auto indexes = selectIndexes(versions, options, error);
    if (!indexes)
        return std::nullopt;
    QStringList result;
    result.reserve(qsizetype(indexes->size()));
    for (const qsizetype index : *indexes)
        result.append(versions.at(index));
    return result;
}

} // namespace Stevedore
