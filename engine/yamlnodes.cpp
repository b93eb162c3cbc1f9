#include "engine/yamlnodes_p.h"

#include <QCoreApplication>

#include <yaml.h>

namespace Stevedore::YamlNodes {

namespace {

Node::Style styleOf(yaml_scalar_style_t style)
{
    switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        return Node::Style::SingleQuoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        return Node::Style::DoubleQuoted;
    case YAML_LITERAL_SCALAR_STYLE:
        return Node::Style::Literal;
    case YAML_FOLDED_SCALAR_STYLE:
        return Node::Style::Folded;
    default:
        return Node::Style::Plain;
    }
}

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

// The messages keep YamlEditor's translation context, where they were first written.
bool Parser::parse(const QByteArray &text, Document *document, QString *error)
{
    if (!m_ok) {
        *error = QCoreApplication::translate("YamlEditor", "cannot initialize the YAML parser");
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
                QCoreApplication::translate("YamlEditor", "line %1, column %2: %3")
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
            node.style = styleOf(event.data.scalar.style);
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

} // namespace

bool Node::isNull() const
{
    return kind == Kind::Scalar && style == Style::Plain && !properties &&
           (value.isEmpty() || value == "~" || value == "null" || value == "Null" ||
            value == "NULL");
}

int Document::resolve(int index) const
{
    // An alias stands for its anchored node; a bounded walk cannot loop on a broken file.
    for (int hops = 0; hops < 64 && node(index).kind == Node::Kind::Alias; ++hops)
        index = anchors.value(node(index).value, index);
    return index;
}

int Document::keyIndex(int mapping, QByteArrayView key) const
{
    const Node &n = node(mapping);
    if (n.kind != Node::Kind::Mapping)
        return -1;
    for (std::size_t k = 0; k + 1 < n.children.size(); k += 2) {
        const Node &keyNode = node(resolve(n.children[k]));
        if (keyNode.kind == Node::Kind::Scalar && keyNode.value == key)
            return int(k);
    }
    return -1;
}

int Document::value(int mapping, QByteArrayView key) const
{
    const int k = keyIndex(mapping, key);
    return k < 0 ? -1 : resolve(node(mapping).children[std::size_t(k) + 1]);
}

bool parse(const QByteArray &text, Document *document, QString *error)
{
    Parser parser;
    return parser.parse(text, document, error);
}

qsizetype lineStart(const QByteArray &text, qsizetype position)
{
    while (position > 0 && !isBreak(text[position - 1]))
        --position;
    return position;
}

qsizetype lineEnd(const QByteArray &text, qsizetype position)
{
    while (position < text.size() && !isBreak(text[position]))
        ++position;
    return position;
}

qsizetype nextLine(const QByteArray &text, qsizetype position)
{
    if (position < text.size() && text[position] == '\r')
        ++position;
    if (position < text.size() && text[position] == '\n')
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

bool startsLine(const QByteArray &text, qsizetype position)
{
    for (qsizetype i = lineStart(text, position); i < position; ++i) {
        if (!isBlank(text[i]))
            return false;
    }
    return true;
}

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
        if (node.value.isEmpty() && node.style == Node::Style::Plain && i >= node.end)
            return afterProperty;
    }
    return i;
}

qsizetype scalarEnd(const QByteArray &text, const Node &node)
{
    if (!node.isBlockScalar())
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

qsizetype contentEnd(const QByteArray &text, const Document &document, int index)
{
    const Node &node = document.node(index);
    if (node.kind == Node::Kind::Scalar)
        return scalarEnd(text, node);
    if (node.kind == Node::Kind::Alias || node.flow || node.children.empty())
        return node.end;
    return contentEnd(text, document, node.children.back());
}

} // namespace Stevedore::YamlNodes
