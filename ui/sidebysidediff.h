#pragma once

#include <QList>
#include <QString>

namespace Stevedore {

/// One row of a side-by-side diff: the old file's line on the left, the new file's on the
/// right, or a file or hunk header across both.
struct SideBySideRow
{
    enum class Kind
    {
        File,    ///< a file's header: `text` is its path (and what happened to it)
        Hunk,    ///< a hunk's `@@` line
        Context, ///< the same line on both sides
        Changed, ///< a removed line beside the added line that replaces it
        Removed, ///< only on the left
        Added,   ///< only on the right
        Note,    ///< `\ No newline at end of file`, binary files
    };
    Kind kind = Kind::Context;
    int oldLine = 0; ///< 1-based; 0 when the left side is empty
    int newLine = 0;
    QString left;
    QString right;
    QString text; ///< File, Hunk and Note rows
};

/// Turns `git diff` output (as promotions produce it, `--binary` included) into rows for two
/// columns: runs of removed lines are paired with the added lines that follow them.
QList<SideBySideRow> sideBySide(const QString &unifiedDiff);

/// The rows as plain text, `OLD left | NEW right` per line (for tests and copying).
QString sideBySideText(const QList<SideBySideRow> &rows, int leftWidth = 40);

} // namespace Stevedore
