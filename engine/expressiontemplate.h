#pragma once

#include "engine/expression.h"

#include <QString>
#include <QStringView>
#include <QVariant>

namespace Stevedore {

/// A string from a promotion step's config with expressions between `${{` and `}}` (or `${%`
/// and `%}`, for expressions that contain `}}`), rendered the way Kargo renders them.
class ExpressionTemplate
{
public:
    /// @p text with every expression replaced by its value. Text without expressions comes
    /// back as the same string; text that is exactly one expression gives that expression's
    /// value with its type (a list stays a list); otherwise the pieces are concatenated, with
    /// strings as they are and other values as Kargo writes them (compact JSON, see
    /// stringify()). An invalid QVariant, with @p error set, on failure: an unclosed delimiter
    /// or an expression that does not parse or evaluate (the message gives the expression's
    /// 1-based column in @p text).
    static QVariant render(QStringView text, const QVariantMap &environment,
                           const Expression::Functions &functions = {}, QString *error = nullptr);

    /// How Kargo puts a value into a string: strings as they are, everything else as Go's
    /// encoding/json writes it (nil as `null`, maps with sorted keys, 1.5, 1e+21).
    static QString stringify(const QVariant &value);

    /// Whether @p text contains an expression delimiter at all.
    static bool containsExpression(QStringView text);
};

} // namespace Stevedore
