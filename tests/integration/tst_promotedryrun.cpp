// The real kargo-simple pipeline (tests/fixtures/kargo/kargo-simple) dry-run against a local
// GitOps repository laid out as it expects (env/<stage>/kustomization.yaml), served by a git
// daemon on 127.0.0.1: through the real stevedorectl, and through the engine to check that
// the diff is exact (real `git apply` on a fresh clone gives the tree the workspace has).

#include "engine/manifestloader.h"
#include "engine/promoter.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString upstreamURL = u"https://github.com/akuity/kargo-simple.git"_s;
const QString image = u"ghcr.io/akuity/guestbook"_s;

QByteArray kustomization(const QString &tag)
{
    return u"apiVersion: kustomize.config.k8s.io/v1beta1\n"
           "kind: Kustomization\n"
           "# the guestbook, as kargo-simple deploys it\n"
           "resources:\n"
           "- ../../base\n"
           "images:\n"
           "- name: ghcr.io/akuity/guestbook\n"
           "  newTag: %1\n"_s.arg(tag)
               .toUtf8();
}

/// Git's abbreviated blob id of @p contents.
QString blobId(const QByteArray &contents)
{
    const QByteArray object = "blob " + QByteArray::number(contents.size()) + '\0' + contents;
    return QString::fromLatin1(
        QCryptographicHash::hash(object, QCryptographicHash::Sha1).toHex().left(7));
}

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestPromoteDryRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void devDiffIsExact();
    void prodListsUnrunnableSteps();
    void engineDiffAppliesToAFreshClone_data();
    void engineDiffAppliesToAFreshClone();
    void offlineUsesTheCache();
    void refusals_data();
    void refusals();

private:
    Result run(const QStringList &arguments) const;
    QString home() const { return m_dir.filePath(u"home"_s); }
    QString state() const { return m_dir.filePath(u"state"_s); }
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;
    std::unique_ptr<GitDaemon> m_daemon;
    QString m_repository;
    QString m_pipeline;
    QString m_freightId;
};

QProcessEnvironment TestPromoteDryRun::environment() const
{
    QProcessEnvironment env = isolatedEnvironment(home(), state());
    env.insert(u"GIT_CONFIG_GLOBAL"_s, home() + u"/.gitconfig"_s);
    return env;
}

Result TestPromoteDryRun::run(const QStringList &arguments) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    Result result;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestPromoteDryRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(home()));
    {
        QFile config(home() + u"/.gitconfig"_s);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[user]\n\tname = Rel Engineer\n\temail = rel@example.test\n");
    }

    // The GitOps repository kargo-simple expects, one commit per stage's kustomization.
    const QString repos = m_dir.filePath(u"repos"_s);
    QVERIFY(QDir().mkpath(repos));
    m_git = std::make_unique<GitFixture>(repos);
    m_repository = m_git->createRepository(u"kargo-simple"_s, 0);
    QVERIFY(!m_repository.isEmpty());
    m_git->commit(m_repository, u"base/kustomization.yaml"_s, u"resources: []\n"_s, u"Base"_s);
    for (const QString &stage : {u"dev"_s, u"staging"_s, u"prod"_s})
        m_git->commit(m_repository, u"env/%1/kustomization.yaml"_s.arg(stage),
                      QString::fromUtf8(kustomization(u"v0.0.1"_s)), u"Add "_s + stage);
    m_daemon = std::make_unique<GitDaemon>();
    QVERIFY(m_daemon->start(repos));

    // The real manifests, pointed at the local repository instead of GitHub, with their one
    // known mistake (an output git-open-pr no longer has, see tst_manifestloader) corrected.
    m_pipeline = m_dir.filePath(u"pipeline"_s);
    QVERIFY(QDir().mkpath(m_pipeline));
    QDirIterator it(QStringLiteral(STEVEDORE_FIXTURES_DIR) + u"/kargo-simple"_s);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!QFileInfo(path).isFile())
            continue;
        QFile in(path);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(in.readAll());
        text.replace(upstreamURL, m_daemon->url(u"kargo-simple.git"_s));
        text.replace(u"task.outputs['open-pr'].prNumber"_s, u"task.outputs['open-pr'].pr.id"_s);
        QFile out(m_pipeline + u'/' + QFileInfo(path).fileName());
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text.toUtf8());
    }
    QVERIFY(!ManifestLoader::load(m_pipeline).hasErrors());

    // Freight as discovery would have stored it.
    StatePaths::setOverride(state());
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_pipeline, &error);
    QVERIFY2(store, qPrintable(error));
    Freight freight;
    freight.origin = {u"Warehouse"_s, u"guestbook"_s};
    freight.images.append({image, u"v0.0.2"_s, u"sha256:"_s + QString(64, u'a'), {}});
    freight.id = Freight::computeId(u"guestbook"_s, {}, freight.images, {});
    freight.alias = u"brave-otter"_s;
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store->addFreight(freight, &error));
    m_freightId = freight.id;
}

void TestPromoteDryRun::devDiffIsExact()
{
    const QString head = m_git->revParse(m_repository, u"main"_s);
    const Result result = run({u"promote"_s, m_pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s,
                               u"brave-otter"_s, u"--dry-run"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));

    const QByteArray before = kustomization(u"v0.0.1"_s);
    const QByteArray after = kustomization(u"v0.0.2"_s);
    const QString diff = u"diff --git a/env/dev/kustomization.yaml b/env/dev/kustomization.yaml\n"
                         "index %1..%2 100644\n"
                         "--- a/env/dev/kustomization.yaml\n"
                         "+++ b/env/dev/kustomization.yaml\n"
                         "@@ -5,4 +5,4 @@ resources:\n"
                         " - ../../base\n"
                         " images:\n"
                         " - name: ghcr.io/akuity/guestbook\n"
                         "-  newTag: v0.0.1\n"
                         "+  newTag: v0.0.2\n"_s.arg(blobId(before), blobId(after));
    const QString url = m_daemon->url(u"kargo-simple.git"_s);
    const QString commitMessage = u"Updated ./src/env/dev to use new image\n\n"
                                  u"- ghcr.io/akuity/guestbook:v0.0.2"_s;
    QStringList expected = {
        u"Promotion of freight brave-otter (%1) to stage dev, dry run"_s.arg(m_freightId),
        QString(),
        u"Steps:"_s,
        u"  1  task-0::step-0               git-clone            Succeeded"_s,
        u"       config: {\"checkout\":[{\"branch\":\"main\",\"path\":\"./src\"}],\"repoURL\":\"%1\"}"_s
            .arg(url),
        u"       ./src: branch main at %1"_s.arg(head.left(12)),
        u"  2  task-0::update-image         kustomize-set-image  Succeeded"_s,
        u"       config: {\"images\":[{\"image\":\"ghcr.io/akuity/guestbook\",\"tag\":\"v0.0.2\"}],"
        u"\"path\":\"./src/env/dev\"}"_s,
        u"  3  task-0::commit               git-commit           Succeeded"_s,
        u"       config: {\"message\":%1,\"path\":\"./src\"}"_s.arg(
            QString::fromUtf8(
                QJsonDocument(QJsonArray{commitMessage}).toJson(QJsonDocument::Compact))
                .mid(1)
                .chopped(1)),
    };
    const QStringList out = result.out.split(u'\n');
    QCOMPARE(out.mid(0, expected.size()), expected);
    QVERIFY2(out.value(expected.size()).startsWith(u"       committed "_s),
             qPrintable(out.value(expected.size())));
    QVERIFY(out.value(expected.size()).endsWith(u" as Rel Engineer <rel@example.test>"_s));
    expected = {
        u"  4  task-0::step-3               git-push             not run: a dry run stops before "
        u"this step"_s,
        u"  5  task-0::push                 git-push             not run: its condition is false"_s,
        u"  6  task-0::open-pr              git-open-pr          not run: its condition is false "
        u"(not runnable here: needs the git hosting service's pull request API)"_s,
        u"  7  task-0::wait-for-pr          git-wait-for-pr      not run: its condition is false "
        u"(not runnable here: needs the git hosting service's pull request API)"_s,
        QString(),
        u"Commit message (./src):"_s,
        u"    Updated ./src/env/dev to use new image"_s,
        u"    "_s,
        u"    - ghcr.io/akuity/guestbook:v0.0.2"_s,
        QString(),
        u"# ./src: %1 (branch main)"_s.arg(url),
    };
    QCOMPARE(out.mid(11, expected.size()), expected);
    // The diff, byte for byte, ends the output.
    QCOMPARE(out.mid(11 + expected.size()).join(u'\n'), diff);
    QCOMPARE(result.err, QString());
    // Nothing left the machine.
    QCOMPARE(m_git->revParse(m_repository, u"main"_s), head);
}

void TestPromoteDryRun::prodListsUnrunnableSteps()
{
    const QString head = m_git->revParse(m_repository, u"main"_s);
    const Result result = run({u"promote"_s, m_pipeline, u"--stage"_s, u"prod"_s, u"--freight"_s,
                               m_freightId, u"--dry-run"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    QVERIFY2(result.out.contains(u"  4  task-0::step-3               git-push             "
                                 u"Skipped: its condition is false\n"_s),
             qPrintable(result.out));
    QVERIFY(result.out.contains(u"  5  task-0::push                 git-push             not run: "
                                u"a dry run stops before this step\n"_s));
    QVERIFY(result.out.contains(u"  6  task-0::open-pr              git-open-pr          not run "
                                u"(not runnable here: needs the git hosting service's pull request "
                                u"API)\n"_s));
    QVERIFY(result.out.contains(u"diff --git a/env/prod/kustomization.yaml "
                                u"b/env/prod/kustomization.yaml\n"_s));
    QCOMPARE(result.err, u"stevedorectl: promote: freight brave-otter is not available to prod: "
                         u"not yet verified in staging\n"
                         u"stevedorectl: promote: steps that cannot run here: task-0::open-pr, "
                         u"task-0::wait-for-pr; a real promotion needs --skip-unrunnable to run "
                         u"without them\n"_s);
    QCOMPARE(m_git->revParse(m_repository, u"main"_s), head);
}

void TestPromoteDryRun::engineDiffAppliesToAFreshClone_data()
{
    QTest::addColumn<QString>("stage");
    QTest::newRow("dev") << u"dev"_s;
    QTest::newRow("staging") << u"staging"_s;
    QTest::newRow("prod") << u"prod"_s;
}

void TestPromoteDryRun::engineDiffAppliesToAFreshClone()
{
    QFETCH(QString, stage);
    StatePaths::setOverride(state());
    qputenv("HOME", home().toUtf8());
    qputenv("GIT_CONFIG_GLOBAL", (home() + u"/.gitconfig"_s).toUtf8());
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_pipeline, &error);
    QVERIFY2(store, qPrintable(error));
    PromotionRequest request;
    request.stage = stage;
    request.freight = m_freightId;
    const PromotionPreview preview =
        Promoter::dryRun(ManifestLoader::load(m_pipeline), *store, request);
    QVERIFY2(preview.started(), qPrintable(preview.errors.join(u'\n')));
    QCOMPARE(toString(preview.result.phase), toString(PromotionPhase::Succeeded));
    QCOMPARE(preview.result.changes.size(), 1);
    const RepositoryChange &change = preview.result.changes.first();
    QCOMPARE(change.files.size(), 1);
    QCOMPARE(change.files.first().path, u"env/%1/kustomization.yaml"_s.arg(stage));
    QCOMPARE(change.files.first().additions, 1);
    QCOMPARE(change.files.first().deletions, 1);

    // Real git: a fresh clone of the branch, the diff applied, the same tree.
    QTemporaryDir clone;
    const QProcessEnvironment env = GitFixture::environment(home());
    QVERIFY(Testing::run(u"git"_s,
                         {u"clone"_s, u"-q"_s, u"-b"_s, u"main"_s, m_repository, clone.path()},
                         nullptr, {}, env));
    QFile patch(clone.filePath(u"../promotion.patch"_s));
    QVERIFY(patch.open(QIODevice::WriteOnly));
    patch.write(change.diff);
    patch.close();
    QVERIFY(Testing::run(u"git"_s, {u"apply"_s, u"--index"_s, patch.fileName()}, nullptr,
                         clone.path(), env));
    QByteArray tree;
    QVERIFY(Testing::run(u"git"_s, {u"write-tree"_s}, &tree, clone.path(), env));
    QCOMPARE(QString::fromLatin1(tree.trimmed()), change.treeId);
    // And git's own diff of that change is ours, byte for byte.
    QByteArray gitDiff;
    QVERIFY(Testing::run(u"git"_s, {u"diff"_s, u"--cached"_s, u"--binary"_s, u"--no-renames"_s},
                         &gitDiff, clone.path(), env));
    QCOMPARE(change.diff, gitDiff);
    QFile::remove(patch.fileName());
}

void TestPromoteDryRun::offlineUsesTheCache()
{
    // The remote goes away; the cache from the runs before still has main.
    m_daemon.reset();
    const Result offline = run({u"promote"_s, m_pipeline, u"--stage"_s, u"staging"_s,
                                u"--freight"_s, u"brave-otter"_s, u"--dry-run"_s, u"--offline"_s});
    QVERIFY2(offline.exitCode == 0, qPrintable(offline.err + offline.out));
    QVERIFY(offline.out.contains(u"+  newTag: v0.0.2\n"_s));
    QVERIFY2(offline.err.contains(u"./src comes from the local cache"_s), qPrintable(offline.err));

    const Result unreachable = run({u"promote"_s, m_pipeline, u"--stage"_s, u"dev"_s,
                                    u"--freight"_s, u"brave-otter"_s, u"--dry-run"_s});
    QVERIFY2(unreachable.exitCode == 0, qPrintable(unreachable.err + unreachable.out));
    QVERIFY(unreachable.out.contains(u"+  newTag: v0.0.2\n"_s));
    QVERIFY2(unreachable.err.contains(u"./src comes from the local cache"_s),
             qPrintable(unreachable.err));
}

void TestPromoteDryRun::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown freight")
        << QStringList{u"--stage"_s, u"dev"_s, u"--freight"_s, u"no-such"_s, u"--dry-run"_s} << 3
        << u"stevedorectl: promote: there is no freight \"no-such\" in the local store; run "
           u"discovery first (stevedorectl discover)\n"_s;
    QTest::newRow("unknown stage")
        << QStringList{u"--stage"_s, u"qa"_s, u"--freight"_s, u"brave-otter"_s, u"--dry-run"_s} << 3
        << u"stevedorectl: promote: there is no stage \"qa\"\n"_s;
    QTest::newRow("no stage") << QStringList{u"--freight"_s, u"brave-otter"_s, u"--dry-run"_s} << 2
                              << u"stevedorectl: promote: --stage NAME is required\n"_s;
    QTest::newRow("yes with dry run")
        << QStringList{u"--stage"_s, u"dev"_s, u"--freight"_s, u"brave-otter"_s, u"--dry-run"_s,
                       u"--yes"_s}
        << 2 << u"stevedorectl: promote: --yes makes no sense with --dry-run\n"_s;
}

void TestPromoteDryRun::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Result result = run(QStringList{u"promote"_s, m_pipeline} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.startsWith(message), qPrintable(result.err));
    QCOMPARE(result.out, QString());
}

QTEST_GUILESS_MAIN(TestPromoteDryRun)
#include "tst_promotedryrun.moc"
