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
    /// @p text with every expression replaced by its value, as Kargo renders a config value:
    /// text without expressions comes back as the same string. Otherwise the pieces are
    /// concatenated (strings as they are, other values as compact JSON, see stringify()) and
    /// the result is read back as a value (see typed()), so `${{ vars.replicas }}` is a
    /// number and `${{ quote(vars.tag) }}` a string even when the tag looks like `1.0`.
    /// `quote` and `unsafeQuote` are available besides @p functions. An invalid QVariant,
    /// with @p error set, on failure: an unclosed delimiter or an expression that does not
    /// parse or evaluate (the message gives the expression's 1-based column in @p text).
    static QVariant render(QStringView text, const QVariantMap &environment,
                           const Expression::Functions &functions = {}, QString *error = nullptr);

    /// How Kargo puts a value into a string: strings as they are, everything else as Go's
    /// encoding/json writes it (nil as `null`, maps with sorted keys, 1.5, 1e+21).
    static QString stringify(const QVariant &value);

    /// What Kargo makes of rendered text: text in double quotes is the string between them; a
    /// decimal number is a number (whole numbers as integers); Go's boolean words (`true`,
    /// `t`, `False`, ...) are booleans; other JSON is its value; anything else stays text. A
    /// single trailing newline is ignored while deciding and kept on text.
    static QVariant typed(const QString &rendered);

    /// Whether @p text contains an expression delimiter at all.
    static bool containsExpression(QStringView text);
};

} // namespace Stevedore
