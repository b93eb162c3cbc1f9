#include "engine/gitremote.h"

#include "engine/gitcredentialhelper.h"
#include "engine/keychain.h"
#include "engine/knownhosts.h"
#include "engine/urlnormalization.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <git2.h>

namespace Stevedore {

namespace {

/// What the callbacks of one operation share: the options, what was tried, and a message of
/// ours to report instead of libgit2's when we refused something ourselves.
struct CallbackState
{
    const GitNetworkOptions *options = nullptr;
    QHash<QString, QString> rejected; ///< by a push: ref -> the server's reason
    int sshAttempt = 0;
    int passwordAttempt = 0;
    QStringList triedKeys;
    QString refusal;
};

struct RemoteEndpoint
{
    QString scheme;
    QString host;
    int port = -1;
};

/// Scheme, host and port of a git URL, scp-style (`user@host:path`) included.
RemoteEndpoint endpoint(const QString &url)
{
    static const QRegularExpression scp(QStringLiteral("^(?:[^@/]+@)?([^:/]+):(?!//)"));
    if (!url.contains(u"://")) {
        if (const auto match = scp.match(url); match.hasMatch())
            return {QStringLiteral("ssh"), match.captured(1), 22};
    }
    const QUrl parsed(url);
    return {parsed.scheme(), parsed.host(), parsed.port(defaultPort(parsed.scheme()))};
}

QString hostKeyType(git_cert_ssh_raw_type_t type)
{
    switch (type) {
    case GIT_CERT_SSH_RAW_TYPE_RSA:
        return QStringLiteral("ssh-rsa");
    case GIT_CERT_SSH_RAW_TYPE_DSS:
        return QStringLiteral("ssh-dss");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_256:
        return QStringLiteral("ecdsa-sha2-nistp256");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_384:
        return QStringLiteral("ecdsa-sha2-nistp384");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ECDSA_521:
        return QStringLiteral("ecdsa-sha2-nistp521");
    case GIT_CERT_SSH_RAW_TYPE_KEY_ED25519:
        return QStringLiteral("ssh-ed25519");
    case GIT_CERT_SSH_RAW_TYPE_UNKNOWN:
        break;
    }
    return {};
}

bool isCancelled(const CallbackState *state)
{
    return state->options->cancelled && state->options->cancelled->load();
}

int checkCertificate(git_cert *cert, int valid, const char *, void *payload)
{
    auto *state = static_cast<CallbackState *>(payload);
    if (isCancelled(state))
        return GIT_EUSER;
    if (cert->cert_type == GIT_CERT_HOSTKEY_LIBSSH2) {
        // libgit2 1.5 cannot tell an unknown host from a changed key: decide ourselves.
        const auto *hostkey = reinterpret_cast<const git_cert_hostkey *>(cert);
        if (!(hostkey->type & GIT_CERT_SSH_RAW)) {
            state->refusal = QStringLiteral("the SSH server's host key could not be read");
            return GIT_ECERTIFICATE;
        }
        const RemoteEndpoint remote = endpoint(state->options->url);
        const QByteArray blob(hostkey->hostkey, qsizetype(hostkey->hostkey_len));
        const KnownHosts knownHosts;
        const KnownHosts::Result result =
            knownHosts.check(remote.host, remote.port, hostKeyType(hostkey->raw_type), blob);
        if (result.verdict == KnownHosts::Verdict::Known)
            return 0;
        state->refusal = result.message;
        return GIT_ECERTIFICATE;
    }
    if (state->options->insecureSkipTLSVerify)
        return 0;
    return valid ? 0 : GIT_PASSTHROUGH;
}

QStringList defaultKeyFiles()
{
    const QString ssh = QDir::homePath() + QStringLiteral("/.ssh/");
    QStringList files;
    for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"}) {
        const QString path = ssh + QLatin1String(name);
        if (QFileInfo::exists(path))
            files.append(path);
    }
    return files;
}

int acquireCredential(git_credential **out, const char *url, const char *usernameFromUrl,
                      unsigned int allowed, void *payload)
{
    auto *state = static_cast<CallbackState *>(payload);
    if (isCancelled(state))
        return GIT_EUSER;
    const QString userFromUrl = usernameFromUrl ? QString::fromUtf8(usernameFromUrl) : QString();
    const QString username =
        userFromUrl.isEmpty() ? qEnvironmentVariable("USER", QStringLiteral("git")) : userFromUrl;

    if (allowed & GIT_CREDENTIAL_USERNAME)
        return git_credential_username_new(out, username.toUtf8().constData());

    if (allowed & GIT_CREDENTIAL_SSH_KEY) {
        const int attempt = state->sshAttempt++;
        const bool agent = !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
        if (agent && attempt == 0) {
            state->triedKeys.append(QStringLiteral("the ssh-agent"));
            return git_credential_ssh_key_from_agent(out, username.toUtf8().constData());
        }
        const QStringList keys = defaultKeyFiles();
        const int index = attempt - (agent ? 1 : 0);
        if (index >= 0 && index < keys.size()) {
            const QString key = keys.at(index);
            state->triedKeys.append(key);
            const QString publicKey = key + QStringLiteral(".pub");
            return git_credential_ssh_key_new(
                out, username.toUtf8().constData(),
                QFileInfo::exists(publicKey) ? QFile::encodeName(publicKey).constData() : nullptr,
                QFile::encodeName(key).constData(), nullptr);
        }
        state->refusal =
            state->triedKeys.isEmpty()
                ? QStringLiteral("no SSH key to offer: start an ssh-agent with your key, or "
                                 "create ~/.ssh/id_ed25519")
                : QStringLiteral("the server accepted none of the SSH keys offered (%1)")
                      .arg(state->triedKeys.join(QStringLiteral(", ")));
        return GIT_EAUTH;
    }

    if (allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT) {
        const QUrl target(QString::fromUtf8(url));
        const int attempt = state->passwordAttempt++;
        QString error;
        if (attempt == 0) {
            if (const auto credential = GitCredentialHelper::fill(target, &error))
                return git_credential_userpass_plaintext_new(
                    out, credential->username.toUtf8().constData(),
                    credential->password.toUtf8().constData());
            ++state->passwordAttempt;
        }
        if (state->passwordAttempt <= 2) {
            state->passwordAttempt = 3;
            if (const auto credential = Keychain::readGitCredential(target, &error))
                return git_credential_userpass_plaintext_new(
                    out, credential->username.toUtf8().constData(),
                    credential->password.toUtf8().constData());
        }
        state->refusal = state->passwordAttempt > 3 || attempt > 0
                             ? QStringLiteral("the server refused the credentials (from your git "
                                              "credential helper or the keychain)")
                             : QStringLiteral("the server asks for a user name and password: "
                                              "store them with a git credential helper, or in "
                                              "the keychain (service \"stevedore\", account "
                                              "\"%1\")")
                                   .arg(Keychain::gitAccount(target));
        return GIT_EAUTH;
    }
    state->refusal = QStringLiteral("the server asks for a kind of authentication Stevedore does "
                                    "not support");
    return GIT_EAUTH;
}

int transferProgress(const git_indexer_progress *, void *payload)
{
    return isCancelled(static_cast<CallbackState *>(payload)) ? GIT_EUSER : 0;
}

int sidebandProgress(const char *, int, void *payload)
{
    return isCancelled(static_cast<CallbackState *>(payload)) ? GIT_EUSER : 0;
}

int pushTransferProgress(unsigned int, unsigned int, size_t, void *payload)
{
    return isCancelled(static_cast<CallbackState *>(payload)) ? GIT_EUSER : 0;
}

int pushUpdateReference(const char *refname, const char *status, void *payload)
{
    if (status)
        static_cast<CallbackState *>(payload)->rejected.insert(QString::fromUtf8(refname),
                                                               QString::fromUtf8(status));
    return 0;
}

git_remote_callbacks makeCallbacks(CallbackState *state)
{
    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    callbacks.push_transfer_progress = pushTransferProgress;
    callbacks.push_update_reference = pushUpdateReference;
    callbacks.credentials = acquireCredential;
    callbacks.certificate_check = checkCertificate;
    callbacks.transfer_progress = transferProgress;
    callbacks.sideband_progress = sidebandProgress;
    callbacks.payload = state;
    return callbacks;
}

/// The error of a failed call, preferring the reason we refused something ourselves. The
/// caller names the remote: messages carry only what went wrong.
GitError failure(int code, const CallbackState &state)
{
    if (state.options->cancelled && state.options->cancelled->load())
        return {code, QStringLiteral("cancelled")};
    if (!state.refusal.isEmpty())
        return {code, state.refusal};
    const git_error *error = git_error_last();
    return {code, error && error->message ? QString::fromUtf8(error->message)
                                          : QStringLiteral("unknown error")};
}

/// Refspecs as the git_strarray libgit2 takes, valid while this lives.
class Refspecs
{
public:
    explicit Refspecs(const QStringList &refspecs)
    {
        for (const QString &refspec : refspecs)
            m_specs.append(refspec.toUtf8());
        for (QByteArray &spec : m_specs)
            m_pointers.push_back(spec.data());
        m_array = {m_pointers.data(), m_pointers.size()};
    }
    const git_strarray *array() const { return &m_array; }

private:
    QList<QByteArray> m_specs;
    std::vector<char *> m_pointers;
    git_strarray m_array{};
};

struct RemoteDeleter
{
    void operator()(git_remote *remote) const { git_remote_free(remote); }
};
using RemotePtr = std::unique_ptr<git_remote, RemoteDeleter>;

RemotePtr anonymousRemote(GitRepository &repository, const QString &url, GitError *error)
{
    // An anonymous remote of the cache repository reads the user's git configuration, so
    // url.<base>.insteadOf rewrites apply as they would for git itself.
    git_remote *remote = nullptr;
    const int code =
        git_remote_create_anonymous(&remote, repository.handle(), url.toUtf8().constData());
    if (code < 0 && error) {
        const git_error *e = git_error_last();
        *error = {code, QStringLiteral("%1: %2").arg(GitRemote::redacted(url),
                                                     e && e->message ? QString::fromUtf8(e->message)
                                                                     : QString())};
    }
    return RemotePtr(code < 0 ? nullptr : remote);
}

} // namespace

QString GitRemote::redacted(const QString &url)
{
    if (!url.contains(u"://"))
        return url;
    QUrl parsed(url);
    if (!parsed.isValid() || parsed.password().isEmpty())
        return url;
    parsed.setPassword(QString());
    return parsed.toString();
}

bool GitRemote::push(GitRepository &repository, const GitNetworkOptions &options,
                     const QStringList &refspecs, QHash<QString, QString> *rejected,
                     GitError *error)
{
    CallbackState state;
    state.options = &options;
    RemotePtr remote = anonymousRemote(repository, options.url, error);
    if (!remote)
        return false;
    git_push_options pushOptions = GIT_PUSH_OPTIONS_INIT;
    pushOptions.callbacks = makeCallbacks(&state);
    Refspecs specs(refspecs);
    const int code = git_remote_push(remote.get(), specs.array(), &pushOptions);
    if (code == GIT_ENONFASTFORWARD) {
        // libgit2 saw for itself that the remote moved on: the same as the server refusing.
        for (const QString &refspec : refspecs)
            state.rejected.insert(refspec.section(u':', 1), QStringLiteral("non-fast-forward"));
    } else if (code < 0) {
        if (error)
            *error = failure(code, state);
        return false;
    }
    if (rejected)
        *rejected = state.rejected;
    if (!state.rejected.isEmpty()) {
        if (error)
            *error = {};
        return false;
    }
    return true;
}

std::optional<QList<GitRemoteRef>>
GitRemote::list(GitRepository &repository, const GitNetworkOptions &options, GitError *error)
{
    CallbackState state;
    state.options = &options;
    RemotePtr remote = anonymousRemote(repository, options.url, error);
    if (!remote)
        return std::nullopt;
    const git_remote_callbacks callbacks = makeCallbacks(&state);
    const int connected =
        git_remote_connect(remote.get(), GIT_DIRECTION_FETCH, &callbacks, nullptr, nullptr);
    if (connected < 0) {
        if (error)
            *error = failure(connected, state);
        return std::nullopt;
    }
    const git_remote_head **heads = nullptr;
    size_t count = 0;
    const int listed = git_remote_ls(&heads, &count, remote.get());
    if (listed < 0) {
        if (error)
            *error = failure(listed, state);
        return std::nullopt;
    }
    QList<GitRemoteRef> refs;
    char hex[GIT_OID_HEXSZ + 1];
    for (size_t i = 0; i < count; ++i) {
        QString name = QString::fromUtf8(heads[i]->name);
        git_oid_tostr(hex, sizeof hex, &heads[i]->oid);
        if (name.endsWith(u"^{}")) {
            // The commit an annotated tag points at, advertised right after the tag itself.
            name.chop(3);
            if (!refs.isEmpty() && refs.last().name == name)
                refs.last().peeled = QString::fromLatin1(hex);
            continue;
        }
        refs.append({name, QString::fromLatin1(hex), {}});
    }
    git_remote_disconnect(remote.get());
    return refs;
}

bool GitRemote::fetch(GitRepository &repository, const GitNetworkOptions &options,
                      const QStringList &refspecs, GitError *error)
{
    CallbackState state;
    state.options = &options;
    RemotePtr remote = anonymousRemote(repository, options.url, error);
    if (!remote)
        return false;
    git_fetch_options fetchOptions = GIT_FETCH_OPTIONS_INIT;
    fetchOptions.callbacks = makeCallbacks(&state);
    fetchOptions.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;
    fetchOptions.update_fetchhead = 0;
    Refspecs specs(refspecs);
    const int code = git_remote_fetch(remote.get(), specs.array(), &fetchOptions, nullptr);
    if (code < 0) {
        if (error)
            *error = failure(code, state);
        return false;
    }
    return true;
}

} // namespace Stevedore
