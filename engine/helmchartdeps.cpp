#include "engine/helmchartdeps.h"

#include "engine/yamleditor.h"
#include "engine/yamlnodes_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace YamlNodes;

namespace {

struct Dependency
{
    QByteArray repository;
    QByteArray name;
    QByteArray version;
};

QByteArray scalarAt(const Document &document, int mapping, QByteArrayView key)
{
    const int value = document.value(mapping, key);
    return value >= 0 && document.node(value).kind == Node::Kind::Scalar
               ? document.node(value).value
               : QByteArray();
}

/// The `dependencies` of @p text, in the file's order.
std::optional<QList<Dependency>> readDependencies(const QByteArray &text, QString *error)
{
    Document document;
    if (!parse(text, &document, error)) {
        *error = HelmChartDependencies::tr("cannot parse Chart.yaml: %1").arg(*error);
        return std::nullopt;
    }
    QList<Dependency> dependencies;
    if (document.root < 0)
        return dependencies;
    const int root = document.resolve(document.root);
    if (document.node(root).isNull() && document.node(root).value.isEmpty())
        return dependencies; // only comments
    if (document.node(root).kind != Node::Kind::Mapping) {
        *error = HelmChartDependencies::tr("Chart.yaml is not a mapping");
        return std::nullopt;
    }
    const int list = document.value(root, "dependencies");
    if (list < 0 || document.node(list).isNull())
        return dependencies;
    if (document.node(list).kind != Node::Kind::Sequence) {
        *error = HelmChartDependencies::tr("\"dependencies\" in Chart.yaml is not a list");
        return std::nullopt;
    }
    const std::vector<int> &items = document.node(list).children;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const int item = document.resolve(items[i]);
        if (document.node(item).kind != Node::Kind::Mapping) {
            *error = HelmChartDependencies::tr(
                         "item %1 of \"dependencies\" in Chart.yaml is not a mapping")
                         .arg(i + 1);
            return std::nullopt;
        }
        dependencies.append({scalarAt(document, item, "repository"),
                             scalarAt(document, item, "name"),
                             scalarAt(document, item, "version")});
    }
    return dependencies;
}

} // namespace

std::optional<QByteArray>
HelmChartDependencies::update(const QByteArray &text,
                              const QList<HelmChartDependencyUpdate> &updates, QString *error,
                              QList<HelmChartDependencyChange> *changes)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    QByteArray result = text;
    QList<HelmChartDependencyChange> changed;
    for (const HelmChartDependencyUpdate &update : updates) {
        // Read afresh after each edit, so that each update sees the versions before it.
        const std::optional<QList<Dependency>> dependencies = readDependencies(result, &message);
        if (!dependencies)
            return std::nullopt;
        const QByteArray repository = update.repository.toUtf8();
        const QByteArray name = update.name.toUtf8();
        const auto found = std::find_if(
            dependencies->cbegin(), dependencies->cend(), [&](const Dependency &dependency) {
                return dependency.repository == repository && dependency.name == name;
            });
        if (found == dependencies->cend()) {
            message = tr("no dependency in Chart.yaml matches update with repository \"%1\" "
                         "and name \"%2\"")
                          .arg(update.repository, update.name);
            return std::nullopt;
        }
        if (found->version == update.version.toUtf8())
            continue;
        // Kargo sets dependencies.N.version with its yaml-update machinery; so do we.
        const QString key =
            u"dependencies."_s + QString::number(found - dependencies->cbegin()) + u".version"_s;
        const std::optional<QByteArray> edited =
            YamlEditor::update(result, {{key, update.version}}, &message);
        if (!edited)
            return std::nullopt;
        result = *edited;
        // One change per dependency: a second update of it changes only the new version.
        const auto same = std::find_if(
            changed.begin(), changed.end(),
            [&](const HelmChartDependencyChange &change) { return change.name == update.name; });
        if (same != changed.end())
            same->newVersion = update.version;
        else
            changed.append({update.name, QString::fromUtf8(found->version), update.version});
    }
    if (changes) {
        changed.removeIf([](const HelmChartDependencyChange &change) {
            return change.oldVersion == change.newVersion;
        });
        *changes = changed;
    }
    return result;
}

QString HelmChartDependencies::commitMessage(const QString &path,
                                             const QList<HelmChartDependencyUpdate> &updates)
{
    QList<HelmChartDependencyChange> changes;
    for (const HelmChartDependencyUpdate &update : updates)
        changes.append({update.name, {}, update.version});
    return commitMessage(path, changes);
}

QString HelmChartDependencies::commitMessage(const QString &path,
                                             const QList<HelmChartDependencyChange> &changes)
{
    if (changes.isEmpty())
        return {};
    QList<HelmChartDependencyChange> sorted = changes;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const HelmChartDependencyChange &a, const HelmChartDependencyChange &b) {
                         return a.name.toUtf8() < b.name.toUtf8();
                     });
    // Kargo's text, which later steps and reviewers read: not translated.
    QString message = u"Updated chart dependencies for "_s + path + u'\n';
    for (const HelmChartDependencyChange &change : std::as_const(sorted)) {
        QString description = change.newVersion;
        if (change.newVersion.isEmpty())
            description = u"removed"_s;
        else if (!change.oldVersion.isEmpty())
            description = change.oldVersion + u" -> "_s + change.newVersion;
        message += u"\n- "_s + change.name + u": "_s + description;
    }
    return message;
}

} // namespace Stevedore
