#include "engine/pipelinegraph.h"

#include "engine/stagecolors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace Stevedore {

namespace {

QString kindName(PipelineGraph::Node::Kind kind)
{
    return kind == PipelineGraph::Node::Kind::Warehouse ? QStringLiteral("Warehouse")
                                                        : QStringLiteral("Stage");
}

QString dotQuoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

} // namespace

PipelineGraph PipelineGraph::build(const Pipeline &pipeline)
{
    PipelineGraph graph;
    graph.name = pipeline.projectName;
    QSet<QString> stageNames;
    for (const Stage &stage : pipeline.stages)
        stageNames.insert(stage.name);
    QSet<QString> seen;
    for (const Warehouse &warehouse : pipeline.warehouses) {
        if (warehouse.name.isEmpty() || seen.contains(u"W/" + warehouse.name))
            continue;
        seen.insert(u"W/" + warehouse.name);
        Node node;
        node.kind = Node::Kind::Warehouse;
        node.name = warehouse.name;
        node.id = stageNames.contains(warehouse.name) ? u"Warehouse/" + warehouse.name
                                                      : warehouse.name;
        node.colorHex = QStringLiteral("#5a6b7b");
        graph.nodes.append(node);
    }
    for (const Stage &stage : pipeline.stages) {
        if (stage.name.isEmpty() || seen.contains(u"S/" + stage.name))
            continue;
        seen.insert(u"S/" + stage.name);
        Node node;
        node.kind = Node::Kind::Stage;
        node.name = stage.name;
        node.id = stage.name;
        node.color = stage.color;
        node.colorHex = StageColors::isKnown(stage.color) ? StageColors::hex(stage.color)
                                                          : StageColors::fallbackHex(stage.name);
        node.controlFlow = stage.isControlFlow();
        graph.nodes.append(node);
    }

    const auto addEdge = [&graph](int from, int to, const QString &origin) {
        if (from < 0 || to < 0)
            return;
        for (Edge &edge : graph.edges) {
            if (edge.from == from && edge.to == to) {
                if (!edge.origins.contains(origin))
                    edge.origins.append(origin);
                return;
            }
        }
        graph.edges.append({from, to, {origin}});
    };
    for (const Stage &stage : pipeline.stages) {
        const int to = graph.indexOf(Node::Kind::Stage, stage.name);
        for (const RequestedFreight &request : stage.requestedFreight) {
            if (request.direct)
                addEdge(graph.indexOf(Node::Kind::Warehouse, request.origin.name), to,
                        request.origin.name);
            for (const QString &upstream : request.upstreamStages)
                addEdge(graph.indexOf(Node::Kind::Stage, upstream), to, request.origin.name);
        }
    }
    return graph;
}

int PipelineGraph::indexOf(Node::Kind kind, const QString &nodeName) const
{
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).kind == kind && nodes.at(i).name == nodeName)
            return i;
    }
    return -1;
}

QString PipelineGraph::toText() const
{
    QString out;
    for (const Node &node : nodes) {
        if (node.kind == Node::Kind::Warehouse) {
            out += QStringLiteral("warehouse %1\n").arg(node.name);
        } else {
            out += QStringLiteral("stage %1").arg(node.name);
            if (!node.color.isEmpty())
                out += QStringLiteral(" color=%1").arg(node.color);
            if (node.controlFlow)
                out += QStringLiteral(" control-flow");
            out += u'\n';
        }
    }
    for (const Edge &edge : edges)
        out += QStringLiteral("%1 -> %2\n").arg(nodes.at(edge.from).id, nodes.at(edge.to).id);
    return out;
}

QByteArray PipelineGraph::toJson() const
{
    QJsonArray warehouses;
    QJsonArray stages;
    for (const Node &node : nodes) {
        QJsonObject object{{QStringLiteral("name"), node.name}};
        if (node.kind == Node::Kind::Warehouse) {
            warehouses.append(object);
            continue;
        }
        object.insert(QStringLiteral("color"),
                      node.color.isEmpty() ? QJsonValue() : QJsonValue(node.color));
        object.insert(QStringLiteral("colorHex"), node.colorHex);
        object.insert(QStringLiteral("controlFlow"), node.controlFlow);
        stages.append(object);
    }
    QJsonArray edgeArray;
    for (const Edge &edge : edges) {
        const Node &from = nodes.at(edge.from);
        const Node &to = nodes.at(edge.to);
        edgeArray.append(QJsonObject{
            {QStringLiteral("from"),
             QJsonObject{{QStringLiteral("kind"), kindName(from.kind)},
                         {QStringLiteral("name"), from.name}}},
            {QStringLiteral("to"), QJsonObject{{QStringLiteral("kind"), kindName(to.kind)},
                                               {QStringLiteral("name"), to.name}}},
            {QStringLiteral("origins"), QJsonArray::fromStringList(edge.origins)}});
    }
    const QJsonObject root{{QStringLiteral("project"), name},
                           {QStringLiteral("warehouses"), warehouses},
                           {QStringLiteral("stages"), stages},
                           {QStringLiteral("edges"), edgeArray}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QString PipelineGraph::toDot() const
{
    QString out = QStringLiteral("digraph %1 {\n  rankdir=LR;\n").arg(dotQuoted(name));
    for (const Node &node : nodes) {
        if (node.kind == Node::Kind::Warehouse) {
            out += QStringLiteral("  %1 [kind=\"Warehouse\", shape=cylinder];\n")
                       .arg(dotQuoted(node.id));
        } else {
            out += QStringLiteral("  %1 [kind=\"Stage\", shape=box, style=\"rounded,filled\", "
                                  "fillcolor=\"%2\"")
                       .arg(dotQuoted(node.id), node.colorHex);
            if (!node.color.isEmpty())
                out += QStringLiteral(", color_name=%1").arg(dotQuoted(node.color));
            out += QStringLiteral("];\n");
        }
    }
    for (const Edge &edge : edges)
        out += QStringLiteral("  %1 -> %2;\n")
                   .arg(dotQuoted(nodes.at(edge.from).id), dotQuoted(nodes.at(edge.to).id));
    out += QStringLiteral("}\n");
    return out;
}

} // namespace Stevedore
