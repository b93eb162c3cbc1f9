#include "engine/re2atoms_p.h"

#include <algorithm>
#include <iterator>

// Go's regexp/syntax rules for escapes and classes, with the flags regexp.Compile uses.

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

// clang-format off
// Go's unicode.Categories, and its unicode.Scripts as of Unicode 15 (Go 1.21 and later).
constexpr const char16_t *categoryNames[] = {
    u"C",  u"Cc", u"Cf", u"Co", u"Cs", u"L",  u"Ll", u"Lm", u"Lo", u"Lt", u"Lu", u"M",
    u"Mc", u"Me", u"Mn", u"N",  u"Nd", u"Nl", u"No", u"P",  u"Pc", u"Pd", u"Pe", u"Pf",
    u"Pi", u"Po", u"Ps", u"S",  u"Sc", u"Sk", u"Sm", u"So", u"Z",  u"Zl", u"Zp", u"Zs",
};

constexpr const char16_t *scriptNames[] = {
    u"Adlam",
    u"Ahom",
    u"Anatolian_Hieroglyphs",
    u"Arabic",
    u"Armenian",
    u"Avestan",
    u"Balinese",
    u"Bamum",
    u"Bassa_Vah",
    u"Batak",
    u"Bengali",
    u"Bhaiksuki",
    u"Bopomofo",
    u"Brahmi",
    u"Braille",
    u"Buginese",
    u"Buhid",
    u"Canadian_Aboriginal",
    u"Carian",
    u"Caucasian_Albanian",
    u"Chakma",
    u"Cham",
    u"Cherokee",
    u"Chorasmian",
    u"Common",
    u"Coptic",
    u"Cuneiform",
    u"Cypriot",
    u"Cypro_Minoan",
    u"Cyrillic",
    u"Deseret",
    u"Devanagari",
    u"Dives_Akuru",
    u"Dogra",
    u"Duployan",
    u"Egyptian_Hieroglyphs",
    u"Elbasan",
    u"Elymaic",
    u"Ethiopic",
    u"Georgian",
    u"Glagolitic",
    u"Gothic",
    u"Grantha",
    u"Greek",
    u"Gujarati",
    u"Gunjala_Gondi",
    u"Gurmukhi",
    u"Han",
    u"Hangul",
    u"Hanifi_Rohingya",
    u"Hanunoo",
    u"Hatran",
    u"Hebrew",
    u"Hiragana",
    u"Imperial_Aramaic",
    u"Inherited",
    u"Inscriptional_Pahlavi",
    u"Inscriptional_Parthian",
    u"Javanese",
    u"Kaithi",
    u"Kannada",
    u"Katakana",
    u"Kawi",
    u"Kayah_Li",
    u"Kharoshthi",
    u"Khitan_Small_Script",
    u"Khmer",
    u"Khojki",
    u"Khudawadi",
    u"Lao",
    u"Latin",
    u"Lepcha",
    u"Limbu",
    u"Linear_A",
    u"Linear_B",
    u"Lisu",
    u"Lycian",
    u"Lydian",
    u"Mahajani",
    u"Makasar",
    u"Malayalam",
    u"Mandaic",
    u"Manichaean",
    u"Marchen",
    u"Masaram_Gondi",
    u"Medefaidrin",
    u"Meetei_Mayek",
    u"Mende_Kikakui",
    u"Meroitic_Cursive",
    u"Meroitic_Hieroglyphs",
    u"Miao",
    u"Modi",
    u"Mongolian",
    u"Mro",
    u"Multani",
    u"Myanmar",
    u"Nabataean",
    u"Nag_Mundari",
    u"Nandinagari",
    u"New_Tai_Lue",
    u"Newa",
    u"Nko",
    u"Nushu",
    u"Nyiakeng_Puachue_Hmong",
    u"Ogham",
    u"Ol_Chiki",
    u"Old_Hungarian",
    u"Old_Italic",
    u"Old_North_Arabian",
    u"Old_Permic",
    u"Old_Persian",
    u"Old_Sogdian",
    u"Old_South_Arabian",
    u"Old_Turkic",
    u"Old_Uyghur",
    u"Oriya",
    u"Osage",
    u"Osmanya",
    u"Pahawh_Hmong",
    u"Palmyrene",
    u"Pau_Cin_Hau",
    u"Phags_Pa",
    u"Phoenician",
    u"Psalter_Pahlavi",
    u"Rejang",
    u"Runic",
    u"Samaritan",
    u"Saurashtra",
    u"Sharada",
    u"Shavian",
    u"Siddham",
    u"SignWriting",
    u"Sinhala",
    u"Sogdian",
    u"Sora_Sompeng",
    u"Soyombo",
    u"Sundanese",
    u"Syloti_Nagri",
    u"Syriac",
    u"Tagalog",
    u"Tagbanwa",
    u"Tai_Le",
    u"Tai_Tham",
    u"Tai_Viet",
    u"Takri",
    u"Tamil",
    u"Tangsa",
    u"Tangut",
    u"Telugu",
    u"Thaana",
    u"Thai",
    u"Tibetan",
    u"Tifinagh",
    u"Tirhuta",
    u"Toto",
    u"Ugaritic",
    u"Vai",
    u"Vithkuqi",
    u"Wancho",
    u"Warang_Citi",
    u"Yezidi",
    u"Yi",
    u"Zanabazar_Square",
};

constexpr const char16_t *posixNames[] = {
    u"alnum", u"alpha", u"ascii", u"blank", u"cntrl", u"digit", u"graph",
    u"lower", u"print", u"punct", u"space", u"upper", u"word",  u"xdigit",
};

template<std::size_t N>
bool listed(const char16_t *const (&names)[N], QStringView name)
{
    return std::any_of(std::begin(names), std::end(names),
                       [&](const char16_t *known) { return name == QStringView(known); });
}
// clang-format on

bool isAsciiAlnum(char32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isOctal(char32_t c)
{
    return c >= '0' && c <= '7';
}

int hexValue(char32_t c)
{
    if (c >= '0' && c <= '9')
        return int(c - '0');
    if (c >= 'a' && c <= 'f')
        return int(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return int(c - 'A' + 10);
    return -1;
}

// Go's \s is [\t\n\f\r ]: no vertical tab, unlike PCRE's. Go's \w spelled out, so that (?i) adds
// the case variants Go adds (the Kelvin sign, the long s), which PCRE's \w leaves out.
const QString spaceChars = u"\\x{9}\\x{a}\\x{c}\\x{d}\\x{20}"_s;
const QString wordChars = u"0-9A-Za-z_"_s;
const QString nonSpaceChars = u"\\x{0}-\\x{8}\\x{b}\\x{e}-\\x{1f}\\x{21}-\\x{10ffff}"_s;

} // namespace

QString Re2Atoms::literal(char32_t c)
{
    if (isAsciiAlnum(c))
        return QString(QChar(char16_t(c)));
    return u"\\x{"_s + QString::number(uint(c), 16) + u'}';
}

QString Re2Atoms::perlClass(char32_t letter)
{
    switch (letter) {
    case 'd':
        // PCRE's own \d is ASCII too, as long as Unicode properties are off.
        return u"\\d"_s;
    case 'D':
        return u"\\D"_s;
    case 'w':
        return u'[' + wordChars + u']';
    case 'W':
        return u"[^"_s + wordChars + u']';
    case 's':
        return u'[' + spaceChars + u']';
    case 'S':
        return u"[^"_s + spaceChars + u']';
    default:
        return {};
    }
}

QString Re2Atoms::message(const QString &code, const QString &expression, const QString &hint)
{
    QString text = code + u": `"_s + expression + u'`';
    if (!hint.isEmpty())
        text += u" ("_s + hint + u')';
    return text;
}

QString Re2Atoms::slice(std::size_t from, std::size_t to) const
{
    to = std::min(to, s.size());
    return from >= to ? QString() : QString::fromUcs4(s.data() + from, qsizetype(to - from));
}

bool Re2Atoms::fail(const QString &code, const QString &expression, const QString &hint)
{
    m_error = message(code, expression, hint);
    return false;
}

bool Re2Atoms::escape(char32_t *rune)
{
    const std::size_t start = pos;
    std::size_t i = pos + 1;
    if (!has(i))
        return fail(u"trailing backslash at end of expression"_s, QString());
    const char32_t c = s[i++];
    const auto invalid = [&](const QString &hint = {}) {
        return fail(u"invalid escape sequence"_s, slice(start, i), hint);
    };
    if (c < 0x80 && !isAsciiAlnum(c)) {
        *rune = c;
        pos = i;
        return true;
    }
    switch (c) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
        // A single digit would be a backreference; with more octal digits it is octal.
        if (!has(i) || !isOctal(s[i]))
            return invalid(u"backreferences are not supported"_s);
        [[fallthrough]];
    case '0': {
        char32_t value = c - '0';
        for (int digits = 1; digits < 3 && has(i) && isOctal(s[i]); ++digits)
            value = value * 8 + (s[i++] - '0');
        *rune = value;
        pos = i;
        return true;
    }
    case '8':
    case '9':
        return invalid(u"backreferences are not supported"_s);
    case 'x': {
        if (!has(i))
            return invalid();
        const char32_t first = s[i++];
        if (first == '{') {
            char32_t value = 0;
            int digits = 0;
            while (true) {
                if (!has(i))
                    return invalid();
                const char32_t d = s[i++];
                if (d == '}')
                    break;
                const int v = hexValue(d);
                if (v < 0)
                    return invalid();
                value = value * 16 + char32_t(v);
                if (value > 0x10ffff)
                    return invalid();
                ++digits;
            }
            if (digits == 0)
                return invalid();
            *rune = value;
            pos = i;
            return true;
        }
        const int high = hexValue(first);
        const int low = has(i) ? hexValue(s[i++]) : -1;
        if (high < 0 || low < 0)
            return invalid();
        *rune = char32_t(high * 16 + low);
        pos = i;
        return true;
    }
    case 'a':
        *rune = 7;
        break;
    case 'f':
        *rune = 12;
        break;
    case 'n':
        *rune = 10;
        break;
    case 'r':
        *rune = 13;
        break;
    case 't':
        *rune = 9;
        break;
    case 'v':
        *rune = 11;
        break;
    case 'Z':
        return invalid(u"use \\z for the end of the text"_s);
    case 'k':
    case 'g':
        return invalid(u"backreferences are not supported"_s);
    case 'G':
    case 'K':
    case 'R':
    case 'X':
    case 'h':
    case 'H':
    case 'N':
    case 'V':
    case 'E':
    case 'e':
    case 'c':
    case 'o':
    case 'u':
    case 'U':
    case 'l':
    case 'L':
        return invalid(u"a PCRE escape that Go's RE2 syntax does not have"_s);
    default:
        return invalid();
    }
    pos = i;
    return true;
}

bool Re2Atoms::unicodeClass(QString *pcre)
{
    const std::size_t start = pos;
    bool negated = s[pos + 1] == 'P';
    const std::size_t t = pos + 2;
    QString name;
    std::size_t end = t;
    if (has(t) && s[t] == '{') {
        const std::size_t close = s.find(U'}', pos);
        if (close == std::u32string::npos)
            return fail(u"invalid character class range"_s, slice(start, s.size()));
        name = slice(t + 1, close);
        end = close + 1;
    } else if (has(t)) {
        name = slice(t, t + 1);
        end = t + 1;
    }
    if (name.startsWith(u'^')) {
        negated = !negated;
        name.remove(0, 1);
    }
    if (name != u"Any" && !listed(categoryNames, name) && !listed(scriptNames, name))
        return fail(u"invalid character class range"_s, slice(start, end),
                    u"not a Unicode category or script that Go knows"_s);
    *pcre = (negated ? u"\\P{"_s : u"\\p{"_s) + name + u'}';
    pos = end;
    return true;
}

bool Re2Atoms::characterClass(QString *pcre)
{
    const std::size_t start = pos;
    std::size_t i = pos + 1;
    const bool negated = at(i) == '^' && has(i);
    if (negated)
        ++i;
    QString items;
    bool first = true; // a ] right after [ or [^ is an ordinary character
    while (!has(i) || s[i] != ']' || first) {
        first = false;
        if (has(i + 2) && s[i] == '[' && s[i + 1] == ':') {
            const std::size_t close = s.find(U":]", i + 2);
            if (close != std::u32string::npos) {
                QString inner = slice(i + 2, close);
                const QString spelled = slice(i, close + 2);
                const bool negatedName = inner.startsWith(u'^');
                if (negatedName)
                    inner.remove(0, 1);
                if (!listed(posixNames, inner))
                    return fail(u"invalid character class range"_s, spelled);
                items += u"[:"_s + (negatedName ? u"^"_s : QString()) + inner + u":]"_s;
                i = close + 2;
                continue;
            }
        }
        if (has(i + 1) && s[i] == '\\' && (s[i + 1] == 'p' || s[i + 1] == 'P')) {
            pos = i;
            QString piece;
            if (!unicodeClass(&piece))
                return false;
            items += piece;
            i = pos;
            continue;
        }
        if (has(i + 1) && s[i] == '\\') {
            const char32_t letter = s[i + 1];
            if (letter == 'w') {
                items += wordChars;
                i += 2;
                continue;
            }
            if (letter == 'd' || letter == 'D' || letter == 'W') {
                items += u'\\' + QString(QChar(char16_t(letter)));
                i += 2;
                continue;
            }
            if (letter == 's' || letter == 'S') {
                items += letter == 's' ? spaceChars : nonSpaceChars;
                i += 2;
                continue;
            }
        }
        if (!has(i))
            return fail(u"missing closing ]"_s, slice(start, s.size()));
        const std::size_t rangeStart = i;
        const auto classChar = [&](char32_t *c) {
            if (!has(i))
                return fail(u"missing closing ]"_s, slice(start, s.size()));
            if (s[i] != '\\') {
                *c = s[i++];
                return true;
            }
            pos = i;
            if (!escape(c))
                return false;
            i = pos;
            return true;
        };
        char32_t low = 0;
        if (!classChar(&low))
            return false;
        char32_t high = low;
        if (has(i + 1) && s[i] == '-' && s[i + 1] != ']') {
            ++i;
            if (!classChar(&high))
                return false;
            if (high < low)
                return fail(u"invalid character class range"_s, slice(rangeStart, i));
        }
        items += literal(low);
        if (high != low)
            items += u'-' + literal(high);
    }
    *pcre = u'[' + (negated ? u"^"_s : QString()) + items + u']';
    pos = i + 1;
    return true;
}

} // namespace Stevedore
