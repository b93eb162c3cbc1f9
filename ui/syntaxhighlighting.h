#pragma once

class QSyntaxHighlighter;
class QTextDocument;

namespace Stevedore {

/// The one place that chooses a highlighter: KSyntaxHighlighting's YAML definition when the
/// Qt 6 build of the library was found at configure time, our own YamlHighlighter otherwise.
QSyntaxHighlighter *createYamlHighlighter(QTextDocument *document);

} // namespace Stevedore
