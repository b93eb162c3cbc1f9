#pragma once

#include <QString>
#include <QTemporaryDir>

#include "tests/support/testservers.h"

namespace Stevedore::Testing {

/// A real Prometheus scraping a real Pushgateway every second, both on free ports of
/// 127.0.0.1 in a folder of their own, started by the test and stopped by PID when this
/// object goes away. Values the test pushes become queryable after the next scrape
/// (waitForValue() waits for it).
class TestPrometheus
{
public:
    /// @p webConfig, when given, is Prometheus' `--web.config.file` content (basic auth).
    bool start(const QString &webConfig = {});
    void stop();

    QString url() const; ///< http://127.0.0.1:PORT of Prometheus
    QString pushgatewayUrl() const;
    int port() const { return m_port; }

    /// Replaces the group @p job on the Pushgateway with @p text (exposition format lines).
    bool push(const QString &job, const QString &text);
    /// Removes the group @p job from the Pushgateway.
    bool remove(const QString &job);
    /// Waits until the instant query @p query returns a first value equal to @p value (as
    /// Prometheus writes it: `0.97`, `NaN`, `+Inf`), or returns no series when @p value is
    /// empty. @p authorization is sent as the Authorization header when set.
    bool waitForValue(const QString &query, const QString &value, int timeoutMs = 15000,
                      const QByteArray &authorization = {});
    QString log() const;

private:
    QTemporaryDir m_dir;
    ServerProcess m_prometheus;
    ServerProcess m_pushgateway;
    int m_port = 0;
    int m_pushPort = 0;
};

} // namespace Stevedore::Testing
