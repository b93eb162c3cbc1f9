#include "ui/credentialspage.h"

#include "engine/keychain.h"
#include "ui/palettecolors.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

const QString listKey = u"credentials"_s;

constexpr ConnectionTest::Kind kinds[] = {ConnectionTest::Kind::Registry,
                                          ConnectionTest::Kind::Helm, ConnectionTest::Kind::Git,
                                          ConnectionTest::Kind::Prometheus};

QString kindLabel(ConnectionTest::Kind kind)
{
    switch (kind) {
    case ConnectionTest::Kind::Registry:
        return CredentialsPage::tr("Registry");
    case ConnectionTest::Kind::Helm:
        return CredentialsPage::tr("Helm repository");
    case ConnectionTest::Kind::Git:
        return CredentialsPage::tr("Git");
    case ConnectionTest::Kind::Prometheus:
        return CredentialsPage::tr("Prometheus");
    }
    return {};
}

QString addressHint(ConnectionTest::Kind kind)
{
    switch (kind) {
    case ConnectionTest::Kind::Registry:
        return u"ghcr.io"_s;
    case ConnectionTest::Kind::Helm:
        return u"https://charts.example.com"_s;
    case ConnectionTest::Kind::Git:
        return u"https://github.com"_s;
    case ConnectionTest::Kind::Prometheus:
        return u"http://127.0.0.1:9090"_s;
    }
    return {};
}

/// The keychain text for a credential: a bearer token for Prometheus without a user name,
/// else the user name and password, as discovery and verification read them.
QString keychainText(ConnectionTest::Kind kind, const QString &username, const QString &password)
{
    const QJsonObject object =
        kind == ConnectionTest::Kind::Prometheus && username.isEmpty()
            ? QJsonObject{{u"token"_s, password}}
            : QJsonObject{{u"username"_s, username}, {u"password"_s, password}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/// What the keychain holds for @p account, as a credential (a token has no user name).
/// Blocks on the keychain.
std::optional<Credential> readStored(const QString &account, QString *error)
{
    const Keychain::ReadResult read = Keychain::read(account);
    if (read.status == Keychain::Status::Failed)
        *error = read.error;
    if (read.status != Keychain::Status::Ok)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(read.text.toUtf8()).object();
    if (object.contains(u"token"_s))
        return Credential{{}, object.value(u"token"_s).toString()};
    if (object.contains(u"username"_s))
        return Credential{object.value(u"username"_s).toString(),
                          object.value(u"password"_s).toString()};
    *error =
        CredentialsPage::tr("the keychain entry %1 is not a user name and password").arg(account);
    return std::nullopt;
}

/// Asks for an entry; the password field starts empty and, for an existing entry, empty
/// means "keep". Refuses to close on an entry that does not validate.
bool editEntry(QWidget *parent, CredentialsPage::Entry *entry, QString *password, bool existing)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(existing ? CredentialsPage::tr("Edit Credential")
                                   : CredentialsPage::tr("Add Credential"));
    auto *kind = new QComboBox(&dialog);
    for (const ConnectionTest::Kind k : kinds)
        kind->addItem(kindLabel(k), int(k));
    kind->setCurrentIndex(kind->findData(int(entry->kind)));
    auto *address = new QLineEdit(entry->address, &dialog);
    auto *username = new QLineEdit(entry->username, &dialog);
    auto *secret = new QLineEdit(&dialog);
    secret->setEchoMode(QLineEdit::Password);
    secret->setPlaceholderText(existing ? CredentialsPage::tr("unchanged") : QString());
    auto *error = new QLabel(&dialog);
    error->setWordWrap(true);
    {
        QPalette palette = error->palette();
        palette.setColor(QPalette::WindowText,
                         PaletteColors::text(PaletteColors::Role::Error, palette,
                                             palette.color(QPalette::Window)));
        error->setPalette(palette);
    }
    const auto updateHint = [kind, address] {
        address->setPlaceholderText(addressHint(ConnectionTest::Kind(kind->currentData().toInt())));
    };
    updateHint();
    QObject::connect(kind, &QComboBox::currentIndexChanged, &dialog, updateHint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const auto k = ConnectionTest::Kind(kind->currentData().toInt());
        QString why = ConnectionTest::validate(k, address->text().trimmed());
        if (why.isEmpty() && username->text().trimmed().isEmpty() &&
            k != ConnectionTest::Kind::Prometheus)
            why = CredentialsPage::tr("Enter the user name.");
        if (why.isEmpty() && !existing && secret->text().isEmpty())
            why = CredentialsPage::tr("Enter the password or token.");
        error->setText(why);
        if (why.isEmpty())
            dialog.accept();
    });
    auto *form = new QFormLayout(&dialog);
    form->addRow(CredentialsPage::tr("&Kind:"), kind);
    form->addRow(CredentialsPage::tr("&Address:"), address);
    form->addRow(CredentialsPage::tr("&User name:"), username);
    form->addRow(CredentialsPage::tr("&Password or token:"), secret);
    form->addRow(error);
    form->addRow(buttons);
    dialog.resize(460, dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    entry->kind = ConnectionTest::Kind(kind->currentData().toInt());
    entry->address = address->text().trimmed();
    entry->username = username->text().trimmed();
    *password = secret->text();
    return true;
}

} // namespace

CredentialsPage::CredentialsPage(QWidget *parent)
    : QWidget(parent)
    , m_entries(storedEntries())
    , m_list(new QTreeWidget(this))
    , m_addButton(new QPushButton(tr("&Add\u2026"), this))
    , m_editButton(new QPushButton(tr("&Edit\u2026"), this))
    , m_removeButton(new QPushButton(tr("&Remove"), this))
    , m_testButton(new QPushButton(tr("&Test Connection"), this))
    , m_message(new QLabel(this))
{
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Kind"), tr("Address"), tr("User"), tr("Connection")});
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *intro = new QLabel(
        tr("Kept in the system keychain (service \"stevedore\") under the accounts discovery "
           "and verification read. Passwords are saved at once and never shown again."),
        this);
    intro->setWordWrap(true);

    auto *buttons = new QVBoxLayout;
    for (QPushButton *button : {m_addButton, m_editButton, m_removeButton, m_testButton})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row, 1);
    layout->addWidget(m_message);

    connect(m_addButton, &QPushButton::clicked, this, [this] { addOrEdit(-1); });
    connect(m_editButton, &QPushButton::clicked, this, [this] { addOrEdit(selectedRow()); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this] { addOrEdit(selectedRow()); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] { remove(selectedRow()); });
    connect(m_testButton, &QPushButton::clicked, this, [this] { testConnection(selectedRow()); });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &CredentialsPage::updateButtons);
    fill();
}

QList<CredentialsPage::Entry> CredentialsPage::storedEntries()
{
    QList<Entry> entries;
    QSettings settings;
    const int count = settings.beginReadArray(listKey);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        const std::optional<ConnectionTest::Kind> kind =
            ConnectionTest::kindFromName(settings.value(u"kind"_s).toString());
        if (kind)
            entries.append({*kind, settings.value(u"address"_s).toString(),
                            settings.value(u"username"_s).toString()});
    }
    settings.endArray();
    return entries;
}

void CredentialsPage::saveList() const
{
    QSettings settings;
    settings.remove(listKey);
    settings.beginWriteArray(listKey, int(m_entries.size()));
    for (int i = 0; i < m_entries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(u"kind"_s, ConnectionTest::kindName(m_entries.at(i).kind));
        settings.setValue(u"address"_s, m_entries.at(i).address);
        settings.setValue(u"username"_s, m_entries.at(i).username);
    }
    settings.endArray();
}

void CredentialsPage::fill()
{
    const int selected = selectedRow();
    m_list->clear();
    for (const Entry &entry : std::as_const(m_entries)) {
        auto *item = new QTreeWidgetItem(
            m_list, {kindLabel(entry.kind), entry.address, entry.username, QString()});
        item->setToolTip(
            1, tr("Keychain account %1").arg(ConnectionTest::account(entry.kind, entry.address)));
    }
    if (selected >= 0 && selected < m_list->topLevelItemCount())
        m_list->setCurrentItem(m_list->topLevelItem(selected));
    updateButtons();
}

int CredentialsPage::selectedRow() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    return selected.isEmpty() ? -1 : m_list->indexOfTopLevelItem(selected.first());
}

void CredentialsPage::updateButtons()
{
    const bool one = selectedRow() >= 0;
    m_editButton->setEnabled(one);
    m_removeButton->setEnabled(one);
    m_testButton->setEnabled(one);
}

void CredentialsPage::showMessage(bool ok, const QString &message)
{
    m_message->setText(message);
    const QPalette app = QApplication::palette();
    QPalette palette = app;
    palette.setColor(
        QPalette::WindowText,
        ok ? PaletteColors::text(PaletteColors::Role::Success, app, app.color(QPalette::Window))
           : PaletteColors::text(PaletteColors::Role::Error, app, app.color(QPalette::Window)));
    m_message->setPalette(palette);
}

void CredentialsPage::addOrEdit(int row)
{
    Entry entry = row >= 0 ? m_entries.value(row) : Entry{};
    QString password;
    if (!editEntry(this, &entry, &password, row >= 0))
        return;
    if (row >= 0) {
        // Stored under a new account: the old one goes.
        const Entry old = m_entries.at(row);
        if (ConnectionTest::account(old.kind, old.address) !=
                ConnectionTest::account(entry.kind, entry.address) &&
            password.isEmpty()) {
            showMessage(false, tr("Enter the password again: the address changed."));
            return;
        }
    }
    const QString refused = store(entry, password);
    if (!refused.isEmpty())
        showMessage(false, refused);
}

QString CredentialsPage::store(const Entry &entry, const QString &password)
{
    if (QString why = ConnectionTest::validate(entry.kind, entry.address); !why.isEmpty())
        return why;
    if (entry.username.isEmpty() && entry.kind != ConnectionTest::Kind::Prometheus)
        return tr("Enter the user name.");
    const QString account = ConnectionTest::account(entry.kind, entry.address);
    int existing = -1;
    for (int i = 0; i < m_entries.size(); ++i) {
        if (ConnectionTest::account(m_entries.at(i).kind, m_entries.at(i).address) == account)
            existing = i;
    }
    if (existing < 0 && password.isEmpty())
        return tr("Enter the password or token.");

    m_message->setText(tr("Saving to the keychain\u2026"));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, entry, account] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (!error.isEmpty()) {
            showMessage(false, tr("Could not save to the keychain: %1").arg(error));
            Q_EMIT storeFinished(false, error);
            return;
        }
        bool replaced = false;
        for (Entry &known : m_entries) {
            if (ConnectionTest::account(known.kind, known.address) == account) {
                known = entry;
                replaced = true;
            }
        }
        if (!replaced)
            m_entries.append(entry);
        saveList();
        fill();
        const QString text = tr("Saved in the keychain as %1.").arg(account);
        showMessage(true, text);
        Q_EMIT storeFinished(true, text);
    });
    // The keychain blocks (and may show its own unlock prompt): never on the GUI thread.
    watcher->setFuture(QtConcurrent::run(
        [kind = entry.kind, username = entry.username, password, account]() -> QString {
            QString secret = password;
            QString error;
            if (secret.isEmpty()) {
                const std::optional<Credential> stored = readStored(account, &error);
                if (!stored)
                    return error.isEmpty()
                               ? tr("nothing is stored for %1: enter the password").arg(account)
                               : error;
                secret = stored->password;
            }
            if (Keychain::write(account, keychainText(kind, username, secret), &error) !=
                Keychain::Status::Ok)
                return error.isEmpty() ? tr("the keychain refused the entry") : error;
            return {};
        }));
    return {};
}

void CredentialsPage::remove(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const Entry entry = m_entries.takeAt(row);
    saveList();
    fill();
    const QString account = ConnectionTest::account(entry.kind, entry.address);
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, account] {
        const QString error = watcher->result();
        watcher->deleteLater();
        showMessage(error.isEmpty(), error.isEmpty()
                                         ? tr("Removed %1 from the keychain.").arg(account)
                                         : tr("Could not remove %1: %2").arg(account, error));
    });
    watcher->setFuture(QtConcurrent::run([account]() -> QString {
        QString error;
        if (Keychain::remove(account, &error) == Keychain::Status::Failed)
            return error;
        return {};
    }));
}

void CredentialsPage::testConnection(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    const Entry entry = m_entries.at(row);
    const QString account = ConnectionTest::account(entry.kind, entry.address);
    if (QTreeWidgetItem *item = m_list->topLevelItem(row))
        item->setText(3, tr("Testing\u2026"));
    m_testButton->setEnabled(false);
    auto *watcher = new QFutureWatcher<ConnectionTest::Result>(this);
    connect(watcher, &QFutureWatcher<ConnectionTest::Result>::finished, this,
            [this, watcher, row, entry] {
                const ConnectionTest::Result result = watcher->result();
                watcher->deleteLater();
                // The list may have changed meanwhile: find the entry again.
                int now = -1;
                for (int i = 0; i < m_entries.size(); ++i) {
                    if (m_entries.at(i).kind == entry.kind &&
                        m_entries.at(i).address == entry.address)
                        now = i;
                }
                if (QTreeWidgetItem *item = now >= 0 ? m_list->topLevelItem(now) : nullptr) {
                    item->setText(3, result.ok ? tr("OK") : tr("Failed"));
                    item->setToolTip(3, result.message);
                }
                showMessage(result.ok, result.message);
                updateButtons();
                Q_EMIT connectionTested(row, result.ok, result.message);
            });
    // Network and keychain work: on a worker thread.
    watcher->setFuture(QtConcurrent::run([entry, account] {
        QString error;
        std::optional<Credential> credential;
        if (entry.kind != ConnectionTest::Kind::Git) {
            credential = readStored(account, &error);
            if (!error.isEmpty())
                return ConnectionTest::Result{false,
                                              tr("Could not read the keychain: %1").arg(error)};
        }
        return ConnectionTest::run(entry.kind, entry.address, credential);
    }));
}

QString CredentialsPage::connectionText(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? item->toolTip(3) : QString();
}

} // namespace Stevedore
