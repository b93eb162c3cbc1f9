#pragma once

#include "engine/problem.h"

#include <QAbstractTableModel>

namespace Stevedore {

/// The problems of a loaded pipeline as a table: severity, message and location.
class ProblemModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        MessageColumn,
        LocationColumn,
        ColumnCount
    };
    enum Role
    {
        SeverityRole = Qt::UserRole, ///< Problem::Severity as int
        FileRole,
        LineRole,
        ColumnRole,
    };

    explicit ProblemModel(QObject *parent = nullptr);

    void setProblems(const Problems &problems);
    const Problems &problems() const { return m_problems; }
    Problem problem(const QModelIndex &index) const;
    int count(Problem::Severity severity) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Problems m_problems;
};

} // namespace Stevedore
