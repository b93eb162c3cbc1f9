#pragma once

#include "engine/pipeline.h"

#include <QStringList>

namespace Stevedore {

/// Reads a pipeline from Kargo manifests: a folder (searched recursively for `.yaml`/`.yml`
/// files), a file, or several of either. Never fails: everything wrong is a Problem in the
/// result, positioned at the key or value it is about.
class ManifestLoader
{
public:
    static Pipeline load(const QStringList &paths);
    static Pipeline load(const QString &path) { return load(QStringList{path}); }

    /// Loads from text already in memory (the file is used only for messages).
    static Pipeline loadText(const QString &file, const QByteArray &text);

    /// The manifest files a path stands for, in a stable order, as display paths.
    static QStringList manifestFiles(const QString &path);
};

} // namespace Stevedore
