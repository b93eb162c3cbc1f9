#include "ui/pipelineview.h"

#include "ui/pipelinescene.h"

#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace Stevedore {

PipelineView::PipelineView(PipelineScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(ScrollHandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Pipeline graph"));
}

qreal PipelineView::zoom() const
{
    return transform().m11();
}

void PipelineView::setZoom(qreal value)
{
    const qreal clamped = std::clamp(value, minimumZoom, maximumZoom);
    if (qFuzzyCompare(clamped, zoom()))
        return;
    setTransform(QTransform::fromScale(clamped, clamped));
    Q_EMIT zoomChanged(clamped);
}

void PipelineView::zoomBy(qreal factor)
{
    setZoom(zoom() * factor);
}

void PipelineView::zoomIn()
{
    zoomBy(1.25);
}

void PipelineView::zoomOut()
{
    zoomBy(1 / 1.25);
}

void PipelineView::resetZoom()
{
    setZoom(1.0);
}

void PipelineView::fitToView()
{
    if (m_scene->isEmpty())
        return;
    const QRectF bounds = m_scene->itemsBoundingRect().adjusted(-24, -24, 24, 24);
    const QSizeF available = viewport()->size();
    const qreal scale =
        std::min(available.width() / bounds.width(), available.height() / bounds.height());
    // Never blow a small pipeline up past its natural size, nor shrink a long one until its
    // text is unreadable: then it starts at its sources and scrolls.
    const qreal fitted = std::clamp(scale, minimumReadableZoom, 1.0);
    setZoom(fitted);
    if (fitted > scale)
        centerOn(QPointF(bounds.left() + viewport()->width() / fitted / 2, bounds.center().y()));
    else
        centerOn(bounds.center());
}

void PipelineView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(1.0015, delta));
    event->accept();
}

void PipelineView::drawBackground(QPainter *painter, const QRectF &rect)
{
    const QColor base = palette().color(QPalette::Base);
    painter->fillRect(rect, base);
    // A faint dot grid, so panning is visible even over empty space.
    QColor dot = palette().color(QPalette::Text);
    dot.setAlphaF(0.12);
    const qreal step = 24;
    const qreal left = std::floor(rect.left() / step) * step;
    const qreal top = std::floor(rect.top() / step) * step;
    if (rect.width() / step * rect.height() / step > 40000)
        return;
    painter->setPen(QPen(dot, 1.5 / std::max(zoom(), 0.5)));
    for (qreal x = left; x < rect.right(); x += step) {
        for (qreal y = top; y < rect.bottom(); y += step)
            painter->drawPoint(QPointF(x, y));
    }
}

void PipelineView::drawForeground(QPainter *painter, const QRectF &)
{
    if (!m_scene->isEmpty())
        return;
    painter->save();
    painter->resetTransform();
    QColor ink = palette().color(QPalette::Text);
    ink.setAlphaF(0.55);
    painter->setPen(ink);
    painter->drawText(viewport()->rect(), Qt::AlignCenter | Qt::TextWordWrap,
                      tr("No stages to show.\nOpen a folder of Kargo manifests with File \u2192 "
                         "Open."));
    painter->restore();
}

} // namespace Stevedore
