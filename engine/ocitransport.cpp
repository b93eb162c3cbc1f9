#include "engine/keychain.h"
#include "engine/ocicredentials.h"
#include "engine/ociheaders.h"
#include "engine/ocijson.h"
#include "engine/ocitransport_p.h"
#include "engine/urlnormalization.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// Bodies we read only to learn a status (probes, token answers) never need more.
constexpr qint64 smallBodyLimit = 1024 * 1024;

struct CachedToken
{
    QByteArray token;
    QDeadlineTimer expiry;
};

/// Registry tokens of the whole process: several transports (one per subscription poll) for
/// the same repository and credentials share them until they expire.
struct TokenCache
{
    QMutex mutex;
    QHash<QByteArray, CachedToken> tokens;
};

TokenCache &tokenCache()
{
    static TokenCache cache;
    return cache;
}

/// What the HTTPS-or-HTTP probe found for local and private registries (authority → scheme).
struct SchemeCache
{
    QMutex mutex;
    QHash<QString, QString> schemes;
};

SchemeCache &schemeCache()
{
    static SchemeCache cache;
    return cache;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString statusText(const OciResponse &response)
{
    const QString detail = OciHeaders::errorMessage(response.body);
    const QString status = u"HTTP %1"_s.arg(response.status);
    return detail.isEmpty() ? status : detail + u" ("_s + status + u')';
}

} // namespace

/// A Bearer challenge, remembered so later requests can send a (cached) token at once.
struct OciTransport::Challenge
{
    QUrl realm;
    QString service;
    QString scope;

    bool operator==(const Challenge &other) const = default;
};

OciTransport::OciTransport(const OciReference &reference, const OciClientOptions &options)
    : m_reference(reference)
    , m_options(options)
    , m_http(options)
{}

OciTransport::~OciTransport() = default;

void OciTransport::clearTokenCache()
{
    TokenCache &cache = tokenCache();
    const QMutexLocker locker(&cache.mutex);
    cache.tokens.clear();
}

std::optional<std::pair<QString, QUrl>> OciTransport::mirror() const
{
    for (auto it = m_options.mirrors.begin(); it != m_options.mirrors.end(); ++it) {
        const QString key = it.key().trimmed().toLower();
        if (key == m_reference.registry() ||
            (m_reference.isDockerHub() &&
             (key == u"index.docker.io" || key == u"registry-1.docker.io")))
            return std::pair{it.key(), it.value()};
    }
    return std::nullopt;
}

QString OciTransport::credentialHost() const
{
    const auto mirrored = mirror();
    if (!mirrored)
        return m_reference.registry();
    QString host = mirrored->second.host().toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    const int port = mirrored->second.port(-1);
    return port == -1 ? host : host + u':' + QString::number(port);
}

std::optional<QUrl> OciTransport::resolveBase(OciError *error)
{
    if (m_base)
        return m_base;
    if (const auto mirrored = mirror()) {
        const QUrl &url = mirrored->second;
        if ((url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty() ||
            !url.userInfo().isEmpty() || url.hasQuery() ||
            (!url.path().isEmpty() && url.path() != u"/")) {
            *error = ociError(OciError::Kind::InvalidReference,
                              u"the mirror for %1 must be a URL scheme://host[:port], not "
                              u"\"%2\""_s.arg(mirrored->first, ociDisplayUrl(url)));
            return std::nullopt;
        }
        m_base = url.adjusted(QUrl::RemovePath);
        return m_base;
    }

    QUrl https;
    https.setScheme(u"https"_s);
    https.setAuthority(m_reference.apiHost());
    if (!m_reference.allowsPlainHttpFallback()) {
        m_base = https;
        return m_base;
    }
    // Local and private registries often speak plain HTTP: go-containerregistry (and so Kargo)
    // tries HTTPS first and falls back to HTTP for them. A plain-HTTP answer only counts when it
    // looks like a registry's (200 or 401 on /v2/); a TLS port answering HTTP with 400 does not.
    // The answer is remembered for the process, so each new client does not probe again.
    SchemeCache &schemes = schemeCache();
    {
        const QMutexLocker locker(&schemes.mutex);
        if (const auto it = schemes.schemes.constFind(https.authority());
            it != schemes.schemes.cend()) {
            QUrl known = https;
            known.setScheme(*it);
            m_base = known;
            return m_base;
        }
    }
    const auto remember = [&schemes, &https](const QString &scheme) {
        const QMutexLocker locker(&schemes.mutex);
        schemes.schemes.insert(https.authority(), scheme);
    };
    QUrl probe = https;
    probe.setPath(u"/v2/"_s);
    const OciHttp::Exchange secure = m_http.exchange(Method::Get, probe, {}, {}, smallBodyLimit);
    if (secure.outcome == OciHttp::Exchange::Outcome::Response) {
        remember(u"https"_s);
        m_base = https;
        return m_base;
    }
    if (secure.outcome == OciHttp::Exchange::Outcome::Cancelled) {
        *error = secure.error(probe, smallBodyLimit);
        return std::nullopt;
    }
    QUrl plain = probe;
    plain.setScheme(u"http"_s);
    const OciHttp::Exchange insecure = m_http.exchange(Method::Get, plain, {}, {}, smallBodyLimit);
    if (insecure.outcome == OciHttp::Exchange::Outcome::Response &&
        (insecure.response.status == 200 || insecure.response.status == 401)) {
        remember(u"http"_s);
        QUrl plainBase = https;
        plainBase.setScheme(u"http"_s);
        m_base = plainBase;
        return m_base;
    }
    *error = secure.error(probe, smallBodyLimit);
    if (insecure.outcome == OciHttp::Exchange::Outcome::Cancelled)
        *error = insecure.error(plain, smallBodyLimit);
    else
        error->message += u" (plain HTTP did not answer as a registry either)"_s;
    return std::nullopt;
}

std::optional<QUrl> OciTransport::apiUrl(const QString &path, OciError *error)
{
    std::optional<QUrl> base = resolveBase(error);
    if (!base)
        return std::nullopt;
    QUrl url = *base;
    const qsizetype question = path.indexOf(u'?');
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    return url;
}

bool OciTransport::sameOrigin(const QUrl &url) const
{
    if (!m_base)
        return false;
    const QString scheme = url.scheme().toLower();
    return scheme == m_base->scheme().toLower() &&
           url.host().compare(m_base->host(), Qt::CaseInsensitive) == 0 &&
           url.port(defaultPort(scheme)) == m_base->port(defaultPort(scheme));
}

const std::optional<Credential> &OciTransport::credential()
{
    if (!m_credentialLoaded) {
        m_credentialLoaded = true;
        OciCredentials::Result found = OciCredentials::find(credentialHost(), m_options);
        m_credential = std::move(found.credential);
        m_credentialSource = found.source;
        m_credentialNotes = found.notes;
    }
    return m_credential;
}

QString OciTransport::credentialHint() const
{
    QString hint =
        u"store them in the keychain (service \"%1\", account \"%2\") or under "
        u"\"auths\" in %3"_s.arg(Keychain::service(), Keychain::registryAccount(credentialHost()),
                                 OciCredentials::dockerConfigPath(m_options));
    if (!m_credentialNotes.isEmpty())
        hint += u" (" + m_credentialNotes.join(u"; "_s) + u')';
    return hint;
}

std::optional<QByteArray> OciTransport::authorizationFor(const QUrl &url, OciError *error)
{
    if (!sameOrigin(url))
        return QByteArray();
    if (m_basic && credential()) {
        const QByteArray pair = (m_credential->username + u':' + m_credential->password).toUtf8();
        return QByteArray("Basic " + pair.toBase64());
    }
    if (m_bearer) {
        std::optional<QByteArray> token = bearerToken(error);
        if (!token)
            return std::nullopt;
        return QByteArray("Bearer " + *token);
    }
    return QByteArray();
}

QByteArray OciTransport::tokenKey()
{
    // Tokens are per credential too: two subscriptions with different credentials for the same
    // repository must not share one. The password enters only as a hash.
    QByteArray key = m_bearer->realm.toEncoded() + '\n' + m_bearer->service.toUtf8() + '\n' +
                     m_bearer->scope.toUtf8() + '\n';
    if (const std::optional<Credential> &user = credential())
        key +=
            user->username.toUtf8() + '\n' +
            QCryptographicHash::hash(user->password.toUtf8(), QCryptographicHash::Sha256).toHex();
    return key;
}

std::optional<QByteArray> OciTransport::bearerToken(OciError *error)
{
    const std::optional<Credential> &user = credential();
    const QByteArray key = tokenKey();
    TokenCache &cache = tokenCache();
    {
        const QMutexLocker locker(&cache.mutex);
        const auto it = cache.tokens.constFind(key);
        if (it != cache.tokens.cend() && !it->expiry.hasExpired())
            return it->token;
    }

    QUrl url = m_bearer->realm;
    QUrlQuery query(url);
    if (!m_bearer->service.isEmpty())
        query.addQueryItem(u"service"_s, m_bearer->service);
    for (const QString &scope : m_bearer->scope.split(u' ', Qt::SkipEmptyParts))
        query.addQueryItem(u"scope"_s, scope);
    url.setQuery(query);
    const QUrl realmOrigin = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery);

    QByteArray authorization;
    if (user) {
        // Credentials go to the token server over HTTPS only (or on this machine, or when the
        // registry itself was configured as plain HTTP).
        const bool plainRegistry = m_base && m_base->scheme() == u"http";
        if (url.scheme() != u"https" && !isLoopbackHost(url.host()) && !plainRegistry) {
            *error = ociError(OciError::Kind::Unauthorized,
                              u"the registry's token server %1 is not HTTPS: Stevedore does not "
                              u"send credentials to it"_s.arg(ociDisplayUrl(url)));
            return std::nullopt;
        }
        const QByteArray pair = (user->username + u':' + user->password).toUtf8();
        authorization = "Basic " + pair.toBase64();
    }

    OciHttp::Exchange answer;
    for (int redirects = 0;; ++redirects) {
        const bool sameRealm = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery) == realmOrigin;
        answer = m_http.exchange(Method::Get, url, {"application/json"},
                                 sameRealm ? authorization : QByteArray(), smallBodyLimit);
        if (answer.outcome != OciHttp::Exchange::Outcome::Response) {
            *error = answer.error(url, smallBodyLimit);
            return std::nullopt;
        }
        if (!isRedirect(answer.response.status))
            break;
        if (redirects >= m_options.maxRedirects) {
            *error = ociError(
                OciError::Kind::InvalidResponse,
                u"the token server redirected more than %1 times"_s.arg(m_options.maxRedirects));
            return std::nullopt;
        }
        url = url.resolved(QUrl(QString::fromUtf8(answer.response.header("Location"))));
    }
    const int status = answer.response.status;
    if (status == 401 || status == 403) {
        *error = ociError(
            OciError::Kind::Unauthorized,
            user ? u"the registry's token server %1 refused the credentials from "
                   u"%2 (%3)"_s.arg(ociDisplayUrl(url), m_credentialSource,
                                    statusText(answer.response))
                 : u"the registry's token server %1 refused anonymous access (%2): "
                   u"credentials needed; "_s.arg(ociDisplayUrl(url), statusText(answer.response)) +
                       credentialHint(),
            status);
        return std::nullopt;
    }
    if (status < 200 || status > 299) {
        *error = ociError(status == 429 ? OciError::Kind::RateLimited : OciError::Kind::Registry,
                          u"the registry's token server %1 answered %2"_s.arg(
                              ociDisplayUrl(url), statusText(answer.response)),
                          status);
        return std::nullopt;
    }
    const std::optional<OciToken> token = OciJson::token(answer.response.body);
    if (!token) {
        *error = ociError(
            OciError::Kind::InvalidResponse,
            u"the registry's token server %1 answered without a token"_s.arg(ociDisplayUrl(url)));
        return std::nullopt;
    }
    // Renew a little early.
    const qint64 lifetime = token->lifetimeSeconds;
    const qint64 validMs = lifetime * 1000 - std::min<qint64>(10'000, lifetime * 100);
    CachedToken cached{token->token, QDeadlineTimer(validMs)};
    {
        const QMutexLocker locker(&cache.mutex);
        cache.tokens.removeIf([](const auto &entry) { return entry.value().expiry.hasExpired(); });
        cache.tokens.insert(key, cached);
    }
    return cached.token;
}

bool OciTransport::authenticate(const QByteArray &challengeHeader, bool hadAuthorization,
                                OciError *error)
{
    const QList<OciAuthChallenge> challenges = OciHeaders::parseAuthenticate(challengeHeader);
    const auto find = [&challenges](const QString &scheme) -> const OciAuthChallenge * {
        for (const OciAuthChallenge &challenge : challenges) {
            if (challenge.scheme == scheme)
                return &challenge;
        }
        return nullptr;
    };
    if (const OciAuthChallenge *bearer = find(u"bearer"_s)) {
        const QUrl realm(bearer->parameters.value(u"realm"_s));
        if (!realm.isValid() || realm.host().isEmpty() ||
            (realm.scheme() != u"https" && realm.scheme() != u"http")) {
            *error = ociError(OciError::Kind::InvalidResponse,
                              u"the registry's Bearer challenge has no usable realm"_s, 401);
            return false;
        }
        Challenge challenge{realm, bearer->parameters.value(u"service"_s),
                            bearer->parameters.value(u"scope"_s)};
        if (challenge.scope.isEmpty())
            challenge.scope = u"repository:%1:pull"_s.arg(m_reference.repository());
        const bool refused = hadAuthorization && m_bearer && *m_bearer == challenge;
        m_bearer = std::make_unique<Challenge>(challenge);
        if (refused) {
            // The token we sent was refused (revoked, expired early, or too narrow): forget it.
            TokenCache &cache = tokenCache();
            const QMutexLocker locker(&cache.mutex);
            cache.tokens.remove(tokenKey());
        }
        m_basic = false;
        return bearerToken(error).has_value();
    }
    if (find(u"basic"_s)) {
        if (hadAuthorization && m_basic) {
            *error = ociError(OciError::Kind::Unauthorized,
                              u"the registry refused the user name and password from %1"_s.arg(
                                  m_credentialSource),
                              401);
            return false;
        }
        if (!credential()) {
            *error = ociError(
                OciError::Kind::Unauthorized,
                u"the registry asks for a user name and password: "_s + credentialHint(), 401);
            return false;
        }
        m_basic = true;
        m_bearer.reset();
        return true;
    }
    QStringList schemes;
    for (const OciAuthChallenge &challenge : challenges)
        schemes.append(challenge.scheme);
    *error = ociError(
        schemes.isEmpty() ? OciError::Kind::Unauthorized : OciError::Kind::Unsupported,
        schemes.isEmpty()
            ? u"the registry answered 401 without a WWW-Authenticate challenge"_s
            : u"the registry asks for authentication Stevedore does not support (%1)"_s.arg(
                  schemes.join(u", "_s)),
        401);
    return false;
}

OciError OciTransport::statusError(const OciResponse &response, bool sentAuthorization) const
{
    const QString text = statusText(response);
    switch (response.status) {
    case 401:
        if (sentAuthorization && m_credential)
            return ociError(OciError::Kind::Unauthorized,
                            u"the registry refused access with the credentials from %1: %2"_s.arg(
                                m_credentialSource, text),
                            401);
        return ociError(OciError::Kind::Unauthorized,
                        u"the registry requires credentials (%1): "_s.arg(text) + credentialHint(),
                        401);
    case 403:
        return ociError(OciError::Kind::Unauthorized, u"access denied: "_s + text, 403);
    case 404:
        return ociError(OciError::Kind::NotFound, text, 404);
    default:
        break;
    }
    return ociError(OciError::Kind::Registry, text, response.status);
}

std::optional<OciResponse> OciTransport::request(Method method, const QUrl &start,
                                                 const QList<QByteArray> &accept, qint64 maxBytes,
                                                 OciError *error)
{
    if (!resolveBase(error))
        return std::nullopt;
    QUrl url = start;
    int redirects = 0;
    int retries = 0;
    bool authRetried = false;
    while (true) {
        const std::optional<QByteArray> authorization = authorizationFor(url, error);
        if (!authorization)
            return std::nullopt;
        OciHttp::Exchange answer = m_http.exchange(method, url, accept, *authorization, maxBytes);
        if (answer.outcome != OciHttp::Exchange::Outcome::Response) {
            *error = answer.error(url, maxBytes);
            return std::nullopt;
        }
        OciResponse &response = answer.response;
        const int status = response.status;

        if (isRedirect(status)) {
            const QUrl location(QString::fromUtf8(response.header("Location")));
            const QUrl next = url.resolved(location);
            if (location.isEmpty() || !next.isValid() ||
                (next.scheme() != u"https" && next.scheme() != u"http")) {
                *error = ociError(OciError::Kind::InvalidResponse,
                                  u"HTTP %1 from %2 without a usable Location"_s.arg(
                                      QString::number(status), ociDisplayUrl(url)),
                                  status);
                return std::nullopt;
            }
            if (url.scheme() == u"https" && next.scheme() == u"http") {
                *error = ociError(OciError::Kind::InvalidResponse,
                                  u"%1 redirects from HTTPS to plain HTTP (%2); not followed"_s.arg(
                                      ociDisplayUrl(url), ociDisplayUrl(next)),
                                  status);
                return std::nullopt;
            }
            if (++redirects > m_options.maxRedirects) {
                *error = ociError(OciError::Kind::InvalidResponse,
                                  u"more than %1 redirects, last to %2"_s.arg(
                                      QString::number(m_options.maxRedirects), ociDisplayUrl(next)),
                                  status);
                return std::nullopt;
            }
            // Authorization is added again only if the target is the registry itself.
            url = next;
            continue;
        }

        if (status == 401 && sameOrigin(url) && !authRetried) {
            authRetried = true;
            if (!authenticate(response.header("WWW-Authenticate"), !authorization->isEmpty(),
                              error))
                return std::nullopt;
            continue;
        }

        if (status == 429 || status == 503) {
            const std::optional<qint64> retryAfter = OciHeaders::parseRetryAfter(
                response.header("Retry-After"), QDateTime::currentDateTimeUtc());
            const qint64 waitSeconds = retryAfter.value_or(qint64(1) << std::min(retries, 5));
            if (retries >= m_options.maxRetries || waitSeconds > m_options.maxRetryWait.count()) {
                OciError limited =
                    ociError(OciError::Kind::RateLimited,
                             retryAfter ? u"rate limited (%1), retry after %2 s"_s.arg(
                                              statusText(response), QString::number(*retryAfter))
                                        : u"rate limited (%1), still after %2 retries"_s.arg(
                                              statusText(response), QString::number(retries)),
                             status);
                limited.retryAfterSeconds = retryAfter ? int(*retryAfter) : -1;
                *error = limited;
                return std::nullopt;
            }
            ++retries;
            if (!m_http.sleep(waitSeconds * 1000, error))
                return std::nullopt;
            continue;
        }

        if (status >= 200 && status <= 299)
            return std::move(response);
        *error = statusError(response, !authorization->isEmpty());
        return std::nullopt;
    }
}

} // namespace Stevedore
