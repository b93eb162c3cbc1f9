#include "ui/metricchart.h"

#include "ui/palettecolors.h"

#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTimeAxis>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QTextEdit>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Stevedore {

namespace {

struct PhaseStyle
{
    AnalysisPhase phase;
    QColor color;
};

const QList<PhaseStyle> &phaseStyles()
{
    static const QList<PhaseStyle> styles{
        {AnalysisPhase::Successful, QColor(0x2e, 0x7d, 0x32)},
        {AnalysisPhase::Failed, QColor(0xc6, 0x28, 0x28)},
        {AnalysisPhase::Inconclusive, QColor(0xef, 0x9a, 0x00)},
        {AnalysisPhase::Error, QColor(0x61, 0x61, 0x61)},
    };
    return styles;
}

QString phaseName(AnalysisPhase phase)
{
    switch (phase) {
    case AnalysisPhase::Pending:
        return MetricChart::tr("Pending");
    case AnalysisPhase::Running:
        return MetricChart::tr("Running");
    case AnalysisPhase::Successful:
        return MetricChart::tr("Successful");
    case AnalysisPhase::Failed:
        return MetricChart::tr("Failed");
    case AnalysisPhase::Error:
        return MetricChart::tr("Error");
    case AnalysisPhase::Inconclusive:
        return MetricChart::tr("Inconclusive");
    case AnalysisPhase::Aborted:
        return MetricChart::tr("Aborted");
    }
    return {};
}

QColor phaseColor(AnalysisPhase phase)
{
    for (const PhaseStyle &style : phaseStyles()) {
        if (style.phase == phase)
            return style.color;
    }
    return QColor(0x54, 0x6e, 0x7a);
}

/// The value a measurement is drawn at: its first value, when it is a finite number.
std::optional<double> plotted(const Measurement &measurement)
{
    if (measurement.values.isEmpty() || !std::isfinite(measurement.values.first()))
        return std::nullopt;
    return measurement.values.first();
}

qreal when(const Measurement &measurement)
{
    return qreal((measurement.finishedAt.isValid() ? measurement.finishedAt : measurement.startedAt)
                     .toMSecsSinceEpoch());
}

QString labelsText(const QMap<QString, QString> &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts.append(QStringLiteral("%1=\"%2\"").arg(it.key(), it.value()));
    return QStringLiteral("{%1}").arg(parts.join(QStringLiteral(", ")));
}

/// Read-only text that wraps anywhere (a PromQL query has few spaces) and is exactly as tall
/// as its text, so that it sits in a layout like a label.
class WrappingText : public QTextEdit
{
public:
    explicit WrappingText(QWidget *parent)
        : QTextEdit(parent)
    {
        setReadOnly(true);
        setFrameShape(QFrame::NoFrame);
        setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
        viewport()->setAutoFillBackground(false);
        document()->setDocumentMargin(0);
        connect(document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
                this,
                [this](const QSizeF &size) { setFixedHeight(int(std::ceil(size.height()))); });
    }
};

QChart *newChart(const QPalette &palette)
{
    auto *chart = new QChart;
    // Follow the platform palette, light or dark, rather than Qt Charts' fixed light theme.
    chart->setTheme(PaletteColors::isDark(palette) ? QChart::ChartThemeDark
                                                   : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette.color(QPalette::Base));
    chart->legend()->setLabelColor(palette.color(QPalette::Text));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

} // namespace

struct MetricChart::Private
{
    MetricResult metric;
    QLabel *title = nullptr;
    WrappingText *query = nullptr;
    QLabel *conditions = nullptr;
    QLabel *counts = nullptr;
    QPushButton *rangeButton = nullptr;
    QWidget *side = nullptr;
    QBoxLayout *row = nullptr;
    QLabel *rangeNote = nullptr;
    QChartView *view = nullptr;
    QChart *chart = nullptr;
    QDateTimeAxis *timeAxis = nullptr;
    QValueAxis *valueAxis = nullptr;
    QLineSeries *line = nullptr;
    QLineSeries *successLine = nullptr;
    QLineSeries *failureLine = nullptr;
    QHash<AnalysisPhase, QScatterSeries *> points;
    /// Per point of each scatter series, the measurement it stands for.
    QHash<AnalysisPhase, QList<int>> pointMeasurements;
    std::optional<double> successThreshold;
    std::optional<double> failureThreshold;
    QChartView *rangeView = nullptr;
    int rangeSeries = 0;
};

MetricChart::MetricChart(QWidget *parent)
    : QWidget(parent)
    , d(std::make_unique<Private>())
{
    d->title = new QLabel(this);
    QFont bold = d->title->font();
    bold.setBold(true);
    d->title->setFont(bold);
    d->title->setTextFormat(Qt::RichText);

    d->chart = newChart(palette());
    d->timeAxis = new QDateTimeAxis;
    d->timeAxis->setFormat(QStringLiteral("HH:mm:ss"));
    d->timeAxis->setTitleText(tr("time"));
    d->valueAxis = new QValueAxis;
    d->valueAxis->setTitleText(tr("result[0]"));
    d->valueAxis->setLabelFormat(QStringLiteral("%.4g"));
    d->chart->addAxis(d->timeAxis, Qt::AlignBottom);
    d->chart->addAxis(d->valueAxis, Qt::AlignLeft);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(d->timeAxis), static_cast<QAbstractAxis *>(d->valueAxis)}) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setTitleBrush(palette().color(QPalette::Text));
    }

    const auto attach = [this](QXYSeries *series) {
        d->chart->addSeries(series);
        series->attachAxis(d->timeAxis);
        series->attachAxis(d->valueAxis);
    };
    d->line = new QLineSeries;
    d->line->setName(tr("value"));
    // Graphics need 3:1 against their background (WCAG 1.4.11), text 4.5:1.
    d->line->setPen(QPen(
        PaletteColors::readableOn(QColor(0x54, 0x6e, 0x7a), palette().color(QPalette::Base), 3.0),
        1.5));
    attach(d->line);
    d->successLine = new QLineSeries;
    d->successLine->setName(tr("success threshold"));
    d->successLine->setPen(QPen(PaletteColors::readableOn(phaseColor(AnalysisPhase::Successful),
                                                          palette().color(QPalette::Base), 3.0),
                                1.5, Qt::DashLine));
    attach(d->successLine);
    d->failureLine = new QLineSeries;
    d->failureLine->setName(tr("failure threshold"));
    d->failureLine->setPen(QPen(PaletteColors::readableOn(phaseColor(AnalysisPhase::Failed),
                                                          palette().color(QPalette::Base), 3.0),
                                1.5, Qt::DashLine));
    attach(d->failureLine);
    for (const PhaseStyle &style : phaseStyles()) {
        auto *series = new QScatterSeries;
        series->setName(phaseName(style.phase));
        series->setColor(style.color);
        series->setBorderColor(style.color.darker(130));
        series->setMarkerSize(style.phase == AnalysisPhase::Error ? 9 : 10);
        series->setMarkerShape(style.phase == AnalysisPhase::Error
                                   ? QScatterSeries::MarkerShapeRectangle
                                   : QScatterSeries::MarkerShapeCircle);
        attach(series);
        d->points.insert(style.phase, series);
        const AnalysisPhase phase = style.phase;
        connect(series, &QScatterSeries::hovered, this,
                [this, phase](const QPointF &point, bool state) {
                    if (!state) {
                        QToolTip::hideText();
                        return;
                    }
                    const QList<QPointF> all = d->points.value(phase)->points();
                    for (qsizetype i = 0; i < all.size(); ++i) {
                        if (all.at(i) == point) {
                            QToolTip::showText(QCursor::pos(),
                                               toolTipFor(d->pointMeasurements[phase].value(i)),
                                               d->view);
                            return;
                        }
                    }
                });
    }
    d->view = new QChartView(d->chart, this);
    d->view->setRenderHint(QPainter::Antialiasing);
    d->view->setMinimumHeight(220);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    d->query = new WrappingText(this);
    d->query->setFont(mono);
    d->conditions = new QLabel(this);
    d->conditions->setFont(mono);
    d->conditions->setWordWrap(true);
    d->conditions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    d->counts = new QLabel(this);
    d->counts->setWordWrap(true);
    d->rangeButton = new QPushButton(tr("Last Hour of This Query"), this);
    d->rangeButton->setToolTip(tr("Ask Prometheus for this query over the last hour"));
    connect(d->rangeButton, &QPushButton::clicked, this, [this] {
        d->rangeButton->setEnabled(false);
        d->rangeNote->setText(tr("Asking Prometheus\u2026"));
        d->rangeNote->show();
        Q_EMIT rangeRequested();
    });
    d->rangeNote = new QLabel(this);
    d->rangeNote->setWordWrap(true);
    d->rangeNote->hide();

    auto *side = new QVBoxLayout;
    auto *queryTitle = new QLabel(tr("Query"), this);
    queryTitle->setForegroundRole(QPalette::PlaceholderText);
    side->addWidget(queryTitle);
    side->addWidget(d->query);
    side->addWidget(d->conditions);
    side->addWidget(d->counts);
    side->addWidget(d->rangeButton);
    side->addWidget(d->rangeNote);
    side->addStretch(1);
    d->side = new QWidget(this);
    d->side->setLayout(side);
    side->setContentsMargins(0, 0, 0, 0);

    d->row = new QBoxLayout(QBoxLayout::LeftToRight);
    d->row->addWidget(d->view, 1);
    d->row->addWidget(d->side);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 4);
    layout->addWidget(d->title);
    layout->addLayout(d->row);
    arrange(width());
}

void MetricChart::arrange(int width)
{
    // Beside the chart when there is room, below it in a narrow dock.
    const bool wide = width >= 640;
    d->row->setDirection(wide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    d->side->setMinimumWidth(wide ? 200 : 0);
    d->side->setMaximumWidth(wide ? 320 : QWIDGETSIZE_MAX);
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    arrange(event->size().width());
    QWidget::resizeEvent(event);
}

MetricChart::~MetricChart() = default;

const MetricResult &MetricChart::metric() const
{
    return d->metric;
}

void MetricChart::setMetric(const MetricResult &metric)
{
    d->metric = metric;
    rebuild();
}

std::optional<double> MetricChart::thresholdOf(const QString &condition)
{
    static const QRegularExpression left(QStringLiteral(
        R"((?<![\w.])result(?:\[0\])?\s*(>=|<=|==|>|<)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)(?![\w.]))"));
    static const QRegularExpression right(QStringLiteral(
        R"((?<![\w.])(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*(>=|<=|==|>|<)\s*result(?:\[0\])?(?![\w.\[]))"));
    QList<double> found;
    for (const QRegularExpression *pattern : {&left, &right}) {
        auto it = pattern->globalMatch(condition);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            found.append(match.captured(pattern == &left ? 2 : 1).toDouble());
        }
    }
    if (found.size() != 1)
        return std::nullopt;
    return found.first();
}

QString MetricChart::toolTipFor(int index) const
{
    if (index < 0 || index >= d->metric.measurements.size())
        return {};
    const Measurement &measurement = d->metric.measurements.at(index);
    const QString time = QLocale().toString(measurement.finishedAt.toLocalTime(),
                                            QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    QString text =
        tr("Measurement %1 \u2014 %2\n%3").arg(index + 1).arg(phaseName(measurement.phase), time);
    if (!measurement.values.isEmpty())
        text += u'\n' + tr("result: %1").arg(measurement.valueText());
    if (!measurement.message.isEmpty())
        text += u'\n' + measurement.message;
    return text;
}

void MetricChart::rebuild()
{
    const MetricResult &metric = d->metric;
    d->title->setText(QStringLiteral("%1 <span style=\"color:%2\">\u25cf %3</span>")
                          .arg(metric.name.toHtmlEscaped(),
                               PaletteColors::readableOn(phaseColor(metric.phase),
                                                         palette().color(QPalette::Window))
                                   .name(),
                               phaseName(metric.phase)));
    d->title->setToolTip(metric.message);
    if (d->query->toPlainText() != metric.query)
        d->query->setPlainText(metric.query);
    QStringList conditions;
    if (!metric.successCondition.isEmpty())
        conditions.append(tr("success: %1").arg(metric.successCondition));
    if (!metric.failureCondition.isEmpty())
        conditions.append(tr("failure: %1").arg(metric.failureCondition));
    d->conditions->setText(conditions.join(u'\n'));
    d->conditions->setVisible(!conditions.isEmpty());
    QString counts = tr("%n measurement(s)", nullptr, int(metric.measurements.size()));
    if (metric.failed > 0)
        counts += QStringLiteral(" \u00b7 ") + tr("%n failed", nullptr, metric.failed);
    if (metric.inconclusive > 0)
        counts += QStringLiteral(" \u00b7 ") + tr("%n inconclusive", nullptr, metric.inconclusive);
    if (metric.errors > 0)
        counts += QStringLiteral(" \u00b7 ") + tr("%n error(s)", nullptr, metric.errors);
    if (!metric.message.isEmpty())
        counts += u'\n' + metric.message;
    d->counts->setText(counts);

    // The value axis spans the values and the thresholds, with a margin.
    d->successThreshold = thresholdOf(metric.successCondition);
    d->failureThreshold = thresholdOf(metric.failureCondition);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    const auto include = [&](double value) {
        low = std::min(low, value);
        high = std::max(high, value);
    };
    for (const Measurement &measurement : metric.measurements) {
        for (double value : measurement.values) {
            if (std::isfinite(value))
                include(value);
        }
    }
    if (d->successThreshold)
        include(*d->successThreshold);
    if (d->failureThreshold)
        include(*d->failureThreshold);
    if (low > high) {
        low = 0;
        high = 1;
    }
    const double span = high - low;
    const double margin = span > 0 ? span * 0.1 : std::max(std::abs(high) * 0.1, 0.5);
    low -= margin;
    high += margin;
    d->valueAxis->setRange(low, high);
    d->valueAxis->applyNiceNumbers();
    low = d->valueAxis->min();

    QList<QPointF> line;
    QHash<AnalysisPhase, QList<QPointF>> points;
    d->pointMeasurements.clear();
    qreal first = std::numeric_limits<qreal>::max();
    qreal last = std::numeric_limits<qreal>::lowest();
    for (qsizetype i = 0; i < metric.measurements.size(); ++i) {
        const Measurement &measurement = metric.measurements.at(i);
        const qreal x = when(measurement);
        first = std::min(first, x);
        last = std::max(last, x);
        const std::optional<double> value = plotted(measurement);
        if (value)
            line.append({x, *value});
        // Errors and values that are not finite (NaN, ±Inf) sit on the bottom edge.
        AnalysisPhase phase = measurement.phase;
        if (!d->points.contains(phase))
            phase = AnalysisPhase::Error;
        points[phase].append({x, value.value_or(low)});
        d->pointMeasurements[phase].append(int(i));
    }
    d->line->replace(line);
    for (auto it = d->points.begin(); it != d->points.end(); ++it)
        it.value()->replace(points.value(it.key()));
    if (metric.measurements.isEmpty()) {
        const qreal now = qreal(QDateTime::currentMSecsSinceEpoch());
        first = now - 60'000;
        last = now;
    } else if (last - first < 10'000) {
        // A few seconds at least, so one or two points do not fill the whole width.
        const qreal centre = (first + last) / 2;
        first = centre - 5'000;
        last = centre + 5'000;
    }
    const qreal pad = (last - first) * 0.04;
    d->timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first - pad)),
                          QDateTime::fromMSecsSinceEpoch(qint64(last + pad)));
    d->timeAxis->setFormat(last - first > 2 * 3600'000 ? QStringLiteral("MM-dd HH:mm")
                                                       : QStringLiteral("HH:mm:ss"));
    const auto threshold = [&](QLineSeries *series, const std::optional<double> &value) {
        if (value)
            series->replace({{first - pad, *value}, {last + pad, *value}});
        else
            series->clear();
    };
    threshold(d->successLine, d->successThreshold);
    threshold(d->failureLine, d->failureThreshold);
    // Legend entries only for what is drawn: no threshold line, no phase without points.
    bool legendChanged = false;
    const auto showInLegend = [&](QAbstractSeries *series, bool shown) {
        for (QLegendMarker *marker : d->chart->legend()->markers(series)) {
            legendChanged = legendChanged || marker->isVisible() != shown;
            marker->setVisible(shown);
        }
    };
    showInLegend(d->successLine, d->successThreshold.has_value());
    showInLegend(d->failureLine, d->failureThreshold.has_value());
    for (auto it = d->points.begin(); it != d->points.end(); ++it)
        showInLegend(it.value(), !points.value(it.key()).isEmpty());
    if (legendChanged) {
        // The legend does not lay itself out again when a marker reappears.
        d->chart->legend()->hide();
        d->chart->legend()->show();
    }
    d->rangeButton->setEnabled(!metric.query.isEmpty());
}

void MetricChart::setRange(const QList<PrometheusSeries> &series, const QString &error)
{
    d->rangeButton->setEnabled(true);
    if (!error.isEmpty() || series.isEmpty()) {
        d->rangeNote->setText(error.isEmpty() ? tr("Prometheus has no data for this query in "
                                                   "the last hour.")
                                              : error);
        d->rangeNote->show();
        return;
    }
    d->rangeNote->hide();
    QChart *chart = newChart(palette());
    chart->setTitle(tr("Last hour of %1").arg(d->metric.name));
    chart->setTitleBrush(palette().color(QPalette::Text));
    auto *time = new QDateTimeAxis;
    time->setFormat(QStringLiteral("HH:mm"));
    auto *value = new QValueAxis;
    value->setLabelFormat(QStringLiteral("%.3g"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(value, Qt::AlignLeft);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    qreal first = std::numeric_limits<qreal>::max();
    qreal last = std::numeric_limits<qreal>::lowest();
    // Up to eight series; a query that returns more is summarised by its first eight.
    d->rangeSeries = 0;
    for (const PrometheusSeries &entry : series) {
        if (d->rangeSeries == 8)
            break;
        auto *line = new QLineSeries;
        line->setName(entry.labels.isEmpty() ? tr("value") : labelsText(entry.labels));
        QList<QPointF> points;
        for (const QPointF &point : entry.points) {
            if (!std::isfinite(point.y()))
                continue;
            points.append(point);
            low = std::min(low, point.y());
            high = std::max(high, point.y());
            first = std::min(first, point.x());
            last = std::max(last, point.x());
        }
        line->replace(points);
        chart->addSeries(line);
        line->attachAxis(time);
        line->attachAxis(value);
        ++d->rangeSeries;
    }
    if (low > high) {
        low = 0;
        high = 1;
    }
    const double margin = high > low ? (high - low) * 0.1 : 0.5;
    value->setRange(low - margin, high + margin);
    // Few ticks: this chart is short, and crowded labels are elided to "...".
    value->setTickCount(4);
    if (first <= last) {
        time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first)),
                       QDateTime::fromMSecsSinceEpoch(qint64(last)));
        // Seconds matter when Prometheus has only minutes of this query.
        time->setFormat(last - first < 20 * 60'000 ? QStringLiteral("HH:mm:ss")
                                                   : QStringLiteral("HH:mm"));
    }
    if (!d->rangeView) {
        d->rangeView = new QChartView(this);
        d->rangeView->setRenderHint(QPainter::Antialiasing);
        d->rangeView->setMinimumHeight(200);
        layout()->addWidget(d->rangeView);
    }
    // setChart() leaves the old chart to us.
    QChart *old = d->rangeView->chart();
    d->rangeView->setChart(chart);
    delete old;
}

QPoint MetricChart::pointOnScreen(int index) const
{
    for (auto it = d->pointMeasurements.constBegin(); it != d->pointMeasurements.constEnd(); ++it) {
        const qsizetype position = it.value().indexOf(index);
        if (position < 0)
            continue;
        QScatterSeries *series = d->points.value(it.key());
        const QPointF scene =
            d->chart->mapToScene(d->chart->mapToPosition(series->at(position), series));
        const QPoint inView = d->view->mapFromScene(scene);
        return d->view->viewport()->mapToGlobal(inView);
    }
    return {};
}

int MetricChart::pointCount() const
{
    int count = 0;
    for (const QScatterSeries *series : std::as_const(d->points))
        count += int(series->count());
    return count;
}

int MetricChart::pointCount(AnalysisPhase phase) const
{
    const QScatterSeries *series = d->points.value(phase);
    return series ? int(series->count()) : 0;
}

std::optional<double> MetricChart::successThreshold() const
{
    return d->successThreshold;
}

std::optional<double> MetricChart::failureThreshold() const
{
    return d->failureThreshold;
}

int MetricChart::rangeSeriesCount() const
{
    return d->rangeView ? d->rangeSeries : 0;
}

} // namespace Stevedore
