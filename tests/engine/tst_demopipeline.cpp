#include "engine/demopipeline.h"
#include "engine/engine.h"
#include "engine/enginehost.h"
#include "engine/manifestloader.h"
#include "engine/pipelinegraph.h"
#include "engine/statepaths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

struct GitResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the git CLI, isolated from the user's and the system's configuration, so the test
/// checks the repositories with a tool that does not share code with what made them.
GitResult git(const QString &repository, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment;
    const QString path = qEnvironmentVariable("PATH");
    environment.insert(u"PATH"_s, path.isEmpty() ? u"/usr/bin:/bin"_s : path);
    environment.insert(u"HOME"_s, repository);
    environment.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    environment.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    environment.insert(u"LC_ALL"_s, u"C"_s);
    process.setProcessEnvironment(environment);
    process.start(u"git"_s, QStringList{u"-C"_s, repository} + arguments);
    GitResult result;
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return result;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

/// The output of a git command that must succeed, without the final newline.
QString gitOutput(const QString &repository, const QStringList &arguments)
{
    const GitResult result = git(repository, arguments);
    if (result.exitCode != 0) {
        qWarning().noquote() << "git" << arguments.join(u' ') << "failed:" << result.err;
        return {};
    }
    return result.out.chopped(result.out.endsWith(u'\n') ? 1 : 0);
}

} // namespace

/// The built-in demo: its git repositories, its manifests, and opening it through the engine
/// on the engine's thread.
class TestDemoPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void createsBareRepositories();
    void appTags();
    void appReleases_data();
    void appReleases();
    void gitopsValues_data();
    void gitopsValues();
    void manifestsLoadCleanly();
    void secondCallIsNoOp();
    void createsMissingParents();
    void refusesForeignFolder_data();
    void refusesForeignFolder();

    void engineOpensDemoOnItsThread();
    void engineOpensWithoutStore();
    void engineReportsMissingPipeline();

private:
    QString demoDir() const { return m_temp->filePath(u"demo"_s); }
    /// Creates the demo once per test function.
    QString ensureDemo();

    std::unique_ptr<QTemporaryDir> m_temp;
};

void TestDemoPipeline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
        QSKIP("the git command-line tool is needed to check the demo's repositories");
}

void TestDemoPipeline::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    StatePaths::setOverride(m_temp->filePath(u"state"_s));
}

void TestDemoPipeline::cleanup()
{
    StatePaths::setOverride({});
    m_temp.reset();
}

QString TestDemoPipeline::ensureDemo()
{
    QString error;
    const QString manifests = DemoPipeline::ensure(demoDir(), &error);
    if (manifests.isEmpty())
        qWarning().noquote() << "DemoPipeline::ensure failed:" << error;
    return manifests;
}

void TestDemoPipeline::createsBareRepositories()
{
    QVERIFY(!QFileInfo::exists(demoDir()));
    const QString manifests = ensureDemo();
    QCOMPARE(manifests, demoDir() + u"/pipeline"_s);
    for (const QString &name : {u"app.git"_s, u"gitops.git"_s}) {
        const QString repository = demoDir() + u'/' + name;
        QVERIFY2(QFileInfo(repository).isDir(), qPrintable(repository));
        QCOMPARE(gitOutput(repository, {u"rev-parse"_s, u"--is-bare-repository"_s}), u"true"_s);
        QCOMPARE(gitOutput(repository, {u"symbolic-ref"_s, u"HEAD"_s}), u"refs/heads/main"_s);
        const GitResult fsck = git(repository, {u"fsck"_s, u"--no-progress"_s});
        QCOMPARE(fsck.exitCode, 0);
        QVERIFY2(fsck.out.isEmpty(), qPrintable(fsck.out));
    }
    QVERIFY(QFileInfo(manifests + u"/.stevedore-demo"_s).isFile());
    // The scratch folder was renamed into place: nothing else is left next to the demo.
    QCOMPARE(QDir(m_temp->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"demo"_s});
}

void TestDemoPipeline::appTags()
{
    QVERIFY(!ensureDemo().isEmpty());
    const QString app = demoDir() + u"/app.git"_s;
    QCOMPARE(gitOutput(app, {u"tag"_s}).split(u'\n'),
             (QStringList{u"v1.0.0"_s, u"v1.1.0"_s, u"v1.1.1"_s, u"v1.2.0"_s, u"v2.0.0-rc.1"_s}));
    QCOMPARE(gitOutput(app, {u"rev-list"_s, u"--count"_s, u"main"_s}), u"6"_s);
    QCOMPARE(gitOutput(app, {u"branch"_s, u"--format=%(refname:short)"_s}), u"main"_s);
    // The newest commit is the newest stable release; the release candidate came before it.
    QCOMPARE(gitOutput(app, {u"describe"_s, u"--tags"_s, u"main"_s}), u"v1.2.0"_s);
}

void TestDemoPipeline::appReleases_data()
{
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("subject");
    QTest::newRow("v1.0.0") << u"v1.0.0"_s << u"1.0.0"_s << u"Serve a health endpoint"_s;
    QTest::newRow("v1.1.0") << u"v1.1.0"_s << u"1.1.0"_s << u"Add request logging"_s;
    QTest::newRow("v1.1.1") << u"v1.1.1"_s << u"1.1.1"_s << u"Fix a timeout on slow clients"_s;
    QTest::newRow("v2.0.0-rc.1") << u"v2.0.0-rc.1"_s << u"2.0.0-rc.1"_s
                                 << u"Preview: new configuration format"_s;
    QTest::newRow("v1.2.0") << u"v1.2.0"_s << u"1.2.0"_s << u"Add a readiness probe"_s;
}

void TestDemoPipeline::appReleases()
{
    QFETCH(QString, tag);
    QFETCH(QString, version);
    QFETCH(QString, subject);
    QVERIFY(!ensureDemo().isEmpty());
    const QString app = demoDir() + u"/app.git"_s;
    // Annotated tags, as release tooling makes them, on the commit of that release.
    QCOMPARE(gitOutput(app, {u"cat-file"_s, u"-t"_s, tag}), u"tag"_s);
    QCOMPARE(gitOutput(app, {u"show"_s, tag + u":VERSION"_s}), version);
    QCOMPARE(gitOutput(app, {u"log"_s, u"-1"_s, u"--format=%s"_s, tag + u"^{commit}"_s}), subject);
    QCOMPARE(git(app, {u"merge-base"_s, u"--is-ancestor"_s, tag, u"main"_s}).exitCode, 0);
}

void TestDemoPipeline::gitopsValues_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("replicas");
    QTest::newRow("dev") << u"dev"_s << u"1"_s;
    QTest::newRow("staging") << u"staging"_s << u"2"_s;
    QTest::newRow("prod") << u"prod"_s << u"3"_s;
}

void TestDemoPipeline::gitopsValues()
{
    QFETCH(QString, stage);
    QFETCH(QString, replicas);
    QVERIFY(!ensureDemo().isEmpty());
    const QString gitops = demoDir() + u"/gitops.git"_s;
    const QString app = demoDir() + u"/app.git"_s;
    const QString values = gitOutput(gitops, {u"show"_s, u"main:env/%1/values.yaml"_s.arg(stage)});
    QVERIFY2(values.contains(u"\napp:\n"_s), qPrintable(values));
    QVERIFY2(values.contains(u"\n  version: v1.0.0"_s), qPrintable(values));
    QVERIFY2(values.contains(u"\nreplicas: %1\n"_s.arg(replicas)), qPrintable(values));
    QVERIFY2(values.contains(u" in the %1 environment."_s.arg(stage)), qPrintable(values));
    QVERIFY2(!values.contains(u'@'), qPrintable(values)); // every placeholder replaced
    // Every stage starts on the first release's commit.
    const QString firstCommit = gitOutput(app, {u"rev-list"_s, u"--max-parents=0"_s, u"main"_s});
    QCOMPARE(firstCommit.size(), 40);
    QCOMPARE(gitOutput(app, {u"rev-parse"_s, u"v1.0.0^{commit}"_s}), firstCommit);
    QVERIFY2(values.contains(u"\n  commit: "_s + firstCommit + u'\n'), qPrintable(values));
    QCOMPARE(gitOutput(gitops, {u"rev-list"_s, u"--count"_s, u"main"_s}), u"1"_s);
}

void TestDemoPipeline::manifestsLoadCleanly()
{
    const QString manifests = ensureDemo();
    QVERIFY(!manifests.isEmpty());
    const Pipeline pipeline = ManifestLoader::load(manifests);
    QStringList problems;
    for (const Problem &problem : pipeline.problems) {
        if (problem.severity != Problem::Severity::Note)
            problems.append(problem.toString());
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    QCOMPARE(pipeline.projectName, u"demo"_s);

    QStringList stages;
    for (const Stage &stage : pipeline.stages)
        stages.append(stage.name);
    QCOMPARE(stages, (QStringList{u"dev"_s, u"staging"_s, u"prod"_s}));
    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QCOMPARE(graph.toText().section(u'\n', 4), u"app -> dev\ndev -> staging\nstaging -> prod\n"_s);

    QCOMPARE(pipeline.warehouses.size(), 1);
    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.name, u"app"_s);
    QCOMPARE(warehouse.subscriptions.size(), 1);
    const Subscription &subscription = warehouse.subscriptions.first();
    QCOMPARE(subscription.kind, Subscription::Kind::Git);
    const QUrl url(subscription.repoURL());
    QCOMPARE(url.scheme(), u"file"_s);
    QVERIFY(url.isLocalFile());
    QCOMPARE(QFileInfo(url.toLocalFile()).canonicalFilePath(),
             QFileInfo(demoDir() + u"/app.git"_s).canonicalFilePath());
    QCOMPARE(gitOutput(url.toLocalFile(), {u"rev-parse"_s, u"--is-bare-repository"_s}), u"true"_s);

    // The promotion task writes into the GitOps repository, also by a file:// URL.
    const PromotionTask *task = pipeline.task(u"promote"_s);
    QVERIFY(task);
    QString gitopsURL;
    for (const NamedValue &var : task->vars) {
        if (var.name == u"gitopsRepo")
            gitopsURL = var.value;
    }
    QCOMPARE(QUrl(gitopsURL).toLocalFile(), demoDir() + u"/gitops.git"_s);
}

void TestDemoPipeline::secondCallIsNoOp()
{
    const QString first = ensureDemo();
    QVERIFY(!first.isEmpty());
    const QString app = demoDir() + u"/app.git"_s;
    const QString gitops = demoDir() + u"/gitops.git"_s;
    const QString appHead = gitOutput(app, {u"rev-parse"_s, u"HEAD"_s});
    const QString gitopsHead = gitOutput(gitops, {u"rev-parse"_s, u"HEAD"_s});
    const QString tags = gitOutput(app, {u"show-ref"_s, u"--tags"_s});
    QCOMPARE(appHead.size(), 40);
    const QDateTime manifestTime =
        QFileInfo(first + u"/stages.yaml"_s).fileTime(QFileDevice::FileModificationTime);

    QString error;
    const QString second = DemoPipeline::ensure(demoDir(), &error);
    QCOMPARE(second, first);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Also when named differently.
    QCOMPARE(DemoPipeline::ensure(demoDir() + u"/"_s, &error), first);

    QCOMPARE(gitOutput(app, {u"rev-parse"_s, u"HEAD"_s}), appHead);
    QCOMPARE(gitOutput(gitops, {u"rev-parse"_s, u"HEAD"_s}), gitopsHead);
    QCOMPARE(gitOutput(app, {u"show-ref"_s, u"--tags"_s}), tags);
    QCOMPARE(QFileInfo(first + u"/stages.yaml"_s).fileTime(QFileDevice::FileModificationTime),
             manifestTime);
    QCOMPARE(QDir(m_temp->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"demo"_s});
}

void TestDemoPipeline::createsMissingParents()
{
    const QString nested = m_temp->filePath(u"a/b/demo"_s);
    QString error;
    const QString manifests = DemoPipeline::ensure(nested, &error);
    QVERIFY2(!manifests.isEmpty(), qPrintable(error));
    QCOMPARE(manifests, nested + u"/pipeline"_s);
    QVERIFY(QFileInfo(nested + u"/app.git"_s).isDir());
}

void TestDemoPipeline::refusesForeignFolder_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("empty folder") << u"empty"_s;
    QTest::newRow("folder with files") << u"files"_s;
    QTest::newRow("half-made demo") << u"half"_s;
    QTest::newRow("file") << u"file"_s;
}

void TestDemoPipeline::refusesForeignFolder()
{
    QFETCH(QString, kind);
    const QString dir = demoDir();
    if (kind == u"file") {
        QFile file(dir);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("mine\n");
    } else {
        QVERIFY(QDir().mkpath(dir));
        if (kind == u"files") {
            QFile file(dir + u"/notes.txt"_s);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("my notes\n");
        } else if (kind == u"half") {
            // Repositories and manifests, but no marker: not known to be complete.
            QVERIFY(QDir().mkpath(dir + u"/app.git"_s));
            QVERIFY(QDir().mkpath(dir + u"/pipeline"_s));
        }
    }
    const auto listing = [dir] {
        return QFileInfo(dir).isDir()
                   ? QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                   : QStringList{u"(file)"_s};
    };
    const QStringList before = listing();

    QString error;
    QCOMPARE(DemoPipeline::ensure(dir, &error), QString());
    QVERIFY2(error.contains(dir), qPrintable(error));
    QVERIFY2(error.contains(u"does not hold Stevedore's demo"_s), qPrintable(error));
    QCOMPARE(listing(), before);
    QCOMPARE(QDir(m_temp->path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"demo"_s});
}

void TestDemoPipeline::engineOpensDemoOnItsThread()
{
    EngineHost host;
    Engine *engine = host.engine();
    // Direct connection (the context is the engine itself): runs on the emitting thread.
    // Connected before the spies, so it has run by the time a spy wakes this thread up.
    std::atomic<QThread *> emittedOn = nullptr;
    connect(engine, &Engine::pipelineOpened, engine,
            [&emittedOn] { emittedOn = QThread::currentThread(); });
    QSignalSpy opened(engine, &Engine::pipelineOpened);
    QSignalSpy failed(engine, &Engine::pipelineFailed);
    QSignalSpy storeUnavailable(engine, &Engine::storeUnavailable);
    QVERIFY(opened.isValid());

    host.openDemoPipeline();
    // The demo takes a moment to create; if the signal came before wait() started, the count
    // already says so.
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
    QCOMPARE(opened.size(), 1);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(storeUnavailable.size(), 0);

    const auto pipeline = opened.at(0).at(0).value<Pipeline>();
    QCOMPARE(pipeline.stages.size(), 3);
    QCOMPARE(pipeline.warehouses.size(), 1);
    QVERIFY(!pipeline.hasErrors());
    QCOMPARE(pipeline.rootPath,
             QFileInfo(StatePaths::demoDir() + u"/pipeline"_s).canonicalFilePath());

    QThread *const thread = emittedOn;
    QVERIFY(thread);
    QVERIFY(thread != QThread::currentThread());
    QCOMPARE(thread, engine->thread());
    QCOMPARE(thread->objectName(), u"stevedore-engine"_s);

    // The engine opened (and wrote to) the pipeline's store under the state folder.
    QCOMPARE(QDir(StatePaths::storesDir()).entryList({u"*.sqlite"_s}, QDir::Files).size(), 1);

    // Reloading reads the same demo again, still on the engine's thread.
    emittedOn = nullptr;
    host.reload();
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 2, 30000);
    QCOMPARE(opened.size(), 2);
    QCOMPARE(emittedOn.load(), thread);
}

void TestDemoPipeline::engineOpensWithoutStore()
{
    // The state folder cannot be created (a file is in the way): the pipeline still opens.
    const QString blocker = m_temp->filePath(u"blocker"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    StatePaths::setOverride(blocker);

    EngineHost host;
    QSignalSpy opened(host.engine(), &Engine::pipelineOpened);
    QSignalSpy storeUnavailable(host.engine(), &Engine::storeUnavailable);
    host.setDiscoveryEnabled(false); // the fixture names real registries: never contact them
    host.openPipeline(QStringLiteral(STEVEDORE_FIXTURES_DIR) + u"/kargo-simple"_s);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
    QCOMPARE(storeUnavailable.size(), 1);
    QVERIFY2(storeUnavailable.at(0).at(0).toString().contains(u"cannot create the state folder"_s),
             qPrintable(storeUnavailable.at(0).at(0).toString()));
    QCOMPARE(opened.at(0).at(0).value<Pipeline>().stages.size(), 3);
}

void TestDemoPipeline::engineReportsMissingPipeline()
{
    EngineHost host;
    QSignalSpy failed(host.engine(), &Engine::pipelineFailed);
    QSignalSpy opened(host.engine(), &Engine::pipelineOpened);
    const QString missing = m_temp->filePath(u"no-such-pipeline"_s);
    host.openPipeline(missing);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QCOMPARE(failed.at(0).at(0).toString(), missing);
    QVERIFY(failed.at(0).at(1).toString().contains(missing));
    QVERIFY(opened.isEmpty());
    QVERIFY(!QFileInfo::exists(StatePaths::storesDir()));
}

QTEST_GUILESS_MAIN(TestDemoPipeline)
#include "tst_demopipeline.moc"
