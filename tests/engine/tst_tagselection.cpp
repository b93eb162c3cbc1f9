// Tag selection as Kargo's image and git tag selectors do it (internal/image and
// internal/controller/git/commit in Kargo: tagBasedSelector.MatchesTag, semverSelector.sort,
// lexical sorting), and the RE2 syntax Kargo's regexes are written in. The RE2 rows were checked
// against Go's regexp package, except (?<name>), which Go accepts since 1.22.

#include "engine/re2syntax.h"
#include "engine/tagselection.h"

#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Stevedore::TagSelection::Strategy)

namespace {

using Strategy = TagSelection::Strategy;

const QStringList releases{u"v1.0.0"_s,      u"v1.2.0"_s,     u"1.10.0"_s,    u"v1.9.3"_s,
                           u"v2.0.0-rc.1"_s, u"v2.0.0"_s,     u"latest"_s,    u"1.2"_s,
                           u"v1.2.0+b7"_s,   u"2024-01-05"_s, u"main-3f2a"_s, u"v3"_s};

struct Row
{
    QStringList tags = releases;
    Strategy strategy = Strategy::SemVer;
    QString constraint{};
    QStringList allow{};
    QStringList ignore{};
    bool strict = true;
    int limit = 20;
};

void addRow(const char *name, const Row &row, const QStringList &expected)
{
    QTest::newRow(name) << row.tags << row.strategy << row.constraint << row.allow << row.ignore
                        << row.strict << row.limit << expected << QString();
}

void addErrorRow(const char *name, const Row &row, const QString &error)
{
    QTest::newRow(name) << row.tags << row.strategy << row.constraint << row.allow << row.ignore
                        << row.strict << row.limit << QStringList() << error;
}

} // namespace

class TestTagSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void select_data();
    void select();
    void filterKeepsOrder();
    void re2Syntax_data();
    void re2Syntax();
    void re2Matching_data();
    void re2Matching();
};

void TestTagSelection::select_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<Strategy>("strategy");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error"); ///< the start of the error, or empty

    // SemVer, strict: MAJOR.MINOR.PATCH after one leading v; "1.2" and "v3" are out. Without a
    // constraint, pre-releases count. v1.2.0 and v1.2.0+b7 are equal versions: the one that
    // sorts later as text comes first.
    addRow("semver strict", {},
           {u"v2.0.0"_s, u"v2.0.0-rc.1"_s, u"1.10.0"_s, u"v1.9.3"_s, u"v1.2.0+b7"_s, u"v1.2.0"_s,
            u"v1.0.0"_s});
    // Lenient parsing reads the date 2024-01-05 as 2024.0.0 with pre-release "01-05" (as
    // Masterminds does), which then outranks every real release.
    addRow("semver lenient", Row{.strict = false},
           {u"2024-01-05"_s, u"v3"_s, u"v2.0.0"_s, u"v2.0.0-rc.1"_s, u"1.10.0"_s, u"v1.9.3"_s,
            u"v1.2.0+b7"_s, u"v1.2.0"_s, u"1.2"_s, u"v1.0.0"_s});
    addRow("lenient ties 1.2 and 1.2.0 by text",
           Row{.tags = {u"1.2"_s, u"1.2.0"_s, u"v1.2"_s}, .strict = false},
           {u"v1.2"_s, u"1.2.0"_s, u"1.2"_s});
    addRow("v prefix and none compare as versions", Row{.tags = {u"v1.10.0"_s, u"1.9.0"_s}},
           {u"v1.10.0"_s, u"1.9.0"_s});
    addRow("leading zeros are not strict", Row{.tags = {u"1.02.0"_s, u"1.1.0"_s}}, {u"1.1.0"_s});
    addRow("leading zeros are lenient", Row{.tags = {u"1.02.0"_s, u"1.1.0"_s}, .strict = false},
           {u"1.02.0"_s, u"1.1.0"_s});
    addRow("only one v is stripped", Row{.tags = {u"vv1.0.0"_s, u"V1.0.0"_s}, .strict = false}, {});
    addRow("no tags", Row{.tags = {}}, {});
    addRow("nothing parses", Row{.tags = {u"latest"_s, u"main"_s}}, {});

    // Constraints (Masterminds' rules: pre-releases only if the range names one).
    addRow("caret", Row{.constraint = u"^1.2"_s},
           {u"1.10.0"_s, u"v1.9.3"_s, u"v1.2.0+b7"_s, u"v1.2.0"_s});
    addRow("tilde", Row{.constraint = u"~1.2.0"_s}, {u"v1.2.0+b7"_s, u"v1.2.0"_s});
    addRow("range", Row{.constraint = u">=1.9 <2"_s}, {u"1.10.0"_s, u"v1.9.3"_s});
    addRow("or", Row{.constraint = u"1.0.0 || >=2.0.0"_s}, {u"v2.0.0"_s, u"v1.0.0"_s});
    addRow("wildcard", Row{.constraint = u"1.x"_s},
           {u"1.10.0"_s, u"v1.9.3"_s, u"v1.2.0+b7"_s, u"v1.2.0"_s, u"v1.0.0"_s});
    addRow("pre-release excluded", Row{.constraint = u">=2.0.0-0"_s},
           {u"v2.0.0"_s, u"v2.0.0-rc.1"_s});
    addRow("pre-release needs one in the range", Row{.constraint = u">=1.5"_s},
           {u"v2.0.0"_s, u"1.10.0"_s, u"v1.9.3"_s});
    addRow("hyphen range", Row{.constraint = u"1.1 - 1.9"_s},
           {u"v1.9.3"_s, u"v1.2.0+b7"_s, u"v1.2.0"_s});
    addRow("constraint with v", Row{.constraint = u"v2"_s}, {u"v2.0.0"_s});
    addRow("constraint nothing matches", Row{.constraint = u">5"_s}, {});
    addRow("lenient with constraint", Row{.constraint = u"^3"_s, .strict = false}, {u"v3"_s});

    // Allow and ignore regexes (RE2): ignore wins, an empty allow list allows all, any allow
    // regex may match, unanchored unless anchored.
    addRow("allow one", Row{.allow = {u"^v1\\."_s}},
           {u"v1.9.3"_s, u"v1.2.0+b7"_s, u"v1.2.0"_s, u"v1.0.0"_s});
    addRow("allow any of two", Row{.allow = {u"^v1\\.0"_s, u"^1\\.10"_s}},
           {u"1.10.0"_s, u"v1.0.0"_s});
    addRow("allow unanchored", Row{.allow = {u"\\.0\\."_s}},
           {u"v2.0.0"_s, u"v2.0.0-rc.1"_s, u"v1.0.0"_s});
    addRow("ignore wins over allow", Row{.allow = {u"^v2"_s}, .ignore = {u"rc"_s}}, {u"v2.0.0"_s});
    addRow("ignore only", Row{.ignore = {u"^v1"_s, u"-"_s}}, {u"v2.0.0"_s, u"1.10.0"_s});
    addRow("ignore exact tag", Row{.ignore = {u"^v2\\.0\\.0$"_s}},
           {u"v2.0.0-rc.1"_s, u"1.10.0"_s, u"v1.9.3"_s, u"v1.2.0+b7"_s, u"v1.2.0"_s, u"v1.0.0"_s});
    addRow("ignore everything", Row{.ignore = {u"."_s}}, {});
    addRow("case-insensitive allow",
           Row{.tags = {u"V1.0.0"_s, u"v2.0.0"_s}, .allow = {u"(?i)^V"_s}, .strict = false},
           {u"v2.0.0"_s});
    addRow("$ is the very end", Row{.tags = {u"v1.0.0"_s, u"v1.0.0\n"_s}, .allow = {u"0$"_s}},
           {u"v1.0.0"_s});
    addRow("\\d is ASCII", Row{.tags = {u"v1.0.0"_s, u"v\u0661.0.0"_s}, .allow = {u"^v\\d"_s}},
           {u"v1.0.0"_s});

    // Lexical: descending as text (byte order), constraint and strictness ignored.
    addRow("lexical",
           Row{.tags = {u"2024-01-05"_s, u"2024-01-15"_s, u"2023-12-31"_s},
               .strategy = Strategy::Lexical},
           {u"2024-01-15"_s, u"2024-01-05"_s, u"2023-12-31"_s});
    addRow("lexical is not numeric",
           Row{.tags = {u"v9"_s, u"v10"_s, u"v1"_s}, .strategy = Strategy::Lexical},
           {u"v9"_s, u"v10"_s, u"v1"_s});
    addRow("lexical upper case first",
           Row{.tags = {u"b"_s, u"B"_s, u"a"_s}, .strategy = Strategy::Lexical},
           {u"b"_s, u"a"_s, u"B"_s});
    addRow("lexical by code point",
           Row{.tags = {u"\uffee"_s, u"\U0001f600"_s}, .strategy = Strategy::Lexical},
           {u"\U0001f600"_s, u"\uffee"_s});
    addRow("lexical with allow",
           Row{.strategy = Strategy::Lexical, .allow = {u"^main-"_s, u"^20"_s}},
           {u"main-3f2a"_s, u"2024-01-05"_s});
    addRow("lexical ignores the constraint",
           Row{.tags = {u"a"_s, u"c"_s, u"b"_s},
               .strategy = Strategy::Lexical,
               .constraint = u"not a constraint"_s},
           {u"c"_s, u"b"_s, u"a"_s});

    // The limit applies after filtering and sorting.
    addRow("limit", Row{.limit = 2}, {u"v2.0.0"_s, u"v2.0.0-rc.1"_s});
    addRow("limit after filter", Row{.ignore = {u"^v2"_s}, .limit = 1}, {u"1.10.0"_s});
    addRow("limit larger than the list", Row{.tags = {u"1.0.0"_s}, .limit = 5}, {u"1.0.0"_s});
    addRow("no limit", Row{.tags = {u"1.0.0"_s, u"2.0.0"_s, u"3.0.0"_s}, .limit = -1},
           {u"3.0.0"_s, u"2.0.0"_s, u"1.0.0"_s});
    addRow("lexical limit",
           Row{.tags = {u"a"_s, u"b"_s, u"c"_s}, .strategy = Strategy::Lexical, .limit = 1},
           {u"c"_s});

    // Errors.
    addErrorRow("bad constraint", Row{.constraint = u">= 1.0 <<2"_s},
                u"invalid semver constraint \">= 1.0 <<2\": "_s);
    addErrorRow("bad allow regex", Row{.allow = {u"^v(1"_s}},
                u"invalid regular expression \"^v(1\": missing closing ): `^v(1`"_s);
    addErrorRow("PCRE-only ignore regex", Row{.ignore = {u"(?<!rc)$"_s}},
                u"invalid regular expression \"(?<!rc)$\": invalid or unsupported Perl syntax"_s);
    addErrorRow("bad regex with lexical", Row{.strategy = Strategy::Lexical, .allow = {u"a++"_s}},
                u"invalid regular expression \"a++\": invalid nested repetition operator: `++`"_s);
    addErrorRow("bad regex and no tags", Row{.tags = {}, .ignore = {u"\\1"_s}},
                u"invalid regular expression \"\\1\": invalid escape sequence: `\\1`"_s);
}

void TestTagSelection::select()
{
    QFETCH(QStringList, tags);
    QFETCH(Strategy, strategy);
    QFETCH(QString, constraint);
    QFETCH(QStringList, allow);
    QFETCH(QStringList, ignore);
    QFETCH(bool, strict);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    TagSelection::Options options;
    options.strategy = strategy;
    options.constraint = constraint;
    options.allowRegexes = allow;
    options.ignoreRegexes = ignore;
    options.strictSemvers = strict;
    options.limit = limit;
    QString message;
    const auto selected = TagSelection::select(tags, options, &message);
    if (!error.isEmpty()) {
        QVERIFY(!selected);
        QVERIFY2(message.startsWith(error), qPrintable(message));
        return;
    }
    QVERIFY2(selected, qPrintable(message));
    QCOMPARE(*selected, expected);
}

void TestTagSelection::filterKeepsOrder()
{
    const auto filtered =
        TagSelection::filter({u"b2"_s, u"a1"_s, u"c3"_s, u"a2"_s}, {u"[ab]"_s}, {u"2$"_s});
    QVERIFY(filtered);
    QCOMPARE(*filtered, (QStringList{u"a1"_s}));
    QString error;
    QVERIFY(!TagSelection::filter({u"x"_s}, {}, {u"(?=x)"_s}, &error));
    QVERIFY2(error.contains(u"lookahead"_s), qPrintable(error));
}

void TestTagSelection::re2Syntax_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("error"); ///< a part of the error, or empty if RE2 accepts it

    // Accepted by Go's regexp.
    const auto accept = [](const char *name, const QString &pattern) {
        QTest::newRow(name) << pattern << QString();
    };
    accept("plain", u"^v[0-9]+\\.[0-9]+\\.[0-9]+$"_s);
    accept("named group, Python style", u"(?P<major>\\d+)\\.\\d+"_s);
    accept("named group, Perl style", u"(?<major>\\d+)\\.\\d+"_s);
    accept("non-capturing group with flags", u"(?i:rc)|(?s).(?-s)x"_s);
    accept("lazy", u"a+?b*?c??d{2,3}?"_s);
    accept("\\Q..\\E", u"\\Qv1.0+build\\E$"_s);
    accept("\\z and \\A", u"\\Av1\\z"_s);
    accept("unicode class", u"\\p{Greek}\\PL\\pN\\p{^Lu}"_s);
    accept("POSIX class", u"[[:alpha:][:^digit:]]"_s);
    accept("octal escape", u"\\101\\0"_s);
    accept("hex escape", u"\\x41\\x{1F600}"_s);
    accept("repetition of 1000", u"a{1000}b{0,1000}"_s);
    accept("nested repetition within 1000", u"(a{10}){100}"_s);
    accept("brace that is not a repetition", u"a{,3}x{1,y}{"_s);
    accept("escaped punctuation", u"\\.\\-\\_\\/\\:"_s);
    accept("empty", QString());

    // Rejected by Go's regexp, though PCRE accepts them.
    const auto reject = [](const char *name, const QString &pattern, const QString &error) {
        QTest::newRow(name) << pattern << error;
    };
    reject("backreference", u"(a)\\1"_s, u"invalid escape sequence: `\\1`"_s);
    reject("named backreference", u"(?<a>x)\\k<a>"_s, u"invalid escape sequence: `\\k`"_s);
    reject("lookahead", u"v(?=1)"_s, u"`(?=` (lookahead"_s);
    reject("negative lookahead", u"^(?!rc)"_s, u"`(?!`"_s);
    reject("lookbehind", u"(?<=v)1"_s, u"`(?<=` (lookbehind"_s);
    reject("negative lookbehind", u"(?<!-rc)$"_s, u"`(?<!`"_s);
    reject("atomic group", u"(?>a+)b"_s, u"atomic groups"_s);
    reject("possessive star", u"a*+"_s, u"invalid nested repetition operator: `*+`"_s);
    reject("possessive plus", u"a++"_s, u"`++` (possessive"_s);
    reject("possessive question", u"a?+"_s, u"`?+`"_s);
    reject("possessive count", u"a{2}+"_s, u"`{2}+`"_s);
    reject("recursion", u"(a(?R)?b)"_s, u"recursion"_s);
    reject("subroutine call", u"(a)(?1)"_s, u"recursion"_s);
    reject("conditional", u"(a)?(?(1)b|c)"_s, u"conditionals"_s);
    reject("comment", u"a(?#note)"_s, u"comments"_s);
    reject("flag x", u"(?x) a"_s, u"the only flags are i, m, s and U"_s);
    reject("\\Z", u"v1\\Z"_s, u"invalid escape sequence: `\\Z` (use \\z"_s);
    reject("\\G", u"\\Ga"_s, u"`\\G`"_s);
    reject("\\K", u"a\\Kb"_s, u"`\\K`"_s);
    reject("\\R", u"a\\R"_s, u"`\\R`"_s);
    reject("\\X", u"\\X"_s, u"`\\X`"_s);
    reject("\\h", u"\\h"_s, u"`\\h`"_s);
    reject("\\C", u"\\C"_s, u"`\\C`"_s);
    reject("repetition over 1000", u"a{1001}"_s, u"invalid repeat count: `{1001}`"_s);
    reject("nested repetition over 1000", u"(a{100}){11}"_s, u"invalid repeat count: `{11}`"_s);
    reject("stacked repetition", u"a**"_s, u"invalid nested repetition operator: `**`"_s);
    reject("nothing to repeat", u"*a"_s, u"missing argument to repetition operator: `*`"_s);
    reject("unknown class name", u"[[:word2:]]"_s, u"invalid character class range"_s);
    reject("unknown script", u"\\p{Klingon}"_s, u"`\\p{Klingon}`"_s);
    reject("lower-case script", u"\\p{greek}"_s, u"`\\p{greek}`"_s);
    reject("backspace in class", u"[\\b]"_s, u"invalid escape sequence: `\\b`"_s);
    reject("trailing backslash", u"a\\"_s, u"trailing backslash"_s);
    reject("unclosed group", u"(a"_s, u"missing closing ): `(a`"_s);
    reject("unopened group", u"a)"_s, u"unexpected ): `a)`"_s);
    reject("unclosed class", u"[a-"_s, u"missing closing ]: `[a-`"_s);
    reject("reversed range", u"[z-a]"_s, u"invalid character class range: `z-a`"_s);
    reject("bad group name", u"(?P<a-b>x)"_s, u"invalid named capture: `(?P<a-b>`"_s);
    reject("lone surrogate", QString(QChar(0xd800)), u"invalid UTF-8"_s);
}

void TestTagSelection::re2Syntax()
{
    QFETCH(QString, pattern);
    QFETCH(QString, error);
    QString message;
    const bool ok = checkRe2Syntax(pattern, &message);
    if (error.isEmpty()) {
        QVERIFY2(ok, qPrintable(message));
        QString compileError;
        QVERIFY2(compileRe2(pattern, &compileError), qPrintable(compileError));
    } else {
        QVERIFY(!ok);
        QVERIFY2(message.contains(error), qPrintable(message));
        QVERIFY(!compileRe2(pattern));
    }
}

void TestTagSelection::re2Matching_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<bool>("matches");

    // Where Go and PCRE read the same pattern differently, Go's reading wins.
    QTest::newRow("$ not before a final newline") << u"a$"_s << u"a\n"_s << false;
    QTest::newRow("(?m)$ before a newline") << u"(?m)a$"_s << u"a\nb"_s << true;
    QTest::newRow("(?m)^ after a final newline") << u"(?m)^$"_s << u"a\n"_s << true;
    QTest::newRow("\\s has no vertical tab") << u"\\s"_s << u"\v"_s << false;
    QTest::newRow("\\s has a tab") << u"\\s"_s << u"\t"_s << true;
    QTest::newRow("{,3} is literal") << u"^a{,3}$"_s << u"a{,3}"_s << true;
    QTest::newRow("{,3} repeats nothing") << u"^a{,3}$"_s << u"aa"_s << false;
    QTest::newRow("\\12 is octal") << u"^\\12$"_s << u"\n"_s << true;
    QTest::newRow("group name starting with a digit") << u"(?P<1a>x)"_s << u"x"_s << true;
    QTest::newRow(". is not a newline") << u"^.$"_s << u"\n"_s << false;
    QTest::newRow("(?s). is a newline") << u"(?s)^.$"_s << u"\n"_s << true;
    QTest::newRow("\\w is ASCII") << u"^\\w$"_s << u"\u00e9"_s << false;
    QTest::newRow("\\b is ASCII") << u"\\bx"_s << u"\u00e9x"_s << true;
    QTest::newRow("(?i) folds the Kelvin sign") << u"(?i)\\w"_s << u"\u212a"_s << true;
    QTest::newRow("(?i) scoped to its group") << u"(?i:a)b"_s << u"AB"_s << false;
    QTest::newRow("flag change after an item") << u"^a(?i)*b$"_s << u"aaB"_s << true;
    QTest::newRow("\\Q..\\E literal") << u"^\\Qa.b\\E$"_s << u"axb"_s << false;
    QTest::newRow("[\\d-z] is a class") << u"^[\\d-z]+$"_s << u"5-z"_s << true;
    QTest::newRow("lazy under (?U)") << u"(?U)^a+$"_s << u"aaa"_s << true;
}

void TestTagSelection::re2Matching()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(bool, matches);
    QString error;
    const auto expression = compileRe2(pattern, &error);
    QVERIFY2(expression, qPrintable(error));
    QCOMPARE(expression->match(subject).hasMatch(), matches);
}

QTEST_GUILESS_MAIN(TestTagSelection)
#include "tst_tagselection.moc"
