// The OCI distribution client against real `docker-registry` servers on 127.0.0.1 (anonymous,
// htpasswd basic auth, token auth with a small RS256 token server, and TLS), filled with images
// built here by hand as an OCI layout and pushed with skopeo (tests/support/testregistry.h);
// against a hostile registry (tests/support/oci_hostile_registry.py) for malformed, huge,
// stalled, rate-limited and redirecting answers. The parsers it relies on are tested row by row
// in tst_ociparsing.
//
// Runs itself again inside a private D-Bus session with GNOME Keyring (as tst_keychain does) so
// the keychain lookup of registry credentials is tested without touching the user's keyring.

#include "engine/keychain.h"
#include "engine/ociclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <cstdio>

#include "tests/support/secretservice.h"
#include "tests/support/testregistry.h"
#include "tests/support/testservers.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

const char sessionVariable[] = "STEVEDORE_OCICLIENT_TEST_SESSION";
const QString supportDir = QStringLiteral(STEVEDORE_TEST_SUPPORT_DIR);
const QString registryUser = u"stevedore"_s;
const QString registryPassword = u"reg1stry-passw0rd"_s;

QDateTime utc(const QString &iso)
{
    QDateTime when = QDateTime::fromString(iso, Qt::ISODateWithMs);
    when.setTimeSpec(Qt::UTC);
    return when;
}

/// The registry's tag order is its own (distribution 2.8 lists them as its storage does).
QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString describe(const OciError &error)
{
    return u"kind %1, HTTP %2: %3"_s.arg(int(error.kind)).arg(error.httpStatus).arg(error.message);
}

/// The peak resident set size of this process so far, in KiB.
qint64 peakMemoryKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

/// GETs a JSON object from a test server on 127.0.0.1.
QJsonObject getJson(const QString &url)
{
    QNetworkAccessManager manager;
    std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(QUrl(url))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

class TestOciClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { OciClient::clearTokenCache(); }

    // A real registry.
    void anonymousTagsManifestsAndBlobs();
    void tagsPaging();
    void singleImage();
    void multiPlatformIndex();
    void unknownManifestRepositoryAndBlob();
    void mirrors();
    void basicAuth();
    void keychainCredential();
    void tokenAuth();
    void tokenCache();
    void tls();
    void fromWorkerThreads();

    // A hostile registry.
    void malformedJson();
    void hugeTagsBodyBoundedMemory();
    void hugeTagsBodyDefaultLimit();
    void stalledConnection();
    void requestDeadline();
    void cancellation();
    void rateLimitRetried();
    void rateLimitTooLong();
    void blobRedirectDropsAuthorization();
    void endlessLinkChain();
    void linkLoop();
    void digestMismatch();
    void unsupportedChallenge();

private:
    OciClientOptions options() const;
    QString repo(int port, const QString &name) const
    {
        return u"127.0.0.1:%1/%2"_s.arg(port).arg(name);
    }
    bool startRegistry(TestRegistry &registry, int port, const QString &name, const QString &extra)
    {
        return registry.start(m_dir.path(), m_storage, name, extra, port);
    }
    int tokenRequests() const
    {
        return getJson(u"http://127.0.0.1:%1/stats"_s.arg(m_tokenServerPort))
            .value(u"requests"_s)
            .toInt();
    }
    QJsonObject hostileStats() const
    {
        return getJson(u"http://127.0.0.1:%1/stats"_s.arg(m_hostilePort));
    }

    QTemporaryDir m_dir;
    QString m_storage;
    TestRegistry m_anonymous;
    TestRegistry m_basic;
    TestRegistry m_token;
    ServerProcess m_tokenServer;
    TestRegistry m_tls;
    ServerProcess m_hostile;
    int m_anonymousPort = 0;
    int m_basicPort = 0;
    int m_tokenPort = 0;
    int m_tokenServerPort = 0;
    int m_tlsPort = 0;
    int m_hostilePort = 0;
    OciLayout::Image m_imageA;
    OciLayout::Image m_imageB;
    OciLayout::Image m_amd64;
    OciLayout::Image m_arm64;
    OciLayout::Blob m_index;
    QStringList m_publicTags;
};

OciClientOptions TestOciClient::options() const
{
    OciClientOptions options;
    options.useKeychain = false;
    options.useDockerConfig = false;
    options.stallTimeout = std::chrono::seconds(10);
    options.requestTimeout = std::chrono::seconds(30);
    return options;
}

void TestOciClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(qEnvironmentVariableIsSet(sessionVariable),
             "runs only inside its private D-Bus session (started by main())");
    QStandardPaths::setTestModeEnabled(true);
    m_storage = m_dir.filePath(u"storage"_s);
    QVERIFY(QDir().mkpath(m_storage));

    // Images, built by hand.
    OciLayout layout(m_dir.filePath(u"layout"_s));
    const OciPlatform amd64{u"linux"_s, u"amd64"_s, {}};
    const OciPlatform arm64{u"linux"_s, u"arm64"_s, u"v8"_s};
    auto a = layout.image(amd64, u"2024-03-01T10:00:00.123456789Z"_s,
                          {{u"org.opencontainers.image.created"_s, u"2024-03-02T00:00:00Z"_s}}, {});
    auto b =
        layout.image(amd64, u"2024-04-01T00:00:00Z"_s,
                     {{u"org.label-schema.build-date"_s, u"2024-04-15T00:00:00Z"_s}},
                     {{u"org.opencontainers.image.created"_s, u"2024-05-01T12:00:00+02:00"_s}});
    auto x86 = layout.image(amd64, u"2024-06-01T00:00:00Z"_s, {}, {});
    auto arm = layout.image(arm64, u"2024-06-10T00:00:00Z"_s, {}, {});
    QVERIFY(a && b && x86 && arm);
    m_imageA = *a;
    m_imageB = *b;
    m_amd64 = *x86;
    m_arm64 = *arm;
    m_index = layout.index({{m_amd64.manifest, amd64},
                            {m_arm64.manifest, arm64},
                            {layout.attestation(), OciPlatform{u"unknown"_s, u"unknown"_s, {}}}},
                           {{u"org.opencontainers.image.vendor"_s, u"Stevedore"_s}});
    layout.tag(u"v1.0.0"_s, m_imageA.manifest);
    layout.tag(u"v1.1.0"_s, m_imageB.manifest);
    layout.tag(u"multi"_s, m_index);
    m_publicTags = QStringList{u"multi"_s, u"v1.0.0"_s, u"v1.1.0"_s};
    for (int i = 1; i <= 12; ++i) {
        const QString name = u"p%1"_s.arg(i, 2, 10, QChar(u'0'));
        layout.tag(name, m_imageA.manifest);
        m_publicTags.append(name);
    }
    m_publicTags.sort();
    QVERIFY(layout.writeIndex());

    // One storage, served anonymously (for pushing), with basic auth, with token auth, over TLS.
    m_anonymousPort = freePort();
    QVERIFY(startRegistry(m_anonymous, m_anonymousPort, u"anonymous"_s, {}));
    for (const QString &tag : std::as_const(m_publicTags))
        QVERIFY2(m_anonymous.push(layout, tag, u"public/app"_s), qPrintable(tag));
    QVERIFY(m_anonymous.push(layout, u"v1.0.0"_s, u"private/app"_s));

    QByteArray htpasswd;
    QVERIFY(run(u"htpasswd"_s, {u"-Bbn"_s, registryUser, registryPassword}, &htpasswd));
    QVERIFY(writeFile(m_dir.filePath(u"htpasswd"_s), htpasswd));
    m_basicPort = freePort();
    QVERIFY(startRegistry(m_basic, m_basicPort, u"basic"_s,
                          u"auth:\n  htpasswd:\n    realm: stevedore-test\n    path: %1\n"_s.arg(
                              m_dir.filePath(u"htpasswd"_s))));

    const QString key = m_dir.filePath(u"token.key"_s);
    const QString cert = m_dir.filePath(u"token.crt"_s);
    QVERIFY(run(u"openssl"_s,
                {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
                 u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=stevedore-test-token"_s}));
    m_tokenServerPort = freePort();
    QVERIFY(m_tokenServer.start(u"/usr/bin/python3"_s,
                                {supportDir + u"/oci_token_server.py"_s, u"--port"_s,
                                 QString::number(m_tokenServerPort), u"--key"_s, key, u"--user"_s,
                                 registryUser, u"--password"_s, registryPassword},
                                m_tokenServerPort));
    m_tokenPort = freePort();
    QVERIFY(startRegistry(
        m_token, m_tokenPort, u"token"_s,
        u"auth:\n  token:\n    realm: http://127.0.0.1:%1/token\n"
        u"    service: stevedore-test-registry\n"
        u"    issuer: stevedore-test-issuer\n    rootcertbundle: %2\n"_s.arg(m_tokenServerPort)
            .arg(cert)));

    const QString tlsKey = m_dir.filePath(u"tls.key"_s);
    const QString tlsCert = m_dir.filePath(u"tls.crt"_s);
    QVERIFY(
        run(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                           u"-keyout"_s, tlsKey, u"-out"_s, tlsCert, u"-days"_s, u"2"_s, u"-subj"_s,
                           u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s}));
    m_tlsPort = freePort();
    QVERIFY(startRegistry(m_tls, m_tlsPort, u"tls"_s,
                          u"  tls:\n    certificate: %1\n    key: %2\n"_s.arg(tlsCert, tlsKey)));

    m_hostilePort = freePort();
    QVERIFY(m_hostile.start(u"/usr/bin/python3"_s,
                            {supportDir + u"/oci_hostile_registry.py"_s, u"--port"_s,
                             QString::number(m_hostilePort), u"--other-port"_s,
                             QString::number(freePort()), u"--user"_s, registryUser,
                             u"--password"_s, registryPassword},
                            m_hostilePort));
}

// --- A real registry -------------------------------------------------------------------------

void TestOciClient::anonymousTagsManifestsAndBlobs()
{
    // 127.0.0.1 without a mirror: HTTPS is tried first, plain HTTP is what answers.
    OciClient client(repo(m_anonymousPort, u"public/app"_s), options());
    OciError error;
    QVERIFY2(client.ping(&error), qPrintable(describe(error)));
    const std::optional<QStringList> tags = client.tags(&error);
    QVERIFY2(tags, qPrintable(describe(error)));
    QCOMPARE(sorted(*tags), m_publicTags);

    QCOMPARE(client.manifestDigest(u"v1.0.0"_s, &error).value_or(QString()),
             m_imageA.manifest.digest);
    QCOMPARE(client.manifestDigest(u"multi"_s, &error).value_or(QString()), m_index.digest);
    QCOMPARE(client.manifestDigest(m_imageB.manifest.digest, &error).value_or(QString()),
             m_imageB.manifest.digest);

    const std::optional<OciManifest> manifest = client.manifest(u"v1.0.0"_s, &error);
    QVERIFY2(manifest, qPrintable(describe(error)));
    QCOMPARE(manifest->digest, m_imageA.manifest.digest);
    QCOMPARE(manifest->mediaType, OciLayout::manifestType);
    QCOMPARE(manifest->body, m_imageA.manifest.content);
    QCOMPARE(manifest->config.digest, m_imageA.config.digest);
    QCOMPARE(manifest->layers.size(), 1);
    QVERIFY(!manifest->isIndex());

    const std::optional<OciManifest> byDigest = client.manifest(m_index.digest, &error);
    QVERIFY2(byDigest, qPrintable(describe(error)));
    QVERIFY(byDigest->isIndex());
    QCOMPARE(byDigest->manifests.size(), 3);
    QCOMPARE(byDigest->manifests.at(1).platform->variant, u"v8"_s);

    const std::optional<QByteArray> config =
        client.blob(m_imageA.config.digest, 1024 * 1024, &error);
    QVERIFY2(config, qPrintable(describe(error)));
    QCOMPARE(*config, m_imageA.config.content);

    // A blob larger than the limit the caller gives.
    QVERIFY(!client.blob(m_imageA.config.digest, 16, &error));
    QCOMPARE(error.kind, OciError::Kind::TooLarge);
}

void TestOciClient::tagsPaging()
{
    // distribution 2.8 ignores n= and answers with every tag at once: no Link to follow.
    OciClientOptions paged = options();
    paged.tagPageSize = 4;
    paged.maxTagPages = 1;
    OciClient real(repo(m_anonymousPort, u"public/app"_s), paged);
    OciError error;
    const std::optional<QStringList> all = real.tags(&error);
    QVERIFY2(all, qPrintable(describe(error)));
    QCOMPARE(sorted(*all), m_publicTags);

    // A registry that pages: the relative Link (a path, or only a query) is resolved against
    // the URL that answered, keeping 127.0.0.1 and its port.
    QStringList expected;
    for (int i = 1; i <= 15; ++i)
        expected.append(u"t%1"_s.arg(i, 2, 10, QChar(u'0')));
    for (const QString &name : {u"paged/path"_s, u"paged/query"_s}) {
        const QString path = u"/v2/%1/tags/list"_s.arg(name);
        const auto hits = [this, &path] {
            return hostileStats().value(u"hits"_s).toObject().value(path).toInt();
        };
        const int before = hits();
        paged.maxTagPages = 1000;
        OciClient client(repo(m_hostilePort, name), paged);
        const std::optional<QStringList> tags = client.tags(&error);
        QVERIFY2(tags, qPrintable(describe(error)));
        QCOMPARE(*tags, expected);
        QCOMPARE(hits(), before + 4);

        paged.maxTagPages = 2;
        OciClient limitedPages(repo(m_hostilePort, name), paged);
        QVERIFY(!limitedPages.tags(&error));
        QCOMPARE(error.kind, OciError::Kind::InvalidResponse);
        QVERIFY2(error.message.contains(u"did not end after 2 pages"_s), qPrintable(error.message));
    }

    OciClientOptions fewTags = options();
    fewTags.maxTags = 5;
    OciClient limitedTags(repo(m_anonymousPort, u"public/app"_s), fewTags);
    QVERIFY(!limitedTags.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::TooLarge);
    QVERIFY2(error.message.contains(u"more than 5 tags"_s), qPrintable(error.message));
}

void TestOciClient::singleImage()
{
    OciClient client(repo(m_anonymousPort, u"public/app"_s), options());
    OciError error;
    std::optional<OciManifestInfo> info = client.image(u"v1.0.0"_s, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->reference, u"v1.0.0"_s);
    QCOMPARE(info->digest, m_imageA.manifest.digest);
    QCOMPARE(info->mediaType, OciLayout::manifestType);
    QCOMPARE(info->platform->toString(), u"linux/amd64"_s);
    QCOMPARE(info->configDigest, m_imageA.config.digest);
    // The config label is newer than the config's own `created`.
    QCOMPARE(info->createdAt, utc(u"2024-03-02T00:00:00.000"_s));
    QVERIFY(info->platformMatched);
    QVERIFY(info->platforms.isEmpty());

    info = client.image(u"v1.1.0"_s, OciPlatform::parse(u"linux/amd64"_s), &error);
    QVERIFY2(info, qPrintable(describe(error)));
    // The manifest annotation (12:00+02:00) beats label-schema and the config's `created`.
    QCOMPARE(info->createdAt, utc(u"2024-05-01T10:00:00.000"_s));
    QCOMPARE(info->annotations.value(OciBuildTime::createdKey), u"2024-05-01T12:00:00+02:00"_s);
    QVERIFY(info->platformMatched);

    // Another platform: no error, but Kargo would skip the tag.
    info = client.image(u"v1.0.0"_s, OciPlatform::parse(u"linux/arm64"_s), &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QVERIFY(!info->platformMatched);
    QCOMPARE(info->digest, m_imageA.manifest.digest);
}

void TestOciClient::multiPlatformIndex()
{
    OciClient client(repo(m_anonymousPort, u"public/app"_s), options());
    OciError error;
    std::optional<OciManifestInfo> info = client.image(u"multi"_s, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->digest, m_index.digest);
    QCOMPARE(info->mediaType, OciLayout::indexType);
    QVERIFY(!info->platform);
    QVERIFY(info->configDigest.isEmpty());
    QCOMPARE(info->annotations.value(u"org.opencontainers.image.vendor"_s), u"Stevedore"_s);
    // The attestation (unknown/unknown) is left out; the index is as new as its newest image.
    QCOMPARE(info->platforms.size(), 2);
    QCOMPARE(info->platforms.at(0).platform.toString(), u"linux/amd64"_s);
    QCOMPARE(info->platforms.at(0).digest, m_amd64.manifest.digest);
    QCOMPARE(info->platforms.at(0).createdAt, utc(u"2024-06-01T00:00:00.000"_s));
    QCOMPARE(info->platforms.at(1).platform.toString(), u"linux/arm64/v8"_s);
    QCOMPARE(info->platforms.at(1).configDigest, m_arm64.config.digest);
    QCOMPARE(info->createdAt, utc(u"2024-06-10T00:00:00.000"_s));
    QVERIFY(info->platformMatched);

    info = client.image(u"multi"_s, OciPlatform::parse(u"linux/amd64"_s), &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QVERIFY(info->platformMatched);
    QCOMPARE(info->digest, m_index.digest); // freight records the index, as in Kargo
    QCOMPARE(info->platform->toString(), u"linux/amd64"_s);
    QCOMPARE(info->configDigest, m_amd64.config.digest);
    QCOMPARE(info->createdAt, utc(u"2024-06-10T00:00:00.000"_s)); // index-wide, as Kargo

    info = client.image(u"multi"_s, OciPlatform::parse(u"linux/arm64/v8"_s), &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QVERIFY(info->platformMatched);
    QCOMPARE(info->configDigest, m_arm64.config.digest);

    // Variants match exactly, as in Kargo: linux/arm64 is not linux/arm64/v8.
    for (const QString &other : {u"linux/arm64"_s, u"windows/amd64"_s}) {
        info = client.image(u"multi"_s, OciPlatform::parse(other), &error);
        QVERIFY2(info, qPrintable(describe(error)));
        QVERIFY2(!info->platformMatched, qPrintable(other));
        QVERIFY(!info->platform);
    }

    // By digest, too.
    info = client.image(m_index.digest, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->platforms.size(), 2);
}

void TestOciClient::unknownManifestRepositoryAndBlob()
{
    OciClient client(repo(m_anonymousPort, u"public/app"_s), options());
    OciError error;
    QVERIFY(!client.manifest(u"v9.9.9"_s, &error));
    QCOMPARE(error.kind, OciError::Kind::NotFound);
    QCOMPARE(error.httpStatus, 404);
    QVERIFY2(error.message.startsWith(u"MANIFEST_UNKNOWN: manifest unknown"_s),
             qPrintable(error.message));

    QVERIFY(!client.blob(u"sha256:"_s + QString(64, u'0'), 1024, &error));
    QCOMPARE(error.kind, OciError::Kind::NotFound);
    QVERIFY2(error.message.contains(u"BLOB_UNKNOWN"_s), qPrintable(error.message));

    OciClient missing(repo(m_anonymousPort, u"public/none"_s), options());
    QVERIFY(!missing.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::NotFound);
    QVERIFY2(error.message.contains(u"NAME_UNKNOWN"_s), qPrintable(error.message));

    QVERIFY(!client.manifest(u"bad tag!"_s, &error));
    QCOMPARE(error.kind, OciError::Kind::InvalidReference);

    OciClient invalid(u"Not/Valid"_s, options());
    QVERIFY(!invalid.reference());
    QVERIFY(!invalid.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::InvalidReference);
    QVERIFY2(error.message.contains(u"Not/Valid"_s), qPrintable(error.message));
}

void TestOciClient::mirrors()
{
    const QUrl mirror(u"http://127.0.0.1:%1"_s.arg(m_anonymousPort));
    OciClientOptions mirrored = options();
    mirrored.mirrors.insert(u"ghcr.io"_s, mirror);
    OciClient ghcr(u"ghcr.io/public/app"_s, mirrored);
    OciError error;
    const std::optional<QStringList> tags = ghcr.tags(&error);
    QVERIFY2(tags, qPrintable(describe(error)));
    QCOMPARE(sorted(*tags), m_publicTags);
    const std::optional<OciManifestInfo> info = ghcr.image(u"v1.0.0"_s, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->digest, m_imageA.manifest.digest);
    QCOMPARE(ghcr.reference()->repoURL(), u"ghcr.io/public/app"_s);

    // Docker Hub short names through a mirror: `public/app` is a Docker Hub user image, and
    // `nginx` asks for `library/nginx`.
    OciClientOptions hub = options();
    hub.mirrors.insert(u"docker.io"_s, mirror);
    OciClient user(u"public/app"_s, hub);
    QVERIFY2(user.manifestDigest(u"v1.1.0"_s, &error) == m_imageB.manifest.digest,
             qPrintable(describe(error)));
    OciClient official(u"nginx"_s, hub);
    QVERIFY(!official.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::NotFound);
    QVERIFY2(error.message.contains(u"NAME_UNKNOWN"_s), qPrintable(error.message));

    OciClientOptions bad = options();
    bad.mirrors.insert(u"ghcr.io"_s, QUrl(u"ftp://127.0.0.1/x"_s));
    OciClient broken(u"ghcr.io/public/app"_s, bad);
    QVERIFY(!broken.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::InvalidReference);
}

void TestOciClient::basicAuth()
{
    const QString repository = repo(m_basicPort, u"public/app"_s);
    OciError error;

    OciClientOptions given = options();
    given.credential = Credential{registryUser, registryPassword};
    OciClient client(repository, given);
    const std::optional<QStringList> tags = client.tags(&error);
    QVERIFY2(tags, qPrintable(describe(error)));
    QCOMPARE(sorted(*tags), m_publicTags);
    const std::optional<OciManifestInfo> info = client.image(u"multi"_s, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->platforms.size(), 2);

    // From Docker's config.json.
    const QString config = m_dir.filePath(u"docker-basic.json"_s);
    const QByteArray auth = (registryUser + u':' + registryPassword).toUtf8().toBase64();
    QVERIFY(writeFile(config, R"({"auths":{"http://127.0.0.1:)" + QByteArray::number(m_basicPort) +
                                  R"(":{"auth":")" + auth + "\"}}}"));
    OciClientOptions docker = options();
    docker.useDockerConfig = true;
    docker.dockerConfigPath = config;
    OciClient fromConfig(repository, docker);
    QVERIFY2(fromConfig.tags(&error), qPrintable(describe(error)));

    // Wrong password: refused, and the password appears nowhere.
    const QString wrong = u"wr0ng-passw0rd"_s;
    OciClientOptions refused = options();
    refused.credential = Credential{registryUser, wrong};
    OciClient wrongClient(repository, refused);
    QVERIFY(!wrongClient.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Unauthorized);
    QVERIFY2(error.message.contains(u"refused"_s), qPrintable(error.message));
    QVERIFY(!error.message.contains(wrong));

    // None at all: the message says where to put them; a credential store is mentioned.
    const QString storeConfig = m_dir.filePath(u"docker-store.json"_s);
    QVERIFY(writeFile(storeConfig, R"({"credsStore":"desktop"})"));
    OciClientOptions none = options();
    none.useDockerConfig = true;
    none.dockerConfigPath = storeConfig;
    OciClient anonymous(repository, none);
    QVERIFY(!anonymous.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Unauthorized);
    QVERIFY2(error.message.contains(u"registry:127.0.0.1:%1"_s.arg(m_basicPort)),
             qPrintable(error.message));
    QVERIFY2(error.message.contains(u"docker-credential-desktop"_s), qPrintable(error.message));
}

void TestOciClient::keychainCredential()
{
    const QString registry = u"127.0.0.1:%1"_s.arg(m_basicPort);
    QString keychainError;
    QVERIFY2(Keychain::writeRegistryCredential(registry, {registryUser, registryPassword},
                                               &keychainError),
             qPrintable(keychainError));
    OciClientOptions fromKeychain = options();
    fromKeychain.useKeychain = true;
    OciClient client(repo(m_basicPort, u"public/app"_s), fromKeychain);
    OciError error;
    QVERIFY2(client.tags(&error), qPrintable(describe(error)));
    QVERIFY(Keychain::remove(Keychain::registryAccount(registry), &keychainError) ==
            Keychain::Status::Ok);

    // Without the entry, the keychain is asked and found empty: anonymous, then refused.
    OciClient without(repo(m_basicPort, u"public/app"_s), fromKeychain);
    QVERIFY(!without.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Unauthorized);
}

void TestOciClient::tokenAuth()
{
    OciError error;
    // Anonymous tokens are enough for public/ on this token server.
    OciClient publicClient(repo(m_tokenPort, u"public/app"_s), options());
    const std::optional<QStringList> tags = publicClient.tags(&error);
    QVERIFY2(tags, qPrintable(describe(error)));
    QCOMPARE(sorted(*tags), m_publicTags);
    const std::optional<OciManifestInfo> info =
        publicClient.image(u"v1.0.0"_s, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->digest, m_imageA.manifest.digest);

    // private/ needs credentials: an anonymous token is refused by the registry.
    OciClient anonymous(repo(m_tokenPort, u"private/app"_s), options());
    QVERIFY(!anonymous.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Unauthorized);
    QVERIFY2(error.message.contains(u"registry:127.0.0.1:%1"_s.arg(m_tokenPort)),
             qPrintable(error.message));

    OciClientOptions given = options();
    given.credential = Credential{registryUser, registryPassword};
    OciClient authorized(repo(m_tokenPort, u"private/app"_s), given);
    const std::optional<QStringList> privateTags = authorized.tags(&error);
    QVERIFY2(privateTags, qPrintable(describe(error)));
    QCOMPARE(*privateTags, QStringList{u"v1.0.0"_s});
    QVERIFY2(authorized.image(u"v1.0.0"_s, std::nullopt, &error), qPrintable(describe(error)));

    const QString wrong = u"wr0ng-passw0rd"_s;
    OciClientOptions refused = options();
    refused.credential = Credential{registryUser, wrong};
    OciClient wrongClient(repo(m_tokenPort, u"private/app"_s), refused);
    QVERIFY(!wrongClient.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Unauthorized);
    QVERIFY2(error.message.contains(u"token server"_s) && error.message.contains(u"refused"_s),
             qPrintable(error.message));
    QVERIFY(!error.message.contains(wrong));
}

void TestOciClient::tokenCache()
{
    OciClientOptions given = options();
    given.credential = Credential{registryUser, registryPassword};
    const QString repository = repo(m_tokenPort, u"private/app"_s);
    OciError error;

    // One token for the tags, the manifest, the config blob and a HEAD, and for a second client
    // of the same repository and credentials.
    int before = tokenRequests();
    {
        OciClient client(repository, given);
        QVERIFY2(client.tags(&error), qPrintable(describe(error)));
        QVERIFY2(client.image(u"v1.0.0"_s, std::nullopt, &error), qPrintable(describe(error)));
        QVERIFY2(client.manifestDigest(u"v1.0.0"_s, &error), qPrintable(describe(error)));
    }
    OciClient second(repository, given);
    QVERIFY2(second.tags(&error), qPrintable(describe(error)));
    QCOMPARE(tokenRequests(), before + 1);

    // Different credentials do not share the token (here: anonymous, for public/app).
    OciClient other(repo(m_tokenPort, u"public/app"_s), options());
    QVERIFY2(other.tags(&error), qPrintable(describe(error)));
    QCOMPARE(tokenRequests(), before + 2);

    // A token that expires after 1 s is fetched again once it has.
    getJson(u"http://127.0.0.1:%1/set?expires_in=1"_s.arg(m_tokenServerPort));
    OciClient::clearTokenCache();
    OciClient shortLived(repository, given);
    QVERIFY2(shortLived.tags(&error), qPrintable(describe(error)));
    before = tokenRequests();
    QVERIFY2(shortLived.tags(&error), qPrintable(describe(error)));
    QCOMPARE(tokenRequests(), before); // still valid
    QTRY_VERIFY_WITH_TIMEOUT((shortLived.tags(&error), tokenRequests() == before + 1), 5000);
    QVERIFY2(!error.isError(), qPrintable(describe(error)));

    // Without expires_in (60 s by default) the token is kept; `access_token` is read as well.
    getJson(u"http://127.0.0.1:%1/set?expires_in=300&send_expires_in=0&access_token_field=1"_s.arg(
        m_tokenServerPort));
    OciClient::clearTokenCache();
    before = tokenRequests();
    OciClient defaults(repository, given);
    QVERIFY2(defaults.tags(&error), qPrintable(describe(error)));
    QVERIFY2(defaults.tags(&error), qPrintable(describe(error)));
    QCOMPARE(tokenRequests(), before + 1);
    getJson(
        u"http://127.0.0.1:%1/set?send_expires_in=1&access_token_field=0"_s.arg(m_tokenServerPort));
}

void TestOciClient::tls()
{
    OciError error;
    OciClient strict(repo(m_tlsPort, u"public/app"_s), options());
    QVERIFY(!strict.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Tls);
    QVERIFY2(error.message.contains(u"insecureSkipTLSVerify"_s), qPrintable(error.message));

    OciClientOptions insecure = options();
    insecure.insecureSkipTLSVerify = true;
    OciClient client(repo(m_tlsPort, u"public/app"_s), insecure);
    const std::optional<QStringList> tags = client.tags(&error);
    QVERIFY2(tags, qPrintable(describe(error)));
    QCOMPARE(sorted(*tags), m_publicTags);
    QVERIFY2(client.image(u"multi"_s, std::nullopt, &error), qPrintable(describe(error)));
}

void TestOciClient::fromWorkerThreads()
{
    // Each worker makes, uses and destroys its own client; the token cache is shared.
    OciClientOptions given = options();
    given.credential = Credential{registryUser, registryPassword};
    const QString repository = repo(m_tokenPort, u"private/app"_s);
    QList<QFuture<QString>> futures;
    for (int i = 0; i < 4; ++i) {
        futures.append(QtConcurrent::run([given, repository] {
            OciClient client(repository, given);
            OciError error;
            const auto info = client.image(u"v1.0.0"_s, std::nullopt, &error);
            return info ? info->digest : error.message;
        }));
    }
    for (QFuture<QString> &future : futures)
        QCOMPARE(future.result(), m_imageA.manifest.digest);
}

// --- A hostile registry ----------------------------------------------------------------------

void TestOciClient::malformedJson()
{
    OciClient client(repo(m_hostilePort, u"malformed/json"_s), options());
    OciError error;
    QVERIFY(!client.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::InvalidResponse);
    QVERIFY2(error.message.contains(u"malformed tag list"_s) && error.message.contains(u"byte"_s),
             qPrintable(error.message));
    QVERIFY(!client.manifest(u"v1"_s, &error));
    QCOMPARE(error.kind, OciError::Kind::InvalidResponse);
    QVERIFY2(error.message.startsWith(u"malformed manifest"_s), qPrintable(error.message));
}

void TestOciClient::hugeTagsBodyBoundedMemory()
{
    // 200 MB of tags without a Content-Length; the client stops at its 8 MiB limit.
    OciClientOptions limited = options();
    limited.maxTagsPageBytes = 8 * 1024 * 1024;
    OciClient client(repo(m_hostilePort, u"huge/stream"_s), limited);
    const qint64 peakBefore = peakMemoryKiB();
    QElapsedTimer timer;
    timer.start();
    OciError error;
    QVERIFY(!client.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::TooLarge);
    QVERIFY2(error.message.contains(u"8 MiB"_s), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    const qint64 grownKiB = peakMemoryKiB() - peakBefore;
    QVERIFY2(grownKiB < 48 * 1024, qPrintable(u"peak memory grew by %1 KiB"_s.arg(grownKiB)));
    const qint64 sent = hostileStats().value(u"huge_bytes_sent"_s).toInteger();
    QVERIFY2(sent < 100 * 1024 * 1024, qPrintable(QString::number(sent)));
}

void TestOciClient::hugeTagsBodyDefaultLimit()
{
    OciError error;
    QElapsedTimer timer;
    timer.start();
    // Announced with a Content-Length: refused before the body is read.
    OciClient announced(repo(m_hostilePort, u"huge/length"_s), options());
    QVERIFY(!announced.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::TooLarge);
    QVERIFY2(error.message.contains(u"64 MiB"_s), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));

    timer.restart();
    [[maybe_unused]] const qint64 peakBefore = peakMemoryKiB();
    OciClient streamed(repo(m_hostilePort, u"huge/stream"_s), options());
    QVERIFY(!streamed.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::TooLarge);
    QVERIFY2(error.message.contains(u"64 MiB"_s), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < 30000, qPrintable(QString::number(timer.elapsed())));
#ifndef __SANITIZE_ADDRESS__
    // Under AddressSanitizer freed memory waits in a quarantine (256 MB), so peaks say nothing.
    const qint64 grownKiB = peakMemoryKiB() - peakBefore;
    QVERIFY2(grownKiB < 192 * 1024, qPrintable(u"peak memory grew by %1 KiB"_s.arg(grownKiB)));
#endif
}

void TestOciClient::stalledConnection()
{
    OciClientOptions impatient = options();
    impatient.stallTimeout = std::chrono::milliseconds(1000);
    for (const QString &name : {u"stall/body"_s, u"stall/headers"_s}) {
        OciClient client(repo(m_hostilePort, name), impatient);
        QElapsedTimer timer;
        timer.start();
        OciError error;
        QVERIFY(!client.tags(&error));
        QCOMPARE(error.kind, OciError::Kind::Timeout);
        QVERIFY2(error.message.contains(u"no data for 1 s"_s), qPrintable(error.message));
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }
}

void TestOciClient::requestDeadline()
{
    OciClientOptions deadline = options();
    deadline.stallTimeout = std::chrono::seconds(30);
    deadline.requestTimeout = std::chrono::milliseconds(1500);
    OciClient client(repo(m_hostilePort, u"stall/headers"_s), deadline);
    QElapsedTimer timer;
    timer.start();
    OciError error;
    QVERIFY(!client.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Timeout);
    QVERIFY2(error.message.contains(u"within 1.5 s"_s), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestOciClient::cancellation()
{
    OciClientOptions cancellable = options();
    cancellable.stallTimeout = std::chrono::seconds(60);
    cancellable.requestTimeout = std::chrono::seconds(60);
    cancellable.cancelled = std::make_shared<std::atomic<bool>>(false);
    const int stalledBefore = hostileStats().value(u"stalled"_s).toInt();
    const QString repository = repo(m_hostilePort, u"stall/headers"_s);
    QFuture<OciError> future = QtConcurrent::run([cancellable, repository] {
        OciClient client(repository, cancellable);
        OciError error;
        client.tags(&error);
        return error;
    });
    QTRY_VERIFY_WITH_TIMEOUT(hostileStats().value(u"stalled"_s).toInt() > stalledBefore, 10000);
    QElapsedTimer timer;
    timer.start();
    cancellable.cancelled->store(true);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 2000);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(future.result().kind, OciError::Kind::Cancelled);
}

void TestOciClient::rateLimitRetried()
{
    // 429 with Retry-After: 1, then 503 with Retry-After as a date, then the tags.
    OciClient client(repo(m_hostilePort, u"ratelimit/retry"_s), options());
    QElapsedTimer timer;
    timer.start();
    OciError error;
    const std::optional<QStringList> tags = client.tags(&error);
    QVERIFY2(tags, qPrintable(describe(error)));
    QCOMPARE(*tags, QStringList{u"ok"_s});
    QVERIFY2(timer.elapsed() >= 900, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(hostileStats()
                 .value(u"hits"_s)
                 .toObject()
                 .value(u"/v2/ratelimit/retry/tags/list"_s)
                 .toInt(),
             3);
}

void TestOciClient::rateLimitTooLong()
{
    OciClient client(repo(m_hostilePort, u"ratelimit/long"_s), options());
    QElapsedTimer timer;
    timer.start();
    OciError error;
    QVERIFY(!client.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::RateLimited);
    QCOMPARE(error.retryAfterSeconds, 3600);
    QCOMPARE(error.httpStatus, 429);
    QVERIFY2(error.message.contains(u"retry after 3600 s"_s) &&
                 error.message.contains(u"TOOMANYREQUESTS: pull rate limit"_s),
             qPrintable(error.message));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestOciClient::blobRedirectDropsAuthorization()
{
    // The registry needs basic auth; its config blob redirects to 127.0.0.2, which answers 400
    // (and records it) if Authorization arrives there.
    OciClientOptions given = options();
    given.credential = Credential{registryUser, registryPassword};
    OciClient client(repo(m_hostilePort, u"auth/redirect"_s), given);
    OciError error;
    const std::optional<OciManifestInfo> info = client.image(u"v1"_s, std::nullopt, &error);
    QVERIFY2(info, qPrintable(describe(error)));
    QCOMPARE(info->createdAt, utc(u"2024-02-04T00:00:00.000"_s));
    const QJsonObject stats = hostileStats();
    QVERIFY(stats.value(u"other_requests"_s).toInt() >= 1);
    QVERIFY(!stats.value(u"other_authorization_seen"_s).toBool());

    // A redirect target that fails: the message names it without its (signed) query.
    QVERIFY(!client.blob(u"sha256:"_s + QString(64, u'2'), 1024, &error));
    QCOMPARE(error.kind, OciError::Kind::Network);
    QVERIFY2(error.message.contains(u"http://127.0.0.2:1/blobs/x"_s), qPrintable(error.message));
    QVERIFY(!error.message.contains(u"s3cr3t"_s));
    QVERIFY(!error.message.contains(registryPassword));
}

void TestOciClient::endlessLinkChain()
{
    const QString path = u"/v2/endless/link/tags/list"_s;
    const auto hits = [this, &path] {
        return hostileStats().value(u"hits"_s).toObject().value(path).toInt();
    };
    OciClientOptions fewPages = options();
    fewPages.maxTagPages = 50;
    OciClient limited(repo(m_hostilePort, u"endless/link"_s), fewPages);
    OciError error;
    const int before = hits();
    QVERIFY(!limited.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::InvalidResponse);
    QVERIFY2(error.message.contains(u"did not end after 50 pages"_s), qPrintable(error.message));
    QCOMPARE(hits(), before + 50);

    // With the defaults, too (1000 pages).
    QElapsedTimer timer;
    timer.start();
    OciClient defaults(repo(m_hostilePort, u"endless/link"_s), options());
    QVERIFY(!defaults.tags(&error));
    QVERIFY2(error.message.contains(u"did not end after 1000 pages"_s), qPrintable(error.message));
    QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed())));
}

void TestOciClient::linkLoop()
{
    OciClient client(repo(m_hostilePort, u"loop/link"_s), options());
    OciError error;
    QVERIFY(!client.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::InvalidResponse);
    QVERIFY2(error.message.contains(u"leads back to a page already read"_s),
             qPrintable(error.message));
}

void TestOciClient::digestMismatch()
{
    OciClient client(repo(m_hostilePort, u"digest/mismatch"_s), options());
    OciError error;
    QVERIFY(!client.manifest(u"v1"_s, &error));
    QCOMPARE(error.kind, OciError::Kind::DigestMismatch);
    QVERIFY2(error.message.contains(u"Docker-Content-Digest"_s), qPrintable(error.message));
    QVERIFY(!client.manifest(u"sha256:"_s + QString(64, u'1'), &error));
    QCOMPARE(error.kind, OciError::Kind::DigestMismatch);
}

void TestOciClient::unsupportedChallenge()
{
    OciClient client(repo(m_hostilePort, u"bad/challenge"_s), options());
    OciError error;
    QVERIFY(!client.tags(&error));
    QCOMPARE(error.kind, OciError::Kind::Unsupported);
    QVERIFY2(error.message.contains(u"negotiate"_s), qPrintable(error.message));
}

int main(int argc, char *argv[])
{
    if (!qEnvironmentVariableIsSet(sessionVariable))
        return Stevedore::Testing::runInPrivateSecretService(argc, argv, sessionVariable);
    QCoreApplication app(argc, argv);
    TestOciClient test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ociclient.moc"
