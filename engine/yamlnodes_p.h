#pragma once

// Private to engine/: the first document of a YAML file as nodes with byte offsets, for the
// editors that change only the bytes that must change (YamlEditor, KustomizeImages,
// HelmChartDependencies). libyaml does not leave the engine's .cpp files; this header names
// none of its types.

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>

#include <vector>

namespace Stevedore::YamlNodes {

/// A node of the first document, with byte offsets into the text (libyaml's marks count
/// characters, so they are translated).
struct Node
{
    enum class Kind
    {
        Scalar,
        Mapping,
        Sequence,
        Alias,
    };
    enum class Style
    {
        Plain,
        SingleQuoted,
        DoubleQuoted,
        Literal,
        Folded,
    };
    Kind kind = Kind::Scalar;
    qsizetype start = 0; ///< includes an anchor or tag
    qsizetype end = 0;
    qsizetype closeStart = 0; ///< of a flow collection: where its `}` or `]` is
    QByteArray value;         ///< a scalar's value, an alias's anchor name
    Style style = Style::Plain;
    bool flow = false;         ///< a flow collection
    bool inFlow = false;       ///< inside a flow collection (where `,[]{}` need quoting)
    bool properties = false;   ///< has an anchor or tag
    std::vector<int> children; ///< a mapping's keys and values alternate

    bool isBlockScalar() const { return style == Style::Literal || style == Style::Folded; }
    /// A plain empty, `~` or `null` scalar: YAML's null, as a missing value is written.
    bool isNull() const;
};

struct Document
{
    std::vector<Node> nodes;
    QHash<QByteArray, int> anchors;
    int root = -1; ///< -1 when the text holds no document

    const Node &node(int index) const { return nodes[std::size_t(index)]; }
    /// The node an alias stands for (the node itself when it is no alias).
    int resolve(int index) const;
    /// The index of the key in @p mapping whose scalar value is @p key, or -1. The value is
    /// the next child.
    int keyIndex(int mapping, QByteArrayView key) const;
    /// The value of @p key in @p mapping (aliases resolved), or -1.
    int value(int mapping, QByteArrayView key) const;
};

/// Parses the first document of @p text (like go-yaml's Unmarshal, as Kargo reads files).
/// False with @p error set to "line L, column C: problem" at a syntax error.
bool parse(const QByteArray &text, Document *document, QString *error);

inline bool isBreak(char c)
{
    return c == '\n' || c == '\r';
}
inline bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}
/// The line break the file mostly uses: CRLF when it has one, LF otherwise.
inline QByteArray lineBreak(const QByteArray &text)
{
    return text.contains("\r\n") ? QByteArray("\r\n") : QByteArray("\n");
}

qsizetype lineStart(const QByteArray &text, qsizetype position);
/// Where the line break of the line holding @p position is (the end of the text if none).
qsizetype lineEnd(const QByteArray &text, qsizetype position);
/// Just after the line break at @p position (which lineEnd() returned); @p position itself at
/// the end of the text.
qsizetype nextLine(const QByteArray &text, qsizetype position);
/// The spaces before the first character of the line holding @p position.
qsizetype indentation(const QByteArray &text, qsizetype position);
/// The column of @p position (bytes after the start of its line).
inline qsizetype column(const QByteArray &text, qsizetype position)
{
    return position - lineStart(text, position);
}
/// Whether only blanks stand before @p position on its line.
bool startsLine(const QByteArray &text, qsizetype position);

/// Where the scalar's own text starts, after its anchor and tag.
qsizetype scalarStart(const QByteArray &text, const Node &node);
/// Where the scalar's own text ends. A block scalar ends with its last non-empty line (its
/// line break and any trailing empty lines stay, as do the lines libyaml reads past).
qsizetype scalarEnd(const QByteArray &text, const Node &node);
/// The end of the last thing written inside @p index (where a new entry goes after).
qsizetype contentEnd(const QByteArray &text, const Document &document, int index);

} // namespace Stevedore::YamlNodes
