// What a stage's verification will run, decided before anything is measured: templates
// flattened, arguments merged and rendered, placeholders substituted, providers that cannot
// run here named, metrics validated as Argo Rollouts validates them, and Prometheus addresses
// mapped. No server is contacted.

#include "engine/analysisplanner.h"
#include "engine/manifestloader.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

const QString header = u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
                       u"  name: app\n  namespace: shop\nspec:\n  subscriptions:\n  - image:\n"
                       u"      repoURL: ghcr.io/example/app\n---\n"
                       u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n"
                       u"  name: shop\n---\n"_s;

QString stage(const QString &templates, const QString &args, const QString &vars = {})
{
    return u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: prod\n"
           u"  namespace: shop\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
           u"      name: app\n    sources:\n      direct: true\n"
           u"  promotionTemplate:\n    spec:\n"_s +
           (vars.isEmpty() ? QString() : u"      vars:\n"_s + vars) +
           u"      steps:\n      - uses: git-clone\n        config:\n"
           u"          repoURL: https://example.com/repo.git\n"
           u"          checkout:\n          - branch: main\n            path: ./out\n"
           u"  verification:\n    analysisTemplates:\n"_s +
           templates + (args.isEmpty() ? QString() : u"    args:\n"_s + args) + u"---\n"_s;
}

QString analysisTemplate(const QString &name, const QString &args, const QString &metrics)
{
    return u"apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n  name: %1\n"
           u"  namespace: shop\nspec:\n"_s.arg(name) +
           (args.isEmpty() ? QString() : u"  args:\n"_s + args) + u"  metrics:\n"_s + metrics +
           u"---\n"_s;
}

} // namespace

class TestAnalysisPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void argumentsMergedRenderedAndSubstituted();
    void planErrors_data();
    void planErrors();
    void providersThatCannotRunHere();
    void substitute_data();
    void substitute();
    void addressMapping_data();
    void addressMapping();
    void addressEntriesThatDoNotParse();

private:
    Pipeline load(const QString &yaml);
    QTemporaryDir m_dir;
    int m_count = 0;
};

Pipeline TestAnalysisPlanner::load(const QString &yaml)
{
    const QString dir = m_dir.filePath(QString::number(++m_count));
    QDir().mkpath(dir);
    QFile file(dir + u"/pipeline.yaml"_s);
    if (file.open(QIODevice::WriteOnly))
        file.write(yaml.toUtf8());
    file.close();
    return ManifestLoader::load(dir);
}

void TestAnalysisPlanner::argumentsMergedRenderedAndSubstituted()
{
    const Pipeline pipeline = load(
        header +
        stage(u"    - name: rate\n    - name: latency\n"_s,
              u"    - name: service\n      value: ${{ ctx.project }}-${{ ctx.stage }}\n"
              u"    - name: threshold\n      value: \"${{ vars.minimum }}\"\n"
              u"    - name: undeclared\n      value: ignored\n"_s,
              u"      - name: minimum\n        value: \"0.9\"\n"_s) +
        analysisTemplate(u"rate"_s,
                         u"  - name: service\n  - name: threshold\n    value: \"0.5\"\n"
                         u"  - name: every\n    value: 30s\n"_s,
                         u"  - name: success-rate\n    interval: \"{{args.every}}\"\n"
                         u"    count: 3\n"
                         u"    successCondition: result[0] >= {{ args.threshold }}\n"
                         u"    provider:\n      prometheus:\n"
                         u"        address: http://prometheus.monitoring:9090/prom\n"
                         u"        query: rate(requests{service=\"{{  args.service }}\"}[1m])\n"
                         u"        timeout: 5\n"
                         u"        headers:\n        - key: X-Scope-OrgID\n"
                         u"          value: \"{{args.service}}\"\n"_s) +
        analysisTemplate(u"latency"_s, u"  - name: service\n"_s,
                         u"  - name: latency\n    failureCondition: result[0] > 1.5\n"
                         u"    provider:\n      prometheus:\n"
                         u"        address: http://prometheus.monitoring:9090\n"
                         u"        query: latency{service=\"{{args.service}}\"}\n"_s));
    QVERIFY2(!pipeline.hasErrors(), qPrintable(pipeline.problems.value(0).toString()));

    AnalysisPlanner::Options options;
    options.useKeychain = false;
    QVERIFY(options.addresses.add(u"http://prometheus.monitoring:9090=http://127.0.0.1:9999"_s));
    const AnalysisPlan plan = AnalysisPlanner::plan(pipeline, u"prod"_s, {u"abc"_s}, options);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.run.templates, (QStringList{u"rate"_s, u"latency"_s}));
    QCOMPARE(plan.run.freightIds, QStringList{u"abc"_s});
    // Template order, the stage's values over the defaults, Kargo's expressions rendered.
    QCOMPARE(plan.run.args, (QList<QPair<QString, QString>>{{u"service"_s, u"shop-prod"_s},
                                                            {u"threshold"_s, u"0.9"_s},
                                                            {u"every"_s, u"30s"_s}}));
    QCOMPARE(plan.run.metrics.size(), 2);
    QCOMPARE(plan.metrics.size(), 2);

    const MetricResult &rate = plan.run.metrics.at(0);
    QCOMPARE(rate.name, u"success-rate"_s);
    QCOMPARE(rate.templateName, u"rate"_s);
    QVERIFY(rate.runnable);
    QCOMPARE(rate.query, u"rate(requests{service=\"shop-prod\"}[1m])"_s);
    QCOMPARE(rate.successCondition, u"result[0] >= 0.9"_s);
    QCOMPARE(rate.interval, u"30s"_s);
    QCOMPARE(rate.count, 3);
    QCOMPARE(rate.failureLimit, 0);
    QCOMPARE(rate.consecutiveErrorLimit, 4);
    QCOMPARE(rate.address, u"http://prometheus.monitoring:9090/prom"_s);
    // The mapped prefix is replaced; the rest of the address (its path) is kept.
    QCOMPARE(rate.url, u"http://127.0.0.1:9999/prom"_s);
    const PlannedMetric &planned = plan.metrics.at(0);
    QCOMPARE(planned.intervalMs, 30000);
    QCOMPARE(planned.query.timeout.count(), 5000);
    QCOMPARE(planned.query.headers.size(), 1);
    QCOMPARE(planned.query.headers.first().first, QByteArray("X-Scope-OrgID"));
    QCOMPARE(planned.query.headers.first().second, QByteArray("shop-prod"));
    QVERIFY(!planned.query.insecure);

    const MetricResult &latency = plan.run.metrics.at(1);
    QCOMPARE(latency.query, u"latency{service=\"shop-prod\"}"_s);
    QCOMPARE(latency.url, u"http://127.0.0.1:9999"_s);
    QCOMPARE(plan.metrics.at(1).intervalMs, -1);
    QCOMPARE(plan.metrics.at(1).query.timeout.count(), 30000);
}

void TestAnalysisPlanner::planErrors_data()
{
    QTest::addColumn<QString>("yaml");
    QTest::addColumn<QString>("expected");

    const QString simpleMetric = u"  - name: m\n    provider:\n      prometheus:\n"
                                 u"        address: http://p:9090\n        query: up\n"_s;
    QTest::newRow("argument without a value")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(u"t"_s, u"  - name: service\n"_s, simpleMetric)
        << u"args.service was not resolved"_s;
    QTest::newRow("placeholder naming no argument")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(u"t"_s, {},
                                u"  - name: m\n    provider:\n      prometheus:\n"
                                u"        address: http://p:9090\n"
                                u"        query: up{job=\"{{args.job}}\"}\n"_s)
        << u"failed to resolve {{args.job}}"_s;
    QTest::newRow("two templates, one argument, two values")
        << header + stage(u"    - name: a\n    - name: b\n"_s, {}) +
               analysisTemplate(u"a"_s, u"  - name: x\n    value: one\n"_s, simpleMetric) +
               analysisTemplate(u"b"_s, u"  - name: x\n    value: two\n"_s,
                                QString(simpleMetric).replace(u"name: m"_s, u"name: n"_s))
        << u"Argument `x` specified multiple times with different values: 'one', 'two'"_s;
    QTest::newRow("two metrics with one name")
        << header + stage(u"    - name: a\n    - name: b\n"_s, {}) +
               analysisTemplate(u"a"_s, {}, simpleMetric) +
               analysisTemplate(u"b"_s, {}, simpleMetric)
        << u"two metrics have the same name 'm'"_s;
    QTest::newRow("secret without the keychain")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(u"t"_s,
                                u"  - name: token\n    valueFrom:\n      secretKeyRef:\n"
                                u"        name: prometheus\n        key: token\n"_s,
                                simpleMetric)
        << u"argument \"token\" takes its value from secret \"prometheus\""_s;
    QTest::newRow("value only a cluster knows")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(u"t"_s,
                                u"  - name: hash\n    valueFrom:\n      fieldRef:\n"
                                u"        fieldPath: metadata.labels['x']\n"_s,
                                simpleMetric)
        << u"argument \"hash\" takes its value from fieldRef, which only a cluster can resolve"_s;
    QTest::newRow("count without interval")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(u"t"_s, {},
                                QString(simpleMetric)
                                    .replace(u"  - name: m\n"_s, u"  - name: m\n    count: 3\n"_s))
        << u"analysis spec invalid: metric \"m\": interval must be specified when count > 1"_s;
    QTest::newRow("neither limit applies")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(
                   u"t"_s, {},
                   QString(simpleMetric)
                       .replace(u"  - name: m\n"_s, u"  - name: m\n    failureLimit: -1\n"_s))
        << u"either failureLimit or consecutiveSuccessLimit must be applicable"_s;
    QTest::newRow("condition that does not parse")
        << header + stage(u"    - name: t\n"_s, {}) +
               analysisTemplate(u"t"_s, {},
                                QString(simpleMetric)
                                    .replace(u"  - name: m\n"_s,
                                             u"  - name: m\n    successCondition: result[0 >\n"_s))
        << u"condition \"result[0 >\" does not parse"_s;
    QTest::newRow("stage without verification")
        << header +
               QString(stage(u"    - name: t\n"_s, {}))
                   .replace(u"  verification:\n    analysisTemplates:\n    - name: t\n"_s,
                            QString()) +
               analysisTemplate(u"t"_s, {}, simpleMetric)
        << u"stage \"prod\" has no verification"_s;
}

void TestAnalysisPlanner::planErrors()
{
    QFETCH(QString, yaml);
    QFETCH(QString, expected);
    const Pipeline pipeline = load(yaml);
    AnalysisPlanner::Options options;
    options.useKeychain = false;
    const AnalysisPlan plan = AnalysisPlanner::plan(pipeline, u"prod"_s, {}, options);
    QVERIFY2(plan.error.contains(expected), qPrintable(plan.error));
}

void TestAnalysisPlanner::providersThatCannotRunHere()
{
    const Pipeline pipeline =
        load(header + stage(u"    - name: t\n"_s, {}) +
             analysisTemplate(u"t"_s, {},
                              u"  - name: load\n    provider:\n      job:\n        spec: {}\n"
                              u"  - name: page\n    provider:\n      web:\n"
                              u"        url: http://example.com\n"
                              u"  - name: dd\n    provider:\n      datadog:\n"
                              u"        query: avg:x\n"
                              u"  - name: prom\n    provider:\n      prometheus:\n"
                              u"        address: http://p:9090\n        query: up\n"_s));
    AnalysisPlanner::Options options;
    options.useKeychain = false;
    const AnalysisPlan plan = AnalysisPlanner::plan(pipeline, u"prod"_s, {}, options);
    QVERIFY2(plan.error.isEmpty(), qPrintable(plan.error));
    QCOMPARE(plan.run.metrics.size(), 4);
    for (int i = 0; i < 3; ++i) {
        const MetricResult &metric = plan.run.metrics.at(i);
        QVERIFY(!metric.runnable);
        QVERIFY2(metric.message.startsWith(u"not runnable here: "), qPrintable(metric.message));
    }
    QVERIFY(plan.run.metrics.at(0).message.contains(u"Kubernetes Job"));
    QVERIFY(plan.run.metrics.at(2).message.contains(u"datadog"));
    QVERIFY(plan.run.metrics.at(3).runnable);
}

void TestAnalysisPlanner::substitute_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("tight") << u"{{args.ns}}"_s << u"web"_s << QString();
    QTest::newRow("spaces") << u"a{{  args.ns }}b{{ args.n2}}"_s << u"awebbtwo"_s << QString();
    QTest::newRow("no placeholder")
        << u"sum(x{a=\"{b}\"})"_s << u"sum(x{a=\"{b}\"})"_s << QString();
    QTest::newRow("unknown") << u"{{args.nope}}"_s << QString()
                             << u"failed to resolve {{args.nope}}"_s;
    QTest::newRow("not an argument")
        << u"{{ inputs.ns }}"_s << QString() << u"failed to resolve {{ inputs.ns }}"_s;
    QTest::newRow("unclosed") << u"{{args.ns"_s << u"{{args.ns"_s << QString();
}

void TestAnalysisPlanner::substitute()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QFETCH(QString, error);
    QString problem;
    const QString result =
        AnalysisPlanner::substitute(text, {{u"ns"_s, u"web"_s}, {u"n2"_s, u"two"_s}}, &problem);
    QCOMPARE(problem, error);
    if (error.isEmpty())
        QCOMPARE(result, expected);
}

void TestAnalysisPlanner::addressMapping_data()
{
    QTest::addColumn<QStringList>("entries");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("mapped");

    const QStringList entries{u"http://prometheus.monitoring:9090=http://127.0.0.1:9090"_s,
                              u"thanos.monitoring=https://thanos.example.com/"_s};
    QTest::newRow("URL prefix") << entries << u"http://prometheus.monitoring:9090"_s
                                << u"http://127.0.0.1:9090"_s << true;
    QTest::newRow("URL prefix, path kept")
        << entries << u"http://prometheus.monitoring:9090/select/0/prometheus"_s
        << u"http://127.0.0.1:9090/select/0/prometheus"_s << true;
    QTest::newRow("a longer host is not a prefix match")
        << (entries + QStringList{u"http://prom=http://127.0.0.1:1"_s})
        << u"http://prometheus:9090"_s << u"http://prometheus:9090"_s << false;
    QTest::newRow("host only") << entries << u"http://thanos.monitoring:10902/api"_s
                               << u"https://thanos.example.com/api"_s << true;
    QTest::newRow("unmapped") << entries << u"http://other:9090"_s << u"http://other:9090"_s
                              << false;
    QTest::newRow("later entries win")
        << (entries + QStringList{u"http://prometheus.monitoring:9090=http://127.0.0.1:19090"_s})
        << u"http://prometheus.monitoring:9090"_s << u"http://127.0.0.1:19090"_s << true;
}

void TestAnalysisPlanner::addressMapping()
{
    QFETCH(QStringList, entries);
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QFETCH(bool, mapped);
    PrometheusAddresses addresses;
    for (const QString &entry : entries)
        QVERIFY(addresses.add(entry));
    bool wasMapped = false;
    QCOMPARE(addresses.map(address, &wasMapped).toString(), expected);
    QCOMPARE(wasMapped, mapped);
}

void TestAnalysisPlanner::addressEntriesThatDoNotParse()
{
    PrometheusAddresses addresses;
    QString error;
    QVERIFY(!addresses.add(u"no-equals-sign"_s, &error));
    QVERIFY2(error.contains(u"write FROM=TO"), qPrintable(error));
    QVERIFY(!addresses.add(u"=http://127.0.0.1:9090"_s));
    QVERIFY(!addresses.add(u"p:9090=ftp://127.0.0.1"_s));
    QVERIFY(!addresses.add(u"p:9090=not a url"_s));
    QVERIFY(addresses.isEmpty());
}

QTEST_GUILESS_MAIN(TestAnalysisPlanner)

#include "tst_analysisplanner.moc"
