#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QList>
#include <QString>

namespace Stevedore {

class EdgeItem;

/// A node of the pipeline graph: a rounded card with a title and a few lines of detail.
/// Subclasses choose the colours and the lines; the base class keeps connected edges following
/// the node when it moves.
class GraphNodeItem : public QGraphicsItem
{
    Q_DECLARE_TR_FUNCTIONS(GraphNodeItem)

public:
    GraphNodeItem(QString name, QStringList details);

    const QString &name() const { return m_name; }
    const QStringList &details() const { return m_details; }
    void setDetails(const QStringList &details);
    /// A small status dot in the top-right corner; an invalid colour hides it.
    void setIndicator(const QColor &color);
    QColor indicator() const { return m_indicator; }
    void addEdge(EdgeItem *edge);
    const QList<EdgeItem *> &edges() const { return m_edges; }

    /// How a filter over the graph shows the node.
    enum class Emphasis
    {
        Normal,
        Match,  ///< found by the filter: outlined
        Dimmed, ///< not found by it: faded
    };
    void setEmphasis(Emphasis emphasis);
    Emphasis emphasis() const { return m_emphasis; }

    /// The points where edges leave (right side) and arrive (left side), in scene coordinates.
    QPointF outPort() const;
    QPointF inPort() const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    static QSizeF cardSize();
    /// The card's colour (a stage's Kargo colour, the warehouse slate).
    virtual QColor fillColor() const = 0;
    /// The text colour on a card of colour @p fill: near-black or white, whichever has the
    /// higher contrast, so that labels read the same in light and dark palettes.
    static QColor inkOn(const QColor &fill);

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

    virtual QColor accentColor() const { return fillColor(); }
    /// A glyph left of the title (e.g. a warehouse's), for nodes that have one.
    virtual bool hasBadge() const { return false; }
    virtual void paintBadge(QPainter *painter, const QRectF &rect) const;
    /// Room kept free at the right end of detail line @p line (for a drawing there).
    virtual qreal detailInset(int line) const
    {
        Q_UNUSED(line);
        return 0;
    }
    /// The rectangle of detail line @p line, in item coordinates.
    static QRectF detailRect(int line);

private:
    QString m_name;
    QStringList m_details;
    QColor m_indicator;
    QList<EdgeItem *> m_edges;
    Emphasis m_emphasis = Emphasis::Normal;
};

} // namespace Stevedore
