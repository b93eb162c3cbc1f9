#include "engine/kustomizeimages.h"

#include "engine/yamleditor.h"
#include "engine/yamlnodes_p.h"
#include "engine/yamlscalartext_p.h"

#include <QMap>

#include <array>

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace YamlNodes;

namespace {

/// The keys of a kustomize image entry in the order kustomize writes them (its Image type).
constexpr std::array<QByteArrayView, 5> keyOrder{"name", "newName", "tagSuffix", "newTag",
                                                 "digest"};

int keyRank(QByteArrayView key)
{
    for (std::size_t i = 0; i < keyOrder.size(); ++i) {
        if (keyOrder[i] == key)
            return int(i);
    }
    return -1;
}

bool digestWins(const KustomizeImage &image)
{
    return !image.digest.isEmpty() && (image.useDigest || image.tag.isEmpty());
}

/// What one key of the edited entry becomes.
struct Want
{
    enum class Kind
    {
        Absent,
        Keep, ///< `*`: whatever the entry has (nothing in a new entry)
        Value,
    };
    Kind kind = Kind::Absent;
    QByteArray value;
};

Want wantOf(const QString &value)
{
    if (value.isEmpty())
        return {};
    if (value == u"*")
        return {Want::Kind::Keep, {}};
    return {Want::Kind::Value, value.toUtf8()};
}

/// The entry Kargo writes for an image: it replaces the old entry whole.
struct Target
{
    QByteArray name;
    std::array<std::pair<QByteArrayView, Want>, 4> fields;
};

Target targetFor(const KustomizeImage &image)
{
    const bool digest = digestWins(image);
    return {image.image.toUtf8(),
            {{{"newName", wantOf(image.newName)},
              {"tagSuffix", Want{}},
              {"newTag", digest ? Want{} : wantOf(image.tag)},
              {"digest", digest ? wantOf(image.digest) : Want{}}}}};
}

/// The outcome of looking for the next edit an image needs.
struct Step
{
    enum class Kind
    {
        Done,
        Edited,
        Failed,
    };
    Kind kind = Kind::Done;
    QByteArray text;
};

/// Finds and makes one edit at a time; the caller parses the result again before the next, so
/// that every offset used is exact.
class EntryEditor
{
public:
    EntryEditor(const QByteArray &text, const Document &document, const Target &target,
                QString *error)
        : m_text(text)
        , m_document(document)
        , m_target(target)
        , m_eol(lineBreak(text))
        , m_error(error)
    {}

    Step next();

private:
    const Node &node(int index) const { return m_document.node(index); }
    Step edited(qsizetype start, qsizetype end, const QByteArray &replacement) const
    {
        return {Step::Kind::Edited, m_text.left(start) + replacement + m_text.mid(end)};
    }
    Step failed(const QString &message) const
    {
        *m_error = message;
        return {Step::Kind::Failed, {}};
    }

    /// The new entry's keys and values, in kustomize's order.
    QList<std::pair<QByteArray, QByteArray>> newEntryFields() const;
    QByteArray blockEntry(qsizetype dashColumn, qsizetype keyColumn) const;
    QByteArray flowEntry() const;

    Step addImagesKey(int root);
    Step addToEmptyDocument();
    Step replaceNullImages(int key, int value);
    Step editEntry(int listIndex, int item);
    Step setValue(int listIndex, QByteArrayView key, const QByteArray &value);
    Step insertKey(int item, QByteArrayView key, const QByteArray &value);
    Step deleteKey(int item, int keyIndex);
    /// Removes the lines from @p from to the one ending at @p lastLineEnd, with the line
    /// break after them (or before them, at the end of the text).
    Step deleteLines(qsizetype from, qsizetype lastLineEnd);
    Step deleteItem(int list, int index);
    Step insertEntry(int key, int list, int before);

    const QByteArray &m_text;
    const Document &m_document;
    const Target &m_target;
    QByteArray m_eol;
    QString *m_error;
};

Step EntryEditor::next()
{
    if (m_document.root < 0)
        return addToEmptyDocument();
    const int root = m_document.resolve(m_document.root);
    const Node &rootNode = node(root);
    if (rootNode.kind == Node::Kind::Scalar && rootNode.isNull() && rootNode.value.isEmpty())
        return addToEmptyDocument(); // only comments or a bare `---`
    if (rootNode.kind != Node::Kind::Mapping)
        return failed(KustomizeImages::tr("the kustomization file is not a mapping"));

    const int keyIndex = m_document.keyIndex(root, "images");
    if (keyIndex < 0)
        return addImagesKey(root);
    const int key = rootNode.children[std::size_t(keyIndex)];
    const int list = m_document.resolve(rootNode.children[std::size_t(keyIndex) + 1]);
    if (node(list).isNull())
        return replaceNullImages(key, list);
    if (node(list).kind != Node::Kind::Sequence)
        return failed(KustomizeImages::tr("\"images\" is not a list"));

    const std::vector<int> &items = node(list).children;
    bool found = false;
    bool sorted = true;
    int before = int(items.size()); // where a new entry keeps a sorted list sorted
    QByteArray previous;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const int item = m_document.resolve(items[i]);
        if (node(item).kind != Node::Kind::Mapping)
            return failed(KustomizeImages::tr("item %1 of \"images\" is not a mapping").arg(i + 1));
        const int nameNode = m_document.value(item, "name");
        const QByteArray name = nameNode >= 0 && node(nameNode).kind == Node::Kind::Scalar
                                    ? node(nameNode).value
                                    : QByteArray();
        sorted = sorted && previous <= name;
        previous = name;
        if (before == int(items.size()) && m_target.name < name)
            before = int(i);
        if (name != m_target.name)
            continue;
        // Kargo keys the entries by name: a later entry of the same name goes.
        if (found)
            return deleteItem(list, int(i));
        found = true;
        const Step step = editEntry(int(i), item);
        if (step.kind != Step::Kind::Done)
            return step;
    }
    if (found)
        return {};
    return insertEntry(key, list, sorted ? before : int(items.size()));
}

QList<std::pair<QByteArray, QByteArray>> EntryEditor::newEntryFields() const
{
    QList<std::pair<QByteArray, QByteArray>> fields{{"name", m_target.name}};
    for (const auto &[key, want] : m_target.fields) {
        if (want.kind == Want::Kind::Value)
            fields.append({key.toByteArray(), want.value});
    }
    return fields;
}

QByteArray EntryEditor::blockEntry(qsizetype dashColumn, qsizetype keyColumn) const
{
    using YamlScalarText::plainOrQuoted;
    QByteArray entry = QByteArray(dashColumn, ' ') + '-' +
                       QByteArray(std::max<qsizetype>(1, keyColumn - dashColumn - 1), ' ');
    bool first = true;
    for (const auto &[key, value] : newEntryFields()) {
        if (!first)
            entry += m_eol + QByteArray(keyColumn, ' ');
        entry += key + ": " + plainOrQuoted(QString::fromUtf8(value), false);
        first = false;
    }
    return entry;
}

QByteArray EntryEditor::flowEntry() const
{
    QList<QByteArray> parts;
    for (const auto &[key, value] : newEntryFields())
        parts.append(key + ": " + YamlScalarText::plainOrQuoted(QString::fromUtf8(value), true));
    return '{' + parts.join(", ") + '}';
}

Step EntryEditor::addToEmptyDocument()
{
    QByteArray lines = "images:" + m_eol + blockEntry(0, 2) + m_eol;
    if (!m_text.isEmpty() && !isBreak(m_text.back()))
        lines.prepend(m_eol);
    return edited(m_text.size(), m_text.size(), lines);
}

Step EntryEditor::addImagesKey(int root)
{
    const Node &mapping = node(root);
    if (mapping.flow || mapping.inFlow) {
        const QByteArray entry = "images: [" + flowEntry() + ']';
        if (mapping.children.empty())
            return edited(mapping.closeStart, mapping.closeStart, entry);
        const qsizetype at = contentEnd(m_text, m_document, mapping.children.back());
        return edited(at, at, ", " + entry);
    }
    // After the mapping's last line, at its keys' indentation, as kustomize writes a list.
    const qsizetype indent = column(m_text, node(mapping.children.front()).start);
    const QByteArray lines =
        m_eol + QByteArray(indent, ' ') + "images:" + m_eol + blockEntry(indent, indent + 2);
    const qsizetype at = lineEnd(m_text, contentEnd(m_text, m_document, root));
    return edited(at, at, lines);
}

Step EntryEditor::replaceNullImages(int key, int value)
{
    const Node &null = node(value);
    const qsizetype start = scalarStart(m_text, null);
    const qsizetype end = std::max(start, scalarEnd(m_text, null));
    if (null.inFlow) {
        const QByteArray list = '[' + flowEntry() + ']';
        return edited(start, end, start > 0 && m_text[start - 1] == ':' ? ' ' + list : list);
    }
    // `images:`, `images: ~` or `images: null`: the null's text and the blanks around it go
    // (a comment after it stays), and the list starts on the next line.
    qsizetype from = start;
    qsizetype to = end;
    while (to < m_text.size() && isBlank(m_text[to]))
        ++to;
    const qsizetype eol = lineEnd(m_text, to);
    if (to == eol) {
        while (from > 0 && isBlank(m_text[from - 1]))
            --from;
    }
    const qsizetype indent = column(m_text, node(key).start);
    return edited(from, eol, m_text.mid(to, eol - to) + m_eol + blockEntry(indent, indent + 2));
}

Step EntryEditor::editEntry(int listIndex, int item)
{
    // Values first, then missing keys, then keys Kargo's entry does not have: one at a time.
    for (const auto &[key, want] : m_target.fields) {
        const int value = m_document.value(item, key);
        if (want.kind == Want::Kind::Value && value >= 0 &&
            (node(value).kind != Node::Kind::Scalar || node(value).value != want.value))
            return setValue(listIndex, key, want.value);
    }
    for (const auto &[key, want] : m_target.fields) {
        if (want.kind == Want::Kind::Value && m_document.keyIndex(item, key) < 0)
            return insertKey(item, key, want.value);
    }
    for (const auto &[key, want] : m_target.fields) {
        const int keyIndex = m_document.keyIndex(item, key);
        if (want.kind == Want::Kind::Absent && keyIndex >= 0)
            return deleteKey(item, keyIndex);
    }
    return {};
}

Step EntryEditor::setValue(int listIndex, QByteArrayView key, const QByteArray &value)
{
    // YamlEditor rewrites a scalar in the style it has (plain, quoted or block).
    const QString path = u"images."_s + QString::number(listIndex) + u'.' + QString::fromUtf8(key);
    const std::optional<QByteArray> text =
        YamlEditor::update(m_text, {{path, QString::fromUtf8(value)}}, m_error);
    if (!text)
        return {Step::Kind::Failed, {}};
    return {Step::Kind::Edited, *text};
}

Step EntryEditor::insertKey(int item, QByteArrayView key, const QByteArray &value)
{
    const Node &mapping = node(item);
    // After the key that comes last in the file among those kustomize writes before this one
    // (`name` at least), so that kustomize's order holds where it held.
    const int rank = keyRank(key);
    std::size_t after = mapping.children.size() - 2;
    for (std::size_t k = 0; k + 1 < mapping.children.size(); k += 2) {
        const Node &keyNode = node(m_document.resolve(mapping.children[k]));
        const int keyRankHere = keyNode.kind == Node::Kind::Scalar ? keyRank(keyNode.value) : -1;
        if (keyRankHere >= 0 && keyRankHere < rank)
            after = k;
    }
    const int anchorValue = mapping.children[after + 1];
    const QString text = QString::fromUtf8(value);
    if (mapping.flow) {
        const qsizetype at = contentEnd(m_text, m_document, anchorValue);
        return edited(at, at,
                      ", " + key.toByteArray() + ": " + YamlScalarText::plainOrQuoted(text, true));
    }
    const qsizetype indent = column(m_text, node(mapping.children.front()).start);
    const qsizetype at = lineEnd(m_text, contentEnd(m_text, m_document, anchorValue));
    return edited(at, at,
                  m_eol + QByteArray(indent, ' ') + key.toByteArray() + ": " +
                      YamlScalarText::plainOrQuoted(text, false));
}

Step EntryEditor::deleteKey(int item, int keyIndex)
{
    const Node &mapping = node(item);
    const auto k = std::size_t(keyIndex);
    const bool last = k + 2 >= mapping.children.size();
    const qsizetype keyStart = node(mapping.children[k]).start;
    const qsizetype valueEnd = contentEnd(m_text, m_document, mapping.children[k + 1]);
    // `name` always stays, so the entry keeps a key.
    if (!mapping.flow && startsLine(m_text, keyStart)) {
        // The key's whole lines go, its comment with them; lines around it stay.
        return deleteLines(lineStart(m_text, keyStart), lineEnd(m_text, valueEnd));
    }
    // A flow mapping, or the first key after `- `: the next key moves to its place.
    if (!last)
        return edited(keyStart, node(mapping.children[k + 2]).start, {});
    const qsizetype previousEnd = contentEnd(m_text, m_document, mapping.children[k - 1]);
    return edited(previousEnd, valueEnd, {});
}

Step EntryEditor::deleteLines(qsizetype from, qsizetype lastLineEnd)
{
    if (lastLineEnd < m_text.size())
        return edited(from, nextLine(m_text, lastLineEnd), {});
    qsizetype before = from;
    if (before > 0 && m_text[before - 1] == '\n')
        --before;
    if (before > 0 && m_text[before - 1] == '\r')
        --before;
    return edited(before, lastLineEnd, {});
}

Step EntryEditor::deleteItem(int list, int index)
{
    // Only ever a later one of two entries of the same name: an item comes before it.
    const std::vector<int> &items = node(list).children;
    const auto i = std::size_t(index);
    const qsizetype start = node(items[i]).start;
    const qsizetype end = contentEnd(m_text, m_document, items[i]);
    qsizetype dash = start;
    while (dash > 0 && isBlank(m_text[dash - 1]))
        --dash;
    if (!node(list).flow && dash > 0 && m_text[dash - 1] == '-' && startsLine(m_text, dash - 1))
        return deleteLines(lineStart(m_text, dash), lineEnd(m_text, end));
    if (i + 1 < items.size())
        return edited(start, node(items[i + 1]).start, {});
    return edited(contentEnd(m_text, m_document, items[i - 1]), end, {});
}

Step EntryEditor::insertEntry(int key, int list, int before)
{
    const Node &sequence = node(list);
    const std::vector<int> &items = sequence.children;
    const int count = int(items.size());
    if (sequence.flow) {
        const QByteArray entry = flowEntry();
        if (count == 0)
            return edited(sequence.closeStart, sequence.closeStart, entry);
        const qsizetype neighbour = node(items[std::size_t(std::min(before, count - 1))]).start;
        // A list written one item a line gets a line for the new item.
        const bool ownLine = startsLine(m_text, neighbour);
        const QByteArray indent(indentation(m_text, neighbour), ' ');
        if (before < count && ownLine) {
            const qsizetype at = lineStart(m_text, neighbour);
            return edited(at, at, indent + entry + ',' + m_eol);
        }
        if (before < count)
            return edited(neighbour, neighbour, entry + ", ");
        const qsizetype end = contentEnd(m_text, m_document, items.back());
        if (!ownLine)
            return edited(end, end, ", " + entry);
        qsizetype comma = end;
        while (comma < m_text.size() && isBlank(m_text[comma]))
            ++comma;
        if (comma < m_text.size() && m_text[comma] == ',') {
            // A trailing comma after the last item: the new last item gets one too.
            const qsizetype at = lineEnd(m_text, comma);
            return edited(at, at, m_eol + indent + entry + ',');
        }
        return edited(end, end, ',' + m_eol + indent + entry);
    }

    // A block list has an item: the new one is written like it (`- ` at the same column, keys
    // at the same column, in flow style when its neighbour is).
    const Node &first = node(m_document.resolve(items.front()));
    qsizetype dash = first.start;
    while (dash > 0 && isBlank(m_text[dash - 1]))
        --dash;
    const qsizetype dashColumn =
        dash > 0 && m_text[dash - 1] == '-' ? column(m_text, dash - 1) : indentation(m_text, dash);
    qsizetype keyColumn = dashColumn + 2;
    if (first.kind == Node::Kind::Mapping && !first.flow && !first.children.empty())
        keyColumn = column(m_text, node(first.children.front()).start);
    const Node &neighbour = node(m_document.resolve(items[std::size_t(std::max(0, before - 1))]));
    const QByteArray entry = neighbour.flow ? QByteArray(dashColumn, ' ') + "- " + flowEntry()
                                            : blockEntry(dashColumn, keyColumn);
    // After the previous item's last line; the first item goes right after the `images:` line,
    // so that comments over the old first item stay over it.
    const qsizetype at =
        before > 0 ? lineEnd(m_text, contentEnd(m_text, m_document, items[std::size_t(before - 1)]))
                   : lineEnd(m_text, node(key).end);
    return edited(at, at, m_eol + entry);
}

} // namespace

std::optional<QByteArray> KustomizeImages::setImages(const QByteArray &text,
                                                     const QList<KustomizeImage> &images,
                                                     QString *error)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    for (const KustomizeImage &image : images) {
        if (image.image.isEmpty()) {
            message = tr("an image without a name cannot be set");
            return std::nullopt;
        }
        if (image.tag.isEmpty() && image.digest.isEmpty() && image.newName.isEmpty()) {
            message = tr("image \"%1\": no tag, digest or new name to set").arg(image.image);
            return std::nullopt;
        }
    }

    QByteArray result = text;
    for (const KustomizeImage &image : images) {
        const Target target = targetFor(image);
        // An entry needs a handful of edits at most; the bound only guards against a loop.
        for (int round = 0;; ++round) {
            Document document;
            if (!parse(result, &document, &message)) {
                message =
                    round == 0
                        ? tr("cannot parse the kustomization file: %1").arg(message)
                        : tr("the edited kustomization file is not valid YAML (%1)").arg(message);
                return std::nullopt;
            }
            if (round == 256) {
                message = tr("image \"%1\": the entry cannot be edited").arg(image.image);
                return std::nullopt;
            }
            EntryEditor editor(result, document, target, &message);
            const Step step = editor.next();
            if (step.kind == Step::Kind::Failed)
                return std::nullopt;
            if (step.kind == Step::Kind::Done)
                break;
            result = step.text;
        }
    }
    if (!images.isEmpty()) {
        Document document;
        if (!parse(result, &document, &message)) {
            message = tr("the edited kustomization file is not valid YAML (%1)").arg(message);
            return std::nullopt;
        }
    }
    return result;
}

QString KustomizeImages::commitMessage(const QString &path, const QList<KustomizeImage> &images)
{
    // Kargo keys the images by name (the last one given for a name counts) and lists them
    // sorted by name, compared byte by byte as Go compares strings. The text is Kargo's, so it
    // is not translated.
    QMap<QByteArray, KustomizeImage> byName;
    for (const KustomizeImage &image : images)
        byName.insert(image.image.toUtf8(), image);
    if (byName.isEmpty())
        return {};
    QString message = u"Updated "_s + path + u" to use new image"_s;
    if (byName.size() > 1)
        message += u's';
    message += u'\n';
    for (const KustomizeImage &image : std::as_const(byName)) {
        QString reference = image.newName.isEmpty() ? image.image : image.newName;
        if (digestWins(image))
            reference += u'@' + image.digest;
        else if (!image.tag.isEmpty())
            reference += u':' + image.tag;
        message += u"\n- "_s + reference;
    }
    return message;
}

} // namespace Stevedore
