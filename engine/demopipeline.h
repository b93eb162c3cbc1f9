#pragma once

#include <QString>

namespace Stevedore {

/// The built-in demo: a small application repository with tagged releases, a GitOps repository
/// with a values file per stage, and Kargo manifests that promote one into the other through
/// dev, staging and prod. Everything is local (file:// URLs), so it needs no servers.
class DemoPipeline
{
public:
    /// Creates the demo under @p dir unless it is already there, and returns the folder of its
    /// manifests; on failure returns an empty string and sets @p error. Creation happens in a
    /// scratch folder that is renamed into place, so a half-made demo is never picked up.
    static QString ensure(const QString &dir, QString *error);
};

} // namespace Stevedore
