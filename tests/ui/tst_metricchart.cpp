// The metric chart offscreen: a run's measurements become points coloured by phase, simple
// conditions become threshold lines, hovering tells the exact value and time, new
// measurements extend the chart, and the "last hour" chart shows a range query's series. The
// verification panel turns a run into one chart per runnable metric.

#include "ui/metricchart.h"
#include "ui/verificationpanel.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

Measurement measurement(const QDateTime &at, AnalysisPhase phase, QList<double> values,
                        const QString &message = {})
{
    Measurement m;
    m.startedAt = at.addMSecs(-20);
    m.finishedAt = at;
    m.phase = phase;
    m.values = values;
    m.message = message;
    return m;
}

MetricResult sampleMetric(const QDateTime &start)
{
    MetricResult metric;
    metric.name = u"success-rate"_s;
    metric.provider = u"prometheus"_s;
    metric.query = u"sum(rate(requests{status=\"200\"}[1m])) / sum(rate(requests[1m]))"_s;
    metric.successCondition = u"len(result) == 0 || result[0] >= 0.95"_s;
    metric.phase = AnalysisPhase::Running;
    metric.measurements = {
        measurement(start, AnalysisPhase::Successful, {0.9733333333333334}),
        measurement(start.addSecs(5), AnalysisPhase::Successful, {0.981}),
        measurement(start.addSecs(10), AnalysisPhase::Failed, {0.912}),
        measurement(start.addSecs(15), AnalysisPhase::Error, {},
                    u"Prometheus answered 400 bad_data: parse error"_s),
        measurement(start.addSecs(20), AnalysisPhase::Inconclusive,
                    {std::numeric_limits<double>::quiet_NaN()}),
    };
    metric.measured = 4;
    metric.successful = 2;
    metric.failed = 1;
    metric.inconclusive = 1;
    metric.errors = 1;
    return metric;
}

/// Pixels of @p image within a small distance of @p color.
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) < 12 &&
                std::abs(pixel.green() - color.green()) < 12 &&
                std::abs(pixel.blue() - color.blue()) < 12)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestMetricChart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thresholds_data();
    void thresholds();
    void pointsByPhase();
    void liveUpdates();
    void rangeChart();
    void panelShowsOneChartPerRunnableMetric();
};

void TestMetricChart::thresholds_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<double>("expected"); // NaN: none

    const double none = std::numeric_limits<double>::quiet_NaN();
    QTest::newRow("first value") << u"result[0] >= 0.95"_s << 0.95;
    QTest::newRow("scalar") << u"result < 2"_s << 2.0;
    QTest::newRow("empty allowed") << u"len(result) == 0 || result[0] >= 0.95"_s << 0.95;
    QTest::newRow("number first") << u"0.5 > result[0]"_s << 0.5;
    QTest::newRow("exponent") << u"result[0] <= 1.5e-3"_s << 0.0015;
    QTest::newRow("negative") << u"result[0] > -1"_s << -1.0;
    QTest::newRow("two comparisons") << u"result[0] > 0.1 && result[0] < 0.9"_s << none;
    QTest::newRow("not equal") << u"result[0] != 0"_s << none;
    QTest::newRow("second value") << u"result[1] >= 0.95"_s << none;
    QTest::newRow("function") << u"all(result, {# > 1})"_s << none;
    QTest::newRow("empty") << QString() << none;
}

void TestMetricChart::thresholds()
{
    QFETCH(QString, condition);
    QFETCH(double, expected);
    const std::optional<double> threshold = MetricChart::thresholdOf(condition);
    if (std::isnan(expected))
        QVERIFY(!threshold);
    else
        QCOMPARE(threshold.value_or(-12345), expected);
}

void TestMetricChart::pointsByPhase()
{
    MetricChart chart;
    chart.resize(760, 320);
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-30);
    chart.setMetric(sampleMetric(start));
    QCOMPARE(chart.pointCount(), 5);
    QCOMPARE(chart.pointCount(AnalysisPhase::Successful), 2);
    QCOMPARE(chart.pointCount(AnalysisPhase::Failed), 1);
    QCOMPARE(chart.pointCount(AnalysisPhase::Error), 1);
    QCOMPARE(chart.pointCount(AnalysisPhase::Inconclusive), 1);
    QCOMPARE(chart.successThreshold().value_or(0), 0.95);
    QVERIFY(!chart.failureThreshold());

    // Hovering tells the exact value (not a rounded one), the time, and any message.
    const QString first = chart.toolTipFor(0);
    QVERIFY2(first.contains(u"[0.9733333333333334]"), qPrintable(first));
    QVERIFY2(first.contains(start.toLocalTime().toString(u"HH:mm:ss"_s)), qPrintable(first));
    QVERIFY(first.contains(u"Successful"));
    const QString error = chart.toolTipFor(3);
    QVERIFY2(error.contains(u"parse error") && error.contains(u"Error"), qPrintable(error));
    QVERIFY(chart.toolTipFor(4).contains(u"NaN"));

    // The query is shown beside the chart.
    bool queryShown = false;
    for (const QTextEdit *text : chart.findChildren<QTextEdit *>())
        queryShown = queryShown || text->toPlainText() == chart.metric().query;
    QVERIFY(queryShown);

    // Drawn: the successful points' green and the failed point's red are on the picture.
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QImage image = chart.grab().toImage();
    QVERIFY(pixelsNear(image, QColor(0x2e, 0x7d, 0x32)) > 20);
    QVERIFY(pixelsNear(image, QColor(0xc6, 0x28, 0x28)) > 10);
}

void TestMetricChart::liveUpdates()
{
    MetricChart chart;
    MetricResult metric = sampleMetric(QDateTime::currentDateTimeUtc());
    metric.measurements.resize(1);
    chart.setMetric(metric);
    QCOMPARE(chart.pointCount(), 1);
    metric.measurements.append(
        measurement(QDateTime::currentDateTimeUtc().addSecs(1), AnalysisPhase::Failed, {0.5}));
    chart.setMetric(metric);
    QCOMPARE(chart.pointCount(), 2);
    QCOMPARE(chart.pointCount(AnalysisPhase::Failed), 1);
}

void TestMetricChart::rangeChart()
{
    MetricChart chart;
    chart.setMetric(sampleMetric(QDateTime::currentDateTimeUtc()));
    QSignalSpy requested(&chart, &MetricChart::rangeRequested);
    QPushButton *button = nullptr;
    for (QPushButton *candidate : chart.findChildren<QPushButton *>())
        button = candidate;
    QVERIFY(button);
    button->click();
    QCOMPARE(requested.size(), 1);
    QCOMPARE(chart.rangeSeriesCount(), 0);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PrometheusSeries a;
    a.labels = {{u"status"_s, u"200"_s}};
    PrometheusSeries b;
    b.labels = {{u"status"_s, u"500"_s}};
    for (int i = 0; i < 60; ++i) {
        a.points.append(QPointF(now - (60 - i) * 60'000, 0.95 + 0.0005 * i));
        b.points.append(QPointF(now - (60 - i) * 60'000, 0.05));
    }
    chart.setRange({a, b}, {});
    QCOMPARE(chart.rangeSeriesCount(), 2);

    // An error is said in words and leaves the chart as it was.
    chart.setRange({}, u"Prometheus unreachable at http://127.0.0.1:1"_s);
    QCOMPARE(chart.rangeSeriesCount(), 2);
    bool said = false;
    for (const QLabel *label : chart.findChildren<QLabel *>())
        said = said || label->text().contains(u"Prometheus unreachable");
    QVERIFY(said);
}

void TestMetricChart::panelShowsOneChartPerRunnableMetric()
{
    VerificationPanel panel;
    VerificationRun run;
    run.id = u"run"_s;
    run.stage = u"prod"_s;
    run.phase = AnalysisPhase::Failed;
    run.message = u"Metric \"success-rate\" assessed Failed due to failed (1) > failureLimit (0)"_s;
    run.startedAt = QDateTime::currentDateTimeUtc();
    MetricResult job;
    job.name = u"load-gen"_s;
    job.provider = u"job"_s;
    job.runnable = false;
    job.message = u"not runnable here: a job metric runs a Kubernetes Job"_s;
    run.metrics = {sampleMetric(run.startedAt), job};
    panel.showRun(run);
    QCOMPARE(panel.charts().size(), 1);
    QCOMPARE(panel.charts().first()->pointCount(), 5);
    QVERIFY2(panel.statusText().startsWith(u"Failed") &&
                 panel.statusText().contains(u"\nMetric \"success-rate\" assessed Failed"),
             qPrintable(panel.statusText()));
    bool noted = false;
    for (const QLabel *label : panel.findChildren<QLabel *>())
        noted = noted || label->text().contains(u"load-gen (job): not runnable here");
    QVERIFY(noted);

    // The same run again, one measurement further: the chart is updated, not replaced.
    MetricChart *chart = panel.charts().first();
    run.metrics[0].measurements.append(
        measurement(run.startedAt.addSecs(25), AnalysisPhase::Successful, {0.99}));
    panel.showRun(run);
    QCOMPARE(panel.charts().first(), chart);
    QCOMPARE(chart->pointCount(), 6);
}

QTEST_MAIN(TestMetricChart)

#include "tst_metricchart.moc"
