#include "engine/promotionplanner.h"

#include "engine/promotioncontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const NamedValue *findVar(const QList<NamedValue> &vars, const QString &name)
{
    const auto it = std::find_if(vars.begin(), vars.end(),
                                 [&](const NamedValue &var) { return var.name == name; });
    return it == vars.end() ? nullptr : &*it;
}

/// Whether @p condition reads what earlier steps produce, so it cannot be decided up front.
bool dependsOnEarlierSteps(const QString &condition)
{
    static const QRegularExpression reads(u"\\b(outputs|task|status|success|failure)\\b"_s);
    return reads.match(condition).hasMatch();
}

} // namespace

StepRunnability PromotionPlanner::runnability(const QString &uses, QString *reason)
{
    static const QStringList local = {
        u"git-clone"_s,   u"git-clear"_s,         u"git-commit"_s,   u"kustomize-set-image"_s,
        u"yaml-update"_s, u"helm-update-chart"_s, u"copy"_s,         u"delete"_s,
        u"file-write"_s,  u"compose-output"_s,    u"set-metadata"_s, u"fail"_s,
        u"git-tag"_s};
    if (local.contains(uses))
        return StepRunnability::Runnable;
    if (uses == u"git-push")
        return StepRunnability::LeavesMachine;
    if (uses == u"argocd-update" || uses == u"argocd-wait")
        *reason = tr("needs an Argo CD API server; Stevedore does not talk to Argo CD yet");
    else if (uses == u"helm-template" || uses == u"kustomize-build")
        *reason = tr("renders manifests with %1, which Stevedore does not run yet")
                      .arg(uses == u"helm-template" ? u"helm"_s : u"kustomize"_s);
    else if (uses.startsWith(u"git-") && uses.endsWith(u"-pr"))
        *reason = tr("needs the git hosting service's pull request API");
    else if (uses.startsWith(u"gh-") || uses.startsWith(u"gha-") || uses.startsWith(u"github-"))
        *reason = tr("needs GitHub's API");
    else if (uses.startsWith(u"snow-") || uses == u"jira" || uses == u"servicenow" ||
             uses == u"jfrog-evidence" || uses == u"send-message" || uses.startsWith(u"tf-") ||
             uses == u"wait-for-approval" || uses == u"get-user-input" ||
             uses == u"record-audit-event")
        *reason = tr("a Kargo enterprise step that needs its service");
    else if (uses == u"http" || uses == u"http-download" || uses == u"oci-download" ||
             uses == u"oci-push")
        *reason = tr("talks to a service over the network, which Stevedore does not do in "
                     "promotions yet");
    else if (uses.contains(u'/') || uses.contains(u':'))
        *reason = tr("a custom step, which runs in a container on a Kargo controller");
    else
        *reason = tr("Stevedore does not implement this step yet");
    return StepRunnability::NotRunnableHere;
}

PromotionPlan PromotionPlanner::plan(const Pipeline &pipeline, const QString &stageName,
                                     const Freight &freight, const PromotionContext &context)
{
    PromotionPlan plan;
    plan.project = pipeline.projectName;
    plan.stage = stageName;
    plan.freight = freight;
    const Stage *stage = pipeline.stage(stageName);
    if (!stage) {
        plan.errors.append(tr("there is no stage \"%1\"").arg(stageName));
        return plan;
    }
    plan.vars = stage->promotionTemplate.vars;
    const QList<PromotionStep> &templateSteps = stage->promotionTemplate.steps;
    for (qsizetype i = 0; i < templateSteps.size(); ++i) {
        const PromotionStep &step = templateSteps.at(i);
        if (!step.isTask()) {
            PlannedStep planned;
            planned.alias = step.alias.isEmpty() ? u"step-%1"_s.arg(i) : step.alias;
            planned.step = step;
            plan.steps.append(planned);
            continue;
        }
        const PromotionTask *task = pipeline.task(step.taskName, step.taskKind);
        const QString taskAlias = step.alias.isEmpty() ? u"task-%1"_s.arg(i) : step.alias;
        if (!task) {
            plan.errors.append(tr("step %1 uses the %2 \"%3\", which is not in the pipeline")
                                   .arg(taskAlias, step.taskKind, step.taskName));
            continue;
        }
        QList<NamedValue> taskVars;
        for (const NamedValue &var : task->vars) {
            if (const NamedValue *given = findVar(step.vars, var.name); given && given->hasValue)
                taskVars.append(*given);
            else if (findVar(plan.vars, var.name))
                continue; // the stage's template vars are seen by every step
            else if (var.hasValue)
                taskVars.append(var);
            else
                plan.errors.append(tr("the %1 \"%2\" needs the variable \"%3\": give it in "
                                      "the step's vars or the stage's promotionTemplate vars")
                                       .arg(task->kind, task->name, var.name));
        }
        for (qsizetype j = 0; j < task->steps.size(); ++j) {
            PlannedStep planned;
            planned.step = task->steps.at(j);
            planned.localAlias =
                planned.step.alias.isEmpty() ? u"step-%1"_s.arg(j) : planned.step.alias;
            planned.alias = taskAlias + u"::"_s + planned.localAlias;
            planned.taskAlias = taskAlias;
            planned.taskName = task->name;
            planned.taskVars = taskVars;
            if (!step.condition.isEmpty() && planned.step.condition.isEmpty())
                planned.step.condition = step.condition;
            plan.steps.append(planned);
        }
    }

    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        PlannedStep &planned = plan.steps[i];
        planned.index = int(i);
        planned.runnability = runnability(planned.step.uses, &planned.reason);
        const QString &condition = planned.step.condition;
        if (condition.isEmpty())
            continue;
        if (dependsOnEarlierSteps(condition)) {
            planned.condition = PlannedCondition::Undecided;
            continue;
        }
        QString error;
        const auto environment = context.environment(
            planned, plan.vars + planned.taskVars + planned.step.vars, &error, true);
        std::optional<QVariant> value;
        if (environment)
            value = context.render(condition, *environment, context.functions(planned), &error);
        if (value && value->typeId() != QMetaType::Bool)
            error = tr("the condition must be true or false, not %1")
                        .arg(value->toString().isEmpty() ? u"nothing"_s : value->toString());
        if (!error.isEmpty()) {
            plan.errors.append(tr("step %1: if: %2").arg(planned.alias, error));
            continue;
        }
        planned.condition = value->toBool() ? PlannedCondition::Runs : PlannedCondition::Skipped;
    }
    return plan;
}

} // namespace Stevedore
