#include "engine/manifestloader.h"
#include "engine/pipelinegraph.h"
#include "engine/stagecolors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;

using Kind = PipelineGraph::Node::Kind;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(STEVEDORE_FIXTURES_DIR) + u'/' + name;
}

QStringList namesOf(const PipelineGraph &graph, Kind kind)
{
    QStringList names;
    for (const PipelineGraph::Node &node : graph.nodes) {
        if (node.kind == kind)
            names.append(node.name);
    }
    return names;
}

/// Each edge as "FROM-ID -> TO-ID".
QStringList edgesOf(const PipelineGraph &graph)
{
    QStringList edges;
    for (const PipelineGraph::Edge &edge : graph.edges)
        edges.append(graph.nodes.at(edge.from).id + u" -> "_s + graph.nodes.at(edge.to).id);
    return edges;
}

RequestedFreight direct(const QString &warehouse)
{
    RequestedFreight request;
    request.origin.name = warehouse;
    request.direct = true;
    return request;
}

RequestedFreight upstream(const QString &warehouse, const QStringList &stages)
{
    RequestedFreight request;
    request.origin.name = warehouse;
    request.upstreamStages = stages;
    return request;
}

Warehouse warehouse(const QString &name)
{
    Warehouse result;
    result.name = name;
    return result;
}

/// A stage with one promotion step, so that it is not a control-flow stage.
Stage stage(const QString &name, const QList<RequestedFreight> &requests, const QString &color = {})
{
    Stage result;
    result.name = name;
    result.color = color;
    result.requestedFreight = requests;
    PromotionStep step;
    step.uses = u"git-clone"_s;
    result.promotionTemplate.steps.append(step);
    return result;
}

const char kargoSimpleText[] = R"(warehouse guestbook
stage dev color=red
stage staging color=amber
stage prod color=violet
guestbook -> dev
dev -> staging
staging -> prod
)";

const char kargoSimpleDot[] = R"(digraph "kargo-simple" {
  rankdir=LR;
  "guestbook" [kind="Warehouse", shape=cylinder];
  "dev" [kind="Stage", shape=box, style="rounded,filled", fillcolor="#ed204e", color_name="red"];
  "staging" [kind="Stage", shape=box, style="rounded,filled", fillcolor="#e78a00", color_name="amber"];
  "prod" [kind="Stage", shape=box, style="rounded,filled", fillcolor="#7851aa", color_name="violet"];
  "guestbook" -> "dev";
  "dev" -> "staging";
  "staging" -> "prod";
}
)";

const char kargoSimpleJson[] = R"({
    "edges": [
        {
            "from": {
                "kind": "Warehouse",
                "name": "guestbook"
            },
            "origins": [
                "guestbook"
            ],
            "to": {
                "kind": "Stage",
                "name": "dev"
            }
        },
        {
            "from": {
                "kind": "Stage",
                "name": "dev"
            },
            "origins": [
                "guestbook"
            ],
            "to": {
                "kind": "Stage",
                "name": "staging"
            }
        },
        {
            "from": {
                "kind": "Stage",
                "name": "staging"
            },
            "origins": [
                "guestbook"
            ],
            "to": {
                "kind": "Stage",
                "name": "prod"
            }
        }
    ],
    "project": "kargo-simple",
    "stages": [
        {
            "color": "red",
            "colorHex": "#ed204e",
            "controlFlow": false,
            "name": "dev"
        },
        {
            "color": "amber",
            "colorHex": "#e78a00",
            "controlFlow": false,
            "name": "staging"
        },
        {
            "color": "violet",
            "colorHex": "#7851aa",
            "controlFlow": false,
            "name": "prod"
        }
    ],
    "warehouses": [
        {
            "name": "guestbook"
        }
    ]
}
)";

const QString manifestHeader = u"apiVersion: kargo.akuity.io/v1alpha1\n"_s;

QString warehouseYaml(const QString &name)
{
    return manifestHeader +
           u"kind: Warehouse\nmetadata:\n  name: %1\n  namespace: p\nspec:\n"
           "  subscriptions:\n  - image:\n      repoURL: ghcr.io/example/app\n"_s.arg(name);
}

/// A control-flow stage (no promotion steps), so that nothing but its sources can be wrong.
QString stageYaml(const QString &name, const QString &warehouseName, const QStringList &upstreams)
{
    QString yaml =
        manifestHeader + u"kind: Stage\nmetadata:\n  name: %1\n  namespace: p\nspec:\n"
                         "  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: %2\n"
                         "    sources:\n"_s.arg(name, warehouseName);
    if (upstreams.isEmpty()) {
        yaml += u"      direct: true\n"_s;
    } else {
        yaml += u"      stages:\n"_s;
        for (const QString &up : upstreams)
            yaml += u"      - "_s + up + u'\n';
    }
    return yaml;
}

} // namespace

/// PipelineGraph: nodes, colours and edges of real pipelines, and the text, JSON and DOT that
/// `stevedorectl graph` prints.
class TestPipelineGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtures_data();
    void fixtures();
    void kargoSimpleOutput();
    void dotIdsAndEdges_data();
    void dotIdsAndEdges();
    void jsonMatchesGraph_data();
    void jsonMatchesGraph();
    void sameNameWarehouseAndStage();
    void edgeMergesOrigins();
    void colors_data();
    void colors();
    void fallbackColorsAreStable();
    void controlFlowStage();
    void invalidPipelineStillDrawn_data();
    void invalidPipelineStillDrawn();
    void dotEscapesQuotes();
};

void TestPipelineGraph::fixtures_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("warehouses");
    QTest::addColumn<QStringList>("stages");
    QTest::addColumn<QStringList>("colors");
    QTest::addColumn<QStringList>("hexes");
    QTest::addColumn<QStringList>("edges");

    QTest::newRow("kargo-simple") << fixture(u"kargo-simple"_s) << u"kargo-simple"_s
                                  << QStringList{u"guestbook"_s}
                                  << QStringList{u"dev"_s, u"staging"_s, u"prod"_s}
                                  << QStringList{u"red"_s, u"amber"_s, u"violet"_s}
                                  << QStringList{u"#ed204e"_s, u"#e78a00"_s, u"#7851aa"_s}
                                  << QStringList{u"guestbook -> dev"_s, u"dev -> staging"_s,
                                                 u"staging -> prod"_s};
    // staging waits for both dev stages; the rest is a chain.
    QTest::newRow("active-active")
        << fixture(u"active-active"_s) << u"active-active"_s << QStringList{u"active-active"_s}
        << QStringList{u"dev-east"_s,  u"dev-west"_s,  u"staging"_s, u"approve"_s,
                       u"prod-east"_s, u"prod-west"_s, u"close"_s}
        << QStringList{u"red"_s,   u"red"_s,   u"purple"_s, u"green"_s,
                       u"green"_s, u"green"_s, u"green"_s}
        << QStringList{u"#ed204e"_s, u"#ed204e"_s, u"#a9499d"_s, u"#1cac77"_s,
                       u"#1cac77"_s, u"#1cac77"_s, u"#1cac77"_s}
        << QStringList{u"active-active -> dev-east"_s, u"active-active -> dev-west"_s,
                       u"dev-east -> staging"_s,       u"dev-west -> staging"_s,
                       u"staging -> approve"_s,        u"approve -> prod-east"_s,
                       u"prod-east -> prod-west"_s,    u"prod-west -> close"_s};
    // staging fans out to two prod stages.
    QTest::newRow("demo-auto-rollback")
        << fixture(u"demo-auto-rollback"_s) << u"demo-auto-rollback"_s
        << QStringList{u"demo-auto-rollback"_s}
        << QStringList{u"dev"_s, u"staging"_s, u"prod-amer-east"_s, u"prod-amer-west"_s}
        << QStringList{u"red"_s, u"amber"_s, u"violet"_s, u"violet"_s}
        << QStringList{u"#ed204e"_s, u"#e78a00"_s, u"#7851aa"_s, u"#7851aa"_s}
        << QStringList{u"demo-auto-rollback -> dev"_s, u"dev -> staging"_s,
                       u"staging -> prod-amer-east"_s, u"staging -> prod-amer-west"_s};
}

void TestPipelineGraph::fixtures()
{
    QFETCH(QString, path);
    QFETCH(QString, project);
    QFETCH(QStringList, warehouses);
    QFETCH(QStringList, stages);
    QFETCH(QStringList, colors);
    QFETCH(QStringList, hexes);
    QFETCH(QStringList, edges);

    const Pipeline pipeline = ManifestLoader::load(path);
    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QCOMPARE(graph.name, project);
    QCOMPARE(namesOf(graph, Kind::Warehouse), warehouses);
    QCOMPARE(namesOf(graph, Kind::Stage), stages);
    // Warehouses come first, then stages, in manifest order.
    QCOMPARE(graph.nodes.size(), warehouses.size() + stages.size());
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const PipelineGraph::Node &node = graph.nodes.at(warehouses.size() + i);
        QCOMPARE(node.color, colors.at(i));
        QCOMPARE(node.colorHex, hexes.at(i));
        QCOMPARE(node.colorHex, StageColors::hex(colors.at(i)));
        QVERIFY(!node.controlFlow);
        QCOMPARE(node.id, node.name);
    }
    for (const PipelineGraph::Node &node : graph.nodes) {
        if (node.kind == Kind::Warehouse) {
            QVERIFY(node.color.isEmpty());
            QCOMPARE(node.id, node.name);
        }
    }
    QCOMPARE(edgesOf(graph), edges);
    for (const PipelineGraph::Edge &edge : graph.edges)
        QCOMPARE(edge.origins, warehouses);
}

void TestPipelineGraph::kargoSimpleOutput()
{
    const PipelineGraph graph =
        PipelineGraph::build(ManifestLoader::load(fixture(u"kargo-simple"_s)));
    QCOMPARE(graph.toText(), QString::fromUtf8(kargoSimpleText));
    QCOMPARE(graph.toDot(), QString::fromUtf8(kargoSimpleDot));
    QCOMPARE(QString::fromUtf8(graph.toJson()), QString::fromUtf8(kargoSimpleJson));
}

void TestPipelineGraph::dotIdsAndEdges_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("kargo-simple") << fixture(u"kargo-simple"_s);
    QTest::newRow("active-active") << fixture(u"active-active"_s);
    QTest::newRow("demo-auto-rollback") << fixture(u"demo-auto-rollback"_s);
}

void TestPipelineGraph::dotIdsAndEdges()
{
    QFETCH(QString, path);
    const PipelineGraph graph = PipelineGraph::build(ManifestLoader::load(path));
    const QString dot = graph.toDot();
    QVERIFY(dot.endsWith(u"}\n"_s));

    static const QRegularExpression nodeLine(uR"re(^  "([^"\\]*)" \[(.*)\];$)re"_s);
    static const QRegularExpression edgeLine(uR"re(^  "([^"\\]*)" -> "([^"\\]*)";$)re"_s);
    QStringList nodeIds;
    QStringList edges;
    for (const QString &line : dot.split(u'\n')) {
        if (line.contains(u"->"_s)) {
            const QRegularExpressionMatch match = edgeLine.match(line);
            QVERIFY2(match.hasMatch(), qPrintable(line));
            edges.append(match.captured(1) + u" -> "_s + match.captured(2));
        } else if (const QRegularExpressionMatch match = nodeLine.match(line); match.hasMatch()) {
            nodeIds.append(match.captured(1));
        }
    }
    QStringList expectedIds;
    for (const PipelineGraph::Node &node : graph.nodes)
        expectedIds.append(node.id);
    QCOMPARE(nodeIds, expectedIds);
    QCOMPARE(QSet<QString>(nodeIds.begin(), nodeIds.end()).size(), nodeIds.size());
    QCOMPARE(edges, edgesOf(graph));
    for (const QString &edge : std::as_const(edges)) {
        const QStringList ends = edge.split(u" -> "_s);
        QVERIFY(nodeIds.contains(ends.at(0)));
        QVERIFY(nodeIds.contains(ends.at(1)));
    }
}

void TestPipelineGraph::jsonMatchesGraph_data()
{
    dotIdsAndEdges_data();
}

void TestPipelineGraph::jsonMatchesGraph()
{
    QFETCH(QString, path);
    const PipelineGraph graph = PipelineGraph::build(ManifestLoader::load(path));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(graph.toJson(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = document.object();
    QCOMPARE(root.value(u"project"_s).toString(), graph.name);
    QCOMPARE(root.value(u"warehouses"_s).toArray().size(), namesOf(graph, Kind::Warehouse).size());
    const QJsonArray stages = root.value(u"stages"_s).toArray();
    QCOMPARE(stages.size(), namesOf(graph, Kind::Stage).size());
    for (const QJsonValue &value : stages) {
        const QJsonObject object = value.toObject();
        const int index = graph.indexOf(Kind::Stage, object.value(u"name"_s).toString());
        QVERIFY(index >= 0);
        QCOMPARE(object.value(u"colorHex"_s).toString(), graph.nodes.at(index).colorHex);
        QCOMPARE(object.value(u"color"_s).toString(), graph.nodes.at(index).color);
    }
    const QJsonArray edges = root.value(u"edges"_s).toArray();
    QCOMPARE(edges.size(), graph.edges.size());
    for (qsizetype i = 0; i < edges.size(); ++i) {
        const QJsonObject edge = edges.at(i).toObject();
        const PipelineGraph::Node &from = graph.nodes.at(graph.edges.at(i).from);
        const PipelineGraph::Node &to = graph.nodes.at(graph.edges.at(i).to);
        QCOMPARE(edge.value(u"from"_s).toObject().value(u"name"_s).toString(), from.name);
        QCOMPARE(edge.value(u"to"_s).toObject().value(u"name"_s).toString(), to.name);
        QCOMPARE(edge.value(u"to"_s).toObject().value(u"kind"_s).toString(), u"Stage"_s);
    }
}

void TestPipelineGraph::sameNameWarehouseAndStage()
{
    Pipeline pipeline;
    pipeline.projectName = u"p"_s;
    pipeline.warehouses = {warehouse(u"app"_s)};
    pipeline.stages = {stage(u"app"_s, {direct(u"app"_s)}),
                       stage(u"next"_s, {upstream(u"app"_s, {u"app"_s})})};
    const PipelineGraph graph = PipelineGraph::build(pipeline);

    const int warehouseIndex = graph.indexOf(Kind::Warehouse, u"app"_s);
    const int stageIndex = graph.indexOf(Kind::Stage, u"app"_s);
    QVERIFY(warehouseIndex >= 0);
    QVERIFY(stageIndex >= 0);
    QVERIFY(warehouseIndex != stageIndex);
    QVERIFY(graph.nodes.at(warehouseIndex).id != graph.nodes.at(stageIndex).id);
    QCOMPARE(graph.nodes.at(warehouseIndex).name, u"app"_s);
    QCOMPARE(graph.nodes.at(stageIndex).name, u"app"_s);
    QCOMPARE(edgesOf(graph), (QStringList{u"Warehouse/app -> app"_s, u"app -> next"_s}));

    const QString dot = graph.toDot();
    QVERIFY2(dot.contains(u"  \"Warehouse/app\" [kind=\"Warehouse\""_s), qPrintable(dot));
    QVERIFY2(dot.contains(u"  \"app\" [kind=\"Stage\""_s), qPrintable(dot));
    QVERIFY2(dot.contains(u"  \"Warehouse/app\" -> \"app\";\n"_s), qPrintable(dot));
    QVERIFY2(dot.contains(u"  \"app\" -> \"next\";\n"_s), qPrintable(dot));
    QCOMPARE(graph.toText(), u"warehouse app\nstage app\nstage next\n"
                             "Warehouse/app -> app\napp -> next\n"_s);

    // JSON keeps names and tells the two apart by kind.
    const QJsonArray edges =
        QJsonDocument::fromJson(graph.toJson()).object().value(u"edges"_s).toArray();
    QCOMPARE(edges.size(), 2);
    const QJsonObject from = edges.at(0).toObject().value(u"from"_s).toObject();
    QCOMPARE(from.value(u"kind"_s).toString(), u"Warehouse"_s);
    QCOMPARE(from.value(u"name"_s).toString(), u"app"_s);
}

void TestPipelineGraph::edgeMergesOrigins()
{
    Pipeline pipeline;
    pipeline.warehouses = {warehouse(u"images"_s), warehouse(u"charts"_s)};
    pipeline.stages = {
        stage(u"dev"_s, {direct(u"images"_s), direct(u"charts"_s)}),
        stage(u"prod"_s, {upstream(u"images"_s, {u"dev"_s}), upstream(u"charts"_s, {u"dev"_s})})};
    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QCOMPARE(edgesOf(graph),
             (QStringList{u"images -> dev"_s, u"charts -> dev"_s, u"dev -> prod"_s}));
    QCOMPARE(graph.edges.at(2).origins, (QStringList{u"images"_s, u"charts"_s}));
    QCOMPARE(graph.edges.at(0).origins, QStringList{u"images"_s});
}

void TestPipelineGraph::colors_data()
{
    QTest::addColumn<QString>("color");
    QTest::addColumn<QString>("expectedHex");
    QTest::addColumn<QString>("textLine");

    QTest::newRow("known") << u"sky"_s << u"#0dafd3"_s << u"stage s color=sky"_s;
    QTest::newRow("gray") << u"gray"_s << u"#6a7382"_s << u"stage s color=gray"_s;
    // An unknown name is kept (the manifest says it) but drawn with the stable fallback.
    QTest::newRow("unknown") << u"chartreuse"_s << StageColors::fallbackHex(u"s"_s)
                             << u"stage s color=chartreuse"_s;
    QTest::newRow("none") << QString() << StageColors::fallbackHex(u"s"_s) << u"stage s"_s;
}

void TestPipelineGraph::colors()
{
    QFETCH(QString, color);
    QFETCH(QString, expectedHex);
    QFETCH(QString, textLine);

    Pipeline pipeline;
    pipeline.stages = {stage(u"s"_s, {}, color)};
    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QCOMPARE(graph.nodes.size(), 1);
    QCOMPARE(graph.nodes.at(0).color, color);
    QCOMPARE(graph.nodes.at(0).colorHex, expectedHex);
    QCOMPARE(graph.toText(), textLine + u'\n');
    QVERIFY(graph.toDot().contains(u"fillcolor=\"%1\""_s.arg(expectedHex)));
    QCOMPARE(graph.toDot().contains(u"color_name="_s), !color.isEmpty());
    const QJsonObject json = QJsonDocument::fromJson(graph.toJson())
                                 .object()
                                 .value(u"stages"_s)
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(json.value(u"colorHex"_s).toString(), expectedHex);
    QCOMPARE(json.value(u"color"_s).isNull(), color.isEmpty());
}

void TestPipelineGraph::fallbackColorsAreStable()
{
    QSet<QString> palette;
    for (const QString &name : StageColors::names())
        palette.insert(StageColors::hex(name));
    QCOMPARE(palette.size(), StageColors::names().size());
    for (int i = 0; i < 200; ++i) {
        const QString name = u"stage-%1"_s.arg(i);
        const QString hex = StageColors::fallbackHex(name);
        QCOMPARE(StageColors::fallbackHex(name), hex);
        QVERIFY(palette.contains(hex));
        QVERIFY2(hex != StageColors::hex(u"gray"_s), qPrintable(name));
    }
}

void TestPipelineGraph::controlFlowStage()
{
    Pipeline pipeline;
    pipeline.warehouses = {warehouse(u"w"_s)};
    Stage gate;
    gate.name = u"gate"_s;
    gate.color = u"green"_s;
    gate.requestedFreight = {direct(u"w"_s)};
    pipeline.stages = {gate, stage(u"after"_s, {upstream(u"w"_s, {u"gate"_s})})};
    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QVERIFY(graph.nodes.at(graph.indexOf(Kind::Stage, u"gate"_s)).controlFlow);
    QVERIFY(!graph.nodes.at(graph.indexOf(Kind::Stage, u"after"_s)).controlFlow);
    QCOMPARE(graph.toText(), u"warehouse w\nstage gate color=green control-flow\nstage after\n"
                             "w -> gate\ngate -> after\n"_s);
    const QJsonArray stages =
        QJsonDocument::fromJson(graph.toJson()).object().value(u"stages"_s).toArray();
    QCOMPARE(stages.at(0).toObject().value(u"controlFlow"_s).toBool(), true);
    QCOMPARE(stages.at(1).toObject().value(u"controlFlow"_s).toBool(), false);
}

void TestPipelineGraph::invalidPipelineStillDrawn_data()
{
    QTest::addColumn<QStringList>("documents");
    QTest::addColumn<QString>("expectedError");
    QTest::addColumn<QStringList>("stages");
    QTest::addColumn<QStringList>("edges");

    QTest::newRow("unknown upstream")
        << QStringList{warehouseYaml(u"src"_s), stageYaml(u"dev"_s, u"src"_s, {}),
                       stageYaml(u"test"_s, u"src"_s, {u"dev"_s, u"ghost"_s})}
        << u"stage \"ghost\" is not defined in this pipeline"_s << QStringList{u"dev"_s, u"test"_s}
        << QStringList{u"src -> dev"_s, u"dev -> test"_s};
    QTest::newRow("unknown warehouse")
        << QStringList{warehouseYaml(u"src"_s), stageYaml(u"dev"_s, u"src"_s, {}),
                       stageYaml(u"orphan"_s, u"missing"_s, {})}
        << u"warehouse \"missing\" is not defined in this pipeline"_s
        << QStringList{u"dev"_s, u"orphan"_s} << QStringList{u"src -> dev"_s};
    QTest::newRow("cycle") << QStringList{warehouseYaml(u"src"_s),
                                          stageYaml(u"a"_s, u"src"_s, {u"b"_s}),
                                          stageYaml(u"b"_s, u"src"_s, {u"a"_s})}
                           << u"cycle"_s << QStringList{u"a"_s, u"b"_s}
                           << QStringList{u"b -> a"_s, u"a -> b"_s};
    QTest::newRow("stage defined twice")
        << QStringList{warehouseYaml(u"src"_s), stageYaml(u"dev"_s, u"src"_s, {}),
                       stageYaml(u"dev"_s, u"src"_s, {})}
        << u"defined twice"_s << QStringList{u"dev"_s} << QStringList{u"src -> dev"_s};
}

void TestPipelineGraph::invalidPipelineStillDrawn()
{
    QFETCH(QStringList, documents);
    QFETCH(QString, expectedError);
    QFETCH(QStringList, stages);
    QFETCH(QStringList, edges);

    const Pipeline pipeline =
        ManifestLoader::loadText(u"pipeline.yaml"_s, documents.join(u"---\n"_s).toUtf8());
    QVERIFY(pipeline.hasErrors());
    QStringList messages;
    for (const Problem &problem : pipeline.problems)
        messages.append(problem.toString());
    QVERIFY2(messages.join(u'\n').contains(expectedError), qPrintable(messages.join(u'\n')));

    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QCOMPARE(namesOf(graph, Kind::Warehouse), QStringList{u"src"_s});
    QCOMPARE(namesOf(graph, Kind::Stage), stages);
    QCOMPARE(edgesOf(graph), edges);
    // Every output still renders, without dangling references.
    QVERIFY(graph.toDot().endsWith(u"}\n"_s));
    QVERIFY(!QJsonDocument::fromJson(graph.toJson()).isNull());
    QCOMPARE(graph.toText().count(u" -> "_s), edges.size());
}

void TestPipelineGraph::dotEscapesQuotes()
{
    Pipeline pipeline;
    pipeline.projectName = u"say \"hi\"\\"_s;
    const PipelineGraph graph = PipelineGraph::build(pipeline);
    QCOMPARE(graph.toDot(), u"digraph \"say \\\"hi\\\"\\\\\" {\n  rankdir=LR;\n}\n"_s);
}

QTEST_GUILESS_MAIN(TestPipelineGraph)
#include "tst_pipelinegraph.moc"
