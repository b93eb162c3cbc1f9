#include "engine/re2syntax.h"

#include "engine/re2atoms_p.h"

#include <QStringList>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

// The grammar below is that of Go's regexp/syntax with the flags regexp.Compile uses (Perl
// extensions, Unicode groups, one-line mode), Go 1.22 or later, where (?<name>...) joined
// (?P<name>...). The pattern is translated while it is checked: PCRE differs from Go even on
// syntax both accept ($ before a final newline, \s with a vertical tab, {,n}, octal escapes,
// group names starting with a digit), so QRegularExpression gets an equivalent of its own.

namespace Stevedore {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxRepeat = 1000;
constexpr int MaxNesting = 1000;

struct Flags
{
    bool foldCase = false;
    bool multiLine = false; // Go's flag m: ^ and $ at line boundaries
    bool dotNewline = false;
    bool nonGreedy = false;
};

// A counted repetition and those inside it: Go refuses nestings that multiply beyond 1000.
struct RepeatNode
{
    int min = 0;
    int max = 0;
    std::vector<RepeatNode> inner;
};

bool repeatIsValid(const RepeatNode &node, int budget)
{
    int m = node.max;
    if (m == 0)
        return true;
    if (m < 0)
        m = node.min;
    if (m > budget)
        return false;
    if (m > 0)
        budget /= m;
    return std::all_of(node.inner.begin(), node.inner.end(),
                       [&](const RepeatNode &inner) { return repeatIsValid(inner, budget); });
}

// One piece of the translation: something a repetition can apply to, or a flag change.
struct Item
{
    QString text;
    bool atom = true;
    std::vector<RepeatNode> repeats;
};

struct Frame
{
    Flags outerFlags; // restored at the closing parenthesis
    QString head;
    QList<QList<Item>> alternatives = QList<QList<Item>>(1);
};

class Parser
{
public:
    explicit Parser(const std::u32string &pattern)
        : s(pattern)
    {}

    std::optional<QString> run();
    QString error() const { return m_error; }

private:
    bool step();
    bool parseGroupStart();
    bool closeGroup();
    bool parseBackslash();
    bool repeat(int min, int max, bool counted, std::size_t opStart, const QString &quantifier);

    bool openGroup(const Flags &outer, const QString &head)
    {
        // Go's own limit is on the depth of its parse tree; this one is close enough.
        if (frames.size() >= MaxNesting)
            return fail(u"expression nests too deeply"_s, slice(0, s.size()));
        Frame frame;
        frame.outerFlags = outer;
        frame.head = head;
        frames.push_back(std::move(frame));
        return true;
    }
    void push(const QString &text, std::vector<RepeatNode> repeats = {})
    {
        frames.back().alternatives.back().append({text, true, std::move(repeats)});
    }
    void pushFlagChange(bool foldBefore)
    {
        if (flags.foldCase != foldBefore)
            frames.back().alternatives.back().append(
                {flags.foldCase ? u"(?i)"_s : u"(?-i)"_s, false, {}});
    }
    char32_t at(std::size_t i) const { return i < s.size() ? s[i] : 0; }
    bool has(std::size_t i) const { return i < s.size(); }
    QString slice(std::size_t from, std::size_t to) const
    {
        to = std::min(to, s.size());
        return from >= to ? QString() : QString::fromUcs4(s.data() + from, qsizetype(to - from));
    }
    bool fail(const QString &code, const QString &expression, const QString &hint = {})
    {
        m_error = Re2Atoms::message(code, expression, hint);
        return false;
    }

    const std::u32string &s;
    std::size_t pos = 0;
    Flags flags;
    std::vector<Frame> frames{Frame{}};
    std::size_t lastRepeat = std::u32string::npos; // where the previous token's repetition began
    std::size_t thisRepeat = std::u32string::npos;
    QString m_error;
    Re2Atoms atoms{s, pos, m_error};
};

QString joined(const QList<QList<Item>> &alternatives, std::vector<RepeatNode> *repeats)
{
    QStringList texts;
    for (const QList<Item> &items : alternatives) {
        QString text;
        for (const Item &item : items) {
            text += item.text;
            if (repeats)
                repeats->insert(repeats->end(), item.repeats.begin(), item.repeats.end());
        }
        texts.append(text);
    }
    return texts.join(u'|');
}

std::optional<QString> Parser::run()
{
    while (pos < s.size()) {
        thisRepeat = std::u32string::npos;
        if (!step())
            return std::nullopt;
        lastRepeat = thisRepeat;
    }
    if (frames.size() > 1) {
        fail(u"missing closing )"_s, slice(0, s.size()));
        return std::nullopt;
    }
    return joined(frames.back().alternatives, nullptr);
}

bool Parser::step()
{
    const char32_t c = s[pos];
    switch (c) {
    case '(':
        if (at(pos + 1) == '?')
            return parseGroupStart();
        // Captures do not matter for matching.
        if (!openGroup(flags, u"(?:"_s))
            return false;
        ++pos;
        return true;
    case '|':
        frames.back().alternatives.append(QList<Item>());
        ++pos;
        return true;
    case ')':
        return closeGroup();
    case '^':
        // Go's default is one-line mode: ^ is the start of the text.
        push(flags.multiLine ? u"(?<![^\\n])"_s : u"\\A"_s);
        ++pos;
        return true;
    case '$':
        // ... and $ its very end (PCRE's $ would also match before a final newline).
        push(flags.multiLine ? u"(?![^\\n])"_s : u"\\z"_s);
        ++pos;
        return true;
    case '.':
        push(flags.dotNewline ? u"[\\x{0}-\\x{10ffff}]"_s : u"[^\\n]"_s);
        ++pos;
        return true;
    case '[': {
        QString piece;
        if (!atoms.characterClass(&piece))
            return false;
        push(piece);
        return true;
    }
    case '*':
    case '+':
    case '?': {
        const std::size_t start = pos++;
        return repeat(c == '+' ? 1 : 0, c == '?' ? 1 : -1, false, start,
                      QString(QChar(char16_t(c))));
    }
    case '{': {
        // {n}, {n,} or {n,m} with plain decimal numbers (no leading zeros); anything else
        // makes { an ordinary character.
        const std::size_t start = pos;
        std::size_t i = pos + 1;
        const auto number = [&](int *value) {
            if (!has(i) || s[i] < '0' || s[i] > '9')
                return false;
            if (s[i] == '0' && has(i + 1) && s[i + 1] >= '0' && s[i + 1] <= '9')
                return false;
            qint64 n = 0;
            for (; has(i) && s[i] >= '0' && s[i] <= '9'; ++i)
                n = n >= 100000000 ? n : n * 10 + (s[i] - '0');
            *value = n >= 100000000 ? -1 : int(n);
            return true;
        };
        int min = 0;
        int max = 0;
        bool ok = number(&min);
        if (ok && at(i) == ',') {
            ++i;
            if (at(i) == '}') {
                max = -1;
            } else {
                ok = number(&max);
                if (ok && max < 0)
                    min = -1;
            }
        } else {
            max = min;
        }
        if (!ok || at(i) != '}') {
            push(Re2Atoms::literal('{'));
            ++pos;
            return true;
        }
        pos = i + 1;
        if (min < 0 || min > MaxRepeat || max > MaxRepeat || (max >= 0 && min > max))
            return fail(u"invalid repeat count"_s, slice(start, pos),
                        u"repetition counts go up to 1000"_s);
        QString quantifier = u'{' + QString::number(min);
        if (max != min)
            quantifier += u',' + (max < 0 ? QString() : QString::number(max));
        return repeat(min, max, true, start, quantifier + u'}');
    }
    case '\\':
        return parseBackslash();
    default:
        push(Re2Atoms::literal(c));
        ++pos;
        return true;
    }
}

bool Parser::repeat(int min, int max, bool counted, std::size_t opStart, const QString &quantifier)
{
    bool lazy = flags.nonGreedy;
    if (at(pos) == '?') {
        lazy = !lazy;
        ++pos;
    }
    if (lastRepeat != std::u32string::npos) {
        const bool possessive = s[opStart] == '+';
        return fail(u"invalid nested repetition operator"_s, slice(lastRepeat, pos),
                    possessive ? u"possessive quantifiers are not supported"_s
                               : u"write one repetition operator per item, or group the item"_s);
    }
    QList<Item> &items = frames.back().alternatives.back();
    auto atom =
        std::find_if(items.rbegin(), items.rend(), [](const Item &item) { return item.atom; });
    if (atom == items.rend())
        return fail(u"missing argument to repetition operator"_s, slice(opStart, pos));
    std::vector<RepeatNode> repeats = std::move(atom->repeats);
    if (counted) {
        RepeatNode node{min, max, std::move(repeats)};
        if ((min >= 2 || max >= 2) && !repeatIsValid(node, MaxRepeat))
            return fail(u"invalid repeat count"_s, slice(opStart, pos),
                        u"nested repetitions multiply to more than 1000"_s);
        repeats = {std::move(node)};
    }
    // In place: a flag change between the item and its operator, as in a(?i)*, stays after it.
    atom->text = u"(?:"_s + atom->text + u')' + quantifier + (lazy ? u"?"_s : QString());
    atom->repeats = std::move(repeats);
    thisRepeat = opStart;
    return true;
}

bool Parser::parseGroupStart()
{
    const std::size_t start = pos;
    const char32_t c2 = at(pos + 2);
    const char32_t c3 = at(pos + 3);
    const auto unsupported = [&](std::size_t length, const QString &hint) {
        return fail(u"invalid or unsupported Perl syntax"_s, slice(start, start + length), hint);
    };
    if (c2 == '=' || c2 == '!')
        return unsupported(3, u"lookahead assertions are not supported"_s);
    if (c2 == '<' && (c3 == '=' || c3 == '!'))
        return unsupported(4, u"lookbehind assertions are not supported"_s);
    if (c2 == '>')
        return unsupported(3, u"atomic groups are not supported"_s);
    if (c2 == '#')
        return unsupported(3, u"comments are not supported"_s);
    if (c2 == '|')
        return unsupported(3, u"branch reset groups are not supported"_s);
    if (c2 == '(')
        return unsupported(3, u"conditionals are not supported"_s);
    if (c2 == 'R' || c2 == '&' || c2 == '+' || (c2 >= '0' && c2 <= '9') ||
        (c2 == '-' && c3 >= '0' && c3 <= '9') || (c2 == 'P' && c3 == '>'))
        return unsupported(c2 == 'P' ? 4 : 3,
                           u"recursion and subroutine calls are not supported"_s);
    if (c2 == 'P' && c3 == '=')
        return unsupported(4, u"backreferences are not supported"_s);
    if (c2 == '\'')
        return unsupported(3, u"name a group as (?P<name>...) or (?<name>...)"_s);

    // Named groups: (?P<name>...), and since Go 1.22 (?<name>...).
    const bool pythonStyle = c2 == 'P' && c3 == '<' && s.size() - pos > 4;
    const bool perlStyle = c2 == '<' && s.size() - pos > 3;
    if (pythonStyle || perlStyle) {
        const std::size_t end = s.find(U'>', pos);
        if (end == std::u32string::npos)
            return fail(u"invalid named capture"_s, slice(pos, s.size()));
        const QString name = slice(pos + (pythonStyle ? 4 : 3), end);
        const bool valid = !name.isEmpty() && std::all_of(name.begin(), name.end(), [](QChar ch) {
            return ch == u'_' || (ch.unicode() < 0x80 && ch.isLetterOrNumber());
        });
        if (!valid)
            return fail(u"invalid named capture"_s, slice(pos, end + 1),
                        u"names are made of letters, digits and _"_s);
        // Names do not matter for matching, and PCRE has rules of its own for them.
        if (!openGroup(flags, u"(?:"_s))
            return false;
        pos = end + 1;
        return true;
    }

    // Flags, alone as (?i-s) or starting a non-capturing group as (?i:...).
    Flags changed = flags;
    bool negative = false;
    bool sawFlag = false;
    std::size_t i = pos + 2;
    while (has(i)) {
        const char32_t c = s[i++];
        switch (c) {
        case 'i':
        case 'm':
        case 's':
        case 'U': {
            bool &flag = c == 'i'   ? changed.foldCase
                         : c == 'm' ? changed.multiLine
                         : c == 's' ? changed.dotNewline
                                    : changed.nonGreedy;
            flag = !negative;
            sawFlag = true;
            continue;
        }
        case '-':
            if (negative)
                break;
            negative = true;
            sawFlag = false;
            continue;
        case ':':
        case ')': {
            if (negative && !sawFlag)
                break;
            const bool foldBefore = flags.foldCase;
            if (c == ':') {
                QString head = u"(?:"_s;
                if (changed.foldCase != foldBefore)
                    head += changed.foldCase ? u"(?i)"_s : u"(?-i)"_s;
                if (!openGroup(flags, head))
                    return false;
                flags = changed;
            } else {
                flags = changed;
                pushFlagChange(foldBefore);
            }
            pos = i;
            return true;
        }
        default:
            break;
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        return fail(u"invalid or unsupported Perl syntax"_s, slice(start, i),
                    letter && c != 'P' ? u"the only flags are i, m, s and U"_s : QString());
    }
    return fail(u"invalid or unsupported Perl syntax"_s, slice(start, i));
}

bool Parser::closeGroup()
{
    if (frames.size() == 1)
        return fail(u"unexpected )"_s, slice(0, s.size()));
    Frame frame = std::move(frames.back());
    frames.pop_back();
    std::vector<RepeatNode> repeats;
    const QString body = joined(frame.alternatives, &repeats);
    flags = frame.outerFlags;
    push(frame.head + body + u')', std::move(repeats));
    ++pos;
    return true;
}

bool Parser::parseBackslash()
{
    if (has(pos + 1)) {
        switch (s[pos + 1]) {
        case 'A':
            push(u"\\A"_s);
            pos += 2;
            return true;
        case 'b':
            push(u"\\b"_s);
            pos += 2;
            return true;
        case 'B':
            push(u"\\B"_s);
            pos += 2;
            return true;
        case 'z':
            push(u"\\z"_s);
            pos += 2;
            return true;
        case 'C':
            return fail(u"invalid escape sequence"_s, u"\\C"_s,
                        u"matching single bytes is not supported"_s);
        case 'Q': {
            // Everything up to \E (or the end) is literal.
            const std::size_t end = s.find(U"\\E", pos + 2);
            const std::size_t stop = end == std::u32string::npos ? s.size() : end;
            for (std::size_t i = pos + 2; i < stop; ++i)
                push(Re2Atoms::literal(s[i]));
            pos = end == std::u32string::npos ? s.size() : end + 2;
            return true;
        }
        case 'p':
        case 'P': {
            QString piece;
            if (!atoms.unicodeClass(&piece))
                return false;
            push(piece);
            return true;
        }
        case 'd':
        case 'D':
        case 'w':
        case 'W':
        case 's':
        case 'S':
            push(Re2Atoms::perlClass(s[pos + 1]));
            pos += 2;
            return true;
        default:
            break;
        }
    }
    char32_t rune = 0;
    if (!atoms.escape(&rune))
        return false;
    push(Re2Atoms::literal(rune));
    return true;
}

std::optional<QString> translate(const QString &pattern, QString *error)
{
    // Go patterns are UTF-8: a lone surrogate has no spelling there.
    std::u32string code;
    code.reserve(std::size_t(pattern.size()));
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c.isHighSurrogate() && i + 1 < pattern.size() && pattern.at(i + 1).isLowSurrogate()) {
            code.push_back(QChar::surrogateToUcs4(c, pattern.at(i + 1)));
            ++i;
        } else if (c.isSurrogate()) {
            if (error)
                *error = u"invalid UTF-8"_s;
            return std::nullopt;
        } else {
            code.push_back(c.unicode());
        }
    }
    Parser parser(code);
    auto result = parser.run();
    if (!result && error)
        *error = parser.error();
    return result;
}

} // namespace

bool checkRe2Syntax(const QString &pattern, QString *error)
{
    return translate(pattern, error).has_value();
}

std::optional<QRegularExpression> compileRe2(const QString &pattern, QString *error)
{
    const auto translated = translate(pattern, error);
    if (!translated)
        return std::nullopt;
    QRegularExpression expression(*translated);
    if (!expression.isValid()) {
        // Valid Go syntax this PCRE cannot follow, such as a script newer than its Unicode.
        if (error)
            *error = u"not supported by this build's regular expression engine: "_s +
                     expression.errorString();
        return std::nullopt;
    }
    return expression;
}

} // namespace Stevedore
