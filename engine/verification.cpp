#include "engine/verification.h"

#include <QJsonArray>
#include <QLocale>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QList<std::pair<AnalysisPhase, QString>> &phaseNames()
{
    static const QList<std::pair<AnalysisPhase, QString>> names{
        {AnalysisPhase::Pending, u"Pending"_s},
        {AnalysisPhase::Running, u"Running"_s},
        {AnalysisPhase::Successful, u"Successful"_s},
        {AnalysisPhase::Failed, u"Failed"_s},
        {AnalysisPhase::Error, u"Error"_s},
        {AnalysisPhase::Inconclusive, u"Inconclusive"_s},
        {AnalysisPhase::Aborted, u"Aborted"_s},
    };
    return names;
}

QString timestamp(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromTimestamp(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

QJsonObject measurementJson(const Measurement &measurement)
{
    QJsonArray values;
    for (double value : measurement.values)
        values.append(formatPrometheusValue(value));
    QJsonObject object{{u"startedAt"_s, timestamp(measurement.startedAt)},
                       {u"finishedAt"_s, timestamp(measurement.finishedAt)},
                       {u"phase"_s, toString(measurement.phase)},
                       {u"value"_s, measurement.valueText()},
                       {u"values"_s, values}};
    if (measurement.scalar)
        object.insert(u"scalar"_s, true);
    if (!measurement.message.isEmpty())
        object.insert(u"message"_s, measurement.message);
    return object;
}

Measurement measurementFromJson(const QJsonObject &object)
{
    Measurement measurement;
    measurement.startedAt = fromTimestamp(object.value(u"startedAt"_s).toString());
    measurement.finishedAt = fromTimestamp(object.value(u"finishedAt"_s).toString());
    measurement.phase = analysisPhaseFromString(object.value(u"phase"_s).toString());
    measurement.scalar = object.value(u"scalar"_s).toBool();
    measurement.message = object.value(u"message"_s).toString();
    const QJsonArray values = object.value(u"values"_s).toArray();
    for (const QJsonValue &value : values) {
        if (const auto number = parsePrometheusValue(value.toString()))
            measurement.values.append(*number);
    }
    return measurement;
}

} // namespace

QString toString(AnalysisPhase phase)
{
    for (const auto &[value, name] : phaseNames()) {
        if (value == phase)
            return name;
    }
    return {};
}

AnalysisPhase analysisPhaseFromString(const QString &text)
{
    for (const auto &[value, name] : phaseNames()) {
        if (name == text)
            return value;
    }
    return AnalysisPhase::Pending;
}

bool isCompleted(AnalysisPhase phase)
{
    return phase != AnalysisPhase::Pending && phase != AnalysisPhase::Running;
}

QString formatPrometheusValue(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    // Go's strconv.FormatFloat(f, 'f', -1, 64), which Prometheus' client uses.
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

std::optional<double> parsePrometheusValue(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(u"NaN", Qt::CaseInsensitive) == 0)
        return std::numeric_limits<double>::quiet_NaN();
    if (trimmed.compare(u"+Inf", Qt::CaseInsensitive) == 0 ||
        trimmed.compare(u"Inf", Qt::CaseInsensitive) == 0)
        return std::numeric_limits<double>::infinity();
    if (trimmed.compare(u"-Inf", Qt::CaseInsensitive) == 0)
        return -std::numeric_limits<double>::infinity();
    bool ok = false;
    const double value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString Measurement::valueText() const
{
    if (phase == AnalysisPhase::Error && values.isEmpty())
        return {};
    if (scalar && values.size() == 1)
        return formatPrometheusValue(values.first());
    QStringList parts;
    for (double value : values)
        parts.append(formatPrometheusValue(value));
    return u'[' + parts.join(u',') + u']';
}

int VerificationRun::metricIndex(const QString &name) const
{
    for (qsizetype i = 0; i < metrics.size(); ++i) {
        if (metrics.at(i).name == name)
            return int(i);
    }
    return -1;
}

QJsonObject VerificationRun::toJson() const
{
    QJsonArray metricArray;
    for (const MetricResult &metric : metrics) {
        QJsonArray measurementArray;
        for (const Measurement &measurement : metric.measurements)
            measurementArray.append(measurementJson(measurement));
        QJsonObject object{
            {u"name"_s, metric.name},
            {u"template"_s, metric.templateName},
            {u"provider"_s, metric.provider},
            {u"runnable"_s, metric.runnable},
            {u"phase"_s, toString(metric.phase)},
            {u"message"_s, metric.message},
            {u"count"_s, metric.measured},
            {u"successful"_s, metric.successful},
            {u"failed"_s, metric.failed},
            {u"inconclusive"_s, metric.inconclusive},
            {u"error"_s, metric.errors},
            {u"consecutiveError"_s, metric.consecutiveErrors},
            {u"consecutiveSuccess"_s, metric.consecutiveSuccesses},
            {u"definition"_s,
             QJsonObject{{u"address"_s, metric.address},
                         {u"url"_s, metric.url},
                         {u"query"_s, metric.query},
                         {u"successCondition"_s, metric.successCondition},
                         {u"failureCondition"_s, metric.failureCondition},
                         {u"interval"_s, metric.interval},
                         {u"initialDelay"_s, metric.initialDelay},
                         {u"count"_s, metric.count},
                         {u"failureLimit"_s, metric.failureLimit},
                         {u"inconclusiveLimit"_s, metric.inconclusiveLimit},
                         {u"consecutiveErrorLimit"_s, metric.consecutiveErrorLimit},
                         {u"consecutiveSuccessLimit"_s, metric.consecutiveSuccessLimit}}},
            {u"measurements"_s, measurementArray}};
        metricArray.append(object);
    }
    QJsonArray argArray;
    for (const auto &[name, value] : args)
        argArray.append(QJsonObject{{u"name"_s, name}, {u"value"_s, value}});
    return QJsonObject{{u"id"_s, id},
                       {u"stage"_s, stage},
                       {u"freight"_s, QJsonArray::fromStringList(freightIds)},
                       {u"templates"_s, QJsonArray::fromStringList(templates)},
                       {u"startedAt"_s, timestamp(startedAt)},
                       {u"finishedAt"_s, timestamp(finishedAt)},
                       {u"phase"_s, toString(phase)},
                       {u"message"_s, message},
                       {u"args"_s, argArray},
                       {u"metrics"_s, metricArray}};
}

VerificationRun VerificationRun::fromJson(const QJsonObject &object)
{
    VerificationRun run;
    run.id = object.value(u"id"_s).toString();
    run.stage = object.value(u"stage"_s).toString();
    for (const QJsonValue &value : object.value(u"freight"_s).toArray())
        run.freightIds.append(value.toString());
    for (const QJsonValue &value : object.value(u"templates"_s).toArray())
        run.templates.append(value.toString());
    run.startedAt = fromTimestamp(object.value(u"startedAt"_s).toString());
    run.finishedAt = fromTimestamp(object.value(u"finishedAt"_s).toString());
    run.phase = analysisPhaseFromString(object.value(u"phase"_s).toString());
    run.message = object.value(u"message"_s).toString();
    for (const QJsonValue &value : object.value(u"args"_s).toArray())
        run.args.append({value[u"name"_s].toString(), value[u"value"_s].toString()});
    for (const QJsonValue &value : object.value(u"metrics"_s).toArray()) {
        const QJsonObject m = value.toObject();
        const QJsonObject d = m.value(u"definition"_s).toObject();
        MetricResult metric;
        metric.name = m.value(u"name"_s).toString();
        metric.templateName = m.value(u"template"_s).toString();
        metric.provider = m.value(u"provider"_s).toString();
        metric.runnable = m.value(u"runnable"_s).toBool(true);
        metric.phase = analysisPhaseFromString(m.value(u"phase"_s).toString());
        metric.message = m.value(u"message"_s).toString();
        metric.measured = m.value(u"count"_s).toInt();
        metric.successful = m.value(u"successful"_s).toInt();
        metric.failed = m.value(u"failed"_s).toInt();
        metric.inconclusive = m.value(u"inconclusive"_s).toInt();
        metric.errors = m.value(u"error"_s).toInt();
        metric.consecutiveErrors = m.value(u"consecutiveError"_s).toInt();
        metric.consecutiveSuccesses = m.value(u"consecutiveSuccess"_s).toInt();
        metric.address = d.value(u"address"_s).toString();
        metric.url = d.value(u"url"_s).toString();
        metric.query = d.value(u"query"_s).toString();
        metric.successCondition = d.value(u"successCondition"_s).toString();
        metric.failureCondition = d.value(u"failureCondition"_s).toString();
        metric.interval = d.value(u"interval"_s).toString();
        metric.initialDelay = d.value(u"initialDelay"_s).toString();
        metric.count = d.value(u"count"_s).toInt();
        metric.failureLimit = d.value(u"failureLimit"_s).toInt();
        metric.inconclusiveLimit = d.value(u"inconclusiveLimit"_s).toInt();
        metric.consecutiveErrorLimit = d.value(u"consecutiveErrorLimit"_s).toInt(4);
        metric.consecutiveSuccessLimit = d.value(u"consecutiveSuccessLimit"_s).toInt();
        for (const QJsonValue &entry : m.value(u"measurements"_s).toArray())
            metric.measurements.append(measurementFromJson(entry.toObject()));
        run.metrics.append(metric);
    }
    return run;
}

} // namespace Stevedore
