#include "ui/verificationpanel.h"

#include "engine/verificationservice.h"
#include "ui/metricchart.h"
#include "ui/palettecolors.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

QString phaseText(AnalysisPhase phase)
{
    switch (phase) {
    case AnalysisPhase::Pending:
        return VerificationPanel::tr("Pending");
    case AnalysisPhase::Running:
        return VerificationPanel::tr("Running");
    case AnalysisPhase::Successful:
        return VerificationPanel::tr("Successful");
    case AnalysisPhase::Failed:
        return VerificationPanel::tr("Failed");
    case AnalysisPhase::Error:
        return VerificationPanel::tr("Error");
    case AnalysisPhase::Inconclusive:
        return VerificationPanel::tr("Inconclusive");
    case AnalysisPhase::Aborted:
        return VerificationPanel::tr("Aborted");
    }
    return {};
}

/// Calls @p slot on the service's own thread.
template<typename Function>
void post(VerificationService *service, Function slot)
{
    if (service)
        QMetaObject::invokeMethod(service, std::move(slot), Qt::QueuedConnection);
}

} // namespace

VerificationPanel::VerificationPanel(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_reachability(new QLabel(this))
    , m_history(new QComboBox(this))
    , m_verifyButton(new QToolButton(this))
    , m_abortButton(new QToolButton(this))
    , m_verifyAction(new QAction(tr("&Verify Stage"), this))
    , m_abortAction(new QAction(tr("A&bort Verification"), this))
    , m_chartsLayout(new QVBoxLayout)
{
    m_verifyAction->setToolTip(tr("Run the selected stage's analysis templates against "
                                  "Prometheus now"));
    m_abortAction->setToolTip(tr("Stop the selected stage's verification; it ends Aborted"));
    connect(m_verifyAction, &QAction::triggered, this, [this] {
        if (!m_stage.isEmpty() && m_hasVerification)
            verifyStage(m_stage);
    });
    connect(m_abortAction, &QAction::triggered, this, [this] {
        post(m_service,
             [service = m_service.data(), stage = m_stage] { service->abortStage(stage); });
    });
    m_verifyButton->setDefaultAction(m_verifyAction);
    m_abortButton->setDefaultAction(m_abortAction);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reachability->setWordWrap(true);
    {
        QPalette palette = m_reachability->palette();
        palette.setColor(QPalette::WindowText,
                         PaletteColors::text(PaletteColors::Role::Error, palette,
                                             palette.color(QPalette::Window)));
        m_reachability->setPalette(palette);
    }
    m_reachability->hide();
    m_history->setToolTip(tr("Past verifications of this stage, newest first"));
    m_history->setAccessibleName(tr("Verification history"));
    connect(m_history, &QComboBox::activated, this, &VerificationPanel::historyChosen);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_verifyButton);
    header->addWidget(m_abortButton);

    auto *charts = new QWidget;
    charts->setLayout(m_chartsLayout);
    m_chartsLayout->setContentsMargins(0, 0, 0, 0);
    m_chartsLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(charts);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(header);
    layout->addWidget(m_history);
    layout->addWidget(m_status);
    layout->addWidget(m_reachability);
    layout->addWidget(scroll, 1);
    showNothing();
}

void VerificationPanel::verifyStage(const QString &stage)
{
    if (m_running.contains(stage))
        return;
    m_running.insert(stage);
    updateActions();
    post(m_service, [service = m_service.data(), stage] { service->verifyStage(stage); });
}

void VerificationPanel::setService(VerificationService *service)
{
    m_service = service;
    if (!service)
        return;
    connect(service, &VerificationService::runUpdated, this, &VerificationPanel::onRunUpdated);
    connect(service, &VerificationService::runsListed, this, &VerificationPanel::onRunsListed);
    connect(service, &VerificationService::runLoaded, this, &VerificationPanel::onRunLoaded);
    connect(service, &VerificationService::stageStatus, this, &VerificationPanel::onStageStatus);
    connect(service, &VerificationService::rangeReady, this, &VerificationPanel::onRangeReady);
}

void VerificationPanel::showNothing()
{
    m_stage.clear();
    m_hasVerification = false;
    m_run = {};
    m_history->clear();
    m_history->hide();
    clearCharts();
    m_title->setText(tr("Verification"));
    m_status->setText(tr("Select a stage to see how it was verified."));
    m_reachability->hide();
    updateActions();
}

void VerificationPanel::showStage(const Pipeline &pipeline, const QString &stage)
{
    const Stage *found = pipeline.stage(stage);
    if (!found) {
        showNothing();
        return;
    }
    const bool same = stage == m_stage;
    m_stage = stage;
    m_hasVerification = !found->verification.isEmpty();
    m_title->setText(tr("Verification of %1").arg(stage));
    if (!same) {
        m_run = {};
        m_history->clear();
        clearCharts();
        m_reachability->hide();
        m_checked = false;
    }
    if (!m_hasVerification) {
        m_history->hide();
        m_status->setText(tr("This stage has no verification: its freight counts as verified "
                             "once a promotion to it succeeds."));
        updateActions();
        return;
    }
    QStringList templates;
    for (const AnalysisTemplateReference &ref : found->verification.analysisTemplates)
        templates.append(ref.name);
    if (m_run.id.isEmpty())
        m_status->setText(tr("Analysis templates: %1. Not verified yet.")
                              .arg(templates.join(QStringLiteral(", "))));
    post(m_service, [service = m_service.data(), stage] { service->listRuns(stage); });
    if (isVisible())
        checkReachability();
    updateActions();
}

void VerificationPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Asked only once the panel is seen: the check reaches out to Prometheus.
    checkReachability();
}

void VerificationPanel::checkReachability()
{
    if (m_checked || m_stage.isEmpty() || !m_hasVerification)
        return;
    m_checked = true;
    post(m_service, [service = m_service.data(), stage = m_stage] { service->checkStage(stage); });
}

void VerificationPanel::onStageStatus(const QString &stage, const QString &message)
{
    if (stage != m_stage)
        return;
    m_reachability->setText(message);
    m_reachability->setVisible(!message.isEmpty());
}

QString VerificationPanel::reachabilityText() const
{
    return m_reachability->isHidden() ? QString() : m_reachability->text();
}

QString VerificationPanel::statusText() const
{
    return m_status->text();
}

void VerificationPanel::addHistoryEntry(const VerificationRun &run, bool first)
{
    const QString text =
        tr("%1 \u2014 %2")
            .arg(QLocale().toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                 phaseText(run.phase));
    const int existing = m_history->findData(run.id);
    if (existing >= 0) {
        m_history->setItemText(existing, text);
        return;
    }
    if (first)
        m_history->insertItem(0, text, run.id);
    else
        m_history->addItem(text, run.id);
}

void VerificationPanel::onRunsListed(const QString &stage, const QList<VerificationRun> &runs)
{
    if (stage != m_stage)
        return;
    const QString current = m_run.id;
    m_history->clear();
    for (const VerificationRun &run : runs)
        addHistoryEntry(run, false);
    m_history->setVisible(!runs.isEmpty());
    if (runs.isEmpty())
        return;
    int index = m_history->findData(current);
    if (index < 0)
        index = 0;
    m_history->setCurrentIndex(index);
    if (runs.at(index).id != m_run.id || m_charts.isEmpty())
        historyChosen(index);
}

void VerificationPanel::historyChosen(int index)
{
    const QString id = m_history->itemData(index).toString();
    if (id.isEmpty())
        return;
    post(m_service, [service = m_service.data(), id] { service->loadRun(id); });
}

void VerificationPanel::onRunLoaded(const VerificationRun &run)
{
    if (run.stage == m_stage && m_history->currentData().toString() == run.id)
        showRun(run);
}

void VerificationPanel::onRunUpdated(const VerificationRun &run)
{
    if (isCompleted(run.phase))
        m_running.remove(run.stage);
    else
        m_running.insert(run.stage);
    if (run.stage == m_stage) {
        // A new run of the shown stage is followed as it goes.
        const bool isNew = m_history->findData(run.id) < 0;
        addHistoryEntry(run, true);
        m_history->show();
        if (isNew || m_run.id == run.id) {
            m_history->setCurrentIndex(m_history->findData(run.id));
            showRun(run);
        }
    }
    updateActions();
}

void VerificationPanel::clearCharts()
{
    qDeleteAll(m_charts);
    m_charts.clear();
    qDeleteAll(m_notes);
    m_notes.clear();
}

void VerificationPanel::showRun(const VerificationRun &run)
{
    const bool sameRun = run.id == m_run.id && run.metrics.size() == m_run.metrics.size();
    m_run = run;
    if (!run.stage.isEmpty())
        m_title->setText(tr("Verification of %1").arg(run.stage));
    QString status = phaseText(run.phase);
    const QLocale locale;
    if (run.startedAt.isValid())
        status +=
            QStringLiteral(" \u00b7 ") +
            (run.finishedAt.isValid()
                 ? tr("%1 to %2")
                       .arg(locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat),
                            locale.toString(run.finishedAt.toLocalTime().time(),
                                            QLocale::LongFormat))
                 : tr("since %1")
                       .arg(locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat)));
    if (!run.message.isEmpty())
        status += u'\n' + run.message;
    if (run.freightIds.isEmpty())
        status += u'\n' + tr("Run without freight.");
    else
        status += u'\n' + tr("Freight %1").arg(run.freightIds.join(QStringLiteral(", ")));
    m_status->setText(status);
    if (!sameRun)
        clearCharts();
    int chart = 0;
    for (qsizetype i = 0; i < run.metrics.size(); ++i) {
        const MetricResult &metric = run.metrics.at(i);
        if (!metric.runnable) {
            if (!sameRun) {
                auto *note = new QLabel(QStringLiteral("%1 (%2): %3")
                                            .arg(metric.name, metric.provider, metric.message));
                note->setWordWrap(true);
                note->setForegroundRole(QPalette::PlaceholderText);
                m_chartsLayout->insertWidget(m_chartsLayout->count() - 1, note);
                m_notes.append(note);
            }
            continue;
        }
        if (!sameRun) {
            auto *widget = new MetricChart;
            const int index = int(i);
            connect(widget, &MetricChart::rangeRequested, this, [this, index] {
                post(m_service, [service = m_service.data(), id = m_run.id, index] {
                    service->queryRange(id, index, 3600);
                });
            });
            m_chartsLayout->insertWidget(m_chartsLayout->count() - 1, widget);
            m_charts.append(widget);
        }
        m_charts.at(chart++)->setMetric(metric);
    }
    updateActions();
}

void VerificationPanel::onRangeReady(const QString &runId, int metricIndex,
                                     const QList<PrometheusSeries> &series, const QString &error)
{
    if (runId != m_run.id)
        return;
    for (MetricChart *chart : std::as_const(m_charts)) {
        if (chart->metric().name == m_run.metrics.value(metricIndex).name)
            chart->setRange(series, error);
    }
}

void VerificationPanel::setNetworkUnavailable(const QString &reason)
{
    m_networkUnavailable = reason;
    updateActions();
}

void VerificationPanel::updateActions()
{
    const bool running = m_running.contains(m_stage);
    m_verifyAction->setEnabled(!m_service.isNull() && m_hasVerification && !running &&
                               m_networkUnavailable.isEmpty());
    m_abortAction->setEnabled(!m_service.isNull() && m_hasVerification && running);
    QString why;
    if (!m_hasVerification && !m_stage.isEmpty())
        why = tr("This stage has no verification");
    else if (!m_networkUnavailable.isEmpty())
        why = tr("%1: verifying queries Prometheus over the network").arg(m_networkUnavailable);
    m_verifyAction->setStatusTip(why);
    m_verifyAction->setToolTip(why.isEmpty() ? m_verifyAction->text().remove(u'&') : why);
}

} // namespace Stevedore
