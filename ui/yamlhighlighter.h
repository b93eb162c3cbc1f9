#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Stevedore {

/// Highlights YAML manifests: keys, comments, strings, numbers and booleans, anchors and
/// aliases, document markers, and Kargo's `${{ }}` expressions. Used where the Qt 6 build of
/// KSyntaxHighlighting is not available; colours follow the palette, light or dark.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

    /// Picks formats for the current palette (call again when it changes).
    void updateFormats();

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_comment;
    QTextCharFormat m_string;
    QTextCharFormat m_literal;
    QTextCharFormat m_anchor;
    QTextCharFormat m_marker;
    QTextCharFormat m_expression;
};

} // namespace Stevedore
