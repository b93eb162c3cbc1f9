#pragma once

#include "engine/pipeline.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Stevedore {

/// The shape of a pipeline: warehouses and stages as nodes, and the paths freight can take
/// between them as edges (warehouse → stage for `direct` sources, stage → stage for upstream
/// stages). Shared by `stevedorectl graph` and the GUI's graph.
class PipelineGraph
{
public:
    struct Node
    {
        enum class Kind { Warehouse, Stage };
        Kind kind = Kind::Stage;
        QString name;
        QString color;    ///< Kargo colour name for stages, empty if none
        QString colorHex; ///< what to draw with: the named colour or a stable fallback
        bool controlFlow = false;
        QString id; ///< unique id: the name, qualified by kind only where names collide
    };
    struct Edge
    {
        int from = -1;
        int to = -1;
        QStringList origins; ///< warehouses whose freight travels along this edge
    };

    static PipelineGraph build(const Pipeline &pipeline);

    QList<Node> nodes;
    QList<Edge> edges;
    QString name;

    int indexOf(Node::Kind kind, const QString &name) const;

    QString toText() const;
    QByteArray toJson() const;
    QString toDot() const;
};

} // namespace Stevedore
