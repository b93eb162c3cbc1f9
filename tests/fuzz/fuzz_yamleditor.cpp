// The yaml-update editor. The input is the updates, a NUL byte, then the YAML to edit. An
// update line is written as in the golden files of tests/engine/data/yamleditor:
// `key<TAB>type:value`, type being s (string), i (integer), d (double), b (bool) or n (null).
// Without a NUL byte the whole input is YAML and `image.tag` is set.

#include "engine/yamleditor.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QList<YamlUpdate> readUpdates(const QByteArray &text)
{
    QList<YamlUpdate> updates;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype tab = line.indexOf('\t');
        if (tab < 0 || line.size() < tab + 3)
            continue;
        const QString key = QString::fromUtf8(line.left(tab));
        const QString value = QString::fromUtf8(line.mid(tab + 3));
        QVariant variant;
        switch (line.at(tab + 1)) {
        case 's':
            variant = value;
            break;
        case 'i':
            variant = value.toLongLong();
            break;
        case 'd':
            variant = value.toDouble();
            break;
        case 'b':
            variant = value == u"true";
            break;
        default:
            variant = QVariant::fromValue(nullptr);
            break;
        }
        updates.append({key, variant});
    }
    return updates;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype nul = bytes.indexOf('\0');
    QList<YamlUpdate> updates;
    QByteArray yaml;
    if (nul < 0) {
        updates = {{u"image.tag"_s, u"v1.2.3"_s}};
        yaml = bytes;
    } else {
        updates = readUpdates(bytes.left(nul));
        yaml = bytes.mid(nul + 1);
    }
    if (updates.isEmpty())
        return 0;

    QString error;
    const std::optional<QByteArray> edited = YamlEditor::update(yaml, updates, &error);
    if (!edited && error.isEmpty())
        __builtin_trap(); // a failure must say why
    if (edited) {
        // Editing the result again with the same updates changes nothing more.
        const std::optional<QByteArray> again = YamlEditor::update(*edited, updates, &error);
        if (!again || *again != *edited)
            __builtin_trap();
    }
    return 0;
}
