#include "tests/bench/largepipeline.h"

#include "engine/freight.h"
#include "engine/freightalias.h"
#include "engine/promotion.h"
#include "engine/stagecolors.h"
#include "engine/statepaths.h"
#include "engine/store.h"
#include "engine/verification.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore::Bench {

namespace {

constexpr int stagesPerGroup = 15;

bool writeText(const QString &path, const QString &text, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0) {
        *error = u"cannot write "_s + path;
        return false;
    }
    return true;
}

bool run(const QString &program, const QStringList &arguments, const QString &dir,
         const QByteArray &input, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = program + u" did not start"_s;
        return false;
    }
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(120000);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + u" "_s + arguments.join(u' ') + u": "_s +
                 QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    }
    return true;
}

QString groupName(int group)
{
    return u"app%1"_s.arg(group, 2, 10, QChar(u'0'));
}

/// The stages of one group, in promotion order, with their upstream stages (empty: direct
/// from the group's warehouse).
QList<QPair<QString, QStringList>> groupStages(int group)
{
    const QString g = groupName(group);
    QList<QPair<QString, QStringList>> stages;
    stages.append({g + u"-dev"_s, {}});
    const QStringList tests{g + u"-test-a"_s, g + u"-test-b"_s, g + u"-test-c"_s};
    for (const QString &test : tests)
        stages.append({test, {g + u"-dev"_s}});
    stages.append({g + u"-uat-1"_s, tests});
    stages.append({g + u"-uat-2"_s, tests});
    stages.append({g + u"-staging"_s, {g + u"-uat-1"_s, g + u"-uat-2"_s}});
    for (int i = 1; i <= 4; ++i)
        stages.append({g + u"-prod-eu-%1"_s.arg(i), {g + u"-staging"_s}});
    for (int i = 1; i <= 4; ++i)
        stages.append(
            {g + u"-prod-us-%1"_s.arg(i), {g + u"-staging"_s, g + u"-prod-eu-%1"_s.arg(i)}});
    return stages;
}

/// A local repository with @p commits commits on main, each tagged `v1.<n/100>.<n%100>`;
/// returns the commit ids, oldest first.
QStringList writeRepository(const QString &dir, int commits, QString *error)
{
    if (!run(u"git"_s, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s, dir}, QDir::tempPath(), {}, error))
        return {};
    QByteArray stream;
    const qint64 start = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC).toSecsSinceEpoch();
    for (int i = 1; i <= commits; ++i) {
        const QByteArray message = "Release " + QByteArray::number(i) + "\n";
        const QByteArray content = "version: " + QByteArray::number(i) + "\n";
        stream += "commit refs/heads/main\nmark :" + QByteArray::number(i) +
                  "\ncommitter Release Bot <release@example.com> " +
                  QByteArray::number(start + i * 3600) + " +0000\ndata " +
                  QByteArray::number(message.size()) + "\n" + message +
                  "M 644 inline version.txt\ndata " + QByteArray::number(content.size()) + "\n" +
                  content + "\n";
        stream += "reset refs/tags/v1." + QByteArray::number(i / 100) + "." +
                  QByteArray::number(i % 100) + "\nfrom :" + QByteArray::number(i) + "\n\n";
    }
    const QString marks = dir + u"/.git/bench-marks"_s;
    if (!run(u"git"_s, {u"fast-import"_s, u"--quiet"_s, u"--export-marks="_s + marks}, dir, stream,
             error))
        return {};
    run(u"git"_s, {u"checkout"_s, u"-q"_s, u"main"_s}, dir, {}, error);
    QFile file(marks);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"no marks from git fast-import"_s;
        return {};
    }
    QStringList ids(commits);
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 2 && parts.first().startsWith(':'))
            ids[parts.first().mid(1).toInt() - 1] = QString::fromLatin1(parts.last());
    }
    return ids;
}

QString manifests(const LargePipelineShape &shape, const QString &reposDir)
{
    QString yaml;
    yaml += u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Project\nmetadata:\n  name: large\n"_s;
    yaml += u"---\napiVersion: kargo.akuity.io/v1alpha1\nkind: PromotionTask\nmetadata:\n"
            u"  name: promote\n  namespace: large\nspec:\n  vars:\n  - name: app\n  steps:\n"
            u"  - uses: git-clone\n    config:\n      repoURL: file://"_s +
            reposDir +
            u"/gitops\n      checkout:\n      - branch: main\n        path: ./out\n"
            u"  - uses: yaml-update\n    as: update-values\n    config:\n"
            u"      path: ./out/${{ vars.app }}/${{ ctx.stage }}.yaml\n"
            u"      updates:\n      - key: version\n"
            u"        value: ${{ commitFrom(\"file://"_s +
            reposDir +
            u"/\" + vars.app).Tag }}\n"
            u"  - uses: git-commit\n    config:\n      path: ./out\n"
            u"      message: Promote ${{ vars.app }} to ${{ ctx.stage }}\n"
            u"  - uses: git-push\n    config:\n      path: ./out\n"_s;
    yaml += u"---\napiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n"
            u"  name: health\n  namespace: large\nspec:\n  args:\n  - name: stage\n  metrics:\n"
            u"  - name: success-rate\n    interval: 10s\n    count: 6\n"
            u"    successCondition: len(result) > 0 && result[0] >= 0.95\n"
            u"    provider:\n      prometheus:\n        address: http://127.0.0.1:9\n"
            u"        query: sum(rate(ok{stage=\"{{args.stage}}\"}[1m])) / "
            u"sum(rate(all{stage=\"{{args.stage}}\"}[1m]))\n"_s;

    const QStringList colors = StageColors::names();
    const int groups = shape.warehouses;
    for (int group = 0; group < groups; ++group) {
        const QString warehouse = groupName(group);
        yaml += u"---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
                u"  name: "_s +
                warehouse +
                u"\n  namespace: large\nspec:\n  interval: 5m\n  subscriptions:\n  - git:\n"
                u"      repoURL: file://"_s +
                reposDir + u"/"_s + warehouse +
                u"\n      commitSelectionStrategy: NewestTag\n      discoveryLimit: 20\n"_s;
        const auto stages = groupStages(group);
        for (qsizetype i = 0; i < stages.size(); ++i) {
            const auto &[name, upstream] = stages.at(i);
            yaml += u"---\napiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n"
                    u"  name: "_s +
                    name + u"\n  namespace: large\n  annotations:\n    kargo.akuity.io/color: "_s +
                    colors.at((group * 3 + int(i)) % colors.size()) +
                    u"\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
                    u"      name: "_s +
                    warehouse + u"\n    sources:\n"_s;
            if (upstream.isEmpty()) {
                yaml += u"      direct: true\n"_s;
            } else {
                yaml += u"      stages:\n"_s;
                for (const QString &up : upstream)
                    yaml += u"      - "_s + up + u"\n"_s;
                if (name.contains(u"-uat-1"))
                    yaml += u"      availabilityStrategy: All\n"_s;
                if (name.contains(u"-prod-"))
                    yaml += u"      requiredSoakTime: 1h\n"_s;
            }
            // Every fourth group's staging also takes the previous group's release from that
            // group's staging: freight crossing groups, as shared services do.
            if (name.endsWith(u"-staging") && group > 0 && group % 4 == 0) {
                yaml += u"  - origin:\n      kind: Warehouse\n      name: "_s +
                        groupName(group - 1) + u"\n    sources:\n      stages:\n      - "_s +
                        groupName(group - 1) + u"-staging\n"_s;
            }
            yaml += u"  promotionTemplate:\n    spec:\n      steps:\n      - task:\n"
                    u"          name: promote\n        vars:\n        - name: app\n"
                    u"          value: "_s +
                    warehouse + u"\n"_s;
            if (name.contains(u"-staging") || name.contains(u"-prod-"))
                yaml += u"  verification:\n    analysisTemplates:\n    - name: health\n"
                        u"    args:\n    - name: stage\n      value: "_s +
                        name + u"\n"_s;
        }
    }
    return yaml;
}

} // namespace

QString writeLargePipeline(const QString &root, const QString &stateDir,
                           const LargePipelineShape &shape, QString *error)
{
    const QString pipelineDir = root + u"/pipeline"_s;
    const QString reposDir = root + u"/repos"_s;
    if (!QDir().mkpath(pipelineDir) || !QDir().mkpath(reposDir) || !QDir().mkpath(stateDir)) {
        *error = u"cannot create "_s + root;
        return {};
    }
    if (!writeText(pipelineDir + u"/pipeline.yaml"_s, manifests(shape, reposDir), error))
        return {};
    // The GitOps repository promotions would write to.
    if (!run(u"git"_s, {u"init"_s, u"-q"_s, u"--bare"_s, u"-b"_s, u"main"_s, u"gitops"_s}, reposDir,
             {}, error))
        return {};

    const int perWarehouse = (shape.freight + shape.warehouses - 1) / shape.warehouses;
    StatePaths::setOverride(stateDir);
    std::unique_ptr<Store> store = Store::open(pipelineDir, error);
    if (!store)
        return {};
    // Generated data: nothing is lost if the machine stops half-way.
    QSqlQuery(store->database()).exec(u"PRAGMA synchronous = OFF"_s);

    QSet<QString> aliases;
    // Freight per warehouse, newest first.
    QList<QList<Freight>> freightByGroup;
    // Releases every hour up to now, so soak times on the nodes look like a live pipeline's.
    const QDateTime base =
        QDateTime::currentDateTimeUtc().addSecs(-qint64(perWarehouse + 2) * 3600);
    int made = 0;
    for (int group = 0; group < shape.warehouses; ++group) {
        const QString warehouse = groupName(group);
        const int count = std::min(perWarehouse, shape.freight - made);
        const QStringList ids = writeRepository(reposDir + u"/"_s + warehouse, count, error);
        if (ids.size() != count)
            return {};
        QList<Freight> list;
        for (int i = 0; i < count; ++i) {
            FreightCommit commit;
            commit.repoURL = u"file://"_s + reposDir + u"/"_s + warehouse;
            commit.id = ids.at(i);
            commit.tag = u"v1.%1.%2"_s.arg((i + 1) / 100).arg((i + 1) % 100);
            commit.message = u"Release %1"_s.arg(i + 1);
            commit.author = u"Release Bot"_s;
            commit.committedAt = base.addSecs(qint64(i + 1) * 3600);
            Freight freight;
            freight.origin = FreightOrigin{u"Warehouse"_s, warehouse};
            freight.commits = {commit};
            freight.id = Freight::computeId(warehouse, freight.commits, {}, {});
            freight.alias = FreightAlias::generate(aliases, quint64(made + i));
            aliases.insert(freight.alias);
            freight.discoveredAt = commit.committedAt.addSecs(120);
            if (!store->addFreight(freight, error))
                return {};
            list.prepend(freight);
        }
        made += count;
        freightByGroup.append(list);
    }

    // What the stages have: dev the newest, each later stage something a little older, with a
    // history of earlier promotions; a few stages with nothing yet, a few whose last promotion
    // failed.
    int serial = 0;
    for (int group = 0; group < shape.warehouses; ++group) {
        const QList<Freight> &list = freightByGroup.at(group);
        const auto stages = groupStages(group);
        for (qsizetype s = 0; s < stages.size(); ++s) {
            const QString &stage = stages.at(s).first;
            const int index = group * stagesPerGroup + int(s);
            if (index % 10 == 9 || list.size() < 20)
                continue;
            for (int history = 3; history >= 0; --history) {
                const Freight &freight = list.at(std::min<qsizetype>(
                    list.size() - 1, qsizetype(s) / 2 + qsizetype(history) * 2));
                const QDateTime when =
                    freight.discoveredAt.addSecs(600 + qint64(s) * 900 + index % 7 * 60);
                PromotionRecord promotion;
                promotion.id = u"promotion-%1"_s.arg(++serial);
                promotion.stage = stage;
                promotion.freightId = freight.id;
                promotion.phase = PromotionPhase::Succeeded;
                promotion.currentStep = u"step-4"_s;
                promotion.createdAt = when;
                promotion.startedAt = when;
                promotion.finishedAt = when.addSecs(20);
                if (!store->savePromotion(promotion, error) ||
                    !store->setStageFreight(stage, freight, promotion.id, promotion.finishedAt,
                                            error))
                    return {};
                if (!store->markVerified(freight.id, stage, promotion.finishedAt.addSecs(90),
                                         u"verification"_s, error))
                    return {};
            }
            if (index % 23 == 5) {
                PromotionRecord failed;
                failed.id = u"promotion-%1"_s.arg(++serial);
                failed.stage = stage;
                failed.freightId = list.first().id;
                failed.phase = PromotionPhase::Failed;
                failed.currentStep = u"update-values"_s;
                failed.message =
                    u"update-values: key \"version\" not found in out/%1/%2.yaml"_s.arg(
                        groupName(group), stage);
                failed.createdAt = list.first().discoveredAt.addSecs(300);
                failed.startedAt = failed.createdAt;
                failed.finishedAt = failed.createdAt.addSecs(8);
                StepResult step;
                step.alias = u"update-values"_s;
                step.uses = u"yaml-update"_s;
                step.status = StepStatus::Failed;
                step.message = failed.message;
                failed.steps = {step};
                if (!store->savePromotion(failed, error))
                    return {};
            }
            if (stage.contains(u"-staging") || stage.contains(u"-prod-")) {
                VerificationRun run;
                run.id = u"verification-%1"_s.arg(index);
                run.stage = stage;
                run.templates = {u"health"_s};
                run.startedAt = base.addSecs(qint64(perWarehouse) * 3600 - 7200 + index * 10);
                run.finishedAt = run.startedAt.addSecs(60);
                const bool failedRun = index % 17 == 3;
                run.phase = failedRun ? AnalysisPhase::Failed : AnalysisPhase::Successful;
                MetricResult metric;
                metric.name = u"success-rate"_s;
                metric.templateName = u"health"_s;
                metric.provider = u"prometheus"_s;
                metric.phase = run.phase;
                metric.count = 6;
                metric.measured = 6;
                metric.successful = failedRun ? 3 : 6;
                metric.failed = failedRun ? 3 : 0;
                run.metrics = {metric};
                if (!store->saveVerificationRun(run, error))
                    return {};
                for (int m = 0; m < 6; ++m) {
                    Measurement measurement;
                    measurement.startedAt = run.startedAt.addSecs(m * 10);
                    measurement.finishedAt = measurement.startedAt.addMSecs(40);
                    const double value =
                        failedRun ? 0.99 - 0.03 * m : 0.97 + 0.02 * std::sin(double(index + m));
                    measurement.values = {value};
                    measurement.phase =
                        value >= 0.95 ? AnalysisPhase::Successful : AnalysisPhase::Failed;
                    if (!store->addVerificationMeasurement(run.id, 0, m, measurement, error))
                        return {};
                }
            }
        }
    }
    return pipelineDir;
}

} // namespace Stevedore::Bench
