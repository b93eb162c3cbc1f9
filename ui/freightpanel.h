#pragma once

#include "engine/freight.h"
#include "engine/promotionservice.h"

#include <QWidget>

class QListWidget;
class QListWidgetItem;

namespace Stevedore {

/// The stored freight, newest first: alias, origin, when it was found, its artifacts and the
/// stages that have it. Freight is dragged from here onto a stage to promote it, or promoted
/// and approved from its context menu.
class FreightPanel : public QWidget
{
    Q_OBJECT

public:
    explicit FreightPanel(QWidget *parent = nullptr);

    void setStages(const QStringList &stages);
    void setFreight(const QList<Freight> &freight);
    void addFreight(const Freight &freight);
    void setStageStates(const QList<StageState> &states);
    QList<Freight> freight() const { return m_freight; }
    std::optional<Freight> find(const QString &id) const;
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void dragStarted(const QString &freightId);
    void dragFinished();
    void promoteRequested(const QString &stage, const QString &freightId);
    void approveRequested(const QString &stage, const QString &freightId);
    /// Compare the older freight @p from with @p to (same warehouse).
    void compareRequested(const QString &from, const QString &to);

private:
    void rebuild();
    void showMenu(const QPoint &position);

    QListWidget *m_list;
    QList<Freight> m_freight;
    QStringList m_stages;
    QHash<QString, QStringList> m_stagesHaving; ///< freight id -> stages that have it
};

} // namespace Stevedore
