// `stevedorectl discover` and `stevedorectl freight` as users run them: the real binary, a fresh
// environment per run, pipelines written here, and repositories served over file:// and over
// git:// by a git daemon on 127.0.0.1 (started here and stopped by PID).

#include "engine/freight.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

struct Result
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

QStringList lines(const QString &text)
{
    QStringList result = text.split(u'\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

/// stdout as the one JSON array `--json` prints; an empty array (and a warning) when it is not.
QJsonArray jsonArray(const Result &result)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray()) {
        qWarning("not a JSON array (%s): %s", qPrintable(error.errorString()),
                 qPrintable(result.out));
        return {};
    }
    return document.array();
}

QString warehouseManifest(const QString &name, const QString &subscriptions,
                          const QString &policy = {})
{
    QString manifest = u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
                       "  name: %1\nspec:\n  interval: 1h\n"_s.arg(name);
    if (!policy.isEmpty())
        manifest += u"  freightCreationPolicy: %1\n"_s.arg(policy);
    return manifest + u"  subscriptions:\n"_s + subscriptions;
}

QString branchSubscription(const QString &url, const QString &branch = u"main"_s,
                           const QString &name = {})
{
    QString subscription = u"  - git:\n      repoURL: %1\n      branch: %2\n"_s.arg(url, branch);
    if (!name.isEmpty())
        subscription += u"      name: %1\n"_s.arg(name);
    return subscription;
}

QString semverSubscription(const QString &url, const QString &constraint)
{
    return u"  - git:\n      repoURL: %1\n      commitSelectionStrategy: SemVer\n"
           "      semverConstraint: \"%2\"\n"_s.arg(url, constraint);
}

QString fileUrl(const QString &repository)
{
    return QUrl::fromLocalFile(repository).toString();
}

/// The freight id Kargo would give one commit from one subscription.
QString expectedId(const QString &warehouse, const QString &repoURL, const QString &commit,
                   const QString &tag = {}, const QString &subscriptionName = {})
{
    FreightCommit freightCommit;
    freightCommit.repoURL = repoURL;
    freightCommit.id = commit;
    freightCommit.tag = tag;
    freightCommit.subscriptionName = subscriptionName;
    return Freight::computeId(warehouse, {freightCommit}, {}, {});
}

} // namespace

class TestCliDiscover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void discoverPrintsFreight();
    void discoverJson_data();
    void discoverJson();
    void rediscoverAndNewCommit_data();
    void rediscoverAndNewCommit();
    void warehouseOption();
    void failingSubscription_data();
    void failingSubscription();
    void semverTags();
    void manualPolicyStoresNothing();
    void freightNeverDiscovered();
    void usageErrors_data();
    void usageErrors();

private:
    QProcessEnvironment environment() const;
    Result run(const QStringList &arguments) const;
    QString home() const { return m_temp->filePath(u"home"_s); }
    QString stateDir() const { return m_temp->filePath(u"state"_s); }
    QString writePipeline(const QString &name, const QString &manifests) const;
    /// A bare repository with two commits on main, named after the test and its data row.
    QString createRepository(const QString &name);
    /// Checks one freight object of `--json` output for a commit selected from a branch.
    void verifyBranchFreight(const QJsonObject &freight, const QString &warehouse,
                             const QString &repoURL, const QString &repository,
                             const QString &message, const QDateTime &notBefore,
                             const QDateTime &notAfter);

    QTemporaryDir m_dir;
    QString m_repos;
    std::unique_ptr<GitFixture> m_git;
    GitDaemon m_daemon;
    std::unique_ptr<QTemporaryDir> m_temp;
};

void TestCliDiscover::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QStringLiteral(STEVEDORECTL_PATH)).isExecutable(), STEVEDORECTL_PATH);
    QVERIFY(m_dir.isValid());
    m_repos = m_dir.filePath(u"repos"_s);
    QVERIFY(QDir().mkpath(m_repos));
    m_git = std::make_unique<GitFixture>(m_repos);
    QVERIFY(m_daemon.start(m_repos));
}

void TestCliDiscover::init()
{
    // Every test starts with no state: no store, no git cache, no settings.
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    QVERIFY(QDir().mkpath(home()));
}

void TestCliDiscover::cleanup()
{
    m_temp.reset();
}

/// Built from nothing for every run, so that nothing of the user's (git configuration, SSH
QProcessEnvironment TestCliDiscover::environment() const
{
    return Stevedore::Testing::isolatedEnvironment(home(), stateDir());
}

Result TestCliDiscover::run(const QStringList &arguments) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.setWorkingDirectory(m_temp->path());
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    Result result;
    result.finished =
        process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestCliDiscover::writePipeline(const QString &name, const QString &manifests) const
{
    const QString dir = m_temp->filePath(u"pipelines/"_s + name);
    if (!QDir().mkpath(dir))
        return {};
    QFile file(dir + u"/warehouses.yaml"_s);
    if (!file.open(QIODevice::WriteOnly) || file.write(manifests.toUtf8()) < 0)
        return {};
    return dir;
}

QString TestCliDiscover::createRepository(const QString &name)
{
    QString row = QString::fromUtf8(QTest::currentDataTag());
    row.replace(QRegularExpression(u"[^A-Za-z0-9]+"_s), u"-"_s);
    const QString repository = m_git->createRepository(row.isEmpty() ? name : name + u'-' + row, 0);
    if (repository.isEmpty())
        return {};
    m_git->commit(repository, u"README.md"_s, u"hello"_s, u"Initial import"_s);
    m_git->commit(repository, u"src/main.c"_s, u"int main;"_s, u"Add the program"_s);
    return repository;
}

void TestCliDiscover::verifyBranchFreight(const QJsonObject &freight, const QString &warehouse,
                                          const QString &repoURL, const QString &repository,
                                          const QString &message, const QDateTime &notBefore,
                                          const QDateTime &notAfter)
{
    const QString head = m_git->revParse(repository, u"main"_s);
    QVERIFY(!head.isEmpty());
    QCOMPARE(freight.value(u"id"_s).toString(), expectedId(warehouse, repoURL, head));
    QVERIFY2(!freight.value(u"alias"_s).toString().isEmpty(),
             qPrintable(QString::fromUtf8(QJsonDocument(freight).toJson())));
    QCOMPARE(freight.value(u"origin"_s).toObject(),
             (QJsonObject{{u"kind"_s, u"Warehouse"_s}, {u"name"_s, warehouse}}));

    const QJsonArray commits = freight.value(u"commits"_s).toArray();
    QCOMPARE(commits.size(), 1);
    const QJsonObject commit = commits.first().toObject();
    QCOMPARE(commit.value(u"repoURL"_s).toString(), repoURL);
    QCOMPARE(commit.value(u"id"_s).toString(), head);
    QCOMPARE(commit.value(u"branch"_s).toString(), u"main"_s);
    QVERIFY(!commit.contains(u"tag"_s)); // Kargo leaves empty fields out
    QCOMPARE(commit.value(u"message"_s).toString(), message);

    // RFC 3339 in UTC, whole seconds, from the time of the run.
    const QString discoveredAt = freight.value(u"discoveredAt"_s).toString();
    QVERIFY2(QRegularExpression(uR"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)"_s)
                 .match(discoveredAt)
                 .hasMatch(),
             qPrintable(discoveredAt));
    const QDateTime when = QDateTime::fromString(discoveredAt, Qt::ISODate);
    QVERIFY(when.isValid());
    QCOMPARE(when.timeSpec(), Qt::UTC);
    QVERIFY2(when >= notBefore.addMSecs(-notBefore.time().msec()) && when <= notAfter,
             qPrintable(discoveredAt));
}

void TestCliDiscover::discoverPrintsFreight()
{
    const QString repository = createRepository(u"text"_s);
    QVERIFY(!repository.isEmpty());
    const QString url = fileUrl(repository);
    const QString pipeline =
        writePipeline(u"text"_s, warehouseManifest(u"app"_s, branchSubscription(url)));
    QVERIFY(!pipeline.isEmpty());

    const Result result = run({u"discover"_s, pipeline});
    QVERIFY(result.finished);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);
    const QStringList printed = lines(result.out);
    QCOMPARE(printed.size(), 2);

    // ALIAS  ID  WAREHOUSE  DISCOVERED-AT, then one line per commit.
    const QString head = m_git->revParse(repository, u"main"_s);
    const auto header =
        QRegularExpression(uR"(^(\S+)  ([0-9a-f]{40})  app  (\S+Z)$)"_s).match(printed.at(0));
    QVERIFY2(header.hasMatch(), qPrintable(printed.at(0)));
    QCOMPARE(header.captured(2), expectedId(u"app"_s, url, head));
    QCOMPARE(printed.at(1), u"    commit %1 %2 (main)  Add the program"_s.arg(url, head.left(12)));

    // The same freight, as stored: the alias printed is the one kept.
    const Result stored = run({u"freight"_s, pipeline, u"--json"_s});
    QVERIFY(stored.finished);
    QCOMPARE(stored.exitCode, 0);
    const QJsonArray list = jsonArray(stored);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"alias"_s).toString(), header.captured(1));
    QCOMPARE(list.first().toObject().value(u"id"_s).toString(), header.captured(2));
    QCOMPARE(list.first().toObject().value(u"discoveredAt"_s).toString(), header.captured(3));

    // `freight` without --json prints it the same way.
    const Result text = run({u"freight"_s, pipeline});
    QVERIFY(text.finished);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, result.out);
    QCOMPARE(text.err, QString());
}

void TestCliDiscover::discoverJson_data()
{
    QTest::addColumn<bool>("overGitDaemon");
    QTest::newRow("file://") << false;
    QTest::newRow("git://") << true;
}

void TestCliDiscover::discoverJson()
{
    QFETCH(bool, overGitDaemon);
    const QString repository = createRepository(u"json"_s);
    QVERIFY(!repository.isEmpty());
    const QString url =
        overGitDaemon ? m_daemon.url(QFileInfo(repository).fileName()) : fileUrl(repository);
    const QString pipeline =
        writePipeline(u"json"_s, warehouseManifest(u"app"_s, branchSubscription(url)));
    QVERIFY(!pipeline.isEmpty());

    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Result result = run({u"discover"_s, u"--json"_s, pipeline});
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY(result.finished);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);
    const QJsonArray list = jsonArray(result);
    QCOMPARE(list.size(), 1);
    verifyBranchFreight(list.first().toObject(), u"app"_s, url, repository, u"Add the program"_s,
                        before, after);
}

void TestCliDiscover::rediscoverAndNewCommit_data()
{
    QTest::addColumn<bool>("overGitDaemon");
    QTest::newRow("file://") << false;
    QTest::newRow("git://") << true;
}

void TestCliDiscover::rediscoverAndNewCommit()
{
    QFETCH(bool, overGitDaemon);
    const QString repository = createRepository(u"again"_s);
    QVERIFY(!repository.isEmpty());
    // A daemon of this test's own, to be stopped before `freight`.
    auto daemon = std::make_unique<GitDaemon>();
    if (overGitDaemon)
        QVERIFY(daemon->start(m_repos));
    const QString url =
        overGitDaemon ? daemon->url(QFileInfo(repository).fileName()) : fileUrl(repository);
    const QString pipeline =
        writePipeline(u"again"_s, warehouseManifest(u"app"_s, branchSubscription(url)));
    QVERIFY(!pipeline.isEmpty());

    const Result first = run({u"discover"_s, pipeline, u"--json"_s});
    QVERIFY(first.finished);
    QCOMPARE(first.err, QString());
    QCOMPARE(first.exitCode, 0);
    const QJsonArray firstList = jsonArray(first);
    QCOMPARE(firstList.size(), 1);
    const QJsonObject older = firstList.first().toObject();

    // Nothing new: the same freight again (already stored), not a new one.
    const Result again = run({u"discover"_s, pipeline, u"--json"_s});
    QVERIFY(again.finished);
    QCOMPARE(again.err, QString());
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(jsonArray(again), firstList);
    const Result textAgain = run({u"discover"_s, pipeline});
    QVERIFY(textAgain.finished);
    QCOMPARE(textAgain.exitCode, 0);
    QVERIFY2(textAgain.out.startsWith(older.value(u"alias"_s).toString() + u"  "_s +
                                      older.value(u"id"_s).toString() + u"  app  "_s),
             qPrintable(textAgain.out));

    // A new commit: new freight, with a new id and a new alias.
    const QString newHead =
        m_git->commit(repository, u"docs/guide.md"_s, u"guide"_s, u"Write a guide"_s);
    QVERIFY(!newHead.isEmpty());
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const Result next = run({u"discover"_s, pipeline, u"--json"_s});
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QVERIFY(next.finished);
    QCOMPARE(next.err, QString());
    QCOMPARE(next.exitCode, 0);
    const QJsonArray nextList = jsonArray(next);
    QCOMPARE(nextList.size(), 1);
    const QJsonObject newer = nextList.first().toObject();
    verifyBranchFreight(newer, u"app"_s, url, repository, u"Write a guide"_s, before, after);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(newer.value(u"commits"_s).toArray().first().toObject().value(u"id"_s).toString(),
             newHead);
    QVERIFY(newer.value(u"id"_s) != older.value(u"id"_s));
    QVERIFY(newer.value(u"alias"_s) != older.value(u"alias"_s));

    // Without network: the server is gone (or the repository moved away), and the stored
    // freight is still listed, newest first.
    if (overGitDaemon) {
        const int port = daemon->port();
        daemon.reset();
        QVERIFY(!waitForPort(port, 300));
    } else {
        QVERIFY(QDir().rename(repository, repository + u".away"_s));
    }
    const Result listed = run({u"freight"_s, pipeline, u"--json"_s});
    QVERIFY(listed.finished);
    QCOMPARE(listed.err, QString());
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(jsonArray(listed), (QJsonArray{newer, older}));

    // And polling now fails, which is what tells the listing above used no network.
    const Result offline = run({u"discover"_s, pipeline});
    QVERIFY(offline.finished);
    QCOMPARE(offline.exitCode, 1);
    QVERIFY2(offline.err.startsWith(u"app/"_s + url + u": "_s), qPrintable(offline.err));
}

void TestCliDiscover::warehouseOption()
{
    const QString frontendRepository = createRepository(u"frontend"_s);
    const QString backendRepository = createRepository(u"backend"_s);
    QVERIFY(!frontendRepository.isEmpty() && !backendRepository.isEmpty());
    const QString frontendUrl = fileUrl(frontendRepository);
    const QString backendUrl = m_daemon.url(QFileInfo(backendRepository).fileName());
    const QString pipeline = writePipeline(
        u"two"_s, warehouseManifest(u"frontend"_s, branchSubscription(frontendUrl)) + u"---\n"_s +
                      warehouseManifest(u"backend"_s, branchSubscription(backendUrl)));
    QVERIFY(!pipeline.isEmpty());

    const Result only = run({u"discover"_s, pipeline, u"--warehouse"_s, u"backend"_s, u"--json"_s});
    QVERIFY(only.finished);
    QCOMPARE(only.err, QString());
    QCOMPARE(only.exitCode, 0);
    const QJsonArray onlyList = jsonArray(only);
    QCOMPARE(onlyList.size(), 1);
    const QString backendHead = m_git->revParse(backendRepository, u"main"_s);
    QCOMPARE(onlyList.first().toObject().value(u"id"_s).toString(),
             expectedId(u"backend"_s, backendUrl, backendHead));

    // Only that warehouse was polled: only it has freight.
    const Result stored = run({u"freight"_s, pipeline, u"--json"_s});
    QVERIFY(stored.finished);
    QCOMPARE(stored.exitCode, 0);
    QCOMPARE(jsonArray(stored), onlyList);

    // The other one, with the value given inline.
    const Result other = run({u"discover"_s, u"--warehouse=frontend"_s, pipeline, u"--json"_s});
    QVERIFY(other.finished);
    QCOMPARE(other.err, QString());
    QCOMPARE(other.exitCode, 0);
    const QJsonArray otherList = jsonArray(other);
    QCOMPARE(otherList.size(), 1);
    QCOMPARE(otherList.first().toObject().value(u"origin"_s).toObject().value(u"name"_s),
             QJsonValue(u"frontend"_s));

    // Without the option: every warehouse, in the order of the pipeline.
    const Result all = run({u"discover"_s, pipeline, u"--json"_s});
    QVERIFY(all.finished);
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(jsonArray(all), (QJsonArray{otherList.first(), onlyList.first()}));

    const Result unknown = run({u"discover"_s, pipeline, u"--warehouse"_s, u"nope"_s});
    QVERIFY(unknown.finished);
    QCOMPARE(unknown.exitCode, 2);
    QCOMPARE(unknown.out, QString());
    QVERIFY2(unknown.err.startsWith(u"stevedorectl: discover: no warehouse \"nope\""_s),
             qPrintable(unknown.err));
}

void TestCliDiscover::failingSubscription_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");

    // freePort() binds and releases: nothing listens there afterwards.
    QTest::newRow("nothing listens")
        << u"git://127.0.0.1:%1/app.git"_s.arg(freePort()) << u"main"_s << QString() << QString();
    QTest::newRow("missing branch")
        << QString() << u"nope"_s << QString() << u"has no branch \"nope\""_s;
    QTest::newRow("missing branch, named subscription")
        << QString() << u"nope"_s << u"config"_s << u"has no branch \"nope\""_s;
}

void TestCliDiscover::failingSubscription()
{
    QFETCH(QString, url);
    QFETCH(QString, branch);
    QFETCH(QString, name);
    QFETCH(QString, message);
    const QString healthyRepository = createRepository(u"healthy"_s);
    QVERIFY(!healthyRepository.isEmpty());
    const QString healthyUrl = fileUrl(healthyRepository);
    if (url.isEmpty()) {
        const QString brokenRepository = createRepository(u"broken"_s);
        QVERIFY(!brokenRepository.isEmpty());
        url = fileUrl(brokenRepository);
    }
    const QString pipeline = writePipeline(
        u"failing"_s, warehouseManifest(u"broken"_s, branchSubscription(url, branch, name)) +
                          u"---\n"_s +
                          warehouseManifest(u"healthy"_s, branchSubscription(healthyUrl)));
    QVERIFY(!pipeline.isEmpty());

    const Result result = run({u"discover"_s, pipeline, u"--json"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    const QStringList errors = lines(result.err);
    QCOMPARE(errors.size(), 1);
    const QString prefix = u"broken/"_s + (name.isEmpty() ? url : name) + u": "_s;
    QVERIFY2(errors.first().startsWith(prefix), qPrintable(errors.first()));
    QVERIFY2(errors.first().size() > prefix.size(), qPrintable(errors.first()));
    if (!message.isEmpty())
        QVERIFY2(errors.first().contains(message), qPrintable(errors.first()));

    // The other warehouse still got its freight, and only it.
    const QJsonArray list = jsonArray(result);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"id"_s).toString(),
             expectedId(u"healthy"_s, healthyUrl, m_git->revParse(healthyRepository, u"main"_s)));
    const Result stored = run({u"freight"_s, pipeline, u"--json"_s});
    QVERIFY(stored.finished);
    QCOMPARE(stored.exitCode, 0);
    QCOMPARE(jsonArray(stored), list);
}

void TestCliDiscover::semverTags()
{
    const QString repository = m_git->createRepository(u"semver"_s, 0);
    QVERIFY(!repository.isEmpty());
    // The highest version in range is neither the newest tag, nor the newest commit, nor the
    // greatest tag by name.
    const QList<std::pair<QString, QString>> history{
        {u"First release"_s, u"v1.0.0"_s}, {u"Tenth minor"_s, u"v1.10.0"_s},
        {u"Second minor"_s, u"v1.2.0"_s},  {u"Next major"_s, u"v2.0.0"_s},
        {u"Untagged work"_s, QString()},
    };
    int file = 0;
    for (const auto &[subject, tag] : history) {
        QVERIFY(
            !m_git->commit(repository, u"file-%1.txt"_s.arg(++file), subject, subject).isEmpty());
        if (!tag.isEmpty())
            QVERIFY(m_git->tag(repository, tag));
    }
    const QString url = m_daemon.url(QFileInfo(repository).fileName());
    const QString pipeline = writePipeline(
        u"semver"_s, warehouseManifest(u"app"_s, semverSubscription(url, u"^1.0.0"_s)));
    QVERIFY(!pipeline.isEmpty());

    const Result result = run({u"discover"_s, pipeline, u"--json"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);
    const QJsonArray list = jsonArray(result);
    QCOMPARE(list.size(), 1);
    const QJsonObject freight = list.first().toObject();
    const QString commit = m_git->revParse(repository, u"v1.10.0"_s);
    QCOMPARE(freight.value(u"id"_s).toString(), expectedId(u"app"_s, url, commit, u"v1.10.0"_s));
    const QJsonArray commits = freight.value(u"commits"_s).toArray();
    QCOMPARE(commits.size(), 1);
    const QJsonObject selected = commits.first().toObject();
    QCOMPARE(selected.value(u"repoURL"_s).toString(), url);
    QCOMPARE(selected.value(u"id"_s).toString(), commit);
    QCOMPARE(selected.value(u"tag"_s).toString(), u"v1.10.0"_s);
    QVERIFY(!selected.contains(u"branch"_s));
    QCOMPARE(selected.value(u"message"_s).toString(), u"Tenth minor"_s);

    const Result text = run({u"discover"_s, pipeline});
    QVERIFY(text.finished);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(lines(text.out).value(1),
             u"    commit %1 %2 (v1.10.0)  Tenth minor"_s.arg(url, commit.left(12)));
}

void TestCliDiscover::manualPolicyStoresNothing()
{
    const QString manualRepository = createRepository(u"manual"_s);
    const QString autoRepository = createRepository(u"automatic"_s);
    QVERIFY(!manualRepository.isEmpty() && !autoRepository.isEmpty());
    const QString manualOnly = writePipeline(
        u"manual"_s, warehouseManifest(u"handpicked"_s,
                                       branchSubscription(fileUrl(manualRepository)), u"Manual"_s));
    QVERIFY(!manualOnly.isEmpty());

    // Discovered, but no freight made: nothing to print, and no failure.
    const Result result = run({u"discover"_s, manualOnly});
    QVERIFY(result.finished);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QString());
    const Result json = run({u"discover"_s, manualOnly, u"--json"_s});
    QVERIFY(json.finished);
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(jsonArray(json), QJsonArray());
    const Result stored = run({u"freight"_s, manualOnly});
    QVERIFY(stored.finished);
    QCOMPARE(stored.exitCode, 0);
    QCOMPARE(stored.out, QString());

    // Beside an Automatic warehouse: only that one's freight.
    const QString autoUrl = m_daemon.url(QFileInfo(autoRepository).fileName());
    const QString mixed = writePipeline(
        u"mixed"_s,
        warehouseManifest(u"handpicked"_s, branchSubscription(fileUrl(manualRepository)),
                          u"Manual"_s) +
            u"---\n"_s +
            warehouseManifest(u"automatic"_s, branchSubscription(autoUrl), u"Automatic"_s));
    QVERIFY(!mixed.isEmpty());
    const Result both = run({u"discover"_s, mixed, u"--json"_s});
    QVERIFY(both.finished);
    QCOMPARE(both.err, QString());
    QCOMPARE(both.exitCode, 0);
    const QJsonArray list = jsonArray(both);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(u"origin"_s).toObject().value(u"name"_s),
             QJsonValue(u"automatic"_s));
}

void TestCliDiscover::freightNeverDiscovered()
{
    const QString repository = createRepository(u"never"_s);
    QVERIFY(!repository.isEmpty());
    const QString pipeline = writePipeline(
        u"never"_s, warehouseManifest(u"app"_s, branchSubscription(fileUrl(repository))));
    QVERIFY(!pipeline.isEmpty());

    const Result text = run({u"freight"_s, pipeline});
    QVERIFY(text.finished);
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out, QString());
    QCOMPARE(text.err, QString());
    const Result json = run({u"freight"_s, pipeline, u"--json"_s});
    QVERIFY(json.finished);
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(json.err, QString());
    QCOMPARE(jsonArray(json), QJsonArray());
}

void TestCliDiscover::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    // Any existing folder will do: these fail before it is read.
    const QString path = QDir::tempPath();

    QTest::newRow("discover without path")
        << QStringList{u"discover"_s} << u"discover: missing PATH"_s;
    QTest::newRow("discover two paths")
        << QStringList{u"discover"_s, path, path} << u"discover: takes one PATH"_s;
    QTest::newRow("discover unknown option")
        << QStringList{u"discover"_s, u"--bogus"_s, path} << u"discover: unknown option --bogus"_s;
    QTest::newRow("discover warehouse without value")
        << QStringList{u"discover"_s, path, u"--warehouse"_s}
        << u"option --warehouse needs a value"_s;
    // An unset shell variable must not quietly mean every warehouse.
    QTest::newRow("discover warehouse empty") << QStringList{u"discover"_s, path, u"--warehouse="_s}
                                              << u"discover: option --warehouse needs a value"_s;
    QTest::newRow("discover warehouse empty argument")
        << QStringList{u"discover"_s, u"--warehouse"_s, QString(), path}
        << u"discover: option --warehouse needs a value"_s;
    QTest::newRow("discover missing path") << QStringList{u"discover"_s, u"no/such/pipeline"_s}
                                           << u"no/such/pipeline: no such file or folder"_s;
    QTest::newRow("freight without path")
        << QStringList{u"freight"_s} << u"freight: missing PATH"_s;
    QTest::newRow("freight two paths")
        << QStringList{u"freight"_s, path, path} << u"freight: takes one PATH"_s;
    QTest::newRow("freight unknown option")
        << QStringList{u"freight"_s, path, u"--bogus"_s} << u"freight: unknown option --bogus"_s;
    QTest::newRow("freight does not take --warehouse")
        << QStringList{u"freight"_s, u"--warehouse"_s, u"app"_s, path}
        << u"freight: unknown option --warehouse"_s;
}

void TestCliDiscover::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.startsWith(u"stevedorectl: "_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    // Usage errors come before any work: no store was created.
    QVERIFY(!QFileInfo::exists(stateDir()));
}

QTEST_GUILESS_MAIN(TestCliDiscover)
#include "tst_clidiscover.moc"
