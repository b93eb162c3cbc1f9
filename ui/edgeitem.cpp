#include "ui/edgeitem.h"

#include "ui/graphnodeitem.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPathStroker>
#include <QPalette>

#include <cmath>

namespace Stevedore {

namespace {
constexpr qreal arrowSize = 9;
}

EdgeItem::EdgeItem(GraphNodeItem *source, GraphNodeItem *target)
    : m_source(source)
    , m_target(target)
{
    setZValue(-1);
    setAcceptedMouseButtons(Qt::NoButton);
    source->addEdge(this);
    target->addEdge(this);
    adjust();
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    const QPointF from = m_source->outPort();
    const QPointF to = m_target->inPort() - QPointF(arrowSize, 0);
    // A horizontal S-curve, as layered pipeline drawings usually have.
    const qreal bend = std::max(40.0, std::abs(to.x() - from.x()) / 2);
    m_path = QPainterPath(from);
    m_path.cubicTo(from + QPointF(bend, 0), to - QPointF(bend, 0), to);
    const QPointF tip = m_target->inPort();
    m_arrow = QPolygonF(
        {tip, tip - QPointF(arrowSize, arrowSize / 2), tip - QPointF(arrowSize, -arrowSize / 2)});
}

QRectF EdgeItem::boundingRect() const
{
    return m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-2, -2, 2, 2);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    return stroker.createStroke(m_path);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QColor color = QApplication::palette().color(QPalette::WindowText);
    color.setAlphaF(0.55);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, 1.6));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(m_arrow);
}

} // namespace Stevedore
