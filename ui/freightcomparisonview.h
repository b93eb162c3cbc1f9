#pragma once

#include "engine/freightcomparison.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace Stevedore {

/// Two freight of one warehouse side by side: a table of artifacts old → new (changed ones
/// marked) and the commit log between their commits. The comparison is computed on a worker
/// thread (it reads the store and the local git clones); this widget only shows the result.
class FreightComparisonView : public QWidget
{
    Q_OBJECT

public:
    explicit FreightComparisonView(QWidget *parent = nullptr);

    /// Compares two stored freight (ids or aliases) of the pipeline at @p pipelinePath.
    void compareFreight(const QString &pipelinePath, const QString &from, const QString &to);
    /// Compares what @p stage has now with @p incoming.
    void compareWithStage(const QString &pipelinePath, const QString &stage,
                          const QString &incoming);
    void setComparison(const Stevedore::FreightComparison &comparison);

    const FreightComparison &comparison() const { return m_comparison; }
    bool isPending() const { return m_pending; }
    QTreeWidget *artifactTable() const { return m_artifacts; }
    QTreeWidget *commitLog() const { return m_log; }
    QString summary() const;

Q_SIGNALS:
    void comparisonReady();

private:
    void run(std::function<FreightComparison()> work);

    FreightComparison m_comparison;
    bool m_pending = false;
    int m_generation = 0;
    QLabel *m_summary;
    QTreeWidget *m_artifacts;
    QTreeWidget *m_log;
};

} // namespace Stevedore
