#include "ui/pipelineview.h"

#include "ui/graphnodeitem.h"
#include "ui/pipelinescene.h"
#include "ui/stagenodeitem.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
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

    m_filterBar = new QFrame(this);
    m_filterBar->setFrameShape(QFrame::StyledPanel);
    m_filterBar->setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(m_filterBar);
    layout->setContentsMargins(6, 4, 6, 4);
    m_filterEdit = new QLineEdit(m_filterBar);
    m_filterEdit->setPlaceholderText(tr("Find stage\u2026"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Find stage"));
    m_filterEdit->setMinimumWidth(200);
    m_filterEdit->installEventFilter(this);
    m_filterCount = new QLabel(m_filterBar);
    layout->addWidget(m_filterEdit);
    layout->addWidget(m_filterCount);
    m_filterBar->hide();
    connect(m_filterEdit, &QLineEdit::textChanged, this, &PipelineView::onFilterEdited);

    m_findAction = new QAction(tr("&Find Stage\u2026"), this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &PipelineView::showFilter);
    addAction(m_findAction);
}

bool PipelineView::isFilterShown() const
{
    return !m_filterBar->isHidden();
}

void PipelineView::showFilter()
{
    m_filterBar->show();
    placeFilterBar();
    m_filterBar->raise();
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void PipelineView::clearFilter()
{
    m_filterEdit->clear();
    m_filterBar->hide();
    m_scene->setFilter(QString());
    setFocus(Qt::OtherFocusReason);
}

void PipelineView::onFilterEdited(const QString &text)
{
    m_scene->setFilter(text);
    const qsizetype count = m_scene->filterMatches().size();
    m_filterCount->setText(text.trimmed().isEmpty() ? QString()
                                                    : tr("%n stage(s)", nullptr, int(count)));
}

void PipelineView::selectNextMatch()
{
    const QList<StageNodeItem *> matches = m_scene->filterMatches();
    if (matches.isEmpty())
        return;
    const GraphNodeItem *selected = m_scene->selectedNode();
    qsizetype next = 0;
    for (qsizetype i = 0; i < matches.size(); ++i) {
        if (matches.at(i) == selected) {
            next = (i + 1) % matches.size();
            break;
        }
    }
    StageNodeItem *item = matches.at(next);
    m_scene->selectNode(item);
    centerOn(item);
}

void PipelineView::placeFilterBar()
{
    m_filterBar->adjustSize();
    const int right = viewport()->geometry().right();
    m_filterBar->move(right - m_filterBar->width() - 12, viewport()->geometry().top() + 12);
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (isFilterShown())
        placeFilterBar();
}

bool PipelineView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filterEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            clearFilter();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            selectNextMatch();
            return true;
        }
        if (key->key() == Qt::Key_Down && !m_scene->filterMatches().isEmpty()) {
            // Down leaves the box for the graph, on the first match.
            selectNextMatch();
            setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QGraphicsView::eventFilter(watched, event);
}

void PipelineView::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    const bool plain = (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier;
    if (plain && !m_scene->isEmpty() &&
        (key == Qt::Key_Left || key == Qt::Key_Right || key == Qt::Key_Up || key == Qt::Key_Down)) {
        GraphNodeItem *selected = m_scene->selectedNode();
        GraphNodeItem *target = nullptr;
        if (!selected) {
            // Nothing selected yet: start where freight starts, the top-left node.
            const QList<GraphNodeItem *> nodes = m_scene->nodeItems();
            target = *std::min_element(
                nodes.begin(), nodes.end(), [](const GraphNodeItem *a, const GraphNodeItem *b) {
                    return std::pair(a->x(), a->y()) < std::pair(b->x(), b->y());
                });
        } else {
            target = m_scene->neighbour(selected, Qt::Key(key));
        }
        if (target) {
            m_scene->selectNode(target);
            ensureVisible(target, 40, 40);
        }
        event->accept();
        return;
    }
    if (plain && (key == Qt::Key_Return || key == Qt::Key_Enter)) {
        if (const GraphNodeItem *selected = m_scene->selectedNode()) {
            Q_EMIT nodeActivated(selected->name());
            event->accept();
            return;
        }
    }
    if (plain && key == Qt::Key_Escape && isFilterShown()) {
        clearFilter();
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::paintEvent(QPaintEvent *event)
{
    QGraphicsView::paintEvent(event);
    Q_EMIT painted();
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
