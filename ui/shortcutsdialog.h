#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace Stevedore {

/// Help → Keyboard Shortcuts: every action of the menu bar that has a shortcut, by menu, in a
/// table (menu, action, keys in the platform's notation).
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace Stevedore
