// Verification end to end: the AnalysisRunner against a real Prometheus scraping a real
// Pushgateway every second (tests/support/testprometheus.h), both started here on free ports
// of 127.0.0.1 and stopped by PID. Each case pushes its own values, waits until Prometheus has
// scraped them, then runs a stage's verification and checks the verdict, every measurement,
// and what the store kept.

#include "engine/analysisrunner.h"
#include "engine/freight.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cmath>

#include "tests/support/testprometheus.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

/// An in-cluster address no workstation resolves; the tests map it to the loopback server.
const QString clusterAddress = u"http://prometheus.monitoring.svc.cluster.local:9090"_s;

/// A pipeline with one warehouse, a stage `staging` verified by the template `check`, whose
/// metrics are @p metrics (YAML list items, indented by two).
QString pipelineYaml(const QString &metrics, const QString &templateArgs = {},
                     const QString &stageArgs = {})
{
    return u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: app\n"
           u"  namespace: test\nspec:\n  subscriptions:\n  - image:\n"
           u"      repoURL: ghcr.io/example/app\n---\n"
           u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: staging\n"
           u"  namespace: test\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
           u"      name: app\n    sources:\n      direct: true\n  verification:\n"
           u"    analysisTemplates:\n    - name: check\n"_s +
           (stageArgs.isEmpty() ? QString() : u"    args:\n"_s + stageArgs) +
           u"---\napiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n"
           u"  name: check\n  namespace: test\nspec:\n"_s +
           (templateArgs.isEmpty() ? QString() : u"  args:\n"_s + templateArgs) +
           u"  metrics:\n"_s + metrics;
}

/// One Prometheus metric item for pipelineYaml().
QString metric(const QString &name, const QString &query, const QString &settings,
               const QString &address = clusterAddress)
{
    return u"  - name: %1\n%2    provider:\n      prometheus:\n        address: %3\n"
           u"        query: '%4'\n"_s.arg(name, settings, address, query);
}

/// The phases of a metric's measurements, by name.
QStringList phases(const MetricResult &result)
{
    QStringList list;
    for (const Measurement &measurement : result.measurements)
        list.append(toString(measurement.phase));
    return list;
}

QStringList times(int count, const QString &phase)
{
    return QStringList(count, phase);
}

} // namespace

class TestVerification : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void successfulMarksFreightVerified();
    void failedByFailureLimit();
    void inconclusive();
    void errors_data();
    void errors();
    void abortedRunsUntilStopped();
    void fixtureSuccessRate();
    void nanAndInfinityAreKept();
    void rangeQueryFlattensTheMatrix();
    void timeoutIsAnError();
    void consecutiveSuccessLimit();

private:
    /// Writes @p yaml as the pipeline of a folder of its own and loads it.
    Pipeline load(const QString &name, const QString &yaml);
    /// Runs @p stage's verification to its verdict.
    VerificationRun verify(const Pipeline &pipeline, const QString &stage,
                           const QStringList &freight = {}, Store *store = nullptr,
                           int timeoutMs = 30000);
    AnalysisRunner::Options options(Store *store = nullptr) const;

    TestPrometheus m_prometheus;
    QTemporaryDir m_scratch;
};

void TestVerification::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_scratch.isValid());
    StatePaths::setOverride(m_scratch.filePath(u"state"_s));
    QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.log()));
}

void TestVerification::cleanupTestCase()
{
    m_prometheus.stop();
}

Pipeline TestVerification::load(const QString &name, const QString &yaml)
{
    const QString dir = m_scratch.filePath(name);
    QDir().mkpath(dir);
    QFile file(dir + u"/pipeline.yaml"_s);
    if (file.open(QIODevice::WriteOnly))
        file.write(yaml.toUtf8());
    file.close();
    Pipeline pipeline = ManifestLoader::load(dir);
    for (const Problem &problem : std::as_const(pipeline.problems))
        qWarning().noquote() << problem.toString();
    return pipeline;
}

AnalysisRunner::Options TestVerification::options(Store *store) const
{
    AnalysisRunner::Options options;
    options.planner.useKeychain = false;
    options.planner.addresses.add(clusterAddress + u'=' + m_prometheus.url());
    // Argo Rollouts waits 10 s after an error; the error cases would take a minute.
    options.errorRetryIntervalMs = 300;
    options.store = store;
    return options;
}

VerificationRun TestVerification::verify(const Pipeline &pipeline, const QString &stage,
                                         const QStringList &freight, Store *store, int timeoutMs)
{
    AnalysisRunner runner(pipeline, stage, freight, options(store));
    QSignalSpy finished(&runner, &AnalysisRunner::finished);
    runner.start();
    if (!finished.wait(timeoutMs))
        qWarning("the verification did not finish within %d ms", timeoutMs);
    return runner.run();
}

void TestVerification::successfulMarksFreightVerified()
{
    QVERIFY(m_prometheus.push(u"success"_s, u"success_rate{app=\"web\"} 0.97"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{job=\"success\"}"_s, u"0.97"_s));
    const Pipeline pipeline = load(
        u"success"_s, pipelineYaml(metric(u"success-rate"_s,
                                          u"success_rate{job=\"success\",app=\"{{ args.app }}\"}"_s,
                                          u"    interval: 1s\n    count: 3\n"
                                          u"    successCondition: result[0] >= 0.95\n"_s),
                                   u"  - name: app\n"_s, u"    - name: app\n      value: web\n"_s));
    QVERIFY(!pipeline.hasErrors());

    QString error;
    const std::unique_ptr<Store> store = Store::open(pipeline.rootPath, &error);
    QVERIFY2(store, qPrintable(error));
    Freight freight;
    freight.origin.name = u"app"_s;
    freight.images.append(
        {u"ghcr.io/example/app"_s, u"v1.0.0"_s, u"sha256:"_s + QString(64, u'a'), {}});
    freight.id = Freight::computeId(u"app"_s, {}, freight.images, {});
    freight.alias = u"brave-otter"_s;
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store->addFreight(freight, &error));
    QVERIFY(store->setStageFreight(u"staging"_s, freight, u"promotion-1"_s,
                                   QDateTime::currentDateTimeUtc(), &error));

    QElapsedTimer elapsed;
    elapsed.start();
    const VerificationRun run = verify(pipeline, u"staging"_s, {freight.id}, store.get());
    QCOMPARE(toString(run.phase), u"Successful"_s);
    QCOMPARE(run.metrics.size(), 1);
    const MetricResult &result = run.metrics.first();
    QCOMPARE(result.query, u"success_rate{job=\"success\",app=\"web\"}"_s);
    QCOMPARE(result.url, m_prometheus.url());
    QCOMPARE(phases(result), times(3, u"Successful"_s));
    for (const Measurement &measurement : result.measurements) {
        QCOMPARE(measurement.values, QList<double>{0.97});
        QCOMPARE(measurement.valueText(), u"[0.97]"_s);
    }
    // Three measurements a second apart: two intervals, and not much more.
    QVERIFY2(elapsed.elapsed() >= 1900 && elapsed.elapsed() < 6000,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(result.measurements.at(0).finishedAt.msecsTo(result.measurements.at(1).startedAt) >=
            990);

    // Stored: the run, its metric, its measurements; and the freight is verified in staging.
    const std::optional<VerificationRun> stored = store->verificationRun(run.id);
    QVERIFY(stored);
    QCOMPARE(toString(stored->phase), u"Successful"_s);
    QCOMPARE(stored->freightIds, QStringList{freight.id});
    QCOMPARE(stored->metrics.size(), 1);
    QCOMPARE(stored->metrics.first().measurements.size(), 3);
    QCOMPARE(stored->metrics.first().measurements.last().values, QList<double>{0.97});
    QCOMPARE(stored->metrics.first().query, result.query);
    QCOMPARE(stored->args, (QList<QPair<QString, QString>>{{u"app"_s, u"web"_s}}));
    QCOMPARE(store->verificationRuns(u"staging"_s).size(), 1);
    QVERIFY(store->verifiedIn(freight.id).contains(u"staging"_s));
}

void TestVerification::failedByFailureLimit()
{
    QVERIFY(m_prometheus.push(u"failing"_s, u"success_rate 0.5"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{job=\"failing\"}"_s, u"0.5"_s));
    const Pipeline pipeline = load(
        u"failing"_s, pipelineYaml(metric(u"success-rate"_s, u"success_rate{job=\"failing\"}"_s,
                                          u"    interval: 1s\n    count: 5\n    failureLimit: 1\n"
                                          u"    successCondition: result[0] >= 0.95\n"_s)));
    QString error;
    const std::unique_ptr<Store> store = Store::open(pipeline.rootPath, &error);
    QVERIFY(store);
    const VerificationRun run = verify(pipeline, u"staging"_s, {u"f00d"_s}, store.get());
    QCOMPARE(toString(run.phase), u"Failed"_s);
    // The second failure exceeds failureLimit 1; the run stops there, before count 5.
    QCOMPARE(phases(run.metrics.first()), times(2, u"Failed"_s));
    QCOMPARE(run.metrics.first().failed, 2);
    QVERIFY2(run.message.contains(u"failed (2) > failureLimit (1)"), qPrintable(run.message));
    QVERIFY(store->verifiedIn(u"f00d"_s).isEmpty());
    QCOMPARE(toString(store->verificationRun(run.id)->phase), u"Failed"_s);
}

void TestVerification::inconclusive()
{
    QVERIFY(m_prometheus.push(u"middling"_s, u"success_rate 0.7"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{job=\"middling\"}"_s, u"0.7"_s));
    // Both conditions, neither matches: the measurement is Inconclusive, and with
    // inconclusiveLimit 0 so is the run. A second metric that succeeds does not change that.
    const Pipeline pipeline = load(
        u"middling"_s, pipelineYaml(metric(u"success-rate"_s, u"success_rate{job=\"middling\"}"_s,
                                           u"    interval: 1s\n    count: 3\n"
                                           u"    successCondition: result[0] >= 0.95\n"
                                           u"    failureCondition: result[0] < 0.5\n"_s) +
                                    metric(u"no-conditions"_s, u"vector(1)"_s, QString())));
    const VerificationRun run = verify(pipeline, u"staging"_s);
    QCOMPARE(toString(run.phase), u"Inconclusive"_s);
    const MetricResult &middling = run.metrics.at(run.metricIndex(u"success-rate"_s));
    QCOMPARE(phases(middling), QStringList{u"Inconclusive"_s});
    QCOMPARE(toString(middling.phase), u"Inconclusive"_s);
    QVERIFY2(run.message.contains(u"inconclusive (1) > inconclusiveLimit (0)"),
             qPrintable(run.message));
    // Without conditions a measurement is Successful (Argo Rollouts' rule), and one is all a
    // metric without interval and count takes.
    const MetricResult &plain = run.metrics.at(run.metricIndex(u"no-conditions"_s));
    QCOMPARE(phases(plain), QStringList{u"Successful"_s});
    QCOMPARE(plain.measurements.first().values, QList<double>{1.0});
}

void TestVerification::errors_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty vector read with result[0]")
        << u"nothing_here{job=\"nobody\"}"_s << clusterAddress << u"index out of range"_s;
    QTest::newRow("query that does not parse")
        << u"success_rate{job=\"x\""_s << clusterAddress
        << u"Prometheus answered 400 bad_data: invalid parameter \"query\": 1:"_s;
    QTest::newRow("query that fails to execute")
        << u"abs({__name__=~\"dup_a|dup_b\",job=\"dups\"})"_s << clusterAddress
        << u"Prometheus answered 422 execution: vector cannot contain metrics with the same "
           u"labelset"_s;
    QTest::newRow("unreachable address")
        << u"vector(1)"_s << u"http://127.0.0.1:%1"_s.arg(freePort())
        << u"Prometheus unreachable at http://127.0.0.1:"_s;
}

void TestVerification::errors()
{
    QFETCH(QString, query);
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QVERIFY(m_prometheus.push(u"dups"_s, u"dup_a{app=\"a\"} 1\ndup_b{app=\"a\"} 2"_s));
    QVERIFY(m_prometheus.waitForValue(u"dup_b{job=\"dups\"}"_s, u"2"_s));
    const Pipeline pipeline =
        load(u"errors-"_s + QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-'),
             pipelineYaml(metric(u"broken"_s, QString(query).replace(u"'"_s, u"''"_s),
                                 u"    interval: 1s\n    count: 3\n"
                                 u"    successCondition: result[0] >= 0.95\n"_s,
                                 address)));
    QVERIFY(!pipeline.hasErrors());
    const VerificationRun run = verify(pipeline, u"staging"_s);
    QCOMPARE(toString(run.phase), u"Error"_s);
    const MetricResult &broken = run.metrics.first();
    // consecutiveErrorLimit defaults to 4: the fifth error in a row decides.
    QCOMPARE(phases(broken), times(5, u"Error"_s));
    QCOMPARE(broken.consecutiveErrors, 5);
    QCOMPARE(broken.measured, 0);
    for (const Measurement &measurement : broken.measurements)
        QVERIFY2(measurement.message.contains(expected), qPrintable(measurement.message));
    QVERIFY2(run.message.contains(u"consecutiveErrors (5) > consecutiveErrorLimit (4)"),
             qPrintable(run.message));
    QVERIFY2(run.message.contains(expected), qPrintable(run.message));
}

void TestVerification::abortedRunsUntilStopped()
{
    QVERIFY(m_prometheus.push(u"steady"_s, u"success_rate 0.99"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{job=\"steady\"}"_s, u"0.99"_s));
    // An interval without a count: measured until stopped.
    const Pipeline pipeline =
        load(u"steady"_s, pipelineYaml(metric(u"success-rate"_s, u"success_rate{job=\"steady\"}"_s,
                                              u"    interval: 1s\n"
                                              u"    successCondition: result[0] >= 0.95\n"_s)));
    QString error;
    const std::unique_ptr<Store> store = Store::open(pipeline.rootPath, &error);
    QVERIFY(store);
    AnalysisRunner runner(pipeline, u"staging"_s, {u"beef"_s}, options(store.get()));
    QSignalSpy measured(&runner, &AnalysisRunner::measured);
    QSignalSpy finished(&runner, &AnalysisRunner::finished);
    runner.start();
    QTRY_VERIFY_WITH_TIMEOUT(measured.size() >= 3, 10000);
    QCOMPARE(toString(runner.run().phase), u"Running"_s);
    QCOMPARE(toString(store->verificationRun(runner.run().id)->phase), u"Running"_s);
    runner.abort();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(toString(runner.run().phase), u"Aborted"_s);
    QCOMPARE(runner.run().message, u"Verification aborted by user"_s);
    const std::optional<VerificationRun> stored = store->verificationRun(runner.run().id);
    QCOMPARE(toString(stored->phase), u"Aborted"_s);
    QVERIFY(stored->finishedAt.isValid());
    QVERIFY(store->verifiedIn(u"beef"_s).isEmpty());
    // Nothing is measured after the abort.
    const int count = int(measured.size());
    QTest::qWait(1500);
    QCOMPARE(int(measured.size()), count);
}

void TestVerification::fixtureSuccessRate()
{
    // The real template from Akuity's demo, unchanged: 20 s initial delay, then four
    // measurements 5 s apart of a success rate over 30 s of nginx ingress counters, pushed
    // here as they grow. response-time runs alongside; the loadgen job cannot run here.
    const QString ns = u"demo-rollbacks-prod-amer-east"_s;
    int requests = 0;
    const auto pushCounters = [&] {
        requests += 50;
        return m_prometheus.push(
            u"ingress"_s,
            u"nginx_ingress_controller_requests{namespace=\"%1\",status=\"200\"} %2\n"
            u"nginx_ingress_controller_requests{namespace=\"%1\",status=\"500\"} %3\n"_s.arg(ns)
                .arg(requests)
                .arg(requests / 50));
    };
    QVERIFY(pushCounters());
    QTimer pusher;
    connect(&pusher, &QTimer::timeout, this, [&] { pushCounters(); });
    pusher.start(1000);

    Pipeline pipeline = ManifestLoader::load(u"" STEVEDORE_FIXTURES_DIR "/demo-auto-rollback"_s);
    // The fixture's one error (a commit strategy Kargo dropped) is in its warehouse, not in
    // anything verification reads.
    for (const Problem &problem : std::as_const(pipeline.problems))
        QVERIFY2(problem.severity != Problem::Severity::Error ||
                     problem.location.file.endsWith(u"warehouse.yaml"),
                 qPrintable(problem.toString()));
    AnalysisRunner::Options options = this->options();
    options.planner.addresses = {};
    QVERIFY(options.planner.addresses.add(
        u"http://prometheus-server.prometheus.svc.cluster.local="_s + m_prometheus.url()));
    AnalysisRunner runner(pipeline, u"prod-amer-east"_s, {}, options);
    QSignalSpy finished(&runner, &AnalysisRunner::finished);
    runner.start();
    QVERIFY(finished.wait(60000));
    const VerificationRun &run = runner.run();
    QCOMPARE(run.templates, (QStringList{u"success-rate"_s, u"response-time"_s, u"loadgen"_s}));
    QCOMPARE(toString(run.phase), u"Successful"_s);
    QVERIFY2(run.message.contains(u"not run here: load-gen (job)"), qPrintable(run.message));

    const MetricResult &rate = run.metrics.at(run.metricIndex(u"success-rate"_s));
    QCOMPARE(rate.url, m_prometheus.url());
    QVERIFY(rate.query.contains(u"namespace=\"demo-rollbacks-prod-amer-east\",status=\"200\""));
    QCOMPARE(phases(rate), times(4, u"Successful"_s));
    // About 50 of every 51 requests succeed; the +1 in the template lifts it a little.
    for (const Measurement &measurement : rate.measurements) {
        QCOMPARE(measurement.values.size(), 1);
        QVERIFY2(measurement.values.first() >= 0.95 && measurement.values.first() <= 1.0,
                 qPrintable(measurement.valueText()));
    }
    // The first measurement waited for the initial delay.
    QVERIFY(run.startedAt.msecsTo(rate.measurements.first().startedAt) >= 20000);

    const MetricResult &latency = run.metrics.at(run.metricIndex(u"response-time"_s));
    QCOMPARE(phases(latency), times(4, u"Successful"_s));
    // No POST latencies are pushed: `or vector(.1)` on both sides makes it 1.
    QCOMPARE(latency.measurements.first().values, QList<double>{1.0});

    const MetricResult &job = run.metrics.at(run.metricIndex(u"load-gen"_s));
    QVERIFY(!job.runnable);
    QCOMPARE(job.provider, u"job"_s);
    QVERIFY2(job.message.startsWith(u"not runnable here"), qPrintable(job.message));
    QVERIFY(job.measurements.isEmpty());
}

void TestVerification::nanAndInfinityAreKept()
{
    QVERIFY(m_prometheus.push(u"odd"_s, u"odd_value{k=\"a\"} NaN\nodd_value{k=\"b\"} +Inf\n"
                                        u"odd_value{k=\"c\"} -Inf"_s));
    QVERIFY(m_prometheus.waitForValue(u"odd_value{job=\"odd\",k=\"c\"}"_s, u"-Inf"_s));
    const Pipeline pipeline =
        load(u"odd"_s, pipelineYaml(metric(u"odd"_s, u"sort_desc(odd_value{job=\"odd\"})"_s,
                                           u"    successCondition: len(result) == 3\n"_s) +
                                    metric(u"scalar"_s, u"scalar(vector(0.25))"_s,
                                           u"    successCondition: result == 0.25\n"_s)));
    const VerificationRun run = verify(pipeline, u"staging"_s);
    QCOMPARE(toString(run.phase), u"Successful"_s);
    const Measurement &odd = run.metrics.at(0).measurements.first();
    QCOMPARE(odd.values.size(), 3);
    int nan = 0;
    int infinities = 0;
    for (double value : odd.values) {
        nan += std::isnan(value) ? 1 : 0;
        infinities += std::isinf(value) ? 1 : 0;
    }
    QCOMPARE(nan, 1);
    QCOMPARE(infinities, 2);
    QVERIFY(odd.valueText().contains(u"NaN") && odd.valueText().contains(u"+Inf") &&
            odd.valueText().contains(u"-Inf"));
    const Measurement &scalar = run.metrics.at(1).measurements.first();
    QVERIFY(scalar.scalar);
    QCOMPARE(scalar.valueText(), u"0.25"_s);
}

void TestVerification::rangeQueryFlattensTheMatrix()
{
    QVERIFY(m_prometheus.push(u"ranged"_s, u"success_rate{app=\"a\"} 0.96\n"
                                           u"success_rate{app=\"b\"} 0.99"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{job=\"ranged\",app=\"b\"}"_s, u"0.99"_s));
    // Two series over the last 3 s, a sample a second: one flat list, as Argo Rollouts hands a
    // matrix to conditions. The initial delay gives Prometheus those 3 s of samples.
    const Pipeline pipeline = load(
        u"ranged"_s,
        pipelineYaml(u"  - name: window\n    initialDelay: 3s\n"
                     u"    successCondition: len(result) >= 4 && all(result, {# >= 0.95})\n"
                     u"    provider:\n      prometheus:\n        address: %1\n"
                     u"        query: success_rate{job=\"ranged\"}\n"
                     u"        rangeQuery:\n"
                     u"          start: 'now() - duration(\"3s\")'\n"
                     u"          end: now()\n"
                     u"          step: 1s\n"_s.arg(clusterAddress)));
    QVERIFY(!pipeline.hasErrors());
    const VerificationRun run = verify(pipeline, u"staging"_s);
    const Measurement &measurement = run.metrics.first().measurements.first();
    QVERIFY2(run.phase == AnalysisPhase::Successful,
             qPrintable(run.message + u' ' + measurement.valueText()));
    QVERIFY2(measurement.values.size() >= 4, qPrintable(measurement.valueText()));
    QVERIFY(measurement.values.contains(0.96) && measurement.values.contains(0.99));
    // Series after series: every 0.96 of app a before the 0.99s of app b (sorted by labels).
    QCOMPARE(measurement.values.first(), 0.96);
    QCOMPARE(measurement.values.last(), 0.99);
}

void TestVerification::timeoutIsAnError()
{
    // A server that accepts the connection and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    QList<QTcpSocket *> held;
    connect(&silent, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            held.append(socket);
    });
    const Pipeline pipeline = load(
        u"silent"_s, pipelineYaml(u"  - name: slow\n    consecutiveErrorLimit: 0\n"
                                  u"    provider:\n      prometheus:\n"
                                  u"        address: http://127.0.0.1:%1\n"
                                  u"        query: up\n        timeout: 1\n"_s.arg(
                                      silent.serverPort())));
    QElapsedTimer elapsed;
    elapsed.start();
    const VerificationRun run = verify(pipeline, u"staging"_s);
    QCOMPARE(toString(run.phase), u"Error"_s);
    const QString message = run.metrics.first().measurements.first().message;
    QVERIFY2(message == u"Prometheus at http://127.0.0.1:%1 did not answer within 1 s"_s.arg(
                            silent.serverPort()),
             qPrintable(message));
    QVERIFY(elapsed.elapsed() >= 1000 && elapsed.elapsed() < 5000);
    QVERIFY(!held.isEmpty());
}

void TestVerification::consecutiveSuccessLimit()
{
    QVERIFY(m_prometheus.push(u"streak"_s, u"success_rate 0.98"_s));
    QVERIFY(m_prometheus.waitForValue(u"success_rate{job=\"streak\"}"_s, u"0.98"_s));
    // failureLimit -1 turns failures off; two successes in a row decide, long before count.
    const Pipeline pipeline = load(
        u"streak"_s, pipelineYaml(metric(u"streak"_s, u"success_rate{job=\"streak\"}"_s,
                                         u"    interval: 1s\n    count: 10\n"
                                         u"    failureLimit: -1\n    consecutiveSuccessLimit: 2\n"
                                         u"    successCondition: result[0] >= 0.95\n"_s)));
    const VerificationRun run = verify(pipeline, u"staging"_s);
    QCOMPARE(toString(run.phase), u"Successful"_s);
    QCOMPARE(phases(run.metrics.first()), times(2, u"Successful"_s));
    QCOMPARE(run.metrics.first().message, u"consecutiveSuccessLimit (2) reached"_s);
}

QTEST_GUILESS_MAIN(TestVerification)

#include "tst_verification.moc"
