#pragma once

// Private to engine/: owning wrappers for libgit2 objects, freed with their own git_*_free.

#include <git2.h>

namespace Stevedore {

template<typename T, void (*Free)(T *)>
struct GitHandle
{
    T *ptr = nullptr;

    GitHandle() = default;
    GitHandle(const GitHandle &) = delete;
    GitHandle &operator=(const GitHandle &) = delete;
    ~GitHandle()
    {
        if (ptr)
            Free(ptr);
    }
};

} // namespace Stevedore
