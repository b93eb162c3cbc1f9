// expr-lang's builtins that take plain values (the ones with predicates are in
// expressionevaluator.cpp, since they evaluate their closure per element).

#include "engine/expressionevaluator_p.h"
#include "engine/expressionvalue_p.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

using V = ExpressionValue;

// Go's strings.Trim with a cutset (or TrimSpace without one).
QString trimmed(const QString &text, const QString *cutset, bool left, bool right)
{
    auto strip = [&](QChar c) { return cutset ? cutset->contains(c) : c.isSpace(); };
    qsizetype from = 0;
    qsizetype to = text.size();
    while (left && from < to && strip(text[from]))
        ++from;
    while (right && to > from && strip(text[to - 1]))
        --to;
    return text.mid(from, to - from);
}

QVariant fromJsonValue(const QVariant &value)
{
    // encoding/json decodes every number into float64.
    switch (V::kind(value)) {
    case V::Int:
        return value.toDouble();
    case V::Array: {
        QVariantList list;
        for (const QVariant &element : value.toList())
            list.append(fromJsonValue(element));
        return list;
    }
    case V::Map: {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            *it = fromJsonValue(*it);
        return map;
    }
    default:
        return V::normalized(value);
    }
}

} // namespace

QVariant ExpressionEvaluator::builtin(const QString &name, const QVariantList &arguments,
                                      int column)
{
    const qsizetype count = arguments.size();
    auto arity = [&](qsizetype minimum, qsizetype maximum) {
        if (count >= minimum && count <= maximum)
            return true;
        fail(u"invalid number of arguments for %1 (expected %2, got %3)"_s.arg(name)
                 .arg(minimum == maximum ? QString::number(minimum)
                                         : u"%1 to %2"_s.arg(minimum).arg(maximum))
                 .arg(count),
             column);
        return false;
    };
    auto wrongType = [&](const QVariant &value) {
        return fail(u"invalid argument for %1 (type %2)"_s.arg(name, V::typeName(value)), column);
    };
    auto strings = [&](qsizetype n) {
        for (qsizetype i = 0; i < n && i < count; ++i) {
            if (V::kind(arguments[i]) != V::String) {
                wrongType(arguments[i]);
                return false;
            }
        }
        return true;
    };
    const QVariant first = count > 0 ? arguments[0] : QVariant();
    const QString text = first.toString();

    if (name == u"len") {
        if (!arity(1, 1))
            return {};
        switch (V::kind(first)) {
        case V::String:
            return qint64(text.toUcs4().size());
        case V::Array:
            return qint64(first.toList().size());
        case V::Map:
            return qint64(first.toMap().size());
        default:
            return wrongType(first);
        }
    }
    if (name == u"lower" || name == u"upper") {
        if (!arity(1, 1) || !strings(1))
            return {};
        return name == u"lower" ? text.toLower() : text.toUpper();
    }
    if (name == u"trim" || name == u"trimPrefix" || name == u"trimSuffix") {
        if (!arity(name == u"trim" ? 1 : 2, 2) || !strings(2))
            return {};
        if (name == u"trim") {
            const QString cutset = count > 1 ? arguments[1].toString() : QString();
            return trimmed(text, count > 1 ? &cutset : nullptr, true, true);
        }
        const QString affix = arguments[1].toString();
        if (name == u"trimPrefix")
            return text.startsWith(affix) ? text.mid(affix.size()) : text;
        return text.endsWith(affix) ? text.chopped(affix.size()) : text;
    }
    if (name == u"hasPrefix" || name == u"hasSuffix") {
        if (!arity(2, 2) || !strings(2))
            return {};
        return name == u"hasPrefix" ? text.startsWith(arguments[1].toString())
                                    : text.endsWith(arguments[1].toString());
    }
    if (name == u"indexOf" || name == u"lastIndexOf") {
        if (!arity(2, 2) || !strings(2))
            return {};
        const QString needle = arguments[1].toString();
        const qsizetype at = name == u"indexOf" ? text.indexOf(needle) : text.lastIndexOf(needle);
        // Counted in characters (runes), as expr does.
        return at < 0 ? qint64(-1) : qint64(text.left(at).toUcs4().size());
    }
    if (name == u"split") {
        if (!arity(2, 2) || !strings(2))
            return {};
        const QString separator = arguments[1].toString();
        QVariantList parts;
        if (separator.isEmpty()) {
            for (const uint rune : text.toUcs4())
                parts.append(QString::fromUcs4(reinterpret_cast<const char32_t *>(&rune), 1));
        } else {
            for (const QString &part : text.split(separator))
                parts.append(part);
        }
        return parts;
    }
    if (name == u"replace") {
        if (!arity(3, 3) || !strings(3))
            return {};
        return QString(text).replace(arguments[1].toString(), arguments[2].toString());
    }
    if (name == u"repeat") {
        if (!arity(2, 2) || !strings(1))
            return {};
        if (V::kind(arguments[1]) != V::Int || arguments[1].toLongLong() < 0)
            return fail(u"invalid argument for repeat: count must be a non-negative int"_s, column);
        const qint64 times = arguments[1].toLongLong();
        if (!charge(times, column) || !charge(times * text.size() / 64, column))
            return {};
        return text.repeated(times);
    }
    if (name == u"join") {
        if (!arity(1, 2))
            return {};
        if (V::kind(first) != V::Array || (count > 1 && V::kind(arguments[1]) != V::String))
            return wrongType(V::kind(first) != V::Array ? first : arguments[1]);
        QStringList parts;
        for (const QVariant &element : first.toList()) {
            if (V::kind(element) != V::String)
                return wrongType(element);
            parts.append(element.toString());
        }
        return parts.join(count > 1 ? arguments[1].toString() : QString());
    }
    if (name == u"int") {
        if (!arity(1, 1))
            return {};
        switch (V::kind(first)) {
        case V::Int:
            return first.toLongLong();
        case V::Float: {
            const double value = std::trunc(first.toDouble());
            if (!std::isfinite(value) || std::fabs(value) > 9.2e18)
                return fail(u"cannot convert %1 to int"_s.arg(V::toGoString(first)), column);
            return qint64(value);
        }
        case V::String: {
            bool ok = false;
            const qint64 value = text.toLongLong(&ok);
            if (!ok)
                return fail(u"strconv.Atoi: parsing \"%1\": invalid syntax"_s.arg(text), column);
            return value;
        }
        default:
            return wrongType(first);
        }
    }
    if (name == u"float") {
        if (!arity(1, 1))
            return {};
        if (V::isNumber(first))
            return first.toDouble();
        if (V::kind(first) != V::String)
            return wrongType(first);
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok)
            return fail(u"strconv.ParseFloat: parsing \"%1\": invalid syntax"_s.arg(text), column);
        return value;
    }
    if (name == u"string") {
        if (!arity(1, 1))
            return {};
        return V::toGoString(first);
    }
    if (name == u"toJSON") {
        if (!arity(1, 1))
            return {};
        return V::toJson(first, u"  "_s);
    }
    if (name == u"fromJSON") {
        if (!arity(1, 1) || !strings(1))
            return {};
        QJsonParseError error;
        const QJsonDocument document =
            QJsonDocument::fromJson(u"[%1]"_s.arg(text).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || document.array().size() != 1)
            return fail(u"invalid JSON: %1"_s.arg(error.errorString()), column);
        return fromJsonValue(document.array().first().toVariant());
    }
    if (name == u"toBase64") {
        if (!arity(1, 1) || !strings(1))
            return {};
        return QString::fromLatin1(text.toUtf8().toBase64());
    }
    if (name == u"fromBase64") {
        if (!arity(1, 1) || !strings(1))
            return {};
        const auto decoded = QByteArray::fromBase64Encoding(
            text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return fail(u"illegal base64 data"_s, column);
        return QString::fromUtf8(*decoded);
    }
    if (name == u"keys" || name == u"values") {
        if (!arity(1, 1))
            return {};
        if (V::kind(first) != V::Map)
            return wrongType(first);
        const QVariantMap map = first.toMap();
        QVariantList result;
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            result.append(name == u"keys" ? QVariant(it.key()) : V::normalized(it.value()));
        return result;
    }
    if (name == u"first" || name == u"last") {
        if (!arity(1, 1))
            return {};
        if (V::kind(first) != V::Array)
            return wrongType(first);
        const QVariantList list = first.toList();
        if (list.isEmpty())
            return Expression::nil();
        return V::normalized(name == u"first" ? list.first() : list.last());
    }
    if (name == u"reverse") {
        if (!arity(1, 1))
            return {};
        if (V::kind(first) != V::Array)
            return wrongType(first);
        QVariantList list = first.toList();
        std::reverse(list.begin(), list.end());
        return list;
    }
    if (name == u"concat") {
        QVariantList result;
        for (const QVariant &argument : arguments) {
            if (V::kind(argument) != V::Array)
                return wrongType(argument);
            result.append(argument.toList());
        }
        return result;
    }
    if (name == u"abs" || name == u"ceil" || name == u"floor" || name == u"round") {
        if (!arity(1, 1))
            return {};
        if (!V::isNumber(first))
            return wrongType(first);
        if (V::kind(first) == V::Int)
            return name == u"abs" ? QVariant(qAbs(first.toLongLong()))
                                  : QVariant(first.toDouble()); // ceil/floor/round give float
        const double value = first.toDouble();
        if (name == u"abs")
            return std::fabs(value);
        if (name == u"ceil")
            return std::ceil(value);
        if (name == u"floor")
            return std::floor(value);
        return std::round(value);
    }
    if (name == u"max" || name == u"min") {
        QVariantList values = arguments;
        if (count == 1 && V::kind(first) == V::Array)
            values = first.toList();
        if (values.isEmpty())
            return fail(u"not enough arguments to call %1"_s.arg(name), column);
        QVariant best = V::normalized(values.first());
        for (const QVariant &value : std::as_const(values)) {
            if (!V::isNumber(value))
                return wrongType(value);
            const bool better = name == u"max" ? value.toDouble() > best.toDouble()
                                               : value.toDouble() < best.toDouble();
            if (better)
                best = V::normalized(value);
        }
        return best;
    }
    if (name == u"type") {
        if (!arity(1, 1))
            return {};
        static const QStringList names = {u"nil"_s,    u"bool"_s,  u"int"_s, u"float"_s,
                                          u"string"_s, u"array"_s, u"map"_s, u"unknown"_s};
        return names[V::kind(first)];
    }
    if (name == u"get") {
        if (!arity(2, 2))
            return {};
        if (V::kind(first) == V::Map)
            return V::normalized(
                first.toMap().value(V::toGoString(arguments[1]), Expression::nil()));
        if (V::kind(first) == V::Array && V::kind(arguments[1]) == V::Int) {
            const QVariantList list = first.toList();
            qint64 index = arguments[1].toLongLong();
            if (index < 0)
                index += list.size();
            return index >= 0 && index < list.size() ? V::normalized(list[index])
                                                     : Expression::nil();
        }
        return Expression::nil();
    }
    return fail(u"unknown function %1"_s.arg(name), column);
}

} // namespace Stevedore
