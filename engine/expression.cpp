#include "engine/expression.h"

#include "engine/expressionevaluator_p.h"
#include "engine/expressionparser_p.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

Expression::Expression() = default;

std::optional<Expression> Expression::parse(QStringView source, QString *error)
{
    ExpressionParser parser(source);
    ExpressionNodePointer root = parser.parse(error);
    if (!root)
        return std::nullopt;
    Expression expression;
    expression.m_source = source.toString();
    expression.m_root = std::move(root);
    return expression;
}

QVariant Expression::evaluate(const QVariantMap &environment, const Functions &functions,
                              QString *error, int stepBudget) const
{
    if (!m_root) {
        if (error)
            *error = u"empty expression"_s;
        return {};
    }
    ExpressionEvaluator evaluator(environment, functions, stepBudget);
    return evaluator.evaluate(*m_root, error);
}

} // namespace Stevedore
