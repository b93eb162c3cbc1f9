#pragma once

#include <QColor>
#include <QPalette>

namespace Stevedore {

/// Colours that follow the platform palette, light or dark: what the highlighters, the graph
/// and the panels draw text and marks with. Accent colours keep their hue and are made
/// lighter or darker until they read well on the palette's background (WCAG contrast).
class PaletteColors
{
public:
    enum class Role
    {
        Error,
        Warning,
        Success,
        Info,
        Muted, ///< secondary text: timestamps, comments
    };

    /// WCAG 2 minimum for normal text.
    static constexpr double readableContrast = 4.5;

    static bool isDark(const QPalette &palette);
    /// WCAG 2 relative luminance, 0 (black) to 1 (white).
    static double luminance(const QColor &colour);
    /// WCAG 2 contrast ratio, 1 to 21.
    static double contrast(const QColor &a, const QColor &b);
    /// @p colour with its hue kept, lightened or darkened until it has at least @p minimum
    /// contrast with @p background.
    static QColor readableOn(const QColor &colour, const QColor &background,
                             double minimum = readableContrast);
    /// The colour for @p role as text on the palette's Base (editors, lists) background.
    static QColor text(Role role, const QPalette &palette);
    /// The same on an arbitrary background (a node's fill, a highlighted line).
    static QColor text(Role role, const QPalette &palette, const QColor &background);
    /// A faint tint of @p colour for backgrounds (diff lines, badges), for the palette's
    /// Base.
    static QColor tint(const QColor &colour, const QPalette &palette);
};

} // namespace Stevedore
