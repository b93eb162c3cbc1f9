#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>

namespace Stevedore {

/// Holds the one right to write to a bare cache clone (create it, fetch into it) for as long as
/// it lives: libgit2 fails instead of waiting when two threads lock the same ref file, and
/// discovery and promotion workers fetch into the same clones. Within this process a mutex
/// decides; between processes (the app and stevedorectl) a flock() on a file next to the
/// clone. Whoever holds both owns the clone, so git's own `*.lock` files found inside were left
/// by a process that died mid-fetch, and are removed: they would make every later fetch fail.
class GitCacheLock
{
public:
    /// Waits for the lock on @p cachePath, or until @p cancelled is set.
    explicit GitCacheLock(const QString &cachePath,
                          const std::shared_ptr<std::atomic<bool>> &cancelled = {});
    GitCacheLock(const GitCacheLock &) = delete;
    GitCacheLock &operator=(const GitCacheLock &) = delete;
    ~GitCacheLock();

    /// False only when the wait was cancelled.
    bool isLocked() const { return m_locked; }

private:
    std::shared_ptr<std::timed_mutex> m_mutex;
    int m_fd = -1; ///< the lock file, flock()ed
    bool m_locked = false;
};

} // namespace Stevedore
