#include "engine/versions.h"

#include <git2.h>

namespace Stevedore::Versions {

QString stevedore()
{
    return QStringLiteral(STEVEDORE_VERSION);
}

QString qt()
{
    return QString::fromLatin1(qVersion());
}

QString libgit2()
{
    int major = 0;
    int minor = 0;
    int revision = 0;
    git_libgit2_version(&major, &minor, &revision);
    return QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(revision);
}

QString yamlCpp()
{
    // yaml-cpp has no version API: this is the version found when Stevedore was configured.
    return QStringLiteral(STEVEDORE_YAML_CPP_VERSION);
}

QString graphviz()
{
    return QStringLiteral(STEVEDORE_GRAPHVIZ_VERSION);
}

} // namespace Stevedore::Versions
