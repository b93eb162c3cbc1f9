#pragma once

#include "engine/pipeline.h"
#include "engine/prometheusclient.h"
#include "engine/verification.h"

#include <QHash>
#include <QObject>

#include <memory>

class QThreadPool;

namespace Stevedore {

class AnalysisRunner;
class Store;

/// Verification for the GUI: runs stages' verifications, lists and loads past runs from the
/// store, checks whether a stage's Prometheus answers, and fetches the last hour of a metric's
/// query for its chart. It lives on the engine's thread (a child of the Engine); the UI calls
/// its slots with queued calls and gets value types back through its signals.
class VerificationService : public QObject
{
    Q_OBJECT

public:
    explicit VerificationService(QObject *parent = nullptr);
    ~VerificationService() override;

    /// The pipeline just opened, and its store (may be null). Runs of another store are
    /// aborted; runs left Running by a process that is gone are marked Aborted.
    void setPipeline(const Pipeline &pipeline, Store *store);
    /// Aborts every run and forgets the store; called before the store is closed and before
    /// the engine's thread stops.
    void shutdown();

    /// Mapped addresses from the settings, plus @p extra `FROM=TO` entries (tests).
    void setExtraAddresses(const QStringList &entries);

public Q_SLOTS:
    /// Verifies the stage's current freight (or, without freight, runs the analysis alone).
    void verifyStage(const QString &stage);
    void abortStage(const QString &stage);
    /// Emits runsListed() with the stage's runs, newest first, without measurements.
    void listRuns(const QString &stage);
    /// Emits runLoaded() with the run and all its measurements.
    void loadRun(const QString &id);
    /// Asks each Prometheus the stage's verification uses whether it answers; emits
    /// stageStatus().
    void checkStage(const QString &stage);
    /// Fetches the last @p seconds of metric @p metricIndex's query of run @p runId as a range
    /// query; emits rangeReady().
    void queryRange(const QString &runId, int metricIndex, int seconds);

Q_SIGNALS:
    /// A run in progress changed (also its start and its end).
    void runUpdated(const Stevedore::VerificationRun &run);
    void runsListed(const QString &stage, const QList<Stevedore::VerificationRun> &runs);
    void runLoaded(const Stevedore::VerificationRun &run);
    /// Empty @p message: every Prometheus of the stage answered. Otherwise
    /// `verification: Prometheus unreachable at …`.
    void stageStatus(const QString &stage, const QString &message);
    void rangeReady(const QString &runId, int metricIndex,
                    const QList<Stevedore::PrometheusSeries> &series, const QString &error);

private:
    PrometheusAddresses addresses() const;
    std::optional<VerificationRun> runInProgress(const QString &id) const;

    Pipeline m_pipeline;
    Store *m_store = nullptr;
    QStringList m_extraAddresses;
    /// Runs in progress by stage; each is removed (and deleted) when it finishes.
    QHash<QString, AnalysisRunner *> m_runners;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace Stevedore
