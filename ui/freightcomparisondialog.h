#pragma once

#include <QDialog>

namespace Stevedore {

class FreightComparisonView;

/// A window comparing two freight of one warehouse (see FreightComparisonView); it opens at
/// once and fills in when the comparison, computed off the GUI thread, is ready.
class FreightComparisonDialog : public QDialog
{
    Q_OBJECT

public:
    /// Compares @p from (the older) with @p to, both ids or aliases of stored freight of the
    /// pipeline at @p pipelinePath.
    FreightComparisonDialog(const QString &pipelinePath, const QString &from, const QString &to,
                            QWidget *parent = nullptr);

    FreightComparisonView *view() const { return m_view; }

private:
    FreightComparisonView *m_view;
};

} // namespace Stevedore
