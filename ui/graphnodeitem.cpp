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
    return {210, 84};
}

namespace {

QFont titleFont()
{
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.05);
    return font;
}

QFont detailFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    return font;
}

} // namespace

QRectF GraphNodeItem::detailRect(int line)
{
    const QSizeF size = cardSize();
    const QRectF card(-size.width() / 2, -size.height() / 2, size.width(), size.height());
    const qreal top = card.top() + padding - 2 + QFontMetricsF(titleFont()).height() + 4;
    const qreal height = QFontMetricsF(detailFont()).height();
    return QRectF(card.left() + padding, top + line * height, size.width() - 2 * padding, height);
}

void GraphNodeItem::setEmphasis(Emphasis emphasis)
{
    if (emphasis == m_emphasis)
        return;
    m_emphasis = emphasis;
    setOpacity(emphasis == Emphasis::Dimmed ? 0.28 : 1.0);
    update();
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
    // Room for the selection outline and the drop ring.
    return QRectF(-size.width() / 2, -size.height() / 2, size.width(), size.height())
        .adjusted(-6, -6, 6, 6);
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

    if (m_emphasis == Emphasis::Match) {
        painter->setPen(QPen(QColor(0xff, 0xc1, 0x07), 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(card.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1, radius + 1);
    }

    qreal textLeft = card.left() + padding;
    if (hasBadge()) {
        const QRectF badge(textLeft, card.top() + padding, 16, 16);
        paintBadge(painter, badge);
        textLeft = badge.right() + 6;
    }

    const QFont title = titleFont();
    const QFontMetricsF titleMetrics(title);
    painter->setFont(title);
    painter->setPen(ink);
    const qreal titleRight = card.right() - padding - (m_indicator.isValid() ? 14 : 0);
    const QRectF titleRect(textLeft, card.top() + padding - 2, titleRight - textLeft,
                           titleMetrics.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      titleMetrics.elidedText(m_name, Qt::ElideRight, titleRect.width()));

    // Far out, detail text is a few pixels high: a reader sees the card and its title only,
    // and skipping the lines keeps zooming a large pipeline smooth.
    const qreal detail =
        QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
    if (detail < 0.45)
        return;

    const QFont font = detailFont();
    painter->setFont(font);
    QColor detailInk = ink;
    detailInk.setAlphaF(0.85);
    painter->setPen(detailInk);
    const QFontMetricsF metrics(font);
    for (int i = 0; i < m_details.size(); ++i) {
        QRectF lineRect = detailRect(i);
        if (lineRect.bottom() > card.bottom() - 3)
            break;
        lineRect.setRight(lineRect.right() - detailInset(i));
        painter->drawText(lineRect, Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(m_details.at(i), Qt::ElideRight, lineRect.width()));
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
