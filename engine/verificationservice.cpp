#include "engine/verificationservice.h"

#include "engine/analysisplanner.h"
#include "engine/analysisrunner.h"
#include "engine/store.h"

#include <QFutureWatcher>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Stevedore {

VerificationService::VerificationService(QObject *parent)
    : QObject(parent)
    , m_pool(std::make_unique<QThreadPool>())
{
    qRegisterMetaType<Stevedore::VerificationRun>();
    qRegisterMetaType<QList<Stevedore::VerificationRun>>();
    qRegisterMetaType<QList<Stevedore::PrometheusSeries>>();
    m_pool->setMaxThreadCount(4);
}

VerificationService::~VerificationService()
{
    shutdown();
    m_pool->waitForDone();
}

void VerificationService::setExtraAddresses(const QStringList &entries)
{
    m_extraAddresses = entries;
}

PrometheusAddresses VerificationService::addresses() const
{
    PrometheusAddresses addresses = PrometheusAddresses::fromUserSettings();
    for (const QString &entry : m_extraAddresses)
        addresses.add(entry);
    return addresses;
}

std::optional<VerificationRun> VerificationService::runInProgress(const QString &id) const
{
    for (const AnalysisRunner *runner : m_runners) {
        if (runner->run().id == id)
            return runner->run();
    }
    return std::nullopt;
}

void VerificationService::setPipeline(const Pipeline &pipeline, Store *store)
{
    if (store != m_store) {
        // Runs record into the store they started with: they cannot outlive it.
        shutdown();
        m_store = store;
        if (m_store)
            m_store->markInterruptedVerifications();
    }
    m_pipeline = pipeline;
}

void VerificationService::shutdown()
{
    // The store may be closed next: forget it, and stop everything that writes to it.
    m_store = nullptr;
    const QList<AnalysisRunner *> runners = m_runners.values();
    m_runners.clear();
    for (AnalysisRunner *runner : runners) {
        runner->abort();
        delete runner;
    }
}

void VerificationService::verifyStage(const QString &stage)
{
    if (m_runners.contains(stage))
        return;
    QStringList freight;
    if (m_store) {
        for (const StageFreight &current : m_store->currentFreight(stage))
            freight.append(current.freightId);
    }
    AnalysisRunner::Options options;
    options.planner.addresses = addresses();
    options.store = m_store;
    auto *runner = new AnalysisRunner(m_pipeline, stage, freight, options, this);
    m_runners.insert(stage, runner);
    connect(runner, &AnalysisRunner::runChanged, this, &VerificationService::runUpdated);
    connect(runner, &AnalysisRunner::finished, this, [this, runner, stage] {
        if (m_runners.value(stage) == runner)
            m_runners.remove(stage);
        runner->deleteLater();
        listRuns(stage);
    });
    runner->start();
}

void VerificationService::abortStage(const QString &stage)
{
    if (AnalysisRunner *runner = m_runners.value(stage))
        runner->abort();
}

void VerificationService::listRuns(const QString &stage)
{
    Q_EMIT runsListed(stage, m_store ? m_store->verificationRuns(stage) : QList<VerificationRun>());
}

void VerificationService::loadRun(const QString &id)
{
    // A run in progress is fresher in memory than in the store.
    if (const std::optional<VerificationRun> run = runInProgress(id)) {
        Q_EMIT runLoaded(*run);
        return;
    }
    if (!m_store)
        return;
    if (const std::optional<VerificationRun> run = m_store->verificationRun(id))
        Q_EMIT runLoaded(*run);
}

void VerificationService::checkStage(const QString &stage)
{
    AnalysisPlanner::Options options;
    options.addresses = addresses();
    // A probe never prompts for secrets: the addresses do not depend on them.
    options.useKeychain = false;
    const AnalysisPlan plan = AnalysisPlanner::plan(m_pipeline, stage, {}, options);
    QStringList urls;
    for (const MetricResult &metric : std::as_const(plan.run.metrics)) {
        if (metric.runnable && !metric.url.isEmpty() && !urls.contains(metric.url))
            urls.append(metric.url);
    }
    if (urls.isEmpty())
        return;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, stage] {
        watcher->deleteLater();
        Q_EMIT stageStatus(stage, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(m_pool.get(), [urls] {
        QStringList problems;
        for (const QString &url : urls) {
            PrometheusQuery probe;
            probe.url = QUrl(url);
            probe.query = u"vector(1)"_s;
            probe.timeout = std::chrono::seconds(3);
            probe.useKeychain = false;
            const PrometheusResult result = PrometheusClient::run(probe);
            // Any answer, even a refusal, means Prometheus is there.
            if (result.outcome == PrometheusResult::Outcome::Unreachable ||
                result.outcome == PrometheusResult::Outcome::Timeout)
                problems.append(VerificationService::tr("verification: %1").arg(result.error));
        }
        return problems.join(u'\n');
    }));
}

void VerificationService::queryRange(const QString &runId, int metricIndex, int seconds)
{
    std::optional<VerificationRun> run = runInProgress(runId);
    if (!run && m_store)
        run = m_store->verificationRun(runId);
    if (!run || metricIndex < 0 || metricIndex >= run->metrics.size()) {
        Q_EMIT rangeReady(runId, metricIndex, {}, tr("the run is not in the store"));
        return;
    }
    const MetricResult &metric = run->metrics.at(metricIndex);
    if (metric.query.contains(u"*****")) {
        Q_EMIT rangeReady(runId, metricIndex, {},
                          tr("the query uses a secret argument; run the verification again"));
        return;
    }
    PrometheusQuery query;
    query.url = addresses().map(metric.address);
    query.originalAddress = metric.address;
    query.query = metric.query;
    query.range = true;
    query.end = QDateTime::currentDateTimeUtc();
    query.start = query.end.addSecs(-seconds);
    // About 240 points across the chart.
    query.stepSeconds = std::max(1.0, double(seconds) / 240.0);
    auto *watcher = new QFutureWatcher<PrometheusResult>(this);
    connect(watcher, &QFutureWatcher<PrometheusResult>::finished, this,
            [this, watcher, runId, metricIndex] {
                watcher->deleteLater();
                const PrometheusResult result = watcher->result();
                Q_EMIT rangeReady(runId, metricIndex, result.series,
                                  result.ok() ? QString() : result.error);
            });
    watcher->setFuture(
        QtConcurrent::run(m_pool.get(), [query] { return PrometheusClient::run(query); }));
}

} // namespace Stevedore
