#include "ui/yamlhighlighter.h"

#include "ui/palettecolors.h"

#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>

namespace Stevedore {

namespace {

bool isDark()
{
    const QColor window = QGuiApplication::palette().color(QPalette::Base);
    return window.lightnessF() < 0.5;
}

QTextCharFormat makeFormat(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    // The light and dark variants suit the usual palettes; any other Base colour still gets
    // text that reads (WCAG 4.5:1).
    f.setForeground(
        PaletteColors::readableOn(color, QGuiApplication::palette().color(QPalette::Base)));
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

/// Where a `#` starts a comment: at the line start or after a space, outside quotes.
qsizetype commentStart(const QString &text)
{
    QChar quote;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == u'"' || c == u'\'') {
            // A quote only opens a string at the start of a value.
            if (i == 0 || text.at(i - 1).isSpace() || text.at(i - 1) == u'[' ||
                text.at(i - 1) == u'{' || text.at(i - 1) == u',')
                quote = c;
            continue;
        }
        if (c == u'#' && (i == 0 || text.at(i - 1).isSpace()))
            return i;
    }
    return -1;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    updateFormats();
}

void YamlHighlighter::updateFormats()
{
    const bool dark = isDark();
    m_key = makeFormat(dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1a, 0x4f, 0xa0), true);
    m_comment = makeFormat(dark ? QColor(0x8b, 0x94, 0x9e) : QColor(0x6a, 0x73, 0x7d), false, true);
    m_string = makeFormat(dark ? QColor(0xa5, 0xd6, 0xa7) : QColor(0x1e, 0x7b, 0x34));
    m_literal = makeFormat(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xb3, 0x50, 0x00));
    m_anchor = makeFormat(dark ? QColor(0xd2, 0xa8, 0xff) : QColor(0x80, 0x3f, 0xb0));
    m_marker = makeFormat(dark ? QColor(0xff, 0xcb, 0x6b) : QColor(0x9a, 0x67, 0x00), true);
    m_expression = makeFormat(dark ? QColor(0xff, 0x9e, 0xc7) : QColor(0xa3, 0x1b, 0x6b));
    rehighlight();
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("^(---|\\.\\.\\.)(\\s|$)"));
    static const QRegularExpression key(
        QStringLiteral("^(\\s*(?:-\\s+)*)([^\\s#'\"\\-][^:#]*?|\"[^\"]*\"|'[^']*')\\s*:(\\s|$)"));
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'"));
    static const QRegularExpression literal(
        QStringLiteral("(?:^\\s*-\\s+|:\\s+|[\\[,{]\\s*)(true|false|null|~|-?\\d+(?:\\.\\d+)?)"
                       "(?=\\s*(?:$|,|\\]|\\}))"));
    static const QRegularExpression anchor(QStringLiteral("(?<=\\s|^)[&*][\\w.-]+"));
    static const QRegularExpression expression(QStringLiteral("\\$\\{\\{.*?\\}\\}|\\$\\{%.*?%\\}"));

    const qsizetype comment = commentStart(text);
    const QString code = comment < 0 ? text : text.left(comment);

    if (auto match = marker.match(code); match.hasMatch())
        setFormat(0, int(match.capturedLength(1)), m_marker);
    if (auto match = key.match(code); match.hasMatch())
        setFormat(int(match.capturedStart(2)), int(match.capturedLength(2)), m_key);
    for (auto it = quoted.globalMatch(code); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_string);
    }
    for (auto it = literal.globalMatch(code); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart(1)), int(match.capturedLength(1)), m_literal);
    }
    for (auto it = anchor.globalMatch(code); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_anchor);
    }
    for (auto it = expression.globalMatch(code); it.hasNext();) {
        const auto match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_expression);
    }
    if (comment >= 0)
        setFormat(int(comment), int(text.size() - comment), m_comment);
}

} // namespace Stevedore
