#include "engine/connectiontest.h"

#include "engine/gitremote.h"
#include "engine/gitrepository.h"
#include "engine/helmrepository.h"
#include "engine/keychain.h"
#include "engine/ociclient.h"
#include "engine/ocireference.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool isHttpUrl(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == u"http" || url.scheme() == u"https");
}

ConnectionTest::Result ok(const QString &message)
{
    return {true, message};
}

ConnectionTest::Result failed(const QString &message)
{
    return {false, message};
}

QString signedInAs(const std::optional<Credential> &credential)
{
    if (!credential)
        return ConnectionTest::tr("anonymously");
    if (credential->username.isEmpty())
        return ConnectionTest::tr("with a token");
    return ConnectionTest::tr("as %1").arg(credential->username);
}

ConnectionTest::Result testRegistry(const QString &address,
                                    const std::optional<Credential> &credential,
                                    std::chrono::milliseconds timeout)
{
    OciClientOptions options;
    options.credential = credential;
    options.useKeychain = false;
    options.useDockerConfig = false;
    options.stallTimeout = timeout;
    options.requestTimeout = timeout;
    options.maxRetries = 0;
    // Any repository name will do: `GET /v2/` names none.
    OciClient client(address + u"/stevedore/connection-test"_s, options);
    OciError error;
    if (!client.ping(&error))
        return failed(error.message);
    return ok(ConnectionTest::tr("The registry %1 accepted GET /v2/ %2")
                  .arg(address, signedInAs(credential)));
}

ConnectionTest::Result testHelm(const QString &address, const std::optional<Credential> &credential,
                                std::chrono::milliseconds timeout)
{
    HelmRepository::Options options;
    options.credential = credential;
    options.useKeychain = false;
    options.timeout = timeout;
    const HelmRepository::Result result = HelmRepository::fetch(QUrl(address), {}, options);
    if (!result.ok)
        return failed(result.error);
    return ok(ConnectionTest::tr("%1 read %2")
                  .arg(HelmRepository::indexURL(QUrl(address)).toString(QUrl::RemoveUserInfo),
                       signedInAs(credential)));
}

ConnectionTest::Result testGit(const QString &address, std::chrono::milliseconds timeout)
{
    const QTemporaryDir scratch;
    if (!scratch.isValid())
        return failed(
            ConnectionTest::tr("cannot create a temporary folder: %1").arg(scratch.errorString()));
    GitError error;
    std::optional<GitRepository> repository =
        GitRepository::initBare(scratch.filePath(u"probe.git"_s), &error);
    if (!repository)
        return failed(error.message);
    GitNetworkOptions options;
    options.url = address;
    options.cancelled = std::make_shared<std::atomic<bool>>(false);
    // libgit2 has no timeout of its own, and list() blocks this thread: a watchdog thread
    // cancels it when the server has not answered in time.
    std::mutex mutex;
    std::condition_variable doneChanged;
    bool done = false;
    std::thread watchdog([&, cancelled = options.cancelled] {
        std::unique_lock lock(mutex);
        if (!doneChanged.wait_for(lock, timeout, [&] { return done; }))
            cancelled->store(true);
    });
    const std::optional<QList<GitRemoteRef>> refs = GitRemote::list(*repository, options, &error);
    {
        const std::lock_guard lock(mutex);
        done = true;
    }
    doneChanged.notify_all();
    watchdog.join();
    if (!refs && options.cancelled->load())
        return failed(ConnectionTest::tr("%1 did not answer within %2 s")
                          .arg(GitRemote::redacted(address))
                          .arg(timeout.count() / 1000));
    if (!refs)
        return failed(error.message);
    return ok(ConnectionTest::tr("%1 lists %n ref(s)", nullptr, int(refs->size()))
                  .arg(GitRemote::redacted(address)));
}

ConnectionTest::Result testPrometheus(const QString &address,
                                      const std::optional<Credential> &credential,
                                      std::chrono::milliseconds timeout)
{
    QUrl url(address);
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    url.setPath(path + u"/api/v1/status/buildinfo"_s);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::SameOriginRedirectPolicy);
    request.setTransferTimeout(int(timeout.count()));
    if (credential) {
        const QByteArray authorization =
            credential->username.isEmpty()
                ? QByteArray("Bearer " + credential->password.toUtf8())
                : QByteArray(
                      "Basic " +
                      (credential->username + u':' + credential->password).toUtf8().toBase64());
        request.setRawHeader("Authorization", authorization);
    }
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString where = url.toString(QUrl::RemoveUserInfo);
    if (status == 401 || status == 403)
        return failed(credential
                          ? ConnectionTest::tr("%1 answered HTTP %2: it refused the credentials")
                                .arg(where)
                                .arg(status)
                          : ConnectionTest::tr("%1 answered HTTP %2: it wants credentials")
                                .arg(where)
                                .arg(status));
    if (reply->error() != QNetworkReply::NoError && status == 0)
        return failed(ConnectionTest::tr("%1: %2").arg(where, reply->errorString()));
    const QJsonObject envelope = QJsonDocument::fromJson(body).object();
    if (status / 100 != 2 || envelope.value(u"status"_s).toString() != u"success")
        return failed(ConnectionTest::tr("%1 answered HTTP %2, not a Prometheus API answer")
                          .arg(where)
                          .arg(status));
    const QString version = envelope.value(u"data"_s).toObject().value(u"version"_s).toString();
    return ok(ConnectionTest::tr("Prometheus %1 at %2 answered %3")
                  .arg(version, address, signedInAs(credential)));
}

} // namespace

QString ConnectionTest::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Registry:
        return u"registry"_s;
    case Kind::Helm:
        return u"helm"_s;
    case Kind::Git:
        return u"git"_s;
    case Kind::Prometheus:
        return u"prometheus"_s;
    }
    return {};
}

std::optional<ConnectionTest::Kind> ConnectionTest::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Registry, Kind::Helm, Kind::Git, Kind::Prometheus}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

QString ConnectionTest::validate(Kind kind, const QString &address)
{
    if (address.trimmed().isEmpty())
        return tr("The address is empty.");
    if (address.contains(u' '))
        return tr("\"%1\" contains a space.").arg(address);
    if (kind == Kind::Registry) {
        if (address.contains(u"://") || address.contains(u'/'))
            return tr("\"%1\": write the registry as HOST or HOST:PORT, e.g. ghcr.io or "
                      "127.0.0.1:5000, without a scheme or path.")
                .arg(address);
        QString error;
        if (!OciReference::parse(address + u"/stevedore/probe"_s, &error))
            return tr("\"%1\" is not a registry host: %2").arg(address, error);
        return {};
    }
    const QUrl url(address, QUrl::StrictMode);
    if (kind == Kind::Git && url.isValid() && url.scheme() == u"git" && !url.host().isEmpty())
        return {};
    if (!isHttpUrl(url))
        return tr("\"%1\" is not an http:// or https:// URL.").arg(address);
    return {};
}

QString ConnectionTest::account(Kind kind, const QString &address)
{
    switch (kind) {
    case Kind::Registry:
        return Keychain::registryAccount(address);
    case Kind::Helm:
        return HelmRepository::keychainAccount(QUrl(address));
    case Kind::Git:
        return Keychain::gitAccount(QUrl(address));
    case Kind::Prometheus:
        return Keychain::urlAccount(u"prometheus"_s, QUrl(address));
    }
    return {};
}

ConnectionTest::Result ConnectionTest::run(Kind kind, const QString &address,
                                           const std::optional<Credential> &credential,
                                           std::chrono::milliseconds timeout)
{
    if (const QString invalid = validate(kind, address); !invalid.isEmpty())
        return failed(invalid);
    switch (kind) {
    case Kind::Registry:
        return testRegistry(address, credential, timeout);
    case Kind::Helm:
        return testHelm(address, credential, timeout);
    case Kind::Git:
        return testGit(address, timeout);
    case Kind::Prometheus:
        return testPrometheus(address, credential, timeout);
    }
    return {};
}

} // namespace Stevedore
