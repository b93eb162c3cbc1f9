#pragma once

#include <QByteArray>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>

#include <functional>

class QNetworkReply;
class QUrl;

namespace Stevedore::Bench {

inline const QByteArray ociManifestType = "application/vnd.oci.image.manifest.v1+json";

/// `docker-registry serve` on a free port of 127.0.0.1, storage in @p dir, stopped by its PID
/// (also when the benchmark ends with qFatal()). With @p accessLogPath its access log is
/// written there (to count requests); without, it is off.
class Registry
{
public:
    explicit Registry(const QString &dir, const QString &accessLogPath = {});
    ~Registry();
    Registry(const Registry &) = delete;
    Registry &operator=(const Registry &) = delete;

    int port() const { return m_port; }
    qint64 pid() const { return m_process.processId(); }
    QString host() const;
    QString base() const;
    /// The access log from byte @p from on, once the registry wrote the last lines.
    QByteArray logSince(qint64 from) const;
    qint64 logSize() const;

private:
    int m_port = 0;
    QString m_logPath;
    QProcess m_process;
};

/// Pushes blobs and manifests to a registry with one QNetworkAccessManager (keep-alive, six
/// connections); wait() returns when every push has been answered, and ends the benchmark
/// with qFatal() if one failed.
class Pusher
{
public:
    explicit Pusher(const QString &base);

    void send(const QByteArray &verb, const QUrl &url, const QByteArray &contentType,
              const QByteArray &body, std::function<void(QNetworkReply *)> then = {});
    /// A blob, uploaded with POST and PUT.
    void blob(const QString &repository, const QByteArray &content);
    void manifest(const QString &repository, const QString &reference, const QByteArray &body);
    void wait();

private:
    QString m_base;
    QNetworkAccessManager m_network;
    QEventLoop m_loop;
    int m_pending = 0;
    QString m_failure;
};

/// `sha256:<hex>` of @p data.
QString sha256(const QByteArray &data);

} // namespace Stevedore::Bench
