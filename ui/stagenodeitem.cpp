#include "ui/stagenodeitem.h"

namespace Stevedore {

StageNodeItem::StageNodeItem(const QString &name, const QColor &color, const QStringList &details)
    : GraphNodeItem(name, details)
    , m_color(color)
{}

} // namespace Stevedore
