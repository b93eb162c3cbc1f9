#pragma once

#include <QGraphicsItem>
#include <QPainterPath>

namespace Stevedore {

class GraphNodeItem;

/// An arrow from one node of the pipeline graph to another: the path freight can take.
class EdgeItem : public QGraphicsItem
{
public:
    enum
    {
        Type = UserType + 3
    };

    EdgeItem(GraphNodeItem *source, GraphNodeItem *target);

    int type() const override { return Type; }
    GraphNodeItem *source() const { return m_source; }
    GraphNodeItem *target() const { return m_target; }

    /// Follows the nodes after one of them moved.
    void adjust();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphNodeItem *m_source;
    GraphNodeItem *m_target;
    QPainterPath m_path;
    QPolygonF m_arrow;
};

} // namespace Stevedore
