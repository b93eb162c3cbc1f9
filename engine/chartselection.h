#pragma once

#include "engine/helmindex.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

/// Which versions of a chart a Warehouse's chart subscription selects, best first, as Kargo's
/// chart selectors do (pkg/helm/chart): versions that Masterminds/semver cannot parse (leniently
/// for classic repositories, strictly for OCI tags) are dropped, the `semverConstraint`, when
/// given, must be satisfied (so pre-releases only pass a constraint that names one; without a
/// constraint every version, pre-releases included, passes), the highest version comes first (equal
/// versions: the one whose text sorts later first), and at most `discoveryLimit` remain. Used for
/// classic repositories' index entries and for OCI charts' tags alike.
class ChartSelection
{
public:
    struct Options
    {
        QString semverConstraint; ///< empty: every version
        int discoveryLimit = 20;  ///< 0 or less: all of them
        /// Kargo reads classic repositories' versions leniently (semver.NewVersion: `v1.2`,
        /// `1.2` pass) and OCI tags strictly (semver.StrictNewVersion: MAJOR.MINOR.PATCH, no
        /// leading `v`).
        bool strictSemver = false;
    };

    /// The selected versions, best first; nothing if the constraint is invalid (@p error says
    /// why).
    static std::optional<QList<HelmChartVersion>> select(const QList<HelmChartVersion> &versions,
                                                         const Options &options,
                                                         QString *error = nullptr);
    /// The same for plain version strings (OCI tags, with `_` already turned back into `+`).
    static std::optional<QStringList> select(const QStringList &versions, const Options &options,
                                             QString *error = nullptr);
};

} // namespace Stevedore
