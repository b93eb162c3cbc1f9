#include "engine/yamleditor.h"

#include "engine/yamlscalartext_p.h"

#include <QHash>

#include <vector>
#include <yaml.h>

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace YamlScalarText;

namespace {

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
    Kind kind = Kind::Scalar;
    qsizetype start = 0; ///< includes an anchor or tag
    qsizetype end = 0;
    qsizetype closeStart = 0; ///< of a flow collection: where its `}` or `]` is
    QByteArray value;         ///< a scalar's value, an alias's anchor name
    yaml_scalar_style_t scalarStyle = YAML_ANY_SCALAR_STYLE;
    bool flow = false;         ///< a flow collection
    bool inFlow = false;       ///< inside a flow collection (where `,[]{}` need quoting)
    bool properties = false;   ///< has an anchor or tag
    std::vector<int> children; ///< a mapping's keys and values alternate
};

struct Document
{
    std::vector<Node> nodes;
    QHash<QByteArray, int> anchors;
    int root = -1;
};

class Parser
{
public:
    Parser() { m_ok = yaml_parser_initialize(&m_parser) != 0; }
    ~Parser()
    {
        if (m_ok)
            yaml_parser_delete(&m_parser);
    }
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    bool parse(const QByteArray &text, Document *document, QString *error);

private:
    qsizetype offset(const yaml_mark_t &mark) const
    {
        const auto index = qsizetype(mark.index);
        if (m_offsets.empty())
            return m_bom + index;
        return index < qsizetype(m_offsets.size()) ? m_offsets[std::size_t(index)]
                                                   : m_offsets.back();
    }

    yaml_parser_t m_parser{};
    bool m_ok = false;
    qsizetype m_bom = 0;
    std::vector<qsizetype> m_offsets; ///< byte offset of each character, when not ASCII
};

bool Parser::parse(const QByteArray &text, Document *document, QString *error)
{
    if (!m_ok) {
        *error = YamlEditor::tr("cannot initialize the YAML parser");
        return false;
    }
    m_bom = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    bool ascii = true;
    for (const char c : text)
        ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (!ascii) {
        for (qsizetype i = m_bom; i < text.size(); ++i) {
            if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
                m_offsets.push_back(i);
        }
        m_offsets.push_back(text.size());
    }
    yaml_parser_set_input_string(&m_parser,
                                 reinterpret_cast<const unsigned char *>(text.constData()),
                                 std::size_t(text.size()));

    std::vector<int> stack;
    for (;;) {
        yaml_event_t event;
        if (!yaml_parser_parse(&m_parser, &event)) {
            *error =
                YamlEditor::tr("line %1, column %2: %3")
                    .arg(m_parser.problem_mark.line + 1)
                    .arg(m_parser.problem_mark.column + 1)
                    .arg(QString::fromUtf8(m_parser.problem ? m_parser.problem : "syntax error"));
            return false;
        }
        const yaml_event_type_t type = event.type;
        auto addNode = [&](Node::Kind kind, const yaml_char_t *anchor, const yaml_char_t *tag) {
            Node node;
            node.kind = kind;
            node.start = offset(event.start_mark);
            node.end = offset(event.end_mark);
            node.properties = anchor != nullptr || tag != nullptr;
            node.inFlow = !stack.empty() && (document->nodes[std::size_t(stack.back())].flow ||
                                             document->nodes[std::size_t(stack.back())].inFlow);
            const int index = int(document->nodes.size());
            if (anchor)
                document->anchors.insert(QByteArray(reinterpret_cast<const char *>(anchor)), index);
            if (stack.empty())
                document->root = index;
            else
                document->nodes[std::size_t(stack.back())].children.push_back(index);
            document->nodes.push_back(std::move(node));
            return index;
        };
        switch (type) {
        case YAML_SCALAR_EVENT: {
            const int index =
                addNode(Node::Kind::Scalar, event.data.scalar.anchor, event.data.scalar.tag);
            Node &node = document->nodes[std::size_t(index)];
            node.value = QByteArray(reinterpret_cast<const char *>(event.data.scalar.value),
                                    qsizetype(event.data.scalar.length));
            node.scalarStyle = event.data.scalar.style;
            break;
        }
        case YAML_ALIAS_EVENT: {
            const int index = addNode(Node::Kind::Alias, nullptr, nullptr);
            document->nodes[std::size_t(index)].value =
                QByteArray(reinterpret_cast<const char *>(event.data.alias.anchor));
            break;
        }
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT: {
            const bool mapping = type == YAML_MAPPING_START_EVENT;
            const int index = mapping
                                  ? addNode(Node::Kind::Mapping, event.data.mapping_start.anchor,
                                            event.data.mapping_start.tag)
                                  : addNode(Node::Kind::Sequence, event.data.sequence_start.anchor,
                                            event.data.sequence_start.tag);
            document->nodes[std::size_t(index)].flow =
                mapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                        : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
            stack.push_back(index);
            break;
        }
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT: {
            Node &node = document->nodes[std::size_t(stack.back())];
            node.closeStart = offset(event.start_mark);
            node.end = offset(event.end_mark);
            stack.pop_back();
            break;
        }
        default:
            break;
        }
        yaml_event_delete(&event);
        // Like Kargo (go-yaml's Unmarshal), only the first document is looked at.
        if (type == YAML_DOCUMENT_END_EVENT || type == YAML_STREAM_END_EVENT)
            return true;
    }
}

bool isBreak(char c)
{
    return c == '\n' || c == '\r';
}
bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

qsizetype lineStart(const QByteArray &text, qsizetype position)
{
    while (position > 0 && !isBreak(text[position - 1]))
        --position;
    return position;
}

/// Where the line break of the line holding @p position is (the end of the text if none).
qsizetype lineEnd(const QByteArray &text, qsizetype position)
{
    while (position < text.size() && !isBreak(text[position]))
        ++position;
    return position;
}

qsizetype indentation(const QByteArray &text, qsizetype position)
{
    const qsizetype start = lineStart(text, position);
    qsizetype i = start;
    while (i < text.size() && text[i] == ' ')
        ++i;
    return i - start;
}

bool isBlockScalar(const Node &node)
{
    return node.scalarStyle == YAML_LITERAL_SCALAR_STYLE ||
           node.scalarStyle == YAML_FOLDED_SCALAR_STYLE;
}

/// Where the scalar's own text starts, after its anchor and tag.
qsizetype scalarStart(const QByteArray &text, const Node &node)
{
    qsizetype i = node.start;
    if (!node.properties)
        return i;
    while (i < node.end && (text[i] == '&' || text[i] == '!')) {
        while (i < node.end && !isBlank(text[i]) && !isBreak(text[i]))
            ++i;
        const qsizetype afterProperty = i;
        while (i < node.end && (isBlank(text[i]) || isBreak(text[i]) || text[i] == '#')) {
            if (text[i] == '#')
                i = lineEnd(text, i);
            else
                ++i;
        }
        if (node.value.isEmpty() && node.scalarStyle == YAML_PLAIN_SCALAR_STYLE && i >= node.end)
            return afterProperty;
    }
    return i;
}

/// Where the scalar's own text ends. A block scalar ends with its last non-empty line (its
/// line break and any trailing empty lines stay, as do the lines libyaml reads past).
qsizetype scalarEnd(const QByteArray &text, const Node &node)
{
    if (!isBlockScalar(node))
        return node.end;
    qsizetype end = node.end;
    const qsizetype header = lineEnd(text, scalarStart(text, node));
    while (end > header) {
        const qsizetype start = lineStart(text, end);
        qsizetype i = start;
        while (i < end && isBlank(text[i]))
            ++i;
        if (i < end && !isBreak(text[i]))
            return lineEnd(text, i);
        if (start == 0)
            break;
        end = start - 1; // before the line break
        if (end > 0 && text[end] == '\n' && text[end - 1] == '\r')
            --end;
    }
    return header;
}

/// The end of the last thing written inside @p index (where a new mapping entry goes after).
qsizetype contentEnd(const QByteArray &text, const Document &document, int index)
{
    const Node &node = document.nodes[std::size_t(index)];
    if (node.kind == Node::Kind::Scalar)
        return scalarEnd(text, node);
    if (node.kind == Node::Kind::Alias || node.flow || node.children.empty())
        return node.end;
    return contentEnd(text, document, node.children.back());
}

QString describeKind(Node::Kind kind)
{
    switch (kind) {
    case Node::Kind::Mapping:
        return YamlEditor::tr("a mapping");
    case Node::Kind::Sequence:
        return YamlEditor::tr("a list");
    default:
        return YamlEditor::tr("a scalar");
    }
}

// Keys -----------------------------------------------------------------------------------------

struct KeyPart
{
    QString name;
    bool forcedKey = false; ///< written `:0`: a mapping key even when it looks like an index
};

/// Splits a key as Kargo's yaml-update does (tidwall/sjson's path syntax): `.` separates parts,
/// `\.` and `\:` are literal, and a leading `:` marks a number-looking part as a mapping key.
std::optional<QList<KeyPart>> splitKey(const QString &key, QString *error)
{
    const QString trimmed = key.trimmed();
    if (trimmed.isEmpty()) {
        *error = YamlEditor::tr("empty key");
        return std::nullopt;
    }
    QList<KeyPart> parts;
    KeyPart current;
    bool escaped = false;
    for (const QChar c : trimmed) {
        if (escaped) {
            if (c != u'.' && c != u':') {
                *error = YamlEditor::tr("invalid escape sequence in key \"%1\"").arg(key);
                return std::nullopt;
            }
            current.name += c;
            escaped = false;
        } else if (c == u'\\') {
            escaped = true;
        } else if (c == u'.') {
            if (current.name.isEmpty()) {
                *error = YamlEditor::tr("empty key part in key \"%1\"").arg(key);
                return std::nullopt;
            }
            parts.append(current);
            current = {};
        } else if (c == u':') {
            if (!current.name.isEmpty()) {
                *error = YamlEditor::tr("unexpected colon in key \"%1\"").arg(key);
                return std::nullopt;
            }
            current.forcedKey = true;
        } else {
            current.name += c;
        }
    }
    if (escaped || current.name.isEmpty()) {
        *error = YamlEditor::tr("empty key part in key \"%1\"").arg(key);
        return std::nullopt;
    }
    parts.append(current);
    return parts;
}

// Editing --------------------------------------------------------------------------------------

class Editor
{
public:
    Editor(QByteArray text, const Document &document)
        : m_text(std::move(text))
        , m_document(document)
        , m_eol(m_text.contains("\r\n") ? "\r\n" : "\n")
    {}

    std::optional<QByteArray> apply(const YamlUpdate &update, QString *error);

private:
    const Node &node(int index) const { return m_document.nodes[std::size_t(index)]; }
    int resolve(int index) const;
    std::optional<QByteArray> setScalar(const Node &target, const QVariant &value, QString *error);
    std::optional<QByteArray> addEntries(int mapping, const QList<KeyPart> &missing,
                                         const QVariant &value, QString *error);
    std::optional<QByteArray> newValueText(const QVariant &value, bool inFlow, QString *error);
    QByteArray splice(qsizetype start, qsizetype end, const QByteArray &replacement) const
    {
        return m_text.left(start) + replacement + m_text.mid(end);
    }

    QByteArray m_text;
    const Document &m_document;
    QByteArray m_eol;
    QString m_key;
};

int Editor::resolve(int index) const
{
    // An alias stands for its anchored node; a bounded walk cannot loop on a broken file.
    for (int hops = 0; hops < 64 && node(index).kind == Node::Kind::Alias; ++hops)
        index = m_document.anchors.value(node(index).value, index);
    return index;
}

std::optional<QByteArray> Editor::apply(const YamlUpdate &update, QString *error)
{
    m_key = update.key;
    const std::optional<QList<KeyPart>> parts = splitKey(update.key, error);
    if (!parts)
        return std::nullopt;
    if (m_document.root < 0) {
        *error = YamlEditor::tr("cannot set \"%1\": the file holds no YAML document").arg(m_key);
        return std::nullopt;
    }
    int current = resolve(m_document.root);
    QStringList walked;
    for (qsizetype i = 0; i < parts->size(); ++i) {
        const KeyPart &part = parts->at(i);
        const Node &n = node(current);
        const QString here =
            walked.isEmpty() ? YamlEditor::tr("the document") : u'"' + walked.join(u'.') + u'"';
        walked.append(part.name);
        if (n.kind == Node::Kind::Mapping) {
            int found = -1;
            for (std::size_t k = 0; k + 1 < n.children.size(); k += 2) {
                const Node &keyNode = node(resolve(n.children[k]));
                if (keyNode.kind == Node::Kind::Scalar && keyNode.value == part.name.toUtf8()) {
                    found = n.children[k + 1];
                    break;
                }
            }
            if (found < 0)
                return addEntries(current, parts->mid(i), update.value, error);
            current = resolve(found);
        } else if (n.kind == Node::Kind::Sequence && !part.forcedKey) {
            bool ok = false;
            const qsizetype index = part.name.toLongLong(&ok);
            if (!ok || index < 0) {
                *error =
                    YamlEditor::tr("cannot set \"%1\": %2 is a list and \"%3\" is not a list index")
                        .arg(m_key, here, part.name);
                return std::nullopt;
            }
            if (index >= qsizetype(n.children.size())) {
                *error = YamlEditor::tr(
                             "cannot set \"%1\": index %2 is past the end of the list %3, which "
                             "has %n item(s)",
                             nullptr, int(n.children.size()))
                             .arg(m_key)
                             .arg(index)
                             .arg(here);
                return std::nullopt;
            }
            current = resolve(n.children[std::size_t(index)]);
        } else {
            *error = YamlEditor::tr("cannot set \"%1\": %2 is %3, not a mapping")
                         .arg(m_key, here, describeKind(n.kind));
            return std::nullopt;
        }
    }
    const Node &target = node(current);
    if (target.kind != Node::Kind::Scalar) {
        *error = YamlEditor::tr("cannot set \"%1\": it is %2, not a scalar")
                     .arg(m_key, describeKind(target.kind));
        return std::nullopt;
    }
    return setScalar(target, update.value, error);
}

std::optional<QByteArray> Editor::setScalar(const Node &target, const QVariant &value,
                                            QString *error)
{
    const qsizetype start = scalarStart(m_text, target);
    const qsizetype end = std::max(start, scalarEnd(m_text, target));
    QByteArray replacement;
    if (const std::optional<QByteArray> typed = typedText(value)) {
        // Written plain whatever the old style, so that a number stays a number.
        replacement = *typed;
    } else if (isString(value)) {
        const QString s = value.toString();
        switch (target.scalarStyle) {
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
            replacement = doubleQuoted(s);
            break;
        case YAML_SINGLE_QUOTED_SCALAR_STYLE:
            replacement = s.contains(u'\n') || hasControl(s) ? doubleQuoted(s) : singleQuoted(s);
            break;
        case YAML_LITERAL_SCALAR_STYLE:
        case YAML_FOLDED_SCALAR_STYLE: {
            // Keep the content's indentation; with no content, one step under the key's line.
            const qsizetype header = lineEnd(m_text, start);
            qsizetype indent = indentation(m_text, start) + 2;
            if (end > header)
                indent = indentation(m_text, end);
            const char indicator = target.scalarStyle == YAML_LITERAL_SCALAR_STYLE ? '|' : '>';
            const std::optional<QByteArray> block = blockScalar(s, indicator, indent, m_eol);
            replacement = block ? *block : plainOrQuoted(s, target.inFlow);
            break;
        }
        default:
            replacement = plainOrQuoted(s, target.inFlow);
        }
    } else {
        *error = YamlEditor::tr("cannot set \"%1\": a %2 value cannot be written to YAML")
                     .arg(m_key, QString::fromLatin1(value.typeName()));
        return std::nullopt;
    }
    // An empty value (`key:`) gets the space a written one needs after its colon.
    if (start == end && start > 0 && m_text[start - 1] == ':')
        replacement.prepend(' ');
    return splice(start, end, replacement);
}

std::optional<QByteArray> Editor::newValueText(const QVariant &value, bool inFlow, QString *error)
{
    if (const std::optional<QByteArray> typed = typedText(value))
        return typed;
    if (isString(value))
        return plainOrQuoted(value.toString(), inFlow);
    *error = YamlEditor::tr("cannot set \"%1\": a %2 value cannot be written to YAML")
                 .arg(m_key, QString::fromLatin1(value.typeName()));
    return std::nullopt;
}

std::optional<QByteArray> Editor::addEntries(int mapping, const QList<KeyPart> &missing,
                                             const QVariant &value, QString *error)
{
    const Node &parent = node(mapping);
    const bool flow = parent.flow || parent.inFlow;
    const std::optional<QByteArray> valueText = newValueText(value, flow, error);
    if (!valueText)
        return std::nullopt;

    if (flow) {
        // {a: {b: value}}, inside the existing flow mapping.
        QByteArray entry = *valueText;
        for (qsizetype i = missing.size() - 1; i >= 0; --i) {
            const QByteArray key = plainOrQuoted(missing[i].name, true) + ": ";
            entry = i == missing.size() - 1 ? QByteArray(key + entry)
                                            : QByteArray(key + '{' + entry + '}');
        }
        if (parent.children.empty())
            return splice(parent.closeStart, parent.closeStart, entry);
        const qsizetype at = contentEnd(m_text, m_document, parent.children.back());
        return splice(at, at, ", " + entry);
    }

    // A block mapping: new lines after its last entry's line, at its keys' indentation.
    const qsizetype firstKey = scalarStart(m_text, node(parent.children.front()));
    const qsizetype indent = firstKey - lineStart(m_text, firstKey);
    QByteArray lines;
    for (qsizetype i = 0; i < missing.size(); ++i) {
        lines +=
            m_eol + QByteArray(indent + 2 * i, ' ') + plainOrQuoted(missing[i].name, false) + ':';
        if (i == missing.size() - 1)
            lines += ' ' + *valueText;
    }
    const qsizetype at = lineEnd(m_text, contentEnd(m_text, m_document, mapping));
    return splice(at, at, lines);
}

} // namespace

std::optional<QByteArray> YamlEditor::update(const QByteArray &text,
                                             const QList<YamlUpdate> &updates, QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    QByteArray result = text;
    for (const YamlUpdate &update : updates) {
        // Each update sees the text the previous ones left, parsed afresh: offsets stay exact.
        Document document;
        Parser parser;
        if (!parser.parse(result, &document, &message)) {
            message = tr("cannot parse the YAML file: %1").arg(message);
            return std::nullopt;
        }
        Editor editor(result, document);
        const std::optional<QByteArray> edited = editor.apply(update, &message);
        if (!edited)
            return std::nullopt;
        result = *edited;
    }
    if (!updates.isEmpty()) {
        Document document;
        Parser parser;
        if (!parser.parse(result, &document, &message)) {
            message = tr("the edited file is not valid YAML (%1)").arg(message);
            return std::nullopt;
        }
    }
    return result;
}

} // namespace Stevedore
