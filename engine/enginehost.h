#pragma once

#include "engine/freightassembler.h"

#include <QObject>
#include <QThread>

namespace Stevedore {

class Engine;

/// Owns the engine's thread and the engine on it. The application creates one; destroying it
/// interrupts and joins the thread.
class EngineHost : public QObject
{
    Q_OBJECT

public:
    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override;

    /// For connecting to the engine's signals and invoking its slots with queued connections.
    /// Never call its methods directly from another thread.
    Engine *engine() const { return m_engine; }

    void openPipeline(const QString &path);
    void openDemoPipeline();
    void reload();
    void setDiscoveryEnabled(bool enabled);
    void refreshWarehouse(const QString &name);
    void refreshAll();
    void reloadSettings();
    void listCandidates(const QString &warehouse);
    void assembleFreight(const QString &warehouse, const QList<AssemblyPick> &picks);

private:
    QThread m_thread;
    Engine *m_engine = nullptr;
};

} // namespace Stevedore
