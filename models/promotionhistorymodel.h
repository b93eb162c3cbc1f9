#pragma once

#include "engine/promotion.h"

#include <QAbstractItemModel>
#include <QHash>

namespace Stevedore {

/// A stage's promotions, newest first, each with its steps as children: what ran, when, how
/// long it took, how it ended and why.
class PromotionHistoryModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,  ///< the promotion's freight, or the step's alias
        PhaseColumn, ///< Kargo's phase or step status
        StartedColumn,
        DurationColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        PromotionIdRole = Qt::UserRole + 1,
        StepIndexRole, ///< -1 on a promotion's row
        PhaseRole,     ///< the phase or status name, untranslated
        DetailsRole,   ///< the full text for a details pane: config, outputs, log, landed
    };
    Q_ENUM(Role)

    explicit PromotionHistoryModel(QObject *parent = nullptr);

    void setPromotions(const QString &stage, const QList<PromotionRecord> &promotions);
    QString stage() const { return m_stage; }
    /// Freight id -> alias, to name freight by their aliases.
    void setFreightAliases(const QHash<QString, QString> &aliases);
    const PromotionRecord *promotionAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// "850 ms", "12 s", "3 min 4 s"; empty when either end is missing.
    static QString duration(const QDateTime &from, const QDateTime &to);

private:
    QVariant promotionData(const PromotionRecord &promotion, int column, int role) const;
    QVariant stepData(const PromotionRecord &promotion, int step, int column, int role) const;
    QString promotionDetails(const PromotionRecord &promotion) const;

    QString m_stage;
    QList<PromotionRecord> m_promotions;
    QHash<QString, QString> m_aliases;
};

} // namespace Stevedore
