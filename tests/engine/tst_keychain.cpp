// Needs a Secret Service on a D-Bus session bus. Run without STEVEDORE_KEYCHAIN_TEST_SESSION,
// the test starts itself again inside a private bus (dbus-run-session) with an unlocked GNOME
// Keyring whose files live in a temporary HOME, so the user's own keyring is never touched.

#include "engine/keychain.h"

#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>

#include "tests/support/secretservice.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

const char sessionVariable[] = "STEVEDORE_KEYCHAIN_TEST_SESSION";
const QString secretValue = u"t0p-s3cret-value"_s;
const QString gitPassword = u"g1t-passw0rd"_s;

QMutex capturedMutex;
QStringList captured;
QtMessageHandler previousHandler = nullptr;

/// Keeps every message the test prints, to prove no secret is among them.
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&capturedMutex);
        captured.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void accountNames_data();
    void accountNames();
    void secretRoundTrip();
    void gitCredentialRoundTrip();
    void missingEntryIsNotAnError();
    void notACredential();
    void usableFromShortLivedThreads();
};

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    previousHandler = qInstallMessageHandler(capture);
    QVERIFY2(qEnvironmentVariableIsSet(sessionVariable),
             "runs only inside its private D-Bus session (started by main())");
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "no session bus");

    // Fail loudly, not skip, when there is no working Secret Service.
    QString error;
    const Keychain::Status status = Keychain::write(u"secret:probe"_s, u"probe"_s, &error);
    QVERIFY2(
        status == Keychain::Status::Ok,
        qPrintable(u"the private Secret Service (gnome-keyring-daemon) does not work: "_s + error));
    QCOMPARE(Keychain::remove(u"secret:probe"_s, &error), Keychain::Status::Ok);
}

void TestKeychain::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    const QMutexLocker locker(&capturedMutex);
    for (const QString &message : std::as_const(captured)) {
        QVERIFY2(!message.contains(secretValue), "a secret appeared in the debug output");
        QVERIFY2(!message.contains(gitPassword), "a password appeared in the debug output");
    }
}

void TestKeychain::accountNames_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("account");
    QTest::newRow("https") << u"https://git.example.com/org/repo.git"_s
                           << u"git:https://git.example.com"_s;
    QTest::newRow("host lower-cased, user dropped")
        << u"HTTPS://alice@Git.Example.COM/org/repo.git"_s << u"git:https://git.example.com"_s;
    QTest::newRow("default port dropped")
        << u"https://git.example.com:443/x"_s << u"git:https://git.example.com"_s;
    QTest::newRow("other port kept")
        << u"https://localhost:8443/repo.git"_s << u"git:https://localhost:8443"_s;
    QTest::newRow("http") << u"http://127.0.0.1:8080/repo"_s << u"git:http://127.0.0.1:8080"_s;
    QTest::newRow("ssh") << u"ssh://git@git.example.com:2222/repo"_s
                         << u"git:ssh://git.example.com:2222"_s;
    QTest::newRow("IPv6") << u"https://[::1]:8443/repo"_s << u"git:https://[::1]:8443"_s;
}

void TestKeychain::accountNames()
{
    QFETCH(QString, url);
    QFETCH(QString, account);
    QCOMPARE(Keychain::gitAccount(QUrl(url)), account);
    QCOMPARE(Keychain::secretAccount(u"registry-token"_s), u"secret:registry-token"_s);
    QCOMPARE(Keychain::service(), u"stevedore"_s);
}

void TestKeychain::secretRoundTrip()
{
    QString error;
    QVERIFY2(Keychain::writeSecret(u"registry-token"_s, secretValue, &error), qPrintable(error));
    const std::optional<QString> read = Keychain::readSecret(u"registry-token"_s, &error);
    QVERIFY2(read, qPrintable(error));
    QVERIFY(*read == secretValue); // not QCOMPARE: that would print the secret on failure

    // Overwriting replaces.
    const QString updated = secretValue + u'2';
    QVERIFY2(Keychain::writeSecret(u"registry-token"_s, updated, &error), qPrintable(error));
    QVERIFY(Keychain::readSecret(u"registry-token"_s, &error) == updated);

    QVERIFY2(Keychain::removeSecret(u"registry-token"_s, &error), qPrintable(error));
    QVERIFY(!Keychain::readSecret(u"registry-token"_s, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestKeychain::gitCredentialRoundTrip()
{
    const QUrl url(u"https://git.example.com:8443/org/repo.git"_s);
    QString error;
    QVERIFY2(Keychain::writeGitCredential(url, {u"alice"_s, gitPassword}, &error),
             qPrintable(error));

    // Any repository on the same scheme, host and port finds it.
    const auto credential =
        Keychain::readGitCredential(QUrl(u"https://git.example.com:8443/other.git"_s), &error);
    QVERIFY2(credential, qPrintable(error));
    QCOMPARE(credential->username, u"alice"_s);
    QVERIFY(credential->password == gitPassword);
    QVERIFY(!Keychain::readGitCredential(QUrl(u"https://git.example.com/org/repo.git"_s), &error));

    // One entry, JSON with both.
    const Keychain::ReadResult raw = Keychain::read(u"git:https://git.example.com:8443"_s);
    QCOMPARE(raw.status, Keychain::Status::Ok);
    const QJsonObject json = QJsonDocument::fromJson(raw.text.toUtf8()).object();
    QCOMPARE(json.value(u"username"_s).toString(), u"alice"_s);
    QVERIFY(json.value(u"password"_s).toString() == gitPassword);

    // What a caller might log.
    qDebug() << "read back" << *credential;

    QVERIFY2(Keychain::removeGitCredential(url, &error), qPrintable(error));
    QVERIFY(!Keychain::readGitCredential(url, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestKeychain::missingEntryIsNotAnError()
{
    const Keychain::ReadResult result = Keychain::read(u"secret:never-written"_s);
    QCOMPARE(result.status, Keychain::Status::NotFound);
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QVERIFY(result.text.isEmpty());

    QString error = u"stale"_s;
    QVERIFY(!Keychain::readSecret(u"never-written"_s, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(!Keychain::readGitCredential(QUrl(u"https://nowhere.example/x.git"_s), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Removing what is not there is fine.
    const Keychain::Status removed = Keychain::remove(u"secret:never-written"_s, &error);
    QVERIFY2(removed != Keychain::Status::Failed, qPrintable(error));
    QVERIFY2(Keychain::removeSecret(u"never-written"_s, &error), qPrintable(error));
}

void TestKeychain::notACredential()
{
    QString error;
    const QUrl url(u"https://broken.example/x.git"_s);
    QCOMPARE(Keychain::write(Keychain::gitAccount(url), u"not json"_s, &error),
             Keychain::Status::Ok);
    QVERIFY(!Keychain::readGitCredential(url, &error));
    QCOMPARE(error, u"keychain entry git:https://broken.example is not a credential (expected "
                    u"JSON with \"username\" and \"password\")"_s);
    QVERIFY(Keychain::removeGitCredential(url, &error));
}

void TestKeychain::usableFromShortLivedThreads()
{
    // Each job runs on the keychain's own thread: a first caller whose thread has ended must
    // not leave later callers waiting.
    for (int round = 0; round < 3; ++round) {
        bool ok = false;
        QString error;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            const QString name = u"thread-%1"_s.arg(round);
            ok = Keychain::writeSecret(name, secretValue, &error) &&
                 Keychain::readSecret(name, &error) == secretValue &&
                 Keychain::removeSecret(name, &error);
        }));
        worker->start();
        QVERIFY(worker->wait(60'000));
        QVERIFY2(ok, qPrintable(error));
    }
    // And from this (main) thread, which blocks without running its event loop.
    QString error;
    QVERIFY2(Keychain::writeSecret(u"main"_s, secretValue, &error), qPrintable(error));
    QVERIFY(Keychain::removeSecret(u"main"_s, &error));
}

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet(sessionVariable))
        return Stevedore::Testing::runInPrivateSecretService(argc, argv, sessionVariable);
    QCoreApplication app(argc, argv);
    TestKeychain test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
