// Fetching Helm classic repository indexes over HTTP from real servers on 127.0.0.1: Python's
// http.server (Last-Modified / If-Modified-Since) and a small Python server of the test's own
// (ETag / If-None-Match, redirects, a log of the headers it was sent). Started here, stopped by
// PID.

#include "engine/helmrepository.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

// Serves files from a folder with a strong ETag, answers If-None-Match with 304, redirects
// /same/... to /... and /other/... to the same path on another port, stalls in the middle of
// the body under /slow/, wants user:pass under /private/, and logs each request's path,
// Authorization and If-None-Match headers, one line each.
const char *const repoServer = R"PY(
import hashlib, os, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, root, other, log = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        with open(log, "a") as f:
            f.write("%s auth=%s inm=%s\n" % (self.path, self.headers.get("Authorization", "-"),
                                             self.headers.get("If-None-Match", "-")))
        if self.path.startswith("/slow/"):
            self.send_response(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"apiVersion: v1\n")
            self.wfile.flush()
            time.sleep(60)
            return
        if self.path.startswith("/private/"):
            if self.headers.get("Authorization") != "Basic dXNlcjpwYXNz":
                self.send_response(401)
                self.send_header("WWW-Authenticate", 'Basic realm="charts"')
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.path = self.path[len("/private"):]
        if self.path.startswith("/same/"):
            return self.redirect(self.path[len("/same"):])
        if self.path.startswith("/other/"):
            return self.redirect("http://127.0.0.1:%s%s" % (other, self.path[len("/other"):]))
        path = os.path.join(root, self.path.lstrip("/"))
        if not os.path.isfile(path):
            self.send_response(404)
            self.end_headers()
            return
        data = open(path, "rb").read()
        etag = '"%s"' % hashlib.sha256(data).hexdigest()[:16]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location):
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass

ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
)PY";

QByteArray index(const QList<QByteArray> &podinfoVersions)
{
    QByteArray text = "apiVersion: v1\n"
                      "entries:\n"
                      "  nginx:\n"
                      "  - version: 1.0.0\n"
                      "    digest: 0a1b\n"
                      "    created: \"2024-01-02T03:04:05Z\"\n"
                      "    urls: [charts/nginx-1.0.0.tgz]\n"
                      "  podinfo:\n";
    for (const QByteArray &version : podinfoVersions)
        text += "  - version: " + version + "\n    urls: [podinfo-" + version + ".tgz]\n";
    return text + "generated: \"2024-01-02T03:04:05Z\"\n";
}

bool writeFile(const QString &path, const QByteArray &content,
               const QDateTime &modified = QDateTime())
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() ||
        !file.flush()) // before setting the time, which writing would change again
        return false;
    return !modified.isValid() || file.setFileTime(modified, QFileDevice::FileModificationTime);
}

QStringList versions(const HelmRepository::Result &result, const QString &chart)
{
    QStringList list;
    for (const HelmChartVersion &version : result.index.versions(chart))
        list.append(version.version);
    return list;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestHelmRepository : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void conditionalGetWithLastModified();
    void conditionalGetWithETag();
    void credentialsStayWithTheOrigin();
    void errors();
    void cancelled();
    void keychainAccount_data();
    void keychainAccount();

private:
    HelmRepository::Options options() const
    {
        HelmRepository::Options o;
        o.cacheRoot = m_dir.filePath(u"cache"_s);
        o.useKeychain = false;
        o.timeout = std::chrono::seconds(20);
        return o;
    }

    QTemporaryDir m_dir;
    QString m_served;
    int m_port = 0;
    ServerProcess m_httpServer;
    QString m_script;
};

void TestHelmRepository::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_served = m_dir.filePath(u"served"_s);
    QVERIFY(QDir().mkpath(m_served));
    m_port = freePort();
    QVERIFY(m_httpServer.start(u"/usr/bin/python3"_s,
                               {u"-m"_s, u"http.server"_s, QString::number(m_port), u"--bind"_s,
                                u"127.0.0.1"_s, u"--directory"_s, m_served},
                               m_port));
    m_script = m_dir.filePath(u"reposerver.py"_s);
    QVERIFY(writeFile(m_script, repoServer));
}

void TestHelmRepository::conditionalGetWithLastModified()
{
    const QString path = m_served + u"/stable/index.yaml"_s;
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-3600);
    QVERIFY(writeFile(path, index({"1.0.0", "1.1.0"}), t0));
    const QUrl repo(u"http://127.0.0.1:%1/stable"_s.arg(m_port));
    const QStringList charts{u"podinfo"_s};

    // First: downloaded and parsed.
    auto result = HelmRepository::fetch(repo, charts, options());
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.parsed);
    QVERIFY(!result.notModified);
    QVERIFY(result.bytesDownloaded > 0);
    QVERIFY(!result.lastModified.isEmpty());
    QCOMPARE(result.index.entries.keys(), charts);
    QCOMPARE(versions(result, u"podinfo"_s), QStringList({u"1.0.0"_s, u"1.1.0"_s}));
    QCOMPARE(result.index.versions(u"podinfo"_s)[0].urls,
             QList<QUrl>{QUrl(u"http://127.0.0.1:%1/stable/podinfo-1.0.0.tgz"_s.arg(m_port))});
    QVERIFY(QFileInfo::exists(HelmRepository::cacheFile(options().cacheRoot, repo)));

    // Unchanged: 304, nothing downloaded or parsed, the same answer from the cache file.
    const auto again = HelmRepository::fetch(repo, charts, options());
    QVERIFY2(again.ok, qPrintable(again.error));
    QVERIFY(again.notModified);
    QVERIFY(!again.parsed);
    QCOMPARE(again.bytesDownloaded, 0);
    QCOMPARE(again.index.entries, result.index.entries);
    QCOMPARE(again.index.apiVersion, u"v1"_s);

    // Proof that the body is not read: different content, same modification time, so the
    // server still says 304 and the old versions come back.
    QVERIFY(writeFile(path, index({"9.9.9"}), t0));
    const auto stale = HelmRepository::fetch(repo, charts, options());
    QVERIFY2(stale.ok, qPrintable(stale.error));
    QVERIFY(stale.notModified);
    QCOMPARE(versions(stale, u"podinfo"_s), QStringList({u"1.0.0"_s, u"1.1.0"_s}));

    // Changed (a later modification time): downloaded and parsed again.
    QVERIFY(writeFile(path, index({"1.0.0", "1.1.0", "2.0.0"}), t0.addSecs(60)));
    const auto changed = HelmRepository::fetch(repo, charts, options());
    QVERIFY2(changed.ok, qPrintable(changed.error));
    QVERIFY(changed.parsed);
    QVERIFY(!changed.notModified);
    QCOMPARE(versions(changed, u"podinfo"_s), QStringList({u"1.0.0"_s, u"1.1.0"_s, u"2.0.0"_s}));

    // A chart the cache has not read yet needs the whole index once more ...
    const auto other = HelmRepository::fetch(repo, {u"nginx"_s}, options());
    QVERIFY2(other.ok, qPrintable(other.error));
    QVERIFY(other.parsed);
    QCOMPARE(other.index.entries.keys(), QStringList{u"nginx"_s});
    QCOMPARE(other.index.versions(u"nginx"_s)[0].created,
             QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::UTC));
    // ... after which both are answered from the cache.
    const auto both = HelmRepository::fetch(repo, {u"nginx"_s, u"podinfo"_s}, options());
    QVERIFY2(both.ok, qPrintable(both.error));
    QVERIFY(both.notModified);
    QCOMPARE(both.index.entries.keys(), QStringList({u"nginx"_s, u"podinfo"_s}));
    // A chart the index does not list is remembered as such.
    const auto absent = HelmRepository::fetch(repo, {u"absent"_s}, options());
    QVERIFY2(absent.ok, qPrintable(absent.error));
    QVERIFY(absent.parsed);
    QVERIFY(absent.index.entries.isEmpty());
    const auto stillAbsent = HelmRepository::fetch(repo, {u"absent"_s}, options());
    QVERIFY2(stillAbsent.ok, qPrintable(stillAbsent.error));
    QVERIFY(stillAbsent.notModified);
    QVERIFY(stillAbsent.index.entries.isEmpty());

    // Without a cache folder every fetch downloads.
    HelmRepository::Options noCache = options();
    noCache.cacheRoot.clear();
    QVERIFY(HelmRepository::fetch(repo, charts, noCache).parsed);
}

void TestHelmRepository::conditionalGetWithETag()
{
    const QString root = m_dir.filePath(u"etag"_s);
    QVERIFY(writeFile(root + u"/r/index.yaml"_s, index({"1.0.0"})));
    const QString log = m_dir.filePath(u"etag.log"_s);
    const int port = freePort();
    ServerProcess server;
    QVERIFY(server.start(u"/usr/bin/python3"_s,
                         {m_script, QString::number(port), root, u"0"_s, log}, port));
    const QUrl repo(u"http://127.0.0.1:%1/r/"_s.arg(port));

    const auto first = HelmRepository::fetch(repo, {u"podinfo"_s}, options());
    QVERIFY2(first.ok, qPrintable(first.error));
    QVERIFY(first.parsed);
    QVERIFY(first.etag.startsWith(u'"'));
    QVERIFY(first.lastModified.isEmpty());

    const auto second = HelmRepository::fetch(repo, {u"podinfo"_s}, options());
    QVERIFY2(second.ok, qPrintable(second.error));
    QVERIFY(second.notModified);
    QCOMPARE(versions(second, u"podinfo"_s), QStringList{u"1.0.0"_s});

    QVERIFY(writeFile(root + u"/r/index.yaml"_s, index({"1.0.0", "1.0.1"})));
    const auto third = HelmRepository::fetch(repo, {u"podinfo"_s}, options());
    QVERIFY2(third.ok, qPrintable(third.error));
    QVERIFY(third.parsed);
    QVERIFY(third.etag != first.etag);
    QCOMPARE(versions(third, u"podinfo"_s), QStringList({u"1.0.0"_s, u"1.0.1"_s}));

    QCOMPARE(readLines(log), QStringList({
                                 u"/r/index.yaml auth=- inm=-"_s,
                                 u"/r/index.yaml auth=- inm=%1"_s.arg(first.etag),
                                 u"/r/index.yaml auth=- inm=%1"_s.arg(first.etag),
                             }));
}

void TestHelmRepository::credentialsStayWithTheOrigin()
{
    const QString root = m_dir.filePath(u"auth"_s);
    QVERIFY(writeFile(root + u"/r/index.yaml"_s, index({"1.0.0"})));
    const QString logA = m_dir.filePath(u"a.log"_s);
    const QString logB = m_dir.filePath(u"b.log"_s);
    const int portA = freePort();
    const int portB = freePort();
    ServerProcess a;
    ServerProcess b;
    QVERIFY(a.start(u"/usr/bin/python3"_s,
                    {m_script, QString::number(portA), root, QString::number(portB), logA}, portA));
    QVERIFY(b.start(u"/usr/bin/python3"_s,
                    {m_script, QString::number(portB), root, QString::number(portA), logB}, portB));
    HelmRepository::Options withCredential = options();
    withCredential.cacheRoot.clear();
    withCredential.credential = Credential{u"user"_s, u"pass"_s};
    const QString basic = u"Basic dXNlcjpwYXNz"_s;

    // A redirect on the same origin keeps the credentials.
    auto result = HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/same/r"_s.arg(portA)),
                                        {u"podinfo"_s}, withCredential);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(readLines(logA), QStringList({u"/same/r/index.yaml auth=%1 inm=-"_s.arg(basic),
                                           u"/r/index.yaml auth=%1 inm=-"_s.arg(basic)}));

    // A repository that wants credentials.
    result = HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/private/r"_s.arg(portA)),
                                   {u"podinfo"_s}, withCredential);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(versions(result, u"podinfo"_s), QStringList{u"1.0.0"_s});
    HelmRepository::Options wrong = withCredential;
    wrong.credential = Credential{u"user"_s, u"guess"_s};
    result = HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/private/r"_s.arg(portA)),
                                   {u"podinfo"_s}, wrong);
    QVERIFY(!result.ok);
    QCOMPARE(result.error,
             u"http://127.0.0.1:%1/private/r/index.yaml: the server answered HTTP "
             u"401 (Unauthorized): it refused the user name and password"_s.arg(portA));
    HelmRepository::Options none = options();
    result = HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/private/r"_s.arg(portA)),
                                   {u"podinfo"_s}, none);
    QVERIFY(!result.ok);
    QCOMPARE(result.error,
             u"http://127.0.0.1:%1/private/r/index.yaml: the server answered HTTP 401 "
             u"(Unauthorized): it wants a user name and password; store them in the keychain "
             u"(service \"stevedore\", account \"helm:http://127.0.0.1:%1\")"_s.arg(portA));

    // One to another origin (another port) does not.
    QFile::remove(logA);
    QFile::remove(logB);
    result = HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/other/r"_s.arg(portA)),
                                   {u"podinfo"_s}, withCredential);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(versions(result, u"podinfo"_s), QStringList{u"1.0.0"_s});
    QCOMPARE(readLines(logA), QStringList{u"/other/r/index.yaml auth=%1 inm=-"_s.arg(basic)});
    QCOMPARE(readLines(logB), QStringList{u"/r/index.yaml auth=- inm=-"_s});
    // Relative chart URLs still resolve against the repository, not the redirect target.
    QCOMPARE(result.index.versions(u"podinfo"_s)[0].urls.value(0).port(), portA);
}

void TestHelmRepository::errors()
{
    const QString base = u"http://127.0.0.1:%1"_s.arg(m_port);

    auto result = HelmRepository::fetch(QUrl(base + u"/missing"_s), {u"a"_s}, options());
    QVERIFY(!result.ok);
    QCOMPARE(result.error, base + u"/missing/index.yaml: the server answered HTTP 404 (File not "
                                  u"found): there is no repository index at this address"_s);

    QVERIFY(writeFile(m_served + u"/bad/index.yaml"_s,
                      "apiVersion: v1\nentries:\n  a:\n  - version: 1.0.0\n    urls: {}\n"));
    result = HelmRepository::fetch(QUrl(base + u"/bad"_s), {u"a"_s}, options());
    QVERIFY(!result.ok);
    QCOMPARE(result.error, base + u"/bad/index.yaml:5:11: \"urls\" must be a list of strings, "
                                  u"not a mapping"_s);

    HelmRepository::Options small = options();
    small.maxIndexSize = 16;
    result = HelmRepository::fetch(QUrl(base + u"/bad"_s), {u"a"_s}, small);
    QVERIFY(!result.ok);
    QCOMPARE(result.error,
             base + u"/bad/index.yaml is larger than the limit of 16 bytes; not downloading it"_s);

    const int closed = freePort();
    result =
        HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/r"_s.arg(closed)), {u"a"_s}, options());
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"http://127.0.0.1:%1/r/index.yaml: Connection refused"_s.arg(closed));

    result = HelmRepository::fetch(QUrl(u"oci://ghcr.io/example/charts"_s), {u"a"_s}, options());
    QVERIFY(!result.ok);
    QCOMPARE(result.error,
             u"oci://ghcr.io/example/charts is not an http:// or https:// Helm repository URL"_s);
}

void TestHelmRepository::cancelled()
{
    HelmRepository::Options o = options();
    o.cancelled = std::make_shared<std::atomic<bool>>(true);
    auto result =
        HelmRepository::fetch(QUrl(u"http://127.0.0.1:%1/stable"_s.arg(m_port)), {u"podinfo"_s}, o);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"cancelled"_s);

    // In the middle of a body that stops coming.
    const int port = freePort();
    ServerProcess server;
    QVERIFY(server.start(
        u"/usr/bin/python3"_s,
        {m_script, QString::number(port), m_dir.path(), u"0"_s, m_dir.filePath(u"slow.log"_s)},
        port));
    const QUrl slow(u"http://127.0.0.1:%1/slow/r"_s.arg(port));
    o.cancelled->store(false);
    // fetch() runs a local event loop, in which this timer fires.
    QTimer::singleShot(300, this, [flag = o.cancelled] { flag->store(true); });
    QElapsedTimer clock;
    clock.start();
    result = HelmRepository::fetch(slow, {u"podinfo"_s}, o);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"cancelled"_s);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));

    // The same body runs into the timeout.
    HelmRepository::Options impatient = options();
    impatient.timeout = std::chrono::milliseconds(500);
    clock.restart();
    result = HelmRepository::fetch(slow, {u"podinfo"_s}, impatient);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, slow.toString() + u"/index.yaml: no answer within 0.5 s"_s);
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void TestHelmRepository::keychainAccount_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("account");
    QTest::newRow("https") << u"https://Charts.Example.org/stable"_s
                           << u"helm:https://charts.example.org"_s;
    QTest::newRow("default port") << u"https://charts.example.org:443/x"_s
                                  << u"helm:https://charts.example.org"_s;
    QTest::newRow("other port") << u"http://127.0.0.1:8080/x"_s << u"helm:http://127.0.0.1:8080"_s;
    QTest::newRow("IPv6") << u"http://[::1]:8080/"_s << u"helm:http://[::1]:8080"_s;
}

void TestHelmRepository::keychainAccount()
{
    QFETCH(QString, url);
    QFETCH(QString, account);
    QCOMPARE(HelmRepository::keychainAccount(QUrl(url)), account);
}

QTEST_GUILESS_MAIN(TestHelmRepository)

#include "tst_helmrepository.moc"
