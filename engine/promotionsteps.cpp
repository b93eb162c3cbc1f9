#include "engine/promotionsteps.h"

#include "engine/expressiontemplate.h"
#include "engine/helmchartdeps.h"
#include "engine/kustomizeimages.h"
#include "engine/promotioncontext.h"
#include "engine/promotionsteps_p.h"
#include "engine/yamleditor.h"
#include "engine/yamlscalartext_p.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <functional>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QString configString(const QVariantMap &config, const QString &key)
{
    const QVariant value = config.value(key);
    if (!value.isValid() || value.isNull())
        return {};
    return value.typeId() == QMetaType::QString ? value.toString()
                                                : ExpressionTemplate::stringify(value);
}

/// @p path's contents; a failure names the file as the config did (@p shown).
std::optional<QByteArray> readFile(const QString &path, const QString &shown, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = PromotionSteps::tr("cannot read %1: %2").arg(shown, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &contents, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() ||
        !file.commit()) {
        *error = PromotionSteps::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

/// Rewrites the file at @p path with what @p edit makes of it, writing only when something
/// changed; a failure names the file as @p shown.
bool editFile(const QString &path, const QString &shown, QString *error,
              const std::function<std::optional<QByteArray>(const QByteArray &, QString *)> &edit)
{
    const std::optional<QByteArray> text = readFile(path, shown, error);
    if (!text)
        return false;
    QString problem;
    const std::optional<QByteArray> updated = edit(*text, &problem);
    if (!updated) {
        *error = PromotionSteps::tr("%1: %2").arg(shown, problem);
        return false;
    }
    return *updated == *text || writeFile(path, *updated, error);
}

/// A path relative to the workspace, for messages.
QString shown(const StepRun &run, const QString &absolute)
{
    return u"./"_s + QDir(run.workspace).relativeFilePath(absolute);
}

StepOutcome yamlUpdate(StepRun &run)
{
    QString error;
    const QString relative = configString(run.config, u"path"_s);
    const QString path = PromotionSteps::resolve(run.workspace, relative, &error);
    if (path.isEmpty())
        return StepOutcome::error(error);
    QList<YamlUpdate> updates;
    const QVariantList list = run.config.value(u"updates"_s).toList();
    for (const QVariant &entry : list) {
        const QVariantMap update = entry.toMap();
        updates.append({update.value(u"key"_s).toString(), update.value(u"value"_s)});
    }
    if (!editFile(path, relative, &error, [&](const QByteArray &text, QString *problem) {
            return YamlEditor::update(text, updates, problem);
        }))
        return StepOutcome::error(error);
    StepOutcome outcome;
    outcome.outputs.insert(u"commitMessage"_s, PromotionSteps::yamlUpdateMessage(relative, list));
    outcome.log.append(
        PromotionSteps::tr("updated %n key(s) in %1", nullptr, int(updates.size())).arg(relative));
    return outcome;
}

StepOutcome kustomizeSetImage(StepRun &run)
{
    QString error;
    const QString relative = configString(run.config, u"path"_s);
    const QString directory = PromotionSteps::resolve(run.workspace, relative, &error);
    if (directory.isEmpty())
        return StepOutcome::error(error);
    QString path;
    for (const QString &name :
         {u"kustomization.yaml"_s, u"kustomization.yml"_s, u"Kustomization"_s}) {
        if (QFileInfo::exists(directory + u'/' + name)) {
            path = directory + u'/' + name;
            break;
        }
    }
    if (path.isEmpty())
        return StepOutcome::error(PromotionSteps::tr("%1 has no kustomization.yaml").arg(relative));
    QList<KustomizeImage> images;
    const QVariantList list = run.config.value(u"images"_s).toList();
    if (list.isEmpty()) {
        // Without `images`, every image of the freight being promoted.
        for (const FreightImage &image : run.context->targetFreight().images)
            images.append({image.repoURL, image.tag, image.digest, QString(), false});
    }
    for (const QVariant &entry : list) {
        const QVariantMap map = entry.toMap();
        KustomizeImage image;
        image.image = configString(map, u"image"_s);
        image.tag = configString(map, u"tag"_s);
        image.digest = configString(map, u"digest"_s);
        image.newName = configString(map, u"newName"_s);
        image.useDigest = map.value(u"useDigest"_s).toBool();
        const QString name = configString(map, u"name"_s);
        if (!name.isEmpty())
            image.image = name;
        if (image.tag.isEmpty() && image.digest.isEmpty()) {
            // Neither given: the freight's version of the image.
            QString lookupError;
            const QVariant found = run.context->lookupImage(
                configString(map, u"image"_s), map.value(u"fromOrigin"_s), &lookupError);
            if (!lookupError.isEmpty())
                return StepOutcome::error(lookupError);
            if (found.typeId() != QMetaType::QVariantMap)
                return StepOutcome::error(
                    PromotionSteps::tr("the freight has no image %1 and the step gives no tag "
                                       "or digest for it")
                        .arg(configString(map, u"image"_s)));
            image.tag = found.toMap().value(u"Tag"_s).toString();
            image.digest = found.toMap().value(u"Digest"_s).toString();
        }
        images.append(image);
    }
    if (!editFile(path, shown(run, path), &error, [&](const QByteArray &text, QString *problem) {
            return KustomizeImages::setImages(text, images, problem);
        }))
        return StepOutcome::error(error);
    StepOutcome outcome;
    outcome.outputs.insert(u"commitMessage"_s, KustomizeImages::commitMessage(relative, images));
    return outcome;
}

StepOutcome helmUpdateChart(StepRun &run)
{
    QString error;
    const QString relative = configString(run.config, u"path"_s);
    const QString directory = PromotionSteps::resolve(run.workspace, relative, &error);
    if (directory.isEmpty())
        return StepOutcome::error(error);
    const QString path = directory + u"/Chart.yaml"_s;
    QList<HelmChartDependencyUpdate> updates;
    const QVariantList list = run.config.value(u"charts"_s).toList();
    for (const QVariant &entry : list) {
        const QVariantMap map = entry.toMap();
        updates.append({configString(map, u"repository"_s), configString(map, u"name"_s),
                        configString(map, u"version"_s)});
    }
    QList<HelmChartDependencyChange> changes;
    if (!editFile(path, shown(run, path), &error, [&](const QByteArray &text, QString *problem) {
            return HelmChartDependencies::update(text, updates, problem, &changes);
        }))
        return StepOutcome::error(error);
    StepOutcome outcome;
    outcome.outputs.insert(u"commitMessage"_s,
                           HelmChartDependencies::commitMessage(relative, changes));
    outcome.log.append(PromotionSteps::tr("Chart.lock and the charts/ folder were not refreshed: "
                                          "run `helm dependency update` to refresh them"));
    return outcome;
}

/// `.gitignore`-style patterns for the copy step's `ignore`.
class IgnoreRules
{
public:
    explicit IgnoreRules(const QString &text)
    {
        m_rules.append({u".git"_s, false, false, false});
        for (QString line : text.split(u'\n')) {
            line = line.trimmed();
            if (line.isEmpty() || line.startsWith(u'#'))
                continue;
            Rule rule;
            if (line.startsWith(u'!')) {
                rule.negated = true;
                line.remove(0, 1);
            }
            if (line.endsWith(u'/')) {
                rule.directoryOnly = true;
                line.chop(1);
            }
            rule.anchored = line.contains(u'/');
            if (line.startsWith(u'/'))
                line.remove(0, 1);
            rule.pattern = line;
            m_rules.append(rule);
        }
    }

    bool ignored(const QString &relative, bool isDirectory) const
    {
        bool result = false;
        const QString name = relative.section(u'/', -1);
        for (const Rule &rule : m_rules) {
            if (rule.directoryOnly && !isDirectory)
                continue;
            const bool matches = rule.anchored ? PromotionSteps::globMatches(rule.pattern, relative)
                                               : PromotionSteps::globMatches(rule.pattern, name);
            if (matches)
                result = !rule.negated;
        }
        return result;
    }

private:
    struct Rule
    {
        QString pattern;
        bool negated = false;
        bool directoryOnly = false;
        bool anchored = false;
    };
    QList<Rule> m_rules;
};

bool copyFile(const QString &from, const QString &to, QString *error)
{
    const std::optional<QByteArray> contents = readFile(from, from, error);
    if (!contents || !writeFile(to, *contents, error))
        return false;
    QFile::setPermissions(to, QFile::permissions(from));
    return true;
}

StepOutcome copy(StepRun &run)
{
    QString error;
    const QString from =
        PromotionSteps::resolve(run.workspace, configString(run.config, u"inPath"_s), &error);
    if (from.isEmpty())
        return StepOutcome::error(error);
    const QString to =
        PromotionSteps::resolve(run.workspace, configString(run.config, u"outPath"_s), &error);
    if (to.isEmpty())
        return StepOutcome::error(error);
    const QFileInfo source(from);
    if (!source.exists())
        return StepOutcome::error(
            PromotionSteps::tr("%1 does not exist").arg(configString(run.config, u"inPath"_s)));
    StepOutcome outcome;
    if (!source.isDir()) {
        if (!copyFile(from, to, &error))
            return StepOutcome::error(error);
        return outcome;
    }
    const IgnoreRules rules(configString(run.config, u"ignore"_s));
    QStringList pending{QString()};
    int copied = 0;
    while (!pending.isEmpty()) {
        const QString directory = pending.takeFirst();
        const QDir dir(from + u'/' + directory);
        const QFileInfoList entries = dir.entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries) {
            const QString relative =
                directory.isEmpty() ? entry.fileName() : directory + u'/' + entry.fileName();
            if (entry.isSymLink() || rules.ignored(relative, entry.isDir()))
                continue;
            if (entry.isDir()) {
                QDir().mkpath(to + u'/' + relative);
                pending.append(relative);
            } else if (copyFile(entry.filePath(), to + u'/' + relative, &error)) {
                ++copied;
            } else {
                return StepOutcome::error(error);
            }
        }
    }
    outcome.log.append(PromotionSteps::tr("copied %n file(s)", nullptr, copied));
    return outcome;
}

/// The files and folders under @p workspace whose workspace-relative path matches @p pattern.
QStringList globbed(const QString &workspace, QString pattern)
{
    pattern = QDir::cleanPath(pattern);
    if (pattern.startsWith(u"./"))
        pattern.remove(0, 2);
    // Walk only below the part of the pattern without wildcards.
    static const QRegularExpression wildcard(u"[*?\\[]"_s);
    const qsizetype firstWildcard = pattern.indexOf(wildcard);
    const QString fixed =
        firstWildcard < 0 ? pattern : pattern.left(pattern.lastIndexOf(u'/', firstWildcard) + 1);
    QStringList found;
    if (firstWildcard < 0) {
        if (QFileInfo::exists(workspace + u'/' + pattern))
            found.append(workspace + u'/' + pattern);
        return found;
    }
    QDirIterator it(workspace + u'/' + fixed,
                    QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    const QDir root(workspace);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString relative = root.relativeFilePath(path);
        if (PromotionSteps::globMatches(pattern, relative))
            found.append(path);
    }
    // Parents before children, so a deleted folder's contents are not visited again.
    std::sort(found.begin(), found.end());
    return found;
}

StepOutcome remove(StepRun &run)
{
    QStringList patterns = run.config.value(u"paths"_s).toStringList();
    if (run.config.contains(u"path"_s))
        patterns.prepend(configString(run.config, u"path"_s));
    const bool globs = run.config.value(u"pathsAreGlobs"_s).toBool();
    const bool strict = run.config.value(u"strict"_s).toBool();
    StepOutcome outcome;
    for (const QString &pattern : std::as_const(patterns)) {
        QString error;
        QStringList targets;
        if (globs) {
            if (PromotionSteps::resolve(run.workspace, pattern, &error).isEmpty())
                return StepOutcome::error(error);
            targets = globbed(run.workspace, pattern);
        } else {
            const QString path = PromotionSteps::resolve(run.workspace, pattern, &error);
            if (path.isEmpty())
                return StepOutcome::error(error);
            if (QFileInfo(path).exists() || QFileInfo(path).isSymLink())
                targets.append(path);
        }
        if (targets.isEmpty() && strict)
            return StepOutcome::error(globs ? PromotionSteps::tr("%1 matches nothing").arg(pattern)
                                            : PromotionSteps::tr("%1 does not exist").arg(pattern));
        for (const QString &target : std::as_const(targets)) {
            const QFileInfo info(target);
            if (!info.exists() && !info.isSymLink())
                continue; // inside a folder deleted before
            const bool removed = info.isDir() && !info.isSymLink()
                                     ? QDir(target).removeRecursively()
                                     : QFile::remove(target);
            if (!removed)
                return StepOutcome::error(
                    PromotionSteps::tr("cannot delete %1").arg(shown(run, target)));
            outcome.log.append(PromotionSteps::tr("deleted %1").arg(shown(run, target)));
        }
    }
    return outcome;
}

StepOutcome fileWrite(StepRun &run)
{
    QString error;
    const QString relative = configString(run.config, u"path"_s);
    const QString path = PromotionSteps::resolve(run.workspace, relative, &error);
    if (path.isEmpty())
        return StepOutcome::error(error);
    if (QFileInfo::exists(path) && !run.config.value(u"overwrite"_s).toBool())
        return StepOutcome::error(
            PromotionSteps::tr("%1 exists; set overwrite: true to replace it").arg(relative));
    if (QFileInfo(path).isDir())
        return StepOutcome::error(PromotionSteps::tr("%1 is a folder").arg(relative));
    if (!writeFile(path, configString(run.config, u"contents"_s).toUtf8(), &error))
        return StepOutcome::error(error);
    const QString permissions = configString(run.config, u"permissions"_s);
    if (!permissions.isEmpty()) {
        bool ok = false;
        const uint mode = permissions.toUInt(&ok, 8);
        if (!ok || mode > 0777)
            return StepOutcome::error(
                PromotionSteps::tr("permissions must be an octal mode such as 0644, not %1")
                    .arg(permissions));
        QFile::Permissions flags;
        const QFile::Permission bits[] = {QFile::ExeOther, QFile::WriteOther, QFile::ReadOther,
                                          QFile::ExeGroup, QFile::WriteGroup, QFile::ReadGroup,
                                          QFile::ExeOwner, QFile::WriteOwner, QFile::ReadOwner};
        for (int bit = 0; bit < 9; ++bit) {
            if (mode & (1u << bit))
                flags |= bits[bit];
        }
        if (mode & 0400)
            flags |= QFile::ReadUser;
        if (mode & 0200)
            flags |= QFile::WriteUser;
        if (mode & 0100)
            flags |= QFile::ExeUser;
        QFile::setPermissions(path, flags);
    }
    return {};
}

StepOutcome setMetadata(StepRun &run)
{
    StepOutcome outcome;
    const QVariantList updates = run.config.value(u"updates"_s).toList();
    for (const QVariant &entry : updates) {
        const QVariantMap update = entry.toMap();
        const QString kind = configString(update, u"kind"_s);
        const QString name = configString(update, u"name"_s);
        if (kind != u"Stage" && kind != u"Freight")
            return StepOutcome::error(
                PromotionSteps::tr("kind must be Stage or Freight, not %1").arg(kind));
        run.context->setMetadata(kind, name, update.value(u"values"_s).toMap());
        outcome.log.append(
            PromotionSteps::tr("set %1 metadata on %2 %3")
                .arg(QStringList(update.value(u"values"_s).toMap().keys()).join(u", "_s), kind,
                     name));
    }
    return outcome;
}

} // namespace

QString PromotionSteps::resolve(const QString &workspace, const QString &relative, QString *error)
{
    if (relative.isEmpty()) {
        *error = tr("a path is missing");
        return {};
    }
    if (QDir::isAbsolutePath(relative)) {
        *error = tr("%1 is an absolute path; paths are relative to the promotion's workspace")
                     .arg(relative);
        return {};
    }
    const QString root = QDir::cleanPath(workspace);
    const QString path = QDir::cleanPath(root + u'/' + relative);
    const auto inside = [&](const QString &candidate, const QString &base) {
        return candidate == base || candidate.startsWith(base + u'/');
    };
    if (!inside(path, root)) {
        *error = tr("%1 leaves the promotion's workspace").arg(relative);
        return {};
    }
    // A symbolic link on the way must not lead outside either.
    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    QString existing = path;
    while (!QFileInfo::exists(existing) && existing != root)
        existing = QFileInfo(existing).absolutePath();
    const QString canonical = QFileInfo(existing).canonicalFilePath();
    if (!canonicalRoot.isEmpty() && !canonical.isEmpty() && !inside(canonical, canonicalRoot)) {
        *error =
            tr("%1 leads out of the promotion's workspace through a symbolic link").arg(relative);
        return {};
    }
    return path;
}

bool PromotionSteps::globMatches(const QString &pattern, const QString &path)
{
    QString expression = u"^"_s;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == u'*') {
            if (i + 1 < pattern.size() && pattern.at(i + 1) == u'*') {
                const bool slash = i + 2 < pattern.size() && pattern.at(i + 2) == u'/';
                expression += slash ? u"(?:.*/)?"_s : u".*"_s;
                i += slash ? 2 : 1;
            } else {
                expression += u"[^/]*"_s;
            }
        } else if (c == u'?') {
            expression += u"[^/]"_s;
        } else if (c == u'[') {
            const qsizetype end = pattern.indexOf(u']', i + 1);
            if (end < 0) {
                expression += u"\\["_s;
                continue;
            }
            QString set = pattern.mid(i + 1, end - i - 1);
            if (set.startsWith(u'!'))
                set[0] = u'^';
            expression += u'[' + set.replace(u"\\"_s, u"\\\\"_s) + u']';
            i = end;
        } else {
            expression += QRegularExpression::escape(QString(c));
        }
    }
    expression += u'$';
    return QRegularExpression(expression).match(path).hasMatch();
}

QString PromotionSteps::yamlUpdateMessage(const QString &path, const QVariantList &updates)
{
    if (updates.isEmpty())
        return {};
    QString message = u"Updated %1\n"_s.arg(path);
    for (const QVariant &entry : updates) {
        const QVariantMap update = entry.toMap();
        const QVariant value = update.value(u"value"_s);
        const QString text =
            YamlScalarText::isString(value)
                ? QString::fromUtf8(YamlScalarText::plainOrQuoted(value.toString(), false))
                : ExpressionTemplate::stringify(value);
        message += u"\n- %1: %2"_s.arg(update.value(u"key"_s).toString(), text);
    }
    return message;
}

StepOutcome PromotionSteps::run(const QString &uses, StepRun &run)
{
    if (uses == u"yaml-update")
        return yamlUpdate(run);
    if (uses == u"kustomize-set-image")
        return kustomizeSetImage(run);
    if (uses == u"helm-update-chart")
        return helmUpdateChart(run);
    if (uses == u"copy")
        return copy(run);
    if (uses == u"delete")
        return remove(run);
    if (uses == u"file-write")
        return fileWrite(run);
    if (uses == u"compose-output")
        return {StepStatus::Succeeded, QString(), run.config, {}};
    if (uses == u"set-metadata")
        return setMetadata(run);
    if (uses == u"fail") {
        const QString message = configString(run.config, u"message"_s);
        return {
            StepStatus::Failed, message.isEmpty() ? tr("failed by a fail step") : message, {}, {}};
    }
    if (uses == u"git-clone")
        return GitSteps::clone(run);
    if (uses == u"git-clear")
        return GitSteps::clear(run);
    if (uses == u"git-commit")
        return GitSteps::commit(run);
    if (uses == u"git-push")
        return GitSteps::push(run);
    if (uses == u"git-tag")
        return GitSteps::tag(run);
    return StepOutcome::error(tr("Stevedore cannot run %1 steps").arg(uses));
}

} // namespace Stevedore
