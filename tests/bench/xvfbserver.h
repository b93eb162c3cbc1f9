#pragma once

#include <QProcess>
#include <QString>

namespace Stevedore::Bench {

/// Processes the benchmark started (Xvfb, servers, the application measured) that are stopped
/// by their PID (SIGTERM) should it end with qFatal(), which runs no destructors.
void stopOnFatal(qint64 pid);
void forgetOnFatal(qint64 pid);

/// An Xvfb X server on a display number nobody uses, started by the benchmark and stopped by
/// its PID when this object goes away.
class XvfbServer
{
public:
    XvfbServer() = default;
    ~XvfbServer();
    XvfbServer(const XvfbServer &) = delete;
    XvfbServer &operator=(const XvfbServer &) = delete;

    /// Starts `Xvfb :N -screen 0 WxHx24 -nolisten tcp` and waits for its socket.
    bool start(int width = 1280, int height = 800);
    void stop();
    /// `:N`.
    QString display() const { return m_display; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QString m_display;
};

} // namespace Stevedore::Bench
