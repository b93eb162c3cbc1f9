#pragma once

#include "engine/expressionlexer_p.h"
#include "engine/expressionnode_p.h"

#include <QString>
#include <QStringView>

namespace Stevedore {

/// Turns expr-lang source into ExpressionNodes with expr's operator precedence; used by
/// Expression::parse.
class ExpressionParser
{
public:
    explicit ExpressionParser(QStringView source);

    /// The root node, or null with @p error set ("message (column N)").
    ExpressionNodePointer parse(QString *error);

private:
    using Token = ExpressionLexer::Token;

    const Token &current() const { return m_tokens[m_position]; }
    const Token &peek(int ahead = 1) const;
    bool isOperator(QStringView text) const;
    bool isName(QStringView text) const;
    bool expectOperator(QStringView text);
    bool fail(const QString &message, int column);
    bool enter(int column);
    bool adopt(ExpressionNode &node);

    ExpressionNodePointer parseExpression(int precedence);
    ExpressionNodePointer parseConditional(ExpressionNodePointer condition);
    ExpressionNodePointer parsePrimary();
    ExpressionNodePointer parseOperand();
    ExpressionNodePointer parsePostfix(ExpressionNodePointer node);
    ExpressionNodePointer parseCall(const Token &name, ExpressionNodePointer pipedArgument);
    ExpressionNodePointer parseClosure();
    ExpressionNodePointer parseArray();
    ExpressionNodePointer parseMap();

    QString m_source;
    QList<Token> m_tokens;
    qsizetype m_position = 0;
    int m_depth = 0;
    int m_closureDepth = 0;
    QString m_error;
};

} // namespace Stevedore
