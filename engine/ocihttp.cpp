#include "engine/ocihttp_p.h"
#include "engine/transferfailure.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// How often a waiting request looks at the cancellation flag and its timeouts.
constexpr int pollIntervalMs = 50;

QString formatSize(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return u"%1 MiB"_s.arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return u"%1 KiB"_s.arg(bytes / 1024);
    return u"%1 bytes"_s.arg(bytes);
}

QString formatSeconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0);
}

} // namespace

QString ociDisplayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

OciError ociError(OciError::Kind kind, const QString &message, int status)
{
    OciError error;
    error.kind = kind;
    error.message = message;
    error.httpStatus = status;
    return error;
}

QByteArray OciResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

OciError OciHttp::Exchange::error(const QUrl &url, qint64 maxBytes) const
{
    switch (outcome) {
    case Outcome::Response:
        break;
    case Outcome::Cancelled:
        return ociError(OciError::Kind::Cancelled, u"cancelled"_s);
    case Outcome::Timeout:
        return ociError(OciError::Kind::Timeout, ociDisplayUrl(url) + u": "_s + errorText);
    case Outcome::TooLarge:
        return ociError(OciError::Kind::TooLarge,
                        u"the answer from %1 is larger than %2, the limit for it; stopped "
                        u"reading"_s.arg(ociDisplayUrl(url), formatSize(maxBytes)),
                        response.status);
    case Outcome::Failed:
        if (tls)
            return ociError(OciError::Kind::Tls,
                            u"TLS with %1 failed: %2 (insecureSkipTLSVerify skips the "
                            u"certificate check)"_s.arg(ociDisplayUrl(url), errorText));
        return ociError(OciError::Kind::Network,
                        u"cannot reach %1: %2"_s.arg(ociDisplayUrl(url), errorText));
    }
    return {};
}

OciHttp::OciHttp(const OciClientOptions &options)
    : m_options(options)
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    // Redirects are followed by hand (OciTransport): Qt would forward Authorization to
    // whatever host a blob redirect names (S3, a CDN), and those must never see the
    // registry's credentials.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_network->setAutoDeleteReplies(false);
}

OciHttp::~OciHttp() = default;

bool OciHttp::isCancelled() const
{
    return m_options.cancelled && m_options.cancelled->load();
}

OciHttp::Exchange OciHttp::exchange(Method method, const QUrl &url, const QList<QByteArray> &accept,
                                    const QByteArray &authorization, qint64 maxBytes)
{
    Exchange result;
    result.response.url = url;
    if (isCancelled()) {
        result.outcome = Exchange::Outcome::Cancelled;
        return result;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Stevedore/" STEVEDORE_VERSION));
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept.join(", "));
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (url.scheme() == u"https" && m_options.insecureSkipTLSVerify) {
        QSslConfiguration tls = request.sslConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }

    const std::unique_ptr<QNetworkReply> reply(method == Method::Head ? m_network->head(request)
                                                                      : m_network->get(request));
    // Qt stops reading from the socket while this much is unread, so memory stays bounded
    // by what we keep, even when the server sends faster than we read.
    reply->setReadBufferSize(256 * 1024);

    QEventLoop loop;
    QElapsedTimer sinceData;
    sinceData.start();
    QElapsedTimer total;
    total.start();
    QByteArray &body = result.response.body;
    QStringList tlsErrors;
    bool stopped = false;
    const auto stop = [&](Exchange::Outcome outcome, const QString &text = {}) {
        if (stopped)
            return;
        stopped = true;
        result.outcome = outcome;
        result.errorText = text;
        reply->abort();
        loop.quit();
    };
    const auto drain = [&] {
        while (!stopped && reply->bytesAvailable() > 0) {
            const qint64 room = maxBytes + 1 - body.size();
            body += reply->read(std::min(reply->bytesAvailable(), room));
            if (body.size() > maxBytes)
                stop(Exchange::Outcome::TooLarge);
        }
    };
    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&] {
        sinceData.restart();
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (method == Method::Get && length.isValid() && length.toLongLong() > maxBytes)
            stop(Exchange::Outcome::TooLarge);
    });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        sinceData.restart();
        drain();
    });
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, &loop,
                     [&](const QList<QSslError> &errors) {
                         for (const QSslError &error : errors)
                             tlsErrors.append(error.errorString());
                     });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer ticker;
    ticker.setInterval(pollIntervalMs);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (isCancelled())
            stop(Exchange::Outcome::Cancelled);
        else if (sinceData.elapsed() > m_options.stallTimeout.count() &&
                 undecodedBody(*reply, body.size()))
            // Qt may stop a compressed body it refuses to inflate without a word.
            stop(Exchange::Outcome::Timeout,
                 u"no data for %1 s: %2"_s.arg(formatSeconds(m_options.stallTimeout),
                                               transferFailure(*reply, body.size())));
        else if (sinceData.elapsed() > m_options.stallTimeout.count())
            stop(Exchange::Outcome::Timeout,
                 u"no data for %1 s"_s.arg(formatSeconds(m_options.stallTimeout)));
        else if (total.elapsed() > m_options.requestTimeout.count())
            stop(Exchange::Outcome::Timeout,
                 u"no complete answer within %1 s"_s.arg(formatSeconds(m_options.requestTimeout)));
    });
    ticker.start();
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    ticker.stop();
    if (stopped)
        return result;
    drain();
    if (stopped)
        return result;

    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int error = int(reply->error());
    // Errors below 200 and the 3xx protocol errors are transport failures (refused, reset,
    // TLS, a body cut short) even when a status line arrived; the others only mirror the
    // status.
    const bool transportFailure =
        (error > 0 && error < 200) || (error >= 300 && error < 400) || !status.isValid();
    if (transportFailure) {
        result.outcome = Exchange::Outcome::Failed;
        result.tls =
            reply->error() == QNetworkReply::SslHandshakeFailedError || !tlsErrors.isEmpty();
        result.errorText =
            tlsErrors.isEmpty() ? transferFailure(*reply, body.size()) : tlsErrors.join(u"; "_s);
        return result;
    }
    result.outcome = Exchange::Outcome::Response;
    result.response.status = status.toInt();
    result.response.headers = reply->rawHeaderPairs();
    return result;
}

bool OciHttp::sleep(qint64 milliseconds, OciError *error)
{
    const QDeadlineTimer deadline(milliseconds);
    QEventLoop loop;
    QTimer ticker;
    ticker.setInterval(pollIntervalMs);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (isCancelled() || deadline.hasExpired())
            loop.quit();
    });
    ticker.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (isCancelled()) {
        *error = ociError(OciError::Kind::Cancelled, u"cancelled"_s);
        return false;
    }
    return true;
}

} // namespace Stevedore
