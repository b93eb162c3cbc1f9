// The parsers under the OCI registry client, row by row with hostile input: WWW-Authenticate
// challenges, Link headers, Retry-After, distribution error bodies, image repoURLs (Docker Hub
// short names, registries with ports, loopback and private hosts), platforms, build times,
// Docker's config.json, and the JSON of tag lists, manifests, configs and token answers. The client
// itself is tested against real registries in tests/integration/tst_ociclient.

#include "engine/ocicredentials.h"
#include "engine/ociheaders.h"
#include "engine/ocijson.h"
#include "engine/ocireference.h"
#include "engine/ocitypes.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

const QString registryPassword = u"reg1stry-passw0rd"_s;

} // namespace

class TestOciParsing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseAuthenticate_data();
    void parseAuthenticate();
    void nextLink_data();
    void nextLink();
    void retryAfter_data();
    void retryAfter();
    void errorMessage_data();
    void errorMessage();
    void reference_data();
    void reference();
    void platform_data();
    void platform();
    void buildTime_data();
    void buildTime();
    void dockerConfig_data();
    void dockerConfig();
    void token_data();
    void token();
    void tagsPage_data();
    void tagsPage();
    void manifestDigest();
};

void TestOciParsing::parseAuthenticate_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");
    QTest::newRow("Docker Hub bearer")
        << QByteArray(R"(Bearer realm="https://auth.docker.io/token",service="registry.docker.io",)"
                      R"(scope="repository:library/nginx:pull")")
        << u"bearer{realm=https://auth.docker.io/token,scope=repository:library/nginx:pull,"
           u"service=registry.docker.io}"_s;
    QTest::newRow("basic") << QByteArray(R"(Basic realm="Registry Realm")")
                           << u"basic{realm=Registry Realm}"_s;
    QTest::newRow("two challenges")
        << QByteArray(R"(Basic realm="a", Bearer realm="https://x/token",service="s")")
        << u"basic{realm=a}|bearer{realm=https://x/token,service=s}"_s;
    QTest::newRow("insufficient scope")
        << QByteArray(R"(Bearer realm="r",service="s",scope="repository:a:pull",)"
                      R"(error="insufficient_scope")")
        << u"bearer{error=insufficient_scope,realm=r,scope=repository:a:pull,service=s}"_s;
    QTest::newRow("escaped quote")
        << QByteArray(R"(Bearer realm="https://x/t\"q\\")") << u"bearer{realm=https://x/t\"q\\}"_s;
    QTest::newRow("comma inside quotes")
        << QByteArray(R"(Bearer realm="r",scope="repository:a:pull,push")")
        << u"bearer{realm=r,scope=repository:a:pull,push}"_s;
    QTest::newRow("several scopes")
        << QByteArray(R"(Bearer realm="r",scope="repository:a:pull repository:b:pull")")
        << u"bearer{realm=r,scope=repository:a:pull repository:b:pull}"_s;
    QTest::newRow("tokens and spaces")
        << QByteArray(R"(Bearer realm = "r" , service=svc)") << u"bearer{realm=r,service=svc}"_s;
    QTest::newRow("case") << QByteArray(R"(BEARER Realm="r")") << u"bearer{realm=r}"_s;
    QTest::newRow("token68 then basic")
        << QByteArray(R"(Negotiate abc==, Basic realm="x")") << u"negotiate{}|basic{realm=x}"_s;
    QTest::newRow("token68 without padding")
        << QByteArray("Negotiate YWJj, Basic") << u"negotiate{}|basic{}"_s;
    QTest::newRow("bare scheme") << QByteArray("Basic") << u"basic{}"_s;
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("junk") << QByteArray(R"(,,, "junk, more")") << QString();
    QTest::newRow("unterminated quote")
        << QByteArray(R"(Bearer realm="https://x)") << u"bearer{realm=https://x}"_s;
    QTest::newRow("junk after parameter")
        << QByteArray(R"(Bearer realm="r" junk, Basic)") << u"bearer{realm=r}|basic{}"_s;
}

void TestOciParsing::parseAuthenticate()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    QStringList parts;
    for (const OciAuthChallenge &challenge : OciHeaders::parseAuthenticate(header)) {
        QStringList parameters;
        for (auto it = challenge.parameters.begin(); it != challenge.parameters.end(); ++it)
            parameters.append(it.key() + u'=' + it.value());
        parts.append(challenge.scheme + u'{' + parameters.join(u',') + u'}');
    }
    QCOMPARE(parts.join(u'|'), expected);
}

void TestOciParsing::nextLink_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("expected");
    QTest::newRow("distribution") << QByteArray(R"(</v2/x/tags/list?n=2&last=b>; rel="next")")
                                  << u"/v2/x/tags/list?n=2&last=b"_s;
    QTest::newRow("absolute, unquoted rel")
        << QByteArray("<https://r.example:5000/v2/x/tags/list?last=b>; rel=next")
        << u"https://r.example:5000/v2/x/tags/list?last=b"_s;
    QTest::newRow("prev then next")
        << QByteArray(R"(</p>; rel="prev", </n>; rel="next")") << u"/n"_s;
    QTest::newRow("several relations") << QByteArray(R"(</n>; rel="last next")") << u"/n"_s;
    QTest::newRow("no next") << QByteArray(R"(</p>; rel="prev")") << QString();
    QTest::newRow("comma in the URL")
        << QByteArray(R"(</v2/x?a=1,2>; rel="next")") << u"/v2/x?a=1,2"_s;
    QTest::newRow("other parameters first")
        << QByteArray(R"(</n>; type="text/html"; REL="Next")") << u"/n"_s;
    QTest::newRow("quoted comma in another link")
        << QByteArray(R"(</a>; title="x, y"; rel="prev", </b>; rel="next")") << u"/b"_s;
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("no closing bracket") << QByteArray(R"(</n; rel="next")") << QString();
    QTest::newRow("junk before") << QByteArray(R"(junk, </n>; rel="next")") << u"/n"_s;
}

void TestOciParsing::nextLink()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, expected);
    QCOMPARE(OciHeaders::nextLink(header), expected);
}

void TestOciParsing::retryAfter_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("seconds"); // -1: unreadable
    QTest::newRow("seconds") << QByteArray("120") << qint64(120);
    QTest::newRow("spaces") << QByteArray(" 5 ") << qint64(5);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("IMF-fixdate") << QByteArray("Mon, 01 Jan 2024 00:00:30 GMT") << qint64(30);
    QTest::newRow("RFC 850") << QByteArray("Monday, 01-Jan-24 00:00:30 GMT") << qint64(30);
    QTest::newRow("asctime") << QByteArray("Mon Jan  1 00:01:00 2024") << qint64(60);
    QTest::newRow("past date") << QByteArray("Sun, 31 Dec 2023 23:00:00 GMT") << qint64(0);
    QTest::newRow("huge") << QByteArray("99999999999999999999") << qint64(999'999'999);
    QTest::newRow("words") << QByteArray("soon") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("empty") << QByteArray() << qint64(-1);
}

void TestOciParsing::retryAfter()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, seconds);
    const QDateTime now(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(OciHeaders::parseRetryAfter(header, now).value_or(-1), seconds);
}

void TestOciParsing::errorMessage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("distribution")
        << QByteArray(R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown",)"
                      R"("detail":{"Tag":"x"}}]})")
        << u"MANIFEST_UNKNOWN: manifest unknown"_s;
    QTest::newRow("two") << QByteArray(R"({"errors":[{"code":"A","message":"a"},{"code":"B"}]})")
                         << u"A: a; B"_s;
    QTest::newRow("message only") << QByteArray(R"({"errors":[{"message":"m"}]})") << u"m"_s;
    QTest::newRow("control characters")
        << QByteArray(R"({"errors":[{"code":"X","message":"a\nb\u0007c"}]})") << u"X: a b c"_s;
    QTest::newRow("not JSON") << QByteArray("<html>502</html>") << QString();
    QTest::newRow("wrong shape") << QByteArray(R"({"errors":"x"})") << QString();
    QTest::newRow("token server") << QByteArray(R"({"details":"incorrect"})") << QString();
}

void TestOciParsing::errorMessage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QCOMPARE(OciHeaders::errorMessage(body), expected);
}

void TestOciParsing::reference_data()
{
    QTest::addColumn<QString>("repoURL");
    QTest::addColumn<QString>("registry"); // empty: invalid
    QTest::addColumn<QString>("repository");
    QTest::addColumn<QString>("apiHost");
    QTest::addColumn<bool>("plainHttpFallback");
    const QString hub = u"docker.io"_s;
    const QString hubApi = u"registry-1.docker.io"_s;
    QTest::newRow("official image") << u"nginx"_s << hub << u"library/nginx"_s << hubApi << false;
    QTest::newRow("Docker Hub user image")
        << u"argoproj/rollouts-demo"_s << hub << u"argoproj/rollouts-demo"_s << hubApi << false;
    QTest::newRow("docker.io") << u"docker.io/nginx"_s << hub << u"library/nginx"_s << hubApi
                               << false;
    QTest::newRow("index.docker.io")
        << u"index.docker.io/library/nginx"_s << hub << u"library/nginx"_s << hubApi << false;
    QTest::newRow("ghcr") << u"ghcr.io/akuity/guestbook"_s << u"ghcr.io"_s << u"akuity/guestbook"_s
                          << u"ghcr.io"_s << false;
    QTest::newRow("registry lower-cased") << u"GHCR.io/akuity/guestbook"_s << u"ghcr.io"_s
                                          << u"akuity/guestbook"_s << u"ghcr.io"_s << false;
    QTest::newRow("localhost with port") << u"localhost:5000/team/app"_s << u"localhost:5000"_s
                                         << u"team/app"_s << u"localhost:5000"_s << true;
    QTest::newRow("localhost without port is a Docker Hub path")
        << u"localhost/app"_s << hub << u"localhost/app"_s << hubApi << false;
    QTest::newRow("loopback, deep path") << u"127.0.0.1:5000/a/b/c"_s << u"127.0.0.1:5000"_s
                                         << u"a/b/c"_s << u"127.0.0.1:5000"_s << true;
    QTest::newRow("RFC 1918 192.168") << u"192.168.1.10:5000/x/y"_s << u"192.168.1.10:5000"_s
                                      << u"x/y"_s << u"192.168.1.10:5000"_s << true;
    QTest::newRow("RFC 1918 10/8")
        << u"10.1.2.3/x/y"_s << u"10.1.2.3"_s << u"x/y"_s << u"10.1.2.3"_s << true;
    QTest::newRow("public address")
        << u"172.32.0.1/x/y"_s << u"172.32.0.1"_s << u"x/y"_s << u"172.32.0.1"_s << false;
    QTest::newRow("IPv6 loopback")
        << u"[::1]:5000/app"_s << u"[::1]:5000"_s << u"app"_s << u"[::1]:5000"_s << true;
    QTest::newRow("oci:// chart") << u"oci://ghcr.io/org/chart"_s << u"ghcr.io"_s << u"org/chart"_s
                                  << u"ghcr.io"_s << false;
    QTest::newRow("tag dropped") << u"nginx:1.25"_s << hub << u"library/nginx"_s << hubApi << false;
    QTest::newRow("port and tag") << u"localhost:5000/app:v1"_s << u"localhost:5000"_s << u"app"_s
                                  << u"localhost:5000"_s << true;
    QTest::newRow("digest dropped") << u"ghcr.io/org/app@sha256:%1"_s.arg(QString(64, u'a'))
                                    << u"ghcr.io"_s << u"org/app"_s << u"ghcr.io"_s << false;
    QTest::newRow("upper-case path") << u"Nginx"_s << QString() << QString() << QString() << false;
    QTest::newRow("URL scheme") << u"https://ghcr.io/x/y"_s << QString() << QString() << QString()
                                << false;
    QTest::newRow("too short") << u"a"_s << QString() << QString() << QString() << false;
    QTest::newRow("empty path") << u"ghcr.io/"_s << QString() << QString() << QString() << false;
    QTest::newRow("user info") << u"user@ghcr.io/x/y"_s << QString() << QString() << QString()
                               << false;
}

void TestOciParsing::reference()
{
    QFETCH(QString, repoURL);
    QFETCH(QString, registry);
    QFETCH(QString, repository);
    QFETCH(QString, apiHost);
    QFETCH(bool, plainHttpFallback);
    QString error;
    const std::optional<OciReference> parsed = OciReference::parse(repoURL, &error);
    if (registry.isEmpty()) {
        QVERIFY(!parsed);
        QVERIFY(error.contains(repoURL));
        return;
    }
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(parsed->repoURL(), repoURL);
    QCOMPARE(parsed->registry(), registry);
    QCOMPARE(parsed->repository(), repository);
    QCOMPARE(parsed->apiHost(), apiHost);
    QCOMPARE(parsed->allowsPlainHttpFallback(), plainHttpFallback);
}

void TestOciParsing::platform_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("os"); // empty: invalid
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QString>("variant");
    QTest::newRow("os/arch") << u"linux/amd64"_s << u"linux"_s << u"amd64"_s << QString();
    QTest::newRow("variant") << u"linux/arm64/v8"_s << u"linux"_s << u"arm64"_s << u"v8"_s;
    QTest::newRow("variant keeps slashes")
        << u"linux/arm/v7/x"_s << u"linux"_s << u"arm"_s << u"v7/x"_s;
    QTest::newRow("os only") << u"linux"_s << QString() << QString() << QString();
    QTest::newRow("empty") << QString() << QString() << QString() << QString();
}

void TestOciParsing::platform()
{
    QFETCH(QString, text);
    QFETCH(QString, os);
    QFETCH(QString, architecture);
    QFETCH(QString, variant);
    const std::optional<OciPlatform> parsed = OciPlatform::parse(text);
    if (os.isEmpty()) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(parsed->os, os);
    QCOMPARE(parsed->architecture, architecture);
    QCOMPARE(parsed->variant, variant);
    QCOMPARE(parsed->toString(), text);
    QVERIFY(parsed->matches(*parsed));
    QVERIFY(!parsed->matches(OciPlatform{os, architecture, variant + u"x"_s}));
}

void TestOciParsing::buildTime_data()
{
    using Map = QMap<QString, QString>;
    QTest::addColumn<Map>("annotations");
    QTest::addColumn<Map>("labels");
    QTest::addColumn<QString>("created");
    QTest::addColumn<QString>("expected"); // empty: invalid
    const QString oci = OciBuildTime::createdKey;
    const QString schema = OciBuildTime::labelSchemaKey;
    QTest::newRow("config created, nanoseconds")
        << Map() << Map() << u"2024-03-01T10:00:00.123456789Z"_s << u"2024-03-01T10:00:00.123"_s;
    QTest::newRow("label newer") << Map() << Map{{oci, u"2024-03-02T00:00:00Z"_s}}
                                 << u"2024-03-01T00:00:00Z"_s << u"2024-03-02T00:00:00.000"_s;
    QTest::newRow("created newer than label")
        << Map() << Map{{oci, u"2024-03-02T00:00:00Z"_s}} << u"2024-03-05T00:00:00Z"_s
        << u"2024-03-05T00:00:00.000"_s;
    QTest::newRow("annotation with offset")
        << Map{{oci, u"2024-05-01T12:00:00+02:00"_s}} << Map() << u"2024-04-01T00:00:00Z"_s
        << u"2024-05-01T10:00:00.000"_s;
    QTest::newRow("label-schema newest")
        << Map{{oci, u"2024-01-01T00:00:00Z"_s}} << Map{{schema, u"2024-02-01T00:00:00-01:30"_s}}
        << u"2024-01-15T00:00:00Z"_s << u"2024-02-01T01:30:00.000"_s;
    QTest::newRow("unreadable label ignored")
        << Map() << Map{{oci, u"yesterday"_s}, {schema, u"20240101"_s}} << u"2024-03-01T00:00:00Z"_s
        << u"2024-03-01T00:00:00.000"_s;
    QTest::newRow("lower-case t rejected")
        << Map() << Map() << u"2024-01-01t00:00:00Z"_s << QString();
    QTest::newRow("space rejected") << Map() << Map() << u"2024-01-01 00:00:00Z"_s << QString();
    QTest::newRow("impossible date") << Map() << Map() << u"2024-02-30T00:00:00Z"_s << QString();
    QTest::newRow("no zone") << Map() << Map() << u"2024-01-01T00:00:00"_s << QString();
    QTest::newRow("nothing") << Map() << Map() << QString() << QString();
}

void TestOciParsing::buildTime()
{
    using Map = QMap<QString, QString>;
    QFETCH(Map, annotations);
    QFETCH(Map, labels);
    QFETCH(QString, created);
    QFETCH(QString, expected);
    const QDateTime when = OciBuildTime::latest(annotations, labels, created);
    if (expected.isEmpty()) {
        QVERIFY(!when.isValid());
        return;
    }
    QCOMPARE(when.timeSpec(), Qt::UTC);
    QCOMPARE(when.toString(Qt::ISODateWithMs), expected + u"Z"_s);
}

void TestOciParsing::dockerConfig_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("username"); // empty: none
    QTest::addColumn<QString>("note");     // a part of the note expected
    const QByteArray auth = QByteArray("alice:" + registryPassword.toUtf8()).toBase64();
    QTest::newRow("host key") << QByteArray(R"({"auths":{"ghcr.io":{"auth":")" + auth + "\"}}}")
                              << u"ghcr.io"_s << u"alice"_s << QString();
    QTest::newRow("https key with path")
        << QByteArray(R"({"auths":{"https://ghcr.io/v2/":{"auth":")" + auth + "\"}}}")
        << u"ghcr.io"_s << u"alice"_s << QString();
    QTest::newRow("Docker Hub's legacy key")
        << QByteArray(R"({"auths":{"https://index.docker.io/v1/":{"auth":")" + auth + "\"}}}")
        << u"docker.io"_s << u"alice"_s << QString();
    QTest::newRow("host and port")
        << QByteArray(R"({"auths":{"127.0.0.1:5000":{"auth":")" + auth + "\"}}}")
        << u"127.0.0.1:5000"_s << u"alice"_s << QString();
    QTest::newRow("username and password fields")
        << QByteArray(R"({"auths":{"quay.io":{"username":"bob","password":"pw"}}})") << u"quay.io"_s
        << u"bob"_s << QString();
    QTest::newRow("other host") << QByteArray(R"({"auths":{"ghcr.io":{"auth":")" + auth + "\"}}}")
                                << u"quay.io"_s << QString() << QString();
    QTest::newRow("credential store")
        << QByteArray(R"({"auths":{"ghcr.io":{}},"credsStore":"desktop"})") << u"ghcr.io"_s
        << QString() << u"docker-credential-desktop"_s;
    QTest::newRow("credential helper")
        << QByteArray(R"({"credHelpers":{"gcr.io":"gcloud"},"credsStore":"desktop"})")
        << u"gcr.io"_s << QString() << u"docker-credential-gcloud"_s;
    QTest::newRow("auth without colon")
        << QByteArray(R"({"auths":{"ghcr.io":{"auth":"bm9jb2xvbg=="}}})") << u"ghcr.io"_s
        << QString() << u"not base64 of user:password"_s;
    QTest::newRow("identity token") << QByteArray(R"({"auths":{"ghcr.io":{"identitytoken":"x"}}})")
                                    << u"ghcr.io"_s << QString() << u"identity token"_s;
    QTest::newRow("not JSON") << QByteArray("{") << u"ghcr.io"_s << QString()
                              << u"not a JSON object"_s;
}

void TestOciParsing::dockerConfig()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, registry);
    QFETCH(QString, username);
    QFETCH(QString, note);
    QString actualNote;
    const std::optional<Credential> credential =
        OciCredentials::fromDockerConfig(json, registry, &actualNote);
    if (username.isEmpty()) {
        QVERIFY(!credential);
        QVERIFY2(actualNote.contains(note), qPrintable(actualNote));
        return;
    }
    QVERIFY(credential);
    QCOMPARE(credential->username, username);
    QVERIFY(!credential->password.isEmpty());
    if (username == u"alice")
        QVERIFY(credential->password == registryPassword); // not QCOMPARE: never print it

    qputenv("DOCKER_CONFIG", "/tmp/stevedore-docker");
    QCOMPARE(OciCredentials::dockerConfigPath({}), u"/tmp/stevedore-docker/config.json"_s);
    qunsetenv("DOCKER_CONFIG");
    QCOMPARE(OciCredentials::dockerConfigPath({}), QDir::home().filePath(u".docker/config.json"_s));
}

void TestOciParsing::token_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("token"); // empty: no token
    QTest::addColumn<qint64>("lifetime");
    QTest::newRow("token") << QByteArray(R"({"token":"t","expires_in":300})") << QByteArray("t")
                           << qint64(300);
    QTest::newRow("access_token") << QByteArray(R"({"token":"","access_token":"a"})")
                                  << QByteArray("a") << qint64(60);
    QTest::newRow("no lifetime") << QByteArray(R"({"token":"t"})") << QByteArray("t") << qint64(60);
    QTest::newRow("negative lifetime")
        << QByteArray(R"({"token":"t","expires_in":-5})") << QByteArray("t") << qint64(60);
    // Seconds × 1000 would overflow where the cache computes the deadline (seen while writing
    // the fuzz target).
    QTest::newRow("endless lifetime")
        << QByteArray(R"({"token":"t","expires_in":9223372036854775807})") << QByteArray("t")
        << OciJson::maxTokenLifetimeSeconds;
    QTest::newRow("no token") << QByteArray(R"({"expires_in":300})") << QByteArray() << qint64(0);
    QTest::newRow("token not a string")
        << QByteArray(R"({"token":7})") << QByteArray() << qint64(0);
    QTest::newRow("not JSON") << QByteArray("<html>") << QByteArray() << qint64(0);
}

void TestOciParsing::token()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, token);
    QFETCH(qint64, lifetime);
    const std::optional<OciToken> parsed = OciJson::token(body);
    QCOMPARE(parsed.has_value(), !token.isEmpty());
    if (parsed) {
        QCOMPARE(parsed->token, token);
        QCOMPARE(parsed->lifetimeSeconds, lifetime);
    }
}

void TestOciParsing::tagsPage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected"); // tags joined with `,`, or `!` and the error's start
    QTest::newRow("tags") << QByteArray(R"({"name":"a","tags":["1.0","latest",7]})")
                          << u"1.0,latest"_s;
    QTest::newRow("null tags") << QByteArray(R"({"name":"a","tags":null})") << QString();
    QTest::newRow("no tags") << QByteArray(R"({"name":"a"})") << QString();
    QTest::newRow("tags not a list")
        << QByteArray(R"({"tags":"1.0"})") << u"!malformed tag list (page 2): \"tags\""_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"!malformed tag list (page 2): not"_s;
    QTest::newRow("not JSON") << QByteArray("{") << u"!malformed tag list (page 2): "_s;
}

void TestOciParsing::tagsPage()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    OciError error;
    const std::optional<QStringList> tags = OciJson::tagsPage(body, 2, &error);
    if (expected.startsWith(u'!')) {
        QVERIFY(!tags);
        QCOMPARE(error.kind, OciError::Kind::InvalidResponse);
        QVERIFY2(error.message.startsWith(expected.mid(1)), qPrintable(error.message));
    } else {
        QVERIFY2(tags, qPrintable(error.message));
        QCOMPARE(tags->join(u','), expected);
    }
}

void TestOciParsing::manifestDigest()
{
    const QByteArray body =
        R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",)"
        R"("config":{"digest":"sha256:)" +
        QByteArray(64, 'a') + R"(","size":2},"layers":[]})";
    const QString digest = OciJson::digestOf(body, QCryptographicHash::Sha256);
    OciError error;
    std::optional<OciManifest> manifest = OciJson::manifest(body, {}, {}, u"v1"_s, &error);
    QVERIFY2(manifest, qPrintable(error.message));
    QCOMPARE(manifest->digest, digest);
    QCOMPARE(manifest->config.digest, u"sha256:"_s + QString(64, u'a'));

    manifest = OciJson::manifest(body, {}, digest.toLatin1(), digest, &error);
    QVERIFY2(manifest, qPrintable(error.message));
    manifest = OciJson::manifest(body, {}, "sha256:" + QByteArray(64, '0'), u"v1"_s, &error);
    QVERIFY(!manifest);
    QCOMPARE(error.kind, OciError::Kind::DigestMismatch);
    manifest = OciJson::manifest(body, {}, {}, u"sha256:"_s + QString(64, u'0'), &error);
    QVERIFY(!manifest);
    QCOMPARE(error.kind, OciError::Kind::DigestMismatch);
}

QTEST_GUILESS_MAIN(TestOciParsing)

#include "tst_ociparsing.moc"
