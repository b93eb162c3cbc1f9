#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Stevedore::Testing {

/// An environment built from nothing for a Stevedore process under test, so that nothing of
/// the user's (git configuration, SSH agent, settings, state) leaks in: HOME, the XDG folders
/// and STEVEDORE_STATE_DIR point below @p home and at @p stateDir.
QProcessEnvironment isolatedEnvironment(const QString &home, const QString &stateDir);

/// A free TCP port on 127.0.0.1 (bound and released at once).
int freePort();
/// Runs a command to completion; fails the calling test (returns false) when it does not
/// succeed. @p output receives stdout.
bool run(const QString &program, const QStringList &arguments, QByteArray *output = nullptr,
         const QString &workingDirectory = {}, const QProcessEnvironment &environment = {});
/// Waits until something accepts connections on 127.0.0.1:@p port.
bool waitForPort(int port, int timeoutMs = 10000);

/// A server process started for a test and stopped, by its PID, when this object goes away.
class ServerProcess
{
public:
    ServerProcess() = default;
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;
    ~ServerProcess();

    bool start(const QString &program, const QStringList &arguments, int port,
               const QProcessEnvironment &environment = {});
    void stop();
    qint64 pid() const { return m_process ? m_process->processId() : 0; }
    QString log() const;

private:
    std::unique_ptr<QProcess> m_process;
};

/// Bare repositories for tests, made with the git command line.
class GitFixture
{
public:
    explicit GitFixture(const QString &root);

    /// Creates `<root>/<name>.git` (bare) with @p commits commits on `main`, each changing
    /// `file-N.txt` (or the paths given), and returns its path.
    QString createRepository(const QString &name, int commits);
    /// Adds a commit to the bare repository's `main` that writes @p path; returns its id.
    QString commit(const QString &repository, const QString &path, const QString &content,
                   const QString &message);
    bool tag(const QString &repository, const QString &tag,
             const QString &rev = QStringLiteral("main"), bool annotated = true);
    QString revParse(const QString &repository, const QString &rev);
    /// The environment git commands run with: no user or system configuration.
    static QProcessEnvironment environment(const QString &home);

private:
    QString m_root;
    QString m_work;
};

/// `git daemon` serving a folder over git:// on 127.0.0.1.
class GitDaemon
{
public:
    /// Serves @p baseDir on @p port, or on a free port when it is 0.
    bool start(const QString &baseDir, int port = 0);
    void stop() { m_process.stop(); }
    QString url(const QString &repository) const;
    int port() const { return m_port; }

private:
    ServerProcess m_process;
    int m_port = 0;
};

/// lighttpd running git-http-backend over HTTPS with basic auth, with a CA and a certificate
/// for `localhost` made for the test.
class GitHttpsServer
{
public:
    bool start(const QString &projectRoot, const QString &workDir, const QString &user,
               const QString &password);
    QString url(const QString &repository) const;
    QString caFile() const { return m_caFile; }
    int port() const { return m_port; }

private:
    ServerProcess m_process;
    int m_port = 0;
    QString m_caFile;
};

/// sshd on 127.0.0.1 with a throwaway host key, accepting one client key.
class SshServer
{
public:
    bool start(const QString &workDir, const QString &authorizedPublicKey);
    QString url(const QString &repositoryPath) const;
    int port() const { return m_port; }
    /// `[127.0.0.1]:PORT <type> <base64>`, for a known_hosts file.
    QString knownHostsLine() const { return m_knownHostsLine; }

private:
    ServerProcess m_process;
    int m_port = 0;
    QString m_knownHostsLine;
};

} // namespace Stevedore::Testing
