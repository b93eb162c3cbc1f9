#include "engine/enginehost.h"
#include "engine/statepaths.h"
#include "models/problemmodel.h"
#include "ui/detailspanel.h"
#include "ui/graphnodeitem.h"
#include "ui/mainwindow.h"
#include "ui/pipelinescene.h"
#include "ui/pipelineview.h"
#include "ui/problemsview.h"
#include "ui/sourceview.h"

#include <QAction>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

using namespace Stevedore;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("stevedore-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QVERIFY(m_state.isValid());
        StatePaths::setOverride(m_state.path());
    }

    void init() { QSettings().clear(); }

    void opensAndDrawsAPipeline()
    {
        EngineHost engine;
        MainWindow window(&engine);
        window.setDiscoveryEnabled(false); // the fixtures name real hosts: never contact them
        window.show();
        QSignalSpy shown(&window, &MainWindow::pipelineShown);
        window.openPipeline(QStringLiteral(STEVEDORE_FIXTURES_DIR "/kargo-simple"));
        QVERIFY(shown.wait(10000));
        QVERIFY(window.windowTitle().contains(QStringLiteral("Stevedore")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("kargo-simple")));
        QCOMPARE(window.scene()->nodeItems().size(), 4);
        QCOMPARE(window.problemsView()->model()->rowCount(), window.pipeline().problems.size());
        QCOMPARE(window.recentPipelines().value(0), window.pipeline().rootPath);
    }

    void selectingAStageShowsItsDetails()
    {
        EngineHost engine;
        MainWindow window(&engine);
        window.setDiscoveryEnabled(false);
        QSignalSpy shown(&window, &MainWindow::pipelineShown);
        window.openPipeline(QStringLiteral(STEVEDORE_FIXTURES_DIR "/kargo-simple"));
        QVERIFY(shown.wait(10000));
        window.scene()->selectStage(QStringLiteral("prod"));
        QCOMPARE(window.detailsPanel()->shownName(), QStringLiteral("prod"));
        window.scene()->clearSelection();
        QVERIFY(window.detailsPanel()->shownName().isEmpty());
    }

    void activatingAProblemShowsTheManifestLine()
    {
        EngineHost engine;
        MainWindow window(&engine);
        window.setDiscoveryEnabled(false);
        window.show();
        QSignalSpy shown(&window, &MainWindow::pipelineShown);
        window.openPipeline(QStringLiteral(STEVEDORE_FIXTURES_DIR "/demo-auto-rollback"));
        QVERIFY(shown.wait(10000));
        QTreeView *view = window.problemsView()->view();
        QModelIndex target;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QModelIndex index = view->model()->index(row, 0);
            if (index.data(ProblemModel::LineRole).toInt() == 18)
                target = index;
        }
        QVERIFY(target.isValid());
        Q_EMIT view->activated(target);
        QVERIFY(window.sourceView()->currentFile().endsWith(QStringLiteral("warehouse.yaml")));
        QCOMPARE(window.sourceView()->currentLine(), 18);
        QVERIFY(window.sourceView()->editor()->textCursor().block().text().contains(
            QStringLiteral("NewestCommit")));
    }

    void firstStartOpensTheDemo()
    {
        EngineHost engine;
        MainWindow window(&engine);
        QSignalSpy shown(&window, &MainWindow::pipelineShown);
        window.openInitialPipeline();
        QVERIFY(shown.wait(20000));
        QVERIFY(window.pipeline().rootPath.startsWith(QDir(m_state.path()).canonicalPath()));
        QCOMPARE(window.scene()->nodeItems().size(), 4);
        QVERIFY(!window.pipeline().hasErrors());
        // The demo's warehouse is discovered from its local repository: freight shows up on the
        // warehouse's node without anything else being done.
        QTRY_VERIFY_WITH_TIMEOUT(!window.freight().isEmpty(), 20000);
        const QString alias = window.freight().first().alias;
        QTRY_VERIFY(window.scene()
                        ->warehouseItem(QStringLiteral("app"))
                        ->details()
                        .join(u' ')
                        .contains(alias));
        QCOMPARE(window.freight().first().commits.first().tag, QStringLiteral("v1.2.0"));
        // The next start reopens it from the recent list.
        QCOMPARE(window.recentPipelines().value(0), window.pipeline().rootPath);
    }

    void missingPipelineIsReportedAndForgotten()
    {
        QSettings().setValue(QStringLiteral("recentPipelines"),
                             QStringList{QStringLiteral("/nonexistent/pipeline")});
        EngineHost engine;
        MainWindow window(&engine);
        QTRY_VERIFY(window.recentPipelines().contains(QStringLiteral("/nonexistent/pipeline")));
        window.openPipeline(QStringLiteral("/nonexistent/pipeline"));
        QTRY_VERIFY_WITH_TIMEOUT(window.recentPipelines().isEmpty(), 10000);
        QVERIFY(window.scene()->isEmpty());
    }

    void everyMenuActionHasAShortcutListed()
    {
        EngineHost engine;
        MainWindow window(&engine);
        QStringList shortcuts;
        const QList<QAction *> menus = window.menuBar()->actions();
        for (QAction *menu : menus) {
            const QList<QAction *> actions = menu->menu()->actions();
            for (QAction *action : actions) {
                if (!action->shortcut().isEmpty())
                    shortcuts.append(action->shortcut().toString());
            }
        }
        QVERIFY(shortcuts.contains(QKeySequence(QKeySequence::Open).toString()));
        QVERIFY(shortcuts.contains(QStringLiteral("Ctrl+0")));
        QVERIFY(shortcuts.contains(QStringLiteral("Ctrl+9")));
        // No shortcut is used twice.
        QCOMPARE(QSet<QString>(shortcuts.begin(), shortcuts.end()).size(), shortcuts.size());
    }

    void geometryPersists()
    {
        {
            EngineHost engine;
            MainWindow window(&engine);
            window.resize(911, 633);
            window.show();
            window.close();
        }
        EngineHost engine;
        MainWindow window(&engine);
        QCOMPARE(window.size(), QSize(911, 633));
    }

private:
    QTemporaryDir m_state;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
