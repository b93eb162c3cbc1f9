#include "engine/gitpublish.h"
#include "engine/gitworkspace.h"
#include "engine/promotioncontext.h"
#include "engine/promotionsteps_p.h"
#include "engine/urlnormalization.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace Stevedore::GitSteps {

namespace {

QString text(const QVariantMap &map, const QString &key)
{
    const QVariant value = map.value(key);
    return value.isValid() && !value.isNull() ? value.toString() : QString();
}

WorkspaceCheckout *checkoutAt(StepRun &run, const QString &absolutePath)
{
    for (WorkspaceCheckout &checkout : *run.checkouts) {
        if (checkout.absolutePath == absolutePath)
            return &checkout;
    }
    return nullptr;
}

/// The working tree a git-clear or git-commit step names, which a git-clone step made.
WorkspaceCheckout *workingTree(StepRun &run, QString *error)
{
    const QString relative = text(run.config, u"path"_s);
    const QString path = PromotionSteps::resolve(run.workspace, relative, error);
    if (path.isEmpty())
        return nullptr;
    WorkspaceCheckout *checkout = checkoutAt(run, path);
    if (!checkout)
        *error = PromotionSteps::tr("%1 is not a working tree a git-clone step made").arg(relative);
    return checkout;
}

} // namespace

StepOutcome clone(StepRun &run)
{
    const QString repoURL = text(run.config, u"repoURL"_s);
    if (repoURL.isEmpty())
        return StepOutcome::error(PromotionSteps::tr("repoURL is missing"));
    GitNetworkOptions network;
    network.url = repoURL;
    network.insecureSkipTLSVerify = run.config.value(u"insecureSkipTLSVerify"_s).toBool();
    network.cancelled = run.cancelled;
    StepOutcome outcome;
    const QVariantList checkouts = run.config.value(u"checkout"_s).toList();
    for (const QVariant &entry : checkouts) {
        const QVariantMap map = entry.toMap();
        QString error;
        const QString relative = text(map, u"path"_s);
        const QString path = PromotionSteps::resolve(run.workspace, relative, &error);
        if (path.isEmpty())
            return StepOutcome::error(error);
        GitCheckoutRequest request;
        request.path = path;
        request.branch = text(map, u"branch"_s);
        request.commit = text(map, u"commit"_s);
        request.tag = text(map, u"tag"_s);
        request.create = map.value(u"create"_s).toBool();
        request.offline = run.offline;
        if (map.value(u"fromFreight"_s).toBool()) {
            // The commit of this repository in the freight being promoted.
            QString lookupError;
            const QVariant commit =
                run.context->lookupCommit(repoURL, map.value(u"fromOrigin"_s), &lookupError);
            if (!lookupError.isEmpty())
                return StepOutcome::error(lookupError);
            if (commit.typeId() != QMetaType::QVariantMap)
                return StepOutcome::error(
                    PromotionSteps::tr("the freight has no commit from %1").arg(repoURL));
            request.commit = commit.toMap().value(u"ID"_s).toString();
        }
        // Promotions into the same repository and branch take turns.
        if (!request.branch.isEmpty() && run.acquireLock &&
            !run.acquireLock(normalizeGitURL(repoURL) + u'#' + request.branch))
            return {StepStatus::Aborted, PromotionSteps::tr("cancelled"), {}, {}};
        GitError gitError;
        const std::optional<GitCheckout> made =
            GitWorkspace::checkout(request, run.cacheRoot, network, &gitError);
        if (!made)
            return StepOutcome::error(PromotionSteps::tr("%1: %2").arg(relative, gitError.message));
        WorkspaceCheckout checkout;
        checkout.path = relative;
        checkout.absolutePath = path;
        checkout.repoURL = GitRemote::redacted(repoURL);
        checkout.remoteURL = repoURL;
        checkout.insecureSkipTLSVerify = network.insecureSkipTLSVerify;
        checkout.branch = made->branch;
        checkout.baseCommit = made->commitId;
        checkout.fromCache = made->fromCache;
        checkout.cacheNote = made->warning;
        run.checkouts->append(checkout);
        const QString revision = !request.branch.isEmpty() ? u"branch "_s + request.branch
                                 : !request.tag.isEmpty()  ? u"tag "_s + request.tag
                                 : !request.commit.isEmpty()
                                     ? u"commit "_s + request.commit.left(12)
                                     : PromotionSteps::tr("the default branch");
        outcome.log.append(made->created
                               ? PromotionSteps::tr("%1: new branch %2").arg(relative, made->branch)
                               : PromotionSteps::tr("%1: %2 at %3")
                                     .arg(relative, revision, made->commitId.left(12)));
        if (made->fromCache)
            outcome.log.append(
                PromotionSteps::tr("%1: from the local cache (%2)").arg(relative, made->warning));
    }
    return outcome;
}

StepOutcome clear(StepRun &run)
{
    QString error;
    const WorkspaceCheckout *checkout = workingTree(run, &error);
    if (!checkout)
        return StepOutcome::error(error);
    GitError gitError;
    if (!GitWorkspace::clear(checkout->absolutePath, &gitError))
        return StepOutcome::error(gitError.message);
    return {};
}

StepOutcome commit(StepRun &run)
{
    QString error;
    WorkspaceCheckout *checkout = workingTree(run, &error);
    if (!checkout)
        return StepOutcome::error(error);
    const QString message = text(run.config, u"message"_s);
    if (message.trimmed().isEmpty())
        return StepOutcome::error(PromotionSteps::tr("the commit message is empty"));
    StepOutcome outcome;
    std::optional<GitIdentity> identity = identityFor(checkout->absolutePath, &error);
    const QVariantMap author = run.config.value(u"author"_s).toMap();
    if (!text(author, u"name"_s).isEmpty() && !text(author, u"email"_s).isEmpty())
        identity = GitIdentity{text(author, u"name"_s), text(author, u"email"_s), {}};
    if (!identity) {
        if (!run.dryRun)
            return StepOutcome::error(error);
        // A dry run still shows the change; the real promotion will stop here.
        outcome.log.append(PromotionSteps::tr("%1; a real promotion stops here").arg(error));
        identity = GitIdentity{u"Stevedore dry run"_s, u"dry-run@stevedore.invalid"_s, {}};
    }
    const std::optional<GitSigning> signing =
        GitPublisher::signingConfig(checkout->absolutePath, &error);
    if (!signing && !error.isEmpty())
        return StepOutcome::error(error);
    identity->when = QDateTime::currentDateTime();
    GitError gitError;
    const std::optional<GitWorkspaceCommit> made = GitWorkspace::commitAll(
        checkout->absolutePath, message, *identity, *identity,
        signing ? GitPublisher::signer(*signing) : CommitSigner(), &gitError);
    if (!made)
        return StepOutcome::error(gitError.message);
    outcome.outputs.insert(u"commit"_s, made->id);
    if (made->created) {
        checkout->commitMessages.append(message);
        outcome.log.append((signing ? PromotionSteps::tr("committed %1 as %2 <%3>, signed")
                                    : PromotionSteps::tr("committed %1 as %2 <%3>"))
                               .arg(made->id.left(12), identity->name, identity->email));
    } else {
        outcome.log.append(PromotionSteps::tr("nothing to commit"));
    }
    return outcome;
}

std::optional<GitIdentity> identityFor(const QString &path, QString *error)
{
    std::optional<GitIdentity> identity = GitWorkspace::userIdentity(path, error);
    if (!identity)
        *error = PromotionSteps::tr("%1: set your identity with git config --global user.name "
                                    "\"Your Name\" and git config --global user.email "
                                    "you@example.com")
                     .arg(*error);
    return identity;
}

StepOutcome push(StepRun &run)
{
    QString error;
    WorkspaceCheckout *checkout = workingTree(run, &error);
    if (!checkout)
        return StepOutcome::error(error);
    GitNetworkOptions network;
    network.url = checkout->remoteURL;
    network.insecureSkipTLSVerify = checkout->insecureSkipTLSVerify;
    network.cancelled = run.cancelled;
    StepOutcome outcome;
    GitError gitError;
    const QString tag = text(run.config, u"tag"_s);
    if (!tag.isEmpty()) {
        if (!GitPublisher::pushTag(checkout->absolutePath, network, tag, &gitError))
            return StepOutcome::error(gitError.message);
        run.landed->append({checkout->repoURL, QString(), QString(), tag});
        outcome.outputs.insert(u"tag"_s, tag);
        outcome.log.append(PromotionSteps::tr("pushed tag %1 to %2").arg(tag, checkout->repoURL));
        return outcome;
    }
    QString target = text(run.config, u"targetBranch"_s);
    if (run.config.value(u"generateTargetBranch"_s).toBool())
        target = u"kargo/promotion/"_s + run.promotionId;
    if (target.isEmpty())
        target = checkout->branch;
    if (target.isEmpty())
        return StepOutcome::error(
            PromotionSteps::tr("%1 is not on a branch: give targetBranch").arg(checkout->path));
    const std::optional<GitIdentity> identity = identityFor(checkout->absolutePath, &error);
    if (!identity)
        return StepOutcome::error(error);
    const std::optional<GitSigning> signing =
        GitPublisher::signingConfig(checkout->absolutePath, &error);
    if (!signing && !error.isEmpty())
        return StepOutcome::error(error);
    bool ok = false;
    int attempts = run.config.value(u"maxAttempts"_s).toInt(&ok);
    if (!ok || attempts < 1)
        attempts = 10;
    const std::optional<GitPushResult> pushed = GitPublisher::push(
        checkout->absolutePath, network, target, checkout->baseCommit, attempts, *identity,
        signing ? GitPublisher::signer(*signing) : CommitSigner(), &gitError);
    if (!pushed)
        return StepOutcome::error(PromotionSteps::tr("push to %1 (%2): %3")
                                      .arg(checkout->repoURL, target, gitError.message));
    run.landed->append({checkout->repoURL, target, pushed->commit, QString()});
    checkout->baseCommit = pushed->base;
    if (pushed->rebases > 0)
        checkout->commitMessages.append(
            PromotionSteps::tr("(rebased onto %1 before the push)").arg(pushed->base.left(12)));
    outcome.outputs.insert(u"branch"_s, target);
    outcome.outputs.insert(u"commit"_s, pushed->commit);
    outcome.log.append(pushed->rebases > 0
                           ? PromotionSteps::tr("pushed %1 to %2 (%3), rebased %n time(s) onto "
                                                "newer pushes",
                                                nullptr, pushed->rebases)
                                 .arg(pushed->commit.left(12), checkout->repoURL, target)
                           : PromotionSteps::tr("pushed %1 to %2 (%3)")
                                 .arg(pushed->commit.left(12), checkout->repoURL, target));
    return outcome;
}

StepOutcome tag(StepRun &run)
{
    QString error;
    WorkspaceCheckout *checkout = workingTree(run, &error);
    if (!checkout)
        return StepOutcome::error(error);
    const QString name = text(run.config, u"tag"_s);
    if (name.isEmpty())
        return StepOutcome::error(PromotionSteps::tr("tag is missing"));
    std::optional<GitIdentity> identity = identityFor(checkout->absolutePath, &error);
    const QVariantMap tagger = run.config.value(u"tagger"_s).toMap();
    if (!text(tagger, u"name"_s).isEmpty() && !text(tagger, u"email"_s).isEmpty())
        identity = GitIdentity{text(tagger, u"name"_s), text(tagger, u"email"_s), {}};
    if (!identity)
        return StepOutcome::error(error);
    identity->when = QDateTime::currentDateTime();
    GitError gitError;
    const std::optional<QString> target =
        GitPublisher::tag(checkout->absolutePath, name, text(run.config, u"message"_s), *identity,
                          run.config.value(u"force"_s).toBool(), {}, &gitError);
    if (!target)
        return StepOutcome::error(gitError.message);
    StepOutcome outcome;
    outcome.outputs.insert(u"tag"_s, name);
    outcome.outputs.insert(u"commit"_s, *target);
    return outcome;
}

std::optional<RepositoryChange> change(const WorkspaceCheckout &checkout, QString *error)
{
    GitError gitError;
    const std::optional<GitWorkspaceDiff> diff =
        GitWorkspace::diff(checkout.absolutePath, checkout.baseCommit, &gitError);
    if (!diff) {
        *error = gitError.message;
        return std::nullopt;
    }
    RepositoryChange change;
    change.path = checkout.path;
    change.repoURL = checkout.repoURL;
    change.branch = checkout.branch;
    change.baseCommit = checkout.baseCommit;
    change.diff = diff->patch;
    change.treeId = diff->treeId;
    change.commitMessages = checkout.commitMessages;
    change.fromCache = checkout.fromCache;
    change.cacheNote = checkout.cacheNote;
    for (const GitFileChange &file : diff->files) {
        FileChange entry;
        entry.path = file.path;
        entry.kind = file.status == GitFileChange::Status::Added     ? FileChange::Kind::Added
                     : file.status == GitFileChange::Status::Deleted ? FileChange::Kind::Deleted
                                                                     : FileChange::Kind::Modified;
        entry.additions = file.additions;
        entry.deletions = file.deletions;
        entry.binary = file.binary;
        change.files.append(entry);
    }
    return change;
}

} // namespace Stevedore::GitSteps
