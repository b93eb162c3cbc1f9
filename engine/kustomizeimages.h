#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Stevedore {

/// One image of a kustomize-set-image step: the `images` entry named @c image gets the new
/// tag or digest, and the new name when one is given.
struct KustomizeImage
{
    QString image;   ///< the entry's `name`, as the manifests name the image
    QString tag;     ///< written as `newTag`
    QString digest;  ///< written as `digest`
    QString newName; ///< written as `newName`
    /// Whether the digest wins over a tag given too (a digest given without a tag always does).
    bool useDigest = false;
};

/// Sets images in a kustomization file as Kargo's kustomize-set-image step (and `kustomize edit
/// set image`) does, but by changing only the bytes of the entries it edits: comments, key
/// order, quoting, indentation and line endings elsewhere stay as they were, where Kargo
/// writes the whole file anew.
///
/// The entry whose `name` is the image becomes what Kargo makes of it: its `newName` is the
/// given new name or goes, and it keeps exactly one of `newTag` and `digest` (the one chosen;
/// a `tagSuffix` goes too); a later entry of the same name goes, as Kargo keys entries by name.
/// A value of `*` keeps the entry's current value, as in Kargo and kustomize.
///
/// A missing entry is added with kustomize's keys and key order (`name`, `newName`, `newTag`,
/// `digest`), where it keeps the list sorted by name when the list is sorted (Kargo sorts the
/// whole list; existing entries are not moved here), at the end otherwise. A missing or null
/// `images` is written as kustomize writes it, after the file's last key. Keys kustomize does
/// not know stay (Kargo drops them).
class KustomizeImages
{
    Q_DECLARE_TR_FUNCTIONS(KustomizeImages)

public:
    /// @p text (a kustomization.yaml) with @p images set, in order, or nothing with @p error
    /// (when not null) set: the file is not valid YAML (with line and column), not a mapping,
    /// its `images` is not a list of mappings, or an image has no name or nothing to set.
    static std::optional<QByteArray> setImages(const QByteArray &text,
                                               const QList<KustomizeImage> &images, QString *error);

    /// The commitMessage output Kargo's step gives: "Updated PATH to use new image(s)", an
    /// empty line, then "- REF" per image sorted by image name, REF being the new name (or
    /// the image), then `:tag` or `@digest`. Empty when @p images is. A `*` value is written
    /// as given (Kargo writes the value it kept for an entry that existed).
    static QString commitMessage(const QString &path, const QList<KustomizeImage> &images);
};

} // namespace Stevedore
