#include "engine/pipeline.h"

namespace Stevedore {

namespace {

template<typename T>
const T *findByName(const QList<T> &list, const QString &name, const QString &kind = {})
{
    for (const T &item : list) {
        if (item.name != name)
            continue;
        if constexpr (requires { item.kind; }) {
            if (!kind.isEmpty() && item.kind != kind)
                continue;
        }
        return &item;
    }
    return nullptr;
}

} // namespace

QString Subscription::repoURL() const
{
    switch (kind) {
    case Kind::Git:
        return git.repoURL;
    case Kind::Image:
        return image.repoURL;
    case Kind::Chart:
        return chart.repoURL;
    }
    return {};
}

QString Subscription::kindName() const
{
    return kindName(kind);
}

QString Subscription::kindName(Kind kind)
{
    switch (kind) {
    case Subscription::Kind::Git:
        return QStringLiteral("git");
    case Subscription::Kind::Image:
        return QStringLiteral("image");
    case Subscription::Kind::Chart:
        return QStringLiteral("chart");
    }
    return {};
}

const Warehouse *Pipeline::warehouse(const QString &name) const
{
    return findByName(warehouses, name);
}

const Stage *Pipeline::stage(const QString &name) const
{
    return findByName(stages, name);
}

const PromotionTask *Pipeline::task(const QString &name, const QString &kind) const
{
    return findByName(tasks, name, kind);
}

const AnalysisTemplate *Pipeline::analysisTemplate(const QString &name, const QString &kind) const
{
    return findByName(analysisTemplates, name, kind);
}

bool Pipeline::hasErrors() const
{
    return countProblems(problems, Problem::Severity::Error) > 0;
}

QStringList Pipeline::downstreamStages(const QString &stageName) const
{
    QStringList result;
    for (const Stage &s : stages) {
        for (const RequestedFreight &request : s.requestedFreight) {
            if (request.upstreamStages.contains(stageName) && !result.contains(s.name))
                result.append(s.name);
        }
    }
    return result;
}

QString toString(CommitSelectionStrategy strategy)
{
    switch (strategy) {
    case CommitSelectionStrategy::NewestFromBranch:
        return QStringLiteral("NewestFromBranch");
    case CommitSelectionStrategy::SemVer:
        return QStringLiteral("SemVer");
    case CommitSelectionStrategy::Lexical:
        return QStringLiteral("Lexical");
    case CommitSelectionStrategy::NewestTag:
        return QStringLiteral("NewestTag");
    }
    return {};
}

QString toString(ImageSelectionStrategy strategy)
{
    switch (strategy) {
    case ImageSelectionStrategy::SemVer:
        return QStringLiteral("SemVer");
    case ImageSelectionStrategy::Lexical:
        return QStringLiteral("Lexical");
    case ImageSelectionStrategy::Digest:
        return QStringLiteral("Digest");
    case ImageSelectionStrategy::NewestBuild:
        return QStringLiteral("NewestBuild");
    }
    return {};
}

QString toString(FreightCreationPolicy policy)
{
    return policy == FreightCreationPolicy::Automatic ? QStringLiteral("Automatic")
                                                      : QStringLiteral("Manual");
}

QString toString(AvailabilityStrategy strategy)
{
    return strategy == AvailabilityStrategy::OneOf ? QStringLiteral("OneOf")
                                                   : QStringLiteral("All");
}

} // namespace Stevedore
