#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Stevedore::Cli {

/// The command line of stevedorectl: global options anywhere, then one command with its own
/// options and positional arguments.
struct CommandLine
{
    QString command;
    QStringList positional;
    QHash<QString, QString> options; ///< option name (without dashes) -> last value ("" for flags)
    QHash<QString, QStringList> repeated; ///< option name -> every value, in order
    QString stateDir;
    QStringList mirrors;    ///< global `--mirror HOST=URL`, repeatable
    QStringList prometheus; ///< global `--prometheus FROM=TO`, repeatable
    bool help = false;
    bool version = false;
    QString error; ///< set when the arguments do not parse

    bool has(const QString &name) const { return options.contains(name); }
    QString value(const QString &name) const { return options.value(name); }
    /// Every value given for an option that may be repeated (--allow A --allow B).
    QStringList values(const QString &name) const { return repeated.value(name); }

    /// @p valueOptions lists the command options that take a value (e.g. "format").
    static CommandLine parse(const QStringList &arguments, const QStringList &valueOptions);
};

} // namespace Stevedore::Cli
