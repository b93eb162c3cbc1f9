#pragma once

#include <QSyntaxHighlighter>

namespace Stevedore {

/// Colours a unified diff: file headers, hunk headers, added and removed lines, in colours
/// that read on light and dark palettes.
class DiffHighlighter : public QSyntaxHighlighter
{
public:
    explicit DiffHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;
};

} // namespace Stevedore
