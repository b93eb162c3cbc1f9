#pragma once

#include "engine/freight.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>

namespace Stevedore {

/// The freight of one warehouse, newest first: one lane of the freight timeline. Views get
/// the rows a page at a time (canFetchMore()/fetchMore()), so a lane of thousands of freight
/// costs only what has been scrolled into view. A filter keeps the freight whose alias, id or
/// artifact versions contain its text.
class FreightLaneModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        AliasRole,
        DiscoveredRole,  ///< QDateTime
        ArtifactsRole,   ///< QStringList, the short texts
        ChangedRole,     ///< QList<bool>, per artifact: differs from the previous freight
        StagesRole,      ///< QStringList, the stages that have it now
        StageColorsRole, ///< QList<QColor>, one per stage in StagesRole
        VerifiedRole,    ///< QStringList, the stages it is verified in
        ApprovedRole,    ///< QStringList, the stages it is approved for
    };
    Q_ENUM(Role)

    static constexpr int pageSize = 50;

    explicit FreightLaneModel(const QString &warehouse, QObject *parent = nullptr);

    QString warehouse() const { return m_warehouse; }
    /// Replaces the lane's freight (any order; kept newest first).
    void setFreight(const QList<Freight> &freight);
    /// Adds a freight at its place by discovery time; no-op for one already in the lane.
    void addFreight(const Freight &freight);
    void setStagesHaving(const QHash<QString, QStringList> &stagesByFreight);
    void setStageColors(const QHash<QString, QColor> &colors);
    void setMarks(const QHash<QString, QStringList> &verified,
                  const QHash<QString, QStringList> &approved);
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }

    /// Every freight of the lane, filtered or not, newest first.
    int totalCount() const { return int(m_all.size()); }
    /// The freight matching the filter, loaded or not.
    int matchingCount() const { return int(m_matching.size()); }
    const Freight *freightAt(int row) const;
    /// The row of @p id, loading pages up to it; -1 when it is not in the lane (or filtered).
    int rowOf(const QString &id);
    /// The freight before @p id in the lane (the next older one), if any.
    const Freight *previousOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void rematch();
    void notifyAllLoaded(const QList<int> &roles);
    QList<bool> changedArtifacts(int index) const;
    bool matches(const Freight &freight) const;

    QString m_warehouse;
    QList<Freight> m_all;    ///< newest first
    QList<int> m_matching;   ///< indexes into m_all
    int m_loaded = 0;        ///< rows of m_matching the views have
    bool m_changing = false; ///< inside a begin…end pair
    QString m_filter;
    QHash<QString, QStringList> m_stages;
    QHash<QString, QColor> m_stageColors;
    QHash<QString, QStringList> m_verified;
    QHash<QString, QStringList> m_approved;
};

} // namespace Stevedore
