#pragma once

#include <QRegularExpression>
#include <QString>

#include <optional>

namespace Stevedore {

/// Whether @p pattern is a regular expression that Go's regexp package accepts: the RE2 syntax in
/// which Kargo reads allowTagsRegexes, ignoreTagsRegexes and `regex:` path filters. What PCRE
/// (and so QRegularExpression) accepts but RE2 does not is rejected: backreferences, lookahead
/// and lookbehind, atomic groups, possessive quantifiers, recursion, conditionals, comments,
/// flags other than i, m, s and U, escapes such as \Z, \G, \K, \R, \X, \h, \N and \C, and
/// repetition counts above 1000. Named groups may be written (?P<name>...) or (?<name>...).
/// On failure @p error, if given, says why in the words Go uses, with a hint where that helps.
bool checkRe2Syntax(const QString &pattern, QString *error = nullptr);

/// @p pattern compiled so that QRegularExpression::match finds what Go's Regexp.MatchString
/// finds: ASCII \d, \w, \s and \b, `$` only at the very end unless (?m), `.` never a newline
/// unless (?s), and so on. Nothing, with @p error set, when checkRe2Syntax rejects the pattern.
std::optional<QRegularExpression> compileRe2(const QString &pattern, QString *error = nullptr);

} // namespace Stevedore
