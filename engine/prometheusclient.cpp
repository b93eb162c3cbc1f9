#include "engine/prometheusclient.h"

#include "engine/keychain.h"
#include "engine/prometheusanswer.h"
#include "engine/transferfailure.h"
#include "engine/verification.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSettings>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// How often a waiting request looks at the cancellation flag and its timeout.
constexpr int pollIntervalMs = 50;
/// Answers larger than this are refused: a verification query has no business returning more.
constexpr qint64 maxAnswerBytes = 64 * 1024 * 1024;

QString displayUrl(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

QString seconds(std::chrono::milliseconds duration)
{
    return QString::number(double(duration.count()) / 1000.0);
}

QString unixTime(const QDateTime &when)
{
    return QString::number(double(when.toMSecsSinceEpoch()) / 1000.0, 'f', 3);
}

/// Credentials read from the keychain, by account, for the life of the process: a 401 must
/// not cost a keychain prompt per measurement.
struct CredentialCache
{
    QMutex mutex;
    QHash<QString, QByteArray> authorization;
};

CredentialCache &credentialCache()
{
    static CredentialCache cache;
    return cache;
}

/// The Authorization header from the keychain entry @p account; empty when there is none.
QByteArray keychainAuthorization(const QString &account, QString *note)
{
    {
        CredentialCache &cache = credentialCache();
        const QMutexLocker locker(&cache.mutex);
        if (const auto it = cache.authorization.constFind(account);
            it != cache.authorization.constEnd())
            return *it;
    }
    const Keychain::ReadResult read = Keychain::read(account);
    if (read.status == Keychain::Status::Failed) {
        *note = read.error;
        return {};
    }
    if (read.status != Keychain::Status::Ok)
        return {};
    const QJsonObject object = QJsonDocument::fromJson(read.text.toUtf8()).object();
    QByteArray authorization;
    if (object.contains(u"token"_s)) {
        authorization = "Bearer " + object.value(u"token"_s).toString().toUtf8();
    } else if (object.contains(u"username"_s)) {
        authorization = "Basic " + (object.value(u"username"_s).toString() + u':' +
                                    object.value(u"password"_s).toString())
                                       .toUtf8()
                                       .toBase64();
    } else {
        *note = PrometheusClient::tr("the keychain entry %1 holds neither {\"username\", "
                                     "\"password\"} nor {\"token\"}")
                    .arg(account);
        return {};
    }
    CredentialCache &cache = credentialCache();
    const QMutexLocker locker(&cache.mutex);
    cache.authorization.insert(account, authorization);
    return authorization;
}

struct Exchange
{
    PrometheusResult::Outcome outcome = PrometheusResult::Outcome::Failed;
    int status = 0;
    QByteArray body;
    QString errorText;
};

Exchange exchange(QNetworkAccessManager &network, const PrometheusQuery &query, const QUrl &url,
                  const QByteArray &form, bool post, const QByteArray &authorization)
{
    Exchange result;
    QNetworkRequest request(post ? url : QUrl(url.toString() + u'?' + QString::fromLatin1(form)));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("Stevedore/" STEVEDORE_VERSION));
    request.setRawHeader("Accept", "application/json");
    for (const auto &[name, value] : query.headers)
        request.setRawHeader(name, value);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (url.scheme() == u"https" && query.insecure) {
        QSslConfiguration tls = request.sslConfiguration();
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
    if (post)
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
    const std::unique_ptr<QNetworkReply> reply(post ? network.post(request, form)
                                                    : network.get(request));
    QEventLoop loop;
    bool stopped = false;
    const auto stop = [&](PrometheusResult::Outcome outcome, const QString &text) {
        if (stopped)
            return;
        stopped = true;
        result.outcome = outcome;
        result.errorText = text;
        reply->abort();
        loop.quit();
    };
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        if (reply->bytesAvailable() + result.body.size() > maxAnswerBytes)
            stop(PrometheusResult::Outcome::Failed,
                 PrometheusClient::tr("the answer is larger than %1 MiB")
                     .arg(maxAnswerBytes / (1024 * 1024)));
        else
            result.body += reply->readAll();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QElapsedTimer elapsed;
    elapsed.start();
    QTimer ticker;
    ticker.setInterval(pollIntervalMs);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
        if (query.cancelled && query.cancelled->load())
            stop(PrometheusResult::Outcome::Cancelled, PrometheusClient::tr("cancelled"));
        else if (elapsed.elapsed() > query.timeout.count())
            stop(PrometheusResult::Outcome::Timeout,
                 PrometheusClient::tr("Prometheus at %1 did not answer within %2 s")
                     .arg(displayUrl(query.url), seconds(query.timeout)));
    });
    ticker.start();
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    ticker.stop();
    if (stopped)
        return result;
    result.body += reply->readAll();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // No HTTP answer at all: refused, unknown host, TLS, reset.
        result.outcome = PrometheusResult::Outcome::Unreachable;
        result.errorText = PrometheusClient::tr("Prometheus unreachable at %1: %2")
                               .arg(displayUrl(query.url), reply->errorString());
        return result;
    }
    result.status = status.toInt();
    // Redirects are followed on the same origin only: the credentials stay there.
    const QUrl target = reply->url().resolved(
        QUrl(QString::fromUtf8(reply->rawHeader("Location")), QUrl::StrictMode));
    if (result.status / 100 == 3 && reply->hasRawHeader("Location") && target.isValid() &&
        (reply->error() == QNetworkReply::InsecureRedirectError ||
         target.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment) !=
             reply->url().adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment))) {
        result.outcome = PrometheusResult::Outcome::Failed;
        result.errorText =
            PrometheusClient::tr("Prometheus at %1 redirects to %2, another origin: not followed")
                .arg(displayUrl(query.url), displayUrl(target));
        return result;
    }
    // A status line arrived, but the transfer failed after it: a body cut short, one that does
    // not decompress, or redirects without end.
    const int error = int(reply->error());
    // (Qt's 3xx codes mirror HTTP 4xx statuses, which the envelope explains; UnknownContentError
    // with a 2xx status means Qt could not decode the body.)
    if ((error > 0 && error < 200) || reply->error() == QNetworkReply::ProtocolFailure ||
        (reply->error() == QNetworkReply::UnknownContentError && result.status / 100 == 2) ||
        undecodedBody(*reply, result.body.size())) {
        result.outcome = PrometheusResult::Outcome::Failed;
        result.errorText = PrometheusClient::tr("Prometheus at %1 answered HTTP %2, but %3")
                               .arg(displayUrl(query.url))
                               .arg(result.status)
                               .arg(transferFailure(*reply, result.body.size()));
        return result;
    }
    result.outcome = PrometheusResult::Outcome::Ok;
    return result;
}

} // namespace

QString PrometheusClient::keychainAccount(const QUrl &url)
{
    return Keychain::urlAccount(u"prometheus"_s, url);
}

void PrometheusClient::clearCredentialCache()
{
    CredentialCache &cache = credentialCache();
    const QMutexLocker locker(&cache.mutex);
    cache.authorization.clear();
}

PrometheusResult PrometheusClient::run(const PrometheusQuery &query)
{
    PrometheusResult result;
    if (!query.url.isValid() || query.url.host().isEmpty() ||
        (query.url.scheme() != u"http" && query.url.scheme() != u"https")) {
        result.error = tr("\"%1\" is not a Prometheus address: write it as http(s)://host[:port]")
                           .arg(query.url.toString());
        return result;
    }
    QUrl endpoint = query.url;
    QString path = endpoint.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    endpoint.setPath(path + (query.range ? u"/api/v1/query_range"_s : u"/api/v1/query"_s));
    endpoint.setQuery(QString());

    QUrlQuery parameters;
    parameters.addQueryItem(u"query"_s, query.query);
    if (query.range) {
        parameters.addQueryItem(u"start"_s, unixTime(query.start));
        parameters.addQueryItem(u"end"_s, unixTime(query.end));
        parameters.addQueryItem(u"step"_s, QString::number(query.stepSeconds, 'f', 3));
    } else {
        parameters.addQueryItem(
            u"time"_s,
            unixTime(query.time.isValid() ? query.time : QDateTime::currentDateTimeUtc()));
    }
    // Encoded by hand: QUrlQuery leaves '+' alone, which a form body reads as a space.
    QByteArray form;
    for (const auto &[key, value] : parameters.queryItems(QUrl::FullyDecoded)) {
        if (!form.isEmpty())
            form += '&';
        form += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }

    bool customAuthorization = false;
    for (const auto &[name, value] : query.headers)
        customAuthorization =
            customAuthorization || name.compare("Authorization", Qt::CaseInsensitive) == 0;

    QNetworkAccessManager network;
    network.setAutoDeleteReplies(false);
    QByteArray authorization;
    bool post = true;
    bool askedKeychain = false;
    QString keychainNote;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const Exchange answer = exchange(network, query, endpoint, form, post, authorization);
        if (answer.outcome != PrometheusResult::Outcome::Ok) {
            result.outcome = answer.outcome;
            result.error = answer.errorText;
            return result;
        }
        result.httpStatus = answer.status;
        // Like Prometheus' Go client: POST first, GET where a proxy refuses POST.
        if (post && answer.status == 405) {
            post = false;
            continue;
        }
        if (answer.status == 401 && query.useKeychain && !askedKeychain && !customAuthorization) {
            askedKeychain = true;
            QStringList accounts{keychainAccount(query.url)};
            const QUrl original(query.originalAddress);
            if (original.isValid() && !original.host().isEmpty() &&
                !accounts.contains(keychainAccount(original)))
                accounts.append(keychainAccount(original));
            for (const QString &account : std::as_const(accounts)) {
                authorization = keychainAuthorization(account, &keychainNote);
                if (!authorization.isEmpty())
                    break;
            }
            if (!authorization.isEmpty())
                continue;
        }
        const QJsonDocument document = QJsonDocument::fromJson(answer.body);
        const QJsonObject envelope = document.object();
        const QString status = envelope.value(u"status"_s).toString();
        for (const QJsonValue &warning : envelope.value(u"warnings"_s).toArray())
            result.warnings.append(warning.toString());
        if (status == u"success" && answer.status / 100 == 2) {
            result.outcome = PrometheusResult::Outcome::Ok;
            if (!PrometheusAnswer::readData(envelope.value(u"data"_s).toObject(), result))
                return result;
            return result;
        }
        result.outcome = PrometheusResult::Outcome::Failed;
        if (status == u"error") {
            result.errorType = envelope.value(u"errorType"_s).toString();
            result.error = tr("Prometheus answered %1 %2: %3")
                               .arg(answer.status)
                               .arg(result.errorType, envelope.value(u"error"_s).toString());
            return result;
        }
        QString body = QString::fromUtf8(answer.body.left(300)).simplified();
        if (answer.status == 401 || answer.status == 403) {
            QString hint =
                authorization.isEmpty()
                    ? tr("store a user name and password ({\"username\", \"password\"}) or a "
                         "token ({\"token\"}) in the keychain under service \"%1\", account "
                         "\"%2\"")
                          .arg(Keychain::service(), keychainAccount(query.url))
                    : tr("the credentials from the keychain were refused");
            if (!keychainNote.isEmpty())
                hint += u" ("_s + keychainNote + u')';
            result.error = tr("Prometheus at %1 answered %2: %3")
                               .arg(displayUrl(query.url))
                               .arg(answer.status)
                               .arg(hint);
            return result;
        }
        result.error = tr("%1 answered HTTP %2, not a Prometheus API answer%3")
                           .arg(displayUrl(endpoint))
                           .arg(answer.status)
                           .arg(body.isEmpty() ? QString() : u": "_s + body);
        return result;
    }
    result.outcome = PrometheusResult::Outcome::Failed;
    result.error = tr("Prometheus at %1 kept refusing the request").arg(displayUrl(query.url));
    return result;
}

QString PrometheusAddresses::settingsKey()
{
    return u"verification/prometheusAddresses"_s;
}

PrometheusAddresses PrometheusAddresses::fromUserSettings()
{
    PrometheusAddresses addresses;
    const QStringList entries = QSettings().value(settingsKey()).toStringList();
    for (const QString &entry : entries)
        addresses.add(entry);
    return addresses;
}

bool PrometheusAddresses::add(const QString &fromEqualsTo, QString *error)
{
    const qsizetype eq = fromEqualsTo.indexOf(u'=');
    const QString from = eq > 0 ? fromEqualsTo.left(eq).trimmed() : QString();
    const QUrl to(eq > 0 ? fromEqualsTo.mid(eq + 1).trimmed() : QString(), QUrl::StrictMode);
    if (from.isEmpty() || !to.isValid() || to.host().isEmpty() ||
        (to.scheme() != u"http" && to.scheme() != u"https")) {
        if (error)
            *error = tr("\"%1\": write FROM=TO, e.g. "
                        "http://prometheus.monitoring:9090=http://127.0.0.1:9090")
                         .arg(fromEqualsTo);
        return false;
    }
    QString key = from;
    while (key.endsWith(u'/'))
        key.chop(1);
    m_entries.append({key, to});
    return true;
}

QStringList PrometheusAddresses::entries() const
{
    QStringList list;
    for (const auto &[from, to] : m_entries)
        list.append(from + u'=' + to.toString());
    return list;
}

QUrl PrometheusAddresses::map(const QString &address, bool *mapped) const
{
    if (mapped)
        *mapped = false;
    const QString trimmed = address.trimmed();
    const QUrl url(trimmed);
    // Later entries win, so a setting can be overridden on the command line.
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        const auto &[from, to] = *it;
        QString rest;
        if (from.contains(u"://")) {
            if (!trimmed.startsWith(from, Qt::CaseInsensitive))
                continue;
            rest = trimmed.mid(from.size());
            if (!rest.isEmpty() && !rest.startsWith(u'/') && !rest.startsWith(u'?'))
                continue;
        } else {
            const QString hostPort =
                url.port() > 0 ? url.host() + u':' + QString::number(url.port()) : url.host();
            if (url.host().isEmpty() || (hostPort.compare(from, Qt::CaseInsensitive) != 0 &&
                                         url.host().compare(from, Qt::CaseInsensitive) != 0))
                continue;
            rest = url.path();
        }
        QString base = to.toString();
        while (base.endsWith(u'/') && rest.startsWith(u'/'))
            base.chop(1);
        if (mapped)
            *mapped = true;
        return QUrl(base + rest);
    }
    return url;
}

} // namespace Stevedore
