#include <QTest>

class TestTagselection : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestTagselection)
#include "tst_tagselection.moc"
