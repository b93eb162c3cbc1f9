#include "engine/gitpublish.h"

#include "engine/gitutil_p.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Stevedore {

using namespace GitUtil;

namespace GitUtil {

std::optional<git_oid> createCommit(git_repository *repo, const GitIdentity &author,
                                    const GitIdentity &committer, const QByteArray &message,
                                    git_tree *tree, const QList<const git_commit *> &parents,
                                    const CommitSigner &signer, GitError *error)
{
    Signature authorSignature;
    Signature committerSignature;
    if (!makeSignature(authorSignature, author, QStringLiteral("author"), error) ||
        !makeSignature(committerSignature, committer, QStringLiteral("committer"), error))
        return std::nullopt;
    std::vector<const git_commit *> list;
    for (const git_commit *parent : parents) {
        if (parent)
            list.push_back(parent);
    }
    // No encoding header: the message is UTF-8, git's default.
    Buffer buffer;
    if (failed(git_commit_create_buffer(&buffer.buf, repo, authorSignature.ptr,
                                        committerSignature.ptr, nullptr, message.constData(), tree,
                                        list.size(), list.data()),
               QStringLiteral("cannot commit"), error))
        return std::nullopt;
    QByteArray signature;
    if (signer) {
        QString problem;
        const std::optional<QByteArray> signed_ = signer(buffer.bytes(), &problem);
        if (!signed_) {
            if (error)
                *error = {-1, QStringLiteral("signing the commit failed: %1").arg(problem)};
            return std::nullopt;
        }
        signature = *signed_;
    }
    git_oid oid;
    if (failed(git_commit_create_with_signature(
                   &oid, repo, buffer.bytes().constData(),
                   signature.isEmpty() ? nullptr : signature.constData(), nullptr),
               QStringLiteral("cannot commit"), error))
        return std::nullopt;
    // Move HEAD's branch (or HEAD itself when it is detached) to the new commit.
    Reference head;
    if (git_reference_lookup(&head.ptr, repo, "HEAD") == 0 &&
        git_reference_type(head.ptr) == GIT_REFERENCE_SYMBOLIC) {
        Reference updated;
        if (failed(git_reference_create(&updated.ptr, repo, git_reference_symbolic_target(head.ptr),
                                        &oid, 1, "commit"),
                   QStringLiteral("cannot move the branch"), error))
            return std::nullopt;
    } else if (failed(git_repository_set_head_detached(repo, &oid),
                      QStringLiteral("cannot move HEAD"), error)) {
        return std::nullopt;
    }
    return oid;
}

} // namespace GitUtil

namespace {

bool openWorkingTree(Repository &repository, const QString &path, GitError *error)
{
    ensureGitInitialized();
    return !failed(git_repository_open(&repository.ptr, QFile::encodeName(path).constData()),
                   QStringLiteral("cannot open the working tree %1").arg(path), error);
}

QString configString(git_config *config, const char *name)
{
    Buffer value;
    if (git_config_get_string_buf(&value.buf, config, name) < 0)
        return {};
    return QString::fromUtf8(value.bytes());
}

/// Runs @p program with @p arguments, feeding @p input; its stdout, or nullopt with @p error
/// saying what it printed on stderr.
std::optional<QByteArray> runSigner(const QString &program, const QStringList &arguments,
                                    const QByteArray &input, QString *error)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000)) {
        *error = GitPublisher::tr("cannot run %1: %2").arg(program, process.errorString());
        return std::nullopt;
    }
    process.write(input);
    process.closeWriteChannel();
    // A passphrase prompt (pinentry) may take a while.
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        *error = GitPublisher::tr("%1 did not finish").arg(program);
        return std::nullopt;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString stderrText = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
        *error = GitPublisher::tr("%1 failed: %2")
                     .arg(program, stderrText.isEmpty()
                                       ? GitPublisher::tr("exit code %1").arg(process.exitCode())
                                       : stderrText);
        return std::nullopt;
    }
    return process.readAllStandardOutput();
}

/// The commits of HEAD that @p base lacks, oldest first.
std::optional<QList<git_oid>> commitsSince(git_repository *repo, const QString &base,
                                           GitError *error)
{
    GitHandle<git_revwalk, git_revwalk_free> walk;
    if (failed(git_revwalk_new(&walk.ptr, repo), QStringLiteral("cannot walk the history"), error))
        return std::nullopt;
    git_revwalk_sorting(walk.ptr, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    if (failed(git_revwalk_push_head(walk.ptr), QStringLiteral("cannot walk the history"), error))
        return std::nullopt;
    git_oid baseOid;
    if (!base.isEmpty() && git_oid_fromstr(&baseOid, base.toLatin1().constData()) == 0 &&
        failed(git_revwalk_hide(walk.ptr, &baseOid), QStringLiteral("cannot walk the history"),
               error))
        return std::nullopt;
    QList<git_oid> commits;
    git_oid oid;
    while (git_revwalk_next(&oid, walk.ptr) == 0)
        commits.append(oid);
    return commits;
}

GitIdentity identityOf(const git_signature *signature)
{
    return {QString::fromUtf8(signature->name), QString::fromUtf8(signature->email),
            QDateTime::fromSecsSinceEpoch(signature->when.time, Qt::OffsetFromUTC,
                                          signature->when.offset * 60)};
}

/// Replays @p commits onto @p onto, as `git rebase` does, then points HEAD's branch at the
/// result and checks it out. A conflict stops it with the files named; nothing is moved then.
bool replay(git_repository *repo, const QList<git_oid> &commits, const git_oid &onto,
            const GitIdentity &committer, const CommitSigner &signer, GitError *error)
{
    git_oid tip = onto;
    for (const git_oid &oid : commits) {
        Commit commit;
        Commit base;
        if (failed(git_commit_lookup(&commit.ptr, repo, &oid),
                   QStringLiteral("cannot read a commit"), error) ||
            failed(git_commit_lookup(&base.ptr, repo, &tip), QStringLiteral("cannot read a commit"),
                   error))
            return false;
        Index index;
        git_merge_options options = GIT_MERGE_OPTIONS_INIT;
        if (failed(git_cherrypick_commit(&index.ptr, repo, commit.ptr, base.ptr, 0, &options),
                   QStringLiteral("cannot replay %1").arg(hex(&oid).left(12)), error))
            return false;
        if (git_index_has_conflicts(index.ptr)) {
            QStringList files;
            GitHandle<git_index_conflict_iterator, git_index_conflict_iterator_free> conflicts;
            git_index_conflict_iterator_new(&conflicts.ptr, index.ptr);
            const git_index_entry *ancestor = nullptr;
            const git_index_entry *ours = nullptr;
            const git_index_entry *theirs = nullptr;
            while (git_index_conflict_next(&ancestor, &ours, &theirs, conflicts.ptr) == 0) {
                const git_index_entry *entry = ours ? ours : theirs ? theirs : ancestor;
                if (entry)
                    files.append(QString::fromUtf8(entry->path));
            }
            files.removeDuplicates();
            if (error)
                *error = {GIT_ECONFLICT,
                          GitPublisher::tr("someone else pushed a change to %1 meanwhile that "
                                           "conflicts with this promotion's")
                              .arg(files.join(u", "_s))};
            return false;
        }
        git_oid treeOid;
        Tree tree;
        if (failed(git_index_write_tree_to(&treeOid, index.ptr, repo),
                   QStringLiteral("cannot write a tree"), error) ||
            failed(git_tree_lookup(&tree.ptr, repo, &treeOid), QStringLiteral("cannot read a tree"),
                   error))
            return false;
        // Detached while replaying, so the branch moves only once everything replayed.
        if (failed(git_repository_set_head_detached(repo, &tip), QStringLiteral("cannot move HEAD"),
                   error))
            return false;
        GitIdentity now = committer;
        now.when = QDateTime::currentDateTime();
        const std::optional<git_oid> made = createCommit(
            repo, identityOf(git_commit_author(commit.ptr)), now,
            QByteArray(git_commit_message_raw(commit.ptr)), tree.ptr, {base.ptr}, signer, error);
        if (!made)
            return false;
        tip = *made;
    }
    return true;
}

} // namespace

std::optional<GitSigning> GitPublisher::signingConfig(const QString &path, QString *error)
{
    Repository repository;
    GitError gitError;
    if (!openWorkingTree(repository, path, &gitError)) {
        *error = gitError.message;
        return std::nullopt;
    }
    Config config;
    if (git_repository_config_snapshot(&config.ptr, repository.ptr) < 0) {
        *error = tr("cannot read the git configuration");
        return std::nullopt;
    }
    int sign = 0;
    if (git_config_get_bool(&sign, config.ptr, "commit.gpgsign") < 0 || !sign) {
        error->clear();
        return std::nullopt;
    }
    GitSigning signing;
    const QString format = configString(config.ptr, "gpg.format");
    if (format == u"ssh") {
        signing.format = GitSigning::Format::Ssh;
        signing.program = configString(config.ptr, "gpg.ssh.program");
        if (signing.program.isEmpty())
            signing.program = u"ssh-keygen"_s;
    } else if (format == u"x509") {
        signing.format = GitSigning::Format::X509;
        signing.program = configString(config.ptr, "gpg.x509.program");
        if (signing.program.isEmpty())
            signing.program = u"gpgsm"_s;
    } else {
        signing.program = configString(config.ptr, "gpg.openpgp.program");
        if (signing.program.isEmpty())
            signing.program = configString(config.ptr, "gpg.program");
        if (signing.program.isEmpty())
            signing.program = u"gpg"_s;
    }
    signing.key = configString(config.ptr, "user.signingkey");
    if (signing.key.isEmpty() && signing.format == GitSigning::Format::Ssh) {
        *error = tr("commit.gpgsign is on with gpg.format ssh, but user.signingkey is not set");
        return std::nullopt;
    }
    if (signing.key.startsWith(u"~/"))
        signing.key = QDir::homePath() + signing.key.mid(1);
    error->clear();
    return signing;
}

std::optional<QByteArray> GitPublisher::sign(const GitSigning &signing, const QByteArray &payload,
                                             QString *error)
{
    if (signing.format != GitSigning::Format::Ssh) {
        // gpg and gpgsm as git runs them: a detached, armored signature on stdout.
        QStringList arguments{u"--status-fd=2"_s, u"-bsa"_s};
        if (!signing.key.isEmpty())
            arguments << u"-u"_s << signing.key;
        return runSigner(signing.program, arguments, payload, error);
    }
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        *error = tr("cannot create a temporary folder for ssh-keygen");
        return std::nullopt;
    }
    QString keyFile = signing.key;
    if (keyFile.startsWith(u"key::") || keyFile.startsWith(u"ssh-")) {
        // A literal public key: the private half is in the agent.
        keyFile = scratch.filePath(u"key.pub"_s);
        QFile file(keyFile);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = tr("cannot write the signing key for ssh-keygen");
            return std::nullopt;
        }
        file.write(signing.key.mid(signing.key.startsWith(u"key::") ? 5 : 0).toUtf8() + '\n');
    }
    const QString payloadFile = scratch.filePath(u"payload"_s);
    {
        QFile file(payloadFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(payload) != payload.size()) {
            *error = tr("cannot write the commit for ssh-keygen");
            return std::nullopt;
        }
    }
    if (!runSigner(signing.program,
                   {u"-Y"_s, u"sign"_s, u"-n"_s, u"git"_s, u"-f"_s, keyFile, payloadFile}, {},
                   error))
        return std::nullopt;
    QFile signature(payloadFile + u".sig"_s);
    if (!signature.open(QIODevice::ReadOnly)) {
        *error = tr("%1 wrote no signature").arg(signing.program);
        return std::nullopt;
    }
    return signature.readAll();
}

CommitSigner GitPublisher::signer(const GitSigning &signing)
{
    return [signing](const QByteArray &payload, QString *error) {
        return sign(signing, payload, error);
    };
}

std::optional<GitPushResult>
GitPublisher::push(const QString &path, const GitNetworkOptions &network,
                   const QString &targetBranch, const QString &baseCommit, int maxAttempts,
                   const GitIdentity &committer, const CommitSigner &signer, GitError *error)
{
    std::optional<GitRepository> workspace = GitRepository::open(path, error);
    if (!workspace)
        return std::nullopt;
    git_repository *repo = workspace->handle();
    const QString pushRef = u"refs/stevedore/push"_s;
    const QString remoteRef = u"refs/heads/"_s + targetBranch;
    const QString trackingRef = u"refs/remotes/origin/"_s + targetBranch;
    QString base = baseCommit;
    GitPushResult result;
    result.branch = targetBranch;
    for (int attempt = 1; attempt <= std::max(1, maxAttempts); ++attempt) {
        result.attempts = attempt;
        git_oid head;
        if (failed(git_reference_name_to_id(&head, repo, "HEAD"),
                   QStringLiteral("there is nothing to push"), error))
            return std::nullopt;
        Reference ref;
        if (failed(git_reference_create(&ref.ptr, repo, pushRef.toUtf8().constData(), &head, 1,
                                        "push"),
                   QStringLiteral("cannot prepare the push"), error))
            return std::nullopt;
        QHash<QString, QString> rejected;
        if (GitRemote::push(*workspace, network, {pushRef + u':' + remoteRef}, &rejected, error)) {
            result.commit = hex(&head);
            result.base = base;
            return result;
        }
        if (rejected.isEmpty())
            return std::nullopt; // could not talk to the remote at all
        if (attempt == maxAttempts) {
            *error = {-1, tr("the remote refused the push %1 times (%2)")
                              .arg(attempt)
                              .arg(rejected.value(remoteRef))};
            return std::nullopt;
        }
        // Someone pushed first: replay our commits on top of theirs.
        if (!GitRemote::fetch(*workspace, network, {u"+%1:%2"_s.arg(remoteRef, trackingRef)},
                              error))
            return std::nullopt;
        git_oid theirs;
        if (failed(git_reference_name_to_id(&theirs, repo, trackingRef.toUtf8().constData()),
                   QStringLiteral("cannot read the remote branch"), error))
            return std::nullopt;
        const std::optional<QList<git_oid>> ours = commitsSince(repo, base, error);
        if (!ours)
            return std::nullopt;
        Reference headRef;
        const bool onBranch = git_reference_lookup(&headRef.ptr, repo, "HEAD") == 0 &&
                              git_reference_type(headRef.ptr) == GIT_REFERENCE_SYMBOLIC;
        const QByteArray branchName =
            onBranch ? QByteArray(git_reference_symbolic_target(headRef.ptr)) : QByteArray();
        if (!replay(repo, *ours, theirs, committer, signer, error)) {
            // Leave HEAD where it was.
            if (onBranch)
                git_repository_set_head(repo, branchName.constData());
            else
                git_repository_set_head_detached(repo, &head);
            return std::nullopt;
        }
        git_oid replayed;
        git_reference_name_to_id(&replayed, repo, "HEAD");
        if (onBranch) {
            Reference moved;
            if (failed(git_reference_create(&moved.ptr, repo, branchName.constData(), &replayed, 1,
                                            "rebase"),
                       QStringLiteral("cannot move the branch"), error) ||
                failed(git_repository_set_head(repo, branchName.constData()),
                       QStringLiteral("cannot move HEAD"), error))
                return std::nullopt;
        }
        Object object;
        git_object_lookup(&object.ptr, repo, &replayed, GIT_OBJECT_COMMIT);
        git_checkout_options checkout = GIT_CHECKOUT_OPTIONS_INIT;
        checkout.checkout_strategy = GIT_CHECKOUT_FORCE;
        if (failed(git_checkout_tree(repo, object.ptr, &checkout),
                   QStringLiteral("cannot check out the rebased commits"), error))
            return std::nullopt;
        base = hex(&theirs);
        ++result.rebases;
    }
    return std::nullopt;
}

bool GitPublisher::pushTag(const QString &path, const GitNetworkOptions &network,
                           const QString &tag, GitError *error)
{
    std::optional<GitRepository> workspace = GitRepository::open(path, error);
    if (!workspace)
        return false;
    const QString ref = u"refs/tags/"_s + tag;
    QHash<QString, QString> rejected;
    if (GitRemote::push(*workspace, network, {ref + u':' + ref}, &rejected, error))
        return true;
    if (!rejected.isEmpty())
        *error = {-1, tr("the remote refused tag %1: %2").arg(tag, rejected.value(ref))};
    return false;
}

std::optional<QString> GitPublisher::tag(const QString &path, const QString &name,
                                         const QString &message, const GitIdentity &tagger,
                                         bool force, const CommitSigner &signer, GitError *error)
{
    Repository repository;
    if (!openWorkingTree(repository, path, error))
        return std::nullopt;
    git_repository *repo = repository.ptr;
    Object head;
    if (failed(git_revparse_single(&head.ptr, repo, "HEAD^{commit}"),
               QStringLiteral("there is no commit to tag"), error))
        return std::nullopt;
    const QString target = hex(git_object_id(head.ptr));
    git_oid oid;
    if (message.isEmpty()) {
        if (failed(git_tag_create_lightweight(&oid, repo, name.toUtf8().constData(), head.ptr,
                                              force ? 1 : 0),
                   QStringLiteral("cannot create tag %1").arg(name), error))
            return std::nullopt;
        return target;
    }
    Signature signature;
    if (!makeSignature(signature, tagger, QStringLiteral("tagger"), error))
        return std::nullopt;
    QByteArray text = message.toUtf8();
    if (!text.endsWith('\n'))
        text += '\n';
    if (!signer) {
        if (failed(git_tag_create(&oid, repo, name.toUtf8().constData(), head.ptr, signature.ptr,
                                  text.constData(), force ? 1 : 0),
                   QStringLiteral("cannot create tag %1").arg(name), error))
            return std::nullopt;
        return target;
    }
    // A signed tag: the tag object's text with the signature appended, as git writes it.
    QByteArray object = "object " + target.toLatin1() + "\ntype commit\ntag " + name.toUtf8() +
                        "\ntagger " + tagger.name.toUtf8() + " <" + tagger.email.toUtf8() + "> " +
                        QByteArray::number(signature.ptr->when.time) + ' ';
    const int offset = signature.ptr->when.offset;
    object +=
        (offset < 0 ? '-' : '+') +
        QString::asprintf("%02d%02d", std::abs(offset) / 60, std::abs(offset) % 60).toLatin1() +
        "\n\n" + text;
    QString problem;
    const std::optional<QByteArray> signed_ = signer(object, &problem);
    if (!signed_) {
        *error = {-1, tr("signing tag %1 failed: %2").arg(name, problem)};
        return std::nullopt;
    }
    if (failed(git_tag_create_from_buffer(&oid, repo, QByteArray(object + *signed_).constData(),
                                          force ? 1 : 0),
               QStringLiteral("cannot create tag %1").arg(name), error))
        return std::nullopt;
    return target;
}

} // namespace Stevedore
