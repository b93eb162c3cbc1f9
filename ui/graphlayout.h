#pragma once

#include <QList>
#include <QPointF>
#include <QSizeF>

namespace Stevedore {

/// Positions the nodes of a directed graph in layers, left to right, with Graphviz's `dot`
/// engine. Graphviz keeps global state and is not thread-safe: call this from one thread (the
/// GUI thread; a layout is pure computation, no I/O).
class GraphLayout
{
public:
    struct Input
    {
        QList<QSizeF> nodeSizes; ///< in scene units (pixels)
        QList<QPair<int, int>> edges;
        qreal nodeSpacing = 28;
        qreal rankSpacing = 72;
    };

    /// Centres of the nodes, in the same order, with the top-left of the drawing at (0, 0) and
    /// y growing downwards. Empty when the layout failed (the caller then falls back to a grid).
    static QList<QPointF> compute(const Input &input);
};

} // namespace Stevedore
