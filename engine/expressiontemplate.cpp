#include "engine/expressiontemplate.h"

#include "engine/expressionvalue_p.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

struct Delimiters
{
    QStringView start;
    QStringView end;
};

constexpr Delimiters delimiters[] = {{u"${{", u"}}"}, {u"${%", u"%}"}};

} // namespace

bool ExpressionTemplate::containsExpression(QStringView text)
{
    for (const Delimiters &d : delimiters) {
        if (text.contains(d.start))
            return true;
    }
    return false;
}

QString ExpressionTemplate::stringify(const QVariant &value)
{
    if (ExpressionValue::kind(value) == ExpressionValue::String)
        return value.toString();
    return ExpressionValue::toJson(value);
}

QVariant ExpressionTemplate::render(QStringView text, const QVariantMap &environment,
                                    const Expression::Functions &functions, QString *error)
{
    if (!containsExpression(text))
        return text.toString();
    QString rendered;
    QVariant single;
    int pieces = 0;
    qsizetype position = 0;
    for (;;) {
        // The earliest opening delimiter of either kind starts the next expression.
        qsizetype start = -1;
        const Delimiters *delimiter = nullptr;
        for (const Delimiters &d : delimiters) {
            const qsizetype at = text.indexOf(d.start, position);
            if (at >= 0 && (start < 0 || at < start)) {
                start = at;
                delimiter = &d;
            }
        }
        if (start < 0) {
            if (position < text.size())
                ++pieces;
            rendered += text.mid(position);
            break;
        }
        if (start > position)
            ++pieces;
        rendered += text.mid(position, start - position);
        const qsizetype bodyStart = start + delimiter->start.size();
        const qsizetype end = text.indexOf(delimiter->end, bodyStart);
        if (end < 0) {
            if (error)
                *error = u"unclosed expression at column %1: expected \"%2\" but reached end "
                         u"of template"_s.arg(start + 1)
                             .arg(delimiter->end);
            return {};
        }
        const QStringView body = text.mid(bodyStart, end - bodyStart);
        QString problem;
        const std::optional<Expression> expression = Expression::parse(body, &problem);
        QVariant value;
        if (expression)
            value = expression->evaluate(environment, functions, &problem);
        if (!value.isValid()) {
            if (error)
                *error = u"expression at column %1: %2"_s.arg(start + 1).arg(problem);
            return {};
        }
        ++pieces;
        single = value;
        rendered += stringify(value);
        position = end + delimiter->end.size();
    }
    if (pieces == 1 && single.isValid())
        return single;
    return rendered;
}

} // namespace Stevedore
