#include "engine/enginehost.h"
#include "engine/statepaths.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Stevedore;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("stevedore"));
    QApplication::setApplicationDisplayName(QStringLiteral("Stevedore"));
    QApplication::setOrganizationName(QStringLiteral("stevedore"));
    QApplication::setApplicationVersion(QStringLiteral(STEVEDORE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.stevedore.Stevedore"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("stevedore"), QStringLiteral("_"),
                        QStringLiteral(":/translations")))
        QApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Continuous promotion for Kargo pipelines."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption stateDir(
        QStringLiteral("state-dir"),
        QApplication::translate("main", "Keep the local store and caches in <dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption layoutReport(
        QStringLiteral("layout-report"),
        QApplication::translate("main", "Once the pipeline is drawn, write the screen position "
                                        "of every node to <file> as JSON."),
        QStringLiteral("file"));
    const QCommandLineOption offline(
        QStringLiteral("offline"),
        QApplication::translate("main", "Poll nothing: show what the local store holds."));
    parser.addOptions({stateDir, layoutReport, offline});
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QApplication::translate("main", "A folder or file of Kargo manifests to open."),
        QStringLiteral("[path]"));
    parser.process(app);
    if (parser.isSet(stateDir))
        StatePaths::setOverride(parser.value(stateDir));

    EngineHost engine;
    MainWindow window(&engine);
    if (parser.isSet(offline))
        window.setDiscoveryEnabled(false);
    if (parser.isSet(layoutReport))
        window.setLayoutReportPath(parser.value(layoutReport));
    window.show();
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        window.openInitialPipeline();
    else
        window.openPipeline(paths.first());
    return QApplication::exec();
}
