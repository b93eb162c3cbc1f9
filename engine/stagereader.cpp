#include "engine/resourcereaders_p.h"

#include <QHash>
#include <QRegularExpression>

namespace Stevedore {

namespace {

QList<PromotionStep> readSteps(MapReader &parent, bool insideTask);

void readRequestedFreight(MapReader &spec, Stage &stage)
{
    spec.forEach(
        "requestedFreight",
        [&](const YAML::Node &node, int) {
            MapReader entry(node, spec.context(), QStringLiteral("requested freight"));
            if (!entry.isMap()) {
                entry.error(node, QStringLiteral("requested freight must be a mapping with "
                                                 "origin and sources"));
                return;
            }
            RequestedFreight request;
            request.location = spec.context().location(node);
            const YAML::Node originNode = entry.value("origin");
            MapReader origin(originNode, spec.context(), QStringLiteral("freight origin"));
            if (!originNode.IsDefined() || originNode.IsNull()) {
                entry.missing("origin");
            } else if (!origin.isMap()) {
                origin.error(originNode, QStringLiteral("\"origin\" must be a mapping"));
            } else {
                request.origin.kind =
                    origin.enumeration("kind", {QStringLiteral("Warehouse")}, MapReader::Required)
                        .value_or(QStringLiteral("Warehouse"));
                request.origin.name =
                    origin.string("name", MapReader::Required).value_or(QString());
                if (origin.hasValue("name"))
                    request.location = spec.context().location(origin.value("name"));
                origin.finish();
            }
            const YAML::Node sourcesNode = entry.value("sources");
            MapReader sources(sourcesNode, spec.context(), QStringLiteral("freight sources"));
            if (!sourcesNode.IsDefined() || sourcesNode.IsNull()) {
                entry.missing("sources");
            } else if (!sources.isMap()) {
                sources.error(sourcesNode, QStringLiteral("\"sources\" must be a mapping"));
            } else {
                const auto direct = sources.boolean("direct");
                request.direct = direct.value_or(false);
                request.upstreamStages = sources.stringList("stages").value_or(QStringList());
                if (const YAML::Node list = sources.value("stages"); list.IsSequence()) {
                    for (auto it = list.begin(); it != list.end(); ++it)
                        request.upstreamLocations.append(spec.context().location(*it));
                }
                request.requiredSoakTimeMs = sources.duration("requiredSoakTime").value_or(0);
                if (sources
                        .enumeration("availabilityStrategy",
                                     {QStringLiteral("OneOf"), QStringLiteral("All")})
                        .value_or(QString()) == u"All")
                    request.availabilityStrategy = AvailabilityStrategy::All;
                const YAML::Node autoNode = sources.value("autoPromotionOptions");
                if (autoNode.IsDefined() && !autoNode.IsNull()) {
                    MapReader options(autoNode, spec.context(),
                                      QStringLiteral("autoPromotionOptions"));
                    if (!options.isMap()) {
                        options.error(autoNode,
                                      QStringLiteral("\"autoPromotionOptions\" must be a mapping"));
                    } else {
                        if (options
                                .enumeration("selectionPolicy", {QStringLiteral("NewestFreight"),
                                                                 QStringLiteral("MatchUpstream")})
                                .value_or(QString()) == u"MatchUpstream")
                            request.selectionPolicy = AutoPromotionSelectionPolicy::MatchUpstream;
                        options.finish();
                    }
                }
                // A "direct" that is not a boolean has been reported already.
                const bool directInvalid = sources.hasValue("direct") && !direct;
                if (!request.direct && request.upstreamStages.isEmpty() && !directInvalid)
                    sources.error(
                        sourcesNode,
                        QStringLiteral("freight sources need \"direct: true\" or at least "
                                       "one upstream stage under \"stages\""));
                if (request.requiredSoakTimeMs > 0 && request.upstreamStages.isEmpty())
                    sources.warning(sources.key("requiredSoakTime"),
                                    QStringLiteral("\"requiredSoakTime\" only applies to freight "
                                                   "from upstream stages"));
                sources.finish();
            }
            entry.finish();
            stage.requestedFreight.append(request);
        },
        MapReader::Required);
}

void readVerification(MapReader &spec, Stage &stage)
{
    const YAML::Node node = spec.value("verification");
    if (!node.IsDefined() || node.IsNull())
        return;
    MapReader verification(node, spec.context(), QStringLiteral("verification"));
    if (!verification.isMap()) {
        verification.error(node, QStringLiteral("\"verification\" must be a mapping"));
        return;
    }
    verification.forEach("analysisTemplates", [&](const YAML::Node &item, int) {
        MapReader reference(item, spec.context(), QStringLiteral("analysis template reference"));
        if (!reference.isMap()) {
            reference.error(item, QStringLiteral("an analysis template reference must be a "
                                                 "mapping with a name"));
            return;
        }
        AnalysisTemplateReference ref;
        ref.name = reference.string("name", MapReader::Required).value_or(QString());
        ref.location =
            spec.context().location(reference.hasValue("name") ? reference.value("name") : item);
        ref.kind = reference
                       .enumeration("kind", {QStringLiteral("AnalysisTemplate"),
                                             QStringLiteral("ClusterAnalysisTemplate")})
                       .value_or(QStringLiteral("AnalysisTemplate"));
        reference.finish();
        stage.verification.analysisTemplates.append(ref);
    });
    stage.verification.args =
        readNamedValues(verification, "args", QStringLiteral("verification argument"),
                        NamedValueRules::RequiredArgument);
    verification.accept({"analysisRunMetadata"});
    verification.finish();
}

QList<NamedValue> readTemplateSteps(MapReader &spec, const char *key, QList<PromotionStep> &steps,
                                    bool insideTask)
{
    const YAML::Node node = spec.value(key);
    if (!node.IsDefined() || node.IsNull())
        return {};
    MapReader reader(node, spec.context(), QStringLiteral("promotion template"));
    if (!reader.isMap()) {
        reader.error(node, QStringLiteral("\"%1\" must be a mapping").arg(QString::fromUtf8(key)));
        return {};
    }
    const YAML::Node specNode = reader.value("spec");
    if (!specNode.IsDefined() || specNode.IsNull()) {
        reader.missing("spec");
        reader.finish();
        return {};
    }
    MapReader templateSpec(specNode, spec.context(), QStringLiteral("promotion template spec"));
    if (!templateSpec.isMap()) {
        templateSpec.error(specNode, QStringLiteral("\"spec\" must be a mapping"));
        return {};
    }
    const QList<NamedValue> vars = readNamedValues(
        templateSpec, "vars", QStringLiteral("promotion variable"), NamedValueRules::Variable);
    steps = readSteps(templateSpec, insideTask);
    templateSpec.finish();
    reader.finish();
    return vars;
}

/// git-open-pr's `prNumber` output went away with Kargo v1.7: its number is `pr.id` now. Any
/// expression that still reads it fails at promotion time, so it is an error here.
void checkRemovedOutputs(const YAML::Node &node, const QStringList &openPrAliases,
                         const Yaml::Context &context, int depth = 0)
{
    if (openPrAliases.isEmpty() || depth > 64)
        return;
    if (node.IsScalar()) {
        const QString text = Yaml::scalar(node);
        if (!text.contains(u"prNumber"))
            return;
        for (const QString &alias : openPrAliases) {
            const QString escaped = QRegularExpression::escape(alias);
            const QRegularExpression pattern(
                QStringLiteral("outputs(\\.%1|\\[\\s*['\"]%1['\"]\\s*\\])\\.prNumber\\b")
                    .arg(escaped));
            if (pattern.match(text).hasMatch()) {
                context.error(node, QStringLiteral("git-open-pr no longer outputs \"prNumber\"; "
                                                   "read the pull request number as "
                                                   "outputs['%1'].pr.id")
                                        .arg(alias));
                return;
            }
        }
    } else if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            checkRemovedOutputs(it->second, openPrAliases, context, depth + 1);
    } else if (node.IsSequence()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            checkRemovedOutputs(*it, openPrAliases, context, depth + 1);
    }
}

PromotionStep readStep(const YAML::Node &node, MapReader &parent, bool insideTask)
{
    PromotionStep step;
    step.location = parent.context().location(node);
    MapReader r(node, parent.context(), QStringLiteral("promotion step"));
    if (!r.isMap()) {
        r.error(node, QStringLiteral("a promotion step must be a mapping with \"uses\" or "
                                     "\"task\""));
        return step;
    }
    const bool hasUses = r.hasValue("uses");
    const bool hasTask = r.has("task");
    if (hasUses && hasTask) {
        r.error(r.key("task"), QStringLiteral("a step has either \"uses\" or \"task\", not both"));
    } else if (!hasUses && !hasTask) {
        r.error(r.has("uses") ? r.key("uses") : node,
                QStringLiteral("a promotion step needs \"uses\" (a step) or \"task\" (a "
                               "PromotionTask)"));
    }
    step.uses = r.string("uses").value_or(QString());
    if (const YAML::Node taskNode = r.value("task"); taskNode.IsDefined()) {
        MapReader task(taskNode, parent.context(), QStringLiteral("task reference"));
        if (insideTask) {
            r.error(r.key("task"), QStringLiteral("a PromotionTask cannot use another task; list "
                                                  "its steps here instead"));
        } else if (!task.isMap()) {
            task.error(taskNode.IsNull() ? r.key("task") : taskNode,
                       QStringLiteral("\"task\" must be a mapping with the task's name"));
        } else {
            step.taskName = task.string("name", MapReader::Required).value_or(QString());
            step.taskKind = task.enumeration("kind", {QStringLiteral("PromotionTask"),
                                                      QStringLiteral("ClusterPromotionTask")})
                                .value_or(QStringLiteral("PromotionTask"));
            if (task.hasValue("name"))
                step.location = parent.context().location(task.value("name"));
            task.finish();
        }
    }
    if (const auto alias = r.string("as")) {
        // Kargo puts no pattern on aliases: only the reserved names and duplicates are refused.
        static const QRegularExpression reserved(QStringLiteral("^(step|task)-\\d+$"));
        if (reserved.match(alias->trimmed()).hasMatch())
            r.error(r.value("as"), QStringLiteral("\"%1\" is reserved for Kargo's default step "
                                                  "aliases; choose another name")
                                       .arg(*alias));
        step.alias = alias->trimmed();
    }
    step.condition = r.string("if").value_or(QString());
    step.continueOnError = r.boolean("continueOnError").value_or(false);
    for (const char *key : {"continueOnError", "retry"}) {
        if (hasTask && r.has(key))
            r.error(r.key(key), QStringLiteral("a task step cannot set \"%1\"; set it on the "
                                               "task's own steps")
                                    .arg(QString::fromUtf8(key)));
    }
    if (const YAML::Node retryNode = r.value("retry");
        retryNode.IsDefined() && !retryNode.IsNull()) {
        MapReader retry(retryNode, parent.context(), QStringLiteral("retry"));
        if (!retry.isMap()) {
            retry.error(retryNode, QStringLiteral("\"retry\" must be a mapping"));
        } else {
            if (const auto threshold = retry.integer("errorThreshold", 1, 1 << 30))
                step.retryErrorThreshold = int(*threshold);
            step.retryTimeoutMs = retry.duration("timeout").value_or(0);
            retry.finish();
        }
    }
    step.vars =
        readNamedValues(r, "vars", QStringLiteral("step variable"), NamedValueRules::Variable);
    const YAML::Node config = r.value("config");
    if (config.IsDefined() && !config.IsNull() && !config.IsMap()) {
        r.error(config, QStringLiteral("\"config\" must be a mapping"));
    } else {
        step.config = Yaml::toVariant(config).toMap();
        if (!step.uses.isEmpty()) {
            if (isKargoStep(step.uses))
                validateStepConfig(step.uses, config, r.value("uses"), parent.context());
            else
                r.warning(r.value("uses"),
                          QStringLiteral("\"%1\" is not one of Kargo's built-in steps; Stevedore "
                                         "cannot run it")
                              .arg(step.uses));
        }
    }
    if (!step.uses.isEmpty() && step.uses == u"helm-update-image")
        r.error(r.value("uses"),
                QStringLiteral("the helm-update-image step was removed from Kargo; update the "
                               "image in the values file with yaml-update instead"));
    r.finish();
    return step;
}

QList<PromotionStep> readSteps(MapReader &parent, bool insideTask)
{
    QList<PromotionStep> steps;
    QHash<QString, SourceLocation> aliases;
    QStringList openPrAliases;
    std::vector<YAML::Node> nodes;
    parent.forEach("steps", [&](const YAML::Node &node, int) {
        PromotionStep step = readStep(node, parent, insideTask);
        if (!step.alias.isEmpty()) {
            const auto previous = aliases.constFind(step.alias);
            if (previous != aliases.constEnd()) {
                MapReader reader(node, parent.context(), QStringLiteral("promotion step"));
                reader.error(reader.value("as"),
                             QStringLiteral("step alias \"%1\" is already used by the step at "
                                            "line %2")
                                 .arg(step.alias)
                                 .arg(previous->line));
            } else {
                aliases.insert(step.alias, parent.context().location(node));
            }
            if (step.uses == u"git-open-pr")
                openPrAliases.append(step.alias);
        }
        nodes.push_back(node);
        steps.append(step);
    });
    for (const YAML::Node &node : nodes)
        checkRemovedOutputs(node, openPrAliases, parent.context());
    return steps;
}

/// An analysis argument's `valueFrom`: a `secretKeyRef{name, key}` is kept for the runner;
/// other sources (`fieldRef`, `podTemplateHashValue`) are remembered by name.
void readValueFrom(MapReader &entry, NamedValue &value)
{
    MapReader valueFrom(entry.value("valueFrom"), entry.context(), QStringLiteral("valueFrom"));
    if (!valueFrom.isMap()) {
        entry.error(entry.value("valueFrom"), QStringLiteral("\"valueFrom\" must be a mapping"));
        return;
    }
    if (valueFrom.has("secretKeyRef")) {
        MapReader ref(valueFrom.value("secretKeyRef"), entry.context(),
                      QStringLiteral("secretKeyRef"));
        if (!ref.isMap()) {
            valueFrom.error(valueFrom.value("secretKeyRef"),
                            QStringLiteral("\"secretKeyRef\" must be a mapping with name and key"));
        } else {
            value.secretName = ref.string("name", MapReader::Required).value_or(QString());
            value.secretKey = ref.string("key", MapReader::Required).value_or(QString());
            ref.finish();
        }
    } else if (valueFrom.has("fieldRef")) {
        value.valueFromOther = QStringLiteral("fieldRef");
    } else if (valueFrom.has("podTemplateHashValue")) {
        value.valueFromOther = QStringLiteral("podTemplateHashValue");
    }
    if (value.hasValue && (!value.secretName.isEmpty() || !value.valueFromOther.isEmpty()))
        entry.error(entry.key("valueFrom"),
                    QStringLiteral("argument \"%1\" has both value and valueFrom").arg(value.name));
    valueFrom.accept({"secretKeyRef", "fieldRef", "podTemplateHashValue"});
    valueFrom.finish();
}

} // namespace

QList<NamedValue> readNamedValues(MapReader &parent, const char *key, const QString &what,
                                  NamedValueRules rules)
{
    QList<NamedValue> values;
    QHash<QString, int> lines;
    parent.forEach(key, [&](const YAML::Node &node, int) {
        MapReader entry(node, parent.context(), what);
        if (!entry.isMap()) {
            entry.error(node, QStringLiteral("each %1 must be a mapping with \"name\" and "
                                             "\"value\"")
                                  .arg(what));
            return;
        }
        NamedValue value;
        value.name = entry.string("name", MapReader::Required).value_or(QString());
        static const QRegularExpression namePattern(QStringLiteral("^[a-zA-Z_]\\w*$"));
        if (rules == NamedValueRules::Variable && !value.name.isEmpty() &&
            !namePattern.match(value.name).hasMatch())
            entry.error(entry.value("name"),
                        QStringLiteral("\"%1\" is not a valid variable name: use letters, digits "
                                       "and '_', not starting with a digit")
                            .arg(value.name));
        value.hasValue = entry.hasValue("value");
        value.value = entry.string("value").value_or(QString());
        // Argo Rollouts' own arguments may take their value from a secret or a field; a
        // Stage's verification arguments are Kargo's, which have only name and value.
        if (rules == NamedValueRules::RequiredArgument && entry.has("valueFrom"))
            entry.error(entry.key("valueFrom"),
                        QStringLiteral("a Stage's verification arguments take a \"value\" only; "
                                       "\"valueFrom\" works in the AnalysisTemplate's own args"));
        else if (!value.hasValue && rules == NamedValueRules::RequiredArgument)
            entry.missing("value");
        else if (rules == NamedValueRules::Argument && entry.has("valueFrom"))
            readValueFrom(entry, value);
        entry.accept({"valueFrom"});
        entry.finish();
        if (!value.name.isEmpty()) {
            const int line = parent.context().location(entry.value("name")).line;
            if (lines.contains(value.name))
                entry.error(entry.value("name"),
                            QStringLiteral("%1 \"%2\" is already defined at line %3")
                                .arg(what, value.name)
                                .arg(lines.value(value.name)));
            else
                lines.insert(value.name, line);
        }
        values.append(value);
    });
    return values;
}

void readStageSpec(MapReader &spec, Stage &stage)
{
    readRequestedFreight(spec, stage);
    stage.promotionTemplate.vars =
        readTemplateSteps(spec, "promotionTemplate", stage.promotionTemplate.steps, false);
    readVerification(spec, stage);
    stage.shard = spec.string("shard").value_or(QString());
    spec.accept({"vars"});
}

void readPromotionTaskSpec(MapReader &spec, PromotionTask &task)
{
    task.vars =
        readNamedValues(spec, "vars", QStringLiteral("task variable"), NamedValueRules::Variable);
    task.steps = readSteps(spec, true);
    if (task.steps.isEmpty() && !spec.has("steps"))
        spec.missing("steps");
}

void readProjectSpec(MapReader &spec)
{
    spec.deprecated("promotionPolicies", QStringLiteral("move promotion policies to the "
                                                        "project's ProjectConfig"));
}

void readProjectConfigSpec(MapReader &spec)
{
    spec.forEach("promotionPolicies", [&](const YAML::Node &node, int) {
        MapReader policy(node, spec.context(), QStringLiteral("promotion policy"));
        if (!policy.isMap()) {
            policy.error(node, QStringLiteral("a promotion policy must be a mapping"));
            return;
        }
        policy.string("stage");
        policy.boolean("autoPromotionEnabled");
        policy.accept({"stageSelector", "autoRollback"});
        policy.finish();
    });
    spec.accept({"webhookReceivers"});
}

} // namespace Stevedore
