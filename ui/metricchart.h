#pragma once

#include "engine/prometheusclient.h"
#include "engine/verification.h"

#include <QWidget>

#include <memory>
#include <optional>

namespace Stevedore {

/// One metric of a verification run as a chart: its measurements over time, a point per
/// measurement coloured by its phase (errors, which have no value, sit on the bottom edge),
/// the threshold of a simple condition (`result[0] >= 0.95`) as a dashed line, exact value and
/// time on hover, and beside it the query and conditions. On demand it adds a second chart of
/// the query over the last hour (a range query the owner runs and hands in with setRange()).
///
/// This is the only place that knows Qt Charts (deprecated from Qt 6.10): moving to Qt Graphs
/// changes this file pair and nothing else.
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    /// Shows @p metric with its measurements so far; call it again as more arrive.
    void setMetric(const MetricResult &metric);
    const MetricResult &metric() const;
    /// Shows the answer of the range query asked for with rangeRequested(), or why there is
    /// none.
    void setRange(const QList<PrometheusSeries> &series, const QString &error);

    /// Measurements drawn as points (all of them, errors included), and those of one phase.
    int pointCount() const;
    int pointCount(AnalysisPhase phase) const;
    /// The threshold lines drawn: from the success condition, and from the failure condition.
    std::optional<double> successThreshold() const;
    std::optional<double> failureThreshold() const;
    /// Series in the "last hour" chart (0 while it is not shown).
    int rangeSeriesCount() const;
    /// What hovering over measurement @p index shows.
    QString toolTipFor(int index) const;
    /// Where measurement @p index is drawn, in global screen coordinates (for automation and
    /// screenshot tests); a null point when it is not drawn.
    QPoint pointOnScreen(int index) const;

    /// The constant in a condition that compares `result` or `result[0]` with a number once
    /// (`result[0] >= 0.95`, `len(result) == 0 || result[0] >= 0.95`, `0.5 > result`);
    /// nullopt for anything else.
    static std::optional<double> thresholdOf(const QString &condition);

Q_SIGNALS:
    /// The user asked for the last hour of this metric's query.
    void rangeRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void rebuild();
    void arrange(int width);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Stevedore
