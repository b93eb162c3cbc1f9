// Image and chart discovery end to end: ArtifactDiscovery against a real `docker-registry` on
// 127.0.0.1 filled with images and a Helm chart built here by hand (tests/support/testregistry.h),
// and a static Helm repository served by Python's http.server; the discovery scheduler making
// freight through a registry mirror; and `stevedorectl --mirror HOST=URL discover`. Registry
// requests are counted by a small proxy (tests/support/counting_registry_proxy.py) reached
// through a mirror.

#include "engine/artifactdiscovery.h"
#include "engine/discoveryscheduler.h"
#include "engine/freight.h"
#include "engine/manifestloader.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "tests/support/testregistry.h"
#include "tests/support/testservers.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

const QString supportDir = QStringLiteral(STEVEDORE_TEST_SUPPORT_DIR);
const OciPlatform amd64{u"linux"_s, u"amd64"_s, {}};
const OciPlatform arm64{u"linux"_s, u"arm64"_s, {}};
const OciPlatform attestationPlatform{u"unknown"_s, u"unknown"_s, {}};

QDateTime utc(const QString &iso)
{
    QDateTime when = QDateTime::fromString(iso, Qt::ISODate);
    when.setTimeSpec(Qt::UTC);
    return when;
}

QStringList tagsOf(const ArtifactDiscovery::ImageResult &result)
{
    QStringList tags;
    for (const DiscoveredImage &image : result.images)
        tags.append(image.tag);
    return tags;
}

QStringList versionsOf(const ArtifactDiscovery::ChartResult &result)
{
    QStringList versions;
    for (const DiscoveredChart &chart : result.charts)
        versions.append(chart.version);
    return versions;
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

/// One entry of a Helm repository's index.yaml.
QString indexEntry(const QString &chart, const QString &version)
{
    const QString file = u"%1-%2.tgz"_s.arg(chart, version);
    return u"  - apiVersion: v2\n    name: %1\n    version: %2\n    urls:\n    - charts/%3\n"
           u"    digest: %4\n    created: \"2024-01-01T00:00:00Z\"\n"_s.arg(
               chart, version, file, sha256Digest(file.toUtf8()).mid(7));
}

QString imageSubscription(const QString &repoURL, const QString &constraint)
{
    return u"  - image:\n      repoURL: %1\n      constraint: \"%2\"\n"_s.arg(repoURL, constraint);
}

QString chartSubscription(const QString &repoURL, const QString &name, const QString &constraint)
{
    QString subscription = u"  - chart:\n      repoURL: %1\n"_s.arg(repoURL);
    if (!name.isEmpty())
        subscription += u"      name: %1\n"_s.arg(name);
    return subscription + u"      semverConstraint: \"%1\"\n"_s.arg(constraint);
}

QString warehouseManifest(const QString &name, const QString &subscriptions)
{
    return u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: %1\n"
           u"spec:\n  interval: 1h\n  subscriptions:\n"_s.arg(name) +
           subscriptions;
}

} // namespace

class TestArtifactDiscovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // ArtifactDiscovery::discoverImages against the registry.
    void tagStrategies_data();
    void tagStrategies();
    void invalidSubscriptions_data();
    void invalidSubscriptions();
    void digestStrategy();
    void newestBuild_data();
    void newestBuild();
    void platformSelection();
    void metadataCacheSkipsConfigs();
    void cacheByTagSkipsManifests();

    // ArtifactDiscovery::discoverCharts.
    void classicRepository_data();
    void classicRepository();
    void classicRepositoryErrors();
    void ociChart_data();
    void ociChart();

    // The scheduler and freight.
    void schedulerThroughMirror();
    void schedulerGitImageAndChart();

    // stevedorectl.
    void cliDiscoverWithMirror();
    void cliMalformedMirror_data();
    void cliMalformedMirror();

private:
    OciClientOptions options() const;
    /// Puts @p manifest into the layout under a name of its own, pushes it as
    /// `<repository>:<tag>` and remembers its digest in m_digests.
    bool push(OciLayout &layout, const OciLayout::Blob &manifest, const QString &repository,
              const QString &tag);
    /// A Helm chart's manifest, as `helm push` makes it, for @p version.
    std::optional<OciLayout::Blob> chartManifest(OciLayout &layout, const QString &version);
    QStringList proxyRequests() const
    {
        QStringList requests;
        const QJsonArray array =
            getJson(u"http://127.0.0.1:%1/stats"_s.arg(m_proxyPort)).value(u"requests"_s).toArray();
        for (const QJsonValue &value : array)
            requests.append(value.toString());
        return requests;
    }
    struct Opened
    {
        Pipeline pipeline;
        std::unique_ptr<Store> store;
    };
    Opened openPipeline(const QString &name, const QString &manifests);
    QStringList poll(DiscoveryScheduler &scheduler, const QString &warehouse);
    DiscoveryScheduler::Settings mirroredSettings() const;
    QString helmURL() const { return u"http://127.0.0.1:%1/stable"_s.arg(m_helmPort); }
    QString registryURL() const { return u"http://127.0.0.1:%1"_s.arg(m_registry.port()); }

    struct CliResult
    {
        bool finished = false;
        int exitCode = -1;
        QString out;
        QString err;
    };
    CliResult runCli(const QStringList &arguments, const QString &home) const;

    QTemporaryDir m_dir;
    std::unique_ptr<OciLayout> m_layout;
    TestRegistry m_registry;
    ServerProcess m_proxy;
    ServerProcess m_helmServer;
    int m_proxyPort = 0;
    int m_helmPort = 0;
    int m_pushed = 0;
    /// `repository:tag` → manifest (or index) digest, as pushed.
    QHash<QString, QString> m_digests;
    QString m_arm64InIndex;
};

OciClientOptions TestArtifactDiscovery::options() const
{
    OciClientOptions options;
    options.useKeychain = false;
    options.useDockerConfig = false;
    options.stallTimeout = std::chrono::seconds(10);
    options.requestTimeout = std::chrono::seconds(30);
    return options;
}

bool TestArtifactDiscovery::push(OciLayout &layout, const OciLayout::Blob &manifest,
                                 const QString &repository, const QString &tag)
{
    // A layout name of its own per push: skopeo reads `index.json` for it.
    const QString name = u"push-%1"_s.arg(++m_pushed);
    layout.tag(name, manifest);
    if (!layout.writeIndex() || !m_registry.push(layout, name, repository, tag))
        return false;
    m_digests.insert(repository + u':' + tag, manifest.digest);
    return true;
}

/// The chart's `.tgz` as the one layer, a config of Helm's own media type.
std::optional<OciLayout::Blob> TestArtifactDiscovery::chartManifest(OciLayout &layout,
                                                                    const QString &version)
{
    const QString work = m_dir.filePath(u"chart-src/mychart"_s);
    QDir(work).removeRecursively();
    if (!QDir().mkpath(work) ||
        !writeFile(work + u"/Chart.yaml"_s,
                   u"apiVersion: v2\nname: mychart\nversion: %1\n"_s.arg(version).toUtf8()))
        return std::nullopt;
    QByteArray tgz;
    if (!run(u"tar"_s, {u"-C"_s, m_dir.filePath(u"chart-src"_s), u"-czf"_s, u"-"_s, u"mychart"_s},
             &tgz))
        return std::nullopt;
    const OciLayout::Blob content =
        layout.blob(tgz, u"application/vnd.cncf.helm.chart.content.v1.tar+gzip"_s);
    const OciLayout::Blob config = layout.blob(
        compactJson(
            {{u"apiVersion"_s, u"v2"_s}, {u"name"_s, u"mychart"_s}, {u"version"_s, version}}),
        u"application/vnd.cncf.helm.config.v1+json"_s);
    return layout.artifact(config, {content});
}

void TestArtifactDiscovery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", m_dir.filePath(u"home"_s).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    qunsetenv("DOCKER_CONFIG");
    StatePaths::setOverride(m_dir.filePath(u"state"_s));
    QVERIFY2(QFileInfo(QStringLiteral(STEVEDORECTL_PATH)).isExecutable(), STEVEDORECTL_PATH);

    QVERIFY(m_registry.start(m_dir.path(), m_dir.filePath(u"storage"_s), u"registry"_s));
    m_layout = std::make_unique<OciLayout>(m_dir.filePath(u"layout"_s));
    OciLayout &layout = *m_layout;

    // Tags for the SemVer and Lexical strategies, each its own image.
    const QStringList selectTags{u"v1.0.0"_s, u"v1.2.0"_s, u"v2.0.0-rc.1"_s, u"latest"_s, u"1.1"_s};
    for (int i = 0; i < selectTags.size(); ++i) {
        const auto image =
            layout.image(amd64, u"2024-01-%1T00:00:00Z"_s.arg(i + 1, 2, 10, QChar(u'0')), {}, {});
        QVERIFY(image);
        QVERIFY(push(layout, image->manifest, u"select/app"_s, selectTags.at(i)));
        // The repository the mirror tests reach as ghcr.io/example/app.
        if (selectTags.at(i) != u"latest")
            QVERIFY(push(layout, image->manifest, u"example/app"_s, selectTags.at(i)));
    }

    // Build times for NewestBuild: the latest of the config's `created`, the
    // `org.opencontainers.image.created` label or annotation and `org.label-schema.build-date`
    // counts. Tag names sort neither by build time nor against it.
    const auto alpha =
        layout.image(amd64, u"2024-01-01T00:00:00Z"_s, {},
                     {{u"org.opencontainers.image.created"_s, u"2024-06-01T00:00:00Z"_s}});
    const auto bravo =
        layout.image(amd64, u"2024-01-10T00:00:00Z"_s,
                     {{u"org.opencontainers.image.created"_s, u"2024-03-01T00:00:00Z"_s}}, {});
    const auto charlie =
        layout.image(amd64, u"2024-05-01T00:00:00Z"_s,
                     {{u"org.label-schema.build-date"_s, u"2024-02-01T00:00:00Z"_s}},
                     {{u"org.opencontainers.image.created"_s, u"2024-01-01T00:00:00Z"_s}});
    const auto delta =
        layout.image(amd64, u"2024-02-01T00:00:00Z"_s,
                     {{u"org.label-schema.build-date"_s, u"2024-04-01T00:00:00Z"_s}}, {});
    QVERIFY(alpha && bravo && charlie && delta);
    QVERIFY(push(layout, alpha->manifest, u"builds/app"_s, u"alpha"_s));
    QVERIFY(push(layout, bravo->manifest, u"builds/app"_s, u"bravo"_s));
    QVERIFY(push(layout, charlie->manifest, u"builds/app"_s, u"charlie"_s));
    QVERIFY(push(layout, delta->manifest, u"builds/app"_s, u"delta"_s));

    // Platforms: v1.0.0 arm64 only, v1.1.0 an index of both (and an attestation), v1.2.0 amd64
    // only, v1.3.0 an index of amd64 alone.
    const auto armOnly = layout.image(arm64, u"2024-04-01T00:00:00Z"_s, {}, {});
    const auto x86InIndex = layout.image(amd64, u"2024-03-01T00:00:00Z"_s, {}, {});
    const auto armInIndex = layout.image(arm64, u"2024-02-01T00:00:00Z"_s, {}, {});
    const auto x86Only = layout.image(amd64, u"2024-05-01T00:00:00Z"_s, {}, {});
    const auto x86InOtherIndex = layout.image(amd64, u"2024-05-02T00:00:00Z"_s, {}, {});
    QVERIFY(armOnly && x86InIndex && armInIndex && x86Only && x86InOtherIndex);
    m_arm64InIndex = armInIndex->manifest.digest;
    const OciLayout::Blob both = layout.index({{x86InIndex->manifest, amd64},
                                               {armInIndex->manifest, arm64},
                                               {layout.attestation(), attestationPlatform}},
                                              {});
    const OciLayout::Blob x86Index = layout.index({{x86InOtherIndex->manifest, amd64}}, {});
    QVERIFY(push(layout, armOnly->manifest, u"platform/app"_s, u"v1.0.0"_s));
    QVERIFY(push(layout, both, u"platform/app"_s, u"v1.1.0"_s));
    QVERIFY(push(layout, x86Only->manifest, u"platform/app"_s, u"v1.2.0"_s));
    QVERIFY(push(layout, x86Index, u"platform/app"_s, u"v1.3.0"_s));

    // A Helm chart in the registry, also reached as oci://ghcr.io/example/charts/mychart; the
    // tag is the version with `+` written `_`, as `helm push` stores it.
    for (const QString &tag :
         {u"1.0.0"_s, u"1.2.2"_s, u"1.2.3_build.1"_s, u"2.0.0-rc.1"_s, u"v9.0.0"_s, u"1.3"_s}) {
        const auto chart = chartManifest(layout, QString(tag).replace(u'_', u'+'));
        QVERIFY(chart);
        QVERIFY2(push(layout, *chart, u"charts/mychart"_s, tag), qPrintable(tag));
        QVERIFY(push(layout, *chart, u"example/charts/mychart"_s, tag));
    }

    // Counts what goes to the registry through it.
    m_proxyPort = freePort();
    QVERIFY(m_proxy.start(u"/usr/bin/python3"_s,
                          {supportDir + u"/counting_registry_proxy.py"_s, u"--port"_s,
                           QString::number(m_proxyPort), u"--upstream"_s, registryURL()},
                          m_proxyPort));

    // A classic Helm repository: two charts, versions out of order, some pre-releases.
    const QString helmRoot = m_dir.filePath(u"helm"_s);
    QVERIFY(QDir().mkpath(helmRoot + u"/stable"_s));
    QString index = u"apiVersion: v1\nentries:\n  web:\n"_s;
    for (const QString &version :
         {u"1.1.0"_s, u"2.1.0-beta.1"_s, u"1.0.0"_s, u"2.0.0"_s, u"1.2.0-rc.1"_s})
        index += indexEntry(u"web"_s, version);
    index += u"  api:\n"_s;
    for (const QString &version : {u"0.2.0"_s, u"0.3.0-alpha.1"_s, u"0.1.0"_s})
        index += indexEntry(u"api"_s, version);
    index += u"generated: \"2024-06-01T00:00:00Z\"\n"_s;
    QVERIFY(writeFile(helmRoot + u"/stable/index.yaml"_s, index.toUtf8()));
    m_helmPort = freePort();
    QVERIFY(m_helmServer.start(u"/usr/bin/python3"_s,
                               {u"-m"_s, u"http.server"_s, QString::number(m_helmPort), u"--bind"_s,
                                u"127.0.0.1"_s, u"--directory"_s, helmRoot},
                               m_helmPort));
}

// --- Images ----------------------------------------------------------------------------------

void TestArtifactDiscovery::tagStrategies_data()
{
    QTest::addColumn<ImageSelectionStrategy>("strategy");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");

    const auto semver = ImageSelectionStrategy::SemVer;
    const auto lexical = ImageSelectionStrategy::Lexical;
    QTest::newRow("semver ^1.0") << semver << u"^1.0"_s << true << QStringList() << QStringList()
                                 << 20 << QStringList{u"v1.2.0"_s, u"v1.0.0"_s};
    QTest::newRow("semver ^1.0 lenient")
        << semver << u"^1.0"_s << false << QStringList() << QStringList() << 20
        << QStringList{u"v1.2.0"_s, u"1.1"_s, u"v1.0.0"_s};
    QTest::newRow("semver ~1.1 strict")
        << semver << u"~1.1"_s << true << QStringList() << QStringList() << 20 << QStringList();
    QTest::newRow("semver ~1.1 lenient") << semver << u"~1.1"_s << false << QStringList()
                                         << QStringList() << 20 << QStringList{u"1.1"_s};
    QTest::newRow("semver no constraint")
        << semver << QString() << true << QStringList() << QStringList() << 20
        << QStringList{u"v2.0.0-rc.1"_s, u"v1.2.0"_s, u"v1.0.0"_s};
    QTest::newRow("semver pre-release constraint")
        << semver << u">=2.0.0-0"_s << true << QStringList() << QStringList() << 20
        << QStringList{u"v2.0.0-rc.1"_s};
    QTest::newRow("semver ignore")
        << semver << QString() << true << QStringList() << QStringList{u"-rc\\."_s} << 20
        << QStringList{u"v1.2.0"_s, u"v1.0.0"_s};
    QTest::newRow("semver allow") << semver << QString() << false << QStringList{u"^\\d"_s}
                                  << QStringList() << 20 << QStringList{u"1.1"_s};
    QTest::newRow("semver limit") << semver << u"^1.0"_s << false << QStringList() << QStringList()
                                  << 2 << QStringList{u"v1.2.0"_s, u"1.1"_s};
    QTest::newRow("lexical") << lexical << QString() << true << QStringList() << QStringList() << 20
                             << QStringList{u"v2.0.0-rc.1"_s, u"v1.2.0"_s, u"v1.0.0"_s, u"latest"_s,
                                            u"1.1"_s};
    QTest::newRow("lexical allow") << lexical << QString() << true << QStringList{u"^v1\\."_s}
                                   << QStringList() << 20 << QStringList{u"v1.2.0"_s, u"v1.0.0"_s};
    QTest::newRow("lexical allow and ignore")
        << lexical << QString() << true << QStringList{u"^v"_s, u"^l"_s}
        << QStringList{u"rc"_s, u"^v1\\.0"_s} << 20 << QStringList{u"v1.2.0"_s, u"latest"_s};
    QTest::newRow("lexical limit") << lexical << QString() << true << QStringList() << QStringList()
                                   << 2 << QStringList{u"v2.0.0-rc.1"_s, u"v1.2.0"_s};
}

void TestArtifactDiscovery::tagStrategies()
{
    QFETCH(ImageSelectionStrategy, strategy);
    QFETCH(QString, constraint);
    QFETCH(bool, strict);
    QFETCH(QStringList, allow);
    QFETCH(QStringList, ignore);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);

    ImageSubscription subscription;
    subscription.repoURL = m_registry.repository(u"select/app"_s);
    subscription.imageSelectionStrategy = strategy;
    subscription.constraint = constraint;
    subscription.strictSemvers = strict;
    subscription.allowTagsRegexes = allow;
    subscription.ignoreTagsRegexes = ignore;
    subscription.discoveryLimit = limit;
    MemoryImageCache cache;
    const auto result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(tagsOf(result), expected);
    for (const DiscoveredImage &image : result.images) {
        QCOMPARE(image.digest, m_digests.value(u"select/app:"_s + image.tag));
        QVERIFY(!image.createdAt.isValid()); // only NewestBuild needs the build time
    }
    QCOMPARE(result.configFetches, 0); // no platform asked for: no config read
}

void TestArtifactDiscovery::invalidSubscriptions_data()
{
    QTest::addColumn<QString>("repository");
    QTest::addColumn<ImageSelectionStrategy>("strategy");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<QStringList>("allow");
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("message");

    QTest::newRow("constraint") << u"select/app"_s << ImageSelectionStrategy::SemVer << u"^^1"_s
                                << QStringList() << QString()
                                << u"invalid semver constraint \"^^1\""_s;
    QTest::newRow("regex") << u"select/app"_s << ImageSelectionStrategy::Lexical << QString()
                           << QStringList{u"(v"_s} << QString()
                           << u"invalid regular expression \"(v\""_s;
    QTest::newRow("newest build regex")
        << u"builds/app"_s << ImageSelectionStrategy::NewestBuild << QString()
        << QStringList{u"[a"_s} << QString() << u"invalid regular expression \"[a\""_s;
    QTest::newRow("platform") << u"select/app"_s << ImageSelectionStrategy::SemVer << QString()
                              << QStringList() << u"linux"_s << u"\"linux\" is not a platform"_s;
    QTest::newRow("repository") << u"no/such"_s << ImageSelectionStrategy::SemVer << QString()
                                << QStringList() << QString() << u"NAME_UNKNOWN"_s;
    QTest::newRow("digest of a missing tag")
        << u"select/app"_s << ImageSelectionStrategy::Digest << u"nope"_s << QStringList()
        << QString() << u"no manifest \"nope\" in "_s;
}

void TestArtifactDiscovery::invalidSubscriptions()
{
    QFETCH(QString, repository);
    QFETCH(ImageSelectionStrategy, strategy);
    QFETCH(QString, constraint);
    QFETCH(QStringList, allow);
    QFETCH(QString, platform);
    QFETCH(QString, message);

    ImageSubscription subscription;
    subscription.repoURL = m_registry.repository(repository);
    subscription.imageSelectionStrategy = strategy;
    subscription.constraint = constraint;
    subscription.allowTagsRegexes = allow;
    subscription.platform = platform;
    MemoryImageCache cache;
    const auto result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY(!result.ok);
    QVERIFY(result.images.isEmpty());
    QVERIFY2(result.error.contains(message), qPrintable(result.error));
}

void TestArtifactDiscovery::digestStrategy()
{
    OciLayout &layout = *m_layout;
    const auto first = layout.image(amd64, u"2024-07-01T00:00:00Z"_s, {}, {});
    const auto second = layout.image(amd64, u"2024-07-02T00:00:00Z"_s, {}, {});
    QVERIFY(first && second);
    QVERIFY(push(layout, first->manifest, u"digest/app"_s, u"latest"_s));
    QVERIFY(push(layout, first->manifest, u"digest/app"_s, u"v1.0.0"_s));

    ImageSubscription subscription;
    subscription.repoURL = m_registry.repository(u"digest/app"_s);
    subscription.imageSelectionStrategy = ImageSelectionStrategy::Digest;
    subscription.constraint = u"latest"_s;
    MemoryImageCache cache;
    auto result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.images,
             (QList<DiscoveredImage>{{u"latest"_s, first->manifest.digest, QDateTime()}}));

    // The tag moves: the next poll sees the new digest (the same cache: a tag is not trusted
    // to stay put without cacheByTag).
    QVERIFY(push(layout, second->manifest, u"digest/app"_s, u"latest"_s));
    result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.images,
             (QList<DiscoveredImage>{{u"latest"_s, second->manifest.digest, QDateTime()}}));
}

void TestArtifactDiscovery::newestBuild_data()
{
    QTest::addColumn<QStringList>("ignore");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("all") << QStringList() << 20
                         << QStringList{u"alpha"_s, u"charlie"_s, u"delta"_s, u"bravo"_s};
    QTest::newRow("limit") << QStringList() << 2 << QStringList{u"alpha"_s, u"charlie"_s};
    QTest::newRow("ignore") << QStringList{u"^a"_s} << 20
                            << QStringList{u"charlie"_s, u"delta"_s, u"bravo"_s};
}

void TestArtifactDiscovery::newestBuild()
{
    QFETCH(QStringList, ignore);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);

    ImageSubscription subscription;
    subscription.repoURL = m_registry.repository(u"builds/app"_s);
    subscription.imageSelectionStrategy = ImageSelectionStrategy::NewestBuild;
    subscription.ignoreTagsRegexes = ignore;
    subscription.discoveryLimit = limit;
    MemoryImageCache cache;
    const auto result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(tagsOf(result), expected);
    // Every allowed tag's build time was read: the limit applies after the ordering.
    QCOMPARE(result.configFetches, 4 - int(ignore.size()));

    const QHash<QString, QDateTime> built{{u"alpha"_s, utc(u"2024-06-01T00:00:00"_s)},
                                          {u"bravo"_s, utc(u"2024-03-01T00:00:00"_s)},
                                          {u"charlie"_s, utc(u"2024-05-01T00:00:00"_s)},
                                          {u"delta"_s, utc(u"2024-04-01T00:00:00"_s)}};
    for (const DiscoveredImage &image : result.images) {
        QCOMPARE(image.createdAt, built.value(image.tag));
        QCOMPARE(image.digest, m_digests.value(u"builds/app:"_s + image.tag));
    }
}

void TestArtifactDiscovery::platformSelection()
{
    ImageSubscription subscription;
    subscription.repoURL = m_registry.repository(u"platform/app"_s);
    subscription.platform = u"linux/arm64"_s;
    MemoryImageCache cache;

    // SemVer: the tags without an arm64 image are passed over; an index's digest is recorded.
    auto result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(tagsOf(result), (QStringList{u"v1.1.0"_s, u"v1.0.0"_s}));
    QCOMPARE(result.images.at(0).digest, m_digests.value(u"platform/app:v1.1.0"_s));
    QCOMPARE(result.images.at(1).digest, m_digests.value(u"platform/app:v1.0.0"_s));
    QVERIFY(result.images.at(0).digest != m_arm64InIndex);
    QCOMPARE(result.configFetches, 4);

    // The limit counts the images kept, not the tags looked at.
    subscription.discoveryLimit = 1;
    result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(tagsOf(result), QStringList{u"v1.1.0"_s});
    QCOMPARE(result.configFetches, 0); // known by digest from the first run

    // Another platform is another question about the same digests.
    subscription.discoveryLimit = 20;
    subscription.platform = u"linux/amd64"_s;
    subscription.imageSelectionStrategy = ImageSelectionStrategy::Lexical;
    result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(tagsOf(result), (QStringList{u"v1.3.0"_s, u"v1.2.0"_s, u"v1.1.0"_s}));
    QCOMPARE(result.configFetches, 4);

    // NewestBuild orders only the images for the platform.
    subscription.platform = u"linux/arm64"_s;
    subscription.imageSelectionStrategy = ImageSelectionStrategy::NewestBuild;
    result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(tagsOf(result), (QStringList{u"v1.0.0"_s, u"v1.1.0"_s}));
    QCOMPARE(result.images.at(0).createdAt, utc(u"2024-04-01T00:00:00"_s));

    // Digest: the mutable tag must have the platform.
    subscription.imageSelectionStrategy = ImageSelectionStrategy::Digest;
    subscription.constraint = u"v1.1.0"_s;
    result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.images,
             (QList<DiscoveredImage>{
                 {u"v1.1.0"_s, m_digests.value(u"platform/app:v1.1.0"_s), QDateTime()}}));
    subscription.constraint = u"v1.2.0"_s;
    result = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"%1:v1.2.0 has no image for linux/arm64"_s.arg(subscription.repoURL));
}

void TestArtifactDiscovery::metadataCacheSkipsConfigs()
{
    ImageSubscription subscription;
    subscription.repoURL = m_registry.repository(u"builds/app"_s);
    subscription.imageSelectionStrategy = ImageSelectionStrategy::NewestBuild;
    MemoryImageCache cache;
    const auto first = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.configFetches, 4);
    const auto second = ArtifactDiscovery::discoverImages(subscription, options(), cache);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.configFetches, 0);
    QCOMPARE(second.images, first.images);

    // Another cache knows nothing.
    MemoryImageCache fresh;
    QCOMPARE(ArtifactDiscovery::discoverImages(subscription, options(), fresh).configFetches, 4);
}

void TestArtifactDiscovery::cacheByTagSkipsManifests()
{
    // Through the counting proxy, as a mirror for a registry that is not there.
    OciClientOptions counted = options();
    counted.mirrors.insert(u"counted.example"_s, QUrl(u"http://127.0.0.1:%1"_s.arg(m_proxyPort)));
    ImageSubscription subscription;
    subscription.repoURL = u"counted.example/builds/app"_s;
    subscription.imageSelectionStrategy = ImageSelectionStrategy::NewestBuild;

    struct Counts
    {
        int tags = 0;
        int manifests = 0;
        int blobs = 0;
    };
    const auto run = [&](ImageMetadataCache &cache, ArtifactDiscovery::ImageResult *result) {
        const qsizetype before = proxyRequests().size();
        *result = ArtifactDiscovery::discoverImages(subscription, counted, cache);
        Counts counts;
        for (const QString &request : proxyRequests().mid(before)) {
            counts.tags += request.contains(u"/tags/list"_s);
            counts.manifests += request.contains(u"/manifests/"_s);
            counts.blobs += request.contains(u"/blobs/"_s);
        }
        return counts;
    };

    // Without cacheByTag: a warm cache still asks for every tag's digest (tags move), but
    // reads no config.
    MemoryImageCache byDigest;
    ArtifactDiscovery::ImageResult cold;
    Counts counts = run(byDigest, &cold);
    QVERIFY2(cold.ok, qPrintable(cold.error));
    QCOMPARE(tagsOf(cold), (QStringList{u"alpha"_s, u"charlie"_s, u"delta"_s, u"bravo"_s}));
    QCOMPARE(counts.tags, 1);
    QVERIFY(counts.manifests >= 4);
    QCOMPARE(counts.blobs, 4);
    ArtifactDiscovery::ImageResult warm;
    counts = run(byDigest, &warm);
    QVERIFY2(warm.ok, qPrintable(warm.error));
    QCOMPARE(warm.images, cold.images);
    QCOMPARE(warm.configFetches, 0);
    QCOMPARE(counts.tags, 1);
    QCOMPARE(counts.manifests, 4);
    QCOMPARE(counts.blobs, 0);

    // With cacheByTag: once warm, only the tag list is asked for.
    subscription.cacheByTag = true;
    MemoryImageCache byTag;
    ArtifactDiscovery::ImageResult first;
    counts = run(byTag, &first);
    QVERIFY2(first.ok, qPrintable(first.error));
    QCOMPARE(first.images, cold.images);
    QVERIFY(counts.manifests >= 4);
    ArtifactDiscovery::ImageResult second;
    counts = run(byTag, &second);
    QVERIFY2(second.ok, qPrintable(second.error));
    QCOMPARE(second.images, cold.images);
    QCOMPARE(second.configFetches, 0);
    QCOMPARE(counts.tags, 1);
    QCOMPARE(counts.manifests, 0);
    QCOMPARE(counts.blobs, 0);
}

// --- Charts ----------------------------------------------------------------------------------

void TestArtifactDiscovery::classicRepository_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("web ^1.0") << u"web"_s << u"^1.0"_s << 20 << QStringList{u"1.1.0"_s, u"1.0.0"_s};
    QTest::newRow("web pre-releases asked for")
        << u"web"_s << u">=1.2.0-0"_s << 20
        << QStringList{u"2.1.0-beta.1"_s, u"2.0.0"_s, u"1.2.0-rc.1"_s};
    QTest::newRow("web no constraint")
        << u"web"_s << QString() << 20
        << QStringList{u"2.1.0-beta.1"_s, u"2.0.0"_s, u"1.2.0-rc.1"_s, u"1.1.0"_s, u"1.0.0"_s};
    QTest::newRow("web limit") << u"web"_s << u"<3"_s << 1 << QStringList{u"2.0.0"_s};
    QTest::newRow("api ~0.2") << u"api"_s << u"~0.2"_s << 20 << QStringList{u"0.2.0"_s};
    QTest::newRow("api ^0.1") << u"api"_s << u"^0.1"_s << 20 << QStringList{u"0.1.0"_s};
    QTest::newRow("api nothing") << u"api"_s << u">=1"_s << 20 << QStringList();
}

void TestArtifactDiscovery::classicRepository()
{
    QFETCH(QString, chart);
    QFETCH(QString, constraint);
    QFETCH(int, limit);
    QFETCH(QStringList, expected);

    ChartSubscription subscription;
    subscription.repoURL = helmURL();
    subscription.name = chart;
    subscription.semverConstraint = constraint;
    subscription.discoveryLimit = limit;
    const auto result =
        ArtifactDiscovery::discoverCharts(subscription, m_dir.filePath(u"cache"_s), options());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(versionsOf(result), expected);
    for (const DiscoveredChart &found : result.charts)
        QCOMPARE(found.name, chart);
}

void TestArtifactDiscovery::classicRepositoryErrors()
{
    ChartSubscription subscription;
    subscription.repoURL = helmURL();
    subscription.name = u"db"_s;
    auto result =
        ArtifactDiscovery::discoverCharts(subscription, m_dir.filePath(u"cache"_s), options());
    QVERIFY(!result.ok);
    QCOMPARE(result.error, u"the repository has no chart \"db\""_s);

    subscription.name = u"web"_s;
    subscription.semverConstraint = u"^^1"_s;
    result = ArtifactDiscovery::discoverCharts(subscription, m_dir.filePath(u"cache"_s), options());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"invalid semver constraint \"^^1\""_s),
             qPrintable(result.error));

    subscription.repoURL = u"http://127.0.0.1:%1/missing"_s.arg(m_helmPort);
    subscription.semverConstraint.clear();
    result = ArtifactDiscovery::discoverCharts(subscription, m_dir.filePath(u"cache"_s), options());
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(u"404"_s), qPrintable(result.error));
}

void TestArtifactDiscovery::ociChart_data()
{
    QTest::addColumn<QString>("constraint");
    QTest::addColumn<QStringList>("expected");

    // Tags are read strictly, as Helm's registry client does: `v9.0.0` and `1.3` are not
    // versions there.
    QTest::newRow("^1.0") << u"^1.0"_s << QStringList{u"1.2.3+build.1"_s, u"1.2.2"_s, u"1.0.0"_s};
    QTest::newRow("no constraint")
        << QString() << QStringList{u"2.0.0-rc.1"_s, u"1.2.3+build.1"_s, u"1.2.2"_s, u"1.0.0"_s};
    QTest::newRow("exact") << u"1.2.3"_s << QStringList{u"1.2.3+build.1"_s};
}

void TestArtifactDiscovery::ociChart()
{
    QFETCH(QString, constraint);
    QFETCH(QStringList, expected);

    ChartSubscription subscription;
    subscription.repoURL = u"oci://"_s + m_registry.repository(u"charts/mychart"_s);
    subscription.semverConstraint = constraint;
    auto result =
        ArtifactDiscovery::discoverCharts(subscription, m_dir.filePath(u"cache"_s), options());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(versionsOf(result), expected);
    for (const DiscoveredChart &found : result.charts)
        QCOMPARE(found.name, QString());
    QVERIFY(!result.indexParsed);

    // The same through a mirror.
    OciClientOptions mirrored = options();
    mirrored.mirrors.insert(u"ghcr.io"_s, QUrl(registryURL()));
    subscription.repoURL = u"oci://ghcr.io/example/charts/mychart"_s;
    result = ArtifactDiscovery::discoverCharts(subscription, m_dir.filePath(u"cache"_s), mirrored);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(versionsOf(result), expected);
}

// --- Scheduler and freight -------------------------------------------------------------------

TestArtifactDiscovery::Opened TestArtifactDiscovery::openPipeline(const QString &name,
                                                                  const QString &manifests)
{
    const QString dir = m_dir.filePath(u"pipelines/"_s + name);
    QDir().mkpath(dir);
    writeFile(dir + u"/warehouses.yaml"_s, manifests.toUtf8());
    QString error;
    Opened opened{ManifestLoader::load(dir), Store::open(dir, &error)};
    if (!opened.store)
        qWarning("%s", qPrintable(error));
    for (const Problem &problem : std::as_const(opened.pipeline.problems)) {
        if (problem.severity == Problem::Severity::Error)
            qWarning("%s", qPrintable(problem.toString()));
    }
    return opened;
}

QStringList TestArtifactDiscovery::poll(DiscoveryScheduler &scheduler, const QString &warehouse)
{
    QSignalSpy finished(&scheduler, &DiscoveryScheduler::pollFinished);
    scheduler.refresh(warehouse);
    if (!finished.wait(60000))
        return {u"no poll finished"_s};
    return finished.first().at(1).toStringList();
}

DiscoveryScheduler::Settings TestArtifactDiscovery::mirroredSettings() const
{
    DiscoveryScheduler::Settings settings;
    settings.pollOnTimer = false;
    settings.timeoutMs = 60'000;
    settings.mirrors.insert(u"ghcr.io"_s, QUrl(registryURL()));
    return settings;
}

void TestArtifactDiscovery::schedulerThroughMirror()
{
    const auto [pipeline, store] = openPipeline(
        u"mirror"_s,
        warehouseManifest(u"mirrored"_s, imageSubscription(u"ghcr.io/example/app"_s, u"^1.0"_s)));
    QVERIFY(!pipeline.hasErrors());
    QVERIFY(store);
    DiscoveryScheduler scheduler(store.get(), m_dir.filePath(u"cache"_s), mirroredSettings());
    scheduler.setPipeline(pipeline);
    const QStringList errors = poll(scheduler, u"mirrored"_s);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));

    const QList<Freight> freight = store->freight(u"mirrored"_s);
    QCOMPARE(freight.size(), 1);
    const FreightImage expected{u"ghcr.io/example/app"_s, u"v1.2.0"_s,
                                m_digests.value(u"example/app:v1.2.0"_s), QString()};
    QVERIFY(!expected.digest.isEmpty());
    QCOMPARE(freight.first().images, QList<FreightImage>{expected});
    QVERIFY(freight.first().commits.isEmpty());
    QVERIFY(freight.first().charts.isEmpty());
    QCOMPARE(freight.first().id, Freight::computeId(u"mirrored"_s, {}, {expected}, {}));
    QCOMPARE(scheduler.latestFreight(u"mirrored"_s), freight.first().id);

    // Polled again: the same selection is the same freight.
    const QStringList again = poll(scheduler, u"mirrored"_s);
    QVERIFY2(again.isEmpty(), qPrintable(again.join(u'\n')));
    QCOMPARE(store->freight(u"mirrored"_s).size(), 1);
}

void TestArtifactDiscovery::schedulerGitImageAndChart()
{
    GitFixture git(m_dir.filePath(u"repos"_s));
    const QString repository = git.createRepository(u"config"_s, 2);
    QVERIFY(!repository.isEmpty());
    const QString gitURL = QUrl::fromLocalFile(repository).toString();
    const QString head = git.revParse(repository, u"main"_s);
    QVERIFY(!head.isEmpty());

    const auto [pipeline, store] = openPipeline(
        u"all"_s, warehouseManifest(
                      u"all"_s, u"  - git:\n      repoURL: %1\n      branch: main\n"_s.arg(gitURL) +
                                    imageSubscription(u"ghcr.io/example/app"_s, u"^1.0"_s) +
                                    chartSubscription(helmURL(), u"web"_s, u"^1.0"_s)));
    QVERIFY(!pipeline.hasErrors());
    QVERIFY(store);
    DiscoveryScheduler scheduler(store.get(), m_dir.filePath(u"cache"_s), mirroredSettings());
    scheduler.setPipeline(pipeline);
    const QStringList errors = poll(scheduler, u"all"_s);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));

    const QList<Freight> freight = store->freight(u"all"_s);
    QCOMPARE(freight.size(), 1);
    const Freight &made = freight.first();
    QCOMPARE(made.commits.size(), 1);
    QCOMPARE(made.commits.first().repoURL, gitURL);
    QCOMPARE(made.commits.first().id, head);
    QCOMPARE(made.commits.first().branch, u"main"_s);
    const FreightImage image{u"ghcr.io/example/app"_s, u"v1.2.0"_s,
                             m_digests.value(u"example/app:v1.2.0"_s), QString()};
    QCOMPARE(made.images, QList<FreightImage>{image});
    const FreightChart chart{helmURL(), u"web"_s, u"1.1.0"_s, QString()};
    QCOMPARE(made.charts, QList<FreightChart>{chart});
    QCOMPARE(made.id, Freight::computeId(u"all"_s, made.commits, {image}, {chart}));
    QCOMPARE(made.origin, (FreightOrigin{u"Warehouse"_s, u"all"_s}));
    QVERIFY(!made.alias.isEmpty());
}

// --- stevedorectl ----------------------------------------------------------------------------

TestArtifactDiscovery::CliResult TestArtifactDiscovery::runCli(const QStringList &arguments,
                                                               const QString &home) const
{
    // Nothing of the user's (settings, state, Docker credentials) leaks in.
    QProcessEnvironment environment;
    environment.insert(u"HOME"_s, home);
    environment.insert(u"XDG_CONFIG_HOME"_s, home + u"/.config"_s);
    environment.insert(u"XDG_DATA_HOME"_s, home + u"/.local/share"_s);
    environment.insert(u"XDG_CACHE_HOME"_s, home + u"/.cache"_s);
    environment.insert(u"STEVEDORE_STATE_DIR"_s, home + u"/state"_s);
    environment.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"PATH"_s, u"/usr/bin:/bin"_s);
    const QString libraries = qEnvironmentVariable("LD_LIBRARY_PATH");
    if (!libraries.isEmpty())
        environment.insert(u"LD_LIBRARY_PATH"_s, libraries);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(home);
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    CliResult result;
    result.finished =
        process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestArtifactDiscovery::cliDiscoverWithMirror()
{
    const QString home = m_dir.filePath(u"cli-home"_s);
    QVERIFY(QDir().mkpath(home));
    const QString pipeline = m_dir.filePath(u"cli-pipeline"_s);
    QVERIFY(QDir().mkpath(pipeline));
    QVERIFY(writeFile(
        pipeline + u"/warehouses.yaml"_s,
        warehouseManifest(u"cli"_s, imageSubscription(u"ghcr.io/example/app"_s, u"^1.0"_s) +
                                        chartSubscription(u"oci://ghcr.io/example/charts/mychart"_s,
                                                          {}, u"^1.0"_s))
            .toUtf8()));

    const CliResult result = runCli(
        {u"--mirror"_s, u"ghcr.io=%1"_s.arg(registryURL()), u"discover"_s, pipeline, u"--json"_s},
        home);
    QVERIFY(result.finished);
    QCOMPARE(result.err, QString());
    QCOMPARE(result.exitCode, 0);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.out.toUtf8(), &parseError);
    QVERIFY2(document.isArray(), qPrintable(result.out));
    const QJsonArray list = document.array();
    QCOMPARE(list.size(), 1);
    const QJsonObject freight = list.first().toObject();

    const QString digest = m_digests.value(u"example/app:v1.2.0"_s);
    QCOMPARE(freight.value(u"images"_s).toArray(),
             (QJsonArray{QJsonObject{{u"repoURL"_s, u"ghcr.io/example/app"_s},
                                     {u"tag"_s, u"v1.2.0"_s},
                                     {u"digest"_s, digest}}}));
    QCOMPARE(freight.value(u"charts"_s).toArray(),
             (QJsonArray{QJsonObject{{u"repoURL"_s, u"oci://ghcr.io/example/charts/mychart"_s},
                                     {u"version"_s, u"1.2.3+build.1"_s}}}));
    QVERIFY(!freight.contains(u"commits"_s));
    const FreightImage image{u"ghcr.io/example/app"_s, u"v1.2.0"_s, digest, QString()};
    const FreightChart chart{u"oci://ghcr.io/example/charts/mychart"_s, QString(),
                             u"1.2.3+build.1"_s, QString()};
    QCOMPARE(freight.value(u"id"_s).toString(), Freight::computeId(u"cli"_s, {}, {image}, {chart}));

    // Without the mirror the same pipeline cannot reach ghcr.io's example: exit 1, a message
    // per subscription, no freight printed.
    const CliResult unmirrored =
        runCli({u"--mirror"_s, u"ghcr.io=http://127.0.0.1:%1"_s.arg(freePort()), u"discover"_s,
                pipeline, u"--json"_s},
               home);
    QVERIFY(unmirrored.finished);
    QCOMPARE(unmirrored.exitCode, 1);
    QVERIFY2(unmirrored.err.contains(u"cli/ghcr.io/example/app: "_s), qPrintable(unmirrored.err));
    QVERIFY2(unmirrored.err.contains(u"cli/oci://ghcr.io/example/charts/mychart: "_s),
             qPrintable(unmirrored.err));
}

void TestArtifactDiscovery::cliMalformedMirror_data()
{
    QTest::addColumn<QString>("mirror");
    QTest::newRow("no =") << u"ghcr.io"_s;
    QTest::newRow("no host") << u"=http://127.0.0.1:5000"_s;
    QTest::newRow("not http") << u"ghcr.io=ftp://127.0.0.1:5000"_s;
    QTest::newRow("no URL host") << u"ghcr.io=http://"_s;
    QTest::newRow("not a URL") << u"ghcr.io=127.0.0.1:5000"_s;
}

void TestArtifactDiscovery::cliMalformedMirror()
{
    QFETCH(QString, mirror);
    const QString home = m_dir.filePath(u"cli-bad-home"_s);
    QVERIFY(QDir().mkpath(home));
    const QString pipeline = m_dir.filePath(u"cli-bad-pipeline"_s);
    QVERIFY(QDir().mkpath(pipeline));
    QVERIFY(writeFile(
        pipeline + u"/warehouses.yaml"_s,
        warehouseManifest(u"bad"_s, imageSubscription(u"ghcr.io/example/app"_s, u"^1.0"_s))
            .toUtf8()));

    const CliResult result = runCli({u"--mirror"_s, mirror, u"discover"_s, pipeline}, home);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QCOMPARE(result.out, QString());
    QVERIFY2(result.err.contains(u"--mirror \"%1\": write HOST=URL"_s.arg(mirror)),
             qPrintable(result.err));
    // A usage error leaves no state behind.
    QVERIFY(QDir(home + u"/state/pipelines"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestArtifactDiscovery)
#include "tst_artifactdiscovery.moc"
