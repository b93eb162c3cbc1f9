#include "ui/diffhighlighter.h"

#include "ui/palettecolors.h"

#include <QGuiApplication>
#include <QPalette>

namespace Stevedore {

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
    QTextCharFormat format;
    if (text.startsWith(u"diff --git") || text.startsWith(u"index ") || text.startsWith(u"--- ") ||
        text.startsWith(u"+++ ") || text.startsWith(u"new file") ||
        text.startsWith(u"deleted file") || text.startsWith(u"old mode") ||
        text.startsWith(u"new mode") || text.startsWith(u"# ")) {
        format.setFontWeight(QFont::Bold);
    } else if (text.startsWith(u"@@")) {
        format.setForeground(dark ? QColor(0x79, 0xb8, 0xff) : QColor(0x05, 0x50, 0xae));
    } else if (text.startsWith(u'+')) {
        format.setForeground(dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x11, 0x63, 0x29));
        format.setBackground(dark ? QColor(0x2e, 0xa0, 0x43, 60) : QColor(0xe6, 0xff, 0xec));
    } else if (text.startsWith(u'-')) {
        format.setForeground(dark ? QColor(0xff, 0xa1, 0x98) : QColor(0x82, 0x07, 0x1e));
        format.setBackground(dark ? QColor(0xf8, 0x51, 0x49, 60) : QColor(0xff, 0xeb, 0xe9));
    } else {
        return;
    }
    if (format.hasProperty(QTextFormat::ForegroundBrush)) {
        // Against what the line is drawn on: the tint over the editor's Base.
        const QColor base = QGuiApplication::palette().color(QPalette::Base);
        QColor background = base;
        if (format.hasProperty(QTextFormat::BackgroundBrush)) {
            const QColor tint = format.background().color();
            const qreal a = tint.alphaF();
            background = QColor::fromRgbF(tint.redF() * a + base.redF() * (1 - a),
                                          tint.greenF() * a + base.greenF() * (1 - a),
                                          tint.blueF() * a + base.blueF() * (1 - a));
        }
        format.setForeground(PaletteColors::readableOn(format.foreground().color(), background));
    }
    setFormat(0, int(text.size()), format);
}

} // namespace Stevedore
