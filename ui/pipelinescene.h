#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"
#include "engine/promotionservice.h"
#include "engine/warehousestatus.h"

#include <QGraphicsScene>
#include <QHash>

namespace Stevedore {

class GraphNodeItem;
class StageNodeItem;

/// The pipeline as a graph scene: a node per warehouse and stage, laid out left to right by
/// Graphviz, and an edge per path freight can take. Owns its items; the view owns zoom.
class PipelineScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit PipelineScene(QObject *parent = nullptr);
    ~PipelineScene() override;

    void setPipeline(const Pipeline &pipeline);
    const Pipeline &pipeline() const { return m_pipeline; }

    QList<GraphNodeItem *> nodeItems() const { return m_nodes; }
    StageNodeItem *stageItem(const QString &name) const;
    GraphNodeItem *warehouseItem(const QString &name) const;
    bool isEmpty() const { return m_nodes.isEmpty(); }

    void selectStage(const QString &name);
    /// Selects @p item alone (nothing for null).
    void selectNode(GraphNodeItem *item);
    /// The one selected node, or null.
    GraphNodeItem *selectedNode() const;
    /// The node nearest to @p from in @p direction (Qt::Key_Left, _Right, _Up or _Down), for
    /// moving the selection with the arrow keys; null when there is none that way.
    GraphNodeItem *neighbour(const GraphNodeItem *from, Qt::Key direction) const;

    /// Finds stages whose name contains @p text (case-insensitive): they are outlined, every
    /// other node and the edges are dimmed. An empty @p text shows everything normally.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    /// The stages the filter found, in reading order (left to right, then top to bottom).
    QList<StageNodeItem *> filterMatches() const { return m_matches; }

    /// Shows a warehouse's discovery state on its node.
    void setWarehouseStatus(const WarehouseStatus &status);
    /// The freight known for the pipeline, newest first (for the warehouse nodes' summaries).
    void setFreight(const QList<Freight> &freight);
    /// One new freight, the newest of its warehouse.
    void addFreight(const Freight &freight);
    static QColor statusColor(WarehouseStatus::State state);

    /// What each stage has and its last promotion, shown on the stage nodes.
    void setStageStates(const QList<StageState> &states);
    /// A promotion's step just changed: shown on its stage's node until it ends.
    void setPromotionStep(const QString &stage, const StepResult &step);
    /// The promotion of @p stage ended (setStageStates() shows how).
    void finishPromotion(const QString &stage);
    /// A verification run started, progressed or ended: its phase and first metric's
    /// measurements show on its stage's node.
    void setVerificationRun(const VerificationRun &run);
    /// While freight is dragged: which stages may take it (and why not).
    void setDropVerdicts(const QHash<QString, AvailabilityVerdict> &verdicts);
    void clearDropVerdicts();
    /// Called by a stage node when freight is dropped on it.
    void dropFreight(const QString &stage, const QString &freightId);
    /// Called by a stage node when its freight is dragged off it (towards another stage).
    void dragFreight(const QString &freightId, QWidget *source);

Q_SIGNALS:
    void freightDropped(const QString &stage, const QString &freightId);
    /// A stage's freight is being dragged; freightDragFinished() when it is dropped or not.
    void freightDragStarted(const QString &freightId);
    void freightDragFinished();
    void stageSelected(const QString &name);
    void warehouseSelected(const QString &name);
    void selectionCleared();

private:
    void onSelectionChanged();
    QStringList stageDetails(const Stage &stage) const;
    QStringList warehouseDetails(const Warehouse &warehouse) const;
    void updateWarehouse(const QString &name);
    void updateStage(const QString &name);
    void refreshSoakTimes();

    Pipeline m_pipeline;
    QList<GraphNodeItem *> m_nodes;
    QHash<QString, StageNodeItem *> m_stages;
    QHash<QString, GraphNodeItem *> m_warehouses;
    QHash<QString, WarehouseStatus> m_statuses;
    QHash<QString, StageState> m_stageStates;
    QHash<QString, StepResult> m_runningSteps; ///< stage -> the step of its running promotion
    struct FreightSummary
    {
        int count = 0;
        QString newestAlias;
    };
    QHash<QString, FreightSummary> m_freightSummaries; ///< by warehouse
    QDateTime m_now;                                   ///< what soak times are measured to
    QString m_filter;
    QList<StageNodeItem *> m_matches;
};

} // namespace Stevedore
