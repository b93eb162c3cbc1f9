#include "ui/pipelinescene.h"

#include "engine/pipelinegraph.h"
#include "models/freighttext.h"
#include "ui/edgeitem.h"
#include "ui/freightmime.h"
#include "ui/graphlayout.h"
#include "ui/promotiontext.h"
#include "ui/stagenodeitem.h"
#include "ui/warehousenodeitem.h"

#include <QDrag>
#include <QLocale>
#include <QTimer>
#include <QUrl>
#include <QWidget>

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

/// The versions a card has room for: the first artifact's tag, short commit or chart version.
/// The last verification's phase, as a card says it.
QString verificationText(AnalysisPhase phase)
{
    switch (phase) {
    case AnalysisPhase::Pending:
        return PipelineScene::tr("verification pending");
    case AnalysisPhase::Running:
        return PipelineScene::tr("verifying\u2026");
    case AnalysisPhase::Successful:
        return PipelineScene::tr("verified");
    case AnalysisPhase::Failed:
        return PipelineScene::tr("verification failed");
    case AnalysisPhase::Error:
        return PipelineScene::tr("verification error");
    case AnalysisPhase::Inconclusive:
        return PipelineScene::tr("inconclusive");
    case AnalysisPhase::Aborted:
        return PipelineScene::tr("verification aborted");
    }
    return {};
}

/// A duration as a card shows it: the largest unit only.
QString soakText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return PipelineScene::tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return PipelineScene::tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 2 * 86400)
        return PipelineScene::tr("%n h", nullptr, int(seconds / 3600));
    return PipelineScene::tr("%n d", nullptr, int(seconds / 86400));
}

} // namespace

PipelineScene::PipelineScene(QObject *parent)
    : QGraphicsScene(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{
    connect(this, &QGraphicsScene::selectionChanged, this, &PipelineScene::onSelectionChanged);
    // Soak times move on while nobody looks: the cards catch up once a minute.
    auto *soakTimer = new QTimer(this);
    soakTimer->setInterval(60 * 1000);
    connect(soakTimer, &QTimer::timeout, this, &PipelineScene::refreshSoakTimes);
    soakTimer->start();
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
    const auto running = m_runningSteps.constFind(stage.name);
    const auto state = m_stageStates.constFind(stage.name);
    const bool hasFreight = state != m_stageStates.constEnd() && !state->freight.isEmpty();

    // What it has now: alias and short versions of each freight.
    if (hasFreight) {
        QStringList current;
        for (const Freight &freight : state->freight) {
            const QString versions = FreightText::firstVersion(freight);
            current.append(versions.isEmpty() ? freight.alias
                                              : freight.alias + u" \u00b7 "_s + versions);
        }
        lines.append(current.join(u", "_s));
    } else if (!stage.isControlFlow()) {
        lines.append(tr("no freight yet"));
    }

    // What is happening to it: a promotion running or failed, else its verification and how
    // long its freight has soaked.
    if (running != m_runningSteps.constEnd()) {
        lines.append(tr("promoting: %1").arg(running->alias));
    } else if (state != m_stageStates.constEnd() && state->lastPromotion &&
               state->lastPromotion->phase != PromotionPhase::Succeeded) {
        const PromotionRecord &last = *state->lastPromotion;
        if (last.phase == PromotionPhase::Running || last.phase == PromotionPhase::Pending)
            // Run by another Stevedore (or stevedorectl) on this machine.
            lines.append(tr("promoting: %1")
                             .arg(last.currentStep.isEmpty() ? PromotionText::phase(last.phase)
                                                             : last.currentStep));
        else if (last.currentStep.isEmpty())
            lines.append(
                tr("promotion %1: %2").arg(PromotionText::phase(last.phase), last.message));
        else
            lines.append(
                tr("%1 at %2: %3")
                    .arg(PromotionText::phase(last.phase), last.currentStep, last.message));
    } else {
        QStringList parts;
        if (state != m_stageStates.constEnd() && state->lastVerification)
            parts.append(verificationText(state->lastVerification->phase));
        if (hasFreight) {
            const QDateTime since =
                state->verifiedSince.isValid() ? state->verifiedSince : state->freightSince;
            if (since.isValid())
                parts.append(tr("soaked %1").arg(soakText(since.secsTo(m_now))));
        }
        if (!parts.isEmpty())
            lines.append(parts.join(u" \u00b7 "_s));
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
    QString from = sources.isEmpty() ? tr("no freight requested")
                                     : tr("from %1").arg(sources.join(QStringLiteral(", ")));
    if (lines.size() < 2) {
        // Nothing is happening: the line says how it promotes instead.
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
            promotion +=
                QStringLiteral(" \u00b7 ") +
                tr("%n check(s)", nullptr, int(stage.verification.analysisTemplates.size()));
        lines.append(from);
        lines.append(promotion);
    } else {
        lines.append(from);
    }
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
    item->setCurrentFreight(state != m_stageStates.constEnd() && !state->freight.isEmpty()
                                ? state->freight.first().id
                                : QString());
    const bool running = m_runningSteps.contains(name) ||
                         (state != m_stageStates.constEnd() && state->lastPromotion &&
                          (state->lastPromotion->phase == PromotionPhase::Running ||
                           state->lastPromotion->phase == PromotionPhase::Pending));
    const bool failedPromotion = state != m_stageStates.constEnd() && state->lastPromotion &&
                                 state->lastPromotion->phase != PromotionPhase::Succeeded &&
                                 state->lastPromotion->phase != PromotionPhase::Running &&
                                 state->lastPromotion->phase != PromotionPhase::Pending;
    if (running)
        item->setIndicator(QColor(0x5a, 0xb4, 0xff));
    else if (state != m_stageStates.constEnd() && state->lastPromotion)
        item->setIndicator(failedPromotion ? QColor(0xe5, 0x48, 0x4d) : QColor(0x3d, 0xd6, 0x8c));
    else
        item->setIndicator(QColor());

    // Health: a failed promotion or verification is unhealthy; a successful verification of
    // what it has is healthy; anything else (running, inconclusive, never verified) is unknown.
    StageNodeItem::Health health = StageNodeItem::Health::Unknown;
    QList<double> sparkline;
    if (state != m_stageStates.constEnd() && state->lastVerification) {
        const VerificationRun &run = *state->lastVerification;
        if (run.phase == AnalysisPhase::Successful)
            health = StageNodeItem::Health::Healthy;
        else if (run.phase == AnalysisPhase::Failed || run.phase == AnalysisPhase::Error)
            health = StageNodeItem::Health::Unhealthy;
        else if (run.phase == AnalysisPhase::Running || run.phase == AnalysisPhase::Pending)
            health = StageNodeItem::Health::Progressing;
        if (!run.metrics.isEmpty()) {
            for (const Measurement &measurement : run.metrics.first().measurements) {
                if (!measurement.values.isEmpty() && std::isfinite(measurement.values.first()))
                    sparkline.append(measurement.values.first());
            }
        }
    } else if (state != m_stageStates.constEnd() && state->verifiedSince.isValid()) {
        health = StageNodeItem::Health::Healthy;
    }
    if (failedPromotion)
        health = StageNodeItem::Health::Unhealthy;
    else if (running)
        health = StageNodeItem::Health::Progressing;
    item->setHealth(health);
    item->setSparkline(sparkline);
}

void PipelineScene::setVerificationRun(const VerificationRun &run)
{
    auto state = m_stageStates.find(run.stage);
    if (state == m_stageStates.end()) {
        StageState fresh;
        fresh.stage = run.stage;
        state = m_stageStates.insert(run.stage, fresh);
    }
    VerificationRun kept = run;
    if (kept.metrics.size() > 1)
        kept.metrics.resize(1);
    state->lastVerification = std::move(kept);
    updateStage(run.stage);
}

void PipelineScene::refreshSoakTimes()
{
    m_now = QDateTime::currentDateTimeUtc();
    for (auto it = m_stages.constBegin(); it != m_stages.constEnd(); ++it)
        updateStage(it.key());
}

void PipelineScene::setStageStates(const QList<StageState> &states)
{
    m_now = QDateTime::currentDateTimeUtc();
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

void PipelineScene::dragFreight(const QString &freightId, QWidget *source)
{
    Q_EMIT freightDragStarted(freightId);
    auto *drag = new QDrag(source ? static_cast<QObject *>(source) : this);
    drag->setMimeData(FreightMime::create(freightId));
    drag->exec(Qt::CopyAction);
    Q_EMIT freightDragFinished();
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
        const auto summary = m_freightSummaries.constFind(warehouse.name);
        if (summary != m_freightSummaries.constEnd())
            lines.append(
                tr("%n freight, newest %1", nullptr, summary->count).arg(summary->newestAlias));
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
    // One pass over what may be thousands of freight; the nodes need only a summary.
    m_freightSummaries.clear();
    for (const Freight &one : freight) {
        FreightSummary &summary = m_freightSummaries[one.origin.name];
        if (summary.count++ == 0)
            summary.newestAlias = one.alias;
    }
    for (auto it = m_warehouses.constBegin(); it != m_warehouses.constEnd(); ++it)
        updateWarehouse(it.key());
}

void PipelineScene::addFreight(const Freight &freight)
{
    FreightSummary &summary = m_freightSummaries[freight.origin.name];
    ++summary.count;
    summary.newestAlias = freight.alias;
    updateWarehouse(freight.origin.name);
}

void PipelineScene::setPipeline(const Pipeline &pipeline)
{
    clearSelection();
    clear();
    m_nodes.clear();
    m_matches.clear();
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
    if (!m_filter.isEmpty())
        setFilter(m_filter);
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
