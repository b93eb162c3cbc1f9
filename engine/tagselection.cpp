#include "engine/tagselection.h"

#include "engine/re2syntax.h"
#include "engine/semver.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

std::optional<QList<QRegularExpression>> compileAll(const QStringList &patterns, QString *error)
{
    QList<QRegularExpression> compiled;
    for (const QString &pattern : patterns) {
        QString reason;
        auto expression = compileRe2(pattern, &reason);
        if (!expression) {
            if (error)
                *error = u"invalid regular expression \"%1\": %2"_s.arg(pattern, reason);
            return std::nullopt;
        }
        compiled.append(*expression);
    }
    return compiled;
}

bool anyMatches(const QList<QRegularExpression> &expressions, const QString &tag)
{
    return std::any_of(expressions.begin(), expressions.end(),
                       [&](const QRegularExpression &re) { return re.match(tag).hasMatch(); });
}

// Go compares strings by their UTF-8 bytes, which orders code points, not UTF-16 units.
int compareAsGo(const QByteArray &a, const QByteArray &b)
{
    return a.compare(b);
}

void truncate(QStringList &tags, int limit)
{
    if (limit > 0 && tags.size() > limit)
        tags.resize(limit);
}

} // namespace

std::optional<QStringList> TagSelection::filter(const QStringList &tags,
                                                const QStringList &allowRegexes,
                                                const QStringList &ignoreRegexes, QString *error)
{
    const auto allow = compileAll(allowRegexes, error);
    if (!allow)
        return std::nullopt;
    const auto ignore = compileAll(ignoreRegexes, error);
    if (!ignore)
        return std::nullopt;
    QStringList result;
    for (const QString &tag : tags) {
        if (anyMatches(*ignore, tag))
            continue;
        if (allow->isEmpty() || anyMatches(*allow, tag))
            result.append(tag);
    }
    return result;
}

std::optional<QStringList> TagSelection::select(const QStringList &tags, const Options &options,
                                                QString *error)
{
    // The constraint is checked first, even when no tag would reach it, as Kargo does when it
    // builds the selector.
    std::optional<SemverConstraint> constraint;
    if (options.strategy == Strategy::SemVer && !options.constraint.isEmpty()) {
        QString reason;
        constraint = SemverConstraint::parse(options.constraint, &reason);
        if (!constraint) {
            if (error)
                *error = u"invalid semver constraint \"%1\": %2"_s.arg(options.constraint, reason);
            return std::nullopt;
        }
    }
    auto allowed = filter(tags, options.allowRegexes, options.ignoreRegexes, error);
    if (!allowed)
        return std::nullopt;

    if (options.strategy == Strategy::Lexical) {
        std::vector<std::pair<QByteArray, QString>> keyed;
        keyed.reserve(std::size_t(allowed->size()));
        for (const QString &tag : std::as_const(*allowed))
            keyed.emplace_back(tag.toUtf8(), tag);
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
            return compareAsGo(a.first, b.first) > 0;
        });
        QStringList result;
        for (const auto &entry : keyed)
            result.append(entry.second);
        truncate(result, options.limit);
        return result;
    }

    struct Candidate
    {
        SemanticVersion version;
        QByteArray original;
        QString tag;
    };
    std::vector<Candidate> candidates;
    for (const QString &tag : std::as_const(*allowed)) {
        const auto version = SemanticVersion::parse(tag, options.strictSemvers);
        if (!version || (constraint && !constraint->matches(*version)))
            continue;
        candidates.push_back({*version, tag.toUtf8(), tag});
    }
    // Highest version first; equal versions (1.0 and 1.0.0, or a difference only in build
    // metadata) by the tag's text, descending, so the order never depends on the input's.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         if (const int c = a.version.compare(b.version); c != 0)
                             return c > 0;
                         return compareAsGo(a.original, b.original) > 0;
                     });
    QStringList result;
    for (const Candidate &candidate : candidates)
        result.append(candidate.tag);
    truncate(result, options.limit);
    return result;
}

} // namespace Stevedore
