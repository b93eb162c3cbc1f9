#include "engine/availability.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"
#include "ui/diffview.h"
#include "ui/pipelinescene.h"
#include "ui/promotionreviewdialog.h"
#include "ui/stagenodeitem.h"

#include <QCheckBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

Freight freight()
{
    Freight f;
    f.id = u"abc123"_s;
    f.alias = u"brave-otter"_s;
    f.origin = {u"Warehouse"_s, u"guestbook"_s};
    f.images.append({u"ghcr.io/akuity/guestbook"_s, u"v0.0.2"_s, u"sha256:0"_s, {}});
    return f;
}

RepositoryChange change()
{
    RepositoryChange c;
    c.path = u"./src"_s;
    c.repoURL = u"https://example.com/gitops.git"_s;
    c.branch = u"main"_s;
    c.diff = "diff --git a/env/a.yaml b/env/a.yaml\nindex 1111111..2222222 100644\n"
             "--- a/env/a.yaml\n+++ b/env/a.yaml\n@@ -1 +1 @@\n-tag: v1\n+tag: v2\n"
             "diff --git a/env/new.yaml b/env/new.yaml\nnew file mode 100644\n"
             "index 0000000..3333333\n--- /dev/null\n+++ b/env/new.yaml\n@@ -0,0 +1 @@\n+a: 1\n";
    c.files = {{u"env/a.yaml"_s, FileChange::Kind::Modified, 1, 1, false},
               {u"env/new.yaml"_s, FileChange::Kind::Added, 1, 0, false}};
    c.commitMessages = {u"Updated env"_s};
    return c;
}

/// A preview of a plan with one step that cannot run here.
PromotionPreview preview(bool available, bool identity)
{
    PromotionPreview p;
    PlannedStep clone;
    clone.alias = u"step-0"_s;
    clone.step.uses = u"git-clone"_s;
    PlannedStep pr;
    pr.index = 1;
    pr.alias = u"open-pr"_s;
    pr.step.uses = u"git-open-pr"_s;
    pr.runnability = StepRunnability::NotRunnableHere;
    pr.reason = u"needs the git hosting service's pull request API"_s;
    p.plan.steps = {clone, pr};
    p.plan.freight = freight();
    p.unrunnable = {u"open-pr"_s};
    p.availability = {available, available ? u"direct"_s : u"not yet verified in dev"_s};
    p.hasIdentity = identity;
    p.identity = identity ? u"Ann <ann@example.com>"_s : u"user.name is not set"_s;
    p.result.phase = PromotionPhase::Succeeded;
    p.result.stoppedBefore = u"step-2"_s;
    StepResult done;
    done.alias = u"step-0"_s;
    done.uses = u"git-clone"_s;
    done.status = StepStatus::Succeeded;
    p.result.steps = {done};
    p.result.changes = {change()};
    return p;
}

} // namespace

class TestPromotionReview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diffViewListsFiles();
    void promoteNeedsEverythingInPlace_data();
    void promoteNeedsEverythingInPlace();
    void skippingNamesEachStep();
    void dropVerdictsMarkStages();
    void everyReasonReachesTheStage();
};

void TestPromotionReview::diffViewListsFiles()
{
    DiffView view;
    view.setChanges({change()});
    QCOMPARE(view.files(),
             (QStringList{u"M  env/a.yaml   +1 \u22121"_s, u"A  env/new.yaml   +1 \u22120"_s}));
    QVERIFY(view.text().startsWith(u"# ./src: https://example.com/gitops.git (branch main)\n"
                                   u"diff --git a/env/a.yaml b/env/a.yaml\n"_s));
    QVERIFY(view.text().contains(u"+++ b/env/new.yaml\n@@ -0,0 +1 @@\n+a: 1\n"_s));
}

void TestPromotionReview::promoteNeedsEverythingInPlace_data()
{
    QTest::addColumn<bool>("available");
    QTest::addColumn<bool>("identity");
    QTest::addColumn<bool>("skip");
    QTest::addColumn<bool>("enabled");
    QTest::newRow("all there") << true << true << true << true;
    QTest::newRow("unrunnable step not skipped") << true << true << false << false;
    QTest::newRow("not available") << false << true << true << false;
    QTest::newRow("no identity") << true << false << true << false;
}

void TestPromotionReview::promoteNeedsEverythingInPlace()
{
    QFETCH(bool, available);
    QFETCH(bool, identity);
    QFETCH(bool, skip);
    QFETCH(bool, enabled);
    PromotionReviewDialog dialog(u"prod"_s, freight());
    QVERIFY(!dialog.canPromote()); // nothing before the dry run
    dialog.setPreview(preview(available, identity));
    dialog.findChild<QCheckBox *>(u"skipUnrunnable"_s)->setChecked(skip);
    QCOMPARE(dialog.canPromote(), enabled);
    QCOMPARE(dialog.findChild<QPushButton *>(u"promoteButton"_s)->isEnabled(), enabled);
}

void TestPromotionReview::skippingNamesEachStep()
{
    PromotionReviewDialog dialog(u"prod"_s, freight());
    dialog.setPreview(preview(true, true));
    auto *skip = dialog.findChild<QCheckBox *>(u"skipUnrunnable"_s);
    QCOMPARE(skip->text(), u"Run without the steps that cannot run here: open-pr (git-open-pr)"_s);
    auto *steps = dialog.findChild<QTreeWidget *>(u"reviewSteps"_s);
    QCOMPARE(steps->topLevelItemCount(), 2);
    QCOMPARE(steps->topLevelItem(0)->text(2), u"Succeeded"_s);
    QCOMPARE(steps->topLevelItem(1)->text(2),
             u"not runnable here: needs the git hosting service's pull request API"_s);
    skip->setChecked(true);
    QSignalSpy requested(&dialog, &PromotionReviewDialog::promoteRequested);
    dialog.findChild<QPushButton *>(u"promoteButton"_s)->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().value(2).toBool(), true);
}

void TestPromotionReview::dropVerdictsMarkStages()
{
    PipelineScene scene;
    scene.setPipeline(
        ManifestLoader::load(QStringLiteral(STEVEDORE_FIXTURES_DIR) + u"/kargo-simple"_s));
    scene.setDropVerdicts({{u"dev"_s, {true, u"dev takes freight from guestbook directly"_s}},
                           {u"staging"_s, {false, u"not yet verified in dev"_s}},
                           {u"prod"_s, {false, u"not yet verified in staging"_s}}});
    QCOMPARE(scene.stageItem(u"dev"_s)->dropState(), StageNodeItem::DropState::Allowed);
    QCOMPARE(scene.stageItem(u"staging"_s)->dropState(), StageNodeItem::DropState::Refused);
    QCOMPARE(scene.stageItem(u"staging"_s)->toolTip(), u"staging\nnot yet verified in dev"_s);
    // A stage with a promotion running takes nothing else meanwhile.
    StepResult running;
    running.alias = u"task-0::step-0"_s;
    running.status = StepStatus::Running;
    scene.setPromotionStep(u"dev"_s, running);
    QVERIFY(scene.stageItem(u"dev"_s)->details().contains(u"promoting: task-0::step-0"_s));
    scene.setDropVerdicts({{u"dev"_s, {true, u"direct"_s}}});
    QCOMPARE(scene.stageItem(u"dev"_s)->dropState(), StageNodeItem::DropState::Refused);
    QCOMPARE(scene.stageItem(u"dev"_s)->toolTip(), u"dev\na promotion is running"_s);
    scene.finishPromotion(u"dev"_s);
    scene.clearDropVerdicts();
    QCOMPARE(scene.stageItem(u"dev"_s)->dropState(), StageNodeItem::DropState::None);
}

void TestPromotionReview::everyReasonReachesTheStage()
{
    // The verdicts a drag gets, computed by the engine from a real store, as the stages show
    // them: taken directly, not requested, not verified upstream, soaking, approved.
    QTemporaryDir dir;
    StatePaths::setOverride(dir.filePath(u"state"_s));
    const QString manifests = dir.filePath(u"pipeline.yaml"_s);
    QFile file(manifests);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"(apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: app, namespace: why}
spec:
  subscriptions:
  - image: {repoURL: ghcr.io/acme/app}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: other, namespace: why}
spec:
  subscriptions:
  - image: {repoURL: ghcr.io/acme/other}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: dev, namespace: why}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: {direct: true}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: staging, namespace: why}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: {stages: [dev], requiredSoakTime: 1h}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: prod, namespace: why}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: {stages: [staging]}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: side, namespace: why}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: other}
    sources: {direct: true}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: hotfix, namespace: why}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: app}
    sources: {stages: [prod]}
)");
    file.close();
    const Pipeline pipeline = ManifestLoader::load(manifests);
    QVERIFY(!pipeline.hasErrors());
    QString error;
    const std::unique_ptr<Store> store = Store::open(manifests, &error);
    QVERIFY2(store, qPrintable(error));
    Freight freight;
    freight.origin = {u"Warehouse"_s, u"app"_s};
    freight.images.append(
        {u"ghcr.io/acme/app"_s, u"v1.0.0"_s, u"sha256:"_s + QString(64, u'a'), {}});
    freight.id = Freight::computeId(u"app"_s, {}, freight.images, {});
    freight.alias = u"calm-heron"_s;
    freight.discoveredAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store->addFreight(freight, &error));
    QVERIFY(store->markVerified(freight.id, u"dev"_s, QDateTime::currentDateTimeUtc(), u"test"_s,
                                &error));
    QVERIFY(store->approve(freight.id, u"hotfix"_s, &error));

    QHash<QString, AvailabilityVerdict> verdicts;
    for (const Stage &stage : pipeline.stages)
        verdicts.insert(stage.name, Availability::check(pipeline, *store, stage.name, freight));
    PipelineScene scene;
    scene.setPipeline(pipeline);
    scene.setDropVerdicts(verdicts);
    const auto shows = [&scene](const QString &stage, StageNodeItem::DropState state,
                                const QString &why) {
        const StageNodeItem *item = scene.stageItem(stage);
        return item->dropState() == state && item->toolTip().startsWith(stage + u'\n') &&
               item->toolTip().contains(why);
    };
    QVERIFY(shows(u"dev"_s, StageNodeItem::DropState::Allowed, u"directly"_s));
    QVERIFY2(
        shows(u"side"_s, StageNodeItem::DropState::Refused, u"side does not take freight from"_s),
        qPrintable(scene.stageItem(u"side"_s)->toolTip()));
    QVERIFY2(shows(u"staging"_s, StageNodeItem::DropState::Refused, u"soaking in dev ("_s),
             qPrintable(scene.stageItem(u"staging"_s)->toolTip()));
    QVERIFY(scene.stageItem(u"staging"_s)->toolTip().contains(u"left)"_s));
    QVERIFY(shows(u"prod"_s, StageNodeItem::DropState::Refused, u"not yet verified in staging"_s));
    QVERIFY(shows(u"hotfix"_s, StageNodeItem::DropState::Allowed, u"approved for hotfix"_s));
}

QTEST_MAIN(TestPromotionReview)
#include "tst_promotionreview.moc"
