#include "engine/manifestloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QString fixtures()
{
    return QStringLiteral(STEVEDORE_FIXTURES_DIR);
}

QString fixture(const QString &name)
{
    return fixtures() + u'/' + name;
}

/// Every error and warning (notes left out) as `FILE:LINE:COLUMN: severity: message`, with
/// @p prefix cut from the file names.
QStringList findings(const Pipeline &pipeline, const QString &prefix = {})
{
    QStringList result;
    for (const Problem &problem : pipeline.problems) {
        if (problem.severity == Problem::Severity::Note)
            continue;
        QString text = problem.toString();
        if (!prefix.isEmpty() && text.startsWith(prefix))
            text = text.mid(prefix.size());
        result.append(text);
    }
    return result;
}

QString dump(const Pipeline &pipeline)
{
    QStringList lines;
    for (const Problem &problem : pipeline.problems)
        lines.append(problem.toString());
    return lines.join(u'\n');
}

QStringList names(const auto &items)
{
    QStringList result;
    for (const auto &item : items)
        result.append(item.name);
    return result;
}

QStringList stepsOf(const QList<PromotionStep> &steps)
{
    QStringList result;
    for (const PromotionStep &step : steps)
        result.append(step.isTask() ? u"task:"_s + step.taskName : step.uses);
    return result;
}

QStringList aliasesOf(const QList<PromotionStep> &steps)
{
    QStringList result;
    for (const PromotionStep &step : steps)
        result.append(step.alias);
    return result;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

/// The whole repository, from the fixtures' folder (tests/fixtures/kargo).
QString repositoryRoot()
{
    return QDir::cleanPath(fixtures() + u"/../../.."_s);
}

/// Runs in @p folder and returns to the previous working folder when destroyed.
class WorkingFolder
{
public:
    explicit WorkingFolder(const QString &folder)
        : m_previous(QDir::currentPath())
    {
        QDir::setCurrent(folder);
    }
    ~WorkingFolder() { QDir::setCurrent(m_previous); }
    WorkingFolder(const WorkingFolder &) = delete;
    WorkingFolder &operator=(const WorkingFolder &) = delete;

private:
    QString m_previous;
};

// A warehouse and a stage with one deliberate finding, an unknown field at line 11, column 7,
// so that each variant of the text can show its positions are still right.
const QByteArray baseText = "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Warehouse\n"
                            "metadata:\n"
                            "  name: app\n"
                            "  namespace: demo\n"
                            "spec:\n"
                            "  subscriptions:\n"
                            "  - image:\n"
                            "      repoURL: ghcr.io/org/app\n"
                            "      strictSemvers: false\n"
                            "      colour: blue\n"
                            "---\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Stage\n"
                            "metadata:\n"
                            "  name: dev\n"
                            "  annotations:\n"
                            "    kargo.akuity.io/color: teal\n"
                            "spec:\n"
                            "  requestedFreight:\n"
                            "  - origin:\n"
                            "      kind: Warehouse\n"
                            "      name: app\n"
                            "    sources:\n"
                            "      direct: true\n";

const QString unknownColour = uR"(unknown field "colour" in image subscription)"_s;

QByteArray replaced(QByteArray text, const QByteArray &before, const QByteArray &after)
{
    return text.replace(before, after);
}

QByteArray eachLine(const QByteArray &text, const QByteArray &suffix)
{
    QByteArray result;
    for (const QByteArray &line : text.split('\n')) {
        if (!result.isEmpty())
            result += '\n';
        result += line;
        if (!line.isEmpty())
            result += suffix;
    }
    return result;
}

} // namespace

/// Loading Kargo manifests: the real ones kept as fixtures, the shapes YAML files come in, and
/// how paths are shown in problems.
class TestManifestLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void kargoSimple();
    void demoAutoRollback();
    void activeActive();
    void realMistakes_data();
    void realMistakes();

    void displayPaths_data();
    void displayPaths();
    void singleFile();
    void severalPaths();
    void nestedFoldersAndYml();
    void noKargoResources();
    void missingPath();

    void tolerates_data();
    void tolerates();
    void emptyValues();
    void anchorsAndAliases();
    void mergeKeys();
    void mergeKeyProblemsPointAtTheAnchor();
    void crlfKeepsPositionsInLaterDocuments();
    void longFilesKeepDocumentOrder();
    void otherKindsAreSkipped();
};

void TestManifestLoader::initTestCase()
{
    QVERIFY2(QFileInfo(fixture(u"kargo-simple"_s)).isDir(), qPrintable(fixtures()));
    QVERIFY(QFileInfo(repositoryRoot() + u"/tests/fixtures/kargo/kargo-simple"_s).isDir());
}

void TestManifestLoader::kargoSimple()
{
    const QString folder = fixture(u"kargo-simple"_s);
    const Pipeline pipeline = ManifestLoader::load(folder);

    QCOMPARE(pipeline.projectName, u"kargo-simple"_s);
    QCOMPARE(pipeline.displayPath, folder);
    QCOMPARE(pipeline.resourceCount, 6);
    QCOMPARE(names(pipeline.warehouses), QStringList{u"guestbook"_s});
    QCOMPARE(names(pipeline.stages), (QStringList{u"dev"_s, u"staging"_s, u"prod"_s}));
    QCOMPARE(names(pipeline.tasks), QStringList{u"promote"_s});
    QVERIFY(pipeline.analysisTemplates.isEmpty());

    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.namespaceName, u"kargo-simple"_s);
    QCOMPARE(warehouse.intervalMs, qint64(5 * 60 * 1000));
    QCOMPARE(toString(warehouse.freightCreationPolicy), u"Automatic"_s);
    QCOMPARE(warehouse.subscriptions.size(), 1);
    const Subscription &image = warehouse.subscriptions.first();
    QCOMPARE(image.kindName(), u"image"_s);
    QCOMPARE(image.repoURL(), u"ghcr.io/akuity/guestbook"_s);
    QCOMPARE(toString(image.image.imageSelectionStrategy), u"SemVer"_s);
    QCOMPARE(image.image.discoveryLimit, 20);
    QVERIFY(image.image.strictSemvers);

    const QStringList colours{u"red"_s, u"amber"_s, u"violet"_s};
    const QList<QStringList> upstream{{}, {u"dev"_s}, {u"staging"_s}};
    for (qsizetype i = 0; i < pipeline.stages.size(); ++i) {
        const Stage &stage = pipeline.stages.at(i);
        QCOMPARE(stage.color, colours.at(i));
        QCOMPARE(stage.requestedFreight.size(), 1);
        const RequestedFreight &request = stage.requestedFreight.first();
        QCOMPARE(request.origin.kind, u"Warehouse"_s);
        QCOMPARE(request.origin.name, u"guestbook"_s);
        QCOMPARE(request.direct, i == 0);
        QCOMPARE(request.upstreamStages, upstream.at(i));
        QCOMPARE(toString(request.availabilityStrategy), u"OneOf"_s);
        QCOMPARE(stepsOf(stage.promotionTemplate.steps), QStringList{u"task:promote"_s});
        QCOMPARE(stage.promotionTemplate.steps.first().taskKind, u"PromotionTask"_s);
        QVERIFY(stage.verification.isEmpty());
    }
    const PromotionStep &prodStep = pipeline.stages.at(2).promotionTemplate.steps.first();
    QCOMPARE(prodStep.vars.size(), 1);
    QCOMPARE(prodStep.vars.first().name, u"openpr"_s);
    QCOMPARE(prodStep.vars.first().value, u"true"_s);

    const PromotionTask &task = pipeline.tasks.first();
    QCOMPARE(names(task.vars), (QStringList{u"repoURL"_s, u"branch"_s, u"image"_s, u"openpr"_s}));
    QCOMPARE(task.vars.at(3).value, u"false"_s);
    QCOMPARE(stepsOf(task.steps),
             (QStringList{u"git-clone"_s, u"kustomize-set-image"_s, u"git-commit"_s, u"git-push"_s,
                          u"git-push"_s, u"git-open-pr"_s, u"git-wait-for-pr"_s}));
    QCOMPARE(aliasesOf(task.steps),
             (QStringList{QString(), u"update-image"_s, u"commit"_s, QString(), u"push"_s,
                          u"open-pr"_s, u"wait-for-pr"_s}));
    QCOMPARE(task.steps.at(3).condition, u"${{ vars.openpr != 'true' }}"_s);

    QCOMPARE(
        findings(pipeline, folder + u'/'),
        (QStringList{
            uR"(promotiontask.yaml:59:7: warning: git-open-pr's "createTargetBranch" is deprecated since Kargo v1.10 and removed in v1.12; make sure the target branch exists beforehand instead)"_s,
            uR"(promotiontask.yaml:68:17: error: git-open-pr no longer outputs "prNumber"; read the pull request number as outputs['open-pr'].pr.id)"_s}));
}

void TestManifestLoader::demoAutoRollback()
{
    const QString folder = fixture(u"demo-auto-rollback"_s);
    const Pipeline pipeline = ManifestLoader::load(folder);

    QCOMPARE(pipeline.projectName, u"demo-auto-rollback"_s);
    QCOMPARE(names(pipeline.warehouses), QStringList{u"demo-auto-rollback"_s});
    QCOMPARE(names(pipeline.stages),
             (QStringList{u"dev"_s, u"staging"_s, u"prod-amer-east"_s, u"prod-amer-west"_s}));
    QCOMPARE(names(pipeline.tasks), (QStringList{u"prepare-workdir"_s, u"push-manifests"_s}));
    QCOMPARE(names(pipeline.analysisTemplates),
             (QStringList{u"success-rate"_s, u"response-time"_s, u"loadgen"_s}));

    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.subscriptions.size(), 2);
    const Subscription &image = warehouse.subscriptions.at(0);
    QCOMPARE(image.kindName(), u"image"_s);
    QCOMPARE(image.repoURL(), u"argoproj/rollouts-demo"_s);
    QCOMPARE(toString(image.image.imageSelectionStrategy), u"NewestBuild"_s);
    QCOMPARE(image.image.discoveryLimit, 5);
    QCOMPARE(image.image.allowTagsRegexes, QStringList{u"^bad-red$"_s});
    QVERIFY(image.image.cacheByTag);
    QVERIFY(image.image.constraint.isEmpty()); // `constraint: ` with a trailing space
    const Subscription &git = warehouse.subscriptions.at(1);
    QCOMPARE(git.kindName(), u"git"_s);
    QCOMPARE(git.repoURL(), u"https://github.com/akuity/sedemo-monorepo"_s);
    // "NewestCommit" is reported; the subscription keeps Kargo's default.
    QCOMPARE(toString(git.git.commitSelectionStrategy), u"NewestFromBranch"_s);
    QCOMPARE(git.git.discoveryLimit, 20);
    QCOMPARE(git.git.includePaths, QStringList{u"auto-rollback-app"_s});

    const QStringList colours{u"red"_s, u"amber"_s, u"violet"_s, u"violet"_s};
    for (qsizetype i = 0; i < pipeline.stages.size(); ++i)
        QCOMPARE(pipeline.stages.at(i).color, colours.at(i));

    const Stage *dev = pipeline.stage(u"dev"_s);
    QVERIFY(dev);
    QVERIFY(dev->requestedFreight.first().direct);
    QCOMPARE(stepsOf(dev->promotionTemplate.steps),
             (QStringList{u"task:prepare-workdir"_s, u"helm-template"_s, u"task:push-manifests"_s,
                          u"argocd-update"_s}));
    QVERIFY(dev->promotionTemplate.steps.at(3).continueOnError);
    QCOMPARE(dev->promotionTemplate.vars.size(), 5);
    // The trailing space after the value is not part of it.
    QCOMPARE(dev->promotionTemplate.vars.at(2).value, u"env-auto-rollback/dev"_s);
    QCOMPARE(dev->promotionTemplate.steps.at(0).taskName, u"prepare-workdir"_s);

    const Stage *staging = pipeline.stage(u"staging"_s);
    QVERIFY(staging);
    QCOMPARE(staging->requestedFreight.first().upstreamStages, QStringList{u"dev"_s});
    QVERIFY(staging->requestedFreight.first().selectionPolicy ==
            AutoPromotionSelectionPolicy::NewestFreight);

    for (const QString &name : {u"prod-amer-east"_s, u"prod-amer-west"_s}) {
        const Stage *prod = pipeline.stage(name);
        QVERIFY(prod);
        const RequestedFreight &request = prod->requestedFreight.first();
        QCOMPARE(request.origin.name, u"demo-auto-rollback"_s);
        QVERIFY(!request.direct);
        QCOMPARE(request.upstreamStages, QStringList{u"staging"_s});
        QVERIFY(request.selectionPolicy == AutoPromotionSelectionPolicy::MatchUpstream);
        QCOMPARE(names(prod->verification.analysisTemplates),
                 (QStringList{u"success-rate"_s, u"response-time"_s, u"loadgen"_s}));
        for (const AnalysisTemplateReference &ref : prod->verification.analysisTemplates)
            QCOMPARE(ref.kind, u"AnalysisTemplate"_s);
        QCOMPARE(prod->verification.args.size(), 1);
        QCOMPARE(prod->verification.args.first().name, u"namespace"_s);
        QCOMPARE(prod->verification.args.first().value, u"demo-rollbacks-"_s + name);
        QCOMPARE(prod->promotionTemplate.steps.at(2).vars.first().value,
                 u"env-auto-rollback/"_s + name);
    }

    const PromotionTask *prepare = pipeline.task(u"prepare-workdir"_s);
    QVERIFY(prepare);
    QCOMPARE(names(prepare->vars), (QStringList{u"gitRepo"_s, u"sourceBranch"_s, u"targetBranch"_s,
                                                u"path_src"_s, u"path_out"_s}));
    QVERIFY(!prepare->vars.first().hasValue);
    QCOMPARE(stepsOf(prepare->steps), (QStringList{u"git-clone"_s, u"git-clear"_s}));
    const PromotionTask *push = pipeline.task(u"push-manifests"_s);
    QVERIFY(push);
    QCOMPARE(aliasesOf(push->steps), (QStringList{u"commit"_s, u"push"_s, u"output"_s}));

    const AnalysisTemplate &successRate = pipeline.analysisTemplates.at(0);
    QCOMPARE(names(successRate.args), QStringList{u"namespace"_s});
    QCOMPARE(successRate.metrics.size(), 1);
    const AnalysisMetric &metric = successRate.metrics.first();
    QCOMPARE(metric.name, u"success-rate"_s);
    QCOMPARE(metric.initialDelay, u"20s"_s);
    QCOMPARE(metric.interval, u"5s"_s);
    QCOMPARE(metric.count, u"4"_s);
    QCOMPARE(metric.failureLimit, u"2"_s);
    QCOMPARE(metric.successCondition, u"len(result) == 0 || result[0] >= 0.95"_s);
    QCOMPARE(metric.providerName, u"prometheus"_s);
    QCOMPARE(metric.provider.value(u"address"_s).toString(),
             u"http://prometheus-server.prometheus.svc.cluster.local"_s);
    QCOMPARE(pipeline.analysisTemplates.at(2).metrics.first().providerName, u"job"_s);

    QCOMPARE(
        findings(pipeline, folder + u'/'),
        (QStringList{
            uR"(project.yaml:14:3: warning: unknown field "stageLinks" in ProjectConfig spec)"_s,
            uR"(warehouse.yaml:18:32: error: "NewestCommit" is not a valid commitSelectionStrategy; expected one of NewestFromBranch, SemVer, Lexical, NewestTag)"_s}));
}

void TestManifestLoader::activeActive()
{
    const QString folder = fixture(u"active-active"_s);
    const Pipeline pipeline = ManifestLoader::load(folder);

    QCOMPARE(pipeline.projectName, u"active-active"_s);
    QCOMPARE(names(pipeline.warehouses), QStringList{u"active-active"_s});
    QCOMPARE(names(pipeline.stages),
             (QStringList{u"dev-east"_s, u"dev-west"_s, u"staging"_s, u"approve"_s, u"prod-east"_s,
                          u"prod-west"_s, u"close"_s}));
    QVERIFY(pipeline.tasks.isEmpty());
    QCOMPARE(names(pipeline.analysisTemplates), QStringList{u"smoke-test"_s});

    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.subscriptions.size(), 2);
    QCOMPARE(warehouse.subscriptions.at(0).kindName(), u"image"_s);
    QCOMPARE(toString(warehouse.subscriptions.at(0).image.imageSelectionStrategy),
             u"NewestBuild"_s);
    QCOMPARE(warehouse.subscriptions.at(0).image.allowTagsRegexes, QStringList{u"^\\d*-[a-z]*$"_s});
    const GitSubscription &git = warehouse.subscriptions.at(1).git;
    QCOMPARE(warehouse.subscriptions.at(1).kindName(), u"git"_s);
    QCOMPARE(git.branch, u"main"_s);
    QCOMPARE(git.includePaths, QStringList{u"active-active"_s});
    QCOMPARE(git.excludePaths, QStringList{u"active-active/deploys/targets"_s});

    const QStringList colours{u"red"_s,   u"red"_s,   u"purple"_s, u"green"_s,
                              u"green"_s, u"green"_s, u"green"_s};
    for (qsizetype i = 0; i < pipeline.stages.size(); ++i)
        QCOMPARE(pipeline.stages.at(i).color, colours.at(i));

    for (const QString &name : {u"dev-east"_s, u"dev-west"_s}) {
        const Stage *dev = pipeline.stage(name);
        QVERIFY(dev);
        QCOMPARE(dev->shard, u"sedemo-primary"_s);
        QVERIFY(dev->requestedFreight.first().direct);
        QCOMPARE(names(dev->verification.analysisTemplates), QStringList{u"smoke-test"_s});
        QCOMPARE(dev->verification.args.first().value, name);
        QCOMPARE(stepsOf(dev->promotionTemplate.steps),
                 (QStringList{u"git-clone"_s, u"helm-template"_s, u"kyverno-policy-check"_s,
                              u"git-commit"_s, u"git-push"_s, u"argocd-update"_s}));
        // `as: commit  ` has trailing spaces.
        QCOMPARE(dev->promotionTemplate.steps.at(3).alias, u"commit"_s);
    }

    const Stage *staging = pipeline.stage(u"staging"_s);
    QVERIFY(staging);
    const RequestedFreight &fromDevs = staging->requestedFreight.first();
    QVERIFY(!fromDevs.direct);
    QCOMPARE(fromDevs.upstreamStages, (QStringList{u"dev-east"_s, u"dev-west"_s}));
    QCOMPARE(toString(fromDevs.availabilityStrategy), u"All"_s);
    QCOMPARE(fromDevs.upstreamLocations.size(), 2);
    QCOMPARE(fromDevs.upstreamLocations.at(1).line, 166);
    QCOMPARE(fromDevs.upstreamLocations.at(1).column, 11);
    // The first of the two `args` keys is the one read (the second is reported).
    QCOMPARE(names(staging->verification.analysisTemplates), QStringList{u"smoke-test"_s});
    QCOMPARE(names(staging->verification.args), (QStringList{u"environment"_s, u"smoke-test"_s}));
    QCOMPARE(staging->verification.args.first().value, u"${{ ctx.stage }}-east"_s);
    QCOMPARE(stepsOf(staging->promotionTemplate.steps),
             (QStringList{u"git-clone"_s, u"helm-template"_s, u"helm-template"_s, u"git-commit"_s,
                          u"git-push"_s, u"argocd-update"_s, u"argocd-update"_s}));

    const Stage *approve = pipeline.stage(u"approve"_s);
    QVERIFY(approve);
    QCOMPARE(approve->requestedFreight.first().upstreamStages, QStringList{u"staging"_s});
    QCOMPARE(approve->requestedFreight.first().requiredSoakTimeMs, qint64(60 * 1000));
    QVERIFY(approve->requestedFreight.first().selectionPolicy ==
            AutoPromotionSelectionPolicy::MatchUpstream);
    QVERIFY(approve->verification.isEmpty());
    QCOMPARE(stepsOf(approve->promotionTemplate.steps),
             (QStringList{u"snow-create"_s, u"snow-wait-for-condition"_s, u"set-metadata"_s}));
    QCOMPARE(aliasesOf(approve->promotionTemplate.steps),
             (QStringList{u"snowcreate"_s, u"snow-wait-for-condition"_s, QString()}));

    QCOMPARE(pipeline.stage(u"prod-east"_s)->requestedFreight.first().upstreamStages,
             QStringList{u"approve"_s});
    QCOMPARE(pipeline.stage(u"prod-west"_s)->requestedFreight.first().upstreamStages,
             QStringList{u"prod-east"_s});
    QCOMPARE(pipeline.stage(u"prod-west"_s)->requestedFreight.first().requiredSoakTimeMs,
             qint64(2 * 60 * 1000));
    const Stage *close = pipeline.stage(u"close"_s);
    QVERIFY(close);
    QCOMPARE(close->requestedFreight.first().upstreamStages, QStringList{u"prod-west"_s});
    QCOMPARE(aliasesOf(close->promotionTemplate.steps), (QStringList{u"review"_s, u"close"_s}));
    QVERIFY(close->verification.isEmpty());

    const AnalysisTemplate &smokeTest = pipeline.analysisTemplates.first();
    QCOMPARE(smokeTest.args.size(), 1);
    QCOMPARE(smokeTest.args.first().value, u"missing-value"_s);
    QCOMPARE(names(smokeTest.metrics), QStringList{u"test"_s});
    QCOMPARE(smokeTest.metrics.first().providerName, u"job"_s);

    QCOMPARE(
        findings(pipeline, folder + u'/'),
        (QStringList{
            uR"(stages.yaml:57:15: warning: "kyverno-policy-check" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s,
            uR"(stages.yaml:129:15: warning: "kyverno-policy-check" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s,
            uR"(stages.yaml:174:7: error: verification argument is missing the required field "value")"_s,
            uR"(stages.yaml:175:5: error: duplicate key "args" (first defined at line 171))"_s,
            uR"(stages.yaml:291:15: warning: "snow-create" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s,
            uR"(stages.yaml:302:15: warning: "snow-wait-for-condition" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s,
            uR"(stages.yaml:503:15: warning: "snow-update" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s,
            uR"(stages.yaml:516:15: warning: "snow-update" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s}));
}

void TestManifestLoader::realMistakes_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("NewestCommit")
        << u"demo-auto-rollback"_s << u"warehouse.yaml"_s << 18 << 32
        << uR"("NewestCommit" is not a valid commitSelectionStrategy; expected one of NewestFromBranch, SemVer, Lexical, NewestTag)"_s;
    QTest::newRow("duplicate args") << u"active-active"_s << u"stages.yaml"_s << 175 << 5
                                    << uR"(duplicate key "args" (first defined at line 171))"_s;
    QTest::newRow("prNumber output")
        << u"kargo-simple"_s << u"promotiontask.yaml"_s << 68 << 17
        << uR"(git-open-pr no longer outputs "prNumber"; read the pull request number as outputs['open-pr'].pr.id)"_s;
}

void TestManifestLoader::realMistakes()
{
    QFETCH(QString, folder);
    QFETCH(QString, file);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const Pipeline pipeline = ManifestLoader::load(fixture(folder));
    const Problem expected{
        Problem::Severity::Error, {fixture(folder) + u'/' + file, line, column}, message};
    QVERIFY2(std::any_of(pipeline.problems.begin(), pipeline.problems.end(),
                         [&](const Problem &p) {
                             return p.severity == expected.severity &&
                                    p.location == expected.location && p.message == message;
                         }),
             qPrintable(dump(pipeline)));
    // The same through a single file.
    const Pipeline single = ManifestLoader::load(fixture(folder) + u'/' + file);
    QVERIFY2(std::any_of(single.problems.begin(), single.problems.end(),
                         [&](const Problem &p) { return p.toString() == expected.toString(); }),
             qPrintable(dump(single)));
}

void TestManifestLoader::displayPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("prefix");

    QTest::newRow("relative") << u"tests/fixtures/kargo/kargo-simple"_s
                              << u"tests/fixtures/kargo/kargo-simple/"_s;
    QTest::newRow("trailing slash")
        << u"tests/fixtures/kargo/kargo-simple/"_s << u"tests/fixtures/kargo/kargo-simple/"_s;
    QTest::newRow("dot") << u"./tests/fixtures/kargo/kargo-simple"_s
                         << u"./tests/fixtures/kargo/kargo-simple/"_s;
    QTest::newRow("absolute") << repositoryRoot() + u"/tests/fixtures/kargo/kargo-simple"_s
                              << repositoryRoot() + u"/tests/fixtures/kargo/kargo-simple/"_s;
}

void TestManifestLoader::displayPaths()
{
    QFETCH(QString, path);
    QFETCH(QString, prefix);

    const WorkingFolder inRepository(repositoryRoot());
    QCOMPARE(ManifestLoader::manifestFiles(path),
             (QStringList{prefix + u"project.yaml"_s, prefix + u"promotiontask.yaml"_s,
                          prefix + u"stages.yaml"_s, prefix + u"warehouse.yaml"_s}));
    const Pipeline pipeline = ManifestLoader::load(path);
    QCOMPARE(pipeline.displayPath, path);
    QCOMPARE(
        pipeline.rootPath,
        QFileInfo(repositoryRoot() + u"/tests/fixtures/kargo/kargo-simple"_s).canonicalFilePath());
    QCOMPARE(pipeline.warehouses.size(), 1);
    QVERIFY(!pipeline.problems.isEmpty());
    for (const Problem &problem : pipeline.problems)
        QVERIFY2(problem.location.file.startsWith(prefix), qPrintable(problem.toString()));
    QVERIFY(findings(pipeline).contains(
        prefix +
        uR"(promotiontask.yaml:68:17: error: git-open-pr no longer outputs "prNumber"; read the pull request number as outputs['open-pr'].pr.id)"_s));
    // Views find each file's text under its display path.
    QCOMPARE(pipeline.sources.size(), 4);
    QVERIFY(pipeline.sources.value(prefix + u"warehouse.yaml"_s).contains(u"ghcr.io/akuity"_s));
}

void TestManifestLoader::singleFile()
{
    const WorkingFolder inRepository(repositoryRoot());
    const QString path = u"tests/fixtures/kargo/demo-auto-rollback/tasks.yaml"_s;
    const Pipeline pipeline = ManifestLoader::load(path);
    QCOMPARE(names(pipeline.tasks), (QStringList{u"prepare-workdir"_s, u"push-manifests"_s}));
    QVERIFY(pipeline.warehouses.isEmpty());
    QVERIFY(pipeline.stages.isEmpty());
    QVERIFY2(findings(pipeline).isEmpty(), qPrintable(dump(pipeline)));
    QCOMPARE(pipeline.sources.keys(), QStringList{path});
    // Without a Project, the namespace names the project.
    QCOMPARE(pipeline.projectName, u"demo-auto-rollback"_s);
}

void TestManifestLoader::severalPaths()
{
    const WorkingFolder inRepository(repositoryRoot());
    const QString base = u"tests/fixtures/kargo/kargo-simple/"_s;
    const QStringList paths{base + u"warehouse.yaml"_s, base + u"stages.yaml"_s,
                            base + u"promotiontask.yaml"_s};
    const Pipeline pipeline = ManifestLoader::load(paths);
    QCOMPARE(pipeline.displayPath, paths.join(u' '));
    QCOMPARE(pipeline.warehouses.size(), 1);
    QCOMPARE(pipeline.stages.size(), 3);
    QCOMPARE(pipeline.tasks.size(), 1);
    QCOMPARE(pipeline.projectName, u"kargo-simple"_s); // from the namespaces
    QCOMPARE(
        findings(pipeline),
        (QStringList{
            base +
                uR"(promotiontask.yaml:59:7: warning: git-open-pr's "createTargetBranch" is deprecated since Kargo v1.10 and removed in v1.12; make sure the target branch exists beforehand instead)"_s,
            base +
                uR"(promotiontask.yaml:68:17: error: git-open-pr no longer outputs "prNumber"; read the pull request number as outputs['open-pr'].pr.id)"_s}));

    // A folder and a file together; problems keep each one's display path.
    const Pipeline mixed =
        ManifestLoader::load({u"tests/fixtures/kargo/active-active"_s,
                              u"tests/fixtures/kargo/demo-auto-rollback/warehouse.yaml"_s});
    QCOMPARE(mixed.warehouses.size(), 2);
    QCOMPARE(mixed.stages.size(), 7);
    const QStringList found = findings(mixed);
    QVERIFY(found.contains(
        uR"(tests/fixtures/kargo/active-active/stages.yaml:175:5: error: duplicate key "args" (first defined at line 171))"_s));
    QVERIFY(found.contains(
        uR"(tests/fixtures/kargo/demo-auto-rollback/warehouse.yaml:18:32: error: "NewestCommit" is not a valid commitSelectionStrategy; expected one of NewestFromBranch, SemVer, Lexical, NewestTag)"_s));
}

void TestManifestLoader::nestedFoldersAndYml()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    const QByteArray warehouse = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\n"
                                 "metadata:\n  name: app\nspec:\n  subscriptions:\n  - image:\n"
                                 "      repoURL: ghcr.io/org/app\n";
    const auto stageText = [](const char *name, const char *sources) -> QByteArray {
        return QByteArray("apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n"
                          "  name: ") +
               name +
               "\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
               "      name: app\n    sources:\n" +
               sources;
    };
    QVERIFY(writeFile(root + u"/10-warehouse.yml"_s, warehouse));
    QVERIFY(writeFile(root + u"/stages/2-dev.yaml"_s, stageText("dev", "      direct: true\n")));
    QVERIFY(writeFile(root + u"/stages/prod/prod.yaml"_s,
                      stageText("prod", "      stages:\n      - dve\n")));
    QVERIFY(writeFile(root + u"/stages/README.md"_s, "# not a manifest: ignored\n"));
    QVERIFY(writeFile(root + u"/notes.txt"_s, "kind: Stage\n"));

    QCOMPARE(ManifestLoader::manifestFiles(root),
             (QStringList{root + u"/10-warehouse.yml"_s, root + u"/stages/2-dev.yaml"_s,
                          root + u"/stages/prod/prod.yaml"_s}));
    const Pipeline pipeline = ManifestLoader::load(root);
    QCOMPARE(names(pipeline.warehouses), QStringList{u"app"_s});
    QCOMPARE(names(pipeline.stages), (QStringList{u"dev"_s, u"prod"_s}));
    QCOMPARE(
        findings(pipeline, root + u'/'),
        QStringList{
            uR"(stages/prod/prod.yaml:12:9: error: stage "dve" is not defined in this pipeline)"_s});

    // Numbers in file names sort as numbers.
    QVERIFY(writeFile(root + u"/9-task.yaml"_s, "kind: ConfigMap\napiVersion: v1\n"));
    QCOMPARE(ManifestLoader::manifestFiles(root).first(), root + u"/9-task.yaml"_s);
}

void TestManifestLoader::noKargoResources()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(writeFile(root + u"/configmap.yaml"_s,
                      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
                      "data:\n  a: b\n"));
    const Pipeline pipeline = ManifestLoader::load(root);
    QCOMPARE(pipeline.resourceCount, 0);
    QCOMPARE(findings(pipeline),
             QStringList{root + u": error: no Kargo resources in this folder"_s});

    const Pipeline file = ManifestLoader::load(root + u"/configmap.yaml"_s);
    QCOMPARE(findings(file),
             QStringList{root + u"/configmap.yaml: error: no Kargo resources in this file"_s});

    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    QCOMPARE(findings(ManifestLoader::load(empty.path())),
             QStringList{empty.path() + u": error: no Kargo resources in this folder"_s});

    // A file that does not parse is reported as such, not also as empty.
    QVERIFY(writeFile(root + u"/broken.yaml"_s, "kind: [Stage\n"));
    const Pipeline broken = ManifestLoader::load(root + u"/broken.yaml"_s);
    QCOMPARE(
        findings(broken),
        QStringList{
            root +
            uR"(/broken.yaml:1:7: error: YAML syntax error: this "[" list is never closed with "]")"_s});
}

void TestManifestLoader::missingPath()
{
    const Pipeline pipeline = ManifestLoader::load(u"/nonexistent/stevedore/pipeline"_s);
    QCOMPARE(findings(pipeline),
             QStringList{u"/nonexistent/stevedore/pipeline: error: no such file or folder"_s});
}

void TestManifestLoader::tolerates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");      // of the deliberate unknown field
    QTest::addColumn<int>("stageLine"); // of the stage's name

    const QByteArray text = baseText;
    const auto crlf = [](const QByteArray &lf) { return replaced(lf, "\n", "\r\n"); };
    QTest::newRow("as written") << text << 11 << 16;
    QTest::newRow("trailing spaces") << eachLine(text, "   ") << 11 << 16;
    QTest::newRow("trailing tabs") << eachLine(text, "\t") << 11 << 16;
    QTest::newRow("no final newline") << text.chopped(1) << 11 << 16;
    QTest::newRow("leading ---") << QByteArray("---\n" + text) << 12 << 17;
    QTest::newRow("trailing ---") << QByteArray(text + "---\n") << 11 << 16;
    QTest::newRow("trailing --- without newline") << QByteArray(text + "---") << 11 << 16;
    QTest::newRow("--- with a comment") << replaced(text, "---\n", "--- # the stage\n") << 11 << 16;
    QTest::newRow("document end markers")
        << QByteArray(replaced(text, "---\n", "...\n---\n") + "...\n") << 11 << 17;
    QTest::newRow("empty documents")
        << QByteArray("---\n---\n" + replaced(text, "---\n", "---\n---\n")) << 13 << 19;
    QTest::newRow("blank lines between documents")
        << replaced(text, "---\n", "\n\n---\n\n") << 11 << 19;
    QTest::newRow("comments")
        << QByteArray("# Pipeline for app\n" +
                      replaced(replaced(text, "      strictSemvers: false\n",
                                        "      strictSemvers: false # tags are not semver\n"),
                               "spec:\n  subscriptions:\n",
                               "spec:\n  subscriptions:  # one image\n"))
        << 12 << 17;
    QTest::newRow("full-line comments at odd indents")
        << replaced(text, "  - image:\n", "  - image:\n        # where the image lives\n") << 12
        << 17;
    QTest::newRow("CRLF") << crlf(text) << 11 << 16;
    QTest::newRow("CRLF without final newline") << crlf(text).chopped(2) << 11 << 16;
    QTest::newRow("CRLF and trailing spaces") << crlf(eachLine(text, "  ")) << 11 << 16;
    QTest::newRow("BOM") << QByteArray("\xEF\xBB\xBF" + text) << 11 << 16;
    QTest::newRow("BOM, CRLF and leading ---")
        << QByteArray("\xEF\xBB\xBF---\r\n" + crlf(text)) << 12 << 17;
    QTest::newRow("quoted values")
        << replaced(replaced(text, "repoURL: ghcr.io/org/app", "repoURL: \"ghcr.io/org/app\""),
                    "name: dev", "name: 'dev'")
        << 11 << 16;
    QTest::newRow("flow style")
        << replaced(text,
                    "  subscriptions:\n  - image:\n      repoURL: ghcr.io/org/app\n"
                    "      strictSemvers: false\n      colour: blue\n",
                    "  subscriptions: [\n    {image: {repoURL: ghcr.io/org/app,\n"
                    "      strictSemvers: false,\n      colour: blue}}]\n")
        << 10 << 15;
}

void TestManifestLoader::tolerates()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, stageLine);

    const Pipeline pipeline = ManifestLoader::loadText(u"t.yaml"_s, text);
    QCOMPARE(findings(pipeline),
             QStringList{u"t.yaml:%1:7: warning: "_s.arg(line) + unknownColour});
    QCOMPARE(names(pipeline.warehouses), QStringList{u"app"_s});
    QCOMPARE(names(pipeline.stages), QStringList{u"dev"_s});
    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.namespaceName, u"demo"_s);
    QCOMPARE(warehouse.subscriptions.size(), 1);
    // No line-break or trailing whitespace ends up in a value.
    QCOMPARE(warehouse.subscriptions.first().repoURL(), u"ghcr.io/org/app"_s);
    QCOMPARE(warehouse.subscriptions.first().image.strictSemvers, false);
    const Stage &stage = pipeline.stages.first();
    QCOMPARE(stage.color, u"teal"_s);
    QVERIFY(stage.requestedFreight.first().direct);
    QCOMPARE(stage.requestedFreight.first().origin.name, u"app"_s);
    QCOMPARE(stage.location, (SourceLocation{u"t.yaml"_s, stageLine, 9}));
}

void TestManifestLoader::emptyValues()
{
    // Keys without values are what is left when a template leaves a field out; optional ones
    // read as absent.
    const QByteArray text = "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Warehouse\n"
                            "metadata:\n"
                            "  name: app\n"
                            "  namespace:\n"
                            "  labels:\n"
                            "  annotations:\n"
                            "spec:\n"
                            "  interval:\n"
                            "  freightCreationPolicy: ''\n"
                            "  subscriptions:\n"
                            "  - image:\n"
                            "      repoURL: ghcr.io/org/app\n"
                            "      constraint:\n"
                            "      allowTagsRegexes:\n"
                            "      platform: ''\n"
                            "      discoveryLimit:\n"
                            "      strictSemvers:\n"
                            "---\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Stage\n"
                            "metadata:\n"
                            "  name: dev\n"
                            "spec:\n"
                            "  requestedFreight:\n"
                            "  - origin:\n"
                            "      kind: Warehouse\n"
                            "      name: app\n"
                            "    sources:\n"
                            "      direct: true\n"
                            "      stages:\n"
                            "  promotionTemplate:\n"
                            "    spec:\n"
                            "      vars:\n"
                            "      steps:\n"
                            "  verification:\n";
    const Pipeline pipeline = ManifestLoader::loadText(u"t.yaml"_s, text);
    QVERIFY2(findings(pipeline).isEmpty(), qPrintable(dump(pipeline)));
    QCOMPARE(pipeline.warehouses.size(), 1);
    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.intervalMs, qint64(5 * 60 * 1000));
    QCOMPARE(warehouse.subscriptions.first().image.discoveryLimit, 20);
    QVERIFY(warehouse.subscriptions.first().image.strictSemvers);
    QCOMPARE(pipeline.stages.size(), 1);
    QVERIFY(pipeline.stages.first().isControlFlow());
    QVERIFY(pipeline.stages.first().requestedFreight.first().upstreamStages.isEmpty());
}

void TestManifestLoader::anchorsAndAliases()
{
    const QByteArray text = "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Warehouse\n"
                            "metadata:\n"
                            "  name: app\n"
                            "spec:\n"
                            "  subscriptions:\n"
                            "  - image: &image\n"
                            "      repoURL: &repo ghcr.io/org/app\n"
                            "      discoveryLimit: 5\n"
                            "  - git:\n"
                            "      repoURL: https://github.com/org/app\n"
                            "      includePaths: &paths\n"
                            "      - deploy\n"
                            "      excludePaths: *paths\n"
                            "---\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Stage\n"
                            "metadata:\n"
                            "  name: dev\n"
                            "spec:\n"
                            "  requestedFreight:\n"
                            "  - origin:\n"
                            "      kind: Warehouse\n"
                            "      name: &warehouse app\n"
                            "    sources:\n"
                            "      direct: &yes true\n"
                            "  promotionTemplate:\n"
                            "    spec:\n"
                            "      vars:\n"
                            "      - name: warehouse\n"
                            "        value: *warehouse\n"
                            "      steps:\n"
                            "      - uses: git-clear\n"
                            "        config: &clear\n"
                            "          path: ./out\n"
                            "      - uses: git-clear\n"
                            "        as: again\n"
                            "        config: *clear\n";
    const Pipeline pipeline = ManifestLoader::loadText(u"t.yaml"_s, text);
    QVERIFY2(findings(pipeline).isEmpty(), qPrintable(dump(pipeline)));
    const Warehouse &warehouse = pipeline.warehouses.first();
    QCOMPARE(warehouse.subscriptions.size(), 2);
    QCOMPARE(warehouse.subscriptions.at(1).git.includePaths, QStringList{u"deploy"_s});
    QCOMPARE(warehouse.subscriptions.at(1).git.excludePaths, QStringList{u"deploy"_s});
    const Stage &stage = pipeline.stages.first();
    QCOMPARE(stage.promotionTemplate.vars.first().value, u"app"_s);
    QCOMPARE(stage.promotionTemplate.steps.size(), 2);
    QCOMPARE(stage.promotionTemplate.steps.at(1).config.value(u"path"_s).toString(), u"./out"_s);
}

void TestManifestLoader::mergeKeys()
{
    // yaml-cpp 0.7 leaves `<<` as an ordinary key; Kubernetes (go-yaml) merges it, so the
    // loader does: the mapping's own keys win, then earlier merged mappings over later ones.
    const QByteArray text = "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Warehouse\n"
                            "metadata:\n"
                            "  name: app\n"
                            "spec:\n"
                            "  subscriptions:\n"
                            "  - image: &defaults\n"
                            "      repoURL: ghcr.io/org/app\n"
                            "      discoveryLimit: 5\n"
                            "      strictSemvers: false\n"
                            "  - image:\n"
                            "      <<: *defaults\n"
                            "      repoURL: ghcr.io/org/other\n"
                            "  - image: &fast\n"
                            "      repoURL: ghcr.io/org/third\n"
                            "      discoveryLimit: 50\n"
                            "  - image:\n"
                            "      repoURL: ghcr.io/org/fourth\n"
                            "      <<: [*fast, *defaults]\n"
                            "---\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Stage\n"
                            "metadata:\n"
                            "  name: dev\n"
                            "spec:\n"
                            "  requestedFreight:\n"
                            "  - origin: &origin\n"
                            "      kind: Warehouse\n"
                            "      name: app\n"
                            "    sources:\n"
                            "      direct: true\n"
                            "  promotionTemplate:\n"
                            "    spec:\n"
                            "      steps:\n"
                            "      - uses: git-push\n"
                            "        config: &push\n"
                            "          path: ./out\n"
                            "          targetBranch: main\n"
                            "      - uses: git-push\n"
                            "        as: stable\n"
                            "        config:\n"
                            "          <<: *push\n"
                            "          targetBranch: stable\n";
    const Pipeline pipeline = ManifestLoader::loadText(u"t.yaml"_s, text);
    QVERIFY2(findings(pipeline).isEmpty(), qPrintable(dump(pipeline)));
    const QList<Subscription> &subscriptions = pipeline.warehouses.first().subscriptions;
    QCOMPARE(subscriptions.size(), 4);
    QCOMPARE(subscriptions.at(0).repoURL(), u"ghcr.io/org/app"_s);
    QCOMPARE(subscriptions.at(1).repoURL(), u"ghcr.io/org/other"_s);
    QCOMPARE(subscriptions.at(1).image.discoveryLimit, 5);
    QCOMPARE(subscriptions.at(1).image.strictSemvers, false);
    QCOMPARE(subscriptions.at(3).repoURL(), u"ghcr.io/org/fourth"_s);
    QCOMPARE(subscriptions.at(3).image.discoveryLimit, 50); // *fast comes first
    QCOMPARE(subscriptions.at(3).image.strictSemvers, false);
    // The anchored original is left as it was.
    QCOMPARE(subscriptions.at(0).image.discoveryLimit, 5);
    QCOMPARE(subscriptions.at(2).repoURL(), u"ghcr.io/org/third"_s);

    const QList<PromotionStep> &steps = pipeline.stages.first().promotionTemplate.steps;
    QCOMPARE(steps.size(), 2);
    QCOMPARE(steps.at(1).config.value(u"path"_s).toString(), u"./out"_s);
    QCOMPARE(steps.at(1).config.value(u"targetBranch"_s).toString(), u"stable"_s);
    QVERIFY(!steps.at(1).config.contains(u"<<"_s));
    QCOMPARE(steps.at(0).config.value(u"targetBranch"_s).toString(), u"main"_s);

    // A quoted "<<" is an ordinary key, and so unknown.
    const Pipeline quoted = ManifestLoader::loadText(
        u"q.yaml"_s, replaced(text, "      <<: *defaults\n", "      \"<<\": *defaults\n"));
    QCOMPARE(findings(quoted),
             QStringList{uR"(q.yaml:12:7: warning: unknown field "<<" in image subscription)"_s});
}

void TestManifestLoader::mergeKeyProblemsPointAtTheAnchor()
{
    const QByteArray text = "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Warehouse\n"
                            "metadata:\n"
                            "  name: app\n"
                            "spec:\n"
                            "  subscriptions:\n"
                            "  - image: &defaults\n"
                            "      repoURL: ghcr.io/org/app\n"
                            "      discoveryLimit: 0\n"
                            "      tagFilter: v1\n"
                            "  - image:\n"
                            "      <<: *defaults\n"
                            "      repoURL: ghcr.io/org/other\n";
    const Pipeline pipeline = ManifestLoader::loadText(u"t.yaml"_s, text);
    // Each once, where it is written.
    QCOMPARE(findings(pipeline),
             (QStringList{
                 uR"(t.yaml:9:23: error: "discoveryLimit" must be between 1 and 100, not 0)"_s,
                 uR"(t.yaml:10:7: warning: unknown field "tagFilter" in image subscription)"_s}));
}

void TestManifestLoader::crlfKeepsPositionsInLaterDocuments()
{
    // Problems in the third document of a CRLF file with a BOM, found by the reader and by the
    // cross-resource checks.
    const QByteArray text = "\xEF\xBB\xBF# pipeline\r\n"
                            "---\r\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\r\n"
                            "kind: Warehouse\r\n"
                            "metadata:\r\n"
                            "  name: app\r\n"
                            "spec:\r\n"
                            "  subscriptions:\r\n"
                            "  - image:\r\n"
                            "      repoURL: ghcr.io/org/app\r\n"
                            "---\r\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\r\n"
                            "kind: Stage\r\n"
                            "metadata:\r\n"
                            "  name: dev\r\n"
                            "spec:\r\n"
                            "  requestedFreight:\r\n"
                            "  - origin:\r\n"
                            "      kind: Warehouse\r\n"
                            "      name: ap\r\n"
                            "    sources:\r\n"
                            "      direct: true\r\n"
                            "      requiredSoakTime: 1 hour\r\n";
    const Pipeline pipeline = ManifestLoader::loadText(u"crlf.yaml"_s, text);
    QCOMPARE(
        findings(pipeline),
        (QStringList{
            uR"(crlf.yaml:20:13: error: warehouse "ap" is not defined in this pipeline)"_s,
            uR"(crlf.yaml:23:25: error: "1 hour" is not a valid duration for "requiredSoakTime"; write it like 30s, 5m or 1h30m)"_s}));
    QCOMPARE(pipeline.stages.first().location, (SourceLocation{u"crlf.yaml"_s, 15, 9}));
    QCOMPARE(pipeline.warehouses.first().location, (SourceLocation{u"crlf.yaml"_s, 6, 9}));
}

void TestManifestLoader::longFilesKeepDocumentOrder()
{
    // Enough documents to be parsed on several threads: resources, their locations and the
    // problems of two broken documents come out as from a file read front to back.
    QByteArray text = "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
                      "  name: app\nspec:\n  subscriptions:\n  - image:\n"
                      "      repoURL: ghcr.io/org/app\n";
    for (int i = 0; i < 60; ++i) {
        text += "---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s" +
                QByteArray::number(i) +
                "\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
                "      name: app\n    sources:\n      direct: true\n";
        if (i == 20 || i == 45)
            text += "  bad: [unclosed\n";
    }
    const Pipeline pipeline = ManifestLoader::loadText(u"long.yaml"_s, text);
    QCOMPARE(pipeline.stages.size(), 58);
    for (qsizetype i = 1; i < pipeline.stages.size(); ++i)
        QVERIFY(pipeline.stages.at(i).location.line > pipeline.stages.at(i - 1).location.line);
    QCOMPARE(pipeline.stages.first().name, u"s0"_s);
    QCOMPARE(pipeline.stages.last().name, u"s59"_s);
    // Stage documents are 12 lines after the warehouse's 8, and the two broken ones a line more
    // (they are left out): s21's name is on line 9 + 12 * 21 + 1 + 4.
    QCOMPARE(pipeline.stages.at(20).name, u"s21"_s);
    QCOMPARE(pipeline.stages.at(20).location.line, 9 + 12 * 21 + 1 + 4);
    const QStringList problems = findings(pipeline);
    QCOMPARE(problems.size(), 2);
    QVERIFY2(problems.at(0).startsWith(u"long.yaml:%1:"_s.arg(9 + 12 * 20 + 12)),
             qPrintable(problems.join(u'\n')));
    QVERIFY2(problems.at(1).startsWith(u"long.yaml:%1:"_s.arg(9 + 12 * 45 + 1 + 12)),
             qPrintable(problems.join(u'\n')));
}

void TestManifestLoader::otherKindsAreSkipped()
{
    const QByteArray text = "apiVersion: v1\n"
                            "kind: Secret\n"
                            "metadata:\n"
                            "  name: git-creds\n"
                            "stringData:\n"
                            "  password: hunter2\n"
                            "---\n"
                            "apiVersion: v1\n"
                            "kind: ConfigMap\n"
                            "metadata:\n"
                            "  name: settings\n"
                            "---\n"
                            "apiVersion: argoproj.io/v1alpha1\n"
                            "kind: Application\n"
                            "metadata:\n"
                            "  name: guestbook\n"
                            "spec:\n"
                            "  project: default\n"
                            "---\n" +
                            baseText +
                            "---\n"
                            "apiVersion: kargo.akuity.io/v1alpha1\n"
                            "kind: Freight\n"
                            "metadata:\n"
                            "  name: 1f0c4d2e9a7b3c5d6e8f9a0b1c2d3e4f5a6b7c8d\n";
    const Pipeline pipeline = ManifestLoader::loadText(u"t.yaml"_s, text);
    QCOMPARE(pipeline.resourceCount, 2);
    QCOMPARE(pipeline.warehouses.size(), 1);
    QCOMPARE(pipeline.stages.size(), 1);
    QStringList notes;
    for (const Problem &problem : pipeline.problems) {
        if (problem.severity == Problem::Severity::Note)
            notes.append(problem.toString());
    }
    QCOMPARE(
        notes,
        (QStringList{
            uR"(t.yaml:2:7: note: skipped Secret "git-creds": not a Kargo resource)"_s,
            uR"(t.yaml:9:7: note: skipped ConfigMap "settings": not a Kargo resource)"_s,
            uR"(t.yaml:14:7: note: skipped Application "guestbook": not a Kargo resource)"_s,
            uR"(t.yaml:47:7: note: skipped Freight "1f0c4d2e9a7b3c5d6e8f9a0b1c2d3e4f5a6b7c8d": a pipeline is defined without this kind)"_s}));
    QCOMPARE(findings(pipeline), QStringList{u"t.yaml:30:7: warning: "_s + unknownColour});
}

QTEST_GUILESS_MAIN(TestManifestLoader)
#include "tst_manifestloader.moc"
