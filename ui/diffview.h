#pragma once

#include "engine/promotion.h"

#include <QWidget>

class QButtonGroup;
class QPlainTextEdit;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace Stevedore {

/// What a promotion changes, as a reviewer reads it: the changed files on the left, as a tree
/// per working tree with their added and removed line counts, and the diff on the right,
/// unified or side by side, coloured.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    enum class Mode
    {
        Unified,
        SideBySide,
    };

    explicit DiffView(QWidget *parent = nullptr);

    void setChanges(const QList<RepositoryChange> &changes);
    void setMode(Mode mode);
    Mode mode() const;
    /// The unified text shown, for tests.
    QString text() const;
    /// The side-by-side rows as text (`OLD left | NEW right`), for tests.
    QString sideBySideText() const;
    /// One column of the side-by-side view as shown, line numbers in front (for tests).
    QString sideText(bool left) const;
    /// The changed files, `MARK  path   counts`, in the order of the tree.
    QStringList files() const;
    /// Scrolls both views to the @p index-th changed file.
    void showFile(int index);

private:
    void showItem(QTreeWidgetItem *item);

    QTreeWidget *m_files;
    QButtonGroup *m_modes;
    QStackedWidget *m_stack;
    QPlainTextEdit *m_diff;
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QString m_sideBySideText;
    QList<int> m_fileLines;     ///< per changed file: the unified line its section starts at
    QList<int> m_sideBySideRow; ///< per changed file: its header's side-by-side row
    QList<QTreeWidgetItem *> m_fileItems;
};

} // namespace Stevedore
