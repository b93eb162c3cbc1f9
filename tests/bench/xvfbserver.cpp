#include "tests/bench/xvfbserver.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QList>
#include <QMutex>
#include <QThread>

#include <signal.h>

using namespace Qt::StringLiterals;

namespace Stevedore::Bench {

namespace {

QMutex fatalMutex;
QList<qint64> fatalPids;
QtMessageHandler previousHandler = nullptr;

void stopChildrenOnFatal(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtFatalMsg) {
        const QMutexLocker lock(&fatalMutex);
        for (const qint64 pid : std::as_const(fatalPids))
            ::kill(pid_t(pid), SIGTERM);
    }
    previousHandler(type, context, message);
}

} // namespace

void stopOnFatal(qint64 pid)
{
    if (pid <= 0)
        return;
    const QMutexLocker lock(&fatalMutex);
    if (!previousHandler)
        previousHandler = qInstallMessageHandler(stopChildrenOnFatal);
    fatalPids.append(pid);
}

void forgetOnFatal(qint64 pid)
{
    const QMutexLocker lock(&fatalMutex);
    fatalPids.removeAll(pid);
}

XvfbServer::~XvfbServer()
{
    stop();
}

bool XvfbServer::start(int width, int height)
{
    QString socket;
    for (int n = 150; n < 400; ++n) {
        if (!QFileInfo::exists(u"/tmp/.X11-unix/X%1"_s.arg(n)) &&
            !QFileInfo::exists(u"/tmp/.X%1-lock"_s.arg(n))) {
            m_display = u":%1"_s.arg(n);
            socket = u"/tmp/.X11-unix/X%1"_s.arg(n);
            break;
        }
    }
    if (m_display.isEmpty())
        return false;
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setStandardErrorFile(QProcess::nullDevice());
    m_process.start(u"Xvfb"_s, {m_display, u"-screen"_s, u"0"_s,
                                u"%1x%2x24"_s.arg(width).arg(height), u"-nolisten"_s, u"tcp"_s});
    if (!m_process.waitForStarted(5000))
        return false;
    stopOnFatal(m_process.processId());
    const QDeadlineTimer deadline(10000);
    while (!QFileInfo::exists(socket)) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running)
            return false;
        QThread::msleep(20);
    }
    return true;
}

void XvfbServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    forgetOnFatal(m_process.processId());
    m_process.terminate(); // SIGTERM to the PID we started
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

} // namespace Stevedore::Bench
