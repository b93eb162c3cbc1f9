#include "ui/warehousenodeitem.h"

#include <QPainter>
#include <QPainterPath>

namespace Stevedore {

WarehouseNodeItem::WarehouseNodeItem(const QString &name, const QStringList &details)
    : GraphNodeItem(name, details)
{}

QColor WarehouseNodeItem::fillColor() const
{
    return QColor(0x3b, 0x4a, 0x5c);
}

void WarehouseNodeItem::paintBadge(QPainter *painter, const QRectF &rect) const
{
    // A small warehouse: a roof over a box with a door.
    painter->save();
    painter->setPen(QPen(Qt::white, 1.4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    QPainterPath path;
    path.moveTo(rect.left() + 1, rect.top() + rect.height() * 0.45);
    path.lineTo(rect.center().x(), rect.top() + 1);
    path.lineTo(rect.right() - 1, rect.top() + rect.height() * 0.45);
    path.lineTo(rect.right() - 1, rect.bottom() - 1);
    path.lineTo(rect.left() + 1, rect.bottom() - 1);
    path.closeSubpath();
    painter->drawPath(path);
    const QRectF door(rect.center().x() - rect.width() * 0.17, rect.bottom() - rect.height() * 0.4,
                      rect.width() * 0.34, rect.height() * 0.4 - 1);
    painter->drawRect(door);
    painter->restore();
}

} // namespace Stevedore
