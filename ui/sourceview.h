#pragma once

#include "engine/problem.h"

#include <QHash>
#include <QPlainTextEdit>

class QLabel;

namespace Stevedore {

class LineNumberArea;

/// A read-only view of a manifest, with line numbers and syntax highlighting, that can jump
/// to a line and column. Shows text the engine already read: it never opens files itself.
class SourceView : public QWidget
{
    Q_OBJECT

public:
    explicit SourceView(QWidget *parent = nullptr);

    /// The texts of the pipeline's files, keyed by the file names problems use.
    void setSources(const QHash<QString, QString> &sources);
    /// Shows @p location's file with its line highlighted; false if that file is unknown.
    bool showLocation(const SourceLocation &location);

    QString currentFile() const { return m_file; }
    int currentLine() const;
    QPlainTextEdit *editor() const { return m_editor; }

private:
    QHash<QString, QString> m_sources;
    QString m_file;
    QLabel *m_header;
    QPlainTextEdit *m_editor;
};

} // namespace Stevedore
