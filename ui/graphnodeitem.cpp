#include "ui/graphnodeitem.h"

#include "ui/edgeitem.h"
#include "ui/palettecolors.h"

#include <QApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

namespace Stevedore {

namespace {

constexpr qreal radius = 8;
constexpr qreal padding = 10;

} // namespace

GraphNodeItem::GraphNodeItem(QString name, QStringList details)
    : m_name(std::move(name))
    , m_details(std::move(details))
{
    setFlags(ItemIsSelectable | ItemIsFocusable | ItemIsMovable | ItemSendsGeometryChanges);
    setAcceptHoverEvents(true);
    setCacheMode(DeviceCoordinateCache);
    setToolTip(m_name);
}

QColor GraphNodeItem::inkOn(const QColor &fill)
{
    // Pure black: with it, either choice reaches 4.5:1 on any fill (with #1a1a1a some middle
    // tones would get only 4.2:1).
    const QColor dark(Qt::black);
    const QColor light(Qt::white);
    return PaletteColors::contrast(dark, fill) >= PaletteColors::contrast(light, fill) ? dark
                                                                                       : light;
}

QSizeF GraphNodeItem::cardSize()
{
    return {200, 68};
}

void GraphNodeItem::setDetails(const QStringList &details)
{
    if (details == m_details)
        return;
    m_details = details;
    update();
}

void GraphNodeItem::setIndicator(const QColor &color)
{
    if (color == m_indicator)
        return;
    m_indicator = color;
    update();
}

void GraphNodeItem::addEdge(EdgeItem *edge)
{
    m_edges.append(edge);
}

QRectF GraphNodeItem::boundingRect() const
{
    const QSizeF size = cardSize();
    // Room for the selection outline.
    return QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height())
        .adjusted(-3, -3, 3, 3);
}

QPointF GraphNodeItem::outPort() const
{
    return mapToScene(QPointF(cardSize().width() / 2, 0));
}

QPointF GraphNodeItem::inPort() const
{
    return mapToScene(QPointF(-cardSize().width() / 2, 0));
}

void GraphNodeItem::paintBadge(QPainter *, const QRectF &) const {}

void GraphNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QSizeF size = cardSize();
    const QRectF card(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    const QColor fill = fillColor();
    const QColor ink = inkOn(fill);
    painter->setRenderHint(QPainter::Antialiasing);

    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(card, radius, radius);

    if (option->state & QStyle::State_Selected) {
        QPen outline(QApplication::palette().color(QPalette::Highlight), 3);
        painter->setPen(outline);
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1, radius + 1);
    } else if (option->state & QStyle::State_MouseOver) {
        painter->setPen(QPen(accentColor().darker(130), 1.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card, radius, radius);
    }

    if (m_indicator.isValid()) {
        const QRectF dot(card.right() - padding - 9, card.top() + padding, 9, 9);
        painter->setPen(QPen(ink, 1.2));
        painter->setBrush(m_indicator);
        painter->drawEllipse(dot);
    }

    qreal textLeft = card.left() + padding;
    if (hasBadge()) {
        const QRectF badge(textLeft, card.top() + padding, 16, 16);
        paintBadge(painter, badge);
        textLeft = badge.right() + 6;
    }

    QFont titleFont = QApplication::font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    painter->setFont(titleFont);
    painter->setPen(ink);
    const qreal titleRight = card.right() - padding - (m_indicator.isValid() ? 14 : 0);
    const QRectF titleRect(textLeft, card.top() + padding - 2, titleRight - textLeft,
                           QFontMetricsF(titleFont).height());
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(titleFont).elidedText(m_name, Qt::ElideRight, titleRect.width()));

    QFont detailFont = QApplication::font();
    detailFont.setPointSizeF(detailFont.pointSizeF() * 0.85);
    painter->setFont(detailFont);
    QColor detailInk = ink;
    detailInk.setAlphaF(0.85);
    painter->setPen(detailInk);
    const QFontMetricsF metrics(detailFont);
    qreal y = titleRect.bottom() + 4;
    for (const QString &line : std::as_const(m_details)) {
        if (y + metrics.height() > card.bottom() - 4)
            break;
        const QRectF lineRect(card.left() + padding, y, size.width() - 2 * padding,
                              metrics.height());
        painter->drawText(lineRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(line, Qt::ElideRight, lineRect.width()));
        y += metrics.height();
    }
}

QVariant GraphNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace Stevedore
