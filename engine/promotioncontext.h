#pragma once

#include "engine/expression.h"
#include "engine/freight.h"
#include "engine/promotion.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

namespace Stevedore {

/// What expressions in a promotion's steps see: `ctx`, `vars`, `outputs`, `task.outputs`, and
/// Kargo's functions (`imageFrom`, `commitFrom`, `chartFrom`, `warehouse`, `freightMetadata`,
/// `secret`, `success`, `failure`, `always`, `status`). It also keeps what the steps produced,
/// so later steps can read it, and every secret value it handed out, so they can be masked.
class PromotionContext
{
    Q_DECLARE_TR_FUNCTIONS(PromotionContext)

public:
    /// Reads a named secret (a map of strings); nullopt with @p error set when it is missing or
    /// the keychain failed. The default reads `secret:<name>` from the keychain.
    using SecretReader = std::function<std::optional<QVariantMap>(const QString &, QString *)>;

    /// @p freight: the freight being promoted first, then the stage's current freight from
    /// other origins, which `imageFrom` and friends also search.
    PromotionContext(const QString &project, const QString &stage, const QString &promotion,
                     const QList<Freight> &freight);

    void setSecretReader(SecretReader reader) { m_readSecret = std::move(reader); }
    /// Metadata set on freight so far (by id), which `freightMetadata()` reads.
    void setFreightMetadata(const QHash<QString, QVariantMap> &metadata);
    QHash<QString, QVariantMap> freightMetadata() const { return m_freightMetadata; }
    QHash<QString, QVariantMap> stageMetadata() const { return m_stageMetadata; }

    /// The environment for @p step: `ctx`, `vars` (template vars, then the task's, then the
    /// step's own, each evaluated in order), `outputs` and, inside a task, `task.outputs`.
    /// When @p planning, outputs are not known yet and reading them is an error.
    std::optional<QVariantMap> environment(const PlannedStep &step, const QList<NamedValue> &vars,
                                           QString *error, bool planning = false) const;
    /// The functions for @p step (`status()` needs to know which step asks).
    Expression::Functions functions(const PlannedStep &step) const;

    /// @p text rendered as Kargo renders a config value.
    std::optional<QVariant> render(const QString &text, const QVariantMap &environment,
                                   const Expression::Functions &functions, QString *error) const;
    /// Every string in @p config rendered; an error names the field (`checkout[0].branch`).
    std::optional<QVariantMap> renderConfig(const QVariantMap &config,
                                            const QVariantMap &environment,
                                            const Expression::Functions &functions,
                                            QString *error) const;

    /// @p value with every secret handed out so far replaced by `••••••`.
    QVariant masked(const QVariant &value) const;
    QString masked(const QString &text) const;

    /// The freight being promoted.
    Freight targetFreight() const { return m_freight.value(0); }
    /// What `imageFrom(repoURL[, origin])` returns; @p origin is a step's `fromOrigin`
    /// (`{kind, name}`) or invalid.
    QVariant lookupImage(const QString &repoURL, const QVariant &origin, QString *error) const;
    /// What `commitFrom(repoURL[, origin])` returns, likewise.
    QVariant lookupCommit(const QString &repoURL, const QVariant &origin, QString *error) const;

    /// Records what @p step did, for `outputs`, `task.outputs` and the status functions.
    void record(const PlannedStep &step, const StepResult &result);
    void setMetadata(const QString &kind, const QString &name, const QVariantMap &values);

private:
    QVariant lookup(const QString &kind, const QString &repoURL, const QVariant &origin,
                    QString *error) const;
    QVariant freightLookup(const QString &kind, const QVariantList &arguments,
                           QString *error) const;

    QString m_project;
    QString m_stage;
    QString m_promotion;
    QList<Freight> m_freight;
    SecretReader m_readSecret;
    QHash<QString, QVariantMap> m_freightMetadata;
    QHash<QString, QVariantMap> m_stageMetadata;
    QVariantMap m_outputs;
    QHash<QString, QVariantMap> m_taskOutputs; ///< task alias -> local alias -> outputs
    struct Recorded
    {
        QString alias;
        StepStatus status;
        bool tolerated; ///< a failure of a step with continueOnError
    };
    QList<Recorded> m_statuses;
    mutable QSet<QString> m_secrets;
};

} // namespace Stevedore
