#pragma once

#include <QHash>
#include <QString>
#include <QStringView>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace Stevedore {

struct ExpressionNode;

/// One parsed expr-lang expression (github.com/expr-lang/expr), the language Kargo evaluates
/// inside `${{ }}` and Argo Rollouts in analysis conditions. Evaluation has no side effects and
/// is bounded: parsing stops at a nesting depth, evaluation at a step budget.
///
/// Values are QVariants: nil is `QVariant::fromValue(nullptr)`, integers are qint64, floats
/// double, arrays QVariantList and maps QVariantMap. An invalid QVariant from evaluate() means
/// an error, described in @p error.
class Expression
{
public:
    /// A caller-provided function such as Kargo's `imageFrom`; it sets @p error to fail.
    using Function = std::function<QVariant(const QVariantList &arguments, QString *error)>;
    using Functions = QHash<QString, Function>;

    static constexpr int maximumDepth = 200;
    static constexpr int defaultStepBudget = 100000;

    Expression();

    /// Parses @p source. On failure @p error, if given, says what and at which (1-based)
    /// column of @p source.
    static std::optional<Expression> parse(QStringView source, QString *error = nullptr);

    QString source() const { return m_source; }

    /// The value of the expression with the variables of @p environment (unknown names read as
    /// nil, as in expr without a typed environment) and @p functions, which take precedence
    /// over builtins of the same name. An invalid QVariant, with @p error set, on failure,
    /// including when more than @p stepBudget nodes or elements would be evaluated.
    QVariant evaluate(const QVariantMap &environment, const Functions &functions = {},
                      QString *error = nullptr, int stepBudget = defaultStepBudget) const;

    /// The nil value.
    static QVariant nil() { return QVariant::fromValue(nullptr); }

private:
    QString m_source;
    std::shared_ptr<const ExpressionNode> m_root;
};

} // namespace Stevedore
