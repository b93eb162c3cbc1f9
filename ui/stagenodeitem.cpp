#include "ui/stagenodeitem.h"

#include "ui/freightmime.h"
#include "ui/pipelinescene.h"

#include <QGraphicsSceneDragDropEvent>
#include <QMimeData>
#include <QPainter>

namespace Stevedore {

StageNodeItem::StageNodeItem(const QString &name, const QColor &color, const QStringList &details)
    : GraphNodeItem(name, details)
    , m_color(color)
{
    setAcceptDrops(true);
}

void StageNodeItem::setDropState(DropState state, const QString &reason)
{
    if (state == m_dropState && reason == m_dropReason)
        return;
    m_dropState = state;
    m_dropReason = reason;
    setToolTip(reason.isEmpty() ? name() : name() + u'\n' + reason);
    update();
}

void StageNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                          QWidget *widget)
{
    GraphNodeItem::paint(painter, option, widget);
    if (m_dropState == DropState::None)
        return;
    const QSizeF size = cardSize();
    const QRectF card(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    painter->setRenderHint(QPainter::Antialiasing);
    if (m_dropState == DropState::Refused) {
        // Faded, with the reason on hover.
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(128, 128, 128, 150));
        painter->drawRoundedRect(card, 8, 8);
        return;
    }
    QPen pen(QColor(0x2e, 0xa0, 0x43), m_dragOver ? 4 : 2.5,
             m_dragOver ? Qt::SolidLine : Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(card.adjusted(-3, -3, 3, 3), 10, 10);
}

void StageNodeItem::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (!event->mimeData()->hasFormat(QString::fromLatin1(FreightMime::type))) {
        event->ignore();
        return;
    }
    const bool allowed = m_dropState == DropState::Allowed;
    event->setAccepted(allowed);
    m_dragOver = allowed;
    update();
}

void StageNodeItem::dragLeaveEvent(QGraphicsSceneDragDropEvent *event)
{
    m_dragOver = false;
    update();
    GraphNodeItem::dragLeaveEvent(event);
}

void StageNodeItem::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    m_dragOver = false;
    update();
    if (m_dropState != DropState::Allowed)
        return;
    if (auto *pipelineScene = qobject_cast<PipelineScene *>(scene()))
        pipelineScene->dropFreight(name(), FreightMime::freightId(event->mimeData()));
    event->acceptProposedAction();
}

} // namespace Stevedore
