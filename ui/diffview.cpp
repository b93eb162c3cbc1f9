#include "ui/diffview.h"

#include "ui/diffhighlighter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace Stevedore {

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_files(new QListWidget(this))
    , m_diff(new QPlainTextEdit(this))
{
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new DiffHighlighter(m_diff->document());
    m_files->setObjectName(u"changedFiles"_s);
    m_diff->setObjectName(u"diffText"_s);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_files);
    splitter->addWidget(m_diff);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({220, 660});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_files, &QListWidget::currentRowChanged, this, &DiffView::showFile);
}

void DiffView::setChanges(const QList<RepositoryChange> &changes)
{
    m_files->clear();
    m_fileLines.clear();
    QString text;
    int line = 0;
    const auto append = [&](const QString &chunk) {
        text += chunk;
        line += int(chunk.count(u'\n'));
    };
    for (const RepositoryChange &change : changes) {
        QString header = u"# %1: %2"_s.arg(change.path, change.repoURL);
        if (!change.branch.isEmpty())
            header += tr(" (branch %1)").arg(change.branch);
        append(header + u'\n');
        if (change.diff.isEmpty()) {
            append(tr("no changes") + u"\n\n"_s);
            continue;
        }
        const QString diff = QString::fromUtf8(change.diff);
        // Where each file's section starts, for the list.
        qsizetype from = 0;
        for (const FileChange &file : change.files) {
            const qsizetype at = diff.indexOf(u"diff --git "_s, from);
            const int fileLine =
                line + int(QStringView(diff).left(std::max<qsizetype>(at, 0)).count(u'\n'));
            from = at < 0 ? from : at + 1;
            const QString counts = file.binary
                                       ? tr("binary")
                                       : u"+%1 \u2212%2"_s.arg(file.additions).arg(file.deletions);
            const QString mark = file.kind == FileChange::Kind::Added     ? u"A"_s
                                 : file.kind == FileChange::Kind::Deleted ? u"D"_s
                                                                          : u"M"_s;
            auto *item = new QListWidgetItem(u"%1  %2   %3"_s.arg(mark, file.path, counts));
            item->setToolTip(change.path + u'/' + file.path);
            m_files->addItem(item);
            m_fileLines.append(fileLine);
        }
        append(diff);
        if (!diff.endsWith(u'\n'))
            append(u"\n"_s);
        append(u"\n"_s);
    }
    m_diff->setPlainText(text);
}

void DiffView::showFile(int row)
{
    if (row < 0 || row >= m_fileLines.size())
        return;
    const QTextBlock block = m_diff->document()->findBlockByLineNumber(m_fileLines.at(row));
    QTextCursor cursor(block);
    m_diff->setTextCursor(cursor);
    m_diff->centerCursor();
}

QString DiffView::text() const
{
    return m_diff->toPlainText();
}

QStringList DiffView::files() const
{
    QStringList list;
    for (int i = 0; i < m_files->count(); ++i)
        list.append(m_files->item(i)->text());
    return list;
}

} // namespace Stevedore
