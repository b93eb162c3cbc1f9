#include "ui/stagenodeitem.h"

#include "ui/freightmime.h"
#include "ui/pipelinescene.h"

#include <QApplication>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneHoverEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace Stevedore {

StageNodeItem::StageNodeItem(const QString &name, const QColor &color, const QStringList &details)
    : GraphNodeItem(name, details)
    , m_color(color)
{
    setAcceptDrops(true);
    setAcceptHoverEvents(true);
}

void StageNodeItem::setCurrentFreight(const QString &freightId)
{
    m_currentFreight = freightId;
    if (freightId.isEmpty())
        unsetCursor();
}

QRectF StageNodeItem::freightLineRect()
{
    return detailRect(0);
}

void StageNodeItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    m_freightPressed = event->button() == Qt::LeftButton && !m_currentFreight.isEmpty() &&
                       freightLineRect().contains(event->pos());
    GraphNodeItem::mousePressEvent(event);
}

void StageNodeItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_freightPressed) {
        GraphNodeItem::mouseMoveEvent(event);
        return;
    }
    // The card stays where it is: what moves is its freight, towards another stage.
    const QPoint moved = event->screenPos() - event->buttonDownScreenPos(Qt::LeftButton);
    if (moved.manhattanLength() < QApplication::startDragDistance())
        return;
    m_freightPressed = false;
    if (auto *pipelineScene = qobject_cast<PipelineScene *>(scene()))
        pipelineScene->dragFreight(m_currentFreight, event->widget());
}

void StageNodeItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    m_freightPressed = false;
    GraphNodeItem::mouseReleaseEvent(event);
}

void StageNodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent *event)
{
    if (!m_currentFreight.isEmpty() && freightLineRect().contains(event->pos()))
        setCursor(Qt::OpenHandCursor);
    else
        unsetCursor();
    GraphNodeItem::hoverMoveEvent(event);
}

void StageNodeItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    unsetCursor();
    GraphNodeItem::hoverLeaveEvent(event);
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

void StageNodeItem::setHealth(Health health)
{
    if (health == m_health)
        return;
    m_health = health;
    update();
}

QColor StageNodeItem::healthColor(Health health)
{
    switch (health) {
    case Health::Healthy:
        return QColor(0x3d, 0xd6, 0x8c);
    case Health::Unhealthy:
        return QColor(0xe5, 0x48, 0x4d);
    case Health::Progressing:
        return QColor(0x5a, 0xb4, 0xff);
    case Health::Unknown:
        break;
    }
    return QColor(0x9a, 0xa0, 0xa6);
}

void StageNodeItem::setSparkline(const QList<double> &values)
{
    if (values == m_sparkline)
        return;
    m_sparkline = values;
    update();
}

namespace {
constexpr qreal sparklineWidth = 46;
/// The detail line the verification is on (the second: the first is the freight).
constexpr int sparklineLine = 1;
} // namespace

qreal StageNodeItem::detailInset(int line) const
{
    return line == sparklineLine && m_sparkline.size() > 1 ? sparklineWidth + 4 : 0;
}

void StageNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
                          QWidget *widget)
{
    GraphNodeItem::paint(painter, option, widget);
    const QSizeF size = cardSize();
    const QRectF card(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    painter->setRenderHint(QPainter::Antialiasing);

    // The health stripe, inside the card's left edge.
    QPainterPath stripe;
    stripe.addRoundedRect(card, 8, 8);
    QPainterPath edge;
    edge.addRect(QRectF(card.left(), card.top(), 5, card.height()));
    painter->setPen(Qt::NoPen);
    painter->setBrush(healthColor(m_health));
    painter->drawPath(stripe.intersected(edge));

    if (m_sparkline.size() > 1 &&
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform()) >= 0.45) {
        const QRectF line = detailRect(sparklineLine);
        const QRectF box(line.right() - sparklineWidth, line.top() + 1, sparklineWidth,
                         line.height() - 2);
        const auto [low, high] = std::minmax_element(m_sparkline.begin(), m_sparkline.end());
        const double span = *high - *low > 1e-12 ? *high - *low : 1.0;
        QPolygonF points;
        for (qsizetype i = 0; i < m_sparkline.size(); ++i) {
            const double value = std::isfinite(m_sparkline.at(i)) ? m_sparkline.at(i) : *low;
            points.append(QPointF(box.left() + box.width() * qreal(i) / (m_sparkline.size() - 1),
                                  box.bottom() - box.height() * (value - *low) / span));
        }
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(QColor(0, 0, 0, 60), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPolyline(points);
        painter->setPen(QPen(Qt::white, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->drawPolyline(points);
    }

    if (m_dropState == DropState::None)
        return;
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
