// YamlEditor, the yaml-update step's file edit. Golden files under data/yamleditor: for each
// NAME, NAME.input.yaml is edited with the updates in NAME.updates and must give
// NAME.expected.yaml byte for byte. An update line is `key<TAB>type:value`, type being s
// (string; `\n` and `\\` are escapes), i (integer), d (double), b (bool) or n (null).
// The fuzz-* pairs are layouts found edited wrongly while fuzzing it (tests/fuzz).

#include "engine/yamleditor.h"
#include "engine/yamlsource_p.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QString dataDir()
{
    return QStringLiteral(STEVEDORE_TEST_DATA_DIR "/yamleditor/");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return file.readAll();
}

QString unescape(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\\' && i + 1 < text.size()) {
            ++i;
            out += text[i] == u'n' ? u'\n' : text[i];
        } else {
            out += text[i];
        }
    }
    return out;
}

QList<YamlUpdate> readUpdates(const QString &path)
{
    QList<YamlUpdate> updates;
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        const qsizetype tab = line.indexOf('\t');
        const QString key = QString::fromUtf8(line.left(tab));
        const QByteArray typed = line.mid(tab + 1);
        const QString value = QString::fromUtf8(typed.mid(2));
        QVariant variant;
        switch (typed.at(0)) {
        case 's':
            variant = unescape(value);
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
            break;
        }
        updates.append({key, variant});
    }
    return updates;
}

/// The key's parts, as the test's keys write them (`\.` for a dot, `:` before a number key).
QStringList keyParts(const QString &key)
{
    QStringList parts{QString()};
    for (qsizetype i = 0; i < key.size(); ++i) {
        if (key[i] == u'\\' && i + 1 < key.size())
            parts.last() += key[++i];
        else if (key[i] == u'.')
            parts.append(QString());
        else if (key[i] != u':')
            parts.last() += key[i];
    }
    return parts;
}

/// The value at @p key in the first document of @p text, read by yaml-cpp (an independent
/// parser), typed as YAML's core schema types plain scalars.
QVariant valueAt(const QByteArray &text, const QString &key, bool *found)
{
    *found = false;
    QVariant node = Yaml::toVariant(YAML::Load(text.toStdString()));
    for (const QString &part : keyParts(key)) {
        if (node.typeId() == QMetaType::QVariantMap) {
            const QVariantMap map = node.toMap();
            if (!map.contains(part))
                return {};
            node = map.value(part);
        } else if (node.typeId() == QMetaType::QVariantList) {
            const QVariantList list = node.toList();
            const qsizetype index = part.toLongLong();
            if (index >= list.size())
                return {};
            node = list.at(index);
        } else {
            return {};
        }
    }
    *found = true;
    return node;
}

} // namespace

class TestYamlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void errors_data();
    void errors();
    void noUpdatesKeepsText();
};

void TestYamlEditor::golden_data()
{
    QTest::addColumn<QString>("name");
    const QStringList inputs =
        QDir(dataDir()).entryList({u"*.input.yaml"_s}, QDir::Files, QDir::Name);
    QVERIFY(inputs.size() >= 30);
    for (const QString &input : inputs) {
        const QString name = input.chopped(int(qstrlen(".input.yaml")));
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestYamlEditor::golden()
{
    QFETCH(QString, name);
    const QByteArray input = readFile(dataDir() + name + u".input.yaml"_s);
    const QByteArray expected = readFile(dataDir() + name + u".expected.yaml"_s);
    const QList<YamlUpdate> updates = readUpdates(dataDir() + name + u".updates"_s);
    QVERIFY(!updates.isEmpty());

    QString error;
    const std::optional<QByteArray> result = YamlEditor::update(input, updates, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(*result, expected);

    // The edited file reads back with the new values, with their types.
    for (const YamlUpdate &update : updates) {
        bool found = false;
        const QVariant value = valueAt(*result, update.key, &found);
        QVERIFY2(found, qPrintable(update.key));
        switch (update.value.typeId()) {
        case QMetaType::QString:
            QCOMPARE(value.typeId(), QMetaType::QString);
            QCOMPARE(value.toString(), update.value.toString());
            break;
        case QMetaType::LongLong:
            QCOMPARE(value.typeId(), QMetaType::LongLong);
            QCOMPARE(value.toLongLong(), update.value.toLongLong());
            break;
        case QMetaType::Double:
            QCOMPARE(value.toDouble(), update.value.toDouble());
            break;
        case QMetaType::Bool:
            QCOMPARE(value.typeId(), QMetaType::Bool);
            QCOMPARE(value.toBool(), update.value.toBool());
            break;
        default:
            QVERIFY(value.isNull());
        }
    }
}

void TestYamlEditor::errors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected"); ///< a part of the message

    QTest::newRow("index past the end")
        << QByteArray("ports: [80, 443]\n") << u"ports.2"_s << u"\"ports.2\": index 2"_s;
    QTest::newRow("block index past the end")
        << QByteArray("c:\n- a\n") << u"c.5.name"_s << u"\"c.5.name\": index 5"_s;
    QTest::newRow("not an index") << QByteArray("c:\n- a\n") << u"c.x"_s << u"\"c.x\""_s;
    QTest::newRow("negative index") << QByteArray("c:\n- a\n") << u"c.-1"_s << u"\"c.-1\""_s;
    QTest::newRow("colon key in a list") << QByteArray("c:\n- a\n") << u"c.:0"_s << u"\"c.:0\""_s;
    QTest::newRow("through a scalar") << QByteArray("image: nginx\n") << u"image.tag"_s
                                      << u"\"image.tag\": \"image\" is a scalar"_s;
    QTest::newRow("through null") << QByteArray("image:\n") << u"image.tag"_s << u"\"image.tag\""_s;
    QTest::newRow("addresses a mapping")
        << QByteArray("image:\n  tag: v1\n") << u"image"_s << u"\"image\": it is a mapping"_s;
    QTest::newRow("addresses a list")
        << QByteArray("l: [1]\n") << u"l"_s << u"\"l\": it is a list"_s;
    QTest::newRow("root is a list") << QByteArray("- a\n") << u"a"_s << u"\"a\""_s;
    QTest::newRow("empty file") << QByteArray("") << u"a"_s << u"\"a\""_s;
    QTest::newRow("syntax error") << QByteArray("a: [1, 2\nb: 3\n") << u"a"_s << u"cannot parse"_s;
    QTest::newRow("empty key") << QByteArray("a: 1\n") << u" "_s << u"empty key"_s;
    QTest::newRow("empty part") << QByteArray("a: 1\n") << u"a..b"_s << u"\"a..b\""_s;
    QTest::newRow("bad escape") << QByteArray("a: 1\n") << u"a\\b"_s << u"\"a\\b\""_s;
    // Found by fuzzing: written after the key, the value would have become part of the key.
    QTest::newRow("flow key without a colon")
        << QByteArray("m: {a, b: 1}\n") << u"m.a"_s << u"\"m.a\": written here"_s;
}

void TestYamlEditor::errors()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QString error;
    const std::optional<QByteArray> result =
        YamlEditor::update(input, {{key, QVariant(u"v"_s)}}, &error);
    QVERIFY(!result.has_value());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestYamlEditor::noUpdatesKeepsText()
{
    const QByteArray text("a: 1 # c\r\n");
    QString error;
    QCOMPARE(YamlEditor::update(text, {}, &error), std::optional<QByteArray>(text));
}

QTEST_GUILESS_MAIN(TestYamlEditor)
#include "tst_yamleditor.moc"
