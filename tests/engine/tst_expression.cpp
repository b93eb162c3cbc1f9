#include "engine/expression.h"
#include "engine/expressiontemplate.h"

#include <QLocale>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

/// A value written with its type, so that int 2 and float 2 differ: `int 2`, `float 2.5`,
/// `"text"`, `true`, `nil`, `[int 1, "a"]`, `{a: int 1}`.
QString describe(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return u"invalid"_s;
    case QMetaType::Nullptr:
        return u"nil"_s;
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QMetaType::LongLong:
        return u"int "_s + QString::number(value.toLongLong());
    case QMetaType::Double:
        return u"float "_s + QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QString:
        return u'"' + value.toString() + u'"';
    case QMetaType::QVariantList: {
        QStringList parts;
        for (const QVariant &element : value.toList())
            parts.append(describe(element));
        return u'[' + parts.join(u", "_s) + u']';
    }
    case QMetaType::QVariantMap: {
        QStringList parts;
        const QVariantMap map = value.toMap();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it)
            parts.append(it.key() + u": "_s + describe(it.value()));
        return u'{' + parts.join(u", "_s) + u'}';
    }
    default:
        return QString::fromLatin1(value.typeName()) + u' ' + value.toString();
    }
}

QVariantMap environment()
{
    const QVariantMap targetFreight = {
        {u"name"_s, u"abc123"_s},
        {u"origin"_s, QVariantMap{{u"kind"_s, u"Warehouse"_s}, {u"name"_s, u"w"_s}}}};
    return {
        {u"ctx"_s, QVariantMap{{u"stage"_s, u"dev"_s},
                               {u"project"_s, u"p"_s},
                               {u"targetFreight"_s, targetFreight}}},
        {u"vars"_s, QVariantMap{{u"replicas"_s, 3},
                                {u"ratio"_s, 0.5},
                                {u"name"_s, u"app"_s},
                                {u"tags"_s, QStringList{u"v1"_s, u"v2"_s, u"v3"_s}},
                                {u"empty"_s, QVariantList{}},
                                {u"nested"_s, QVariantMap{{u"a"_s, QVariantMap{{u"b"_s, 1}}}}},
                                {u"nothing"_s, QVariant()},
                                {u"flag"_s, true}}},
        {u"nums"_s, QVariantList{1, 2, 3, 4, 5}},
        {u"users"_s, QVariantList{QVariantMap{{u"name"_s, u"ann"_s}, {u"age"_s, 30}},
                                  QVariantMap{{u"name"_s, u"bob"_s}, {u"age"_s, 17}}}},
        {u"result"_s, QVariantList{0.97, 0.99}},
        {u"outputs"_s, QVariantMap{{u"update-image"_s, QVariantMap{{u"commit"_s, u"deadbeef"_s}}}}},
    };
}

Expression::Functions functions()
{
    Expression::Functions f;
    f.insert(u"imageFrom"_s, [](const QVariantList &arguments, QString *) -> QVariant {
        return QVariantMap{{u"repoURL"_s, arguments.value(0)}, {u"tag"_s, u"1.2.3"_s}};
    });
    f.insert(u"fail"_s, [](const QVariantList &, QString *error) -> QVariant {
        *error = u"boom"_s;
        return {};
    });
    return f;
}

QString evaluate(const QString &source, const QVariantMap &env = environment(),
                 int budget = Expression::defaultStepBudget)
{
    QString error;
    const std::optional<Expression> expression = Expression::parse(source, &error);
    if (!expression)
        return u"parse error: "_s + error;
    const QVariant value = expression->evaluate(env, functions(), &error, budget);
    if (!value.isValid())
        return u"error: "_s + error;
    return describe(value);
}

} // namespace

class TestExpression : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data();
    void evaluate();
    void render_data();
    void render();
    void budgetIsAParameter();
    void parsedExpressionIsReusable();
    void noFilesEnvironmentOrNetwork_data();
    void noFilesEnvironmentOrNetwork();
};

void TestExpression::evaluate_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    auto row = [](const QString &source, const QString &expected) {
        QTest::newRow(qPrintable(source.left(60))) << source << expected;
    };

    // Literals.
    row(u"42"_s, u"int 42"_s);
    row(u"4_2"_s, u"int 42"_s);
    row(u"0x1F"_s, u"int 31"_s);
    row(u"0o17"_s, u"int 15"_s);
    row(u"0b101"_s, u"int 5"_s);
    row(u"1.5"_s, u"float 1.5"_s);
    row(u"1e3"_s, u"float 1000"_s);
    row(u".5"_s, u"float 0.5"_s);
    row(uR"("a\tb")"_s, u"\"a\tb\""_s);
    row(uR"('it\'s')"_s, u"\"it's\""_s);
    row(uR"("\u00e9\x41")"_s, u"\"éA\""_s);
    row(uR"(`raw\n`)"_s, uR"("raw\n")"_s);
    row(u"true"_s, u"true"_s);
    row(u"false"_s, u"false"_s);
    row(u"nil"_s, u"nil"_s);
    row(uR"([1, "a", nil])"_s, uR"([int 1, "a", nil])"_s);
    row(u"[1, 2,]"_s, u"[int 1, int 2]"_s);
    row(u"[]"_s, u"[]"_s);
    row(uR"({a: 1, "b c": 2.5})"_s, uR"({a: int 1, b c: float 2.5})"_s);
    row(u"{}"_s, u"{}"_s);
    row(u"{1: true}"_s, u"{1: true}"_s);
    row(u"/* comment */ 1 // trailing"_s, u"int 1"_s);

    // Arithmetic: int stays int, / and ** always give float, as in expr.
    row(u"1 + 2 * 3"_s, u"int 7"_s);
    row(u"(1 + 2) * 3"_s, u"int 9"_s);
    row(u"10 - 4 - 3"_s, u"int 3"_s);
    row(u"1 + 2.5"_s, u"float 3.5"_s);
    row(u"10 / 4"_s, u"float 2.5"_s);
    row(u"10 / 5"_s, u"float 2"_s);
    row(u"7 % 3"_s, u"int 1"_s);
    row(u"-7 % 3"_s, u"int -1"_s);
    row(u"2 ** 3"_s, u"float 8"_s);
    row(u"2 ^ 3"_s, u"float 8"_s);
    row(u"2 ** 3 ** 2"_s, u"float 512"_s);
    row(u"-2 ** 2"_s, u"float -4"_s);
    row(u"-vars.replicas"_s, u"int -3"_s);
    row(u"+1.5"_s, u"float 1.5"_s);
    row(u"1 - -1"_s, u"int 2"_s);
    row(u"vars.replicas * vars.ratio"_s, u"float 1.5"_s);
    row(u"1 / 0"_s, u"float inf"_s);
    row(u"9223372036854775807 + 1"_s, u"int -9223372036854775808"_s);
    row(uR"("a" + "b" + vars.name)"_s, uR"("abapp")"_s);
    row(u"7.5 % 2"_s,
        u"error: invalid operation: % (mismatched types float64 and int) (column 5)"_s);
    row(u"1 % 0"_s, u"error: integer divide by zero (column 3)"_s);
    row(uR"("a" + 1)"_s,
        u"error: invalid operation: + (mismatched types string and int) (column 5)"_s);
    row(uR"(-"a")"_s, u"error: invalid operation: - (mismatched type string) (column 1)"_s);
    row(u"nil + 1"_s, u"error: invalid operation: + (mismatched types <nil> and int) (column 5)"_s);

    // Comparison and logic.
    row(u"1 == 1.0"_s, u"true"_s);
    row(uR"(1 == "1")"_s, u"false"_s);
    row(u"nil == nil"_s, u"true"_s);
    row(u"vars.nothing == nil"_s, u"true"_s);
    row(u"[1, 2] == [1, 2]"_s, u"true"_s);
    row(u"{a: 1} == {a: 1.0}"_s, u"true"_s);
    row(u"1 != 2"_s, u"true"_s);
    row(u"2 > 1.5"_s, u"true"_s);
    row(u"2 <= 2"_s, u"true"_s);
    row(uR"("abc" < "abd")"_s, u"true"_s);
    row(uR"(1 < "a")"_s,
        u"error: invalid operation: < (mismatched types int and string) (column 3)"_s);
    row(u"true && false"_s, u"false"_s);
    row(u"true and true"_s, u"true"_s);
    row(u"false || true"_s, u"true"_s);
    row(u"false or false"_s, u"false"_s);
    row(u"not true"_s, u"false"_s);
    row(u"!false"_s, u"true"_s);
    row(u"not vars.flag"_s, u"false"_s);
    row(u"!!true"_s, u"true"_s);
    row(u"true || 1"_s, u"true"_s);
    row(u"false && 1"_s, u"false"_s);
    row(u"1 && true"_s,
        u"error: invalid operation: && (mismatched types int and bool) (column 3)"_s);
    row(u"!1"_s, u"error: invalid operation: ! (mismatched type int) (column 1)"_s);
    row(u"1 < 2 == true"_s, u"true"_s);
    row(u"true || false && false"_s, u"true"_s);
    row(u"len(result) == 0 || result[0] >= 0.95"_s, u"true"_s);

    // Conditionals and nil coalescing.
    row(uR"(vars.flag ? "yes" : "no")"_s, uR"("yes")"_s);
    row(u"vars.replicas > 5 ? 1 : 2.5"_s, u"float 2.5"_s);
    row(u"false ? 1 : true ? 2 : 3"_s, u"int 2"_s);
    row(u"vars.flag ?: false"_s, u"true"_s);
    row(u"false ?: 7"_s, u"int 7"_s);
    row(u"1 ? 2 : 3"_s, u"error: non-bool expression (type int) used as condition (column 3)"_s);
    row(uR"(vars.nothing ?? "default")"_s, uR"("default")"_s);
    row(uR"(vars.name ?? "x")"_s, uR"("app")"_s);
    row(uR"(vars.missing.deep ?? "d")"_s, uR"("d")"_s);
    row(u"vars.nothing ?? 1 + 1"_s, u"int 2"_s);
    row(u"false ?? true"_s, u"false"_s);

    // Member access.
    row(u"ctx.stage"_s, uR"("dev")"_s);
    row(u"ctx.targetFreight.origin.name"_s, uR"("w")"_s);
    row(uR"(ctx["targetFreight"]["name"])"_s, uR"("abc123")"_s);
    row(uR"(outputs["update-image"].commit)"_s, uR"("deadbeef")"_s);
    row(u"vars.nested.a.b"_s, u"int 1"_s);
    row(u"vars.unknown"_s, u"nil"_s);
    row(u"unknownVariable"_s, u"nil"_s);
    row(u"$env.vars.name"_s, uR"("app")"_s);
    row(u"ctx.nope.deep"_s, u"error: cannot fetch deep from <nil> (column 10)"_s);
    row(u"vars.nothing?.x"_s, u"nil"_s);
    row(u"vars.nothing?.x.y"_s, u"nil"_s);
    row(u"vars.nothing?.[0]"_s, u"nil"_s);
    row(u"vars.replicas.x"_s, u"error: cannot fetch x from int (column 15)"_s);
    row(u"vars.tags[0]"_s, uR"("v1")"_s);
    row(u"vars.tags[-1]"_s, uR"("v3")"_s);
    row(u"vars.tags[1 + 1]"_s, uR"("v3")"_s);
    row(u"vars.tags[3]"_s, u"error: index out of range: 3 (array length is 3) (column 10)"_s);
    row(u"vars.tags[-4]"_s, u"error: index out of range: -4 (array length is 3) (column 10)"_s);
    row(uR"(vars.tags["a"])"_s,
        u"error: cannot use string as index to []interface {} (column 10)"_s);
    row(u"vars.tags[1:]"_s, uR"(["v2", "v3"])"_s);
    row(u"vars.tags[:1]"_s, uR"(["v1"])"_s);
    row(u"vars.tags[-2:]"_s, uR"(["v2", "v3"])"_s);
    row(u"vars.tags[1:10]"_s, uR"(["v2", "v3"])"_s);
    row(u"vars.tags[2:1]"_s, u"[]"_s);
    row(uR"("hello"[1:3])"_s, uR"("el")"_s);
    row(uR"("héllo"[1])"_s, uR"("é")"_s);
    row(uR"("hello"[-1])"_s, uR"("o")"_s);
    row(u"users[1].name"_s, uR"("bob")"_s);

    // Membership and string operators.
    row(uR"("v2" in vars.tags)"_s, u"true"_s);
    row(uR"("v9" in vars.tags)"_s, u"false"_s);
    row(uR"("name" in vars)"_s, u"true"_s);
    row(uR"("zzz" not in vars)"_s, u"true"_s);
    row(u"2 in [1, 2.0]"_s, u"true"_s);
    row(u"nil in [1, nil]"_s, u"true"_s);
    row(uR"("a" in "abc")"_s, uR"(error: operator "in" not defined on string (column 5))"_s);
    row(uR"("abc" contains "b")"_s, u"true"_s);
    row(uR"("abc" not contains "b")"_s, u"false"_s);
    row(uR"("abc" startsWith "ab")"_s, u"true"_s);
    row(uR"("abc" endsWith "bc")"_s, u"true"_s);
    row(uR"("abc" endsWith "ab")"_s, u"false"_s);
    row(uR"("v1.2.3" matches "^v\\d+\\.\\d+")"_s, u"true"_s);
    row(uR"("release-1" matches "^rel")"_s, u"true"_s);
    row(uR"("abc" matches "b")"_s, u"true"_s);
    row(uR"("abc" not matches "x")"_s, u"true"_s);
    row(uR"("ABC" matches "(?i)abc")"_s, u"true"_s);
    row(uR"x("abc" matches "(")x"_s,
        u"error: error parsing regexp: missing closing ): `(` (column 7)"_s);
    row(uR"x("abc" matches "(?=a)")x"_s,
        u"error: error parsing regexp: invalid or unsupported Perl syntax: `(?=` (lookahead "
        u"assertions are not supported) (column 7)"_s);
    row(uR"("a1" matches vars.name + "|\\d")"_s, u"true"_s);
    row(uR"(1 contains "a")"_s,
        u"error: invalid operation: contains (mismatched types int and string) (column 3)"_s);
    row(u"ctx.stage contains \"de\" && ctx.stage != \"prod\""_s, u"true"_s);

    // Ranges.
    row(u"1..3"_s, u"[int 1, int 2, int 3]"_s);
    row(u"3..1"_s, u"[]"_s);
    row(u"len(1..10)"_s, u"int 10"_s);
    row(u"1.5..3"_s,
        u"error: invalid operation: .. (mismatched types float64 and int) (column 4)"_s);

    // Predicates with #, #index, #acc and .field.
    row(u"all(nums, # > 0)"_s, u"true"_s);
    row(u"all(nums, {# > 1})"_s, u"false"_s);
    row(u"any(nums, {# > 4})"_s, u"true"_s);
    row(u"any(vars.empty, # > 4)"_s, u"false"_s);
    row(u"none(nums, # > 5)"_s, u"true"_s);
    row(u"one(nums, # == 3)"_s, u"true"_s);
    row(u"one(nums, # > 3)"_s, u"false"_s);
    row(u"filter(nums, # % 2 == 0)"_s, u"[int 2, int 4]"_s);
    row(u"filter(nums, # > 1 && # < 4)"_s, u"[int 2, int 3]"_s);
    row(u"map(nums, # * 2)"_s, u"[int 2, int 4, int 6, int 8, int 10]"_s);
    row(u"map(nums, #index)"_s, u"[int 0, int 1, int 2, int 3, int 4]"_s);
    row(u"map(users, .name)"_s, uR"(["ann", "bob"])"_s);
    row(u"map(users, #.age > 18)"_s, u"[true, false]"_s);
    row(u"filter(users, .age >= 18)[0].name"_s, uR"("ann")"_s);
    row(u"map(map(nums, # * 2), # + 1)[4]"_s, u"int 11"_s);
    row(u"map([[1, 2], [3]], len(#))"_s, u"[int 2, int 1]"_s);
    row(u"map([[1, 2], [3]], map(#, # * 10))"_s, u"[[int 10, int 20], [int 30]]"_s);
    row(u"count(nums, # > 2)"_s, u"int 3"_s);
    row(u"count([true, false, true])"_s, u"int 2"_s);
    row(u"find(nums, # > 2)"_s, u"int 3"_s);
    row(u"find(nums, # > 9)"_s, u"nil"_s);
    row(u"findIndex(nums, # > 2)"_s, u"int 2"_s);
    row(u"findLast(nums, # < 3)"_s, u"int 2"_s);
    row(u"findLastIndex(nums, # < 3)"_s, u"int 1"_s);
    row(u"sum(nums)"_s, u"int 15"_s);
    row(u"sum([1, 2.5])"_s, u"float 3.5"_s);
    row(u"sum(users, .age)"_s, u"int 47"_s);
    row(u"reduce(nums, #acc + #)"_s, u"int 15"_s);
    row(u"reduce(nums, #acc + #, 10)"_s, u"int 25"_s);
    row(u"any(users, .name == \"bob\")"_s, u"true"_s);
    row(u"all(nums, #)"_s, u"error: predicate of all must return bool, not int (column 11)"_s);
    row(u"all(1, # > 0)"_s, u"error: cannot iterate int (column 1)"_s);
    row(u"all(nums)"_s, u"error: invalid number of arguments for all (column 1)"_s);

    // Builtins.
    row(uR"(len("héllo"))"_s, u"int 5"_s);
    row(u"len(vars.tags)"_s, u"int 3"_s);
    row(u"len(ctx)"_s, u"int 3"_s);
    row(u"len(1)"_s, u"error: invalid argument for len (type int) (column 1)"_s);
    row(uR"(lower("ABC"))"_s, uR"("abc")"_s);
    row(uR"(upper("abc"))"_s, uR"("ABC")"_s);
    row(uR"(trim("  a b  "))"_s, uR"("a b")"_s);
    row(uR"(trim("xxaxx", "x"))"_s, uR"("a")"_s);
    row(uR"(trimPrefix("v1.2", "v"))"_s, uR"("1.2")"_s);
    row(uR"(trimSuffix("a.yaml", ".yaml"))"_s, uR"("a")"_s);
    row(uR"(split("a,b,c", ","))"_s, uR"(["a", "b", "c"])"_s);
    row(uR"(split("abc", ""))"_s, uR"(["a", "b", "c"])"_s);
    row(uR"(join(vars.tags, ","))"_s, uR"("v1,v2,v3")"_s);
    row(uR"(join(["a", "b"]))"_s, uR"("ab")"_s);
    row(uR"(replace("a-b-c", "-", "_"))"_s, uR"("a_b_c")"_s);
    row(uR"(repeat("ab", 3))"_s, uR"("ababab")"_s);
    row(uR"(indexOf("hello", "l"))"_s, u"int 2"_s);
    row(uR"(lastIndexOf("hello", "l"))"_s, u"int 3"_s);
    row(uR"(hasPrefix("hello", "he"))"_s, u"true"_s);
    row(uR"(hasSuffix("hello", "he"))"_s, u"false"_s);
    row(uR"(int("42"))"_s, u"int 42"_s);
    row(u"int(3.9)"_s, u"int 3"_s);
    row(u"int(-3.9)"_s, u"int -3"_s);
    row(uR"(int("x"))"_s, uR"(error: strconv.Atoi: parsing "x": invalid syntax (column 1))"_s);
    row(u"float(2)"_s, u"float 2"_s);
    row(uR"(float("1.5"))"_s, u"float 1.5"_s);
    row(u"string(42)"_s, uR"("42")"_s);
    row(u"string(1.5)"_s, uR"("1.5")"_s);
    row(u"string(1e6)"_s, uR"("1e+06")"_s);
    row(u"string(123456.0)"_s, uR"("123456")"_s);
    row(u"string(nil)"_s, uR"("<nil>")"_s);
    row(uR"(string([1, "a"]))"_s, uR"("[1 a]")"_s);
    row(u"string({a: 1, b: true})"_s, uR"("map[a:1 b:true]")"_s);
    row(uR"(toJSON({b: [1, 2.5], a: "x"}))"_s,
        u"\"{\n  \"a\": \"x\",\n  \"b\": [\n    1,\n    2.5\n  ]\n}\""_s);
    row(uR"(toJSON("<a&b>"))"_s, uR"(""\u003ca\u0026b\u003e"")"_s);
    row(uR"(fromJSON("{\"a\": [1, true]}"))"_s, u"{a: [float 1, true]}"_s);
    row(u"keys({b: 1, a: 2})"_s, uR"(["a", "b"])"_s);
    row(u"values({b: 1, a: 2})"_s, u"[int 2, int 1]"_s);
    row(u"first(nums)"_s, u"int 1"_s);
    row(u"last(nums)"_s, u"int 5"_s);
    row(u"first([])"_s, u"nil"_s);
    row(u"abs(-3)"_s, u"int 3"_s);
    row(u"abs(-1.5)"_s, u"float 1.5"_s);
    row(u"ceil(1.2)"_s, u"float 2"_s);
    row(u"floor(1.8)"_s, u"float 1"_s);
    row(u"round(2.5)"_s, u"float 3"_s);
    row(u"max(1, 5, 3)"_s, u"int 5"_s);
    row(u"min(2.5, 1)"_s, u"int 1"_s);
    row(u"max(nums)"_s, u"int 5"_s);
    row(uR"(type("a"))"_s, uR"("string")"_s);
    row(uR"(get(vars, "missing"))"_s, u"nil"_s);
    row(u"get(nums, 10)"_s, u"nil"_s);
    row(u"reverse([1, 2])"_s, u"[int 2, int 1]"_s);
    row(u"concat([1], [2, 3])"_s, u"[int 1, int 2, int 3]"_s);
    row(uR"(toBase64("hi"))"_s, uR"("aGk=")"_s);
    row(uR"(fromBase64("aGk="))"_s, uR"("hi")"_s);
    row(uR"(lower())"_s,
        u"error: invalid number of arguments for lower (expected 1, got 0) (column 1)"_s);
    row(uR"(upper(1))"_s, u"error: invalid argument for upper (type int) (column 1)"_s);

    // Pipes.
    row(uR"(vars.tags | join(","))"_s, uR"("v1,v2,v3")"_s);
    row(uR"("ABC" | lower())"_s, uR"("abc")"_s);
    row(u"nums | filter(# > 3) | len()"_s, u"int 2"_s);

    // Caller-provided functions.
    row(uR"(imageFrom("ghcr.io/x").tag)"_s, uR"("1.2.3")"_s);
    row(uR"(imageFrom("ghcr.io/x").repoURL)"_s, uR"("ghcr.io/x")"_s);
    row(u"fail()"_s, u"error: fail: boom (column 1)"_s);
    row(u"unknownFn(1)"_s, u"error: unknown function unknownFn (column 1)"_s);
    row(u"5 | nope()"_s, u"error: unknown function nope (column 5)"_s);

    // Parse errors say the column.
    row(u"1 +"_s, u"parse error: unexpected end of expression (column 4)"_s);
    row(u"(1 + 2"_s, u"parse error: unexpected end of expression, expected ) (column 7)"_s);
    row(u"1 + * 2"_s, u"parse error: unexpected token * (column 5)"_s);
    row(uR"("abc)"_s, u"parse error: literal not terminated (column 1)"_s);
    row(uR"("a\qb")"_s, uR"(parse error: invalid escape sequence \q (column 3))"_s);
    row(u"1 2"_s, u"parse error: unexpected token 2 (column 3)"_s);
    row(u"a."_s, u"parse error: unexpected end of expression (column 3)"_s);
    row(u"a @ b"_s, u"parse error: unexpected character @ (column 3)"_s);
    row(u"12abc"_s, u"parse error: invalid number literal (column 1)"_s);
    row(u"[1, 2"_s, u"parse error: unexpected end of expression, expected , (column 6)"_s);
    row(u"{a 1}"_s, u"parse error: unexpected token 1, expected : (column 4)"_s);
    row(u"a ? b"_s, u"parse error: unexpected end of expression, expected : (column 6)"_s);
    row(u"foo(1,"_s, u"parse error: unexpected end of expression (column 7)"_s);
    row(u"not"_s, u"parse error: unexpected end of expression (column 4)"_s);
    row(u"a.b()"_s, u"parse error: method calls are not supported: b (column 3)"_s);
    row(u"# > 1"_s, u"parse error: cannot use pointer accessor outside predicate (column 1)"_s);
    row(u"map(nums, #foo)"_s, u"parse error: unknown pointer #foo (column 11)"_s);
    row(u""_s, u"parse error: unexpected end of expression (column 1)"_s);
    row(u"1 | 2"_s, u"parse error: expected a function call after | (column 5)"_s);
    row(u"/* open"_s, u"parse error: unterminated comment (column 1)"_s);

    // Bounds: parse depth and the evaluation step budget.
    row(QString(199, u'(') + u'1' + QString(199, u')'), u"int 1"_s);
    row(QString(200, u'(') + u'1' + QString(200, u')'),
        u"parse error: expression nests deeper than 200 levels (column 201)"_s);
    row(QString(300, u'!') + u"true"_s,
        u"parse error: expression nests deeper than 200 levels (column 201)"_s);
    row(u'1' + QString(u" + 1"_s).repeated(150), u"int 151"_s);
    row(u'1' + QString(u" + 1"_s).repeated(250),
        u"parse error: expression nests deeper than 200 levels (column 799)"_s);
    row(u"vars"_s + QString(u".x"_s).repeated(250),
        u"parse error: expression nests deeper than 200 levels (column 404)"_s);
    row(u"len(1..50000)"_s, u"int 50000"_s);
    row(u"map(1..100000, # * 2)"_s,
        u"error: evaluation exceeded the budget of 100000 steps (column 6)"_s);
    row(u"len(1..9223372036854775807)"_s,
        u"error: evaluation exceeded the budget of 100000 steps (column 6)"_s);
    row(uR"(repeat("ab", 1000000000))"_s,
        u"error: evaluation exceeded the budget of 100000 steps (column 1)"_s);
    row(u"count(1..40000, any(1..40000, # == 0))"_s,
        u"error: evaluation exceeded the budget of 100000 steps (column 33)"_s);
}

void TestExpression::evaluate()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(::evaluate(source), expected);
}

void TestExpression::render_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    auto row = [](const QString &text, const QString &expected) {
        QTest::newRow(qPrintable(text.left(60))) << text << expected;
    };

    // Rendered text is read back as a value, as Kargo does: one expression keeps its type.
    row(u"${{ vars.replicas }}"_s, u"int 3"_s);
    row(u"${{vars.ratio}}"_s, u"float 0.5"_s);
    row(u"${{ vars.tags }}"_s, uR"(["v1", "v2", "v3"])"_s);
    row(u"${{ vars.nothing }}"_s, u"nil"_s);
    row(u"${{ true }}"_s, u"true"_s);
    row(u"${{ ctx.targetFreight.origin }}"_s, uR"({kind: "Warehouse", name: "w"})"_s);
    row(u"${% {a: {b: 1}} %}"_s, u"{a: {b: int 1}}"_s);
    row(u"${% vars.name %}"_s, uR"("app")"_s);
    row(u"${{ 2.0 }}"_s, u"int 2"_s);
    row(u"${{ 1e21 }}"_s, u"float 1e+21"_s);
    row(u"${{ 2 ** 60 }}"_s, u"float 1152921504606847000"_s);
    // ...and so does text that looks like a value, which is what quote() is for.
    row(u"${{ '1.0' }}"_s, u"int 1"_s);
    row(u"${{ '1.5' }}"_s, u"float 1.5"_s);
    row(u"${{ '-.5e1' }}"_s, u"int -5"_s);
    row(u"${{ '0' }}"_s, u"int 0"_s);
    row(u"${{ 't' }}"_s, u"true"_s);
    row(u"${{ 'False' }}"_s, u"false"_s);
    row(u"${{ 'yes' }}"_s, uR"("yes")"_s);
    row(u"${{ 'null' }}"_s, u"nil"_s);
    row(u"${{ ' [1, {\"a\": 2}] ' }}"_s, u"[int 1, {a: int 2}]"_s);
    row(u"${{ '1, 2' }}"_s, uR"("1, 2")"_s);
    row(u"${{ 'v1.0' }}"_s, uR"("v1.0")"_s);
    row(u"${{ '1.0' }}\n"_s, u"int 1"_s);
    row(u"${{ 'text' }}\n"_s, u"\"text\n\""_s);
    row(u"${{ quote('1.0') }}"_s, uR"("1.0")"_s);
    row(u"${{ quote(true) }}"_s, uR"("true")"_s);
    row(u"${{ quote(1) }}"_s, uR"("1")"_s);
    row(u"${{ quote('a\"b\\n') }}"_s, uR"("a\"b\n")"_s);
    row(u"${{ quote('1.0') }}\n"_s, u"\"1.0\n\""_s);
    row(u"${{ unsafeQuote('a') }}"_s, uR"(""a"")"_s);
    row(u"${{ unsafeQuote([1]) }}"_s, uR"("[1]")"_s);
    row(u"v${{ '1' }}.${{ 0 }}"_s, uR"("v1.0")"_s);
    row(u"${{ 1 }}.${{ 5 }}"_s, u"float 1.5"_s);
    // Anything else is a string, with non-strings written as JSON.
    row(u"plain"_s, uR"("plain")"_s);
    row(u"42"_s, uR"("42")"_s);
    row(u""_s, uR"("")"_s);
    row(u"no ${ { braces }}"_s, uR"("no ${ { braces }}")"_s);
    row(u"replicas: ${{ vars.replicas }}"_s, uR"("replicas: 3")"_s);
    row(u"${{ vars.name }}-${{ ctx.stage }}"_s, uR"("app-dev")"_s);
    row(u"${{ 'a' }}${{ 'b' }}"_s, uR"("ab")"_s);
    row(u"${{ vars.ratio }}x"_s, uR"("0.5x")"_s);
    row(u"${{ vars.tags }}!"_s, uR"("["v1","v2","v3"]!")"_s);
    row(u"${{ {b: 1, a: nil} }}."_s, uR"("{"a":null,"b":1}.")"_s);
    row(u"${{ 1e21 }} ${{ 1e-7 }} ${{ 2.0 }} ${{ 123456789.0 }}"_s,
        uR"("1e+21 1e-7 2 123456789")"_s);
    row(u"${{ true }}/${{ nil }}"_s, uR"("true/null")"_s);
    row(u"${{ [\"<&>\"] }}-"_s, uR"("["\u003c\u0026\u003e"]-")"_s);
    row(u"${{ \"<&>\" }}-"_s, uR"("<&>-")"_s);
    row(u"commit ${{ outputs['update-image'].commit }}"_s, uR"("commit deadbeef")"_s);
    row(u"${{ imageFrom('ghcr.io/x').tag }}"_s, uR"("1.2.3")"_s);
    // Errors say where the expression starts and where inside it things went wrong.
    row(u"x ${{ vars.name"_s,
        uR"(error: unclosed expression at column 3: expected "}}" but reached end of template)"_s);
    row(u"${% vars.name }}"_s,
        uR"(error: unclosed expression at column 1: expected "%}" but reached end of template)"_s);
    row(u"${{ 1 + }}"_s,
        u"error: expression at column 1: unexpected end of expression (column 6)"_s);
    row(u"a ${{ fail() }}"_s, u"error: expression at column 3: fail: boom (column 2)"_s);
    row(u"${{ }}"_s, u"error: expression at column 1: unexpected end of expression (column 2)"_s);
}

void TestExpression::render()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QString error;
    const QVariant value = ExpressionTemplate::render(text, environment(), functions(), &error);
    QCOMPARE(value.isValid() ? describe(value) : u"error: "_s + error, expected);
}

void TestExpression::budgetIsAParameter()
{
    QCOMPARE(::evaluate(u"1 + 2"_s, {}, 3), u"int 3"_s);
    QCOMPARE(::evaluate(u"1 + 2"_s, {}, 2),
             u"error: evaluation exceeded the budget of 2 steps (column 5)"_s);
}

void TestExpression::parsedExpressionIsReusable()
{
    const std::optional<Expression> expression = Expression::parse(u"x * 2"_s);
    QVERIFY(expression);
    QCOMPARE(expression->source(), u"x * 2"_s);
    const Expression copy = *expression;
    QCOMPARE(describe(expression->evaluate({{u"x"_s, 2}})), u"int 4"_s);
    QCOMPARE(describe(copy.evaluate({{u"x"_s, 1.5}})), u"float 3"_s);
    QString error;
    QVERIFY(!Expression().evaluate({}, {}, &error).isValid());
    QCOMPARE(error, u"empty expression"_s);
}

void TestExpression::noFilesEnvironmentOrNetwork_data()
{
    // Manifests come from other people's repositories: an expression sees the values it is
    // given and nothing of the machine. expr-lang's own `$env` is those values, not the process
    // environment; no builtin opens a file, reads the environment or makes a request.
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    const auto unknown = [](const QString &call, const QString &name) {
        QTest::newRow(qPrintable(call))
            << call << u"error: unknown function %1 (column 1)"_s.arg(name);
    };
    unknown(u"env(\"HOME\")"_s, u"env"_s);
    unknown(u"getenv(\"HOME\")"_s, u"getenv"_s);
    unknown(u"os(\"id\")"_s, u"os"_s);
    unknown(u"readFile(\"/etc/passwd\")"_s, u"readFile"_s);
    unknown(u"file(\"/etc/passwd\")"_s, u"file"_s);
    unknown(u"open(\"/etc/passwd\")"_s, u"open"_s);
    unknown(u"include(\"/etc/passwd\")"_s, u"include"_s);
    unknown(u"exec(\"id\")"_s, u"exec"_s);
    unknown(u"http(\"http://127.0.0.1/\")"_s, u"http"_s);
    unknown(u"httpGet(\"http://127.0.0.1/\")"_s, u"httpGet"_s);
    unknown(u"fetch(\"http://127.0.0.1/\")"_s, u"fetch"_s);
    unknown(u"url(\"http://127.0.0.1/\")"_s, u"url"_s);
    unknown(u"lookupEnv(\"PATH\")"_s, u"lookupEnv"_s);
    QTest::newRow("$env.HOME") << u"$env.HOME"_s << u"nil"_s;
    QTest::newRow("$env[\"PATH\"]") << u"$env[\"PATH\"]"_s << u"nil"_s;
    QTest::newRow("keys($env) are the given names")
        << u"keys($env)"_s << uR"(["ctx", "nums", "outputs", "result", "users", "vars"])"_s;
    QTest::newRow("$HOME is a variable, unset") << u"$HOME"_s << u"nil"_s;
    QTest::newRow("HOME is a variable, unset") << u"HOME"_s << u"nil"_s;
    QTest::newRow("a path is a string") << u"\"/etc/passwd\" + \"\""_s << u"\"/etc/passwd\""_s;
}

void TestExpression::noFilesEnvironmentOrNetwork()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    qputenv("STEVEDORE_EXPRESSION_PROBE", "visible");
    QCOMPARE(::evaluate(source), expected);
    QVERIFY(!::evaluate(u"toJSON($env)"_s).contains(u"STEVEDORE_EXPRESSION_PROBE"_s));
    QVERIFY(!::evaluate(u"toJSON($env)"_s).contains(u"visible"_s));
}

QTEST_GUILESS_MAIN(TestExpression)
#include "tst_expression.moc"
