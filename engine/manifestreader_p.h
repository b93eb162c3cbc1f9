#pragma once

// Private to engine/: reads one YAML mapping of a manifest field by field, checking types and
// reporting every problem at the key or value it concerns.

#include "engine/yamlsource_p.h"

#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

namespace Stevedore {

class MapReader
{
public:
    enum Need
    {
        Optional,
        Required
    };

    /// @p what names the object in messages, e.g. "image subscription".
    MapReader(const YAML::Node &node, const Yaml::Context &context, QString what);

    bool isMap() const { return m_node.IsMap(); }
    const YAML::Node &yaml() const { return m_node; }
    const Yaml::Context &context() const { return m_context; }
    const QString &what() const { return m_what; }

    /// The value of @p key, or an undefined node; marks the key as known.
    YAML::Node value(const char *key);
    /// The key's own node (for positions), or an undefined node.
    YAML::Node key(const char *key) const;
    bool has(const char *key) const;
    /// The key is present with a non-null value.
    bool hasValue(const char *key) const;

    std::optional<QString> string(const char *key, Need need = Optional);
    std::optional<bool> boolean(const char *key);
    std::optional<qint64> integer(const char *key, qint64 minimum, qint64 maximum);
    std::optional<QString> enumeration(const char *key, const QStringList &allowed,
                                       Need need = Optional);
    std::optional<QStringList> stringList(const char *key);
    /// A Kubernetes duration such as `5m` or `1h30m`, checked against @p pattern.
    std::optional<qint64> duration(const char *key);
    /// A string that must be a valid regular expression.
    std::optional<QStringList> regexList(const char *key);

    /// A list of mappings: calls @p read for each, with its index. Returns false if the key is
    /// absent or not a list. @p minimum items are required when the key is present.
    bool forEach(const char *key, const std::function<void(const YAML::Node &, int)> &read,
                 Need need = Optional);

    void removed(const char *key, const QString &advice);
    void deprecated(const char *key, const QString &advice);
    /// Fields that exist in Kargo but do not matter here: known, so not warned about.
    void accept(std::initializer_list<const char *> keys);

    void error(const YAML::Node &node, const QString &message) const;
    void warning(const YAML::Node &node, const QString &message) const;
    /// Reports a missing required field at the mapping itself.
    void missing(const char *key) const;

    /// Warns about every key no reader asked for.
    void finish();

private:
    YAML::Node scalarValue(const char *key, Need need, const char *expected);
    /// A required field that is missing (or present without a value).
    void reportAbsent(const char *key, const YAML::Node &node) const;

    YAML::Node m_node;
    Yaml::Context m_context;
    QString m_what;
    QSet<QString> m_known;
    bool m_finished = false;
};

/// Kubernetes' duration syntax as Kargo's CRDs accept it (`^([0-9]+(\.[0-9]+)?(s|m|h))+$`),
/// in milliseconds; nullopt when it does not match.
std::optional<qint64> parseKargoDuration(const QString &text);
/// Go's time.Duration syntax (Argo Rollouts): also ns, us, µs, ms.
std::optional<qint64> parseGoDuration(const QString &text);
bool isValidResourceName(const QString &name);

} // namespace Stevedore
