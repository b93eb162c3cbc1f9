#include "engine/yamleditor.h"

#include "engine/yamlnodes_p.h"
#include "engine/yamlscalartext_p.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace YamlNodes;
using namespace YamlScalarText;

namespace {

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

/// The node @p parts lead to in @p document (aliases resolved), or -1 when they lead nowhere.
int lookUp(const Document &document, const QList<KeyPart> &parts)
{
    if (document.root < 0)
        return -1;
    int current = document.resolve(document.root);
    for (const KeyPart &part : parts) {
        const Node &n = document.node(current);
        if (n.kind == Node::Kind::Mapping) {
            current = document.value(current, part.name.toUtf8());
        } else if (n.kind == Node::Kind::Sequence && !part.forcedKey) {
            bool ok = false;
            const qsizetype index = part.name.toLongLong(&ok);
            if (!ok || index < 0 || index >= qsizetype(n.children.size()))
                return -1;
            current = document.resolve(n.children[std::size_t(index)]);
        } else {
            return -1;
        }
        if (current < 0)
            return -1;
    }
    return current;
}

/// Whether @p document, the edited text parsed again, has @p update's value at its key: the
/// editor checks its own work, so that a layout it does not handle (found by fuzzing: explicit
/// `?` keys, a byte order mark, a key without a colon in a flow mapping) fails with a message
/// instead of writing a file that means something else.
bool landed(const Document &document, const YamlUpdate &update)
{
    QString ignored;
    const std::optional<QList<KeyPart>> parts = splitKey(update.key, &ignored);
    if (!parts)
        return false;
    const int target = lookUp(document, *parts);
    if (target < 0 || document.node(target).kind != Node::Kind::Scalar)
        return false;
    const std::optional<QByteArray> typed = typedText(update.value);
    return document.node(target).value == (typed ? *typed : update.value.toString().toUtf8());
}

// Editing --------------------------------------------------------------------------------------

class Editor
{
public:
    Editor(QByteArray text, const Document &document)
        : m_text(std::move(text))
        , m_document(document)
        , m_eol(lineBreak(m_text))
    {}

    std::optional<QByteArray> apply(const YamlUpdate &update, QString *error);

private:
    const Node &node(int index) const { return m_document.nodes[std::size_t(index)]; }
    int resolve(int index) const { return m_document.resolve(index); }
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
        switch (target.style) {
        case Node::Style::DoubleQuoted:
            replacement = doubleQuoted(s);
            break;
        case Node::Style::SingleQuoted:
            replacement = s.contains(u'\n') || hasControl(s) ? doubleQuoted(s) : singleQuoted(s);
            break;
        case Node::Style::Literal:
        case Node::Style::Folded: {
            // Keep the content's indentation; with no content, one step under the key's line.
            const qsizetype header = lineEnd(m_text, start);
            qsizetype indent = indentation(m_text, start) + 2;
            if (end > header)
                indent = indentation(m_text, end);
            const char indicator = target.style == Node::Style::Literal ? '|' : '>';
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
    // An empty value gets the space a written one needs after what stands before it: a key's
    // colon (`key:`), a list's dash (`-`), or a tag or anchor (`key: !!str`), which would
    // otherwise run on into the new text.
    if (start == end && start > 0 && !isBlank(m_text[start - 1]) && !isBreak(m_text[start - 1]))
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

    // A block mapping: new lines after its last entry's line, at its keys' indentation: the
    // column of the first key's anchor or tag or text, or of the `?` of an explicit key.
    qsizetype firstKey = node(parent.children.front()).start;
    qsizetype before = firstKey;
    while (before > lineStart(m_text, firstKey) && isBlank(m_text[before - 1]))
        --before;
    if (before > 0 && m_text[before - 1] == '?')
        firstKey = before - 1;
    qsizetype indent = column(m_text, firstKey);
    // A byte order mark before the first key takes no column.
    if (lineStart(m_text, firstKey) == 0 && m_text.startsWith("\xEF\xBB\xBF"))
        indent -= 3;
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
    if (updates.isEmpty())
        return text;
    QByteArray result = text;
    Document document;
    if (!parse(result, &document, &message)) {
        message = tr("cannot parse the YAML file: %1").arg(message);
        return std::nullopt;
    }
    for (const YamlUpdate &update : updates) {
        // Each update sees the text the previous ones left, parsed afresh: offsets stay exact.
        std::optional<QByteArray> edited;
        {
            Editor editor(result, document);
            edited = editor.apply(update, &message);
        }
        if (!edited)
            return std::nullopt;
        Document next;
        if (!parse(*edited, &next, &message)) {
            message = tr("the edited file is not valid YAML (%1)").arg(message);
            return std::nullopt;
        }
        if (!landed(next, update)) {
            message = tr("cannot set \"%1\": written here, the value would not end up at that key "
                         "(the file is laid out in a way this editor does not handle)")
                          .arg(update.key);
            return std::nullopt;
        }
        result = std::move(*edited);
        document = std::move(next);
    }
    return result;
}

} // namespace Stevedore
