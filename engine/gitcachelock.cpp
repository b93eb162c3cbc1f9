#include "engine/gitcachelock.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>

#include <chrono>

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

} // namespace

GitCacheLock::GitCacheLock(const QString &cachePath,
                           const std::shared_ptr<std::atomic<bool>> &cancelled)
    : m_mutex(mutexFor(cachePath))
{
    // Waits in slices, so that a worker whose job was cancelled (or timed out behind another
    // worker's stalled fetch) gives up instead of blocking its thread.
    using namespace std::chrono_literals;
    while (!m_locked) {
        if (cancelled && cancelled->load())
            return;
        m_locked = m_mutex->try_lock_for(100ms);
    }
}

GitCacheLock::~GitCacheLock()
{
    if (m_locked)
        m_mutex->unlock();
}

} // namespace Stevedore
