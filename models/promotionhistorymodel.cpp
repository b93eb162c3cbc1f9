#include "models/promotionhistorymodel.h"

#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

// Internal ids: 0 for a promotion's row, promotion row + 1 for its steps' rows.
constexpr quintptr promotionRowId = 0;

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

QString json(const QVariantMap &map)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Indented));
}

QColor phaseColor(const QString &phase)
{
    if (phase == u"Succeeded")
        return QColor(0x2e, 0xa0, 0x43);
    if (phase == u"Failed" || phase == u"Errored" || phase == u"Aborted")
        return QColor(0xcf, 0x22, 0x2e);
    if (phase == u"Running")
        return QColor(0x2f, 0x81, 0xf7);
    return {};
}

} // namespace

PromotionHistoryModel::PromotionHistoryModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void PromotionHistoryModel::setPromotions(const QString &stage,
                                          const QList<PromotionRecord> &promotions)
{
    beginResetModel();
    m_stage = stage;
    m_promotions = promotions;
    endResetModel();
}

void PromotionHistoryModel::setFreightAliases(const QHash<QString, QString> &aliases)
{
    m_aliases = aliases;
    if (!m_promotions.isEmpty())
        Q_EMIT dataChanged(index(0, NameColumn), index(int(m_promotions.size()) - 1, NameColumn));
}

const PromotionRecord *PromotionHistoryModel::promotionAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    const int row =
        index.internalId() == promotionRowId ? index.row() : int(index.internalId() - 1);
    return row < m_promotions.size() ? &m_promotions.at(row) : nullptr;
}

QModelIndex PromotionHistoryModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, promotionRowId);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex PromotionHistoryModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == promotionRowId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, promotionRowId);
}

int PromotionHistoryModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_promotions.size());
    if (parent.internalId() != promotionRowId || parent.column() != 0)
        return 0;
    return int(m_promotions.at(parent.row()).steps.size());
}

int PromotionHistoryModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant PromotionHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == promotionRowId)
        return promotionData(m_promotions.at(index.row()), index.column(), role);
    return stepData(m_promotions.at(int(index.internalId() - 1)), index.row(), index.column(),
                    role);
}

QVariant PromotionHistoryModel::promotionData(const PromotionRecord &promotion, int column,
                                              int role) const
{
    const QString phase = toString(promotion.phase);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return m_aliases.value(promotion.freightId, promotion.freightId.left(12));
        case PhaseColumn:
            return phase;
        case StartedColumn:
            return when(promotion.startedAt.isValid() ? promotion.startedAt : promotion.createdAt);
        case DurationColumn:
            return duration(promotion.startedAt, promotion.finishedAt);
        case MessageColumn:
            return promotion.message.section(u'\n', 0, 0);
        }
        return {};
    case Qt::ToolTipRole:
        if (column == MessageColumn && !promotion.message.isEmpty())
            return promotion.message;
        return tr("Promotion %1 of freight %2").arg(promotion.id, promotion.freightId);
    case Qt::ForegroundRole:
        if (column == PhaseColumn && phaseColor(phase).isValid())
            return phaseColor(phase);
        return {};
    case PromotionIdRole:
        return promotion.id;
    case StepIndexRole:
        return -1;
    case PhaseRole:
        return phase;
    case DetailsRole:
        return promotionDetails(promotion);
    }
    return {};
}

QVariant PromotionHistoryModel::stepData(const PromotionRecord &promotion, int stepIndex,
                                         int column, int role) const
{
    const StepResult &step = promotion.steps.at(stepIndex);
    const QString status = toString(step.status);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return step.uses.isEmpty() || step.uses == step.alias
                       ? step.alias
                       : u"%1 (%2)"_s.arg(step.alias, step.uses);
        case PhaseColumn:
            return step.attempts > 1
                       ? tr("%1 after %n attempts", nullptr, step.attempts).arg(status)
                       : status;
        case StartedColumn:
            return when(step.startedAt);
        case DurationColumn:
            return duration(step.startedAt, step.finishedAt);
        case MessageColumn:
            return step.message.section(u'\n', 0, 0);
        }
        return {};
    case Qt::ToolTipRole:
        return step.message.isEmpty() ? QVariant() : QVariant(step.message);
    case Qt::ForegroundRole:
        if (column == PhaseColumn && phaseColor(status).isValid())
            return phaseColor(status);
        return {};
    case PromotionIdRole:
        return promotion.id;
    case StepIndexRole:
        return stepIndex;
    case PhaseRole:
        return status;
    case DetailsRole: {
        QStringList parts{u"%1 \u2014 %2"_s.arg(step.alias, status)};
        if (!step.message.isEmpty())
            parts.append(step.message);
        if (!step.config.isEmpty())
            parts.append(tr("Config:") + u'\n' + json(step.config));
        if (!step.outputs.isEmpty())
            parts.append(tr("Outputs:") + u'\n' + json(step.outputs));
        if (!step.log.isEmpty())
            parts.append(tr("Log:") + u'\n' + step.log.join(u'\n'));
        return parts.join(u"\n\n"_s);
    }
    }
    return {};
}

QString PromotionHistoryModel::promotionDetails(const PromotionRecord &promotion) const
{
    QStringList lines{
        tr("Promotion %1").arg(promotion.id),
        tr("Freight: %1 (%2)")
            .arg(m_aliases.value(promotion.freightId, promotion.freightId), promotion.freightId),
        tr("Phase: %1").arg(toString(promotion.phase))};
    if (promotion.startedAt.isValid())
        lines.append(tr("Started: %1").arg(when(promotion.startedAt)));
    if (promotion.finishedAt.isValid())
        lines.append(tr("Finished: %1 (%2)")
                         .arg(when(promotion.finishedAt),
                              duration(promotion.startedAt, promotion.finishedAt)));
    if (!promotion.message.isEmpty())
        lines.append(tr("Message: %1").arg(promotion.message));
    if (promotion.skipUnrunnable)
        lines.append(tr("Steps not runnable here were skipped."));
    if (!promotion.landed.isEmpty()) {
        lines.append(tr("Landed:"));
        for (const LandedChange &landed : promotion.landed) {
            QString line = u"  %1 %2 %3"_s.arg(landed.repoURL, landed.branch, landed.commit);
            if (!landed.tag.isEmpty())
                line += tr(" (tag %1)").arg(landed.tag);
            lines.append(line);
        }
    }
    return lines.join(u'\n');
}

QVariant PromotionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Freight / Step");
    case PhaseColumn:
        return tr("Phase");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Took");
    case MessageColumn:
        return tr("Message");
    }
    return {};
}

QString PromotionHistoryModel::duration(const QDateTime &from, const QDateTime &to)
{
    if (!from.isValid() || !to.isValid())
        return {};
    const qint64 ms = std::max<qint64>(0, from.msecsTo(to));
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

} // namespace Stevedore
