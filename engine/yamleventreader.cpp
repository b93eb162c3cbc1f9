#include "engine/yamleventreader_p.h"

#include <QIODevice>

#include <cstdio>
#include <cstring>
#include <yaml.h>

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

// Anchored nodes are copied while they are parsed, so that aliases to them can be replayed;
// past this many bytes of copies, further anchors are remembered by name only.
constexpr qint64 maxRecordedBytes = 16 * 1024 * 1024;
// Aliases inside aliased nodes can expand exponentially ("billion laughs").
constexpr qint64 maxReplayedEvents = 1'000'000;
constexpr std::size_t maxAliasNesting = 64;
constexpr qint64 chunkSize = 64 * 1024;
// The longest escape rewritten in JSON input: "\uD83D\uDE00".
constexpr qsizetype surrogateEscapeLength = 12;

YamlEventReader::Mark markOf(const yaml_mark_t &mark)
{
    return {qint64(mark.line) + 1, qint64(mark.column) + 1};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The four hex digits at @p p as a number, or -1.
int hex4(const char *p)
{
    int value = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = hexValue(p[i]);
        if (digit < 0)
            return -1;
        value = value * 16 + digit;
    }
    return value;
}

QByteArrayView anchorView(const yaml_char_t *anchor)
{
    return anchor ? QByteArrayView(reinterpret_cast<const char *>(anchor)) : QByteArrayView();
}

} // namespace

/// Feeds libyaml from the QIODevice. JSON input (the first thing in it is `{` or `[`) may escape
/// characters outside the BMP as UTF-16 surrogate pairs (`\uD83D\uDE00`), which YAML does not
/// have and libyaml rejects; inside JSON strings those become YAML's `\U0001F600`. Both spell the
/// same string, and the rewrite is never longer than the original. (A YAML flow document that
/// starts with `{` gets the same treatment; only a literal `\uD83D\uDE00` in one of its single-
/// quoted or plain scalars would be changed by it.)
class YamlEventReader::Input
{
public:
    explicit Input(QIODevice &device)
        : m_device(device)
    {}

    bool read(unsigned char *buffer, std::size_t size, std::size_t *sizeRead)
    {
        *sizeRead = 0;
        while (m_outPosition == m_out.size() && !(m_eof && m_raw.isEmpty())) {
            if (!m_decided || m_json || !m_raw.isEmpty()) {
                if (!refill())
                    return false;
                continue;
            }
            // Plain YAML: straight from the device into libyaml's buffer.
            const qint64 n = readDevice(reinterpret_cast<char *>(buffer), qint64(size));
            if (n < 0)
                return false;
            *sizeRead = std::size_t(n);
            return true;
        }
        const qsizetype n = std::min(qsizetype(size), m_out.size() - m_outPosition);
        std::memcpy(buffer, m_out.constData() + m_outPosition, std::size_t(n));
        m_outPosition += n;
        *sizeRead = std::size_t(n);
        return true;
    }

    QString error;

private:
    // Bytes read, 0 at the end, -1 on error.
    qint64 readDevice(char *data, qint64 size)
    {
        for (;;) {
            const qint64 n = m_device.read(data, size);
            if (n < 0) {
                error = m_device.errorString();
                return -1;
            }
            if (n > 0)
                return n;
            // A socket or pipe may simply have nothing yet; a file or buffer is at its end.
            if (!m_device.isSequential() || !m_device.waitForReadyRead(30'000)) {
                m_eof = true;
                return 0;
            }
        }
    }

    bool refill()
    {
        if (!m_eof) {
            const qsizetype old = m_raw.size();
            m_raw.resize(old + chunkSize);
            const qint64 n = readDevice(m_raw.data() + old, chunkSize);
            m_raw.resize(old + std::max<qint64>(n, 0));
            if (n < 0)
                return false;
        }
        if (!m_decided)
            decide();
        m_out.resize(m_raw.size());
        m_outPosition = 0;
        if (!m_json || !m_decided) {
            // Undecided means only whitespace so far: nothing to rewrite in it.
            std::swap(m_out, m_raw);
            m_raw.clear();
            return true;
        }
        // Keep the tail that could be the start of an escape until more input arrives.
        const qsizetype limit = m_eof ? m_raw.size() : m_raw.size() - surrogateEscapeLength;
        const char *in = m_raw.constData();
        const qsizetype size = m_raw.size();
        char *out = m_out.data();
        qsizetype o = 0;
        qsizetype i = 0;
        while (i < limit) {
            const char c = in[i];
            if (!m_inString) {
                m_inString = c == '"';
                out[o++] = c;
                ++i;
            } else if (c == '"') {
                m_inString = false;
                out[o++] = c;
                ++i;
            } else if (c != '\\') {
                out[o++] = c;
                ++i;
            } else if (i + 1 >= size) {
                out[o++] = c;
                ++i;
            } else if (const char32_t pair = surrogatePair(in + i, size - i); pair != 0) {
                o += std::snprintf(out + o, 11, "\\U%08X", unsigned(pair));
                i += surrogateEscapeLength;
            } else {
                out[o++] = c;
                out[o++] = in[i + 1];
                i += 2;
            }
        }
        m_out.resize(o);
        m_raw.remove(0, i);
        return true;
    }

    // The code point of a `\uHHHH\uLLLL` surrogate pair at @p p, or 0.
    static char32_t surrogatePair(const char *p, qsizetype available)
    {
        if (available < surrogateEscapeLength || p[1] != 'u' || p[6] != '\\' || p[7] != 'u')
            return 0;
        const int high = hex4(p + 2);
        const int low = hex4(p + 8);
        if (high < 0xD800 || high > 0xDBFF || low < 0xDC00 || low > 0xDFFF)
            return 0;
        return char32_t(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00));
    }

    void decide()
    {
        qsizetype i = 0;
        if (m_raw.startsWith("\xEF\xBB\xBF"))
            i = 3;
        const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
        while (i < m_raw.size() && isSpace(m_raw.at(i)))
            ++i;
        if (i < m_raw.size()) {
            m_decided = true;
            m_json = m_raw.at(i) == '{' || m_raw.at(i) == '[';
        } else if (m_eof) {
            m_decided = true;
        }
    }

    QIODevice &m_device;
    QByteArray m_raw; ///< read, not yet handed on
    QByteArray m_out; ///< ready for libyaml
    qsizetype m_outPosition = 0;
    bool m_eof = false;
    bool m_decided = false;
    bool m_json = false;
    bool m_inString = false;
};

/// libyaml's parser and the event it produced last, freed by their own functions.
class YamlEventReader::Parser
{
public:
    explicit Parser(Input *input)
    {
        m_initialized = yaml_parser_initialize(&m_parser) != 0;
        if (m_initialized)
            yaml_parser_set_input(&m_parser, &Parser::readHandler, input);
    }
    ~Parser()
    {
        clearEvent();
        if (m_initialized)
            yaml_parser_delete(&m_parser);
    }
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    bool initialized() const { return m_initialized; }

    bool parse()
    {
        clearEvent();
        if (!yaml_parser_parse(&m_parser, &m_event))
            return false;
        m_hasEvent = true;
        return true;
    }

    const yaml_event_t &event() const { return m_event; }
    const yaml_parser_t &parser() const { return m_parser; }

private:
    static int readHandler(void *data, unsigned char *buffer, std::size_t size,
                           std::size_t *sizeRead)
    {
        return static_cast<Input *>(data)->read(buffer, size, sizeRead) ? 1 : 0;
    }

    void clearEvent()
    {
        if (m_hasEvent)
            yaml_event_delete(&m_event);
        m_hasEvent = false;
    }

    yaml_parser_t m_parser{};
    yaml_event_t m_event{};
    bool m_initialized = false;
    bool m_hasEvent = false;
};

bool YamlEventReader::Event::isNull() const
{
    return type == Type::Scalar && plain &&
           (value.isEmpty() || value == "~" || value == "null" || value == "Null" ||
            value == "NULL");
}

YamlEventReader::YamlEventReader(QIODevice &input, QString sourceName)
    : m_sourceName(std::move(sourceName))
    , m_input(std::make_unique<Input>(input))
    , m_parser(std::make_unique<Parser>(m_input.get()))
{
    if (!m_parser->initialized())
        m_error = m_sourceName + u": libyaml could not start (out of memory)"_s;
}

YamlEventReader::~YamlEventReader() = default;

bool YamlEventReader::next()
{
    if (failed())
        return false;
    for (;;) {
        bool isAlias = false;
        if (!pull(&isAlias))
            return false;
        if (!isAlias)
            return true;
        if (!expandAlias())
            return false;
    }
}

bool YamlEventReader::skip()
{
    if (failed())
        return false;
    if (m_event.type != Type::MappingStart && m_event.type != Type::SequenceStart)
        return true;
    // Iterative, so that deep nesting in a part nobody reads cannot exhaust the stack.
    int depth = 1;
    while (depth > 0) {
        bool isAlias = false;
        if (!pull(&isAlias))
            return false;
        if (isAlias)
            continue;
        switch (m_event.type) {
        case Type::MappingStart:
        case Type::SequenceStart:
            ++depth;
            break;
        case Type::MappingEnd:
        case Type::SequenceEnd:
            --depth;
            break;
        default:
            break;
        }
    }
    return true;
}

QString YamlEventReader::describe() const
{
    switch (m_event.type) {
    case Type::MappingStart:
        return u"a mapping"_s;
    case Type::SequenceStart:
        return u"a sequence"_s;
    case Type::Scalar:
        return m_event.isNull() ? u"null"_s : u"the scalar \"%1\""_s.arg(m_event.text().left(40));
    case Type::MappingEnd:
    case Type::SequenceEnd:
        return u"the end of a collection"_s;
    case Type::DocumentStart:
    case Type::DocumentEnd:
    case Type::StreamStart:
    case Type::StreamEnd:
    case Type::None:
        break;
    }
    return u"nothing"_s;
}

bool YamlEventReader::fail(const Mark &mark, const QString &message)
{
    if (!failed())
        m_error = positioned(mark, message);
    return false;
}

QString YamlEventReader::positioned(const Mark &mark, const QString &message) const
{
    return u"%1:%2:%3: %4"_s.arg(m_sourceName, QString::number(mark.line),
                                 QString::number(mark.column), message);
}

bool YamlEventReader::pull(bool *isAlias)
{
    while (!m_replay.empty()) {
        ReplayFrame &top = m_replay.back();
        if (top.position == top.events->size()) {
            m_replay.pop_back();
            continue;
        }
        const StoredEvent &stored = (*top.events)[top.position++];
        if (++m_replayedEvents > maxReplayedEvents)
            return fail(stored.mark, u"aliases expand to more than %1 nodes; giving up"_s.arg(
                                         maxReplayedEvents));
        m_event = Event{stored.type, stored.mark, QByteArrayView(stored.value), stored.plain};
        *isAlias = stored.alias;
        if (stored.alias)
            m_aliasName = stored.value;
        return true;
    }
    return pullFromLibyaml(isAlias);
}

bool YamlEventReader::pullFromLibyaml(bool *isAlias)
{
    if (!m_parser->parse())
        return libyamlFailed();
    const yaml_event_t &e = m_parser->event();
    m_event = Event{};
    m_event.mark = markOf(e.start_mark);
    QByteArrayView anchor;
    *isAlias = false;
    switch (e.type) {
    case YAML_NO_EVENT:
        m_event.type = Type::None;
        break;
    case YAML_STREAM_START_EVENT:
        m_event.type = Type::StreamStart;
        break;
    case YAML_STREAM_END_EVENT:
        m_event.type = Type::StreamEnd;
        break;
    case YAML_DOCUMENT_START_EVENT:
        m_event.type = Type::DocumentStart;
        break;
    case YAML_DOCUMENT_END_EVENT:
        m_event.type = Type::DocumentEnd;
        break;
    case YAML_ALIAS_EVENT:
        *isAlias = true;
        m_aliasName = anchorView(e.data.alias.anchor).toByteArray();
        break;
    case YAML_SCALAR_EVENT:
        m_event.type = Type::Scalar;
        m_event.value = QByteArrayView(reinterpret_cast<const char *>(e.data.scalar.value),
                                       qsizetype(e.data.scalar.length));
        m_event.plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !e.data.scalar.tag;
        anchor = anchorView(e.data.scalar.anchor);
        break;
    case YAML_SEQUENCE_START_EVENT:
        m_event.type = Type::SequenceStart;
        anchor = anchorView(e.data.sequence_start.anchor);
        break;
    case YAML_SEQUENCE_END_EVENT:
        m_event.type = Type::SequenceEnd;
        break;
    case YAML_MAPPING_START_EVENT:
        m_event.type = Type::MappingStart;
        anchor = anchorView(e.data.mapping_start.anchor);
        break;
    case YAML_MAPPING_END_EVENT:
        m_event.type = Type::MappingEnd;
        break;
    }
    // Helm's indexes have no anchors: in the common case nothing is copied here.
    if (!m_recordings.empty() || !anchor.isNull()) {
        StoredEvent stored{m_event.type, m_event.mark,
                           *isAlias ? m_aliasName : m_event.value.toByteArray(), m_event.plain,
                           *isAlias};
        record(stored, anchor.toByteArray());
    }
    return true;
}

void YamlEventReader::record(const StoredEvent &event, const QByteArray &anchor)
{
    if (!anchor.isEmpty()) {
        m_anchors.insert(anchor, Anchor{nullptr, event.mark, false});
        m_recordings.push_back(Recording{anchor, std::make_shared<Events>(), 0});
    }
    const qint64 cost = qint64(sizeof(StoredEvent)) + event.value.size();
    for (auto it = m_recordings.begin(); it != m_recordings.end();) {
        bool finished = false;
        if (m_recordedBytes + cost > maxRecordedBytes) {
            // Too large to keep: an alias to it will say so.
            m_anchors[it->name].complete = true;
            finished = true;
        } else {
            it->events->push_back(event);
            m_recordedBytes += cost;
            if (event.type == Type::MappingStart || event.type == Type::SequenceStart)
                ++it->depth;
            else if (event.type == Type::MappingEnd || event.type == Type::SequenceEnd)
                --it->depth;
            if (it->depth == 0) {
                Anchor &entry = m_anchors[it->name];
                entry.events = std::move(it->events);
                entry.complete = true;
                finished = true;
            }
        }
        it = finished ? m_recordings.erase(it) : it + 1;
    }
}

bool YamlEventReader::expandAlias()
{
    const Mark mark = m_event.mark;
    const QString name = QString::fromUtf8(m_aliasName);
    const auto it = m_anchors.constFind(m_aliasName);
    if (it == m_anchors.constEnd())
        return fail(mark, u"undefined alias *%1"_s.arg(name));
    if (!it->complete)
        return fail(mark, u"alias *%1 refers to a node that contains it"_s.arg(name));
    if (!it->events)
        return fail(mark,
                    u"alias *%1 refers to a node (anchored at %2:%3) too large to keep; "
                    u"Stevedore expands aliases to small nodes only"_s.arg(
                        name, QString::number(it->mark.line), QString::number(it->mark.column)));
    if (m_replay.size() >= maxAliasNesting)
        return fail(mark, u"aliases nested more than %1 deep"_s.arg(maxAliasNesting));
    m_replay.push_back(ReplayFrame{it->events, 0});
    return true;
}

bool YamlEventReader::libyamlFailed()
{
    const yaml_parser_t &p = m_parser->parser();
    const auto text = [](const char *s) { return QString::fromUtf8(s ? s : "unknown problem"); };
    switch (p.error) {
    case YAML_READER_ERROR:
        if (!m_input->error.isEmpty())
            m_error = u"%1: cannot read: %2"_s.arg(m_sourceName, m_input->error);
        else if (p.problem_value != -1)
            m_error = u"%1: at byte offset %2: %3 (0x%4)"_s.arg(
                m_sourceName, QString::number(p.problem_offset), text(p.problem),
                QString::number(p.problem_value, 16).rightJustified(2, u'0'));
        else
            m_error = u"%1: at byte offset %2: %3"_s.arg(
                m_sourceName, QString::number(p.problem_offset), text(p.problem));
        return false;
    case YAML_SCANNER_ERROR:
    case YAML_PARSER_ERROR: {
        QString message = text(p.problem);
        if (p.context) {
            const Mark context = markOf(p.context_mark);
            message += u", "_s + text(p.context);
            const Mark problem = markOf(p.problem_mark);
            if (context.line != problem.line || context.column != problem.column)
                message += u" that starts at line %1, column %2"_s.arg(
                    QString::number(context.line), QString::number(context.column));
        }
        return fail(markOf(p.problem_mark), message);
    }
    case YAML_MEMORY_ERROR:
        m_error = m_sourceName + u": out of memory"_s;
        return false;
    default:
        m_error = m_sourceName + u": libyaml failed: "_s + text(p.problem);
        return false;
    }
}

} // namespace Stevedore
