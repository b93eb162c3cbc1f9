// Freight assembled by hand from what discovery stored, and freight compared, against real git
// repositories polled over file:// into the state folder's git cache: picks checked against the
// stored candidates, Kargo's ids, no duplicates, refusals, and commit logs read offline.

#include "engine/discoveryscheduler.h"
#include "engine/freightassembler.h"
#include "engine/freightcomparison.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

QString gitSubscription(const QString &url, const QString &branch, const QString &name = {})
{
    QString text = u"  - git:\n      repoURL: %1\n      branch: %2\n"_s.arg(url, branch);
    if (!name.isEmpty())
        text += u"      name: %1\n"_s.arg(name);
    return text;
}

QString warehouse(const QString &name, const QString &subscriptions,
                  const QString &policy = u"Manual"_s)
{
    return u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: %1\n"
           "spec:\n  interval: 1h\n  freightCreationPolicy: %2\n  subscriptions:\n"_s.arg(name,
                                                                                          policy) +
           subscriptions + u"---\n"_s;
}

QString digest(char c)
{
    return u"sha256:"_s + QString(64, QChar::fromLatin1(c));
}

} // namespace

class TestFreightAssembly : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void pollingAManualWarehouseMakesNoFreight();
    void assembleFromStoredCommits();
    void sameArtifactsAreNotStoredTwice();
    void refusals_data();
    void refusals();
    void imagesAndCharts();
    void compareForwardAndBack();
    void compareDiverged();
    void compareWithoutCache();
    void compareWithStage();
    void compareDifferentWarehouses();

private:
    void poll(const QStringList &warehouses);

    QTemporaryDir m_dir;
    QString m_pipelinePath;
    QString m_repository;
    QString m_url;
    QStringList m_commits; ///< on main, oldest first
    QString m_sideCommit;  ///< on branch side, forked from the first commit
    Pipeline m_pipeline;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<GitFixture> m_git;
};

void TestFreightAssembly::initTestCase()
{
    QVERIFY(m_dir.isValid());
    qputenv("HOME", m_dir.filePath(u"home"_s).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    StatePaths::setOverride(m_dir.filePath(u"state"_s));
    const QString repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    m_git = std::make_unique<GitFixture>(repos);
    m_repository = m_git->createRepository(u"app"_s, 3);
    QVERIFY(!m_repository.isEmpty());
    for (const QString &rev : {u"main~2"_s, u"main~1"_s, u"main"_s})
        m_commits.append(m_git->revParse(m_repository, rev));
    QVERIFY(m_git->tag(m_repository, u"v1.0.0"_s, m_commits.at(1)));
    // A branch `side` from the first commit, with a commit of its own.
    const QString work = m_dir.filePath(u"side"_s);
    const QProcessEnvironment env = GitFixture::environment(m_dir.filePath(u"home"_s));
    QVERIFY(run(u"git"_s, {u"clone"_s, u"-q"_s, m_repository, work}, nullptr, {}, env));
    QVERIFY(run(u"git"_s,
                {u"-C"_s, work, u"checkout"_s, u"-q"_s, u"-b"_s, u"side"_s, m_commits.first()},
                nullptr, {}, env));
    QFile file(work + u"/side.txt"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("side\n");
    file.close();
    QVERIFY(run(u"git"_s, {u"-C"_s, work, u"add"_s, u"side.txt"_s}, nullptr, {}, env));
    QVERIFY(run(u"git"_s, {u"-C"_s, work, u"commit"_s, u"-q"_s, u"-m"_s, u"Side work"_s}, nullptr,
                {}, env));
    QVERIFY(run(u"git"_s, {u"-C"_s, work, u"push"_s, u"-q"_s, u"origin"_s, u"side"_s}, nullptr, {},
                env));
    m_sideCommit = m_git->revParse(m_repository, u"side"_s);

    m_url = QUrl::fromLocalFile(m_repository).toString();
    m_pipelinePath = m_dir.filePath(u"pipeline"_s);
    QDir().mkpath(m_pipelinePath);
    const QString imageAndChart =
        u"  - image:\n      repoURL: registry.example/team/app\n"
        "  - chart:\n      repoURL: https://charts.example/stable\n      name: app\n"_s;
    const QString manifests =
        warehouse(u"manual"_s, gitSubscription(m_url, u"main"_s)) +
        warehouse(u"two"_s, gitSubscription(m_url, u"main"_s, u"first"_s) +
                                gitSubscription(m_url, u"side"_s, u"second"_s)) +
        warehouse(u"artifacts"_s, imageAndChart) +
        warehouse(u"auto"_s, gitSubscription(m_url, u"main"_s), u"Automatic"_s) +
        u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: dev\nspec:\n"
        "  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: manual\n"
        "    sources:\n      direct: true\n"_s;
    QFile pipeline(m_pipelinePath + u"/pipeline.yaml"_s);
    QVERIFY(pipeline.open(QIODevice::WriteOnly));
    pipeline.write(manifests.toUtf8());
    pipeline.close();
    m_pipeline = ManifestLoader::load(m_pipelinePath);
    QVERIFY2(!m_pipeline.hasErrors(), qPrintable(m_pipeline.problems.value(0).toString()));
    QString error;
    m_store = Store::open(m_pipelinePath, &error);
    QVERIFY2(m_store, qPrintable(error));
    poll({u"manual"_s, u"two"_s});
}

void TestFreightAssembly::poll(const QStringList &warehouses)
{
    DiscoveryScheduler::Settings settings;
    settings.pollOnTimer = false;
    DiscoveryScheduler scheduler(m_store.get(), StatePaths::cacheDir(), settings);
    scheduler.setPipeline(m_pipeline);
    QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
    for (const QString &name : warehouses)
        scheduler.refresh(name);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), warehouses.size(), 30000);
    for (const QList<QVariant> &arguments : std::as_const(finished))
        QVERIFY2(arguments.at(1).toStringList().isEmpty(),
                 qPrintable(arguments.at(1).toStringList().join(u'\n')));
}

void TestFreightAssembly::pollingAManualWarehouseMakesNoFreight()
{
    QVERIFY(m_store->freight(u"manual"_s).isEmpty());
    const QList<SubscriptionCandidates> candidates =
        FreightAssembler::candidates(*m_pipeline.warehouse(u"manual"_s), *m_store);
    QCOMPARE(candidates.size(), 1);
    QCOMPARE(candidates.first().kind, Subscription::Kind::Git);
    QCOMPARE(candidates.first().repoURL, m_url);
    // Newest first, with what the store knows of each.
    QCOMPARE(candidates.first().commits.size(), 3);
    QCOMPARE(candidates.first().commits.at(0).id, m_commits.at(2));
    QCOMPARE(candidates.first().commits.at(2).id, m_commits.at(0));
    QCOMPARE(candidates.first().commits.at(0).subject, u"Commit 2"_s);
    QVERIFY(candidates.first().commits.at(0).author.contains(u"Test Author"_s));
}

void TestFreightAssembly::assembleFromStoredCommits()
{
    // A short prefix is enough when no other candidate shares it.
    const AssemblyResult result =
        FreightAssembler::assemble(m_pipeline, *m_store, u"manual"_s,
                                   {{Subscription::Kind::Git, {}, m_commits.at(1).left(8)}});
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.outcome, AssemblyResult::Outcome::Created);
    FreightCommit expected;
    expected.repoURL = m_url;
    expected.id = m_commits.at(1);
    QCOMPARE(result.freight.id, Freight::computeId(u"manual"_s, {expected}, {}, {}));
    QCOMPARE(result.freight.origin.name, u"manual"_s);
    QCOMPARE(result.freight.commits.size(), 1);
    QCOMPARE(result.freight.commits.first().message, u"Commit 1"_s);
    QCOMPARE(result.freight.commits.first().branch, u"main"_s);
    QVERIFY(result.freight.commits.first().committedAt.isValid());
    QVERIFY(!result.freight.alias.isEmpty());
    QVERIFY(result.freight.discoveredAt.isValid());
    const std::optional<Freight> stored = m_store->findFreight(result.freight.alias);
    QVERIFY(stored);
    QCOMPARE(stored->id, result.freight.id);
    QCOMPARE(stored->commits, result.freight.commits);
}

void TestFreightAssembly::sameArtifactsAreNotStoredTwice()
{
    const QList<AssemblyPick> picks{{Subscription::Kind::Git, m_url, m_commits.at(2)}};
    const AssemblyResult first =
        FreightAssembler::assemble(m_pipeline, *m_store, u"manual"_s, picks);
    QCOMPARE(first.outcome, AssemblyResult::Outcome::Created);
    const qsizetype count = m_store->freight().size();
    const AssemblyResult again =
        FreightAssembler::assemble(m_pipeline, *m_store, u"manual"_s, picks);
    QCOMPARE(again.outcome, AssemblyResult::Outcome::Existing);
    QVERIFY(again.ok());
    QCOMPARE(again.freight.id, first.freight.id);
    QCOMPARE(again.freight.alias, first.freight.alias);
    QCOMPARE(m_store->freight().size(), count);
}

void TestFreightAssembly::refusals_data()
{
    QTest::addColumn<QString>("warehouse");
    QTest::addColumn<QList<AssemblyPick>>("picks");
    QTest::addColumn<QString>("error");
    const QString unknown = QString(40, u'f');
    QTest::newRow("unknown warehouse")
        << u"nope"_s << QList<AssemblyPick>{{Subscription::Kind::Git, {}, u"abc"_s}}
        << u"no warehouse \"nope\""_s;
    QTest::newRow("not a candidate")
        << u"manual"_s << QList<AssemblyPick>{{Subscription::Kind::Git, {}, unknown}}
        << u"is not a stored candidate"_s;
    QTest::newRow("missing pick") << u"two"_s
                                  << QList<AssemblyPick>{{Subscription::Kind::Git, u"first"_s,
                                                          u"abc"_s}}
                                  << u"no commit picked for subscription second"_s;
    QTest::newRow("which subscription")
        << u"two"_s << QList<AssemblyPick>{{Subscription::Kind::Git, {}, u"abc"_s}}
        << u"has 2 git subscriptions"_s;
    QTest::newRow("unknown subscription")
        << u"two"_s << QList<AssemblyPick>{{Subscription::Kind::Git, u"third"_s, u"abc"_s}}
        << u"no git subscription \"third\""_s;
    QTest::newRow("wrong kind") << u"manual"_s
                                << QList<AssemblyPick>{{Subscription::Kind::Image, {}, u"v1"_s}}
                                << u"has no image subscription"_s;
    QTest::newRow("picked twice") << u"manual"_s
                                  << QList<AssemblyPick>{{Subscription::Kind::Git, {}, u"a"_s},
                                                         {Subscription::Kind::Git, {}, u"b"_s}}
                                  << u"picked twice"_s;
    QTest::newRow("commit of another branch")
        << u"two"_s
        << QList<AssemblyPick>{{Subscription::Kind::Git, u"first"_s, m_sideCommit},
                               {Subscription::Kind::Git, u"second"_s, m_sideCommit}}
        << u"is not a stored candidate of first"_s;
}

void TestFreightAssembly::refusals()
{
    QFETCH(QString, warehouse);
    QFETCH(QList<AssemblyPick>, picks);
    QFETCH(QString, error);
    const qsizetype count = m_store->freight().size();
    const AssemblyResult result =
        FreightAssembler::assemble(m_pipeline, *m_store, warehouse, picks);
    QCOMPARE(result.outcome, AssemblyResult::Outcome::Refused);
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QCOMPARE(m_store->freight().size(), count);
}

void TestFreightAssembly::imagesAndCharts()
{
    const QString key =
        Store::subscriptionKey(m_pipeline.warehouse(u"artifacts"_s)->subscriptions.at(0));
    const QString chartKey =
        Store::subscriptionKey(m_pipeline.warehouse(u"artifacts"_s)->subscriptions.at(1));
    // As discovery keeps them: two polls, the second found v1.1.0 and a moved v1.0.0.
    QVERIFY(m_store->saveArtifacts(u"artifacts"_s, key, u"registry.example/team/app"_s,
                                   {{u"v1.0.0"_s, digest('a'), {}}, {u"v0.9.0"_s, digest('9'), {}}},
                                   {}));
    QVERIFY(m_store->saveArtifacts(u"artifacts"_s, chartKey, u"https://charts.example/stable"_s, {},
                                   {{u"app"_s, u"2.0.0"_s}, {u"app"_s, u"1.0.0"_s}}));
    QTest::qWait(20); // the polls are told apart by first_seen (milliseconds)
    QVERIFY(m_store->saveArtifacts(u"artifacts"_s, key, u"registry.example/team/app"_s,
                                   {{u"v1.1.0"_s, digest('b'), {}}, {u"v1.0.0"_s, digest('c'), {}}},
                                   {}));
    const QList<SubscriptionCandidates> candidates =
        FreightAssembler::candidates(*m_pipeline.warehouse(u"artifacts"_s), *m_store);
    QCOMPARE(candidates.size(), 2);
    QCOMPARE(candidates.at(0).images.size(), 4);
    QCOMPARE(candidates.at(0).images.at(0).tag, u"v1.1.0"_s);
    QCOMPARE(candidates.at(0).images.at(1).digest, digest('c'));
    QCOMPARE(candidates.at(1).repoURL, u"https://charts.example/stable/app"_s);
    QCOMPARE(candidates.at(1).charts.first().version, u"2.0.0"_s);

    struct Case
    {
        QString image;
        QString tag;
        QString digest;
    };
    // A tag that moved is taken at its latest digest; a digest or TAG@DIGEST names one.
    for (const Case &c :
         {Case{u"v1.0.0"_s, u"v1.0.0"_s, digest('c')}, Case{digest('a'), u"v1.0.0"_s, digest('a')},
          Case{u"v0.9.0@"_s + digest('9'), u"v0.9.0"_s, digest('9')}}) {
        const AssemblyResult result = FreightAssembler::assemble(
            m_pipeline, *m_store, u"artifacts"_s,
            {{Subscription::Kind::Image, {}, c.image},
             {Subscription::Kind::Chart, u"https://charts.example/stable"_s, u"1.0.0"_s}});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.freight.images.size(), 1);
        QCOMPARE(result.freight.images.first().tag, c.tag);
        QCOMPARE(result.freight.images.first().digest, c.digest);
        QCOMPARE(result.freight.charts.first().name, u"app"_s);
        QCOMPARE(result.freight.charts.first().version, u"1.0.0"_s);
        QCOMPARE(result.freight.id,
                 Freight::computeId(
                     u"artifacts"_s, {}, {{u"registry.example/team/app"_s, c.tag, c.digest, {}}},
                     {{u"https://charts.example/stable"_s, u"app"_s, u"1.0.0"_s, {}}}));
    }
    const AssemblyResult refused =
        FreightAssembler::assemble(m_pipeline, *m_store, u"artifacts"_s,
                                   {{Subscription::Kind::Image, {}, u"v1.1.0@"_s + digest('a')},
                                    {Subscription::Kind::Chart, {}, u"1.0.0"_s}});
    QCOMPARE(refused.outcome, AssemblyResult::Outcome::Refused);
    const AssemblyResult noChart =
        FreightAssembler::assemble(m_pipeline, *m_store, u"artifacts"_s,
                                   {{Subscription::Kind::Image, {}, u"v1.1.0"_s},
                                    {Subscription::Kind::Chart, {}, u"3.0.0"_s}});
    QCOMPARE(noChart.outcome, AssemblyResult::Outcome::Refused);
    QVERIFY(noChart.error.contains(u"chart version 3.0.0"_s));
}

void TestFreightAssembly::compareForwardAndBack()
{
    const AssemblyResult older = FreightAssembler::assemble(
        m_pipeline, *m_store, u"manual"_s, {{Subscription::Kind::Git, {}, m_commits.at(0)}});
    const AssemblyResult newer = FreightAssembler::assemble(
        m_pipeline, *m_store, u"manual"_s, {{Subscription::Kind::Git, {}, m_commits.at(2)}});
    QVERIFY(older.ok() && newer.ok());

    const FreightComparison forward = FreightComparison::compareStored(
        m_pipelinePath, StatePaths::cacheDir(), older.freight.alias, newer.freight.id);
    QVERIFY2(forward.ok, qPrintable(forward.error));
    QCOMPARE(forward.artifacts.size(), 1);
    QCOMPARE(forward.artifacts.first().kind, ArtifactChange::Kind::Commit);
    QVERIFY(forward.artifacts.first().changed());
    QCOMPARE(forward.artifacts.first().from, m_commits.at(0));
    QCOMPARE(forward.artifacts.first().to, m_commits.at(2));
    QCOMPARE(forward.logs.size(), 1);
    const CommitLog &log = forward.logs.first();
    QCOMPARE(log.state, CommitLog::State::Forward);
    QCOMPARE(log.commits.size(), 2);
    QCOMPARE(log.commits.at(0).id, m_commits.at(2));
    QCOMPARE(log.commits.at(0).subject, u"Commit 2"_s);
    QCOMPARE(log.commits.at(1).id, m_commits.at(1));
    QVERIFY(log.commits.at(1).author.contains(u"author@test.invalid"_s));
    QVERIFY(log.commits.at(1).when.isValid());

    const FreightComparison back = FreightComparison::compareStored(
        m_pipelinePath, StatePaths::cacheDir(), newer.freight.id, older.freight.id);
    QVERIFY(back.ok);
    QCOMPARE(back.logs.first().state, CommitLog::State::Backward);
    QCOMPARE(back.logs.first().commits.size(), 2);

    const FreightComparison same =
        FreightComparison::compare(newer.freight, newer.freight, StatePaths::cacheDir());
    QVERIFY(same.ok);
    QVERIFY(!same.artifacts.first().changed());
    QCOMPARE(same.logs.first().state, CommitLog::State::Unchanged);
    QVERIFY(same.logs.first().commits.isEmpty());
}

void TestFreightAssembly::compareDiverged()
{
    // `side` forked from the first commit: neither it nor main's tip descends from the other.
    const CommitLog log =
        FreightComparison::commitLog(StatePaths::cacheDir(), m_url, m_commits.at(2), m_sideCommit);
    QCOMPARE(log.state, CommitLog::State::Diverged);
    QVERIFY2(log.message.contains(u"not ancestors of each other"_s), qPrintable(log.message));
    QCOMPARE(log.commits.size(), 1);
    QCOMPARE(log.commits.first().subject, u"Side work"_s);
}

void TestFreightAssembly::compareWithoutCache()
{
    // A commit the clone has never fetched, and a repository never cloned.
    const QString later = m_git->commit(m_repository, u"later.txt"_s, u"x"_s, u"Later"_s);
    QVERIFY(!later.isEmpty());
    const CommitLog missing =
        FreightComparison::commitLog(StatePaths::cacheDir(), m_url, m_commits.at(0), later);
    QCOMPARE(missing.state, CommitLog::State::MissingCommit);
    QVERIFY2(missing.message.contains(later.left(12)), qPrintable(missing.message));

    const QString empty = m_dir.filePath(u"empty-cache"_s);
    QDir().mkpath(empty);
    const CommitLog notCached =
        FreightComparison::commitLog(empty, m_url, m_commits.at(0), m_commits.at(2));
    QCOMPARE(notCached.state, CommitLog::State::NotCached);
    QVERIFY(notCached.message.contains(u"not in the local git cache"_s));
}

void TestFreightAssembly::compareWithStage()
{
    const AssemblyResult current = FreightAssembler::assemble(
        m_pipeline, *m_store, u"manual"_s, {{Subscription::Kind::Git, {}, m_commits.at(1)}});
    const AssemblyResult incoming = FreightAssembler::assemble(
        m_pipeline, *m_store, u"manual"_s, {{Subscription::Kind::Git, {}, m_commits.at(2)}});
    QVERIFY(current.ok() && incoming.ok());
    const FreightComparison nothingYet = FreightComparison::compareWithStage(
        m_pipelinePath, StatePaths::cacheDir(), u"dev"_s, incoming.freight.id);
    QVERIFY(nothingYet.ok);
    QVERIFY2(nothingYet.note.contains(u"dev has no freight from manual"_s),
             qPrintable(nothingYet.note));
    QCOMPARE(nothingYet.artifacts.size(), 1);
    QVERIFY(nothingYet.artifacts.first().from.isEmpty());
    QCOMPARE(nothingYet.artifacts.first().to, m_commits.at(2));
    QVERIFY(nothingYet.logs.isEmpty());

    QVERIFY(m_store->setStageFreight(u"dev"_s, current.freight, u"p1"_s,
                                     QDateTime::currentDateTimeUtc()));
    const FreightComparison comparison = FreightComparison::compareWithStage(
        m_pipelinePath, StatePaths::cacheDir(), u"dev"_s, incoming.freight.alias);
    QVERIFY2(comparison.ok, qPrintable(comparison.error));
    QCOMPARE(comparison.from.id, current.freight.id);
    QCOMPARE(comparison.to.id, incoming.freight.id);
    QCOMPARE(comparison.logs.first().state, CommitLog::State::Forward);
    QCOMPARE(comparison.logs.first().commits.size(), 1);
    QCOMPARE(comparison.logs.first().commits.first().id, m_commits.at(2));
}

void TestFreightAssembly::compareDifferentWarehouses()
{
    const QList<Freight> manual = m_store->freight(u"manual"_s);
    const QList<Freight> artifacts = m_store->freight(u"artifacts"_s);
    QVERIFY(!manual.isEmpty() && !artifacts.isEmpty());
    const FreightComparison comparison =
        FreightComparison::compare(manual.first(), artifacts.first(), StatePaths::cacheDir());
    QVERIFY(!comparison.ok);
    QVERIFY(comparison.error.contains(u"only freight of one warehouse"_s));

    // Images and charts: old -> new per artifact, unchanged ones said so.
    const FreightComparison images =
        FreightComparison::compare(artifacts.last(), artifacts.first(), StatePaths::cacheDir());
    QVERIFY(images.ok);
    QCOMPARE(images.artifacts.size(), 2);
    QCOMPARE(images.artifacts.at(0).kind, ArtifactChange::Kind::Image);
    QCOMPARE(images.artifacts.at(1).kind, ArtifactChange::Kind::Chart);
    QVERIFY(!images.artifacts.at(1).changed());
    QCOMPARE(images.artifacts.at(1).from, u"1.0.0"_s);
    QVERIFY(images.logs.isEmpty());
}

QTEST_GUILESS_MAIN(TestFreightAssembly)
#include "tst_freightassembly.moc"
