#pragma once

// Private to engine/: yaml-cpp does not leave the engine's .cpp files and this header.

#include "engine/problem.h"

#include <QString>

#include <yaml-cpp/yaml.h>

#include <vector>

namespace Stevedore::Yaml {

/// One YAML document of a manifest file, with what is needed to turn yaml-cpp's 0-based marks
/// (relative to the document) into positions in the file.
struct Document
{
    YAML::Node root;
    int lineOffset = 0; ///< lines of the file before this document
};

/// Where a problem is reported: the file (as the user named it) and how to place marks.
struct Context
{
    QString file;
    int lineOffset = 0;
    Problems *problems = nullptr;

    SourceLocation location(const YAML::Mark &mark) const;
    SourceLocation location(const YAML::Node &node) const { return location(node.Mark()); }
    void report(Problem::Severity severity, const YAML::Mark &mark, const QString &message) const;
    void error(const YAML::Node &node, const QString &message) const;
    void warning(const YAML::Node &node, const QString &message) const;
};

/// Splits @p text into documents and parses each on its own, so that a syntax error in one
/// document does not hide the resources in the others. Syntax errors and duplicate mapping
/// keys are appended to @p problems.
std::vector<Document> parseDocuments(const QString &file, const QByteArray &text,
                                     Problems *problems);

/// A scalar that was written plain (not quoted, not a block scalar), so YAML's typing applies.
bool isPlainScalar(const YAML::Node &node);
QString scalar(const YAML::Node &node);
/// Whether the node is a string holding a `${{ }}` or `${% %}` template.
bool isTemplate(const YAML::Node &node);

/// The node converted to a QVariant tree (maps, lists, strings, bools, numbers, null).
QVariant toVariant(const YAML::Node &node);

} // namespace Stevedore::Yaml
