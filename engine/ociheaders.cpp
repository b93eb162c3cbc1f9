#include "engine/ociheaders.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// A cursor over a header value, with the RFC 9110 token and quoted-string rules.
class HeaderReader
{
public:
    explicit HeaderReader(const QByteArray &text)
        : m_text(text)
    {}

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    qsizetype position() const { return m_pos; }
    void seek(qsizetype position) { m_pos = position; }
    void advance() { ++m_pos; }

    void skipSpaces()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }

    void skipSpacesAndCommas()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == ','))
            ++m_pos;
    }

    static bool isTokenChar(char c)
    {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return true;
        return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
    }

    QByteArray token()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.mid(start, m_pos - start);
    }

    /// At a `"`: the unescaped content; an unterminated string runs to the end.
    QByteArray quoted()
    {
        QByteArray value;
        ++m_pos;
        while (!atEnd()) {
            const char c = m_text.at(m_pos++);
            if (c == '"')
                return value;
            if (c == '\\' && !atEnd())
                value += m_text.at(m_pos++);
            else
                value += c;
        }
        return value;
    }

    /// A parameter value: a quoted string or a token.
    QByteArray value()
    {
        skipSpaces();
        return peek() == '"' ? quoted() : token();
    }

    /// Skips to the next comma that is not inside a quoted string (or to the end).
    void skipToComma()
    {
        while (!atEnd() && peek() != ',') {
            if (peek() == '"')
                quoted();
            else
                ++m_pos;
        }
    }

    /// True when a `token =` follows (after spaces and commas), without moving.
    bool parameterFollows()
    {
        const qsizetype saved = m_pos;
        skipSpacesAndCommas();
        const bool isParameter = !token().isEmpty() && (skipSpaces(), peek() == '=');
        m_pos = saved;
        return isParameter;
    }

private:
    const QByteArray &m_text;
    qsizetype m_pos = 0;
};

QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

/// Keeps hostile error bodies from filling messages with control characters or megabytes.
QString sanitized(const QString &text, qsizetype limit)
{
    QString clean;
    for (const QChar c : text) {
        if (clean.size() >= limit) {
            clean += u"…"_s;
            break;
        }
        clean += c.isPrint() ? c : u' ';
    }
    return clean.simplified();
}

} // namespace

QList<OciAuthChallenge> OciHeaders::parseAuthenticate(const QByteArray &value)
{
    QList<OciAuthChallenge> challenges;
    HeaderReader reader(value);
    while (true) {
        reader.skipSpacesAndCommas();
        if (reader.atEnd())
            break;
        const QByteArray scheme = reader.token();
        if (scheme.isEmpty()) {
            // Not a token: skip the junk (a quoted string as a whole) up to the next comma.
            if (reader.peek() == '"')
                reader.quoted();
            else
                reader.advance();
            reader.skipToComma();
            continue;
        }
        OciAuthChallenge challenge;
        challenge.scheme = latin1(scheme).toLower();
        reader.skipSpaces();
        bool first = true;
        while (!reader.atEnd() && reader.peek() != ',') {
            const qsizetype start = reader.position();
            const QByteArray name = reader.token();
            reader.skipSpaces();
            if (name.isEmpty() || reader.peek() != '=') {
                if (first && !name.isEmpty()) {
                    // token68 (`Negotiate abc`): credentials-like data we have no use for.
                    reader.skipToComma();
                } else {
                    reader.seek(start);
                }
                break;
            }
            reader.advance(); // '='
            reader.skipSpaces();
            if (reader.peek() == '=' || reader.peek() == ',' || reader.atEnd()) {
                // token68 with `=` padding (`Basic YWxh==`).
                reader.skipToComma();
                break;
            }
            challenge.parameters.insert(latin1(name).toLower(), latin1(reader.value()));
            first = false;
            reader.skipSpaces();
            if (reader.peek() != ',')
                break;
            // A comma separates either parameters of this challenge or two challenges.
            if (!reader.parameterFollows())
                break;
            reader.skipSpacesAndCommas();
        }
        challenges.append(challenge);
        // Junk after a parameter (`realm="a" junk`) must not become a scheme of its own.
        reader.skipToComma();
    }
    return challenges;
}

QString OciHeaders::nextLink(const QByteArray &value)
{
    HeaderReader reader(value);
    while (true) {
        reader.skipSpacesAndCommas();
        if (reader.atEnd())
            return {};
        if (reader.peek() != '<') {
            reader.skipToComma();
            continue;
        }
        const qsizetype close = value.indexOf('>', reader.position());
        if (close < 0)
            return {};
        const QByteArray target = value.mid(reader.position() + 1, close - reader.position() - 1);
        reader.seek(close + 1);
        QStringList relations;
        while (true) {
            reader.skipSpaces();
            if (reader.peek() != ';')
                break;
            reader.advance();
            reader.skipSpaces();
            const QByteArray name = reader.token();
            reader.skipSpaces();
            if (reader.peek() != '=')
                continue;
            reader.advance();
            const QByteArray parameter = reader.value();
            if (name.compare("rel", Qt::CaseInsensitive) == 0)
                relations = latin1(parameter).toLower().split(u' ', Qt::SkipEmptyParts);
        }
        if (relations.contains(u"next"_s))
            return latin1(target.trimmed());
        reader.skipToComma();
    }
}

std::optional<qint64> OciHeaders::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool digits = true;
    for (const char c : text)
        digits = digits && c >= '0' && c <= '9';
    if (digits) {
        // Absurdly long numbers are clamped rather than overflowing.
        if (text.size() > 9)
            return qint64(999'999'999);
        return text.toLongLong();
    }
    // The day name is dropped, not checked: Qt rejects a weekday that does not fit the date
    // (and reads RFC 850's two-digit years as 19xx, where the weekday never fits).
    QString date = latin1(text).simplified();
    if (const qsizetype comma = date.indexOf(u", "); comma >= 0)
        date = date.mid(comma + 2);
    else
        date = date.section(u' ', 1);
    const QLocale c = QLocale::c();
    for (const QString &format : {u"dd MMM yyyy HH:mm:ss 'GMT'"_s, u"dd-MMM-yy HH:mm:ss 'GMT'"_s,
                                  u"MMM d HH:mm:ss yyyy"_s}) {
        QDateTime when = c.toDateTime(date, format);
        if (!when.isValid())
            continue;
        // RFC 850's two-digit years: Qt reads them as 19xx; HTTP means the nearest century.
        if (when.date().year() < 1970)
            when = when.addYears(100);
        when.setTimeSpec(Qt::UTC);
        return std::max<qint64>(0, now.secsTo(when));
    }
    return std::nullopt;
}

QString OciHeaders::errorMessage(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return {};
    const QJsonValue errors = document.object().value(u"errors"_s);
    if (!errors.isArray())
        return {};
    QStringList parts;
    for (const QJsonValue &entry : errors.toArray()) {
        const QJsonObject object = entry.toObject();
        const QString code = sanitized(object.value(u"code"_s).toString(), 64);
        const QString message = sanitized(object.value(u"message"_s).toString(), 300);
        if (code.isEmpty() && message.isEmpty())
            continue;
        parts.append(code.isEmpty()      ? message
                     : message.isEmpty() ? code
                                         : code + u": "_s + message);
        if (parts.size() == 5)
            break;
    }
    return parts.join(u"; "_s);
}

} // namespace Stevedore
