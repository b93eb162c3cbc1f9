#include "engine/manifestloader.h"

#include "engine/resourcereaders_p.h"
#include "engine/stagecolors.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace Stevedore {

namespace {

const QLatin1String kargoApi("kargo.akuity.io/v1alpha1");
const QLatin1String rolloutsApi("argoproj.io/v1alpha1");
const QLatin1String colorAnnotation("kargo.akuity.io/color");

struct Metadata
{
    QString name;
    QString namespaceName;
    QString color;
    SourceLocation location;
};

Metadata readMetadata(MapReader &resource, const QString &kind)
{
    Metadata metadata;
    const YAML::Node node = resource.value("metadata");
    if (!node.IsDefined() || node.IsNull()) {
        resource.missing("metadata");
        return metadata;
    }
    MapReader reader(node, resource.context(), kind + QStringLiteral(" metadata"));
    if (!reader.isMap()) {
        reader.error(node, QStringLiteral("\"metadata\" must be a mapping"));
        return metadata;
    }
    metadata.name = reader.string("name", MapReader::Required).value_or(QString());
    metadata.location =
        resource.context().location(reader.hasValue("name") ? reader.value("name") : node);
    if (!metadata.name.isEmpty() && !isValidResourceName(metadata.name)) {
        reader.error(reader.value("name"),
                     QStringLiteral("\"%1\" is not a valid resource name: use lower-case letters, "
                                    "digits, '-' and '.', starting and ending with a letter or "
                                    "digit")
                         .arg(metadata.name));
    }
    metadata.namespaceName = reader.string("namespace").value_or(QString());
    const YAML::Node annotations = reader.value("annotations");
    if (annotations.IsMap()) {
        for (auto it = annotations.begin(); it != annotations.end(); ++it) {
            if (Yaml::scalar(it->first) != colorAnnotation)
                continue;
            metadata.color = Yaml::scalar(it->second);
            if (kind == u"Stage" && !StageColors::isKnown(metadata.color))
                reader.warning(it->second.IsNull() ? it->first : it->second,
                               QStringLiteral("\"%1\" is not a stage colour Kargo knows; use one "
                                              "of %2")
                                   .arg(metadata.color, StageColors::names().join(u", ")));
        }
    } else if (annotations.IsDefined() && !annotations.IsNull()) {
        reader.error(annotations, QStringLiteral("\"annotations\" must be a mapping"));
    }
    reader.accept({"labels", "uid", "resourceVersion", "generation", "creationTimestamp",
                   "deletionTimestamp", "finalizers", "ownerReferences", "managedFields",
                   "generateName", "deletionGracePeriodSeconds"});
    reader.finish();
    return metadata;
}

/// Reads the `spec` of a resource with @p read, which gets a reader for it.
template<typename Read>
void readSpec(MapReader &resource, const QString &kind, bool required, Read read)
{
    const YAML::Node node = resource.value("spec");
    if (!node.IsDefined() || node.IsNull()) {
        if (required)
            resource.missing("spec");
        return;
    }
    MapReader spec(node, resource.context(), kind + QStringLiteral(" spec"));
    if (!spec.isMap()) {
        spec.error(node, QStringLiteral("\"spec\" must be a mapping"));
        return;
    }
    read(spec);
    spec.finish();
}

/// The Kargo kinds that define a pipeline.
const QStringList &kargoKinds()
{
    static const QStringList kinds{
        QStringLiteral("Warehouse"),     QStringLiteral("Stage"),
        QStringLiteral("PromotionTask"), QStringLiteral("ClusterPromotionTask"),
        QStringLiteral("Project"),       QStringLiteral("ProjectConfig")};
    return kinds;
}

bool isKargoKind(const QString &kind)
{
    return kargoKinds().contains(kind);
}

bool isAnalysisKind(const QString &kind)
{
    return kind == u"AnalysisTemplate" || kind == u"ClusterAnalysisTemplate";
}

class Loader
{
public:
    explicit Loader(Pipeline &pipeline)
        : m_pipeline(pipeline)
    {}

    void readText(const QString &file, const QByteArray &text)
    {
        m_pipeline.sources.insert(file, QString::fromUtf8(text));
        const auto documents = Yaml::parseDocuments(file, text, &m_pipeline.problems);
        for (const Yaml::Document &document : documents)
            readDocument(file, document);
    }

private:
    void readDocument(const QString &file, const Yaml::Document &document)
    {
        const Yaml::Context context{file, document.lineOffset, &m_pipeline.problems};
        const YAML::Node &root = document.root;
        if (root.IsNull() || !root.IsDefined())
            return; // an empty document, e.g. after a trailing `---`
        if (!root.IsMap()) {
            context.error(root, QStringLiteral("a manifest must be a mapping with apiVersion, "
                                               "kind, metadata and spec"));
            return;
        }
        MapReader resource(root, context, QStringLiteral("resource"));
        const auto kind = resource.string("kind", MapReader::Required);
        const auto apiVersion = resource.string("apiVersion", MapReader::Required);
        if (!kind || !apiVersion)
            return;

        const bool kargo = isKargoKind(*kind);
        const bool analysis = isAnalysisKind(*kind);
        if (!kargo && !analysis && *apiVersion == kargoApi) {
            // Freight, Promotions and the like are Kargo's state, not a pipeline's definition;
            // any other kind is a mistake Kargo would refuse.
            static const QStringList stateKinds{QStringLiteral("Freight"),
                                                QStringLiteral("Promotion"),
                                                QStringLiteral("ClusterConfig")};
            if (stateKinds.contains(*kind))
                context.report(Problem::Severity::Note, resource.value("kind").Mark(),
                               QStringLiteral("skipped %1 \"%2\": a pipeline is defined without "
                                              "this kind")
                                   .arg(*kind, nameOf(root)));
            else
                resource.error(resource.value("kind"),
                               QStringLiteral("\"%1\" is not a kind of %2; expected one of %3")
                                   .arg(*kind, kargoApi,
                                        kargoKinds().join(u", ") + QStringLiteral(", ") +
                                            stateKinds.join(u", ")));
            return;
        }
        if (!kargo && !analysis) {
            context.report(
                Problem::Severity::Note, resource.value("kind").Mark(),
                QStringLiteral("skipped %1 \"%2\": not a Kargo resource").arg(*kind, nameOf(root)));
            return;
        }
        const QLatin1String expectedApi = kargo ? kargoApi : rolloutsApi;
        if (*apiVersion != expectedApi) {
            resource.error(resource.value("apiVersion"),
                           QStringLiteral("%1 needs apiVersion %2, not \"%3\"")
                               .arg(*kind, expectedApi, *apiVersion));
            return;
        }

        MapReader typed(root, context, *kind);
        typed.accept({"apiVersion", "kind", "status"});
        const Metadata metadata = readMetadata(typed, *kind);
        ++m_pipeline.resourceCount;
        if (m_pipeline.projectName.isEmpty() && !metadata.namespaceName.isEmpty())
            m_namespaceProject = metadata.namespaceName;

        if (*kind == u"Warehouse") {
            Warehouse warehouse;
            warehouse.name = metadata.name;
            warehouse.namespaceName = metadata.namespaceName;
            warehouse.location = metadata.location;
            readSpec(typed, *kind, true,
                     [&](MapReader &spec) { readWarehouseSpec(spec, warehouse); });
            m_pipeline.warehouses.append(warehouse);
        } else if (*kind == u"Stage") {
            Stage stage;
            stage.name = metadata.name;
            stage.namespaceName = metadata.namespaceName;
            stage.color = metadata.color;
            stage.location = metadata.location;
            readSpec(typed, *kind, true, [&](MapReader &spec) { readStageSpec(spec, stage); });
            m_pipeline.stages.append(stage);
        } else if (*kind == u"PromotionTask" || *kind == u"ClusterPromotionTask") {
            PromotionTask task;
            task.name = metadata.name;
            task.kind = *kind;
            task.location = metadata.location;
            readSpec(typed, *kind, true,
                     [&](MapReader &spec) { readPromotionTaskSpec(spec, task); });
            m_pipeline.tasks.append(task);
        } else if (analysis) {
            AnalysisTemplate analysisTemplate;
            analysisTemplate.name = metadata.name;
            analysisTemplate.kind = *kind;
            analysisTemplate.location = metadata.location;
            readSpec(typed, *kind, true,
                     [&](MapReader &spec) { readAnalysisTemplateSpec(spec, analysisTemplate); });
            m_pipeline.analysisTemplates.append(analysisTemplate);
        } else if (*kind == u"Project") {
            if (!metadata.name.isEmpty())
                m_pipeline.projectName = metadata.name;
            readSpec(typed, *kind, false, [](MapReader &spec) { readProjectSpec(spec); });
        } else if (*kind == u"ProjectConfig") {
            readSpec(typed, *kind, false, [](MapReader &spec) { readProjectConfigSpec(spec); });
        }
        typed.finish();
    }

    static QString nameOf(const YAML::Node &root)
    {
        for (auto it = root.begin(); it != root.end(); ++it) {
            if (Yaml::scalar(it->first) != u"metadata" || !it->second.IsMap())
                continue;
            for (auto m = it->second.begin(); m != it->second.end(); ++m) {
                if (Yaml::scalar(m->first) == u"name")
                    return Yaml::scalar(m->second);
            }
        }
        return {};
    }

public:
    QString m_namespaceProject;

private:
    Pipeline &m_pipeline;
};

QString joinDisplayPath(const QString &base, const QString &relative)
{
    if (base.endsWith(u'/'))
        return base + relative;
    return base + u'/' + relative;
}

void sortProblems(Problems &problems, const QStringList &fileOrder)
{
    std::stable_sort(problems.begin(), problems.end(), [&](const Problem &a, const Problem &b) {
        const qsizetype fa = fileOrder.indexOf(a.location.file);
        const qsizetype fb = fileOrder.indexOf(b.location.file);
        if (fa != fb)
            return fa < fb;
        if (a.location.line != b.location.line)
            return a.location.line < b.location.line;
        return a.location.column < b.location.column;
    });
    // An aliased node is visited once per alias; report each finding once.
    problems.erase(std::unique(problems.begin(), problems.end(),
                               [](const Problem &a, const Problem &b) {
                                   return a.location == b.location && a.message == b.message &&
                                          a.severity == b.severity;
                               }),
                   problems.end());
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

/// Orders file names the way people number them ("2-dev.yaml" before "10-prod.yaml") and the
/// same way for everyone: QCollator ignores its numeric mode in the C locale.
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (!isAsciiDigit(a.at(i)) || !isAsciiDigit(b.at(j))) {
            if (a.at(i) != b.at(j))
                return a.at(i) < b.at(j);
            ++i;
            ++j;
            continue;
        }
        const qsizetype startA = i;
        const qsizetype startB = j;
        while (i < a.size() && isAsciiDigit(a.at(i)))
            ++i;
        while (j < b.size() && isAsciiDigit(b.at(j)))
            ++j;
        QStringView numberA = QStringView(a).sliced(startA, i - startA);
        QStringView numberB = QStringView(b).sliced(startB, j - startB);
        while (numberA.size() > 1 && numberA.front() == u'0')
            numberA = numberA.sliced(1);
        while (numberB.size() > 1 && numberB.front() == u'0')
            numberB = numberB.sliced(1);
        if (numberA.size() != numberB.size())
            return numberA.size() < numberB.size();
        if (const int order = numberA.compare(numberB); order != 0)
            return order < 0;
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j;
    return a < b; // "01" and "1" read the same: any stable tie-break
}

} // namespace

QStringList ManifestLoader::manifestFiles(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isDir())
        return {path};
    QStringList relative;
    // Absolute on both sides: QDir::relativeFilePath() returns a relative argument unchanged,
    // which would repeat a relative folder path in every display path.
    const QDir root(info.absoluteFilePath());
    QDirIterator it(root.path(), {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                    QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext())
        relative.append(root.relativeFilePath(it.next()));
    std::sort(relative.begin(), relative.end(), naturalLess);
    QStringList files;
    for (const QString &file : std::as_const(relative))
        files.append(joinDisplayPath(path, file));
    return files;
}

Pipeline ManifestLoader::load(const QStringList &paths)
{
    Pipeline pipeline;
    pipeline.displayPath = paths.join(u' ');
    if (paths.size() == 1)
        pipeline.rootPath = QFileInfo(paths.first()).canonicalFilePath();
    Loader loader(pipeline);
    QStringList fileOrder;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            pipeline.problems.append(
                {Problem::Severity::Error, {path, 0, 0}, QStringLiteral("no such file or folder")});
            continue;
        }
        const int resourcesBefore = pipeline.resourceCount;
        const int errorsBefore = countProblems(pipeline.problems, Problem::Severity::Error);
        const QStringList files = manifestFiles(path);
        for (const QString &file : files) {
            QFile input(file);
            if (!input.open(QIODevice::ReadOnly)) {
                pipeline.problems.append(
                    {Problem::Severity::Error, {file, 0, 0}, input.errorString()});
                continue;
            }
            fileOrder.append(file);
            loader.readText(file, input.readAll());
        }
        const bool reportedAlready =
            countProblems(pipeline.problems, Problem::Severity::Error) > errorsBefore;
        if (pipeline.resourceCount == resourcesBefore && !reportedAlready) {
            pipeline.problems.append({Problem::Severity::Error,
                                      {path, 0, 0},
                                      info.isDir()
                                          ? QStringLiteral("no Kargo resources in this folder")
                                          : QStringLiteral("no Kargo resources in this file")});
        }
    }
    if (pipeline.projectName.isEmpty())
        pipeline.projectName = loader.m_namespaceProject;
    if (pipeline.projectName.isEmpty() && paths.size() == 1)
        pipeline.projectName = QFileInfo(pipeline.rootPath).completeBaseName();
    validatePipeline(pipeline);
    sortProblems(pipeline.problems, fileOrder);
    return pipeline;
}

Pipeline ManifestLoader::loadText(const QString &file, const QByteArray &text)
{
    Pipeline pipeline;
    pipeline.displayPath = file;
    Loader loader(pipeline);
    loader.readText(file, text);
    pipeline.projectName = loader.m_namespaceProject;
    validatePipeline(pipeline);
    sortProblems(pipeline.problems, {file});
    return pipeline;
}

} // namespace Stevedore
