#pragma once

#include "engine/connectiontest.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Stevedore {

/// The Credentials page of the settings dialog: the user names and passwords (or tokens)
/// Stevedore keeps in the system keychain for registries, Helm repositories, git remotes and
/// Prometheus, under the accounts discovery and verification read. Passwords go straight to
/// the keychain and are never shown again; only the list of entries (kind, address, user
/// name) is kept in the settings so that it can be shown. Keychain work and connection tests
/// run on worker threads.
class CredentialsPage : public QWidget
{
    Q_OBJECT

public:
    struct Entry
    {
        ConnectionTest::Kind kind = ConnectionTest::Kind::Registry;
        QString address;
        QString username;
    };

    explicit CredentialsPage(QWidget *parent = nullptr);

    QList<Entry> entries() const { return m_entries; }
    /// The entries listed in the settings.
    static QList<Entry> storedEntries();

    /// Checks and stores an entry (in the keychain, then in the list). An empty @p password
    /// keeps the one stored for an existing entry. Returns why it was refused, or empty when
    /// the keychain write has started; storeFinished() tells how it ended.
    QString store(const Entry &entry, const QString &password);
    /// Removes the entry at @p row from the keychain and the list.
    void remove(int row);
    /// Tests the entry at @p row with its stored credential; connectionTested() tells how it
    /// went.
    void testConnection(int row);
    /// The text shown for the last test of @p row.
    QString connectionText(int row) const;

Q_SIGNALS:
    void storeFinished(bool ok, const QString &message);
    void connectionTested(int row, bool ok, const QString &message);

private:
    void addOrEdit(int row);
    void fill();
    void saveList() const;
    void updateButtons();
    int selectedRow() const;
    void showMessage(bool ok, const QString &message);

    QList<Entry> m_entries;
    QTreeWidget *m_list;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QPushButton *m_testButton;
    QLabel *m_message;
};

} // namespace Stevedore
