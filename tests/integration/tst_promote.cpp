// Real promotions of the kargo-simple pipeline (tests/fixtures/kargo/kargo-simple) into GitOps
// repositories served by git daemon, by HTTPS with basic auth (lighttpd + git-http-backend) and
// by sshd, all on 127.0.0.1 and stopped by PID: through the real stevedorectl, and through the
// engine where the test must act between two steps (a competing push).

#include "engine/manifestloader.h"
#include "engine/promoter.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString identity = u"Rel Engineer <rel@example.test>"_s;

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

void writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestPromote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void promotesOverEachTransport_data();
    void promotesOverEachTransport();
    void pushedTreeIsTheDryRunsTree();
    void availabilityFlowsDownstream();
    void approvalMakesFreightAvailable();
    void signedCommitVerifies();
    void failedSigningLeavesTheRemoteAlone();
    void competingPushIsRebased();
    void conflictingPushFailsCleanly();
    void noIdentityRefuses();
    void notConfirmedWithoutTerminal();
    void killedPromotionsLeaveNoHalfPush();

private:
    Result run(const QStringList &arguments) const;
    QString home() const { return m_dir.filePath(u"home"_s); }
    QString state() const { return m_dir.filePath(u"state"_s); }
    /// A bare GitOps repository laid out as kargo-simple expects.
    QString createGitOps(const QString &name);
    /// kargo-simple pointed at @p url, with freight @p tag stored; returns the pipeline path.
    QString createPipeline(const QString &name, const QString &url);
    /// Stores freight for guestbook @p tag in @p pipeline's store; returns its alias.
    QString addFreight(const QString &pipeline, const QString &tag);
    QString git(const QString &repository, const QStringList &arguments) const;
    void writeGitConfig(const QString &extra = {});
    /// Promotes freight @p tag to dev while someone else pushes @p content to @p file of the
    /// same branch between the promotion's commit and its push.
    PromotionOutcome promoteRacing(const QString &tag, const QString &file, const QString &content,
                                   QString *competing);

    QTemporaryDir m_dir;
    std::unique_ptr<GitFixture> m_git;
    GitDaemon m_daemon;
    GitHttpsServer m_https;
    SshServer m_ssh;
    QString m_repos;
    QString m_credentials;
    QHash<QString, QString> m_pipelines; ///< transport -> pipeline path
    QHash<QString, QString> m_gitops;    ///< transport -> bare repository
};

QString TestPromote::git(const QString &repository, const QStringList &arguments) const
{
    QByteArray out;
    Testing::run(u"git"_s, QStringList{u"--git-dir"_s, repository} + arguments, &out, {},
                 GitFixture::environment(home()));
    return QString::fromUtf8(out).trimmed();
}

void TestPromote::writeGitConfig(const QString &extra)
{
    writeFile(home() + u"/.gitconfig"_s,
              u"[user]\n\tname = Rel Engineer\n\temail = rel@example.test\n"
              "[credential]\n\thelper = store --file=%1\n%2"_s.arg(m_credentials, extra)
                  .toUtf8());
}

Result TestPromote::run(const QStringList &arguments) const
{
    QProcessEnvironment env = isolatedEnvironment(home(), state());
    env.insert(u"GIT_SSL_CAINFO"_s, m_https.caFile());
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
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

QString TestPromote::createGitOps(const QString &name)
{
    const QString repository = m_git->createRepository(name, 0);
    m_git->commit(repository, u"base/kustomization.yaml"_s, u"resources: []\n"_s, u"Base"_s);
    for (const QString &stage : {u"dev"_s, u"staging"_s, u"prod"_s})
        m_git->commit(repository, u"env/%1/kustomization.yaml"_s.arg(stage),
                      QString::fromUtf8(kustomization(u"v0.0.1"_s)), u"Add "_s + stage);
    return repository;
}

QString TestPromote::createPipeline(const QString &name, const QString &url)
{
    const QString path = m_dir.filePath(u"pipelines/"_s + name);
    QDir().mkpath(path);
    QDirIterator it(QStringLiteral(STEVEDORE_FIXTURES_DIR) + u"/kargo-simple"_s);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!QFileInfo(file).isFile())
            continue;
        QFile in(file);
        if (!in.open(QIODevice::ReadOnly))
            return {};
        QString text = QString::fromUtf8(in.readAll());
        text.replace(u"https://github.com/akuity/kargo-simple.git"_s, url);
        // Its one known mistake (see tst_manifestloader), corrected.
        text.replace(u"task.outputs['open-pr'].prNumber"_s, u"task.outputs['open-pr'].pr.id"_s);
        writeFile(path + u'/' + QFileInfo(file).fileName(), text.toUtf8());
    }
    return path;
}

QString TestPromote::addFreight(const QString &pipeline, const QString &tag)
{
    StatePaths::setOverride(state());
    QString error;
    const std::unique_ptr<Store> store = Store::open(pipeline, &error);
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

void TestPromote::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QDir().mkpath(home() + u"/.ssh"_s);
    // Everything the engine in this process reads of "the user" comes from here too.
    qputenv("HOME", home().toUtf8());
    qputenv("XDG_CONFIG_HOME", (home() + u"/.config"_s).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    qunsetenv("SSH_AUTH_SOCK");
    m_repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(m_repos);
    m_git = std::make_unique<GitFixture>(m_repos);

    const QString https = m_dir.filePath(u"https"_s);
    QDir().mkpath(https);
    QVERIFY(m_https.start(m_repos, https, u"alice"_s, u"s3cret-pass"_s));
    qputenv("GIT_SSL_CAINFO", QFile::encodeName(m_https.caFile()));
    QVERIFY(m_daemon.start(m_repos));
    m_credentials = home() + u"/.git-credentials"_s;
    writeFile(m_credentials,
              u"https://alice:s3cret-pass@localhost:%1\n"_s.arg(m_https.port()).toUtf8());
    writeGitConfig();

    const QString key = home() + u"/.ssh/id_ed25519"_s;
    QVERIFY(Testing::run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(),
                                           u"-C"_s, u"rel@example.test"_s, u"-f"_s, key}));
    QFile publicKey(key + u".pub"_s);
    QVERIFY(publicKey.open(QIODevice::ReadOnly));
    const QString sshDir = m_dir.filePath(u"sshd"_s);
    QDir().mkpath(sshDir);
    QVERIFY(m_ssh.start(sshDir, QString::fromLatin1(publicKey.readAll()).trimmed()));
    writeFile(home() + u"/.ssh/known_hosts"_s, m_ssh.knownHostsLine().toUtf8() + '\n');

    for (const QString &transport : {u"daemon"_s, u"https"_s, u"ssh"_s}) {
        const QString repository = createGitOps(u"gitops-"_s + transport);
        QVERIFY(!repository.isEmpty());
        m_gitops.insert(transport, repository);
        const QString name = QFileInfo(repository).fileName();
        const QString url = transport == u"daemon"  ? m_daemon.url(name)
                            : transport == u"https" ? m_https.url(name)
                                                    : m_ssh.url(repository);
        const QString pipeline = createPipeline(transport, url);
        QVERIFY(!ManifestLoader::load(pipeline).hasErrors());
        QVERIFY(!addFreight(pipeline, u"v0.0.2"_s).isEmpty());
        m_pipelines.insert(transport, pipeline);
    }
}

void TestPromote::promotesOverEachTransport_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("git daemon") << u"daemon"_s;
    QTest::newRow("https, basic auth") << u"https"_s;
    QTest::newRow("ssh") << u"ssh"_s;
}

void TestPromote::promotesOverEachTransport()
{
    QFETCH(QString, transport);
    const QString repository = m_gitops.value(transport);
    const QString before = git(repository, {u"rev-parse"_s, u"main"_s});
    const Result result = run({u"promote"_s, m_pipelines.value(transport), u"--stage"_s, u"dev"_s,
                               u"--freight"_s, u"guestbook-v0-0-2"_s, u"--yes"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    QVERIFY(result.out.contains(u"  task-0::step-3 (git-push): Succeeded\n"_s));
    QVERIFY(result.out.contains(u": Succeeded\n"_s));

    // The commit is the user's, on top of what was there, with the task's message.
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main~1"_s}), before);
    QCOMPARE(git(repository, {u"log"_s, u"-1"_s, u"--format=%an <%ae>"_s, u"main"_s}), identity);
    QCOMPARE(git(repository, {u"log"_s, u"-1"_s, u"--format=%cn <%ce>"_s, u"main"_s}), identity);
    QCOMPARE(git(repository, {u"log"_s, u"-1"_s, u"--format=%B"_s, u"main"_s}),
             u"Updated ./src/env/dev to use new image\n\n- ghcr.io/akuity/guestbook:v0.0.2"_s);
    QCOMPARE(git(repository, {u"show"_s, u"main:env/dev/kustomization.yaml"_s}).toUtf8() + '\n',
             kustomization(u"v0.0.2"_s));

    const Result history =
        run({u"history"_s, m_pipelines.value(transport), u"--stage"_s, u"dev"_s, u"--json"_s});
    QCOMPARE(history.exitCode, 0);
    const QJsonArray promotions = QJsonDocument::fromJson(history.out.toUtf8()).array();
    QCOMPARE(promotions.size(), 1);
    const QJsonObject promotion = promotions.first().toObject();
    QCOMPARE(promotion.value(u"phase"_s).toString(), u"Succeeded"_s);
    QCOMPARE(promotion.value(u"landed"_s).toArray().first().toObject().value(u"commit"_s),
             QJsonValue(git(repository, {u"rev-parse"_s, u"main"_s})));
    QStringList steps;
    for (const QJsonValue &step : promotion.value(u"steps"_s).toArray())
        steps.append(step.toObject().value(u"status"_s).toString());
    QCOMPARE(steps, (QStringList{u"Succeeded"_s, u"Succeeded"_s, u"Succeeded"_s, u"Succeeded"_s,
                                 u"Skipped"_s, u"Skipped"_s, u"Skipped"_s}));
}

void TestPromote::pushedTreeIsTheDryRunsTree()
{
    // The dry run's diff, applied by real git to a fresh checkout, gives the tree the real
    // promotion pushes.
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    const QString alias = addFreight(pipeline, u"v0.0.3"_s);
    StatePaths::setOverride(state());
    QString error;
    std::unique_ptr<Store> store = Store::open(pipeline, &error);
    QVERIFY2(store, qPrintable(error));
    PromotionRequest request;
    request.stage = u"dev"_s;
    request.freight = alias;
    const PromotionPreview preview =
        Promoter::dryRun(ManifestLoader::load(pipeline), *store, request);
    QCOMPARE(toString(preview.result.phase), u"Succeeded"_s);
    QCOMPARE(preview.result.changes.size(), 1);
    const RepositoryChange change = preview.result.changes.first();

    QTemporaryDir clone;
    const QProcessEnvironment env = GitFixture::environment(home());
    QVERIFY(
        Testing::run(u"git"_s, {u"clone"_s, u"-q"_s, repository, clone.path()}, nullptr, {}, env));
    writeFile(clone.filePath(u".git/promotion.patch"_s), change.diff);
    QVERIFY(Testing::run(u"git"_s, {u"apply"_s, u"--index"_s, u".git/promotion.patch"_s}, nullptr,
                         clone.path(), env));
    QByteArray applied;
    QVERIFY(Testing::run(u"git"_s, {u"write-tree"_s}, &applied, clone.path(), env));

    const PromotionOutcome outcome =
        Promoter::promote(ManifestLoader::load(pipeline), *store, request);
    QVERIFY2(outcome.start == PromotionOutcome::Start::Started,
             qPrintable(outcome.refusals.join(u'\n')));
    QCOMPARE(toString(outcome.record.phase), u"Succeeded"_s);
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main^{tree}"_s}),
             QString::fromLatin1(applied.trimmed()));
    QCOMPARE(change.treeId, QString::fromLatin1(applied.trimmed()));
    // And the stage has it now.
    const QList<StageFreight> current = store->currentFreight(u"dev"_s);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().freightId, store->findFreight(alias)->id);
}

void TestPromote::availabilityFlowsDownstream()
{
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    const QString alias = addFreight(pipeline, u"v0.1.0"_s);
    // prod takes only what staging verified.
    Result result = run({u"promote"_s, pipeline, u"--stage"_s, u"prod"_s, u"--freight"_s, alias,
                         u"--yes"_s, u"--skip-unrunnable"_s});
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(u"freight %1 is not available to prod: not yet verified in "
                                 u"staging\n"_s.arg(alias)),
             qPrintable(result.err));
    result = run(
        {u"promote"_s, pipeline, u"--stage"_s, u"staging"_s, u"--freight"_s, alias, u"--yes"_s});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains(u"not yet verified in dev"_s));

    QVERIFY(run({u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias, u"--yes"_s})
                .exitCode == 0);
    result = run(
        {u"promote"_s, pipeline, u"--stage"_s, u"staging"_s, u"--freight"_s, alias, u"--yes"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));

    // prod opens a pull request, which cannot run here: refused unless skipped explicitly.
    result =
        run({u"promote"_s, pipeline, u"--stage"_s, u"prod"_s, u"--freight"_s, alias, u"--yes"_s});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains(u"a real promotion needs --skip-unrunnable"_s));
    const QString main = git(repository, {u"rev-parse"_s, u"main"_s});
    result = run({u"promote"_s, pipeline, u"--stage"_s, u"prod"_s, u"--freight"_s, alias,
                  u"--yes"_s, u"--skip-unrunnable"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    QVERIFY2(result.out.contains(u"  task-0::open-pr (git-open-pr): Skipped: not runnable here: "
                                 u"needs the git hosting service's pull request API\n"_s),
             qPrintable(result.out));
    // The change went to a branch of its own for the pull request, not to main.
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main"_s}), main);
    const QString branches = git(repository, {u"branch"_s, u"--list"_s, u"kargo/promotion/*"_s});
    QVERIFY2(branches.contains(u"kargo/promotion/prod."_s), qPrintable(branches));
}

void TestPromote::approvalMakesFreightAvailable()
{
    const QString pipeline = m_pipelines.value(u"ssh"_s);
    const QString alias = addFreight(pipeline, u"v0.2.0"_s);
    QCOMPARE(
        run({u"promote"_s, pipeline, u"--stage"_s, u"staging"_s, u"--freight"_s, alias, u"--yes"_s})
            .exitCode,
        3);
    const Result approved =
        run({u"approve"_s, pipeline, u"--stage"_s, u"staging"_s, u"--freight"_s, alias});
    QCOMPARE(approved.exitCode, 0);
    QVERIFY(approved.out.startsWith(u"Approved %1 ("_s.arg(alias)));
    const Result result = run(
        {u"promote"_s, pipeline, u"--stage"_s, u"staging"_s, u"--freight"_s, alias, u"--yes"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(git(m_gitops.value(u"ssh"_s), {u"show"_s, u"main:env/staging/kustomization.yaml"_s})
                     .toUtf8() +
                 '\n',
             kustomization(u"v0.2.0"_s));
}

void TestPromote::signedCommitVerifies()
{
    const QString key = home() + u"/.ssh/id_ed25519"_s;
    writeGitConfig(
        u"[commit]\n\tgpgsign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningkey = %1\n"_s.arg(
            key));
    const QString pipeline = m_pipelines.value(u"https"_s);
    const QString repository = m_gitops.value(u"https"_s);
    const QString alias = addFreight(pipeline, u"v0.3.0"_s);
    const Result result =
        run({u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias, u"--yes"_s});
    writeGitConfig();
    QVERIFY2(result.exitCode == 0, qPrintable(result.err + result.out));
    QVERIFY(result.out.contains(u", signed\n"_s));

    QFile publicKey(key + u".pub"_s);
    QVERIFY(publicKey.open(QIODevice::ReadOnly));
    const QString allowed = m_dir.filePath(u"allowed_signers"_s);
    writeFile(allowed, "rel@example.test " + publicKey.readAll());
    QByteArray out;
    QVERIFY2(
        Testing::run(u"git"_s,
                     {u"--git-dir"_s, repository, u"-c"_s,
                      u"gpg.ssh.allowedSignersFile="_s + allowed, u"verify-commit"_s, u"main"_s},
                     &out, {}, GitFixture::environment(home())),
        "git verify-commit refused the promotion's commit");
}

void TestPromote::failedSigningLeavesTheRemoteAlone()
{
    writeGitConfig(u"[commit]\n\tgpgsign = true\n[gpg]\n\tformat = ssh\n[user]\n\tsigningkey = "
                   u"%1/no-such-key\n"_s.arg(home()));
    const QString pipeline = m_pipelines.value(u"https"_s);
    const QString repository = m_gitops.value(u"https"_s);
    const QString before = git(repository, {u"rev-parse"_s, u"main"_s});
    const QString alias = addFreight(pipeline, u"v0.3.1"_s);
    const Result result =
        run({u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias, u"--yes"_s});
    writeGitConfig();
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(u"signing the commit failed"_s), qPrintable(result.err));
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main"_s}), before);
}

PromotionOutcome TestPromote::promoteRacing(const QString &tag, const QString &file,
                                            const QString &content, QString *competing)
{
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    const QString alias = addFreight(pipeline, tag);
    StatePaths::setOverride(state());
    QString error;
    const std::unique_ptr<Store> store = Store::open(pipeline, &error);
    if (!store)
        return {};
    const PromotionRequest request{u"dev"_s, alias, false, false};
    return Promoter::promote(
        ManifestLoader::load(pipeline), *store, request, {}, [&](const StepResult &step) {
            // Someone else pushes between our commit and our push.
            if (step.alias == u"task-0::commit" && step.status == StepStatus::Succeeded)
                *competing = m_git->commit(repository, file, content, u"Someone else's change"_s);
        });
}

void TestPromote::competingPushIsRebased()
{
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    QString competing;
    const PromotionOutcome outcome =
        promoteRacing(u"v0.4.0"_s, u"README.md"_s, u"hello\n"_s, &competing);
    QVERIFY(!competing.isEmpty());
    QCOMPARE(toString(outcome.record.phase), u"Succeeded"_s);
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main~1"_s}), competing);
    QCOMPARE(git(repository, {u"log"_s, u"-1"_s, u"--format=%an <%ae>|%s"_s, u"main"_s}),
             identity + u"|Updated ./src/env/dev to use new image"_s);
    QCOMPARE(git(repository, {u"show"_s, u"main:README.md"_s}), u"hello"_s);
    QCOMPARE(outcome.record.landed.first().commit, git(repository, {u"rev-parse"_s, u"main"_s}));
    QVERIFY(outcome.record.steps.at(3).log.join(u'\n').contains(u"rebased 1 time"_s));
}

void TestPromote::conflictingPushFailsCleanly()
{
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    QString competing;
    const PromotionOutcome outcome =
        promoteRacing(u"v0.5.0"_s, u"env/dev/kustomization.yaml"_s,
                      QString::fromUtf8(kustomization(u"v9.9.9"_s)), &competing);
    QCOMPARE(toString(outcome.record.phase), u"Errored"_s);
    QVERIFY2(outcome.record.message.contains(u"env/dev/kustomization.yaml"_s),
             qPrintable(outcome.record.message));
    QVERIFY(outcome.record.landed.isEmpty());
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main"_s}), competing);
    // The stage did not get the freight.
    StatePaths::setOverride(state());
    QString error;
    const std::unique_ptr<Store> store = Store::open(pipeline, &error);
    QVERIFY2(store, qPrintable(error));
    QVERIFY(store->currentFreight(u"dev"_s).first().freightId != outcome.record.freightId);
}

void TestPromote::noIdentityRefuses()
{
    writeFile(home() + u"/.gitconfig"_s, "[credential]\n\thelper = store\n");
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString alias = addFreight(pipeline, u"v0.6.0"_s);
    const Result result =
        run({u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias, u"--yes"_s});
    writeGitConfig();
    QCOMPARE(result.exitCode, 3);
    QVERIFY2(result.err.contains(u"git config --global user.name"_s), qPrintable(result.err));
}

void TestPromote::notConfirmedWithoutTerminal()
{
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    const QString before = git(repository, {u"rev-parse"_s, u"main"_s});
    const QString alias = addFreight(pipeline, u"v0.7.0"_s);
    const Result result =
        run({u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias});
    QCOMPARE(result.exitCode, 3);
    QVERIFY(result.err.contains(u"give --yes to promote without asking"_s));
    QVERIFY(result.out.contains(u"diff --git a/env/dev/kustomization.yaml"_s));
    QCOMPARE(git(repository, {u"rev-parse"_s, u"main"_s}), before);
}

void TestPromote::killedPromotionsLeaveNoHalfPush()
{
    const QString pipeline = m_pipelines.value(u"daemon"_s);
    const QString repository = m_gitops.value(u"daemon"_s);
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("kill points from seed %u", seed);
    QRandomGenerator random(seed);
    QProcessEnvironment env = isolatedEnvironment(home(), state());
    // How long a whole promotion takes here: the kill points fall within it.
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(run({u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s,
                  addFreight(pipeline, u"v0.9.0"_s), u"--yes"_s})
                 .exitCode,
             0);
    const int duration = int(timer.elapsed());
    int killedBeforePush = 0;
    int killedAfterPush = 0;
    for (int round = 0; round < 8; ++round) {
        const QString tag = u"v1.0.%1"_s.arg(round);
        const QString alias = addFreight(pipeline, tag);
        const QString before = git(repository, {u"rev-parse"_s, u"main"_s});
        QProcess process;
        process.setProcessEnvironment(env);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(
            QStringLiteral(STEVEDORECTL_PATH),
            {u"promote"_s, pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias, u"--yes"_s});
        QVERIFY(process.waitForStarted());
        QTest::qWait(int(random.bounded(duration + 1)));
        // (kill(0) would hit this test's own process group.)
        if (process.state() == QProcess::Running && process.processId() > 0)
            ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished();

        // The remote has the old tip, or the whole promotion: never anything in between.
        const QString after = git(repository, {u"rev-parse"_s, u"main"_s});
        if (after == before) {
            ++killedBeforePush;
        } else {
            ++killedAfterPush;
            QCOMPARE(git(repository, {u"rev-parse"_s, u"main~1"_s}), before);
            QCOMPARE(git(repository, {u"show"_s, u"main:env/dev/kustomization.yaml"_s}).toUtf8() +
                         '\n',
                     kustomization(tag));
        }
        // The next command finds a promotion it left Running and says it was interrupted.
        const Result history = run({u"history"_s, pipeline, u"--stage"_s, u"dev"_s, u"--json"_s});
        QCOMPARE(history.exitCode, 0);
        const QJsonArray promotions = QJsonDocument::fromJson(history.out.toUtf8()).array();
        for (const QJsonValue &value : promotions) {
            const QString phase = value.toObject().value(u"phase"_s).toString();
            QVERIFY2(phase != u"Running" && phase != u"Pending", qPrintable(history.out));
            if (phase == u"Errored" && value.toObject()
                                           .value(u"message"_s)
                                           .toString()
                                           .contains(u"process running it ended"_s))
                QVERIFY(history.err.isEmpty() || history.err.contains(u"interrupted"_s));
        }
        // No workspace is left behind.
        const QStringList workspaces =
            QDir(state() + u"/workspaces"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &workspace : workspaces)
            QVERIFY2(workspace.startsWith(u"dry-run-"_s), qPrintable(workspace));
    }
    qInfo("a promotion takes %d ms; killed before the push landed: %d, after: %d", duration,
          killedBeforePush, killedAfterPush);
}

QTEST_GUILESS_MAIN(TestPromote)
#include "tst_promote.moc"
