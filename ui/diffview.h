#pragma once

#include "engine/promotion.h"

#include <QWidget>

class QListWidget;
class QPlainTextEdit;

namespace Stevedore {

/// What a promotion changes, as a reviewer reads it: the changed files on the left (with
/// their added and removed line counts), the unified diff on the right, coloured.
class DiffView : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);

    void setChanges(const QList<RepositoryChange> &changes);
    /// The text shown, for tests.
    QString text() const;
    QStringList files() const;

private:
    void showFile(int row);

    QListWidget *m_files;
    QPlainTextEdit *m_diff;
    QList<int> m_fileLines; ///< per file row: the diff line its section starts at
};

} // namespace Stevedore
