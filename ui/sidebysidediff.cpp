#include "ui/sidebysidediff.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

struct Pending
{
    QList<std::pair<int, QString>> removed;
    QList<std::pair<int, QString>> added;
    QStringList notes; ///< `\ No newline at end of file`, shown after the run it belongs to
};

void flush(Pending &pending, QList<SideBySideRow> &rows)
{
    const qsizetype pairs = std::max(pending.removed.size(), pending.added.size());
    for (qsizetype i = 0; i < pairs; ++i) {
        SideBySideRow row;
        const bool hasOld = i < pending.removed.size();
        const bool hasNew = i < pending.added.size();
        row.kind = hasOld && hasNew ? SideBySideRow::Kind::Changed
                   : hasOld         ? SideBySideRow::Kind::Removed
                                    : SideBySideRow::Kind::Added;
        if (hasOld)
            std::tie(row.oldLine, row.left) = pending.removed.at(i);
        if (hasNew)
            std::tie(row.newLine, row.right) = pending.added.at(i);
        rows.append(row);
    }
    for (const QString &note : std::as_const(pending.notes)) {
        SideBySideRow row;
        row.kind = SideBySideRow::Kind::Note;
        row.text = note;
        rows.append(row);
    }
    pending = {};
}

QString unquotePath(QString path)
{
    // git quotes unusual names ("a/sp ace") in C style; the header keeps them readable enough.
    if (path.startsWith(u'"') && path.endsWith(u'"'))
        path = path.mid(1, path.size() - 2);
    return path.mid(path.indexOf(u'/') + 1);
}

} // namespace

QList<SideBySideRow> sideBySide(const QString &unifiedDiff)
{
    static const QRegularExpression hunkHeader(u"^@@ -(\\d+)(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@"_s);
    QList<SideBySideRow> rows;
    Pending pending;
    int oldLine = 0;
    int newLine = 0;
    bool inHunk = false;
    bool inBinary = false;
    QString fileHeader;
    QString what;
    const QStringList lines = unifiedDiff.split(u'\n');
    const auto startFile = [&] {
        if (fileHeader.isEmpty())
            return;
        SideBySideRow row;
        row.kind = SideBySideRow::Kind::File;
        row.text = what.isEmpty() ? fileHeader : u"%1 (%2)"_s.arg(fileHeader, what);
        rows.append(row);
        fileHeader.clear();
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.startsWith(u"diff --git "_s)) {
            flush(pending, rows);
            startFile();
            inHunk = false;
            inBinary = false;
            what.clear();
            // "diff --git a/x b/x": the new name is after the last " b/".
            const qsizetype b = line.lastIndexOf(u" b/"_s);
            fileHeader = b > 0 ? line.mid(b + 3) : line.mid(11);
            continue;
        }
        if (inBinary)
            continue; // base85 data of `GIT binary patch`
        if (!inHunk) {
            if (line.startsWith(u"new file mode"_s))
                what = u"added"_s;
            else if (line.startsWith(u"deleted file mode"_s))
                what = u"deleted"_s;
            else if (line.startsWith(u"old mode"_s))
                what = u"mode changed"_s;
            else if (line.startsWith(u"+++ "_s) && line != u"+++ /dev/null")
                fileHeader = unquotePath(line.mid(4));
            else if (line.startsWith(u"--- "_s) && line != u"--- /dev/null" && fileHeader.isEmpty())
                fileHeader = unquotePath(line.mid(4));
            else if (line.startsWith(u"GIT binary patch"_s) ||
                     line.startsWith(u"Binary files "_s)) {
                startFile();
                SideBySideRow row;
                row.kind = SideBySideRow::Kind::Note;
                row.text = u"binary file"_s;
                rows.append(row);
                inBinary = line.startsWith(u"GIT binary patch"_s);
                continue;
            }
        }
        if (const QRegularExpressionMatch match = hunkHeader.match(line); match.hasMatch()) {
            flush(pending, rows);
            startFile();
            inHunk = true;
            oldLine = match.captured(1).toInt();
            newLine = match.captured(2).toInt();
            SideBySideRow row;
            row.kind = SideBySideRow::Kind::Hunk;
            row.text = line;
            rows.append(row);
            continue;
        }
        if (!inHunk)
            continue;
        if (line.startsWith(u'-')) {
            pending.removed.append({oldLine++, line.mid(1)});
        } else if (line.startsWith(u'+')) {
            pending.added.append({newLine++, line.mid(1)});
        } else if (line.startsWith(u'\\')) {
            pending.notes.append(line.mid(2));
        } else if (line.startsWith(u' ') || (line.isEmpty() && i + 1 < lines.size())) {
            flush(pending, rows);
            SideBySideRow row;
            row.oldLine = oldLine++;
            row.newLine = newLine++;
            row.left = row.right = line.mid(1);
            rows.append(row);
        }
    }
    flush(pending, rows);
    startFile();
    return rows;
}

QString sideBySideText(const QList<SideBySideRow> &rows, int leftWidth)
{
    static const QRegularExpression trailingSpace(u"\\s+$"_s);
    const auto number = [](int line) { return line > 0 ? u"%1"_s.arg(line, 4) : u"    "_s; };
    QStringList out;
    for (const SideBySideRow &row : rows) {
        switch (row.kind) {
        case SideBySideRow::Kind::File:
            out.append(u"=== "_s + row.text);
            break;
        case SideBySideRow::Kind::Hunk:
            out.append(row.text);
            break;
        case SideBySideRow::Kind::Note:
            out.append(u"    \\ "_s + row.text);
            break;
        default: {
            const QChar mark = row.kind == SideBySideRow::Kind::Context   ? u' '
                               : row.kind == SideBySideRow::Kind::Added   ? u'>'
                               : row.kind == SideBySideRow::Kind::Removed ? u'<'
                                                                          : u'|';
            out.append(u"%1 %2 %3 %4 %5"_s
                           .arg(number(row.oldLine), row.left.leftJustified(leftWidth), mark,
                                number(row.newLine), row.right)
                           .remove(trailingSpace));
        }
        }
    }
    return out.join(u'\n') + u'\n';
}

} // namespace Stevedore
