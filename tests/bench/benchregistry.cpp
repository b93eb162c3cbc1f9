#include "tests/bench/benchregistry.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include "tests/bench/xvfbserver.h"

using namespace Qt::StringLiterals;

namespace Stevedore::Bench {

QString sha256(const QByteArray &data)
{
    return u"sha256:"_s +
           QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

Registry::Registry(const QString &dir, const QString &accessLogPath)
    : m_logPath(accessLogPath)
{
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0))
            qFatal("no free port");
        m_port = probe.serverPort();
    }
    // As Debian's /etc/docker/registry/config.yml, without authentication.
    const QString config = dir + u"/registry.yml"_s;
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(config));
    const QString accessLog =
        m_logPath.isEmpty() ? u"  accesslog:\n    disabled: true\n"_s : QString();
    file.write(u"version: 0.1\nlog:\n  level: error\n%3"
               u"storage:\n  cache:\n    blobdescriptor: inmemory\n"
               u"  filesystem:\n    rootdirectory: %1/storage\n"
               u"http:\n  addr: 127.0.0.1:%2\n  secret: stevedore-bench-secret\n"_s.arg(dir)
                   .arg(m_port)
                   .arg(accessLog)
                   .toUtf8());
    file.close();
    m_process.setStandardOutputFile(m_logPath.isEmpty() ? QProcess::nullDevice() : m_logPath);
    m_process.setStandardErrorFile(dir + u"/registry.err"_s);
    m_process.start(u"docker-registry"_s, {u"serve"_s, config});
    if (!m_process.waitForStarted(5000))
        qFatal("docker-registry does not start");
    stopOnFatal(m_process.processId());
    const QDeadlineTimer deadline(10000);
    while (true) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_port));
        if (socket.waitForConnected(200))
            break;
        if (deadline.hasExpired())
            qFatal("docker-registry does not listen on %d", m_port);
        QThread::msleep(50);
    }
}

Registry::~Registry()
{
    forgetOnFatal(m_process.processId());
    m_process.terminate(); // SIGTERM to its PID
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString Registry::host() const
{
    return u"127.0.0.1:%1"_s.arg(m_port);
}

QString Registry::base() const
{
    return u"http://"_s + host();
}

QByteArray Registry::logSince(qint64 from) const
{
    QThread::msleep(300);
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(from))
        return {};
    return file.readAll();
}

qint64 Registry::logSize() const
{
    return QFile(m_logPath).size();
}

Pusher::Pusher(const QString &base)
    : m_base(base)
{}

void Pusher::send(const QByteArray &verb, const QUrl &url, const QByteArray &contentType,
                  const QByteArray &body, std::function<void(QNetworkReply *)> then)
{
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = m_network.sendCustomRequest(request, verb, body);
    ++m_pending;
    QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, then, url] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status < 200 || status > 299)
            m_failure = u"%1: HTTP %2 %3"_s.arg(url.toString())
                            .arg(status)
                            .arg(QString::fromUtf8(reply->readAll()));
        else if (then)
            then(reply);
        reply->deleteLater();
        if (--m_pending == 0)
            m_loop.quit();
    });
}

void Pusher::blob(const QString &repository, const QByteArray &content)
{
    const QString digest = sha256(content);
    send("POST", QUrl(m_base + u"/v2/%1/blobs/uploads/"_s.arg(repository)), {}, {},
         [this, digest, content](QNetworkReply *reply) {
             QUrl location =
                 reply->url().resolved(QUrl(QString::fromLatin1(reply->rawHeader("Location"))));
             const QString query = location.query(QUrl::FullyEncoded);
             location.setQuery((query.isEmpty() ? query : query + u'&') + u"digest="_s + digest);
             send("PUT", location, "application/octet-stream", content);
         });
}

void Pusher::manifest(const QString &repository, const QString &reference, const QByteArray &body)
{
    send("PUT", QUrl(m_base + u"/v2/%1/manifests/%2"_s.arg(repository, reference)), ociManifestType,
         body);
}

void Pusher::wait()
{
    if (m_pending > 0)
        m_loop.exec();
    if (!m_failure.isEmpty())
        qFatal("push failed: %s", qPrintable(m_failure));
}

} // namespace Stevedore::Bench
