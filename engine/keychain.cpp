#include "engine/keychain.h"

#include "engine/urlnormalization.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>
#include <qt6keychain/keychain.h>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// What a finished QtKeychain job reported.
struct JobOutcome
{
    QKeychain::Error code = QKeychain::OtherError;
    QString message;
    QString text;
};

/// Shared between the waiting caller and the job, which may outlive a caller that timed out.
struct PendingJob
{
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    JobOutcome outcome;
};

/// The one thread all QtKeychain jobs run on.
///
/// Why not run each job with a local event loop on the caller's thread: QtKeychain queues jobs
/// in a process-wide JobExecutor, a QObject created on whichever thread starts the first job
/// and told about finished jobs through queued signals. Were that thread a short-lived worker
/// (or one that is not running an event loop at the moment), every later job would wait for
/// a "finished" that is never delivered. Living on a thread of our own that runs for the whole
/// process, the executor always gets its events; callers just block until their job is done.
/// The thread's event dispatcher (GLib on Linux) also drives libsecret's asynchronous calls.
class KeychainThread
{
public:
    /// The running thread's context object, started on first use; nullptr without a
    /// QCoreApplication or after it was destroyed.
    static QObject *context()
    {
        const QMutexLocker locker(&s_mutex);
        if (!s_instance && !s_shutDown && QCoreApplication::instance()) {
            s_instance = new KeychainThread;
            qAddPostRoutine(&KeychainThread::shutDown);
        }
        return s_instance ? s_instance->m_context : nullptr;
    }

private:
    KeychainThread()
        : m_context(new QObject)
    {
        m_thread.setObjectName(u"Stevedore keychain"_s);
        m_context->moveToThread(&m_thread);
        m_thread.start();
    }

    ~KeychainThread()
    {
        m_thread.quit();
        m_thread.wait();
        delete m_context;
    }

    /// Runs as the QCoreApplication is destroyed: a QThread must not outlive it running.
    static void shutDown()
    {
        KeychainThread *instance = nullptr;
        {
            const QMutexLocker locker(&s_mutex);
            instance = std::exchange(s_instance, nullptr);
            s_shutDown = true;
        }
        delete instance;
    }

    QThread m_thread;
    QObject *m_context;

    static inline QMutex s_mutex;
    static inline KeychainThread *s_instance = nullptr;
    static inline bool s_shutDown = false;
};

/// Creates a job (on the keychain thread), runs it there and waits for it at most @p timeout.
std::optional<JobOutcome> runJob(std::function<QKeychain::Job *()> createJob,
                                 std::chrono::milliseconds timeout, QString *error)
{
    QObject *context = KeychainThread::context();
    if (!context) {
        *error = u"the keychain can only be used while the application is running"_s;
        return std::nullopt;
    }
    auto pending = std::make_shared<PendingJob>();
    QMetaObject::invokeMethod(
        context,
        [pending, createJob = std::move(createJob)] {
            QKeychain::Job *job = createJob();
            job->setAutoDelete(true);
            QObject::connect(job, &QKeychain::Job::finished, job, [pending](QKeychain::Job *j) {
                JobOutcome outcome{j->error(), j->errorString(), {}};
                if (const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                    outcome.text = read->textData();
                const std::lock_guard lock(pending->mutex);
                pending->outcome = std::move(outcome);
                pending->done = true;
                pending->finished.notify_all();
            });
            job->start();
        },
        Qt::QueuedConnection);

    std::unique_lock lock(pending->mutex);
    if (!pending->finished.wait_for(lock, timeout, [&] { return pending->done; })) {
        *error = u"the keychain did not answer within %1 s"_s.arg(
            QString::number(double(timeout.count()) / 1000.0));
        return std::nullopt;
    }
    return std::exchange(pending->outcome, {});
}

QString describeFailure(const JobOutcome &outcome)
{
    QString what;
    switch (outcome.code) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        break;
    case QKeychain::CouldNotDeleteEntry:
        what = u"could not delete the entry"_s;
        break;
    case QKeychain::AccessDeniedByUser:
        what = u"access denied by the user"_s;
        break;
    case QKeychain::AccessDenied:
        what = u"access denied"_s;
        break;
    case QKeychain::NoBackendAvailable:
        what = u"no keychain available (on Linux: a Secret Service such as GNOME Keyring or "
               u"KeePassXC on the session D-Bus)"_s;
        break;
    case QKeychain::NotImplemented:
        what = u"not supported on this platform"_s;
        break;
    case QKeychain::OtherError:
        what = u"keychain error"_s;
        break;
    }
    if (outcome.message.isEmpty())
        return what;
    return what + u": "_s + outcome.message;
}

Keychain::Status failed(QString *error, const QString &account, const QString &message)
{
    if (error)
        *error = u"keychain entry %1: %2"_s.arg(account, message);
    return Keychain::Status::Failed;
}

/// Named secrets and git credentials both: nullopt with an empty error when missing.
std::optional<QString> readText(const QString &account, QString *error)
{
    Keychain::ReadResult result = Keychain::read(account);
    if (error)
        *error = result.status == Keychain::Status::Failed ? result.error : QString();
    if (result.status != Keychain::Status::Ok)
        return std::nullopt;
    return std::exchange(result.text, {});
}

} // namespace

QString Keychain::service()
{
    return u"stevedore"_s;
}

QString Keychain::urlAccount(const QString &prefix, const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    QString host = url.host(QUrl::FullyEncoded);
    if (host.contains(u':'))
        host = u'[' + host + u']';
    QString account = prefix + u':' + scheme + u"://"_s + host;
    if (const int port = url.port(); port != -1 && port != defaultPort(scheme))
        account += u':' + QString::number(port);
    return account;
}

QString Keychain::gitAccount(const QUrl &url)
{
    return urlAccount(u"git"_s, url);
}

QString Keychain::secretAccount(const QString &name)
{
    return u"secret:"_s + name;
}

Keychain::ReadResult Keychain::read(const QString &account, std::chrono::milliseconds timeout)
{
    ReadResult result;
    QString message;
    const std::optional<JobOutcome> outcome = runJob(
        [account] {
            auto *job = new QKeychain::ReadPasswordJob(service());
            job->setKey(account);
            return job;
        },
        timeout, &message);
    if (!outcome) {
        failed(&result.error, account, message);
        return result;
    }
    if (outcome->code == QKeychain::NoError) {
        result.status = Status::Ok;
        result.text = outcome->text;
    } else if (outcome->code == QKeychain::EntryNotFound) {
        result.status = Status::NotFound;
    } else {
        failed(&result.error, account, describeFailure(*outcome));
    }
    return result;
}

Keychain::Status Keychain::write(const QString &account, const QString &text, QString *error,
                                 std::chrono::milliseconds timeout)
{
    QString message;
    const std::optional<JobOutcome> outcome = runJob(
        [account, text] {
            auto *job = new QKeychain::WritePasswordJob(service());
            job->setKey(account);
            job->setTextData(text);
            return job;
        },
        timeout, &message);
    if (!outcome)
        return failed(error, account, message);
    if (outcome->code != QKeychain::NoError)
        return failed(error, account, describeFailure(*outcome));
    if (error)
        error->clear();
    return Status::Ok;
}

Keychain::Status Keychain::remove(const QString &account, QString *error,
                                  std::chrono::milliseconds timeout)
{
    QString message;
    const std::optional<JobOutcome> outcome = runJob(
        [account] {
            auto *job = new QKeychain::DeletePasswordJob(service());
            job->setKey(account);
            return job;
        },
        timeout, &message);
    if (!outcome)
        return failed(error, account, message);
    if (error)
        error->clear();
    if (outcome->code == QKeychain::EntryNotFound)
        return Status::NotFound;
    if (outcome->code != QKeychain::NoError)
        return failed(error, account, describeFailure(*outcome));
    return Status::Ok;
}

std::optional<Credential> Keychain::readCredential(const QString &account, QString *error)
{
    const std::optional<QString> text = readText(account, error);
    if (!text)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(text->toUtf8()).object();
    if (!object.value(u"password"_s).isString()) {
        if (error)
            *error = u"keychain entry %1 is not a credential (expected JSON with \"username\" "
                     u"and \"password\")"_s.arg(account);
        return std::nullopt;
    }
    return Credential{object.value(u"username"_s).toString(),
                      object.value(u"password"_s).toString()};
}

bool Keychain::writeCredential(const QString &account, const Credential &credential, QString *error)
{
    const QJsonObject object{{u"username"_s, credential.username},
                             {u"password"_s, credential.password}};
    const QString text = QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
    return write(account, text, error) == Status::Ok;
}

std::optional<Credential> Keychain::readGitCredential(const QUrl &url, QString *error)
{
    return readCredential(gitAccount(url), error);
}

bool Keychain::writeGitCredential(const QUrl &url, const Credential &credential, QString *error)
{
    return writeCredential(gitAccount(url), credential, error);
}

bool Keychain::removeGitCredential(const QUrl &url, QString *error)
{
    return remove(gitAccount(url), error) != Status::Failed;
}

QString Keychain::registryAccount(const QString &registry)
{
    return u"registry:"_s + registry.toLower();
}

std::optional<Credential> Keychain::readRegistryCredential(const QString &registry, QString *error)
{
    return readCredential(registryAccount(registry), error);
}

bool Keychain::writeRegistryCredential(const QString &registry, const Credential &credential,
                                       QString *error)
{
    return writeCredential(registryAccount(registry), credential, error);
}

std::optional<QString> Keychain::readSecret(const QString &name, QString *error)
{
    return readText(secretAccount(name), error);
}

bool Keychain::writeSecret(const QString &name, const QString &secret, QString *error)
{
    return write(secretAccount(name), secret, error) == Status::Ok;
}

bool Keychain::removeSecret(const QString &name, QString *error)
{
    return remove(secretAccount(name), error) != Status::Failed;
}

} // namespace Stevedore
