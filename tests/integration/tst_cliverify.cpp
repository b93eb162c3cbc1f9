// `stevedorectl verify` as a user runs it: the real binary, in an isolated environment,
// against a real Prometheus and Pushgateway on 127.0.0.1 reached through
// `--prometheus FROM=TO`. Checks what it prints (text and --json), its exit codes, that an
// interrupted run is stored as Aborted, and that success marks the stage's freight verified.

#include "engine/freight.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "tests/support/testprometheus.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

const QString clusterAddress = u"http://prometheus.monitoring.svc.cluster.local:9090"_s;

QString pipelineYaml(const QString &metricSettings, const QString &query)
{
    return u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: app\n"
           u"  namespace: cli\nspec:\n  subscriptions:\n  - image:\n"
           u"      repoURL: ghcr.io/example/app\n---\n"
           u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: staging\n"
           u"  namespace: cli\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
           u"      name: app\n    sources:\n      direct: true\n  verification:\n"
           u"    analysisTemplates:\n    - name: check\n---\n"
           u"apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n"
           u"  name: check\n  namespace: cli\nspec:\n  metrics:\n  - name: success-rate\n"_s +
           metricSettings +
           u"    provider:\n      prometheus:\n        address: %1\n        query: '%2'\n"
           u"  - name: load-gen\n    provider:\n      job:\n        spec: {}\n"_s.arg(
               clusterAddress, query);
}

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliVerify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void successful();
    void json();
    void failed();
    void interruptedIsStoredAborted();
    void verifiesTheStagesFreight();
    void usageErrors_data();
    void usageErrors();

private:
    QString writePipeline(const QString &name, const QString &yaml);
    QStringList mapping() const
    {
        return {u"--prometheus"_s, clusterAddress + u'=' + m_prometheus.url()};
    }
    QProcessEnvironment environment() const;
    Result run(const QStringList &arguments);

    TestPrometheus m_prometheus;
    QTemporaryDir m_scratch;
    QString m_state;
    QString m_good;
    QString m_bad;
    QString m_endless;
};

void TestCliVerify::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_scratch.isValid());
    m_state = m_scratch.filePath(u"state"_s);
    StatePaths::setOverride(m_state);
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.log()));
    QVERIFY(m_prometheus.push(u"cli"_s, u"success_rate{app=\"good\"} 0.97\n"
                                        u"success_rate{app=\"bad\"} 0.42"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{app=\"bad\"}"_s, u"0.42"_s));
    const QString settings = u"    interval: 1s\n    count: 3\n"
                             u"    successCondition: result[0] >= 0.95\n"_s;
    m_good = writePipeline(u"good"_s,
                           pipelineYaml(settings, u"success_rate{job=\"cli\",app=\"good\"}"_s));
    m_bad =
        writePipeline(u"bad"_s, pipelineYaml(settings, u"success_rate{job=\"cli\",app=\"bad\"}"_s));
    m_endless = writePipeline(
        u"endless"_s, pipelineYaml(u"    interval: 1s\n    successCondition: result[0] >= 0.95\n"_s,
                                   u"success_rate{job=\"cli\",app=\"good\"}"_s));
}

void TestCliVerify::cleanupTestCase()
{
    m_prometheus.stop();
}

QString TestCliVerify::writePipeline(const QString &name, const QString &yaml)
{
    const QString dir = m_scratch.filePath(name);
    QDir().mkpath(dir);
    QFile file(dir + u"/pipeline.yaml"_s);
    if (file.open(QIODevice::WriteOnly))
        file.write(yaml.toUtf8());
    return dir;
}

QProcessEnvironment TestCliVerify::environment() const
{
    return isolatedEnvironment(m_scratch.filePath(u"home"_s), m_state);
}

Result TestCliVerify::run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(u"" STEVEDORECTL_PATH ""_s, arguments);
    Result result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCliVerify::successful()
{
    const Result result =
        run(mapping() + QStringList{u"verify"_s, m_good, u"--stage"_s, u"staging"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(u"Stage staging has no freight yet"), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"load-gen (job): not runnable here"), qPrintable(result.out));
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(result.out.contains(QRegularExpression(
                     u"\\d\\d:\\d\\d:\\d\\d  success-rate +#%1 +Successful +\\[0.97\\]"_s.arg(i))),
                 qPrintable(result.out));
    QVERIFY2(result.out.contains(u"Verdict: Successful: not run here: load-gen (job)"),
             qPrintable(result.out));
}

void TestCliVerify::json()
{
    const Result result =
        run(mapping() + QStringList{u"verify"_s, m_good, u"--stage"_s, u"staging"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QStringList events;
    QJsonObject verdict;
    for (const QString &line : lines) {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(line.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(line));
        events.append(object.value(u"event"_s).toString());
        if (object.value(u"event"_s) == u"measurement"_s) {
            QCOMPARE(object.value(u"metric"_s).toString(), u"success-rate"_s);
            QCOMPARE(object.value(u"measurement"_s)[u"phase"_s].toString(), u"Successful"_s);
            QCOMPARE(object.value(u"measurement"_s)[u"value"_s].toString(), u"[0.97]"_s);
        }
        if (object.value(u"event"_s) == u"verdict"_s)
            verdict = object.value(u"run"_s).toObject();
    }
    QCOMPARE(events, (QStringList{u"notRunnable"_s, u"measurement"_s, u"measurement"_s,
                                  u"measurement"_s, u"verdict"_s}));
    QCOMPARE(verdict.value(u"phase"_s).toString(), u"Successful"_s);
    QCOMPARE(verdict.value(u"stage"_s).toString(), u"staging"_s);
}

void TestCliVerify::failed()
{
    const Result result =
        run(mapping() + QStringList{u"verify"_s, m_bad, u"--stage"_s, u"staging"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.out.contains(u"#1   Failed       [0.42]"), qPrintable(result.out));
    QVERIFY2(result.out.contains(u"Verdict: Failed: Metric \"success-rate\" assessed Failed due to "
                                 u"failed (1) > failureLimit (0)"),
             qPrintable(result.out));
}

void TestCliVerify::interruptedIsStoredAborted()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(u"" STEVEDORECTL_PATH ""_s,
                  mapping() + QStringList{u"verify"_s, m_endless, u"--stage"_s, u"staging"_s});
    QVERIFY(process.waitForStarted());
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += QString::fromUtf8(process.readAllStandardOutput()), out.contains(u"#2 ")), 15000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    out += QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(u"Verdict: Aborted: Verification aborted by user"), qPrintable(out));

    QString error;
    const auto store = Store::open(m_endless, &error);
    QVERIFY2(store, qPrintable(error));
    const QList<VerificationRun> runs = store->verificationRuns(u"staging"_s);
    QCOMPARE(runs.size(), 1);
    QCOMPARE(toString(runs.first().phase), u"Aborted"_s);
    QVERIFY(runs.first().finishedAt.isValid());
    QVERIFY(store->verificationRun(runs.first().id)->metrics.first().measurements.size() >= 2);
}

void TestCliVerify::verifiesTheStagesFreight()
{
    Freight freight;
    freight.origin.name = u"app"_s;
    freight.images.append(
        {u"ghcr.io/example/app"_s, u"v2.0.0"_s, u"sha256:"_s + QString(64, u'b'), {}});
    freight.id = Freight::computeId(u"app"_s, {}, freight.images, {});
    freight.alias = u"calm-heron"_s;
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    {
        QString error;
        const auto store = Store::open(m_good, &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->addFreight(freight, &error));
        QVERIFY(store->setStageFreight(u"staging"_s, freight, u"promotion-7"_s,
                                       QDateTime::currentDateTimeUtc(), &error));
    }
    const Result result =
        run(mapping() + QStringList{u"verify"_s, m_good, u"--stage"_s, u"staging"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY2(result.out.contains(
                 u"Verifying freight calm-heron (%1) in stage staging."_s.arg(freight.id.left(7))),
             qPrintable(result.out));
    QVERIFY2(result.out.contains(
                 u"Freight calm-heron (%1) is now verified in staging."_s.arg(freight.id.left(7))),
             qPrintable(result.out));
    QString error;
    const auto store = Store::open(m_good, &error);
    QVERIFY(store->verifiedIn(freight.id).contains(u"staging"_s));
    QCOMPARE(store->verificationRuns(u"staging"_s).first().freightIds, QStringList{freight.id});
}

void TestCliVerify::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no stage") << QStringList{u"verify"_s, u"GOOD"_s}
                              << u"verify: --stage NAME is required"_s;
    QTest::newRow("no path") << QStringList{u"verify"_s, u"--stage"_s, u"staging"_s}
                             << u"verify: missing PATH"_s;
    QTest::newRow("unknown stage") << QStringList{u"verify"_s, u"GOOD"_s, u"--stage"_s, u"qa"_s}
                                   << u"verify: no stage \"qa\""_s;
    QTest::newRow("unknown option")
        << QStringList{u"verify"_s, u"GOOD"_s, u"--stage"_s, u"staging"_s, u"--fast"_s}
        << u"verify: unknown option --fast"_s;
    QTest::newRow("mapping without =") << QStringList{u"--prometheus"_s, u"http://127.0.0.1:1"_s,
                                                      u"verify"_s,       u"GOOD"_s,
                                                      u"--stage"_s,      u"staging"_s}
                                       << u"--prometheus \"http://127.0.0.1:1\": write FROM=TO"_s;
}

void TestCliVerify::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    arguments.replaceInStrings(u"GOOD"_s, m_good);
    const Result result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
}

QTEST_GUILESS_MAIN(TestCliVerify)

#include "tst_cliverify.moc"
