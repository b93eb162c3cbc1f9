#pragma once

// Private to engine/: how YamlEditor writes a new value's scalar text.

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <optional>

namespace Stevedore::YamlScalarText {

/// Whether a plain scalar @p s would read back as something else than a string (a YAML 1.1 or
/// 1.2 null, bool, number or timestamp, as go-yaml and Helm read them).
bool looksTyped(const QString &s);
/// Whether @p s holds characters that only a double-quoted scalar can carry.
bool hasControl(const QString &s);
/// Whether @p s can be written plain (in a flow collection when @p inFlow) and read back as
/// the same string.
bool canBePlain(const QString &s, bool inFlow);
QByteArray doubleQuoted(const QString &s);
QByteArray singleQuoted(const QString &s);
/// A block scalar (`|` or `>`, with @p indent spaces before each line) for a multi-line
/// string, or nothing when @p s has no block form that reads back as @p s (more than one
/// trailing line break, a first line that is empty or starts with a space, control
/// characters, or indented lines in a folded scalar).
std::optional<QByteArray> blockScalar(const QString &s, char indicator, qsizetype indent,
                                      const QByteArray &eol);
/// A bool, number or null as its plain scalar; nothing for other types.
std::optional<QByteArray> typedText(const QVariant &value);
bool isString(const QVariant &value);
/// A string as a plain scalar when that reads back as the same string, double-quoted otherwise.
QByteArray plainOrQuoted(const QString &s, bool inFlow);

} // namespace Stevedore::YamlScalarText
