// Reading Helm classic repository indexes (as Helm's pkg/repo loadIndex validates them) and
// selecting chart versions (as Kargo's pkg/helm/chart selectors do). index.yaml under
// data/helm is block style as Helm writes it; index-flow.yaml and index.json are the same data
// re-dumped by PyYAML (flow style) and Python's json module (which escapes characters outside
// the BMP as surrogate pairs):
//   d = yaml.safe_load(open("index.yaml"))
//   yaml.dump(d, open("index-flow.yaml", "w"), default_flow_style=True, sort_keys=False, width=100)
//   json.dump(d, open("index.json", "w"), indent=1)

#include "engine/chartselection.h"
#include "engine/helmindex.h"

#include <QBuffer>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

const QUrl repository(u"https://charts.example.org/stable"_s);

QString dataFile(const QString &name)
{
    return QStringLiteral(STEVEDORE_TEST_DATA_DIR "/helm/") + name;
}

QByteArray readData(const QString &name)
{
    QFile file(dataFile(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// Hands out a few bytes per read, so that every buffer boundary of the reader gets crossed.
class TrickleDevice : public QIODevice
{
public:
    explicit TrickleDevice(QByteArray data)
        : m_data(std::move(data))
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return m_data.size() - m_position + QIODevice::bytesAvailable();
    }
    bool atEnd() const override { return m_position == m_data.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const qint64 n = std::min<qint64>({maxSize, 7, m_data.size() - m_position});
        std::memcpy(data, m_data.constData() + m_position, std::size_t(n));
        m_position += n;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_position = 0;
};

QStringList versionStrings(const QList<HelmChartVersion> &versions)
{
    QStringList result;
    for (const HelmChartVersion &version : versions)
        result.append(version.version);
    return result;
}

std::optional<HelmIndex> readText(const QByteArray &text, const QStringList &charts, QString *error)
{
    return HelmIndexReader::read(text, charts, repository, error);
}

} // namespace

class TestHelmIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsBlockStyle();
    void sameResultInEveryStyle_data();
    void sameResultInEveryStyle();
    void skipsChartsNotAskedFor();
    void resolvesURLs_data();
    void resolvesURLs();
    void anchorsAliasesAndMergeKeys();
    void warnings();
    void errors_data();
    void errors();
    void select_data();
    void select();
    void selectPlainVersions();
};

void TestHelmIndex::readsBlockStyle()
{
    QFile file(dataFile(u"index.yaml"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString error;
    const auto index =
        HelmIndexReader::read(file, {u"nginx"_s, u"podinfo"_s, u"missing"_s}, repository, &error);
    QVERIFY2(index, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(index->apiVersion, u"v1"_s);
    // .345678901: Qt keeps milliseconds, rounded.
    QCOMPARE(index->generated, QDateTime(QDate(2024, 3, 11), QTime(7, 45, 12, 346), Qt::UTC));
    QCOMPARE(index->entries.keys(), QStringList({u"nginx"_s, u"podinfo"_s}));
    QVERIFY(!index->contains(u"missing"_s));
    QVERIFY(index->warnings.isEmpty());

    const QList<HelmChartVersion> nginx = index->versions(u"nginx"_s);
    QCOMPARE(versionStrings(nginx), QStringList({u"1.2.0"_s, u"1.1.0"_s, u"1.0.0"_s}));
    QCOMPARE(nginx[0].appVersion, u"1.25.3"_s);
    QCOMPARE(nginx[0].digest,
             u"6aceb74694915f18ed1ca921dac949967b5e21a76bf62721c461091056d92aa9"_s);
    // 12:00:00.5+01:00
    QCOMPARE(nginx[0].created.toUTC(),
             QDateTime(QDate(2024, 3, 10), QTime(11, 0, 0, 500), Qt::UTC));
    // Relative to the repository (as a folder), absolute unchanged, and from the host's root.
    QCOMPARE(nginx[0].urls,
             QList<QUrl>({QUrl(u"https://charts.example.org/stable/charts/nginx-1.2.0.tgz"_s)}));
    QCOMPARE(nginx[1].urls,
             QList<QUrl>({QUrl(u"https://downloads.example.org/nginx/nginx-1.1.0.tgz"_s),
                          QUrl(u"https://charts.example.org/stable/charts/nginx-1.1.0.tgz"_s)}));
    QCOMPARE(nginx[2].urls,
             QList<QUrl>({QUrl(u"https://charts.example.org/archive/nginx-1.0.0.tgz"_s)}));

    const QList<HelmChartVersion> podinfo = index->versions(u"podinfo"_s);
    QCOMPARE(podinfo.size(), 23);
    // A plain `6.1` is a float to YAML; the text is what counts.
    QCOMPARE(podinfo[9].version, u"6.1"_s);
    QCOMPARE(podinfo[0].appVersion, u"6.5.4-\U0001F680"_s);
    QCOMPARE(podinfo[22].version, u"not-a-version"_s);
}

void TestHelmIndex::sameResultInEveryStyle_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("trickle");
    const QByteArray block = readData(u"index.yaml"_s);
    const QByteArray json = readData(u"index.json"_s);
    QTest::newRow("block") << block << false;
    QTest::newRow("block, CRLF") << QByteArray(block).replace("\n", "\r\n") << false;
    QTest::newRow("block, a few bytes at a time") << block << true;
    QTest::newRow("flow") << readData(u"index-flow.yaml"_s) << false;
    QTest::newRow("JSON, indented, surrogate pairs") << json << false;
    QTest::newRow("JSON, a few bytes at a time") << json << true;
    QTest::newRow("JSON, compact, raw UTF-8")
        << QJsonDocument::fromJson(json).toJson(QJsonDocument::Compact) << false;
    QTest::newRow("explicit document markers") << "%YAML 1.1\n---\n" + block + "...\n" << false;
}

void TestHelmIndex::sameResultInEveryStyle()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, trickle);
    const QStringList charts{u"nginx"_s, u"podinfo"_s};
    const auto expected = HelmIndexReader::read(readData(u"index.yaml"_s), charts, repository);
    QVERIFY(expected);

    QString error;
    std::optional<HelmIndex> index;
    if (trickle) {
        TrickleDevice device(text);
        index = HelmIndexReader::read(device, charts, repository, &error);
    } else {
        index = HelmIndexReader::read(text, charts, repository, &error);
    }
    QVERIFY2(index, qPrintable(error));
    QCOMPARE(index->apiVersion, expected->apiVersion);
    QCOMPARE(index->generated, expected->generated);
    QCOMPARE(index->entries.keys(), expected->entries.keys());
    QCOMPARE(index->entries, expected->entries);
    QCOMPARE(index->warnings, QStringList());
}

void TestHelmIndex::skipsChartsNotAskedFor()
{
    const QByteArray text = readData(u"index.yaml"_s);
    QString error;
    auto index = readText(text, {}, &error);
    QVERIFY2(index, qPrintable(error));
    QVERIFY(index->entries.isEmpty());
    QCOMPARE(index->apiVersion, u"v1"_s);

    // The chart after the one with block scalars and flow collections in it.
    index = readText(text, {u"zz-unasked"_s}, &error);
    QVERIFY2(index, qPrintable(error));
    QCOMPARE(index->entries.keys(), QStringList{u"zz-unasked"_s});
    QCOMPARE(versionStrings(index->versions(u"zz-unasked"_s)), QStringList{u"9.9.9"_s});

    // Anything may stand in a chart nobody asked for, even what would be an error in one that
    // was asked for.
    const QByteArray odd = "apiVersion: v1\n"
                           "entries:\n"
                           "  weird: {a: [1, {b: c}], d: !!binary aGVsbG8=}\n"
                           "  scalar: 42\n"
                           "  app:\n"
                           "  - version: 1.0.0\n";
    index = readText(odd, {u"app"_s}, &error);
    QVERIFY2(index, qPrintable(error));
    QCOMPARE(versionStrings(index->versions(u"app"_s)), QStringList{u"1.0.0"_s});
    QVERIFY(!readText(odd, {u"weird"_s}, &error));
    QCOMPARE(error, u"index.yaml:3:10: chart \"weird\" must list its versions as a sequence, not "
                    u"a mapping"_s);
}

void TestHelmIndex::resolvesURLs_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("relative") << u"https://h.example/charts"_s << u"a-1.0.0.tgz"_s
                              << u"https://h.example/charts/a-1.0.0.tgz"_s;
    QTest::newRow("relative, repository with /")
        << u"https://h.example/charts/"_s << u"a-1.0.0.tgz"_s
        << u"https://h.example/charts/a-1.0.0.tgz"_s;
    QTest::newRow("relative, sub-folder")
        << u"https://h.example"_s << u"pkg/a-1.0.0.tgz"_s << u"https://h.example/pkg/a-1.0.0.tgz"_s;
    QTest::newRow("dot-dot") << u"https://h.example/charts/stable"_s << u"../a-1.0.0.tgz"_s
                             << u"https://h.example/charts/a-1.0.0.tgz"_s;
    QTest::newRow("host-relative")
        << u"https://h.example/charts"_s << u"/files/a.tgz"_s << u"https://h.example/files/a.tgz"_s;
    QTest::newRow("absolute") << u"https://h.example/charts"_s
                              << u"http://cdn.example/a-1.0.0.tgz"_s
                              << u"http://cdn.example/a-1.0.0.tgz"_s;
    QTest::newRow("port kept") << u"http://127.0.0.1:8080/r"_s << u"a.tgz"_s
                               << u"http://127.0.0.1:8080/r/a.tgz"_s;
    // Helm's ChartDownloader passes the repository's query on (e.g. a token).
    QTest::newRow("query") << u"https://h.example/r?token=t1"_s << u"a.tgz"_s
                           << u"https://h.example/r/a.tgz?token=t1"_s;
    QTest::newRow("no repository URL") << QString() << u"a.tgz"_s << u"a.tgz"_s;
}

void TestHelmIndex::resolvesURLs()
{
    QFETCH(QString, repository);
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(HelmIndexReader::resolveChartURL(QUrl(repository), url).toString(), expected);
}

void TestHelmIndex::anchorsAliasesAndMergeKeys()
{
    // Anchors in a chart that is skipped, aliases in one that is read.
    const QByteArray text = "apiVersion: v1\n"
                            "entries:\n"
                            "  other:\n"
                            "  - &base\n"
                            "    version: 0.0.1\n"
                            "    digest: &d abc\n"
                            "    urls: &u [shared/a.tgz, shared/b.tgz]\n"
                            "  app:\n"
                            "  - version: 1.0.0\n"
                            "    digest: *d\n"
                            "    urls: *u\n"
                            "  - <<: *base\n"
                            "    version: 2.0.0\n"
                            "  - urls: [own.tgz]\n"
                            "    <<: [*base, {appVersion: x}]\n"
                            "  - *base\n";
    QString error;
    const auto index = readText(text, {u"app"_s}, &error);
    QVERIFY2(index, qPrintable(error));
    const QList<HelmChartVersion> app = index->versions(u"app"_s);
    QCOMPARE(versionStrings(app), QStringList({u"1.0.0"_s, u"2.0.0"_s, u"0.0.1"_s, u"0.0.1"_s}));
    const QList<QUrl> shared{QUrl(u"https://charts.example.org/stable/shared/a.tgz"_s),
                             QUrl(u"https://charts.example.org/stable/shared/b.tgz"_s)};
    QCOMPARE(app[0].digest, u"abc"_s);
    QCOMPARE(app[0].urls, shared);
    QCOMPARE(app[1].digest, u"abc"_s);
    QCOMPARE(app[1].urls, shared);
    // Keys of the mapping itself win over merged ones, wherever the merge key stands.
    QCOMPARE(app[2].urls, QList<QUrl>{QUrl(u"https://charts.example.org/stable/own.tgz"_s)});
    QCOMPARE(app[2].appVersion, u"x"_s);
    QCOMPARE(app[3].urls, shared);

    QVERIFY(
        !readText("apiVersion: v1\nentries:\n  app:\n  - version: *nope\n", {u"app"_s}, &error));
    QCOMPARE(error, u"index.yaml:4:14: undefined alias *nope"_s);
    QVERIFY(!readText("apiVersion: v1\nentries:\n  app: &a\n  - version: 1.0.0\n  - *a\n",
                      {u"app"_s}, &error));
    QCOMPARE(error, u"index.yaml:5:5: alias *a refers to a node that contains it"_s);
    // An exponential alias bomb: merge lists of ten aliases, eight levels deep, would replay
    // 10^7 mappings.
    QByteArray bomb = "apiVersion: v1\nentries:\n  other:\n  - &m0 {version: 1.0.0}\n";
    for (int level = 1; level < 8; ++level) {
        const QByteArray previous = "*m" + QByteArray::number(level - 1);
        bomb += "  - &m" + QByteArray::number(level) + " {<<: [" + previous;
        for (int i = 1; i < 10; ++i)
            bomb += ", " + previous;
        bomb += "]}\n";
    }
    bomb += "  app:\n  - <<: *m7\n";
    QVERIFY(!readText(bomb, {u"app"_s}, &error));
    QVERIFY2(error.contains(u"aliases expand to more than 1000000 nodes"_s), qPrintable(error));
}

void TestHelmIndex::warnings()
{
    const QByteArray text = "apiVersion: v2\n"
                            "entries:\n"
                            "  app:\n"
                            "  -\n"
                            "  - name: app\n"
                            "    urls: [a.tgz]\n"
                            "  - version: 1.0.0\n"
                            "    created: yesterday\n"
                            "  - version: 1.1.0\n"
                            "    created: 2024-01-02T03:04:05Z\n"
                            "generated: 2024-01-02\n"
                            "---\n"
                            "apiVersion: v1\n";
    QString error;
    const auto index = readText(text, {u"app"_s}, &error);
    QVERIFY2(index, qPrintable(error));
    QCOMPARE(versionStrings(index->versions(u"app"_s)), QStringList({u"1.0.0"_s, u"1.1.0"_s}));
    QVERIFY(!index->versions(u"app"_s)[0].created.isValid());
    QCOMPARE(index->versions(u"app"_s)[1].created,
             QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(index->warnings,
             QStringList({
                 u"index.yaml:4:4: skipping an empty entry of chart \"app\""_s,
                 u"index.yaml:5:5: skipping a version of chart \"app\" without \"version\""_s,
                 u"index.yaml:7:5: version 1.0.0: \"created\" is not an RFC 3339 time: "
                 u"yesterday"_s,
                 u"index.yaml:11:12: \"generated\" is not an RFC 3339 time: 2024-01-02"_s,
                 u"index.yaml:12:1: ignoring the YAML documents after the first"_s,
                 u"index.yaml:1:13: apiVersion is \"v2\", not \"v1\"; reading it as v1, as Helm "
                 u"does"_s,
             }));
}

void TestHelmIndex::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    const QByteArray block = readData(u"index.yaml"_s);
    const QByteArray json = readData(u"index.json"_s);

    QTest::newRow("empty") << QByteArray()
                           << u"index.yaml:1:1: the index is empty (Helm: empty index.yaml file)"_s;
    QTest::newRow("comments only")
        << QByteArray("# nothing here\n\n")
        << u"index.yaml:3:1: the index is empty (Helm: empty index.yaml file)"_s;
    QTest::newRow("null document")
        << QByteArray("---\n~\n")
        << u"index.yaml:2:1: the index is empty (Helm: empty index.yaml file)"_s;
    QTest::newRow("truncated inside a quoted scalar")
        << block.left(block.indexOf("2024-03-10T12:00") + 5)
        << u"index.yaml:49:20: found unexpected end of stream, while scanning a quoted scalar "
           u"that starts at line 49, column 14"_s;
    QTest::newRow("truncated JSON")
        << json.left(json.indexOf("\"podinfo\""))
        << u"index.yaml:154:1: did not find expected node content, while parsing a flow node"_s;
    QTest::newRow("tab indentation")
        << QByteArray("apiVersion: v1\nentries:\n  app:\n  - version: 1.0.0\n\turls: []\n")
        << u"index.yaml:5:1: found a tab character that violates indentation, while scanning a "
           u"plain scalar that starts at line 4, column 14"_s;
    QTest::newRow("tab-indented key")
        << QByteArray("apiVersion: v1\nentries:\n\tapp: []\n")
        << u"index.yaml:3:1: found character that cannot start any token, while scanning for "
           u"the next token"_s;
    QTest::newRow("no apiVersion")
        << QByteArray("entries:\n  app: []\n")
        << u"index.yaml:1:1: no API version specified: a Helm repository index needs "
           u"\"apiVersion: v1\""_s;
    QTest::newRow("null apiVersion")
        << QByteArray("entries: {}\napiVersion:\n")
        << u"index.yaml:2:12: no API version specified: a Helm repository index needs "
           u"\"apiVersion: v1\""_s;
    QTest::newRow("apiVersion not a string")
        << QByteArray("apiVersion: [v1]\nentries: {}\n")
        << u"index.yaml:1:13: \"apiVersion\" must be a string, not a sequence"_s;
    QTest::newRow("entries a sequence")
        << QByteArray("apiVersion: v1\nentries:\n- app\n")
        << u"index.yaml:3:1: \"entries\" must be a mapping from chart names to lists of chart "
           u"versions, not a sequence"_s;
    QTest::newRow("entries a scalar")
        << QByteArray("apiVersion: v1\nentries: app\n")
        << u"index.yaml:2:10: \"entries\" must be a mapping from chart names to lists of chart "
           u"versions, not the scalar \"app\""_s;
    QTest::newRow("chart listed twice")
        << QByteArray("apiVersion: v1\nentries:\n  app: []\n  other: []\n  app: []\n")
        << u"index.yaml:5:3: chart \"app\" is listed twice in \"entries\""_s;
    QTest::newRow("version not a mapping")
        << QByteArray("apiVersion: v1\nentries:\n  app:\n  - 1.0.0\n")
        << u"index.yaml:4:5: each version of chart \"app\" must be a mapping, not the scalar "
           u"\"1.0.0\""_s;
    QTest::newRow("urls a mapping")
        << QByteArray("apiVersion: v1\nentries:\n  app:\n  - version: 1.0.0\n    urls: {a: b}\n")
        << u"index.yaml:5:11: \"urls\" must be a list of strings, not a mapping"_s;
    QTest::newRow("duplicate key in a version")
        << QByteArray("apiVersion: v1\nentries:\n  app:\n  - version: 1.0.0\n    version: 2.0.0\n")
        << u"index.yaml:5:5: duplicate key \"version\""_s;
    QTest::newRow("an HTML page")
        << QByteArray("<html><body>Not found</body></html>\n")
        << u"index.yaml:1:1: not a Helm repository index: expected a mapping with "
           u"\"apiVersion\" and \"entries\", found the scalar \"<html><body>Not "
           u"found</body></html>\""_s;
    QTest::newRow("invalid UTF-8")
        << QByteArray("apiVersion: v1\nentries: {}\n# \xff\n")
        << u"index.yaml: at byte offset 29: invalid leading UTF-8 octet (0xff)"_s;
}

void TestHelmIndex::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    QString error;
    QVERIFY(!readText(text, {u"app"_s, u"nginx"_s}, &error));
    QCOMPARE(error, expected);
}

void TestHelmIndex::select_data()
{
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");

    const QStringList stable6{u"6.5.4+build.1"_s, u"6.5.4"_s,  u"6.5.3"_s, u"6.5.2"_s,
                              u"6.5.1"_s,         u"6.5.0"_s,  u"6.4.1"_s, u"6.4.0"_s,
                              u"6.3.6"_s,         u"v6.2.0"_s, u"6.1"_s,   u"6.0.0"_s};
    const QStringList older{u"5.2.1"_s, u"5.2.0"_s, u"5.1.0"_s,        u"5.0.0"_s,
                            u"4.0.0"_s, u"3.0.0"_s, u"1.0.0+build.5"_s};
    const QStringList all =
        QStringList{u"7.0.0-alpha.1"_s, u"6.6.0-rc.1"_s, u"6.6.0-beta.2"_s} + stable6 + older;

    // Without a constraint Kargo keeps pre-releases; "not-a-version" is dropped silently.
    QTest::newRow("no constraint, no limit") << QString() << 0 << all;
    QTest::newRow("no constraint, negative limit") << QString() << -1 << all;
    QTest::newRow("no constraint, default limit 20") << QString() << 20 << all.mid(0, 20);
    QTest::newRow("no constraint, limit 3")
        << QString() << 3 << QStringList({u"7.0.0-alpha.1"_s, u"6.6.0-rc.1"_s, u"6.6.0-beta.2"_s});
    QTest::newRow("^6.5") << u"^6.5"_s << 0 << stable6.mid(0, 6);
    QTest::newRow("^6.5, limit 2")
        << u"^6.5"_s << 2 << QStringList({u"6.5.4+build.1"_s, u"6.5.4"_s});
    QTest::newRow("~6.4.0") << u"~6.4.0"_s << 0 << QStringList({u"6.4.1"_s, u"6.4.0"_s});
    QTest::newRow("range") << u">=6.0.0 <6.5.0"_s << 0 << stable6.mid(6);
    QTest::newRow("6.x: no pre-releases") << u"6.x"_s << 0 << stable6;
    QTest::newRow("~6") << u"~6"_s << 0 << stable6;
    QTest::newRow("pre-releases when the constraint has one")
        << u">=6.6.0-0"_s << 0
        << QStringList({u"7.0.0-alpha.1"_s, u"6.6.0-rc.1"_s, u"6.6.0-beta.2"_s});
    QTest::newRow("exact pre-release") << u"6.6.0-rc.1"_s << 0 << QStringList{u"6.6.0-rc.1"_s};
    QTest::newRow("above every release") << u">7"_s << 0 << QStringList();
    QTest::newRow("<6.0.0") << u"<6.0.0"_s << 0 << older;
    QTest::newRow("build metadata ignored") << u"1.0.0"_s << 0 << QStringList{u"1.0.0+build.5"_s};
    QTest::newRow("equal versions: later text first")
        << u"=6.5.4"_s << 0 << QStringList({u"6.5.4+build.1"_s, u"6.5.4"_s});
    QTest::newRow("or") << u"^6.5 || ^5"_s << 0 << stable6.mid(0, 6) + older.mid(0, 4);
    QTest::newRow("hyphen range") << u"6.1 - 6.3"_s << 0
                                  << QStringList({u"6.3.6"_s, u"v6.2.0"_s, u"6.1"_s});
    QTest::newRow("and with !=") << u">=6.5.0, !=6.5.2"_s << 0
                                 << QStringList({u"6.5.4+build.1"_s, u"6.5.4"_s, u"6.5.3"_s,
                                                 u"6.5.1"_s, u"6.5.0"_s});
    QTest::newRow("leading v in the constraint") << u"v6.2"_s << 0 << QStringList{u"v6.2.0"_s};
    QTest::newRow("nothing matches") << u"^9"_s << 20 << QStringList();
}

void TestHelmIndex::select()
{
    QFETCH(QString, constraint);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    const auto index = HelmIndexReader::read(readData(u"index.yaml"_s), {u"podinfo"_s}, repository);
    QVERIFY(index);
    QString error;
    const auto selected =
        ChartSelection::select(index->versions(u"podinfo"_s), {constraint, limit}, &error);
    QVERIFY2(selected, qPrintable(error));
    QCOMPARE(versionStrings(*selected), expected);
    // The whole entry comes along.
    for (const HelmChartVersion &version : *selected)
        QCOMPARE(version.urls.value(0).fileName(), u"podinfo-%1.tgz"_s.arg(version.version));
}

void TestHelmIndex::selectPlainVersions()
{
    const QStringList tags{u"1.0.0"_s, u"1.2.0"_s, u"1.10.0"_s, u"2.0.0-rc.1"_s, u"latest"_s};
    QCOMPARE(ChartSelection::select(tags, {u"^1"_s, 20}),
             QStringList({u"1.10.0"_s, u"1.2.0"_s, u"1.0.0"_s}));
    QCOMPARE(ChartSelection::select(tags, {QString(), 2}),
             QStringList({u"2.0.0-rc.1"_s, u"1.10.0"_s}));
    // OCI tags are read strictly: no `v`, no missing minor or patch.
    const QStringList ociTags{u"1.0.0"_s,         u"v1.1.0"_s, u"1.2"_s,
                              u"1.3.0+build.1"_s, u"01.4.0"_s, u"1.5.0-rc.1"_s};
    QCOMPARE(ChartSelection::select(ociTags, {QString(), 0, true}),
             QStringList({u"1.5.0-rc.1"_s, u"1.3.0+build.1"_s, u"1.0.0"_s}));
    QCOMPARE(ChartSelection::select(ociTags, {QString(), 0, false}),
             QStringList({u"1.5.0-rc.1"_s, u"01.4.0"_s, u"1.3.0+build.1"_s, u"1.2"_s, u"v1.1.0"_s,
                          u"1.0.0"_s}));
    QString error;
    QVERIFY(!ChartSelection::select(tags, {u">>1"_s, 20}, &error));
    QVERIFY2(error.startsWith(u"invalid semver constraint \">>1\": "_s), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestHelmIndex)

#include "tst_helmindex.moc"
