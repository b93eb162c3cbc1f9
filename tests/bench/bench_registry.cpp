// Image discovery against a real `docker-registry` (distribution 2.8) on 127.0.0.1, with its own
// configuration and storage in a temporary folder:
//  - SemVer selection (discoveryLimit 20) among 10,000 tags of one repository, against
//    `skopeo list-tags`, and OciClient::tags() alone;
//  - NewestBuild over 500 images with distinct build times, cold, against the wire floor (one
//    `curl --parallel` run fetching, over keep-alive connections, the HEAD, manifest and config
//    of every tag that NewestBuild must read) and against `skopeo inspect --config` per tag;
//    then re-polls when nothing changed, with the same metadata cache, with and without
//    cacheByTag.
// The registry's access log counts the requests each discovery made. Prints figures; asserts
// nothing.
//
//   ./tests/bench/bench_registry

#include "engine/artifactdiscovery.h"
#include "engine/ociclient.h"
#include "engine/tagselection.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <functional>
#include <signal.h>

#include "tests/bench/benchregistry.h"

using namespace Stevedore;
using namespace Qt::StringLiterals;
using Bench::ociManifestType;
using Bench::Pusher;
using Bench::Registry;
using Bench::sha256;

namespace {

constexpr int tagCount = 10000;
constexpr int buildCount = 500;
constexpr int runs = 5;
constexpr int inspectSamples = 20;
constexpr int curlParallel = 20;
const QString tagsRepository = u"bench/tags"_s;
const QString buildsRepository = u"bench/builds"_s;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

template<typename F>
double timeMs(F &&f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

void verdict(const QString &what, double ours, const QString &baseline, double theirs, double goal)
{
    const double ratio = ours / theirs;
    out() << u"  %1: Stevedore %2 ms, %3 %4 ms, ratio %5 (goal <= %6): %7\n"_s.arg(what)
                 .arg(ours, 0, 'f', 1)
                 .arg(baseline)
                 .arg(theirs, 0, 'f', 1)
                 .arg(ratio, 0, 'f', 3)
                 .arg(goal, 0, 'f', 2)
                 .arg(ratio <= goal ? u"met"_s : u"missed"_s);
    out().flush();
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        qFatal("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
               process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

/// `docker-registry serve` on a free port of 127.0.0.1, storage and access log in @p dir;
/// stopped by its PID (SIGTERM, then SIGKILL) when this object goes away.
/// Requests the registry's access log shows for @p repository in @p log: HEAD and GET of
/// manifests, GET of blobs.
struct RequestCounts
{
    int manifestHeads = 0;
    int manifestGets = 0;
    int blobGets = 0;
    int tagLists = 0;

    RequestCounts(const QByteArray &log, const QString &repository)
    {
        const QByteArray prefix = "/v2/" + repository.toUtf8();
        const QByteArray head = QByteArray("\"HEAD ") + prefix + "/manifests/";
        const QByteArray manifest = QByteArray("\"GET ") + prefix + "/manifests/";
        const QByteArray blob = QByteArray("\"GET ") + prefix + "/blobs/";
        const QByteArray list = QByteArray("\"GET ") + prefix + "/tags/list";
        for (const QByteArray &line : log.split('\n')) {
            if (line.contains(head))
                ++manifestHeads;
            else if (line.contains(manifest))
                ++manifestGets;
            else if (line.contains(blob))
                ++blobGets;
            else if (line.contains(list))
                ++tagLists;
        }
    }
    QString toString() const
    {
        return u"%1 tag list(s), %2 manifest HEADs, %3 manifest GETs, %4 blob GETs"_s.arg(tagLists)
            .arg(manifestHeads)
            .arg(manifestGets)
            .arg(blobGets);
    }
};

struct Image
{
    QString tag;
    QString digest; ///< of the manifest
    QString configDigest;
    QDateTime created;
    QByteArray config;
    QByteArray manifest;
};

/// A single-layer linux/amd64 image built at @p created; @p layer is shared by all of them.
Image makeImage(const QString &tag, const QByteArray &layer, const QDateTime &created)
{
    const QJsonObject config{
        {u"architecture"_s, u"amd64"_s},
        {u"os"_s, u"linux"_s},
        {u"created"_s, created.toString(Qt::ISODate)},
        {u"config"_s, QJsonObject{{u"Cmd"_s, QJsonArray{u"/bin/true"_s}}}},
        {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                  {u"diff_ids"_s, QJsonArray{sha256(layer + "diff")}}}}};
    Image image;
    image.tag = tag;
    image.created = created;
    image.config = compact(config);
    image.configDigest = sha256(image.config);
    const QJsonObject manifest{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, QString::fromLatin1(ociManifestType)},
        {u"config"_s, QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.config.v1+json"_s},
                                  {u"digest"_s, image.configDigest},
                                  {u"size"_s, image.config.size()}}},
        {u"layers"_s,
         QJsonArray{QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.layer.v1.tar+gzip"_s},
                                {u"digest"_s, sha256(layer)},
                                {u"size"_s, layer.size()}}}}};
    image.manifest = compact(manifest);
    image.digest = sha256(image.manifest);
    return image;
}

OciClientOptions clientOptions()
{
    OciClientOptions options;
    options.useKeychain = false;
    options.useDockerConfig = false;
    options.cancelled = std::make_shared<std::atomic<bool>>(false);
    return options;
}

/// The SemVer tags of the big repository: MAJOR.MINOR.PATCH, 10 x 100 x 10 of them.
QString semverTag(int i)
{
    return u"%1.%2.%3"_s.arg(i / 1000).arg((i / 10) % 100).arg(i % 10);
}

QString describeImages(const QList<DiscoveredImage> &images)
{
    QStringList tags;
    for (const DiscoveredImage &image : images)
        tags.append(image.tag);
    return tags.join(u' ');
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid())
        qFatal("no temporary folder");
    Registry registry(dir.path(), dir.path() + u"/access.log"_s);
    out() << "docker-registry (" << run(u"docker-registry"_s, {u"--version"_s}).trimmed() << ") on "
          << registry.host() << "; " << QThread::idealThreadCount() << " cores\n";
    out().flush();

    // --- Filling the registry ------------------------------------------------------------------
    const QByteArray layer = "a layer nobody downloads";
    QList<Image> builds;
    const Image tagged = makeImage(u"seed"_s, layer, QDateTime({2024, 1, 1}, {0, 0}, Qt::UTC));
    const double fillMs = timeMs([&] {
        Pusher pusher(registry.base());
        pusher.blob(tagsRepository, layer);
        pusher.blob(buildsRepository, layer);
        pusher.blob(tagsRepository, tagged.config);
        // Distinct build times, in an order unrelated to the tag names.
        for (int i = 1; i <= buildCount; ++i) {
            const QDateTime created = QDateTime({2024, 1, 1}, {0, 0}, Qt::UTC)
                                          .addSecs(qint64((i * 7919) % buildCount) * 3600);
            builds.append(makeImage(u"build-%1"_s.arg(i, 3, 10, QChar(u'0')), layer, created));
            pusher.blob(buildsRepository, builds.last().config);
        }
        pusher.wait();
        for (int i = 0; i < tagCount; ++i)
            pusher.manifest(tagsRepository, semverTag(i), tagged.manifest);
        for (const Image &image : std::as_const(builds))
            pusher.manifest(buildsRepository, image.tag, image.manifest);
        pusher.wait();
    });
    out() << "Pushed " << tagCount << " tags of one image and " << buildCount
          << " distinct images in " << QString::number(fillMs / 1000, 'f', 1) << " s\n";

    const OciClientOptions options = clientOptions();
    {
        // Stevedore remembers per process whether a local registry speaks HTTPS or HTTP; the
        // probe is made once here, as the app makes it once per registry (skopeo probes on
        // every run).
        OciClient probe(registry.host() + u'/' + tagsRepository, options);
        OciError error;
        if (!probe.ping(&error))
            qFatal("registry: %s", qPrintable(error.message));
    }

    // --- 1. SemVer among 10,000 tags -----------------------------------------------------------
    QStringList expectedSemver;
    for (int i = tagCount - 1; i >= tagCount - 20; --i)
        expectedSemver.append(semverTag(i));
    ImageSubscription semver;
    semver.repoURL = registry.host() + u'/' + tagsRepository;
    semver.imageSelectionStrategy = ImageSelectionStrategy::SemVer;
    semver.discoveryLimit = 20;
    const QString skopeoRepo = u"docker://"_s + semver.repoURL;

    out() << "\n1. SemVer, discoveryLimit 20, among " << tagCount
          << " tags of one repository (median of " << runs << " runs)\n";
    QList<double> ours;
    QList<double> tagsOnly;
    QList<double> skopeo;
    ArtifactDiscovery::ImageResult selected;
    QList<double> selectOnly;
    QList<double> headsOnly;
    QStringList listedTags;
    qsizetype listed = 0;
    qsizetype skopeoListed = 0;
    for (int r = 0; r < runs; ++r) {
        skopeo.append(timeMs([&] {
            const QByteArray json =
                run(u"skopeo"_s, {u"list-tags"_s, u"--tls-verify=false"_s, skopeoRepo});
            skopeoListed = QJsonDocument::fromJson(json).object().value(u"Tags"_s).toArray().size();
        }));
        tagsOnly.append(timeMs([&] {
            OciClient client(semver.repoURL, options);
            OciError error;
            const auto tags = client.tags(&error);
            if (!tags)
                qFatal("tags: %s", qPrintable(error.message));
            listed = tags->size();
            listedTags = *tags;
        }));
        selectOnly.append(timeMs([&] {
            TagSelection::Options selection;
            selection.limit = -1;
            TagSelection::select(listedTags, selection);
        }));
        headsOnly.append(timeMs([&] {
            OciClient client(semver.repoURL, options);
            OciError error;
            for (const QString &tag : std::as_const(expectedSemver)) {
                if (!client.manifestDigest(tag, &error))
                    qFatal("HEAD: %s", qPrintable(error.message));
            }
        }));
        MemoryImageCache cache;
        ours.append(
            timeMs([&] { selected = ArtifactDiscovery::discoverImages(semver, options, cache); }));
        if (!selected.ok)
            qFatal("SemVer discovery: %s", qPrintable(selected.error));
    }
    qint64 logStart = registry.logSize();
    {
        MemoryImageCache cache;
        ArtifactDiscovery::discoverImages(semver, options, cache);
    }
    const RequestCounts semverRequests(registry.logSince(logStart), tagsRepository);
    const QString selectedText = describeImages(selected.images);
    out() << "  tags listed: Stevedore " << listed << ", skopeo " << skopeoListed << "\n";
    out() << "  selected: " << selectedText << " ("
          << (selectedText == expectedSemver.join(u' ') ? "correct" : "WRONG") << ")\n";
    out() << "  requests of one discovery: " << semverRequests.toString() << "; "
          << (semverRequests.manifestHeads + semverRequests.manifestGets +
                          semverRequests.blobGets <=
                      20
                  ? "no manifest beyond the 20 selected was read"
                  : "MANIFESTS BEYOND THE 20 SELECTED WERE READ")
          << "\n";
    out() << u"  OciClient::tags() alone: %1 ms (ratio %2 to skopeo list-tags)\n"_s
                 .arg(median(tagsOnly), 0, 'f', 1)
                 .arg(median(tagsOnly) / median(skopeo), 0, 'f', 3);
    out() << u"  parts: TagSelection::select of %1 tags %2 ms, 20 HEADs one after another on "
             u"a new client %3 ms\n"_s.arg(listedTags.size())
                 .arg(median(selectOnly), 0, 'f', 1)
                 .arg(median(headsOnly), 0, 'f', 1);
    verdict(u"list + SemVer select"_s, median(ours), u"skopeo list-tags"_s, median(skopeo), 1.0);

    // --- 2. NewestBuild over 500 images --------------------------------------------------------
    QList<Image> newest = builds;
    std::sort(newest.begin(), newest.end(),
              [](const Image &a, const Image &b) { return a.created > b.created; });
    QStringList expectedNewest;
    for (int i = 0; i < 20; ++i)
        expectedNewest.append(newest.at(i).tag);
    ImageSubscription build;
    build.repoURL = registry.host() + u'/' + buildsRepository;
    build.imageSelectionStrategy = ImageSelectionStrategy::NewestBuild;
    build.discoveryLimit = 20;

    // The wire floor: what NewestBuild must read (HEAD of each tag, its manifest, its config),
    // with the digests known beforehand, by one curl process over keep-alive connections; and
    // what a re-poll must read (the HEADs).
    const QByteArray buildsBase = registry.base().toUtf8() + "/v2/" + buildsRepository.toUtf8();
    const auto curlFloor = [&](const QString &name, bool onlyHeads) {
        const QByteArray accept =
            "header = \"Accept: " + OciClient::manifestMediaTypes().join(", ") + "\"\n";
        const QByteArray common =
            "silent\noutput = \"/dev/null\"\nwrite-out = \"%{http_code}\\n\"\n";
        QList<QByteArray> requests;
        for (const Image &image : std::as_const(builds)) {
            requests.append("url = \"" + buildsBase + "/manifests/" + image.tag.toUtf8() +
                            "\"\nhead\n" + accept + common);
            if (onlyHeads)
                continue;
            requests.append("url = \"" + buildsBase + "/manifests/" + image.digest.toUtf8() +
                            "\"\n" + accept + common);
            requests.append("url = \"" + buildsBase + "/blobs/" + image.configDigest.toUtf8() +
                            "\"\n" + common);
        }
        const QString path = dir.filePath(name);
        const QByteArray text = requests.join("next\n");
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return QStringList{u"--silent"_s,       u"--parallel"_s,
                           u"--parallel-max"_s, QString::number(curlParallel),
                           u"--config"_s,       path};
    };
    const QStringList curlArguments = curlFloor(u"floor.curl"_s, false);
    const QStringList curlHeadArguments = curlFloor(u"heads.curl"_s, true);

    out() << "\n2. NewestBuild, discoveryLimit 20, over " << buildCount
          << " images with distinct configs (median of " << runs << " runs)\n";
    QList<double> cold;
    QList<double> floor;
    ArtifactDiscovery::ImageResult coldResult;
    int curlOk = 0;
    for (int r = 0; r < runs; ++r) {
        floor.append(timeMs([&] {
            const QByteArray codes = run(u"curl"_s, curlArguments);
            curlOk = int(codes.count("200\n"));
        }));
        MemoryImageCache cache;
        cold.append(
            timeMs([&] { coldResult = ArtifactDiscovery::discoverImages(build, options, cache); }));
        if (!coldResult.ok)
            qFatal("NewestBuild discovery: %s", qPrintable(coldResult.error));
    }
    // skopeo: one process per tag, as a script would run it; a sample, extrapolated.
    const double inspectSampleMs = timeMs([&] {
        for (int i = 0; i < inspectSamples; ++i)
            run(u"skopeo"_s, {u"inspect"_s, u"--config"_s, u"--tls-verify=false"_s,
                              u"docker://"_s + build.repoURL + u':' + builds.at(i).tag});
    });
    const double inspectPerTag = inspectSampleMs / inspectSamples;

    logStart = registry.logSize();
    MemoryImageCache cache;
    if (!ArtifactDiscovery::discoverImages(build, options, cache).ok)
        qFatal("NewestBuild discovery failed");
    const RequestCounts coldRequests(registry.logSince(logStart), buildsRepository);

    QList<double> warm;
    QList<double> headFloor;
    ArtifactDiscovery::ImageResult warmResult;
    int curlHeadsOk = 0;
    for (int r = 0; r < runs; ++r) {
        headFloor.append(timeMs([&] {
            const QByteArray codes = run(u"curl"_s, curlHeadArguments);
            curlHeadsOk = int(codes.count("200\n"));
        }));
        warm.append(
            timeMs([&] { warmResult = ArtifactDiscovery::discoverImages(build, options, cache); }));
    }
    logStart = registry.logSize();
    ArtifactDiscovery::discoverImages(build, options, cache);
    const RequestCounts warmRequests(registry.logSince(logStart), buildsRepository);

    ImageSubscription byTag = build;
    byTag.cacheByTag = true;
    MemoryImageCache tagCache;
    ArtifactDiscovery::ImageResult byTagResult =
        ArtifactDiscovery::discoverImages(byTag, options, tagCache);
    QList<double> warmByTag;
    for (int r = 0; r < runs; ++r) {
        warmByTag.append(timeMs(
            [&] { byTagResult = ArtifactDiscovery::discoverImages(byTag, options, tagCache); }));
    }
    logStart = registry.logSize();
    ArtifactDiscovery::discoverImages(byTag, options, tagCache);
    const RequestCounts byTagRequests(registry.logSince(logStart), buildsRepository);

    const auto correct = [&](const ArtifactDiscovery::ImageResult &result) {
        return result.ok && describeImages(result.images) == expectedNewest.join(u' ') ? "correct"
                                                                                       : "WRONG";
    };
    out() << "  selected: " << describeImages(coldResult.images) << " (cold " << correct(coldResult)
          << ", re-poll " << correct(warmResult) << ", cacheByTag re-poll " << correct(byTagResult)
          << ")\n";
    out() << "  wire floor: curl --parallel --parallel-max " << curlParallel << ", "
          << builds.size() * 3 << " requests, " << curlOk << " answered 200\n";
    out() << "  cold discovery: configFetches " << coldResult.configFetches << "; "
          << coldRequests.toString() << "\n";
    verdict(u"cold NewestBuild"_s, median(cold), u"wire floor (curl)"_s, median(floor), 1.3);
    out() << u"  skopeo inspect --config: %1 ms per tag (%2 tags timed, %3 ms in all), "
             u"extrapolated to %4 tags: %5 ms; Stevedore's ratio to it %6\n"_s
                 .arg(inspectPerTag, 0, 'f', 1)
                 .arg(inspectSamples)
                 .arg(inspectSampleMs, 0, 'f', 1)
                 .arg(buildCount)
                 .arg(inspectPerTag * buildCount, 0, 'f', 0)
                 .arg(median(cold) / (inspectPerTag * buildCount), 0, 'f', 3);
    out() << "  re-poll, nothing changed, same MemoryImageCache: configFetches "
          << warmResult.configFetches << "; " << warmRequests.toString() << "\n";
    verdict(u"re-poll"_s, median(warm), u"cold discovery"_s, median(cold), 0.05);
    out() << u"  (its wire floor, the %1 HEADs alone by curl --parallel: %2 ms, %3 answered 200, "
             u"itself ratio %4 to the cold discovery; Stevedore's re-poll is %5x that floor)\n"_s
                 .arg(builds.size())
                 .arg(median(headFloor), 0, 'f', 1)
                 .arg(curlHeadsOk)
                 .arg(median(headFloor) / median(cold), 0, 'f', 3)
                 .arg(median(warm) / median(headFloor), 0, 'f', 2);
    out() << "  re-poll with cacheByTag: configFetches " << byTagResult.configFetches << "; "
          << byTagRequests.toString() << "\n";
    verdict(u"re-poll with cacheByTag"_s, median(warmByTag), u"cold discovery"_s, median(cold),
            0.05);
    return 0;
}
