#pragma once

#include <QString>

// Canonical forms of repository URLs, byte for byte as Kargo's pkg/urls computes them: freight
// ids hash these strings, so the same freight must get the same id here and on a cluster.

namespace Stevedore {

/// Kargo's NormalizeGit. http(s) and ssh URLs are lower-cased and lose a trailing `/` and then a
/// trailing `.git` (http(s) also lose user info); `[user@]host[:path]` (scp style) becomes
/// `ssh://[user@]host[/path]`. Whitespace and invisible characters around the URL are ignored;
/// a URL with whitespace inside, a query, or one Go's net/url rejects comes back unchanged.
/// Other schemes get no special treatment, with odd but faithful results such as
/// `file:///tmp/repo.git` → `ssh://file////tmp/repo`.
QString normalizeGitURL(const QString &url);

/// Kargo's NormalizeImage: the repository as go-containerregistry parses it (weak validation),
/// without tag or digest; Docker Hub's hosts and the `library/` prefix of official images are
/// dropped. Whitespace, invisible characters and percent-encoded spaces anywhere are removed
/// first; a reference that does not parse comes back unchanged.
QString normalizeImageURL(const QString &url);

/// Kargo's NormalizeChart: trimmed, lower-cased, without `oci://`, then as normalizeImageURL.
/// Classic `https://` repositories mostly come back as they went in.
QString normalizeChartURL(const QString &url);

/// The port a URL scheme uses when the URL names none (https 443, http 80, ssh 22, git 9418),
/// or -1.
int defaultPort(const QString &scheme);

} // namespace Stevedore
