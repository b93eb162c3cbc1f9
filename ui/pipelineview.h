#pragma once

#include <QGraphicsView>

class QAction;
class QFrame;
class QLabel;
class QLineEdit;

namespace Stevedore {

class PipelineScene;

/// Shows a PipelineScene and owns how it is looked at: zoom with the wheel (clamped), pan by
/// dragging the background, fit-to-view, the arrow keys moving the selection from node to
/// node, and a filter box (Ctrl+F) that finds stages by name.
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

    /// Ctrl+F: shows the filter box and puts the cursor in it.
    QAction *findAction() const { return m_findAction; }
    QLineEdit *filterBox() const { return m_filterEdit; }
    bool isFilterShown() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToView();
    void showFilter();
    /// Empties and hides the filter box; every node shows normally again.
    void clearFilter();
    /// Selects and centres the filter's next match (after the selected one), wrapping around.
    void selectNextMatch();

Q_SIGNALS:
    void zoomChanged(qreal zoom);
    /// Enter on a selected node: its details are wanted.
    void nodeActivated(const QString &name);
    /// The viewport was painted (after the paint, for measuring).
    void painted();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void zoomBy(qreal factor);
    void placeFilterBar();
    void onFilterEdited(const QString &text);

    PipelineScene *m_scene;
    QAction *m_findAction;
    QFrame *m_filterBar;
    QLineEdit *m_filterEdit;
    QLabel *m_filterCount;
};

} // namespace Stevedore
