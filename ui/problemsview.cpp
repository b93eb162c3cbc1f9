#include "ui/problemsview.h"

#include "models/problemmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Stevedore {

namespace {

/// Shows the rows whose severity is switched on.
class SeverityFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setShown(Problem::Severity severity, bool shown)
    {
        m_shown[int(severity)] = shown;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return m_shown[index.data(ProblemModel::SeverityRole).toInt()];
    }

private:
    bool m_shown[3] = {true, true, true};
};

QToolButton *filterButton(QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setCheckable(true);
    button->setChecked(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

ProblemsView::ProblemsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ProblemModel(this))
    , m_proxy(new SeverityFilter(this))
    , m_view(new QTreeView(this))
    , m_errors(filterButton(this))
    , m_warnings(filterButton(this))
    , m_notes(filterButton(this))
{
    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setSectionResizeMode(ProblemModel::SeverityColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ProblemModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(ProblemModel::LocationColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    m_view->setAccessibleName(tr("Problems"));

    m_notes->setChecked(false);
    static_cast<SeverityFilter *>(m_proxy)->setShown(Problem::Severity::Note, false);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(4, 2, 4, 0);
    filters->addWidget(m_errors);
    filters->addWidget(m_warnings);
    filters->addWidget(m_notes);
    filters->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(filters);
    layout->addWidget(m_view);

    const auto toggle = [this](QToolButton *button, Problem::Severity severity) {
        connect(button, &QToolButton::toggled, this, [this, severity](bool on) {
            static_cast<SeverityFilter *>(m_proxy)->setShown(severity, on);
        });
    };
    toggle(m_errors, Problem::Severity::Error);
    toggle(m_warnings, Problem::Severity::Warning);
    toggle(m_notes, Problem::Severity::Note);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        const Problem problem = m_model->problem(m_proxy->mapToSource(index));
        if (problem.location.isValid())
            Q_EMIT problemActivated(problem.location);
    });
    setProblems({});
}

void ProblemsView::setProblems(const Problems &problems)
{
    m_model->setProblems(problems);
    const int errors = m_model->count(Problem::Severity::Error);
    const int warnings = m_model->count(Problem::Severity::Warning);
    m_errors->setText(tr("%n error(s)", nullptr, errors));
    m_warnings->setText(tr("%n warning(s)", nullptr, warnings));
    m_notes->setText(tr("%n note(s)", nullptr, m_model->count(Problem::Severity::Note)));
    Q_EMIT countsChanged(errors, warnings);
}

} // namespace Stevedore
