#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QDebug;
QT_END_NAMESPACE

namespace Stevedore {

/// A user name and password for a git remote, as a git credential helper or the keychain hands
/// it out. The password is never printed: the only debug output there is masks it, and nothing
/// converts a Credential to a string.
struct Credential
{
    QString username;
    QString password;
};

/// Debug output shows the user name only; the password is always `<redacted>`.
QDebug operator<<(QDebug debug, const Credential &credential);

} // namespace Stevedore
