// Every HTTP client of the engine against a server that misbehaves on purpose
// (tests/support/hostile_http.py, on 127.0.0.1, stopped by PID): slowloris, truncated bodies,
// gigantic headers, endless redirects, wrong content types, invalid UTF-8 and gzip bombs. Each
// case must end with a clear error within its timeout, with bounded memory (the peak resident
// size of this process is reset before each case and read after it), while this thread's event
// loop keeps running (the clients run where the app runs them: on workers, and git through the
// discovery scheduler).

#include "engine/credential.h"
#include "engine/discoveryscheduler.h"
#include "engine/helmrepository.h"
#include "engine/manifestloader.h"
#include "engine/ociclient.h"
#include "engine/prometheusclient.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QtConcurrent>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString hostileServer = QStringLiteral(STEVEDORE_TEST_SUPPORT_DIR "/hostile_http.py");
constexpr qint64 mib = 1024 * 1024;
/// More than any client keeps for one answer here, far less than what the server offers.
constexpr qint64 memoryBoundKiB = 160 * 1024;

qint64 statusKiB(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

/// Starts a new peak of the resident set (Linux: writing 5 to clear_refs resets VmHWM).
void resetPeakMemory()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

struct Outcome
{
    bool ok = true;
    QString error;
    qint64 ms = 0;
    qint64 longestStallMs = 0; ///< of this thread's event loop while the case ran
    qint64 peakGrowthKiB = 0;
};

/// Runs @p work on a worker while this thread's event loop turns, as the app's GUI does.
template<typename Work>
Outcome offThread(Work work)
{
    Outcome outcome;
    const qint64 before = statusKiB("VmRSS");
    resetPeakMemory();
    QElapsedTimer clock;
    clock.start();
    QFutureWatcher<std::pair<bool, QString>> watcher;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        outcome.longestStallMs = std::max(outcome.longestStallMs, sinceTick.restart());
    });
    ticker.start();
    QSignalSpy finished(&watcher, &QFutureWatcher<std::pair<bool, QString>>::finished);
    watcher.setFuture(QtConcurrent::run(work));
    if (!finished.wait(120000))
        qWarning("the case did not end within 120 s");
    outcome.ms = clock.elapsed();
    outcome.peakGrowthKiB = statusKiB("VmHWM") - before;
    if (watcher.isFinished()) {
        const auto [ok, error] = watcher.result();
        outcome.ok = ok;
        outcome.error = error;
    }
    return outcome;
}

} // namespace

class TestHostileServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void ociClient_data();
    void ociClient();
    void helmRepository_data();
    void helmRepository();
    void prometheus_data();
    void prometheus();
    void gitOverHttp_data();
    void gitOverHttp();
    void tlsVerification_data();
    void tlsVerification();
    void crossHostRedirectDropsAuthorization();
    void cleanupTestCase();

private:
    void addRows(const QList<std::pair<QString, QString>> &expected, int timeoutMs);
    void check(const Outcome &outcome);
    QJsonObject stats() const;

    QTemporaryDir m_dir;
    ServerProcess m_server;
    int m_port = 0;
    int m_tlsPort = 0;
    QStringList m_report;
};

void TestHostileServers::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("HOME", m_dir.filePath(u"home"_s).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    StatePaths::setOverride(m_dir.filePath(u"state"_s));
    // A self-signed certificate for localhost: nothing trusts it.
    const QString key = m_dir.filePath(u"key.pem"_s);
    const QString certificate = m_dir.filePath(u"cert.pem"_s);
    QVERIFY(run(u"openssl"_s,
                {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
                 u"-out"_s, certificate, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=localhost"_s,
                 u"-addext"_s, u"subjectAltName=DNS:localhost"_s}));
    m_port = freePort();
    m_tlsPort = freePort();
    // Slowloris sends a byte every 200 ms for at most 30 s; the endless headers stop at 1 GiB,
    // the gzip bomb expands to 1 GiB.
    QVERIFY(
        m_server.start(u"/usr/bin/python3"_s,
                       {hostileServer, u"--port"_s, QString::number(m_port), u"--dribble"_s,
                        u"0.2"_s, u"--max-seconds"_s, u"30"_s, u"--max-bytes"_s,
                        QString::number(1024 * mib), u"--bomb-mib"_s, u"1024"_s, u"--tls-port"_s,
                        QString::number(m_tlsPort), u"--cert"_s, certificate, u"--key"_s, key},
                       m_port));
    QVERIFY(waitForPort(m_tlsPort));
}

void TestHostileServers::cleanupTestCase()
{
    for (const QString &line : std::as_const(m_report))
        qInfo("%s", qPrintable(line));
    m_server.stop();
}

QJsonObject TestHostileServers::stats() const
{
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(
        manager.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/stats"_s.arg(m_port)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    finished.wait(5000);
    return QJsonDocument::fromJson(reply->readAll()).object();
}

void TestHostileServers::addRows(const QList<std::pair<QString, QString>> &expected, int timeoutMs)
{
    QTest::addColumn<QString>("hostileCase");
    QTest::addColumn<QString>("expected"); ///< a regular expression the error must match
    QTest::addColumn<int>("timeoutMs");    ///< the client's own timeout for this case
    for (const auto &[name, pattern] : expected)
        QTest::newRow(qPrintable(name)) << name << pattern << timeoutMs;
}

void TestHostileServers::check(const Outcome &outcome)
{
    QFETCH(QString, hostileCase);
    QFETCH(QString, expected);
    QFETCH(int, timeoutMs);
    m_report.append(u"%1 %2: %3 ms, peak +%4 MiB, event loop stalled at most %5 ms: %6"_s
                        .arg(QString::fromLatin1(QTest::currentTestFunction()), hostileCase)
                        .arg(outcome.ms)
                        .arg(outcome.peakGrowthKiB / 1024)
                        .arg(outcome.longestStallMs)
                        .arg(outcome.error));
    QVERIFY2(!outcome.ok, "the client accepted what the hostile server sent");
    QVERIFY2(QRegularExpression(expected).match(outcome.error).hasMatch(),
             qPrintable(outcome.error));
    // Within its timeout, with a margin for this busy machine.
    QVERIFY2(outcome.ms < timeoutMs + 5000, qPrintable(QString::number(outcome.ms)));
    QVERIFY2(outcome.peakGrowthKiB < memoryBoundKiB,
             qPrintable(u"%1 KiB"_s.arg(outcome.peakGrowthKiB)));
    QVERIFY2(outcome.longestStallMs < 1000, qPrintable(QString::number(outcome.longestStallMs)));
}

// --- OCI registry client ---------------------------------------------------------------------

void TestHostileServers::ociClient_data()
{
    addRows(
        {{u"slowloris"_s, u"no data for 3 s"_s},
         {u"truncated"_s, u"closed the connection after 600 of the 1000000 bytes it announced"_s},
         {u"headers"_s, u"Connection closed"_s},
         {u"redirect"_s, u"more than 10 redirects"_s},
         {u"wrongtype"_s, u"malformed tag list.*illegal value"_s},
         {u"badutf8"_s, u"malformed tag list.*invalid UTF8"_s},
         {u"gzipbomb"_s,
          u"Content-Encoding: gzip\\) does not decompress within the safety limits"_s}},
        6000);
}

void TestHostileServers::ociClient()
{
    QFETCH(QString, hostileCase);
    const QString repository = u"127.0.0.1:%1/%2/app"_s.arg(m_port).arg(hostileCase);
    check(offThread([repository] {
        OciClientOptions options;
        options.useKeychain = false;
        options.useDockerConfig = false;
        options.stallTimeout = std::chrono::seconds(3);
        options.requestTimeout = std::chrono::seconds(6);
        OciClient client(repository, options);
        OciError error;
        const auto tags = client.tags(&error);
        return std::pair{tags.has_value(), error.message};
    }));
}

// --- Helm repository client ------------------------------------------------------------------

void TestHostileServers::helmRepository_data()
{
    addRows(
        {{u"slowloris"_s, u"no answer within 3 s"_s},
         {u"truncated"_s, u"closed the connection after 600 of the 1000000 bytes it announced"_s},
         {u"headers"_s, u"Connection closed"_s},
         {u"redirect"_s, u"more than 10 redirects"_s},
         {u"wrongtype"_s, u"not a Helm repository index"_s},
         {u"badutf8"_s, u"invalid leading UTF-8 octet"_s},
         {u"gzipbomb"_s,
          u"Content-Encoding: gzip\\) does not decompress within the safety limits"_s}},
        6000);
}

void TestHostileServers::helmRepository()
{
    QFETCH(QString, hostileCase);
    const QUrl url(u"http://127.0.0.1:%1/%2/"_s.arg(m_port).arg(hostileCase));
    const QString cache = m_dir.filePath(u"helm-cache"_s);
    check(offThread([url, cache] {
        HelmRepository::Options options;
        options.cacheRoot = cache;
        options.useKeychain = false;
        options.timeout = std::chrono::seconds(3);
        const HelmRepository::Result result = HelmRepository::fetch(url, {u"app"_s}, options);
        return std::pair{result.ok, result.error};
    }));
}

// --- Prometheus client -----------------------------------------------------------------------

void TestHostileServers::prometheus_data()
{
    addRows(
        {{u"slowloris"_s, u"did not answer within 6 s"_s},
         {u"truncated"_s, u"closed the connection after 600 of the 1000000 bytes it announced"_s},
         {u"headers"_s, u"Prometheus unreachable.*Connection closed"_s},
         {u"redirect"_s, u"HTTP 302, but Too many redirects"_s},
         {u"wrongtype"_s, u"HTTP 200, not a Prometheus API answer: <!DOCTYPE html>"_s},
         {u"badutf8"_s, u"HTTP 200, not a Prometheus API answer"_s},
         {u"gzipbomb"_s,
          u"Content-Encoding: gzip\\) does not decompress within the safety limits"_s}},
        6000);
}

void TestHostileServers::prometheus()
{
    QFETCH(QString, hostileCase);
    const QUrl url(u"http://127.0.0.1:%1/%2"_s.arg(m_port).arg(hostileCase));
    check(offThread([url] {
        PrometheusQuery query;
        query.url = url;
        query.originalAddress = url.toString();
        query.query = u"up"_s;
        query.timeout = std::chrono::seconds(6);
        query.useKeychain = false;
        const PrometheusResult result = PrometheusClient::run(query);
        return std::pair{result.ok(), result.error};
    }));
}

// --- git over HTTP (libgit2), through the discovery scheduler --------------------------------

void TestHostileServers::gitOverHttp_data()
{
    addRows({{u"slowloris"_s, u"no answer within 6 s"_s},
             {u"truncated"_s, u"bad packet length"_s},
             {u"headers"_s, u"unexpected EOF"_s},
             {u"redirect"_s, u"unexpected EOF"_s},
             {u"wrongtype"_s, u"invalid content-type: 'text/html"_s},
             {u"badutf8"_s, u"early EOF"_s},
             {u"gzipbomb"_s, u"bad packet length"_s}},
            6000);
}

void TestHostileServers::gitOverHttp()
{
    QFETCH(QString, hostileCase);
    const QString path = m_dir.filePath(u"pipelines/git-"_s + hostileCase);
    QDir().mkpath(path);
    QFile manifest(path + u"/warehouse.yaml"_s);
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(
        u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n"
        "  name: w\nspec:\n  interval: 1h\n  subscriptions:\n  - git:\n"
        "      repoURL: http://127.0.0.1:%1/%2/repo.git\n      branch: main\n"_s.arg(m_port)
            .arg(hostileCase)
            .toUtf8());
    manifest.close();
    const Pipeline pipeline = ManifestLoader::load(path);
    QVERIFY(!pipeline.hasErrors());
    QString error;
    const std::unique_ptr<Store> store = Store::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    DiscoveryScheduler::Settings settings;
    settings.pollOnTimer = false;
    settings.timeoutMs = 6000;
    DiscoveryScheduler scheduler(store.get(), m_dir.filePath(u"cache"_s), settings);
    scheduler.setPipeline(pipeline);

    Outcome outcome;
    const qint64 before = statusKiB("VmRSS");
    resetPeakMemory();
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&] {
        outcome.longestStallMs = std::max(outcome.longestStallMs, sinceTick.restart());
    });
    ticker.start();
    QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
    scheduler.refresh(u"w"_s);
    QVERIFY(finished.wait(60000));
    outcome.ms = clock.elapsed();
    outcome.peakGrowthKiB = statusKiB("VmHWM") - before;
    const QStringList errors = finished.first().at(1).toStringList();
    outcome.ok = errors.isEmpty();
    outcome.error = errors.join(u'\n');
    scheduler.shutdown();
    check(outcome);
}

// --- TLS and credentials --------------------------------------------------------------------

void TestHostileServers::tlsVerification_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<bool>("insecure");
    for (const QString &client : {u"helm"_s, u"prometheus"_s, u"oci"_s}) {
        QTest::newRow(qPrintable(client + u", verified"_s)) << client << false;
        QTest::newRow(qPrintable(client + u", insecureSkipTLSVerify"_s)) << client << true;
    }
}

void TestHostileServers::tlsVerification()
{
    // A self-signed certificate is refused unless the manifest says insecureSkipTLSVerify
    // (`insecure: true` for Prometheus).
    QFETCH(QString, client);
    QFETCH(bool, insecure);
    const int port = m_tlsPort;
    const Outcome outcome = offThread([client, insecure, port]() -> std::pair<bool, QString> {
        if (client == u"helm") {
            HelmRepository::Options options;
            options.useKeychain = false;
            options.insecureSkipTLSVerify = insecure;
            options.timeout = std::chrono::seconds(10);
            const auto result = HelmRepository::fetch(
                QUrl(u"https://localhost:%1/good/"_s.arg(port)), {u"app"_s}, options);
            return {result.ok, result.error};
        }
        if (client == u"prometheus") {
            PrometheusQuery query;
            query.url = QUrl(u"https://localhost:%1/good"_s.arg(port));
            query.originalAddress = query.url.toString();
            query.query = u"up"_s;
            query.useKeychain = false;
            query.insecure = insecure;
            const PrometheusResult result = PrometheusClient::run(query);
            return {result.ok(), result.error};
        }
        OciClientOptions options;
        options.useKeychain = false;
        options.useDockerConfig = false;
        options.insecureSkipTLSVerify = insecure;
        OciClient oci(u"localhost:%1/good/app"_s.arg(port), options);
        OciError error;
        const auto tags = oci.tags(&error);
        return {tags.has_value(), error.message};
    });
    m_report.append(u"tls %1 %2: %3"_s.arg(client, insecure ? u"insecure"_s : u"verified"_s,
                                           outcome.ok ? u"accepted"_s : outcome.error));
    if (insecure) {
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
    } else {
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(u"certificate"_s, Qt::CaseInsensitive) ||
                     outcome.error.contains(u"TLS"_s) || outcome.error.contains(u"SSL"_s),
                 qPrintable(outcome.error));
    }
}

void TestHostileServers::crossHostRedirectDropsAuthorization()
{
    // 127.0.0.1 redirects to localhost: another host, which must not see the credentials.
    const int port = m_port;
    const int before = stats().value(u"authorization"_s).toObject().value(u"good"_s).toInt();
    const Outcome helm = offThread([port]() -> std::pair<bool, QString> {
        HelmRepository::Options options;
        options.useKeychain = false;
        options.credential = Credential{u"alice"_s, u"helm-s3cret"_s};
        const auto result = HelmRepository::fetch(
            QUrl(u"http://127.0.0.1:%1/crosshost/"_s.arg(port)), {u"app"_s}, options);
        return {result.ok, result.error};
    });
    const Outcome prometheus = offThread([port]() -> std::pair<bool, QString> {
        PrometheusQuery query;
        query.url = QUrl(u"http://127.0.0.1:%1/crosshost"_s.arg(port));
        query.originalAddress = query.url.toString();
        query.query = u"up"_s;
        query.useKeychain = false;
        query.headers.append(QPair<QByteArray, QByteArray>(
            QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer prometheus-s3cret")));
        const PrometheusResult result = PrometheusClient::run(query);
        return {result.ok(), result.error};
    });
    m_report.append(u"cross-host redirect: helm %1; prometheus %2"_s.arg(
        helm.ok ? u"followed"_s : helm.error, prometheus.ok ? u"followed"_s : prometheus.error));
    const QJsonObject after = stats();
    QVERIFY(after.value(u"requests"_s).toObject().value(u"crosshost"_s).toInt() >= 2);
    QCOMPARE(after.value(u"authorization"_s).toObject().value(u"good"_s).toInt(), before);
}

QTEST_GUILESS_MAIN(TestHostileServers)
#include "tst_hostileservers.moc"
