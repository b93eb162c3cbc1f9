#pragma once

#include <QString>

namespace Stevedore {

/// Where Stevedore keeps its state: the local stores, git caches and the demo pipeline.
/// Chosen by `--state-dir`, then `STEVEDORE_STATE_DIR`, then the platform's app data location.
class StatePaths
{
public:
    /// Sets the folder given on the command line (wins over the environment).
    static void setOverride(const QString &dir);
    static QString root();
    static QString storesDir();
    static QString cacheDir();
    static QString demoDir();
};

} // namespace Stevedore
