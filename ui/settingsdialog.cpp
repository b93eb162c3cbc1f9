#include "ui/settingsdialog.h"

#include "engine/discoveryscheduler.h"
#include "engine/prometheusclient.h"
#include "ui/credentialspage.h"
#include "ui/palettecolors.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QString minimumIntervalKey = u"discovery/minimumIntervalSeconds"_s;
const QString perHostLimitKey = u"discovery/perHostLimit"_s;
const QString timeoutKey = u"discovery/timeoutSeconds"_s;
const QString mirrorsKey = u"registry/mirrors"_s;

/// The non-empty lines of @p edit, trimmed.
QStringList lines(const QPlainTextEdit *edit)
{
    QStringList result;
    const QStringList all = edit->toPlainText().split(u'\n');
    for (const QString &line : all) {
        if (!line.trimmed().isEmpty())
            result.append(line.trimmed());
    }
    return result;
}

QLabel *note(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_pages(new QTabWidget(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    m_pages->addTab(createDiscoveryPage(), tr("&Discovery"));
    m_pages->addTab(createRegistriesPage(), tr("&Registries"));
    m_pages->addTab(createVerificationPage(), tr("&Verification"));
    m_credentials = new CredentialsPage(this);
    m_pages->addTab(m_credentials, tr("&Credentials"));

    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, PaletteColors::text(PaletteColors::Role::Error, palette,
                                                               palette.color(QPalette::Window)));
    m_error->setPalette(palette);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(640, 440);
}

QWidget *SettingsDialog::createDiscoveryPage()
{
    const QSettings settings;
    const DiscoveryScheduler::Settings defaults;
    auto *page = new QWidget(this);
    m_minimumInterval = new QSpinBox(page);
    m_minimumInterval->setRange(0, 24 * 3600);
    m_minimumInterval->setSuffix(tr(" s"));
    m_minimumInterval->setSpecialValueText(tr("each warehouse's own interval"));
    m_minimumInterval->setValue(settings.value(minimumIntervalKey, 0).toInt());
    m_perHostLimit = new QSpinBox(page);
    m_perHostLimit->setRange(1, 64);
    m_perHostLimit->setValue(settings.value(perHostLimitKey, defaults.perHostLimit).toInt());
    m_timeout = new QSpinBox(page);
    m_timeout->setRange(1, 3600);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(settings.value(timeoutKey, defaults.timeoutMs / 1000).toInt());

    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(note(tr("Warehouses are polled at their interval (Kargo's default: 5 minutes). "
                         "A minimum keeps busy registries from being asked more often."),
                      page));
    form->addRow(tr("&Minimum poll interval:"), m_minimumInterval);
    form->addRow(tr("Requests at a time per &host:"), m_perHostLimit);
    form->addRow(tr("&Timeout per subscription:"), m_timeout);
    return page;
}

QWidget *SettingsDialog::createRegistriesPage()
{
    auto *page = new QWidget(this);
    m_mirrors = new QPlainTextEdit(page);
    m_mirrors->setPlainText(QSettings().value(mirrorsKey).toStringList().join(u'\n'));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note(tr("Mirrors, one per line as HOST=URL: requests for images on HOST go "
                              "to URL instead (a pull-through cache). Freight keeps the "
                              "original repository. Example: docker.io=https://mirror.example"),
                           page));
    layout->addWidget(m_mirrors, 1);
    return page;
}

QWidget *SettingsDialog::createVerificationPage()
{
    auto *page = new QWidget(this);
    m_addresses = new QPlainTextEdit(page);
    m_addresses->setPlainText(
        QSettings().value(PrometheusAddresses::settingsKey()).toStringList().join(u'\n'));
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(
        note(tr("Prometheus addresses, one per line as FROM=TO: an analysis template's address "
                "starting with FROM is queried at TO instead (a port-forward, an ingress). "
                "Example: http://prometheus.monitoring:9090=http://127.0.0.1:9090"),
             page));
    layout->addWidget(m_addresses, 1);
    return page;
}

bool SettingsDialog::apply()
{
    QStringList problems;
    int pageWithProblem = -1;
    const QStringList mirrors = lines(m_mirrors);
    for (const QString &mirror : mirrors) {
        DiscoveryScheduler::Settings check;
        if (!check.addMirror(mirror)) {
            if (pageWithProblem < 0)
                pageWithProblem = m_pages->indexOf(m_mirrors->parentWidget());
            problems.append(tr("Registries: \"%1\": write HOST=URL with an http:// or https:// "
                               "URL, e.g. docker.io=https://mirror.example")
                                .arg(mirror));
        }
    }
    const QStringList addresses = lines(m_addresses);
    for (const QString &address : addresses) {
        PrometheusAddresses check;
        QString why;
        if (!check.add(address, &why)) {
            if (pageWithProblem < 0)
                pageWithProblem = m_pages->indexOf(m_addresses->parentWidget());
            problems.append(tr("Verification: %1").arg(why));
        }
    }
    if (!problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        m_error->show();
        m_pages->setCurrentIndex(pageWithProblem);
        return false;
    }
    m_error->clear();
    m_error->hide();
    QSettings settings;
    settings.setValue(minimumIntervalKey, m_minimumInterval->value());
    settings.setValue(perHostLimitKey, m_perHostLimit->value());
    settings.setValue(timeoutKey, m_timeout->value());
    settings.setValue(mirrorsKey, mirrors);
    settings.setValue(PrometheusAddresses::settingsKey(), addresses);
    Q_EMIT settingsChanged();
    return true;
}

QString SettingsDialog::error() const
{
    return m_error->text();
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

} // namespace Stevedore
