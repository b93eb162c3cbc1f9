#include "ui/graphlayout.h"

#include <graphviz/gvc.h>
#include <memory>

namespace Stevedore {

namespace {

constexpr qreal pointsPerInch = 72.0;

struct ContextDeleter
{
    void operator()(GVC_t *context) const { gvFreeContext(context); }
};
struct GraphDeleter
{
    void operator()(Agraph_t *graph) const { agclose(graph); }
};

// cgraph's API takes char * for names and values it never modifies.
char *text(const char *literal)
{
    return const_cast<char *>(literal);
}

} // namespace

QList<QPointF> GraphLayout::compute(const Input &input)
{
    if (input.nodeSizes.isEmpty())
        return {};
    std::unique_ptr<GVC_t, ContextDeleter> context(gvContext());
    std::unique_ptr<Agraph_t, GraphDeleter> graph(agopen(text("pipeline"), Agdirected, nullptr));
    if (!context || !graph)
        return {};
    Agraph_t *g = graph.get();
    agattr(g, AGRAPH, text("rankdir"), text("LR"));
    agattr(g, AGRAPH, text("nodesep"),
           QByteArray::number(input.nodeSpacing / pointsPerInch).data());
    agattr(g, AGRAPH, text("ranksep"),
           QByteArray::number(input.rankSpacing / pointsPerInch).data());
    agattr(g, AGNODE, text("shape"), text("box"));
    agattr(g, AGNODE, text("fixedsize"), text("true"));
    agattr(g, AGNODE, text("width"), text("1"));
    agattr(g, AGNODE, text("height"), text("1"));
    agattr(g, AGNODE, text("label"), text(""));

    QList<Agnode_t *> nodes;
    for (int i = 0; i < input.nodeSizes.size(); ++i) {
        QByteArray name = "n" + QByteArray::number(i);
        Agnode_t *node = agnode(g, name.data(), 1);
        const QSizeF size = input.nodeSizes.at(i);
        agset(node, text("width"), QByteArray::number(size.width() / pointsPerInch).data());
        agset(node, text("height"), QByteArray::number(size.height() / pointsPerInch).data());
        nodes.append(node);
    }
    for (const auto &[from, to] : input.edges) {
        if (from >= 0 && to >= 0 && from < nodes.size() && to < nodes.size())
            agedge(g, nodes.at(from), nodes.at(to), nullptr, 1);
    }
    if (gvLayout(context.get(), g, "dot") != 0)
        return {};

    // Graphviz's y axis points up; the scene's points down.
    const boxf box = GD_bb(g);
    QList<QPointF> centres;
    for (Agnode_t *node : std::as_const(nodes))
        centres.append(QPointF(ND_coord(node).x - box.LL.x, box.UR.y - ND_coord(node).y));
    gvFreeLayout(context.get(), g);
    return centres;
}

} // namespace Stevedore
