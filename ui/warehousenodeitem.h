#pragma once

#include "ui/graphnodeitem.h"

namespace Stevedore {

/// A Warehouse in the pipeline graph: where freight comes from.
class WarehouseNodeItem : public GraphNodeItem
{
public:
    enum
    {
        Type = UserType + 2
    };

    WarehouseNodeItem(const QString &name, const QStringList &details);

    int type() const override { return Type; }

protected:
    QColor fillColor() const override;
    bool hasBadge() const override { return true; }
    void paintBadge(QPainter *painter, const QRectF &rect) const override;
};

} // namespace Stevedore
