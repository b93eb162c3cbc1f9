#pragma once

#include "engine/pipeline.h"
#include "engine/prometheusclient.h"
#include "engine/verification.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace Stevedore {

class MetricChart;
class VerificationService;

/// The selected stage's verification: its latest run (or one picked from its history, read
/// from the store, so offline too) as one chart per metric, live while a run is going, and the
/// actions to verify the stage again or abort a run. It talks to the engine's
/// VerificationService only through queued calls and its signals.
class VerificationPanel : public QWidget
{
    Q_OBJECT

public:
    explicit VerificationPanel(QWidget *parent = nullptr);

    /// The engine's service (lives on the engine's thread).
    void setService(VerificationService *service);

    void showStage(const Pipeline &pipeline, const QString &stage);
    void showNothing();
    /// Draws @p run (what the service hands in; public for tests and screenshots).
    void showRun(const VerificationRun &run);
    /// Verifies @p stage now (with its current freight), shown or not: for example once a
    /// promotion to it succeeded. Does nothing while the stage's last run is still going.
    void verifyStage(const QString &stage);

    QString shownStage() const { return m_stage; }
    QString shownRunId() const { return m_run.id; }
    const QList<MetricChart *> &charts() const { return m_charts; }
    /// The line under the title: the run's phase and message, or why nothing is shown.
    QString statusText() const;
    /// `verification: Prometheus unreachable at …` when the last check found it so.
    QString reachabilityText() const;

    /// Verify the shown stage; enabled for a stage with verification and no run going.
    QAction *verifyAction() const { return m_verifyAction; }
    QAction *abortAction() const { return m_abortAction; }
    /// Verifying queries Prometheus: while @p reason is set, Verify is disabled and says why.
    void setNetworkUnavailable(const QString &reason);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onRunsListed(const QString &stage, const QList<VerificationRun> &runs);
    void onRunUpdated(const VerificationRun &run);
    void onRunLoaded(const VerificationRun &run);
    void onStageStatus(const QString &stage, const QString &message);
    void onRangeReady(const QString &runId, int metricIndex, const QList<PrometheusSeries> &series,
                      const QString &error);
    void historyChosen(int index);
    void addHistoryEntry(const VerificationRun &run, bool first);
    void checkReachability();
    void updateActions();
    void clearCharts();

    QPointer<VerificationService> m_service;
    QString m_stage;
    bool m_hasVerification = false;
    bool m_checked = false;
    VerificationRun m_run;
    QSet<QString> m_running; ///< stages with a run going
    QLabel *m_title;
    QLabel *m_status;
    QLabel *m_reachability;
    QComboBox *m_history;
    QToolButton *m_verifyButton;
    QToolButton *m_abortButton;
    QAction *m_verifyAction;
    QAction *m_abortAction;
    QString m_networkUnavailable;
    QVBoxLayout *m_chartsLayout;
    QList<MetricChart *> m_charts;
    QList<QLabel *> m_notes;
};

} // namespace Stevedore
