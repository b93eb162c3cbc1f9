#pragma once

#include <QString>
#include <QVariant>

namespace Stevedore {

/// How expr-lang (and Go underneath it) sees a QVariant: its kind, equality, ordering and
/// printing as `%v` and as encoding/json does. Shared by the evaluator and the templates.
class ExpressionValue
{
public:
    enum Kind
    {
        Nil,
        Bool,
        Int,
        Float,
        String,
        Array,
        Map,
        Other
    };

    static Kind kind(const QVariant &value);
    /// Go's name for the type, as expr's error messages print it.
    static QString typeName(const QVariant &value);
    /// Integers as qint64, floats as double, string lists as QVariantList, invalid as nil.
    static QVariant normalized(const QVariant &value);
    static bool isNumber(const QVariant &value);
    static bool equal(const QVariant &a, const QVariant &b);
    /// Go's strconv.FormatFloat(f, 'g', -1, 64) (json: encoding/json's float formatting).
    static QString formatFloat(double value, bool json);
    /// fmt.Sprintf("%v") as expr's string() prints values.
    static QString toGoString(const QVariant &value);
    /// encoding/json's Marshal (indent empty) or MarshalIndent, with its HTML escaping.
    static QString toJson(const QVariant &value, const QString &indent = {});
};

} // namespace Stevedore
