#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"
#include "engine/warehousestatus.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Stevedore {

/// The side panel: everything the manifests say about the selected stage or warehouse.
class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    void showStage(const Pipeline &pipeline, const QString &name);
    void showWarehouse(const Pipeline &pipeline, const QString &name,
                       const WarehouseStatus &status = {}, const QList<Freight> &freight = {});
    void showNothing();

    QString shownName() const { return m_shownName; }

Q_SIGNALS:
    /// The user asked for the shown warehouse to be polled now.
    void refreshRequested(const QString &warehouse);
    /// The user asked to see where something is defined.
    void locationActivated(const Stevedore::SourceLocation &location);

private:
    QTreeWidgetItem *section(const QString &title);
    QTreeWidgetItem *row(QTreeWidgetItem *parent, const QString &field, const QString &value);
    void addLocationRow(const SourceLocation &location);
    void setTitle(const QString &title, const QString &subtitle, const QColor &color);

    QLabel *m_swatch;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTreeWidget *m_tree;
    QPushButton *m_refresh;
    QString m_shownName;
};

} // namespace Stevedore
