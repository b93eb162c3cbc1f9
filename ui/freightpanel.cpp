#include "ui/freightpanel.h"

#include "ui/freightmime.h"

#include <QDrag>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// A list whose items drag as freight.
class FreightList : public QListWidget
{
public:
    explicit FreightList(FreightPanel *panel)
        : QListWidget(panel)
        , m_panel(panel)
    {
        setDragEnabled(true);
        setDragDropMode(QAbstractItemView::DragOnly);
        setSelectionMode(QAbstractItemView::SingleSelection);
        // A row of cards, newest on the left, scrolling sideways.
        setFlow(QListView::LeftToRight);
        setWrapping(false);
        setSpacing(4);
        setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    }

protected:
    void startDrag(Qt::DropActions) override
    {
        QListWidgetItem *item = currentItem();
        if (!item)
            return;
        const QString id = item->data(Qt::UserRole).toString();
        Q_EMIT m_panel->dragStarted(id);
        auto *drag = new QDrag(this);
        drag->setMimeData(FreightMime::create(id));
        drag->exec(Qt::CopyAction);
        Q_EMIT m_panel->dragFinished();
    }

private:
    FreightPanel *m_panel;
};

QString artifacts(const Freight &freight)
{
    QStringList parts;
    for (const FreightImage &image : freight.images)
        parts.append(image.repoURL + u':' + image.tag);
    for (const FreightCommit &commit : freight.commits)
        parts.append(commit.repoURL.section(u'/', -1) + u' ' +
                     (commit.tag.isEmpty() ? commit.id.left(7) : commit.tag));
    for (const FreightChart &chart : freight.charts)
        parts.append(chart.name + u' ' + chart.version);
    return parts.join(u"\n"_s);
}

} // namespace

FreightPanel::FreightPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new FreightList(this))
{
    m_list->setObjectName(u"freightList"_s);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &FreightPanel::showMenu);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
}

void FreightPanel::setStages(const QStringList &stages)
{
    m_stages = stages;
}

void FreightPanel::setFreight(const QList<Freight> &freight)
{
    m_freight = freight;
    rebuild();
}

void FreightPanel::addFreight(const Freight &freight)
{
    if (find(freight.id))
        return;
    m_freight.prepend(freight);
    rebuild();
}

void FreightPanel::setStageStates(const QList<StageState> &states)
{
    m_stagesHaving.clear();
    for (const StageState &state : states) {
        for (const Freight &freight : state.freight)
            m_stagesHaving[freight.id].append(state.stage);
    }
    rebuild();
}

std::optional<Freight> FreightPanel::find(const QString &id) const
{
    for (const Freight &freight : m_freight) {
        if (freight.id == id)
            return freight;
    }
    return std::nullopt;
}

void FreightPanel::rebuild()
{
    const QString current =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    m_list->clear();
    for (const Freight &freight : std::as_const(m_freight)) {
        QString text = u"%1   %2 \u00b7 %3"_s.arg(
            freight.alias, freight.origin.name,
            QLocale().toString(freight.discoveredAt.toLocalTime(), QLocale::ShortFormat));
        text += u'\n' + artifacts(freight);
        const QStringList stages = m_stagesHaving.value(freight.id);
        if (!stages.isEmpty())
            text += u'\n' + tr("in %1").arg(stages.join(u", "_s));
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, freight.id);
        item->setTextAlignment(Qt::AlignLeft | Qt::AlignTop);
        item->setToolTip(tr("%1\nDrag onto a stage to promote it.").arg(freight.id));
        if (freight.id == current)
            m_list->setCurrentItem(item);
    }
}

void FreightPanel::showMenu(const QPoint &position)
{
    QListWidgetItem *item = m_list->itemAt(position);
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    QMenu menu(this);
    QMenu *promote = menu.addMenu(tr("&Promote to"));
    QMenu *approve = menu.addMenu(tr("&Approve for"));
    for (const QString &stage : std::as_const(m_stages)) {
        promote->addAction(stage, this, [this, stage, id] { Q_EMIT promoteRequested(stage, id); });
        approve->addAction(stage, this, [this, stage, id] { Q_EMIT approveRequested(stage, id); });
    }
    // Freight of the same warehouse, newest first: the one after this is its predecessor.
    QList<Freight> sameOrigin;
    const std::optional<Freight> clicked = find(id);
    for (const Freight &freight : std::as_const(m_freight)) {
        if (clicked && freight.origin == clicked->origin && freight.id != id)
            sameOrigin.append(freight);
    }
    std::optional<Freight> previous;
    for (const Freight &freight : std::as_const(sameOrigin)) {
        if (clicked && freight.discoveredAt <= clicked->discoveredAt) {
            previous = freight;
            break;
        }
    }
    menu.addSeparator();
    QAction *comparePrevious =
        menu.addAction(tr("Compare with Pre&vious"), this, [this, previous, id] {
            if (previous)
                Q_EMIT compareRequested(previous->id, id);
        });
    comparePrevious->setEnabled(previous.has_value());
    QMenu *compareWith = menu.addMenu(tr("Compare &with"));
    for (const Freight &other : std::as_const(sameOrigin).mid(0, 20)) {
        const bool older = clicked && other.discoveredAt <= clicked->discoveredAt;
        compareWith->addAction(other.alias, this, [this, older, other, id] {
            Q_EMIT compareRequested(older ? other.id : id, older ? id : other.id);
        });
    }
    compareWith->setEnabled(!sameOrigin.isEmpty());
    menu.exec(m_list->viewport()->mapToGlobal(position));
}

} // namespace Stevedore
