#pragma once

#include "engine/freightassembler.h"
#include "engine/pipeline.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace Stevedore {

class EngineHost;

/// Assembles freight by hand for a warehouse (one with `freightCreationPolicy: Manual`): one
/// list per subscription of what discovery stored, newest first, from which the user picks one
/// each. The engine lists the candidates and assembles the freight on its own thread; new
/// freight reaches the rest of the window through the engine's freightAdded signal.
class AssembleFreightDialog : public QDialog
{
    Q_OBJECT

public:
    AssembleFreightDialog(EngineHost *engine, const Warehouse &warehouse,
                          QWidget *parent = nullptr);

    /// The list of candidates for each subscription, in the warehouse's order.
    QList<QTreeWidget *> lists() const { return m_lists; }
    QPushButton *assembleButton() const { return m_assemble; }
    QString status() const;
    /// What the selection picks, one per subscription that has a selected candidate.
    QList<AssemblyPick> picks() const;

Q_SIGNALS:
    /// The engine answered an assembly (created, already stored, or refused).
    void assembled(const Stevedore::AssemblyResult &result);

private:
    void showCandidates(const QList<SubscriptionCandidates> &candidates);
    void showResult(const AssemblyResult &result);
    void updateButton();

    EngineHost *m_engine;
    Warehouse m_warehouse;
    QList<SubscriptionCandidates> m_candidates;
    QList<QTreeWidget *> m_lists;
    QVBoxLayout *m_listLayout;
    QLabel *m_status;
    QPushButton *m_assemble;
    bool m_busy = true;
};

} // namespace Stevedore
