#pragma once

#include <QString>

#include <string>

namespace Stevedore {

/// The parts of an RE2 pattern that stand for characters (escapes, character classes, Unicode
/// groups), read at a position in the pattern by Go's rules and written out for PCRE. A helper
/// of re2syntax.cpp.
class Re2Atoms
{
public:
    /// Reads @p pattern from @p position, which each successful read moves past what it read;
    /// on failure @p error gets Go's description of the problem.
    Re2Atoms(const std::u32string &pattern, std::size_t &position, QString &error)
        : s(pattern)
        , pos(position)
        , m_error(error)
    {}

    /// A character as PCRE reads it literally, inside a character class or outside.
    static QString literal(char32_t c);
    /// \d, \D, \s, \S, \w or \W (by its letter) as PCRE must read it outside a class to match
    /// what Go matches; empty for any other letter.
    static QString perlClass(char32_t letter);
    /// Go's wording: "<code>: `<expression>`", and a hint in parentheses if there is one.
    static QString message(const QString &code, const QString &expression,
                           const QString &hint = {});

    /// An escape that stands for one character, at a backslash.
    bool escape(char32_t *rune);
    /// \p{Name}, \pN, \P{^Name} and so on, at the backslash.
    bool unicodeClass(QString *pcre);
    /// [...] or [^...], at the bracket.
    bool characterClass(QString *pcre);

private:
    bool has(std::size_t i) const { return i < s.size(); }
    char32_t at(std::size_t i) const { return i < s.size() ? s[i] : 0; }
    QString slice(std::size_t from, std::size_t to) const;
    bool fail(const QString &code, const QString &expression, const QString &hint = {});

    const std::u32string &s;
    std::size_t &pos;
    QString &m_error;
};

} // namespace Stevedore
