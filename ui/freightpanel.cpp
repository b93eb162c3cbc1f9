#include "ui/freightpanel.h"

#include "engine/stagecolors.h"
#include "models/freightlanemodel.h"
#include "ui/freightcarddelegate.h"
#include "ui/freightmime.h"

#include <QApplication>
#include <QClipboard>
#include <QDrag>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// One warehouse's cards in a row, newest on the left, scrolling sideways; they drag as
/// freight.
class FreightLaneView : public QListView
{
public:
    FreightLaneView(FreightPanel *panel, QWidget *parent)
        : QListView(parent)
        , m_panel(panel)
    {
        setFlow(QListView::LeftToRight);
        setWrapping(false);
        setUniformItemSizes(true);
        setMouseTracking(true);
        setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        setSelectionMode(QAbstractItemView::ExtendedSelection);
        setDragEnabled(true);
        setDragDropMode(QAbstractItemView::DragOnly);
        setFrameShape(QFrame::NoFrame);
        setContextMenuPolicy(Qt::CustomContextMenu);
        viewport()->setAutoFillBackground(false);
    }

protected:
    void startDrag(Qt::DropActions) override
    {
        const QString id = currentIndex().data(FreightLaneModel::IdRole).toString();
        if (id.isEmpty())
            return;
        Q_EMIT m_panel->dragStarted(id);
        auto *drag = new QDrag(this);
        drag->setMimeData(FreightMime::create(id));
        drag->exec(Qt::CopyAction);
        Q_EMIT m_panel->dragFinished();
    }

    void paintEvent(QPaintEvent *event) override
    {
        QListView::paintEvent(event);
        if (model() && model()->rowCount() > 0)
            return;
        const auto *lane = static_cast<const FreightLaneModel *>(model());
        QPainter painter(viewport());
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect().adjusted(12, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         lane && lane->totalCount() > 0 ? FreightPanel::tr("No freight matches")
                                                        : FreightPanel::tr("No freight yet"));
    }

private:
    FreightPanel *m_panel;
};

} // namespace

struct FreightPanel::Lane
{
    QWidget *row = nullptr;
    QLabel *title = nullptr;
    FreightLaneView *view = nullptr;
    FreightLaneModel *model = nullptr;
};

FreightPanel::FreightPanel(QWidget *parent)
    : QWidget(parent)
    , m_filter(new QLineEdit(this))
    , m_highlight(new QToolButton(this))
    , m_count(new QLabel(this))
    , m_delegate(new FreightCardDelegate(this))
    , m_countTimer(new QTimer(this))
{
    m_filter->setObjectName(u"freightFilter"_s);
    m_filter->setPlaceholderText(tr("Filter freight: alias, version, commit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(320);
    connect(m_filter, &QLineEdit::textChanged, this, &FreightPanel::setFilter);

    m_highlight->setObjectName(u"highlightChanges"_s);
    m_highlight->setText(tr("Highlight Changes"));
    m_highlight->setCheckable(true);
    m_highlight->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_highlight->setToolTip(
        tr("Mark the artifacts that changed from the previous freight of the same warehouse"));
    connect(m_highlight, &QToolButton::toggled, this, &FreightPanel::setHighlightChanges);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_highlight);
    bar->addStretch();
    bar->addWidget(m_count);

    auto *lanes = new QWidget;
    m_lanesLayout = new QVBoxLayout(lanes);
    m_lanesLayout->setContentsMargins(0, 0, 0, 0);
    m_lanesLayout->setSpacing(0);
    m_lanesLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"freightLanes"_s);
    scroll->setWidget(lanes);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    setArtifactLines(1);
    m_countTimer->setSingleShot(true);
    m_countTimer->setInterval(200);
    connect(m_countTimer, &QTimer::timeout, this, &FreightPanel::updateCount);
    updateCount();
}

FreightPanel::~FreightPanel() = default;

void FreightPanel::setPipeline(const Pipeline &pipeline)
{
    m_stages.clear();
    m_stageColors.clear();
    for (const Stage &stage : pipeline.stages) {
        m_stages.append(stage.name);
        m_stageColors.insert(stage.name, QColor(StageColors::isKnown(stage.color)
                                                    ? StageColors::hex(stage.color)
                                                    : StageColors::fallbackHex(stage.name)));
    }
    QStringList wanted;
    for (const Warehouse &warehouse : pipeline.warehouses)
        wanted.append(warehouse.name);
    if (wanted != warehouses()) {
        clearLanes();
        for (const QString &name : std::as_const(wanted))
            lane(name);
        setFreight(freight());
    }
    for (const auto &each : m_lanes)
        each->model->setStageColors(m_stageColors);
}

void FreightPanel::clearLanes()
{
    for (const auto &each : m_lanes)
        delete each->row;
    m_lanes.clear();
}

FreightPanel::Lane *FreightPanel::lane(const QString &warehouse)
{
    for (const auto &each : m_lanes) {
        if (each->model->warehouse() == warehouse)
            return each.get();
    }
    auto created = std::make_unique<Lane>();
    Lane *lane = created.get();
    lane->row = new QWidget;
    lane->title = new QLabel(lane->row);
    lane->title->setFixedWidth(130);
    lane->title->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    lane->title->setWordWrap(true);
    lane->title->setContentsMargins(8, 0, 4, 0);
    lane->model = new FreightLaneModel(warehouse, lane->row);
    lane->model->setStageColors(m_stageColors);
    lane->model->setStagesHaving(m_stagesHaving);
    lane->model->setMarks(m_marks.verified, m_marks.approved);
    lane->model->setFilter(m_filter->text());
    lane->view = new FreightLaneView(this, lane->row);
    lane->view->setObjectName(u"freightLane:"_s + warehouse);
    lane->view->setModel(lane->model);
    lane->view->setItemDelegate(m_delegate);
    lane->view->setFixedHeight(laneHeight());
    connect(lane->view, &QWidget::customContextMenuRequested, this,
            [this, view = lane->view](const QPoint &position) { showMenu(view, position); });
    auto *layout = new QHBoxLayout(lane->row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(lane->title);
    layout->addWidget(lane->view, 1);
    m_lanesLayout->insertWidget(m_lanesLayout->count() - 1, lane->row);
    m_lanes.push_back(std::move(created));
    return lane;
}

void FreightPanel::setFreight(const QList<Freight> &freight)
{
    m_byId.clear();
    QHash<QString, QList<Freight>> byWarehouse;
    for (const Freight &each : freight) {
        m_byId.insert(each.id, each);
        byWarehouse[each.origin.name].append(each);
    }
    int lines = 1;
    for (auto it = byWarehouse.cbegin(); it != byWarehouse.cend(); ++it)
        lane(it.key());
    for (const auto &each : m_lanes) {
        const QList<Freight> laneFreight = byWarehouse.value(each->model->warehouse());
        each->model->setFreight(laneFreight);
        for (const Freight &one : laneFreight)
            lines = std::max<int>(lines,
                                  int(one.commits.size() + one.images.size() + one.charts.size()));
    }
    setArtifactLines(lines);
    updateCount();
}

void FreightPanel::addFreight(const Freight &freight)
{
    if (m_byId.contains(freight.id))
        return;
    m_byId.insert(freight.id, freight);
    lane(freight.origin.name)->model->addFreight(freight);
    const int lines = int(freight.commits.size() + freight.images.size() + freight.charts.size());
    if (lines > m_delegate->artifactLines())
        setArtifactLines(lines);
    // Freight found by a poll of many warehouses arrives in bursts: count once per burst.
    if (!m_countTimer->isActive())
        m_countTimer->start();
}

void FreightPanel::setStageStates(const QList<StageState> &states)
{
    m_stagesHaving.clear();
    for (const StageState &state : states) {
        for (const Freight &freight : state.freight)
            m_stagesHaving[freight.id].append(state.stage);
    }
    for (const auto &each : m_lanes)
        each->model->setStagesHaving(m_stagesHaving);
}

void FreightPanel::setMarks(const FreightMarks &marks)
{
    m_marks = marks;
    for (const auto &each : m_lanes)
        each->model->setMarks(marks.verified, marks.approved);
}

void FreightPanel::setHighlightChanges(bool on)
{
    m_highlight->setChecked(on);
    m_delegate->setHighlightChanges(on);
    for (const auto &each : m_lanes)
        each->view->viewport()->update();
}

void FreightPanel::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    for (const auto &each : m_lanes)
        each->model->setFilter(text.trimmed());
    updateCount();
}

std::optional<Freight> FreightPanel::find(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    if (it == m_byId.cend())
        return std::nullopt;
    return *it;
}

QList<Freight> FreightPanel::freight() const
{
    QList<Freight> all = m_byId.values();
    std::sort(all.begin(), all.end(), [](const Freight &a, const Freight &b) {
        return a.discoveredAt != b.discoveredAt ? a.discoveredAt > b.discoveredAt : a.id < b.id;
    });
    return all;
}

QStringList FreightPanel::warehouses() const
{
    QStringList names;
    for (const auto &each : m_lanes)
        names.append(each->model->warehouse());
    return names;
}

FreightLaneModel *FreightPanel::laneModel(const QString &warehouse) const
{
    for (const auto &each : m_lanes) {
        if (each->model->warehouse() == warehouse)
            return each->model;
    }
    return nullptr;
}

QListView *FreightPanel::laneView(const QString &warehouse) const
{
    for (const auto &each : m_lanes) {
        if (each->model->warehouse() == warehouse)
            return each->view;
    }
    return nullptr;
}

QStringList FreightPanel::selectedFreight() const
{
    QStringList ids;
    for (const auto &each : m_lanes) {
        QModelIndexList rows = each->view->selectionModel()->selectedRows();
        std::sort(rows.begin(), rows.end());
        for (const QModelIndex &row : std::as_const(rows))
            ids.append(row.data(FreightLaneModel::IdRole).toString());
    }
    return ids;
}

QWidget *FreightPanel::firstLaneView() const
{
    return m_lanes.empty() ? nullptr : m_lanes.front()->view;
}

int FreightPanel::laneHeight() const
{
    return m_delegate->cardHeight(font()) + style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
}

void FreightPanel::setArtifactLines(int lines)
{
    m_delegate->setArtifactLines(lines);
    for (const auto &each : m_lanes)
        each->view->setFixedHeight(laneHeight());
    // However the dock is sized, one lane of cards stays in view.
    setMinimumHeight(sizeHint().height());
}

QSize FreightPanel::sizeHint() const
{
    return {QWidget::sizeHint().width(), m_filter->sizeHint().height() + 8 + laneHeight()};
}

void FreightPanel::updateCount()
{
    int total = 0;
    int matching = 0;
    for (const auto &each : m_lanes) {
        total += each->model->totalCount();
        matching += each->model->matchingCount();
        const QString count =
            each->model->filter().isEmpty()
                ? tr("%n freight", nullptr, each->model->totalCount())
                : tr("%1 of %2").arg(each->model->matchingCount()).arg(each->model->totalCount());
        each->title->setText(u"<b>%1</b><br><small>%2</small>"_s.arg(
            each->model->warehouse().toHtmlEscaped(), count));
        each->title->setToolTip(tr("Warehouse %1").arg(each->model->warehouse()));
    }
    m_count->setText(m_filter->text().trimmed().isEmpty()
                         ? tr("%n freight", nullptr, total)
                         : tr("%1 of %2 freight").arg(matching).arg(total));
}

void FreightPanel::showMenu(QListView *view, const QPoint &position)
{
    const QModelIndex index = view->indexAt(position);
    if (!index.isValid())
        return;
    const QString id = index.data(FreightLaneModel::IdRole).toString();
    const QString alias = index.data(FreightLaneModel::AliasRole).toString();
    QMenu menu(this);
    QMenu *promote = menu.addMenu(tr("&Promote to"));
    QMenu *approve = menu.addMenu(tr("&Approve for"));
    for (const QString &stage : std::as_const(m_stages)) {
        promote->addAction(stage, this, [this, stage, id] { Q_EMIT promoteRequested(stage, id); });
        approve->addAction(stage, this, [this, stage, id] { Q_EMIT approveRequested(stage, id); });
    }
    menu.addSeparator();
    menu.addAction(tr("Copy &ID"), this, [id] { QApplication::clipboard()->setText(id); });
    menu.addAction(tr("Copy A&lias"), this, [alias] { QApplication::clipboard()->setText(alias); });
    menu.addSeparator();
    // Freight of the same lane, newest first: the next older one is this one's predecessor.
    FreightLaneModel *lane = static_cast<FreightLaneModel *>(view->model());
    const Freight *previous = lane->previousOf(id);
    QAction *comparePrevious = menu.addAction(tr("Compare with Pre&vious"), this, [this, id, lane] {
        if (const Freight *older = lane->previousOf(id))
            Q_EMIT compareRequested(older->id, id);
    });
    comparePrevious->setEnabled(previous != nullptr);
    // Two freight selected in the lane: compare them, older first.
    QModelIndexList selected = view->selectionModel()->selectedRows();
    if (selected.size() == 2) {
        std::sort(selected.begin(), selected.end());
        const QString newer = selected.at(0).data(FreightLaneModel::IdRole).toString();
        const QString older = selected.at(1).data(FreightLaneModel::IdRole).toString();
        menu.addAction(tr("&Compare Selected"), this,
                       [this, older, newer] { Q_EMIT compareRequested(older, newer); });
    }
    QMenu *compareWith = menu.addMenu(tr("Compare &with"));
    const QDateTime discovered = index.data(FreightLaneModel::DiscoveredRole).toDateTime();
    for (int row = 0; row < lane->rowCount() && compareWith->actions().size() < 20; ++row) {
        const QModelIndex other = lane->index(row);
        const QString otherId = other.data(FreightLaneModel::IdRole).toString();
        if (otherId == id)
            continue;
        const bool older = other.data(FreightLaneModel::DiscoveredRole).toDateTime() <= discovered;
        compareWith->addAction(
            other.data(FreightLaneModel::AliasRole).toString(), this, [this, older, otherId, id] {
                Q_EMIT compareRequested(older ? otherId : id, older ? id : otherId);
            });
    }
    compareWith->setEnabled(!compareWith->actions().isEmpty());
    menu.exec(view->viewport()->mapToGlobal(position));
}

} // namespace Stevedore
