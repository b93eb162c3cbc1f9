#include "engine/gitcredentialhelper.h"

#include <QDebug>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace std::chrono_literals;

namespace {

const QStringList passwords = {u"s3cret"_s, u"pl4in"_s, u"n3w-passw0rd"_s};

QMutex capturedMutex;
QStringList captured;
QtMessageHandler previousHandler = nullptr;

/// Keeps every message the test prints, to prove no password is among them.
void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        const QMutexLocker locker(&capturedMutex);
        captured.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

bool writeFile(const QString &file, const QByteArray &content)
{
    QFile output(file);
    return output.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           output.write(content) == content.size();
}

QByteArray readFile(const QString &file)
{
    QFile input(file);
    return input.open(QIODevice::ReadOnly) ? input.readAll() : QByteArray();
}

/// An environment whose git configuration lives in @p home only (not the user's, not /etc).
QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    for (const char *name : {"GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG",
                             "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_DIR"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

bool gitConfig(const QProcessEnvironment &environment, const QStringList &arguments)
{
    QProcess git;
    git.setProcessEnvironment(environment);
    git.start(u"git"_s, QStringList{u"config"_s, u"--global"_s} + arguments);
    if (!git.waitForFinished(30'000) || git.exitCode() != 0) {
        qWarning() << "git config failed:" << git.readAllStandardError();
        return false;
    }
    return true;
}

bool processGone(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    // "pid (comm) state ...": a zombie is dead, just not reaped yet by whoever inherited it.
    const QByteArray content = stat.readAll();
    const qsizetype close = content.lastIndexOf(')');
    return close > 0 && content.mid(close + 2, 1) == "Z";
}

} // namespace

class TestGitCredentialHelper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void fillReturnsStoredCredential();
    void defaultPortIsLeftOut_data();
    void defaultPortIsLeftOut();
    void userNameInUrlIsPassedOn();
    void otherHostGivesNothingWithoutPrompting();
    void hangingHelperIsKilledAtTimeout();
    void approveThenFill();
    void rejectRemoves();
    void newlinesCannotInjectAttributes();
    void notAUrl();
    void debugOutputMasksPassword();

private:
    QTemporaryDir m_home;
    QString m_store;
    QString m_askpassMarker;
    QProcessEnvironment m_environment;
};

void TestGitCredentialHelper::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    previousHandler = qInstallMessageHandler(capture);
    QVERIFY(m_home.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(u"git"_s).isEmpty(), "git is needed");

    m_store = m_home.filePath(u"credentials"_s);
    m_askpassMarker = m_home.filePath(u"askpass-was-called"_s);
    // Would answer any prompt (and leave a trace) if git were allowed to use it.
    const QString askpass = m_home.filePath(u"askpass.sh"_s);
    QVERIFY(writeFile(askpass, "#!/bin/sh\necho called >> '" + QFile::encodeName(m_askpassMarker) +
                                   "'\necho answered-by-askpass\n"));
    QVERIFY(QFile::setPermissions(askpass, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    m_environment = isolatedEnvironment(m_home.path());
    QVERIFY(gitConfig(m_environment, {u"credential.helper"_s, u"store --file="_s + m_store}));
    QVERIFY(gitConfig(m_environment, {u"core.askPass"_s, askpass}));
    m_environment.insert(u"GIT_ASKPASS"_s, askpass);
    m_environment.insert(u"SSH_ASKPASS"_s, askpass);
}

void TestGitCredentialHelper::init()
{
    QVERIFY(writeFile(m_store, "https://user:s3cret@localhost:8443\n"
                               "https://plain:pl4in@localhost\n"));
}

void TestGitCredentialHelper::cleanupTestCase()
{
    qInstallMessageHandler(previousHandler);
    QVERIFY2(!QFile::exists(m_askpassMarker), "an askpass program was run");
    const QMutexLocker locker(&capturedMutex);
    for (const QString &message : std::as_const(captured)) {
        for (const QString &password : passwords)
            QVERIFY2(!message.contains(password), "a password appeared in the debug output");
    }
}

void TestGitCredentialHelper::fillReturnsStoredCredential()
{
    QString error;
    const auto credential = GitCredentialHelper::fill(QUrl(u"https://localhost:8443/repo.git"_s),
                                                      &error, m_environment);
    QVERIFY2(credential, qPrintable(error));
    QCOMPARE(credential->username, u"user"_s);
    QCOMPARE(credential->password, u"s3cret"_s);
    QVERIFY(error.isEmpty());
}

void TestGitCredentialHelper::defaultPortIsLeftOut_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("no port") << u"https://localhost/repo.git"_s;
    QTest::newRow("explicit default port") << u"https://localhost:443/group/repo.git"_s;
    QTest::newRow("upper-case scheme and host") << u"HTTPS://LOCALHOST/repo.git"_s;
}

void TestGitCredentialHelper::defaultPortIsLeftOut()
{
    QFETCH(QString, url);
    QString error;
    const auto credential = GitCredentialHelper::fill(QUrl(url), &error, m_environment);
    QVERIFY2(credential, qPrintable(error));
    QCOMPARE(credential->username, u"plain"_s);
    QCOMPARE(credential->password, u"pl4in"_s);
}

void TestGitCredentialHelper::userNameInUrlIsPassedOn()
{
    QString error;
    const auto matching = GitCredentialHelper::fill(QUrl(u"https://user@localhost:8443/repo.git"_s),
                                                    &error, m_environment);
    QVERIFY2(matching, qPrintable(error));
    QCOMPARE(matching->password, u"s3cret"_s);

    // The store helper only answers for the user name asked about.
    const auto other = GitCredentialHelper::fill(
        QUrl(u"https://someone-else@localhost:8443/repo.git"_s), &error, m_environment);
    QVERIFY(!other);
}

void TestGitCredentialHelper::otherHostGivesNothingWithoutPrompting()
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto credential = GitCredentialHelper::fill(
        QUrl(u"https://other.example:8443/repo.git"_s), &error, m_environment);
    QVERIFY(!credential);
    QVERIFY2(timer.elapsed() < 5000, "git took long: did something prompt?");
    QVERIFY2(error.contains(u"terminal prompts disabled"), qPrintable(error));
    QVERIFY(!QFile::exists(m_askpassMarker));
}

void TestGitCredentialHelper::hangingHelperIsKilledAtTimeout()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QString pids = home.filePath(u"pids"_s);
    QProcessEnvironment environment = isolatedEnvironment(home.path());
    QVERIFY(gitConfig(environment, {u"credential.helper"_s, u"!f() { sleep 60 & echo $$ $! > '"_s +
                                                                pids + u"'; wait; }; f"_s}));

    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto credential = GitCredentialHelper::fill(QUrl(u"https://localhost:8443/repo.git"_s),
                                                      &error, environment, 1s);
    QVERIFY(!credential);
    QVERIFY2(error.contains(u"did not answer within 1 s"), qPrintable(error));
    QVERIFY2(timer.elapsed() < 10'000, "the timeout did not stop git");

    // The helper and its child went down with git (they share its process group).
    const QStringList helperPids = QString::fromLatin1(readFile(pids)).split(u' ');
    QCOMPARE(helperPids.size(), 2);
    for (const QString &pid : helperPids)
        QTRY_VERIFY2(processGone(pid.trimmed().toLongLong()), qPrintable(pid));
}

void TestGitCredentialHelper::approveThenFill()
{
    const QUrl url(u"https://newhost.example:9443/group/x.git"_s);
    QString error;
    QVERIFY(!GitCredentialHelper::fill(url, &error, m_environment));
    QVERIFY2(
        GitCredentialHelper::approve(url, {u"alice"_s, u"n3w-passw0rd"_s}, &error, m_environment),
        qPrintable(error));
    QVERIFY(readFile(m_store).contains("https://alice:n3w-passw0rd@newhost.example%3a9443") ||
            readFile(m_store).contains("https://alice:n3w-passw0rd@newhost.example:9443"));

    const auto credential = GitCredentialHelper::fill(url, &error, m_environment);
    QVERIFY2(credential, qPrintable(error));
    QCOMPARE(credential->username, u"alice"_s);
    QCOMPARE(credential->password, u"n3w-passw0rd"_s);
}

void TestGitCredentialHelper::rejectRemoves()
{
    const QUrl url(u"https://localhost:8443/repo.git"_s);
    QString error;
    QVERIFY(GitCredentialHelper::fill(url, &error, m_environment));
    QVERIFY2(GitCredentialHelper::reject(url, {u"user"_s, u"s3cret"_s}, &error, m_environment),
             qPrintable(error));
    QVERIFY(!readFile(m_store).contains("s3cret"));
    QVERIFY(readFile(m_store).contains("pl4in"));
    QVERIFY(!GitCredentialHelper::fill(url, &error, m_environment));
}

void TestGitCredentialHelper::newlinesCannotInjectAttributes()
{
    QString error;
    // %0A decodes to a newline in the path git would be told about.
    QVERIFY(!GitCredentialHelper::fill(
        QUrl(u"https://other.example:8443/repo%0Ahost=localhost:8443"_s), &error, m_environment));
    QVERIFY2(error.contains(u"newline"), qPrintable(error));

    QVERIFY(!GitCredentialHelper::approve(QUrl(u"https://newhost.example/x.git"_s),
                                          {u"alice\nhost=evil.example"_s, u"n3w-passw0rd"_s},
                                          &error, m_environment));
    QVERIFY2(error.contains(u"newline"), qPrintable(error));
    QVERIFY(!error.contains(u"n3w-passw0rd"));
    QVERIFY(!readFile(m_store).contains("evil"));
}

void TestGitCredentialHelper::notAUrl()
{
    QString error;
    QVERIFY(!GitCredentialHelper::fill(QUrl(u"relative/path"_s), &error, m_environment));
    QVERIFY(!error.isEmpty());
}

void TestGitCredentialHelper::debugOutputMasksPassword()
{
    const Credential credential{u"user"_s, u"s3cret"_s};
    QString text;
    QDebug(&text) << credential;
    QVERIFY2(text.contains(u"user"), qPrintable(text));
    QVERIFY2(text.contains(u"<redacted>"), qPrintable(text));
    QVERIFY(!text.contains(u"s3cret"));
    qDebug() << "a credential in the debug output:" << credential;
}

QTEST_GUILESS_MAIN(TestGitCredentialHelper)
#include "tst_gitcredentialhelper.moc"
