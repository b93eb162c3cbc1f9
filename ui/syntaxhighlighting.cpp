#include "ui/syntaxhighlighting.h"

#include "ui/yamlhighlighter.h"

#ifdef STEVEDORE_HAVE_KSYNTAXHIGHLIGHTING
#include <QGuiApplication>
#include <QPalette>

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

namespace Stevedore {

QSyntaxHighlighter *createYamlHighlighter(QTextDocument *document)
{
#ifdef STEVEDORE_HAVE_KSYNTAXHIGHLIGHTING
    static KSyntaxHighlighting::Repository repository;
    const auto definition = repository.definitionForName(QStringLiteral("YAML"));
    if (definition.isValid()) {
        auto *highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document);
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightnessF() < 0.5;
        highlighter->setTheme(
            repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                         : KSyntaxHighlighting::Repository::LightTheme));
        highlighter->setDefinition(definition);
        return highlighter;
    }
#endif
    return new YamlHighlighter(document);
}

} // namespace Stevedore
