#include "engine/engine.h"

#include "engine/demopipeline.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QFileInfo>

namespace Stevedore {

Engine::Engine(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Stevedore::Pipeline>();
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
    Q_EMIT pipelineOpened(pipeline);
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

} // namespace Stevedore
