#include "engine/gourl_p.h"

#include <QSet>

// The behaviour reproduced here is that of Go's net/url (Go 1.19 and later, where an empty
// authority after a scheme is remembered and not printed back).

namespace Stevedore {

namespace {

enum class Part
{
    Path,
    PathSegment,
    Host,
    Zone,
    UserPassword,
    QueryComponent,
    Fragment
};

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Whether byte c must be percent-encoded in the given part of a URL.
bool mustEscape(char c, Part part)
{
    if (isAlnum(c))
        return false;
    if (part == Part::Host || part == Part::Zone) {
        // Sub-delimiters, the port colon, IPv6 brackets, and the few characters that hosts can
        // carry but not percent-encode.
        if (QByteArrayView("!$&'()*+,;=:[]<>\"").contains(c))
            return false;
    }
    switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
        return false;
    case '$':
    case '&':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
    case '@':
        switch (part) {
        case Part::Path:
            return c == '?';
        case Part::PathSegment:
            return c == '/' || c == ';' || c == ',' || c == '?';
        case Part::UserPassword:
            return c == '@' || c == '/' || c == '?' || c == ':';
        case Part::QueryComponent:
            return true;
        case Part::Fragment:
            return false;
        case Part::Host:
        case Part::Zone:
            break;
        }
        break;
    default:
        break;
    }
    if (part == Part::Fragment && (c == '!' || c == '(' || c == ')' || c == '*'))
        return false;
    return true;
}

std::optional<QByteArray> unescape(const QByteArray &s, Part part)
{
    bool any = false;
    for (qsizetype i = 0; i < s.size();) {
        const char c = s.at(i);
        if (c == '%') {
            any = true;
            if (i + 2 >= s.size() || hexValue(s.at(i + 1)) < 0 || hexValue(s.at(i + 2)) < 0)
                return std::nullopt;
            const QByteArrayView triple = QByteArrayView(s).sliced(i, 3);
            // A host may percent-encode only bytes beyond ASCII, and "%25" (for IPv6 zones).
            if (part == Part::Host && hexValue(s.at(i + 1)) < 8 && triple != "%25")
                return std::nullopt;
            if (part == Part::Zone) {
                const char v = char(hexValue(s.at(i + 1)) << 4 | hexValue(s.at(i + 2)));
                if (triple != "%25" && v != ' ' && mustEscape(v, Part::Host))
                    return std::nullopt;
            }
            i += 3;
        } else {
            if (c == '+' && part == Part::QueryComponent)
                any = true;
            if ((part == Part::Host || part == Part::Zone) && uchar(c) < 0x80 &&
                mustEscape(c, part))
                return std::nullopt;
            ++i;
        }
    }
    if (!any)
        return s;
    QByteArray result;
    result.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char c = s.at(i);
        if (c == '%') {
            result.append(char(hexValue(s.at(i + 1)) << 4 | hexValue(s.at(i + 2))));
            i += 2;
        } else if (c == '+' && part == Part::QueryComponent) {
            result.append(' ');
        } else {
            result.append(c);
        }
    }
    return result;
}

QByteArray escape(const QByteArray &s, Part part)
{
    static constexpr char digits[] = "0123456789ABCDEF";
    QByteArray result;
    result.reserve(s.size());
    for (const char c : s) {
        if (c == ' ' && part == Part::QueryComponent) {
            result.append('+');
        } else if (mustEscape(c, part)) {
            result.append('%');
            result.append(digits[uchar(c) >> 4]);
            result.append(digits[uchar(c) & 15]);
        } else {
            result.append(c);
        }
    }
    return result;
}

// Whether s is already a valid escaping for the part: no byte that would need escaping.
bool validEncoded(const QByteArray &s, Part part)
{
    for (const char c : s) {
        if (QByteArrayView("!$&'()*+,;=:@[]%").contains(c))
            continue;
        if (mustEscape(c, part))
            return false;
    }
    return true;
}

bool validOptionalPort(QByteArrayView port)
{
    if (port.isEmpty())
        return true;
    if (port.front() != ':')
        return false;
    for (const char c : port.sliced(1)) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

std::optional<QByteArray> parseHost(const QByteArray &host)
{
    if (host.startsWith('[')) {
        const qsizetype close = host.lastIndexOf(']');
        if (close < 0)
            return std::nullopt;
        if (!validOptionalPort(QByteArrayView(host).sliced(close + 1)))
            return std::nullopt;
        // "%25" starts an RFC 6874 zone, which has its own escaping rules.
        const qsizetype zone = host.left(close).indexOf("%25");
        if (zone >= 0) {
            const auto before = unescape(host.left(zone), Part::Host);
            const auto inZone = unescape(host.mid(zone, close - zone), Part::Zone);
            const auto after = unescape(host.mid(close), Part::Host);
            if (!before || !inZone || !after)
                return std::nullopt;
            return *before + *inZone + *after;
        }
    } else if (const qsizetype colon = host.lastIndexOf(':'); colon >= 0) {
        if (!validOptionalPort(QByteArrayView(host).sliced(colon)))
            return std::nullopt;
    }
    return unescape(host, Part::Host);
}

bool validUserinfo(const QByteArray &s)
{
    for (const char c : s) {
        if (isAlnum(c) || QByteArrayView("-._:~!$&'()*+,;=%@").contains(c))
            continue;
        return false;
    }
    return true;
}

bool parseAuthority(const QByteArray &authority, GoUrl &url)
{
    const qsizetype at = authority.lastIndexOf('@');
    const auto host = parseHost(at < 0 ? authority : authority.mid(at + 1));
    if (!host)
        return false;
    url.host = *host;
    if (at < 0)
        return true;
    const QByteArray userinfo = authority.left(at);
    if (!validUserinfo(userinfo))
        return false;
    const qsizetype colon = userinfo.indexOf(':');
    const auto username = unescape(colon < 0 ? userinfo : userinfo.left(colon), Part::UserPassword);
    if (!username)
        return false;
    url.hasUser = true;
    url.username = *username;
    if (colon >= 0) {
        const auto password = unescape(userinfo.mid(colon + 1), Part::UserPassword);
        if (!password)
            return false;
        url.password = *password;
        url.passwordSet = true;
    }
    return true;
}

// Splits off "scheme:" when the text starts with [a-zA-Z][a-zA-Z0-9+.-]*:. Nothing on the
// one error Go reports, a colon in first place.
std::optional<std::pair<QByteArray, QByteArray>> splitScheme(const QByteArray &raw)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const char c = raw.at(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            continue;
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            if (i == 0)
                return std::pair(QByteArray(), raw);
            continue;
        }
        if (c == ':') {
            if (i == 0)
                return std::nullopt;
            return std::pair(raw.left(i), raw.mid(i + 1));
        }
        return std::pair(QByteArray(), raw);
    }
    return std::pair(QByteArray(), raw);
}

} // namespace

std::optional<GoUrl> GoUrl::parse(const QByteArray &raw)
{
    const qsizetype hash = raw.indexOf('#');
    const QByteArray beforeFragment = hash < 0 ? raw : raw.left(hash);
    GoUrl url;
    for (const char c : beforeFragment) {
        if (uchar(c) < 0x20 || c == 0x7f)
            return std::nullopt;
    }
    if (beforeFragment == "*") {
        url.path = "*";
    } else {
        const auto split = splitScheme(beforeFragment);
        if (!split)
            return std::nullopt;
        url.scheme = split->first.toLower();
        QByteArray rest = split->second;
        if (rest.endsWith('?') && rest.count('?') == 1) {
            url.forceQuery = true;
            rest.chop(1);
        } else if (const qsizetype question = rest.indexOf('?'); question >= 0) {
            url.rawQuery = rest.mid(question + 1);
            rest.truncate(question);
        }
        bool done = false;
        if (!rest.startsWith('/')) {
            if (!url.scheme.isEmpty()) {
                // A rootless path after a scheme is opaque.
                url.opaque = rest;
                done = true;
            } else {
                const qsizetype slash = rest.indexOf('/');
                if ((slash < 0 ? rest : rest.left(slash)).contains(':'))
                    return std::nullopt;
            }
        }
        if (!done) {
            if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
                QByteArray authority = rest.mid(2);
                rest.clear();
                if (const qsizetype slash = authority.indexOf('/'); slash >= 0) {
                    rest = authority.mid(slash);
                    authority.truncate(slash);
                }
                if (!parseAuthority(authority, url))
                    return std::nullopt;
            } else if (!url.scheme.isEmpty() && rest.startsWith('/')) {
                url.omitHost = true;
            }
            const auto path = unescape(rest, Part::Path);
            if (!path)
                return std::nullopt;
            url.path = *path;
            if (escape(url.path, Part::Path) != rest)
                url.rawPath = rest;
        }
    }
    if (hash >= 0) {
        const QByteArray written = raw.mid(hash + 1);
        const auto fragment = unescape(written, Part::Fragment);
        if (!fragment)
            return std::nullopt;
        url.fragment = *fragment;
        if (escape(url.fragment, Part::Fragment) != written)
            url.rawFragment = written;
    }
    return url;
}

QByteArray GoUrl::toString() const
{
    QByteArray out;
    if (!scheme.isEmpty())
        out += scheme + ':';
    if (!opaque.isEmpty()) {
        out += opaque;
    } else {
        if (!scheme.isEmpty() || !host.isEmpty() || hasUser) {
            if (!(omitHost && host.isEmpty() && !hasUser)) {
                if (!host.isEmpty() || !path.isEmpty() || hasUser)
                    out += "//";
                if (hasUser) {
                    out += escape(username, Part::UserPassword);
                    if (passwordSet)
                        out += ':' + escape(password, Part::UserPassword);
                    out += '@';
                }
                out += escape(host, Part::Host);
            }
        }
        // The path as written, if it still spells the (possibly edited) decoded path.
        QByteArray escapedPath;
        if (!rawPath.isEmpty() && validEncoded(rawPath, Part::Path) &&
            unescape(rawPath, Part::Path) == path)
            escapedPath = rawPath;
        else if (path == "*")
            escapedPath = path;
        else
            escapedPath = escape(path, Part::Path);
        if (!escapedPath.isEmpty() && escapedPath.front() != '/' && !host.isEmpty())
            out += '/';
        if (out.isEmpty()) {
            // A first segment with a colon would read as a scheme.
            const qsizetype slash = escapedPath.indexOf('/');
            if ((slash < 0 ? escapedPath : escapedPath.left(slash)).contains(':'))
                out += "./";
        }
        out += escapedPath;
    }
    if (forceQuery || !rawQuery.isEmpty())
        out += '?' + rawQuery;
    if (!fragment.isEmpty()) {
        out += '#';
        if (!rawFragment.isEmpty() && validEncoded(rawFragment, Part::Fragment) &&
            unescape(rawFragment, Part::Fragment) == fragment)
            out += rawFragment;
        else
            out += escape(fragment, Part::Fragment);
    }
    return out;
}

int GoUrl::queryKeyCount() const
{
    QSet<QByteArray> keys;
    for (const QByteArray &pair : rawQuery.split('&')) {
        if (pair.isEmpty() || pair.contains(';'))
            continue;
        const qsizetype eq = pair.indexOf('=');
        const auto key = unescape(eq < 0 ? pair : pair.left(eq), Part::QueryComponent);
        const auto value = unescape(eq < 0 ? QByteArray() : pair.mid(eq + 1), Part::QueryComponent);
        if (key && value)
            keys.insert(*key);
    }
    return int(keys.size());
}

std::optional<QByteArray> GoUrl::pathUnescape(const QByteArray &text)
{
    return unescape(text, Part::PathSegment);
}

} // namespace Stevedore
