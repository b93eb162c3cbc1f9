// Desktop notifications over a private D-Bus session bus: main() starts its own
// `dbus-daemon --session` (stopped by PID at the end), and the test registers a small
// org.freedesktop.Notifications listener on it that records every Notify call.

#include "engine/engine.h"
#include "engine/enginehost.h"
#include "engine/promotion.h"
#include "engine/statepaths.h"
#include "engine/verification.h"
#include "engine/verificationservice.h"
#include "ui/desktopnotifier.h"
#include "ui/mainwindow.h"
#include "ui/promotioncontroller.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <signal.h>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

const char noBusFlag[] = "--notify-without-bus";

struct Notification
{
    QString appName;
    QString summary;
    QString body;
};

QStringList warnings;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        warnings.append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

/// What a notification daemon offers, reduced to recording what it was asked to show.
class NotificationListener : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<Notification> received;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int expireTimeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(appIcon)
        Q_UNUSED(actions)
        Q_UNUSED(hints)
        Q_UNUSED(expireTimeout)
        received.append({appName, summary, body});
        Q_EMIT notified();
        return uint(received.size());
    }

Q_SIGNALS:
    void notified();
};

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void quietWithoutNotificationService();
    void quietWithoutSessionBus();
    void promotionSucceeded();
    void promotionFailed();
    void verificationFinishedOnce();
    void nothingWhileTheWindowIsActive();
    void mainWindowAnnouncesWhatEnds();

private:
    NotificationListener m_listener;
};

void TestDesktopNotifier::initTestCase()
{
    QVERIFY2(QDBusConnection::sessionBus().isConnected(),
             qPrintable(QDBusConnection::sessionBus().lastError().message()));
    QVERIFY(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"/tmp") ||
            qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"abstract"));
    previousHandler = qInstallMessageHandler(capture);
}

void TestDesktopNotifier::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
}

void TestDesktopNotifier::quietWithoutNotificationService()
{
    // Nobody owns org.freedesktop.Notifications yet.
    QVERIFY(!QDBusConnection::sessionBus().interface()->isServiceRegistered(
        u"org.freedesktop.Notifications"_s));
    QWidget window;
    DesktopNotifier notifier(&window);
    warnings.clear();
    notifier.notify(u"summary"_s, u"body"_s);
    QTest::qWait(300); // the bus's error reply, if any, has arrived by now
    QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(u'\n')));

    // From here on, the listener is there.
    QVERIFY(QDBusConnection::sessionBus().registerObject(
        u"/org/freedesktop/Notifications"_s, &m_listener, QDBusConnection::ExportAllSlots));
    QVERIFY(QDBusConnection::sessionBus().registerService(u"org.freedesktop.Notifications"_s));
}

void TestDesktopNotifier::quietWithoutSessionBus()
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent/bus"_s);
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(noBusFlag)});
    QVERIFY(child.waitForFinished(30000));
    const QByteArray output = child.readAllStandardOutput();
    const QByteArray errors = child.readAllStandardError();
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QVERIFY2(child.exitCode() == 0, errors.constData());
    QVERIFY2(output.trimmed() == "not sent", output.constData());
    // Quietly: not a word about D-Bus.
    QVERIFY2(!errors.contains("DBus") && !errors.contains("D-Bus") && !errors.contains("dbus"),
             errors.constData());
}

void TestDesktopNotifier::promotionSucceeded()
{
    QWidget window; // never shown: not the active window
    DesktopNotifier notifier(&window);
    QSignalSpy notified(&m_listener, &NotificationListener::notified);
    PromotionRecord record;
    record.stage = u"dev"_s;
    record.freightId = u"58fc6dc3c826543fe34831423b7a3ffcf5293b13"_s;
    record.phase = PromotionPhase::Succeeded;
    notifier.promotionFinished(record, u"brave-otter"_s);
    QVERIFY(notified.wait(5000));
    const Notification last = m_listener.received.last();
    QCOMPARE(last.appName, u"Stevedore"_s);
    QCOMPARE(last.summary, u"Promotion to dev succeeded"_s);
    QCOMPARE(last.body, u"Freight brave-otter"_s);
}

void TestDesktopNotifier::promotionFailed()
{
    QWidget window;
    DesktopNotifier notifier(&window);
    QSignalSpy notified(&m_listener, &NotificationListener::notified);
    PromotionRecord record;
    record.stage = u"prod"_s;
    record.freightId = u"58fc6dc3c826543fe34831423b7a3ffcf5293b13"_s;
    record.phase = PromotionPhase::Failed;
    record.message = u"git-push: the remote refused main (fetch first)"_s;
    notifier.promotionFinished(record, QString());
    QVERIFY(notified.wait(5000));
    const Notification last = m_listener.received.last();
    QCOMPARE(last.appName, u"Stevedore"_s);
    QVERIFY2(last.summary.startsWith(u"Promotion to prod ") && last.summary.contains(u"fail"),
             qPrintable(last.summary));
    QCOMPARE(last.body, u"Freight 58fc6dc3c826\ngit-push: the remote refused main (fetch first)"_s);
}

void TestDesktopNotifier::verificationFinishedOnce()
{
    QWidget window;
    DesktopNotifier notifier(&window);
    QSignalSpy notified(&m_listener, &NotificationListener::notified);
    VerificationRun run;
    run.id = u"run-1"_s;
    run.stage = u"staging"_s;
    run.templates = {u"success-rate"_s};
    run.phase = AnalysisPhase::Running;
    notifier.verificationUpdated(run);
    QVERIFY(!notified.wait(300));

    run.phase = AnalysisPhase::Failed;
    run.message = u"metric success-rate assessed Failed: 3 of 3 measurements failed"_s;
    notifier.verificationUpdated(run);
    QVERIFY(notified.wait(5000));
    QCOMPARE(m_listener.received.last().summary, u"Verification of staging: Failed"_s);
    QCOMPARE(m_listener.received.last().body, run.message);
    QCOMPARE(m_listener.received.last().appName, u"Stevedore"_s);

    // The same run reported again (a panel reloading it) is not announced twice.
    notifier.verificationUpdated(run);
    QVERIFY(!notified.wait(300));
    QCOMPARE(notified.size(), 1);
}

void TestDesktopNotifier::nothingWhileTheWindowIsActive()
{
    QWidget window;
    window.resize(200, 100);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    DesktopNotifier notifier(&window);
    QSignalSpy notified(&m_listener, &NotificationListener::notified);
    PromotionRecord record;
    record.stage = u"dev"_s;
    record.phase = PromotionPhase::Succeeded;
    notifier.promotionFinished(record, u"brave-otter"_s);
    QVERIFY(!notifier.notify(u"x"_s, u"y"_s));
    QVERIFY(!notified.wait(500));

    // In the background again: notified.
    window.hide();
    QTRY_VERIFY(!window.isActiveWindow());
    notifier.promotionFinished(record, u"brave-otter"_s);
    QVERIFY(notified.wait(5000));
}

void TestDesktopNotifier::mainWindowAnnouncesWhatEnds()
{
    // The main window's own wiring: the promotion controller and the engine's verification
    // service reach the notifier.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir state;
    QVERIFY(state.isValid());
    StatePaths::setOverride(state.path());
    EngineHost engine;
    MainWindow window(&engine); // not shown: in the background
    QSignalSpy notified(&m_listener, &NotificationListener::notified);

    PromotionRecord record;
    record.stage = u"staging"_s;
    record.freightId = u"58fc6dc3c826543fe34831423b7a3ffcf5293b13"_s;
    record.phase = PromotionPhase::Errored;
    record.message = u"git-push: connection refused"_s;
    Q_EMIT window.promotions()->promotionFinished(record, u"calm-heron"_s);
    QVERIFY(notified.wait(5000));
    QVERIFY2(m_listener.received.last().summary.startsWith(u"Promotion to staging"),
             qPrintable(m_listener.received.last().summary));
    QCOMPARE(m_listener.received.last().body,
             u"Freight calm-heron\ngit-push: connection refused"_s);

    VerificationRun run;
    run.id = u"run-from-engine"_s;
    run.stage = u"prod"_s;
    run.phase = AnalysisPhase::Successful;
    // As the engine's thread would: a queued signal from the service.
    QMetaObject::invokeMethod(
        engine.engine()->verification(),
        [service = engine.engine()->verification(), run] { Q_EMIT service->runUpdated(run); },
        Qt::QueuedConnection);
    QVERIFY(notified.wait(5000));
    QCOMPARE(m_listener.received.last().summary, u"Verification of prod: Successful"_s);
}

int main(int argc, char *argv[])
{
    if (argc > 1 && std::strcmp(argv[1], noBusFlag) == 0) {
        // A child with a session bus address that leads nowhere: no crash, nothing sent.
        QApplication app(argc, argv);
        QWidget window;
        DesktopNotifier notifier(&window);
        std::puts(notifier.notify(u"summary"_s, u"body"_s) ? "sent" : "not sent");
        return 0;
    }

    // A session bus of our own, so that no desktop's notification daemon is involved.
    FILE *daemon = popen("dbus-daemon --session --fork --print-address=1 --print-pid=1", "r");
    if (!daemon) {
        std::fprintf(stderr, "FAIL!  : cannot run dbus-daemon (Debian package dbus)\n");
        return 1;
    }
    char address[1024] = {};
    char pid[64] = {};
    const bool read =
        std::fgets(address, sizeof address, daemon) && std::fgets(pid, sizeof pid, daemon);
    pclose(daemon);
    if (!read) {
        std::fprintf(stderr, "FAIL!  : dbus-daemon did not print its address and PID\n");
        return 1;
    }
    address[std::strcspn(address, "\n")] = 0;
    const int daemonPid = std::atoi(pid);
    setenv("DBUS_SESSION_BUS_ADDRESS", address, 1);

    int result = 1;
    {
        QApplication app(argc, argv);
        TestDesktopNotifier test;
        QTEST_SET_MAIN_SOURCE_PATH
        result = QTest::qExec(&test, argc, argv);
    }
    if (daemonPid > 0)
        kill(daemonPid, SIGTERM);
    return result;
}

#include "tst_desktopnotifier.moc"
