// Expectations follow the documented behaviour of Masterminds/semver v3 (v3.5, the version Kargo
// uses): many rows are the inputs and outcomes of its README and of its version_test.go and
// constraints_test.go; the others were checked against that library's behaviour.

#include "engine/semver.h"

#include <QTest>

#include <algorithm>
#include <limits>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

// A version row: text, strict?, and the normalised version or "" if it must be rejected.
void versionRow(const char *text, bool strict, const char *normalized)
{
    const QByteArray tag = QByteArray(text).replace('\n', "\\n");
    QTest::addRow("%s %s", strict ? "strict" : "lenient", tag.constData())
        << QString::fromUtf8(text) << strict << QString::fromUtf8(normalized);
}

void compareRow(const char *a, const char *b, int expected)
{
    QTest::addRow("%s vs %s", a, b) << QString::fromUtf8(a) << QString::fromUtf8(b) << expected;
}

// A constraint row: text, and its normalised form, or "!" followed by the start of the error.
void constraintRow(const char *tag, const char *text, const char *expected)
{
    QTest::newRow(tag) << QString::fromUtf8(text) << QString::fromUtf8(expected);
}

void matchRow(const char *constraint, const char *version, bool expected)
{
    QTest::addRow("%s ? %s", constraint, version)
        << QString::fromUtf8(constraint) << QString::fromUtf8(version) << expected;
}

SemanticVersion makeVersion(const QString &text)
{
    const std::optional<SemanticVersion> v = SemanticVersion::parse(text, false);
    if (!v)
        qFatal("test version %s does not parse", qPrintable(text));
    return *v;
}

} // namespace

class TestSemver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseVersion_data();
    void parseVersion();
    void versionParts();
    void compare_data();
    void compare();
    void sortOrder();
    void parseConstraint_data();
    void parseConstraint();
    void constraintLimits();
    void matches_data();
    void matches();
    void includePrerelease();
};

void TestSemver::parseVersion_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QString>("normalized");

    // Strict: Masterminds' StrictNewVersion, after Kargo strips one leading 'v'.
    versionRow("1.2.3", true, "1.2.3");
    versionRow("v1.2.3", true, "1.2.3");
    versionRow("0.0.0", true, "0.0.0");
    versionRow("1.2.3-alpha.01", true, "");
    versionRow("1.2.3+test.01", true, "1.2.3+test.01");
    versionRow("1.2.3-alpha.-1", true, "1.2.3-alpha.-1");
    versionRow("1.0", true, "");
    versionRow("v1.0", true, "");
    versionRow("1", true, "");
    versionRow("1.2.beta", true, "");
    versionRow("foo", true, "");
    versionRow("1.2-5", true, "");
    versionRow("1.2-beta.5", true, "");
    versionRow("\n1.2", true, "");
    versionRow("1.2.0-x.Y.0+metadata", true, "1.2.0-x.Y.0+metadata");
    versionRow("v1.2.0-x.Y.0+metadata-width-hypen", true, "1.2.0-x.Y.0+metadata-width-hypen");
    versionRow("1.2.3-rc1-with-hypen", true, "1.2.3-rc1-with-hypen");
    versionRow("1.2.3.4", true, "");
    versionRow("1.2.2147483648", true, "1.2.2147483648");
    versionRow("2147483648.3.0", true, "2147483648.3.0");
    versionRow("20221209-update-renovatejson-v4", true, "");
    versionRow("01.2.3", true, "");
    versionRow("1.02.3", true, "");
    versionRow("1.2.03", true, "");
    versionRow("V1.2.3", true, "");
    versionRow("vv1.2.3", true, "");
    versionRow("", true, "");
    versionRow("1.2.3-", true, "");
    versionRow("1.2.3+", true, "");
    versionRow("1.2.3-alpha..1", true, "");
    versionRow("1.2.3-al_pha", true, "");
    versionRow("1.2.3-0", true, "1.2.3-0");
    versionRow("1.2.3-0abc", true, "1.2.3-0abc");
    versionRow("1.0.0-x.7.z.92", true, "1.0.0-x.7.z.92");
    versionRow("18446744073709551615.0.0", true, "18446744073709551615.0.0");
    versionRow("18446744073709551616.0.0", true, "");

    // Lenient: Masterminds' NewVersion coerces partial versions and leading zeros.
    versionRow("1.2.3", false, "1.2.3");
    versionRow("1.2.3-alpha.01", false, "");
    versionRow("v1.2.3", false, "1.2.3");
    versionRow("1.0", false, "1.0.0");
    versionRow("v1.0", false, "1.0.0");
    versionRow("1", false, "1.0.0");
    versionRow("v1", false, "1.0.0");
    versionRow("1.2.beta", false, "");
    versionRow("foo", false, "");
    versionRow("1.2-5", false, "1.2.0-5");
    versionRow("v1.2-beta.5", false, "1.2.0-beta.5");
    versionRow("\nv1.2", false, "");
    versionRow("v1.2.0-x.Y.0+metadata", false, "1.2.0-x.Y.0+metadata");
    versionRow("1.2.3.4", false, "");
    versionRow("12.3.4.1234", false, "");
    versionRow("20221209-update-renovatejson-v4", false, "20221209.0.0-update-renovatejson-v4");
    versionRow("01.02.03", false, "1.2.3");
    versionRow("v007", false, "7.0.0");
    versionRow("1-rc.1+build.5", false, "1.0.0-rc.1+build.5");
    versionRow("1.2.3+meta-data", false, "1.2.3+meta-data");
    versionRow("1.2.3+build+more", false, "");
    versionRow("1.2.3 ", false, "");
    versionRow(" 1.2.3", false, "");
    versionRow("v", false, "");
    versionRow("", false, "");
    versionRow("1..2", false, "");
    versionRow("1.2.", false, "");
    versionRow("1.2.x", false, "");
    versionRow("latest", false, "");
    versionRow("1.2.3-beta.01", false, "");
    versionRow("1.2.3+001", false, "1.2.3+001");
    versionRow("99999999999999999999", false, "");
}

void TestSemver::parseVersion()
{
    QFETCH(QString, text);
    QFETCH(bool, strict);
    QFETCH(QString, normalized);

    QString error;
    const std::optional<SemanticVersion> v = SemanticVersion::parse(text, strict, &error);
    if (normalized.isEmpty()) {
        QVERIFY2(!v, qPrintable(v ? v->toString() : QString()));
        QVERIFY(!error.isEmpty());
        return;
    }
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(v->toString(), normalized);
    QCOMPARE(v->original(), text);
}

void TestSemver::versionParts()
{
    const std::optional<SemanticVersion> v =
        SemanticVersion::parse(u"v1.2.3-beta.1+build.123", true);
    QVERIFY(v);
    QCOMPARE(v->major(), quint64(1));
    QCOMPARE(v->minor(), quint64(2));
    QCOMPARE(v->patch(), quint64(3));
    QCOMPARE(v->prerelease(), u"beta.1"_s);
    QCOMPARE(v->metadata(), u"build.123"_s);
    QCOMPARE(v->original(), u"v1.2.3-beta.1+build.123"_s);
    QCOMPARE(v->toString(), u"1.2.3-beta.1+build.123"_s);

    const std::optional<SemanticVersion> big =
        SemanticVersion::parse(u"18446744073709551615.0.1", true);
    QVERIFY(big);
    QCOMPARE(big->major(), std::numeric_limits<quint64>::max());

    QString error;
    QVERIFY(!SemanticVersion::parse(QString(257, u'1'), false, &error));
    QVERIFY2(error.contains(u"too long"_s), qPrintable(error));
    QVERIFY(SemanticVersion::parse(QString(u"1.0.0-"_s + QString(250, u'a')), true));

    QCOMPARE(SemanticVersion().toString(), u"0.0.0"_s);
}

void TestSemver::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");

    compareRow("1.2.3", "1.5.1", -1);
    compareRow("2.2.3", "1.5.1", 1);
    compareRow("2.2.3", "2.2.2", 1);
    compareRow("3.2-beta", "3.2-beta", 0);
    compareRow("1.3", "1.1.4", 1);
    compareRow("4.2", "4.2-beta", 1);
    compareRow("4.2-beta", "4.2", -1);
    compareRow("4.2-alpha", "4.2-beta", -1);
    compareRow("4.2-alpha", "4.2-alpha", 0);
    compareRow("4.2-beta.2", "4.2-beta.1", 1);
    compareRow("4.2-beta2", "4.2-beta1", 1);
    compareRow("4.2-beta", "4.2-beta.2", -1);
    compareRow("4.2-beta", "4.2-beta.foo", -1);
    compareRow("4.2-beta.2", "4.2-beta", 1);
    compareRow("4.2-beta.foo", "4.2-beta", 1);
    compareRow("1.2+bar", "1.2+baz", 0);
    compareRow("3.2-beta+foo", "3.2-beta+bar", 0);
    compareRow("1.0.0-beta.4", "1.0.0-beta.-2", -1);
    compareRow("1.0.0-beta.-2", "1.0.0-beta.-3", -1);
    compareRow("1.0.0-beta.-3", "1.0.0-beta.5", 1);
    compareRow("3.2.0-beta.1", "3.2.0-beta.5", -1);
    compareRow("7.43.0-SNAPSHOT.99", "7.43.0-SNAPSHOT.103", -1);
    compareRow("7.43.0-SNAPSHOT.FOO", "7.43.0-SNAPSHOT.103", 1);
    compareRow("1.0.0-BETA", "1.0.0-alpha", -1);
    compareRow("1.0.0-1", "1.0.0-99999999999999999999", -1);
    compareRow("1.0.0-99999999999999999999", "1.0.0-a", -1);
    compareRow("v1.2.3", "1.2.3", 0);
    compareRow("10.0.0", "9.99.99", 1);
    compareRow("18446744073709551615.0.0", "18446744073709551614.9.9", 1);
}

void TestSemver::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);

    const SemanticVersion va = makeVersion(a);
    const SemanticVersion vb = makeVersion(b);
    QCOMPARE(va.compare(vb), expected);
    QCOMPARE(vb.compare(va), -expected);
    QCOMPARE(va == vb, expected == 0);
    QCOMPARE(va < vb, expected < 0);
    QCOMPARE(va > vb, expected > 0);
}

void TestSemver::sortOrder()
{
    // The precedence example of semver.org, item 11.
    const QStringList expected{u"1.0.0-alpha"_s, u"1.0.0-alpha.1"_s, u"1.0.0-alpha.beta"_s,
                               u"1.0.0-beta"_s,  u"1.0.0-beta.2"_s,  u"1.0.0-beta.11"_s,
                               u"1.0.0-rc.1"_s,  u"1.0.0"_s,         u"2.0.0"_s,
                               u"2.1.0"_s,       u"2.1.1"_s};
    QList<SemanticVersion> versions;
    for (auto it = expected.crbegin(); it != expected.crend(); ++it)
        versions.append(makeVersion(*it));
    std::sort(versions.begin(), versions.end());
    QStringList sorted;
    for (const SemanticVersion &v : versions)
        sorted.append(v.toString());
    QCOMPARE(sorted, expected);
}

void TestSemver::parseConstraint_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    constraintRow("spaced operator", ">= 1.1", ">=1.1");
    constraintRow("comma and", ">40.50.60, < 50.70", ">40.50.60 <50.70");
    constraintRow("bare partial", "2.0", "2.0");
    constraintRow("long pre-release", "v2.3.5-20161202202307-sha.e8fc5e5",
                  "v2.3.5-20161202202307-sha.e8fc5e5");
    constraintRow("word", ">= bar", "!improper constraint: >= bar");
    constraintRow("leading word", "BAR >= 1.2.3", "!improper constraint");
    constraintRow("space and", ">= 1.2.3 < 2.0", ">=1.2.3 <2.0");
    constraintRow("space and or", ">= 1.2.3 < 2.0 || => 3.0 < 4", ">=1.2.3 <2.0 || =>3.0 <4");
    constraintRow("comma and or", ">= 1.2.3, < 2.0 || => 3.0, < 4", ">=1.2.3 <2.0 || =>3.0 <4");
    constraintRow("range in or", "3 - 4 || => 3.0, < 4", ">=3 <=4 || =>3.0 <4");
    constraintRow("four numbers", "12.3.4.1234", "!improper constraint: 12.3.4.1234");
    constraintRow("four numbers 2", "12.23.4.1234", "!improper constraint");
    constraintRow("and tilde", "12.3.34 ~1.2.3", "12.3.34 ~1.2.3");
    constraintRow("glued tilde", "12.3.34~ 1.2.3", "!improper constraint");
    constraintRow("range and", "1.0.0 - 2.0.0, <=2.0.0", ">=1.0.0 <=2.0.0 <=2.0.0");
    constraintRow("range and space", "1.0.0 - 2.0.0 <=2.0.0", ">=1.0.0 <=2.0.0 <=2.0.0");
    constraintRow("two ranges", "2 - 3, 4.0.0 - 5.1", ">=2 <=3 >=4.0.0 <=5.1");
    constraintRow("range without spaces", "1.1-3", "1.1-3");
    constraintRow("x.y", ">=1.x.y", "!improper constraint: >=1.x.y");
    constraintRow("empty", "", "!improper constraint");
    constraintRow("blank", "   ", "!improper constraint");
    constraintRow("double equals", "==1.2.3", "!improper constraint");
    constraintRow("bang", "!1.2.3", "!improper constraint");
    constraintRow("empty or", "1.2.3 ||", "!improper constraint");
    constraintRow("leading or", "|| 1.2.3", "!improper constraint");
    constraintRow("double comma", "1.2.3,,2", "!improper constraint");
    constraintRow("trailing comma", ">1.2.3,", "!improper constraint");
    constraintRow("glued comparators", ">1.2<2", "!improper constraint");
    constraintRow("dangling hyphen", "1.2.3 -", "!improper constraint");
    constraintRow("dangling operator", "1.2.3 >=", "!improper constraint");
    constraintRow("upper v", "V1.2.3", "!improper constraint");
    constraintRow("leading zero pre-release", "1.2.3-01", "!constraint parser error");
    constraintRow("junk number", ">=1x", "!constraint parser error");
    constraintRow("number too big", "18446744073709551616", "!constraint parser error");
    constraintRow("lone pipe", "1 | 2", "!constraint parser error");
    constraintRow("every operator", "=1 !=2 >3 <4 >=5 =>6 <=7 =<8 ~9 ~>10 ^11",
                  "=1 !=2 >3 <4 >=5 =>6 <=7 =<8 ~9 ~>10 ^11");
    constraintRow("tabs and newlines", "\t>=1.0\n<2\r", ">=1.0 <2");
    constraintRow("space after comma", "^1.2 ,  <1.5", "^1.2 <1.5");
    constraintRow("wildcards", "* || x || X.x.* || 1.X", "* || x || X.x.* || 1.X");
    constraintRow("ignored after wildcard", "1.x.|", "1.x.|");
    constraintRow("v prefix", "^v1.2.3-rc.1+build.7", "^v1.2.3-rc.1+build.7");
    constraintRow("or without spaces", "1||2", "1 || 2");
    constraintRow("triple pipe", "1 ||| 2", "!constraint parser error");
}

void TestSemver::parseConstraint()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    QString error;
    const std::optional<SemverConstraint> c = SemverConstraint::parse(text, &error);
    if (expected.startsWith(u'!')) {
        QVERIFY2(!c, qPrintable(c ? c->toString() : QString()));
        QVERIFY2(error.startsWith(expected.mid(1)), qPrintable(error));
        return;
    }
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->toString(), expected);
}

void TestSemver::constraintLimits()
{
    QString error;
    const QString groups32 = QStringList(32, u"1"_s).join(u"||"_s);
    QVERIFY(SemverConstraint::parse(groups32, &error));
    QVERIFY(!SemverConstraint::parse(QString(groups32 + u"||1"_s), &error));
    QVERIFY2(error.startsWith(u"too many constraint groups"_s), qPrintable(error));

    const QString long512 = u">="_s + QString(510, u'1');
    QVERIFY(!SemverConstraint::parse(long512, &error)); // its bound is over 256 characters
    QVERIFY2(error.startsWith(u"constraint parser error"_s), qPrintable(error));
    QVERIFY(!SemverConstraint::parse(QString(long512 + u'1'), &error));
    QVERIFY2(error.startsWith(u"constraint string is too long"_s), qPrintable(error));
    QVERIFY(SemverConstraint::parse(QStringList(64, u"1.2.3"_s).join(u' ')));
}

void TestSemver::matches_data()
{
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<QString>("version");
    QTest::addColumn<bool>("expected");

    // =, and a bare version (a partial one is a range)
    matchRow("=2.0.0", "1.2.3", false);
    matchRow("=2.0.0", "2.0.0", true);
    matchRow("=2.0", "2.0.1", true);
    matchRow("= 2.0", "1.2.3", false);
    matchRow("4.1", "4.1.0", true);
    matchRow("4.1.x", "4.1.3", true);
    matchRow("1.x", "1.4", true);
    matchRow("2", "1", false);
    matchRow("2", "2.1.1", true);
    matchRow("2.1", "2.2.1", false);
    matchRow("=0", "1", false);
    matchRow("0.0.0", "1.2.3", false);
    matchRow("v1.2.3", "1.2.3", true);
    matchRow("1.2.3", "v1.2.3+build.9", true);
    matchRow("=1.2.3+build", "1.2.3", true);
    matchRow("1.2.3-alpha", "1.2.3-alpha", true);
    matchRow("1.2.3-alpha", "1.2.3-beta", false);

    // !=
    matchRow("!=4.1.0", "4.1.0", false);
    matchRow("!=4.1.0", "4.1.1", true);
    matchRow("!=4.1", "4.1.0", false);
    matchRow("!=4.1", "4.1.1", false);
    matchRow("!=4.1", "5.1.0", true);
    matchRow("!=4.1", "5.1.0-alpha.1", false);
    matchRow("!=4.1-alpha", "4.1.0", true);
    matchRow("!=4.1-alpha", "4.1.0-alpha", false);
    matchRow("!=4.1-alpha", "4.1.1-alpha", false);
    matchRow("!=4.x", "5.1.0", true);
    matchRow("!=4.x", "4.1.0", false);
    matchRow("!=4.1.x", "4.2.0", true);
    matchRow("!=4.2.x", "4.2.3", false);
    matchRow("!=*", "1.0.0", true);
    matchRow("!=*", "0.0.0", false);

    // >
    matchRow(">1.1", "4.1.0", true);
    matchRow(">1.1", "1.1.0", false);
    matchRow(">0", "0", false);
    matchRow(">0", "1", true);
    matchRow(">0", "0.0.1-alpha", false);
    matchRow(">0.0", "0.0.1-alpha", false);
    matchRow(">0-0", "0.0.1-alpha", false);
    matchRow(">0.0-0", "0.0.1-alpha", false);
    matchRow(">0", "0.0.0-alpha", false);
    matchRow(">0-0", "0.0.0-alpha", false);
    matchRow(">0.0.0-0", "0.0.0-alpha", true);
    matchRow(">1.2.3-alpha.1", "1.2.3-alpha.2", true);
    matchRow(">1.2.3-alpha.1", "1.3.3-alpha.2", true);
    matchRow(">11", "11.1.0", false);
    matchRow(">11.1", "11.1.0", false);
    matchRow(">11.1", "11.1.1", false);
    matchRow(">11.1", "11.2.1", true);
    matchRow(">1.x", "1.9.9", false);
    matchRow(">1.x", "2.0.0", true);
    matchRow(">1.2.x", "1.2.9", false);
    matchRow(">1.2.x", "1.3.0", true);
    matchRow(">*", "0.0.0", false);
    matchRow(">*", "0.0.1", true);

    // <
    matchRow("<11", "0.1.0", true);
    matchRow("<11", "11.1.0", false);
    matchRow("<1.1", "0.1.0", true);
    matchRow("<1.1", "1.1.0", false);
    matchRow("<1.1", "1.1.1", false);
    matchRow("<1.x", "1.1.1", false);
    matchRow("<1.x", "0.1.1", true);
    matchRow("<2.x", "1.1.1", true);
    matchRow("<1.1.x", "1.1.500", false);
    matchRow("<1.1.x", "1.0.500", true);
    matchRow("<1.2.x", "1.1.1", true);
    matchRow("<0", "0.0.0-alpha", false);
    matchRow("<0-z", "0.0.0-alpha", true);
    matchRow("<*", "0.0.0", false);

    // >= and =>
    matchRow(">=11", "11.1.2", true);
    matchRow(">=11.1", "11.0.2", false);
    matchRow(">=1.1", "4.1.0", true);
    matchRow(">=1.1", "4.1.0-beta", false);
    matchRow(">=1.1", "0.0.9", false);
    matchRow(">=0", "0.0.1-alpha", false);
    matchRow(">=0-0", "0.0.1-alpha", true);
    matchRow(">=0.0-0", "0.0.1-alpha", true);
    matchRow(">=0", "0", true);
    matchRow(">=0.0.0-0", "1.2.3", true);
    matchRow(">=0.0.0-0", "3.4.5-beta.1", true);
    matchRow("=> 1.2", "1.2.0", true);
    matchRow(">=1.2.3-BETA", "1.2.3-alpha", true);

    // <= and =<
    matchRow("<=11", "1.2.3", true);
    matchRow("<=11", "12.2.3", false);
    matchRow("<=11", "11.2.3", true);
    matchRow("<=1.1", "1.2.3", false);
    matchRow("<=1.1", "1.1.1", true);
    matchRow("<=1.1", "0.1.0-alpha", false);
    matchRow("<=1.1-a", "0.1.0-alpha", true);
    matchRow("<=1.x", "1.1.0", true);
    matchRow("<=2.x", "3.0.0", false);
    matchRow("<=1.1.x", "1.2.500", false);
    matchRow("<=4.5", "3.7.0", true);
    matchRow("<=4.5", "4.6.3", false);
    matchRow("=< 1.2", "1.2.9", true);
    matchRow("<=*", "0.0.9", true);
    matchRow("<=*", "0.9.0", false);
    matchRow("<=*", "1.0.0", false);

    // wildcards and an empty-ish range
    matchRow("*", "1", true);
    matchRow("*", "4.5.6", true);
    matchRow("*", "1.2.3-alpha.1", false);
    matchRow("*-0", "1.2.3-alpha.1", true);
    matchRow("x", "0.0.0", true);
    matchRow("X.x.*", "9.9.9", true);
    matchRow("2.*", "3.4.5", false);
    matchRow("2.1.*", "2.1.1", true);
    matchRow("2.1.*", "2.2.1", false);
    matchRow("1.X", "1.9.9", true);
    matchRow("0.x.x", "1.2.3", false);
    matchRow("0.0.x", "1.2.3", false);
    matchRow("1.x.|", "1.5.0", true);

    // ~ and ~>
    matchRow("~1.2.3", "1.2.4", true);
    matchRow("~1.2.3", "1.3.4", false);
    matchRow("~1.2.3", "1.2.2", false);
    matchRow("~1.2", "1.2.4", true);
    matchRow("~1.2", "1.3.4", false);
    matchRow("~1", "1.2.4", true);
    matchRow("~1", "2.3.4", false);
    matchRow("~1", "1.3.5-beta", false);
    matchRow("~1.x", "1.4", true);
    matchRow("~1.x", "2.1.1", false);
    matchRow("~0", "0.9.9", true);
    matchRow("~0", "1.0.0", false);
    matchRow("~0.2.3", "0.2.5", true);
    matchRow("~0.2.3", "0.3.5", false);
    matchRow("~0.0.0", "1.2.3", true);
    matchRow("~*", "2.1.1", true);
    matchRow("~1.2.3-beta.2", "1.2.3-beta.4", true);
    matchRow("~1.2.3-beta.2", "1.2.4-beta.2", true);
    matchRow("~1.2.3-beta.2", "1.3.4-beta.2", false);
    matchRow("~1.1", "1.1.1-alpha", false);
    matchRow("~1.1-alpha", "1.1.1-beta", true);
    matchRow("~1.1.1-beta", "1.1.1-alpha", false);
    matchRow("~1.1.1-beta", "1.1.1", true);
    matchRow("~> 1.2", "1.2.9", true);
    matchRow("~>1.2.3", "1.3.0", false);

    // ^
    matchRow("^1.2.3", "1.8.9", true);
    matchRow("^1.2.3", "2.8.9", false);
    matchRow("^1.2.3", "1.2.1", false);
    matchRow("^1.2.0", "1.2.1-alpha.1", false);
    matchRow("^1.2.0-alpha.0", "1.2.1-alpha.1", true);
    matchRow("^1.2.0-alpha.2", "1.2.0-alpha.1", false);
    matchRow("^1.2", "1.8.9", true);
    matchRow("^1", "2.8.9", false);
    matchRow("^1.x", "1.1.1", true);
    matchRow("^1.x", "1.1.1-beta1", false);
    matchRow("^2.x", "1.1.1", false);
    matchRow("^1.1.2-alpha", "1.2.1-beta1", true);
    matchRow("^1.2.x-alpha", "1.1.1-beta1", false);
    matchRow("^0.2.3", "0.2.5", true);
    matchRow("^0.2.3", "0.3.0", false);
    matchRow("^0.2", "0.2.5", true);
    matchRow("^0.2", "0.5.6", false);
    matchRow("^0.0.3", "0.0.3", true);
    matchRow("^0.0.3", "0.0.4", false);
    matchRow("^0.0", "0.0.3", true);
    matchRow("^0.0", "0.1.4", false);
    matchRow("^0", "0.2.3", true);
    matchRow("^0", "1.1.4", false);
    matchRow("^0.0.0", "1.2.3", false);
    matchRow("^0.2.3-beta.2", "0.2.4-beta.2", true);
    matchRow("^0.2.3-beta.2", "0.3.4-beta.2", false);
    matchRow("^v1.2.3", "1.9.0", true);

    // hyphen ranges: an upper bound with missing parts covers all of them
    matchRow("1.1 - 2", "1.1.1", true);
    matchRow("1.5.0 - 4.5", "3.7.0", true);
    matchRow("1.2 - 1.4.5", "1.4.5", true);
    matchRow("1.2 - 1.4.5", "1.4.6", false);
    matchRow("1.2 - 1.4.5", "1.1.9", false);
    matchRow("1.2.3 - 2", "2.9.9", true);
    matchRow("1.2.3 - 2", "3.0.0", false);
    matchRow("v1 - v2.1", "2.1.7", true);
    matchRow("1.1-3", "4.3.2", false);
    matchRow("1.1-3", "1.1.5", true);
    matchRow("1.0.0 - 2.0.0 <=2.0.0", "1.5.0", true);
    matchRow("1.0.0 - 2.0.0, <=2.0.0", "1.5.0", true);

    // AND groups and ||
    matchRow(">1.1, <2", "1.1.1", false);
    matchRow(">1.1, <2", "1.2.1", true);
    matchRow(">1.1 <3", "4.3.2", false);
    matchRow(">=1.1, <2, !=1.2.3", "1.2.3", false);
    matchRow(">=1.1, <2, !=1.2.3 || > 3", "4.1.2", true);
    matchRow(">=1.1, <2, !=1.2.3 || > 3", "3.1.2", false);
    matchRow(">=1.1, <2, !=1.2.3 || >= 3", "3.0.0", true);
    matchRow(">=1.1 <2 !=1.2.3 || > 3", "1.2.3", false);
    matchRow(">= 1.1 <2 != 1.2.3 || >= 3", "3.0.0", true);
    matchRow("^1.0 || ^3.0", "2.5.0", false);
    matchRow("^1.0 || ^3.0", "3.5.0", true);

    // a pre-release matches only a group that names one, wherever in the group
    matchRow(">=1.0.0-0 <2.0.0", "1.5.0-beta", true);
    matchRow(">=1.0.0 <2.0.0-0", "1.5.0-beta", true);
    matchRow(">=1.0.0 <2.0.0", "1.5.0-beta", false);
    matchRow(">=1.0.0-0 || >=3.0.0", "3.1.0-beta", true);
    matchRow("1.2.3-alpha || 2.x", "2.1.0-beta", false);
    matchRow("^1.0.0-0", "1.9.0-rc.1", true);
    matchRow("^1.0.0-0", "2.0.0-rc.1", false);
}

void TestSemver::matches()
{
    QFETCH(QString, constraint);
    QFETCH(QString, version);
    QFETCH(bool, expected);

    QString error;
    const std::optional<SemverConstraint> c = SemverConstraint::parse(constraint, &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->matches(makeVersion(version)), expected);
}

void TestSemver::includePrerelease()
{
    std::optional<SemverConstraint> c = SemverConstraint::parse(u">=1.0.0 <2.0.0");
    QVERIFY(c);
    QVERIFY(!c->includePrerelease());
    QVERIFY(!c->matches(makeVersion(u"1.5.0-beta"_s)));
    c->setIncludePrerelease(true);
    QVERIFY(c->matches(makeVersion(u"1.5.0-beta"_s)));
    QVERIFY(c->matches(makeVersion(u"1.0.0"_s)));
    QVERIFY(!c->matches(makeVersion(u"1.0.0-beta"_s)));
    // 2.0.0-beta sorts before 2.0.0, so <2.0.0 admits it once pre-releases are included.
    QVERIFY(c->matches(makeVersion(u"2.0.0-beta"_s)));

    QVERIFY(!SemverConstraint().matches(makeVersion(u"1.0.0"_s)));
}

QTEST_GUILESS_MAIN(TestSemver)
#include "tst_semver.moc"
