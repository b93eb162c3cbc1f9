// The settings dialog: edits land in QSettings (in this test's temporary XDG_CONFIG_HOME) and
// in what the engine reads, invalid entries are refused with a message naming them, and
// credentials go to the keychain (a private GNOME Keyring on a private D-Bus session, as in
// tst_keychain) and are tested against real servers: a docker-registry with htpasswd basic
// auth, a Prometheus with basic auth, and a git daemon.

#include "engine/discoveryscheduler.h"
#include "engine/keychain.h"
#include "engine/prometheusclient.h"
#include "ui/credentialspage.h"
#include "ui/settingsdialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/secretservice.h"
#include "tests/support/testprometheus.h"
#include "tests/support/testregistry.h"
#include "tests/support/testservers.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

const char sessionVariable[] = "STEVEDORE_SETTINGS_TEST_SESSION";
const QString user = u"release"_s;
const QString password = u"Corr3ct-h0rse"_s;
const QString wrongPassword = u"wr0ng-battery"_s;

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void editsAreWrittenAndReadByTheEngine();
    void invalidEntriesAreRefused_data();
    void invalidEntriesAreRefused();
    void invalidCredentialsAreRefused_data();
    void invalidCredentialsAreRefused();
    void registryWithBasicAuthentication();
    void registryWithTokenAuthentication();
    void prometheusWithBasicAuthentication();
    void gitRemote();
    void removingForgetsTheKeychainEntry();

private:
    /// Stores an entry through the page and waits for the keychain write.
    bool store(CredentialsPage *page, const CredentialsPage::Entry &entry, const QString &secret);
    /// Tests row @p row and returns (ok, message).
    std::pair<bool, QString> test(CredentialsPage *page, int row);
    static QString settingsFileText();

    QTemporaryDir m_dir;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"stevedore-tests"_s);
    QCoreApplication::setApplicationName(u"tst_settingsdialog"_s);
    QVERIFY2(qEnvironmentVariableIsSet(sessionVariable),
             "runs only inside its private D-Bus session (started by main())");
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(Keychain::write(u"secret:probe"_s, u"probe"_s, &error) == Keychain::Status::Ok,
             qPrintable(u"the private Secret Service does not work: "_s + error));
    // QSettings must live in this test's temporary configuration folder, never the user's.
    // (runInPrivateSecretService gives the child a temporary HOME.)
    QVERIFY(QDir::homePath().startsWith(QDir::tempPath()));
    QVERIFY2(QSettings().fileName().startsWith(QDir::homePath()),
             qPrintable(QSettings().fileName()));
}

void TestSettingsDialog::init()
{
    QSettings().clear();
}

QString TestSettingsDialog::settingsFileText()
{
    QSettings().sync();
    QFile file(QSettings().fileName());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool TestSettingsDialog::store(CredentialsPage *page, const CredentialsPage::Entry &entry,
                               const QString &secret)
{
    QSignalSpy finished(page, &CredentialsPage::storeFinished);
    const QString refused = page->store(entry, secret);
    if (!refused.isEmpty()) {
        qWarning("refused: %s", qPrintable(refused));
        return false;
    }
    if (!finished.wait(30000))
        return false;
    return finished.first().at(0).toBool();
}

std::pair<bool, QString> TestSettingsDialog::test(CredentialsPage *page, int row)
{
    QSignalSpy tested(page, &CredentialsPage::connectionTested);
    page->testConnection(row);
    if (!tested.wait(30000))
        return {false, u"no answer"_s};
    return {tested.first().at(1).toBool(), tested.first().at(2).toString()};
}

void TestSettingsDialog::editsAreWrittenAndReadByTheEngine()
{
    SettingsDialog dialog;
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    dialog.minimumIntervalBox()->setValue(600);
    dialog.perHostLimitBox()->setValue(3);
    dialog.timeoutBox()->setValue(45);
    dialog.mirrorsEdit()->setPlainText(u"docker.io=https://mirror.example\n\n"
                                       u"  ghcr.io = http://127.0.0.1:5000  \n"_s);
    dialog.prometheusAddressesEdit()->setPlainText(
        u"http://prometheus.monitoring:9090=http://127.0.0.1:9090"_s);
    QVERIFY2(dialog.apply(), qPrintable(dialog.error()));
    QCOMPARE(changed.size(), 1);

    const QSettings settings;
    QCOMPARE(settings.value(u"discovery/minimumIntervalSeconds"_s).toInt(), 600);
    QCOMPARE(settings.value(u"discovery/perHostLimit"_s).toInt(), 3);
    QCOMPARE(settings.value(u"discovery/timeoutSeconds"_s).toInt(), 45);
    QCOMPARE(
        settings.value(u"registry/mirrors"_s).toStringList(),
        QStringList({u"docker.io=https://mirror.example"_s, u"ghcr.io = http://127.0.0.1:5000"_s}));

    // What the engine builds from them.
    const DiscoveryScheduler::Settings discovery = DiscoveryScheduler::Settings::fromUserSettings();
    QCOMPARE(discovery.minimumIntervalMs, 600'000);
    QCOMPARE(discovery.perHostLimit, 3);
    QCOMPARE(discovery.timeoutMs, 45'000);
    QCOMPARE(discovery.mirrors.value(u"ghcr.io"_s), QUrl(u"http://127.0.0.1:5000"_s));
    QCOMPARE(discovery.mirrors.value(u"docker.io"_s), QUrl(u"https://mirror.example"_s));
    QCOMPARE(PrometheusAddresses::fromUserSettings()
                 .map(u"http://prometheus.monitoring:9090/api"_s)
                 .toString(),
             u"http://127.0.0.1:9090/api"_s);

    // A new dialog shows what is stored.
    SettingsDialog again;
    QCOMPARE(again.minimumIntervalBox()->value(), 600);
    QCOMPARE(again.perHostLimitBox()->value(), 3);
    QCOMPARE(again.timeoutBox()->value(), 45);
    QVERIFY(again.mirrorsEdit()->toPlainText().contains(u"docker.io=https://mirror.example"));
}

void TestSettingsDialog::invalidEntriesAreRefused_data()
{
    QTest::addColumn<QString>("mirrors");
    QTest::addColumn<QString>("addresses");
    QTest::addColumn<QString>("named");
    QTest::addColumn<int>("page");
    QTest::newRow("mirror without =")
        << u"docker.io https://m.example"_s << QString() << u"docker.io https://m.example"_s << 1;
    QTest::newRow("mirror not a URL")
        << u"docker.io=mirror.example"_s << QString() << u"docker.io=mirror.example"_s << 1;
    QTest::newRow("mirror ftp") << u"docker.io=ftp://m.example"_s << QString()
                                << u"docker.io=ftp://m.example"_s << 1;
    QTest::newRow("address without =")
        << QString() << u"http://prometheus:9090"_s << u"http://prometheus:9090"_s << 2;
    QTest::newRow("address bad target")
        << QString() << u"prometheus:9090=not a url"_s << u"prometheus:9090=not a url"_s << 2;
}

void TestSettingsDialog::invalidEntriesAreRefused()
{
    QFETCH(QString, mirrors);
    QFETCH(QString, addresses);
    QFETCH(QString, named);
    QFETCH(int, page);
    QSettings().setValue(u"discovery/perHostLimit"_s, 5);

    SettingsDialog dialog;
    dialog.show();
    QSignalSpy changed(&dialog, &SettingsDialog::settingsChanged);
    dialog.perHostLimitBox()->setValue(9);
    dialog.mirrorsEdit()->setPlainText(u"ghcr.io=http://127.0.0.1:5000\n"_s + mirrors);
    dialog.prometheusAddressesEdit()->setPlainText(addresses);
    dialog.accept();
    // Still open, the entry named, the page with it shown, nothing written.
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY2(dialog.error().contains(named), qPrintable(dialog.error()));
    QCOMPARE(dialog.pages()->currentIndex(), page);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(QSettings().value(u"discovery/perHostLimit"_s).toInt(), 5);
    QVERIFY(!QSettings().contains(u"registry/mirrors"_s));

    // Fixed, it goes through.
    dialog.mirrorsEdit()->setPlainText(u"ghcr.io=http://127.0.0.1:5000"_s);
    dialog.prometheusAddressesEdit()->clear();
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(QSettings().value(u"discovery/perHostLimit"_s).toInt(), 9);
}

void TestSettingsDialog::invalidCredentialsAreRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("message");
    QTest::newRow("registry with scheme")
        << int(ConnectionTest::Kind::Registry) << u"https://ghcr.io"_s << user << password
        << u"without a scheme"_s;
    QTest::newRow("helm not a URL") << int(ConnectionTest::Kind::Helm) << u"charts.example"_s
                                    << user << password << u"not an http"_s;
    QTest::newRow("no user name") << int(ConnectionTest::Kind::Git) << u"https://example.com"_s
                                  << QString() << password << u"user name"_s;
    QTest::newRow("no password") << int(ConnectionTest::Kind::Registry) << u"ghcr.io"_s << user
                                 << QString() << u"password"_s;
    QTest::newRow("empty address") << int(ConnectionTest::Kind::Prometheus) << QString()
                                   << QString() << password << u"empty"_s;
}

void TestSettingsDialog::invalidCredentialsAreRefused()
{
    QFETCH(int, kind);
    QFETCH(QString, address);
    QFETCH(QString, username);
    QFETCH(QString, secret);
    QFETCH(QString, message);
    SettingsDialog dialog;
    CredentialsPage *page = dialog.credentialsPage();
    QSignalSpy finished(page, &CredentialsPage::storeFinished);
    const QString refused = page->store({ConnectionTest::Kind(kind), address, username}, secret);
    QVERIFY2(refused.contains(message), qPrintable(refused));
    QVERIFY(page->entries().isEmpty());
    QVERIFY(!finished.wait(300));
    QVERIFY(!QSettings().contains(u"credentials/size"_s));
}

void TestSettingsDialog::registryWithBasicAuthentication()
{
    QByteArray htpasswd;
    QVERIFY(run(u"htpasswd"_s, {u"-Bbn"_s, user, password}, &htpasswd));
    QVERIFY(writeFile(m_dir.filePath(u"htpasswd"_s), htpasswd));
    TestRegistry registry;
    QVERIFY2(registry.start(m_dir.path(), m_dir.filePath(u"storage"_s), u"basic"_s,
                            u"auth:\n  htpasswd:\n    realm: stevedore-test\n    path: %1\n"_s.arg(
                                m_dir.filePath(u"htpasswd"_s))),
             qPrintable(registry.log()));

    SettingsDialog dialog;
    CredentialsPage *page = dialog.credentialsPage();
    const CredentialsPage::Entry entry{ConnectionTest::Kind::Registry, registry.host(), user};
    QVERIFY(store(page, entry, password));
    QCOMPARE(page->entries().size(), 1);

    // In the keychain under the account discovery reads, as discovery reads it.
    QString error;
    const std::optional<Credential> stored =
        Keychain::readRegistryCredential(registry.host(), &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->username, user);
    QCOMPARE(stored->password, password);
    // Listed in the settings without the password.
    const QString settingsText = settingsFileText();
    QVERIFY(settingsText.contains(registry.host()));
    QVERIFY(!settingsText.contains(password));
    QCOMPARE(CredentialsPage::storedEntries().size(), 1);

    auto [ok, message] = test(page, 0);
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.contains(registry.host()) && message.contains(user), qPrintable(message));
    QVERIFY(!message.contains(password));
    QCOMPARE(page->connectionText(0), message);

    // The wrong password: the same account is replaced, and the test says the registry
    // refused it.
    QVERIFY(store(page, entry, wrongPassword));
    QCOMPARE(page->entries().size(), 1);
    std::tie(ok, message) = test(page, 0);
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"401") || message.contains(u"refused", Qt::CaseInsensitive) ||
                 message.contains(u"unauthorized", Qt::CaseInsensitive),
             qPrintable(message));
    QVERIFY(!message.contains(wrongPassword));
    qInfo("wrong password, basic auth: %s", qPrintable(message));

    // Editing the user name alone keeps the stored password.
    QVERIFY(store(page, entry, password));
    QVERIFY(store(page, {entry.kind, entry.address, user}, QString()));
    std::tie(ok, message) = test(page, 0);
    QVERIFY2(ok, qPrintable(message));

    // Nothing listening any more: the precise network error.
    registry.stop();
    std::tie(ok, message) = test(page, 0);
    QVERIFY(!ok);
    QVERIFY2(message.contains(registry.host()) || message.contains(u"refused"),
             qPrintable(message));
}

void TestSettingsDialog::registryWithTokenAuthentication()
{
    // The registry sends clients to a token server (RS256 JWTs), which checks the user name
    // and password.
    const QString key = m_dir.filePath(u"token.key"_s);
    const QString cert = m_dir.filePath(u"token.crt"_s);
    QVERIFY(run(u"openssl"_s,
                {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
                 u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=stevedore-test-token"_s}));
    ServerProcess tokenServer;
    const int tokenPort = freePort();
    QVERIFY(tokenServer.start(u"/usr/bin/python3"_s,
                              {QStringLiteral(STEVEDORE_TEST_SUPPORT_DIR "/oci_token_server.py"),
                               u"--port"_s, QString::number(tokenPort), u"--key"_s, key,
                               u"--user"_s, user, u"--password"_s, password},
                              tokenPort));
    TestRegistry registry;
    QVERIFY2(registry.start(
                 m_dir.path(), m_dir.filePath(u"storage"_s), u"token"_s,
                 u"auth:\n  token:\n    realm: http://127.0.0.1:%1/token\n"
                 u"    service: stevedore-test-registry\n"
                 u"    issuer: stevedore-test-issuer\n    rootcertbundle: %2\n"_s.arg(tokenPort)
                     .arg(cert)),
             qPrintable(registry.log()));

    SettingsDialog dialog;
    CredentialsPage *page = dialog.credentialsPage();
    const CredentialsPage::Entry entry{ConnectionTest::Kind::Registry, registry.host(), user};
    QVERIFY(store(page, entry, password));
    auto [ok, message] = test(page, 0);
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.contains(registry.host()) && message.contains(user), qPrintable(message));

    QVERIFY(store(page, entry, wrongPassword));
    std::tie(ok, message) = test(page, 0);
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"401") || message.contains(u"refused", Qt::CaseInsensitive) ||
                 message.contains(u"unauthorized", Qt::CaseInsensitive),
             qPrintable(message));
    QVERIFY(!message.contains(wrongPassword));
    qInfo("wrong password, token service: %s", qPrintable(message));
    page->remove(0);
}

void TestSettingsDialog::prometheusWithBasicAuthentication()
{
    QByteArray hash;
    QVERIFY(run(u"htpasswd"_s, {u"-nbBC"_s, u"10"_s, user, password}, &hash));
    const QString line = QString::fromUtf8(hash).trimmed();
    TestPrometheus prometheus;
    QVERIFY2(
        prometheus.start(u"basic_auth_users:\n  %1: %2\n"_s.arg(user, line.mid(user.size() + 1))),
        qPrintable(prometheus.log()));

    SettingsDialog dialog;
    CredentialsPage *page = dialog.credentialsPage();
    const CredentialsPage::Entry entry{ConnectionTest::Kind::Prometheus, prometheus.url(), user};
    QVERIFY(store(page, entry, password));
    QString error;
    // The account verification reads.
    const QString account = PrometheusClient::keychainAccount(QUrl(prometheus.url()));
    const Keychain::ReadResult read = Keychain::read(account);
    QCOMPARE(read.status, Keychain::Status::Ok);
    QCOMPARE(QJsonDocument::fromJson(read.text.toUtf8()).object().value(u"username"_s).toString(),
             user);

    auto [ok, message] = test(page, 0);
    QVERIFY2(ok, qPrintable(message));
    QVERIFY2(message.startsWith(u"Prometheus 2.") || message.startsWith(u"Prometheus "),
             qPrintable(message));

    QVERIFY(store(page, entry, wrongPassword));
    std::tie(ok, message) = test(page, 0);
    QVERIFY(!ok);
    QVERIFY2(message.contains(u"401") && message.contains(u"refused"), qPrintable(message));
    Keychain::remove(account, &error);
}

void TestSettingsDialog::gitRemote()
{
    GitFixture fixture(m_dir.filePath(u"git"_s));
    const QString repository = fixture.createRepository(u"app"_s, 2);
    QVERIFY(!repository.isEmpty());
    QVERIFY(fixture.tag(repository, u"v1.0.0"_s));
    GitDaemon daemon;
    QVERIFY(daemon.start(m_dir.filePath(u"git"_s)));

    SettingsDialog dialog;
    CredentialsPage *page = dialog.credentialsPage();
    QVERIFY(store(page, {ConnectionTest::Kind::Git, daemon.url(u"app.git"_s), user}, password));
    QCOMPARE(page->entries().size(), 1);

    auto [ok, message] = test(page, 0);
    QVERIFY2(ok, qPrintable(message));
    // HEAD, main and the tag (and its peeled entry, as the daemon advertises it).
    QVERIFY2(message.contains(daemon.url(u"app.git"_s)) && message.contains(u" ref"),
             qPrintable(message));

    // The keychain account is per host: another repository there replaces the entry, and
    // keeps the stored password.
    QVERIFY(store(page, {ConnectionTest::Kind::Git, daemon.url(u"missing.git"_s), user}, {}));
    QCOMPARE(page->entries().size(), 1);
    std::tie(ok, message) = test(page, 0);
    QVERIFY(!ok);
    QVERIFY2(!message.isEmpty(), "no error message");
    qInfo("missing repository: %s", qPrintable(message));
}

void TestSettingsDialog::removingForgetsTheKeychainEntry()
{
    SettingsDialog dialog;
    CredentialsPage *page = dialog.credentialsPage();
    const CredentialsPage::Entry entry{ConnectionTest::Kind::Helm, u"https://charts.example"_s,
                                       user};
    QVERIFY(store(page, entry, password));
    const QString account = ConnectionTest::account(entry.kind, entry.address);
    QCOMPARE(account, u"helm:https://charts.example"_s);
    QCOMPARE(Keychain::read(account).status, Keychain::Status::Ok);
    page->remove(0);
    QVERIFY(page->entries().isEmpty());
    QVERIFY(CredentialsPage::storedEntries().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(Keychain::read(account).status, Keychain::Status::NotFound, 10000);
}

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet(sessionVariable))
        return Stevedore::Testing::runInPrivateSecretService(argc, argv, sessionVariable);
    QApplication app(argc, argv);
    TestSettingsDialog test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_settingsdialog.moc"
