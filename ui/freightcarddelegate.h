#pragma once

#include <QStyledItemDelegate>

namespace Stevedore {

/// Paints a freight of the timeline as a card: alias and age, one line per artifact (changed
/// ones marked when asked), the stages that have it in their colours, and its verified and
/// approved badges. Colours come from the palette, so light and dark themes both read well.
class FreightCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    static constexpr int cardWidth = 210;

    explicit FreightCardDelegate(QObject *parent = nullptr);

    /// Marks the artifacts that changed from the previous freight of the lane.
    void setHighlightChanges(bool on) { m_highlightChanges = on; }
    bool highlightChanges() const { return m_highlightChanges; }
    /// Cards of a lane are the same height: room for this many artifact lines.
    void setArtifactLines(int lines) { m_artifactLines = std::max(1, lines); }
    int artifactLines() const { return m_artifactLines; }
    int cardHeight(const QFont &font) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    bool m_highlightChanges = false;
    int m_artifactLines = 1;
};

} // namespace Stevedore
