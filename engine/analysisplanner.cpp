#include "engine/analysisplanner.h"

#include "engine/expressiontemplate.h"
#include "engine/keychain.h"
#include "engine/manifestreader_p.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// An argument while it is being merged: a value, a secret to read, or nothing yet.
struct Argument
{
    QString name;
    std::optional<QString> value;
    QString secretName;
    QString secretKey;
    QString otherSource; ///< a valueFrom only a cluster can resolve
};

int findArgument(const QList<Argument> &args, const QString &name)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args.at(i).name == name)
            return int(i);
    }
    return -1;
}

Argument fromNamedValue(const NamedValue &value)
{
    Argument arg;
    arg.name = value.name;
    if (value.hasValue)
        arg.value = value.value;
    arg.secretName = value.secretName;
    arg.secretKey = value.secretKey;
    arg.otherSource = value.valueFromOther;
    return arg;
}

/// The stage's verification argument values with Kargo's expressions rendered: `ctx.project`,
/// `ctx.stage`, and the stage's promotion template variables as `vars`.
std::optional<QString> renderStageValue(const QString &text, const QVariantMap &environment,
                                        QString *error)
{
    if (!ExpressionTemplate::containsExpression(text))
        return text;
    const QVariant value = ExpressionTemplate::render(text, environment, {}, error);
    if (!value.isValid())
        return std::nullopt;
    return ExpressionTemplate::stringify(value);
}

QVariantMap stageEnvironment(const Pipeline &pipeline, const Stage &stage, QString *error)
{
    QVariantMap environment{
        {u"ctx"_s, QVariantMap{{u"project"_s, pipeline.projectName}, {u"stage"_s, stage.name}}}};
    QVariantMap vars;
    for (const NamedValue &var : stage.promotionTemplate.vars) {
        environment.insert(u"vars"_s, vars);
        QString problem;
        const QVariant value =
            var.hasValue ? ExpressionTemplate::render(var.value, environment, {}, &problem)
                         : Expression::nil();
        // A variable that needs a promotion's context (outputs, freight) is left out; an
        // argument that uses it reports it then.
        if (value.isValid())
            vars.insert(var.name, value);
        else if (error && error->isEmpty())
            *error = problem;
    }
    environment.insert(u"vars"_s, vars);
    return environment;
}

/// Substitutes arguments into every string of a provider's configuration.
QVariant substituteAll(const QVariant &value, const QHash<QString, QString> &args, QString *error)
{
    switch (value.typeId()) {
    case QMetaType::QVariantMap: {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            *it = substituteAll(*it, args, error);
        return map;
    }
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &element : list)
            element = substituteAll(element, args, error);
        return list;
    }
    case QMetaType::QString:
        return AnalysisPlanner::substitute(value.toString(), args, error);
    default:
        return value;
    }
}

/// An `intstr` field after substitution: the number, @p fallback when empty.
std::optional<int> intField(const QString &text, int fallback)
{
    if (text.trimmed().isEmpty())
        return fallback;
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok)
        return std::nullopt;
    return value;
}

QString notRunnableReason(const QString &provider)
{
    if (provider == u"job")
        return AnalysisPlanner::tr("not runnable here: a job metric runs a Kubernetes Job, which "
                                   "needs a cluster");
    if (provider == u"web")
        return AnalysisPlanner::tr("not runnable here: Stevedore runs Prometheus metrics only "
                                   "(web metrics are planned)");
    if (provider == u"plugin")
        return AnalysisPlanner::tr("not runnable here: metric plugins run inside Argo "
                                   "Rollouts' controller");
    return AnalysisPlanner::tr("not runnable here: Stevedore runs Prometheus metrics only, not "
                               "%1 metrics")
        .arg(provider.isEmpty() ? AnalysisPlanner::tr("provider-less") : provider);
}

/// Reads the Prometheus provider's settings into @p planned; false with @p error when they do
/// not make a query.
bool readPrometheus(const QVariantMap &config, const AnalysisPlanner::Options &options,
                    MetricResult &metric, PlannedMetric &planned, QString *error)
{
    metric.address = config.value(u"address"_s).toString().trimmed();
    metric.query = config.value(u"query"_s).toString();
    if (metric.address.isEmpty()) {
        *error = AnalysisPlanner::tr("prometheus address is not configured");
        return false;
    }
    bool mapped = false;
    const QUrl url = options.addresses.map(metric.address, &mapped);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http" && url.scheme() != u"https")) {
        *error = AnalysisPlanner::tr("prometheus address \"%1\" is not a URL").arg(metric.address);
        return false;
    }
    metric.url = url.toString();
    planned.query.url = url;
    planned.query.originalAddress = metric.address;
    planned.query.query = metric.query;
    planned.query.useKeychain = options.useKeychain;
    planned.query.insecure = config.value(u"insecure"_s).toBool();
    if (config.contains(u"timeout"_s)) {
        const qint64 timeout = config.value(u"timeout"_s).toLongLong();
        if (timeout < 0) {
            *error = AnalysisPlanner::tr("prometheus timeout should not be negative");
            return false;
        }
        if (timeout > 0)
            planned.query.timeout = std::chrono::seconds(timeout);
    }
    for (const QVariant &header : config.value(u"headers"_s).toList()) {
        const QVariantMap entry = header.toMap();
        const QString key = entry.value(u"key"_s).toString();
        if (!key.isEmpty())
            planned.query.headers.append(
                {key.toUtf8(), entry.value(u"value"_s).toString().toUtf8()});
    }
    if (config.contains(u"authentication"_s)) {
        *error = AnalysisPlanner::tr("prometheus \"authentication\" (SigV4, OAuth2) is not "
                                     "supported here; store basic or bearer credentials in the "
                                     "keychain instead");
        return false;
    }
    if (config.contains(u"rangeQuery"_s)) {
        const QVariantMap range = config.value(u"rangeQuery"_s).toMap();
        planned.rangeQuery = true;
        planned.rangeStart = range.value(u"start"_s).toString();
        planned.rangeEnd = range.value(u"end"_s).toString();
        const auto step = parseGoDuration(range.value(u"step"_s).toString());
        if (planned.rangeStart.isEmpty() || planned.rangeEnd.isEmpty() || !step || *step <= 0) {
            *error = AnalysisPlanner::tr("rangeQuery needs start, end and a step duration");
            return false;
        }
        planned.rangeStepSeconds = double(*step) / 1000.0;
    }
    return true;
}

/// Argo Rollouts' metric validation; an empty string when the metric is valid.
QString validate(const MetricResult &metric, bool countSet)
{
    if (metric.count < 0)
        return AnalysisPlanner::tr("count must be >= 0");
    if (metric.count > 1 && metric.interval.isEmpty())
        return AnalysisPlanner::tr("interval must be specified when count > 1");
    if (metric.failureLimit < -1)
        return AnalysisPlanner::tr("failureLimit must be >= -1");
    if (metric.inconclusiveLimit < 0)
        return AnalysisPlanner::tr("inconclusiveLimit must be >= 0");
    if (metric.consecutiveErrorLimit < 0)
        return AnalysisPlanner::tr("consecutiveErrorLimit must be >= 0");
    if (metric.consecutiveSuccessLimit < 0)
        return AnalysisPlanner::tr("consecutiveSuccessLimit must be >= 0");
    if (metric.failureLimit < 0 && metric.consecutiveSuccessLimit <= 0)
        return AnalysisPlanner::tr("either failureLimit or consecutiveSuccessLimit must be "
                                   "applicable (failureLimit >= 0 or consecutiveSuccessLimit > 0)");
    if (countSet && metric.count > 0) {
        if (metric.count < metric.failureLimit)
            return AnalysisPlanner::tr("count must be >= failureLimit");
        if (metric.count < metric.inconclusiveLimit)
            return AnalysisPlanner::tr("count must be >= inconclusiveLimit");
        if (metric.count < metric.consecutiveSuccessLimit)
            return AnalysisPlanner::tr("count must be >= consecutiveSuccessLimit");
    }
    return {};
}

/// Reads `secret:<name>` from the keychain and takes @p key from it.
std::optional<QString> readSecretKey(const Argument &arg, bool useKeychain, QString *error)
{
    const QString account = Keychain::secretAccount(arg.secretName);
    const QString howTo =
        AnalysisPlanner::tr("store it in the keychain as a JSON object of strings under "
                            "service \"%1\", account \"%2\"")
            .arg(Keychain::service(), account);
    if (!useKeychain) {
        *error = AnalysisPlanner::tr("argument \"%1\" takes its value from secret \"%2\", and the "
                                     "keychain is not used here")
                     .arg(arg.name, arg.secretName);
        return std::nullopt;
    }
    QString problem;
    const std::optional<QString> text = Keychain::readSecret(arg.secretName, &problem);
    if (!text) {
        *error = problem.isEmpty()
                     ? AnalysisPlanner::tr("argument \"%1\": secret \"%2\" is missing; %3")
                           .arg(arg.name, arg.secretName, howTo)
                     : AnalysisPlanner::tr("argument \"%1\": cannot read secret \"%2\": %3")
                           .arg(arg.name, arg.secretName, problem);
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(text->toUtf8()).object();
    if (!object.value(arg.secretKey).isString()) {
        *error = object.isEmpty()
                     ? AnalysisPlanner::tr("argument \"%1\": secret \"%2\" is not a JSON object "
                                           "of strings; %3")
                           .arg(arg.name, arg.secretName, howTo)
                     : AnalysisPlanner::tr("argument \"%1\": key '%2' does not exist in secret "
                                           "'%3'")
                           .arg(arg.name, arg.secretKey, arg.secretName);
        return std::nullopt;
    }
    return object.value(arg.secretKey).toString();
}

} // namespace

QString AnalysisPlanner::substitute(const QString &text, const QHash<QString, QString> &args,
                                    QString *error)
{
    if (!text.contains(u"{{"))
        return text;
    QString result;
    qsizetype position = 0;
    while (position < text.size()) {
        const qsizetype open = text.indexOf(u"{{", position);
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        result += QStringView(text).mid(position, open - position);
        const QString tag = text.mid(open + 2, close - open - 2);
        const QString cleaned = tag.trimmed();
        if (cleaned.startsWith(u"args.") && args.contains(cleaned.mid(5))) {
            result += args.value(cleaned.mid(5));
        } else if (error && error->isEmpty()) {
            *error = tr("failed to resolve {{%1}}").arg(tag);
        }
        position = close + 2;
    }
    result += QStringView(text).mid(position);
    return result;
}

QString AnalysisPlanner::mask(QString text, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        if (!secret.isEmpty())
            text.replace(secret, u"*****"_s);
    }
    return text;
}

AnalysisPlan AnalysisPlanner::plan(const Pipeline &pipeline, const QString &stageName,
                                   const QStringList &freightIds, const Options &options)
{
    AnalysisPlan plan;
    VerificationRun &run = plan.run;
    run.stage = stageName;
    run.freightIds = freightIds;
    const auto fail = [&](const QString &message) {
        if (plan.error.isEmpty())
            plan.error = message;
        return plan;
    };
    const Stage *stage = pipeline.stage(stageName);
    if (!stage)
        return fail(tr("there is no stage \"%1\"").arg(stageName));
    if (stage->verification.isEmpty())
        return fail(tr("stage \"%1\" has no verification").arg(stageName));

    // Flatten the templates, as Kargo does: metrics (names unique) and arguments (the same
    // name twice must not have two different values).
    QList<Argument> args;
    QList<std::pair<const AnalysisTemplate *, const AnalysisMetric *>> metrics;
    QSet<QString> metricNames;
    for (const AnalysisTemplateReference &ref : stage->verification.analysisTemplates) {
        const AnalysisTemplate *analysisTemplate = pipeline.analysisTemplate(ref.name, ref.kind);
        if (!analysisTemplate)
            return fail(tr("%1 \"%2\" not found").arg(ref.kind, ref.name));
        run.templates.append(analysisTemplate->name);
        for (const AnalysisMetric &metric : analysisTemplate->metrics) {
            if (metricNames.contains(metric.name))
                return fail(tr("error flattening templates: two metrics have the same name "
                               "'%1'")
                                .arg(metric.name));
            metricNames.insert(metric.name);
            metrics.append({analysisTemplate, &metric});
        }
        for (const NamedValue &value : analysisTemplate->args) {
            const Argument arg = fromNamedValue(value);
            const int i = findArgument(args, arg.name);
            if (i < 0) {
                args.append(arg);
                continue;
            }
            if (args[i].value && arg.value && *args[i].value != *arg.value)
                return fail(tr("error flattening templates: Argument `%1` specified multiple "
                               "times with different values: '%2', '%3'")
                                .arg(arg.name, *args[i].value, *arg.value));
            if (!args[i].value && args[i].secretName.isEmpty())
                args[i] = arg;
        }
    }

    // The stage's values win over the templates' defaults; names the templates do not declare
    // are ignored, as Argo Rollouts ignores them.
    QString varsProblem;
    const QVariantMap environment = stageEnvironment(pipeline, *stage, &varsProblem);
    for (const NamedValue &value : stage->verification.args) {
        const int i = findArgument(args, value.name);
        if (i < 0)
            continue;
        QString problem;
        const std::optional<QString> rendered =
            renderStageValue(value.value, environment, &problem);
        if (!rendered)
            return fail(tr("verification argument \"%1\": %2")
                            .arg(value.name, varsProblem.isEmpty()
                                                 ? problem
                                                 : problem + u" ("_s + varsProblem + u')'));
        args[i].value = *rendered;
        args[i].secretName.clear();
        args[i].otherSource.clear();
    }

    QHash<QString, QString> values;
    for (const Argument &arg : std::as_const(args)) {
        QString value;
        if (arg.value) {
            value = *arg.value;
            run.args.append({arg.name, value});
        } else if (!arg.secretName.isEmpty()) {
            QString problem;
            const std::optional<QString> secret = readSecretKey(arg, options.useKeychain, &problem);
            if (!secret) {
                run.args.append({arg.name, QString()});
                fail(tr("unable to resolve metric arguments: %1").arg(problem));
                continue;
            }
            value = *secret;
            plan.secrets.append(value);
            run.args.append({arg.name, u"*****"_s});
        } else if (!arg.otherSource.isEmpty()) {
            run.args.append({arg.name, QString()});
            fail(tr("argument \"%1\" takes its value from %2, which only a cluster can resolve; "
                    "give it a value in the stage's verification args")
                     .arg(arg.name, arg.otherSource));
            continue;
        } else {
            run.args.append({arg.name, QString()});
            fail(tr("error merging arguments: args.%1 was not resolved").arg(arg.name));
            continue;
        }
        values.insert(arg.name, value);
    }

    for (const auto &[analysisTemplate, source] : std::as_const(metrics)) {
        MetricResult metric;
        PlannedMetric planned;
        metric.name = source->name;
        metric.templateName = analysisTemplate->name;
        metric.provider = source->providerName;
        metric.runnable = source->providerName == u"prometheus";
        QString problem;
        const auto text = [&](const QString &value) {
            return mask(substitute(value, values, metric.runnable ? &problem : nullptr),
                        plan.secrets);
        };
        metric.successCondition = text(source->successCondition);
        metric.failureCondition = text(source->failureCondition);
        metric.interval = text(source->interval).trimmed();
        metric.initialDelay = text(source->initialDelay).trimmed();
        const QString count = text(source->count);
        const auto number = [&](const QString &value, int fallback, const char *field) {
            const std::optional<int> parsed = intField(text(value), fallback);
            if (!parsed && problem.isEmpty())
                problem = tr("\"%1\" must be a whole number").arg(QString::fromUtf8(field));
            return parsed.value_or(fallback);
        };
        metric.count = number(count, 0, "count");
        metric.failureLimit = number(source->failureLimit, 0, "failureLimit");
        metric.inconclusiveLimit = number(source->inconclusiveLimit, 0, "inconclusiveLimit");
        metric.consecutiveErrorLimit =
            number(source->consecutiveErrorLimit, 4, "consecutiveErrorLimit");
        metric.consecutiveSuccessLimit =
            number(source->consecutiveSuccessLimit, 0, "consecutiveSuccessLimit");
        if (!metric.runnable) {
            metric.message = notRunnableReason(metric.provider);
            metric.phase = AnalysisPhase::Inconclusive;
            run.metrics.append(metric);
            plan.metrics.append(planned);
            continue;
        }
        // Secrets reach the query only: what is stored and shown is masked.
        const QVariantMap config = substituteAll(source->provider, values, &problem).toMap();
        if (problem.isEmpty())
            readPrometheus(config, options, metric, planned, &problem);
        metric.query = mask(metric.query, plan.secrets);
        if (problem.isEmpty()) {
            if (!metric.interval.isEmpty()) {
                const auto interval = parseGoDuration(metric.interval);
                if (!interval)
                    problem = tr("invalid interval string: %1").arg(metric.interval);
                else
                    planned.intervalMs = *interval;
            }
            if (!metric.initialDelay.isEmpty()) {
                const auto delay = parseGoDuration(metric.initialDelay);
                if (!delay)
                    problem = tr("invalid initialDelay string: %1").arg(metric.initialDelay);
                else
                    planned.initialDelayMs = *delay;
            }
        }
        if (problem.isEmpty())
            problem = validate(metric, !count.trimmed().isEmpty());
        for (const QString &condition : {metric.successCondition, metric.failureCondition}) {
            QString syntax;
            if (problem.isEmpty() && !condition.isEmpty() && !Expression::parse(condition, &syntax))
                problem = tr("condition \"%1\" does not parse: %2").arg(condition, syntax);
        }
        if (!problem.isEmpty())
            fail(tr("analysis spec invalid: metric \"%1\": %2").arg(metric.name, problem));
        run.metrics.append(metric);
        plan.metrics.append(planned);
    }
    return plan;
}

} // namespace Stevedore
