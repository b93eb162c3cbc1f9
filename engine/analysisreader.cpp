#include "engine/resourcereaders_p.h"

#include <QHash>

namespace Stevedore {

namespace {

/// Argo Rollouts' `intstr` fields: a whole number, or a `{{args.x}}` placeholder.
QString readIntOrString(MapReader &metric, const char *key)
{
    const YAML::Node node = metric.value(key);
    if (!node.IsDefined() || node.IsNull())
        return {};
    if (!node.IsScalar()) {
        metric.error(node, QStringLiteral("\"%1\" must be a whole number").arg(
                               QString::fromUtf8(key)));
        return {};
    }
    const QString text = Yaml::scalar(node);
    bool ok = false;
    text.toLongLong(&ok);
    if (!ok && !text.contains(u"{{"))
        metric.error(node, QStringLiteral("\"%1\" must be a whole number, not \"%2\"")
                               .arg(QString::fromUtf8(key), text));
    return text;
}

QString readGoDuration(MapReader &metric, const char *key)
{
    const auto text = metric.string(key);
    if (!text || text->isEmpty())
        return {};
    if (!parseGoDuration(*text) && !text->contains(u"{{"))
        metric.error(metric.value(key),
                     QStringLiteral("\"%1\" is not a valid duration for \"%2\"; write it like "
                                    "30s, 5m or 1h")
                         .arg(*text, QString::fromUtf8(key)));
    return *text;
}

void readPrometheus(const YAML::Node &node, MapReader &provider)
{
    MapReader prometheus(node, provider.context(), QStringLiteral("prometheus provider"));
    if (!prometheus.isMap()) {
        prometheus.error(node.IsNull() ? provider.key("prometheus") : node,
                         QStringLiteral("\"prometheus\" must be a mapping with address and "
                                        "query"));
        return;
    }
    prometheus.string("address", MapReader::Required);
    prometheus.string("query", MapReader::Required);
    prometheus.integer("timeout", 1, 1 << 30);
    prometheus.boolean("insecure");
    prometheus.accept({"headers", "authentication", "rangeQuery"});
    prometheus.finish();
}

} // namespace

void readAnalysisTemplateSpec(MapReader &spec, AnalysisTemplate &analysisTemplate)
{
    analysisTemplate.args = readNamedValues(spec, "args", QStringLiteral("argument"), NamedValueRules::Argument);
    QHash<QString, int> names;
    spec.forEach(
        "metrics",
        [&](const YAML::Node &node, int) {
            MapReader metric(node, spec.context(), QStringLiteral("metric"));
            if (!metric.isMap()) {
                metric.error(node, QStringLiteral("a metric must be a mapping"));
                return;
            }
            AnalysisMetric m;
            m.location = spec.context().location(node);
            m.name = metric.string("name", MapReader::Required).value_or(QString());
            if (!m.name.isEmpty()) {
                const int line = spec.context().location(metric.value("name")).line;
                if (names.contains(m.name))
                    metric.error(metric.value("name"),
                                 QStringLiteral("metric \"%1\" is already defined at line %2")
                                     .arg(m.name)
                                     .arg(names.value(m.name)));
                else
                    names.insert(m.name, line);
            }
            m.interval = readGoDuration(metric, "interval");
            m.initialDelay = readGoDuration(metric, "initialDelay");
            m.count = readIntOrString(metric, "count");
            m.failureLimit = readIntOrString(metric, "failureLimit");
            m.inconclusiveLimit = readIntOrString(metric, "inconclusiveLimit");
            m.consecutiveErrorLimit = readIntOrString(metric, "consecutiveErrorLimit");
            m.consecutiveSuccessLimit = readIntOrString(metric, "consecutiveSuccessLimit");
            m.successCondition = metric.string("successCondition").value_or(QString());
            m.failureCondition = metric.string("failureCondition").value_or(QString());
            metric.accept({"dryRun"});
            const YAML::Node providerNode = metric.value("provider");
            if (!providerNode.IsDefined() || providerNode.IsNull()) {
                metric.missing("provider");
            } else if (!providerNode.IsMap() || providerNode.size() == 0) {
                metric.error(providerNode, QStringLiteral("\"provider\" must name one provider, "
                                                          "such as prometheus or job"));
            } else {
                MapReader provider(providerNode, spec.context(), QStringLiteral("provider"));
                if (providerNode.size() > 1) {
                    auto second = providerNode.begin();
                    ++second;
                    provider.error(second->first,
                                   QStringLiteral("a metric has exactly one provider"));
                }
                const auto first = providerNode.begin();
                m.providerName = Yaml::scalar(first->first);
                m.provider = Yaml::toVariant(first->second).toMap();
                if (m.providerName == u"prometheus")
                    readPrometheus(first->second, provider);
            }
            metric.finish();
            analysisTemplate.metrics.append(m);
        },
        MapReader::Required);
    spec.accept({"dryRun", "measurementRetention"});
}

} // namespace Stevedore
