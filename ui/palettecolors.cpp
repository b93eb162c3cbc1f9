#include "ui/palettecolors.h"

#include <algorithm>
#include <cmath>

namespace Stevedore {

namespace {

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

QColor baseColour(PaletteColors::Role role)
{
    switch (role) {
    case PaletteColors::Role::Error:
        return QColor(0xd3, 0x2f, 0x2f);
    case PaletteColors::Role::Warning:
        return QColor(0xc7, 0x7c, 0x02);
    case PaletteColors::Role::Success:
        return QColor(0x2e, 0x7d, 0x32);
    case PaletteColors::Role::Info:
        return QColor(0x15, 0x65, 0xc0);
    case PaletteColors::Role::Muted:
        return QColor(0x75, 0x75, 0x75);
    }
    return Qt::gray;
}

} // namespace

bool PaletteColors::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

double PaletteColors::luminance(const QColor &colour)
{
    const QColor rgb = colour.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) +
           0.0722 * linear(rgb.blueF());
}

double PaletteColors::contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor PaletteColors::readableOn(const QColor &colour, const QColor &background, double minimum)
{
    if (contrast(colour, background) >= minimum)
        return colour;
    // Towards white on dark backgrounds, towards black on light ones, in small steps of HSL
    // lightness so that the hue stays recognisable.
    const bool lighten = luminance(background) < 0.4;
    float h = 0, s = 0, l = 0, a = 0;
    colour.toHsl().getHslF(&h, &s, &l, &a);
    QColor candidate = colour;
    for (int step = 0; step < 100 && contrast(candidate, background) < minimum; ++step) {
        l = std::clamp(l + (lighten ? 0.02f : -0.02f), 0.0f, 1.0f);
        candidate = QColor::fromHslF(h, s, l, a);
    }
    if (contrast(candidate, background) < minimum)
        candidate = lighten ? QColor(Qt::white) : QColor(Qt::black);
    return candidate.toRgb();
}

QColor PaletteColors::text(Role role, const QPalette &palette)
{
    return text(role, palette, palette.color(QPalette::Base));
}

QColor PaletteColors::text(Role role, const QPalette &palette, const QColor &background)
{
    if (role == Role::Muted) {
        // Halfway between the text and its background, then made readable.
        const QColor fore = palette.color(QPalette::Text);
        const QColor mixed((fore.red() + background.red()) / 2,
                           (fore.green() + background.green()) / 2,
                           (fore.blue() + background.blue()) / 2);
        return readableOn(mixed, background);
    }
    return readableOn(baseColour(role), background);
}

QColor PaletteColors::tint(const QColor &colour, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const double share = isDark(palette) ? 0.30 : 0.16;
    const auto mix = [share](int a, int b) {
        return int(std::lround(a * share + b * (1 - share)));
    };
    return QColor(mix(colour.red(), base.red()), mix(colour.green(), base.green()),
                  mix(colour.blue(), base.blue()));
}

} // namespace Stevedore
