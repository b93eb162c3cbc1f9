// HelmChartDependencies, the helm-update-chart step's Chart.yaml edit. Golden files under
// data/helmchart: for each NAME, NAME.input.yaml with the updates in NAME.updates must give
// NAME.expected.yaml byte for byte, or fail with a message holding the line in NAME.error. An
// updates line is `repository<TAB>name<TAB>version`.

#include "engine/helmchartdeps.h"
#include "engine/yamlsource_p.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QString dataDir()
{
    return QStringLiteral(STEVEDORE_TEST_DATA_DIR "/helmchart/");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return file.readAll();
}

QList<HelmChartDependencyUpdate> readUpdates(const QString &path)
{
    QList<HelmChartDependencyUpdate> updates;
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() != 3)
            qFatal("bad line in %s", qPrintable(path));
        updates.append({QString::fromUtf8(fields[0]), QString::fromUtf8(fields[1]),
                        QString::fromUtf8(fields[2])});
    }
    return updates;
}

QVariantMap readYaml(const QByteArray &text)
{
    return Yaml::toVariant(YAML::Load(text.toStdString())).toMap();
}

void versionsAsStrings(QVariantMap *chart)
{
    QVariantList dependencies = chart->value(u"dependencies"_s).toList();
    for (QVariant &dependency : dependencies) {
        QVariantMap map = dependency.toMap();
        map.insert(u"version"_s, map.value(u"version"_s).toString());
        dependency = map;
    }
    chart->insert(u"dependencies"_s, dependencies);
}

} // namespace

class TestHelmChartDependencies : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void errors_data();
    void errors();
    void changes();
    void commitMessage_data();
    void commitMessage();
};

static void addCases(bool errorCases)
{
    QTest::addColumn<QString>("name");
    const QStringList inputs =
        QDir(dataDir()).entryList({u"*.input.yaml"_s}, QDir::Files, QDir::Name);
    int count = 0;
    for (const QString &input : inputs) {
        const QString name = input.chopped(int(qstrlen(".input.yaml")));
        if (QFile::exists(dataDir() + name + u".error"_s) != errorCases)
            continue;
        QTest::newRow(qPrintable(name)) << name;
        ++count;
    }
    QVERIFY(count >= 6);
}

void TestHelmChartDependencies::golden_data()
{
    addCases(false);
}

void TestHelmChartDependencies::golden()
{
    QFETCH(QString, name);
    const QByteArray input = readFile(dataDir() + name + u".input.yaml"_s);
    const QByteArray expected = readFile(dataDir() + name + u".expected.yaml"_s);
    const QList<HelmChartDependencyUpdate> updates = readUpdates(dataDir() + name + u".updates"_s);
    QVERIFY(!updates.isEmpty());

    QString error;
    const std::optional<QByteArray> result = HelmChartDependencies::update(input, updates, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(*result, expected);

    // Read back, the first dependency matching each update has its version, and nothing else
    // changed (versions are compared as the strings Helm reads).
    QVariantMap model = readYaml(input);
    QVariantList dependencies = model.value(u"dependencies"_s).toList();
    for (const HelmChartDependencyUpdate &update : updates) {
        for (QVariant &dependency : dependencies) {
            QVariantMap map = dependency.toMap();
            if (map.value(u"repository"_s).toString() == update.repository &&
                map.value(u"name"_s).toString() == update.name) {
                map.insert(u"version"_s, update.version);
                dependency = map;
                break;
            }
        }
    }
    model.insert(u"dependencies"_s, dependencies);
    QVariantMap actual = readYaml(*result);
    versionsAsStrings(&model);
    versionsAsStrings(&actual);
    QCOMPARE(actual, model);
}

void TestHelmChartDependencies::errors_data()
{
    addCases(true);
}

void TestHelmChartDependencies::errors()
{
    QFETCH(QString, name);
    const QByteArray input = readFile(dataDir() + name + u".input.yaml"_s);
    const QString expected = QString::fromUtf8(readFile(dataDir() + name + u".error"_s)).trimmed();
    const QList<HelmChartDependencyUpdate> updates = readUpdates(dataDir() + name + u".updates"_s);
    QString error;
    const std::optional<QByteArray> result = HelmChartDependencies::update(input, updates, &error);
    QVERIFY(!result.has_value());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestHelmChartDependencies::changes()
{
    const QByteArray text = readFile(dataDir() + u"comments-crlf.input.yaml"_s);
    const QString bitnami = u"https://charts.bitnami.com/bitnami"_s;
    QList<HelmChartDependencyChange> changes{{u"stale"_s, {}, {}}};
    QString error;
    QVERIFY(HelmChartDependencies::update(text,
                                          {{bitnami, u"redis"_s, u"17.1.0"_s},
                                           {bitnami, u"postgresql"_s, u"12.0.0"_s},
                                           {bitnami, u"redis"_s, u"17.3.1"_s}},
                                          &error, &changes));
    // One change a dependency, from the version before the first update to the last one; a
    // version that stays is no change.
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].name, u"redis"_s);
    QCOMPARE(changes[0].oldVersion, u"17.0.0"_s);
    QCOMPARE(changes[0].newVersion, u"17.3.1"_s);
    QCOMPARE(HelmChartDependencies::commitMessage(u"charts/umbrella"_s, changes),
             u"Updated chart dependencies for charts/umbrella\n\n- redis: 17.0.0 -> 17.3.1"_s);

    QVERIFY(HelmChartDependencies::update(text, {{bitnami, u"redis"_s, u"17.0.0"_s}}, &error,
                                          &changes));
    QVERIFY(changes.isEmpty());

    // Without old versions, each update reads like a dependency added.
    QCOMPARE(HelmChartDependencies::commitMessage(
                 u"c"_s, QList<HelmChartDependencyUpdate>{{bitnami, u"redis"_s, u"17.3.1"_s}}),
             u"Updated chart dependencies for c\n\n- redis: 17.3.1"_s);
}

void TestHelmChartDependencies::commitMessage_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QList<HelmChartDependencyChange>>("changes");
    QTest::addColumn<QString>("expected");

    // The first is the output Kargo's own test expects.
    QTest::newRow("added")
        << u"testchart"_s << QList<HelmChartDependencyChange>{{u"examplechart"_s, {}, u"0.1.0"_s}}
        << u"Updated chart dependencies for testchart\n\n- examplechart: 0.1.0"_s;
    QTest::newRow("updated") << u"charts/mychart"_s
                             << QList<HelmChartDependencyChange>{{u"chart1"_s, u"1.0.0"_s,
                                                                  u"1.1.0"_s}}
                             << u"Updated chart dependencies for charts/mychart\n\n"
                                "- chart1: 1.0.0 -> 1.1.0"_s;
    QTest::newRow("mixed, sorted by name")
        << u"charts/mychart"_s
        << QList<HelmChartDependencyChange>{{u"chart4"_s, u"4.0.0"_s, u"4.1.0"_s},
                                            {u"chart2"_s, u"2.0.0"_s, {}},
                                            {u"chart3"_s, {}, u"3.0.0"_s},
                                            {u"chart1"_s, u"1.0.0"_s, u"1.1.0"_s}}
        << u"Updated chart dependencies for charts/mychart\n\n- chart1: 1.0.0 -> 1.1.0\n"
           "- chart2: removed\n- chart3: 3.0.0\n- chart4: 4.0.0 -> 4.1.0"_s;
    QTest::newRow("none") << u"charts/mychart"_s << QList<HelmChartDependencyChange>{} << QString();
}

void TestHelmChartDependencies::commitMessage()
{
    QFETCH(QString, path);
    QFETCH(QList<HelmChartDependencyChange>, changes);
    QFETCH(QString, expected);
    QCOMPARE(HelmChartDependencies::commitMessage(path, changes), expected);
}

QTEST_GUILESS_MAIN(TestHelmChartDependencies)
#include "tst_helmchartdeps.moc"
