#include "engine/analysisrunner.h"

#include "engine/expression.h"
#include "engine/manifestreader_p.h"
#include "engine/prometheusclient.h"
#include "engine/store.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QUuid>
#include <QtConcurrent>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// Argo Rollouts' `asInt` and `asFloat`, for conditions over text.
Expression::Functions conditionFunctions()
{
    return {
        {u"asInt"_s,
         [](const QVariantList &arguments, QString *error) -> QVariant {
             bool ok = false;
             const qint64 value = arguments.value(0).toString().toLongLong(&ok);
             if (arguments.size() != 1 || !ok) {
                 *error = AnalysisRunner::tr("asInt: \"%1\" is not a whole number")
                              .arg(arguments.value(0).toString());
                 return {};
             }
             return value;
         }},
        {u"asFloat"_s,
         [](const QVariantList &arguments, QString *error) -> QVariant {
             const auto value = parsePrometheusValue(arguments.value(0).toString());
             if (arguments.size() != 1 || !value) {
                 *error = AnalysisRunner::tr("asFloat: \"%1\" is not a number")
                              .arg(arguments.value(0).toString());
                 return {};
             }
             return *value;
         }},
    };
}

/// Evaluates one condition over @p result; nullopt with @p error when it fails or is not a
/// boolean (Argo Rollouts compiles conditions with expr.AsBool()).
std::optional<bool> evaluateCondition(const QString &condition, const QVariant &result,
                                      QString *error)
{
    const std::optional<Expression> expression = Expression::parse(condition, error);
    if (!expression)
        return std::nullopt;
    const QVariant value =
        expression->evaluate({{u"result"_s, result}}, conditionFunctions(), error);
    if (!value.isValid())
        return std::nullopt;
    if (value.typeId() != QMetaType::Bool) {
        *error = AnalysisRunner::tr("condition \"%1\" is not true or false: it gave %2")
                     .arg(condition, value.toString());
        return std::nullopt;
    }
    return value.toBool();
}

/// Argo Rollouts' EvaluateResult: the phase of a measurement whose value is @p result.
AnalysisPhase evaluateResult(const MetricResult &metric, const QVariant &result, QString *error)
{
    bool success = false;
    bool failure = false;
    if (!metric.successCondition.isEmpty()) {
        const auto value = evaluateCondition(metric.successCondition, result, error);
        if (!value)
            return AnalysisPhase::Error;
        success = *value;
    }
    if (!metric.failureCondition.isEmpty()) {
        const auto value = evaluateCondition(metric.failureCondition, result, error);
        if (!value)
            return AnalysisPhase::Error;
        failure = *value;
    }
    const bool hasSuccess = !metric.successCondition.isEmpty();
    const bool hasFailure = !metric.failureCondition.isEmpty();
    if (!hasSuccess && !hasFailure)
        return AnalysisPhase::Successful;
    if (hasSuccess && !hasFailure)
        failure = !success; // only a success condition: failing it is a failure
    if (!hasSuccess && hasFailure)
        success = !failure;
    if (failure)
        return AnalysisPhase::Failed;
    if (!success)
        return AnalysisPhase::Inconclusive; // both given, neither matched
    return AnalysisPhase::Successful;
}

/// `rangeQuery.start`/`end`: expressions with `now()` and `duration("5m")` (both in seconds),
/// or RFC 3339 text.
std::optional<QDateTime> rangeTime(const QString &text, const QDateTime &now, QString *error)
{
    const QDateTime literal = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (literal.isValid())
        return literal;
    const Expression::Functions functions{
        {u"now"_s,
         [now](const QVariantList &, QString *) -> QVariant {
             return double(now.toMSecsSinceEpoch()) / 1000.0;
         }},
        {u"duration"_s,
         [](const QVariantList &arguments, QString *problem) -> QVariant {
             const auto ms = parseGoDuration(arguments.value(0).toString());
             if (!ms) {
                 *problem = AnalysisRunner::tr("duration: \"%1\" is not a duration")
                                .arg(arguments.value(0).toString());
                 return {};
             }
             return double(*ms) / 1000.0;
         }},
    };
    const std::optional<Expression> expression = Expression::parse(text, error);
    if (!expression)
        return std::nullopt;
    const QVariant value = expression->evaluate({}, functions, error);
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (!value.isValid() || !ok) {
        if (error->isEmpty())
            *error = AnalysisRunner::tr("\"%1\" is not a time").arg(text);
        return std::nullopt;
    }
    return QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0)), Qt::UTC);
}

int severity(AnalysisPhase phase)
{
    // Argo Rollouts' order: a later phase is worse.
    switch (phase) {
    case AnalysisPhase::Pending:
        return 0;
    case AnalysisPhase::Running:
        return 1;
    case AnalysisPhase::Successful:
        return 2;
    case AnalysisPhase::Inconclusive:
        return 3;
    case AnalysisPhase::Error:
        return 4;
    case AnalysisPhase::Failed:
        return 5;
    case AnalysisPhase::Aborted:
        return 6;
    }
    return 0;
}

} // namespace

AnalysisRunner::AnalysisRunner(const Pipeline &pipeline, const QString &stage,
                               const QStringList &freightIds, Options options, QObject *parent)
    : QObject(parent)
    , m_pipeline(pipeline)
    , m_options(std::move(options))
    , m_pool(std::make_unique<QThreadPool>())
{
    qRegisterMetaType<Stevedore::VerificationRun>();
    m_run.stage = stage;
    m_run.freightIds = freightIds;
}

AnalysisRunner::~AnalysisRunner()
{
    // Queries in flight stop within 50 ms of the flag; their results are dropped.
    m_cancelled->store(true);
    m_pool->waitForDone();
}

void AnalysisRunner::start()
{
    if (m_started)
        return;
    m_started = true;
    m_run.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_run.startedAt = QDateTime::currentDateTimeUtc();
    m_run.phase = AnalysisPhase::Running;
    m_run.pid = QCoreApplication::applicationPid();
    if (const Stage *stage = m_pipeline.stage(m_run.stage)) {
        for (const AnalysisTemplateReference &ref : stage->verification.analysisTemplates)
            m_run.templates.append(ref.name);
    }
    save();
    Q_EMIT runChanged(m_run);

    // Resolving arguments may wait on the keychain: on the pool, not on this thread.
    auto *watcher = new QFutureWatcher<AnalysisPlan>(this);
    connect(watcher, &QFutureWatcher<AnalysisPlan>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (!m_finished)
            planned(watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(m_pool.get(), [pipeline = m_pipeline, stage = m_run.stage,
                                         freight = m_run.freightIds, options = m_options.planner] {
            return AnalysisPlanner::plan(pipeline, stage, freight, options);
        }));
}

void AnalysisRunner::planned(const AnalysisPlan &plan)
{
    m_run.templates = plan.run.templates;
    m_run.args = plan.run.args;
    m_run.metrics = plan.run.metrics;
    m_metrics = plan.metrics;
    m_secrets = plan.secrets;
    m_inFlight = QList<bool>(m_metrics.size(), false);
    for (qsizetype i = 0; i < m_metrics.size(); ++i) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setTimerType(Qt::PreciseTimer);
        connect(timer, &QTimer::timeout, this, [this, i] { measure(int(i)); });
        m_timers.append(timer);
    }
    if (!plan.error.isEmpty()) {
        finish(AnalysisPhase::Error, plan.error);
        return;
    }
    int runnable = 0;
    for (const MetricResult &metric : std::as_const(m_run.metrics))
        runnable += metric.runnable ? 1 : 0;
    if (runnable == 0) {
        QStringList names;
        for (const MetricResult &metric : std::as_const(m_run.metrics))
            names.append(u"%1 (%2)"_s.arg(metric.name, metric.provider));
        finish(
            AnalysisPhase::Inconclusive,
            tr("no metric of this verification can run here: %1")
                .arg(names.isEmpty() ? tr("the templates have no metrics") : names.join(u", "_s)));
        return;
    }
    m_pool->setMaxThreadCount(std::max(2, runnable + 1));
    for (qsizetype i = 0; i < m_run.metrics.size(); ++i) {
        if (!m_run.metrics.at(i).runnable)
            continue;
        m_run.metrics[i].phase = AnalysisPhase::Pending;
        // The initial delay counts from the start of the run, as Argo Rollouts counts it.
        const qint64 due = m_run.startedAt.msecsTo(QDateTime::currentDateTimeUtc());
        schedule(int(i), std::max<qint64>(0, m_metrics.at(i).initialDelayMs - due));
    }
    save();
    Q_EMIT runChanged(m_run);
}

void AnalysisRunner::schedule(int index, qint64 delayMs)
{
    m_timers.at(index)->start(int(std::min<qint64>(delayMs, std::numeric_limits<int>::max())));
}

void AnalysisRunner::measure(int index)
{
    if (m_finished || m_terminating || m_inFlight.at(index))
        return;
    const PlannedMetric &planned = m_metrics.at(index);
    PrometheusQuery query = planned.query;
    query.cancelled = m_cancelled;
    const QDateTime startedAt = QDateTime::currentDateTimeUtc();
    if (planned.rangeQuery) {
        QString error;
        const auto start = rangeTime(planned.rangeStart, startedAt, &error);
        const auto end = start ? rangeTime(planned.rangeEnd, startedAt, &error) : std::nullopt;
        if (!start || !end) {
            Measurement measurement;
            measurement.startedAt = startedAt;
            measurement.finishedAt = startedAt;
            measurement.phase = AnalysisPhase::Error;
            measurement.message = tr("rangeQuery: %1").arg(error);
            record(index, measurement);
            return;
        }
        query.range = true;
        query.start = *start;
        query.end = *end;
        query.stepSeconds = planned.rangeStepSeconds;
    } else {
        query.time = startedAt;
    }
    m_inFlight[index] = true;
    if (m_run.metrics.at(index).phase == AnalysisPhase::Pending) {
        m_run.metrics[index].phase = AnalysisPhase::Running;
        Q_EMIT runChanged(m_run);
    }
    auto *watcher = new QFutureWatcher<PrometheusResult>(this);
    connect(watcher, &QFutureWatcher<PrometheusResult>::finished, this,
            [this, watcher, index, startedAt] {
                watcher->deleteLater();
                m_inFlight[index] = false;
                if (m_finished)
                    return;
                const PrometheusResult result = watcher->result();
                Measurement measurement;
                measurement.startedAt = startedAt;
                measurement.finishedAt = QDateTime::currentDateTimeUtc();
                measurement.values = result.values;
                measurement.scalar = result.resultType == u"scalar";
                if (!result.ok()) {
                    measurement.phase = AnalysisPhase::Error;
                    measurement.message = result.error;
                } else {
                    QVariant value;
                    if (measurement.scalar) {
                        value = result.values.value(0);
                    } else {
                        QVariantList list;
                        for (double number : result.values)
                            list.append(number);
                        value = list;
                    }
                    QString error;
                    measurement.phase = evaluateResult(m_run.metrics.at(index), value, &error);
                    measurement.message = measurement.phase == AnalysisPhase::Error
                                              ? error
                                              : result.warnings.join(u"; "_s);
                }
                measurement.message = AnalysisPlanner::mask(measurement.message, m_secrets);
                record(index, measurement);
            });
    watcher->setFuture(
        QtConcurrent::run(m_pool.get(), [query] { return PrometheusClient::run(query); }));
}

void AnalysisRunner::record(int index, const Measurement &measurement)
{
    MetricResult &metric = m_run.metrics[index];
    switch (measurement.phase) {
    case AnalysisPhase::Successful:
        ++metric.successful;
        ++metric.measured;
        metric.consecutiveErrors = 0;
        ++metric.consecutiveSuccesses;
        break;
    case AnalysisPhase::Failed:
        ++metric.failed;
        ++metric.measured;
        metric.consecutiveErrors = 0;
        metric.consecutiveSuccesses = 0;
        break;
    case AnalysisPhase::Inconclusive:
        ++metric.inconclusive;
        ++metric.measured;
        metric.consecutiveErrors = 0;
        metric.consecutiveSuccesses = 0;
        break;
    case AnalysisPhase::Error:
        ++metric.errors;
        ++metric.consecutiveErrors;
        metric.consecutiveSuccesses = 0;
        break;
    default:
        break;
    }
    metric.measurements.append(measurement);
    metric.message = measurement.message;
    if (m_options.store) {
        QString error;
        if (!m_options.store->addVerificationMeasurement(
                m_run.id, index, int(metric.measurements.size()) - 1, measurement, &error))
            qWarning("verification %s: cannot store a measurement: %s", qPrintable(m_run.id),
                     qPrintable(error));
    }
    QString reason;
    const AnalysisPhase phase = assess(index, false, &reason);
    metric.phase = phase;
    if (!reason.isEmpty())
        metric.message = reason;
    Q_EMIT measured(m_run, index);
    if (!isCompleted(phase) && !m_terminating) {
        // Argo Rollouts measures again an interval after the last measurement finished, and
        // after an error its retry interval, whatever the metric's interval.
        const PlannedMetric &planned = m_metrics.at(index);
        const qint64 delay = measurement.phase == AnalysisPhase::Error
                                 ? m_options.errorRetryIntervalMs
                                 : std::max<qint64>(0, planned.intervalMs);
        schedule(index, delay);
    }
    decide();
}

AnalysisPhase AnalysisRunner::assess(int index, bool terminating, QString *reason) const
{
    const MetricResult &metric = m_run.metrics.at(index);
    if (isCompleted(metric.phase))
        return metric.phase;
    if (metric.measurements.isEmpty())
        return terminating ? AnalysisPhase::Successful : AnalysisPhase::Pending;
    // Failure, then inconclusiveness, then errors: the last that applies wins, as in Argo
    // Rollouts' assessMetricFailureInconclusiveOrError.
    AnalysisPhase phase = AnalysisPhase::Running;
    if (metric.failureLimit >= 0 && metric.failed > metric.failureLimit) {
        phase = AnalysisPhase::Failed;
        *reason = tr("failed (%1) > failureLimit (%2)").arg(metric.failed).arg(metric.failureLimit);
    }
    if (metric.inconclusive > metric.inconclusiveLimit) {
        phase = AnalysisPhase::Inconclusive;
        *reason = tr("inconclusive (%1) > inconclusiveLimit (%2)")
                      .arg(metric.inconclusive)
                      .arg(metric.inconclusiveLimit);
    }
    if (metric.consecutiveErrors > metric.consecutiveErrorLimit) {
        phase = AnalysisPhase::Error;
        *reason = tr("consecutiveErrors (%1) > consecutiveErrorLimit (%2)")
                      .arg(metric.consecutiveErrors)
                      .arg(metric.consecutiveErrorLimit);
    }
    if (phase != AnalysisPhase::Running)
        return phase;
    if (metric.consecutiveSuccessLimit > 0 &&
        metric.consecutiveSuccesses >= metric.consecutiveSuccessLimit) {
        *reason = tr("consecutiveSuccessLimit (%1) reached").arg(metric.consecutiveSuccessLimit);
        return AnalysisPhase::Successful;
    }
    // Argo Rollouts' EffectiveCount: without a count, one measurement unless there is an
    // interval (then: until stopped).
    const int effectiveCount =
        metric.count > 0 ? metric.count : (metric.interval.isEmpty() ? 1 : 0);
    if (effectiveCount > 0 && metric.measured >= effectiveCount) {
        const bool failureApplies = metric.failureLimit >= 0;
        const bool successApplies = metric.consecutiveSuccessLimit > 0;
        if (failureApplies && successApplies) {
            *reason = tr("consecutiveSuccessLimit (%1) not reached and failureLimit (%2) not "
                         "violated")
                          .arg(metric.consecutiveSuccessLimit)
                          .arg(metric.failureLimit);
            return AnalysisPhase::Inconclusive;
        }
        if (successApplies) {
            *reason =
                tr("consecutiveSuccessLimit (%1) not reached").arg(metric.consecutiveSuccessLimit);
            return AnalysisPhase::Failed;
        }
        return AnalysisPhase::Successful;
    }
    if (terminating)
        return AnalysisPhase::Successful;
    return AnalysisPhase::Running;
}

void AnalysisRunner::decide()
{
    bool terminating = false;
    bool everythingCompleted = true;
    for (const MetricResult &metric : std::as_const(m_run.metrics)) {
        if (!metric.runnable)
            continue;
        if (metric.phase == AnalysisPhase::Failed || metric.phase == AnalysisPhase::Error ||
            metric.phase == AnalysisPhase::Inconclusive)
            terminating = true;
        if (!isCompleted(metric.phase))
            everythingCompleted = false;
    }
    if (!terminating && !everythingCompleted) {
        save();
        Q_EMIT runChanged(m_run);
        return;
    }
    // Nothing more is measured; measurements already under way are waited for and count, as
    // in Argo Rollouts, where every measurement due is taken before the run is assessed.
    m_terminating = true;
    for (QTimer *timer : std::as_const(m_timers))
        timer->stop();
    if (m_inFlight.contains(true)) {
        save();
        Q_EMIT runChanged(m_run);
        return;
    }
    // The run is decided: the worst of its metrics, those still going counted as Argo
    // Rollouts counts a terminated metric.
    AnalysisPhase worst = AnalysisPhase::Successful;
    QString message;
    QStringList notRunnable;
    for (qsizetype i = 0; i < m_run.metrics.size(); ++i) {
        MetricResult &metric = m_run.metrics[i];
        if (!metric.runnable) {
            notRunnable.append(u"%1 (%2)"_s.arg(metric.name, metric.provider));
            continue;
        }
        QString reason;
        const bool wasCompleted = isCompleted(metric.phase);
        metric.phase = assess(int(i), true, &reason);
        if (!wasCompleted && reason.isEmpty())
            reason = tr("run terminated");
        if (!wasCompleted)
            metric.message = reason;
        if (severity(metric.phase) > severity(worst)) {
            worst = metric.phase;
            message = tr("Metric \"%1\" assessed %2 due to %3")
                          .arg(metric.name, toString(metric.phase), metric.message);
            const QString last =
                metric.measurements.isEmpty() ? QString() : metric.measurements.constLast().message;
            if (!last.isEmpty() && last != metric.message)
                message += tr(": \"Error Message: %1\"").arg(last);
        }
    }
    if (!notRunnable.isEmpty())
        message += (message.isEmpty() ? QString() : u"; "_s) +
                   tr("not run here: %1").arg(notRunnable.join(u", "_s));
    finish(worst, message);
}

void AnalysisRunner::abort()
{
    if (m_finished)
        return;
    for (MetricResult &metric : m_run.metrics) {
        if (metric.runnable && !isCompleted(metric.phase))
            metric.phase = AnalysisPhase::Aborted;
    }
    finish(AnalysisPhase::Aborted, tr("Verification aborted by user"));
}

void AnalysisRunner::finish(AnalysisPhase phase, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queries still in flight belong to a run that is decided: stop them, drop their answers.
    m_cancelled->store(true);
    for (QTimer *timer : std::as_const(m_timers))
        timer->stop();
    m_run.phase = phase;
    m_run.message = message;
    m_run.finishedAt = QDateTime::currentDateTimeUtc();
    m_run.pid = 0;
    save();
    if (m_options.store && phase == AnalysisPhase::Successful) {
        for (const QString &freight : std::as_const(m_run.freightIds)) {
            QString error;
            if (!m_options.store->markVerified(freight, m_run.stage, m_run.finishedAt,
                                               u"verification "_s + m_run.id, &error))
                qWarning("verification %s: cannot mark %s verified: %s", qPrintable(m_run.id),
                         qPrintable(freight), qPrintable(error));
        }
    }
    Q_EMIT runChanged(m_run);
    Q_EMIT finished(m_run);
}

void AnalysisRunner::save()
{
    if (!m_options.store)
        return;
    QString error;
    if (!m_options.store->saveVerificationRun(m_run, &error))
        qWarning("verification %s: cannot store the run: %s", qPrintable(m_run.id),
                 qPrintable(error));
}

} // namespace Stevedore
