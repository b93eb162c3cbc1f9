#include "engine/expressiontemplate.h"
#include "engine/manifestloader.h"
#include "engine/promotioncontext.h"
#include "engine/promotionplanner.h"
#include "engine/promotionrunner.h"
#include "engine/promotionsteps.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

Freight guestbookFreight()
{
    Freight freight;
    freight.id = u"f00dfeed"_s;
    freight.alias = u"brave-otter"_s;
    freight.origin = {u"Warehouse"_s, u"guestbook"_s};
    freight.images.append({u"ghcr.io/akuity/guestbook"_s, u"v0.0.2"_s, u"sha256:abc"_s, {}});
    freight.commits.append({u"https://github.com/example/app.git"_s,
                            u"1234567890abcdef"_s,
                            u"main"_s,
                            QString(),
                            u"Fix it"_s,
                            u"Ann"_s,
                            {},
                            {}});
    freight.charts.append({u"https://charts.example.com"_s, u"web"_s, u"1.2.3"_s, {}});
    return freight;
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

void write(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

QString problemText(const Pipeline &pipeline)
{
    QStringList lines;
    for (const Problem &problem : pipeline.problems)
        lines.append(problem.toString());
    return lines.join(u'\n');
}

/// A pipeline from manifest text written to a temporary folder.
Pipeline pipelineFrom(const QTemporaryDir &dir, const QByteArray &yaml)
{
    write(dir.filePath(u"pipeline/pipeline.yaml"_s), yaml);
    return ManifestLoader::load(dir.filePath(u"pipeline"_s));
}

const QByteArray warehouseAndStageHead = R"(apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: guestbook
  namespace: demo
spec:
  subscriptions:
  - image:
      repoURL: ghcr.io/akuity/guestbook
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: dev
  namespace: demo
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: guestbook
    sources:
      direct: true
  promotionTemplate:
    spec:
)";

/// Runs the steps of stage `dev` in @p pipelineYaml's promotion template in @p workspace.
PromotionResult runSteps(const QTemporaryDir &dir, const QByteArray &steps,
                         const QString &workspace, PromotionContext **contextOut = nullptr)
{
    const Pipeline pipeline = pipelineFrom(dir, warehouseAndStageHead + steps);
    for (const Problem &problem : pipeline.problems) {
        if (problem.severity == Problem::Severity::Error)
            qWarning() << problem.toString();
    }
    static std::unique_ptr<PromotionContext> context;
    context = std::make_unique<PromotionContext>(u"demo"_s, u"dev"_s, u"p1"_s,
                                                 QList<Freight>{guestbookFreight()});
    context->setSecretReader([](const QString &name, QString *error) -> std::optional<QVariantMap> {
        if (name == u"api")
            return QVariantMap{{u"token"_s, u"s3cr3t-t0ken"_s}};
        *error = u"there is no secret \"%1\""_s.arg(name);
        return std::nullopt;
    });
    if (contextOut)
        *contextOut = context.get();
    const PromotionPlan plan =
        PromotionPlanner::plan(pipeline, u"dev"_s, guestbookFreight(), *context);
    if (!plan.errors.isEmpty())
        qWarning() << plan.errors;
    PromotionRunner::Options options;
    options.workspace = workspace;
    options.skipUnrunnable = true;
    return PromotionRunner::run(plan, *context, options);
}

QString statuses(const PromotionResult &result)
{
    QStringList parts;
    for (const StepResult &step : result.steps) {
        parts.append(step.alias + u'=' + toString(step.status));
        if (step.status == StepStatus::Errored)
            qInfo() << step.alias << step.message;
    }
    return parts.join(u' ');
}

} // namespace

class TestPromotion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kargoSimpleExpandsTasks_data();
    void kargoSimpleExpandsTasks();
    void taskVariablePrecedence();
    void missingTaskVariableStopsThePlan();
    void runnability_data();
    void runnability();
    void freightFunctions_data();
    void freightFunctions();
    void renderErrorsNameTheField();
    void conditionsAndStatus();
    void continueOnErrorAndRetry();
    void secretsAreMasked();
    void yamlUpdateStep();
    void fileWriteStep();
    void copyStep();
    void deleteStep();
    void pathsStayInTheWorkspace();
    void composeOutputAndMetadata();
    void globs_data();
    void globs();
};

void TestPromotion::kargoSimpleExpandsTasks_data()
{
    QTest::addColumn<QString>("stage");
    QTest::addColumn<QString>("conditions");
    QTest::addColumn<QStringList>("blocking");
    // git-push without a PR, then the PR steps: decided by the stage's openpr variable.
    QTest::newRow("dev") << u"dev"_s << u"Runs Runs Runs Runs Skipped Skipped Skipped"_s
                         << QStringList();
    QTest::newRow("prod") << u"prod"_s << u"Runs Runs Runs Skipped Runs Runs Runs"_s
                          << QStringList{u"task-0::open-pr"_s, u"task-0::wait-for-pr"_s};
}

void TestPromotion::kargoSimpleExpandsTasks()
{
    QFETCH(QString, stage);
    QFETCH(QString, conditions);
    QFETCH(QStringList, blocking);
    const Pipeline pipeline =
        ManifestLoader::load(QStringLiteral(STEVEDORE_FIXTURES_DIR) + u"/kargo-simple"_s);
    PromotionContext context(u"kargo-simple"_s, stage, u"p"_s, {guestbookFreight()});
    const PromotionPlan plan = PromotionPlanner::plan(pipeline, stage, guestbookFreight(), context);
    QVERIFY2(plan.errors.isEmpty(), qPrintable(plan.errors.join(u'\n')));
    QStringList aliases;
    QStringList decided;
    for (const PlannedStep &step : plan.steps) {
        aliases.append(step.alias);
        decided.append(step.condition == PlannedCondition::Runs      ? u"Runs"_s
                       : step.condition == PlannedCondition::Skipped ? u"Skipped"_s
                                                                     : u"Undecided"_s);
        QCOMPARE(step.taskAlias, u"task-0"_s);
        QCOMPARE(step.taskName, u"promote"_s);
    }
    QCOMPARE(aliases, (QStringList{u"task-0::step-0"_s, u"task-0::update-image"_s,
                                   u"task-0::commit"_s, u"task-0::step-3"_s, u"task-0::push"_s,
                                   u"task-0::open-pr"_s, u"task-0::wait-for-pr"_s}));
    QCOMPARE(decided.join(u' '), conditions);
    QStringList blockers;
    for (const PlannedStep *step : plan.blockingSteps())
        blockers.append(step->alias);
    QCOMPARE(blockers, blocking);
    QCOMPARE(int(plan.steps.at(3).runnability), int(StepRunnability::LeavesMachine));
    QCOMPARE(int(plan.steps.at(5).runnability), int(StepRunnability::NotRunnableHere));
    QVERIFY(plan.steps.at(5).reason.contains(u"pull request"_s));
}

void TestPromotion::taskVariablePrecedence()
{
    QTemporaryDir dir;
    const Pipeline pipeline = pipelineFrom(dir, warehouseAndStageHead + R"(      vars:
      - name: fromTemplate
        value: template
      - name: both
        value: template
      steps:
      - task:
          name: t
        as: job
        vars:
        - name: both
          value: step
---
apiVersion: kargo.akuity.io/v1alpha1
kind: PromotionTask
metadata:
  name: t
  namespace: demo
spec:
  vars:
  - name: fromTemplate
    value: default
  - name: both
    value: default
  - name: onlyDefault
    value: default
  steps:
  - uses: compose-output
    as: out
    config:
      a: ${{ vars.fromTemplate }}
      b: ${{ vars.both }}
      c: ${{ vars.onlyDefault }}
      stage: ${{ ctx.stage }}-${{ ctx.targetFreight.origin.name }}
)");
    QVERIFY2(!pipeline.hasErrors(), qPrintable(problemText(pipeline)));
    QTemporaryDir workspace;
    PromotionContext context(u"demo"_s, u"dev"_s, u"p"_s, {guestbookFreight()});
    const PromotionPlan plan =
        PromotionPlanner::plan(pipeline, u"dev"_s, guestbookFreight(), context);
    QVERIFY(plan.errors.isEmpty());
    QCOMPARE(plan.steps.size(), 1);
    QCOMPARE(plan.steps.first().alias, u"job::out"_s);
    PromotionRunner::Options options;
    options.workspace = workspace.path();
    const PromotionResult result = PromotionRunner::run(plan, context, options);
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Succeeded));
    const QVariantMap outputs = result.steps.first().outputs;
    QCOMPARE(outputs.value(u"a"_s).toString(), u"template"_s);
    QCOMPARE(outputs.value(u"b"_s).toString(), u"step"_s);
    QCOMPARE(outputs.value(u"c"_s).toString(), u"default"_s);
    QCOMPARE(outputs.value(u"stage"_s).toString(), u"dev-guestbook"_s);
}

void TestPromotion::missingTaskVariableStopsThePlan()
{
    QTemporaryDir dir;
    const Pipeline pipeline = pipelineFrom(dir, warehouseAndStageHead + R"(      steps:
      - task:
          name: t
      - task:
          name: absent
---
apiVersion: kargo.akuity.io/v1alpha1
kind: PromotionTask
metadata:
  name: t
  namespace: demo
spec:
  vars:
  - name: repoURL
  steps:
  - uses: compose-output
    config:
      a: b
)");
    PromotionContext context(u"demo"_s, u"dev"_s, u"p"_s, {guestbookFreight()});
    const PromotionPlan plan =
        PromotionPlanner::plan(pipeline, u"dev"_s, guestbookFreight(), context);
    QCOMPARE(plan.errors,
             (QStringList{u"the PromotionTask \"t\" needs the variable \"repoURL\": give it in "
                          u"the step's vars or the stage's promotionTemplate vars"_s,
                          u"step task-1 uses the PromotionTask \"absent\", which is not in the "
                          u"pipeline"_s}));
    const PromotionPlan unknown =
        PromotionPlanner::plan(pipeline, u"nowhere"_s, guestbookFreight(), context);
    QCOMPARE(unknown.errors, QStringList{u"there is no stage \"nowhere\""_s});
}

void TestPromotion::runnability_data()
{
    QTest::addColumn<QString>("uses");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("reason");
    const int runnable = int(StepRunnability::Runnable);
    const int leaves = int(StepRunnability::LeavesMachine);
    const int not_ = int(StepRunnability::NotRunnableHere);
    for (const QString &uses :
         {u"git-clone"_s, u"git-clear"_s, u"git-commit"_s, u"kustomize-set-image"_s,
          u"yaml-update"_s, u"helm-update-chart"_s, u"copy"_s, u"delete"_s, u"file-write"_s,
          u"compose-output"_s, u"set-metadata"_s, u"fail"_s})
        QTest::newRow(qPrintable(uses)) << uses << runnable << QString();
    QTest::newRow("git-push") << u"git-push"_s << leaves << QString();
    QTest::newRow("git-tag") << u"git-tag"_s << runnable << QString();
    QTest::newRow("argocd-update") << u"argocd-update"_s << not_ << u"Argo CD"_s;
    QTest::newRow("argocd-wait") << u"argocd-wait"_s << not_ << u"Argo CD"_s;
    QTest::newRow("helm-template") << u"helm-template"_s << not_ << u"helm"_s;
    QTest::newRow("kustomize-build") << u"kustomize-build"_s << not_ << u"kustomize"_s;
    QTest::newRow("git-open-pr") << u"git-open-pr"_s << not_ << u"pull request"_s;
    QTest::newRow("git-wait-for-pr") << u"git-wait-for-pr"_s << not_ << u"pull request"_s;
    QTest::newRow("git-merge-pr") << u"git-merge-pr"_s << not_ << u"pull request"_s;
    QTest::newRow("snow-create") << u"snow-create"_s << not_ << u"enterprise"_s;
    QTest::newRow("custom") << u"ghcr.io/acme/step:1"_s << not_ << u"custom step"_s;
    QTest::newRow("http") << u"http"_s << not_ << u"network"_s;
}

void TestPromotion::runnability()
{
    QFETCH(QString, uses);
    QFETCH(int, expected);
    QFETCH(QString, reason);
    QString why;
    QCOMPARE(int(PromotionPlanner::runnability(uses, &why)), expected);
    QVERIFY2(why.contains(reason), qPrintable(why));
}

void TestPromotion::freightFunctions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("image tag") << u"${{ imageFrom('ghcr.io/akuity/guestbook').Tag }}"_s
                               << u"v0.0.2"_s;
    QTest::newRow("image digest") << u"${{ imageFrom('ghcr.io/akuity/guestbook').Digest }}"_s
                                  << u"sha256:abc"_s;
    QTest::newRow("image with origin")
        << u"${{ imageFrom('ghcr.io/akuity/guestbook', warehouse('guestbook')).RepoURL }}"_s
        << u"ghcr.io/akuity/guestbook"_s;
    QTest::newRow("image other origin")
        << u"${{ imageFrom('ghcr.io/akuity/guestbook', warehouse('other')) == nil }}"_s
        << u"true"_s;
    QTest::newRow("unknown image") << u"${{ imageFrom('ghcr.io/x/y') ?? 'none' }}"_s << u"none"_s;
    QTest::newRow("commit id") << u"${{ commitFrom('https://github.com/example/app').ID }}"_s
                               << u"1234567890abcdef"_s;
    QTest::newRow("commit branch")
        << u"${{ commitFrom('https://github.com/example/app.git').Branch }}"_s << u"main"_s;
    QTest::newRow("commit message")
        << u"${{ commitFrom('https://github.com/example/app.git').Message }}"_s << u"Fix it"_s;
    QTest::newRow("chart version")
        << u"${{ quote(chartFrom('https://charts.example.com', 'web').Version) }}"_s << u"1.2.3"_s;
    QTest::newRow("chart by repo")
        << u"${{ chartFrom('https://charts.example.com').Name }}"_s << u"web"_s;
    QTest::newRow("wrong chart name")
        << u"${{ chartFrom('https://charts.example.com', 'api') == nil }}"_s << u"true"_s;
    QTest::newRow("warehouse") << u"${{ warehouse('w').Name }}/${{ warehouse('w').Kind }}"_s
                               << u"w/Warehouse"_s;
    QTest::newRow("target freight") << u"${{ ctx.targetFreight.name }}"_s << u"f00dfeed"_s;
    QTest::newRow("freight alias") << u"${{ ctx.targetFreight.alias }}"_s << u"brave-otter"_s;
    QTest::newRow("project") << u"${{ ctx.project }}/${{ ctx.stage }}"_s << u"demo/dev"_s;
    QTest::newRow("no metadata") << u"${{ freightMetadata(ctx.targetFreight.name) ?? 'none' }}"_s
                                 << u"none"_s;
    QTest::newRow("too many arguments") << u"${{ imageFrom('a', warehouse('b'), 'c') }}"_s
                                        << u"error: expression at column 1: imageFrom: expects "
                                           u"1 to 2 arguments, got 3 (column 2)"_s;
    QTest::newRow("bad origin") << u"${{ imageFrom('a', 'b') }}"_s
                                << u"error: expression at column 1: imageFrom: argument 2 must "
                                   u"be a freight origin such as warehouse(\"name\") (column 2)"_s;
    QTest::newRow("missing secret") << u"${{ secret('nope').token }}"_s
                                    << u"error: expression at column 1: secret: there is no "
                                       u"secret \"nope\" (column 2)"_s;
}

void TestPromotion::freightFunctions()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    PromotionContext context(u"demo"_s, u"dev"_s, u"p"_s, {guestbookFreight()});
    context.setSecretReader([](const QString &name, QString *error) -> std::optional<QVariantMap> {
        *error = u"there is no secret \"%1\""_s.arg(name);
        return std::nullopt;
    });
    PlannedStep step;
    QString error;
    const auto environment = context.environment(step, {}, &error);
    QVERIFY(environment);
    const auto value = context.render(text, *environment, context.functions(step), &error);
    QCOMPARE(value ? ExpressionTemplate::stringify(*value) : u"error: "_s + error, expected);
}

void TestPromotion::renderErrorsNameTheField()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: compose-output
        as: bad
        config:
          list:
          - fine
          - ${{ vars.x + }}
)",
                                            workspace.path());
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Errored));
    QCOMPARE(result.steps.first().message,
             u"config.list[1]: expression at column 1: unexpected end of expression (column 11)"_s);
    QCOMPARE(result.message, u"step bad (compose-output): config.list[1]: expression at column "
                             u"1: unexpected end of expression (column 11)"_s);
}

void TestPromotion::conditionsAndStatus()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    const PromotionResult result = runSteps(dir, R"(      vars:
      - name: on
        value: ${{ true }}
      steps:
      - uses: compose-output
        as: first
        config:
          x: "1"
      - uses: compose-output
        as: skipped
        if: ${{ !vars.on }}
        config:
          x: "2"
      - uses: fail
        as: boom
        config:
          message: it broke
      - uses: compose-output
        as: after-failure
        config:
          x: "3"
      - uses: compose-output
        as: on-failure
        if: ${{ failure() }}
        config:
          first: ${{ status('first') }}
          boom: ${{ status('boom') }}
          skipped: ${{ status('skipped') }}
          x: ${{ outputs.first.x }}
      - uses: compose-output
        as: always
        if: ${{ always() }}
        config:
          x: "4"
)",
                                            workspace.path());
    QCOMPARE(statuses(result), u"first=Succeeded skipped=Skipped boom=Failed "
                               u"after-failure=Skipped on-failure=Succeeded always=Succeeded"_s);
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Failed));
    QCOMPARE(result.message, u"step boom (fail): it broke"_s);
    const QVariantMap outputs = result.steps.at(4).outputs;
    QCOMPARE(outputs.value(u"first"_s).toString(), u"Succeeded"_s);
    QCOMPARE(outputs.value(u"boom"_s).toString(), u"Failed"_s);
    QCOMPARE(outputs.value(u"skipped"_s).toString(), u"Skipped"_s);
    QCOMPARE(outputs.value(u"x"_s), QVariant(qint64(1)));
}

void TestPromotion::continueOnErrorAndRetry()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: yaml-update
        as: missing-file
        continueOnError: true
        retry:
          errorThreshold: 3
        config:
          path: ./nothing.yaml
          updates:
          - key: a
            value: b
      - uses: compose-output
        as: next
        config:
          x: y
)",
                                            workspace.path());
    QCOMPARE(statuses(result), u"missing-file=Errored next=Succeeded"_s);
    QCOMPARE(result.steps.first().attempts, 3);
    QVERIFY(result.steps.first().message.contains(u"nothing.yaml"_s));
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Succeeded));
}

void TestPromotion::secretsAreMasked()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: file-write
        as: write
        config:
          path: ./out/token.txt
          contents: "token=${{ secret('api').token }}"
      - uses: fail
        as: leak
        config:
          message: "bad token ${{ secret('api').token }}"
)",
                                            workspace.path());
    QCOMPARE(statuses(result), u"write=Succeeded leak=Failed"_s);
    QCOMPARE(result.steps.first().config.value(u"contents"_s).toString(), u"token=••••••"_s);
    QCOMPARE(result.steps.at(1).message, u"bad token ••••••"_s);
    QVERIFY(!result.message.contains(u"s3cr3t"_s));
    // The file itself gets the real value: that is what the step is for.
    QCOMPARE(read(workspace.filePath(u"out/token.txt"_s)), QByteArray("token=s3cr3t-t0ken"));
}

void TestPromotion::yamlUpdateStep()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    write(workspace.filePath(u"src/values.yaml"_s),
          "# the app\nimage:\n  repository: ghcr.io/akuity/guestbook # pinned\n  tag: \"v0.0.1\"\n"
          "replicas: 1\n");
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: yaml-update
        as: update
        config:
          path: ./src/values.yaml
          updates:
          - key: image.tag
            value: ${{ imageFrom('ghcr.io/akuity/guestbook').Tag }}
          - key: replicas
            value: ${{ 1 + 2 }}
          - key: extra.enabled
            value: "true"
)",
                                            workspace.path());
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Succeeded));
    QCOMPARE(read(workspace.filePath(u"src/values.yaml"_s)),
             QByteArray("# the app\nimage:\n  repository: ghcr.io/akuity/guestbook # pinned\n"
                        "  tag: \"v0.0.2\"\nreplicas: 3\nextra:\n  enabled: \"true\"\n"));
    QCOMPARE(result.steps.first().outputs.value(u"commitMessage"_s).toString(),
             u"Updated ./src/values.yaml\n\n- image.tag: v0.0.2\n- replicas: 3\n- "
             u"extra.enabled: \"true\""_s);
}

void TestPromotion::fileWriteStep()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    write(workspace.filePath(u"exists.txt"_s), "old");
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: file-write
        as: new
        config:
          path: ./a/b/new.sh
          contents: |
            #!/bin/sh
            echo ${{ ctx.stage }}
          permissions: "0750"
      - uses: file-write
        as: refused
        continueOnError: true
        config:
          path: ./exists.txt
          contents: new
      - uses: file-write
        as: replaced
        config:
          path: ./exists.txt
          contents: new
          overwrite: true
)",
                                            workspace.path());
    QCOMPARE(statuses(result), u"new=Succeeded refused=Errored replaced=Succeeded"_s);
    QCOMPARE(read(workspace.filePath(u"a/b/new.sh"_s)), QByteArray("#!/bin/sh\necho dev\n"));
    QCOMPARE(QFile::permissions(workspace.filePath(u"a/b/new.sh"_s)) & 0x7077,
             QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                 QFile::ExeGroup);
    QCOMPARE(result.steps.at(1).message,
             u"./exists.txt exists; set overwrite: true to replace it"_s);
    QCOMPARE(read(workspace.filePath(u"exists.txt"_s)), QByteArray("new"));
}

void TestPromotion::copyStep()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    write(workspace.filePath(u"src/a.yaml"_s), "a");
    write(workspace.filePath(u"src/sub/b.yaml"_s), "b");
    write(workspace.filePath(u"src/sub/c.tmp"_s), "c");
    write(workspace.filePath(u"src/testdata/d.yaml"_s), "d");
    write(workspace.filePath(u"src/.git/HEAD"_s), "ref");
    write(workspace.filePath(u"out/a.yaml"_s), "old");
    write(workspace.filePath(u"out/keep.yaml"_s), "keep");
    QVERIFY(QFile::link(u"/etc/hostname"_s, workspace.filePath(u"src/link"_s)));
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: copy
        as: tree
        config:
          inPath: ./src
          outPath: ./out
          ignore: |
            # comments are fine
            *.tmp
            testdata/
      - uses: copy
        as: file
        config:
          inPath: ./src/a.yaml
          outPath: ./single/copy.yaml
)",
                                            workspace.path());
    QCOMPARE(statuses(result), u"tree=Succeeded file=Succeeded"_s);
    QCOMPARE(read(workspace.filePath(u"out/a.yaml"_s)), QByteArray("a"));
    QCOMPARE(read(workspace.filePath(u"out/sub/b.yaml"_s)), QByteArray("b"));
    QCOMPARE(read(workspace.filePath(u"out/keep.yaml"_s)), QByteArray("keep"));
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/sub/c.tmp"_s)));
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/testdata"_s)));
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/.git"_s)));
    QVERIFY(!QFileInfo(workspace.filePath(u"out/link"_s)).isSymLink());
    QCOMPARE(read(workspace.filePath(u"single/copy.yaml"_s)), QByteArray("a"));
}

void TestPromotion::deleteStep()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    write(workspace.filePath(u"out/a.tmp"_s), "a");
    write(workspace.filePath(u"out/deep/b.tmp"_s), "b");
    write(workspace.filePath(u"out/deep/keep.yaml"_s), "k");
    write(workspace.filePath(u"out/build/x"_s), "x");
    write(workspace.filePath(u"out/single"_s), "s");
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: delete
        as: globs
        config:
          paths:
          - ./out/**/*.tmp
          - ./out/build/
          pathsAreGlobs: true
      - uses: delete
        as: one
        config:
          path: ./out/single
      - uses: delete
        as: absent-is-fine
        config:
          path: ./out/nothing
      - uses: delete
        as: strict
        continueOnError: true
        config:
          path: ./out/nothing
          strict: true
)",
                                            workspace.path());
    QCOMPARE(statuses(result), u"globs=Succeeded one=Succeeded absent-is-fine=Succeeded "
                               u"strict=Errored"_s);
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/a.tmp"_s)));
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/deep/b.tmp"_s)));
    QVERIFY(QFileInfo::exists(workspace.filePath(u"out/deep/keep.yaml"_s)));
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/build"_s)));
    QVERIFY(!QFileInfo::exists(workspace.filePath(u"out/single"_s)));
    QCOMPARE(result.steps.at(3).message, u"./out/nothing does not exist"_s);
}

void TestPromotion::pathsStayInTheWorkspace()
{
    QTemporaryDir outside;
    QTemporaryDir workspace;
    QString error;
    QVERIFY(PromotionSteps::resolve(workspace.path(), u"../x"_s, &error).isEmpty());
    QCOMPARE(error, u"../x leaves the promotion's workspace"_s);
    QVERIFY(PromotionSteps::resolve(workspace.path(), u"./a/../../x"_s, &error).isEmpty());
    QVERIFY(PromotionSteps::resolve(workspace.path(), u"/etc/passwd"_s, &error).isEmpty());
    QCOMPARE(error, u"/etc/passwd is an absolute path; paths are relative to the promotion's "
                    u"workspace"_s);
    QVERIFY(QFile::link(outside.path(), workspace.filePath(u"escape"_s)));
    QVERIFY(PromotionSteps::resolve(workspace.path(), u"./escape/file"_s, &error).isEmpty());
    QCOMPARE(error, u"./escape/file leads out of the promotion's workspace through a symbolic "
                    u"link"_s);
    QCOMPARE(PromotionSteps::resolve(workspace.path(), u"./a/./b/../c"_s, &error),
             workspace.path() + u"/a/c"_s);

    // A step that tries is stopped, and nothing is written outside.
    QTemporaryDir dir;
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: file-write
        as: escape
        config:
          path: ./escape/pwned
          contents: x
)",
                                            workspace.path());
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Errored));
    QVERIFY(!QFileInfo::exists(outside.filePath(u"pwned"_s)));
}

void TestPromotion::composeOutputAndMetadata()
{
    QTemporaryDir dir;
    QTemporaryDir workspace;
    PromotionContext *context = nullptr;
    const PromotionResult result = runSteps(dir, R"(      steps:
      - uses: set-metadata
        as: meta
        config:
          updates:
          - kind: Freight
            name: ${{ ctx.targetFreight.name }}
            values:
              deployed: true
              by: stevedore
          - kind: Stage
            name: ${{ ctx.stage }}
            values:
              version: ${{ quote(imageFrom('ghcr.io/akuity/guestbook').Tag) }}
      - uses: compose-output
        as: out
        config:
          deployed: ${{ freightMetadata(ctx.targetFreight.name).deployed }}
          by: ${{ freightMetadata(ctx.targetFreight.name, 'by') }}
          version: ${{ stageMetadata('dev').version }}
)",
                                            workspace.path(), &context);
    QCOMPARE(toString(result.phase), toString(PromotionPhase::Succeeded));
    const QVariantMap outputs = result.steps.at(1).outputs;
    QCOMPARE(outputs.value(u"deployed"_s), QVariant(true));
    QCOMPARE(outputs.value(u"by"_s).toString(), u"stevedore"_s);
    QCOMPARE(outputs.value(u"version"_s).toString(), u"v0.0.2"_s);
    QCOMPARE(context->stageMetadata().value(u"dev"_s).value(u"version"_s).toString(), u"v0.0.2"_s);
}

void TestPromotion::globs_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("matches");
    QTest::newRow("star") << u"*.tmp"_s << u"a.tmp"_s << true;
    QTest::newRow("star stops at slash") << u"*.tmp"_s << u"a/b.tmp"_s << false;
    QTest::newRow("double star") << u"out/**/*.tmp"_s << u"out/a/b/c.tmp"_s << true;
    QTest::newRow("double star, no folder") << u"out/**/*.tmp"_s << u"out/c.tmp"_s << true;
    QTest::newRow("question") << u"a?.yaml"_s << u"ab.yaml"_s << true;
    QTest::newRow("class") << u"[ab].txt"_s << u"b.txt"_s << true;
    QTest::newRow("negated class") << u"[!ab].txt"_s << u"b.txt"_s << false;
    QTest::newRow("dot is literal") << u"a.b"_s << u"axb"_s << false;
    QTest::newRow("trailing double star") << u"out/**"_s << u"out/x/y"_s << true;
}

void TestPromotion::globs()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(bool, matches);
    QCOMPARE(PromotionSteps::globMatches(pattern, path), matches);
}

QTEST_GUILESS_MAIN(TestPromotion)
#include "tst_promotion.moc"
