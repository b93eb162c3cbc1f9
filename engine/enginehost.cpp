#include "engine/enginehost.h"

#include "engine/engine.h"

namespace Stevedore {

EngineHost::EngineHost(QObject *parent)
    : QObject(parent)
    , m_engine(new Engine)
{
    m_thread.setObjectName(QStringLiteral("stevedore-engine"));
    m_engine->moveToThread(&m_thread);
    // The engine is deleted on its own thread, after its event loop has finished.
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    m_thread.start();
}

EngineHost::~EngineHost()
{
    // Cancel discovery in flight on the engine's own thread; it never waits on a server.
    QMetaObject::invokeMethod(m_engine, &Engine::shutdown, Qt::BlockingQueuedConnection);
    m_thread.requestInterruption();
    m_thread.quit();
    m_thread.wait();
}

void EngineHost::openPipeline(const QString &path)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, path] { engine->openPipeline(path); }, Qt::QueuedConnection);
}

void EngineHost::openDemoPipeline()
{
    QMetaObject::invokeMethod(m_engine, &Engine::openDemoPipeline, Qt::QueuedConnection);
}

void EngineHost::setDiscoveryEnabled(bool enabled)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, enabled] { engine->setDiscoveryEnabled(enabled); },
        Qt::QueuedConnection);
}

void EngineHost::refreshWarehouse(const QString &name)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, name] { engine->refreshWarehouse(name); },
        Qt::QueuedConnection);
}

void EngineHost::refreshAll()
{
    QMetaObject::invokeMethod(m_engine, &Engine::refreshAll, Qt::QueuedConnection);
}

void EngineHost::reloadSettings()
{
    QMetaObject::invokeMethod(m_engine, &Engine::reloadSettings, Qt::QueuedConnection);
}

void EngineHost::listCandidates(const QString &warehouse)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, warehouse] { engine->listCandidates(warehouse); },
        Qt::QueuedConnection);
}

void EngineHost::assembleFreight(const QString &warehouse, const QList<AssemblyPick> &picks)
{
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, warehouse, picks] { engine->assembleFreight(warehouse, picks); },
        Qt::QueuedConnection);
}

void EngineHost::reload()
{
    QMetaObject::invokeMethod(m_engine, &Engine::reload, Qt::QueuedConnection);
}

} // namespace Stevedore
