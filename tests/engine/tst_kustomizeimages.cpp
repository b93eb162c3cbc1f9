// KustomizeImages, the kustomize-set-image step's file edit. Golden files under data/kustomize:
// for each NAME, NAME.input.yaml with the images in NAME.images set must give
// NAME.expected.yaml byte for byte, or fail with a message holding the line in NAME.error.
// An images line is one image: tab-separated `image=`, `tag=`, `digest=`, `newName=` and
// `useDigest`.
//
// No `kustomize` binary can be installed with apt (Debian has no kustomize package), so the
// semantics are checked against a model of Kargo's own merge instead (kustomize_image_setter.go:
// the named entry is replaced whole, `*` keeps a value, the list is sorted by name), on the
// YAML read back by yaml-cpp, an independent parser.

#include "engine/kustomizeimages.h"
#include "engine/yamlsource_p.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <algorithm>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

QString dataDir()
{
    return QStringLiteral(STEVEDORE_TEST_DATA_DIR "/kustomize/");
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    return file.readAll();
}

QList<KustomizeImage> readImages(const QString &path)
{
    QList<KustomizeImage> images;
    const QList<QByteArray> lines = readFile(path).split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        KustomizeImage image;
        for (const QByteArray &field : line.split('\t')) {
            const qsizetype equals = field.indexOf('=');
            const QByteArray name = equals < 0 ? field : field.left(equals);
            const QString value = equals < 0 ? QString() : QString::fromUtf8(field.mid(equals + 1));
            if (name == "image")
                image.image = value;
            else if (name == "tag")
                image.tag = value;
            else if (name == "digest")
                image.digest = value;
            else if (name == "newName")
                image.newName = value;
            else if (name == "useDigest")
                image.useDigest = true;
            else
                qFatal("unknown field in %s", qPrintable(path));
        }
        images.append(image);
    }
    return images;
}

KustomizeImage image(const QString &name, const QString &tag, const QString &digest = {},
                     const QString &newName = {}, bool useDigest = false)
{
    return {name, tag, digest, newName, useDigest};
}

QVariantMap readYaml(const QByteArray &text)
{
    return Yaml::toVariant(YAML::Load(text.toStdString())).toMap();
}

/// An images entry as kustomize's Image type reads it (other keys are dropped).
QVariantMap imageFields(const QVariant &entry)
{
    QVariantMap fields;
    const QVariantMap map = entry.toMap();
    for (const QString &key : {u"name"_s, u"newName"_s, u"tagSuffix"_s, u"newTag"_s, u"digest"_s}) {
        if (map.contains(key) && !map.value(key).toString().isEmpty())
            fields.insert(key, map.value(key).toString());
    }
    return fields;
}

QString nameOf(const QVariant &fields)
{
    return fields.toMap().value(u"name"_s).toString();
}

/// Kargo's mergeImages: each image replaces its entry whole, `*` keeps the old value (nothing
/// for a new entry), and the list comes out sorted by name.
QVariantList kargoMerge(const QVariantList &current, const QList<KustomizeImage> &images)
{
    QMap<QString, QVariantMap> targets;
    for (const KustomizeImage &image : images) {
        QVariantMap target{{u"name"_s, image.image}};
        if (!image.newName.isEmpty())
            target.insert(u"newName"_s, image.newName);
        const bool digest = !image.digest.isEmpty() && (image.useDigest || image.tag.isEmpty());
        if (digest)
            target.insert(u"digest"_s, image.digest);
        else if (!image.tag.isEmpty())
            target.insert(u"newTag"_s, image.tag);
        targets.insert(image.image, target);
    }
    QMap<QString, QVariantMap> merged;
    for (const QVariant &entry : current) {
        const QVariantMap old = imageFields(entry);
        const QString name = nameOf(old);
        if (!targets.contains(name)) {
            merged.insert(name, old);
            continue;
        }
        QVariantMap target = targets.value(name);
        for (const QString &key : {u"newName"_s, u"newTag"_s, u"digest"_s}) {
            if (target.value(key) == u"*"_s) {
                if (old.contains(key))
                    target.insert(key, old.value(key));
                else
                    target.remove(key);
            }
        }
        targets.insert(name, target); // a later entry of the name sees the values kept
        merged.insert(name, target);
    }
    for (auto it = targets.begin(); it != targets.end(); ++it) {
        if (merged.contains(it.key()))
            continue;
        for (const QString &key : {u"newName"_s, u"newTag"_s, u"digest"_s}) {
            if (it->value(key) == u"*"_s)
                it->remove(key);
        }
        merged.insert(it.key(), *it);
    }
    QVariantList list;
    for (const QVariantMap &entry : std::as_const(merged))
        list.append(entry);
    return list;
}

QVariantList sortedByName(QVariantList list)
{
    std::stable_sort(list.begin(), list.end(), [](const QVariant &a, const QVariant &b) {
        return nameOf(a).toUtf8() < nameOf(b).toUtf8();
    });
    return list;
}

} // namespace

class TestKustomizeImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void golden_data();
    void golden();
    void errors_data();
    void errors();
    void noImagesKeepsText();
    void nullErrorPointer();
    void commitMessage_data();
    void commitMessage();
};

static void addCases(bool errorCases)
{
    QTest::addColumn<QString>("name");
    const QStringList inputs =
        QDir(dataDir()).entryList({u"*.input.yaml"_s}, QDir::Files, QDir::Name);
    int count = 0;
    for (const QString &input : inputs) {
        const QString name = input.chopped(int(qstrlen(".input.yaml")));
        if (QFile::exists(dataDir() + name + u".error"_s) != errorCases)
            continue;
        QTest::newRow(qPrintable(name)) << name;
        ++count;
    }
    QVERIFY(count >= (errorCases ? 6 : 30));
}

void TestKustomizeImages::golden_data()
{
    addCases(false);
}

void TestKustomizeImages::golden()
{
    QFETCH(QString, name);
    const QByteArray input = readFile(dataDir() + name + u".input.yaml"_s);
    const QByteArray expected = readFile(dataDir() + name + u".expected.yaml"_s);
    const QList<KustomizeImage> images = readImages(dataDir() + name + u".images"_s);
    QVERIFY(!images.isEmpty());

    QString error;
    const std::optional<QByteArray> result = KustomizeImages::setImages(input, images, &error);
    QVERIFY2(result.has_value(), qPrintable(error));
    QCOMPARE(*result, expected);

    // Read back, the images are what Kargo would write, and nothing else changed.
    QVariantMap before = readYaml(input);
    QVariantMap after = readYaml(*result);
    const QVariantList oldImages = before.take(u"images"_s).toList();
    QVariantList newImages;
    for (const QVariant &entry : after.take(u"images"_s).toList())
        newImages.append(imageFields(entry));
    QCOMPARE(after, before);
    const QVariantList model = kargoMerge(oldImages, images);
    QVariantList oldFields;
    for (const QVariant &entry : oldImages)
        oldFields.append(imageFields(entry));
    // Kargo sorts the whole list; existing entries stay where they are here, so the order is
    // Kargo's only when the list was sorted.
    if (sortedByName(oldFields) == oldFields)
        QCOMPARE(newImages, model);
    else
        QCOMPARE(sortedByName(newImages), model);

    // Setting the same images again changes nothing.
    const std::optional<QByteArray> again = KustomizeImages::setImages(*result, images, &error);
    QVERIFY2(again.has_value(), qPrintable(error));
    QCOMPARE(*again, *result);
}

void TestKustomizeImages::errors_data()
{
    addCases(true);
}

void TestKustomizeImages::errors()
{
    QFETCH(QString, name);
    const QByteArray input = readFile(dataDir() + name + u".input.yaml"_s);
    const QString expected = QString::fromUtf8(readFile(dataDir() + name + u".error"_s)).trimmed();
    const QList<KustomizeImage> images = readImages(dataDir() + name + u".images"_s);
    QString error;
    const std::optional<QByteArray> result = KustomizeImages::setImages(input, images, &error);
    QVERIFY(!result.has_value());
    QVERIFY2(error.contains(expected), qPrintable(error));
}

void TestKustomizeImages::noImagesKeepsText()
{
    const QByteArray text("images: # c\r\n- name: a\r\n  newTag: b\r\n");
    QString error;
    QCOMPARE(KustomizeImages::setImages(text, {}, &error), std::optional<QByteArray>(text));
}

void TestKustomizeImages::nullErrorPointer()
{
    QVERIFY(!KustomizeImages::setImages("- a\n", {image(u"a"_s, u"b"_s)}, nullptr));
}

void TestKustomizeImages::commitMessage_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QList<KustomizeImage>>("images");
    QTest::addColumn<QString>("expected");

    // The first two are the outputs Kargo's own tests expect.
    QTest::newRow("one tag") << u"."_s << QList<KustomizeImage>{image(u"nginx"_s, u"1.21.0"_s)}
                             << u"Updated . to use new image\n\n- nginx:1.21.0"_s;
    QTest::newRow("sorted by name")
        << u"."_s
        << QList<KustomizeImage>{image(u"redis"_s, u"6.2.5"_s),
                                 image(u"nginx"_s, {}, u"sha256:123"_s)}
        << u"Updated . to use new images\n\n- nginx@sha256:123\n- redis:6.2.5"_s;
    QTest::newRow("new name") << u"./src/base"_s
                              << QList<KustomizeImage>{image(u"nginx"_s, u"1.19"_s, {},
                                                             u"custom-nginx"_s)}
                              << u"Updated ./src/base to use new image\n\n- custom-nginx:1.19"_s;
    QTest::newRow("new name only")
        << u"overlays/prod"_s
        << QList<KustomizeImage>{image(u"app"_s, {}, {}, u"mirror.example.com/app"_s)}
        << u"Updated overlays/prod to use new image\n\n- mirror.example.com/app"_s;
    QTest::newRow("tag wins without useDigest")
        << u"p"_s << QList<KustomizeImage>{image(u"a"_s, u"v1"_s, u"sha256:1"_s)}
        << u"Updated p to use new image\n\n- a:v1"_s;
    QTest::newRow("useDigest") << u"p"_s
                               << QList<KustomizeImage>{image(u"a"_s, u"v1"_s, u"sha256:1"_s, {},
                                                              true)}
                               << u"Updated p to use new image\n\n- a@sha256:1"_s;
    QTest::newRow("same image twice, the last counts")
        << u"p"_s << QList<KustomizeImage>{image(u"a"_s, u"v1"_s), image(u"a"_s, u"v2"_s)}
        << u"Updated p to use new image\n\n- a:v2"_s;
    QTest::newRow("byte order") << u"p"_s
                                << QList<KustomizeImage>{image(u"b"_s, u"1"_s),
                                                         image(u"B"_s, u"1"_s),
                                                         image(u"a"_s, u"1"_s)}
                                << u"Updated p to use new images\n\n- B:1\n- a:1\n- b:1"_s;
    QTest::newRow("none") << u"p"_s << QList<KustomizeImage>{} << QString();
}

void TestKustomizeImages::commitMessage()
{
    QFETCH(QString, path);
    QFETCH(QList<KustomizeImage>, images);
    QFETCH(QString, expected);
    QCOMPARE(KustomizeImages::commitMessage(path, images), expected);
}

QTEST_GUILESS_MAIN(TestKustomizeImages)
#include "tst_kustomizeimages.moc"
