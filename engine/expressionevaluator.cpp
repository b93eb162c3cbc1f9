#include "engine/expressionevaluator_p.h"
#include "engine/expressionvalue_p.h"
#include "engine/re2syntax.h"

#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

using V = ExpressionValue;

QString mismatched(const QString &op, const QVariant &a, const QVariant &b)
{
    return u"invalid operation: %1 (mismatched types %2 and %3)"_s.arg(op, V::typeName(a),
                                                                       V::typeName(b));
}

// Whether a ?. earlier in this member chain makes a nil value end the chain with nil.
bool chainIsOptional(const ExpressionNode &node)
{
    const ExpressionNode *current = &node;
    while (current->kind == ExpressionNode::Member || current->kind == ExpressionNode::Slice) {
        if (current->optional)
            return true;
        current = current->children[0].get();
    }
    return false;
}

} // namespace

ExpressionEvaluator::ExpressionEvaluator(const QVariantMap &environment,
                                         const Expression::Functions &functions, int stepBudget)
    : m_environment(environment)
    , m_functions(functions)
    , m_budget(stepBudget)
    , m_initialBudget(stepBudget)
{}

QVariant ExpressionEvaluator::evaluate(const ExpressionNode &node, QString *error)
{
    const QVariant result = eval(node);
    if (!m_error.isEmpty()) {
        if (error)
            *error = m_error;
        return {};
    }
    return result;
}

QVariant ExpressionEvaluator::fail(const QString &message, int column)
{
    if (m_error.isEmpty())
        m_error = u"%1 (column %2)"_s.arg(message).arg(column);
    return {};
}

bool ExpressionEvaluator::charge(qint64 steps, int column)
{
    m_budget -= steps;
    if (m_budget >= 0)
        return true;
    fail(u"evaluation exceeded the budget of %1 steps"_s.arg(m_initialBudget), column);
    return false;
}

QVariant ExpressionEvaluator::eval(const ExpressionNode &node)
{
    if (!m_error.isEmpty() || !charge(1, node.column))
        return {};
    switch (node.kind) {
    case ExpressionNode::Literal:
        return node.value;
    case ExpressionNode::Variable:
        if (node.name == u"$env")
            return m_environment;
        return V::normalized(m_environment.value(node.name));
    case ExpressionNode::Pointer: {
        const Scope &scope = m_scopes.constLast();
        if (node.name == u"index")
            return scope.index;
        if (node.name == u"acc")
            return scope.accumulator;
        return scope.element;
    }
    case ExpressionNode::Unary:
        return unary(node);
    case ExpressionNode::Binary:
        return binary(node);
    case ExpressionNode::Conditional: {
        const QVariant condition = eval(*node.children[0]);
        if (!condition.isValid())
            return {};
        if (V::kind(condition) != V::Bool)
            return fail(
                u"non-bool expression (type %1) used as condition"_s.arg(V::typeName(condition)),
                node.column);
        if (node.children[1] == node.children[0])
            return condition.toBool() ? condition : eval(*node.children[2]);
        return eval(*node.children[condition.toBool() ? 1 : 2]);
    }
    case ExpressionNode::Member:
        return member(node);
    case ExpressionNode::Slice:
        return slice(node);
    case ExpressionNode::Call:
        return call(node);
    case ExpressionNode::Closure:
        return fail(u"a predicate is only allowed as an argument of a builtin"_s, node.column);
    case ExpressionNode::Array: {
        QVariantList list;
        list.reserve(node.children.size());
        for (const ExpressionNodePointer &child : node.children) {
            const QVariant value = eval(*child);
            if (!value.isValid())
                return {};
            list.append(value);
        }
        return list;
    }
    case ExpressionNode::Map: {
        QVariantMap map;
        for (qsizetype i = 0; i + 1 < node.children.size(); i += 2) {
            const QVariant key = eval(*node.children[i]);
            if (!key.isValid())
                return {};
            const QVariant value = eval(*node.children[i + 1]);
            if (!value.isValid())
                return {};
            map.insert(V::toGoString(key), value);
        }
        return map;
    }
    }
    return {};
}

QVariant ExpressionEvaluator::unary(const ExpressionNode &node)
{
    const QVariant operand = eval(*node.children[0]);
    if (!operand.isValid())
        return {};
    const V::Kind kind = V::kind(operand);
    if (node.name == u"!") {
        if (kind != V::Bool)
            return fail(u"invalid operation: ! (mismatched type %1)"_s.arg(V::typeName(operand)),
                        node.column);
        return !operand.toBool();
    }
    if (kind == V::Int)
        return node.name == u"-" ? -operand.toLongLong() : operand.toLongLong();
    if (kind == V::Float)
        return node.name == u"-" ? -operand.toDouble() : operand.toDouble();
    return fail(
        u"invalid operation: %1 (mismatched type %2)"_s.arg(node.name, V::typeName(operand)),
        node.column);
}

bool ExpressionEvaluator::matches(const QString &text, const QString &pattern, int column, bool *ok)
{
    auto it = m_regexes.constFind(pattern);
    if (it == m_regexes.constEnd()) {
        QString error;
        const std::optional<QRegularExpression> regex = compileRe2(pattern, &error);
        if (!regex) {
            *ok = false;
            fail(u"error parsing regexp: %1"_s.arg(error), column);
            return false;
        }
        it = m_regexes.insert(pattern, *regex);
    }
    *ok = true;
    return it->match(text).hasMatch();
}

QVariant ExpressionEvaluator::binary(const ExpressionNode &node)
{
    const QString &op = node.name;
    const int column = node.column;
    if (op == u"&&" || op == u"||") {
        const QVariant left = eval(*node.children[0]);
        if (!left.isValid())
            return {};
        if (V::kind(left) != V::Bool)
            return fail(mismatched(op, left, true), column);
        if (left.toBool() == (op == u"||"))
            return left;
        const QVariant right = eval(*node.children[1]);
        if (!right.isValid())
            return {};
        if (V::kind(right) != V::Bool)
            return fail(mismatched(op, left, right), column);
        return right;
    }
    if (op == u"??") {
        ++m_lenient;
        const QVariant left = eval(*node.children[0]);
        --m_lenient;
        if (!left.isValid())
            return {};
        return V::kind(left) == V::Nil ? eval(*node.children[1]) : left;
    }
    const QVariant left = eval(*node.children[0]);
    if (!left.isValid())
        return {};
    const QVariant right = eval(*node.children[1]);
    if (!right.isValid())
        return {};
    if (op == u"==")
        return V::equal(left, right);
    if (op == u"!=")
        return !V::equal(left, right);
    if (op == u"<" || op == u">" || op == u"<=" || op == u">=")
        return compare(op, left, right, column);
    if (op == u"in") {
        switch (V::kind(right)) {
        case V::Array: {
            const QVariantList list = right.toList();
            if (!charge(list.size(), column))
                return {};
            for (const QVariant &element : list) {
                if (V::equal(left, element))
                    return true;
            }
            return false;
        }
        case V::Map:
            if (V::kind(left) != V::String)
                return fail(u"cannot use %1 as a map key"_s.arg(V::typeName(left)), column);
            return right.toMap().contains(left.toString());
        default:
            return fail(u"operator \"in\" not defined on %1"_s.arg(V::typeName(right)), column);
        }
    }
    if (op == u"matches" || op == u"contains" || op == u"startsWith" || op == u"endsWith") {
        if (V::kind(left) != V::String || V::kind(right) != V::String)
            return fail(mismatched(op, left, right), column);
        const QString text = left.toString();
        const QString other = right.toString();
        if (op == u"contains")
            return text.contains(other);
        if (op == u"startsWith")
            return text.startsWith(other);
        if (op == u"endsWith")
            return text.endsWith(other);
        bool ok = false;
        const bool result = matches(text, other, column, &ok);
        return ok ? QVariant(result) : QVariant();
    }
    if (op == u"..") {
        if (V::kind(left) != V::Int || V::kind(right) != V::Int)
            return fail(mismatched(op, left, right), column);
        const qint64 from = left.toLongLong();
        const qint64 to = right.toLongLong();
        QVariantList range;
        if (to >= from) {
            // Charge before allocating, so 1..1e9 fails fast instead of filling memory.
            const qint64 size = to - from + 1;
            if (size < 0 || !charge(size, column))
                return size < 0 ? fail(u"range too large"_s, column) : QVariant();
            range.reserve(size);
            for (qint64 i = from; i <= to; ++i)
                range.append(i);
        }
        return range;
    }
    return arithmetic(op, left, right, column);
}

QVariant ExpressionEvaluator::compare(const QString &op, const QVariant &a, const QVariant &b,
                                      int column)
{
    int order = 0;
    if (V::kind(a) == V::Int && V::kind(b) == V::Int) {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        order = x < y ? -1 : x > y ? 1 : 0;
    } else if (V::isNumber(a) && V::isNumber(b)) {
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (std::isnan(x) || std::isnan(y))
            return false;
        order = x < y ? -1 : x > y ? 1 : 0;
    } else if (V::kind(a) == V::String && V::kind(b) == V::String) {
        order = a.toString().compare(b.toString());
    } else {
        return fail(mismatched(op, a, b), column);
    }
    if (op == u"<")
        return order < 0;
    if (op == u">")
        return order > 0;
    if (op == u"<=")
        return order <= 0;
    return order >= 0;
}

QVariant ExpressionEvaluator::arithmetic(const QString &op, const QVariant &a, const QVariant &b,
                                         int column)
{
    if (op == u"+" && V::kind(a) == V::String && V::kind(b) == V::String) {
        if (!charge((a.toString().size() + b.toString().size()) / 64, column))
            return {};
        return QString(a.toString() + b.toString());
    }
    if (!V::isNumber(a) || !V::isNumber(b))
        return fail(mismatched(op, a, b), column);
    const bool integers = V::kind(a) == V::Int && V::kind(b) == V::Int;
    if (op == u"%") {
        if (!integers)
            return fail(mismatched(op, a, b), column);
        if (b.toLongLong() == 0)
            return fail(u"integer divide by zero"_s, column);
        if (b.toLongLong() == -1)
            return qint64(0);
        return a.toLongLong() % b.toLongLong();
    }
    if (op == u"/")
        return a.toDouble() / b.toDouble();
    if (op == u"**")
        return std::pow(a.toDouble(), b.toDouble());
    if (integers) {
        // Go's int arithmetic wraps around; do the same without signed-overflow UB.
        const quint64 x = quint64(a.toLongLong());
        const quint64 y = quint64(b.toLongLong());
        if (op == u"+")
            return qint64(x + y);
        if (op == u"-")
            return qint64(x - y);
        if (op == u"*")
            return qint64(x * y);
    } else {
        const double x = a.toDouble();
        const double y = b.toDouble();
        if (op == u"+")
            return x + y;
        if (op == u"-")
            return x - y;
        if (op == u"*")
            return x * y;
    }
    return fail(u"unknown operator %1"_s.arg(op), column);
}

QVariant ExpressionEvaluator::member(const ExpressionNode &node)
{
    const QVariant object = eval(*node.children[0]);
    if (!object.isValid())
        return {};
    const QVariant key = eval(*node.children[1]);
    if (!key.isValid())
        return {};
    switch (V::kind(object)) {
    case V::Nil:
        if (m_lenient > 0 || chainIsOptional(node))
            return Expression::nil();
        return fail(u"cannot fetch %1 from <nil>"_s.arg(V::toGoString(key)), node.column);
    case V::Map: {
        const QVariantMap map = object.toMap();
        const auto it = map.constFind(V::toGoString(key));
        return it == map.constEnd() ? Expression::nil() : V::normalized(*it);
    }
    case V::Array:
    case V::String: {
        if (V::kind(key) != V::Int)
            return fail(
                u"cannot use %1 as index to %2"_s.arg(V::typeName(key), V::typeName(object)),
                node.column);
        const bool isString = V::kind(object) == V::String;
        const QList<uint> runes = isString ? object.toString().toUcs4() : QList<uint>();
        const QVariantList list = isString ? QVariantList() : object.toList();
        const qint64 size = isString ? runes.size() : list.size();
        qint64 index = key.toLongLong();
        if (index < 0)
            index += size;
        if (index < 0 || index >= size)
            return fail(
                u"index out of range: %1 (array length is %2)"_s.arg(key.toLongLong()).arg(size),
                node.column);
        if (isString)
            return QString::fromUcs4(reinterpret_cast<const char32_t *>(&runes[index]), 1);
        return V::normalized(list[index]);
    }
    default:
        return fail(u"cannot fetch %1 from %2"_s.arg(V::toGoString(key), V::typeName(object)),
                    node.column);
    }
}

QVariant ExpressionEvaluator::slice(const ExpressionNode &node)
{
    const QVariant object = eval(*node.children[0]);
    if (!object.isValid())
        return {};
    const QVariant fromValue = eval(*node.children[1]);
    const QVariant toValue = fromValue.isValid() ? eval(*node.children[2]) : QVariant();
    if (!toValue.isValid())
        return {};
    const V::Kind kind = V::kind(object);
    if (kind == V::Nil && chainIsOptional(node))
        return Expression::nil();
    if (kind != V::Array && kind != V::String)
        return fail(u"cannot slice %1"_s.arg(V::typeName(object)), node.column);
    const QList<uint> runes = kind == V::String ? object.toString().toUcs4() : QList<uint>();
    const QVariantList list = kind == V::Array ? object.toList() : QVariantList();
    const qint64 size = kind == V::String ? runes.size() : list.size();
    qint64 bounds[2] = {0, size};
    const QVariant *values[2] = {&fromValue, &toValue};
    for (int i = 0; i < 2; ++i) {
        if (V::kind(*values[i]) == V::Nil)
            continue;
        if (V::kind(*values[i]) != V::Int)
            return fail(u"cannot use %1 as slice index"_s.arg(V::typeName(*values[i])),
                        node.column);
        qint64 bound = values[i]->toLongLong();
        if (bound < 0)
            bound += size;
        bounds[i] = std::clamp<qint64>(bound, 0, size);
    }
    if (bounds[1] < bounds[0])
        bounds[1] = bounds[0];
    if (kind == V::String)
        return QString::fromUcs4(reinterpret_cast<const char32_t *>(runes.constData()) + bounds[0],
                                 bounds[1] - bounds[0]);
    return list.mid(bounds[0], bounds[1] - bounds[0]);
}

QVariant ExpressionEvaluator::call(const ExpressionNode &node)
{
    const auto function = m_functions.constFind(node.name);
    const bool predicate =
        !node.children.isEmpty() && node.children.constLast()->kind == ExpressionNode::Closure;
    static const QSet<QString> predicateBuiltins = {
        u"all"_s,           u"any"_s,   u"none"_s,  u"one"_s,       u"filter"_s,
        u"map"_s,           u"count"_s, u"find"_s,  u"findIndex"_s, u"findLast"_s,
        u"findLastIndex"_s, u"sum"_s,   u"reduce"_s};
    if (function == m_functions.constEnd() && (predicate || predicateBuiltins.contains(node.name)))
        return predicateBuiltin(node);
    QVariantList arguments;
    for (const ExpressionNodePointer &child : node.children) {
        const QVariant value = eval(*child);
        if (!value.isValid())
            return {};
        arguments.append(value);
    }
    if (function != m_functions.constEnd()) {
        QString error;
        const QVariant result = (*function)(arguments, &error);
        if (!error.isEmpty() || !result.isValid())
            return fail(u"%1: %2"_s.arg(node.name, error.isEmpty() ? u"failed"_s : error),
                        node.column);
        return V::normalized(result);
    }
    return builtin(node.name, arguments, node.column);
}

QVariant ExpressionEvaluator::runClosure(const ExpressionNode &closure, const Scope &scope)
{
    m_scopes.append(scope);
    const QVariant result = eval(*closure.children[0]);
    m_scopes.removeLast();
    return result;
}

QVariant ExpressionEvaluator::predicateBuiltin(const ExpressionNode &node)
{
    const QString &name = node.name;
    const int column = node.column;
    const bool hasPredicate =
        node.children.size() >= 2 && node.children[1]->kind == ExpressionNode::Closure;
    const qsizetype expected = name == u"reduce" ? 3 : 2;
    const qsizetype minimum = (name == u"count" || name == u"sum") ? 1 : 2;
    if (node.children.size() < minimum || node.children.size() > expected ||
        (node.children.size() == 2 && name != u"reduce" && !hasPredicate) ||
        (name == u"reduce" && !hasPredicate))
        return fail(u"invalid number of arguments for %1"_s.arg(name), column);
    const QVariant collection = eval(*node.children[0]);
    if (!collection.isValid())
        return {};
    if (V::kind(collection) != V::Array)
        return fail(u"cannot iterate %1"_s.arg(V::typeName(collection)), column);
    const QVariantList list = collection.toList();
    const ExpressionNode *closure = hasPredicate ? node.children[1].get() : nullptr;
    const bool wantsBool = name != u"map" && name != u"sum" && name != u"reduce";

    if (name == u"reduce") {
        QVariant accumulator;
        qsizetype start = 0;
        if (node.children.size() == 3) {
            accumulator = eval(*node.children[2]);
            if (!accumulator.isValid())
                return {};
        } else if (!list.isEmpty()) {
            accumulator = V::normalized(list.first());
            start = 1;
        } else {
            return Expression::nil();
        }
        for (qsizetype i = start; i < list.size(); ++i) {
            accumulator = runClosure(*closure, {V::normalized(list[i]), i, accumulator});
            if (!accumulator.isValid())
                return {};
        }
        return accumulator;
    }

    QVariantList results;
    qint64 count = 0;
    QVariant found = Expression::nil();
    qint64 foundIndex = -1;
    const bool backwards = name == u"findLast" || name == u"findLastIndex";
    for (qsizetype n = 0; n < list.size(); ++n) {
        const qsizetype i = backwards ? list.size() - 1 - n : n;
        const QVariant element = V::normalized(list[i]);
        QVariant value = element;
        if (closure) {
            value = runClosure(*closure, {element, i, {}});
            if (!value.isValid())
                return {};
        }
        if (!wantsBool) {
            results.append(value);
            continue;
        }
        if (V::kind(value) != V::Bool)
            return fail(u"predicate of %1 must return bool, not %2"_s.arg(name, V::typeName(value)),
                        closure ? closure->column : column);
        const bool truth = value.toBool();
        if (name == u"all" && !truth)
            return false;
        if (name == u"any" && truth)
            return true;
        if (name == u"none" && truth)
            return false;
        if (truth) {
            ++count;
            if (name == u"filter")
                results.append(element);
            if (name.startsWith(u"find")) {
                found = element;
                foundIndex = i;
                break;
            }
        }
    }
    if (name == u"all" || name == u"none")
        return true;
    if (name == u"any")
        return false;
    if (name == u"one")
        return count == 1;
    if (name == u"count")
        return count;
    if (name == u"filter" || name == u"map")
        return results;
    if (name == u"find" || name == u"findLast")
        return found;
    if (name == u"findIndex" || name == u"findLastIndex")
        return foundIndex;
    // sum
    qint64 intSum = 0;
    double floatSum = 0;
    bool allInts = true;
    for (const QVariant &value : std::as_const(results)) {
        if (!V::isNumber(value))
            return fail(
                u"invalid operation: + (mismatched types int and %1)"_s.arg(V::typeName(value)),
                column);
        if (V::kind(value) == V::Int)
            intSum = qint64(quint64(intSum) + quint64(value.toLongLong()));
        else
            allInts = false;
        floatSum += value.toDouble();
    }
    return allInts ? QVariant(intSum) : QVariant(floatSum);
}

} // namespace Stevedore
