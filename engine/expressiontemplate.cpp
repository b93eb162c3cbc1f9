#include "engine/expressiontemplate.h"

#include "engine/expressionvalue_p.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

struct Delimiters
{
    QStringView start;
    QStringView end;
};

constexpr Delimiters delimiters[] = {{u"${{", u"}}"}, {u"${%", u"%}"}};

/// JSON numbers are doubles; whole ones up to 2^53 become integers, as they were written.
QVariant jsonNumber(double value)
{
    constexpr double exact = 9007199254740992.0;
    if (std::trunc(value) == value && std::abs(value) <= exact)
        return qint64(value);
    return value;
}

QVariant fromJson(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Double:
        return jsonNumber(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QVariantList list;
        for (const QJsonValue &element : value.toArray())
            list.append(fromJson(element));
        return list;
    }
    case QJsonValue::Object: {
        QVariantMap map;
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            map.insert(it.key(), fromJson(it.value()));
        return map;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return Expression::nil();
}

/// Go's strconv.Quote.
QString goQuote(const QString &text)
{
    QString out = u"\""_s;
    for (const char32_t c : text.toUcs4()) {
        switch (c) {
        case U'"':
            out += u"\\\""_s;
            continue;
        case U'\\':
            out += u"\\\\"_s;
            continue;
        case U'\a':
            out += u"\\a"_s;
            continue;
        case U'\b':
            out += u"\\b"_s;
            continue;
        case U'\f':
            out += u"\\f"_s;
            continue;
        case U'\n':
            out += u"\\n"_s;
            continue;
        case U'\r':
            out += u"\\r"_s;
            continue;
        case U'\t':
            out += u"\\t"_s;
            continue;
        case U'\v':
            out += u"\\v"_s;
            continue;
        default:
            break;
        }
        if (c < 0x80 ? (c >= 0x20 && c < 0x7f) : QChar::isPrint(c))
            out += QString::fromUcs4(&c, 1);
        else if (c < 0x80)
            out += u"\\x%1"_s.arg(uint(c), 2, 16, QChar(u'0'));
        else if (c < 0x10000)
            out += u"\\u%1"_s.arg(uint(c), 4, 16, QChar(u'0'));
        else
            out += u"\\U%1"_s.arg(uint(c), 8, 16, QChar(u'0'));
    }
    return out + u'"';
}

QVariant unsafeQuote(const QVariantList &arguments, QString *error)
{
    if (arguments.size() != 1) {
        *error = u"unsafeQuote takes one argument"_s;
        return {};
    }
    return QString(u'"' + ExpressionValue::toJson(arguments.first()) + u'"');
}

QVariant quote(const QVariantList &arguments, QString *error)
{
    if (arguments.size() != 1) {
        *error = u"quote takes one argument"_s;
        return {};
    }
    if (ExpressionValue::kind(arguments.first()) == ExpressionValue::String)
        return goQuote(arguments.first().toString());
    return unsafeQuote(arguments, error);
}

} // namespace

bool ExpressionTemplate::containsExpression(QStringView text)
{
    for (const Delimiters &d : delimiters) {
        if (text.contains(d.start))
            return true;
    }
    return false;
}

QString ExpressionTemplate::stringify(const QVariant &value)
{
    if (ExpressionValue::kind(value) == ExpressionValue::String)
        return value.toString();
    return ExpressionValue::toJson(value);
}

QVariant ExpressionTemplate::render(QStringView text, const QVariantMap &environment,
                                    const Expression::Functions &functions, QString *error)
{
    if (!containsExpression(text))
        return text.toString();
    Expression::Functions all = functions;
    all.insert(u"quote"_s, &quote);
    all.insert(u"unsafeQuote"_s, &unsafeQuote);
    QString rendered;
    qsizetype position = 0;
    for (;;) {
        // The earliest opening delimiter of either kind starts the next expression.
        qsizetype start = -1;
        const Delimiters *delimiter = nullptr;
        for (const Delimiters &d : delimiters) {
            const qsizetype at = text.indexOf(d.start, position);
            if (at >= 0 && (start < 0 || at < start)) {
                start = at;
                delimiter = &d;
            }
        }
        if (start < 0) {
            rendered += text.mid(position);
            break;
        }
        rendered += text.mid(position, start - position);
        const qsizetype bodyStart = start + delimiter->start.size();
        const qsizetype end = text.indexOf(delimiter->end, bodyStart);
        if (end < 0) {
            if (error)
                *error = u"unclosed expression at column %1: expected \"%2\" but reached end "
                         u"of template"_s.arg(start + 1)
                             .arg(delimiter->end);
            return {};
        }
        const QStringView body = text.mid(bodyStart, end - bodyStart);
        QString problem;
        const std::optional<Expression> expression = Expression::parse(body, &problem);
        QVariant value;
        if (expression)
            value = expression->evaluate(environment, all, &problem);
        if (!value.isValid()) {
            if (error)
                *error = u"expression at column %1: %2"_s.arg(start + 1).arg(problem);
            return {};
        }
        rendered += stringify(value);
        position = end + delimiter->end.size();
    }
    return typed(rendered);
}

QVariant ExpressionTemplate::typed(const QString &rendered)
{
    // A trailing newline (from a YAML `|` block) would stop the text from reading as a value.
    QString result = rendered;
    const bool removedNewline = result.endsWith(u'\n');
    if (removedNewline)
        result.chop(1);
    // Quotes around the whole text ask for a string: quote() puts them there.
    if (result.size() > 1 && result.startsWith(u'"') && result.endsWith(u'"'))
        return QString(result.mid(1, result.size() - 2) + (removedNewline ? u"\n"_s : QString()));
    // Numbers before booleans, so that "0" and "1" are numbers.
    static const QRegularExpression number(
        uR"(^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$)"_s);
    if (number.match(result).hasMatch())
        return jsonNumber(result.toDouble());
    static const QStringList trueWords = {u"t"_s, u"T"_s, u"TRUE"_s, u"true"_s, u"True"_s};
    static const QStringList falseWords = {u"f"_s, u"F"_s, u"FALSE"_s, u"false"_s, u"False"_s};
    if (trueWords.contains(result))
        return true;
    if (falseWords.contains(result))
        return false;
    // Any other JSON value, with the whitespace JSON allows around it.
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(u"[%1]"_s.arg(result).toUtf8(), &parseError);
    if (parseError.error == QJsonParseError::NoError && document.array().size() == 1)
        return fromJson(document.array().first());
    return QString(result + (removedNewline ? u"\n"_s : QString()));
}

} // namespace Stevedore
