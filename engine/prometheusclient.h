#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <chrono>
#include <memory>

namespace Stevedore {

/// One query to Prometheus' HTTP API: instant (`/api/v1/query`) or range
/// (`/api/v1/query_range`).
struct PrometheusQuery
{
    QUrl url; ///< the server's base URL (after address mapping), e.g. http://127.0.0.1:9090
    QString query;
    bool range = false;
    QDateTime time;  ///< instant queries: the evaluation time (invalid: now)
    QDateTime start; ///< range queries
    QDateTime end;
    double stepSeconds = 60;
    std::chrono::milliseconds timeout{30'000};
    /// Sent with every request (`provider.prometheus.headers`).
    QList<QPair<QByteArray, QByteArray>> headers;
    /// Skips the TLS certificate check (`insecure: true`); off unless the template says so.
    bool insecure = false;
    /// On a 401, look for a user name and password or a bearer token in the keychain under
    /// PrometheusClient::keychainAccount().
    bool useKeychain = true;
    /// Also tried in the keychain: the address as the template names it, before mapping.
    QString originalAddress;
    std::shared_ptr<std::atomic<bool>> cancelled;
};

/// A series of a vector or matrix answer: its labels and its samples (x: milliseconds since
/// the epoch, y: value).
struct PrometheusSeries
{
    QMap<QString, QString> labels;
    QList<QPointF> points;
};

/// What Prometheus answered, or why it did not.
struct PrometheusResult
{
    enum class Outcome
    {
        Ok,
        Unreachable, ///< refused, no such host, TLS failure, connection reset
        Timeout,
        Cancelled,
        Failed, ///< an error envelope, an HTTP error, an answer that is not Prometheus'
    };

    Outcome outcome = Outcome::Failed;
    QString resultType; ///< vector, matrix, scalar or string
    /// The numbers of the answer as Argo Rollouts hands them to conditions: a vector's values,
    /// a matrix's values flattened series after series, or a scalar's value.
    QList<double> values;
    QList<PrometheusSeries> series; ///< vector and matrix answers, with their timestamps
    QStringList warnings;
    int httpStatus = 0;
    QString errorType; ///< Prometheus' `errorType` (bad_data, execution, timeout, ...)
    QString error;     ///< the whole message for people, with Prometheus' own words

    bool ok() const { return outcome == Outcome::Ok; }
};

/// Blocking queries to a Prometheus server over Qt Network, for worker threads: each call
/// creates its own QNetworkAccessManager on the calling thread and waits in a local event loop
/// there, so never call it on the UI thread or on a thread whose other events must not run
/// meanwhile.
///
/// Credentials: when the server answers 401, the keychain entry
/// `prometheus:<scheme>://<host>[:port]` (see keychainAccount()) is read: JSON
/// `{"username", "password"}` for basic authentication or `{"token"}` for a bearer token.
/// The mapped URL's entry is tried first, then the template's own address's.
class PrometheusClient
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusClient)

public:
    static PrometheusResult run(const PrometheusQuery &query);

    /// `prometheus:<scheme>://<host>[:port]`, the port only when it is not the scheme's
    /// default.
    static QString keychainAccount(const QUrl &url);
    /// Forgets credentials read from the keychain (they are kept for the process).
    static void clearCredentialCache();
};

/// Maps `provider.prometheus.address` values, which are usually in-cluster names, to URLs this
/// workstation can reach (a port-forward, an ingress). An entry `FROM=TO` matches an address
/// that starts with FROM (a URL: scheme and host must match, then the path prefix) or whose
/// host[:port] is FROM (no scheme); the matched part is replaced with TO and the rest of the
/// address is kept.
class PrometheusAddresses
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusAddresses)

public:
    /// The settings key: a list of `FROM=TO`.
    static QString settingsKey();
    /// What the user set in Stevedore's settings.
    static PrometheusAddresses fromUserSettings();

    /// Adds `FROM=TO`; false with @p error when it does not parse. Later entries win.
    bool add(const QString &fromEqualsTo, QString *error = nullptr);
    /// The URL to query for @p address; @p mapped tells whether an entry matched.
    QUrl map(const QString &address, bool *mapped = nullptr) const;
    bool isEmpty() const { return m_entries.isEmpty(); }
    QStringList entries() const;

private:
    QList<QPair<QString, QUrl>> m_entries;
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::PrometheusSeries)
