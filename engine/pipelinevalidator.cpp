#include "engine/resourcereaders_p.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace Stevedore {

namespace {

void report(Pipeline &pipeline, const SourceLocation &where, const QString &message,
            Problem::Severity severity = Problem::Severity::Error)
{
    pipeline.problems.append({severity, where, message});
}

QString describe(const SourceLocation &where)
{
    return where.line > 0 ? QStringLiteral("%1:%2").arg(where.file).arg(where.line) : where.file;
}

template<typename T>
void checkDuplicates(Pipeline &pipeline, const QList<T> &items, const QString &kindFallback)
{
    QHash<QString, SourceLocation> seen;
    for (const T &item : items) {
        if (item.name.isEmpty())
            continue;
        QString kind = kindFallback;
        if constexpr (requires { item.kind; })
            kind = item.kind;
        const QString key = kind + u'/' + item.name;
        const auto previous = seen.constFind(key);
        if (previous != seen.constEnd())
            report(pipeline, item.location,
                   QStringLiteral("%1 \"%2\" is defined twice (first at %3)")
                       .arg(kind, item.name, describe(*previous)));
        else
            seen.insert(key, item.location);
    }
}

void checkStepReferences(Pipeline &pipeline, const QList<PromotionStep> &steps,
                         const QList<NamedValue> &templateVars)
{
    for (const PromotionStep &step : steps) {
        if (!step.isTask())
            continue;
        const PromotionTask *task = pipeline.task(step.taskName, step.taskKind);
        if (!task) {
            report(pipeline, step.location,
                   QStringLiteral("%1 \"%2\" is not defined in this pipeline")
                       .arg(step.taskKind, step.taskName));
            continue;
        }
        for (const NamedValue &var : task->vars) {
            if (var.hasValue)
                continue;
            const auto provides = [&](const QList<NamedValue> &vars) {
                return std::any_of(vars.begin(), vars.end(),
                                   [&](const NamedValue &v) { return v.name == var.name; });
            };
            if (!provides(step.vars) && !provides(templateVars))
                report(pipeline, step.location,
                       QStringLiteral("task \"%1\" needs a value for variable \"%2\"; set it in "
                                      "this step's vars or the promotion template's vars")
                           .arg(step.taskName, var.name));
        }
    }
}

void checkStageReferences(Pipeline &pipeline)
{
    for (const Stage &stage : std::as_const(pipeline.stages)) {
        QSet<QString> origins;
        for (const RequestedFreight &request : stage.requestedFreight) {
            if (request.origin.name.isEmpty())
                continue;
            if (origins.contains(request.origin.name))
                report(pipeline, request.location,
                       QStringLiteral("freight from warehouse \"%1\" is requested twice")
                           .arg(request.origin.name));
            origins.insert(request.origin.name);
            if (!pipeline.warehouse(request.origin.name))
                report(pipeline, request.location,
                       QStringLiteral("warehouse \"%1\" is not defined in this pipeline")
                           .arg(request.origin.name));
            for (qsizetype i = 0; i < request.upstreamStages.size(); ++i) {
                const QString &upstream = request.upstreamStages.at(i);
                const SourceLocation where = request.upstreamLocations.value(i, request.location);
                const Stage *source = pipeline.stage(upstream);
                if (!source) {
                    report(pipeline, where,
                           QStringLiteral("stage \"%1\" is not defined in this pipeline")
                               .arg(upstream));
                    continue;
                }
                const bool carries = std::any_of(
                    source->requestedFreight.begin(), source->requestedFreight.end(),
                    [&](const RequestedFreight &r) { return r.origin == request.origin; });
                if (!carries)
                    report(pipeline, where,
                           QStringLiteral("stage \"%1\" does not request freight from warehouse "
                                          "\"%2\", so none can come from it")
                               .arg(upstream, request.origin.name),
                           Problem::Severity::Warning);
            }
        }
        checkStepReferences(pipeline, stage.promotionTemplate.steps, stage.promotionTemplate.vars);
        for (const AnalysisTemplateReference &ref : stage.verification.analysisTemplates) {
            if (!ref.name.isEmpty() && !pipeline.analysisTemplate(ref.name, ref.kind))
                report(pipeline, ref.location,
                       QStringLiteral("%1 \"%2\" is not defined in this pipeline")
                           .arg(ref.kind, ref.name));
        }
    }
}

/// Promotion follows upstream links, so a cycle would let freight chase its own tail. Each
/// cycle is reported once, at the reference that closes it.
void checkCycles(Pipeline &pipeline)
{
    enum class Mark { None, Visiting, Done };
    QHash<QString, Mark> marks;
    QStringList path;
    QSet<QString> reported;
    std::function<void(const Stage &)> visit = [&](const Stage &stage) {
        marks[stage.name] = Mark::Visiting;
        path.append(stage.name);
        for (const RequestedFreight &request : stage.requestedFreight) {
            for (qsizetype i = 0; i < request.upstreamStages.size(); ++i) {
                const QString &upstream = request.upstreamStages.at(i);
                const Stage *source = pipeline.stage(upstream);
                if (!source)
                    continue;
                const Mark mark = marks.value(upstream, Mark::None);
                if (mark == Mark::Visiting) {
                    QStringList cycle = path.mid(path.indexOf(upstream));
                    cycle.append(upstream);
                    QStringList sorted = cycle;
                    sorted.removeLast();
                    sorted.sort();
                    if (reported.contains(sorted.join(u',')))
                        continue;
                    reported.insert(sorted.join(u','));
                    std::reverse(cycle.begin(), cycle.end());
                    report(pipeline, request.upstreamLocations.value(i, request.location),
                           QStringLiteral("stages form a cycle: %1").arg(cycle.join(u" \u2192 ")));
                } else if (mark == Mark::None) {
                    visit(*source);
                }
            }
        }
        path.removeLast();
        marks[stage.name] = Mark::Done;
    };
    for (const Stage &stage : std::as_const(pipeline.stages)) {
        if (marks.value(stage.name, Mark::None) == Mark::None)
            visit(stage);
    }
}

} // namespace

void validatePipeline(Pipeline &pipeline)
{
    checkDuplicates(pipeline, pipeline.warehouses, QStringLiteral("Warehouse"));
    checkDuplicates(pipeline, pipeline.stages, QStringLiteral("Stage"));
    checkDuplicates(pipeline, pipeline.tasks, QString());
    checkDuplicates(pipeline, pipeline.analysisTemplates, QString());
    checkStageReferences(pipeline);
    for (const PromotionTask &task : std::as_const(pipeline.tasks))
        checkStepReferences(pipeline, task.steps, {});
    checkCycles(pipeline);
}

} // namespace Stevedore
