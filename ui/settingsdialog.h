#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;

namespace Stevedore {

class CredentialsPage;

/// Stevedore's settings: discovery (minimum poll interval, requests at a time per host,
/// timeout), registry mirrors, Prometheus address maps, and the credentials kept in the
/// keychain. OK checks every entry and refuses to close on one that does not parse, saying
/// which; then writes the settings and emits settingsChanged() for the engine to read them.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    /// Checks every page; on success writes the settings and returns true, otherwise shows
    /// why and returns false (nothing is written).
    bool apply();
    /// Why the last apply() failed (empty after a success).
    QString error() const;

    QTabWidget *pages() const { return m_pages; }
    QSpinBox *minimumIntervalBox() const { return m_minimumInterval; }
    QSpinBox *perHostLimitBox() const { return m_perHostLimit; }
    QSpinBox *timeoutBox() const { return m_timeout; }
    QPlainTextEdit *mirrorsEdit() const { return m_mirrors; }
    QPlainTextEdit *prometheusAddressesEdit() const { return m_addresses; }
    CredentialsPage *credentialsPage() const { return m_credentials; }

    void accept() override;

Q_SIGNALS:
    /// The settings were written.
    void settingsChanged();

private:
    QWidget *createDiscoveryPage();
    QWidget *createRegistriesPage();
    QWidget *createVerificationPage();

    QTabWidget *m_pages;
    QSpinBox *m_minimumInterval = nullptr;
    QSpinBox *m_perHostLimit = nullptr;
    QSpinBox *m_timeout = nullptr;
    QPlainTextEdit *m_mirrors = nullptr;
    QPlainTextEdit *m_addresses = nullptr;
    CredentialsPage *m_credentials = nullptr;
    QLabel *m_error;
};

} // namespace Stevedore
