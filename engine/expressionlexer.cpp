#include "engine/expressionlexer_p.h"

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_' || c == u'$';
}

bool isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || c.isDigit();
}

} // namespace

bool ExpressionLexer::tokenize(const QString &s, QList<Token> *tokens, QString *error)
{
    auto fail = [error](const QString &message, int column) {
        if (error)
            *error = u"%1 (column %2)"_s.arg(message).arg(column);
        return false;
    };
    qsizetype i = 0;
    const qsizetype n = s.size();
    while (i < n) {
        const QChar c = s[i];
        const int column = int(i) + 1;
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && s[i + 1] == u'/') {
            while (i < n && s[i] != u'\n')
                ++i;
            continue;
        }
        if (c == u'/' && i + 1 < n && s[i + 1] == u'*') {
            const qsizetype end = s.indexOf(u"*/"_s, i + 2);
            if (end < 0)
                return fail(u"unterminated comment"_s, column);
            i = end + 2;
            continue;
        }
        Token token;
        token.column = column;
        if (c.isDigit() || (c == u'.' && i + 1 < n && s[i + 1].isDigit())) {
            qsizetype j = i;
            bool isFloat = false;
            int base = 10;
            if (c == u'0' && i + 1 < n && QStringView(u"xXoObB").contains(s[i + 1])) {
                const QChar b = s[i + 1].toLower();
                base = b == u'x' ? 16 : b == u'o' ? 8 : 2;
                j += 2;
                while (j < n && (s[j].isLetterOrNumber() || s[j] == u'_'))
                    ++j;
            } else {
                while (j < n && (s[j].isDigit() || s[j] == u'_'))
                    ++j;
                // "1..3" is a range, not the float "1." followed by ".3".
                if (j < n && s[j] == u'.' && !(j + 1 < n && s[j + 1] == u'.')) {
                    isFloat = true;
                    ++j;
                    while (j < n && (s[j].isDigit() || s[j] == u'_'))
                        ++j;
                }
                if (j < n && (s[j] == u'e' || s[j] == u'E')) {
                    qsizetype k = j + 1;
                    if (k < n && (s[k] == u'+' || s[k] == u'-'))
                        ++k;
                    if (k < n && s[k].isDigit()) {
                        isFloat = true;
                        j = k;
                        while (j < n && s[j].isDigit())
                            ++j;
                    }
                }
            }
            if (j < n && isIdentifierPart(s[j]))
                return fail(u"invalid number literal"_s, column);
            QString text = s.mid(i, j - i);
            token.text = text;
            text.remove(u'_');
            bool ok = false;
            if (isFloat) {
                token.value = text.toDouble(&ok);
            } else {
                const qint64 v = (base == 10 ? text : text.mid(2)).toLongLong(&ok, base);
                token.value = v;
            }
            if (!ok)
                return fail(u"invalid number literal %1"_s.arg(token.text), column);
            token.type = Token::Number;
            i = j;
        } else if (c == u'"' || c == u'\'') {
            QString value;
            qsizetype j = i + 1;
            for (;;) {
                if (j >= n || s[j] == u'\n')
                    return fail(u"literal not terminated"_s, column);
                const QChar d = s[j];
                if (d == c) {
                    ++j;
                    break;
                }
                if (d != u'\\') {
                    value += d;
                    ++j;
                    continue;
                }
                if (j + 1 >= n)
                    return fail(u"literal not terminated"_s, column);
                const QChar e = s[j + 1];
                const int escapeColumn = int(j) + 1;
                j += 2;
                switch (e.unicode()) {
                case 'n':
                    value += u'\n';
                    break;
                case 't':
                    value += u'\t';
                    break;
                case 'r':
                    value += u'\r';
                    break;
                case 'a':
                    value += QChar(7);
                    break;
                case 'b':
                    value += QChar(8);
                    break;
                case 'f':
                    value += QChar(12);
                    break;
                case 'v':
                    value += QChar(11);
                    break;
                case '\\':
                    value += u'\\';
                    break;
                case '\'':
                    value += u'\'';
                    break;
                case '"':
                    value += u'"';
                    break;
                case 'x':
                case 'u':
                case 'U': {
                    const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
                    bool ok = false;
                    const uint code = s.mid(j, digits).toUInt(&ok, 16);
                    if (!ok || j + digits > n || code > 0x10FFFF)
                        return fail(u"invalid escape sequence"_s, escapeColumn);
                    value += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
                    j += digits;
                    break;
                }
                default:
                    return fail(u"invalid escape sequence \\%1"_s.arg(e), escapeColumn);
                }
            }
            token.type = Token::String;
            token.value = value;
            token.text = s.mid(i, j - i);
            i = j;
        } else if (c == u'`') {
            const qsizetype end = s.indexOf(u'`', i + 1);
            if (end < 0)
                return fail(u"literal not terminated"_s, column);
            token.type = Token::String;
            token.value = s.mid(i + 1, end - i - 1);
            token.text = s.mid(i, end - i + 1);
            i = end + 1;
        } else if (isIdentifierStart(c)) {
            qsizetype j = i;
            while (j < n && isIdentifierPart(s[j]))
                ++j;
            token.type = Token::Name;
            token.text = s.mid(i, j - i);
            i = j;
        } else if (c == u'#') {
            qsizetype j = i + 1;
            while (j < n && isIdentifierPart(s[j]))
                ++j;
            token.type = Token::Pointer;
            token.text = s.mid(i, j - i);
            i = j;
        } else {
            static const QStringList operators = {
                u"?."_s, u"??"_s, u"**"_s, u".."_s, u"=="_s, u"!="_s, u"<="_s, u">="_s,
                u"&&"_s, u"||"_s, u"+"_s,  u"-"_s,  u"*"_s,  u"/"_s,  u"%"_s,  u"^"_s,
                u"<"_s,  u">"_s,  u"!"_s,  u"("_s,  u")"_s,  u"["_s,  u"]"_s,  u"{"_s,
                u"}"_s,  u","_s,  u":"_s,  u"?"_s,  u"."_s,  u"|"_s,
            };
            for (const QString &op : operators) {
                if (QStringView(s).mid(i).startsWith(op)) {
                    token.text = op;
                    break;
                }
            }
            if (token.text.isEmpty())
                return fail(u"unexpected character %1"_s.arg(c), column);
            token.type = Token::Operator;
            i += token.text.size();
        }
        tokens->append(token);
    }
    Token end;
    end.column = int(n) + 1;
    tokens->append(end);
    return true;
}

} // namespace Stevedore
