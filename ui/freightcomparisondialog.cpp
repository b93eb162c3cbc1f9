#include "ui/freightcomparisondialog.h"

#include "ui/freightcomparisonview.h"

#include <QDialogButtonBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

FreightComparisonDialog::FreightComparisonDialog(const QString &pipelinePath, const QString &from,
                                                 const QString &to, QWidget *parent)
    : QDialog(parent)
    , m_view(new FreightComparisonView(this))
{
    setObjectName(u"freightComparison"_s);
    setWindowTitle(tr("Compare Freight"));
    resize(900, 600);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    connect(m_view, &FreightComparisonView::comparisonReady, this, [this] {
        const FreightComparison &comparison = m_view->comparison();
        if (comparison.ok)
            setWindowTitle(
                tr("Compare %1 with %2").arg(comparison.from.alias, comparison.to.alias));
    });
    m_view->compareFreight(pipelinePath, from, to);
}

} // namespace Stevedore
