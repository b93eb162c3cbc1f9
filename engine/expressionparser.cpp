#include "engine/expression.h"
#include "engine/expressionparser_p.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

struct BinaryOperator
{
    int precedence;
    bool rightAssociative;
};

// expr-lang's parser/operator table.
std::optional<BinaryOperator> binaryOperator(const QString &op)
{
    static const QHash<QString, BinaryOperator> table = {
        {u"|"_s, {0, false}},         {u"or"_s, {10, false}},       {u"||"_s, {10, false}},
        {u"and"_s, {15, false}},      {u"&&"_s, {15, false}},       {u"=="_s, {20, false}},
        {u"!="_s, {20, false}},       {u"<"_s, {20, false}},        {u">"_s, {20, false}},
        {u">="_s, {20, false}},       {u"<="_s, {20, false}},       {u"in"_s, {20, false}},
        {u"matches"_s, {20, false}},  {u"contains"_s, {20, false}}, {u"startsWith"_s, {20, false}},
        {u"endsWith"_s, {20, false}}, {u".."_s, {25, false}},       {u"+"_s, {30, false}},
        {u"-"_s, {30, false}},        {u"*"_s, {60, false}},        {u"/"_s, {60, false}},
        {u"%"_s, {60, false}},        {u"**"_s, {100, true}},       {u"^"_s, {100, true}},
        {u"??"_s, {500, false}},
    };
    const auto it = table.constFind(op);
    if (it == table.constEnd())
        return std::nullopt;
    return *it;
}

bool isWordOperator(const QString &name)
{
    static const QSet<QString> words = {u"and"_s,        u"or"_s,      u"not"_s,
                                        u"in"_s,         u"matches"_s, u"contains"_s,
                                        u"startsWith"_s, u"endsWith"_s};
    return words.contains(name);
}

// Builtins whose second argument is a predicate evaluated per element with #.
bool takesPredicate(const QString &name)
{
    static const QSet<QString> names = {
        u"all"_s,           u"any"_s,   u"none"_s,  u"one"_s,       u"filter"_s,
        u"map"_s,           u"count"_s, u"find"_s,  u"findIndex"_s, u"findLast"_s,
        u"findLastIndex"_s, u"sum"_s,   u"reduce"_s};
    return names.contains(name);
}

std::shared_ptr<ExpressionNode> makeNode(ExpressionNode::Kind kind, int column)
{
    auto node = std::make_shared<ExpressionNode>();
    node->kind = kind;
    node->column = column;
    return node;
}

} // namespace

ExpressionParser::ExpressionParser(QStringView source)
    : m_source(source.toString())
{}

bool ExpressionParser::fail(const QString &message, int column)
{
    if (m_error.isEmpty())
        m_error = u"%1 (column %2)"_s.arg(message).arg(column);
    return false;
}

const ExpressionParser::Token &ExpressionParser::peek(int ahead) const
{
    return m_tokens[std::min(m_position + ahead, m_tokens.size() - 1)];
}

bool ExpressionParser::isOperator(QStringView text) const
{
    return current().type == Token::Operator && current().text == text;
}

bool ExpressionParser::isName(QStringView text) const
{
    return current().type == Token::Name && current().text == text;
}

bool ExpressionParser::expectOperator(QStringView text)
{
    if (isOperator(text)) {
        ++m_position;
        return true;
    }
    const Token &token = current();
    return fail(token.type == Token::End
                    ? u"unexpected end of expression, expected %1"_s.arg(text)
                    : u"unexpected token %1, expected %2"_s.arg(token.text, text),
                token.column);
}

bool ExpressionParser::adopt(ExpressionNode &node)
{
    // Chains built in loops (a + b + c..., a.b.c...) nest without recursing in the parser, so
    // their height is checked here: the evaluator recurses once per level.
    for (const ExpressionNodePointer &child : std::as_const(node.children))
        node.height = std::max(node.height, child->height + 1);
    if (node.height <= Expression::maximumDepth)
        return true;
    return fail(u"expression nests deeper than %1 levels"_s.arg(Expression::maximumDepth),
                node.column);
}

bool ExpressionParser::enter(int column)
{
    if (m_depth >= Expression::maximumDepth)
        return fail(u"expression nests deeper than %1 levels"_s.arg(Expression::maximumDepth),
                    column);
    return true;
}

ExpressionNodePointer ExpressionParser::parse(QString *error)
{
    ExpressionNodePointer root;
    QString lexError;
    if (!ExpressionLexer::tokenize(m_source, &m_tokens, &lexError)) {
        m_error = lexError;
    } else {
        root = parseExpression(0);
        if (root && current().type != Token::End)
            fail(u"unexpected token %1"_s.arg(current().text), current().column);
    }
    if (!m_error.isEmpty()) {
        if (error)
            *error = m_error;
        return {};
    }
    return root;
}

ExpressionNodePointer ExpressionParser::parseExpression(int precedence)
{
    if (!enter(current().column))
        return {};
    ++m_depth;
    ExpressionNodePointer left = parsePrimary();
    while (left) {
        const Token &token = current();
        QString op;
        bool negate = false;
        int column = token.column;
        if (token.type == Token::Operator ||
            (token.type == Token::Name && isWordOperator(token.text)))
            op = token.text;
        if (op == u"not" && peek().type == Token::Name && isWordOperator(peek().text) &&
            peek().text != u"not" && peek().text != u"and" && peek().text != u"or") {
            negate = true;
            op = peek().text;
        } else if (op == u"!" && peek().type == Token::Name && peek().text == u"in") {
            negate = true;
            op = peek().text;
        }
        const std::optional<BinaryOperator> info = binaryOperator(op);
        if (!info || info->precedence < precedence)
            break;
        m_position += negate ? 2 : 1;
        if (op == u"|") {
            if (current().type != Token::Name || peek().type != Token::Operator ||
                peek().text != u"(") {
                fail(u"expected a function call after |"_s, current().column);
                return {};
            }
            const Token name = current();
            ++m_position;
            left = parseCall(name, left);
            continue;
        }
        ExpressionNodePointer right =
            parseExpression(info->rightAssociative ? info->precedence : info->precedence + 1);
        if (!right)
            return {};
        auto node = makeNode(ExpressionNode::Binary, column);
        node->name = op == u"and" ? u"&&"_s : op == u"or" ? u"||"_s : op == u"^" ? u"**"_s : op;
        node->children = {left, right};
        if (!adopt(*node))
            return {};
        left = node;
        if (negate) {
            auto notNode = makeNode(ExpressionNode::Unary, column);
            notNode->name = u"!"_s;
            notNode->children = {left};
            if (!adopt(*notNode))
                return {};
            left = notNode;
        }
    }
    if (left && precedence == 0 && isOperator(u"?"))
        left = parseConditional(left);
    --m_depth;
    return m_error.isEmpty() ? left : ExpressionNodePointer{};
}

ExpressionNodePointer ExpressionParser::parseConditional(ExpressionNodePointer condition)
{
    ExpressionNodePointer node = condition;
    while (node && isOperator(u"?")) {
        const int column = current().column;
        ++m_position;
        ExpressionNodePointer whenTrue;
        if (isOperator(u":")) {
            // a ?: b is a ? a : b.
            ++m_position;
            whenTrue = node;
        } else {
            whenTrue = parseExpression(0);
            if (!whenTrue || !expectOperator(u":"))
                return {};
        }
        ExpressionNodePointer whenFalse = parseExpression(0);
        if (!whenFalse)
            return {};
        auto conditional = makeNode(ExpressionNode::Conditional, column);
        conditional->children = {node, whenTrue, whenFalse};
        if (!adopt(*conditional))
            return {};
        node = conditional;
    }
    return node;
}

ExpressionNodePointer ExpressionParser::parsePrimary()
{
    const Token &token = current();
    QString op;
    if ((token.type == Token::Operator &&
         (token.text == u"!" || token.text == u"-" || token.text == u"+")) ||
        (token.type == Token::Name && token.text == u"not"))
        op = token.text;
    if (op.isEmpty())
        return parseOperand();
    const int column = token.column;
    ++m_position;
    ExpressionNodePointer operand = parseExpression(op == u"-" || op == u"+" ? 90 : 50);
    if (!operand)
        return {};
    auto node = makeNode(ExpressionNode::Unary, column);
    node->name = op == u"not" ? u"!"_s : op;
    node->children = {operand};
    if (!adopt(*node))
        return {};
    return parsePostfix(node);
}

ExpressionNodePointer ExpressionParser::parseOperand()
{
    const Token token = current();
    switch (token.type) {
    case Token::End:
        fail(u"unexpected end of expression"_s, token.column);
        return {};
    case Token::Number:
    case Token::String: {
        ++m_position;
        auto node = makeNode(ExpressionNode::Literal, token.column);
        node->value = token.value;
        return parsePostfix(node);
    }
    case Token::Pointer: {
        if (m_closureDepth == 0) {
            fail(u"cannot use pointer accessor outside predicate"_s, token.column);
            return {};
        }
        const QString name = token.text.mid(1);
        if (!name.isEmpty() && name != u"index" && name != u"acc") {
            fail(u"unknown pointer %1"_s.arg(token.text), token.column);
            return {};
        }
        ++m_position;
        auto node = makeNode(ExpressionNode::Pointer, token.column);
        node->name = name;
        return parsePostfix(node);
    }
    case Token::Name: {
        ++m_position;
        if (token.text == u"true" || token.text == u"false" || token.text == u"nil") {
            auto node = makeNode(ExpressionNode::Literal, token.column);
            node->value =
                token.text == u"nil" ? Expression::nil() : QVariant(token.text == u"true");
            return parsePostfix(node);
        }
        if (isWordOperator(token.text)) {
            fail(u"unexpected token %1"_s.arg(token.text), token.column);
            return {};
        }
        if (isOperator(u"("))
            return parsePostfix(parseCall(token, {}));
        auto node = makeNode(ExpressionNode::Variable, token.column);
        node->name = token.text;
        return parsePostfix(node);
    }
    case Token::Operator:
        break;
    }
    if (token.text == u"(") {
        ++m_position;
        ExpressionNodePointer inner = parseExpression(0);
        if (!inner || !expectOperator(u")"))
            return {};
        return parsePostfix(inner);
    }
    if (token.text == u"[")
        return parsePostfix(parseArray());
    if (token.text == u"{")
        return parsePostfix(parseMap());
    if (token.text == u"." && m_closureDepth > 0 && peek().type == Token::Name) {
        // .field inside a predicate is #.field.
        auto pointer = makeNode(ExpressionNode::Pointer, token.column);
        return parsePostfix(pointer);
    }
    fail(u"unexpected token %1"_s.arg(token.text), token.column);
    return {};
}

ExpressionNodePointer ExpressionParser::parsePostfix(ExpressionNodePointer node)
{
    while (node) {
        const Token &token = current();
        if (token.type != Token::Operator)
            break;
        const bool optional = token.text == u"?.";
        if (token.text == u"." || optional) {
            ++m_position;
            if (optional && isOperator(u"["))
                continue; // a?.[i]: the bracket below marks it optional too.
            const Token name = current();
            if (name.type != Token::Name) {
                fail(name.type == Token::End ? u"unexpected end of expression"_s
                                             : u"expected name after ."_s,
                     name.column);
                return {};
            }
            ++m_position;
            if (isOperator(u"(")) {
                fail(u"method calls are not supported: %1"_s.arg(name.text), name.column);
                return {};
            }
            auto member = makeNode(ExpressionNode::Member, name.column);
            auto key = makeNode(ExpressionNode::Literal, name.column);
            key->value = name.text;
            member->children = {node, key};
            if (!adopt(*member))
                return {};
            member->optional = optional;
            node = member;
        } else if (token.text == u"[") {
            const bool optionalIndex = m_position > 0 && m_tokens[m_position - 1].text == u"?." &&
                                       m_tokens[m_position - 1].type == Token::Operator;
            const int column = token.column;
            ++m_position;
            auto nilNode = makeNode(ExpressionNode::Literal, column);
            nilNode->value = Expression::nil();
            ExpressionNodePointer from = nilNode;
            if (!isOperator(u":")) {
                from = parseExpression(0);
                if (!from)
                    return {};
            }
            if (isOperator(u":")) {
                ++m_position;
                ExpressionNodePointer to = nilNode;
                if (!isOperator(u"]")) {
                    to = parseExpression(0);
                    if (!to)
                        return {};
                }
                if (!expectOperator(u"]"))
                    return {};
                auto slice = makeNode(ExpressionNode::Slice, column);
                slice->children = {node, from, to};
                if (!adopt(*slice))
                    return {};
                node = slice;
                continue;
            }
            if (!expectOperator(u"]"))
                return {};
            auto member = makeNode(ExpressionNode::Member, column);
            member->children = {node, from};
            if (!adopt(*member))
                return {};
            member->optional = optionalIndex;
            node = member;
        } else {
            break;
        }
    }
    return node;
}

ExpressionNodePointer ExpressionParser::parseCall(const Token &name,
                                                  ExpressionNodePointer pipedArgument)
{
    auto call = makeNode(ExpressionNode::Call, name.column);
    call->name = name.text;
    if (pipedArgument)
        call->children.append(pipedArgument);
    if (!expectOperator(u"("))
        return {};
    const bool predicate = takesPredicate(name.text);
    while (!isOperator(u")")) {
        if (call->children.size() > (pipedArgument ? 1 : 0) && !expectOperator(u","))
            return {};
        if (isOperator(u")"))
            break; // trailing comma
        ExpressionNodePointer argument;
        if (predicate && call->children.size() == 1)
            argument = parseClosure();
        else
            argument = parseExpression(0);
        if (!argument)
            return {};
        call->children.append(argument);
    }
    ++m_position;
    if (!adopt(*call))
        return {};
    return call;
}

ExpressionNodePointer ExpressionParser::parseClosure()
{
    const int column = current().column;
    ++m_closureDepth;
    ExpressionNodePointer body;
    if (isOperator(u"{")) {
        ++m_position;
        body = parseExpression(0);
        if (body && !expectOperator(u"}"))
            body.reset();
    } else {
        body = parseExpression(0);
    }
    --m_closureDepth;
    if (!body)
        return {};
    auto closure = makeNode(ExpressionNode::Closure, column);
    closure->children = {body};
    if (!adopt(*closure))
        return {};
    return closure;
}

ExpressionNodePointer ExpressionParser::parseArray()
{
    auto node = makeNode(ExpressionNode::Array, current().column);
    ++m_position;
    while (!isOperator(u"]")) {
        if (!node->children.isEmpty() && !expectOperator(u","))
            return {};
        if (isOperator(u"]"))
            break;
        ExpressionNodePointer element = parseExpression(0);
        if (!element)
            return {};
        node->children.append(element);
    }
    ++m_position;
    if (!adopt(*node))
        return {};
    return node;
}

ExpressionNodePointer ExpressionParser::parseMap()
{
    auto node = makeNode(ExpressionNode::Map, current().column);
    ++m_position;
    while (!isOperator(u"}")) {
        if (!node->children.isEmpty() && !expectOperator(u","))
            return {};
        if (isOperator(u"}"))
            break;
        const Token key = current();
        auto keyNode = makeNode(ExpressionNode::Literal, key.column);
        if (key.type == Token::Name || key.type == Token::String) {
            keyNode->value = key.type == Token::Name ? QVariant(key.text) : key.value;
            ++m_position;
        } else if (key.type == Token::Number) {
            keyNode->value = key.value.toString();
            ++m_position;
        } else if (key.type == Token::Operator && key.text == u"(") {
            ExpressionNodePointer computed = parseExpression(0);
            if (!computed)
                return {};
            node->children.append(computed);
            if (!expectOperator(u":"))
                return {};
            ExpressionNodePointer value = parseExpression(0);
            if (!value)
                return {};
            node->children.append(value);
            continue;
        } else {
            fail(key.type == Token::End
                     ? u"unexpected end of expression"_s
                     : u"a map key must be a quoted string, a name or a number"_s,
                 key.column);
            return {};
        }
        if (!expectOperator(u":"))
            return {};
        ExpressionNodePointer value = parseExpression(0);
        if (!value)
            return {};
        node->children.append(keyNode);
        node->children.append(value);
    }
    ++m_position;
    if (!adopt(*node))
        return {};
    return node;
}

} // namespace Stevedore
