// Freight ids, Kargo's URL normalisation and freight aliases.
//
// The normalisation rows are the test vectors of Kargo's pkg/urls (git_test.go, image_test.go,
// helm_test.go), plus the outputs for file://, git://, upper-case and other URLs that Kargo's
// rules give under Go's net/url (computed with a Go port of pkg/urls/git.go).

#include "engine/freight.h"
#include "engine/freightalias.h"
#include "engine/urlnormalization.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace Stevedore;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(QList<Stevedore::FreightCommit>)
Q_DECLARE_METATYPE(QList<Stevedore::FreightImage>)
Q_DECLARE_METATYPE(QList<Stevedore::FreightChart>)

namespace {

const QString commitId = u"1f0c4d2e9a7b3c5d6e8f9a0b1c2d3e4f5a6b7c8d"_s;
const QString digest = u"sha256:"_s + u"ab"_s.repeated(32);

FreightCommit commit(const QString &repoURL, const QString &tag = {},
                     const QString &subscription = {})
{
    FreightCommit c;
    c.repoURL = repoURL;
    c.id = commitId;
    c.tag = tag;
    c.subscriptionName = subscription;
    return c;
}

void urlRow(const QString &input, const QString &expected)
{
    QByteArray name = input.toUtf8();
    name.replace('\n', "\\n").replace('\t', "\\t").replace('\r', "\\r");
    QTest::newRow(name.constData()) << input << expected;
}

} // namespace

class TestFreight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void computeId_data();
    void computeId();
    void idIgnoresOrder();

    void normalizeGit_data();
    void normalizeGit();
    void normalizeImage_data();
    void normalizeImage();
    void normalizeChart_data();
    void normalizeChart();

    void jsonFieldNames();
    void jsonRoundTrip();
    void jsonLeavesOutEmptyFields();

    void aliasFormat();
    void aliasDeterministic();
    void aliasUniqueOver5000();
    void aliasWhenCrowded();
    void aliasWordLists();
};

void TestFreight::computeId_data()
{
    QTest::addColumn<QString>("warehouse");
    QTest::addColumn<QList<FreightCommit>>("commits");
    QTest::addColumn<QList<FreightImage>>("images");
    QTest::addColumn<QList<FreightChart>>("charts");
    QTest::addColumn<QString>("expected");

    const FreightImage guestbook{u"ghcr.io/akuity/guestbook"_s, u"v0.0.1"_s, digest, {}};
    FreightImage named = guestbook;
    named.subscriptionName = u"app"_s;

    // The four vectors of DESIGN.md.
    QTest::newRow("image") << u"guestbook"_s << QList<FreightCommit>{}
                           << QList<FreightImage>{guestbook} << QList<FreightChart>{}
                           << u"58fc6dc3c826543fe34831423b7a3ffcf5293b13"_s;
    QTest::newRow("image, named subscription")
        << u"guestbook"_s << QList<FreightCommit>{} << QList<FreightImage>{named}
        << QList<FreightChart>{} << u"edb571a9384c89da418142c196f2af6f4443c0d2"_s;
    QTest::newRow("image and commit")
        << u"guestbook"_s
        << QList<FreightCommit>{commit(u"https://github.com/akuity/kargo-advanced.git"_s)}
        << QList<FreightImage>{guestbook} << QList<FreightChart>{}
        << u"b5f5d99cb4ceae90f7536a3bc4477dbfec9fbd00"_s;
    QTest::newRow("tagged commit")
        << u"web"_s
        << QList<FreightCommit>{commit(u"https://github.com/example/repo"_s, u"v1.2.0"_s)}
        << QList<FreightImage>{} << QList<FreightChart>{}
        << u"ad7bed96a1c4b691c05b65e2869394c03110739d"_s;

    // Each of the following is sha1_hex("Warehouse/<warehouse>:" + join(sorted(parts), "|"))
    // computed with Python's hashlib, where each part was written out by hand from the
    // normalised URL given in the comment (the normalisations are the rows of normalizeGit
    // below, checked against Go's net/url).

    // file:///tmp/repo.git -> ssh://file////tmp/repo (read as scp style "file" + ":" + path);
    // part "ssh://file////tmp/repo:<id>".
    QTest::newRow("file URL") << u"local"_s
                              << QList<FreightCommit>{commit(u"file:///tmp/repo.git"_s)}
                              << QList<FreightImage>{} << QList<FreightChart>{}
                              << u"72cb894217f8f57a50eac48bbd35b49572f437fe"_s;
    // git://github.com/example/repo.git -> ssh://git///github.com/example/repo.
    QTest::newRow("git URL") << u"web"_s
                             << QList<FreightCommit>{commit(u"git://github.com/example/repo.git"_s)}
                             << QList<FreightImage>{} << QList<FreightChart>{}
                             << u"dc48b619b4bdc30243176116aa64cbc0ade0200e"_s;
    // git@github.com:example/repo.git -> ssh://git@github.com/example/repo.
    QTest::newRow("scp style") << u"web"_s
                               << QList<FreightCommit>{commit(u"git@github.com:example/repo.git"_s)}
                               << QList<FreightImage>{} << QList<FreightChart>{}
                               << u"8a95b6a58e1717f9ab414f81c8f19aa745b73803"_s;
    // HTTPS://GitHub.com/Example/Repo.git -> ssh://https///github.com/example/repo (the scheme
    // test is case-sensitive, so this is read as scp style).
    QTest::newRow("upper-case scheme")
        << u"web"_s << QList<FreightCommit>{commit(u"HTTPS://GitHub.com/Example/Repo.git"_s)}
        << QList<FreightImage>{} << QList<FreightChart>{}
        << u"286f5675f2fbccc1431e1243bbdda26f4fe52763"_s;
    // https://GitHub.com/Example/Repo.GIT -> https://github.com/example/repo.git (.git is
    // trimmed before lower-casing, so .GIT stays).
    QTest::newRow("upper-case host and path")
        << u"web"_s << QList<FreightCommit>{commit(u"https://GitHub.com/Example/Repo.GIT"_s)}
        << QList<FreightImage>{} << QList<FreightChart>{}
        << u"5e98b143c7e48fe119c5da4733fb9eb14fd096cb"_s;
    // https://user:token@github.com/example/repo.git/ -> https://github.com/example/repo.
    QTest::newRow("user info") << u"web"_s
                               << QList<FreightCommit>{commit(
                                      u"https://user:token@github.com/example/repo.git/"_s)}
                               << QList<FreightImage>{} << QList<FreightChart>{}
                               << u"16f3fd56b187de06858793ed708c5846766c864a"_s;
    // ssh keeps its user: ssh://git@github.com/example/repo.git -> ssh://git@github.com/
    // example/repo; with tag v2.0.0 and subscription "manifests" the part is
    // "ssh://git@github.com/example/repo:v2.0.0:<id>:manifests".
    QTest::newRow("ssh user, tag and subscription name")
        << u"web"_s
        << QList<FreightCommit>{commit(u"ssh://git@github.com/example/repo.git"_s, u"v2.0.0"_s,
                                       u"manifests"_s)}
        << QList<FreightImage>{} << QList<FreightChart>{}
        << u"e2d499222b73978416da167425971ba04377f387"_s;
    // oci://ghcr.io/example/charts/app, no name -> "ghcr.io/example/charts/app:1.0.0".
    QTest::newRow("OCI chart")
        << u"charts"_s << QList<FreightCommit>{} << QList<FreightImage>{}
        << QList<FreightChart>{{u"oci://ghcr.io/example/charts/app"_s, {}, u"1.0.0"_s, {}}}
        << u"585f648b772ec8e8131b89b52c69c99a86b6d6e2"_s;
    // A classic repository comes through NormalizeImage unchanged, and Go's path.Join then
    // collapses "//": "https:/charts.example.com/nginx:15.0.0", plus ":nginx" for the
    // subscription name.
    QTest::newRow("classic chart") << u"charts"_s << QList<FreightCommit>{} << QList<FreightImage>{}
                                   << QList<FreightChart>{{u"https://charts.example.com"_s,
                                                           u"nginx"_s, u"15.0.0"_s, u"nginx"_s}}
                                   << u"8f63a6f0a3f6a143f08d8da5efc91e2bcbe8a2b7"_s;
    // Parts: "ghcr.io/akuity/guestbook:v0.0.1@<digest>:app",
    // "https://github.com/example/repo:v1.2.0:<id>" and "example/repo:1.2.3" (the chart's
    // registry-1.docker.io is Docker Hub).
    QTest::newRow("one of each")
        << u"guestbook"_s
        << QList<FreightCommit>{commit(u"https://github.com/example/repo"_s, u"v1.2.0"_s)}
        << QList<FreightImage>{named}
        << QList<FreightChart>{{u"oci://registry-1.docker.io/example/repo"_s, {}, u"1.2.3"_s, {}}}
        << u"7be23ef755144be63a5d5007abb62c066bc30781"_s;
}

void TestFreight::computeId()
{
    QFETCH(QString, warehouse);
    QFETCH(QList<FreightCommit>, commits);
    QFETCH(QList<FreightImage>, images);
    QFETCH(QList<FreightChart>, charts);
    QFETCH(QString, expected);
    QCOMPARE(Freight::computeId(warehouse, commits, images, charts), expected);
}

void TestFreight::idIgnoresOrder()
{
    const QList<FreightCommit> commits{commit(u"https://github.com/example/a"_s),
                                       commit(u"https://github.com/example/b"_s)};
    const QList<FreightCommit> reversed{commits.at(1), commits.at(0)};
    QCOMPARE(Freight::computeId(u"w"_s, commits, {}, {}),
             Freight::computeId(u"w"_s, reversed, {}, {}));
    // The same commit in another warehouse is other freight.
    QVERIFY(Freight::computeId(u"w"_s, commits, {}, {}) !=
            Freight::computeId(u"v"_s, commits, {}, {}));
    // Equivalent spellings of a git URL make the same freight.
    QCOMPARE(Freight::computeId(u"w"_s, {commit(u"https://GitHub.com/example/a.git/"_s)}, {}, {}),
             Freight::computeId(u"w"_s, {commit(u"https://github.com/example/a"_s)}, {}, {}));
}

void TestFreight::normalizeGit_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    // Returned unchanged.
    for (const QString &input :
         {u"https://not a url"_s, u"http://github.com/example/repo?foo=bar"_s, u"ssh://not a url"_s,
          u"ssh://github.com/example/repo?foo=bar"_s, u"not even remotely a url"_s,
          u"https://github.com /example/repo"_s, u"https://github.com/example%20repo"_s})
        urlRow(input, input);

    // HTTPS.
    urlRow(u"https://github.com"_s, u"https://github.com"_s);
    urlRow(u"https://github.com/"_s, u"https://github.com"_s);
    urlRow(u"https://foo:bar@github.com"_s, u"https://github.com"_s);
    urlRow(u"https://foo:bar@github.com/"_s, u"https://github.com"_s);
    for (const QString &userInfo : {QString(), u"foo:bar@"_s}) {
        for (const QString &suffix : {QString(), u".git"_s}) {
            for (const QString &slash : {QString(), u"/"_s}) {
                urlRow(u"https://"_s + userInfo + u"github.com/example/repo"_s + suffix + slash,
                       u"https://github.com/example/repo"_s);
                urlRow(u"https://"_s + userInfo + u"localhost:8443/example/repo"_s + suffix + slash,
                       u"https://localhost:8443/example/repo"_s);
            }
        }
    }

    // SSH.
    urlRow(u"ssh://git.example.com"_s, u"ssh://git.example.com"_s);
    urlRow(u"ssh://git.example.com/"_s, u"ssh://git.example.com"_s);
    urlRow(u"ssh://git@git.example.com"_s, u"ssh://git@git.example.com"_s);
    urlRow(u"ssh://git@git.example.com/"_s, u"ssh://git@git.example.com"_s);
    for (const QString &suffix : {QString(), u".git"_s, u"/"_s, u".git/"_s}) {
        urlRow(u"ssh://github.com/example/repo"_s + suffix, u"ssh://github.com/example/repo"_s);
        urlRow(u"ssh://localhost:2222/example/repo"_s + suffix,
               u"ssh://localhost:2222/example/repo"_s);
        urlRow(u"ssh://git@github.com/example/repo"_s + suffix,
               u"ssh://git@github.com/example/repo"_s);
        urlRow(u"ssh://git@localhost:2222/example/repo"_s + suffix,
               u"ssh://git@localhost:2222/example/repo"_s);
    }

    // SCP style.
    urlRow(u"git.example.com"_s, u"ssh://git.example.com"_s);
    urlRow(u"git@git.example.com"_s, u"ssh://git@git.example.com"_s);
    for (const QString &suffix : {QString(), u".git"_s, u"/"_s, u".git/"_s}) {
        urlRow(u"github.com:example/repo"_s + suffix, u"ssh://github.com/example/repo"_s);
        urlRow(u"git@github.com:example/repo"_s + suffix, u"ssh://git@github.com/example/repo"_s);
    }

    // Whitespace and invisible characters around the URL.
    const QString https = u"https://github.com/example/repo"_s;
    const QString ssh = u"ssh://github.com/example/repo"_s;
    urlRow(u" \ufeff"_s + https, https);
    urlRow(https + u"\ufeff"_s, https);
    urlRow(u"  "_s + https + u"  "_s, https);
    urlRow(u"\t"_s + ssh + u"\t"_s, ssh);
    urlRow(u"\n"_s + ssh + u"\n"_s, ssh);
    urlRow(u"\r"_s + ssh + u"\r"_s, ssh);
    urlRow(u" \t\n"_s + https + u"\t\n "_s, https);
    urlRow(u"\u00a0"_s + https + u"\u00a0"_s, https);
    urlRow(u"\u200b"_s + https + u"\u200b"_s, https);
    urlRow(u"\ufeff\ufeff"_s + https, https);

    // Kargo's rules applied to URLs its tests do not cover (outputs of a Go port).
    urlRow(u"file:///tmp/repo.git"_s, u"ssh://file////tmp/repo"_s);
    urlRow(u"git://github.com/example/repo.git"_s, u"ssh://git///github.com/example/repo"_s);
    urlRow(u"HTTPS://GitHub.com/Example/Repo.git"_s, u"ssh://https///github.com/example/repo"_s);
    urlRow(u"https://GitHub.com/Example/Repo.GIT"_s, u"https://github.com/example/repo.git"_s);
    urlRow(u"Git@GitHub.com:Example/Repo.git"_s, u"ssh://git@github.com/example/repo"_s);
    urlRow(u"ssh://user:pass@github.com/x/repo.git"_s, u"ssh://user:pass@github.com/x/repo"_s);
    urlRow(u"git@github.com:/example/repo.git"_s, u"ssh://git@github.com//example/repo"_s);
    urlRow(u"/local/path/repo"_s, u"/local/path/repo"_s);
    urlRow(u"./repo"_s, u"./repo"_s);
    urlRow(u"https://github.com/example/repo#main"_s, u"https://github.com/example/repo#main"_s);
    urlRow(u"https://github.com/example/r%C3%A9po.git"_s,
           u"https://github.com/example/r%c3%a9po"_s);
    urlRow(u"ssh://git@github.com:example/repo.git"_s, u"ssh://git@github.com:example/repo.git"_s);
}

void TestFreight::normalizeGit()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeGitURL(input), expected);
}

void TestFreight::normalizeImage_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    for (const QString &input : {u"index.docker.io/library/busybox"_s, u"index.docker.io/busybox"_s,
                                 u"registry-1.docker.io/library/busybox"_s,
                                 u"registry-1.docker.io/busybox"_s, u"docker.io/library/busybox"_s,
                                 u"docker.io/busybox"_s, u"library/busybox"_s, u"busybox"_s})
        urlRow(input, u"busybox"_s);
    for (const QString &input :
         {u"index.docker.io/example/repo"_s, u"docker.io/example/repo"_s, u"example/repo"_s})
        urlRow(input, u"example/repo"_s);
    urlRow(u"ghcr.io/example/repo"_s, u"ghcr.io/example/repo"_s);
    urlRow(u"quay.io/example/repo"_s, u"quay.io/example/repo"_s);
    urlRow(u"invalid url"_s, u"invalidurl"_s);

    const QString repo = u"docker.io/example/repo"_s;
    const QString expected = u"example/repo"_s;
    urlRow(u" \ufeff"_s + repo, expected);
    urlRow(repo + u"\ufeff"_s, expected);
    urlRow(u"  "_s + repo + u"  "_s, expected);
    urlRow(u"\t"_s + repo + u"\t"_s, expected);
    urlRow(u"\n"_s + repo + u"\n"_s, expected);
    urlRow(u"\r"_s + repo + u"\r"_s, expected);
    urlRow(u" \t\n"_s + repo + u"\t\n "_s, expected);
    urlRow(u"\u00a0"_s + repo + u"\u00a0"_s, expected);
    urlRow(u"\u200b"_s + repo + u"\u200b"_s, expected);
    urlRow(u"\ufeff\ufeff"_s + repo, expected);
    urlRow(u"docker.io/example /repo"_s, expected);
    urlRow(u"docker.io/example%20repo"_s, u"examplerepo"_s);

    // Beyond Kargo's tests: tags and digests are dropped, ports kept, upper case rejected.
    urlRow(u"ghcr.io/example/repo:v1.2.3"_s, u"ghcr.io/example/repo"_s);
    urlRow(u"nginx@sha256:"_s + u"ab"_s.repeated(32), u"nginx"_s);
    urlRow(u"localhost:5000/example/repo"_s, u"localhost:5000/example/repo"_s);
    urlRow(u"ghcr.io/Example/Repo"_s, u"ghcr.io/Example/Repo"_s);
}

void TestFreight::normalizeImage()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeImageURL(input), expected);
}

void TestFreight::normalizeChart_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    urlRow(QString(), QString());
    for (const QString &input : {u"repo"_s, u"  repo  "_s, u"REpo"_s, u"oci://repo"_s,
                                 u"  oci://repo  "_s, u"OCI://Repo"_s})
        urlRow(input, u"repo"_s);
    for (const QString &prefix : {QString(), u"oci://"_s}) {
        for (const QString &host :
             {u"docker.io"_s, u"index.docker.io"_s, u"registry-1.docker.io"_s})
            urlRow(prefix + host + u"/example/repo"_s, u"example/repo"_s);
    }
    // Classic repositories: "https:" reads as a registry with an empty port.
    urlRow(u"https://charts.example.com"_s, u"https://charts.example.com"_s);
    urlRow(u"HTTPS://Charts.Example.com/stable"_s, u"https://charts.example.com/stable"_s);
}

void TestFreight::normalizeChart()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(normalizeChartURL(input), expected);
}

void TestFreight::jsonFieldNames()
{
    Freight freight;
    freight.id = u"abc"_s;
    freight.alias = u"brave-otter"_s;
    freight.origin.name = u"web"_s;
    FreightCommit c = commit(u"https://github.com/example/repo"_s, u"v1.0.0"_s);
    c.branch = u"main"_s;
    c.message = u"Release 1.0"_s;
    freight.commits = {c};
    freight.images = {{u"ghcr.io/example/web"_s, u"1.0.0"_s, digest, {}}};
    freight.charts = {{u"https://charts.example.com"_s, u"web"_s, u"1.0.0"_s, {}}};
    freight.discoveredAt = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5), QTimeZone(7200));

    const QJsonObject json = freight.toJson();
    QCOMPARE(json.keys(), (QStringList{u"alias"_s, u"charts"_s, u"commits"_s, u"discoveredAt"_s,
                                       u"id"_s, u"images"_s, u"origin"_s}));
    QCOMPARE(json.value(u"origin"_s).toObject(),
             (QJsonObject{{u"kind"_s, u"Warehouse"_s}, {u"name"_s, u"web"_s}}));
    QCOMPARE(json.value(u"commits"_s).toArray().at(0).toObject(),
             (QJsonObject{{u"repoURL"_s, u"https://github.com/example/repo"_s},
                          {u"id"_s, commitId},
                          {u"branch"_s, u"main"_s},
                          {u"tag"_s, u"v1.0.0"_s},
                          {u"message"_s, u"Release 1.0"_s}}));
    QCOMPARE(json.value(u"images"_s).toArray().at(0).toObject(),
             (QJsonObject{{u"repoURL"_s, u"ghcr.io/example/web"_s},
                          {u"tag"_s, u"1.0.0"_s},
                          {u"digest"_s, digest}}));
    QCOMPARE(json.value(u"charts"_s).toArray().at(0).toObject(),
             (QJsonObject{{u"repoURL"_s, u"https://charts.example.com"_s},
                          {u"name"_s, u"web"_s},
                          {u"version"_s, u"1.0.0"_s}}));
    // RFC 3339 in UTC.
    QCOMPARE(json.value(u"discoveredAt"_s).toString(), u"2024-05-01T10:30:05Z"_s);
}

void TestFreight::jsonRoundTrip()
{
    Freight freight;
    freight.alias = u"sunny-walrus"_s;
    freight.origin.name = u"guestbook"_s;
    FreightCommit c = commit(u"git@github.com:example/repo.git"_s, u"v1.2.0"_s, u"manifests"_s);
    c.branch = u"main"_s;
    c.message = u"Bump the chart"_s;
    c.author = u"Ada <ada@example.com>"_s;
    c.committedAt = QDateTime(QDate(2024, 4, 30), QTime(8, 0, 0), Qt::UTC);
    freight.commits = {c, commit(u"https://github.com/example/other"_s)};
    freight.images = {{u"ghcr.io/example/web"_s, u"1.0.0"_s, digest, u"web"_s}};
    freight.charts = {{u"oci://ghcr.io/example/charts/web"_s, {}, u"0.3.1"_s, {}}};
    freight.discoveredAt = QDateTime(QDate(2024, 5, 1), QTime(12, 30, 5), Qt::UTC);
    freight.id =
        Freight::computeId(freight.origin.name, freight.commits, freight.images, freight.charts);

    const QByteArray text = QJsonDocument(freight.toJson()).toJson();
    const Freight back = Freight::fromJson(QJsonDocument::fromJson(text).object());
    QCOMPARE(back, freight);
    QCOMPARE(Freight::computeId(back.origin.name, back.commits, back.images, back.charts),
             freight.id);
}

void TestFreight::jsonLeavesOutEmptyFields()
{
    Freight freight;
    freight.origin.name = u"web"_s;
    const QJsonObject json = freight.toJson();
    QCOMPARE(json.keys(), QStringList{u"origin"_s});
    const Freight back = Freight::fromJson(json);
    QCOMPARE(back, freight);
    QVERIFY(!back.discoveredAt.isValid());
    // Kargo's kind is the default when the origin does not name one.
    QCOMPARE(
        Freight::fromJson(QJsonObject{{u"origin"_s, QJsonObject{{u"name"_s, u"w"_s}}}}).origin.kind,
        u"Warehouse"_s);
}

void TestFreight::aliasFormat()
{
    static const QRegularExpression pattern(u"^[a-z]+-[a-z]+$"_s);
    for (quint64 seed = 0; seed < 200; ++seed) {
        const QString alias = FreightAlias::generate({}, seed);
        QVERIFY2(pattern.match(alias).hasMatch(), qPrintable(alias));
    }
}

void TestFreight::aliasDeterministic()
{
    const QSet<QString> taken{FreightAlias::generate({}, 42)};
    QCOMPARE(FreightAlias::generate({}, 42), FreightAlias::generate({}, 42));
    QCOMPARE(FreightAlias::generate(taken, 7), FreightAlias::generate(taken, 7));
    // A taken alias is never handed out again, whatever the seed.
    QVERIFY(FreightAlias::generate(taken, 42) != *taken.begin());
    QVERIFY(FreightAlias::generate({}, 1) != FreightAlias::generate({}, 2));
}

void TestFreight::aliasUniqueOver5000()
{
    static const QRegularExpression pattern(u"^[a-z]+-[a-z]+(-[0-9]+)?$"_s);
    QSet<QString> taken;
    for (quint64 i = 0; i < 5000; ++i) {
        // Seeds that repeat, as a poor random source would give: uniqueness must not depend on
        // them.
        const QString alias = FreightAlias::generate(taken, i % 97);
        QVERIFY2(!taken.contains(alias), qPrintable(alias));
        QVERIFY2(pattern.match(alias).hasMatch(), qPrintable(alias));
        taken.insert(alias);
    }
    QCOMPARE(taken.size(), 5000);
}

void TestFreight::aliasWhenCrowded()
{
    // Every plain alias is taken: the first candidate gets a number.
    QSet<QString> taken;
    for (const QString &adjective : FreightAlias::adjectives()) {
        for (const QString &animal : FreightAlias::animals())
            taken.insert(adjective + u'-' + animal);
    }
    const QString alias = FreightAlias::generate(taken, 3);
    QVERIFY2(alias.endsWith(u"-2"_s), qPrintable(alias));
    QVERIFY(taken.contains(alias.chopped(2)));
    taken.insert(alias);
    const QString next = FreightAlias::generate(taken, 3);
    QCOMPARE(next, alias.chopped(2) + u"-3"_s);
}

void TestFreight::aliasWordLists()
{
    static const QRegularExpression word(u"^[a-z]+$"_s);
    for (const QStringList &list : {FreightAlias::adjectives(), FreightAlias::animals()}) {
        QVERIFY(list.size() >= 200);
        QCOMPARE(QSet<QString>(list.begin(), list.end()).size(), list.size());
        for (const QString &w : list)
            QVERIFY2(word.match(w).hasMatch(), qPrintable(w));
    }
}

QTEST_GUILESS_MAIN(TestFreight)
#include "tst_freight.moc"
