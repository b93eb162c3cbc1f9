#pragma once

#include <QList>
#include <QString>
#include <QVariant>

namespace Stevedore {

/// Splits expr-lang source into tokens (numbers, strings with their escapes, names, operators,
/// # pointers) with their 1-based columns; used by ExpressionParser.
class ExpressionLexer
{
public:
    struct Token
    {
        enum Type
        {
            End,
            Number,
            String,
            Name,
            Operator,
            Pointer
        };
        Type type = End;
        QString text;
        QVariant value;
        int column = 1;
    };

    /// Appends the tokens of @p source, ending with an End token, to @p tokens; false with
    /// @p error set ("message (column N)") on a malformed token.
    static bool tokenize(const QString &source, QList<Token> *tokens, QString *error);
};

} // namespace Stevedore
