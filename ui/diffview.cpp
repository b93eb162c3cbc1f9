#include "ui/diffview.h"

#include "ui/diffhighlighter.h"
#include "ui/sidebysidediff.h"
#include "ui/syntaxhighlighting.h"

#include <QButtonGroup>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPaintEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QPlainTextEdit *codeView(QWidget *parent, const QString &name)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

/// One side of the side-by-side view: the file's lines, highlighted as YAML, with their line
/// numbers in a gutter on the left (so the highlighter sees only the file's text).
class NumberedSide : public QPlainTextEdit
{
public:
    NumberedSide(QWidget *parent, const QString &name)
        : QPlainTextEdit(parent)
        , m_gutter(new Gutter(this))
    {
        setObjectName(name);
        setReadOnly(true);
        setLineWrapMode(QPlainTextEdit::NoWrap);
        setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        createYamlHighlighter(document());
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
            if (dy != 0)
                m_gutter->scroll(0, dy);
            else
                m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
        });
    }

    /// Per line: its number in the file, or 0 for none (a header, or the other side's line).
    void setLines(const QStringList &lines, const QList<int> &numbers)
    {
        m_numbers = numbers;
        const int widest =
            numbers.isEmpty() ? 0 : *std::max_element(numbers.begin(), numbers.end());
        m_gutterWidth = fontMetrics().horizontalAdvance(QString::number(std::max(widest, 99))) + 10;
        setViewportMargins(m_gutterWidth, 0, 0, 0);
        setPlainText(lines.join(u'\n'));
    }

    /// The text with the line numbers in front, as the screen shows it (for tests).
    QString numberedText() const
    {
        QStringList lines;
        QTextBlock block = document()->begin();
        for (int i = 0; block.isValid(); ++i, block = block.next()) {
            const int number = m_numbers.value(i);
            lines.append((number > 0 ? u"%1 "_s.arg(number, 4) : u"     "_s) + block.text());
        }
        return lines.join(u'\n');
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        const QRect area = contentsRect();
        m_gutter->setGeometry(area.left(), area.top(), m_gutterWidth, area.height());
    }

private:
    class Gutter : public QWidget
    {
    public:
        explicit Gutter(NumberedSide *side)
            : QWidget(side)
            , m_side(side)
        {}

    protected:
        void paintEvent(QPaintEvent *event) override
        {
            QPainter painter(this);
            painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
            painter.setPen(palette().color(QPalette::PlaceholderText));
            painter.setFont(m_side->font());
            QTextBlock block = m_side->firstVisibleBlock();
            qreal top =
                m_side->blockBoundingGeometry(block).translated(m_side->contentOffset()).top();
            while (block.isValid() && top <= event->rect().bottom()) {
                const qreal height = m_side->blockBoundingRect(block).height();
                const int number = m_side->m_numbers.value(block.blockNumber());
                if (number > 0)
                    painter.drawText(QRectF(0, top, width() - 5, height),
                                     Qt::AlignRight | Qt::AlignVCenter, QString::number(number));
                top += height;
                block = block.next();
            }
        }

    private:
        NumberedSide *m_side;
    };

    Gutter *m_gutter;
    QList<int> m_numbers;
    int m_gutterWidth = 0;
};

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

/// Line backgrounds for one side of the side-by-side view.
QList<QTextEdit::ExtraSelection> lineColours(QPlainTextEdit *view, const QList<SideBySideRow> &rows,
                                             bool left)
{
    const bool dark = isDark(view->palette());
    const QColor removed = dark ? QColor(0x5c, 0x22, 0x26) : QColor(0xff, 0xeb, 0xe9);
    const QColor added = dark ? QColor(0x1f, 0x4a, 0x2c) : QColor(0xda, 0xfb, 0xe1);
    QColor header = view->palette().color(QPalette::AlternateBase);
    QColor filler = view->palette().color(QPalette::Window);
    QList<QTextEdit::ExtraSelection> selections;
    QTextBlock block = view->document()->begin();
    for (const SideBySideRow &row : rows) {
        QColor colour;
        switch (row.kind) {
        case SideBySideRow::Kind::File:
        case SideBySideRow::Kind::Hunk:
        case SideBySideRow::Kind::Note:
            colour = header;
            break;
        case SideBySideRow::Kind::Changed:
            colour = left ? removed : added;
            break;
        case SideBySideRow::Kind::Removed:
            colour = left ? removed : filler;
            break;
        case SideBySideRow::Kind::Added:
            colour = left ? filler : added;
            break;
        case SideBySideRow::Kind::Context:
            break;
        }
        if (colour.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.format.setBackground(colour);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(selection);
        }
        block = block.next();
    }
    return selections;
}

} // namespace

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_files(new QTreeWidget(this))
    , m_modes(new QButtonGroup(this))
    , m_stack(new QStackedWidget(this))
    , m_diff(codeView(this, u"diffText"_s))
    , m_left(new NumberedSide(this, u"diffLeft"_s))
    , m_right(new NumberedSide(this, u"diffRight"_s))
{
    new DiffHighlighter(m_diff->document());
    m_files->setObjectName(u"changedFiles"_s);
    m_files->setHeaderHidden(true);
    m_files->setColumnCount(2);
    m_files->header()->setStretchLastSection(false);
    m_files->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_files->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_files->setRootIsDecorated(true);

    // Side by side: old on the left, new on the right, scrolling together.
    auto *sides = new QSplitter(this);
    sides->addWidget(m_left);
    sides->addWidget(m_right);
    m_left->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(),
            &QScrollBar::setValue);
    connect(m_right->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_left->horizontalScrollBar(), &QScrollBar::setValue);
    connect(m_left->horizontalScrollBar(), &QScrollBar::valueChanged,
            m_right->horizontalScrollBar(), &QScrollBar::setValue);
    m_stack->addWidget(m_diff);
    m_stack->addWidget(sides);

    auto *unified = new QToolButton(this);
    unified->setObjectName(u"unifiedMode"_s);
    unified->setText(tr("&Unified"));
    auto *sideBySide = new QToolButton(this);
    sideBySide->setObjectName(u"sideBySideMode"_s);
    sideBySide->setText(tr("&Side by Side"));
    for (QToolButton *button : {unified, sideBySide}) {
        button->setCheckable(true);
        button->setAutoRaise(true);
    }
    m_modes->addButton(unified, int(Mode::Unified));
    m_modes->addButton(sideBySide, int(Mode::SideBySide));
    unified->setChecked(true);
    connect(m_modes, &QButtonGroup::idClicked, this, [this](int id) { setMode(Mode(id)); });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addStretch();
    bar->addWidget(unified);
    bar->addWidget(sideBySide);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    rightLayout->addLayout(bar);
    rightLayout->addWidget(m_stack, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_files);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({220, 660});
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_files, &QTreeWidget::currentItemChanged, this, &DiffView::showItem);
}

void DiffView::setChanges(const QList<RepositoryChange> &changes)
{
    m_files->clear();
    m_fileLines.clear();
    m_sideBySideRow.clear();
    m_fileItems.clear();
    QString text;
    int line = 0;
    QList<SideBySideRow> rows;
    const auto append = [&](const QString &chunk) {
        text += chunk;
        line += int(chunk.count(u'\n'));
    };
    const auto note = [&rows](SideBySideRow::Kind kind, const QString &what) {
        SideBySideRow row;
        row.kind = kind;
        row.text = what;
        rows.append(row);
    };
    for (const RepositoryChange &change : changes) {
        QString header = u"# %1: %2"_s.arg(change.path, change.repoURL);
        if (!change.branch.isEmpty())
            header += tr(" (branch %1)").arg(change.branch);
        append(header + u'\n');
        note(SideBySideRow::Kind::Note, header.mid(2));
        auto *checkout = new QTreeWidgetItem(m_files, {change.path});
        checkout->setToolTip(0, header.mid(2));
        checkout->setFirstColumnSpanned(true);
        if (change.diff.isEmpty()) {
            append(tr("no changes") + u"\n\n"_s);
            note(SideBySideRow::Kind::Note, tr("no changes"));
            new QTreeWidgetItem(checkout, {tr("no changes")});
            continue;
        }
        const QString diff = QString::fromUtf8(change.diff);
        const QList<SideBySideRow> changeRows = sideBySide(diff);
        // Where each file's section starts, in both views.
        qsizetype from = 0;
        qsizetype fileRow = 0;
        for (const FileChange &file : change.files) {
            const qsizetype at = diff.indexOf(u"diff --git "_s, from);
            const int fileLine =
                line + int(QStringView(diff).left(std::max<qsizetype>(at, 0)).count(u'\n'));
            from = at < 0 ? from : at + 1;
            while (fileRow < changeRows.size() &&
                   changeRows.at(fileRow).kind != SideBySideRow::Kind::File)
                ++fileRow;
            m_sideBySideRow.append(int(rows.size() + fileRow));
            ++fileRow;
            const QString counts = file.binary
                                       ? tr("binary")
                                       : u"+%1 \u2212%2"_s.arg(file.additions).arg(file.deletions);
            const QString mark = file.kind == FileChange::Kind::Added     ? u"A"_s
                                 : file.kind == FileChange::Kind::Deleted ? u"D"_s
                                                                          : u"M"_s;
            auto *item = new QTreeWidgetItem(checkout, {u"%1  %2"_s.arg(mark, file.path), counts});
            item->setToolTip(0, change.path + u'/' + file.path);
            item->setData(0, Qt::UserRole, int(m_fileItems.size()));
            m_fileItems.append(item);
            m_fileLines.append(fileLine);
        }
        rows += changeRows;
        append(diff);
        if (!diff.endsWith(u'\n'))
            append(u"\n"_s);
        append(u"\n"_s);
    }
    m_files->expandAll();
    m_diff->setPlainText(text);

    // The side-by-side columns: each side's lines with their numbers in the gutter; headers on
    // both sides.
    QStringList left;
    QStringList right;
    QList<int> leftNumbers;
    QList<int> rightNumbers;
    for (const SideBySideRow &row : std::as_const(rows)) {
        if (row.kind == SideBySideRow::Kind::File || row.kind == SideBySideRow::Kind::Hunk ||
            row.kind == SideBySideRow::Kind::Note) {
            left.append(row.kind == SideBySideRow::Kind::Note ? u"# "_s + row.text : row.text);
            right.append(row.kind == SideBySideRow::Kind::File ? row.text : QString());
            leftNumbers.append(0);
            rightNumbers.append(0);
            continue;
        }
        left.append(row.oldLine > 0 ? row.left : QString());
        right.append(row.newLine > 0 ? row.right : QString());
        leftNumbers.append(row.oldLine);
        rightNumbers.append(row.newLine);
    }
    static_cast<NumberedSide *>(m_left)->setLines(left, leftNumbers);
    static_cast<NumberedSide *>(m_right)->setLines(right, rightNumbers);
    m_left->setExtraSelections(lineColours(m_left, rows, true));
    m_right->setExtraSelections(lineColours(m_right, rows, false));
    m_sideBySideText = Stevedore::sideBySideText(rows);
}

void DiffView::setMode(Mode mode)
{
    m_modes->button(int(mode))->setChecked(true);
    m_stack->setCurrentIndex(mode == Mode::Unified ? 0 : 1);
    if (QTreeWidgetItem *current = m_files->currentItem())
        showItem(current);
}

DiffView::Mode DiffView::mode() const
{
    return m_stack->currentIndex() == 0 ? Mode::Unified : Mode::SideBySide;
}

void DiffView::showFile(int index)
{
    if (index >= 0 && index < m_fileItems.size())
        m_files->setCurrentItem(m_fileItems.at(index));
}

void DiffView::showItem(QTreeWidgetItem *item)
{
    if (!item || !item->data(0, Qt::UserRole).isValid())
        return;
    const int index = item->data(0, Qt::UserRole).toInt();
    if (mode() == Mode::Unified) {
        const QTextBlock block =
            m_diff->document()->findBlockByLineNumber(m_fileLines.value(index));
        m_diff->setTextCursor(QTextCursor(block));
        m_diff->centerCursor();
        return;
    }
    const QTextBlock block = m_right->document()->findBlockByNumber(m_sideBySideRow.value(index));
    m_right->setTextCursor(QTextCursor(block));
    m_right->verticalScrollBar()->setValue(block.blockNumber());
}

QString DiffView::text() const
{
    return m_diff->toPlainText();
}

QString DiffView::sideBySideText() const
{
    return m_sideBySideText;
}

QString DiffView::sideText(bool left) const
{
    return static_cast<const NumberedSide *>(left ? m_left : m_right)->numberedText();
}

QStringList DiffView::files() const
{
    QStringList list;
    for (const QTreeWidgetItem *item : m_fileItems)
        list.append(item->text(0) + u"   "_s + item->text(1));
    return list;
}

} // namespace Stevedore
