#pragma once

#include "engine/ocitypes.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

#include "tests/support/testservers.h"

namespace Stevedore::Testing {

/// `sha256:<hex>` of @p data.
QString sha256Digest(const QByteArray &data);
/// @p object as compact JSON (what goes into a blob).
QByteArray compactJson(const QJsonObject &object);
bool writeFile(const QString &path, const QByteArray &content);

/// An OCI image layout (https://github.com/opencontainers/image-spec/blob/main/image-layout.md)
/// written by hand: blobs, manifests, indexes and the `index.json` naming them by tag, for
/// pushing to a registry with skopeo.
class OciLayout
{
public:
    static inline const QString manifestType =
        QStringLiteral("application/vnd.oci.image.manifest.v1+json");
    static inline const QString indexType =
        QStringLiteral("application/vnd.oci.image.index.v1+json");

    struct Blob
    {
        QString digest;
        qint64 size = 0;
        QString mediaType;
        QByteArray content;
    };
    struct Image
    {
        Blob manifest;
        Blob config;
    };

    explicit OciLayout(const QString &dir);

    QString path() const { return m_dir; }

    Blob blob(const QByteArray &content, const QString &mediaType);
    /// A gzip-compressed tar of one file; @p diffId receives the digest of the plain tar.
    std::optional<Blob> layer(const QString &content, QString *diffId);
    /// An image for @p platform whose config says @p created and has @p labels, with
    /// @p annotations on its manifest.
    std::optional<Image> image(const OciPlatform &platform, const QString &created,
                               const QJsonObject &labels, const QJsonObject &annotations);
    /// An attestation manifest as BuildKit attaches them (in-toto layer).
    Blob attestation();
    /// An index of @p entries (a platform `unknown/unknown` entry is an attestation of the
    /// first one).
    Blob index(const QList<std::pair<Blob, OciPlatform>> &entries, const QJsonObject &annotations);
    /// A manifest of an artifact that is not an image: @p config of its own media type and
    /// @p layers, e.g. a Helm chart.
    Blob artifact(const Blob &config, const QList<Blob> &layers);

    /// Names @p manifest @p name in `index.json` (written by writeIndex()).
    void tag(const QString &name, const Blob &manifest);
    bool writeIndex() const;

    static QJsonObject descriptor(const Blob &blob);

private:
    QString m_dir;
    QList<std::pair<QString, Blob>> m_tags;
};

/// A `docker-registry` (distribution) on 127.0.0.1 with filesystem storage and plain HTTP,
/// logging to a file, stopped (by its PID) when this object goes away.
class TestRegistry
{
public:
    /// Writes `<configDir>/<name>.yml` and starts the registry on @p port (0: a free one),
    /// storing under @p storage (several registries may share one), with @p extra appended
    /// to the configuration (for `auth:` or `http:` settings; the `http:` section is last).
    bool start(const QString &configDir, const QString &storage, const QString &name,
               const QString &extra = {}, int port = 0);
    void stop() { m_process.stop(); }

    int port() const { return m_port; }
    /// `127.0.0.1:PORT`.
    QString host() const;
    /// `127.0.0.1:PORT/<repository>`, an image repoURL.
    QString repository(const QString &repository) const;
    /// What the registry logged (to `<configDir>/<name>.log`).
    QString log() const;

    /// Copies the image (or index) tagged @p tag in @p layout to `<repository>:<destTag>`
    /// (@p tag when empty) with skopeo, digests preserved.
    bool push(const OciLayout &layout, const QString &tag, const QString &repository,
              const QString &destTag = {}) const;

private:
    ServerProcess m_process;
    int m_port = 0;
    QString m_logFile;
};

} // namespace Stevedore::Testing
