#pragma once

#include "engine/expression.h"
#include "engine/expressionnode_p.h"

#include <QHash>
#include <QRegularExpression>

namespace Stevedore {

/// Walks ExpressionNodes once with expr-lang's runtime semantics, counting every node (and
/// every element a range or repeat creates) against a step budget; used by Expression::evaluate.
class ExpressionEvaluator
{
public:
    ExpressionEvaluator(const QVariantMap &environment, const Expression::Functions &functions,
                        int stepBudget);

    /// The value of @p node, or an invalid QVariant with @p error set ("message (column N)").
    QVariant evaluate(const ExpressionNode &node, QString *error);

private:
    struct Scope
    {
        QVariant element;
        qint64 index = 0;
        QVariant accumulator;
    };

    QVariant eval(const ExpressionNode &node);
    QVariant fail(const QString &message, int column);
    bool charge(qint64 steps, int column);
    QVariant unary(const ExpressionNode &node);
    QVariant binary(const ExpressionNode &node);
    QVariant arithmetic(const QString &op, const QVariant &a, const QVariant &b, int column);
    QVariant compare(const QString &op, const QVariant &a, const QVariant &b, int column);
    QVariant member(const ExpressionNode &node);
    QVariant slice(const ExpressionNode &node);
    QVariant call(const ExpressionNode &node);
    QVariant predicateBuiltin(const ExpressionNode &node);
    QVariant builtin(const QString &name, const QVariantList &arguments, int column);
    QVariant runClosure(const ExpressionNode &closure, const Scope &scope);
    bool matches(const QString &text, const QString &pattern, int column, bool *ok);

    const QVariantMap &m_environment;
    const Expression::Functions &m_functions;
    qint64 m_budget;
    qint64 m_initialBudget;
    QList<Scope> m_scopes;
    int m_lenient = 0;
    QString m_error;
    QHash<QString, QRegularExpression> m_regexes;
};

} // namespace Stevedore
