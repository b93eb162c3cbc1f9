#include "engine/expressionvalue_p.h"

#include <QLocale>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore {

ExpressionValue::Kind ExpressionValue::kind(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return Nil;
    case QMetaType::Bool:
        return Bool;
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return Int;
    case QMetaType::Double:
    case QMetaType::Float:
        return Float;
    case QMetaType::QString:
    case QMetaType::QByteArray:
        return String;
    case QMetaType::QVariantList:
    case QMetaType::QStringList:
        return Array;
    case QMetaType::QVariantMap:
    case QMetaType::QVariantHash:
        return Map;
    default:
        return Other;
    }
}

QString ExpressionValue::typeName(const QVariant &value)
{
    switch (kind(value)) {
    case Nil:
        return u"<nil>"_s;
    case Bool:
        return u"bool"_s;
    case Int:
        return u"int"_s;
    case Float:
        return u"float64"_s;
    case String:
        return u"string"_s;
    case Array:
        return u"[]interface {}"_s;
    case Map:
        return u"map[string]interface {}"_s;
    case Other:
        break;
    }
    return QString::fromLatin1(value.typeName());
}

QVariant ExpressionValue::normalized(const QVariant &value)
{
    switch (kind(value)) {
    case Nil:
        return QVariant::fromValue(nullptr);
    case Int:
        return QVariant(value.toLongLong());
    case Float:
        return QVariant(value.toDouble());
    case String:
        return QVariant(value.toString());
    case Array:
        return QVariant(value.toList());
    case Map:
        return QVariant(value.toMap());
    default:
        return value;
    }
}

bool ExpressionValue::isNumber(const QVariant &value)
{
    const Kind k = kind(value);
    return k == Int || k == Float;
}

bool ExpressionValue::equal(const QVariant &a, const QVariant &b)
{
    const Kind ka = kind(a);
    const Kind kb = kind(b);
    if (ka == Int && kb == Int)
        return a.toLongLong() == b.toLongLong();
    if (isNumber(a) && isNumber(b))
        return a.toDouble() == b.toDouble();
    if (ka != kb)
        return false;
    switch (ka) {
    case Nil:
        return true;
    case Bool:
        return a.toBool() == b.toBool();
    case String:
        return a.toString() == b.toString();
    case Array: {
        const QVariantList la = a.toList();
        const QVariantList lb = b.toList();
        if (la.size() != lb.size())
            return false;
        for (qsizetype i = 0; i < la.size(); ++i) {
            if (!equal(la[i], lb[i]))
                return false;
        }
        return true;
    }
    case Map: {
        const QVariantMap ma = a.toMap();
        const QVariantMap mb = b.toMap();
        if (ma.size() != mb.size())
            return false;
        for (auto it = ma.constBegin(); it != ma.constEnd(); ++it) {
            if (!mb.contains(it.key()) || !equal(it.value(), mb.value(it.key())))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

QString ExpressionValue::formatFloat(double value, bool json)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    if (value == 0)
        return std::signbit(value) && !json ? u"-0"_s : u"0"_s;
    // Shortest round-trip digits and the decimal exponent, then laid out the way Go does.
    const QString e = QString::number(value, 'e', QLocale::FloatingPointShortest);
    const qsizetype ePos = e.indexOf(u'e');
    QString mantissa = e.left(ePos);
    const int exponent = e.mid(ePos + 1).toInt();
    const bool negative = mantissa.startsWith(u'-');
    if (negative)
        mantissa.remove(0, 1);
    const QString digits = QString(mantissa).remove(u'.');
    const double magnitude = std::fabs(value);
    const bool exponential =
        json ? (magnitude < 1e-6 || magnitude >= 1e21) : (exponent < -4 || exponent >= 6);
    QString out;
    if (exponential) {
        out = digits.left(1);
        if (digits.size() > 1)
            out += u'.' + digits.mid(1);
        out += u'e';
        out += exponent < 0 ? u'-' : u'+';
        const QString expDigits = QString::number(std::abs(exponent));
        // %v pads the exponent to two digits; encoding/json trims e-07 to e-7.
        out += (!json && expDigits.size() < 2) ? u'0' + expDigits : expDigits;
    } else if (exponent < 0) {
        out = u"0."_s + QString(-exponent - 1, u'0') + digits;
    } else if (digits.size() <= exponent + 1) {
        out = digits + QString(exponent + 1 - digits.size(), u'0');
    } else {
        out = digits.left(exponent + 1) + u'.' + digits.mid(exponent + 1);
    }
    return negative ? u'-' + out : out;
}

QString ExpressionValue::toGoString(const QVariant &value)
{
    switch (kind(value)) {
    case Nil:
        return u"<nil>"_s;
    case Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case Int:
        return QString::number(value.toLongLong());
    case Float:
        return formatFloat(value.toDouble(), false);
    case String:
        return value.toString();
    case Array: {
        QStringList parts;
        for (const QVariant &element : value.toList())
            parts.append(toGoString(element));
        return u'[' + parts.join(u' ') + u']';
    }
    case Map: {
        QStringList parts;
        const QVariantMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            parts.append(it.key() + u':' + toGoString(it.value()));
        return u"map["_s + parts.join(u' ') + u']';
    }
    case Other:
        break;
    }
    return value.toString();
}

namespace {

QString jsonString(const QString &s)
{
    QString out;
    out.reserve(s.size() + 2);
    out += u'"';
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        default:
            // Go escapes control characters and, for HTML safety, <, > and &.
            if (c.unicode() < 0x20 || c == u'<' || c == u'>' || c == u'&' ||
                c.unicode() == 0x2028 || c.unicode() == 0x2029)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

void writeJson(const QVariant &value, const QString &indent, const QString &prefix, QString &out)
{
    const QString inner = prefix + indent;
    const QString newline = indent.isEmpty() ? QString() : u"\n"_s;
    switch (ExpressionValue::kind(value)) {
    case ExpressionValue::Nil:
        out += u"null"_s;
        return;
    case ExpressionValue::Bool:
        out += value.toBool() ? u"true"_s : u"false"_s;
        return;
    case ExpressionValue::Int:
        out += QString::number(value.toLongLong());
        return;
    case ExpressionValue::Float:
        out += ExpressionValue::formatFloat(value.toDouble(), true);
        return;
    case ExpressionValue::Array: {
        const QVariantList list = value.toList();
        if (list.isEmpty()) {
            out += u"[]"_s;
            return;
        }
        out += u'[';
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (i > 0)
                out += u',';
            out += newline + (indent.isEmpty() ? QString() : inner);
            writeJson(list[i], indent, inner, out);
        }
        out += newline + (indent.isEmpty() ? QString() : prefix) + u']';
        return;
    }
    case ExpressionValue::Map: {
        const QVariantMap map = value.toMap();
        if (map.isEmpty()) {
            out += u"{}"_s;
            return;
        }
        out += u'{';
        bool first = true;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (!first)
                out += u',';
            first = false;
            out += newline + (indent.isEmpty() ? QString() : inner) + jsonString(it.key()) +
                   (indent.isEmpty() ? u":"_s : u": "_s);
            writeJson(it.value(), indent, inner, out);
        }
        out += newline + (indent.isEmpty() ? QString() : prefix) + u'}';
        return;
    }
    case ExpressionValue::String:
    case ExpressionValue::Other:
        out += jsonString(value.toString());
        return;
    }
}

} // namespace

QString ExpressionValue::toJson(const QVariant &value, const QString &indent)
{
    QString out;
    writeJson(value, indent, QString(), out);
    return out;
}

} // namespace Stevedore
