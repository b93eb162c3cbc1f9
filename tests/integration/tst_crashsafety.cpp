// Crash safety: the real stevedorectl, killed with SIGKILL at random points while it discovers
// (a `discover` loop over repositories served by git daemon and file://) and while it promotes
// (kargo-simple into a GitOps repository served by git daemon). After every kill: each SQLite
// file under the state folder passes `PRAGMA integrity_check`, no freight `discover` reported is
// lost, the remote has the old tip or the whole promotion, and the next command starts, marks
// what the killed one left Running as Errored and leaves no workspace behind.
//
// Rounds go on until the process has been killed STEVEDORE_CRASH_ROUNDS times (100 by default,
// three fifths of them during discovery); a round whose process finished before its kill point
// is checked as well but not counted. STEVEDORE_CRASH_SEED replays the kill points of a run.

#include "engine/freight.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <csignal>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

QByteArray kustomization(const QString &tag)
{
    return u"apiVersion: kustomize.config.k8s.io/v1beta1\n"
           "kind: Kustomization\n"
           "resources:\n"
           "- ../../base\n"
           "images:\n"
           "- name: ghcr.io/akuity/guestbook\n"
           "  newTag: %1\n"_s.arg(tag)
               .toUtf8();
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// What `PRAGMA integrity_check` says of the SQLite file @p path: "ok" when it is sound.
QString integrityCheck(const QString &path)
{
    const QString connection = u"check-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString verdict;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            verdict = u"cannot open: "_s + db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.exec(u"PRAGMA integrity_check"_s))
                verdict = u"cannot check: "_s + query.lastError().text();
            while (query.next())
                verdict += query.value(0).toString();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return verdict;
}

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedDiscoveryLosesNothing();
    void killedPromotionLeavesNoHalfPush();
    void cleanupTestCase();

private:
    QString home() const { return m_dir.filePath(u"home"_s); }
    QString state() const { return m_dir.filePath(u"state"_s); }
    QProcessEnvironment environment() const { return isolatedEnvironment(home(), state()); }
    Result run(const QStringList &arguments) const;
    /// Starts stevedorectl with @p arguments and kills it after @p delayMs if it still runs;
    /// returns true when it was killed.
    bool runAndKill(const QStringList &arguments, int delayMs, Result *result) const;
    QString git(const QString &repository, const QStringList &arguments) const;
    /// Stores freight for guestbook @p tag in the promotion pipeline's store; returns its alias.
    QString addFreight(const QString &tag);
    /// Every SQLite file under the state folder passes integrity_check.
    void checkStores(const QString &when);
    void checkNoWorkspaceLeft();

    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;
    GitDaemon m_daemon;
    QString m_sourceOverDaemon;
    QString m_sourceOverFile;
    QString m_gitops;
    QString m_discoverPipeline;
    QString m_promotePipeline;
    quint32 m_seed = 0;
    int m_discoverKills = 60;
    int m_promoteKills = 40;
    int m_kills = 0;
    QElapsedTimer m_timer;
};

Result TestCrashSafety::run(const QStringList &arguments) const
{
    Result result;
    runAndKill(arguments, -1, &result);
    return result;
}

bool TestCrashSafety::runAndKill(const QStringList &arguments, int delayMs, Result *result) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    if (!process.waitForStarted())
        return false;
    bool killed = false;
    if (delayMs >= 0 && !process.waitForFinished(delayMs) && process.state() == QProcess::Running &&
        process.processId() > 0) {
        // (kill(0) would hit this test's own process group.)
        ::kill(pid_t(process.processId()), SIGKILL);
        killed = true;
    }
    if (process.state() != QProcess::NotRunning && !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return killed;
    }
    if (process.exitStatus() == QProcess::CrashExit)
        killed = true;
    result->exitCode = killed ? -1 : process.exitCode();
    result->out = QString::fromUtf8(process.readAllStandardOutput());
    result->err = QString::fromUtf8(process.readAllStandardError());
    return killed;
}

QString TestCrashSafety::git(const QString &repository, const QStringList &arguments) const
{
    QByteArray out;
    Testing::run(u"git"_s, QStringList{u"--git-dir"_s, repository} + arguments, &out, {},
                 GitFixture::environment(home()));
    return QString::fromUtf8(out).trimmed();
}

QString TestCrashSafety::addFreight(const QString &tag)
{
    StatePaths::setOverride(state());
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_promotePipeline, &error);
    if (!store)
        return {};
    Freight freight;
    freight.origin = {u"Warehouse"_s, u"guestbook"_s};
    freight.images.append(
        {u"ghcr.io/akuity/guestbook"_s, tag, u"sha256:"_s + QString(64, tag.back()), {}});
    freight.id = Freight::computeId(u"guestbook"_s, {}, freight.images, {});
    freight.alias = u"guestbook-"_s + QString(tag).replace(u'.', u'-');
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    if (!store->addFreight(freight, &error))
        return {};
    return freight.alias;
}

void TestCrashSafety::checkStores(const QString &when)
{
    int checked = 0;
    QDirIterator it(state(), {u"*.sqlite"_s, u"*.db"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString verdict = integrityCheck(file);
        QVERIFY2(verdict == u"ok", qPrintable(u"%1, %2: %3"_s.arg(
                                       when, QDir(state()).relativeFilePath(file), verdict)));
        ++checked;
    }
    QVERIFY2(checked > 0, "no store under the state folder");
}

void TestCrashSafety::checkNoWorkspaceLeft()
{
    const QStringList workspaces =
        QDir(state() + u"/workspaces"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY2(workspaces.isEmpty(), qPrintable(workspaces.join(u", "_s)));
}

void TestCrashSafety::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_timer.start();
    qputenv("HOME", home().toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    QVERIFY(writeFile(home() + u"/.gitconfig"_s,
                      "[user]\n\tname = Rel Engineer\n\temail = rel@example.test\n"));

    bool ok = false;
    const int rounds = qEnvironmentVariableIntValue("STEVEDORE_CRASH_ROUNDS", &ok);
    if (ok && rounds > 0) {
        m_discoverKills = (rounds * 3 + 4) / 5;
        m_promoteKills = rounds - m_discoverKills;
    }
    const QByteArray seed = qgetenv("STEVEDORE_CRASH_SEED");
    m_seed = seed.isEmpty() ? QRandomGenerator::global()->generate() : seed.toUInt();
    qInfo("kill points from seed %u (STEVEDORE_CRASH_SEED=%u replays them); %d kills while "
          "discovering, %d while promoting",
          m_seed, m_seed, m_discoverKills, m_promoteKills);

    const QString repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    m_git = std::make_unique<GitFixture>(repos);
    QVERIFY(m_daemon.start(repos));

    // Discovery: two warehouses, one over git://, one over file://.
    m_sourceOverDaemon = m_git->createRepository(u"app"_s, 3);
    m_sourceOverFile = m_git->createRepository(u"config"_s, 3);
    QVERIFY(!m_sourceOverDaemon.isEmpty() && !m_sourceOverFile.isEmpty());
    m_discoverPipeline = m_dir.filePath(u"pipelines/discover"_s);
    const auto warehouse = [](const QString &name, const QString &url) {
        return u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
               "  name: %1\nspec:\n  interval: 1h\n  subscriptions:\n"
               "  - git:\n      repoURL: %2\n      branch: main\n"_s.arg(name, url)
                   .toUtf8();
    };
    QVERIFY(writeFile(m_discoverPipeline + u"/app.yaml"_s,
                      warehouse(u"app"_s, m_daemon.url(QFileInfo(m_sourceOverDaemon).fileName()))));
    QVERIFY(writeFile(m_discoverPipeline + u"/config.yaml"_s,
                      warehouse(u"config"_s, QUrl::fromLocalFile(m_sourceOverFile).toString())));

    // Promotion: kargo-simple into a GitOps repository over git://.
    m_gitops = m_git->createRepository(u"gitops"_s, 0);
    m_git->commit(m_gitops, u"base/kustomization.yaml"_s, u"resources: []\n"_s, u"Base"_s);
    for (const QString &stage : {u"dev"_s, u"staging"_s, u"prod"_s})
        m_git->commit(m_gitops, u"env/%1/kustomization.yaml"_s.arg(stage),
                      QString::fromUtf8(kustomization(u"v0.0.1"_s)), u"Add "_s + stage);
    m_promotePipeline = m_dir.filePath(u"pipelines/promote"_s);
    QDirIterator it(QStringLiteral(STEVEDORE_FIXTURES_DIR) + u"/kargo-simple"_s);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!QFileInfo(file).isFile())
            continue;
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        text.replace(u"https://github.com/akuity/kargo-simple.git"_s,
                     m_daemon.url(QFileInfo(m_gitops).fileName()));
        text.replace(u"task.outputs['open-pr'].prNumber"_s, u"task.outputs['open-pr'].pr.id"_s);
        QVERIFY(writeFile(m_promotePipeline + u'/' + QFileInfo(file).fileName(), text.toUtf8()));
    }
}

void TestCrashSafety::killedDiscoveryLosesNothing()
{
    QRandomGenerator random(m_seed);
    // How long the first discovery of both warehouses takes here (it clones; later ones
    // fetch): the kill points fall within it, and a little past it, so that some runs finish
    // and report what they stored.
    QElapsedTimer timer;
    timer.start();
    Result first = run({u"discover"_s, m_discoverPipeline, u"--json"_s});
    QCOMPARE(first.exitCode, 0);
    const int duration = int(timer.elapsed());

    QSet<QString> reported; // freight ids a finished discover printed, so stored
    const auto remember = [&](const Result &result) {
        const QJsonArray freight = QJsonDocument::fromJson(result.out.toUtf8()).array();
        for (const QJsonValue &value : freight)
            reported.insert(value.toObject().value(u"id"_s).toString());
    };
    remember(first);
    int killed = 0;
    int finished = 0;
    for (int round = 0; killed < m_discoverKills && round < 4 * m_discoverKills; ++round) {
        // Something new to discover and store in each round.
        m_git->commit(m_sourceOverDaemon, u"app.txt"_s, u"%1\n"_s.arg(round), u"App"_s);
        if (round % 2 == 0)
            m_git->commit(m_sourceOverFile, u"config.txt"_s, u"%1\n"_s.arg(round), u"Config"_s);
        Result result;
        const int delay = int(random.bounded(duration * 5 / 4 + 1));
        if (runAndKill({u"discover"_s, m_discoverPipeline, u"--json"_s}, delay, &result)) {
            ++killed;
        } else {
            ++finished;
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            remember(result);
        }
        checkStores(u"discovery round %1, killed after %2 ms"_s.arg(round).arg(delay));

        // The next start opens the store and finds everything reported before.
        const Result stored = run({u"freight"_s, m_discoverPipeline, u"--json"_s});
        QVERIFY2(stored.exitCode == 0, qPrintable(stored.err));
        QSet<QString> ids;
        const QJsonArray freight = QJsonDocument::fromJson(stored.out.toUtf8()).array();
        for (const QJsonValue &value : freight)
            ids.insert(value.toObject().value(u"id"_s).toString());
        for (const QString &id : std::as_const(reported))
            QVERIFY2(ids.contains(id), qPrintable(u"round %1 (killed after %2 ms): freight %3 "
                                                  "was reported stored and is gone"_s.arg(round)
                                                      .arg(delay)
                                                      .arg(id)));
    }
    QCOMPARE(killed, m_discoverKills);
    m_kills += killed;
    // After all of it, discovery still works and finds the newest commits.
    const Result last = run({u"discover"_s, m_discoverPipeline, u"--json"_s});
    QCOMPARE(last.exitCode, 0);
    const QJsonArray newest = QJsonDocument::fromJson(last.out.toUtf8()).array();
    QCOMPARE(newest.size(), 2);
    QCOMPARE(newest.at(0)
                 .toObject()
                 .value(u"commits"_s)
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(u"id"_s)
                 .toString(),
             m_git->revParse(m_sourceOverDaemon, u"main"_s));
    qInfo("the first discovery took %d ms; %d runs killed, %d finished; %d freight reported, "
          "none lost",
          duration, killed, finished, int(reported.size()));
}

void TestCrashSafety::killedPromotionLeavesNoHalfPush()
{
    QRandomGenerator random(m_seed ^ 0x9e3779b9u);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(run({u"promote"_s, m_promotePipeline, u"--stage"_s, u"dev"_s, u"--freight"_s,
                  addFreight(u"v0.9.0"_s), u"--yes"_s})
                 .exitCode,
             0);
    const int duration = int(timer.elapsed());
    QStringList aliases; // stored freight, which must all survive
    int killedBeforePush = 0;
    int killedAfterPush = 0;
    int finished = 0;
    int recovered = 0; // promotions the next start found Running and marked Errored
    int round = 0;
    for (; killedBeforePush + killedAfterPush < m_promoteKills && round < 4 * m_promoteKills;
         ++round) {
        const QString tag = u"v1.%1.0"_s.arg(round);
        const QString alias = addFreight(tag);
        QVERIFY(!alias.isEmpty());
        aliases.append(alias);
        const QString before = git(m_gitops, {u"rev-parse"_s, u"main"_s});
        const int delay = int(random.bounded(duration + 1));
        Result result;
        const bool killed = runAndKill({u"promote"_s, m_promotePipeline, u"--stage"_s, u"dev"_s,
                                        u"--freight"_s, alias, u"--yes"_s},
                                       delay, &result);
        if (!killed) {
            ++finished;
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        }
        checkStores(u"promotion round %1, killed after %2 ms"_s.arg(round).arg(delay));

        // The remote has the old tip, or the whole promotion: never anything in between.
        const QString after = git(m_gitops, {u"rev-parse"_s, u"main"_s});
        if (after == before) {
            QVERIFY2(killed, "a finished promotion pushed nothing");
            ++killedBeforePush;
        } else {
            if (killed)
                ++killedAfterPush;
            QCOMPARE(git(m_gitops, {u"rev-parse"_s, u"main~1"_s}), before);
            QCOMPARE(git(m_gitops, {u"show"_s, u"main:env/dev/kustomization.yaml"_s}).toUtf8() +
                         '\n',
                     kustomization(tag));
        }
        // The next start marks what the killed run left Running as Errored.
        const Result history =
            run({u"history"_s, m_promotePipeline, u"--stage"_s, u"dev"_s, u"--json"_s});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err));
        const QJsonArray promotions = QJsonDocument::fromJson(history.out.toUtf8()).array();
        // (A run killed before it recorded its promotion left nothing to recover.)
        QVERIFY(promotions.size() <= round + 2);
        for (const QJsonValue &value : promotions) {
            const QString phase = value.toObject().value(u"phase"_s).toString();
            QVERIFY2(phase != u"Running" && phase != u"Pending", qPrintable(history.out));
        }
        if (history.err.contains(u"was interrupted"_s))
            ++recovered;
        checkNoWorkspaceLeft();
    }
    QCOMPARE(killedBeforePush + killedAfterPush, m_promoteKills);
    m_kills += killedBeforePush + killedAfterPush;

    // Every freight stored before the kills is still there.
    const Result stored = run({u"freight"_s, m_promotePipeline, u"--json"_s});
    QCOMPARE(stored.exitCode, 0);
    QStringList storedAliases;
    const QJsonArray freight = QJsonDocument::fromJson(stored.out.toUtf8()).array();
    for (const QJsonValue &value : freight)
        storedAliases.append(value.toObject().value(u"alias"_s).toString());
    for (const QString &alias : std::as_const(aliases))
        QVERIFY2(storedAliases.contains(alias), qPrintable(alias));
    // A process killed between creating its stage lock and writing its PID into it leaves an
    // empty lock file; it must not hold the stage for good.
    const Result storeFile = run({u"store"_s, m_promotePipeline});
    QCOMPARE(storeFile.exitCode, 0);
    const QByteArray lockKey = (storeFile.out.trimmed() + u"#dev"_s).toUtf8();
    const QString emptyLock =
        state() +
        u"/locks/stage-%1.lock"_s.arg(QString::fromLatin1(
            QCryptographicHash::hash(lockKey, QCryptographicHash::Sha256).toHex().left(24)));
    QDir().mkpath(state() + u"/locks"_s);
    {
        QFile lock(emptyLock);
        QVERIFY(lock.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QVERIFY(lock.setFileTime(QDateTime::currentDateTime().addSecs(-60),
                                 QFileDevice::FileModificationTime));
    }
    // And a promotion after all of that goes through.
    const QString last = addFreight(u"v9.0.0"_s);
    QCOMPARE(run({u"promote"_s, m_promotePipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, last,
                  u"--yes"_s})
                 .exitCode,
             0);
    QCOMPARE(git(m_gitops, {u"show"_s, u"main:env/dev/kustomization.yaml"_s}).toUtf8() + '\n',
             kustomization(u"v9.0.0"_s));
    QVERIFY2(!QFileInfo::exists(emptyLock), "the empty lock file was taken over and released");
    qInfo("a promotion takes %d ms; killed before the push landed: %d, after: %d; finished: %d; "
          "interrupted promotions recovered by the next start: %d",
          duration, killedBeforePush, killedAfterPush, finished, recovered);
}

void TestCrashSafety::cleanupTestCase()
{
    qInfo("%d processes killed in %.1f s (seed %u)", m_kills, double(m_timer.elapsed()) / 1000.0,
          m_seed);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
