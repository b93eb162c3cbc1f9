#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>

namespace Stevedore {

/// Holds, within this process, the one right to write to a bare cache clone (create it, fetch
/// into it) for as long as it lives: libgit2 fails instead of waiting when two threads lock the
/// same ref file, and discovery and promotion workers fetch into the same clones.
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
    bool m_locked = false;
};

} // namespace Stevedore
