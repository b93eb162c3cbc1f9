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

#include "tests/support/testservers.h"

using namespace Qt::StringLiterals;

namespace {

QString fixturesDir()
{
    return QStringLiteral(STEVEDORE_FIXTURES_DIR);
}

struct Result
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

bool writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QStringList lines(const QString &text)
{
    QStringList result = text.split(u'\n');
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    return result;
}

const QByteArray cleanManifest = R"(apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata:
  name: shop
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: web
  namespace: shop
spec:
  subscriptions:
  - image:
      repoURL: ghcr.io/example/web
      imageSelectionStrategy: SemVer
      constraint: ^1.0.0
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: dev
  namespace: shop
  annotations:
    kargo.akuity.io/color: sky
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: web
    sources:
      direct: true
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: prod
  namespace: shop
  annotations:
    kargo.akuity.io/color: violet
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: web
    sources:
      stages:
      - dev
)";

// The three known mistakes in the real manifests (see tests/fixtures/kargo/SOURCES.md).
const QString kargoSimpleProblem =
    u"kargo-simple/promotiontask.yaml:68:17: error: git-open-pr no longer outputs \"prNumber\"; "
    "read the pull request number as outputs['open-pr'].pr.id"_s;
const QString activeActiveProblem =
    u"active-active/stages.yaml:175:5: error: duplicate key \"args\" (first defined at line 171)"_s;
const QString autoRollbackProblem =
    u"demo-auto-rollback/warehouse.yaml:18:32: error: \"NewestCommit\" is not a valid "
    "commitSelectionStrategy; expected one of NewestFromBranch, SemVer, Lexical, NewestTag"_s;

} // namespace

/// stevedorectl as users run it: exit codes, what goes to stdout and what to stderr, and where
/// it keeps its state.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void help_data();
    void help();
    void version_data();
    void version();
    void noCommand();
    void usageErrors_data();
    void usageErrors();

    void validateFixtures_data();
    void validateFixtures();
    void validateAbsolutePaths();
    void validateClean();
    void validateWarningsOnly();
    void validateSyntaxError();
    void validateNoKargoResources_data();
    void validateNoKargoResources();

    void graph_data();
    void graph();
    void graphWithErrors();

    void previewTags_data();
    void previewTags();

    void stateDirOption_data();
    void stateDirOption();
    void stateDirFromEnvironment();
    void storeIsPerPipeline();
    void storeRefusesDamagedStore();
    void storeStateDirUnusable();
    void nothingWrittenOutsideStateDir();

private:
    QProcessEnvironment environment() const;
    Result run(const QStringList &arguments, const QString &workingDirectory = {}) const;
    Result run(const QStringList &arguments, const QProcessEnvironment &environment,
               const QString &workingDirectory = {}) const;
    QString envStateDir() const { return m_temp->filePath(u"env-state"_s); }
    QString home() const { return m_temp->filePath(u"home"_s); }
    /// A pipeline folder holding @p manifest, written under the temporary folder.
    QString writePipeline(const QString &name, const QByteArray &manifest) const;

    std::unique_ptr<QTemporaryDir> m_temp;
};

void TestCli::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QStringLiteral(STEVEDORECTL_PATH)).isExecutable(), STEVEDORECTL_PATH);
    QVERIFY(QFileInfo(fixturesDir() + u"/kargo-simple"_s).isDir());
}

void TestCli::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    QVERIFY(QDir().mkpath(home()));
}

void TestCli::cleanup()
{
    m_temp.reset();
}

/// Built from nothing, so the user's own settings never leak in; every place stevedorectl might
QProcessEnvironment TestCli::environment() const
{
    return Stevedore::Testing::isolatedEnvironment(home(), envStateDir());
}

Result TestCli::run(const QStringList &arguments, const QString &workingDirectory) const
{
    return run(arguments, environment(), workingDirectory);
}

Result TestCli::run(const QStringList &arguments, const QProcessEnvironment &environment,
                    const QString &workingDirectory) const
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory.isEmpty() ? m_temp->path() : workingDirectory);
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    Result result;
    result.finished =
        process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    if (!result.finished)
        process.kill();
    return result;
}

QString TestCli::writePipeline(const QString &name, const QByteArray &manifest) const
{
    const QString dir = m_temp->filePath(name);
    return writeFile(dir + u"/pipeline.yaml"_s, manifest) ? dir : QString();
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--help") << QStringList{u"--help"_s};
    QTest::newRow("-h") << QStringList{u"-h"_s};
    QTest::newRow("after a command") << QStringList{u"validate"_s, u"--help"_s};
}

void TestCli::help()
{
    QFETCH(QStringList, arguments);
    const Result result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith(u"Usage: stevedorectl"_s));
    for (const QString &expected :
         {u"\n  validate PATH"_s, u"\n  graph PATH"_s, u"\n  store PATH"_s,
          u"\n  preview-tags [OPTIONS] TAG..."_s, u"--state-dir DIR"_s, u"STEVEDORE_STATE_DIR"_s,
          u"--format FORMAT"_s, u"--version"_s})
        QVERIFY2(result.out.contains(expected), qPrintable(expected));
    QCOMPARE(result.err, QString());
}

void TestCli::version_data()
{
    QTest::addColumn<QString>("option");
    QTest::newRow("--version") << u"--version"_s;
    QTest::newRow("-v") << u"-v"_s;
}

void TestCli::version()
{
    QFETCH(QString, option);
    const Result result = run({option});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, u"stevedorectl "_s + QStringLiteral(STEVEDORE_VERSION) + u'\n');
    QVERIFY(
        QRegularExpression(uR"(^stevedorectl \d+\.\d+\.\d+\n$)"_s).match(result.out).hasMatch());
    QCOMPARE(result.err, QString());
}

void TestCli::noCommand()
{
    const Result result = run({});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QString());
    QVERIFY(result.err.startsWith(u"Usage: stevedorectl"_s));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString simple = fixturesDir() + u"/kargo-simple"_s;
    const QString missing = u"no/such/pipeline"_s;

    QTest::newRow("unknown command")
        << QStringList{u"frobnicate"_s} << u"unknown command \"frobnicate\""_s;
    QTest::newRow("validate without path")
        << QStringList{u"validate"_s} << u"validate: missing PATH"_s;
    QTest::newRow("validate missing path")
        << QStringList{u"validate"_s, missing} << missing + u": no such file or folder"_s;
    QTest::newRow("validate one path missing")
        << QStringList{u"validate"_s, simple, missing} << missing + u": no such file or folder"_s;
    QTest::newRow("validate unknown option")
        << QStringList{u"validate"_s, u"--bogus"_s, simple} << u"unknown option --bogus"_s;
    QTest::newRow("flag with a value") << QStringList{u"validate"_s, u"--strict=yes"_s, simple}
                                       << u"option --strict takes no value"_s;
    QTest::newRow("graph without path") << QStringList{u"graph"_s} << u"graph: missing PATH"_s;
    QTest::newRow("graph two paths")
        << QStringList{u"graph"_s, simple, simple} << u"graph: takes one PATH"_s;
    QTest::newRow("graph missing path")
        << QStringList{u"graph"_s, missing} << missing + u": no such file or folder"_s;
    QTest::newRow("graph unknown format")
        << QStringList{u"graph"_s, u"--format"_s, u"svg"_s, simple} << u"unknown format \"svg\""_s;
    QTest::newRow("graph format without value")
        << QStringList{u"graph"_s, simple, u"--format"_s} << u"option --format needs a value"_s;
    QTest::newRow("graph unknown option")
        << QStringList{u"graph"_s, u"-x"_s, simple} << u"unknown option --x"_s;
    QTest::newRow("store without path") << QStringList{u"store"_s} << u"store: missing PATH"_s;
    QTest::newRow("store missing path")
        << QStringList{u"store"_s, missing} << missing + u": no such file or folder"_s;
    QTest::newRow("store two paths")
        << QStringList{u"store"_s, simple, simple} << u"store: takes one PATH"_s;
    QTest::newRow("preview-tags without tag")
        << QStringList{u"preview-tags"_s} << u"preview-tags: missing TAG"_s;
    QTest::newRow("preview-tags unknown strategy")
        << QStringList{u"preview-tags"_s, u"--strategy"_s, u"NewestBuild"_s, u"v1.0.0"_s}
        << u"preview-tags: unknown strategy \"NewestBuild\" (use SemVer or Lexical)"_s;
    QTest::newRow("preview-tags bad constraint")
        << QStringList{u"preview-tags"_s, u"--constraint"_s, u"banana"_s, u"v1.0.0"_s}
        << u"preview-tags: invalid semver constraint \"banana\": "_s;
    QTest::newRow("preview-tags bad regex")
        << QStringList{u"preview-tags"_s, u"--allow"_s, u"^v(1"_s, u"v1.0.0"_s}
        << u"preview-tags: invalid regular expression \"^v(1\": missing closing ): `^v(1`"_s;
    QTest::newRow("preview-tags PCRE-only regex")
        << QStringList{u"preview-tags"_s, u"--ignore"_s, u"-(?!rc)"_s, u"v1.0.0"_s}
        << u"(lookahead assertions are not supported)"_s;
    QTest::newRow("preview-tags repeat count")
        << QStringList{u"preview-tags"_s, u"--allow"_s, u"x{1001}"_s, u"v1.0.0"_s}
        << u"invalid repeat count: `{1001}`"_s;
    QTest::newRow("preview-tags strict-semvers")
        << QStringList{u"preview-tags"_s, u"--strict-semvers"_s, u"yes"_s, u"v1.0.0"_s}
        << u"preview-tags: --strict-semvers takes true or false, not \"yes\""_s;
    QTest::newRow("preview-tags limit zero")
        << QStringList{u"preview-tags"_s, u"--limit"_s, u"0"_s, u"v1.0.0"_s}
        << u"preview-tags: --limit takes a number from 1 to 100, not \"0\""_s;
    QTest::newRow("preview-tags limit word")
        << QStringList{u"preview-tags"_s, u"--limit=many"_s, u"v1.0.0"_s}
        << u"--limit takes a number from 1 to 100, not \"many\""_s;
    QTest::newRow("preview-tags unknown option")
        << QStringList{u"preview-tags"_s, u"--format"_s, u"json"_s, u"v1.0.0"_s}
        << u"preview-tags: unknown option --format"_s;
    QTest::newRow("preview-tags allow without value")
        << QStringList{u"preview-tags"_s, u"v1.0.0"_s, u"--allow"_s}
        << u"option --allow needs a value"_s;
    QTest::newRow("state-dir without value") << QStringList{u"store"_s, simple, u"--state-dir"_s}
                                             << u"option --state-dir needs a value"_s;
    // An empty value (say, an unset shell variable) must not quietly mean "the default".
    QTest::newRow("state-dir empty") << QStringList{u"--state-dir="_s, u"store"_s, simple}
                                     << u"option --state-dir needs a value"_s;
    QTest::newRow("state-dir empty argument")
        << QStringList{u"--state-dir"_s, QString(), u"store"_s, simple}
        << u"option --state-dir needs a value"_s;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.startsWith(u"stevedorectl: "_s), qPrintable(result.err));
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    // Usage errors come before any work: nothing was created.
    QVERIFY(!QFileInfo::exists(envStateDir()));
}

void TestCli::validateFixtures_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("kargo-simple") << QStringList{u"kargo-simple"_s}
                                  << QStringList{kargoSimpleProblem};
    QTest::newRow("active-active")
        << QStringList{u"active-active"_s} << QStringList{activeActiveProblem};
    QTest::newRow("demo-auto-rollback")
        << QStringList{u"demo-auto-rollback"_s} << QStringList{autoRollbackProblem};
    QTest::newRow("all three") << QStringList{u"kargo-simple"_s, u"active-active"_s,
                                              u"demo-auto-rollback"_s}
                               << QStringList{kargoSimpleProblem, activeActiveProblem,
                                              autoRollbackProblem};
    QTest::newRow("one file") << QStringList{u"kargo-simple/promotiontask.yaml"_s}
                              << QStringList{kargoSimpleProblem};
    QTest::newRow("trailing slash")
        << QStringList{u"demo-auto-rollback/"_s} << QStringList{autoRollbackProblem};
}

void TestCli::validateFixtures()
{
    QFETCH(QStringList, paths);
    QFETCH(QStringList, expected);
    // Relative paths, run from the fixtures folder: problems name files as the user did.
    const Result result = run(QStringList{u"validate"_s} + paths, fixturesDir());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    const QStringList printed = lines(result.out);
    for (const QString &line : expected)
        QVERIFY2(printed.contains(line), qPrintable(result.out));
    // Every line on stdout is one problem, compiler style.
    static const QRegularExpression problemLine(
        uR"(^[^:\s][^:]*(:\d+:\d+)?: (error|warning|note): \S.*$)"_s);
    for (const QString &line : printed)
        QVERIFY2(problemLine.match(line).hasMatch(), qPrintable(line));
    // The summary goes to stderr.
    QVERIFY2(QRegularExpression(uR"(: [1-9]\d* error\(s\), \d+ warning\(s\)\n$)"_s)
                 .match(result.err)
                 .hasMatch(),
             qPrintable(result.err));
}

void TestCli::validateAbsolutePaths()
{
    const Result result = run({u"validate"_s, fixturesDir() + u"/demo-auto-rollback"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(lines(result.out).contains(fixturesDir() + u'/' + autoRollbackProblem),
             qPrintable(result.out));
}

void TestCli::validateClean()
{
    const QString pipeline = writePipeline(u"clean"_s, cleanManifest);
    QVERIFY(!pipeline.isEmpty());
    const Result result = run({u"validate"_s, pipeline});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.endsWith(u"1 warehouse(s), 2 stage(s), 0 task(s), 0 analysis template(s): "
                                 "0 error(s), 0 warning(s)\n"_s),
             qPrintable(result.err));
    // validate only reads: it does not create a store.
    QVERIFY(!QFileInfo::exists(envStateDir()));
}

void TestCli::validateWarningsOnly()
{
    QByteArray manifest = cleanManifest;
    manifest.replace("color: violet", "color: mauve");
    QVERIFY(writePipeline(u"warn"_s, manifest) == m_temp->filePath(u"warn"_s));
    const Result result = run({u"validate"_s, u"warn"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    const QStringList printed = lines(result.out);
    QCOMPARE(printed.size(), 1);
    QVERIFY2(printed.first().startsWith(
                 u"warn/pipeline.yaml:39:28: warning: \"mauve\" is not a stage colour"_s),
             qPrintable(result.out));
    QVERIFY(result.err.endsWith(u"0 error(s), 1 warning(s)\n"_s));
}

void TestCli::validateSyntaxError()
{
    QVERIFY(writeFile(m_temp->filePath(u"broken/stage.yaml"_s),
                      "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n"
                      "  name: [dev\n"));
    const Result result = run({u"validate"_s, u"broken"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    const QStringList printed = lines(result.out);
    QCOMPARE(printed.size(), 1);
    QVERIFY2(printed.first().startsWith(u"broken/stage.yaml:4:9: error: YAML syntax error"_s),
             qPrintable(result.out));
}

void TestCli::validateNoKargoResources_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty folder") << QByteArray();
    QTest::newRow("only a ConfigMap")
        << QByteArray("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n");
}

void TestCli::validateNoKargoResources()
{
    QFETCH(QByteArray, content);
    const QString dir = m_temp->filePath(u"other"_s);
    QVERIFY(QDir().mkpath(dir));
    if (!content.isEmpty())
        QVERIFY(writeFile(dir + u"/configmap.yaml"_s, content));
    const Result result = run({u"validate"_s, u"other"_s});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(lines(result.out).contains(u"other: error: no Kargo resources in this folder"_s),
             qPrintable(result.out));
}

void TestCli::graph_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("format");
    const QString simple = fixturesDir() + u"/kargo-simple"_s;
    QTest::newRow("default") << QStringList{u"graph"_s, simple} << u"text"_s;
    QTest::newRow("text") << QStringList{u"graph"_s, u"--format"_s, u"text"_s, simple} << u"text"_s;
    QTest::newRow("json") << QStringList{u"graph"_s, simple, u"--format"_s, u"json"_s} << u"json"_s;
    QTest::newRow("dot") << QStringList{u"graph"_s, u"--format=dot"_s, simple} << u"dot"_s;
    QTest::newRow("option first") << QStringList{u"--format"_s, u"dot"_s, u"graph"_s, simple}
                                  << u"dot"_s;
}

void TestCli::graph()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, format);
    const Result result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    if (format == u"text") {
        QCOMPARE(result.out,
                 u"warehouse guestbook\nstage dev color=red\nstage staging color=amber\n"
                 "stage prod color=violet\nguestbook -> dev\ndev -> staging\n"
                 "staging -> prod\n"_s);
    } else if (format == u"json") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject root = document.object();
        QCOMPARE(root.value(u"project"_s).toString(), u"kargo-simple"_s);
        QCOMPARE(root.value(u"warehouses"_s).toArray().size(), 1);
        QCOMPARE(root.value(u"stages"_s).toArray().size(), 3);
        QCOMPARE(root.value(u"edges"_s).toArray().size(), 3);
        const QJsonObject prod = root.value(u"stages"_s).toArray().at(2).toObject();
        QCOMPARE(prod.value(u"name"_s).toString(), u"prod"_s);
        QCOMPARE(prod.value(u"colorHex"_s).toString(), u"#7851aa"_s);
    } else {
        QVERIFY(result.out.startsWith(u"digraph \"kargo-simple\" {\n"_s));
        QVERIFY(result.out.endsWith(u"}\n"_s));
        QStringList edges;
        for (const QString &line : lines(result.out)) {
            if (line.contains(u"->"_s))
                edges.append(line);
        }
        QCOMPARE(edges,
                 (QStringList{u"  \"guestbook\" -> \"dev\";"_s, u"  \"dev\" -> \"staging\";"_s,
                              u"  \"staging\" -> \"prod\";"_s}));
    }
    // kargo-simple has one error: it goes to stderr, never into the graph.
    QVERIFY2(result.err.contains(u"promotiontask.yaml:68:17: error: "_s), qPrintable(result.err));
    QVERIFY(!result.out.contains(u"error"_s));
}

void TestCli::graphWithErrors()
{
    const Result result = run({u"graph"_s, u"active-active"_s}, fixturesDir());
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    const QStringList out = lines(result.out);
    QVERIFY2(out.contains(u"dev-east -> staging"_s), qPrintable(result.out));
    QVERIFY2(out.contains(u"dev-west -> staging"_s), qPrintable(result.out));
    QVERIFY2(out.contains(u"prod-west -> close"_s), qPrintable(result.out));
    QVERIFY(!result.out.contains(u": error: "_s));
    QVERIFY2(lines(result.err).contains(activeActiveProblem), qPrintable(result.err));

    // A pipeline with a broken reference still draws what is valid.
    QByteArray manifest = cleanManifest;
    manifest.replace("      - dev\n", "      - dev\n      - qa\n");
    QVERIFY(!writePipeline(u"dangling"_s, manifest).isEmpty());
    const Result dangling = run({u"graph"_s, u"--format=dot"_s, u"dangling"_s});
    QCOMPARE(dangling.exitCode, 0);
    QVERIFY2(dangling.out.contains(u"\n  \"dev\" -> \"prod\";\n"_s), qPrintable(dangling.out));
    QVERIFY(!dangling.out.contains(u"qa"_s));
    QVERIFY2(dangling.err.contains(u"error: stage \"qa\" is not defined"_s),
             qPrintable(dangling.err));
}

void TestCli::previewTags_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");

    const auto row = [](const char *name, const QStringList &arguments, const QString &out,
                        const QString &err = {}) {
        QTest::newRow(name) << (QStringList{u"preview-tags"_s} + arguments) << out << err;
    };
    // SemVer by default, strict, pre-releases included when there is no constraint.
    row("defaults", {u"v1.0.0"_s, u"v1.2.0"_s, u"latest"_s, u"1.3"_s, u"v2.0.0-rc.1"_s},
        u"v2.0.0-rc.1\nv1.2.0\nv1.0.0\n"_s);
    row("constraint", {u"--constraint"_s, u"^1.0"_s, u"1.0.0"_s, u"1.5.0"_s, u"2.0.0"_s},
        u"1.5.0\n1.0.0\n"_s);
    row("lenient", {u"--strict-semvers"_s, u"false"_s, u"1.2"_s, u"1.1.0"_s, u"v1.2.0"_s},
        u"v1.2.0\n1.2\n1.1.0\n"_s);
    row("strict explicitly", {u"--strict-semvers=true"_s, u"1.2"_s, u"1.1.0"_s}, u"1.1.0\n"_s);
    row("repeated allow",
        {u"--allow"_s, u"^a"_s, u"--strategy"_s, u"Lexical"_s, u"--allow"_s, u"^b"_s, u"a1"_s,
         u"b1"_s, u"c1"_s},
        u"b1\na1\n"_s);
    row("ignore wins over allow",
        {u"--allow"_s, u"^v"_s, u"--ignore"_s, u"rc"_s, u"--ignore"_s, u"beta"_s, u"v1.0.0"_s,
         u"v1.1.0-rc.1"_s, u"v1.1.0-beta.1"_s},
        u"v1.0.0\n"_s);
    row("limit", {u"--limit"_s, u"2"_s, u"1.0.0"_s, u"3.0.0"_s, u"2.0.0"_s}, u"3.0.0\n2.0.0\n"_s);
    row("inline values", {u"--limit=2"_s, u"--strategy=Lexical"_s, u"a"_s, u"c"_s, u"b"_s},
        u"c\nb\n"_s);
    row("none match", {u"--constraint"_s, u">5"_s, u"1.0.0"_s, u"latest"_s}, QString());
    row("tags after --", {u"--strategy"_s, u"Lexical"_s, u"--"_s, u"-x"_s, u"a"_s}, u"a\n-x\n"_s);
    row("RE2 named group", {u"--allow"_s, u"^v(?<major>1)\\."_s, u"v1.0.0"_s, u"v2.0.0"_s},
        u"v1.0.0\n"_s);
    row("constraint with Lexical",
        {u"--strategy"_s, u"Lexical"_s, u"--constraint"_s, u"^1"_s, u"b"_s, u"a"_s}, u"b\na\n"_s,
        u"stevedorectl: note: --constraint and --strict-semvers apply to the SemVer strategy "
        "only\n"_s);
}

void TestCli::previewTags()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, out);
    QFETCH(QString, err);
    const Result result = run(arguments);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, out);
    QCOMPARE(result.err, err);
    // Nothing is stored: no state folder is created.
    QVERIFY(!QFileInfo::exists(envStateDir()));
}

void TestCli::stateDirOption_data()
{
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::newRow("before the command") << QStringList{u"--state-dir"_s, u"@"_s} << QStringList();
    QTest::newRow("after the command") << QStringList() << QStringList{u"--state-dir"_s, u"@"_s};
    QTest::newRow("inline value") << QStringList{u"--state-dir=@"_s} << QStringList();
    QTest::newRow("inline after") << QStringList() << QStringList{u"--state-dir=@"_s};
}

void TestCli::stateDirOption()
{
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    const QString stateDir = m_temp->filePath(u"option-state"_s);
    const QString pipeline = writePipeline(u"shop"_s, cleanManifest);
    for (QString &argument : before)
        argument.replace(u'@', stateDir);
    for (QString &argument : after)
        argument.replace(u'@', stateDir);

    const Result result = run(before + QStringList{u"store"_s, pipeline} + after);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QString());
    const QStringList out = lines(result.out);
    QCOMPARE(out.size(), 1);
    const QString store = out.first();
    QVERIFY2(store.startsWith(stateDir + u"/pipelines/"_s), qPrintable(store));
    QVERIFY(store.endsWith(u".sqlite"_s));
    QVERIFY(QFileInfo(store).isFile());
    // The option wins over STEVEDORE_STATE_DIR, which stays untouched.
    QVERIFY(!QFileInfo::exists(envStateDir()));
}

void TestCli::stateDirFromEnvironment()
{
    const QString pipeline = writePipeline(u"shop"_s, cleanManifest);
    const Result result = run({u"store"_s, pipeline});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 0);
    const QString store = result.out.trimmed();
    QVERIFY2(store.startsWith(envStateDir() + u"/pipelines/"_s), qPrintable(store));
    QVERIFY(QFileInfo(store).isFile());

    // A relative STEVEDORE_STATE_DIR is taken from the working folder.
    QProcessEnvironment relative = environment();
    relative.insert(u"STEVEDORE_STATE_DIR"_s, u"relative-state"_s);
    const Result second = run({u"store"_s, pipeline}, relative);
    QCOMPARE(second.exitCode, 0);
    QVERIFY2(second.out.startsWith(m_temp->filePath(u"relative-state/pipelines/"_s)),
             qPrintable(second.out));
}

void TestCli::storeIsPerPipeline()
{
    const QString shop = writePipeline(u"shop"_s, cleanManifest);
    const QString other = writePipeline(u"other"_s, cleanManifest);
    QVERIFY(QFile::link(shop, m_temp->filePath(u"shop-link"_s)));

    const Result first = run({u"store"_s, shop});
    const Result again = run({u"store"_s, shop});
    const Result relative = run({u"store"_s, u"shop"_s});
    const Result link = run({u"store"_s, u"shop-link"_s});
    const Result different = run({u"store"_s, other});
    for (const Result *result : {&first, &again, &relative, &link, &different}) {
        QVERIFY(result->finished);
        QCOMPARE(result->exitCode, 0);
    }
    QCOMPARE(again.out, first.out);
    QCOMPARE(relative.out, first.out);
    QCOMPARE(link.out, first.out);
    QVERIFY(different.out != first.out);
    QCOMPARE(QDir(envStateDir() + u"/pipelines"_s).entryList({u"*.sqlite"_s}, QDir::Files).size(),
             2);
}

void TestCli::storeRefusesDamagedStore()
{
    const QString pipeline = writePipeline(u"shop"_s, cleanManifest);
    const Result created = run({u"store"_s, pipeline});
    QCOMPARE(created.exitCode, 0);
    const QString store = created.out.trimmed();
    const QByteArray garbage = QByteArray("not a database\n").repeated(64);
    QVERIFY(writeFile(store, garbage));

    const Result result = run({u"store"_s, pipeline});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.contains(store + u" is not a Stevedore store"_s), qPrintable(result.err));
    QFile file(store);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), garbage);
}

void TestCli::storeStateDirUnusable()
{
    const QString pipeline = writePipeline(u"shop"_s, cleanManifest);
    const QString file = m_temp->filePath(u"a-file"_s);
    QVERIFY(writeFile(file, "not a folder\n"));
    const Result result = run({u"store"_s, pipeline, u"--state-dir"_s, file});
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.contains(u"cannot create the state folder "_s + file + u"/pipelines"_s),
             qPrintable(result.err));
}

void TestCli::nothingWrittenOutsideStateDir()
{
    const QString pipeline = writePipeline(u"shop"_s, cleanManifest);
    const QString stateDir = m_temp->filePath(u"option-state"_s);
    QCOMPARE(run({u"validate"_s, pipeline}).exitCode, 0);
    QCOMPARE(run({u"graph"_s, pipeline}).exitCode, 0);
    QCOMPARE(run({u"store"_s, pipeline, u"--state-dir"_s, stateDir}).exitCode, 0);
    QCOMPARE(run({u"store"_s, pipeline}).exitCode, 0);
    QCOMPARE(QDir(home()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList());
    QCOMPARE(QDir(m_temp->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             (QStringList{u"env-state"_s, u"home"_s, u"option-state"_s, u"shop"_s}));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
