// What Prometheus' HTTP API answers a query: the JSON envelope's `data` read as the
// verification reads it (vector, matrix, scalar and string results), and a sample's value
// text alone.

#include "engine/prometheusanswer.h"
#include "engine/verification.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;
using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const QJsonObject envelope = QJsonDocument::fromJson(body).object();
    PrometheusResult result;
    if (PrometheusAnswer::readData(envelope.value(u"data"_s).toObject(), result)) {
        // Every sample's value is one of the values handed to conditions, in order.
        qsizetype points = 0;
        for (const PrometheusSeries &series : std::as_const(result.series))
            points += series.points.size();
        if (result.resultType != u"scalar" && points != result.values.size())
            __builtin_trap();
    } else if (result.error.isEmpty()) {
        __builtin_trap(); // a failure must say why
    }
    (void)parsePrometheusValue(QString::fromUtf8(body));
    return 0;
}
