#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Stevedore {

/// A place in a manifest: the file as the user named it, and a 1-based line and column.
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return !file.isEmpty(); }
    QString toString() const;
    friend bool operator==(const SourceLocation &, const SourceLocation &) = default;
};

/// One finding about a pipeline's manifests, printed the way compilers print theirs.
struct Problem
{
    enum class Severity { Error, Warning, Note };

    Severity severity = Severity::Error;
    SourceLocation location;
    QString message;

    /// `FILE:LINE:COLUMN: error: message`, or `FILE: error: message` without a position.
    QString toString() const;
    static QString severityName(Severity severity);
};

using Problems = QList<Problem>;

int countProblems(const Problems &problems, Problem::Severity severity);

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::SourceLocation)
Q_DECLARE_METATYPE(Stevedore::Problem)
