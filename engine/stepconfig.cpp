#include "engine/resourcereaders_p.h"

#include <QHash>

namespace Stevedore {

namespace {

enum class Type
{
    String,
    Bool,
    Int,
    Object,
    StringList,
    ObjectList,
    Any
};

/// One field of a step's `config`, as Kargo's JSON schema for that step describes it.
struct Field
{
    const char *name;
    Type type;
    bool required = false;
    std::vector<Field> fields = {}; ///< for Object and ObjectList
    bool open = false;              ///< Object/ObjectList that takes any field
};

struct StepSchema
{
    std::vector<Field> fields;
    bool open = false; ///< the step takes any field (compose-output)
    /// At most one of these may be set in each entry of the named list.
    const char *exclusiveList = nullptr;
    std::vector<const char *> exclusive = {};
};

Field str(const char *name, bool required = false)
{
    return {name, Type::String, required};
}
Field boolean(const char *name)
{
    return {name, Type::Bool};
}
Field integer(const char *name)
{
    return {name, Type::Int};
}
Field object(const char *name, std::vector<Field> fields, bool required = false)
{
    return {name, Type::Object, required, std::move(fields)};
}
Field list(const char *name, std::vector<Field> fields, bool required = false)
{
    return {name, Type::ObjectList, required, std::move(fields)};
}

const QHash<QString, StepSchema> &schemas()
{
    static const QHash<QString, StepSchema> table = [] {
        const Field author = object("author", {str("name"), str("email"), str("signingKey")});
        const Field origin = object("fromOrigin", {str("kind", true), str("name", true)});
        QHash<QString, StepSchema> s;
        s.insert(QStringLiteral("git-clone"),
                 {{str("repoURL", true), boolean("insecureSkipTLSVerify"),
                   boolean("recurseSubmodules"), author,
                   list("checkout",
                        {str("branch"),
                         str("commit"),
                         str("tag"),
                         boolean("create"),
                         str("path", true),
                         str("as"),
                         {"sparse", Type::StringList},
                         boolean("fromFreight"),
                         origin},
                        true)},
                  false,
                  "checkout",
                  {"branch", "commit", "tag"}});
        s.insert(QStringLiteral("git-clear"), {{str("path", true)}});
        s.insert(QStringLiteral("kustomize-set-image"),
                 {{str("path", true),
                   list("images", {str("image", true), str("name"), str("tag"), str("digest"),
                                   str("newName"), boolean("useDigest"), origin})},
                  false,
                  "images",
                  {"tag", "digest"}});
        s.insert(QStringLiteral("yaml-update"),
                 {{str("path", true),
                   list("updates", {str("key", true), {"value", Type::Any, true}}, true)}});
        s.insert(QStringLiteral("helm-update-chart"),
                 {{str("path", true), list("charts", {str("repository", true), str("name", true),
                                                      str("version", true), origin})}});
        s.insert(QStringLiteral("copy"),
                 {{str("inPath", true), str("outPath", true), str("ignore")}});
        s.insert(QStringLiteral("delete"), {{str("path"),
                                             {"paths", Type::StringList},
                                             boolean("pathsAreGlobs"),
                                             boolean("strict")}});
        s.insert(QStringLiteral("file-write"), {{str("path", true),
                                                 {"contents", Type::String, true},
                                                 str("permissions"),
                                                 boolean("overwrite")}});
        s.insert(
            QStringLiteral("git-commit"),
            {{str("path", true), str("message", true), author, {"messageFromSteps", Type::Any}}});
        s.insert(QStringLiteral("git-push"),
                 {{str("path", true), str("targetBranch"), boolean("generateTargetBranch"),
                   integer("maxAttempts"), str("tag"), str("provider"), boolean("force"),
                   boolean("forcePush")}});
        s.insert(QStringLiteral("git-tag"),
                 {{str("path", true), str("tag", true), str("message"), boolean("force"),
                   object("tagger",
                          {str("name"), str("email"), str("signingKey"), str("signingMessage")}),
                   object("signer",
                          {str("name"), str("email"), str("signingKey"), str("signingMessage")})}});
        s.insert(QStringLiteral("compose-output"), {{}, true});
        s.insert(
            QStringLiteral("set-metadata"),
            {{list("updates",
                   {str("kind", true), str("name", true), {"values", Type::Object, true, {}, true}},
                   true)}});
        s.insert(QStringLiteral("fail"), {{str("message")}});
        return s;
    }();
    return table;
}

/// Kargo's own steps that need a cluster, a tool or a service. Their configuration is Kargo's
/// business; they are not warned about as unknown steps.
const QStringList &otherKargoSteps()
{
    static const QStringList steps{QStringLiteral("argocd-update"),
                                   QStringLiteral("argocd-wait"),
                                   QStringLiteral("helm-template"),
                                   QStringLiteral("kustomize-build"),
                                   QStringLiteral("git-open-pr"),
                                   QStringLiteral("git-wait-for-pr"),
                                   QStringLiteral("git-merge-pr"),
                                   QStringLiteral("github-push"),
                                   QStringLiteral("github-sign"),
                                   QStringLiteral("github-verified-push"),
                                   QStringLiteral("http"),
                                   QStringLiteral("http-download"),
                                   QStringLiteral("json-update"),
                                   QStringLiteral("json-parse"),
                                   QStringLiteral("yaml-parse"),
                                   QStringLiteral("yaml-merge"),
                                   QStringLiteral("toml-update"),
                                   QStringLiteral("toml-parse"),
                                   QStringLiteral("set-freight-alias"),
                                   QStringLiteral("oci-download"),
                                   QStringLiteral("oci-push"),
                                   QStringLiteral("untar"),
                                   QStringLiteral("tar"),
                                   QStringLiteral("kcl-run"),
                                   QStringLiteral("helm-update-image")};
    return steps;
}

QString typeDescription(Type type)
{
    switch (type) {
    case Type::String:
        return QStringLiteral("a string");
    case Type::Bool:
        return QStringLiteral("true or false");
    case Type::Int:
        return QStringLiteral("a whole number");
    case Type::Object:
        return QStringLiteral("a mapping");
    case Type::StringList:
        return QStringLiteral("a list of strings");
    case Type::ObjectList:
        return QStringLiteral("a list of mappings");
    case Type::Any:
        break;
    }
    return QStringLiteral("a value");
}

bool hasType(const YAML::Node &node, Type type)
{
    // A string that is one template may evaluate to any type at promotion time.
    if (Yaml::isTemplate(node))
        return true;
    switch (type) {
    case Type::String:
        return node.IsScalar();
    case Type::Bool: {
        const QVariant value = Yaml::toVariant(node);
        return value.typeId() == QMetaType::Bool;
    }
    case Type::Int: {
        const QVariant value = Yaml::toVariant(node);
        return value.typeId() == QMetaType::LongLong;
    }
    case Type::Object:
        return node.IsMap();
    case Type::StringList:
    case Type::ObjectList:
        return node.IsSequence();
    case Type::Any:
        return true;
    }
    return false;
}

/// The key node of @p key in the mapping @p node, or an undefined node.
YAML::Node keyOf(const YAML::Node &node, const char *key)
{
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == key)
                return it->first;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

/// The value of @p key in the mapping @p node, or an undefined node. Not `node[key]`: on a
/// const node a missing key gives an invalid node, whose type queries throw.
YAML::Node valueOf(const YAML::Node &node, const char *key)
{
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.IsScalar() && it->first.Scalar() == key)
                return it->second;
        }
    }
    return YAML::Node(YAML::NodeType::Undefined);
}

void checkObject(const YAML::Node &node, const std::vector<Field> &fields, bool open,
                 const QString &where, const Yaml::Context &context);

void checkField(const Field &field, const YAML::Node &value, const QString &where,
                const Yaml::Context &context)
{
    const QString name = QString::fromUtf8(field.name);
    if (!hasType(value, field.type)) {
        context.error(value, QStringLiteral("\"%1\" in %2 must be %3")
                                 .arg(name, where, typeDescription(field.type)));
        return;
    }
    if (Yaml::isTemplate(value))
        return;
    if (field.type == Type::Object) {
        checkObject(value, field.fields, field.open, QStringLiteral("\"%1\"").arg(name), context);
    } else if (field.type == Type::ObjectList || field.type == Type::StringList) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            if (field.type == Type::StringList) {
                if (!it->IsScalar())
                    context.error(
                        *it, QStringLiteral("each entry of \"%1\" must be a string").arg(name));
            } else if (!it->IsMap() && !Yaml::isTemplate(*it)) {
                context.error(it->IsNull() ? value : *it,
                              QStringLiteral("each entry of \"%1\" must be a mapping").arg(name));
            } else {
                checkObject(*it, field.fields, field.open,
                            QStringLiteral("an entry of \"%1\"").arg(name), context);
            }
        }
    }
}

void checkObject(const YAML::Node &node, const std::vector<Field> &fields, bool open,
                 const QString &where, const Yaml::Context &context)
{
    if (!node.IsMap())
        return;
    for (const Field &field : fields) {
        bool present = false;
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it->first.Scalar() != field.name)
                continue;
            present = !it->second.IsNull();
            if (present)
                checkField(field, it->second, where, context);
            else if (field.required)
                context.error(it->first, QStringLiteral("\"%1\" in %2 must not be empty")
                                             .arg(QString::fromUtf8(field.name), where));
            else
                present = true;
        }
        if (!present && field.required && !keyOf(node, field.name).IsDefined())
            context.error(node, QStringLiteral("%1 is missing the required field \"%2\"")
                                    .arg(where, QString::fromUtf8(field.name)));
    }
    if (open)
        return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        const std::string key = it->first.Scalar();
        const bool known = std::any_of(fields.begin(), fields.end(),
                                       [&](const Field &f) { return key == f.name; });
        if (!known)
            context.warning(it->first, QStringLiteral("unknown field \"%1\" in %2")
                                           .arg(QString::fromStdString(key), where));
    }
}

/// Fields Kargo removed from steps, also from those whose configuration is not checked here.
void checkRemovedFields(const QString &uses, const YAML::Node &config, const Yaml::Context &context)
{
    struct Removed
    {
        const char16_t *step;
        const char *field;
        Problem::Severity severity;
        const char16_t *message;
    };
    static const Removed removed[] = {
        {u"git-commit", "messageFromSteps", Problem::Severity::Error,
         u"git-commit's \"messageFromSteps\" was removed in Kargo v1.5; build \"message\" "
         u"with an expression over the steps' outputs instead"},
        {u"git-open-pr", "createTargetBranch", Problem::Severity::Warning,
         u"git-open-pr's \"createTargetBranch\" is deprecated since Kargo v1.10 and removed in "
         u"v1.12; make sure the target branch exists beforehand instead"},
        {u"git-wait-for-pr", "prNumberFromStep", Problem::Severity::Error,
         u"git-wait-for-pr's \"prNumberFromStep\" was removed in Kargo v1.3; set \"prNumber\" "
         u"to ${{ outputs['<alias>'].pr.id }} instead"},
    };
    for (const Removed &entry : removed) {
        if (uses != QStringView(entry.step))
            continue;
        if (const YAML::Node key = keyOf(config, entry.field); key.IsDefined())
            context.report(entry.severity, key.Mark(), QString::fromUtf16(entry.message));
    }
}

/// Rules that Kargo's schemas state as oneOf/deprecations rather than as fields.
void checkStepRules(const QString &uses, const YAML::Node &config, const Yaml::Context &context)
{
    const auto present = [&](const char *key) {
        const YAML::Node node = valueOf(config, key);
        return node.IsDefined() && !node.IsNull();
    };
    if (uses == u"git-commit" && present("author"))
        context.warning(
            valueOf(config, "author").IsDefined() ? valueOf(config, "author") : config,
            QStringLiteral("git-commit's \"author\" is deprecated; Stevedore commits as "
                           "you, from your git configuration"));
    if (uses == u"git-push") {
        const bool generate = present("generateTargetBranch") &&
                              Yaml::toVariant(valueOf(config, "generateTargetBranch")).toBool();
        if (generate && present("targetBranch"))
            context.error(valueOf(config, "targetBranch"),
                          QStringLiteral("git-push takes \"targetBranch\" or "
                                         "\"generateTargetBranch: true\", not both"));
        if (present("tag") && (generate || present("targetBranch")))
            context.error(valueOf(config, "tag"),
                          QStringLiteral("git-push pushes either a tag or a "
                                         "branch, not both"));
        if (present("maxAttempts") && !Yaml::isTemplate(valueOf(config, "maxAttempts")) &&
            Yaml::toVariant(valueOf(config, "maxAttempts")).toLongLong() < 1)
            context.error(valueOf(config, "maxAttempts"),
                          QStringLiteral("\"maxAttempts\" must be at least 1"));
    }
    if (uses == u"delete" && present("path") == present("paths"))
        context.error(present("paths") ? valueOf(config, "paths") : config,
                      QStringLiteral("the delete config takes exactly one of \"path\" or "
                                     "\"paths\""));
    if (uses == u"set-metadata") {
        const YAML::Node updates = valueOf(config, "updates");
        if (!updates.IsSequence())
            return;
        for (auto it = updates.begin(); it != updates.end(); ++it) {
            const YAML::Node kind = it->IsMap() ? valueOf(*it, "kind") : YAML::Node();
            if (kind.IsScalar() && !Yaml::isTemplate(kind) && kind.Scalar() != "Stage" &&
                kind.Scalar() != "Freight")
                context.error(kind, QStringLiteral("\"%1\" is not a valid kind; expected Stage or "
                                                   "Freight")
                                        .arg(Yaml::scalar(kind)));
        }
    }
}

} // namespace

bool isKargoStep(const QString &uses)
{
    return schemas().contains(uses) || otherKargoSteps().contains(uses);
}

void validateStepConfig(const QString &uses, const YAML::Node &config, const YAML::Node &usesNode,
                        const Yaml::Context &context)
{
    checkRemovedFields(uses, config, context);
    const auto schema = schemas().constFind(uses);
    if (schema == schemas().constEnd())
        return;
    const QString where = QStringLiteral("the %1 config").arg(uses);
    const bool needsConfig = std::any_of(schema->fields.begin(), schema->fields.end(),
                                         [](const Field &f) { return f.required; });
    if (!config.IsDefined() || config.IsNull()) {
        if (needsConfig)
            context.error(usesNode, QStringLiteral("step %1 needs a \"config\"").arg(uses));
        return;
    }
    checkObject(config, schema->fields, schema->open, where, context);
    checkStepRules(uses, config, context);
    if (!schema->exclusiveList)
        return;
    const YAML::Node entries = valueOf(config, schema->exclusiveList);
    if (!entries.IsSequence())
        return;
    for (auto it = entries.begin(); it != entries.end(); ++it) {
        if (!it->IsMap())
            continue;
        QStringList set;
        YAML::Node second;
        for (const char *key : schema->exclusive) {
            for (auto field = it->begin(); field != it->end(); ++field) {
                if (field->first.Scalar() == key && !field->second.IsNull()) {
                    set.append(QString::fromUtf8(key));
                    if (set.size() == 2)
                        second = field->first;
                }
            }
        }
        if (set.size() > 1)
            context.error(second,
                          QStringLiteral("an entry of \"%1\" takes only one of %2")
                              .arg(QString::fromUtf8(schema->exclusiveList), set.join(u", ")));
    }
}

} // namespace Stevedore
