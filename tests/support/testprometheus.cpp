#include "tests/support/testprometheus.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

namespace Stevedore::Testing {

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
};

/// One HTTP exchange with a local test server, waited for in a local event loop.
Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
           const QByteArray &authorization = {})
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    return result;
}

} // namespace

bool TestPrometheus::start(const QString &webConfig)
{
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    const QString pushgateway =
        QStandardPaths::findExecutable(QStringLiteral("prometheus-pushgateway"));
    if (prometheus.isEmpty() || pushgateway.isEmpty()) {
        qWarning("prometheus and prometheus-pushgateway are needed: run "
                 "installer/install-deps.sh --test");
        return false;
    }
    if (!m_dir.isValid())
        return false;
    m_pushPort = freePort();
    if (!m_pushgateway.start(pushgateway,
                             {QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_pushPort)},
                             m_pushPort))
        return false;
    QFile config(m_dir.filePath(QStringLiteral("prometheus.yml")));
    if (!config.open(QIODevice::WriteOnly))
        return false;
    config.write(QStringLiteral("global:\n"
                                "  scrape_interval: 1s\n"
                                "  evaluation_interval: 1s\n"
                                "scrape_configs:\n"
                                "- job_name: pushgateway\n"
                                "  honor_labels: true\n"
                                "  static_configs:\n"
                                "  - targets: ['127.0.0.1:%1']\n")
                     .arg(m_pushPort)
                     .toUtf8());
    config.close();
    m_port = freePort();
    QStringList arguments{QStringLiteral("--config.file=") + config.fileName(),
                          QStringLiteral("--storage.tsdb.path=") +
                              m_dir.filePath(QStringLiteral("data")),
                          QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_port)};
    if (!webConfig.isEmpty()) {
        QFile web(m_dir.filePath(QStringLiteral("web.yml")));
        if (!web.open(QIODevice::WriteOnly))
            return false;
        web.write(webConfig.toUtf8());
        web.close();
        arguments.append(QStringLiteral("--web.config.file=") + web.fileName());
    }
    return m_prometheus.start(prometheus, arguments, m_port);
}

void TestPrometheus::stop()
{
    m_prometheus.stop();
    m_pushgateway.stop();
}

QString TestPrometheus::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString TestPrometheus::pushgatewayUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_pushPort);
}

QString TestPrometheus::log() const
{
    return m_prometheus.log() + m_pushgateway.log();
}

bool TestPrometheus::push(const QString &job, const QString &text)
{
    QString body = text;
    if (!body.endsWith(u'\n'))
        body += u'\n';
    const Reply reply =
        send("PUT", QUrl(pushgatewayUrl() + QStringLiteral("/metrics/job/") + job), body.toUtf8());
    if (reply.status / 100 != 2)
        qWarning("push to the pushgateway failed (%d): %s", reply.status, reply.body.constData());
    return reply.status / 100 == 2;
}

bool TestPrometheus::remove(const QString &job)
{
    const Reply reply =
        send("DELETE", QUrl(pushgatewayUrl() + QStringLiteral("/metrics/job/") + job));
    return reply.status / 100 == 2;
}

bool TestPrometheus::waitForValue(const QString &query, const QString &value, int timeoutMs,
                                  const QByteArray &authorization)
{
    const QDeadlineTimer deadline(timeoutMs);
    QString last;
    while (!deadline.hasExpired()) {
        QUrl url(this->url() + QStringLiteral("/api/v1/query"));
        url.setQuery(QStringLiteral("query=") +
                     QString::fromLatin1(QUrl::toPercentEncoding(query)));
        const Reply reply = send("GET", url, {}, authorization);
        const QJsonArray result = QJsonDocument::fromJson(reply.body)
                                      .object()
                                      .value(QStringLiteral("data"))
                                      .toObject()
                                      .value(QStringLiteral("result"))
                                      .toArray();
        last = QString::fromUtf8(reply.body);
        if (value.isEmpty() ? result.isEmpty()
                            : (!result.isEmpty() && result.first()
                                                            .toObject()
                                                            .value(QStringLiteral("value"))
                                                            .toArray()
                                                            .at(1)
                                                            .toString() == value))
            return true;
        // Waiting for the next scrape, which no event announces: poll.
        QThread::msleep(200);
    }
    qWarning("%s never became %s; last answer: %s", qPrintable(query),
             value.isEmpty() ? "empty" : qPrintable(value), qPrintable(last));
    return false;
}

} // namespace Stevedore::Testing
