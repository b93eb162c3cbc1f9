#pragma once

#include "ui/graphnodeitem.h"

namespace Stevedore {

/// A Stage in the pipeline graph, in the colour its `kargo.akuity.io/color` annotation names.
/// Freight dragged over it is accepted when the scene says the stage may take it.
class StageNodeItem : public GraphNodeItem
{
public:
    enum
    {
        Type = UserType + 1
    };

    /// How the node looks while freight is being dragged.
    enum class DropState
    {
        None,    ///< no drag in progress
        Allowed, ///< the stage may take the dragged freight
        Refused, ///< it may not; the tooltip says why
    };

    /// What the stage's last promotion and verification say about it, shown as a stripe
    /// along the card's left edge.
    enum class Health
    {
        Unknown,     ///< nothing verified yet, or inconclusive
        Progressing, ///< a promotion or verification is running
        Healthy,     ///< what it has was verified
        Unhealthy,   ///< the last promotion or verification failed
    };

    StageNodeItem(const QString &name, const QColor &color, const QStringList &details);

    int type() const override { return Type; }
    QColor color() const { return m_color; }

    void setDropState(DropState state, const QString &reason);
    DropState dropState() const { return m_dropState; }

    void setHealth(Health health);
    Health health() const { return m_health; }
    static QColor healthColor(Health health);
    /// The last verification's first metric, one value per measurement, drawn small on the
    /// verification line; empty hides it.
    void setSparkline(const QList<double> &values);
    const QList<double> &sparkline() const { return m_sparkline; }

    /// The freight the stage has (its first origin's), which can be dragged from the card's
    /// first line onto another stage; empty when it has none.
    void setCurrentFreight(const QString &freightId);
    QString currentFreight() const { return m_currentFreight; }
    /// Where that line is, in item coordinates: pressing there drags the freight instead of
    /// moving the card.
    static QRectF freightLineRect();

    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QColor fillColor() const override { return m_color; }
    qreal detailInset(int line) const override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragLeaveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    QColor m_color;
    DropState m_dropState = DropState::None;
    QString m_dropReason;
    bool m_dragOver = false;
    QString m_currentFreight;
    bool m_freightPressed = false; ///< pressed on the freight line: a drag may start
    Health m_health = Health::Unknown;
    QList<double> m_sparkline;
};

} // namespace Stevedore
