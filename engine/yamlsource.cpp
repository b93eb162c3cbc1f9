#include "engine/yamlsource_p.h"

#include <QHash>
#include <QRegularExpression>
#include <QSemaphore>
#include <QThreadPool>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <optional>
#include <sstream>
#include <yaml-cpp/eventhandler.h>

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
    else if (message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ)
        text += QStringLiteral("; check the indentation of this line");
    return QStringLiteral("YAML syntax error: ") + text;
}

/// Remembers the collections the parser has opened and not yet closed.
class OpenCollections : public YAML::EventHandler
{
public:
    struct Open
    {
        YAML::Mark mark;
        bool sequence;
        bool flow;
    };
    std::vector<Open> open;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override
    {}
    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value style) override
    {
        open.push_back({mark, true, style == YAML::EmitterStyle::Flow});
    }
    void OnSequenceEnd() override { open.pop_back(); }
    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value style) override
    {
        open.push_back({mark, false, style == YAML::EmitterStyle::Flow});
    }
    void OnMapEnd() override { open.pop_back(); }
};

/// yaml-cpp reports an unclosed `[` or `{` at the end of the input, which may be many lines
/// away from the mistake; this finds where the unclosed collection starts.
bool reportUnclosedFlow(const std::string &chunk, const std::string &message,
                        const Context &context)
{
    const bool sequence = message == YAML::ErrorMsg::END_OF_SEQ_FLOW;
    if (!sequence && message != YAML::ErrorMsg::END_OF_MAP_FLOW)
        return false;
    std::istringstream input(chunk);
    YAML::Parser parser(input);
    OpenCollections collections;
    try {
        while (parser.HandleNextDocument(collections)) {
        }
    } catch (const YAML::Exception &) {
    }
    for (auto it = collections.open.rbegin(); it != collections.open.rend(); ++it) {
        if (it->flow && it->sequence == sequence) {
            context.report(Problem::Severity::Error, it->mark,
                           sequence ? QStringLiteral("YAML syntax error: this \"[\" list is "
                                                     "never closed with \"]\"")
                                    : QStringLiteral("YAML syntax error: this \"{\" mapping is "
                                                     "never closed with \"}\""));
            return true;
        }
    }
    return false;
}

/// yaml-cpp 0.7 never gets past a token that cannot start a node, such as a `,` outside a flow
/// collection: LoadAll() then collects null documents until memory runs out (yaml-cpp issue
/// 1040, found by fuzzing). Reads the events first and stops at a document that starts where
/// the one before it did; yaml-cpp's own errors come out of this as they would from LoadAll().
std::vector<YAML::Node> loadAll(const std::string &input)
{
    class Progress : public YAML::EventHandler
    {
    public:
        explicit Progress(const std::string &input)
            : m_input(input)
        {}
        void OnDocumentStart(const YAML::Mark &mark) override
        {
            if (m_started && mark.pos == m_last.pos) {
                const std::size_t pos = std::size_t(std::max(mark.pos, 0));
                const char c = pos < m_input.size() ? m_input[pos] : '\0';
                throw YAML::ParserException(mark, c > ' ' && c < 0x7f
                                                      ? "unexpected \"" + std::string(1, c) + '"'
                                                      : std::string("unexpected character"));
            }
            m_started = true;
            m_last = mark;
        }
        void OnDocumentEnd() override {}
        void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
        void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
        void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                      const std::string &) override
        {}
        void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                             YAML::EmitterStyle::value) override
        {}
        void OnSequenceEnd() override {}
        void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                        YAML::EmitterStyle::value) override
        {}
        void OnMapEnd() override {}

    private:
        const std::string &m_input;
        YAML::Mark m_last;
        bool m_started = false;
    };

    std::istringstream stream(input);
    YAML::Parser parser(stream);
    Progress progress(input);
    while (parser.HandleNextDocument(progress)) {
    }
    return YAML::LoadAll(input);
}

/// yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the input when the input ends
/// with a line break, silently swallowing the rest of the document. Finds such a scalar.
std::optional<YAML::Mark> unclosedQuote(const YAML::Node &node, const QByteArray &chunk,
                                        int depth = 0)
{
    if (depth > 200)
        return std::nullopt;
    if (node.IsScalar()) {
        if (isPlainScalar(node) || node.Mark().is_null())
            return std::nullopt;
        // yaml-cpp does not count a byte order mark in positions.
        const qsizetype bom = chunk.startsWith("\xEF\xBB\xBF") ? 3 : 0;
        const qsizetype start = bom + node.Mark().pos;
        if (start >= chunk.size())
            return std::nullopt;
        const char quote = chunk.at(start);
        if (quote != '"' && quote != '\'')
            return std::nullopt;
        for (qsizetype i = start + 1; i < chunk.size(); ++i) {
            const char c = chunk.at(i);
            if (quote == '"' && c == '\\')
                ++i;
            else if (c == quote && quote == '\'' && i + 1 < chunk.size() && chunk.at(i + 1) == '\'')
                ++i;
            else if (c == quote)
                return std::nullopt;
        }
        return node.Mark();
    }
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (auto mark = unclosedQuote(it->first, chunk, depth + 1))
                return mark;
            if (auto mark = unclosedQuote(it->second, chunk, depth + 1))
                return mark;
        }
    } else if (node.IsSequence()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (auto mark = unclosedQuote(*it, chunk, depth + 1))
                return mark;
        }
    }
    return std::nullopt;
}

/// yaml-cpp 0.7 keeps YAML merge keys (`<<: *defaults`) as ordinary keys. Kubernetes merges
/// them, so we do too: the mapping's own keys win over merged ones, and earlier merged
/// mappings over later ones. Merged nodes keep their marks, so problems in them point at the
/// anchored original.
void resolveMergeKeys(YAML::Node node, int depth = 0)
{
    if (depth > 200)
        return;
    if (node.IsSequence()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            resolveMergeKeys(*it, depth + 1);
        return;
    }
    if (!node.IsMap())
        return;
    std::vector<YAML::Node> sources;
    bool merges = false;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const bool mergeKey = isPlainScalar(it->first) && it->first.Scalar() == "<<";
        if (mergeKey && it->second.IsMap()) {
            sources.push_back(it->second);
        } else if (mergeKey && it->second.IsSequence() &&
                   std::all_of(it->second.begin(), it->second.end(),
                               [](const YAML::Node &item) { return item.IsMap(); })) {
            for (auto item = it->second.begin(); item != it->second.end(); ++item)
                sources.push_back(*item);
        } else {
            // Anything else after "<<" is left alone, to be reported as an unknown field.
            resolveMergeKeys(it->second, depth + 1);
            continue;
        }
        merges = true;
    }
    if (!merges)
        return;
    for (const YAML::Node &source : sources)
        resolveMergeKeys(source, depth + 1);
    node.remove(std::string("<<"));
    const auto contains = [&](const std::string &key) {
        return std::any_of(node.begin(), node.end(), [&](const auto &pair) {
            return pair.first.IsScalar() && pair.first.Scalar() == key;
        });
    };
    for (const YAML::Node &source : sources) {
        for (auto it = source.begin(); it != source.end(); ++it) {
            if (it->first.IsScalar() && !contains(it->first.Scalar()))
                node.force_insert(it->first, it->second);
        }
    }
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
/// ("illegal map value") does not say so. Only the line yaml-cpp stopped at is looked at: a tab
/// elsewhere may be content of a block scalar, and the error about something else.
bool reportTabIndentation(const QByteArray &chunk, const YAML::Mark &mark, const Context &context)
{
    if (mark.is_null())
        return false;
    QByteArrayView rest(chunk);
    for (int line = 0; line < mark.line; ++line) {
        const qsizetype end = rest.indexOf('\n');
        if (end < 0)
            return false;
        rest = rest.sliced(end + 1);
    }
    const qsizetype end = rest.indexOf('\n');
    const QByteArrayView text = end < 0 ? rest : rest.first(end);
    qsizetype column = 0;
    while (column < text.size() && text[column] == ' ')
        ++column;
    if (column >= text.size() || text[column] != '\t')
        return false;
    context.problems->append({Problem::Severity::Error,
                              {context.file, context.lineOffset + mark.line + 1, int(column) + 1},
                              QStringLiteral("YAML syntax error: a tab character cannot indent "
                                             "YAML; use spaces")});
    return true;
}

} // namespace

std::vector<Document> parseDocuments(const QString &file, const QByteArray &text,
                                     Problems *problems)
{
    /// From this many documents on, a file is parsed on the thread pool.
    constexpr size_t parallelChunks = 16;
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

    // Chunks parse independently, so a long file (hundreds of resources) is parsed on every
    // core; their documents and problems are put back together in file order.
    struct Parsed
    {
        std::vector<Document> documents;
        Problems problems;
    };
    const auto parseChunk = [&](size_t i) {
        Parsed parsed;
        const qsizetype end = i + 1 < chunks.size() ? chunks[i + 1].begin : text.size();
        const QByteArray chunk = text.mid(chunks[i].begin, end - chunks[i].begin);
        const Context context{file, chunks[i].firstLine, &parsed.problems};
        const std::string input = chunk.toStdString();
        const auto reportUnclosedQuote = [&](const std::vector<YAML::Node> &nodes) {
            for (const YAML::Node &node : nodes) {
                if (const auto mark = unclosedQuote(node, chunk)) {
                    context.report(Problem::Severity::Error, *mark,
                                   QStringLiteral("YAML syntax error: this quoted string is "
                                                  "never closed"));
                    return true;
                }
            }
            return false;
        };
        try {
            const std::vector<YAML::Node> nodes = loadAll(input);
            if (reportUnclosedQuote(nodes))
                return parsed;
            for (const YAML::Node &node : nodes) {
                checkDuplicateKeys(node, context);
                resolveMergeKeys(node);
                parsed.documents.push_back({node, chunks[i].firstLine});
            }
        } catch (const YAML::Exception &e) {
            if (reportTabIndentation(chunk, e.mark, context) ||
                reportUnclosedFlow(input, e.msg, context))
                return parsed;
            // Without a final line break yaml-cpp does notice an unclosed quote, but only at
            // the end of the input; with one, it parses and the quote can be found.
            if (e.msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
                try {
                    if (reportUnclosedQuote(loadAll(input + '\n')))
                        return parsed;
                } catch (const YAML::Exception &) {
                }
            }
            context.report(Problem::Severity::Error, e.mark, describeParserError(e.msg));
        }
        return parsed;
    };

    std::vector<Parsed> results(chunks.size());
    // Each yaml-cpp parser and node tree is confined to the task that made it. Helpers are
    // only taken from the global pool when a thread is free right now (tryStart), so a parse
    // started from a pool thread never waits on tasks queued behind it; this thread parses
    // too, and whatever no helper took.
    std::atomic<size_t> next{0};
    const auto work = [&] {
        for (size_t i = next++; i < chunks.size(); i = next++)
            results[i] = parseChunk(i);
    };
    int helpers = 0;
    QSemaphore finished;
    if (chunks.size() >= parallelChunks) {
        QThreadPool *pool = QThreadPool::globalInstance();
        for (int i = 1; i < pool->maxThreadCount(); ++i) {
            if (!pool->tryStart([&] {
                    work();
                    finished.release();
                }))
                break;
            ++helpers;
        }
    }
    work();
    finished.acquire(helpers);
    std::vector<Document> documents;
    for (Parsed &parsed : results) {
        for (Document &document : parsed.documents)
            documents.push_back(std::move(document));
        if (problems)
            problems->append(parsed.problems);
    }
    return documents;
}

} // namespace Stevedore::Yaml
