#pragma once

#include "engine/gitremote.h"
#include "engine/promotion.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <atomic>
#include <functional>
#include <memory>

namespace Stevedore {

class PromotionContext;

/// A working tree a git-clone step made in the promotion's workspace.
struct WorkspaceCheckout
{
    QString path; ///< as the step wrote it, `./src`
    QString absolutePath;
    QString repoURL;   ///< for display: without any password
    QString remoteURL; ///< as the step gave it, for pushing
    bool insecureSkipTLSVerify = false;
    QString branch; ///< empty for a detached commit or tag
    QString baseCommit;
    bool fromCache = false;
    QString cacheNote;
    QStringList commitMessages;
};

/// What a step runs with.
struct StepRun
{
    QString workspace;  ///< absolute path of the promotion's scratch folder
    QString cacheRoot;  ///< where bare clones of git repositories are cached
    QVariantMap config; ///< rendered
    PromotionContext *context = nullptr;
    const PlannedStep *step = nullptr;
    bool offline = false;
    bool dryRun = true;
    std::shared_ptr<std::atomic<bool>> cancelled;
    QList<WorkspaceCheckout> *checkouts = nullptr;
    QList<LandedChange> *landed = nullptr; ///< what git-push steps pushed
    QString promotionId;
    /// See PromotionRunner::Options::acquireLock.
    std::function<bool(const QString &key)> acquireLock;
};

/// What a step did: Succeeded with outputs, Failed (the step decided so, as `fail` does) or
/// Errored (it could not do its work), with a message and log lines.
struct StepOutcome
{
    StepStatus status = StepStatus::Succeeded;
    QString message;
    QVariantMap outputs;
    QStringList log;

    static StepOutcome error(const QString &message)
    {
        return {StepStatus::Errored, message, {}, {}};
    }
};

/// The promotion steps Stevedore runs itself. Paths in configs are relative to the workspace
/// and may not leave it, through `..` or through a symbolic link.
class PromotionSteps
{
    Q_DECLARE_TR_FUNCTIONS(PromotionSteps)

public:
    static StepOutcome run(const QString &uses, StepRun &run);

    /// @p relative inside @p workspace, or an empty string with @p error set when it would
    /// leave the workspace.
    static QString resolve(const QString &workspace, const QString &relative, QString *error);
    /// Whether @p path (relative, `/`-separated) matches the glob @p pattern (`*`, `?`, `[...]`
    /// within one path segment, `**` across segments).
    static bool globMatches(const QString &pattern, const QString &path);
    /// yaml-update's commit message, as Kargo writes it.
    static QString yamlUpdateMessage(const QString &path, const QVariantList &updates);
};

} // namespace Stevedore
