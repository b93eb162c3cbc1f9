#include "ui/pipelinescene.h"

#include "engine/pipelinegraph.h"
#include "ui/edgeitem.h"
#include "ui/graphlayout.h"
#include "ui/stagenodeitem.h"
#include "ui/warehousenodeitem.h"

#include <QUrl>

#include <cmath>

namespace Stevedore {

namespace {

/// The last path component of a repository URL: what people call the repository.
QString shortRepository(const QString &url)
{
    QString path = url;
    while (path.endsWith(u'/'))
        path.chop(1);
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype colon = path.lastIndexOf(u':');
    return path.mid(std::max(slash, colon) + 1);
}

} // namespace

PipelineScene::PipelineScene(QObject *parent)
    : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, &PipelineScene::onSelectionChanged);
}

QStringList PipelineScene::stageDetails(const Stage &stage) const
{
    QStringList sources;
    for (const RequestedFreight &request : stage.requestedFreight) {
        if (request.direct)
            sources.append(request.origin.name);
        for (const QString &upstream : request.upstreamStages) {
            if (!sources.contains(upstream))
                sources.append(upstream);
        }
    }
    QStringList lines;
    lines.append(sources.isEmpty() ? tr("no freight requested")
                                   : tr("from %1").arg(sources.join(QStringLiteral(", "))));
    QString promotion;
    if (stage.isControlFlow()) {
        promotion = tr("control flow");
    } else if (stage.promotionTemplate.steps.size() == 1 &&
               stage.promotionTemplate.steps.first().isTask()) {
        promotion = tr("task %1").arg(stage.promotionTemplate.steps.first().taskName);
    } else {
        promotion = tr("%n step(s)", nullptr, int(stage.promotionTemplate.steps.size()));
    }
    if (!stage.verification.isEmpty())
        promotion += QStringLiteral(" \u00b7 ") +
                     tr("%n check(s)", nullptr, int(stage.verification.analysisTemplates.size()));
    lines.append(promotion);
    return lines;
}

QStringList PipelineScene::warehouseDetails(const Warehouse &warehouse) const
{
    QStringList lines;
    for (const Subscription &subscription : warehouse.subscriptions) {
        if (lines.size() == 2) {
            lines.last() = tr("%n more subscription(s)", nullptr,
                              int(warehouse.subscriptions.size()) - 1);
            break;
        }
        lines.append(subscription.kindName() + QStringLiteral(" \u00b7 ") +
                     shortRepository(subscription.repoURL()));
    }
    if (lines.isEmpty())
        lines.append(tr("no subscriptions"));
    return lines;
}

void PipelineScene::setPipeline(const Pipeline &pipeline)
{
    clearSelection();
    clear();
    m_nodes.clear();
    m_stages.clear();
    m_warehouses.clear();
    m_pipeline = pipeline;

    const PipelineGraph graph = PipelineGraph::build(pipeline);
    for (const PipelineGraph::Node &node : graph.nodes) {
        GraphNodeItem *item = nullptr;
        if (node.kind == PipelineGraph::Node::Kind::Warehouse) {
            const Warehouse *warehouse = pipeline.warehouse(node.name);
            item = new WarehouseNodeItem(node.name, warehouse ? warehouseDetails(*warehouse)
                                                              : QStringList());
            m_warehouses.insert(node.name, item);
        } else {
            const Stage *stage = pipeline.stage(node.name);
            auto *stageItem = new StageNodeItem(node.name, QColor(node.colorHex),
                                                stage ? stageDetails(*stage) : QStringList());
            m_stages.insert(node.name, stageItem);
            item = stageItem;
        }
        addItem(item);
        m_nodes.append(item);
    }

    GraphLayout::Input input;
    for (int i = 0; i < m_nodes.size(); ++i)
        input.nodeSizes.append(GraphNodeItem::cardSize());
    for (const PipelineGraph::Edge &edge : graph.edges)
        input.edges.append({edge.from, edge.to});
    QList<QPointF> centres = GraphLayout::compute(input);
    if (centres.size() != m_nodes.size()) {
        // Graphviz failed: fall back to a plain grid rather than drawing nothing.
        centres.clear();
        const int columns = std::max(1, int(std::ceil(std::sqrt(double(m_nodes.size())))));
        const QSizeF size = GraphNodeItem::cardSize();
        for (int i = 0; i < m_nodes.size(); ++i)
            centres.append(QPointF((i % columns) * (size.width() + 72),
                                   (i / columns) * (size.height() + 28)));
    }
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodes.at(i)->setPos(centres.at(i));
    for (const PipelineGraph::Edge &edge : graph.edges)
        addItem(new EdgeItem(m_nodes.at(edge.from), m_nodes.at(edge.to)));

    setSceneRect(itemsBoundingRect().adjusted(-60, -60, 60, 60));
}

StageNodeItem *PipelineScene::stageItem(const QString &name) const
{
    return m_stages.value(name);
}

GraphNodeItem *PipelineScene::warehouseItem(const QString &name) const
{
    return m_warehouses.value(name);
}

void PipelineScene::selectStage(const QString &name)
{
    if (StageNodeItem *item = stageItem(name)) {
        clearSelection();
        item->setSelected(true);
    }
}

void PipelineScene::onSelectionChanged()
{
    const QList<QGraphicsItem *> selected = selectedItems();
    if (selected.isEmpty()) {
        Q_EMIT selectionCleared();
        return;
    }
    QGraphicsItem *item = selected.first();
    if (item->type() == StageNodeItem::Type)
        Q_EMIT stageSelected(static_cast<StageNodeItem *>(item)->name());
    else if (item->type() == WarehouseNodeItem::Type)
        Q_EMIT warehouseSelected(static_cast<WarehouseNodeItem *>(item)->name());
}

} // namespace Stevedore
