#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Stevedore {

/// One version of a chart as a Helm classic repository's `index.yaml` lists it.
struct HelmChartVersion
{
    QString version;    ///< as written (Kargo selects by it and reports it unchanged)
    QString appVersion; ///< empty when not given
    QString digest;     ///< the archive's SHA-256 in hex, empty when not given
    QDateTime created;  ///< invalid when missing or not RFC 3339
    QList<QUrl> urls;   ///< archive locations, relative ones resolved against the repository

    friend bool operator==(const HelmChartVersion &, const HelmChartVersion &) = default;
};

/// What was read of an index: the versions of the charts asked for, in the index's order.
struct HelmIndex
{
    QString apiVersion;
    QDateTime generated;
    /// Only charts that were asked for and that the index lists (possibly with no versions).
    QMap<QString, QList<HelmChartVersion>> entries;
    /// Positioned ("index.yaml:12:5: ...") notes on what was accepted but odd, or skipped.
    QStringList warnings;

    bool contains(const QString &chart) const { return entries.contains(chart); }
    QList<HelmChartVersion> versions(const QString &chart) const { return entries.value(chart); }
};

/// Reads a Helm classic repository's `index.yaml` (block or flow YAML, or JSON) as a stream of
/// libyaml events, never as a whole document: only the entries of the charts asked for are
/// kept, every other chart is skipped event by event, so tens of megabytes of index cost a few
/// megabytes of memory. Validates like Helm: an empty index or one without `apiVersion` is an
/// error, an `apiVersion` other than `v1` a warning; versions without a `version`, and null
/// entries, are skipped with a warning. Errors name the source, line and column.
class HelmIndexReader
{
public:
    /// Reads @p input to its end (or to the end of the first YAML document). @p repositoryURL
    /// resolves relative `urls`; @p sourceName (default `index.yaml`) starts every error and
    /// warning. Nothing on error; then @p error, if given, says what and where.
    static std::optional<HelmIndex> read(QIODevice &input, const QStringList &charts,
                                         const QUrl &repositoryURL, QString *error = nullptr,
                                         const QString &sourceName = {});
    static std::optional<HelmIndex> read(const QByteArray &data, const QStringList &charts,
                                         const QUrl &repositoryURL, QString *error = nullptr,
                                         const QString &sourceName = {});

    /// @p url resolved as Helm resolves a chart's download URL: relative to the repository URL
    /// taken as a folder (with a trailing `/`); absolute URLs unchanged.
    static QUrl resolveChartURL(const QUrl &repositoryURL, const QString &url);
};

} // namespace Stevedore
