#pragma once

#include <QGraphicsView>

namespace Stevedore {

class PipelineScene;

/// Shows a PipelineScene and owns how it is looked at: zoom with the wheel (clamped), pan by
/// dragging the background, and fit-to-view.
class PipelineView : public QGraphicsView
{
    Q_OBJECT

public:
    static constexpr qreal minimumZoom = 0.2;
    static constexpr qreal maximumZoom = 4.0;
    /// Fit-to-view goes no smaller than this.
    static constexpr qreal minimumReadableZoom = 0.7;

    explicit PipelineView(PipelineScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    void setZoom(qreal zoom);

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();

Q_SIGNALS:
    void zoomChanged(qreal zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void zoomBy(qreal factor);

    PipelineScene *m_scene;
};

} // namespace Stevedore
