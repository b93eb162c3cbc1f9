#include "engine/yamlscalartext_p.h"

#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Stevedore::YamlScalarText {

bool looksTyped(const QString &s)
{
    // YAML 1.1 and 1.2 nulls, bools, numbers and timestamps, which a plain scalar would become.
    static const QRegularExpression typed(QStringLiteral(
        "^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|y|Y|yes|Yes|YES|n|N|no|No|NO"
        "|on|On|ON|off|Off|OFF|<<|="
        "|[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
        "|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+"
        "|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
        "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)"
        "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$"));
    return typed.match(s).hasMatch();
}

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        if ((c.unicode() < 0x20 && c != u'\t') || c.unicode() == 0x7F || c.unicode() == 0x85 ||
            c.unicode() == 0x2028 || c.unicode() == 0x2029 || c.unicode() == 0xFEFF)
            return true;
    }
    return false;
}

bool canBePlain(const QString &s, bool inFlow)
{
    if (s.isEmpty() || hasControl(s) || s.contains(u'\t') || looksTyped(s))
        return false;
    if (s.front().isSpace() || s.back().isSpace() || s.endsWith(u':'))
        return false;
    if (QStringLiteral("-?:,[]{}#&*!|>'\"%@`").contains(s.front()))
        return false;
    if (s.contains(u": "_s) || s.contains(u" #"_s) || s.startsWith(u"..."_s))
        return false;
    if (inFlow) {
        for (const QChar c : s) {
            if (QStringLiteral(",[]{}").contains(c) || c == u':')
                return false;
        }
    }
    return true;
}

QByteArray doubleQuoted(const QString &s)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case 0x85:
            out += u"\\N"_s;
            break;
        case 0x2028:
            out += u"\\L"_s;
            break;
        case 0x2029:
            out += u"\\P"_s;
            break;
        case 0xFEFF:
            out += u"\\uFEFF"_s;
            break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7F)
                out += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out.toUtf8();
}

QByteArray singleQuoted(const QString &s)
{
    QString escaped = s;
    escaped.replace(u'\'', u"''"_s);
    return '\'' + escaped.toUtf8() + '\'';
}

/// A block scalar (`|` or `>`) for a multi-line string, or nothing when @p s has no block form
/// that reads back as @p s (more than one trailing line break, a first line that is empty or
/// starts with a space, control characters, or indented lines in a folded scalar).
std::optional<QByteArray> blockScalar(const QString &s, char indicator, qsizetype indent,
                                      const QByteArray &eol)
{
    if (!s.contains(u'\n') || hasControl(QString(s).remove(u'\n')) || s.endsWith(u"\n\n"_s))
        return std::nullopt;
    const bool clip = s.endsWith(u'\n');
    const QStringList lines = (clip ? s.chopped(1) : s).split(u'\n');
    if (lines.front().isEmpty() || lines.front().front().isSpace())
        return std::nullopt;
    const QByteArray spaces(indent, ' ');
    QByteArray out(1, indicator);
    if (!clip)
        out += '-';
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines[i];
        if (indicator == '>' && !line.isEmpty() && line.front().isSpace())
            return std::nullopt;
        out += eol;
        if (!line.isEmpty())
            out += spaces + line.toUtf8();
        // In a folded scalar a single line break reads as a space: an empty line keeps it.
        if (indicator == '>' && !line.isEmpty() && i + 1 < lines.size())
            out += eol;
    }
    return out;
}

std::optional<QByteArray> typedText(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return QByteArray("null");
    case QMetaType::Bool:
        return QByteArray(value.toBool() ? "true" : "false");
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
        return QByteArray::number(value.toLongLong());
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
        return QByteArray::number(value.toULongLong());
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        if (std::isnan(d))
            return QByteArray(".nan");
        if (std::isinf(d))
            return QByteArray(d > 0 ? ".inf" : "-.inf");
        QByteArray text = QString::number(d, 'g', QLocale::FloatingPointShortest).toUtf8();
        return text;
    }
    default:
        return std::nullopt;
    }
}

bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString || value.typeId() == QMetaType::QByteArray;
}

/// The scalar text of a string in a new entry or a plain scalar: plain when that reads back as
/// the same string, double-quoted otherwise.
QByteArray plainOrQuoted(const QString &s, bool inFlow)
{
    return canBePlain(s, inFlow) ? s.toUtf8() : doubleQuoted(s);
}

} // namespace Stevedore::YamlScalarText
