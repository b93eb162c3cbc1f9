#include "engine/helmrepository.h"

#include "engine/keychain.h"
#include "engine/transferfailure.h"
#include "engine/urlnormalization.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>
#include <QSet>
#include <QSslError>
#include <QTemporaryFile>
#include <QTimer>

#include <algorithm>

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

constexpr int maxRedirects = 10;
constexpr int cacheFormat = 1;
// How often a transfer looks at the cancellation flag: an atomic cannot wake an event loop.
constexpr int cancelPollMs = 100;
constexpr qint64 readBufferSize = 1024 * 1024;

QString displayURL(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

bool sameOrigin(const QUrl &a, const QUrl &b)
{
    const QString scheme = a.scheme().toLower();
    return scheme == b.scheme().toLower() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(defaultPort(scheme)) == b.port(defaultPort(scheme));
}

bool isCancelled(const HelmRepository::Options &options)
{
    return options.cancelled && options.cancelled->load();
}

// ---- the cache file ------------------------------------------------------------------------

/// What the cache file holds: the validators of the index last downloaded and what was read
/// from it.
struct CacheEntry
{
    QString etag;
    QString lastModified;
    QStringList charts;       ///< read from that index (listed in it or not)
    bool credentials = false; ///< the repository was read with credentials: send them at once
    HelmIndex index;
};

QJsonObject versionToJson(const HelmChartVersion &version)
{
    QJsonArray urls;
    for (const QUrl &url : version.urls)
        urls.append(url.toString(QUrl::FullyEncoded));
    return QJsonObject{{u"version"_s, version.version},
                       {u"appVersion"_s, version.appVersion},
                       {u"digest"_s, version.digest},
                       {u"created"_s, version.created.isValid()
                                          ? version.created.toString(Qt::ISODateWithMs)
                                          : QString()},
                       {u"urls"_s, urls}};
}

HelmChartVersion versionFromJson(const QJsonObject &object)
{
    HelmChartVersion version;
    version.version = object.value(u"version"_s).toString();
    version.appVersion = object.value(u"appVersion"_s).toString();
    version.digest = object.value(u"digest"_s).toString();
    const QString created = object.value(u"created"_s).toString();
    if (!created.isEmpty())
        version.created = QDateTime::fromString(created, Qt::ISODateWithMs);
    const QJsonArray urls = object.value(u"urls"_s).toArray();
    for (const QJsonValue &url : urls)
        version.urls.append(QUrl(url.toString(), QUrl::StrictMode));
    return version;
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

std::optional<CacheEntry> loadCache(const QString &path, const QString &url)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    // Another URL hashing to the same name, an older format or a damaged file: start afresh.
    if (object.value(u"format"_s).toInt() != cacheFormat || object.value(u"url"_s) != url)
        return std::nullopt;
    CacheEntry entry;
    entry.etag = object.value(u"etag"_s).toString();
    entry.lastModified = object.value(u"lastModified"_s).toString();
    if (entry.etag.isEmpty() && entry.lastModified.isEmpty())
        return std::nullopt;
    entry.charts = toStringList(object.value(u"charts"_s));
    entry.credentials = object.value(u"credentials"_s).toBool();
    entry.index.apiVersion = object.value(u"apiVersion"_s).toString();
    const QString generated = object.value(u"generated"_s).toString();
    if (!generated.isEmpty())
        entry.index.generated = QDateTime::fromString(generated, Qt::ISODateWithMs);
    entry.index.warnings = toStringList(object.value(u"warnings"_s));
    const QJsonObject entries = object.value(u"entries"_s).toObject();
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        QList<HelmChartVersion> &versions = entry.index.entries[it.key()];
        const QJsonArray array = it.value().toArray();
        for (const QJsonValue &version : array)
            versions.append(versionFromJson(version.toObject()));
    }
    return entry;
}

void saveCache(const QString &path, const QString &url, const CacheEntry &entry)
{
    QJsonObject entries;
    for (auto it = entry.index.entries.begin(); it != entry.index.entries.end(); ++it) {
        QJsonArray versions;
        for (const HelmChartVersion &version : it.value())
            versions.append(versionToJson(version));
        entries.insert(it.key(), versions);
    }
    const QJsonObject object{
        {u"format"_s, cacheFormat},
        {u"url"_s, url},
        {u"etag"_s, entry.etag},
        {u"lastModified"_s, entry.lastModified},
        {u"charts"_s, QJsonArray::fromStringList(entry.charts)},
        {u"credentials"_s, entry.credentials},
        {u"apiVersion"_s, entry.index.apiVersion},
        {u"generated"_s, entry.index.generated.isValid()
                             ? entry.index.generated.toString(Qt::ISODateWithMs)
                             : QString()},
        {u"warnings"_s, QJsonArray::fromStringList(entry.index.warnings)},
        {u"entries"_s, entries}};
    // Written whole and renamed into place, so a concurrent reader never sees half a file.
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

/// @p index with only the entries of @p charts.
HelmIndex subset(const HelmIndex &index, const QStringList &charts)
{
    HelmIndex result = index;
    result.entries.clear();
    for (const QString &chart : charts) {
        if (const auto it = index.entries.constFind(chart); it != index.entries.constEnd())
            result.entries.insert(chart, it.value());
    }
    return result;
}

// ---- one HTTP exchange -----------------------------------------------------------------------

struct Response
{
    QUrl url; ///< answered this, after redirects
    bool sentCredential = false;
    int status = 0;
    QString reason;
    QUrl location;
    QString etag;
    QString lastModified;
    qint64 bytes = 0;
    QString error; ///< transport failure, cancellation, size limit
};

/// Sends @p request and waits, in a local event loop, for the answer; a 200 body goes to
/// @p sink as it arrives (never more than the read buffer in memory).
Response exchange(QNetworkAccessManager &manager, const QNetworkRequest &request, QFile &sink,
                  const HelmRepository::Options &options)
{
    Response response;
    const QString what = displayURL(request.url());
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    reply->setReadBufferSize(readBufferSize);
    QEventLoop loop;
    bool stopped = false; // by us, for a reason already in response.error

    const auto status = [&] {
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    };
    const auto stop = [&](const QString &message) {
        if (stopped)
            return;
        stopped = true;
        response.error = message;
        reply->abort();
    };
    const auto tooLarge = [&] {
        constexpr qint64 mib = 1024 * 1024;
        const QString limit = options.maxIndexSize % mib == 0
                                  ? u"%1 MiB"_s.arg(options.maxIndexSize / mib)
                                  : u"%1 bytes"_s.arg(options.maxIndexSize);
        stop(u"%1 is larger than the limit of %2; not downloading it"_s.arg(what, limit));
    };
    const auto drain = [&] {
        if (stopped || !reply->isOpen())
            return;
        const QByteArray data = reply->readAll();
        if (status() != 200)
            return; // a redirect's or an error's body
        response.bytes += data.size();
        if (response.bytes > options.maxIndexSize) {
            tooLarge();
            return;
        }
        if (sink.write(data) != data.size())
            stop(u"cannot write the downloaded index to %1: %2"_s.arg(
                QDir::toNativeSeparators(sink.fileName()), sink.errorString()));
    };

    QObject::connect(reply.get(), &QNetworkReply::metaDataChanged, &loop, [&] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (status() == 200 && length.isValid() && length.toLongLong() > options.maxIndexSize)
            tooLarge();
    });
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (options.insecureSkipTLSVerify)
        QObject::connect(reply.get(), &QNetworkReply::sslErrors, &loop,
                         [&](const QList<QSslError> &) { reply->ignoreSslErrors(); });
    QTimer poll;
    poll.setInterval(cancelPollMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (isCancelled(options))
            stop(u"cancelled"_s);
    });
    poll.start();
    if (!reply->isFinished())
        loop.exec();
    drain();

    if (stopped)
        return response;
    response.status = status();
    response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    response.location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    response.etag = QString::fromLatin1(reply->rawHeader("ETag"));
    response.lastModified = QString::fromLatin1(reply->rawHeader("Last-Modified"));
    // An HTTP error status speaks for itself; any other error (no answer, a body cut short)
    // means there is nothing usable.
    if (reply->error() != QNetworkReply::NoError &&
        (response.status == 0 || (response.status >= 200 && response.status < 300))) {
        if (reply->error() == QNetworkReply::OperationCanceledError ||
            reply->error() == QNetworkReply::TimeoutError)
            response.error = u"%1: no answer within %2 s"_s.arg(
                what, QString::number(double(options.timeout.count()) / 1000.0));
        else
            response.error = u"%1: %2"_s.arg(what, transferFailure(*reply, response.bytes));
    }
    return response;
}

/// GETs @p target, following redirects here (not in Qt) so that credentials go to the
/// repository's own origin only, and asking "changed since?" with @p validators when given.
Response get(QNetworkAccessManager &manager, const QUrl &target,
             const std::optional<Credential> &credential, const CacheEntry *validators, QFile &body,
             const HelmRepository::Options &options)
{
    QUrl url = target;
    for (int hop = 0;; ++hop) {
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(int(options.timeout.count()));
        request.setHeader(QNetworkRequest::UserAgentHeader,
                          QByteArrayLiteral("Stevedore/" STEVEDORE_VERSION));
        const bool sendCredential = credential && sameOrigin(url, target);
        if (sendCredential)
            request.setRawHeader(
                "Authorization",
                "Basic " +
                    (credential->username + u':' + credential->password).toUtf8().toBase64());
        if (validators) {
            if (!validators->etag.isEmpty())
                request.setRawHeader("If-None-Match", validators->etag.toLatin1());
            if (!validators->lastModified.isEmpty())
                request.setRawHeader("If-Modified-Since", validators->lastModified.toLatin1());
        }
        body.resize(0);
        body.seek(0);
        Response response = exchange(manager, request, body, options);
        response.url = url;
        response.sentCredential = sendCredential;
        const int status = response.status;
        if (!response.error.isEmpty() ||
            (status != 301 && status != 302 && status != 303 && status != 307 && status != 308))
            return response;
        if (hop == maxRedirects) {
            response.error = u"%1: more than %2 redirects"_s.arg(displayURL(target),
                                                                 QString::number(maxRedirects));
            return response;
        }
        const QUrl next = url.resolved(response.location);
        if (!next.isValid() || response.location.isEmpty()) {
            response.error = u"%1: a redirect (HTTP %2) without a valid Location"_s.arg(
                displayURL(url), QString::number(status));
            return response;
        }
        if (url.scheme() == u"https" && next.scheme() != u"https") {
            response.error = u"%1: refusing to follow a redirect from https to %2"_s.arg(
                displayURL(url), displayURL(next));
            return response;
        }
        url = next;
    }
}

QString httpError(const Response &response, const QUrl &url, const QUrl &repositoryURL,
                  bool sentCredential)
{
    QString message =
        u"%1: the server answered HTTP %2"_s.arg(displayURL(url), QString::number(response.status));
    if (!response.reason.isEmpty())
        message += u" ("_s + response.reason + u')';
    if (response.status == 401 || response.status == 403) {
        message += sentCredential
                       ? u": it refused the user name and password"_s
                       : u": it wants a user name and password; store them in the keychain "
                         u"(service \"stevedore\", account \"%1\")"_s.arg(
                             HelmRepository::keychainAccount(repositoryURL));
    } else if (response.status == 404) {
        message += u": there is no repository index at this address"_s;
    }
    return message;
}

std::optional<Credential> keychainCredential(const QUrl &repositoryURL, QString *note)
{
    return Keychain::readCredential(HelmRepository::keychainAccount(repositoryURL), note);
}

} // namespace

QUrl HelmRepository::indexURL(const QUrl &repositoryURL)
{
    QUrl url = repositoryURL;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/index.yaml"_s);
    return url;
}

QString HelmRepository::cacheFile(const QString &cacheRoot, const QUrl &repositoryURL)
{
    const QByteArray key =
        QCryptographicHash::hash(displayURL(repositoryURL).toUtf8(), QCryptographicHash::Sha256)
            .toHex();
    return cacheRoot + u"/helm/"_s + QString::fromLatin1(key) + u".json"_s;
}

QString HelmRepository::keychainAccount(const QUrl &repositoryURL)
{
    return Keychain::urlAccount(u"helm"_s, repositoryURL);
}

HelmRepository::Result HelmRepository::fetch(const QUrl &repositoryURL, const QStringList &charts,
                                             const Options &options)
{
    Result result;
    const auto fail = [&](const QString &message) {
        result.ok = false;
        result.error = message;
        return result;
    };
    const QUrl target = indexURL(repositoryURL);
    if (!repositoryURL.isValid() ||
        (repositoryURL.scheme() != u"https" && repositoryURL.scheme() != u"http"))
        return fail(u"%1 is not an http:// or https:// Helm repository URL"_s.arg(
            displayURL(repositoryURL)));
    if (isCancelled(options))
        return fail(u"cancelled"_s);

    const QString cacheKey = displayURL(repositoryURL);
    const QString cachePath =
        options.cacheRoot.isEmpty() ? QString() : cacheFile(options.cacheRoot, repositoryURL);
    std::optional<CacheEntry> cached;
    if (!cachePath.isEmpty())
        cached = loadCache(cachePath, cacheKey);
    const QSet<QString> cachedCharts =
        cached ? QSet<QString>(cached->charts.begin(), cached->charts.end()) : QSet<QString>();
    const bool conditional =
        cached && std::all_of(charts.begin(), charts.end(),
                              [&](const QString &chart) { return cachedCharts.contains(chart); });
    // Read the charts asked for before, too, so that callers asking for different charts of one
    // repository do not evict each other's cache.
    QStringList parseCharts = charts;
    for (const QString &chart : std::as_const(cachedCharts))
        if (!parseCharts.contains(chart))
            parseCharts.append(chart);

    QString keychainNote;
    std::optional<Credential> credential = options.credential;
    bool askedKeychain = false;
    const auto askKeychain = [&] {
        askedKeychain = true;
        credential = keychainCredential(repositoryURL, &keychainNote);
    };
    // The keychain is asked only for repositories that want credentials (they did last time, or
    // they answer 401): asking it on every poll of a public repository could pop up an unlock
    // prompt for nothing.
    if (!credential && options.useKeychain && cached && cached->credentials)
        askKeychain();

    std::unique_ptr<QTemporaryFile> body;
    if (!cachePath.isEmpty() && QDir().mkpath(QFileInfo(cachePath).absolutePath()))
        body = std::make_unique<QTemporaryFile>(QFileInfo(cachePath).absolutePath() +
                                                u"/index-XXXXXX.yaml"_s);
    else
        body = std::make_unique<QTemporaryFile>();
    if (!body->open())
        return fail(u"cannot create a temporary file for %1: %2"_s.arg(displayURL(target),
                                                                       body->errorString()));

    QNetworkAccessManager manager;
    const CacheEntry *validators = conditional ? &*cached : nullptr;
    Response response = get(manager, target, credential, validators, *body, options);
    if (response.error.isEmpty() && response.status == 401 && !credential && options.useKeychain &&
        !askedKeychain) {
        askKeychain();
        if (credential)
            response = get(manager, target, credential, validators, *body, options);
    }
    if (isCancelled(options))
        return fail(u"cancelled"_s);
    if (!response.error.isEmpty())
        return fail(response.error);
    const QUrl &url = response.url;

    if (response.status == 304) {
        if (!conditional)
            return fail(u"%1: the server answered 304 Not Modified to a request that was not "
                        u"conditional"_s.arg(displayURL(url)));
        result.ok = true;
        result.notModified = true;
        result.index = subset(cached->index, charts);
        result.etag = cached->etag;
        result.lastModified = cached->lastModified;
        return result;
    }
    if (response.status != 200) {
        QString message = httpError(response, url, repositoryURL, response.sentCredential);
        if (!keychainNote.isEmpty())
            message += u" (%1)"_s.arg(keychainNote);
        return fail(message);
    }

    body->seek(0);
    QString parseError;
    std::optional<HelmIndex> index =
        HelmIndexReader::read(*body, parseCharts, repositoryURL, &parseError, displayURL(target));
    if (!index)
        return fail(parseError);
    result.ok = true;
    result.parsed = true;
    result.bytesDownloaded = response.bytes;
    result.etag = response.etag;
    result.lastModified = response.lastModified;
    result.index = subset(*index, charts);
    if (!cachePath.isEmpty()) {
        if (response.etag.isEmpty() && response.lastModified.isEmpty())
            QFile::remove(cachePath); // nothing to ask "changed since?" with
        else
            saveCache(cachePath, cacheKey,
                      CacheEntry{response.etag, response.lastModified, parseCharts,
                                 response.sentCredential, *index});
    }
    return result;
}

} // namespace Stevedore
