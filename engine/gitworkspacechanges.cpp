#include "engine/gitutil_p.h"
#include "engine/gitworkspace.h"

#include <QFile>

#include <git2.h>

// What a working tree amounts to: its tree, its diff against a base commit, and a commit of it.

namespace Stevedore {

namespace {

using namespace GitUtil;

/// Opens the working tree at @p path (not a bare repository).
bool openWorkspace(Repository &repository, const QString &path, GitError *error)
{
    ensureGitInitialized();
    if (failed(git_repository_open(&repository.ptr, QFile::encodeName(path).constData()),
               QStringLiteral("cannot open the working tree %1").arg(path), error))
        return false;
    if (git_repository_is_bare(repository.ptr)) {
        if (error)
            *error = {-1, QStringLiteral("%1 is a bare repository").arg(path)};
        return false;
    }
    return true;
}

/// Stages everything as `git add -A` does (new, changed and deleted files; ignored files only
/// when already tracked) in the workspace's index, and writes the tree it amounts to. The index
/// file is rewritten only when @p keepIndex.
std::optional<git_oid> stageAll(git_repository *repo, bool keepIndex, GitError *error)
{
    Index index;
    if (failed(git_repository_index(&index.ptr, repo), QStringLiteral("cannot read the index"),
               error) ||
        failed(git_index_add_all(index.ptr, nullptr, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr),
               QStringLiteral("cannot stage the working tree"), error) ||
        failed(git_index_update_all(index.ptr, nullptr, nullptr, nullptr),
               QStringLiteral("cannot stage the working tree"), error))
        return std::nullopt;
    if (keepIndex &&
        failed(git_index_write(index.ptr), QStringLiteral("cannot write the index"), error))
        return std::nullopt;
    git_oid tree;
    if (failed(git_index_write_tree(&tree, index.ptr), QStringLiteral("cannot write the tree"),
               error))
        return std::nullopt;
    return tree;
}

/// One file's patch as libgit2 prints it, made what git prints: git names the files on `---`
/// and `+++` lines only when there are hunks (not for an empty file added or deleted), and ends
/// a name with a space there with a tab.
QByteArray asGitPrintsIt(const QByteArray &text, size_t hunks, bool binary)
{
    if (binary)
        return text; // no `---`/`+++` lines either way
    const qsizetype headerEnd = hunks > 0 ? text.indexOf("\n@@") + 1 : text.size();
    if (headerEnd <= 0)
        return text;
    QByteArray result;
    result.reserve(text.size() + 2);
    qsizetype from = 0;
    while (from < headerEnd) {
        const qsizetype end = text.indexOf('\n', from);
        const qsizetype next = end < 0 ? headerEnd : end + 1;
        QByteArray line = text.mid(from, next - from);
        from = next;
        if (line.startsWith("--- ") || line.startsWith("+++ ")) {
            if (hunks == 0)
                continue;
            if (line.indexOf(' ', 4) >= 0 && line.endsWith('\n'))
                line.insert(line.size() - 1, '\t');
        }
        result += line;
    }
    result += text.mid(headerEnd);
    return result;
}

GitFileChange::Status statusOf(git_delta_t status)
{
    switch (status) {
    case GIT_DELTA_ADDED:
        return GitFileChange::Status::Added;
    case GIT_DELTA_DELETED:
        return GitFileChange::Status::Deleted;
    default:
        return GitFileChange::Status::Modified;
    }
}

} // namespace

std::optional<QString> GitWorkspace::treeId(const QString &path, GitError *error)
{
    Repository repository;
    if (!openWorkspace(repository, path, error))
        return std::nullopt;
    const auto tree = stageAll(repository.ptr, false, error);
    if (!tree)
        return std::nullopt;
    return hex(&*tree);
}

std::optional<GitWorkspaceDiff> GitWorkspace::diff(const QString &path, const QString &baseCommit,
                                                   GitError *error)
{
    Repository repository;
    if (!openWorkspace(repository, path, error))
        return std::nullopt;
    git_repository *repo = repository.ptr;
    const auto treeOid = stageAll(repo, false, error);
    if (!treeOid)
        return std::nullopt;

    Tree base;
    if (!baseCommit.isEmpty()) {
        git_oid oid;
        Commit commit;
        if (failed(git_oid_fromstr(&oid, baseCommit.toLatin1().constData()),
                   QStringLiteral("invalid commit id %1").arg(baseCommit), error) ||
            failed(git_commit_lookup(&commit.ptr, repo, &oid),
                   QStringLiteral("cannot read commit %1").arg(baseCommit), error) ||
            failed(git_commit_tree(&base.ptr, commit.ptr),
                   QStringLiteral("cannot read the tree of %1").arg(baseCommit), error))
            return std::nullopt;
    }
    Tree now;
    if (failed(git_tree_lookup(&now.ptr, repo, &*treeOid), QStringLiteral("cannot read the tree"),
               error))
        return std::nullopt;

    // As `git diff --binary --no-renames`: no rename detection (libgit2 only finds renames when
    // asked), binary files as patches `git apply` can apply.
    git_diff_options options = GIT_DIFF_OPTIONS_INIT;
    options.flags = GIT_DIFF_SHOW_BINARY;
    Diff diff;
    if (failed(git_diff_tree_to_tree(&diff.ptr, repo, base.ptr, now.ptr, &options),
               QStringLiteral("cannot compare the trees"), error))
        return std::nullopt;

    GitWorkspaceDiff result;
    result.treeId = hex(&*treeOid);
    const size_t count = git_diff_num_deltas(diff.ptr);
    for (size_t i = 0; i < count; ++i) {
        Patch patch;
        if (failed(git_patch_from_diff(&patch.ptr, diff.ptr, i),
                   QStringLiteral("cannot compute the diff"), error))
            return std::nullopt;
        const git_diff_delta *delta = git_patch_get_delta(patch.ptr);
        GitFileChange file;
        file.path = QString::fromUtf8(delta->status == GIT_DELTA_DELETED ? delta->old_file.path
                                                                         : delta->new_file.path);
        file.status = statusOf(delta->status);
        file.binary = delta->flags & GIT_DIFF_FLAG_BINARY;
        size_t additions = 0;
        size_t deletions = 0;
        Buffer text;
        if (failed(git_patch_line_stats(nullptr, &additions, &deletions, patch.ptr),
                   QStringLiteral("cannot count the changed lines"), error) ||
            failed(git_patch_to_buf(&text.buf, patch.ptr), QStringLiteral("cannot print the diff"),
                   error))
            return std::nullopt;
        file.additions = int(additions);
        file.deletions = int(deletions);
        file.patch = asGitPrintsIt(text.bytes(), git_patch_num_hunks(patch.ptr), file.binary);
        result.patch += file.patch;
        result.files.append(file);
    }
    return result;
}

std::optional<GitWorkspaceCommit>
GitWorkspace::commitAll(const QString &path, const QString &message, const GitIdentity &author,
                        const GitIdentity &committer, const CommitSigner &signer, GitError *error)
{
    Repository repository;
    if (!openWorkspace(repository, path, error))
        return std::nullopt;
    git_repository *repo = repository.ptr;
    // The index is kept, as `git add -A` leaves it: the files now match it.
    const auto treeOid = stageAll(repo, true, error);
    if (!treeOid)
        return std::nullopt;
    Tree tree;
    if (failed(git_tree_lookup(&tree.ptr, repo, &*treeOid), QStringLiteral("cannot read the tree"),
               error))
        return std::nullopt;

    Commit parent;
    git_oid headOid;
    const int head = git_reference_name_to_id(&headOid, repo, "HEAD");
    if (head < 0 && head != GIT_ENOTFOUND && head != GIT_EUNBORNBRANCH) {
        failed(head, QStringLiteral("cannot read HEAD"), error);
        return std::nullopt;
    }
    if (head == 0 && failed(git_commit_lookup(&parent.ptr, repo, &headOid),
                            QStringLiteral("cannot read the HEAD commit"), error))
        return std::nullopt;
    // Nothing changed: Kargo's git-commit makes no commit and reports the branch's head.
    if (parent.ptr ? git_oid_equal(git_commit_tree_id(parent.ptr), &*treeOid)
                   : git_tree_entrycount(tree.ptr) == 0)
        return GitWorkspaceCommit{parent.ptr ? hex(&headOid) : QString(), false};

    // `git commit -m` cleans the message up the same way (whitespace, not comments).
    Buffer cleaned;
    if (failed(git_message_prettify(&cleaned.buf, message.toUtf8().constData(), 0, '#'),
               QStringLiteral("invalid commit message"), error))
        return std::nullopt;
    if (cleaned.buf.size == 0) {
        if (error)
            *error = {-1, QStringLiteral("the commit message is empty")};
        return std::nullopt;
    }
    const std::optional<git_oid> commitOid = createCommit(repo, author, committer, cleaned.bytes(),
                                                          tree.ptr, {parent.ptr}, signer, error);
    if (!commitOid)
        return std::nullopt;
    return GitWorkspaceCommit{hex(&*commitOid), true};
}

std::optional<GitIdentity> GitWorkspace::userIdentity(const QString &repoPath, QString *error)
{
    ensureGitInitialized();
    // A snapshot: values read from a live configuration may change under us.
    Config snapshot;
    Repository repository;
    int code = -1;
    if (!repoPath.isEmpty() &&
        git_repository_open(&repository.ptr, QFile::encodeName(repoPath).constData()) == 0)
        code = git_repository_config_snapshot(&snapshot.ptr, repository.ptr);
    if (code < 0) {
        Config live;
        code = git_config_open_default(&live.ptr);
        if (code == 0)
            code = git_config_snapshot(&snapshot.ptr, live.ptr);
    }
    if (code < 0) {
        if (error)
            *error =
                libgit2Error(code, QStringLiteral("cannot read the git configuration")).message;
        return std::nullopt;
    }
    const auto read = [&](const char *name) {
        const char *value = nullptr;
        return git_config_get_string(&value, snapshot.ptr, name) == 0 && value
                   ? QString::fromUtf8(value).trimmed()
                   : QString();
    };
    GitIdentity identity{read("user.name"), read("user.email"), {}};
    if (identity.name.isEmpty() || identity.email.isEmpty()) {
        if (error)
            *error = QStringLiteral("git does not know who you are: set user.name and user.email "
                                    "(git config --global user.name \"Your Name\"; git config "
                                    "--global user.email you@example.com)");
        return std::nullopt;
    }
    return identity;
}

} // namespace Stevedore
