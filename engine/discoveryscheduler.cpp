#include "engine/discoveryscheduler.h"

#include "engine/artifactdiscovery.h"
#include "engine/freightalias.h"
#include "engine/gitdiscovery.h"
#include "engine/ociclient.h"
#include "engine/store.h"
#include "engine/storecaches_p.h"

#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSettings>
#include <QThreadPool>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif
#include <QTimer>
#include <QUrl>
#include <QtConcurrent>

namespace Stevedore {

namespace {

/// Polling is background work: on a busy machine the GUI thread, and the engine thread that
/// answers it, should win the CPU over it, or the window stutters while a hundred warehouses
/// are polled. Each worker thread lowers its own scheduling priority (Linux keeps a nice value
/// per thread) once; threads it starts, such as Qt's HTTP thread, inherit it.
void yieldToInteractiveThreads()
{
#ifdef Q_OS_LINUX
    thread_local bool lowered = false;
    if (!lowered) {
        lowered = true;
        setpriority(PRIO_PROCESS, id_t(gettid()), 5);
    }
#endif
}

/// What a worker brings back from one subscription.
struct Outcome
{
    bool ok = false;
    QString error;
    QList<DiscoveredCommit> commits;
    QList<DiscoveredImage> images;
    QList<DiscoveredChart> charts;
    GitWalkState state; ///< git only

    bool isEmpty() const { return commits.isEmpty() && images.isEmpty() && charts.isEmpty(); }
};

QString hostOf(const Subscription &subscription)
{
    const QString url = subscription.repoURL();
    static const QRegularExpression scp(QStringLiteral("^(?:[^@/]+@)?([^:/]+):(?!//)"));
    if (!url.contains(u"://")) {
        if (const auto match = scp.match(url); match.hasMatch())
            return match.captured(1).toLower();
        // An image reference: the registry is the first component when it looks like a host.
        const QString first = url.section(u'/', 0, 0);
        return first.contains(u'.') || first.contains(u':') ? first : QStringLiteral("docker.io");
    }
    const QUrl parsed(url);
    if (parsed.scheme() == u"file")
        return QStringLiteral("file");
    return parsed.host().toLower() + u':' + QString::number(parsed.port(0));
}

} // namespace

struct DiscoveryScheduler::Job
{
    QString warehouse;
    int index = 0;
    Subscription subscription;
    QString key;
    QString host;
    GitWalkState previous;
    std::shared_ptr<std::atomic<bool>> cancelled = std::make_shared<std::atomic<bool>>(false);
    QFutureWatcher<Outcome> *watcher = nullptr;
    QTimer *watchdog = nullptr;
    bool finished = false;
    Outcome outcome;
};

struct DiscoveryScheduler::Poll
{
    int pending = 0;
    QStringList errors;
    QList<Outcome> outcomes; ///< per subscription, in the warehouse's order
};

DiscoveryScheduler::Settings DiscoveryScheduler::Settings::fromUserSettings()
{
    Settings settings;
    const QSettings user;
    settings.perHostLimit = std::clamp(
        user.value(QStringLiteral("discovery/perHostLimit"), settings.perHostLimit).toInt(), 1, 64);
    settings.timeoutMs =
        std::clamp(user.value(QStringLiteral("discovery/timeoutSeconds"), settings.timeoutMs / 1000)
                       .toInt(),
                   1, 3600) *
        1000;
    settings.minimumIntervalMs =
        qint64(std::clamp(user.value(QStringLiteral("discovery/minimumIntervalSeconds"), 0).toInt(),
                          0, 24 * 3600)) *
        1000;
    const QStringList mirrors = user.value(QStringLiteral("registry/mirrors")).toStringList();
    for (const QString &mirror : mirrors)
        settings.addMirror(mirror);
    return settings;
}

bool DiscoveryScheduler::Settings::addMirror(const QString &hostEqualsURL)
{
    const qsizetype eq = hostEqualsURL.indexOf(u'=');
    if (eq <= 0)
        return false;
    const QUrl url(hostEqualsURL.mid(eq + 1).trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        return false;
    mirrors.insert(hostEqualsURL.left(eq).trimmed().toLower(), url);
    return true;
}

QString WarehouseStatus::stateName(State state)
{
    switch (state) {
    case State::Idle:
        return QStringLiteral("idle");
    case State::Polling:
        return QStringLiteral("polling");
    case State::Ok:
        return QStringLiteral("ok");
    case State::Error:
        return QStringLiteral("error");
    case State::BackingOff:
        return QStringLiteral("backing off");
    }
    return {};
}

DiscoveryScheduler::DiscoveryScheduler(Store *store, QString cacheRoot, Settings settings,
                                       QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_cacheRoot(std::move(cacheRoot))
    , m_settings(settings)
    , m_pool(new QThreadPool)
{
    qRegisterMetaType<Stevedore::WarehouseStatus>();
    qRegisterMetaType<Stevedore::Freight>();
    // Room for every host to use its share, plus workers abandoned on stalled servers.
    m_pool->setMaxThreadCount(std::max(16, m_settings.perHostLimit * 4));
}

DiscoveryScheduler::~DiscoveryScheduler()
{
    shutdown();
    // A worker stuck on a stalled server cannot be interrupted: leave the pool (and it) to the
    // end of the process rather than wait. Idle pools are deleted as usual.
    if (m_pool->activeThreadCount() == 0)
        delete m_pool;
}

void DiscoveryScheduler::shutdown()
{
    m_shutDown = true;
    for (QTimer *timer : std::as_const(m_timers))
        timer->stop();
    for (const auto &job : std::as_const(m_running))
        job->cancelled->store(true);
    m_queue.clear();
}

void DiscoveryScheduler::setPipeline(const Pipeline &pipeline)
{
    m_pipeline = pipeline;
    qDeleteAll(m_timers);
    m_timers.clear();
    const QList<WarehouseStatus> stored =
        m_store ? m_store->warehouseStatuses() : QList<WarehouseStatus>();
    for (const Warehouse &warehouse : std::as_const(m_pipeline.warehouses)) {
        WarehouseStatus status;
        status.warehouse = warehouse.name;
        for (const WarehouseStatus &previous : stored) {
            if (previous.warehouse == warehouse.name) {
                status = previous;
                // A poll that was running when the last session ended did not finish.
                if (status.state == WarehouseStatus::State::Polling)
                    status.state = WarehouseStatus::State::Idle;
            }
        }
        if (m_store)
            status.freightCount = int(m_store->freight(warehouse.name).size());
        m_statuses.insert(warehouse.name, status);
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, [this, name = warehouse.name] { refresh(name); });
        m_timers.insert(warehouse.name, timer);
        if (m_settings.pollOnTimer) {
            // Start where the last session left off: poll now if a poll is due.
            qint64 delay = 0;
            if (status.nextPoll.isValid())
                delay =
                    std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(status.nextPoll));
            schedule(warehouse.name, delay);
        }
        Q_EMIT statusChanged(status);
    }
}

void DiscoveryScheduler::setSettings(const Settings &settings)
{
    const bool pollOnTimer = m_settings.pollOnTimer;
    m_settings = settings;
    m_settings.pollOnTimer = pollOnTimer;
    m_pool->setMaxThreadCount(std::max(16, m_settings.perHostLimit * 4));
    // A higher per-host limit may let queued subscriptions start now.
    dispatch();
}

void DiscoveryScheduler::schedule(const QString &warehouse, qint64 delayMs)
{
    if (QTimer *timer = m_timers.value(warehouse); timer && m_settings.pollOnTimer && !m_shutDown)
        timer->start(int(std::clamp<qint64>(delayMs, 0, std::numeric_limits<int>::max())));
}

int DiscoveryScheduler::pollsInFlight() const
{
    return int(m_polls.size());
}

WarehouseStatus DiscoveryScheduler::status(const QString &warehouse) const
{
    return m_statuses.value(warehouse);
}

QString DiscoveryScheduler::latestFreight(const QString &warehouse) const
{
    return m_latestFreight.value(warehouse);
}

QList<WarehouseStatus> DiscoveryScheduler::statuses() const
{
    return m_statuses.values();
}

void DiscoveryScheduler::setStatus(const WarehouseStatus &status)
{
    m_statuses.insert(status.warehouse, status);
    if (m_store)
        m_store->saveWarehouseStatus(status);
    Q_EMIT statusChanged(status);
}

void DiscoveryScheduler::refreshAll()
{
    for (const Warehouse &warehouse : std::as_const(m_pipeline.warehouses))
        refresh(warehouse.name);
}

void DiscoveryScheduler::refresh(const QString &warehouse)
{
    if (m_shutDown || m_polls.contains(warehouse) || !m_pipeline.warehouse(warehouse))
        return;
    if (QTimer *timer = m_timers.value(warehouse))
        timer->stop();
    startPoll(warehouse);
}

void DiscoveryScheduler::startPoll(const QString &name)
{
    const Warehouse *warehouse = m_pipeline.warehouse(name);
    auto poll = std::make_shared<Poll>();
    poll->pending = int(warehouse->subscriptions.size());
    poll->outcomes.resize(warehouse->subscriptions.size());
    m_polls.insert(name, poll);
    Q_EMIT pollsInFlightChanged(pollsInFlight());

    WarehouseStatus status = m_statuses.value(name);
    status.warehouse = name;
    status.state = WarehouseStatus::State::Polling;
    setStatus(status);

    if (warehouse->subscriptions.isEmpty()) {
        finishPoll(name);
        return;
    }
    for (int i = 0; i < warehouse->subscriptions.size(); ++i) {
        auto job = std::make_shared<Job>();
        job->warehouse = name;
        job->index = i;
        job->subscription = warehouse->subscriptions.at(i);
        job->key = Store::subscriptionKey(job->subscription);
        job->host = hostOf(job->subscription);
        if (m_store)
            job->previous = m_store->walkState(name, job->key).value_or(GitWalkState());
        m_queue.append(job);
    }
    dispatch();
}

void DiscoveryScheduler::dispatch()
{
    // First come, first served, but a host at its limit does not hold up the others.
    for (auto it = m_queue.begin(); it != m_queue.end();) {
        const std::shared_ptr<Job> job = *it;
        if (m_hostLoad.value(job->host) >= m_settings.perHostLimit) {
            ++it;
            continue;
        }
        it = m_queue.erase(it);
        ++m_hostLoad[job->host];
        m_running.append(job);

        const Subscription subscription = job->subscription;
        const QString cacheRoot = m_cacheRoot;
        const QString storeFile = m_store ? m_store->filePath() : QString();
        const GitWalkState previous = job->previous;
        const auto cancelled = job->cancelled;
        OciClientOptions ociOptions;
        ociOptions.mirrors = m_settings.mirrors;
        ociOptions.cancelled = cancelled;
        ociOptions.requestTimeout = std::chrono::milliseconds(m_settings.timeoutMs);
        job->watcher = new QFutureWatcher<Outcome>(this);
        connect(job->watcher, &QFutureWatcher<Outcome>::finished, this, [this, job] {
            if (job->finished)
                return; // already given up on by the watchdog
            job->outcome = job->watcher->result();
            finishJob(job);
        });
        job->watchdog = new QTimer(this);
        job->watchdog->setSingleShot(true);
        connect(job->watchdog, &QTimer::timeout, this, [this, job] {
            if (job->finished)
                return;
            job->cancelled->store(true);
            job->outcome.ok = false;
            job->outcome.error =
                tr("no answer within %1 s").arg(QString::number(m_settings.timeoutMs / 1000.0));
            finishJob(job);
        });
        job->watchdog->start(m_settings.timeoutMs);
        job->watcher->setFuture(QtConcurrent::run(m_pool, [=]() -> Outcome {
            yieldToInteractiveThreads();
            Outcome outcome;
            if (subscription.kind == Subscription::Kind::Image) {
                const std::unique_ptr<ImageMetadataCache> cache = openImageCache(storeFile);
                OciClientOptions oci = ociOptions;
                oci.insecureSkipTLSVerify = subscription.image.insecureSkipTLSVerify;
                const auto found =
                    ArtifactDiscovery::discoverImages(subscription.image, oci, *cache);
                outcome.ok = found.ok;
                outcome.error = found.error;
                outcome.images = found.images;
                if (outcome.ok && outcome.images.isEmpty())
                    outcome.error = QStringLiteral("no image matches the subscription");
                return outcome;
            }
            if (subscription.kind == Subscription::Kind::Chart) {
                const auto found =
                    ArtifactDiscovery::discoverCharts(subscription.chart, cacheRoot, ociOptions);
                outcome.ok = found.ok;
                outcome.error = found.error;
                outcome.charts = found.charts;
                if (outcome.ok && outcome.charts.isEmpty())
                    outcome.error = QStringLiteral("no chart version matches the subscription");
                return outcome;
            }
            if (!subscription.git.expressionFilter.isEmpty()) {
                // Never ignored: selecting without the filter would pick the wrong commits.
                outcome.error = QStringLiteral("expressionFilter is not supported yet: it needs "
                                               "the expression engine");
                return outcome;
            }
            GitNetworkOptions network;
            network.url = subscription.git.repoURL;
            network.insecureSkipTLSVerify = subscription.git.insecureSkipTLSVerify;
            network.cancelled = cancelled;
            const std::unique_ptr<ChangedPathCache> cache = openPathCache(storeFile);
            const GitDiscovery::Result result =
                GitDiscovery::discover(subscription.git, cacheRoot, network, previous, *cache);
            outcome.ok = result.ok;
            outcome.error = result.error.message;
            outcome.commits = result.commits;
            outcome.state = result.state;
            if (outcome.ok && outcome.commits.isEmpty())
                outcome.error = QStringLiteral("no commit matches the subscription");
            return outcome;
        }));
    }
}

void DiscoveryScheduler::finishJob(const std::shared_ptr<Job> &job)
{
    job->finished = true;
    job->watchdog->stop();
    job->watchdog->deleteLater();
    job->watcher->deleteLater();
    m_running.removeOne(job);
    if (--m_hostLoad[job->host] <= 0)
        m_hostLoad.remove(job->host);

    const std::shared_ptr<Poll> poll = m_polls.value(job->warehouse);
    if (poll) {
        const QString label =
            job->subscription.name.isEmpty() ? job->subscription.repoURL() : job->subscription.name;
        if (!job->outcome.error.isEmpty())
            poll->errors.append(label + QStringLiteral(": ") + job->outcome.error);
        if (job->outcome.ok) {
            poll->outcomes[job->index] = job->outcome;
            if (m_store) {
                QString error;
                const QString repoURL = job->subscription.repoURL();
                const bool saved =
                    job->subscription.kind == Subscription::Kind::Git
                        ? m_store->saveDiscovery(job->warehouse, job->key, repoURL,
                                                 job->outcome.state, &error)
                        : m_store->saveArtifacts(job->warehouse, job->key, repoURL,
                                                 job->outcome.images, job->outcome.charts, &error);
                if (!saved)
                    poll->errors.append(label + QStringLiteral(": cannot store: ") + error);
            }
        }
        if (--poll->pending == 0 && !m_shutDown)
            finishPoll(job->warehouse);
    }
    dispatch();
}

void DiscoveryScheduler::createFreight(const Warehouse &warehouse, Poll &poll)
{
    if (warehouse.freightCreationPolicy == FreightCreationPolicy::Manual || !m_store)
        return;
    // Automatic: one freight from the newest selection of every subscription, as Kargo does.
    Freight freight;
    freight.origin = FreightOrigin{QStringLiteral("Warehouse"), warehouse.name};
    for (int i = 0; i < warehouse.subscriptions.size(); ++i) {
        const Outcome &outcome = poll.outcomes.at(i);
        if (outcome.isEmpty())
            return;
        const Subscription &subscription = warehouse.subscriptions.at(i);
        switch (subscription.kind) {
        case Subscription::Kind::Git: {
            const DiscoveredCommit &newest = outcome.commits.first();
            FreightCommit commit;
            commit.repoURL = subscription.git.repoURL;
            commit.id = newest.id;
            commit.branch = newest.branch;
            commit.tag = newest.tag;
            commit.message = newest.subject;
            commit.author = newest.author;
            commit.committedAt = newest.committedAt;
            commit.subscriptionName = subscription.name;
            freight.commits.append(commit);
            break;
        }
        case Subscription::Kind::Image: {
            const DiscoveredImage &newest = outcome.images.first();
            freight.images.append(
                {subscription.image.repoURL, newest.tag, newest.digest, subscription.name});
            break;
        }
        case Subscription::Kind::Chart: {
            const DiscoveredChart &newest = outcome.charts.first();
            freight.charts.append(
                {subscription.chart.repoURL, newest.name, newest.version, subscription.name});
            break;
        }
        }
    }
    freight.id =
        Freight::computeId(warehouse.name, freight.commits, freight.images, freight.charts);
    m_latestFreight.insert(warehouse.name, freight.id);
    if (m_store->findFreight(freight.id))
        return;
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    freight.alias =
        FreightAlias::generate(m_store->freightAliases(), QRandomGenerator::global()->generate64());
    QString error;
    if (!m_store->addFreight(freight, &error)) {
        poll.errors.append(tr("cannot store the new freight: %1").arg(error));
        return;
    }
    Q_EMIT freightAdded(freight);
}

void DiscoveryScheduler::finishPoll(const QString &name)
{
    const std::shared_ptr<Poll> poll = m_polls.take(name);
    Q_EMIT pollsInFlightChanged(pollsInFlight());
    const Warehouse *warehouse = m_pipeline.warehouse(name);
    if (!poll || !warehouse)
        return;
    createFreight(*warehouse, *poll);

    WarehouseStatus status = m_statuses.value(name);
    status.lastPoll = QDateTime::currentDateTimeUtc();
    if (m_store)
        status.freightCount = int(m_store->freight(name).size());
    qint64 delay = std::max(warehouse->intervalMs, m_settings.minimumIntervalMs);
    if (poll->errors.isEmpty()) {
        status.state = WarehouseStatus::State::Ok;
        status.failures = 0;
        status.message.clear();
        m_failingSince.remove(name);
    } else {
        if (!m_failingSince.contains(name))
            m_failingSince.insert(name, status.lastPoll);
        ++status.failures;
        status.message = poll->errors.join(u'\n');
        // Exponential backoff with jitter, so that many warehouses failing together (the
        // network went away) do not come back in lockstep.
        const double base =
            double(m_settings.backoffBaseMs) * std::pow(2.0, std::min(status.failures - 1, 16));
        const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
        const int longest = allFailing()
                                ? std::min(m_settings.backoffMaxMs, m_settings.offlineRetryMs)
                                : m_settings.backoffMaxMs;
        delay = qint64(std::min(base, double(longest)) * jitter);
        status.state = m_settings.pollOnTimer ? WarehouseStatus::State::BackingOff
                                              : WarehouseStatus::State::Error;
    }
    status.nextPoll = status.lastPoll.addMSecs(delay);
    setStatus(status);
    schedule(name, delay);
    updateOffline();
    Q_EMIT pollFinished(name, poll->errors);
}

bool DiscoveryScheduler::allFailing() const
{
    return !m_pipeline.warehouses.isEmpty() &&
           std::all_of(m_pipeline.warehouses.begin(), m_pipeline.warehouses.end(),
                       [this](const Warehouse &warehouse) {
                           return m_failingSince.contains(warehouse.name);
                       });
}

void DiscoveryScheduler::updateOffline()
{
    const bool offline = allFailing();
    if (offline == m_offline)
        return;
    m_offline = offline;
    QDateTime since;
    for (const QDateTime &first : std::as_const(m_failingSince)) {
        if (!since.isValid() || first < since)
            since = first;
    }
    Q_EMIT offlineChanged(offline, offline ? since : QDateTime());
}

} // namespace Stevedore
