#pragma once

#include "engine/freight.h"
#include "engine/freightassembler.h"
#include "engine/pipeline.h"
#include "engine/warehousestatus.h"

#include <QObject>

#include <memory>

namespace Stevedore {

class DiscoveryScheduler;
class Store;
class VerificationService;

/// The engine: everything that touches the disk, git or the network for one open pipeline.
/// It lives on its own thread (see EngineHost); requests come in as queued calls and results
/// leave as signals carrying value types, so no caller ever holds engine state.
class Engine : public QObject
{
    Q_OBJECT

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    /// Verification runs, past and present; lives on the engine's thread like the engine
    /// (call its slots with queued calls).
    VerificationService *verification() const { return m_verification; }

public Q_SLOTS:
    /// Loads the manifests at @p path, opens its local store, reports what is stored, and
    /// starts discovery (unless it is disabled).
    void openPipeline(const QString &path);
    /// Creates the demo pipeline on first use, then opens it.
    void openDemoPipeline();
    /// Reads the manifests of the open pipeline again.
    void reload();
    /// Whether warehouses are polled (on by default; off: work from the store only).
    void setDiscoveryEnabled(bool enabled);
    void refreshWarehouse(const QString &name);
    void refreshAll();
    /// Reads Stevedore's settings again (discovery limits, timeout, minimum interval, registry
    /// mirrors) and forgets credentials and tokens read earlier, so that a change made in the
    /// settings dialog applies without restarting. Prometheus address maps are read at the
    /// start of every verification run anyway.
    void reloadSettings();
    /// What each subscription of @p warehouse has stored: answered by candidatesListed().
    void listCandidates(const QString &warehouse);
    /// Assembles freight by hand from stored candidates: answered by freightAssembled(), and
    /// by freightAdded() when the freight is new.
    void assembleFreight(const QString &warehouse, const QList<Stevedore::AssemblyPick> &picks);
    /// Cancels discovery in flight; called on the engine's thread before it stops.
    void shutdown();

Q_SIGNALS:
    void pipelineOpened(const Stevedore::Pipeline &pipeline);
    void pipelineFailed(const QString &path, const QString &message);
    /// The pipeline is loaded, but its local store could not be opened or written.
    void storeUnavailable(const QString &message);
    /// Everything stored for the pipeline just opened, newest first.
    void freightListed(const QList<Stevedore::Freight> &freight);
    void freightAdded(const Stevedore::Freight &freight);
    void warehouseStatusChanged(const Stevedore::WarehouseStatus &status);
    void pollsInFlightChanged(int count);
    /// No remote has answered since @p since: every warehouse's last poll failed. False
    /// again as soon as one succeeds.
    void offlineChanged(bool offline, const QDateTime &since);
    void candidatesListed(const QString &warehouse,
                          const QList<Stevedore::SubscriptionCandidates> &candidates);
    void freightAssembled(const QString &warehouse, const Stevedore::AssemblyResult &result);

private:
    QString m_path;
    Pipeline m_pipeline;
    bool m_discoveryEnabled = true;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<DiscoveryScheduler> m_scheduler;
    VerificationService *m_verification;
};

} // namespace Stevedore
