#include "ui/detailspanel.h"

#include "engine/stagecolors.h"
#include "ui/palettecolors.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

constexpr int LocationRole = Qt::UserRole + 1;

/// The subscription accepts any TLS certificate (`insecureSkipTLSVerify`; charts have no
/// such field).
bool skipsTlsVerification(const Subscription &subscription)
{
    return (subscription.kind == Subscription::Kind::Git &&
            subscription.git.insecureSkipTLSVerify) ||
           (subscription.kind == Subscription::Kind::Image &&
            subscription.image.insecureSkipTLSVerify);
}

QString duration(qint64 ms)
{
    if (ms <= 0)
        return {};
    const qint64 seconds = ms / 1000;
    if (seconds % 3600 == 0)
        return QStringLiteral("%1h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1s").arg(seconds);
}

} // namespace

DetailsPanel::DetailsPanel(QWidget *parent)
    : QWidget(parent)
    , m_swatch(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_refresh(new QPushButton(tr("Refresh Now"), this))
{
    m_refresh->setToolTip(tr("Poll this warehouse's subscriptions now"));
    m_refresh->hide();
    connect(m_refresh, &QPushButton::clicked, this, [this] {
        if (!m_shownName.isEmpty())
            Q_EMIT refreshRequested(m_shownName);
    });
    m_swatch->setFixedSize(14, 14);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);

    auto *header = new QHBoxLayout;
    header->addWidget(m_swatch);
    header->addWidget(m_title, 1);
    header->addWidget(m_refresh);

    m_tree->setColumnCount(2);
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setWordWrap(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_tree->setAccessibleName(tr("Details"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(header);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_tree, 1);

    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QVariant location = item->data(1, LocationRole);
        if (location.isValid())
            Q_EMIT locationActivated(location.value<SourceLocation>());
    });
    showNothing();
}

void DetailsPanel::setTitle(const QString &title, const QString &subtitle, const QColor &color)
{
    m_title->setText(title);
    m_subtitle->setText(subtitle);
    m_subtitle->setVisible(!subtitle.isEmpty());
    if (color.isValid()) {
        m_swatch->setStyleSheet(
            QStringLiteral("background: %1; border-radius: 3px;").arg(color.name()));
        m_swatch->show();
    } else {
        m_swatch->hide();
    }
}

QTreeWidgetItem *DetailsPanel::section(const QString &title)
{
    auto *item = new QTreeWidgetItem(m_tree, {title});
    QFont font = item->font(0);
    font.setBold(true);
    item->setFont(0, font);
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

QTreeWidgetItem *DetailsPanel::row(QTreeWidgetItem *parent, const QString &field,
                                   const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, {field, value});
    item->setToolTip(1, value);
    item->setExpanded(true);
    return item;
}

void DetailsPanel::addLocationRow(const SourceLocation &location)
{
    if (!location.isValid())
        return;
    QTreeWidgetItem *defined = section(tr("Defined in"));
    QTreeWidgetItem *item =
        row(defined, QFileInfo(location.file).fileName(), tr("line %1").arg(location.line));
    item->setData(1, LocationRole, QVariant::fromValue(location));
    item->setToolTip(0, tr("Double-click to show the manifest"));
    item->setToolTip(1, location.toString());
}

void DetailsPanel::showNothing()
{
    m_refresh->hide();
    m_shownName.clear();
    m_tree->clear();
    setTitle(tr("Nothing selected"), tr("Select a stage or warehouse in the graph."), QColor());
}

void DetailsPanel::showStage(const Pipeline &pipeline, const QString &name)
{
    const Stage *stage = pipeline.stage(name);
    if (!stage) {
        showNothing();
        return;
    }
    m_shownName = name;
    m_refresh->hide();
    m_tree->clear();
    const QString hex = StageColors::isKnown(stage->color) ? StageColors::hex(stage->color)
                                                           : StageColors::fallbackHex(stage->name);
    setTitle(stage->name,
             stage->isControlFlow() ? tr("Control-flow stage: passes freight on without steps")
                                    : tr("Stage"),
             QColor(hex));

    QTreeWidgetItem *freight = section(tr("Requested freight"));
    for (const RequestedFreight &request : stage->requestedFreight) {
        QTreeWidgetItem *origin = row(freight, request.origin.kind, request.origin.name);
        QStringList sources;
        if (request.direct)
            sources.append(tr("directly from the warehouse"));
        if (!request.upstreamStages.isEmpty())
            sources.append(tr("after %1").arg(request.upstreamStages.join(QStringLiteral(", "))));
        row(origin, tr("Sources"), sources.join(QStringLiteral("; ")));
        if (request.upstreamStages.size() > 1)
            row(origin, tr("Availability"),
                request.availabilityStrategy == AvailabilityStrategy::All
                    ? tr("verified in all upstream stages")
                    : tr("verified in any upstream stage"));
        if (request.requiredSoakTimeMs > 0)
            row(origin, tr("Soak time"), duration(request.requiredSoakTimeMs));
        if (request.selectionPolicy == AutoPromotionSelectionPolicy::MatchUpstream)
            row(origin, tr("Auto-promotion"), tr("match upstream"));
    }

    if (!stage->isControlFlow()) {
        QTreeWidgetItem *promotion = section(tr("Promotion"));
        for (const NamedValue &var : stage->promotionTemplate.vars)
            row(promotion, tr("var %1").arg(var.name), var.value);
        int index = 0;
        for (const PromotionStep &step : stage->promotionTemplate.steps) {
            ++index;
            QString what = step.isTask() ? tr("task %1").arg(step.taskName) : step.uses;
            if (!step.alias.isEmpty())
                what += QStringLiteral(" (%1)").arg(step.alias);
            QTreeWidgetItem *item = row(promotion, tr("step %1").arg(index), what);
            if (!step.condition.isEmpty())
                row(item, tr("if"), step.condition);
            if (step.continueOnError)
                row(item, tr("on error"), tr("continue"));
            if (const PromotionTask *task = pipeline.task(step.taskName, step.taskKind)) {
                for (const PromotionStep &inner : task->steps)
                    row(item, QStringLiteral("\u2022"),
                        inner.alias.isEmpty()
                            ? inner.uses
                            : QStringLiteral("%1 (%2)").arg(inner.uses, inner.alias));
            }
        }
    }

    if (!stage->verification.isEmpty()) {
        QTreeWidgetItem *verification = section(tr("Verification"));
        for (const AnalysisTemplateReference &ref : stage->verification.analysisTemplates)
            row(verification, ref.kind, ref.name);
        for (const NamedValue &arg : stage->verification.args)
            row(verification, tr("arg %1").arg(arg.name), arg.value);
    }
    addLocationRow(stage->location);
}

void DetailsPanel::showWarehouse(const Pipeline &pipeline, const QString &name,
                                 const WarehouseStatus &status, const QList<Freight> &freight)
{
    const Warehouse *warehouse = pipeline.warehouse(name);
    if (!warehouse) {
        showNothing();
        return;
    }
    m_shownName = name;
    m_tree->clear();
    setTitle(warehouse->name, tr("Warehouse"), QColor(0x3b, 0x4a, 0x5c));
    m_refresh->show();
    m_refresh->setEnabled(status.state != WarehouseStatus::State::Polling);
    QTreeWidgetItem *settings = section(tr("Discovery"));
    QString state;
    switch (status.state) {
    case WarehouseStatus::State::Idle:
        state = status.lastPoll.isValid() ? tr("idle") : tr("not polled yet");
        break;
    case WarehouseStatus::State::Polling:
        state = tr("polling\u2026");
        break;
    case WarehouseStatus::State::Ok:
        state = tr("ok");
        break;
    case WarehouseStatus::State::Error:
        state = tr("failed");
        break;
    case WarehouseStatus::State::BackingOff:
        state = tr("failed; retrying at %1")
                    .arg(QLocale().toString(status.nextPoll.toLocalTime(), QLocale::ShortFormat));
        break;
    }
    row(settings, tr("State"), state);
    if (!status.message.isEmpty())
        row(settings, tr("Error"), status.message)
            ->setForeground(1, PaletteColors::text(PaletteColors::Role::Error, palette()));
    if (status.lastPoll.isValid())
        row(settings, tr("Last poll"),
            QLocale().toString(status.lastPoll.toLocalTime(), QLocale::ShortFormat));
    row(settings, tr("Interval"), duration(warehouse->intervalMs));
    row(settings, tr("Freight creation"), toString(warehouse->freightCreationPolicy));
    QTreeWidgetItem *subscriptions = section(tr("Subscriptions"));
    for (const Subscription &subscription : warehouse->subscriptions) {
        QTreeWidgetItem *item = row(subscriptions, subscription.kindName(), subscription.repoURL());
        switch (subscription.kind) {
        case Subscription::Kind::Git:
            row(item, tr("Strategy"), toString(subscription.git.commitSelectionStrategy));
            if (!subscription.git.branch.isEmpty())
                row(item, tr("Branch"), subscription.git.branch);
            if (!subscription.git.semverConstraint.isEmpty())
                row(item, tr("Constraint"), subscription.git.semverConstraint);
            if (!subscription.git.includePaths.isEmpty())
                row(item, tr("Include paths"), subscription.git.includePaths.join(u", "));
            if (!subscription.git.excludePaths.isEmpty())
                row(item, tr("Exclude paths"), subscription.git.excludePaths.join(u", "));
            break;
        case Subscription::Kind::Image:
            row(item, tr("Strategy"), toString(subscription.image.imageSelectionStrategy));
            if (!subscription.image.constraint.isEmpty())
                row(item, tr("Constraint"), subscription.image.constraint);
            if (!subscription.image.allowTagsRegexes.isEmpty())
                row(item, tr("Allowed tags"), subscription.image.allowTagsRegexes.join(u", "));
            if (!subscription.image.platform.isEmpty())
                row(item, tr("Platform"), subscription.image.platform);
            break;
        case Subscription::Kind::Chart:
            if (!subscription.chart.name.isEmpty())
                row(item, tr("Chart"), subscription.chart.name);
            if (!subscription.chart.semverConstraint.isEmpty())
                row(item, tr("Constraint"), subscription.chart.semverConstraint);
            break;
        }
        if (skipsTlsVerification(subscription)) {
            // A subscription that trusts any certificate says so wherever it is shown.
            const QColor warning(0xd3, 0x2f, 0x2f);
            item->setText(0, tr("%1 (insecure)").arg(subscription.kindName()));
            item->setForeground(0, warning);
            row(item, tr("TLS"), tr("certificate not verified (insecureSkipTLSVerify)"))
                ->setForeground(1, warning);
        }
    }
    QTreeWidgetItem *freightSection = section(tr("Freight"));
    int shown = 0;
    for (const Freight &f : freight) {
        if (f.origin.name != name)
            continue;
        if (++shown > 50)
            break;
        QStringList versions;
        for (const FreightCommit &commit : f.commits)
            versions.append(commit.tag.isEmpty() ? commit.id.left(7) : commit.tag);
        for (const FreightImage &image : f.images)
            versions.append(image.tag);
        for (const FreightChart &chart : f.charts)
            versions.append(chart.version);
        QTreeWidgetItem *item = row(freightSection, f.alias, versions.join(QStringLiteral(", ")));
        item->setToolTip(0, f.id);
        row(item, tr("discovered"),
            QLocale().toString(f.discoveredAt.toLocalTime(), QLocale::ShortFormat));
        item->setExpanded(false);
    }
    if (shown == 0)
        row(freightSection, tr("none yet"), QString());
    addLocationRow(warehouse->location);
}

} // namespace Stevedore
