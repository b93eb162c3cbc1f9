#pragma once

#include "engine/ocitypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Stevedore {

/// One HTTP answer from a registry.
struct OciResponse
{
    int status = 0;
    QUrl url; ///< the URL that answered (after redirects)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    /// The value of header @p name (case-insensitive); empty when absent.
    QByteArray header(QByteArrayView name) const;
};

/// @p url fit for messages: no user info, and no query, which can hold signatures or tokens
/// (pre-signed blob URLs of S3 and CDNs).
QString ociDisplayUrl(const QUrl &url);
OciError ociError(OciError::Kind kind, const QString &message, int status = 0);

/// Single blocking HTTP exchanges for the OCI client, nothing more: no redirects followed, no
/// authentication, no retries (OciTransport adds those). Each exchange reads at most a given
/// number of bytes (the announced Content-Length is checked first), fails after the options'
/// stall timeout without data or their overall request timeout, and stops within 50 ms of the
/// cancellation flag being set.
///
/// Threading: owns a QNetworkAccessManager created on the constructing thread and waits for
/// each reply in a local QEventLoop there, so that thread must use and destroy it.
class OciHttp
{
public:
    enum class Method
    {
        Get,
        Head,
    };

    /// The raw outcome of one exchange.
    struct Exchange
    {
        enum class Outcome
        {
            Response, ///< an HTTP answer of any status
            Failed,   ///< no answer: refused, reset, TLS, a body cut short
            Timeout,
            Cancelled,
            TooLarge,
        };

        Outcome outcome = Outcome::Failed;
        OciResponse response;
        QString errorText;
        bool tls = false;

        /// The error for any outcome but Response.
        OciError error(const QUrl &url, qint64 maxBytes) const;
    };

    explicit OciHttp(const OciClientOptions &options);
    ~OciHttp();
    OciHttp(const OciHttp &) = delete;
    OciHttp &operator=(const OciHttp &) = delete;

    Exchange exchange(Method method, const QUrl &url, const QList<QByteArray> &accept,
                      const QByteArray &authorization, qint64 maxBytes);
    /// Waits @p milliseconds; false (and Cancelled) when the flag was set meanwhile.
    bool sleep(qint64 milliseconds, OciError *error);
    bool isCancelled() const;

private:
    OciClientOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace Stevedore
