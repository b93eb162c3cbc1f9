#include "engine/manifestreader_p.h"
#include "engine/re2syntax.h"

#include <QRegularExpression>

namespace Stevedore {

namespace {

QString quoted(const QString &text)
{
    return u'"' + text + u'"';
}

QString typeName(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map:
        return QStringLiteral("a mapping");
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Scalar:
        return QStringLiteral("a scalar");
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

std::optional<qint64> parseDuration(const QString &text, bool goUnits)
{
    static const QRegularExpression kargo(QStringLiteral("^(?:[0-9]+(?:\\.[0-9]+)?(?:s|m|h))+$"));
    static const QRegularExpression go(
        QStringLiteral("^(?:[0-9]+(?:\\.[0-9]+)?(?:ns|us|\u00b5s|ms|s|m|h))+$"));
    static const QRegularExpression part(
        QStringLiteral("([0-9]+(?:\\.[0-9]+)?)(ns|us|\u00b5s|ms|s|m|h)"));
    if (!(goUnits ? go : kargo).match(text).hasMatch())
        return std::nullopt;
    double total = 0;
    for (auto it = part.globalMatch(text); it.hasNext();) {
        const auto match = it.next();
        const double value = match.captured(1).toDouble();
        const QString unit = match.captured(2);
        double factor = 1;
        if (unit == u"h")
            factor = 3600'000;
        else if (unit == u"m")
            factor = 60'000;
        else if (unit == u"s")
            factor = 1000;
        else if (unit == u"ms")
            factor = 1;
        else if (unit == u"us" || unit == u"\u00b5s")
            factor = 0.001;
        else
            factor = 0.000001;
        total += value * factor;
    }
    return qint64(total);
}

} // namespace

std::optional<qint64> parseKargoDuration(const QString &text)
{
    return parseDuration(text, false);
}

std::optional<qint64> parseGoDuration(const QString &text)
{
    return parseDuration(text, true);
}

bool isValidResourceName(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && pattern.match(name).hasMatch();
}

MapReader::MapReader(const YAML::Node &node, const Yaml::Context &context, QString what)
    : m_node(node)
    , m_context(context)
    , m_what(std::move(what))
{}

YAML::Node MapReader::key(const char *name) const
{
    if (!m_node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == name)
            return it->first;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

YAML::Node MapReader::value(const char *name)
{
    m_known.insert(QString::fromUtf8(name));
    if (!m_node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    // Not operator[]: on a non-const node it would insert the key.
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == name)
            return it->second;
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

bool MapReader::has(const char *name) const
{
    return key(name).IsDefined();
}

bool MapReader::hasValue(const char *name) const
{
    if (!m_node.IsMap())
        return false;
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == name)
            return !it->second.IsNull();
    }
    return false;
}

void MapReader::error(const YAML::Node &node, const QString &message) const
{
    m_context.error(node, message);
}

void MapReader::warning(const YAML::Node &node, const QString &message) const
{
    m_context.warning(node, message);
}

void MapReader::missing(const char *name) const
{
    error(m_node, QStringLiteral("%1 is missing the required field \"%2\"")
                      .arg(m_what, QString::fromUtf8(name)));
}

void MapReader::reportAbsent(const char *name, const YAML::Node &node) const
{
    if (node.IsDefined())
        error(key(name), QStringLiteral("\"%1\" must not be empty").arg(QString::fromUtf8(name)));
    else
        missing(name);
}

YAML::Node MapReader::scalarValue(const char *name, Need need, const char *expected)
{
    const YAML::Node node = value(name);
    if (!node.IsDefined() || node.IsNull()) {
        if (need == Required)
            reportAbsent(name, node);
        return YAML::Node(YAML::NodeType::Undefined);
    }
    if (!node.IsScalar()) {
        error(node, QStringLiteral("\"%1\" must be %2, not %3")
                        .arg(QString::fromUtf8(name), QString::fromUtf8(expected), typeName(node)));
        return YAML::Node(YAML::NodeType::Undefined);
    }
    return node;
}

std::optional<QString> MapReader::string(const char *name, Need need)
{
    const YAML::Node node = scalarValue(name, need, "a string");
    if (!node.IsDefined())
        return std::nullopt;
    const QString text = Yaml::scalar(node);
    if (need == Required && text.isEmpty()) {
        error(node, QStringLiteral("\"%1\" must not be empty").arg(QString::fromUtf8(name)));
        return std::nullopt;
    }
    return text;
}

std::optional<bool> MapReader::boolean(const char *name)
{
    const YAML::Node node = scalarValue(name, Optional, "true or false");
    if (!node.IsDefined())
        return std::nullopt;
    const QString text = Yaml::scalar(node);
    if (Yaml::isPlainScalar(node)) {
        if (text == u"true" || text == u"True" || text == u"TRUE")
            return true;
        if (text == u"false" || text == u"False" || text == u"FALSE")
            return false;
    }
    error(node, QStringLiteral("\"%1\" must be true or false, not %2")
                    .arg(QString::fromUtf8(name), quoted(text)));
    return std::nullopt;
}

std::optional<qint64> MapReader::integer(const char *name, qint64 minimum, qint64 maximum)
{
    const YAML::Node node = scalarValue(name, Optional, "a whole number");
    if (!node.IsDefined())
        return std::nullopt;
    bool ok = false;
    const QString text = Yaml::scalar(node);
    const qint64 number = Yaml::isPlainScalar(node) ? text.toLongLong(&ok) : 0;
    if (!ok) {
        error(node, QStringLiteral("\"%1\" must be a whole number, not %2")
                        .arg(QString::fromUtf8(name), quoted(text)));
        return std::nullopt;
    }
    if (number < minimum || number > maximum) {
        error(node, QStringLiteral("\"%1\" must be between %2 and %3, not %4")
                        .arg(QString::fromUtf8(name))
                        .arg(minimum)
                        .arg(maximum)
                        .arg(number));
        return std::nullopt;
    }
    return number;
}

std::optional<QString> MapReader::enumeration(const char *name, const QStringList &allowed,
                                              Need need)
{
    const YAML::Node node = scalarValue(name, need, "a string");
    if (!node.IsDefined())
        return std::nullopt;
    const QString text = Yaml::scalar(node);
    if (text.isEmpty() && need == Optional)
        return std::nullopt;
    if (!allowed.contains(text)) {
        error(node, QStringLiteral("%1 is not a valid %2; expected one of %3")
                        .arg(quoted(text), QString::fromUtf8(name), allowed.join(u", ")));
        return std::nullopt;
    }
    return text;
}

std::optional<QStringList> MapReader::stringList(const char *name)
{
    const YAML::Node node = value(name);
    if (!node.IsDefined() || node.IsNull())
        return std::nullopt;
    if (!node.IsSequence()) {
        error(node, QStringLiteral("\"%1\" must be a list of strings, not %2")
                        .arg(QString::fromUtf8(name), typeName(node)));
        return std::nullopt;
    }
    QStringList result;
    bool ok = true;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->IsScalar()) {
            error(it->IsNull() ? node : *it, QStringLiteral("each entry of \"%1\" must be a string")
                                                 .arg(QString::fromUtf8(name)));
            ok = false;
            continue;
        }
        result.append(Yaml::scalar(*it));
    }
    return ok ? std::optional(result) : std::nullopt;
}

std::optional<QStringList> MapReader::regexList(const char *name)
{
    const YAML::Node node = value(name);
    const auto list = stringList(name);
    if (!list)
        return std::nullopt;
    bool ok = true;
    int index = 0;
    for (auto it = node.begin(); it != node.end(); ++it, ++index) {
        // Kargo compiles these with Go's regexp: RE2 syntax, not PCRE's.
        QString re2Error;
        if (checkRe2Syntax(list->value(index), &re2Error))
            continue;
        // Where PCRE rejects the pattern as well, its wording is the familiar one.
        const QRegularExpression re(list->value(index));
        error(*it, QStringLiteral("invalid regular expression: %1")
                       .arg(re.isValid() ? re2Error : re.errorString()));
        ok = false;
    }
    return ok ? list : std::nullopt;
}

std::optional<qint64> MapReader::duration(const char *name)
{
    const YAML::Node node = scalarValue(name, Optional, "a duration");
    if (!node.IsDefined())
        return std::nullopt;
    const QString text = Yaml::scalar(node);
    const auto ms = parseKargoDuration(text);
    if (!ms)
        error(node, QStringLiteral("%1 is not a valid duration for \"%2\"; write it like 30s, "
                                   "5m or 1h30m")
                        .arg(quoted(text), QString::fromUtf8(name)));
    return ms;
}

bool MapReader::forEach(const char *name, const std::function<void(const YAML::Node &, int)> &read,
                        Need need)
{
    const YAML::Node node = value(name);
    if (!node.IsDefined() || node.IsNull()) {
        if (need == Required)
            reportAbsent(name, node);
        return false;
    }
    if (!node.IsSequence()) {
        error(node, QStringLiteral("\"%1\" must be a list, not %2")
                        .arg(QString::fromUtf8(name), typeName(node)));
        return false;
    }
    if (need == Required && node.size() == 0) {
        error(node, QStringLiteral("\"%1\" must not be empty").arg(QString::fromUtf8(name)));
        return false;
    }
    int index = 0;
    for (auto it = node.begin(); it != node.end(); ++it, ++index)
        read(it->IsNull() ? node : *it, index);
    return true;
}

void MapReader::removed(const char *name, const QString &advice)
{
    value(name);
    const YAML::Node node = key(name);
    if (node.IsDefined())
        error(node, QStringLiteral("\"%1\" is no longer supported by Kargo: %2")
                        .arg(QString::fromUtf8(name), advice));
}

void MapReader::deprecated(const char *name, const QString &advice)
{
    value(name);
    const YAML::Node node = key(name);
    if (node.IsDefined())
        warning(node,
                QStringLiteral("\"%1\" is deprecated: %2").arg(QString::fromUtf8(name), advice));
}

void MapReader::accept(std::initializer_list<const char *> keys)
{
    for (const char *name : keys)
        m_known.insert(QString::fromUtf8(name));
}

void MapReader::finish()
{
    if (m_finished || !m_node.IsMap())
        return;
    m_finished = true;
    for (auto it = m_node.begin(); it != m_node.end(); ++it) {
        const QString name = Yaml::scalar(it->first);
        if (!m_known.contains(name))
            warning(it->first, QStringLiteral("unknown field \"%1\" in %2").arg(name, m_what));
    }
}

} // namespace Stevedore
