#include "engine/gitcachelock.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <chrono>
#include <thread>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace Stevedore {

namespace {

/// One mutex per cache folder, kept for the life of the process (there are few folders).
std::shared_ptr<std::timed_mutex> mutexFor(const QString &cachePath)
{
    static std::mutex registryMutex;
    static QHash<QString, std::shared_ptr<std::timed_mutex>> registry;
    const QString key = QDir::cleanPath(QFileInfo(cachePath).absoluteFilePath());
    const std::lock_guard lock(registryMutex);
    std::shared_ptr<std::timed_mutex> &mutex = registry[key];
    if (!mutex)
        mutex = std::make_shared<std::timed_mutex>();
    return mutex;
}

/// Removes git's lock files in the bare repository @p path (refs, packed-refs, HEAD, config,
/// shallow, FETCH_HEAD): called only by the holder of the clone.
void removeLeftLocks(const QString &path)
{
    if (!QFileInfo(path).isDir())
        return;
    for (const char *name :
         {"packed-refs.lock", "HEAD.lock", "config.lock", "shallow.lock", "FETCH_HEAD.lock"})
        QFile::remove(path + u'/' + QLatin1String(name));
    QDirIterator refs(path + QStringLiteral("/refs"), {QStringLiteral("*.lock")}, QDir::Files,
                      QDirIterator::Subdirectories);
    while (refs.hasNext())
        QFile::remove(refs.next());
}

} // namespace

GitCacheLock::GitCacheLock(const QString &cachePath,
                           const std::shared_ptr<std::atomic<bool>> &cancelled)
    : m_mutex(mutexFor(cachePath))
{
    // Waits in slices, so that a worker whose job was cancelled (or timed out behind another
    // worker's stalled fetch) gives up instead of blocking its thread.
    using namespace std::chrono_literals;
    bool mutexLocked = false;
    while (!mutexLocked) {
        if (cancelled && cancelled->load())
            return;
        mutexLocked = m_mutex->try_lock_for(100ms);
    }
    const QString path = QDir::cleanPath(QFileInfo(cachePath).absoluteFilePath());
#ifdef Q_OS_UNIX
    // flock(): the kernel releases it when its process ends, however it ends, so a killed
    // process never leaves the clone locked (a lock file with a PID in it can be left empty).
    QDir().mkpath(QFileInfo(path).absolutePath());
    const QByteArray lockFile = QFile::encodeName(path + QStringLiteral(".stevedore-lock"));
    m_fd = ::open(lockFile.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_fd >= 0) {
        while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) {
                // Cannot lock here: the mutex alone, as before.
                ::close(m_fd);
                m_fd = -1;
                break;
            }
            if (cancelled && cancelled->load()) {
                ::close(m_fd);
                m_fd = -1;
                m_mutex->unlock();
                return;
            }
            std::this_thread::sleep_for(50ms);
        }
    }
    m_locked = true;
    if (m_fd >= 0)
        removeLeftLocks(path);
#else
    m_locked = true;
#endif
}

GitCacheLock::~GitCacheLock()
{
    if (!m_locked)
        return;
#ifdef Q_OS_UNIX
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
#endif
    m_mutex->unlock();
}

} // namespace Stevedore
