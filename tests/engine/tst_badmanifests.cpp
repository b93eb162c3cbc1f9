#include "engine/manifestloader.h"

#include <QTest>

#include <algorithm>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

const QString fileName = u"bad.yaml"_s;

/// A resource with apiVersion, kind, metadata.name and @p spec. Lines 1-5 are the header, so
/// the spec's first line is line 6.
QByteArray resource(const char *kind, const QByteArray &spec, const char *name = "x",
                    const char *apiVersion = "kargo.akuity.io/v1alpha1")
{
    return QByteArray("apiVersion: ") + apiVersion + "\nkind: " + kind +
           "\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
}

/// Warehouse "w" with one image subscription; @p fields continue it from line 9, column 7.
QByteArray imageWarehouse(const QByteArray &fields = {}, const char *name = "w")
{
    return resource("Warehouse",
                    "  subscriptions:\n  - image:\n      repoURL: ghcr.io/org/app\n" + fields,
                    name);
}

/// Warehouse "w" with one git subscription; @p fields continue it from line 9, column 7.
QByteArray gitWarehouse(const QByteArray &fields = {})
{
    return resource(
        "Warehouse",
        "  subscriptions:\n  - git:\n      repoURL: https://github.com/org/repo\n" + fields, "w");
}

/// A subscription list from line 6 on (the entry's first line is line 7).
QByteArray warehouseSpec(const QByteArray &subscriptions)
{
    return resource("Warehouse", "  subscriptions:\n" + subscriptions, "w");
}

/// requestedFreight from warehouse w on lines 6-10; @p sources continue from line 11, column 7.
QByteArray freightFrom(const QByteArray &sources, const char *warehouse = "w")
{
    return QByteArray("  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: ") +
           warehouse + "\n    sources:\n" + sources;
}

const QByteArray direct = "      direct: true\n";

/// Stage @p name (lines 1-5 its header, spec from line 6), then warehouse w and @p more.
QByteArray stage(const QByteArray &spec, const char *name = "s", const QByteArray &more = {})
{
    return resource("Stage", spec, name) + "---\n" + imageWarehouse() + more;
}

/// Stage "s" taking freight directly from w; its steps start at line 15 ("      - " at column 7).
QByteArray stageWithSteps(const QByteArray &steps, const QByteArray &more = {})
{
    return stage(freightFrom(direct) + "  promotionTemplate:\n    spec:\n      steps:\n" + steps,
                 "s", more);
}

/// A PromotionTask "t" with @p vars (a `vars:` list body, or nothing) and one git-clear step.
QByteArray task(const QByteArray &vars = {})
{
    return "---\n" + resource("PromotionTask",
                              (vars.isEmpty() ? QByteArray() : QByteArray("  vars:\n" + vars)) +
                                  "  steps:\n  - uses: git-clear\n    config:\n      path: ./out\n",
                              "t");
}

/// An AnalysisTemplate with one Prometheus metric; @p metric continues it from line 8, column 5.
QByteArray analysisTemplate(const QByteArray &metric,
                            const QByteArray &provider = "      prometheus:\n"
                                                         "        address: http://prometheus\n"
                                                         "        query: up\n")
{
    return resource("AnalysisTemplate",
                    "  metrics:\n  - name: m\n" + metric + "    provider:\n" + provider, "a",
                    "argoproj.io/v1alpha1");
}

/// AnalysisTemplate "a", for stages that refer to it.
QByteArray analysisDocument()
{
    return "---\n" + analysisTemplate({});
}

void addRow(const char *name, const QByteArray &text, Problem::Severity severity, int line,
            int column, const QString &message)
{
    QTest::newRow(name) << text << int(severity) << line << column << message;
}

constexpr auto Error = Problem::Severity::Error;
constexpr auto Warning = Problem::Severity::Warning;

QString dump(const Problems &problems)
{
    QStringList lines;
    for (const Problem &problem : problems)
        lines.append(u"  "_s + problem.toString());
    return lines.isEmpty() ? u"  (no problems)"_s : lines.join(u'\n');
}

} // namespace

/// Hand-written manifests with one mistake each: the loader reports that mistake, at the value
/// that is wrong or the key that is wrong, unknown or removed, and nothing else.
class TestBadManifests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsMistake_data();
    void reportsMistake();
    void acceptsExpressionsInTypedFields();
};

void TestBadManifests::reportsMistake_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("severity");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    // --- YAML syntax ---------------------------------------------------------------------
    addRow("unclosed flow sequence",
           resource("Warehouse", "  subscriptions: [{image: {repoURL: ghcr.io/org/app}}\n"), Error,
           6, 18, uR"(YAML syntax error: this "[" list is never closed with "]")"_s);
    addRow("unclosed flow mapping",
           warehouseSpec("  - image: {repoURL: ghcr.io/org/app\n  - git:\n      repoURL: "
                         "https://github.com/org/repo\n"),
           Error, 7, 12, uR"(YAML syntax error: this "{" mapping is never closed with "}")"_s);
    addRow("bad indentation",
           "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\n"
           " namespace: p\nspec:\n  subscriptions:\n  - image:\n      repoURL: a/b\n",
           Error, 5, 2,
           u"YAML syntax error: end of map not found; check the indentation of this line"_s);
    addRow("tab indentation", imageWarehouse("\t  discoveryLimit: 5\n"), Error, 9, 1,
           u"YAML syntax error: a tab character cannot indent YAML; use spaces"_s);
    addRow("tab in a block scalar is not blamed for another error",
           "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: w\n"
           "  annotations:\n    notes: |\n      first\n      \tindented with a tab\nspec:\n"
           "  subscriptions: [{image: {repoURL: ghcr.io/org/app}}\n",
           Error, 10, 18, uR"(YAML syntax error: this "[" list is never closed with "]")"_s);
    addRow("unterminated double quote", imageWarehouse({}, "\"w"), Error, 4, 9,
           u"YAML syntax error: this quoted string is never closed"_s);
    addRow("unterminated single quote", imageWarehouse("      constraint: '^1.0\n"), Error, 9, 19,
           u"YAML syntax error: this quoted string is never closed"_s);
    addRow("unterminated quote without final newline", imageWarehouse("      constraint: \"^1.0"),
           Error, 9, 19, u"YAML syntax error: this quoted string is never closed"_s);
    addRow("undefined alias", imageWarehouse("      constraint: *range\n"), Error, 9, 19,
           u"YAML syntax error: the referenced anchor is not defined"_s);
    // Found by fuzzing: yaml-cpp 0.7 alone reads null documents here until memory runs out.
    addRow("stray comma", imageWarehouse() + "---\n,\n", Error, 10, 1,
           uR"(YAML syntax error: unexpected ",")"_s);
    addRow("stray comma after a quoted string", imageWarehouse() + "---\n\"x\",\n", Error, 10, 4,
           uR"(YAML syntax error: unexpected ",")"_s);
    addRow("duplicate mapping key",
           imageWarehouse("      discoveryLimit: 5\n      discoveryLimit: 6\n"), Error, 10, 7,
           uR"(duplicate key "discoveryLimit" (first defined at line 9))"_s);

    // --- resource shape --------------------------------------------------------------------
    addRow("missing kind", "apiVersion: kargo.akuity.io/v1alpha1\nmetadata:\n  name: w\n", Error, 1,
           1, uR"(resource is missing the required field "kind")"_s);
    addRow("missing apiVersion",
           "kind: Warehouse\nmetadata:\n  name: w\nspec:\n  subscriptions:\n  - image:\n"
           "      repoURL: ghcr.io/org/app\n",
           Error, 1, 1, uR"(resource is missing the required field "apiVersion")"_s);
    addRow("missing metadata",
           "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nspec:\n  subscriptions:\n"
           "  - image:\n      repoURL: ghcr.io/org/app\n",
           Error, 1, 1, uR"(Warehouse is missing the required field "metadata")"_s);
    addRow("missing metadata.name",
           "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  namespace: p\n"
           "spec:\n  subscriptions:\n  - image:\n      repoURL: ghcr.io/org/app\n",
           Error, 4, 3, uR"(Warehouse metadata is missing the required field "name")"_s);
    addRow("empty metadata.name",
           "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name:\n"
           "spec:\n  subscriptions:\n  - image:\n      repoURL: ghcr.io/org/app\n",
           Error, 4, 3, uR"("name" must not be empty)"_s);
    addRow("missing spec",
           "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
           "  name: w\n",
           Error, 1, 1, uR"(Warehouse is missing the required field "spec")"_s);
    addRow(
        "wrong apiVersion for a Kargo kind",
        resource("Warehouse", "  subscriptions:\n  - image:\n      repoURL: ghcr.io/org/app\n", "w",
                 "kargo.akuity.io/v1beta1"),
        Error, 1, 13,
        uR"(Warehouse needs apiVersion kargo.akuity.io/v1alpha1, not "kargo.akuity.io/v1beta1")"_s);
    addRow(
        "wrong apiVersion for an analysis template",
        resource("AnalysisTemplate",
                 "  metrics:\n  - name: m\n    provider:\n      prometheus:\n"
                 "        address: http://prometheus\n        query: up\n",
                 "a"),
        Error, 1, 13,
        uR"(AnalysisTemplate needs apiVersion argoproj.io/v1alpha1, not "kargo.akuity.io/v1alpha1")"_s);
    addRow(
        "invalid resource name", imageWarehouse({}, "My_Warehouse"), Error, 4, 9,
        uR"("My_Warehouse" is not a valid resource name: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)"_s);
    addRow(
        "unknown Kargo kind", resource("Warehous", "  subscriptions: []\n"), Error, 2, 7,
        uR"("Warehous" is not a kind of kargo.akuity.io/v1alpha1; expected one of Warehouse, Stage, PromotionTask, ClusterPromotionTask, Project, ProjectConfig, Freight, Promotion, ClusterConfig)"_s);
    addRow("document is a list", "- apiVersion: kargo.akuity.io/v1alpha1\n  kind: Warehouse\n",
           Error, 1, 1, u"a manifest must be a mapping with apiVersion, kind, metadata and spec"_s);
    addRow("unknown top-level field", imageWarehouse() + "specification: {}\n", Warning, 9, 1,
           uR"(unknown field "specification" in Warehouse)"_s);

    // --- Warehouse -------------------------------------------------------------------------
    addRow(
        "imageSelectionStrategy", imageWarehouse("      imageSelectionStrategy: Newest\n"), Error,
        9, 31,
        uR"("Newest" is not a valid imageSelectionStrategy; expected one of SemVer, Lexical, Digest, NewestBuild)"_s);
    addRow(
        "commitSelectionStrategy", gitWarehouse("      commitSelectionStrategy: NewestCommit\n"),
        Error, 9, 32,
        uR"("NewestCommit" is not a valid commitSelectionStrategy; expected one of NewestFromBranch, SemVer, Lexical, NewestTag)"_s);
    addRow("freightCreationPolicy",
           resource("Warehouse", "  freightCreationPolicy: Auto\n  subscriptions:\n  - image:\n"
                                 "      repoURL: ghcr.io/org/app\n"),
           Error, 6, 26,
           uR"("Auto" is not a valid freightCreationPolicy; expected one of Automatic, Manual)"_s);
    addRow(
        "interval in words",
        resource("Warehouse", "  interval: 5 minutes\n  subscriptions:\n  - image:\n"
                              "      repoURL: ghcr.io/org/app\n"),
        Error, 6, 13,
        uR"("5 minutes" is not a valid duration for "interval"; write it like 30s, 5m or 1h30m)"_s);
    addRow("interval in milliseconds",
           resource("Warehouse", "  interval: 500ms\n  subscriptions:\n  - image:\n"
                                 "      repoURL: ghcr.io/org/app\n"),
           Error, 6, 13,
           uR"("500ms" is not a valid duration for "interval"; write it like 30s, 5m or 1h30m)"_s);
    addRow("platform without arch", imageWarehouse("      platform: linux\n"), Error, 9, 17,
           uR"("linux" is not a platform; write os/arch, such as linux/amd64)"_s);
    addRow("discoveryLimit 0", imageWarehouse("      discoveryLimit: 0\n"), Error, 9, 23,
           uR"("discoveryLimit" must be between 1 and 100, not 0)"_s);
    addRow("discoveryLimit 101", gitWarehouse("      discoveryLimit: 101\n"), Error, 9, 23,
           uR"("discoveryLimit" must be between 1 and 100, not 101)"_s);
    addRow("discoveryLimit not a number", imageWarehouse("      discoveryLimit: ten\n"), Error, 9,
           23, uR"("discoveryLimit" must be a whole number, not "ten")"_s);
    addRow("discoveryLimit quoted", imageWarehouse("      discoveryLimit: \"5\"\n"), Error, 9, 23,
           uR"("discoveryLimit" must be a whole number, not "5")"_s);
    addRow("strictSemvers given a string", imageWarehouse("      strictSemvers: \"false\"\n"),
           Error, 9, 22, uR"("strictSemvers" must be true or false, not "false")"_s);
    addRow("cacheByTag given a word", imageWarehouse("      cacheByTag: maybe\n"), Error, 9, 19,
           uR"("cacheByTag" must be true or false, not "maybe")"_s);
    addRow("insecureSkipTLSVerify given a number", gitWarehouse("      insecureSkipTLSVerify: 1\n"),
           Error, 9, 30, uR"("insecureSkipTLSVerify" must be true or false, not "1")"_s);
    addRow("http chart without name",
           warehouseSpec("  - chart:\n      repoURL: https://charts.example.com\n"), Error, 8, 7,
           uR"(a chart from an http(s) repository needs "name")"_s);
    addRow(
        "oci chart with name",
        warehouseSpec("  - chart:\n      repoURL: oci://ghcr.io/org/charts/app\n      name: app\n"),
        Error, 9, 13, uR"(an oci:// chart is named by its repoURL; leave "name" empty)"_s);
    addRow(
        "ftp chart repository",
        warehouseSpec("  - chart:\n      repoURL: ftp://charts.example.com\n      name: app\n"),
        Error, 8, 16,
        uR"("ftp://charts.example.com" is not a chart repository; use an http(s):// repository or an oci:// registry)"_s);
    addRow(
        "git repoURL not a URL", warehouseSpec("  - git:\n      repoURL: not a url\n"), Error, 8,
        16,
        uR"("not a url" is not a git URL; use https://, ssh://, git://, file:// or user@host:path)"_s);
    addRow("git branch name", gitWarehouse("      branch: -main\n"), Error, 9, 15,
           uR"("-main" is not a valid branch name)"_s);
    addRow(
        "image repoURL with a tag",
        warehouseSpec("  - image:\n      repoURL: ghcr.io/org/app:v1.0.0\n"), Error, 8, 16,
        uR"("ghcr.io/org/app:v1.0.0" is not an image repository; write it without a tag or digest, like ghcr.io/org/app)"_s);
    addRow(
        "Digest without constraint", imageWarehouse("      imageSelectionStrategy: Digest\n"),
        Error, 8, 7,
        uR"(the Digest strategy needs "constraint": the mutable tag to follow, such as latest)"_s);
    addRow(
        "Digest with empty constraint",
        imageWarehouse("      imageSelectionStrategy: Digest\n      constraint:\n"), Error, 10, 7,
        uR"(the Digest strategy needs "constraint": the mutable tag to follow, such as latest)"_s);
    addRow("invalid semver constraint", imageWarehouse("      constraint: '>= 1.0 <<2'\n"), Error,
           9, 19, uR"(invalid semver constraint ">= 1.0 <<2": improper constraint: >= 1.0 <<2)"_s);
    addRow("invalid git semverConstraint",
           gitWarehouse("      commitSelectionStrategy: SemVer\n      semverConstraint: banana\n"),
           Error, 10, 25, uR"(invalid semver constraint "banana": improper constraint: banana)"_s);
    addRow("invalid regex in allowTagsRegexes",
           imageWarehouse("      allowTagsRegexes:\n      - ^v(1\n"), Error, 10, 9,
           u"invalid regular expression: missing closing parenthesis"_s);
    addRow("invalid regex in ignoreTagsRegexes",
           gitWarehouse("      ignoreTagsRegexes:\n      - '[a-'\n"), Error, 10, 9,
           u"invalid regular expression: missing terminating ] for character class"_s);
    addRow("invalid regex in includePaths",
           gitWarehouse("      includePaths:\n      - regex:app(\n"), Error, 10, 9,
           u"invalid regular expression in path filter: missing closing parenthesis"_s);
    // Kargo compiles these with Go's regexp (RE2): PCRE-only syntax is an error too.
    addRow("lookahead in allowTagsRegexes",
           imageWarehouse("      allowTagsRegexes:\n      - '^v(?!0)'\n"), Error, 10, 9,
           u"invalid regular expression: invalid or unsupported Perl syntax: `(?!` (lookahead "
           "assertions are not supported)"_s);
    addRow("repeat count in ignoreTagsRegexes",
           gitWarehouse("      ignoreTagsRegexes:\n      - 'x{1001}'\n"), Error, 10, 9,
           u"invalid regular expression: invalid repeat count: `{1001}` (repetition counts go up "
           "to 1000)"_s);
    addRow("lookbehind in excludePaths",
           gitWarehouse("      excludePaths:\n      - regexp:(?<=docs/)x\n"), Error, 10, 9,
           u"invalid regular expression in path filter: invalid or unsupported Perl syntax: "
           "`(?<=` (lookbehind assertions are not supported)"_s);
    addRow(
        "image allowTags removed", imageWarehouse("      allowTags: ^v1\\.\n"), Error, 9, 7,
        uR"("allowTags" is no longer supported by Kargo: write the pattern as a list under "allowTagsRegexes")"_s);
    addRow(
        "image ignoreTags removed", imageWarehouse("      ignoreTags:\n      - latest\n"), Error, 9,
        7,
        uR"("ignoreTags" is no longer supported by Kargo: write the patterns as a list under "ignoreTagsRegexes")"_s);
    addRow(
        "git ignoreTags removed", gitWarehouse("      ignoreTags:\n      - v1.0.0\n"), Error, 9, 7,
        uR"("ignoreTags" is no longer supported by Kargo: write the patterns as a list under "ignoreTagsRegexes")"_s);
    addRow(
        "image semverConstraint removed", imageWarehouse("      semverConstraint: ^1.0.0\n"), Error,
        9, 7,
        uR"("semverConstraint" is no longer supported by Kargo: image subscriptions take the range in "constraint")"_s);
    addRow("since without time", gitWarehouse("      since: 2025-01-31\n"), Error, 9, 14,
           uR"("2025-01-31" is not an RFC 3339 time such as 2025-01-31T12:00:00Z)"_s);
    addRow("since without offset", gitWarehouse("      since: 2025-01-31T12:00:00\n"), Error, 9, 14,
           uR"("2025-01-31T12:00:00" is not an RFC 3339 time such as 2025-01-31T12:00:00Z)"_s);
    addRow("since with a tag strategy",
           gitWarehouse("      commitSelectionStrategy: NewestTag\n"
                        "      since: 2025-01-31T12:00:00Z\n"),
           Error, 10, 7, uR"("since" only applies to the NewestFromBranch strategy)"_s);
    addRow("subscription without a kind", warehouseSpec("  - helm:\n      repoURL: x\n"), Error, 7,
           5, u"a subscription needs one of git, image or chart"_s);
    addRow("subscription with two kinds",
           warehouseSpec("  - image:\n      repoURL: ghcr.io/org/app\n    git:\n"
                         "      repoURL: https://github.com/org/repo\n"),
           Error, 9, 5, u"a subscription has exactly one of git, image or chart"_s);
    addRow("unknown subscription field", imageWarehouse("      tagRegex: ^v1\n"), Warning, 9, 7,
           uR"(unknown field "tagRegex" in image subscription)"_s);
    addRow("no subscriptions", resource("Warehouse", "  subscriptions: []\n"), Error, 6, 18,
           uR"("subscriptions" must not be empty)"_s);
    addRow("subscriptions missing", resource("Warehouse", "  interval: 5m\n"), Error, 6, 3,
           uR"(Warehouse spec is missing the required field "subscriptions")"_s);

    // --- Stage -----------------------------------------------------------------------------
    addRow(
        "sources with neither direct nor stages", stage(freightFrom("      direct: false\n")),
        Error, 11, 7,
        uR"(freight sources need "direct: true" or at least one upstream stage under "stages")"_s);
    addRow("direct given a string", stage(freightFrom("      direct: \"true\"\n")), Error, 11, 15,
           uR"("direct" must be true or false, not "true")"_s);
    addRow("unknown upstream stage", stage(freightFrom("      stages:\n      - nope\n")), Error, 12,
           9, uR"(stage "nope" is not defined in this pipeline)"_s);
    addRow("unknown warehouse", stage(freightFrom(direct, "w2")), Error, 9, 13,
           uR"(warehouse "w2" is not defined in this pipeline)"_s);
    addRow("origin kind",
           stage("  requestedFreight:\n  - origin:\n      kind: Stage\n      name: w\n"
                 "    sources:\n      direct: true\n"),
           Error, 8, 13, uR"("Stage" is not a valid kind; expected one of Warehouse)"_s);
    addRow("availabilityStrategy", stage(freightFrom(direct + "      availabilityStrategy: Any\n")),
           Error, 12, 29,
           uR"("Any" is not a valid availabilityStrategy; expected one of OneOf, All)"_s);
    addRow(
        "selectionPolicy",
        stage(freightFrom(direct + "      autoPromotionOptions:\n"
                                   "        selectionPolicy: Oldest\n")),
        Error, 13, 26,
        uR"("Oldest" is not a valid selectionPolicy; expected one of NewestFreight, MatchUpstream)"_s);
    addRow(
        "requiredSoakTime in days",
        stage(freightFrom("      stages:\n      - a\n      requiredSoakTime: 1d\n"), "s",
              "---\n" + resource("Stage", freightFrom(direct), "a")),
        Error, 13, 25,
        uR"("1d" is not a valid duration for "requiredSoakTime"; write it like 30s, 5m or 1h30m)"_s);
    addRow("stage cycle of two",
           stage(freightFrom("      stages:\n      - t\n"), "s",
                 "---\n" + resource("Stage", freightFrom("      stages:\n      - s\n"), "t")),
           Error, 34, 9, u"stages form a cycle: s \u2192 t \u2192 s"_s);
    addRow("stage cycle of three",
           stage(freightFrom("      stages:\n      - c\n"), "a",
                 "---\n" + resource("Stage", freightFrom("      stages:\n      - a\n"), "b") +
                     "---\n" + resource("Stage", freightFrom("      stages:\n      - b\n"), "c")),
           Error, 34, 9, u"stages form a cycle: a \u2192 b \u2192 c \u2192 a"_s);
    addRow("stage sourcing itself", stage(freightFrom("      stages:\n      - s\n")), Error, 12, 9,
           u"stages form a cycle: s \u2192 s"_s);
    addRow("duplicate stage names",
           stage(freightFrom(direct), "s", "---\n" + resource("Stage", freightFrom(direct), "s")),
           Error, 25, 9, uR"(Stage "s" is defined twice (first at bad.yaml:4))"_s);
    addRow(
        "unknown stage colour",
        "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: s\n"
        "  annotations:\n    kargo.akuity.io/color: mauve\nspec:\n" +
            freightFrom(direct) + "---\n" + imageWarehouse(),
        Warning, 6, 28,
        uR"("mauve" is not a stage colour Kargo knows; use one of red, salmon, orange, amber, yellow, lime, avocado, green, teal, cyan, sky, blue, indigo, periwinkle, violet, purple, fuchsia, pink, rose, dragonfruit, gray)"_s);
    addRow(
        "analysis template kind",
        stage(freightFrom(direct) + "  verification:\n    analysisTemplates:\n    - name: a\n"
                                    "      kind: Template\n",
              "s", analysisDocument()),
        Error, 15, 13,
        uR"("Template" is not a valid kind; expected one of AnalysisTemplate, ClusterAnalysisTemplate)"_s);
    addRow(
        "unknown analysis template",
        stage(freightFrom(direct) + "  verification:\n    analysisTemplates:\n    - name: nope\n"),
        Error, 14, 13, uR"(AnalysisTemplate "nope" is not defined in this pipeline)"_s);
    addRow(
        "verification argument with valueFrom",
        stage(freightFrom(direct) + "  verification:\n    analysisTemplates:\n    - name: a\n"
                                    "    args:\n    - name: env\n      valueFrom:\n"
                                    "        secretKeyRef: {name: s, key: k}\n",
              "s", analysisDocument()),
        Error, 17, 7,
        uR"(a Stage's verification arguments take a "value" only; "valueFrom" works in the AnalysisTemplate's own args)"_s);
    addRow("verification argument without value",
           stage(freightFrom(direct) + "  verification:\n    analysisTemplates:\n    - name: a\n"
                                       "    args:\n    - name: env\n",
                 "s", analysisDocument()),
           Error, 16, 7, uR"(verification argument is missing the required field "value")"_s);

    // --- promotion steps -------------------------------------------------------------------
    addRow("duplicate step alias",
           stageWithSteps("      - uses: git-clear\n        as: clear\n        config:\n"
                          "          path: ./out\n"
                          "      - uses: git-clear\n        as: clear\n        config:\n"
                          "          path: ./out\n"),
           Error, 20, 13, uR"(step alias "clear" is already used by the step at line 15)"_s);
    addRow("reserved alias step-1",
           stageWithSteps("      - uses: git-clear\n        as: step-1\n        config:\n"
                          "          path: ./out\n"),
           Error, 16, 13,
           uR"("step-1" is reserved for Kargo's default step aliases; choose another name)"_s);
    addRow("reserved alias task-2",
           stageWithSteps("      - uses: git-clear\n        as: task-2\n        config:\n"
                          "          path: ./out\n"),
           Error, 16, 13,
           uR"("task-2" is reserved for Kargo's default step aliases; choose another name)"_s);
    addRow("step with uses and task",
           stageWithSteps("      - uses: git-clear\n        task:\n          name: t\n"
                          "        config:\n          path: ./out\n",
                          task()),
           Error, 16, 9, uR"(a step has either "uses" or "task", not both)"_s);
    addRow("step with neither uses nor task",
           stageWithSteps("      - as: nothing\n        config:\n          path: ./out\n"), Error,
           15, 9, uR"(a promotion step needs "uses" (a step) or "task" (a PromotionTask))"_s);
    addRow(
        "task step with continueOnError",
        stageWithSteps("      - task:\n          name: t\n        continueOnError: true\n", task()),
        Error, 17, 9,
        uR"(a task step cannot set "continueOnError"; set it on the task's own steps)"_s);
    addRow("task step with retry",
           stageWithSteps("      - task:\n          name: t\n        retry:\n"
                          "          errorThreshold: 3\n",
                          task()),
           Error, 17, 9, uR"(a task step cannot set "retry"; set it on the task's own steps)"_s);
    addRow("task kind",
           stageWithSteps("      - task:\n          name: t\n          kind: Task\n", task()),
           Error, 17, 17,
           uR"("Task" is not a valid kind; expected one of PromotionTask, ClusterPromotionTask)"_s);
    addRow("unknown task", stageWithSteps("      - task:\n          name: nope\n"), Error, 16, 17,
           uR"(PromotionTask "nope" is not defined in this pipeline)"_s);
    addRow(
        "task variable without value",
        stageWithSteps("      - task:\n          name: t\n", task("  - name: repo\n")), Error, 16,
        17,
        uR"(task "t" needs a value for variable "repo"; set it in this step's vars or the promotion template's vars)"_s);
    addRow(
        "invalid variable name",
        stageWithSteps("      - task:\n          name: t\n        vars:\n        - name: 1repo\n"
                       "          value: x\n",
                       task()),
        Error, 18, 17,
        uR"("1repo" is not a valid variable name: use letters, digits and '_', not starting with a digit)"_s);
    addRow(
        "helm-update-image removed",
        stageWithSteps("      - uses: helm-update-image\n        config:\n"
                       "          path: values.yaml\n"),
        Error, 15, 15,
        u"the helm-update-image step was removed from Kargo; update the image in the values file with yaml-update instead"_s);
    addRow("custom step", stageWithSteps("      - uses: snow-create\n"), Warning, 15, 15,
           uR"("snow-create" is not one of Kargo's built-in steps; Stevedore cannot run it)"_s);
    addRow("git-clone without config", stageWithSteps("      - uses: git-clone\n"), Error, 15, 15,
           uR"(step git-clone needs a "config")"_s);
    addRow("git-clone without checkout",
           stageWithSteps("      - uses: git-clone\n        config:\n"
                          "          repoURL: https://github.com/org/repo\n"),
           Error, 17, 11, uR"(the git-clone config is missing the required field "checkout")"_s);
    addRow("git-clone checkout with branch and tag",
           stageWithSteps("      - uses: git-clone\n        config:\n"
                          "          repoURL: https://github.com/org/repo\n          checkout:\n"
                          "          - branch: main\n            tag: v1.0.0\n"
                          "            path: ./src\n"),
           Error, 20, 13, uR"(an entry of "checkout" takes only one of branch, tag)"_s);
    addRow(
        "yaml-update update without key",
        stageWithSteps("      - uses: yaml-update\n        config:\n          path: values.yaml\n"
                       "          updates:\n          - value: 1.2.3\n"),
        Error, 19, 13, uR"(an entry of "updates" is missing the required field "key")"_s);
    addRow("git-push with targetBranch and generateTargetBranch",
           stageWithSteps("      - uses: git-push\n        config:\n          path: ./out\n"
                          "          targetBranch: main\n          generateTargetBranch: true\n"),
           Error, 18, 25,
           uR"(git-push takes "targetBranch" or "generateTargetBranch: true", not both)"_s);
    addRow("unknown config field",
           stageWithSteps("      - uses: git-clear\n        config:\n          path: ./out\n"
                          "          force: true\n"),
           Warning, 18, 11, uR"(unknown field "force" in the git-clear config)"_s);
    addRow("bool config field given a string",
           stageWithSteps("      - uses: git-clone\n        config:\n"
                          "          repoURL: https://github.com/org/repo\n"
                          "          insecureSkipTLSVerify: \"yes\"\n          checkout:\n"
                          "          - path: ./src\n"),
           Error, 18, 34,
           uR"("insecureSkipTLSVerify" in the git-clone config must be true or false)"_s);
    addRow(
        "git-commit messageFromSteps removed",
        stageWithSteps("      - uses: git-commit\n        config:\n          path: ./out\n"
                       "          message: update\n          messageFromSteps:\n"
                       "          - update-image\n"),
        Error, 19, 11,
        uR"(git-commit's "messageFromSteps" was removed in Kargo v1.5; build "message" with an expression over the steps' outputs instead)"_s);
    addRow(
        "git-open-pr prNumber output",
        stageWithSteps("      - uses: git-open-pr\n        as: open-pr\n        config:\n"
                       "          repoURL: https://github.com/org/repo\n"
                       "          sourceBranch: feature\n          targetBranch: main\n"
                       "      - uses: git-wait-for-pr\n        config:\n"
                       "          repoURL: https://github.com/org/repo\n"
                       "          prNumber: ${{ outputs['open-pr'].prNumber }}\n"),
        Error, 24, 21,
        u"git-open-pr no longer outputs \"prNumber\"; read the pull request number as outputs['open-pr'].pr.id"_s);
    addRow(
        "git-open-pr createTargetBranch",
        stageWithSteps("      - uses: git-open-pr\n        config:\n"
                       "          repoURL: https://github.com/org/repo\n"
                       "          sourceBranch: feature\n          targetBranch: main\n"
                       "          createTargetBranch: true\n"),
        Warning, 20, 11,
        uR"(git-open-pr's "createTargetBranch" is deprecated since Kargo v1.10 and removed in v1.12; make sure the target branch exists beforehand instead)"_s);

    // --- AnalysisTemplate ------------------------------------------------------------------
    addRow("metric without provider",
           resource("AnalysisTemplate", "  metrics:\n  - name: m\n    interval: 5s\n", "a",
                    "argoproj.io/v1alpha1"),
           Error, 7, 5, uR"(metric is missing the required field "provider")"_s);
    addRow("prometheus without query",
           analysisTemplate({}, "      prometheus:\n        address: http://prometheus\n"), Error,
           10, 9, uR"(prometheus provider is missing the required field "query")"_s);
    addRow("duplicate metric names",
           resource("AnalysisTemplate",
                    "  metrics:\n  - name: m\n    provider:\n      prometheus:\n"
                    "        address: http://prometheus\n        query: up\n"
                    "  - name: m\n    provider:\n      prometheus:\n"
                    "        address: http://prometheus\n        query: up\n",
                    "a", "argoproj.io/v1alpha1"),
           Error, 12, 11, uR"(metric "m" is already defined at line 7)"_s);
    addRow("interval not a Go duration", analysisTemplate("    interval: 5 sec\n"), Error, 8, 15,
           uR"("5 sec" is not a valid duration for "interval"; write it like 30s, 5m or 1h)"_s);
    addRow("count not a number", analysisTemplate("    count: many\n"), Error, 8, 12,
           uR"("count" must be a whole number, not "many")"_s);
    addRow("no metrics",
           resource("AnalysisTemplate", "  args:\n  - name: env\n", "a", "argoproj.io/v1alpha1"),
           Error, 6, 3, uR"(AnalysisTemplate spec is missing the required field "metrics")"_s);
}

void TestBadManifests::reportsMistake()
{
    QFETCH(QByteArray, text);
    QFETCH(int, severity);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);

    const Pipeline pipeline = ManifestLoader::loadText(fileName, text);
    const auto expected = [&](const Problem &problem) {
        return int(problem.severity) == severity && problem.location.file == fileName &&
               problem.location.line == line && problem.location.column == column &&
               problem.message == message;
    };
    const auto found = std::find_if(pipeline.problems.begin(), pipeline.problems.end(), expected);
    if (found == pipeline.problems.end()) {
        const Problem wanted{Problem::Severity(severity), {fileName, line, column}, message};
        QFAIL(qPrintable(
            u"expected\n  %1\nbut got\n%2"_s.arg(wanted.toString(), dump(pipeline.problems))));
    }
    // Nothing else but notes: one mistake, one finding.
    for (const Problem &problem : pipeline.problems) {
        if (&problem == &*found || problem.severity == Problem::Severity::Note)
            continue;
        QFAIL(qPrintable(
            u"unexpected problem besides the expected one:\n%1"_s.arg(dump(pipeline.problems))));
    }
}

void TestBadManifests::acceptsExpressionsInTypedFields()
{
    // A `${{ }}` expression may evaluate to any type at promotion time, so typed step fields
    // take it; the same goes for `${% %}`.
    const QByteArray text =
        stageWithSteps("      - uses: git-clone\n        config:\n"
                       "          repoURL: https://github.com/org/repo\n"
                       "          insecureSkipTLSVerify: ${{ vars.insecure }}\n"
                       "          recurseSubmodules: ${% vars.submodules %}\n"
                       "          checkout:\n          - path: ./src\n"
                       "            create: ${{ vars.create == 'true' }}\n"
                       "      - uses: git-push\n        config:\n          path: ./src\n"
                       "          maxAttempts: ${{ vars.attempts }}\n"
                       "          generateTargetBranch: ${{ true }}\n");
    const Pipeline pipeline = ManifestLoader::loadText(fileName, text);
    QVERIFY2(pipeline.problems.isEmpty(), qPrintable(dump(pipeline.problems)));
    QCOMPARE(pipeline.stages.size(), 1);
    QCOMPARE(pipeline.stages.first().promotionTemplate.steps.size(), 2);
}

QTEST_GUILESS_MAIN(TestBadManifests)
#include "tst_badmanifests.moc"
