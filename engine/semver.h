#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>

// glibc's <sys/sysmacros.h> defines function-like macros with these names.
#ifdef major
#undef major
#endif
#ifdef minor
#undef minor
#endif

namespace Stevedore {

/// A semantic version parsed and ordered exactly as Masterminds/semver v3 does, the library that
/// Kargo uses to read image tags, chart versions and Git tags.
class SemanticVersion
{
public:
    /// 0.0.0
    SemanticVersion() = default;

    /// Parses @p text. Lenient parsing is Masterminds' NewVersion: an optional leading `v`,
    /// missing minor and patch numbers read as 0 and leading zeros accepted in them. Strict
    /// parsing is Kargo's: the text must also be a valid MAJOR.MINOR.PATCH version
    /// (Masterminds' StrictNewVersion) once one leading `v` is removed. On failure @p error, if
    /// given, says why.
    static std::optional<SemanticVersion> parse(QStringView text, bool strict,
                                                QString *error = nullptr);

    quint64 major() const { return m_major; }
    quint64 minor() const { return m_minor; }
    quint64 patch() const { return m_patch; }
    /// The dot-separated pre-release identifiers after the `-`, or an empty string.
    QString prerelease() const { return m_prerelease; }
    /// The build metadata after the `+`, or an empty string.
    QString metadata() const { return m_metadata; }
    /// The text as it was parsed, with any leading `v`.
    QString original() const { return m_original; }
    /// MAJOR.MINOR.PATCH[-PRERELEASE][+METADATA], without a leading `v`.
    QString toString() const;

    /// -1, 0 or 1 as this version sorts before, with or after @p other. Build metadata is
    /// ignored, so versions differing only in it compare equal.
    int compare(const SemanticVersion &other) const;

    friend bool operator==(const SemanticVersion &a, const SemanticVersion &b)
    {
        return a.compare(b) == 0;
    }
    friend std::weak_ordering operator<=>(const SemanticVersion &a, const SemanticVersion &b)
    {
        const int c = a.compare(b);
        return c < 0 ? std::weak_ordering::less
                     : (c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent);
    }

private:
    friend class SemverConstraint;

    quint64 m_major = 0;
    quint64 m_minor = 0;
    quint64 m_patch = 0;
    QString m_prerelease;
    QString m_metadata;
    QString m_original;
};

/// A version range such as `^1.2`, `>=1.0.0 <2.0.0 || 3.x` or `1.2 - 1.4.5`, with the syntax
/// and matching rules of Masterminds/semver v3's Constraints.
class SemverConstraint
{
public:
    /// A constraint that matches nothing.
    SemverConstraint() = default;

    /// Parses @p text; on failure @p error, if given, says what is wrong.
    static std::optional<SemverConstraint> parse(QStringView text, QString *error = nullptr);

    /// Masterminds' Check(): whether @p version satisfies every comparator of at least one
    /// `||` group. A pre-release version only satisfies a group that names a pre-release
    /// itself, unless includePrerelease() is set.
    bool matches(const SemanticVersion &version) const;

    /// Masterminds' IncludePrerelease: let pre-release versions match every group.
    bool includePrerelease() const { return m_includePrerelease; }
    void setIncludePrerelease(bool include) { m_includePrerelease = include; }

    /// The comparators as written, space-separated within a group, groups joined by ` || `.
    QString toString() const;

private:
    enum class Op
    {
        Equal,
        NotEqual,
        Greater,
        Less,
        GreaterEqual,
        LessEqual,
        Tilde,
        Caret
    };

    struct Comparator
    {
        Op op = Op::Equal;
        QString opText;
        QString versionText;
        SemanticVersion bound;
        bool dirty = false;
        bool minorDirty = false;
        bool patchDirty = false;

        bool check(const SemanticVersion &v, bool includePrerelease) const;
        bool checkTilde(const SemanticVersion &v) const;
        bool checkCaret(const SemanticVersion &v) const;
        bool checkNotEqual(const SemanticVersion &v) const;
    };

    struct Group
    {
        QList<Comparator> comparators;
        bool hasPrerelease = false;
    };

    static std::optional<Comparator> makeComparator(QStringView opText, QStringView token,
                                                    QString *error);

    QList<Group> m_groups;
    bool m_includePrerelease = false;
};

} // namespace Stevedore
