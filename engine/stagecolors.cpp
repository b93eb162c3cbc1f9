#include "engine/stagecolors.h"

#include <QCryptographicHash>

#include <array>
#include <utility>

namespace Stevedore::StageColors {

namespace {

// Names and values as in Kargo's UI (ui/src/features/stage/utils), in its order.
constexpr std::array<std::pair<const char16_t *, const char16_t *>, 21> palette{{
    {u"red", u"#ed204e"},        {u"salmon", u"#fd5352"},     {u"orange", u"#fe7537"},
    {u"amber", u"#e78a00"},      {u"yellow", u"#dfc546"},     {u"lime", u"#9bce22"},
    {u"avocado", u"#84df75"},    {u"green", u"#1cac77"},      {u"teal", u"#1bc1a7"},
    {u"cyan", u"#1dceca"},       {u"sky", u"#0dafd3"},        {u"blue", u"#3882ea"},
    {u"indigo", u"#2d5edc"},     {u"periwinkle", u"#6380e1"}, {u"violet", u"#7851aa"},
    {u"purple", u"#a9499d"},     {u"fuchsia", u"#d0469d"},    {u"pink", u"#e573a2"},
    {u"rose", u"#f1619b"},       {u"dragonfruit", u"#fe43a3"}, {u"gray", u"#6a7382"},
}};

} // namespace

QStringList names()
{
    QStringList result;
    for (const auto &[name, value] : palette)
        result.append(QString::fromUtf16(name));
    return result;
}

bool isKnown(const QString &name)
{
    return !hex(name).isEmpty();
}

QString hex(const QString &name)
{
    for (const auto &[key, value] : palette) {
        if (name == QStringView(key))
            return QString::fromUtf16(value);
    }
    return {};
}

QString fallbackHex(const QString &stageName)
{
    // Gray is left out: it reads as "disabled".
    const QByteArray digest =
        QCryptographicHash::hash(stageName.toUtf8(), QCryptographicHash::Sha1);
    const auto index = quint8(digest.at(0)) % (palette.size() - 1);
    return QString::fromUtf16(palette[index].second);
}

} // namespace Stevedore::StageColors
