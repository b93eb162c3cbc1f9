#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Stevedore {

/// One change of a helm-update-chart step: the dependency with this repository and name gets
/// this version.
struct HelmChartDependencyUpdate
{
    /// Exactly as the dependency's `repository` is written: for an OCI chart the registry URL
    /// (`oci://example.com/charts`), with the chart's name in @c name.
    QString repository;
    QString name;
    QString version;
};

/// How a dependency's version changed, for the commit message. An empty old version is a
/// dependency added, an empty new version one removed.
struct HelmChartDependencyChange
{
    QString name;
    QString oldVersion;
    QString newVersion;
};

/// Updates the `dependencies` of a chart's Chart.yaml as Kargo's helm-update-chart step does,
/// but by changing only the bytes of the versions it changes.
///
/// As in Kargo, a dependency matches an update when its `repository` and `name` are exactly
/// the update's (no URL normalisation: `oci://` URLs and trailing slashes must match as
/// written); the first that matches gets the version, a version already equal is left as it
/// is, and an update that matches no dependency is an error.
///
/// Kargo's step then runs `helm dependency update`, which rewrites Chart.lock and fetches
/// charts/*.tgz. This class does not: Chart.lock is not touched, and the caller must report
/// that it may now be out of date.
class HelmChartDependencies
{
    Q_DECLARE_TR_FUNCTIONS(HelmChartDependencies)

public:
    /// @p text (a Chart.yaml) with @p updates applied in order, or nothing with @p error (when
    /// not null) set: the file is not valid YAML (with line and column), not a mapping, its
    /// `dependencies` is not a list of mappings, or an update matches no dependency. When
    /// @p changes is not null, it receives the versions changed, old and new, one per
    /// dependency, for commitMessage().
    static std::optional<QByteArray> update(const QByteArray &text,
                                            const QList<HelmChartDependencyUpdate> &updates,
                                            QString *error,
                                            QList<HelmChartDependencyChange> *changes = nullptr);

    /// The commitMessage output Kargo's step gives: "Updated chart dependencies for PATH", an
    /// empty line, then "- NAME: OLD -> NEW" per change ("- NAME: NEW" for one added, "- NAME:
    /// removed" for one removed). Kargo reads the changes from Chart.lock before and after
    /// `helm dependency update` and lists them in Go's random map order; here they are the
    /// Chart.yaml changes update() reports, sorted by name. Empty when @p changes is (Kargo
    /// then gives no commitMessage output).
    static QString commitMessage(const QString &path,
                                 const QList<HelmChartDependencyChange> &changes);
    /// The same for updates whose old versions are not known: "- NAME: VERSION" per update.
    static QString commitMessage(const QString &path,
                                 const QList<HelmChartDependencyUpdate> &updates);
};

} // namespace Stevedore
