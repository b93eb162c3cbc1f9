#include "ui/promotioncontroller.h"

#include "engine/promotionservice.h"
#include "ui/diffview.h"
#include "ui/freightcomparisonview.h"
#include "ui/freightpanel.h"
#include "ui/historypanel.h"
#include "ui/pipelinescene.h"
#include "ui/promotionreviewdialog.h"
#include "ui/promotiontext.h"

#include <QDockWidget>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QSaveFile>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// What the review shows, for automation and tests: the stage, the freight, the diff and
/// whether Promote can be pressed. Written off the GUI thread.
void writeReviewReport(const QString &path, const PromotionReviewDialog &dialog,
                       const PromotionPreview &preview)
{
    const auto rect = [](const QRect &r) {
        return QJsonObject{
            {u"x"_s, r.x()}, {u"y"_s, r.y()}, {u"width"_s, r.width()}, {u"height"_s, r.height()}};
    };
    QJsonArray steps;
    for (const StepResult &step : preview.result.steps)
        steps.append(QJsonObject{{u"alias"_s, step.alias}, {u"status"_s, toString(step.status)}});
    const QByteArray json =
        QJsonDocument(
            QJsonObject{{u"stage"_s, dialog.stage()},
                        {u"freight"_s, dialog.freightId()},
                        {u"diff"_s, dialog.diffView()->text()},
                        {u"files"_s, QJsonArray::fromStringList(dialog.diffView()->files())},
                        {u"identity"_s, preview.identity},
                        {u"promoteEnabled"_s, dialog.canPromote()},
                        {u"promoteButton"_s, rect(dialog.promoteButtonGeometry())},
                        {u"closeButton"_s, rect(dialog.closeButtonGeometry())},
                        {u"steps"_s, steps}})
            .toJson();
    (void)QtConcurrent::run([path, json] {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size())
            file.commit();
    });
}

} // namespace

PromotionController::PromotionController(QMainWindow *window, PipelineScene *scene)
    : QObject(window)
    , m_window(window)
    , m_scene(scene)
    , m_service(new PromotionService(this))
    , m_panel(new FreightPanel(window))
    , m_dock(new QDockWidget(tr("Freight"), window))
    , m_history(new HistoryPanel(window))
    , m_historyDock(new QDockWidget(tr("History"), window))
{
    m_dock->setObjectName(u"freightDock"_s);
    m_dock->setWidget(m_panel);
    // Below the graph, newest freight first from the left: the graph keeps its width.
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    const QList<QDockWidget *> docks = window->findChildren<QDockWidget *>();
    for (QDockWidget *other : docks) {
        if (other != m_dock && window->dockWidgetArea(other) == Qt::BottomDockWidgetArea) {
            window->tabifyDockWidget(other, m_dock);
            break;
        }
    }
    m_dock->raise();
    window->resizeDocks({m_dock}, {m_panel->sizeHint().height() + 24}, Qt::Vertical);

    // Beside the details of the selected stage.
    m_historyDock->setObjectName(u"historyDock"_s);
    m_historyDock->setWidget(m_history);
    window->addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    if (auto *details = window->findChild<QDockWidget *>(u"detailsDock"_s)) {
        window->tabifyDockWidget(details, m_historyDock);
        details->raise();
    }
    connect(m_scene, &PipelineScene::stageSelected, this, &PromotionController::showHistory);
    connect(m_service, &PromotionService::historyLoaded, m_history, &HistoryPanel::setPromotions);

    // Freight is dragged from the Freight dock, or from a stage's node on to a downstream stage.
    const auto dragStarted = [this](const QString &id) {
        m_dragging = id;
        m_service->checkAvailability(id);
    };
    const auto dragFinished = [this] {
        m_dragging.clear();
        m_scene->clearDropVerdicts();
    };
    connect(m_panel, &FreightPanel::dragStarted, this, dragStarted);
    connect(m_panel, &FreightPanel::dragFinished, this, dragFinished);
    connect(m_scene, &PipelineScene::freightDragStarted, this, dragStarted);
    connect(m_scene, &PipelineScene::freightDragFinished, this, dragFinished);
    connect(m_service, &PromotionService::availabilityChecked, this,
            [this](const QString &id, const QHash<QString, AvailabilityVerdict> &verdicts) {
                if (id == m_dragging)
                    m_scene->setDropVerdicts(verdicts);
            });
    connect(m_scene, &PipelineScene::freightDropped, this, &PromotionController::review);
    connect(m_panel, &FreightPanel::promoteRequested, this, &PromotionController::review);
    connect(m_panel, &FreightPanel::approveRequested, m_service, &PromotionService::approve);
    connect(m_service, &PromotionService::approved, this,
            [this](const QString &id, const QString &stage, const QString &error) {
                const std::optional<Freight> freight = m_panel->find(id);
                const QString name = freight ? freight->alias : id;
                if (error.isEmpty())
                    m_service->refreshStages();
                Q_EMIT message(error.isEmpty()
                                   ? tr("Approved %1 for %2").arg(name, stage)
                                   : tr("Could not approve %1 for %2: %3").arg(name, stage, error));
            });
    connect(m_service, &PromotionService::stagesChanged, this,
            [this](const QList<StageState> &states) {
                m_scene->setStageStates(states);
                m_panel->setStageStates(states);
            });
    connect(m_service, &PromotionService::freightMarksChanged, m_panel, &FreightPanel::setMarks);
    connect(m_service, &PromotionService::previewReady, this,
            [this](int ticket, const PromotionPreview &preview) {
                PromotionReviewDialog *open = m_dialog.data();
                if (!open || ticket != m_ticket)
                    return;
                open->setPreview(preview);
                if (!m_reviewReportPath.isEmpty())
                    writeReviewReport(m_reviewReportPath, *open, preview);
            });
    connect(m_service, &PromotionService::stepChanged, this, [this](const StepResult &step) {
        m_scene->setPromotionStep(m_promotingStage, step);
        if (PromotionReviewDialog *open = m_dialog.data())
            open->setStep(step);
    });
    connect(m_service, &PromotionService::promotionFinished, this,
            [this](const PromotionOutcome &outcome) {
                m_scene->finishPromotion(m_promotingStage);
                if (PromotionReviewDialog *open = m_dialog.data())
                    open->setFinished(outcome);
                if (outcome.start == PromotionOutcome::Start::Started)
                    Q_EMIT message(
                        tr("The promotion to %1 %2")
                            .arg(m_promotingStage, PromotionText::phase(outcome.record.phase)));
                const QString stage = m_promotingStage;
                m_promotingStage.clear();
                if (stage == m_history->stage())
                    m_service->loadHistory(stage);
                if (outcome.start == PromotionOutcome::Start::Started) {
                    const std::optional<Freight> freight = m_panel->find(outcome.record.freightId);
                    Q_EMIT promotionFinished(outcome.record, freight ? freight->alias : QString());
                }
                if (outcome.start == PromotionOutcome::Start::Started &&
                    outcome.record.phase == PromotionPhase::Succeeded)
                    Q_EMIT promotionSucceeded(stage);
            });
}

PromotionController::~PromotionController() = default;

void PromotionController::showHistory(const QString &stage)
{
    m_history->setStage(stage);
    QHash<QString, QString> aliases;
    for (const Freight &freight : m_panel->freight())
        aliases.insert(freight.id, freight.alias);
    m_history->setFreightAliases(aliases);
    if (!stage.isEmpty())
        m_service->loadHistory(stage);
}

PromotionReviewDialog *PromotionController::reviewDialog() const
{
    return m_dialog.data();
}

void PromotionController::setPipeline(const Pipeline &pipeline)
{
    m_service->setPipeline(pipeline);
    m_panel->setPipeline(pipeline);
    m_service->refreshStages();
}

void PromotionController::setFreight(const QList<Freight> &freight)
{
    m_panel->setFreight(freight);
}

void PromotionController::addFreight(const Freight &freight)
{
    m_panel->addFreight(freight);
}

void PromotionController::setNetworkUnavailable(const QString &reason)
{
    m_networkUnavailable = reason;
    // Reviews check out from the local cache; nothing is fetched.
    m_service->setOffline(!reason.isEmpty());
    if (PromotionReviewDialog *open = m_dialog.data())
        open->setNetworkUnavailable(reason);
}

void PromotionController::review(const QString &stage, const QString &freightId)
{
    const std::optional<Freight> freight = m_panel->find(freightId);
    if (!freight)
        return;
    if (PromotionReviewDialog *open = m_dialog.data()) {
        // One promotion at a time: a running one keeps its dialog.
        if (!m_promotingStage.isEmpty()) {
            open->raise();
            return;
        }
        open->close();
    }
    auto *dialog = new PromotionReviewDialog(stage, *freight, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setNetworkUnavailable(m_networkUnavailable);
    m_dialog = dialog;
    connect(dialog, &PromotionReviewDialog::promoteRequested, this,
            [this](const QString &toStage, const QString &id, bool skip) {
                m_promotingStage = toStage;
                m_service->promote(toStage, id, skip);
            });
    connect(dialog, &PromotionReviewDialog::cancelRequested, m_service, &PromotionService::cancel);
    m_service->preview(++m_ticket, stage, freightId);
    dialog->comparisonView()->compareWithStage(m_service->pipeline().rootPath, stage, freightId);
    dialog->show();
}

} // namespace Stevedore
