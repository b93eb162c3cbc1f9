// Every action of the main window's menus has a keyboard shortcut, no two share one, Help →
// Keyboard Shortcuts lists them all, the shortcuts reach their actions, and the About box names
// the versions of the libraries in use.

#include "engine/enginehost.h"
#include "engine/statepaths.h"
#include "engine/versions.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

struct MenuAction
{
    QString path; ///< "View → Zoom In"
    QAction *action;
};

QString plain(QString text)
{
    return text.remove(u'&').remove(u'\u2026').trimmed();
}

/// Every action reachable from the menu bar, except the entries of Open Recent (one per
/// pipeline) and About Qt (Qt's own).
QList<MenuAction> menuActions(const QMenuBar *bar)
{
    QList<MenuAction> result;
    std::function<void(const QMenu *, const QString &)> walk = [&](const QMenu *menu,
                                                                   const QString &path) {
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions) {
            if (action->isSeparator() || action->menuRole() == QAction::AboutQtRole)
                continue;
            if (action->menu()) {
                if (plain(action->text()) != u"Open Recent")
                    walk(action->menu(), path + u" \u2192 "_s + plain(action->text()));
                continue;
            }
            result.append({path + u" \u2192 "_s + plain(action->text()), action});
        }
    };
    const QList<QAction *> menus = bar->actions();
    for (const QAction *menu : menus) {
        if (menu->menu())
            walk(menu->menu(), plain(menu->text()));
    }
    return result;
}

template<typename T>
T *findTopLevel()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (auto *found = qobject_cast<T *>(widget); found && found->isVisible())
            return found;
    }
    return nullptr;
}

} // namespace

class TestShortcuts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"stevedore-tests"_s);
        QCoreApplication::setApplicationName(u"tst_shortcuts"_s);
        QVERIFY(m_state.isValid());
        StatePaths::setOverride(m_state.path());
        QSettings().clear();
    }

    void everyMenuActionHasAShortcut()
    {
        EngineHost engine;
        MainWindow window(&engine);
        const QList<MenuAction> actions = menuActions(window.menuBar());
        QVERIFY(actions.size() >= 20);
        for (const MenuAction &entry : actions)
            QVERIFY2(!entry.action->shortcut().isEmpty(),
                     qPrintable(entry.path + u" has no shortcut"_s));

        // The main actions are all there.
        const QStringList expected{u"File \u2192 Open Pipeline Folder"_s,
                                   u"File \u2192 Reload"_s,
                                   u"File \u2192 Settings"_s,
                                   u"File \u2192 Quit"_s,
                                   u"View \u2192 Zoom In"_s,
                                   u"View \u2192 Zoom Out"_s,
                                   u"View \u2192 Fit to Window"_s,
                                   u"View \u2192 Details"_s,
                                   u"View \u2192 Problems"_s,
                                   u"Pipeline \u2192 Refresh Warehouse"_s,
                                   u"Pipeline \u2192 Refresh All Warehouses"_s,
                                   u"Pipeline \u2192 Verify Stage"_s,
                                   u"Pipeline \u2192 Abort Verification"_s,
                                   u"Help \u2192 Keyboard Shortcuts"_s,
                                   u"Help \u2192 About Stevedore"_s};
        QStringList paths;
        for (const MenuAction &entry : actions)
            paths.append(entry.path);
        for (const QString &path : expected)
            QVERIFY2(paths.contains(path),
                     qPrintable(path + u" is missing from "_s + paths.join(u", "_s)));
    }

    void noTwoActionsShareAShortcut()
    {
        EngineHost engine;
        MainWindow window(&engine);
        QHash<QString, QString> owners;
        const QList<MenuAction> actions = menuActions(window.menuBar());
        for (const MenuAction &entry : actions) {
            const QList<QKeySequence> keys = entry.action->shortcuts();
            for (const QKeySequence &key : keys) {
                const QString text = key.toString(QKeySequence::PortableText);
                QVERIFY2(!owners.contains(text), qPrintable(u"%1 is both %2 and %3"_s.arg(
                                                     text, owners.value(text), entry.path)));
                owners.insert(text, entry.path);
            }
        }
    }

    void helpListsEveryShortcut()
    {
        EngineHost engine;
        MainWindow window(&engine);
        window.show();
        QAction *help = nullptr;
        const QList<MenuAction> actions = menuActions(window.menuBar());
        for (const MenuAction &entry : actions) {
            if (entry.path == u"Help \u2192 Keyboard Shortcuts")
                help = entry.action;
        }
        QVERIFY(help);
        help->trigger();
        auto *dialog = findTopLevel<ShortcutsDialog>();
        QVERIFY(dialog);
        const QTableWidget *table = dialog->table();
        QCOMPARE(table->rowCount(), actions.size());
        QSet<QString> rows;
        for (int row = 0; row < table->rowCount(); ++row)
            rows.insert(table->item(row, 0)->text() + u" \u2192 "_s + table->item(row, 1)->text() +
                        u" = "_s + table->item(row, 2)->text());
        for (const MenuAction &entry : actions) {
            QStringList keys;
            for (const QKeySequence &key : entry.action->shortcuts())
                keys.append(key.toString(QKeySequence::NativeText));
            const QString row = entry.path + u" = "_s + keys.join(u", "_s);
            QVERIFY2(rows.contains(row), qPrintable(row));
        }
        dialog->close();
    }

    void shortcutsReachTheirActions()
    {
        EngineHost engine;
        MainWindow window(&engine);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keySequence(&window, QKeySequence(u"Ctrl+,"_s));
        QTRY_VERIFY(findTopLevel<SettingsDialog>());
        findTopLevel<SettingsDialog>()->reject();
        QTRY_VERIFY(!findTopLevel<SettingsDialog>());
        QTRY_VERIFY(window.isActiveWindow());
        QTest::keySequence(&window, QKeySequence(QKeySequence::HelpContents));
        QTRY_VERIFY(findTopLevel<ShortcutsDialog>());
        findTopLevel<ShortcutsDialog>()->close();
    }

    void aboutNamesTheRuntimeVersions()
    {
        EngineHost engine;
        MainWindow window(&engine);
        window.show();
        QAction *about = nullptr;
        for (const MenuAction &entry : menuActions(window.menuBar())) {
            if (entry.action->menuRole() == QAction::AboutRole)
                about = entry.action;
        }
        QVERIFY(about);
        QString text;
        // The About box is modal: read it and close it from inside its event loop.
        QTimer::singleShot(0, this, [&text] {
            QTRY_VERIFY(findTopLevel<QMessageBox>());
            auto *box = findTopLevel<QMessageBox>();
            text = box->text();
            box->accept();
        });
        about->trigger();
        for (const QString &version : {Versions::stevedore(), Versions::qt(), Versions::libgit2(),
                                       Versions::yamlCpp(), Versions::graphviz()}) {
            QVERIFY(!version.isEmpty());
            QVERIFY2(text.contains(version), qPrintable(version + u" not in "_s + text));
        }
        // The runtime Qt, not only the one built against.
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(u"libgit2"_s) && text.contains(u"yaml-cpp"_s) &&
                text.contains(u"Graphviz"_s));
    }

private:
    QTemporaryDir m_state;
};

QTEST_MAIN(TestShortcuts)
#include "tst_shortcuts.moc"
