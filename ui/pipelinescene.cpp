#include "ui/pipelinescene.h"

#include "engine/pipelinegraph.h"
#include "ui/edgeitem.h"
#include "ui/graphlayout.h"
#include "ui/promotiontext.h"
#include "ui/stagenodeitem.h"
#include "ui/warehousenodeitem.h"

#include <QLocale>
#include <QUrl>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// The subscription accepts any TLS certificate (`insecureSkipTLSVerify`; charts have no
/// such field).
bool skipsTlsVerification(const Subscription &subscription)
{
    return (subscription.kind == Subscription::Kind::Git &&
            subscription.git.insecureSkipTLSVerify) ||
           (subscription.kind == Subscription::Kind::Image &&
            subscription.image.insecureSkipTLSVerify);
}

/// The last path component of a repository URL: what people call the repository.
QString shortRepository(const QString &url)
{
    QString path = url;
    while (path.endsWith(u'/'))
        path.chop(1);
    const qsizetype slash = path.lastIndexOf(u'/');
    const qsizetype colon = path.lastIndexOf(u':');
    return path.mid(std::max(slash, colon) + 1);
}

/// The first failure, without the subscription's name when the node already shows the only
/// subscription: a card has room for the reason, not for the URL twice.
QString firstError(const Warehouse &warehouse, const QString &message)
{
    QString first = message.section(u'\n', 0, 0);
    if (warehouse.subscriptions.size() == 1) {
        const Subscription &only = warehouse.subscriptions.first();
        const QString label = (only.name.isEmpty() ? only.repoURL() : only.name) + u": ";
        if (first.startsWith(label))
            first = first.mid(label.size());
    }
    return first;
}

} // namespace

PipelineScene::PipelineScene(QObject *parent)
    : QGraphicsScene(parent)
{
    connect(this, &QGraphicsScene::selectionChanged, this, &PipelineScene::onSelectionChanged);
}

PipelineScene::~PipelineScene()
{
    // QGraphicsScene's destructor deletes the items, and deleting a selected one emits
    // selectionChanged(): by then this is no longer a PipelineScene, so none of its slots may
    // run (UndefinedBehaviorSanitizer caught onSelectionChanged() running there).
    blockSignals(true);
}

QStringList PipelineScene::stageDetails(const Stage &stage) const
{
    QStringList lines;
    // What it has now, or what is happening to it.
    const auto running = m_runningSteps.constFind(stage.name);
    const auto state = m_stageStates.constFind(stage.name);
    if (state != m_stageStates.constEnd() && !state->freight.isEmpty()) {
        QStringList current;
        for (const Freight &freight : state->freight) {
            QString versions;
            if (!freight.images.isEmpty())
                versions = freight.images.first().tag;
            else if (!freight.commits.isEmpty())
                versions = freight.commits.first().tag.isEmpty()
                               ? freight.commits.first().id.left(7)
                               : freight.commits.first().tag;
            else if (!freight.charts.isEmpty())
                versions = freight.charts.first().version;
            current.append(versions.isEmpty() ? freight.alias
                                              : freight.alias + u" \u00b7 "_s + versions);
        }
        lines.append(current.join(u", "_s));
    } else if (!stage.isControlFlow()) {
        lines.append(tr("no freight yet"));
    }

    QStringList sources;
    for (const RequestedFreight &request : stage.requestedFreight) {
        if (request.direct)
            sources.append(request.origin.name);
        for (const QString &upstream : request.upstreamStages) {
            if (!sources.contains(upstream))
                sources.append(upstream);
        }
    }
    lines.append(sources.isEmpty() ? tr("no freight requested")
                                   : tr("from %1").arg(sources.join(QStringLiteral(", "))));

    if (running != m_runningSteps.constEnd()) {
        lines.append(tr("promoting: %1").arg(running->alias));
        return lines;
    }
    if (state != m_stageStates.constEnd() && state->lastPromotion &&
        state->lastPromotion->phase != PromotionPhase::Succeeded) {
        lines.append(tr("promotion %1: %2")
                         .arg(PromotionText::phase(state->lastPromotion->phase),
                              state->lastPromotion->message));
        return lines;
    }
    QString promotion;
    if (stage.isControlFlow()) {
        promotion = tr("control flow");
    } else if (stage.promotionTemplate.steps.size() == 1 &&
               stage.promotionTemplate.steps.first().isTask()) {
        promotion = tr("task %1").arg(stage.promotionTemplate.steps.first().taskName);
    } else {
        promotion = tr("%n step(s)", nullptr, int(stage.promotionTemplate.steps.size()));
    }
    if (!stage.verification.isEmpty())
        promotion += QStringLiteral(" \u00b7 ") +
                     tr("%n check(s)", nullptr, int(stage.verification.analysisTemplates.size()));
    lines.append(promotion);
    return lines;
}

void PipelineScene::updateStage(const QString &name)
{
    StageNodeItem *item = m_stages.value(name);
    const Stage *stage = m_pipeline.stage(name);
    if (!item || !stage)
        return;
    item->setDetails(stageDetails(*stage));
    const auto state = m_stageStates.constFind(name);
    if (m_runningSteps.contains(name))
        item->setIndicator(QColor(0x5a, 0xb4, 0xff));
    else if (state != m_stageStates.constEnd() && state->lastPromotion)
        item->setIndicator(state->lastPromotion->phase == PromotionPhase::Succeeded
                               ? QColor(0x3d, 0xd6, 0x8c)
                               : QColor(0xe5, 0x48, 0x4d));
    else
        item->setIndicator(QColor());
}

void PipelineScene::setStageStates(const QList<StageState> &states)
{
    m_stageStates.clear();
    for (const StageState &state : states)
        m_stageStates.insert(state.stage, state);
    for (auto it = m_stages.constBegin(); it != m_stages.constEnd(); ++it)
        updateStage(it.key());
}

void PipelineScene::setPromotionStep(const QString &stage, const StepResult &step)
{
    if (step.status == StepStatus::Running)
        m_runningSteps.insert(stage, step);
    updateStage(stage);
}

void PipelineScene::finishPromotion(const QString &stage)
{
    m_runningSteps.remove(stage);
    updateStage(stage);
}

void PipelineScene::setDropVerdicts(const QHash<QString, AvailabilityVerdict> &verdicts)
{
    for (auto it = m_stages.constBegin(); it != m_stages.constEnd(); ++it) {
        const auto verdict = verdicts.constFind(it.key());
        if (verdict == verdicts.constEnd())
            it.value()->setDropState(StageNodeItem::DropState::Refused, QString());
        else if (m_runningSteps.contains(it.key()))
            it.value()->setDropState(StageNodeItem::DropState::Refused,
                                     tr("a promotion is running"));
        else
            it.value()->setDropState(verdict->available ? StageNodeItem::DropState::Allowed
                                                        : StageNodeItem::DropState::Refused,
                                     verdict->reason);
    }
}

void PipelineScene::clearDropVerdicts()
{
    for (StageNodeItem *item : std::as_const(m_stages))
        item->setDropState(StageNodeItem::DropState::None, QString());
}

void PipelineScene::dropFreight(const QString &stage, const QString &freightId)
{
    Q_EMIT freightDropped(stage, freightId);
}

QStringList PipelineScene::warehouseDetails(const Warehouse &warehouse) const
{
    QStringList lines;
    if (warehouse.subscriptions.isEmpty())
        lines.append(tr("no subscriptions"));
    else if (warehouse.subscriptions.size() == 1)
        lines.append(warehouse.subscriptions.first().kindName() + QStringLiteral(" \u00b7 ") +
                     shortRepository(warehouse.subscriptions.first().repoURL()));
    else
        lines.append(tr("%n subscription(s)", nullptr, int(warehouse.subscriptions.size())));

    const auto status = m_statuses.constFind(warehouse.name);
    if (status == m_statuses.constEnd()) {
        lines.append(tr("not polled yet"));
        return lines;
    }
    const QString lastPoll =
        status->lastPoll.isValid()
            ? QLocale().toString(status->lastPoll.toLocalTime().time(), QLocale::ShortFormat)
            : QString();
    switch (status->state) {
    case WarehouseStatus::State::Polling:
        lines.append(tr("polling\u2026"));
        break;
    case WarehouseStatus::State::Ok:
    case WarehouseStatus::State::Idle: {
        const auto newest = std::find_if(m_freight.begin(), m_freight.end(), [&](const Freight &f) {
            return f.origin.name == warehouse.name;
        });
        const int count =
            int(std::count_if(m_freight.begin(), m_freight.end(),
                              [&](const Freight &f) { return f.origin.name == warehouse.name; }));
        if (newest != m_freight.end())
            lines.append(tr("%n freight, newest %1", nullptr, count).arg(newest->alias));
        else
            lines.append(tr("no freight yet"));
        if (!lastPoll.isEmpty())
            lines.append(tr("polled at %1").arg(lastPoll));
        break;
    }
    case WarehouseStatus::State::Error:
        lines.append(tr("error: %1").arg(firstError(warehouse, status->message)));
        break;
    case WarehouseStatus::State::BackingOff:
        lines.append(tr("error: %1").arg(firstError(warehouse, status->message)));
        lines.append(tr("retrying at %1")
                         .arg(QLocale().toString(status->nextPoll.toLocalTime().time(),
                                                 QLocale::ShortFormat)));
        break;
    }
    return lines;
}

QColor PipelineScene::statusColor(WarehouseStatus::State state)
{
    switch (state) {
    case WarehouseStatus::State::Ok:
        return QColor(0x3d, 0xd6, 0x8c);
    case WarehouseStatus::State::Polling:
        return QColor(0x5a, 0xb4, 0xff);
    case WarehouseStatus::State::Error:
        return QColor(0xff, 0x4d, 0x4f);
    case WarehouseStatus::State::BackingOff:
        return QColor(0xff, 0xb0, 0x20);
    case WarehouseStatus::State::Idle:
        break;
    }
    return QColor();
}

void PipelineScene::updateWarehouse(const QString &name)
{
    GraphNodeItem *item = m_warehouses.value(name);
    const Warehouse *warehouse = m_pipeline.warehouse(name);
    if (!item || !warehouse)
        return;
    item->setDetails(warehouseDetails(*warehouse));
    const auto status = m_statuses.constFind(name);
    item->setIndicator(status == m_statuses.constEnd() ? QColor() : statusColor(status->state));
    QString tip = name;
    if (status != m_statuses.constEnd() && !status->message.isEmpty())
        tip += u'\n' + status->message;
    for (const Subscription &subscription : warehouse->subscriptions) {
        if (skipsTlsVerification(subscription))
            tip += u'\n' +
                   tr("insecure: TLS certificate not verified for %1").arg(subscription.repoURL());
    }
    item->setToolTip(tip);
}

void PipelineScene::setWarehouseStatus(const WarehouseStatus &status)
{
    m_statuses.insert(status.warehouse, status);
    updateWarehouse(status.warehouse);
}

void PipelineScene::setFreight(const QList<Freight> &freight)
{
    m_freight = freight;
    for (auto it = m_warehouses.constBegin(); it != m_warehouses.constEnd(); ++it)
        updateWarehouse(it.key());
}

void PipelineScene::setPipeline(const Pipeline &pipeline)
{
    clearSelection();
    clear();
    m_nodes.clear();
    m_stages.clear();
    m_warehouses.clear();
    m_pipeline = pipeline;

    const PipelineGraph graph = PipelineGraph::build(pipeline);
    for (const PipelineGraph::Node &node : graph.nodes) {
        GraphNodeItem *item = nullptr;
        if (node.kind == PipelineGraph::Node::Kind::Warehouse) {
            const Warehouse *warehouse = pipeline.warehouse(node.name);
            item = new WarehouseNodeItem(node.name,
                                         warehouse ? warehouseDetails(*warehouse) : QStringList());
            m_warehouses.insert(node.name, item);
            updateWarehouse(node.name); // its tooltip
        } else {
            const Stage *stage = pipeline.stage(node.name);
            auto *stageItem = new StageNodeItem(node.name, QColor(node.colorHex),
                                                stage ? stageDetails(*stage) : QStringList());
            m_stages.insert(node.name, stageItem);
            item = stageItem;
        }
        addItem(item);
        m_nodes.append(item);
    }

    GraphLayout::Input input;
    for (int i = 0; i < m_nodes.size(); ++i)
        input.nodeSizes.append(GraphNodeItem::cardSize());
    for (const PipelineGraph::Edge &edge : graph.edges)
        input.edges.append({edge.from, edge.to});
    QList<QPointF> centres = GraphLayout::compute(input);
    if (centres.size() != m_nodes.size()) {
        // Graphviz failed: fall back to a plain grid rather than drawing nothing.
        centres.clear();
        const int columns = std::max(1, int(std::ceil(std::sqrt(double(m_nodes.size())))));
        const QSizeF size = GraphNodeItem::cardSize();
        for (int i = 0; i < m_nodes.size(); ++i)
            centres.append(
                QPointF((i % columns) * (size.width() + 72), (i / columns) * (size.height() + 28)));
    }
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodes.at(i)->setPos(centres.at(i));
    for (const PipelineGraph::Edge &edge : graph.edges)
        addItem(new EdgeItem(m_nodes.at(edge.from), m_nodes.at(edge.to)));
    for (auto it = m_warehouses.constBegin(); it != m_warehouses.constEnd(); ++it)
        updateWarehouse(it.key());

    setSceneRect(itemsBoundingRect().adjusted(-60, -60, 60, 60));
}

StageNodeItem *PipelineScene::stageItem(const QString &name) const
{
    return m_stages.value(name);
}

GraphNodeItem *PipelineScene::warehouseItem(const QString &name) const
{
    return m_warehouses.value(name);
}

void PipelineScene::selectStage(const QString &name)
{
    if (StageNodeItem *item = stageItem(name)) {
        clearSelection();
        item->setSelected(true);
    }
}

void PipelineScene::onSelectionChanged()
{
    const QList<QGraphicsItem *> selected = selectedItems();
    if (selected.isEmpty()) {
        Q_EMIT selectionCleared();
        return;
    }
    QGraphicsItem *item = selected.first();
    if (item->type() == StageNodeItem::Type)
        Q_EMIT stageSelected(static_cast<StageNodeItem *>(item)->name());
    else if (item->type() == WarehouseNodeItem::Type)
        Q_EMIT warehouseSelected(static_cast<WarehouseNodeItem *>(item)->name());
}

} // namespace Stevedore
