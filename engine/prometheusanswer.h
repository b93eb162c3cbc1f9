#pragma once

#include "engine/prometheusclient.h"

QT_BEGIN_NAMESPACE
class QJsonObject;
QT_END_NAMESPACE

namespace Stevedore {

/// Reads what Prometheus' HTTP API answers, apart from the client that fetches it, so that it
/// can be tested, and fuzzed, without a server.
class PrometheusAnswer
{
public:
    /// Fills @p result from a successful envelope's `data` (`resultType` and `result`): the
    /// values as Argo Rollouts hands them to conditions and the series with their samples.
    /// False, with the outcome Failed and the error set, when the data is not what Prometheus
    /// sends, or is a string, which Argo Rollouts refuses too.
    static bool readData(const QJsonObject &data, PrometheusResult &result);
};

} // namespace Stevedore
