#include "ui/sourceview.h"

#include "ui/syntaxhighlighting.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPainter>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

/// A QPlainTextEdit that paints line numbers in its left margin.
class NumberedEditor : public QPlainTextEdit
{
public:
    explicit NumberedEditor(QWidget *parent)
        : QPlainTextEdit(parent)
        , m_margin(new Margin(this))
    {
        connect(this, &QPlainTextEdit::blockCountChanged, this, [this] { updateMargin(); });
        connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
            if (dy)
                m_margin->scroll(0, dy);
            else
                m_margin->update(0, rect.y(), m_margin->width(), rect.height());
        });
        updateMargin();
    }

    int marginWidth() const
    {
        const int digits = QString::number(std::max(1, blockCount())).size();
        return 12 + fontMetrics().horizontalAdvance(u'9') * std::max(3, digits);
    }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QPlainTextEdit::resizeEvent(event);
        const QRect r = contentsRect();
        m_margin->setGeometry(QRect(r.left(), r.top(), marginWidth(), r.height()));
    }

private:
    class Margin : public QWidget
    {
    public:
        explicit Margin(NumberedEditor *editor)
            : QWidget(editor)
            , m_editor(editor)
        {}

    protected:
        void paintEvent(QPaintEvent *event) override { m_editor->paintMargin(event->rect()); }

    private:
        NumberedEditor *m_editor;
    };

    void updateMargin() { setViewportMargins(marginWidth(), 0, 0, 0); }

    void paintMargin(const QRect &rect)
    {
        QPainter painter(m_margin);
        painter.fillRect(rect, palette().color(QPalette::AlternateBase));
        QColor ink = palette().color(QPalette::Text);
        ink.setAlphaF(0.5);
        painter.setPen(ink);
        QTextBlock block = firstVisibleBlock();
        int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
        while (block.isValid() && top <= rect.bottom()) {
            const int height = qRound(blockBoundingRect(block).height());
            if (block.isVisible() && top + height >= rect.top())
                painter.drawText(0, top, m_margin->width() - 6, height, Qt::AlignRight,
                                 QString::number(block.blockNumber() + 1));
            block = block.next();
            top += height;
        }
    }

    Margin *m_margin;
};

} // namespace

SourceView::SourceView(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_editor(new NumberedEditor(this))
{
    m_editor->setReadOnly(true);
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setAccessibleName(tr("Manifest source"));
    createYamlHighlighter(m_editor->document());
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setContentsMargins(6, 4, 6, 4);
    m_header->setText(tr("Double-click a problem, or a definition in the details, to see it "
                         "here."));
    m_header->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_editor, 1);
}

void SourceView::setSources(const QHash<QString, QString> &sources)
{
    m_sources = sources;
    if (!m_file.isEmpty() && m_sources.contains(m_file)) {
        const int line = currentLine();
        const QString file = m_file;
        m_file.clear();
        showLocation({file, line, 1});
    } else {
        m_file.clear();
        m_editor->clear();
    }
}

int SourceView::currentLine() const
{
    return m_editor->textCursor().blockNumber() + 1;
}

bool SourceView::showLocation(const SourceLocation &location)
{
    const auto source = m_sources.constFind(location.file);
    if (source == m_sources.constEnd())
        return false;
    if (m_file != location.file) {
        m_file = location.file;
        m_editor->setPlainText(*source);
    }
    m_header->setText(location.line > 0 ? tr("%1, line %2").arg(location.file).arg(location.line)
                                        : location.file);
    const QTextBlock block =
        m_editor->document()->findBlockByNumber(std::max(0, location.line - 1));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        std::clamp(location.column - 1, 0, std::max(0, block.length() - 1)));
    m_editor->setTextCursor(cursor);

    QTextEdit::ExtraSelection line;
    QColor highlight = palette().color(QPalette::Highlight);
    highlight.setAlphaF(0.18);
    line.format.setBackground(highlight);
    line.format.setProperty(QTextFormat::FullWidthSelection, true);
    line.cursor = cursor;
    line.cursor.clearSelection();
    m_editor->setExtraSelections({line});
    // Centring needs the final viewport size: the view may only now be becoming visible.
    QTimer::singleShot(0, m_editor, [editor = m_editor] { editor->centerCursor(); });
    return true;
}

} // namespace Stevedore
