#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"
#include "engine/promotionservice.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QTimer;
class QToolButton;
class QVBoxLayout;

namespace Stevedore {

class FreightCardDelegate;
class FreightLaneModel;

/// The freight timeline: a lane per warehouse, newest freight on the left, each a card with
/// its alias, age, artifacts, the stages that have it and its verified/approved badges. A
/// toggle marks what changed from the previous freight; a filter finds freight by alias,
/// version or commit. Lanes load their cards a page at a time as they are scrolled.
///
/// Freight is dragged from here onto a stage to promote it, or promoted and approved from its
/// context menu.
class FreightPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FreightPanel(QWidget *parent = nullptr);
    ~FreightPanel() override;

    /// One lane per warehouse of @p pipeline, and its stages' colours.
    void setPipeline(const Pipeline &pipeline);
    void setFreight(const QList<Freight> &freight);
    void addFreight(const Freight &freight);
    void setStageStates(const QList<StageState> &states);
    void setMarks(const FreightMarks &marks);
    void setHighlightChanges(bool on);
    void setFilter(const QString &text);

    std::optional<Freight> find(const QString &id) const;
    /// Every freight, newest first.
    QList<Freight> freight() const;
    QStringList warehouses() const;
    FreightLaneModel *laneModel(const QString &warehouse) const;
    QListView *laneView(const QString &warehouse) const;
    /// The freight selected in the lanes, newest first.
    QStringList selectedFreight() const;
    /// Where the first lane shows its cards (for automation).
    QWidget *firstLaneView() const;
    /// Room for the filter bar and one lane of cards.
    QSize sizeHint() const override;

Q_SIGNALS:
    void dragStarted(const QString &freightId);
    void dragFinished();
    void promoteRequested(const QString &stage, const QString &freightId);
    void approveRequested(const QString &stage, const QString &freightId);
    /// Compare the older freight @p from with @p to (same warehouse).
    void compareRequested(const QString &from, const QString &to);

private:
    struct Lane;
    Lane *lane(const QString &warehouse);
    void clearLanes();
    void updateCount();
    int laneHeight() const;
    /// Cards get room for @p lines artifacts, in every lane.
    void setArtifactLines(int lines);
    void showMenu(QListView *view, const QPoint &position);

    QLineEdit *m_filter;
    QToolButton *m_highlight;
    QLabel *m_count;
    QVBoxLayout *m_lanesLayout;
    FreightCardDelegate *m_delegate;
    QTimer *m_countTimer;
    std::vector<std::unique_ptr<Lane>> m_lanes;
    QHash<QString, Freight> m_byId;
    QStringList m_stages;
    QHash<QString, QColor> m_stageColors;
    QHash<QString, QStringList> m_stagesHaving;
    FreightMarks m_marks;
};

} // namespace Stevedore
