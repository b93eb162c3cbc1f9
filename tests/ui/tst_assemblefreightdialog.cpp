// The Assemble Freight dialog offscreen, against a real engine thread that polled a real git
// repository (over file://) for a Manual warehouse: the candidates listed per subscription,
// newest first, the assembly done by the engine, new freight announced through freightAdded.

#include "engine/engine.h"
#include "engine/enginehost.h"
#include "engine/freight.h"
#include "engine/statepaths.h"
#include "ui/assemblefreightdialog.h"
#include "ui/graphnodeitem.h"
#include "ui/mainwindow.h"
#include "ui/pipelinescene.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

class TestAssembleFreightDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsCandidatesNewestFirst();
    void assemblesOnTheEngineThread();
    void emptyWarehouseCannotAssemble();
    void menuEntryOnlyForManualWarehouses();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
    Pipeline m_pipeline;
    QStringList m_commits; ///< newest first
    QString m_url;
};

void TestAssembleFreightDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("HOME", m_dir.filePath(u"home"_s).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    StatePaths::setOverride(m_dir.filePath(u"state"_s));
    const QString repos = m_dir.filePath(u"repos"_s);
    QDir().mkpath(repos);
    GitFixture git(repos);
    const QString repository = git.createRepository(u"app"_s, 3);
    QVERIFY(!repository.isEmpty());
    QVERIFY(git.tag(repository, u"v1.0.0"_s, u"main~1"_s));
    for (const QString &rev : {u"main"_s, u"main~1"_s, u"main~2"_s})
        m_commits.append(git.revParse(repository, rev));
    m_url = QUrl::fromLocalFile(repository).toString();

    const QString pipeline = m_dir.filePath(u"pipeline"_s);
    QDir().mkpath(pipeline);
    QFile file(pipeline + u"/warehouses.yaml"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: app\n"
               "spec:\n  interval: 1h\n  freightCreationPolicy: Manual\n  subscriptions:\n"
               "  - git:\n      repoURL: %1\n      branch: main\n      name: source\n---\n"
               "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
               "  name: empty\nspec:\n  interval: 1h\n  freightCreationPolicy: Manual\n"
               "  subscriptions:\n  - image:\n      repoURL: 127.0.0.1:1/nothing/here\n---\n"
               "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
               "  name: auto\nspec:\n  interval: 1h\n  subscriptions:\n"
               "  - image:\n      repoURL: 127.0.0.1:1/nothing/here\n"_s.arg(m_url)
                   .toUtf8());
    file.close();

    m_host = std::make_unique<EngineHost>();
    QSignalSpy opened(m_host->engine(), &Engine::pipelineOpened);
    QSignalSpy status(m_host->engine(), &Engine::warehouseStatusChanged);
    m_host->openPipeline(pipeline);
    QVERIFY(opened.wait(10000));
    m_pipeline = opened.first().first().value<Pipeline>();
    // The engine polls on opening; wait until the git warehouse's poll finished.
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(status.begin(), status.end(),
                    [](const QList<QVariant> &arguments) {
                        const auto s = arguments.first().value<WarehouseStatus>();
                        return s.warehouse == u"app"_s && s.state == WarehouseStatus::State::Ok;
                    }),
        30000);
}

void TestAssembleFreightDialog::cleanupTestCase()
{
    m_host.reset();
}

void TestAssembleFreightDialog::listsCandidatesNewestFirst()
{
    AssembleFreightDialog dialog(m_host.get(), *m_pipeline.warehouse(u"app"_s));
    dialog.show();
    QVERIFY(!dialog.assembleButton()->isEnabled());
    QTRY_COMPARE(dialog.lists().size(), 1);
    QTreeWidget *list = dialog.lists().first();
    QAbstractItemModelTester tester(list->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(list->topLevelItemCount(), 3);
    QCOMPARE(list->topLevelItem(0)->toolTip(0), m_commits.at(0));
    QCOMPARE(list->topLevelItem(0)->text(2), u"Commit 2"_s);
    QCOMPARE(list->topLevelItem(1)->text(1), QString()); // the branch strategy selects no tag
    QCOMPARE(list->topLevelItem(2)->text(2), u"Commit 0"_s);
    QVERIFY(!list->topLevelItem(0)->text(3).isEmpty());
    const auto *box = qobject_cast<QGroupBox *>(list->parentWidget());
    QVERIFY(box);
    QCOMPARE(box->title(), u"Git: source"_s);
    // The newest is picked to begin with.
    QCOMPARE(list->currentItem(), list->topLevelItem(0));
    QVERIFY(dialog.assembleButton()->isEnabled());
    QCOMPARE(dialog.picks().size(), 1);
    QCOMPARE(dialog.picks().first().value, m_commits.at(0));
}

void TestAssembleFreightDialog::assemblesOnTheEngineThread()
{
    AssembleFreightDialog dialog(m_host.get(), *m_pipeline.warehouse(u"app"_s));
    dialog.show();
    QTRY_COMPARE(dialog.lists().size(), 1);
    QTreeWidget *list = dialog.lists().first();
    list->setCurrentItem(list->topLevelItem(1));
    QSignalSpy added(m_host->engine(), &Engine::freightAdded);
    QSignalSpy assembled(&dialog, &AssembleFreightDialog::assembled);
    QTest::mouseClick(dialog.assembleButton(), Qt::LeftButton);
    QVERIFY(!dialog.assembleButton()->isEnabled()); // until the engine answers
    QVERIFY(assembled.wait(10000));
    QCOMPARE(added.size(), 1);
    const Freight freight = added.first().first().value<Freight>();
    FreightCommit commit;
    commit.repoURL = m_url;
    commit.id = m_commits.at(1);
    commit.subscriptionName = u"source"_s;
    QCOMPARE(freight.id, Freight::computeId(u"app"_s, {commit}, {}, {}));
    QCOMPARE(freight.commits.first().message, u"Commit 1"_s);
    QVERIFY2(dialog.status().contains(freight.alias), qPrintable(dialog.status()));
    QVERIFY(dialog.assembleButton()->isEnabled());

    // Again: the engine reports the stored freight and announces nothing new.
    QTest::mouseClick(dialog.assembleButton(), Qt::LeftButton);
    QVERIFY(assembled.wait(10000));
    const auto result = assembled.last().first().value<AssemblyResult>();
    QCOMPARE(result.outcome, AssemblyResult::Outcome::Existing);
    QCOMPARE(added.size(), 1);
    QVERIFY(dialog.status().contains(u"already freight "_s + freight.alias));
}

void TestAssembleFreightDialog::emptyWarehouseCannotAssemble()
{
    AssembleFreightDialog dialog(m_host.get(), *m_pipeline.warehouse(u"empty"_s));
    dialog.show();
    QTRY_COMPARE(dialog.lists().size(), 1);
    QCOMPARE(dialog.lists().first()->topLevelItemCount(), 0);
    QVERIFY(!dialog.assembleButton()->isEnabled());
    QVERIFY(dialog.status().contains(u"needs a discovered artifact"_s));
}

void TestAssembleFreightDialog::menuEntryOnlyForManualWarehouses()
{
    MainWindow window(m_host.get());
    QSignalSpy shown(&window, &MainWindow::pipelineShown);
    window.openPipeline(m_pipeline.rootPath);
    QVERIFY(shown.wait(10000));
    QAction *assemble = nullptr;
    const QList<QAction *> menus = window.menuBar()->actions();
    for (QAction *menu : menus) {
        const QList<QAction *> actions =
            menu->menu() ? menu->menu()->actions() : QList<QAction *>();
        for (QAction *action : actions) {
            if (action->text() == u"Assemble &Freight\u2026"_s)
                assemble = action;
        }
    }
    QVERIFY(assemble);
    QVERIFY(!assemble->isEnabled()); // nothing selected
    window.scene()->warehouseItem(u"auto"_s)->setSelected(true);
    QVERIFY(!assemble->isEnabled());
    QVERIFY(assemble->statusTip().contains(u"Automatic"_s));
    window.scene()->clearSelection();
    window.scene()->warehouseItem(u"app"_s)->setSelected(true);
    QVERIFY(assemble->isEnabled());
    QCOMPARE(assemble->shortcut(), QKeySequence(u"Ctrl+Shift+F"_s));
    assemble->trigger();
    auto *dialog = window.findChild<AssembleFreightDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTRY_COMPARE(dialog->lists().size(), 1);
}

QTEST_MAIN(TestAssembleFreightDialog)
#include "tst_assemblefreightdialog.moc"
