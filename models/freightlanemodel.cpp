#include "models/freightlanemodel.h"

#include "models/freighttext.h"

#include <QScopedValueRollback>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool newerFirst(const Freight &a, const Freight &b)
{
    if (a.discoveredAt != b.discoveredAt)
        return a.discoveredAt > b.discoveredAt;
    return a.id < b.id;
}

} // namespace

FreightLaneModel::FreightLaneModel(const QString &warehouse, QObject *parent)
    : QAbstractListModel(parent)
    , m_warehouse(warehouse)
{}

void FreightLaneModel::setFreight(const QList<Freight> &freight)
{
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_all = freight;
    std::stable_sort(m_all.begin(), m_all.end(), newerFirst);
    rematch();
    endResetModel();
}

void FreightLaneModel::addFreight(const Freight &freight)
{
    for (const Freight &known : std::as_const(m_all)) {
        if (known.id == freight.id)
            return;
    }
    const auto at = std::lower_bound(m_all.begin(), m_all.end(), freight, newerFirst);
    const int index = int(at - m_all.begin());
    m_all.insert(index, freight);
    // Indexes after the new one shift by one.
    for (int &matching : m_matching) {
        if (matching >= index)
            ++matching;
    }
    if (!matches(freight)) {
        // The next older one's "changed" marks now compare with the new freight.
        notifyAllLoaded({ChangedRole});
        return;
    }
    const int position =
        int(std::lower_bound(m_matching.begin(), m_matching.end(), index) - m_matching.begin());
    // A freight beyond what the views have loaded arrives with the next page.
    if (position > m_loaded) {
        m_matching.insert(position, index);
        return;
    }
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows({}, position, position);
    m_matching.insert(position, index);
    ++m_loaded;
    endInsertRows();
    notifyAllLoaded({ChangedRole});
}

void FreightLaneModel::setStagesHaving(const QHash<QString, QStringList> &stagesByFreight)
{
    m_stages = stagesByFreight;
    notifyAllLoaded({StagesRole, StageColorsRole});
}

void FreightLaneModel::setStageColors(const QHash<QString, QColor> &colors)
{
    m_stageColors = colors;
    notifyAllLoaded({StageColorsRole});
}

void FreightLaneModel::setMarks(const QHash<QString, QStringList> &verified,
                                const QHash<QString, QStringList> &approved)
{
    m_verified = verified;
    m_approved = approved;
    notifyAllLoaded({VerifiedRole, ApprovedRole});
}

void FreightLaneModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_filter = text;
    rematch();
    endResetModel();
}

const Freight *FreightLaneModel::freightAt(int row) const
{
    if (row < 0 || row >= m_loaded)
        return nullptr;
    return &m_all.at(m_matching.at(row));
}

int FreightLaneModel::rowOf(const QString &id)
{
    for (int row = 0; row < m_matching.size(); ++row) {
        if (m_all.at(m_matching.at(row)).id != id)
            continue;
        if (row >= m_loaded) {
            const QScopedValueRollback changing(m_changing, true);
            beginInsertRows({}, m_loaded, row);
            m_loaded = row + 1;
            endInsertRows();
        }
        return row;
    }
    return -1;
}

const Freight *FreightLaneModel::previousOf(const QString &id) const
{
    for (int i = 0; i + 1 < m_all.size(); ++i) {
        if (m_all.at(i).id == id)
            return &m_all.at(i + 1);
    }
    return nullptr;
}

int FreightLaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_loaded;
}

QVariant FreightLaneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int at = m_matching.at(index.row());
    const Freight &freight = m_all.at(at);
    switch (role) {
    case Qt::DisplayRole:
    case AliasRole:
        return freight.alias;
    case Qt::ToolTipRole: {
        QStringList lines{freight.alias, freight.id};
        for (const ArtifactLabel &label : FreightText::artifacts(freight))
            lines.append(label.detail);
        lines.append(tr("Drag onto a stage to promote it."));
        return lines.join(u'\n');
    }
    case IdRole:
        return freight.id;
    case DiscoveredRole:
        return freight.discoveredAt;
    case ArtifactsRole: {
        QStringList texts;
        for (const ArtifactLabel &label : FreightText::artifacts(freight))
            texts.append(label.text);
        return texts;
    }
    case ChangedRole:
        return QVariant::fromValue(changedArtifacts(at));
    case StagesRole:
        return m_stages.value(freight.id);
    case StageColorsRole: {
        QList<QColor> colors;
        for (const QString &stage : m_stages.value(freight.id))
            colors.append(m_stageColors.value(stage, QColor(Qt::gray)));
        return QVariant::fromValue(colors);
    }
    case VerifiedRole:
        return m_verified.value(freight.id);
    case ApprovedRole:
        return m_approved.value(freight.id);
    default:
        return {};
    }
}

Qt::ItemFlags FreightLaneModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled |
           Qt::ItemNeverHasChildren;
}

bool FreightLaneModel::canFetchMore(const QModelIndex &parent) const
{
    // Not while another change is being announced (a view or a tester asking from its slots).
    return !parent.isValid() && !m_changing && m_loaded < m_matching.size();
}

void FreightLaneModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    const int more = std::min<int>(pageSize, int(m_matching.size()) - m_loaded);
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows({}, m_loaded, m_loaded + more - 1);
    m_loaded += more;
    endInsertRows();
}

QHash<int, QByteArray> FreightLaneModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {AliasRole, "alias"},
                  {DiscoveredRole, "discoveredAt"},
                  {ArtifactsRole, "artifacts"},
                  {ChangedRole, "changed"},
                  {StagesRole, "stages"},
                  {StageColorsRole, "stageColors"},
                  {VerifiedRole, "verified"},
                  {ApprovedRole, "approved"}});
    return names;
}

void FreightLaneModel::rematch()
{
    m_matching.clear();
    for (int i = 0; i < m_all.size(); ++i) {
        if (matches(m_all.at(i)))
            m_matching.append(i);
    }
    m_loaded = std::min<int>(pageSize, int(m_matching.size()));
}

void FreightLaneModel::notifyAllLoaded(const QList<int> &roles)
{
    if (m_loaded > 0)
        Q_EMIT dataChanged(index(0), index(m_loaded - 1), roles);
}

QList<bool> FreightLaneModel::changedArtifacts(int index) const
{
    const QList<ArtifactLabel> labels = FreightText::artifacts(m_all.at(index));
    QList<bool> changed(labels.size(), false);
    if (index + 1 >= m_all.size())
        return changed; // the oldest freight: nothing to compare with
    QHash<QString, QString> previous;
    for (const ArtifactLabel &label : FreightText::artifacts(m_all.at(index + 1)))
        previous.insert(label.key, label.detail);
    for (int i = 0; i < labels.size(); ++i)
        changed[i] = previous.value(labels.at(i).key) != labels.at(i).detail;
    return changed;
}

bool FreightLaneModel::matches(const Freight &freight) const
{
    if (m_filter.isEmpty())
        return true;
    if (freight.alias.contains(m_filter, Qt::CaseInsensitive) ||
        freight.id.startsWith(m_filter, Qt::CaseInsensitive))
        return true;
    const QList<ArtifactLabel> labels = FreightText::artifacts(freight);
    return std::any_of(labels.begin(), labels.end(), [this](const ArtifactLabel &label) {
        return label.detail.contains(m_filter, Qt::CaseInsensitive);
    });
}

} // namespace Stevedore
