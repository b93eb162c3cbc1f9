#include "app/cli/commandline.h"

namespace Stevedore::Cli {

CommandLine CommandLine::parse(const QStringList &arguments, const QStringList &valueOptions)
{
    CommandLine line;
    bool onlyPositional = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (onlyPositional || !arg.startsWith(u'-') || arg == u"-") {
            if (line.command.isEmpty())
                line.command = arg;
            else
                line.positional.append(arg);
            continue;
        }
        if (arg == u"--") {
            onlyPositional = true;
            continue;
        }
        QString name = arg.mid(arg.startsWith(u"--") ? 2 : 1);
        QString value;
        bool hasInlineValue = false;
        if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            hasInlineValue = true;
        }
        if (name == u"h" || name == u"help") {
            line.help = true;
            continue;
        }
        if (name == u"version" || name == u"v") {
            line.version = true;
            continue;
        }
        const bool takesValue = name == u"state-dir" || name == u"mirror" ||
                                name == u"prometheus" || valueOptions.contains(name);
        if (takesValue && !hasInlineValue) {
            if (i + 1 >= arguments.size()) {
                line.error = QStringLiteral("option --%1 needs a value").arg(name);
                return line;
            }
            value = arguments.at(++i);
        } else if (!takesValue && hasInlineValue) {
            line.error = QStringLiteral("option --%1 takes no value").arg(name);
            return line;
        }
        if (name == u"state-dir") {
            // An empty folder (an unset shell variable, say) must not quietly mean the default.
            if (value.isEmpty()) {
                line.error = QStringLiteral("option --state-dir needs a value");
                return line;
            }
            line.stateDir = value;
        } else if (name == u"mirror") {
            line.mirrors.append(value);
        } else if (name == u"prometheus") {
            line.prometheus.append(value);
        } else {
            line.options.insert(name, value);
            line.repeated[name].append(value);
        }
    }
    return line;
}

} // namespace Stevedore::Cli
