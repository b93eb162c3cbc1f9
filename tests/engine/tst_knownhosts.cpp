#include "engine/knownhosts.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

/// A public key as ssh-keygen wrote it, and what ssh-keygen says its fingerprint is.
struct PublicKey
{
    QString type;
    QString base64;
    QByteArray blob;
    QString sshKeygenFingerprint;
};

QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60'000))
        qWarning() << program << arguments << "did not finish" << process.errorString();
    if (exitCode)
        *exitCode = process.exitCode();
    else if (process.exitCode() != 0)
        qWarning() << program << arguments << process.readAllStandardError();
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool writeLines(const QString &file, const QStringList &lines)
{
    QFile output(file);
    if (!output.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    output.write(lines.join(u'\n').toUtf8() + '\n');
    return true;
}

} // namespace

class TestKnownHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fingerprint_data();
    void fingerprint();
    void lookupName_data();
    void lookupName();
    void verdicts_data();
    void verdicts();
    void hashedNames();
    void laterFilesAndMissingFiles();
    void unknownMessage();
    void changedMessage();
    void revokedMessage();
    void defaultFilesFollowHome();
    void fileIsReadOnEveryCheck();

private:
    /// A known_hosts line for @p hosts holding key @p key.
    QString entry(const QString &hosts, const QString &key) const
    {
        const PublicKey &k = m_keys.value(key);
        return hosts + u' ' + k.type + u' ' + k.base64;
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QHash<QString, PublicKey> m_keys;
};

void TestKnownHosts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(u"ssh-keygen"_s).isEmpty(),
             "ssh-keygen (Debian package openssh-client) is needed");
    const QList<std::pair<QString, QStringList>> keys = {
        {u"ed1"_s, {u"-t"_s, u"ed25519"_s}},
        {u"ed2"_s, {u"-t"_s, u"ed25519"_s}},
        {u"ecdsa1"_s, {u"-t"_s, u"ecdsa"_s, u"-b"_s, u"256"_s}},
        {u"ecdsa2"_s, {u"-t"_s, u"ecdsa"_s, u"-b"_s, u"256"_s}},
        {u"ecdsa384"_s, {u"-t"_s, u"ecdsa"_s, u"-b"_s, u"384"_s}},
        {u"rsa1"_s, {u"-t"_s, u"rsa"_s, u"-b"_s, u"2048"_s}},
    };
    for (const auto &[name, options] : keys) {
        const QString file = path(u"key_"_s + name);
        int exitCode = -1;
        run(u"ssh-keygen"_s,
            options + QStringList{u"-q"_s, u"-N"_s, QString(), u"-C"_s, name, u"-f"_s, file},
            &exitCode);
        QCOMPARE(exitCode, 0);

        QFile publicFile(file + u".pub"_s);
        QVERIFY(publicFile.open(QIODevice::ReadOnly));
        const QStringList fields = QString::fromLatin1(publicFile.readAll()).trimmed().split(u' ');
        QCOMPARE(fields.size(), 3);
        PublicKey key;
        key.type = fields.at(0);
        key.base64 = fields.at(1);
        key.blob = QByteArray::fromBase64(fields.at(1).toLatin1());
        QVERIFY(!key.blob.isEmpty());
        // "256 SHA256:... comment (ED25519)"
        key.sshKeygenFingerprint =
            run(u"ssh-keygen"_s, {u"-lf"_s, file + u".pub"_s}).split(u' ').value(1);
        QVERIFY(key.sshKeygenFingerprint.startsWith(u"SHA256:"));
        m_keys.insert(name, key);
    }
    QCOMPARE(m_keys.value(u"ecdsa384"_s).type, u"ecdsa-sha2-nistp384"_s);
}

void TestKnownHosts::fingerprint_data()
{
    QTest::addColumn<QString>("key");
    for (const char *key : {"ed1", "ecdsa1", "ecdsa384", "rsa1"})
        QTest::newRow(key) << QString::fromLatin1(key);
}

void TestKnownHosts::fingerprint()
{
    QFETCH(QString, key);
    const PublicKey &k = m_keys.value(key);
    QCOMPARE(KnownHosts::fingerprint(k.blob), k.sshKeygenFingerprint);
}

void TestKnownHosts::lookupName_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("expected");
    QTest::newRow("port 22 is the bare name") << u"git.example.com"_s << 22 << u"git.example.com"_s;
    QTest::newRow("no port") << u"git.example.com"_s << -1 << u"git.example.com"_s;
    QTest::newRow("lower-cased") << u"Git.Example.COM"_s << 22 << u"git.example.com"_s;
    QTest::newRow("other port") << u"127.0.0.1"_s << 2222 << u"[127.0.0.1]:2222"_s;
    QTest::newRow("IPv6 other port") << u"::1"_s << 2222 << u"[::1]:2222"_s;
    QTest::newRow("IPv6 bracketed, port 22") << u"[::1]"_s << 22 << u"::1"_s;
}

void TestKnownHosts::lookupName()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, expected);
    QCOMPARE(KnownHosts::lookupName(host, port), expected);
}

void TestKnownHosts::verdicts_data()
{
    using V = KnownHosts::Verdict;
    QTest::addColumn<QStringList>("lines");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<QString>("key");
    QTest::addColumn<KnownHosts::Verdict>("verdict");
    QTest::addColumn<int>("line");

    const QString host = u"git.example.com"_s;
    const QString ed = u"ssh-ed25519"_s;
    const QString ecdsa = u"ecdsa-sha2-nistp256"_s;

    QTest::newRow("plain name") << QStringList{entry(host, u"ed1"_s)} << host << 22 << ed
                                << u"ed1"_s << V::Known << 1;
    QTest::newRow("name is case-insensitive")
        << QStringList{entry(u"Git.Example.COM"_s, u"ed1"_s)} << u"GIT.example.com"_s << 22 << ed
        << u"ed1"_s << V::Known << 1;
    QTest::newRow("comma-separated list")
        << QStringList{entry(u"alpha.example,git.example.com,10.0.0.1"_s, u"ed1"_s)}
        << u"10.0.0.1"_s << 22 << ed << u"ed1"_s << V::Known << 1;
    QTest::newRow("no line for the host") << QStringList{entry(u"other.example"_s, u"ed1"_s)}
                                          << host << 22 << ed << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("empty file") << QStringList{} << host << 22 << ed << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("same type, other key")
        << QStringList{entry(host, u"ed2"_s)} << host << 22 << ed << u"ed1"_s << V::Changed << 1;
    QTest::newRow("a matching line wins over another key")
        << QStringList{entry(host, u"ed2"_s), entry(host, u"ed1"_s)} << host << 22 << ed << u"ed1"_s
        << V::Known << 2;
    // OpenSSH 9.2 (verified against sshd): "Offending ED25519 key", HOST IDENTIFICATION CHANGED.
    QTest::newRow("only another key type recorded")
        << QStringList{entry(host, u"ed1"_s)} << host << 22 << ecdsa << u"ecdsa1"_s << V::Changed
        << 1;
    QTest::newRow("changed names the line of the offered type")
        << QStringList{entry(host, u"ed2"_s), entry(host, u"ecdsa2"_s)} << host << 22 << ecdsa
        << u"ecdsa1"_s << V::Changed << 2;
    QTest::newRow("other ECDSA curve") << QStringList{entry(host, u"ecdsa384"_s)} << host << 22
                                       << ecdsa << u"ecdsa1"_s << V::Changed << 1;
    QTest::newRow("RSA offered as rsa-sha2-512")
        << QStringList{entry(host, u"rsa1"_s)} << host << 22 << u"rsa-sha2-512"_s << u"rsa1"_s
        << V::Known << 1;

    QTest::newRow("[host]:port") << QStringList{entry(u"[127.0.0.1]:2222"_s, u"ed1"_s)}
                                 << u"127.0.0.1"_s << 2222 << ed << u"ed1"_s << V::Known << 1;
    QTest::newRow("[host]:port is not port 22")
        << QStringList{entry(u"[127.0.0.1]:2222"_s, u"ed1"_s)} << u"127.0.0.1"_s << 22 << ed
        << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("port 22 is never written [host]:22")
        << QStringList{entry(u"[127.0.0.1]:22"_s, u"ed1"_s)} << u"127.0.0.1"_s << 22 << ed
        << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("[host]:port, other port")
        << QStringList{entry(u"[127.0.0.1]:2222"_s, u"ed1"_s)} << u"127.0.0.1"_s << 2223 << ed
        << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("[host]:port changed")
        << QStringList{entry(u"[127.0.0.1]:2222"_s, u"ed2"_s)} << u"127.0.0.1"_s << 2222 << ed
        << u"ed1"_s << V::Changed << 1;
    // ssh retries a non-22 port without the port when nothing is recorded for [host]:port.
    QTest::newRow("bare name accepted for another port")
        << QStringList{entry(u"127.0.0.1"_s, u"ed1"_s)} << u"127.0.0.1"_s << 2222 << ed << u"ed1"_s
        << V::Known << 1;
    QTest::newRow("bare name with another key is not Changed for another port")
        << QStringList{entry(u"127.0.0.1"_s, u"ed2"_s)} << u"127.0.0.1"_s << 2222 << ed << u"ed1"_s
        << V::Unknown << 0;
    QTest::newRow("[host]:port wins over the bare name")
        << QStringList{entry(u"127.0.0.1"_s, u"ed1"_s), entry(u"[127.0.0.1]:2222"_s, u"ed2"_s)}
        << u"127.0.0.1"_s << 2222 << ed << u"ed1"_s << V::Changed << 2;

    QTest::newRow("wildcard *") << QStringList{entry(u"*.example.com"_s, u"ed1"_s)} << host << 22
                                << ed << u"ed1"_s << V::Known << 1;
    QTest::newRow("wildcard * needs the dot")
        << QStringList{entry(u"*.example.com"_s, u"ed1"_s)} << u"example.com"_s << 22 << ed
        << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("wildcard ?") << QStringList{entry(u"10.0.0.?"_s, u"ed1"_s)} << u"10.0.0.7"_s
                                << 22 << ed << u"ed1"_s << V::Known << 1;
    QTest::newRow("wildcard ? is one character")
        << QStringList{entry(u"10.0.0.?"_s, u"ed1"_s)} << u"10.0.0.17"_s << 22 << ed << u"ed1"_s
        << V::Unknown << 0;
    QTest::newRow("wildcard with port") << QStringList{entry(u"[*.example.com]:2222"_s, u"ed1"_s)}
                                        << host << 2222 << ed << u"ed1"_s << V::Known << 1;
    QTest::newRow("wildcard changed") << QStringList{entry(u"*.example.com"_s, u"ed2"_s)} << host
                                      << 22 << ed << u"ed1"_s << V::Changed << 1;
    QTest::newRow("negation excludes")
        << QStringList{entry(u"*.example.com,!evil.example.com"_s, u"ed2"_s)}
        << u"evil.example.com"_s << 22 << ed << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("negation keeps the rest")
        << QStringList{entry(u"*.example.com,!evil.example.com"_s, u"ed1"_s)} << host << 22 << ed
        << u"ed1"_s << V::Known << 1;
    QTest::newRow("negation wins wherever it is")
        << QStringList{entry(u"!evil.example.com,evil.example.com"_s, u"ed2"_s)}
        << u"evil.example.com"_s << 22 << ed << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("negation alone matches nothing")
        << QStringList{entry(u"!evil.example.com"_s, u"ed2"_s)} << host << 22 << ed << u"ed1"_s
        << V::Unknown << 0;

    QTest::newRow("revoked wins over a matching line")
        << QStringList{u"@revoked "_s + entry(u"*"_s, u"ed1"_s), entry(host, u"ed1"_s)} << host
        << 22 << ed << u"ed1"_s << V::Revoked << 1;
    QTest::newRow("revoked without any other line")
        << QStringList{u"@revoked "_s + entry(host, u"ed1"_s)} << host << 22 << ed << u"ed1"_s
        << V::Revoked << 1;
    QTest::newRow("another key revoked")
        << QStringList{u"@revoked "_s + entry(u"*"_s, u"ed2"_s), entry(host, u"ed1"_s)} << host
        << 22 << ed << u"ed1"_s << V::Known << 2;
    QTest::newRow("revoked for another host")
        << QStringList{u"@revoked "_s + entry(u"other.example"_s, u"ed1"_s)} << host << 22 << ed
        << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("revoked line is not a recorded key")
        << QStringList{u"@revoked "_s + entry(host, u"ed2"_s)} << host << 22 << ed << u"ed1"_s
        << V::Unknown << 0;
    QTest::newRow("cert-authority skipped")
        << QStringList{u"@cert-authority "_s + entry(u"*.example.com"_s, u"ed1"_s)} << host << 22
        << ed << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("cert-authority with other key is not Changed")
        << QStringList{u"@cert-authority "_s + entry(u"*.example.com"_s, u"ed2"_s),
                       entry(host, u"ed1"_s)}
        << host << 22 << ed << u"ed1"_s << V::Known << 2;

    QTest::newRow("comments and blank lines")
        << QStringList{u"# known hosts"_s, QString(), u"   "_s, u"\t# indented comment"_s,
                       u"  "_s + entry(host, u"ed1"_s) + u" trailing comment"_s}
        << host << 22 << ed << u"ed1"_s << V::Known << 5;
    QTest::newRow("CRLF line ends") << QStringList{u"# comment\r"_s, entry(host, u"ed1"_s) + u'\r'}
                                    << host << 22 << ed << u"ed1"_s << V::Known << 2;
    QTest::newRow("invalid lines are ignored")
        << QStringList{host + u" ssh-ed25519 !!!not-base64"_s,
                       host + u" ssh-rsa "_s + m_keys.value(u"ed2"_s).base64,
                       u"@bogus "_s + entry(host, u"ed2"_s),
                       host + u" ssh-ed25519"_s,
                       host,
                       u"|1|bad|hash "_s + m_keys.value(u"ed2"_s).type + u' ' +
                           m_keys.value(u"ed2"_s).base64}
        << host << 22 << ed << u"ed1"_s << V::Unknown << 0;
    QTest::newRow("valid line after invalid ones")
        << QStringList{host + u" ssh-ed25519 !!!not-base64"_s, entry(host, u"ed1"_s)} << host << 22
        << ed << u"ed1"_s << V::Known << 2;
}

void TestKnownHosts::verdicts()
{
    QFETCH(QStringList, lines);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, keyType);
    QFETCH(QString, key);
    QFETCH(KnownHosts::Verdict, verdict);
    QFETCH(int, line);

    const QString file = path(u"verdicts_known_hosts"_s);
    QVERIFY(writeLines(file, lines));
    const KnownHosts knownHosts({file});
    const PublicKey &offered = m_keys.value(key);
    const KnownHosts::Result result = knownHosts.check(host, port, keyType, offered.blob);
    QCOMPARE(result.verdict, verdict);
    QCOMPARE(result.line, line);
    QCOMPARE(result.file, line > 0 ? file : QString());
    QCOMPARE(result.fingerprint, offered.sshKeygenFingerprint);
    QCOMPARE(result.keyType, offered.type);
    QCOMPARE(result.message.isEmpty(), verdict == KnownHosts::Verdict::Known);
    if (verdict == KnownHosts::Verdict::Changed)
        QVERIFY(!result.recordedKeyType.isEmpty());
}

void TestKnownHosts::hashedNames()
{
    const QString file = path(u"hashed_known_hosts"_s);
    QVERIFY(writeLines(file, {entry(u"[127.0.0.1]:2222"_s, u"ed1"_s),
                              entry(u"git.example.com"_s, u"ecdsa1"_s),
                              entry(u"Mixed.Example"_s, u"rsa1"_s)}));
    int exitCode = -1;
    run(u"ssh-keygen"_s, {u"-H"_s, u"-f"_s, file}, &exitCode);
    QCOMPARE(exitCode, 0);
    QFile hashed(file);
    QVERIFY(hashed.open(QIODevice::ReadOnly));
    const QByteArray content = hashed.readAll();
    QVERIFY2(!content.contains("example") && !content.contains("127.0.0.1"), content.constData());
    QCOMPARE(content.count("|1|"), qsizetype(3));

    using V = KnownHosts::Verdict;
    const KnownHosts knownHosts({file});
    const auto check = [&](const QString &host, int port, const QString &key) {
        const PublicKey &k = m_keys.value(key);
        return knownHosts.check(host, port, k.type, k.blob);
    };
    QCOMPARE(check(u"127.0.0.1"_s, 2222, u"ed1"_s).verdict, V::Known);
    QCOMPARE(check(u"127.0.0.1"_s, 2222, u"ed1"_s).line, 1);
    QCOMPARE(check(u"127.0.0.1"_s, 2222, u"ed2"_s).verdict, V::Changed);
    QCOMPARE(check(u"127.0.0.1"_s, 22, u"ed1"_s).verdict, V::Unknown);
    QCOMPARE(check(u"127.0.0.1"_s, 2223, u"ed1"_s).verdict, V::Unknown);
    QCOMPARE(check(u"git.example.com"_s, 22, u"ecdsa1"_s).verdict, V::Known);
    QCOMPARE(check(u"git.example.com"_s, 22, u"ecdsa2"_s).verdict, V::Changed);
    QCOMPARE(check(u"git.example.com"_s, 22, u"ecdsa2"_s).line, 2);
    // ssh-keygen hashes the lower-cased name, and ssh looks the lower-cased name up.
    QCOMPARE(check(u"mixed.example"_s, 22, u"rsa1"_s).verdict, V::Known);
    QCOMPARE(check(u"MIXED.example"_s, 22, u"rsa1"_s).verdict, V::Known);
    QCOMPARE(check(u"other.example"_s, 22, u"rsa1"_s).verdict, V::Unknown);

    // Same lines as ssh-keygen -F finds.
    const QString found = run(u"ssh-keygen"_s, {u"-F"_s, u"[127.0.0.1]:2222"_s, u"-f"_s, file});
    QVERIFY2(found.contains(u"found: line 1"), qPrintable(found));
}

void TestKnownHosts::laterFilesAndMissingFiles()
{
    const QString user = path(u"user_known_hosts"_s);
    const QString global = path(u"global_known_hosts"_s);
    QVERIFY(writeLines(user, {entry(u"a.example"_s, u"ed1"_s)}));
    QVERIFY(writeLines(global, {entry(u"b.example"_s, u"ed1"_s), entry(u"c.example"_s, u"ed2"_s)}));
    const KnownHosts knownHosts({path(u"missing"_s), user, global});
    const PublicKey &key = m_keys.value(u"ed1"_s);

    KnownHosts::Result result = knownHosts.check(u"b.example"_s, 22, key.type, key.blob);
    QCOMPARE(result.verdict, KnownHosts::Verdict::Known);
    QCOMPARE(result.file, global);
    QCOMPARE(result.line, 1);

    result = knownHosts.check(u"c.example"_s, 22, key.type, key.blob);
    QCOMPARE(result.verdict, KnownHosts::Verdict::Changed);
    QCOMPARE(result.file, global);
    QCOMPARE(result.line, 2);
    QVERIFY2(result.message.contains(global + u":2"_s), qPrintable(result.message));
}

void TestKnownHosts::unknownMessage()
{
    const QString file = path(u"unknown_known_hosts"_s);
    QVERIFY(writeLines(file, {entry(u"other.example"_s, u"ed1"_s)}));
    const PublicKey &key = m_keys.value(u"ed1"_s);

    const KnownHosts::Result onPort =
        KnownHosts({file}).check(u"127.0.0.1"_s, 2222, key.type, key.blob);
    QCOMPARE(onPort.verdict, KnownHosts::Verdict::Unknown);
    QVERIFY2(onPort.message.contains(key.sshKeygenFingerprint), qPrintable(onPort.message));
    QVERIFY2(onPort.message.contains(u"ssh-keyscan -t ed25519 -p 2222 127.0.0.1 >> "_s + file),
             qPrintable(onPort.message));
    QVERIFY2(onPort.message.contains(u"[127.0.0.1]:2222"), qPrintable(onPort.message));
    QVERIFY(!onPort.message.contains(u"CHANGED", Qt::CaseInsensitive));
    QVERIFY(!onPort.message.contains(u"man-in-the-middle"));

    const KnownHosts::Result onDefaultPort =
        KnownHosts({file}).check(u"git.example.com"_s, 22, key.type, key.blob);
    QVERIFY2(onDefaultPort.message.contains(u"ssh-keyscan -t ed25519 git.example.com >> "_s),
             qPrintable(onDefaultPort.message));
}

void TestKnownHosts::changedMessage()
{
    const QString file = path(u"changed_known_hosts"_s);
    QVERIFY(writeLines(file, {u"# first"_s, entry(u"[127.0.0.1]:2222"_s, u"ed2"_s)}));
    const PublicKey &key = m_keys.value(u"ed1"_s);
    const KnownHosts::Result result =
        KnownHosts({file}).check(u"127.0.0.1"_s, 2222, key.type, key.blob);
    QCOMPARE(result.verdict, KnownHosts::Verdict::Changed);
    const QString &message = result.message;
    QVERIFY2(message.contains(u"CHANGED"), qPrintable(message));
    QVERIFY2(message.contains(u"man-in-the-middle"), qPrintable(message));
    QVERIFY2(message.contains(file + u":2"_s), qPrintable(message));
    QVERIFY2(message.contains(u"refuses"), qPrintable(message));
    QVERIFY2(message.contains(key.sshKeygenFingerprint), qPrintable(message));
    QVERIFY2(message.contains(u"ssh-keygen -f "_s + file + u" -R '[127.0.0.1]:2222'"_s),
             qPrintable(message));
    QVERIFY(!message.contains(u"ssh-keyscan"));

    // Another key type recorded: the message says which.
    const PublicKey &ecdsa = m_keys.value(u"ecdsa1"_s);
    const KnownHosts::Result otherType =
        KnownHosts({file}).check(u"127.0.0.1"_s, 2222, ecdsa.type, ecdsa.blob);
    QCOMPARE(otherType.verdict, KnownHosts::Verdict::Changed);
    QCOMPARE(otherType.recordedKeyType, u"ssh-ed25519"_s);
    QVERIFY2(otherType.message.contains(u"ECDSA key"), qPrintable(otherType.message));
    QVERIFY2(otherType.message.contains(u"(ED25519)"), qPrintable(otherType.message));
}

void TestKnownHosts::revokedMessage()
{
    const QString file = path(u"revoked_known_hosts"_s);
    QVERIFY(writeLines(file, {u"@revoked * "_s + entry(QString(), u"ed1"_s).trimmed()}));
    const PublicKey &key = m_keys.value(u"ed1"_s);
    const KnownHosts::Result result =
        KnownHosts({file}).check(u"git.example.com"_s, 22, key.type, key.blob);
    QCOMPARE(result.verdict, KnownHosts::Verdict::Revoked);
    QVERIFY2(result.message.contains(u"revoked in "_s + file + u":1"_s),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(u"refuses"), qPrintable(result.message));
}

void TestKnownHosts::defaultFilesFollowHome()
{
    const QByteArray savedHome = qgetenv("HOME");
    const QString home = path(u"home"_s);
    QVERIFY(QDir().mkpath(home + u"/.ssh"_s));
    QVERIFY(writeLines(home + u"/.ssh/known_hosts"_s, {entry(u"git.example.com"_s, u"ed1"_s)}));
    qputenv("HOME", QFile::encodeName(home));
    const KnownHosts knownHosts;
    const QStringList files = knownHosts.files();
    const PublicKey &key = m_keys.value(u"ed1"_s);
    const KnownHosts::Result known = knownHosts.check(u"git.example.com"_s, 22, key.type, key.blob);
    const KnownHosts::Result unknown = knownHosts.check(u"new.example"_s, 22, key.type, key.blob);
    qputenv("HOME", savedHome);

    QCOMPARE(files.value(0), home + u"/.ssh/known_hosts"_s);
    QVERIFY(files.contains(u"/etc/ssh/ssh_known_hosts"_s));
    QVERIFY(files.indexOf(u"/etc/ssh/ssh_known_hosts"_s) > 0);
    QCOMPARE(known.verdict, KnownHosts::Verdict::Known);
    // Messages shorten the home folder.
    QVERIFY2(unknown.message.contains(u">> ~/.ssh/known_hosts"), qPrintable(unknown.message));
}

void TestKnownHosts::fileIsReadOnEveryCheck()
{
    const QString file = path(u"growing_known_hosts"_s);
    QVERIFY(writeLines(file, {}));
    const KnownHosts knownHosts({file});
    const PublicKey &key = m_keys.value(u"ed1"_s);
    QCOMPARE(knownHosts.check(u"git.example.com"_s, 22, key.type, key.blob).verdict,
             KnownHosts::Verdict::Unknown);
    QVERIFY(writeLines(file, {entry(u"git.example.com"_s, u"ed1"_s)}));
    QCOMPARE(knownHosts.check(u"git.example.com"_s, 22, key.type, key.blob).verdict,
             KnownHosts::Verdict::Known);
}

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_knownhosts.moc"
