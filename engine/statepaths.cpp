#include "engine/statepaths.h"

#include <QDir>
#include <QStandardPaths>

namespace Stevedore {

namespace {

QString &overrideDir()
{
    static QString dir;
    return dir;
}

} // namespace

void StatePaths::setOverride(const QString &dir)
{
    overrideDir() = dir.isEmpty() ? QString() : QDir(dir).absolutePath();
}

QString StatePaths::root()
{
    if (!overrideDir().isEmpty())
        return overrideDir();
    const QString fromEnvironment = qEnvironmentVariable("STEVEDORE_STATE_DIR");
    if (!fromEnvironment.isEmpty())
        return QDir(fromEnvironment).absolutePath();
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString StatePaths::storesDir()
{
    return root() + QStringLiteral("/pipelines");
}

QString StatePaths::cacheDir()
{
    return root() + QStringLiteral("/cache");
}

QString StatePaths::demoDir()
{
    return root() + QStringLiteral("/demo");
}

} // namespace Stevedore
