#pragma once

#include "engine/ocihttp_p.h"
#include "engine/ocireference.h"
#include "engine/ocitypes.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <utility>

namespace Stevedore {

/// What the distribution protocol needs around plain HTTP exchanges (OciHttp): the registry's
/// base URL (mirror, HTTPS, or plain HTTP for local registries), Bearer and Basic
/// authentication with a process-wide token cache, redirects followed by hand (credentials
/// never leave the registry's origin), and waiting out 429/503 with Retry-After.
///
/// Threading: owns a QNetworkAccessManager created on the constructing thread and waits for
/// each reply in a local QEventLoop on that thread, so the thread must be the one that uses
/// and destroys the transport, and should have nothing else queued that could run while a
/// request waits (a worker thread, not the UI's or the engine's own event thread).
class OciTransport
{
public:
    using Method = OciHttp::Method;

    OciTransport(const OciReference &reference, const OciClientOptions &options);
    ~OciTransport();
    OciTransport(const OciTransport &) = delete;
    OciTransport &operator=(const OciTransport &) = delete;

    /// The URL of @p path (`/v2/...`) on the registry (or its mirror); decides between HTTPS
    /// and plain HTTP on first use.
    std::optional<QUrl> apiUrl(const QString &path, OciError *error);

    /// Sends @p method to @p url and returns a 2xx answer; anything else becomes @p error
    /// (registry error bodies turned into `CODE: message`).
    std::optional<OciResponse> request(Method method, const QUrl &url,
                                       const QList<QByteArray> &accept, qint64 maxBytes,
                                       OciError *error);

    /// `host[:port]` whose credentials are used: the mirror's when there is one.
    QString credentialHost() const;

    /// Forgets every cached registry token (all transports of the process).
    static void clearTokenCache();

private:
    struct Challenge;

    std::optional<QUrl> resolveBase(OciError *error);
    /// The configured mirror (as written, and its URL) for this registry, if any.
    std::optional<std::pair<QString, QUrl>> mirror() const;
    QByteArray tokenKey();
    bool sameOrigin(const QUrl &url) const;
    std::optional<QByteArray> authorizationFor(const QUrl &url, OciError *error);
    bool authenticate(const QByteArray &challengeHeader, bool hadAuthorization, OciError *error);
    std::optional<QByteArray> bearerToken(OciError *error);
    const std::optional<Credential> &credential();
    OciError statusError(const OciResponse &response, bool sentAuthorization) const;
    QString credentialHint() const;

    OciReference m_reference;
    OciClientOptions m_options;
    OciHttp m_http;
    std::optional<QUrl> m_base;
    std::unique_ptr<Challenge> m_bearer;
    bool m_basic = false;
    bool m_credentialLoaded = false;
    std::optional<Credential> m_credential;
    QString m_credentialSource;
    QStringList m_credentialNotes;
};

} // namespace Stevedore
