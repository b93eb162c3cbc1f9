#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

/// Which tags of an image or git repository a subscription selects, best first, by Kargo's
/// rules: ignore regexes win over allow regexes, an empty allow list allows every tag, SemVer
/// keeps the tags that parse (strictly or leniently) and satisfy the constraint, highest version
/// first (equal versions: the tag that sorts later as text first), Lexical sorts the tags
/// descending as text, and the discovery limit applies last. Regexes use Go's RE2 syntax.
/// Shared by `stevedorectl preview-tags` and the discovery engine.
class TagSelection
{
public:
    enum class Strategy
    {
        SemVer,
        Lexical
    };

    struct Options
    {
        Strategy strategy = Strategy::SemVer;
        QString constraint; ///< a Masterminds semver range; SemVer only
        QStringList allowRegexes;
        QStringList ignoreRegexes;
        bool strictSemvers = true; ///< SemVer only: require MAJOR.MINOR.PATCH
        int limit = 20;            ///< at most this many tags; 0 or less for all of them
    };

    /// The tags, in their order, that no ignore regex matches and, unless @p allowRegexes is
    /// empty, some allow regex matches. Nothing if a regex is invalid; @p error says which.
    static std::optional<QStringList> filter(const QStringList &tags,
                                             const QStringList &allowRegexes,
                                             const QStringList &ignoreRegexes,
                                             QString *error = nullptr);

    /// The selected tags, best first. Nothing if a regex or the constraint is invalid.
    static std::optional<QStringList> select(const QStringList &tags, const Options &options,
                                             QString *error = nullptr);
};

} // namespace Stevedore
