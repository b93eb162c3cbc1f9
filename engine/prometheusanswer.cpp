#include "engine/prometheusanswer.h"

#include "engine/verification.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// Reads a `[<unix time>, "<value>"]` pair.
std::optional<QPointF> samplePoint(const QJsonValue &value)
{
    const QJsonArray pair = value.toArray();
    if (pair.size() != 2 || !pair.at(0).isDouble() || !pair.at(1).isString())
        return std::nullopt;
    const auto number = parsePrometheusValue(pair.at(1).toString());
    if (!number)
        return std::nullopt;
    return QPointF(pair.at(0).toDouble() * 1000.0, *number);
}

QMap<QString, QString> labelsOf(const QJsonObject &series)
{
    QMap<QString, QString> labels;
    const QJsonObject metric = series.value(u"metric"_s).toObject();
    for (auto it = metric.begin(); it != metric.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}

} // namespace

bool PrometheusAnswer::readData(const QJsonObject &data, PrometheusResult &result)
{
    result.resultType = data.value(u"resultType"_s).toString();
    const QJsonValue payload = data.value(u"result"_s);
    const auto malformed = [&] {
        result.outcome = PrometheusResult::Outcome::Failed;
        result.error = PrometheusClient::tr("Prometheus sent a %1 result that cannot be read")
                           .arg(result.resultType.isEmpty() ? PrometheusClient::tr("(typeless)")
                                                            : result.resultType);
        return false;
    };
    if (result.resultType == u"scalar") {
        const auto point = samplePoint(payload);
        if (!point)
            return malformed();
        result.values.append(point->y());
        return true;
    }
    if (result.resultType == u"string") {
        // Argo Rollouts refuses these too.
        result.outcome = PrometheusResult::Outcome::Failed;
        result.error = PrometheusClient::tr("Prometheus metric type not supported: the query "
                                            "returns a string, not numbers");
        return false;
    }
    if (result.resultType != u"vector" && result.resultType != u"matrix")
        return malformed();
    if (!payload.isArray())
        return malformed();
    const bool vector = result.resultType == u"vector";
    for (const QJsonValue &entry : payload.toArray()) {
        const QJsonObject object = entry.toObject();
        PrometheusSeries series;
        series.labels = labelsOf(object);
        if (vector) {
            const auto point = samplePoint(object.value(u"value"_s));
            if (!point)
                return malformed();
            series.points.append(*point);
        } else {
            for (const QJsonValue &sample : object.value(u"values"_s).toArray()) {
                const auto point = samplePoint(sample);
                if (!point)
                    return malformed();
                series.points.append(*point);
            }
        }
        for (const QPointF &point : std::as_const(series.points))
            result.values.append(point.y());
        result.series.append(series);
    }
    return true;
}

} // namespace Stevedore
