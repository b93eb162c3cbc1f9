#include "ui/freightcarddelegate.h"

#include "models/freightlanemodel.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

constexpr int margin = 6;
constexpr int padding = 6;

/// "3 min", "5 h", "2 d": how long ago, short.
QString age(const QDateTime &when)
{
    const qint64 seconds = when.secsTo(QDateTime::currentDateTimeUtc());
    if (seconds < 60)
        return FreightCardDelegate::tr("now");
    if (seconds < 3600)
        return FreightCardDelegate::tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return FreightCardDelegate::tr("%1 h").arg(seconds / 3600);
    return FreightCardDelegate::tr("%1 d").arg(seconds / 86400);
}

bool isDark(const QColor &color)
{
    return color.lightnessF() < 0.5;
}

/// A pill with @p text; filled with @p fill, or outlined in @p outline when fill is invalid.
int drawPill(QPainter *painter, int x, int y, const QString &text, const QFont &font,
             const QColor &fill, const QColor &outline, const QColor &textColor, int maxRight)
{
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int width = metrics.horizontalAdvance(text) + 10;
    if (x + width > maxRight)
        return -1;
    const QRectF rect(x + 0.5, y + 0.5, width - 1, height - 1);
    painter->setPen(fill.isValid() ? Qt::NoPen : QPen(outline, 1));
    painter->setBrush(fill.isValid() ? QBrush(fill) : Qt::NoBrush);
    painter->drawRoundedRect(rect, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(textColor);
    painter->drawText(rect, Qt::AlignCenter, text);
    return x + width + 3;
}

} // namespace

FreightCardDelegate::FreightCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

int FreightCardDelegate::cardHeight(const QFont &font) const
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    const int line = QFontMetrics(font).height();
    const int smallLine = QFontMetrics(small).height() + 2;
    // Alias, artifacts, then stages and badges in one row.
    return 2 * margin + 2 * padding + line + 2 + m_artifactLines * line + smallLine + 4;
}

QSize FreightCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {cardWidth + 2 * margin, cardHeight(option.font)};
}

void FreightCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPalette &palette = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    const QRect card = option.rect.adjusted(margin, margin, -margin, -margin);

    QColor border = palette.color(QPalette::Mid);
    if (selected)
        border = palette.color(QPalette::Highlight);
    else if (hovered)
        border = palette.color(QPalette::Dark);
    painter->setPen(QPen(border, selected ? 2 : 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);

    const QRect content = card.adjusted(padding, padding, -padding, -padding);
    const QFontMetrics metrics(option.font);
    QFont bold = option.font;
    bold.setBold(true);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.85);
    const QColor text = palette.color(QPalette::Text);
    const QColor muted = palette.color(QPalette::PlaceholderText);
    int y = content.top();

    // Alias, and how long ago it was found.
    const QString when = age(index.data(FreightLaneModel::DiscoveredRole).toDateTime());
    painter->setFont(small);
    painter->setPen(muted);
    const int whenWidth = QFontMetrics(small).horizontalAdvance(when);
    painter->drawText(QRect(content.right() - whenWidth, y, whenWidth, metrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, when);
    painter->setFont(bold);
    painter->setPen(text);
    painter->drawText(
        QRect(content.left(), y, content.width() - whenWidth - 6, metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data(FreightLaneModel::AliasRole).toString(),
                                      Qt::ElideRight, content.width() - whenWidth - 6));
    y += metrics.height() + 2;

    // Artifacts; those that changed from the previous freight marked.
    const QStringList artifacts = index.data(FreightLaneModel::ArtifactsRole).toStringList();
    const QList<bool> changed = index.data(FreightLaneModel::ChangedRole).value<QList<bool>>();
    QColor changedFill = palette.color(QPalette::Highlight);
    changedFill.setAlpha(isDark(palette.color(QPalette::Base)) ? 110 : 60);
    for (int i = 0; i < artifacts.size() && i < m_artifactLines; ++i) {
        const QRect line(content.left(), y, content.width(), metrics.height());
        const bool isChanged = m_highlightChanges && i < changed.size() && changed.at(i);
        if (isChanged) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(changedFill);
            painter->drawRoundedRect(QRectF(line).adjusted(-3, 0, 3, 0), 3, 3);
        }
        painter->setFont(isChanged ? bold : option.font);
        painter->setPen(text);
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(painter->font())
                              .elidedText(artifacts.at(i), Qt::ElideMiddle, line.width()));
        y += metrics.height();
    }
    y = content.bottom() + 1 - (QFontMetrics(small).height() + 2);

    // One row of pills: the stages that have it, in their colours, then where it is verified
    // and approved for.
    struct Pill
    {
        QString text;
        QColor fill;
        QColor ink;
    };
    QList<Pill> pills;
    const QStringList stages = index.data(FreightLaneModel::StagesRole).toStringList();
    const QList<QColor> colors =
        index.data(FreightLaneModel::StageColorsRole).value<QList<QColor>>();
    for (int i = 0; i < stages.size(); ++i) {
        const QColor fill = colors.value(i, QColor(Qt::gray));
        pills.append({stages.at(i), fill, isDark(fill) ? QColor(Qt::white) : QColor(Qt::black)});
    }
    const QColor verified = isDark(palette.color(QPalette::Base)) ? QColor(0x5c, 0xd6, 0x8c)
                                                                  : QColor(0x1f, 0x7a, 0x3d);
    for (const QString &stage : index.data(FreightLaneModel::VerifiedRole).toStringList())
        pills.append({u"\u2713 "_s + stage, {}, verified});
    for (const QString &stage : index.data(FreightLaneModel::ApprovedRole).toStringList())
        pills.append({tr("approved %1").arg(stage), {}, palette.color(QPalette::Link)});
    int x = content.left();
    for (int i = 0; i < pills.size(); ++i) {
        const Pill &pill = pills.at(i);
        const int next =
            drawPill(painter, x, y, pill.text, small, pill.fill, pill.ink, pill.ink,
                     i + 1 < pills.size() ? content.right() - 24 : content.right());
        if (next < 0) {
            drawPill(painter, x, y, u"+%1"_s.arg(pills.size() - i), small, {}, muted, muted,
                     content.right());
            break;
        }
        x = next;
    }
    painter->restore();
}

} // namespace Stevedore
