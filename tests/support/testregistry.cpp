#include "tests/support/testregistry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace Stevedore::Testing {

using namespace Qt::StringLiterals;

QString sha256Digest(const QByteArray &data)
{
    return u"sha256:"_s +
           QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

OciLayout::OciLayout(const QString &dir)
    : m_dir(dir)
{
    QDir().mkpath(m_dir + u"/blobs/sha256"_s);
    writeFile(m_dir + u"/oci-layout"_s, R"({"imageLayoutVersion":"1.0.0"})");
}

OciLayout::Blob OciLayout::blob(const QByteArray &content, const QString &mediaType)
{
    const QString digest = sha256Digest(content);
    writeFile(m_dir + u"/blobs/sha256/"_s + digest.mid(7), content);
    return {digest, content.size(), mediaType, content};
}

std::optional<OciLayout::Blob> OciLayout::layer(const QString &content, QString *diffId)
{
    const QString work = m_dir + u"/../layer-src"_s;
    QDir(work).removeRecursively();
    QDir().mkpath(work);
    writeFile(work + u"/content.txt"_s, content.toUtf8());
    QByteArray tar;
    if (!run(u"tar"_s, {u"-C"_s, work, u"-cf"_s, u"-"_s, u"content.txt"_s}, &tar))
        return std::nullopt;
    *diffId = sha256Digest(tar);
    writeFile(work + u".tar"_s, tar);
    QByteArray gzipped;
    if (!run(u"gzip"_s, {u"-n"_s, u"-c"_s, work + u".tar"_s}, &gzipped))
        return std::nullopt;
    return blob(gzipped, u"application/vnd.oci.image.layer.v1.tar+gzip"_s);
}

std::optional<OciLayout::Image> OciLayout::image(const OciPlatform &platform,
                                                 const QString &created, const QJsonObject &labels,
                                                 const QJsonObject &annotations)
{
    QString diffId;
    const std::optional<Blob> layerBlob = layer(u"image for "_s + created, &diffId);
    if (!layerBlob)
        return std::nullopt;
    QJsonObject config{
        {u"architecture"_s, platform.architecture},
        {u"os"_s, platform.os},
        {u"created"_s, created},
        {u"config"_s, QJsonObject{{u"Labels"_s, labels}}},
        {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{diffId}}}}};
    if (!platform.variant.isEmpty())
        config.insert(u"variant"_s, platform.variant);
    const Blob configBlob =
        blob(compactJson(config), u"application/vnd.oci.image.config.v1+json"_s);
    QJsonObject manifest{{u"schemaVersion"_s, 2},
                         {u"mediaType"_s, manifestType},
                         {u"config"_s, descriptor(configBlob)},
                         {u"layers"_s, QJsonArray{descriptor(*layerBlob)}}};
    if (!annotations.isEmpty())
        manifest.insert(u"annotations"_s, annotations);
    return Image{blob(compactJson(manifest), manifestType), configBlob};
}

OciLayout::Blob OciLayout::attestation()
{
    const Blob statement =
        blob(R"({"_type":"https://in-toto.io/Statement/v0.1"})", u"application/vnd.in-toto+json"_s);
    const Blob config =
        blob(compactJson(QJsonObject{
                 {u"architecture"_s, u"unknown"_s},
                 {u"os"_s, u"unknown"_s},
                 {u"config"_s, QJsonObject{}},
                 {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s},
                                           {u"diff_ids"_s, QJsonArray{statement.digest}}}}}),
             u"application/vnd.oci.image.config.v1+json"_s);
    return blob(compactJson(QJsonObject{{u"schemaVersion"_s, 2},
                                        {u"mediaType"_s, manifestType},
                                        {u"config"_s, descriptor(config)},
                                        {u"layers"_s, QJsonArray{descriptor(statement)}}}),
                manifestType);
}

OciLayout::Blob OciLayout::index(const QList<std::pair<Blob, OciPlatform>> &entries,
                                 const QJsonObject &annotations)
{
    QJsonArray manifests;
    for (const auto &[manifest, platform] : entries) {
        QJsonObject entry = descriptor(manifest);
        QJsonObject p{{u"architecture"_s, platform.architecture}, {u"os"_s, platform.os}};
        if (!platform.variant.isEmpty())
            p.insert(u"variant"_s, platform.variant);
        entry.insert(u"platform"_s, p);
        if (platform.os == u"unknown")
            entry.insert(
                u"annotations"_s,
                QJsonObject{{u"vnd.docker.reference.type"_s, u"attestation-manifest"_s},
                            {u"vnd.docker.reference.digest"_s, entries.first().first.digest}});
        manifests.append(entry);
    }
    QJsonObject index{
        {u"schemaVersion"_s, 2}, {u"mediaType"_s, indexType}, {u"manifests"_s, manifests}};
    if (!annotations.isEmpty())
        index.insert(u"annotations"_s, annotations);
    return blob(compactJson(index), indexType);
}

OciLayout::Blob OciLayout::artifact(const Blob &config, const QList<Blob> &layers)
{
    QJsonArray layerDescriptors;
    for (const Blob &layerBlob : layers)
        layerDescriptors.append(descriptor(layerBlob));
    return blob(compactJson(QJsonObject{{u"schemaVersion"_s, 2},
                                        {u"mediaType"_s, manifestType},
                                        {u"config"_s, descriptor(config)},
                                        {u"layers"_s, layerDescriptors}}),
                manifestType);
}

void OciLayout::tag(const QString &name, const Blob &manifest)
{
    m_tags.append({name, manifest});
}

bool OciLayout::writeIndex() const
{
    QJsonArray manifests;
    for (const auto &[name, manifest] : m_tags) {
        QJsonObject entry = descriptor(manifest);
        entry.insert(u"annotations"_s, QJsonObject{{u"org.opencontainers.image.ref.name"_s, name}});
        manifests.append(entry);
    }
    return writeFile(
        m_dir + u"/index.json"_s,
        compactJson(QJsonObject{{u"schemaVersion"_s, 2}, {u"manifests"_s, manifests}}));
}

QJsonObject OciLayout::descriptor(const Blob &blob)
{
    return {{u"mediaType"_s, blob.mediaType}, {u"digest"_s, blob.digest}, {u"size"_s, blob.size}};
}

bool TestRegistry::start(const QString &configDir, const QString &storage, const QString &name,
                         const QString &extra, int port)
{
    m_port = port > 0 ? port : freePort();
    const QString config = configDir + u'/' + name + u".yml"_s;
    const QString text =
        u"version: 0.1\n"
        u"log:\n  level: error\n  accesslog:\n    disabled: true\n"
        u"storage:\n  filesystem:\n    rootdirectory: %1\n  delete:\n"
        u"    enabled: true\n"
        u"http:\n  addr: 127.0.0.1:%2\n  secret: stevedore-test-secret\n"_s.arg(storage)
            .arg(m_port) +
        extra;
    if (!QDir().mkpath(storage) || !writeFile(config, text.toUtf8()))
        return false;
    // Its log goes to a file: nobody reads a pipe while a test blocks, and a registry whose
    // pipe is full (it logs every 404 of a blob check at level error) stops answering.
    m_logFile = configDir + u'/' + name + u".log"_s;
    return m_process.start(
        u"/bin/sh"_s,
        {u"-c"_s, u"exec docker-registry serve \"$1\" >\"$2\" 2>&1"_s, u"sh"_s, config, m_logFile},
        m_port);
}

QString TestRegistry::log() const
{
    QFile file(m_logFile);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString TestRegistry::host() const
{
    return u"127.0.0.1:%1"_s.arg(m_port);
}

QString TestRegistry::repository(const QString &repository) const
{
    return host() + u'/' + repository;
}

bool TestRegistry::push(const OciLayout &layout, const QString &tag, const QString &repository,
                        const QString &destTag) const
{
    return run(u"skopeo"_s,
               {u"--insecure-policy"_s, u"copy"_s, u"--quiet"_s, u"--all"_s,
                u"--preserve-digests"_s, u"--dest-tls-verify=false"_s,
                u"oci:"_s + layout.path() + u':' + tag,
                u"docker://%1/%2:%3"_s.arg(host(), repository, destTag.isEmpty() ? tag : destTag)});
}

} // namespace Stevedore::Testing
