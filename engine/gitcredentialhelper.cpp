#include "engine/gitcredentialhelper.h"

#include "engine/urlnormalization.h"

#include <QDeadlineTimer>
#include <QProcess>

#include <signal.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// What `git credential` reads on stdin for @p url (and @p credential for approve/reject):
/// the same attributes git derives from a URL itself. nullopt when @p url cannot be described
/// (a newline or NUL in a value would let it inject attributes; git refuses those too).
std::optional<QByteArray> describe(const QUrl &url, const Credential *credential, QString *error)
{
    const QString scheme = url.scheme().toLower();
    QString host = url.host(QUrl::FullyEncoded);
    if (!url.isValid() || scheme.isEmpty() || host.isEmpty()) {
        *error = u"not a URL git can have credentials for: "_s +
                 url.toDisplayString(QUrl::RemoveUserInfo);
        return std::nullopt;
    }
    if (host.contains(u':'))
        host = u'[' + host + u']';
    if (const int port = url.port(); port != -1 && port != defaultPort(scheme))
        host += u':' + QString::number(port);
    QString path = url.path(QUrl::FullyDecoded);
    while (path.startsWith(u'/'))
        path.remove(0, 1);
    QString username = url.userName(QUrl::FullyDecoded);
    if (credential)
        username = credential->username;

    const QList<std::pair<QLatin1StringView, QString>> attributes = {
        {"protocol"_L1, scheme},
        {"host"_L1, host},
        {"path"_L1, path},
        {"username"_L1, username},
        {"password"_L1, credential ? credential->password : QString()},
    };
    QByteArray request;
    for (const auto &[key, value] : attributes) {
        if (value.isEmpty())
            continue;
        if (value.contains(u'\n') || value.contains(QChar(0))) {
            request.fill('\0');
            *error = u"the %1 of %2 contains a newline or NUL character"_s.arg(
                key, url.toDisplayString(QUrl::RemoveUserInfo));
            return std::nullopt;
        }
        request += QByteArray(key.data(), key.size()) + '=' + value.toUtf8() + '\n';
    }
    request += '\n';
    return request;
}

/// Runs `git credential <action>` with @p input on stdin and returns its stdout, or nullopt
/// (with @p error set) when git failed, could not run or took longer than @p timeout.
std::optional<QByteArray> runGitCredential(const QString &action, QByteArray input,
                                           const QProcessEnvironment &base,
                                           std::chrono::milliseconds timeout, QString *error)
{
    QProcessEnvironment environment =
        base.isEmpty() ? QProcessEnvironment::systemEnvironment() : base;
    environment.insert(u"GIT_TERMINAL_PROMPT"_s, u"0"_s);
    // Set but empty: git then skips core.askPass as well, and finds no program to run.
    environment.insert(u"GIT_ASKPASS"_s, QString());
    environment.insert(u"SSH_ASKPASS"_s, QString());
    environment.insert(u"SSH_ASKPASS_REQUIRE"_s, u"never"_s);
    environment.insert(u"GCM_INTERACTIVE"_s, u"never"_s);

    QProcess git;
    git.setProcessEnvironment(environment);
    git.setProgram(u"git"_s);
    git.setArguments({u"credential"_s, action});
    // A session of its own: no controlling terminal for git or a helper to prompt on, and one
    // process group to kill when the timeout hits (helpers are git's children).
    git.setChildProcessModifier([] { ::setsid(); });

    const QDeadlineTimer deadline(timeout);
    git.start();
    if (!git.waitForStarted(int(deadline.remainingTime()))) {
        input.fill('\0');
        *error = u"cannot run git: "_s + git.errorString();
        return std::nullopt;
    }
    git.write(input);
    input.fill('\0');
    git.closeWriteChannel();

    if (!git.waitForFinished(int(qMax<qint64>(deadline.remainingTime(), 0)))) {
        if (const qint64 pid = git.processId(); pid > 0)
            ::kill(-static_cast<pid_t>(pid), SIGKILL);
        git.kill();
        git.waitForFinished(2000);
        *error = u"git credential %1 did not answer within %2 s and was stopped"_s.arg(
            action, QString::number(double(timeout.count()) / 1000.0));
        return std::nullopt;
    }
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        const QString message = QString::fromUtf8(git.readAllStandardError()).trimmed();
        *error = u"git credential %1 failed (exit code %2)%3"_s.arg(
            action, QString::number(git.exitCode()),
            message.isEmpty() ? QString() : u": "_s + message);
        return std::nullopt;
    }
    return git.readAllStandardOutput();
}

bool report(const QString &action, const QUrl &url, const Credential &credential, QString *error,
            const QProcessEnvironment &environment, std::chrono::milliseconds timeout)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    message.clear();
    std::optional<QByteArray> request = describe(url, &credential, &message);
    if (!request)
        return false;
    return runGitCredential(action, std::move(*request), environment, timeout, &message)
        .has_value();
}

} // namespace

std::optional<Credential> GitCredentialHelper::fill(const QUrl &url, QString *error,
                                                    const QProcessEnvironment &environment,
                                                    std::chrono::milliseconds timeout)
{
    QString ignored;
    QString &message = error ? *error : ignored;
    message.clear();
    std::optional<QByteArray> request = describe(url, nullptr, &message);
    if (!request)
        return std::nullopt;
    std::optional<QByteArray> output =
        runGitCredential(u"fill"_s, std::move(*request), environment, timeout, &message);
    if (!output)
        return std::nullopt;

    Credential credential;
    bool hasPassword = false;
    for (const QByteArray &line : output->split('\n')) {
        if (line.startsWith("username=")) {
            credential.username = QString::fromUtf8(line.sliced(9));
        } else if (line.startsWith("password=")) {
            credential.password = QString::fromUtf8(line.sliced(9));
            hasPassword = true;
        }
    }
    output->fill('\0');
    if (!hasPassword) {
        message = u"the git credential helpers have no password for "_s +
                  url.toDisplayString(QUrl::RemoveUserInfo);
        return std::nullopt;
    }
    return credential;
}

bool GitCredentialHelper::approve(const QUrl &url, const Credential &credential, QString *error,
                                  const QProcessEnvironment &environment,
                                  std::chrono::milliseconds timeout)
{
    return report(u"approve"_s, url, credential, error, environment, timeout);
}

bool GitCredentialHelper::reject(const QUrl &url, const Credential &credential, QString *error,
                                 const QProcessEnvironment &environment,
                                 std::chrono::milliseconds timeout)
{
    return report(u"reject"_s, url, credential, error, environment, timeout);
}

} // namespace Stevedore
