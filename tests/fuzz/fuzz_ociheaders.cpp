// What a registry or a manifest hands the OCI client as short text: `WWW-Authenticate`,
// `Link` and `Retry-After` values, error bodies, image references, platforms and RFC 3339
// times. Every parser reads the whole input.

#include "engine/ociheaders.h"
#include "engine/ocireference.h"
#include "engine/ocitypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    for (const OciAuthChallenge &challenge : OciHeaders::parseAuthenticate(bytes)) {
        // Schemes and parameter names are lower-cased.
        if (challenge.scheme != challenge.scheme.toLower())
            __builtin_trap();
        for (auto it = challenge.parameters.begin(); it != challenge.parameters.end(); ++it) {
            if (it.key() != it.key().toLower())
                __builtin_trap();
        }
    }
    (void)OciHeaders::nextLink(bytes);
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    if (const std::optional<qint64> seconds = OciHeaders::parseRetryAfter(bytes, now);
        seconds && *seconds < 0) {
        __builtin_trap();
    }
    (void)OciHeaders::errorMessage(bytes);

    QString error;
    if (const std::optional<OciReference> reference = OciReference::parse(text, &error)) {
        (void)reference->apiHost();
        (void)reference->allowsPlainHttpFallback();
    }
    if (const std::optional<OciPlatform> platform = OciPlatform::parse(text))
        (void)platform->toString();
    (void)OciBuildTime::parseRfc3339(text);
    return 0;
}
