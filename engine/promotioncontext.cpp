#include "engine/promotioncontext.h"

#include "engine/expressiontemplate.h"
#include "engine/keychain.h"
#include "engine/urlnormalization.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QString maskText = u"••••••"_s;

QVariantMap originValue(const FreightOrigin &origin)
{
    return {{u"Kind"_s, origin.kind}, {u"Name"_s, origin.name}};
}

QVariantMap imageValue(const FreightImage &image)
{
    return {{u"RepoURL"_s, image.repoURL},
            {u"Tag"_s, image.tag},
            {u"Digest"_s, image.digest},
            {u"Annotations"_s, QVariantMap()}};
}

QVariantMap commitValue(const FreightCommit &commit)
{
    return {{u"RepoURL"_s, commit.repoURL}, {u"ID"_s, commit.id},
            {u"Branch"_s, commit.branch},   {u"Tag"_s, commit.tag},
            {u"Message"_s, commit.message}, {u"Author"_s, commit.author},
            {u"Committer"_s, commit.author}};
}

QVariantMap chartValue(const FreightChart &chart)
{
    return {{u"RepoURL"_s, chart.repoURL}, {u"Name"_s, chart.name}, {u"Version"_s, chart.version}};
}

/// The artifacts of one kind in @p freight that match @p repoURL (and @p chartName for charts).
QList<QVariantMap> artifactsIn(const Freight &freight, const QString &kind, const QString &repoURL,
                               const QString &chartName)
{
    QList<QVariantMap> found;
    if (kind == u"image") {
        const QString wanted = normalizeImageURL(repoURL);
        for (const FreightImage &image : freight.images) {
            if (normalizeImageURL(image.repoURL) == wanted)
                found.append(imageValue(image));
        }
    } else if (kind == u"commit") {
        const QString wanted = normalizeGitURL(repoURL);
        for (const FreightCommit &commit : freight.commits) {
            if (normalizeGitURL(commit.repoURL) == wanted)
                found.append(commitValue(commit));
        }
    } else {
        const QString wanted = normalizeChartURL(repoURL);
        for (const FreightChart &chart : freight.charts) {
            if (normalizeChartURL(chart.repoURL) == wanted &&
                (chartName.isEmpty() || chart.name == chartName))
                found.append(chartValue(chart));
        }
    }
    return found;
}

std::optional<FreightOrigin> toOrigin(const QVariant &value)
{
    if (value.typeId() != QMetaType::QVariantMap)
        return std::nullopt;
    const QVariantMap map = value.toMap();
    if (!map.contains(u"Name"_s))
        return std::nullopt;
    return FreightOrigin{map.value(u"Kind"_s, u"Warehouse"_s).toString(),
                         map.value(u"Name"_s).toString()};
}

bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString;
}

} // namespace

PromotionContext::PromotionContext(const QString &project, const QString &stage,
                                   const QString &promotion, const QList<Freight> &freight)
    : m_project(project)
    , m_stage(stage)
    , m_promotion(promotion)
    , m_freight(freight)
{
    m_readSecret = [](const QString &name, QString *error) -> std::optional<QVariantMap> {
        const Keychain::ReadResult read = Keychain::read(Keychain::secretAccount(name));
        if (read.status == Keychain::Status::NotFound) {
            *error = tr("there is no secret \"%1\" in the keychain (service \"%2\", account "
                        "\"%3\")")
                         .arg(name, Keychain::service(), Keychain::secretAccount(name));
            return std::nullopt;
        }
        if (read.status == Keychain::Status::Failed) {
            *error = tr("could not read secret \"%1\" from the keychain: %2").arg(name, read.error);
            return std::nullopt;
        }
        const QJsonDocument document = QJsonDocument::fromJson(read.text.toUtf8());
        if (!document.isObject()) {
            *error = tr("the keychain entry for secret \"%1\" is not a JSON object of strings")
                         .arg(name);
            return std::nullopt;
        }
        return document.object().toVariantMap();
    };
}

void PromotionContext::setFreightMetadata(const QHash<QString, QVariantMap> &metadata)
{
    m_freightMetadata = metadata;
}

QVariant PromotionContext::freightLookup(const QString &kind, const QVariantList &arguments,
                                         QString *error) const
{
    const QString function = kind == u"image"    ? u"imageFrom"_s
                             : kind == u"commit" ? u"commitFrom"_s
                                                 : u"chartFrom"_s;
    const int maximum = kind == u"chart" ? 3 : 2;
    if (arguments.isEmpty() || arguments.size() > maximum) {
        *error = tr("expects 1 to %1 arguments, got %2").arg(maximum).arg(arguments.size());
        return {};
    }
    if (!isString(arguments.first())) {
        *error = tr("the first argument must be a repository URL");
        return {};
    }
    const QString repoURL = arguments.first().toString();
    QString chartName;
    std::optional<FreightOrigin> origin;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QVariant &argument = arguments.at(i);
        if (kind == u"chart" && i == 1 && isString(argument)) {
            chartName = argument.toString();
        } else if (const auto asOrigin = toOrigin(argument)) {
            origin = asOrigin;
        } else {
            *error =
                tr("argument %1 must be a freight origin such as warehouse(\"name\")").arg(i + 1);
            return {};
        }
    }
    QList<QVariantMap> matches;
    QStringList origins;
    for (const Freight &freight : m_freight) {
        if (origin && freight.origin != *origin)
            continue;
        const QList<QVariantMap> found = artifactsIn(freight, kind, repoURL, chartName);
        if (found.isEmpty())
            continue;
        matches.append(found.first());
        origins.append(freight.origin.name);
    }
    if (matches.size() > 1) {
        *error = tr("freight from several warehouses (%1) has %2; name one with "
                    "warehouse(\"...\") as the last argument")
                     .arg(origins.join(u", "_s), repoURL);
        return {};
    }
    if (matches.isEmpty())
        return Expression::nil();
    return matches.first();
}

QVariant PromotionContext::lookup(const QString &kind, const QString &repoURL,
                                  const QVariant &origin, QString *error) const
{
    QVariantList arguments{repoURL};
    const QVariantMap map = origin.toMap();
    if (!map.isEmpty())
        arguments.append(originValue(
            {map.value(u"kind"_s, u"Warehouse"_s).toString(), map.value(u"name"_s).toString()}));
    return freightLookup(kind, arguments, error);
}

QVariant PromotionContext::lookupImage(const QString &repoURL, const QVariant &origin,
                                       QString *error) const
{
    return lookup(u"image"_s, repoURL, origin, error);
}

QVariant PromotionContext::lookupCommit(const QString &repoURL, const QVariant &origin,
                                        QString *error) const
{
    return lookup(u"commit"_s, repoURL, origin, error);
}

Expression::Functions PromotionContext::functions(const PlannedStep &step) const
{
    Expression::Functions f;
    for (const QString &kind : {u"image"_s, u"commit"_s, u"chart"_s}) {
        const QString name = kind == u"image"    ? u"imageFrom"_s
                             : kind == u"commit" ? u"commitFrom"_s
                                                 : u"chartFrom"_s;
        f.insert(name, [this, kind](const QVariantList &arguments, QString *error) {
            return freightLookup(kind, arguments, error);
        });
    }
    f.insert(u"warehouse"_s, [](const QVariantList &arguments, QString *error) -> QVariant {
        if (arguments.size() != 1 || !isString(arguments.first()) ||
            arguments.first().toString().isEmpty()) {
            *error = tr("warehouse expects one warehouse name");
            return {};
        }
        return originValue({u"Warehouse"_s, arguments.first().toString()});
    });
    f.insert(u"freightMetadata"_s,
             [this](const QVariantList &arguments, QString *error) -> QVariant {
                 if (arguments.isEmpty() || arguments.size() > 2 || !isString(arguments.first()) ||
                     (arguments.size() == 2 && !isString(arguments.at(1)))) {
                     *error = tr("freightMetadata expects a freight name and optionally a key");
                     return {};
                 }
                 const auto it = m_freightMetadata.constFind(arguments.first().toString());
                 if (it == m_freightMetadata.constEnd())
                     return Expression::nil();
                 if (arguments.size() == 1)
                     return *it;
                 return it->value(arguments.at(1).toString(), Expression::nil());
             });
    f.insert(u"stageMetadata"_s, [this](const QVariantList &arguments, QString *error) -> QVariant {
        if (arguments.size() != 1 || !isString(arguments.first())) {
            *error = tr("stageMetadata expects a stage name");
            return {};
        }
        const auto it = m_stageMetadata.constFind(arguments.first().toString());
        return it == m_stageMetadata.constEnd() ? Expression::nil() : QVariant(*it);
    });
    f.insert(u"secret"_s, [this](const QVariantList &arguments, QString *error) -> QVariant {
        if (arguments.size() != 1 || !isString(arguments.first())) {
            *error = tr("secret expects a secret name");
            return {};
        }
        const std::optional<QVariantMap> values = m_readSecret(arguments.first().toString(), error);
        if (!values)
            return {};
        for (const QVariant &value : *values) {
            if (!value.toString().isEmpty())
                m_secrets.insert(value.toString());
        }
        return *values;
    });
    const auto failed = [this] {
        return std::any_of(m_statuses.begin(), m_statuses.end(), [](const Recorded &entry) {
            return !entry.tolerated &&
                   (entry.status == StepStatus::Failed || entry.status == StepStatus::Errored);
        });
    };
    f.insert(u"always"_s, [](const QVariantList &, QString *) -> QVariant { return true; });
    f.insert(u"success"_s,
             [failed](const QVariantList &, QString *) -> QVariant { return !failed(); });
    f.insert(u"failure"_s,
             [failed](const QVariantList &, QString *) -> QVariant { return failed(); });
    const QString taskAlias = step.taskAlias;
    f.insert(u"status"_s,
             [this, taskAlias](const QVariantList &arguments, QString *error) -> QVariant {
                 if (arguments.size() != 1 || !isString(arguments.first())) {
                     *error = tr("status expects a step alias");
                     return {};
                 }
                 const QString alias = arguments.first().toString();
                 QStringList candidates;
                 if (!taskAlias.isEmpty())
                     candidates.append(taskAlias + u"::"_s + alias);
                 candidates.append(alias);
                 for (const QString &candidate : std::as_const(candidates)) {
                     for (const Recorded &entry : m_statuses) {
                         if (entry.alias == candidate)
                             return toString(entry.status);
                     }
                 }
                 return QString();
             });
    return f;
}

std::optional<QVariantMap> PromotionContext::environment(const PlannedStep &step,
                                                         const QList<NamedValue> &vars,
                                                         QString *error, bool planning) const
{
    QVariantMap targetFreight;
    if (!m_freight.isEmpty()) {
        const Freight &target = m_freight.first();
        targetFreight = {{u"name"_s, target.id},
                         {u"alias"_s, target.alias},
                         {u"origin"_s, QVariantMap{{u"kind"_s, target.origin.kind},
                                                   {u"name"_s, target.origin.name}}}};
    }
    QVariantMap environment{{u"ctx"_s, QVariantMap{{u"project"_s, m_project},
                                                   {u"stage"_s, m_stage},
                                                   {u"promotion"_s, m_promotion},
                                                   {u"targetFreight"_s, targetFreight}}}};
    if (!planning) {
        environment.insert(u"outputs"_s, m_outputs);
        if (!step.taskAlias.isEmpty())
            environment.insert(u"task"_s,
                               QVariantMap{{u"outputs"_s, m_taskOutputs.value(step.taskAlias)}});
    }
    const Expression::Functions f = functions(step);
    QVariantMap values;
    for (const NamedValue &var : vars) {
        environment.insert(u"vars"_s, values);
        QString problem;
        const std::optional<QVariant> value = var.hasValue
                                                  ? render(var.value, environment, f, &problem)
                                                  : std::optional<QVariant>(Expression::nil());
        if (!value) {
            *error = tr("variable \"%1\": %2").arg(var.name, problem);
            return std::nullopt;
        }
        values.insert(var.name, *value);
    }
    environment.insert(u"vars"_s, values);
    return environment;
}

std::optional<QVariant> PromotionContext::render(const QString &text,
                                                 const QVariantMap &environment,
                                                 const Expression::Functions &functions,
                                                 QString *error) const
{
    const QVariant value = ExpressionTemplate::render(text, environment, functions, error);
    if (!value.isValid())
        return std::nullopt;
    return value;
}

std::optional<QVariantMap> PromotionContext::renderConfig(const QVariantMap &config,
                                                          const QVariantMap &environment,
                                                          const Expression::Functions &functions,
                                                          QString *error) const
{
    std::function<std::optional<QVariant>(const QVariant &, const QString &)> walk =
        [&](const QVariant &value, const QString &field) -> std::optional<QVariant> {
        switch (value.typeId()) {
        case QMetaType::QString: {
            QString problem;
            const std::optional<QVariant> rendered =
                render(value.toString(), environment, functions, &problem);
            if (!rendered)
                *error = tr("config.%1: %2").arg(field, problem);
            return rendered;
        }
        case QMetaType::QVariantMap: {
            QVariantMap map = value.toMap();
            for (auto it = map.begin(); it != map.end(); ++it) {
                const auto rendered =
                    walk(it.value(), field.isEmpty() ? it.key() : field + u'.' + it.key());
                if (!rendered)
                    return std::nullopt;
                it.value() = *rendered;
            }
            return map;
        }
        case QMetaType::QVariantList: {
            QVariantList list = value.toList();
            for (qsizetype i = 0; i < list.size(); ++i) {
                const auto rendered = walk(list.at(i), u"%1[%2]"_s.arg(field).arg(i));
                if (!rendered)
                    return std::nullopt;
                list[i] = *rendered;
            }
            return list;
        }
        default:
            return value;
        }
    };
    const std::optional<QVariant> rendered = walk(config, QString());
    if (!rendered)
        return std::nullopt;
    return rendered->toMap();
}

QString PromotionContext::masked(const QString &text) const
{
    QString result = text;
    for (const QString &secret : std::as_const(m_secrets))
        result.replace(secret, maskText);
    return result;
}

QVariant PromotionContext::masked(const QVariant &value) const
{
    if (m_secrets.isEmpty())
        return value;
    switch (value.typeId()) {
    case QMetaType::QString:
        return masked(value.toString());
    case QMetaType::QVariantMap: {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = masked(it.value());
        return map;
    }
    case QMetaType::QVariantList: {
        QVariantList list = value.toList();
        for (QVariant &element : list)
            element = masked(element);
        return list;
    }
    default:
        return value;
    }
}

void PromotionContext::record(const PlannedStep &step, const StepResult &result)
{
    m_statuses.append({step.alias, result.status, step.step.continueOnError});
    m_outputs.insert(step.alias, result.outputs);
    if (!step.taskAlias.isEmpty()) {
        m_taskOutputs[step.taskAlias].insert(step.localAlias, result.outputs);
        // What a task composes becomes the output of the task reference itself.
        if (step.step.uses == u"compose-output") {
            QVariantMap composed = m_outputs.value(step.taskAlias).toMap();
            for (auto it = result.outputs.begin(); it != result.outputs.end(); ++it)
                composed.insert(it.key(), it.value());
            m_outputs.insert(step.taskAlias, composed);
        }
    }
}

void PromotionContext::setMetadata(const QString &kind, const QString &name,
                                   const QVariantMap &values)
{
    QVariantMap &target = kind == u"Stage" ? m_stageMetadata[name] : m_freightMetadata[name];
    for (auto it = values.begin(); it != values.end(); ++it)
        target.insert(it.key(), it.value());
}

} // namespace Stevedore
