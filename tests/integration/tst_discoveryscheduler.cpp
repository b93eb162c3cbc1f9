// The discovery scheduler against real git servers on 127.0.0.1: the per-host limit (a server
// that counts requests in flight), prompt shutdown during a stalled poll, backoff, timeouts,
// and freight made from what was discovered.

#include "engine/discoveryscheduler.h"
#include "engine/engine.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

const QString countingServer = QStringLiteral(STEVEDORE_TEST_SUPPORT_DIR "/counting_git_http.py");

QString warehouseManifest(const QString &name, const QString &url)
{
    return QStringLiteral("apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
                          "  name: %1\nspec:\n  interval: 1h\n  subscriptions:\n  - git:\n"
                          "      repoURL: %2\n      branch: main\n")
        .arg(name, url);
}

QJsonObject stats(int port)
{
    QNetworkAccessManager manager;
    QNetworkReply *reply =
        manager.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/stats").arg(port))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(5000);
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return object;
}

} // namespace

class TestDiscoveryScheduler : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.filePath(QStringLiteral("home")).toUtf8());
        qputenv("GIT_CONFIG_NOSYSTEM", "1");
        StatePaths::setOverride(m_dir.filePath(QStringLiteral("state")));
        m_repos = m_dir.filePath(QStringLiteral("repos"));
        QDir().mkpath(m_repos);
        m_git = std::make_unique<GitFixture>(m_repos);
        for (int i = 0; i < 8; ++i)
            QVERIFY(!m_git->createRepository(QStringLiteral("repo%1").arg(i), 2).isEmpty());
    }

    void perHostLimitHoldsWhileHostsProceedInParallel()
    {
        ServerProcess a;
        ServerProcess b;
        const int portA = freePort();
        const int portB = freePort();
        for (auto [server, port] : {std::pair{&a, portA}, std::pair{&b, portB}})
            QVERIFY(server->start(QStringLiteral("/usr/bin/python3"),
                                  {countingServer, QStringLiteral("--port"), QString::number(port),
                                   QStringLiteral("--root"), m_repos, QStringLiteral("--delay"),
                                   QStringLiteral("0.15")},
                                  port));
        QString manifests;
        for (int i = 0; i < 8; ++i) {
            manifests += warehouseManifest(
                             QStringLiteral("a%1").arg(i),
                             QStringLiteral("http://127.0.0.1:%1/repo%2.git").arg(portA).arg(i)) +
                         QStringLiteral("---\n");
            manifests += warehouseManifest(
                             QStringLiteral("b%1").arg(i),
                             QStringLiteral("http://127.0.0.1:%1/repo%2.git").arg(portB).arg(i)) +
                         QStringLiteral("---\n");
        }
        const auto [pipeline, store] = openPipeline(QStringLiteral("limits"), manifests);
        QVERIFY(!pipeline.hasErrors());

        DiscoveryScheduler::Settings settings;
        settings.pollOnTimer = false;
        settings.perHostLimit = 3;
        DiscoveryScheduler scheduler(store.get(), m_dir.filePath(QStringLiteral("cache")),
                                     settings);
        scheduler.setPipeline(pipeline);
        QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
        scheduler.refreshAll();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 16, 60000);
        for (const QList<QVariant> &poll : std::as_const(finished))
            QVERIFY2(poll.at(1).toStringList().isEmpty(),
                     qPrintable(poll.at(1).toStringList().join(u'\n')));

        const QJsonObject statsA = stats(portA);
        const QJsonObject statsB = stats(portB);
        QVERIFY2(statsA.value(QStringLiteral("max")).toInt() <= 3,
                 qPrintable(QString::number(statsA.value(QStringLiteral("max")).toInt())));
        QVERIFY(statsB.value(QStringLiteral("max")).toInt() <= 3);
        // The limit is used, not just respected.
        QCOMPARE(statsA.value(QStringLiteral("max")).toInt(), 3);
        // Both hosts were served at the same time: some request to B ran while one to A did.
        bool overlap = false;
        const QJsonArray intervalsA = statsA.value(QStringLiteral("intervals")).toArray();
        const QJsonArray intervalsB = statsB.value(QStringLiteral("intervals")).toArray();
        for (const QJsonValue &x : intervalsA) {
            for (const QJsonValue &y : intervalsB) {
                const double a0 = x.toArray().at(0).toDouble(), a1 = x.toArray().at(1).toDouble();
                const double b0 = y.toArray().at(0).toDouble(), b1 = y.toArray().at(1).toDouble();
                overlap = overlap || (a0 < b1 && b0 < a1);
            }
        }
        QVERIFY(overlap);
        // Every warehouse got its freight.
        QCOMPARE(store->freight().size(), 16);
    }

    void shutdownDuringAStalledPollIsPrompt()
    {
        ServerProcess stalled;
        const int port = freePort();
        QVERIFY(stalled.start(QStringLiteral("/usr/bin/python3"),
                              {countingServer, QStringLiteral("--port"), QString::number(port),
                               QStringLiteral("--root"), m_repos, QStringLiteral("--stall")},
                              port));
        const auto [pipeline, store] = openPipeline(
            QStringLiteral("stall"),
            warehouseManifest(QStringLiteral("slow"),
                              QStringLiteral("http://127.0.0.1:%1/repo0.git").arg(port)));
        DiscoveryScheduler::Settings settings;
        settings.pollOnTimer = false;
        auto scheduler = std::make_unique<DiscoveryScheduler>(
            store.get(), m_dir.filePath(QStringLiteral("cache")), settings);
        scheduler->setPipeline(pipeline);
        QSignalSpy polling(scheduler.get(), &DiscoveryScheduler::pollsInFlightChanged);
        scheduler->refresh(QStringLiteral("slow"));
        QCOMPARE(scheduler->pollsInFlight(), 1);
        QTest::qWait(300); // let the worker reach the server and block there
        QElapsedTimer timer;
        timer.start();
        scheduler->shutdown();
        scheduler.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }

    void stalledServerTimesOut()
    {
        ServerProcess stalled;
        const int port = freePort();
        QVERIFY(stalled.start(QStringLiteral("/usr/bin/python3"),
                              {countingServer, QStringLiteral("--port"), QString::number(port),
                               QStringLiteral("--root"), m_repos, QStringLiteral("--stall")},
                              port));
        const auto [pipeline, store] = openPipeline(
            QStringLiteral("timeout"),
            warehouseManifest(QStringLiteral("slow"),
                              QStringLiteral("http://127.0.0.1:%1/repo0.git").arg(port)));
        DiscoveryScheduler::Settings settings;
        settings.pollOnTimer = false;
        settings.timeoutMs = 700;
        DiscoveryScheduler scheduler(store.get(), m_dir.filePath(QStringLiteral("cache")),
                                     settings);
        scheduler.setPipeline(pipeline);
        QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
        QElapsedTimer timer;
        timer.start();
        scheduler.refresh(QStringLiteral("slow"));
        QVERIFY(finished.wait(5000));
        QVERIFY(timer.elapsed() < 3000);
        const QStringList errors = finished.first().at(1).toStringList();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains(QStringLiteral("no answer within 0.7 s")),
                 qPrintable(errors.first()));
        QCOMPARE(scheduler.status(QStringLiteral("slow")).state, WarehouseStatus::State::Error);
        QCOMPARE(scheduler.pollsInFlight(), 0);
    }

    void failuresBackOffExponentiallyWithJitter()
    {
        const int refused = freePort(); // nothing listens there
        const auto [pipeline, store] = openPipeline(
            QStringLiteral("backoff"),
            warehouseManifest(QStringLiteral("down"),
                              QStringLiteral("http://127.0.0.1:%1/repo0.git").arg(refused)));
        DiscoveryScheduler::Settings settings;
        settings.backoffBaseMs = 300;
        DiscoveryScheduler scheduler(store.get(), m_dir.filePath(QStringLiteral("cache")),
                                     settings);
        QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
        scheduler.setPipeline(pipeline); // polls at once, then after each backoff
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() >= 3, 10000);
        scheduler.shutdown();
        const WarehouseStatus status = scheduler.status(QStringLiteral("down"));
        QCOMPARE(status.state, WarehouseStatus::State::BackingOff);
        QVERIFY(status.failures >= 3);
        QVERIFY(!status.message.isEmpty());
        // The third wait is 4 × the base, give or take 20 %.
        const qint64 wait = status.lastPoll.msecsTo(status.nextPoll);
        const qint64 expected = 300LL << (status.failures - 1);
        QVERIFY2(wait >= expected * 0.8 - 1 && wait <= expected * 1.2 + 1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(wait).arg(expected)));
        // The status survives in the store for the next start.
        bool stored = false;
        for (const WarehouseStatus &s : store->warehouseStatuses())
            stored = stored || (s.warehouse == u"down" && s.failures == status.failures);
        QVERIFY(stored);
    }

    void newSettingsApplyWithoutRestart()
    {
        const QString repo = m_git->createRepository(QStringLiteral("often"), 1);
        QString manifest =
            warehouseManifest(QStringLiteral("often"), QUrl::fromLocalFile(repo).toString());
        manifest.replace(QStringLiteral("interval: 1h"), QStringLiteral("interval: 1s"));
        const auto [pipeline, store] = openPipeline(QStringLiteral("often"), manifest);
        DiscoveryScheduler scheduler(store.get(), m_dir.filePath(QStringLiteral("cache")), {});
        QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
        scheduler.setPipeline(pipeline); // polls at once, then every second
        QVERIFY(finished.wait(10000));
        WarehouseStatus status = scheduler.status(QStringLiteral("often"));
        QCOMPARE(status.lastPoll.msecsTo(status.nextPoll), 1000);

        // What the settings dialog changes, handed over while the scheduler runs: a minimum
        // interval of ten minutes applies from the next poll on, and it still polls on its
        // timers.
        DiscoveryScheduler::Settings settings;
        settings.minimumIntervalMs = 600'000;
        settings.perHostLimit = 2;
        settings.pollOnTimer = false;
        scheduler.setSettings(settings);
        QVERIFY(scheduler.settings().pollOnTimer);
        QCOMPARE(scheduler.settings().perHostLimit, 2);
        QVERIFY(finished.wait(10000));
        status = scheduler.status(QStringLiteral("often"));
        QCOMPARE(status.lastPoll.msecsTo(status.nextPoll), 600'000);
        scheduler.shutdown();
    }

    void engineReadsChangedSettings()
    {
        // The settings dialog writes QSettings and asks the engine to read them again: the
        // running scheduler takes them, no restart.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        QSettings().remove(QStringLiteral("discovery"));
        const QString repo = m_git->createRepository(QStringLiteral("engine-often"), 1);
        const QString dir = m_dir.filePath(QStringLiteral("pipelines/engine-settings"));
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/warehouses.yaml"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(warehouseManifest(QStringLiteral("often"), QUrl::fromLocalFile(repo).toString())
                       .replace(QStringLiteral("interval: 1h"), QStringLiteral("interval: 1s"))
                       .toUtf8());
        file.close();

        Engine engine;
        WarehouseStatus last;
        connect(&engine, &Engine::warehouseStatusChanged, this,
                [&last](const WarehouseStatus &status) { last = status; });
        engine.openPipeline(dir);
        QTRY_VERIFY_WITH_TIMEOUT(last.state == WarehouseStatus::State::Ok, 10000);
        QCOMPARE(last.lastPoll.msecsTo(last.nextPoll), 1000);

        QSettings().setValue(QStringLiteral("discovery/minimumIntervalSeconds"), 900);
        engine.reloadSettings();
        const QDateTime before = last.lastPoll;
        QTRY_VERIFY_WITH_TIMEOUT(last.state == WarehouseStatus::State::Ok && last.lastPoll > before,
                                 10000);
        QCOMPARE(last.lastPoll.msecsTo(last.nextPoll), 900'000);
        engine.shutdown();
        QSettings().remove(QStringLiteral("discovery"));
    }

    void freightFromDiscovery()
    {
        const QString repo = m_git->createRepository(QStringLiteral("freighted"), 2);
        const QString url = QUrl::fromLocalFile(repo).toString();
        const auto [pipeline, store] =
            openPipeline(QStringLiteral("freight"), warehouseManifest(QStringLiteral("app"), url));
        DiscoveryScheduler::Settings settings;
        settings.pollOnTimer = false;
        DiscoveryScheduler scheduler(store.get(), m_dir.filePath(QStringLiteral("cache")),
                                     settings);
        scheduler.setPipeline(pipeline);
        QSignalSpy added(&scheduler, &DiscoveryScheduler::freightAdded);
        QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);

        scheduler.refresh(QStringLiteral("app"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(added.size(), 1);
        const Freight freight = added.first().first().value<Freight>();
        const QString head = m_git->revParse(repo, QStringLiteral("main"));
        QCOMPARE(freight.commits.size(), 1);
        QCOMPARE(freight.commits.first().id, head);
        QCOMPARE(freight.id, Freight::computeId(QStringLiteral("app"), freight.commits, {}, {}));
        QVERIFY(freight.alias.contains(u'-'));
        QCOMPARE(scheduler.latestFreight(QStringLiteral("app")), freight.id);
        QCOMPARE(store->findFreight(freight.alias)->id, freight.id);

        // Nothing new: no new freight.
        scheduler.refresh(QStringLiteral("app"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(added.size(), 1);

        // A new commit: new freight, and the old one is kept.
        m_git->commit(repo, QStringLiteral("new.txt"), QStringLiteral("x"), QStringLiteral("New"));
        scheduler.refresh(QStringLiteral("app"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(added.size(), 2);
        QCOMPARE(store->freight(QStringLiteral("app")).size(), 2);
        QCOMPARE(scheduler.status(QStringLiteral("app")).freightCount, 2);
    }

private:
    struct Opened
    {
        Pipeline pipeline;
        std::unique_ptr<Store> store;
    };

    Opened openPipeline(const QString &name, const QString &manifests)
    {
        const QString dir = m_dir.filePath(QStringLiteral("pipelines/") + name);
        QDir().mkpath(dir);
        QFile file(dir + QStringLiteral("/warehouses.yaml"));
        if (file.open(QIODevice::WriteOnly))
            file.write(manifests.toUtf8());
        file.close();
        QString error;
        Opened opened{ManifestLoader::load(dir), Store::open(dir, &error)};
        if (!opened.store)
            qWarning("%s", qPrintable(error));
        return opened;
    }

    QTemporaryDir m_dir;
    QString m_repos;
    std::unique_ptr<GitFixture> m_git;
};

QTEST_GUILESS_MAIN(TestDiscoveryScheduler)
#include "tst_discoveryscheduler.moc"
