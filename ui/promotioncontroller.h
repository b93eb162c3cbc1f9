#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"
#include "engine/promotion.h"

#include <QObject>
#include <QPointer>

class QDockWidget;
class QMainWindow;

namespace Stevedore {

class FreightPanel;
class HistoryPanel;
class PipelineScene;
class PromotionReviewDialog;
class PromotionService;

/// Promotion in the main window: the Freight dock, dragging freight onto stages (which light
/// up when they may take it and say why when they may not), the review dialog a drop opens,
/// the promotion's live progress on the stage's node, and approvals.
class PromotionController : public QObject
{
    Q_OBJECT

public:
    PromotionController(QMainWindow *window, PipelineScene *scene);
    ~PromotionController() override;

    QDockWidget *freightDock() const { return m_dock; }
    FreightPanel *freightPanel() const { return m_panel; }
    QDockWidget *historyDock() const { return m_historyDock; }
    HistoryPanel *historyPanel() const { return m_history; }
    PromotionService *service() const { return m_service; }
    /// The review dialog open now, if any (for tests).
    PromotionReviewDialog *reviewDialog() const;

    void setPipeline(const Pipeline &pipeline);
    void setFreight(const QList<Freight> &freight);
    void addFreight(const Freight &freight);
    /// While @p reason is set there is no network: reviews work from the local cache and
    /// promotions that push are held back, saying why.
    void setNetworkUnavailable(const QString &reason);
    /// For automation: each review's dry run is also written as JSON to @p path.
    void setReviewReportPath(const QString &path) { m_reviewReportPath = path; }

public Q_SLOTS:
    /// Opens the review of promoting @p freightId to @p stage: a dry run fills it.
    void review(const QString &stage, const QString &freightId);
    /// Shows @p stage's promotions in the History panel (loaded from the store).
    void showHistory(const QString &stage);

Q_SIGNALS:
    void message(const QString &text);
    /// A promotion succeeded: the stage has new freight (and may now verify it).
    void promotionSucceeded(const QString &stage);
    /// A promotion that started has ended (succeeded, failed, errored or aborted).
    void promotionFinished(const Stevedore::PromotionRecord &record, const QString &freightAlias);

private:
    QMainWindow *m_window;
    PipelineScene *m_scene;
    PromotionService *m_service;
    FreightPanel *m_panel;
    QDockWidget *m_dock;
    HistoryPanel *m_history;
    QDockWidget *m_historyDock;
    QPointer<PromotionReviewDialog> m_dialog;
    QString m_dragging; ///< the freight being dragged
    QString m_promotingStage;
    int m_ticket = 0;
    QString m_reviewReportPath;
    QString m_networkUnavailable;
};

} // namespace Stevedore
