#pragma once

#include "engine/pipeline.h"

#include <QObject>

#include <memory>

namespace Stevedore {

class Store;

/// The engine: everything that touches the disk, git or the network for one open pipeline.
/// It lives on its own thread (see EngineHost); requests come in as queued calls and results
/// leave as signals carrying value types, so no caller ever holds engine state.
class Engine : public QObject
{
    Q_OBJECT

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

public Q_SLOTS:
    /// Loads the manifests at @p path, opens its local store and reports the result.
    void openPipeline(const QString &path);
    /// Creates the demo pipeline on first use, then opens it.
    void openDemoPipeline();
    /// Reads the manifests of the open pipeline again.
    void reload();

Q_SIGNALS:
    void pipelineOpened(const Stevedore::Pipeline &pipeline);
    void pipelineFailed(const QString &path, const QString &message);
    /// The pipeline is loaded, but its local store could not be opened or written.
    void storeUnavailable(const QString &message);

private:
    QString m_path;
    std::unique_ptr<Store> m_store;
};

} // namespace Stevedore
