#include "engine/problem.h"

#include <algorithm>

namespace Stevedore {

QString SourceLocation::toString() const
{
    if (line <= 0)
        return file;
    return file + u':' + QString::number(line) + u':' + QString::number(column);
}

QString Problem::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Note:
        return QStringLiteral("note");
    }
    return {};
}

QString Problem::toString() const
{
    QString where = location.toString();
    if (!where.isEmpty())
        where += u": ";
    return where + severityName(severity) + u": " + message;
}

int countProblems(const Problems &problems, Problem::Severity severity)
{
    return int(std::count_if(problems.begin(), problems.end(),
                             [severity](const Problem &p) { return p.severity == severity; }));
}

} // namespace Stevedore
