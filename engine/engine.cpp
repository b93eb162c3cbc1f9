#include "engine/engine.h"

#include "engine/demopipeline.h"
#include "engine/discoveryscheduler.h"
#include "engine/manifestloader.h"
#include "engine/ociclient.h"
#include "engine/prometheusclient.h"
#include "engine/statepaths.h"
#include "engine/store.h"
#include "engine/verificationservice.h"

#include <QFileInfo>

namespace Stevedore {

Engine::Engine(QObject *parent)
    : QObject(parent)
    , m_verification(new VerificationService(this))
{
    qRegisterMetaType<Stevedore::Pipeline>();
    qRegisterMetaType<Stevedore::Freight>();
    qRegisterMetaType<QList<Stevedore::Freight>>();
    qRegisterMetaType<Stevedore::WarehouseStatus>();
    qRegisterMetaType<Stevedore::AssemblyResult>();
    qRegisterMetaType<QList<Stevedore::SubscriptionCandidates>>();
    qRegisterMetaType<QList<Stevedore::AssemblyPick>>();
}

Engine::~Engine() = default;

void Engine::openPipeline(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        Q_EMIT pipelineFailed(path, tr("%1 does not exist").arg(path));
        return;
    }
    const Pipeline pipeline = ManifestLoader::load(path);
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (!m_store || m_store->pipelinePath() != canonical) {
        m_scheduler.reset();
        m_verification->shutdown();
        m_store.reset();
        QString error;
        m_store = Store::open(path, &error);
        if (!m_store)
            Q_EMIT storeUnavailable(error);
    }
    if (m_store) {
        QString error;
        if (!m_store->recordLoad(pipeline, &error))
            Q_EMIT storeUnavailable(error);
    }
    m_path = path;
    m_pipeline = pipeline;
    Q_EMIT pipelineOpened(pipeline);
    Q_EMIT freightListed(m_store ? m_store->freight() : QList<Freight>());

    if (!m_scheduler && m_store) {
        DiscoveryScheduler::Settings settings = DiscoveryScheduler::Settings::fromUserSettings();
        settings.pollOnTimer = m_discoveryEnabled;
        m_scheduler =
            std::make_unique<DiscoveryScheduler>(m_store.get(), StatePaths::cacheDir(), settings);
        connect(m_scheduler.get(), &DiscoveryScheduler::statusChanged, this,
                &Engine::warehouseStatusChanged);
        connect(m_scheduler.get(), &DiscoveryScheduler::freightAdded, this, &Engine::freightAdded);
        connect(m_scheduler.get(), &DiscoveryScheduler::pollsInFlightChanged, this,
                &Engine::pollsInFlightChanged);
        connect(m_scheduler.get(), &DiscoveryScheduler::offlineChanged, this,
                &Engine::offlineChanged);
        Q_EMIT offlineChanged(false, {});
    }
    if (m_scheduler)
        m_scheduler->setPipeline(pipeline);
    m_verification->setPipeline(pipeline, m_store.get());
}

void Engine::openDemoPipeline()
{
    QString error;
    const QString path = DemoPipeline::ensure(StatePaths::demoDir(), &error);
    if (path.isEmpty()) {
        Q_EMIT pipelineFailed(StatePaths::demoDir(), tr("cannot create the demo: %1").arg(error));
        return;
    }
    openPipeline(path);
}

void Engine::reload()
{
    if (!m_path.isEmpty())
        openPipeline(m_path);
}

void Engine::setDiscoveryEnabled(bool enabled)
{
    if (enabled == m_discoveryEnabled)
        return;
    m_discoveryEnabled = enabled;
    // The scheduler's timers run only with discovery on: start it afresh.
    if (m_scheduler) {
        m_scheduler->shutdown();
        m_scheduler.reset();
        reload();
    }
}

void Engine::refreshWarehouse(const QString &name)
{
    if (m_scheduler && m_discoveryEnabled)
        m_scheduler->refresh(name);
}

void Engine::refreshAll()
{
    if (m_scheduler && m_discoveryEnabled)
        m_scheduler->refreshAll();
}

void Engine::reloadSettings()
{
    if (m_scheduler)
        m_scheduler->setSettings(DiscoveryScheduler::Settings::fromUserSettings());
    OciClient::clearTokenCache();
    PrometheusClient::clearCredentialCache();
}

void Engine::listCandidates(const QString &warehouse)
{
    const Warehouse *found = m_pipeline.warehouse(warehouse);
    Q_EMIT candidatesListed(warehouse, found && m_store
                                           ? FreightAssembler::candidates(*found, *m_store)
                                           : QList<SubscriptionCandidates>());
}

void Engine::assembleFreight(const QString &warehouse, const QList<AssemblyPick> &picks)
{
    AssemblyResult result;
    if (!m_store)
        result.error = tr("the local store is not available");
    else
        result = FreightAssembler::assemble(m_pipeline, *m_store, warehouse, picks);
    Q_EMIT freightAssembled(warehouse, result);
    if (result.outcome == AssemblyResult::Outcome::Created)
        Q_EMIT freightAdded(result.freight);
}

void Engine::shutdown()
{
    if (m_scheduler)
        m_scheduler->shutdown();
    m_verification->shutdown();
}

} // namespace Stevedore
