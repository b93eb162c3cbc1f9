#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"
#include "engine/warehousestatus.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <atomic>
#include <memory>

class QThreadPool;
class QTimer;

namespace Stevedore {

class Store;

/// Polls the warehouses of one pipeline: each at its interval and on request, at most
/// `perHostLimit` subscriptions at a time against one host, with exponential backoff and
/// jitter after failures and a timeout per subscription. The git, registry and chart work runs
/// on a worker pool; this object, its timers and the store stay on the engine thread.
class DiscoveryScheduler : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int perHostLimit = 6;
        int timeoutMs = 120'000;
        int backoffBaseMs = 5'000;
        int backoffMaxMs = 15 * 60'000;
        /// While every warehouse fails (the network is gone), the longest wait between polls,
        /// so that polling picks up soon after it comes back.
        int offlineRetryMs = 60'000;
        bool pollOnTimer = true; ///< false: only refresh() polls (stevedorectl)
        /// No warehouse is polled more often than this, whatever its `interval` says
        /// (0: each at its own interval).
        qint64 minimumIntervalMs = 0;
        /// Registry host → base URL to send its requests to (a pull-through cache, or a
        /// loopback registry); freight keeps the original repository URLs.
        QMap<QString, QUrl> mirrors;

        /// The defaults, with what the user set in Stevedore's settings
        /// (`discovery/perHostLimit`, `discovery/timeoutSeconds`,
        /// `discovery/minimumIntervalSeconds`, `registry/mirrors` as a list of `HOST=URL`).
        static Settings fromUserSettings();
        /// Adds a `HOST=URL` mirror; false when it does not parse.
        bool addMirror(const QString &hostEqualsURL);
    };

    explicit DiscoveryScheduler(Store *store, QString cacheRoot, Settings settings,
                                QObject *parent = nullptr);
    ~DiscoveryScheduler() override;

    void setPipeline(const Pipeline &pipeline);
    /// Takes new limits, timeout, minimum interval and mirrors (keeping whether it polls on
    /// its timers); polls already running finish with the old ones.
    void setSettings(const Settings &settings);
    const Settings &settings() const { return m_settings; }
    /// Polls @p warehouse now (unless it is already polling).
    void refresh(const QString &warehouse);
    void refreshAll();
    /// Cancels every poll in flight and stops the timers; returns at once, never waits on a
    /// stalled server.
    void shutdown();

    int pollsInFlight() const;
    WarehouseStatus status(const QString &warehouse) const;
    QList<WarehouseStatus> statuses() const;
    /// The id of the freight made of @p warehouse's newest selection at its last poll (new or
    /// already stored), or empty.
    QString latestFreight(const QString &warehouse) const;

Q_SIGNALS:
    void statusChanged(const Stevedore::WarehouseStatus &status);
    void freightAdded(const Stevedore::Freight &freight);
    /// One poll of @p warehouse finished; @p errors lists `SUBSCRIPTION: message` per failure.
    void pollFinished(const QString &warehouse, const QStringList &errors);
    void pollsInFlightChanged(int count);
    /// Every warehouse's last poll failed (offline, since the first of those failures), or
    /// one succeeded again.
    void offlineChanged(bool offline, const QDateTime &since);

private:
    struct Job;
    struct Poll;

    void startPoll(const QString &warehouse);
    void dispatch();
    void finishJob(const std::shared_ptr<Job> &job);
    void finishPoll(const QString &warehouse);
    void schedule(const QString &warehouse, qint64 delayMs);
    void setStatus(const WarehouseStatus &status);
    void createFreight(const Warehouse &warehouse, Poll &poll);
    bool allFailing() const;
    void updateOffline();

    Store *m_store;
    QString m_cacheRoot;
    Settings m_settings;
    Pipeline m_pipeline;
    QThreadPool *m_pool;
    QHash<QString, QTimer *> m_timers;
    QHash<QString, WarehouseStatus> m_statuses;
    QHash<QString, QDateTime> m_failingSince; ///< warehouse -> first failure of its streak
    bool m_offline = false;
    QHash<QString, std::shared_ptr<Poll>> m_polls;
    QList<std::shared_ptr<Job>> m_queue;
    QList<std::shared_ptr<Job>> m_running;
    QHash<QString, int> m_hostLoad;
    QHash<QString, QString> m_latestFreight;
    bool m_shutDown = false;
};

} // namespace Stevedore
