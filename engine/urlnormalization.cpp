#include "engine/urlnormalization.h"

#include "engine/gourl_p.h"

#include <QByteArrayList>
#include <QChar>
#include <QStringDecoder>

#include <optional>
#include <utility>

// Kargo works on Go strings (UTF-8 bytes, possibly invalid after percent-decoding) and relies on
// Go's rune handling, unicode tables, net/url and regexp semantics; so does this file, on bytes.

namespace Stevedore {

namespace {

constexpr char32_t RuneError = 0xfffd;

// QString::fromUtf8 would drop a leading byte order mark, which Go keeps.
QString fromUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

// Go's utf8.DecodeRune: an invalid or truncated sequence reads as U+FFFD of width 1.
std::pair<char32_t, qsizetype> decodeRune(QByteArrayView s, qsizetype i)
{
    const auto byte = [&](qsizetype k) { return k < s.size() ? uchar(s.at(k)) : 0; };
    const uchar b0 = byte(i);
    if (b0 < 0x80)
        return {b0, 1};
    const auto cont = [&](qsizetype k, uchar lo = 0x80, uchar hi = 0xbf) {
        const uchar b = byte(k);
        return k < s.size() && b >= lo && b <= hi;
    };
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        if (cont(i + 1))
            return {char32_t(b0 & 0x1f) << 6 | (byte(i + 1) & 0x3f), 2};
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        const uchar lo = b0 == 0xe0 ? 0xa0 : 0x80;
        const uchar hi = b0 == 0xed ? 0x9f : 0xbf;
        if (cont(i + 1, lo, hi) && cont(i + 2))
            return {char32_t(b0 & 0x0f) << 12 | char32_t(byte(i + 1) & 0x3f) << 6 |
                        (byte(i + 2) & 0x3f),
                    3};
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        const uchar lo = b0 == 0xf0 ? 0x90 : 0x80;
        const uchar hi = b0 == 0xf4 ? 0x8f : 0xbf;
        if (cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3))
            return {char32_t(b0 & 0x07) << 18 | char32_t(byte(i + 1) & 0x3f) << 12 |
                        char32_t(byte(i + 2) & 0x3f) << 6 | (byte(i + 3) & 0x3f),
                    4};
    }
    return {RuneError, 1};
}

void appendRune(QByteArray &out, char32_t r)
{
    if (r < 0x80) {
        out.append(char(r));
    } else if (r < 0x800) {
        out.append(char(0xc0 | r >> 6));
        out.append(char(0x80 | (r & 0x3f)));
    } else if (r < 0x10000) {
        out.append(char(0xe0 | r >> 12));
        out.append(char(0x80 | (r >> 6 & 0x3f)));
        out.append(char(0x80 | (r & 0x3f)));
    } else {
        out.append(char(0xf0 | r >> 18));
        out.append(char(0x80 | (r >> 12 & 0x3f)));
        out.append(char(0x80 | (r >> 6 & 0x3f)));
        out.append(char(0x80 | (r & 0x3f)));
    }
}

// Kargo's notion of a space: unicode.IsSpace or not unicode.IsPrint. Both tables come down to
// the Unicode categories Z* and C* (control, format, private use, surrogate, unassigned).
bool isSpaceRune(char32_t r)
{
    switch (QChar::category(r)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

// Percent-decoded if that is possible (url.PathUnescape), then trimmed of spaces at both ends.
QByteArray trimSpace(const QByteArray &text)
{
    const QByteArray s = GoUrl::pathUnescape(text).value_or(text);
    qsizetype begin = 0;
    while (begin < s.size()) {
        const auto [r, size] = decodeRune(s, begin);
        if (!isSpaceRune(r))
            break;
        begin += size;
    }
    qsizetype end = s.size();
    while (end > begin) {
        // Step back to the start of the last rune, as Go's DecodeLastRune does.
        qsizetype start = end - 1;
        while (start > begin && end - start < 4 && (uchar(s.at(start)) & 0xc0) == 0x80)
            --start;
        auto [r, size] = decodeRune(s, start);
        if (start + size != end) {
            start = end - 1;
            r = RuneError;
        }
        if (!isSpaceRune(r) || r == RuneError)
            break;
        end = start;
    }
    return s.mid(begin, end - begin);
}

// strings.Map dropping every space; like Go, invalid bytes come out as U+FFFD.
QByteArray removeSpaces(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        const auto [r, size] = decodeRune(s, i);
        if (!isSpaceRune(r))
            appendRune(out, r);
        i += size;
    }
    return out;
}

// strings.ToLower: simple (one-to-one) lower-case mapping per rune.
QByteArray toLower(const QByteArray &s)
{
    QByteArray out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size();) {
        const auto [r, size] = decodeRune(s, i);
        appendRune(out, r == RuneError ? r : QChar::toLower(r));
        i += size;
    }
    return out;
}

bool hasInternalSpaces(const QByteArray &s)
{
    const QByteArray trimmed = trimSpace(s);
    return removeSpaces(trimmed) != trimmed;
}

bool isWordOrHyphen(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
}

// Kargo's scp-style pattern ^((?:[\w-]+@)?[\w-]+(?:\.[\w-]+)*)(?::(.*))?$ (Go's \w is ASCII):
// the user@host part and the text after the first colon, or nothing when it does not match.
std::optional<std::pair<QByteArray, QByteArray>> matchScpStyle(const QByteArray &s)
{
    qsizetype i = 0;
    while (i < s.size() && isWordOrHyphen(s.at(i)))
        ++i;
    qsizetype hostStart = 0;
    if (i > 0 && i < s.size() && s.at(i) == '@')
        hostStart = i + 1;
    i = hostStart;
    while (true) {
        const qsizetype labelStart = i;
        while (i < s.size() && isWordOrHyphen(s.at(i)))
            ++i;
        if (i == labelStart)
            return std::nullopt;
        if (i < s.size() && s.at(i) == '.') {
            ++i;
            continue;
        }
        break;
    }
    if (i == s.size())
        return std::pair(s, QByteArray());
    if (s.at(i) != ':')
        return std::nullopt;
    return std::pair(s.left(i), s.mid(i + 1));
}

QByteArray trimSuffix(const QByteArray &s, QByteArrayView suffix)
{
    return s.endsWith(suffix) ? s.left(s.size() - suffix.size()) : s;
}

QByteArray trimPrefix(const QByteArray &s, QByteArrayView prefix)
{
    return s.startsWith(prefix) ? s.mid(prefix.size()) : s;
}

// go-containerregistry's name.ParseReference with weak validation, reduced to the repository it
// names: the registry host and the repository path.
struct ImageRepository
{
    QByteArray registry;
    QByteArray repository; ///< with `library/` for official Docker Hub images
};

qsizetype runeCount(const QByteArray &s)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < s.size(); ++count)
        i += decodeRune(s, i).second;
    return count;
}

bool onlyChars(const QByteArray &s, QByteArrayView allowed)
{
    for (const char c : s) {
        if (!allowed.contains(c))
            return false;
    }
    return true;
}

std::optional<ImageRepository> parseRepository(const QByteArray &name)
{
    if (name.isEmpty())
        return std::nullopt;
    QByteArray registry;
    QByteArray repository = name;
    // The first component is a registry only if it looks like a host: a dot or a port.
    if (const qsizetype slash = name.indexOf('/'); slash >= 0) {
        const QByteArray first = name.left(slash);
        if (first.contains('.') || first.contains(':')) {
            registry = first;
            repository = name.mid(slash + 1);
        }
    }
    const qsizetype length = runeCount(repository);
    if (length < 2 || length > 255 ||
        !onlyChars(repository, "abcdefghijklmnopqrstuvwxyz0123456789_-./"))
        return std::nullopt;
    // A registry must be a URI authority that reads back as itself.
    const auto authority = GoUrl::parse("//" + registry);
    if (!authority || authority->host != registry)
        return std::nullopt;
    if (registry.isEmpty() || registry == "docker.io")
        registry = "index.docker.io";
    if (registry == "index.docker.io" && !repository.contains('/'))
        repository.prepend("library/");
    return ImageRepository{registry, repository};
}

std::optional<ImageRepository> parseTagged(const QByteArray &name)
{
    QByteArray base = name;
    const QList<QByteArray> parts = name.split(':');
    // A last part with a slash is a path after a registry port, not a tag.
    if (parts.size() > 1 && !parts.last().contains('/')) {
        const QByteArray tag = parts.last();
        if (tag.isEmpty() || runeCount(tag) > 128 ||
            !onlyChars(tag, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"))
            return std::nullopt;
        base = name.left(name.size() - tag.size() - 1);
    }
    return parseRepository(base);
}

std::optional<ImageRepository> parseDigested(const QByteArray &name)
{
    const QList<QByteArray> parts = name.split('@');
    if (parts.size() != 2 || !parts.at(1).startsWith("sha256:"))
        return std::nullopt;
    const QByteArray hex = parts.at(1).mid(7);
    if (hex.size() != 64 || !onlyChars(hex, "0123456789abcdef"))
        return std::nullopt;
    QByteArray base = parts.at(0);
    if (const auto tagged = parseTagged(base))
        base = tagged->registry + '/' + tagged->repository;
    return parseRepository(base);
}

} // namespace

QString normalizeGitURL(const QString &url)
{
    const QByteArray original = url.toUtf8();
    if (hasInternalSpaces(original))
        return url;
    const QByteArray repo = removeSpaces(original);
    if (repo.isEmpty())
        return url;

    // The scheme test is case-sensitive: "HTTPS://..." is read as scp style below.
    if (repo.startsWith("http://") || repo.startsWith("https://") || repo.startsWith("ssh://")) {
        auto parsed = GoUrl::parse(repo);
        if (!parsed || parsed->queryKeyCount() > 0)
            return url;
        if (!repo.startsWith("ssh://")) {
            parsed->hasUser = false;
            parsed->username.clear();
            parsed->password.clear();
            parsed->passwordSet = false;
        }
        parsed->path = trimSuffix(trimSuffix(parsed->path, "/"), ".git");
        return fromUtf8(toLower(parsed->toString()));
    }

    const auto scp = matchScpStyle(repo);
    if (!scp)
        return url;
    auto path = GoUrl::parse(scp->second);
    if (!path)
        return url;
    path->path = trimSuffix(trimSuffix(path->path, "/"), ".git");
    if (path->path.isEmpty())
        return fromUtf8(toLower("ssh://" + scp->first));
    return fromUtf8(toLower("ssh://" + scp->first + '/' + path->toString()));
}

QString normalizeImageURL(const QString &url)
{
    const QByteArray cleaned = removeSpaces(trimSpace(url.toUtf8()));
    auto parsed = parseTagged(cleaned);
    if (!parsed)
        parsed = parseDigested(cleaned);
    if (!parsed)
        return url;
    if (parsed->registry == "index.docker.io" || parsed->registry == "registry-1.docker.io")
        return fromUtf8(trimPrefix(parsed->repository, "library/"));
    return fromUtf8(parsed->registry + '/' + parsed->repository);
}

QString normalizeChartURL(const QString &url)
{
    // strings.TrimSpace and unicode.IsSpace agree with QString::trimmed on what a space is.
    const QByteArray text = toLower(url.trimmed().toUtf8());
    return normalizeImageURL(fromUtf8(trimPrefix(text, "oci://")));
}

int defaultPort(const QString &scheme)
{
    if (scheme == u"https")
        return 443;
    if (scheme == u"http")
        return 80;
    if (scheme == u"ssh")
        return 22;
    if (scheme == u"git")
        return 9418;
    return -1;
}

} // namespace Stevedore
