#pragma once

#include "ui/graphnodeitem.h"

namespace Stevedore {

/// A Stage in the pipeline graph, in the colour its `kargo.akuity.io/color` annotation names.
class StageNodeItem : public GraphNodeItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    StageNodeItem(const QString &name, const QColor &color, const QStringList &details);

    int type() const override { return Type; }
    QColor color() const { return m_color; }

protected:
    QColor fillColor() const override { return m_color; }

private:
    QColor m_color;
};

} // namespace Stevedore
