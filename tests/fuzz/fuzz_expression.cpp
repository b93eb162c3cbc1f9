// The expr-lang parser and evaluator, and Kargo's `${{ }}` templates: the input is parsed and
// evaluated as an expression, rendered as a template, and read back as a typed value.

#include "engine/expression.h"
#include "engine/expressiontemplate.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

/// Variables of every kind the evaluator handles, as a promotion's context has them.
QVariantMap environment()
{
    return {
        {u"ctx"_s, QVariantMap{{u"stage"_s, u"dev"_s}, {u"project"_s, u"p"_s}}},
        {u"vars"_s, QVariantMap{{u"replicas"_s, 3},
                                {u"ratio"_s, 0.5},
                                {u"name"_s, u"app"_s},
                                {u"tags"_s, QStringList{u"v1"_s, u"v2"_s}},
                                {u"empty"_s, QVariantList{}},
                                {u"nested"_s, QVariantMap{{u"a"_s, QVariantMap{{u"b"_s, 1}}}}},
                                {u"nothing"_s, Expression::nil()},
                                {u"flag"_s, true}}},
        {u"nums"_s, QVariantList{1, 2, 3, 4, 5}},
        {u"users"_s, QVariantList{QVariantMap{{u"name"_s, u"ann"_s}, {u"age"_s, 30}}}},
    };
}

Expression::Functions functions()
{
    Expression::Functions f;
    f.insert(u"imageFrom"_s, [](const QVariantList &arguments, QString *) -> QVariant {
        return QVariantMap{{u"repoURL"_s, arguments.value(0)}, {u"tag"_s, u"1.2.3"_s}};
    });
    return f;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QVariantMap env = environment();
    static const Expression::Functions fns = functions();
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    QString error;
    if (const std::optional<Expression> expression = Expression::parse(input, &error)) {
        // A smaller budget than the default keeps each input fast; the bound is what matters.
        const QVariant value = expression->evaluate(env, fns, &error, 10000);
        if (value.isValid())
            (void)ExpressionTemplate::stringify(value);
        else if (error.isEmpty())
            __builtin_trap(); // a failure must say why
    }
    const QVariant rendered = ExpressionTemplate::render(input, env, fns, &error);
    if (rendered.isValid())
        (void)ExpressionTemplate::stringify(rendered);
    (void)ExpressionTemplate::typed(input);
    return 0;
}
