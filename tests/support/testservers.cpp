#include "tests/support/testservers.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace Stevedore::Testing {

QProcessEnvironment isolatedEnvironment(const QString &home, const QString &stateDir)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share"));
    environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache"));
    environment.insert(QStringLiteral("STEVEDORE_STATE_DIR"), stateDir);
    environment.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    // Needed to find Qt itself when it is not installed system-wide.
    const QString libraries = qEnvironmentVariable("LD_LIBRARY_PATH");
    if (!libraries.isEmpty())
        environment.insert(QStringLiteral("LD_LIBRARY_PATH"), libraries);
    return environment;
}

int freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

bool run(const QString &program, const QStringList &arguments, QByteArray *output,
         const QString &workingDirectory, const QProcessEnvironment &environment)
{
    QProcess process;
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(program), qPrintable(arguments.join(u' ')),
                 process.readAllStandardError().constData());
        return false;
    }
    if (output)
        *output = process.readAllStandardOutput();
    return true;
}

bool waitForPort(int port, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(port));
        if (socket.waitForConnected(200))
            return true;
        QThread::msleep(20); // polling a port that is not open yet; no event to wait for
    }
    return false;
}

ServerProcess::~ServerProcess()
{
    stop();
}

bool ServerProcess::start(const QString &program, const QStringList &arguments, int port,
                          const QProcessEnvironment &environment)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (!environment.isEmpty())
        m_process->setProcessEnvironment(environment);
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(5000))
        return false;
    if (!waitForPort(port)) {
        qWarning("%s did not open port %d: %s", qPrintable(program), port,
                 m_process->readAll().constData());
        return false;
    }
    return true;
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(5000)) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

QString ServerProcess::log() const
{
    return m_process ? QString::fromLocal8Bit(m_process->readAll()) : QString();
}

GitFixture::GitFixture(const QString &root)
    : m_root(root)
    , m_work(root + QStringLiteral("/.work"))
{
    QDir().mkpath(m_work);
}

QProcessEnvironment GitFixture::environment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("GIT_CONFIG_NOSYSTEM"), QStringLiteral("1"));
    env.insert(QStringLiteral("GIT_AUTHOR_NAME"), QStringLiteral("Test Author"));
    env.insert(QStringLiteral("GIT_AUTHOR_EMAIL"), QStringLiteral("author@test.invalid"));
    env.insert(QStringLiteral("GIT_COMMITTER_NAME"), QStringLiteral("Test Author"));
    env.insert(QStringLiteral("GIT_COMMITTER_EMAIL"), QStringLiteral("author@test.invalid"));
    return env;
}

QString GitFixture::createRepository(const QString &name, int commits)
{
    const QString bare = m_root + u'/' + name + QStringLiteral(".git");
    const QString work = m_work + u'/' + name;
    const auto env = environment(m_work);
    if (!run(QStringLiteral("git"),
             {QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
              QStringLiteral("-b"), QStringLiteral("main"), bare},
             nullptr, {}, env) ||
        !run(QStringLiteral("git"), {QStringLiteral("clone"), QStringLiteral("-q"), bare, work},
             nullptr, {}, env))
        return {};
    run(QStringLiteral("git"),
        {QStringLiteral("-C"), work, QStringLiteral("checkout"), QStringLiteral("-q"),
         QStringLiteral("-b"), QStringLiteral("main")},
        nullptr, {}, env);
    for (int i = 0; i < commits; ++i)
        commit(bare, QStringLiteral("file-%1.txt").arg(i), QString::number(i),
               QStringLiteral("Commit %1").arg(i));
    return bare;
}

QString GitFixture::commit(const QString &repository, const QString &path, const QString &content,
                           const QString &message)
{
    const QString work = m_work + u'/' + QFileInfo(repository).completeBaseName();
    const auto env = environment(m_work);
    // Others (the code under test) may have pushed: build on the repository's main as it is.
    if (QFileInfo::exists(repository + QStringLiteral("/refs/heads/main")) &&
        (!run(QStringLiteral("git"),
              {QStringLiteral("-C"), work, QStringLiteral("fetch"), QStringLiteral("-q"),
               QStringLiteral("origin"), QStringLiteral("main")},
              nullptr, {}, env) ||
         !run(QStringLiteral("git"),
              {QStringLiteral("-C"), work, QStringLiteral("reset"), QStringLiteral("-q"),
               QStringLiteral("--hard"), QStringLiteral("FETCH_HEAD")},
              nullptr, {}, env)))
        return {};
    QDir().mkpath(QFileInfo(work + u'/' + path).absolutePath());
    QFile file(work + u'/' + path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content.toUtf8());
    file.close();
    if (!run(QStringLiteral("git"), {QStringLiteral("-C"), work, QStringLiteral("add"), path},
             nullptr, {}, env) ||
        !run(QStringLiteral("git"),
             {QStringLiteral("-C"), work, QStringLiteral("commit"), QStringLiteral("-q"),
              QStringLiteral("-m"), message},
             nullptr, {}, env) ||
        !run(QStringLiteral("git"),
             {QStringLiteral("-C"), work, QStringLiteral("push"), QStringLiteral("-q"),
              QStringLiteral("origin"), QStringLiteral("HEAD:refs/heads/main")},
             nullptr, {}, env))
        return {};
    return revParse(repository, QStringLiteral("main"));
}

bool GitFixture::tag(const QString &repository, const QString &tag, const QString &rev,
                     bool annotated)
{
    QStringList args{QStringLiteral("--git-dir"), repository, QStringLiteral("tag")};
    if (annotated)
        args << QStringLiteral("-a") << QStringLiteral("-m") << tag;
    args << tag << rev;
    return run(QStringLiteral("git"), args, nullptr, {}, environment(m_work));
}

QString GitFixture::revParse(const QString &repository, const QString &rev)
{
    QByteArray out;
    run(QStringLiteral("git"),
        {QStringLiteral("--git-dir"), repository, QStringLiteral("rev-parse"),
         rev + QStringLiteral("^{commit}")},
        &out, {}, environment(m_work));
    return QString::fromLatin1(out.trimmed());
}

bool GitDaemon::start(const QString &baseDir, int port)
{
    m_port = port > 0 ? port : freePort();
    return m_process.start(QStringLiteral("git"),
                           {QStringLiteral("daemon"), QStringLiteral("--listen=127.0.0.1"),
                            QStringLiteral("--port=%1").arg(m_port),
                            QStringLiteral("--base-path=") + baseDir,
                            QStringLiteral("--export-all"), QStringLiteral("--reuseaddr"),
                            QStringLiteral("--enable=receive-pack"), baseDir},
                           m_port);
}

QString GitDaemon::url(const QString &repository) const
{
    return QStringLiteral("git://127.0.0.1:%1/%2").arg(m_port).arg(repository);
}

bool GitHttpsServer::start(const QString &projectRoot, const QString &workDir, const QString &user,
                           const QString &password)
{
    m_port = freePort();
    const QString ca = workDir + QStringLiteral("/ca");
    m_caFile = ca + QStringLiteral(".crt");
    const QString key = workDir + QStringLiteral("/server.key");
    const QString csr = workDir + QStringLiteral("/server.csr");
    const QString cert = workDir + QStringLiteral("/server.crt");
    const QString pem = workDir + QStringLiteral("/server.pem");
    const QString ext = workDir + QStringLiteral("/san.ext");
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly))
        return false;
    extFile.write("subjectAltName=DNS:localhost\n");
    extFile.close();
    const QString openssl = QStringLiteral("openssl");
    if (!run(openssl,
             {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
              QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
              ca + QStringLiteral(".key"), QStringLiteral("-out"), m_caFile,
              QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
              QStringLiteral("/CN=Stevedore Test CA")}) ||
        !run(openssl,
             {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
              QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
              QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}) ||
        !run(openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                       QStringLiteral("-CA"), m_caFile, QStringLiteral("-CAkey"),
                       ca + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                       QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-extfile"), ext}))
        return false;
    QFile pemFile(pem);
    QFile certFile(cert);
    QFile keyFile(key);
    if (!pemFile.open(QIODevice::WriteOnly) || !certFile.open(QIODevice::ReadOnly) ||
        !keyFile.open(QIODevice::ReadOnly))
        return false;
    pemFile.write(certFile.readAll() + keyFile.readAll());
    pemFile.close();

    QFile users(workDir + QStringLiteral("/users"));
    if (!users.open(QIODevice::WriteOnly))
        return false;
    users.write((user + u':' + password + u'\n').toUtf8());
    users.close();

    const QString config = workDir + QStringLiteral("/lighttpd.conf");
    QFile conf(config);
    if (!conf.open(QIODevice::WriteOnly))
        return false;
    conf.write(QStringLiteral(
                   "server.modules = (\"mod_alias\", \"mod_setenv\", \"mod_cgi\", \"mod_auth\", "
                   "\"mod_authn_file\", \"mod_openssl\")\n"
                   "server.document-root = \"%1\"\n"
                   "server.bind = \"127.0.0.1\"\n"
                   "server.port = %2\n"
                   "server.errorlog = \"%3/error.log\"\n"
                   "ssl.engine = \"enable\"\n"
                   "ssl.pemfile = \"%4\"\n"
                   "alias.url = (\"/git/\" => \"/usr/lib/git-core/git-http-backend/\")\n"
                   "cgi.assign = (\"\" => \"\")\n"
                   "setenv.add-environment = (\"GIT_PROJECT_ROOT\" => \"%1\", "
                   "\"GIT_HTTP_EXPORT_ALL\" => \"1\")\n"
                   "auth.backend = \"plain\"\n"
                   "auth.backend.plain.userfile = \"%3/users\"\n"
                   "auth.require = (\"/git/\" => (\"method\" => \"basic\", \"realm\" => \"git\", "
                   "\"require\" => \"valid-user\"))\n")
                   .arg(projectRoot)
                   .arg(m_port)
                   .arg(workDir, pem)
                   .toUtf8());
    conf.close();
    return m_process.start(QStringLiteral("lighttpd"),
                           {QStringLiteral("-D"), QStringLiteral("-f"), config}, m_port);
}

QString GitHttpsServer::url(const QString &repository) const
{
    return QStringLiteral("https://localhost:%1/git/%2").arg(m_port).arg(repository);
}

bool SshServer::start(const QString &workDir, const QString &authorizedPublicKey)
{
    m_port = freePort();
    QDir().mkpath(QStringLiteral("/run/sshd"));
    const QString hostKey = workDir + QStringLiteral("/host_ed25519");
    if (!run(QStringLiteral("ssh-keygen"),
             {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"),
              QStringLiteral("-N"), QString(), QStringLiteral("-f"), hostKey}))
        return false;
    QFile publicHostKey(hostKey + QStringLiteral(".pub"));
    if (!publicHostKey.open(QIODevice::ReadOnly))
        return false;
    const QStringList fields = QString::fromLatin1(publicHostKey.readAll()).split(u' ');
    m_knownHostsLine =
        QStringLiteral("[127.0.0.1]:%1 %2 %3").arg(m_port).arg(fields.value(0), fields.value(1));
    QFile authorized(workDir + QStringLiteral("/authorized_keys"));
    if (!authorized.open(QIODevice::WriteOnly))
        return false;
    authorized.write(authorizedPublicKey.toUtf8() + '\n');
    authorized.close();
    const QString config = workDir + QStringLiteral("/sshd_config");
    QFile conf(config);
    if (!conf.open(QIODevice::WriteOnly))
        return false;
    conf.write(QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\n"
                              "AuthorizedKeysFile %3/authorized_keys\nPasswordAuthentication no\n"
                              "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n"
                              "PermitRootLogin prohibit-password\nPidFile %3/sshd.pid\n"
                              "LogLevel ERROR\n")
                   .arg(m_port)
                   .arg(hostKey, workDir)
                   .toUtf8());
    conf.close();
    return m_process.start(
        QStringLiteral("/usr/sbin/sshd"),
        {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config}, m_port);
}

QString SshServer::url(const QString &repositoryPath) const
{
    return QStringLiteral("ssh://%1@127.0.0.1:%2%3")
        .arg(qEnvironmentVariable("USER", QStringLiteral("root")))
        .arg(m_port)
        .arg(repositoryPath);
}

} // namespace Stevedore::Testing
