#include "ui/shortcutsdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QString plain(QString text)
{
    // "&Open Pipeline Folder…" → "Open Pipeline Folder"; a literal "&&" stays one "&".
    text.replace(u"&&"_s, u"\x01"_s).remove(u'&').replace(u'\x01', u'&');
    return text.remove(u'\u2026').trimmed();
}

void addRows(QTableWidget *table, const QMenu *menu, const QString &path)
{
    const QList<QAction *> actions = menu->actions();
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (const QMenu *sub = action->menu()) {
            addRows(table, sub, path + u" \u2192 "_s + plain(action->text()));
            continue;
        }
        const QList<QKeySequence> keys = action->shortcuts();
        if (keys.isEmpty())
            continue;
        QStringList texts;
        for (const QKeySequence &key : keys)
            texts.append(key.toString(QKeySequence::NativeText));
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(path));
        table->setItem(row, 1, new QTableWidgetItem(plain(action->text())));
        table->setItem(row, 2, new QTableWidgetItem(texts.join(ShortcutsDialog::tr(", "))));
        if (!action->toolTip().isEmpty() && action->toolTip() != plain(action->text()))
            table->item(row, 1)->setToolTip(action->toolTip());
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 3, this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_table->setHorizontalHeaderLabels({tr("Menu"), tr("Action"), tr("Shortcut")});
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    const QList<QAction *> menus = menuBar->actions();
    for (const QAction *menu : menus) {
        if (menu->menu())
            addRows(m_table, menu->menu(), plain(menu->text()));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(560, 520);
}

} // namespace Stevedore
