#include "tests/support/secretservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

namespace Stevedore::Testing {

namespace {

int fail(const QByteArray &test, const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "FAIL!  : %s %s%s%s\n", test.constData(), what,
                 detail.isEmpty() ? "" : ": ", qPrintable(detail));
    return 1;
}

} // namespace

int runInPrivateSecretService(int argc, char *argv[], const char *sessionVariable)
{
    QCoreApplication app(argc, argv);
    const QByteArray test =
        QFileInfo(QCoreApplication::applicationFilePath()).fileName().toLocal8Bit();
    const QString dbusRunSession =
        QStandardPaths::findExecutable(QStringLiteral("dbus-run-session"));
    const QString keyringDaemon =
        QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon"));
    if (dbusRunSession.isEmpty() || keyringDaemon.isEmpty())
        return fail(test, "needs dbus-run-session and gnome-keyring-daemon (Debian packages dbus "
                          "and gnome-keyring) to run a private Secret Service");
    QTemporaryDir home;
    if (!home.isValid() || !QDir(home.path()).mkpath(QStringLiteral("data")) ||
        !QDir(home.path()).mkpath(QStringLiteral("runtime")) ||
        !QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
                               QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return fail(test, "cannot create its temporary HOME");

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(sessionVariable), QStringLiteral("1"));
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral("cache")));
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
    // QtKeychain picks KWallet on KDE desktops; here it has to be the Secret Service.
    for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION",
                             "KDE_FULL_SESSION", "KDE_SESSION_VERSION", "GNOME_KEYRING_CONTROL"})
        environment.remove(QString::fromLatin1(name));

    QStringList arguments = {
        QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
        QStringLiteral("printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
                       " || { echo 'FAIL!  : gnome-keyring-daemon did not start' >&2; exit 1; }; "
                       "exec \"$0\" \"$@\""),
        QCoreApplication::applicationFilePath()};
    arguments += QCoreApplication::arguments().mid(1);

    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(dbusRunSession, arguments);
    if (!child.waitForStarted())
        return fail(test, "cannot run dbus-run-session", child.errorString());
    if (!child.waitForFinished(280'000)) {
        child.kill();
        child.waitForFinished();
        return fail(test, "did not finish in its private session");
    }
    if (child.exitStatus() != QProcess::NormalExit)
        return fail(test, "crashed in its private session");
    return child.exitCode();
}

} // namespace Stevedore::Testing
