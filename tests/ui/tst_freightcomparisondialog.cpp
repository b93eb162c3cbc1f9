// The freight comparison offscreen: the dialog and the promotion review's Freight Changes tab,
// each computed on a worker thread from a real store and a real git cache clone.

#include "engine/discoveryscheduler.h"
#include "engine/freightassembler.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"
#include "ui/freightcomparisondialog.h"
#include "ui/freightcomparisonview.h"
#include "ui/promotionreviewdialog.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

class TestFreightComparisonDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void comparesTwoFreight();
    void unknownFreight();
    void reviewShowsChangesFromTheStagesFreight();

private:
    QTemporaryDir m_dir;
    QString m_pipeline;
    QStringList m_commits; ///< oldest first
    Freight m_old;
    Freight m_new;
};

void TestFreightComparisonDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("HOME", m_dir.filePath(u"home"_s).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    StatePaths::setOverride(m_dir.filePath(u"state"_s));
    const QString repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    GitFixture git(repos);
    const QString repository = git.createRepository(u"app"_s, 4);
    QVERIFY(!repository.isEmpty());
    for (const QString &rev : {u"main~3"_s, u"main~2"_s, u"main~1"_s, u"main"_s})
        m_commits.append(git.revParse(repository, rev));
    const QString url = QUrl::fromLocalFile(repository).toString();

    m_pipeline = m_dir.filePath(u"pipeline"_s);
    QDir().mkpath(m_pipeline);
    QFile file(m_pipeline + u"/pipeline.yaml"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: app\n"
               "spec:\n  interval: 1h\n  freightCreationPolicy: Manual\n  subscriptions:\n"
               "  - git:\n      repoURL: %1\n      branch: main\n  - image:\n"
               "      repoURL: registry.example/app\n---\n"
               "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: dev\n"
               "spec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: app\n"
               "    sources:\n      direct: true\n"_s.arg(url)
                   .toUtf8());
    file.close();
    const Pipeline pipeline = ManifestLoader::load(m_pipeline);
    QString error;
    const std::unique_ptr<Store> store = Store::open(m_pipeline, &error);
    QVERIFY2(store, qPrintable(error));
    DiscoveryScheduler::Settings settings;
    settings.pollOnTimer = false;
    {
        DiscoveryScheduler scheduler(store.get(), StatePaths::cacheDir(), settings);
        Pipeline gitOnly = pipeline;
        gitOnly.warehouses.first().subscriptions.removeLast();
        scheduler.setPipeline(gitOnly);
        QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
        scheduler.refresh(u"app"_s);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(1).toStringList().isEmpty());
    }
    const QString imageKey =
        Store::subscriptionKey(pipeline.warehouses.first().subscriptions.at(1));
    QVERIFY(store->saveArtifacts(u"app"_s, imageKey, u"registry.example/app"_s,
                                 {{u"v2.0.0"_s, u"sha256:"_s + QString(64, u'2'), {}},
                                  {u"v1.0.0"_s, u"sha256:"_s + QString(64, u'1'), {}}},
                                 {}));
    const AssemblyResult old =
        FreightAssembler::assemble(pipeline, *store, u"app"_s,
                                   {{Subscription::Kind::Git, {}, m_commits.at(0)},
                                    {Subscription::Kind::Image, {}, u"v1.0.0"_s}});
    const AssemblyResult fresh =
        FreightAssembler::assemble(pipeline, *store, u"app"_s,
                                   {{Subscription::Kind::Git, {}, m_commits.at(3)},
                                    {Subscription::Kind::Image, {}, u"v1.0.0"_s}});
    QVERIFY(old.ok() && fresh.ok());
    m_old = old.freight;
    m_new = fresh.freight;
    QVERIFY(store->setStageFreight(u"dev"_s, m_old, u"p1"_s, QDateTime::currentDateTimeUtc()));
}

void TestFreightComparisonDialog::comparesTwoFreight()
{
    FreightComparisonDialog dialog(m_pipeline, m_old.alias, m_new.id);
    dialog.show();
    FreightComparisonView *view = dialog.view();
    QVERIFY(view->isPending());
    QTRY_VERIFY_WITH_TIMEOUT(!view->isPending(), 10000);
    QVERIFY2(view->comparison().ok, qPrintable(view->summary()));
    QCOMPARE(dialog.windowTitle(), u"Compare %1 with %2"_s.arg(m_old.alias, m_new.alias));
    QCOMPARE(view->summary(),
             u"%1 \u2192 %2 (app): 1 artifact(s) changed"_s.arg(m_old.alias, m_new.alias));

    QTreeWidget *artifacts = view->artifactTable();
    QAbstractItemModelTester artifactTester(artifacts->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(artifacts->topLevelItemCount(), 2);
    QTreeWidgetItem *commit = artifacts->topLevelItem(0);
    QCOMPARE(commit->text(0), u"Commit"_s);
    QCOMPARE(commit->text(2), m_commits.at(0).left(12));
    QCOMPARE(commit->text(3), m_commits.at(3).left(12));
    QCOMPARE(commit->toolTip(3), m_commits.at(3) + u"\nCommit 3"_s);
    QCOMPARE(commit->text(4), u"changed"_s);
    QVERIFY(commit->font(0).bold());
    QTreeWidgetItem *image = artifacts->topLevelItem(1);
    QCOMPARE(image->text(0), u"Image"_s);
    QCOMPARE(image->text(4), u"unchanged"_s);
    QVERIFY(!image->font(0).bold());

    QTreeWidget *log = view->commitLog();
    QAbstractItemModelTester logTester(log->model(),
                                       QAbstractItemModelTester::FailureReportingMode::QtTest);
    // A heading for the repository, then its commits, newest first.
    QCOMPARE(log->topLevelItemCount(), 4);
    QTreeWidgetItem *repository = log->topLevelItem(0);
    QVERIFY2(repository->text(0).contains(u"3 commit(s) added"_s), qPrintable(repository->text(0)));
    QVERIFY(repository->isFirstColumnSpanned());
    QCOMPARE(log->topLevelItem(1)->toolTip(0), m_commits.at(3));
    QCOMPARE(log->topLevelItem(1)->text(1), u"Commit 3"_s);
    QCOMPARE(log->topLevelItem(1)->text(2), u"Test Author <author@test.invalid>"_s);
    QCOMPARE(log->topLevelItem(3)->text(1), u"Commit 1"_s);
    QVERIFY(!log->topLevelItem(3)->text(3).isEmpty());
}

void TestFreightComparisonDialog::unknownFreight()
{
    FreightComparisonDialog dialog(m_pipeline, m_old.id, u"no-such-freight"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.view()->isPending(), 10000);
    QVERIFY(!dialog.view()->comparison().ok);
    QVERIFY(dialog.view()->summary().contains(u"no freight \"no-such-freight\""_s));
    QCOMPARE(dialog.view()->artifactTable()->topLevelItemCount(), 0);
}

void TestFreightComparisonDialog::reviewShowsChangesFromTheStagesFreight()
{
    PromotionReviewDialog review(u"dev"_s, m_new);
    auto *tabs = review.findChild<QTabWidget *>();
    QVERIFY(tabs);
    const int index = tabs->indexOf(review.comparisonView());
    QVERIFY(index >= 0);
    QCOMPARE(tabs->tabText(index), u"Freight Changes"_s);
    review.comparisonView()->compareWithStage(m_pipeline, u"dev"_s, m_new.id);
    QTRY_VERIFY_WITH_TIMEOUT(!review.comparisonView()->isPending(), 10000);
    const FreightComparison &comparison = review.comparisonView()->comparison();
    QVERIFY2(comparison.ok, qPrintable(comparison.error));
    QCOMPARE(comparison.from.id, m_old.id);
    QCOMPARE(review.comparisonView()->commitLog()->topLevelItemCount(), 1 + 3);
}

QTEST_MAIN(TestFreightComparisonDialog)
#include "tst_freightcomparisondialog.moc"
