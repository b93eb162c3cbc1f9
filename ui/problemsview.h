#pragma once

#include "engine/problem.h"

#include <QWidget>

class QSortFilterProxyModel;
class QToolButton;
class QTreeView;

namespace Stevedore {

class ProblemModel;

/// The list of validation problems, filterable by severity. Activating a problem asks for its
/// place in the manifest to be shown.
class ProblemsView : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsView(QWidget *parent = nullptr);

    void setProblems(const Problems &problems);
    ProblemModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void problemActivated(const Stevedore::SourceLocation &location);
    /// Counts changed: for the dock's title.
    void countsChanged(int errors, int warnings);

private:
    ProblemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_view;
    QToolButton *m_errors;
    QToolButton *m_warnings;
    QToolButton *m_notes;
};

} // namespace Stevedore
