#pragma once

// Private to engine/: the caches discovery workers keep in the pipeline's store, each through
// a connection of the worker's own (Qt SQL connections belong to one thread; SQLite in WAL
// mode lets several share the file).

#include "engine/artifactdiscovery.h"
#include "engine/gitdiscovery.h"

#include <memory>

namespace Stevedore {

/// The files each commit changed, in the store at @p storeFile (in memory when it is empty).
std::unique_ptr<ChangedPathCache> openPathCache(const QString &storeFile);
/// Image metadata by digest and by tag, in the store at @p storeFile (in memory when empty).
std::unique_ptr<ImageMetadataCache> openImageCache(const QString &storeFile);

} // namespace Stevedore
