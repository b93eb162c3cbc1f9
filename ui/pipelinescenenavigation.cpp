// The scene's selection, keyboard navigation and filter (pipelinescene.cpp draws the graph).

#include "ui/edgeitem.h"
#include "ui/pipelinescene.h"
#include "ui/stagenodeitem.h"
#include "ui/warehousenodeitem.h"

#include <algorithm>
#include <cmath>

namespace Stevedore {

void PipelineScene::selectNode(GraphNodeItem *item)
{
    if (!item)
        return;
    clearSelection();
    item->setSelected(true);
    item->setFocus();
}

GraphNodeItem *PipelineScene::selectedNode() const
{
    const QList<QGraphicsItem *> selected = selectedItems();
    for (QGraphicsItem *item : selected) {
        if (item->type() == StageNodeItem::Type || item->type() == WarehouseNodeItem::Type)
            return static_cast<GraphNodeItem *>(item);
    }
    return nullptr;
}

GraphNodeItem *PipelineScene::neighbour(const GraphNodeItem *from, Qt::Key direction) const
{
    if (!from)
        return nullptr;
    // Along the direction the candidate must be ahead; across it, nearer is better. Those
    // within 60 degrees of the direction win over the rest, so Down goes to the card below
    // in the same rank rather than to a lower one two ranks away.
    GraphNodeItem *best = nullptr;
    bool bestInCone = false;
    qreal bestScore = 0;
    const QPointF origin = from->pos();
    for (GraphNodeItem *item : m_nodes) {
        if (item == from)
            continue;
        const QPointF d = item->pos() - origin;
        qreal along = 0;
        qreal across = 0;
        switch (direction) {
        case Qt::Key_Right:
            along = d.x();
            across = std::abs(d.y());
            break;
        case Qt::Key_Left:
            along = -d.x();
            across = std::abs(d.y());
            break;
        case Qt::Key_Down:
            along = d.y();
            across = std::abs(d.x());
            break;
        case Qt::Key_Up:
            along = -d.y();
            across = std::abs(d.x());
            break;
        default:
            return nullptr;
        }
        if (along < 1)
            continue;
        const bool inCone = across <= along * 1.7;
        const qreal score = along + 2 * across;
        if (!best || (inCone && !bestInCone) || (inCone == bestInCone && score < bestScore)) {
            best = item;
            bestInCone = inCone;
            bestScore = score;
        }
    }
    return best;
}

void PipelineScene::setFilter(const QString &text)
{
    m_filter = text.trimmed();
    m_matches.clear();
    const bool filtering = !m_filter.isEmpty();
    for (GraphNodeItem *item : std::as_const(m_nodes)) {
        const bool isStage = item->type() == StageNodeItem::Type;
        const bool match =
            filtering && isStage && item->name().contains(m_filter, Qt::CaseInsensitive);
        if (match)
            m_matches.append(static_cast<StageNodeItem *>(item));
        item->setEmphasis(!filtering ? GraphNodeItem::Emphasis::Normal
                          : match    ? GraphNodeItem::Emphasis::Match
                                     : GraphNodeItem::Emphasis::Dimmed);
    }
    const QList<QGraphicsItem *> all = items();
    for (QGraphicsItem *item : all) {
        if (item->type() == EdgeItem::Type)
            item->setOpacity(filtering ? 0.2 : 1.0);
    }
    std::sort(m_matches.begin(), m_matches.end(),
              [](const StageNodeItem *a, const StageNodeItem *b) {
                  return std::pair(a->x(), a->y()) < std::pair(b->x(), b->y());
              });
}

} // namespace Stevedore
