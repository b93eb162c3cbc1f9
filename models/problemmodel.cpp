#include "models/problemmodel.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>
#include <QGuiApplication>
#include <QPalette>

namespace Stevedore {

ProblemModel::ProblemModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ProblemModel::setProblems(const Problems &problems)
{
    beginResetModel();
    m_problems = problems;
    endResetModel();
}

Problem ProblemModel::problem(const QModelIndex &index) const
{
    if (!index.isValid() || index.row() >= m_problems.size())
        return {};
    return m_problems.at(index.row());
}

int ProblemModel::count(Problem::Severity severity) const
{
    return countProblems(m_problems, severity);
}

int ProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_problems.size());
}

int ProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Problem &problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            switch (problem.severity) {
            case Problem::Severity::Error:
                return tr("Error");
            case Problem::Severity::Warning:
                return tr("Warning");
            case Problem::Severity::Note:
                return tr("Note");
            }
            return {};
        case MessageColumn:
            return problem.message;
        case LocationColumn: {
            const QString file = QFileInfo(problem.location.file).fileName();
            if (problem.location.line <= 0)
                return file;
            return QStringLiteral("%1:%2:%3")
                .arg(file)
                .arg(problem.location.line)
                .arg(problem.location.column);
        }
        }
        return {};
    case Qt::ToolTipRole:
        return problem.toString();
    case Qt::ForegroundRole:
        if (index.column() != SeverityColumn)
            return {};
        switch (problem.severity) {
        case Problem::Severity::Error:
            return QBrush(QColor(0xd3, 0x2f, 0x2f));
        case Problem::Severity::Warning:
            return QBrush(QColor(0xc7, 0x7c, 0x02));
        case Problem::Severity::Note:
            return QBrush(QGuiApplication::palette().color(QPalette::PlaceholderText));
        }
        return {};
    case SeverityRole:
        return int(problem.severity);
    case FileRole:
        return problem.location.file;
    case LineRole:
        return problem.location.line;
    case ColumnRole:
        return problem.location.column;
    }
    return {};
}

QVariant ProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Message");
    case LocationColumn:
        return tr("Location");
    }
    return {};
}

} // namespace Stevedore
