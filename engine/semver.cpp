#include "engine/semver.h"

#include <QStringList>

#include <algorithm>
#include <array>
#include <limits>

// The rules below follow the documented behaviour of Masterminds/semver v3 (v3.5), which Kargo
// uses. Where that behaviour is surprising it is kept on purpose and noted.

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

// Masterminds measures its limits in bytes of UTF-8.
constexpr qsizetype MaxVersionLength = 256;
constexpr qsizetype MaxConstraintLength = 512;
constexpr qsizetype MaxConstraintGroups = 32;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// A character of a pre-release or build metadata identifier.
bool isIdentifierChar(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
}

// A character of a number in a constraint: digits, the wildcards, and (as in Masterminds'
// grammar) a literal '|', which can survive splitting on "||" and is rejected later.
bool isSegmentChar(QChar c)
{
    return isDigit(c) || c == u'x' || c == u'X' || c == u'*' || c == u'|';
}

// Any character that can appear in the version part of a constraint.
bool isVersionChar(QChar c)
{
    return isSegmentChar(c) || isIdentifierChar(c) || c == u'.' || c == u'+';
}

// Whitespace as Go's regexp \s: no vertical tab, nothing beyond ASCII.
bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\f' || c == u'\r';
}

bool isOperatorChar(QChar c)
{
    return c == u'=' || c == u'!' || c == u'<' || c == u'>' || c == u'~' || c == u'^';
}

bool isWildcard(QStringView s)
{
    return s == u"x" || s == u"X" || s == u"*";
}

bool allDigits(QStringView s)
{
    return std::all_of(s.begin(), s.end(), isDigit);
}

qsizetype skipSpace(QStringView s, qsizetype i)
{
    while (i < s.size() && isSpace(s[i]))
        ++i;
    return i;
}

// Parses a non-empty run of digits; false if it is empty, not numeric or does not fit 64 bits.
bool parseNumber(QStringView digits, quint64 *value)
{
    if (digits.isEmpty() || !allDigits(digits))
        return false;
    quint64 n = 0;
    for (QChar c : digits) {
        const quint64 d = c.unicode() - u'0';
        if (n > (std::numeric_limits<quint64>::max() - d) / 10)
            return false;
        n = n * 10 + d;
    }
    *value = n;
    return true;
}

// Dot-separated, non-empty identifiers of [0-9A-Za-z-].
bool validIdentifiers(QStringView s)
{
    for (QStringView part : s.split(u'.')) {
        if (part.isEmpty() || !std::all_of(part.begin(), part.end(), isIdentifierChar))
            return false;
    }
    return true;
}

bool hasLeadingZero(QStringView number)
{
    return number.size() > 1 && number.front() == u'0';
}

// A pre-release's numeric identifiers must not have leading zeros, even for lenient parsing.
bool prereleaseHasLeadingZero(QStringView pre)
{
    for (QStringView part : pre.split(u'.')) {
        if (allDigits(part) && hasLeadingZero(part))
            return true;
    }
    return false;
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

// The pieces of a version, v?N(.N)?(.N)?(-PRE)?(+META), before any number is read. In a
// constraint a number can also be a wildcard.
struct VersionParts
{
    std::array<QStringView, 3> numbers;
    int count = 0;
    QStringView prerelease;
    QStringView metadata;
};

std::optional<VersionParts> splitLoose(QStringView s)
{
    VersionParts parts;
    if (s.startsWith(u'v'))
        s = s.mid(1);
    // Neither numbers nor pre-releases contain '+', and numbers contain no '-', so the first of
    // each is the separator.
    if (const qsizetype plus = s.indexOf(u'+'); plus >= 0) {
        parts.metadata = s.mid(plus + 1);
        s = s.left(plus);
        if (!validIdentifiers(parts.metadata))
            return std::nullopt;
    }
    if (const qsizetype dash = s.indexOf(u'-'); dash >= 0) {
        parts.prerelease = s.mid(dash + 1);
        s = s.left(dash);
        if (!validIdentifiers(parts.prerelease))
            return std::nullopt;
    }
    for (QStringView number : s.split(u'.')) {
        if (parts.count == 3 || number.isEmpty() || !allDigits(number))
            return std::nullopt;
        parts.numbers[parts.count++] = number;
    }
    return parts;
}

// Reads dot-separated identifiers from s[i]; returns the index after them, or -1 if none.
qsizetype scanIdentifiers(QStringView s, qsizetype i)
{
    for (;;) {
        const qsizetype start = i;
        while (i < s.size() && isIdentifierChar(s[i]))
            ++i;
        if (i == start)
            return -1;
        if (i + 1 < s.size() && s[i] == u'.' && isIdentifierChar(s[i + 1]))
            ++i;
        else
            return i;
    }
}

// The longest constraint version that starts at s[i], as a greedy regular expression would
// take it; returns its end, or -1 if none starts there.
qsizetype scanConstraintVersion(QStringView s, qsizetype i, VersionParts *out = nullptr)
{
    VersionParts cv;
    if (i < s.size() && s[i] == u'v')
        ++i;
    for (;;) {
        const qsizetype start = i;
        while (i < s.size() && isSegmentChar(s[i]))
            ++i;
        if (i == start)
            return -1;
        cv.numbers[cv.count++] = s.sliced(start, i - start);
        if (cv.count == 3 || i + 1 >= s.size() || s[i] != u'.' || !isSegmentChar(s[i + 1]))
            break;
        ++i;
    }
    for (auto [marker, field] : {std::pair{u'-', &cv.prerelease}, {u'+', &cv.metadata}}) {
        if (i + 1 < s.size() && s[i] == marker && isIdentifierChar(s[i + 1])) {
            const qsizetype end = scanIdentifiers(s, i + 1);
            *field = s.sliced(i + 1, end - i - 1);
            i = end;
        }
    }
    if (out)
        *out = cv;
    return i;
}

// Whether all of token is one constraint version.
bool parseConstraintVersion(QStringView token, VersionParts *out = nullptr)
{
    return scanConstraintVersion(token, 0, out) == token.size();
}

// The end of the run of version characters that starts at s[i].
qsizetype versionTokenEnd(QStringView s, qsizetype i)
{
    while (i < s.size() && isVersionChar(s[i]))
        ++i;
    return i;
}

// Rewrites each hyphen range "A - B" into ">= A, <= B ", searching and replacing as
// Masterminds does: leftmost matches, each replacing the first occurrence of its text. A range
// needs whitespace around the hyphen; A must be followed by whitespace and B is taken greedily.
QString rewriteRanges(QStringView text)
{
    struct Range
    {
        QString matched;
        QString replacement;
    };
    QList<Range> ranges;
    qsizetype from = 0;
    while (from < text.size()) {
        bool found = false;
        for (qsizetype q = from; q < text.size() && !found; ++q) {
            const qsizetype lowStart = skipSpace(text, q);
            const qsizetype lowEnd = versionTokenEnd(text, lowStart);
            if (lowEnd == lowStart || lowEnd >= text.size() || !isSpace(text[lowEnd]) ||
                !parseConstraintVersion(text.sliced(lowStart, lowEnd - lowStart)))
                continue;
            qsizetype i = skipSpace(text, lowEnd);
            if (i >= text.size() || text[i] != u'-' || i + 1 >= text.size() ||
                !isSpace(text[i + 1]))
                continue;
            const qsizetype highStart = skipSpace(text, i + 1);
            const qsizetype highEnd = scanConstraintVersion(text, highStart);
            if (highEnd < 0)
                continue;
            const qsizetype end = skipSpace(text, highEnd);
            ranges.append({text.sliced(q, end - q).toString(),
                           u">= "_s + text.sliced(lowStart, lowEnd - lowStart) + u", <= "_s +
                               text.sliced(highStart, highEnd - highStart) + u' '});
            from = end;
            found = true;
        }
        if (!found)
            break;
    }
    QString result = text.toString();
    for (const Range &range : ranges) {
        const qsizetype at = result.indexOf(range.matched);
        if (at >= 0)
            result.replace(at, range.matched.size(), range.replacement);
    }
    return result;
}

constexpr std::array<std::u16string_view, 12> operators{u"",   u"=",  u"!=", u">", u"<",  u">=",
                                                        u"=>", u"<=", u"=<", u"~", u"~>", u"^"};

// The index of op in operators, or -1 if it is none of them.
qsizetype operatorIndex(QStringView op)
{
    const auto it = std::find_if(operators.begin(), operators.end(),
                                 [op](std::u16string_view o) { return op == QStringView(o); });
    return it == operators.end() ? -1 : it - operators.begin();
}

// Splits an AND group into (operator, version) pairs. Comparators are separated by whitespace
// or a comma; an operator is a run of operator characters that must be exactly one of
// Masterminds' operators, and the version must take up all the characters that follow it.
std::optional<QList<std::pair<QStringView, QStringView>>> splitGroup(QStringView group)
{
    QList<std::pair<QStringView, QStringView>> result;
    qsizetype i = skipSpace(group, 0);
    for (;;) {
        const qsizetype opStart = i;
        while (i < group.size() && isOperatorChar(group[i]))
            ++i;
        const QStringView op = group.sliced(opStart, i - opStart);
        if (operatorIndex(op) < 0)
            return std::nullopt;
        i = skipSpace(group, i);
        const qsizetype tokenStart = i;
        i = versionTokenEnd(group, i);
        const QStringView token = group.sliced(tokenStart, i - tokenStart);
        if (!parseConstraintVersion(token))
            return std::nullopt;
        result.append({op, token});
        const qsizetype afterSpace = skipSpace(group, i);
        const bool spaced = afterSpace > i;
        i = afterSpace;
        if (i == group.size())
            return result;
        if (group[i] == u',')
            i = skipSpace(group, i + 1);
        else if (!spaced)
            return std::nullopt;
    }
}

int comparePrereleasePart(QStringView a, QStringView b)
{
    if (a == b)
        return 0;
    if (a.isEmpty())
        return -1;
    if (b.isEmpty())
        return 1;
    // Identifiers too large for 64 bits are compared as text, as Masterminds does.
    quint64 an = 0;
    quint64 bn = 0;
    const bool aNumeric = parseNumber(a, &an);
    const bool bNumeric = parseNumber(b, &bn);
    if (aNumeric && bNumeric)
        return an > bn ? 1 : -1;
    if (aNumeric)
        return -1;
    if (bNumeric)
        return 1;
    // Byte order: every 'A'-'Z' sorts before every 'a'-'z'.
    return a.compare(b, Qt::CaseSensitive) > 0 ? 1 : -1;
}

int comparePrerelease(QStringView a, QStringView b)
{
    const QList<QStringView> aParts = a.split(u'.');
    const QList<QStringView> bParts = b.split(u'.');
    for (qsizetype i = 0; i < std::max(aParts.size(), bParts.size()); ++i) {
        const QStringView ap = i < aParts.size() ? aParts[i] : QStringView();
        const QStringView bp = i < bParts.size() ? bParts[i] : QStringView();
        if (const int d = comparePrereleasePart(ap, bp); d != 0)
            return d;
    }
    return 0;
}

int compareNumber(quint64 a, quint64 b)
{
    return a < b ? -1 : (a > b ? 1 : 0);
}

} // namespace

std::optional<SemanticVersion> SemanticVersion::parse(QStringView text, bool strict, QString *error)
{
    if (text.toUtf8().size() > MaxVersionLength) {
        setError(error, u"version string is too long (max %1 bytes)"_s.arg(MaxVersionLength));
        return std::nullopt;
    }
    const std::optional<VersionParts> parts = splitLoose(text);
    if (!parts) {
        setError(error, u"invalid semantic version: %1"_s.arg(text));
        return std::nullopt;
    }
    SemanticVersion version;
    std::array<quint64 *, 3> targets{&version.m_major, &version.m_minor, &version.m_patch};
    for (int i = 0; i < parts->count; ++i) {
        if (!parseNumber(parts->numbers[i], targets[i])) {
            setError(error,
                     u"error parsing version segment: %1 is out of range"_s.arg(parts->numbers[i]));
            return std::nullopt;
        }
    }
    if (prereleaseHasLeadingZero(parts->prerelease)) {
        setError(error, u"version segment starts with 0: %1"_s.arg(text));
        return std::nullopt;
    }
    if (strict) {
        // Masterminds' StrictNewVersion, on the text without one leading 'v': exactly three
        // numbers without leading zeros. The rest it checks is already checked above.
        if (parts->count != 3) {
            setError(error, u"invalid semantic version: %1 is not MAJOR.MINOR.PATCH"_s.arg(text));
            return std::nullopt;
        }
        for (QStringView number : parts->numbers) {
            if (hasLeadingZero(number)) {
                setError(error, u"version segment starts with 0: %1"_s.arg(text));
                return std::nullopt;
            }
        }
    }
    version.m_prerelease = parts->prerelease.toString();
    version.m_metadata = parts->metadata.toString();
    version.m_original = text.toString();
    return version;
}

QString SemanticVersion::toString() const
{
    QString result = u"%1.%2.%3"_s.arg(m_major).arg(m_minor).arg(m_patch);
    if (!m_prerelease.isEmpty())
        result += u'-' + m_prerelease;
    if (!m_metadata.isEmpty())
        result += u'+' + m_metadata;
    return result;
}

int SemanticVersion::compare(const SemanticVersion &other) const
{
    if (const int d = compareNumber(m_major, other.m_major); d != 0)
        return d;
    if (const int d = compareNumber(m_minor, other.m_minor); d != 0)
        return d;
    if (const int d = compareNumber(m_patch, other.m_patch); d != 0)
        return d;
    if (m_prerelease.isEmpty() || other.m_prerelease.isEmpty()) {
        // A release sorts after its pre-releases.
        return compareNumber(m_prerelease.isEmpty() ? 1 : 0, other.m_prerelease.isEmpty() ? 1 : 0);
    }
    return comparePrerelease(m_prerelease, other.m_prerelease);
}

std::optional<SemverConstraint> SemverConstraint::parse(QStringView text, QString *error)
{
    if (text.toUtf8().size() > MaxConstraintLength) {
        setError(error, u"constraint string is too long (max %1 bytes)"_s.arg(MaxConstraintLength));
        return std::nullopt;
    }
    const QString rewritten = rewriteRanges(text);
    const QStringList groupTexts = rewritten.split(u"||"_s);
    if (groupTexts.size() > MaxConstraintGroups) {
        setError(error, u"too many constraint groups (max %1)"_s.arg(MaxConstraintGroups));
        return std::nullopt;
    }
    SemverConstraint result;
    for (const QString &groupText : groupTexts) {
        const auto pairs = splitGroup(groupText);
        if (!pairs) {
            setError(error, u"improper constraint: %1"_s.arg(groupText));
            return std::nullopt;
        }
        Group group;
        for (const auto &[op, token] : *pairs) {
            std::optional<Comparator> comparator = makeComparator(op, token, error);
            if (!comparator)
                return std::nullopt;
            group.hasPrerelease = group.hasPrerelease || !comparator->bound.m_prerelease.isEmpty();
            group.comparators.append(std::move(*comparator));
        }
        result.m_groups.append(std::move(group));
    }
    return result;
}

std::optional<SemverConstraint::Comparator>
SemverConstraint::makeComparator(QStringView opText, QStringView token, QString *error)
{
    VersionParts cv;
    parseConstraintVersion(token, &cv);
    Comparator c;
    c.opText = opText.toString();
    c.versionText = token.toString();
    static constexpr std::array<Op, operators.size()> ops{
        Op::Equal,        Op::Equal,     Op::NotEqual,  Op::Greater, Op::Less,  Op::GreaterEqual,
        Op::GreaterEqual, Op::LessEqual, Op::LessEqual, Op::Tilde,   Op::Tilde, Op::Caret};
    c.op = ops[operatorIndex(opText)];

    // A wildcard or missing part makes the comparator "dirty": its bound is the version with that
    // part and all after it zero, and the parts after a wildcard are ignored whatever they are.
    // Build metadata is dropped then, but a pre-release is kept.
    const QString pre = cv.prerelease.isEmpty() ? QString() : u'-' + cv.prerelease;
    QString boundText;
    if (isWildcard(cv.numbers[0])) {
        c.dirty = true;
        boundText = u"0.0.0"_s + pre;
    } else if (cv.count < 2 || isWildcard(cv.numbers[1])) {
        c.dirty = c.minorDirty = true;
        boundText = cv.numbers[0] + u".0.0"_s + pre;
    } else if (cv.count < 3 || isWildcard(cv.numbers[2])) {
        c.dirty = c.patchDirty = true;
        boundText = cv.numbers[0] + u'.' + cv.numbers[1] + u".0"_s + pre;
    } else {
        boundText = c.versionText;
    }
    QString reason;
    std::optional<SemanticVersion> bound = SemanticVersion::parse(boundText, false, &reason);
    if (!bound) {
        setError(error, u"constraint parser error: %1%2 (%3)"_s.arg(opText, token, reason));
        return std::nullopt;
    }
    c.bound = *bound;
    return c;
}

bool SemverConstraint::matches(const SemanticVersion &version) const
{
    for (const Group &group : m_groups) {
        const bool includePrerelease = m_includePrerelease || group.hasPrerelease;
        bool all = true;
        for (const Comparator &c : group.comparators)
            all = all && c.check(version, includePrerelease);
        if (all)
            return true;
    }
    return false;
}

QString SemverConstraint::toString() const
{
    QStringList groups;
    for (const Group &group : m_groups) {
        QStringList comparators;
        for (const Comparator &c : group.comparators)
            comparators.append(c.opText + c.versionText);
        groups.append(comparators.join(u' '));
    }
    return groups.join(u" || "_s);
}

bool SemverConstraint::Comparator::check(const SemanticVersion &v, bool includePrerelease) const
{
    // Pre-releases only match groups that ask for them, whatever the operator.
    if (!v.m_prerelease.isEmpty() && !includePrerelease)
        return false;
    const SemanticVersion &b = bound;
    switch (op) {
    case Op::Equal:
        return dirty ? checkTilde(v) : v.compare(b) == 0;
    case Op::NotEqual:
        return checkNotEqual(v);
    case Op::Greater:
        if (!dirty || v.m_major != b.m_major)
            return dirty ? v.m_major > b.m_major : v.compare(b) > 0;
        if (minorDirty) // >1 needs 2 or more
            return false;
        if (patchDirty) // >1.2 needs 1.3 or more
            return v.m_minor > b.m_minor;
        return v.compare(b) > 0; // >x: above 0.0.0
    case Op::Less:
        return v.compare(b) < 0;
    case Op::GreaterEqual:
        return v.compare(b) >= 0;
    case Op::LessEqual:
        if (!dirty)
            return v.compare(b) <= 0;
        // Only the major and minor numbers count, so <=x is the same as <=0.
        if (v.m_major > b.m_major)
            return false;
        return !(v.m_major == b.m_major && v.m_minor > b.m_minor && !minorDirty);
    case Op::Tilde:
        return checkTilde(v);
    case Op::Caret:
        return checkCaret(v);
    }
    return false;
}

// ~1.2.3 is >=1.2.3 <1.3.0; ~1 and ~1.x are >=1.0.0 <2.0.0; ~x is anything.
bool SemverConstraint::Comparator::checkTilde(const SemanticVersion &v) const
{
    const SemanticVersion &b = bound;
    if (v.compare(b) < 0)
        return false;
    if (b.m_major == 0 && b.m_minor == 0 && b.m_patch == 0 && !minorDirty && !patchDirty)
        return true;
    if (v.m_major != b.m_major)
        return false;
    return v.m_minor == b.m_minor || minorDirty;
}

// ^1.2.3 is >=1.2.3 <2.0.0, ^0.2.3 is >=0.2.3 <0.3.0, ^0.0.3 is >=0.0.3 <0.0.4, ^0.0 is
// >=0.0.0 <0.1.0 and ^0 is >=0.0.0 <1.0.0.
bool SemverConstraint::Comparator::checkCaret(const SemanticVersion &v) const
{
    const SemanticVersion &b = bound;
    if (v.compare(b) < 0)
        return false;
    if (b.m_major > 0 || minorDirty)
        return v.m_major == b.m_major;
    if (v.m_major > 0)
        return false;
    if (b.m_minor > 0 || patchDirty)
        return v.m_minor == b.m_minor;
    if (v.m_minor > 0)
        return false;
    return v.m_patch == b.m_patch;
}

// !=1.2 excludes 1.2.* and !=1 excludes 1.*, but != with a wildcard major (!=x) only excludes
// 0.0.0, as in Masterminds.
bool SemverConstraint::Comparator::checkNotEqual(const SemanticVersion &v) const
{
    const SemanticVersion &b = bound;
    if (dirty) {
        if (v.m_major != b.m_major)
            return true;
        if (minorDirty)
            return false;
        if (v.m_minor != b.m_minor)
            return true;
        if (patchDirty) {
            if (!v.m_prerelease.isEmpty() || !b.m_prerelease.isEmpty())
                return comparePrerelease(v.m_prerelease, b.m_prerelease) != 0;
            return false;
        }
    }
    return v.compare(b) != 0;
}

} // namespace Stevedore
