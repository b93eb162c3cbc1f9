#pragma once

#include "engine/analysisplanner.h"
#include "engine/pipeline.h"
#include "engine/verification.h"

#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>

class QThreadPool;
class QTimer;

namespace Stevedore {

class Store;

/// Runs one verification of a stage the way Argo Rollouts runs an AnalysisRun: every runnable
/// metric in parallel, each after its `initialDelay`, every `interval` until its `count` (an
/// interval without a count runs until the run is stopped), retrying errors after
/// errorRetryIntervalMs; each measurement judged by its conditions; each metric by
/// failureLimit, inconclusiveLimit, consecutiveErrorLimit, consecutiveSuccessLimit and count;
/// the run by its worst metric. A metric that ends Failed, Error or Inconclusive stops the
/// others. Metrics Stevedore cannot run here do not count; a run without any runnable metric
/// ends Inconclusive.
///
/// Threading: the runner, its timers and the store it records into live on the thread that
/// created it (the engine's, or stevedorectl's main thread). Arguments are resolved (the
/// keychain may block) and Prometheus is queried on a pool of its own; results come back to
/// this thread as finished futures. Signals carry copies of the whole run (cheap: its lists
/// are shared until written).
class AnalysisRunner : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        AnalysisPlanner::Options planner;
        /// Argo Rollouts waits 10 s before measuring again after an error.
        qint64 errorRetryIntervalMs = 10'000;
        /// Where the run, its metrics and every measurement are recorded, and freight marked
        /// verified on success; may be null. Must belong to this thread.
        Store *store = nullptr;
    };

    AnalysisRunner(const Pipeline &pipeline, const QString &stage, const QStringList &freightIds,
                   Options options, QObject *parent = nullptr);
    ~AnalysisRunner() override;

    /// Starts the run; the first runChanged() follows at once.
    void start();
    /// Stops the run: it ends Aborted and nothing is marked verified.
    void abort();

    const VerificationRun &run() const { return m_run; }
    bool isFinished() const { return m_finished; }

Q_SIGNALS:
    /// The run changed: started, planned, measured, decided.
    void runChanged(const Stevedore::VerificationRun &run);
    /// A measurement of metric @p metricIndex was taken (the metric's last one).
    void measured(const Stevedore::VerificationRun &run, int metricIndex);
    void finished(const Stevedore::VerificationRun &run);

private:
    void planned(const AnalysisPlan &plan);
    void schedule(int index, qint64 delayMs);
    void measure(int index);
    void record(int index, const Measurement &measurement);
    AnalysisPhase assess(int index, bool terminating, QString *reason) const;
    void decide();
    void finish(AnalysisPhase phase, const QString &message);
    void save();

    Pipeline m_pipeline;
    Options m_options;
    VerificationRun m_run;
    QList<PlannedMetric> m_metrics;
    QList<QTimer *> m_timers;
    QList<bool> m_inFlight;
    QStringList m_secrets;
    std::unique_ptr<QThreadPool> m_pool;
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    bool m_started = false;
    bool m_terminating = false; ///< decided; waiting for measurements in flight
    bool m_finished = false;
};

} // namespace Stevedore
