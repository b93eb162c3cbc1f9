#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <memory>

namespace Stevedore {

/// A node of a parsed Expression: immutable once parsed and shared between copies.
struct ExpressionNode
{
    enum Kind
    {
        Literal,     // value
        Variable,    // name
        Pointer,     // # (name empty), #index, #acc (name "index" / "acc")
        Unary,       // name = operator, children[0]
        Binary,      // name = operator, children[0..1]
        Conditional, // children[0] ? children[1] : children[2]
        Member,      // children[0] . children[1] (or [children[1]]); optional = ?.
        Slice,       // children[0][children[1] : children[2]]; missing bounds are nil literals
        Call,        // name(children...)
        Closure,     // predicate body children[0]
        Array,       // [children...]
        Map,         // {children[2i]: children[2i+1]}
    };

    Kind kind = Literal;
    QString name;
    QVariant value;
    QList<std::shared_ptr<const ExpressionNode>> children;
    int column = 1;
    int height = 1; // of the subtree, bounded by Expression::maximumDepth
    bool optional = false;
};

using ExpressionNodePointer = std::shared_ptr<const ExpressionNode>;

} // namespace Stevedore
