#include "engine/yamlsource_p.h"

#include <QHash>
#include <QRegularExpression>
#include <QVariant>

namespace Stevedore::Yaml {

SourceLocation Context::location(const YAML::Mark &mark) const
{
    if (mark.is_null())
        return {file, 0, 0};
    return {file, lineOffset + mark.line + 1, mark.column + 1};
}

void Context::report(Problem::Severity severity, const YAML::Mark &mark,
                     const QString &message) const
{
    problems->append({severity, location(mark), message});
}

void Context::error(const YAML::Node &node, const QString &message) const
{
    report(Problem::Severity::Error, node.Mark(), message);
}

void Context::warning(const YAML::Node &node, const QString &message) const
{
    report(Problem::Severity::Warning, node.Mark(), message);
}

bool isPlainScalar(const YAML::Node &node)
{
    return node.IsScalar() && node.Tag() == "?";
}

QString scalar(const YAML::Node &node)
{
    if (!node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

bool isTemplate(const YAML::Node &node)
{
    if (!node.IsScalar())
        return false;
    const std::string &s = node.Scalar();
    return s.find("${{") != std::string::npos || s.find("${%") != std::string::npos;
}

QVariant toVariant(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QVariantMap map;
        for (auto it = node.begin(); it != node.end(); ++it)
            map.insert(scalar(it->first), toVariant(it->second));
        return map;
    }
    case YAML::NodeType::Sequence: {
        QVariantList list;
        for (auto it = node.begin(); it != node.end(); ++it)
            list.append(toVariant(*it));
        return list;
    }
    case YAML::NodeType::Scalar: {
        const QString text = scalar(node);
        if (!isPlainScalar(node))
            return text;
        if (text == u"true" || text == u"True" || text == u"TRUE")
            return true;
        if (text == u"false" || text == u"False" || text == u"FALSE")
            return false;
        if (text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
            return QVariant();
        bool ok = false;
        const qlonglong integer = text.toLongLong(&ok);
        if (ok)
            return integer;
        const double real = text.toDouble(&ok);
        if (ok)
            return real;
        return text;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QVariant();
}

namespace {

bool isDocumentMarker(QByteArrayView line, QByteArrayView marker)
{
    if (!line.startsWith(marker))
        return false;
    return line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r';
}

QString describeParserError(const std::string &message)
{
    QString text = QString::fromStdString(message);
    if (text.isEmpty())
        text = QStringLiteral("invalid YAML");
    return QStringLiteral("YAML syntax error: ") + text;
}

/// yaml-cpp keeps every pair of a mapping with repeated keys; Kubernetes refuses such
/// documents, and so do we, naming both lines.
void checkDuplicateKeys(const YAML::Node &node, const Context &context, int depth = 0)
{
    if (depth > 200)
        return;
    if (node.IsMap()) {
        QHash<QString, YAML::Mark> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar()) {
                const QString key = scalar(it->first);
                const auto previous = seen.constFind(key);
                if (previous != seen.constEnd()) {
                    context.report(Problem::Severity::Error, it->first.Mark(),
                                   QStringLiteral("duplicate key \"%1\" (first defined at line %2)")
                                       .arg(key)
                                       .arg(context.location(*previous).line));
                } else {
                    seen.insert(key, it->first.Mark());
                }
            }
            checkDuplicateKeys(it->second, context, depth + 1);
        }
    } else if (node.IsSequence()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            checkDuplicateKeys(*it, context, depth + 1);
    }
}

/// A tab in indentation is the commonest hand-editing mistake, and yaml-cpp's message for it
/// ("illegal map value") does not say so.
bool reportTabIndentation(const QByteArray &chunk, const Context &context)
{
    int line = 0;
    for (QByteArrayView rest(chunk); !rest.isEmpty(); ++line) {
        const qsizetype end = rest.indexOf('\n');
        const QByteArrayView text = end < 0 ? rest : rest.first(end);
        qsizetype column = 0;
        while (column < text.size() && text[column] == ' ')
            ++column;
        if (column < text.size() && text[column] == '\t') {
            context.problems->append(
                {Problem::Severity::Error,
                 {context.file, context.lineOffset + line + 1, int(column) + 1},
                 QStringLiteral("YAML syntax error: a tab character cannot indent YAML; use "
                                "spaces")});
            return true;
        }
        rest = end < 0 ? QByteArrayView() : rest.sliced(end + 1);
    }
    return false;
}

} // namespace

std::vector<Document> parseDocuments(const QString &file, const QByteArray &text,
                                     Problems *problems)
{
    // Split at document markers first: each chunk keeps its own first line, so marks inside
    // it only need the chunk's line offset added.
    struct Chunk
    {
        qsizetype begin;
        int firstLine;
    };
    std::vector<Chunk> chunks{{0, 0}};
    int line = 0;
    for (qsizetype pos = 0; pos < text.size(); ++line) {
        qsizetype end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView lineText(text.constData() + pos, end - pos);
        if (isDocumentMarker(lineText, "---") && pos > 0)
            chunks.push_back({pos, line});
        pos = end + 1;
    }

    std::vector<Document> documents;
    for (size_t i = 0; i < chunks.size(); ++i) {
        const qsizetype end = i + 1 < chunks.size() ? chunks[i + 1].begin : text.size();
        const QByteArray chunk = text.mid(chunks[i].begin, end - chunks[i].begin);
        const Context context{file, chunks[i].firstLine, problems};
        try {
            const std::vector<YAML::Node> nodes = YAML::LoadAll(chunk.toStdString());
            for (const YAML::Node &node : nodes) {
                checkDuplicateKeys(node, context);
                documents.push_back({node, chunks[i].firstLine});
            }
        } catch (const YAML::Exception &e) {
            if (!reportTabIndentation(chunk, context))
                context.report(Problem::Severity::Error, e.mark, describeParserError(e.msg));
        }
    }
    return documents;
}

} // namespace Stevedore::Yaml
