#include "models/freighttext.h"

using namespace Qt::StringLiterals;

namespace Stevedore::FreightText {

QString repositoryName(const QString &repoURL)
{
    QString name = repoURL;
    while (name.endsWith(u'/'))
        name.chop(1);
    name = name.section(u'/', -1);
    if (name.endsWith(u".git"_s))
        name.chop(4);
    return name.isEmpty() ? repoURL : name;
}

QList<ArtifactLabel> artifacts(const Freight &freight)
{
    QList<ArtifactLabel> labels;
    for (const FreightImage &image : freight.images) {
        const QString version =
            image.tag.isEmpty() ? image.digest.section(u':', -1).left(12) : image.tag;
        labels.append({u"image "_s + image.repoURL + u' ' + image.subscriptionName,
                       repositoryName(image.repoURL) + u':' + version,
                       image.repoURL + u':' + image.tag +
                           (image.digest.isEmpty() ? QString() : u'@' + image.digest)});
    }
    for (const FreightCommit &commit : freight.commits) {
        const QString version = commit.tag.isEmpty() ? commit.id.left(7) : commit.tag;
        QString detail = commit.repoURL + u' ' + commit.id;
        if (!commit.message.isEmpty())
            detail += u"\n"_s + commit.message;
        labels.append({u"git "_s + commit.repoURL + u' ' + commit.subscriptionName,
                       repositoryName(commit.repoURL) + u' ' + version, detail});
    }
    for (const FreightChart &chart : freight.charts) {
        const QString name = chart.name.isEmpty() ? repositoryName(chart.repoURL) : chart.name;
        labels.append(
            {u"chart "_s + chart.repoURL + u' ' + chart.name + u' ' + chart.subscriptionName,
             name + u' ' + chart.version,
             chart.repoURL + (chart.name.isEmpty() ? QString() : u' ' + chart.name) + u' ' +
                 chart.version});
    }
    return labels;
}

QString firstVersion(const Freight &freight)
{
    if (!freight.images.isEmpty())
        return freight.images.first().tag;
    if (!freight.commits.isEmpty())
        return freight.commits.first().tag.isEmpty() ? freight.commits.first().id.left(7)
                                                     : freight.commits.first().tag;
    if (!freight.charts.isEmpty())
        return freight.charts.first().version;
    return {};
}

QString versions(const Freight &freight, const QString &separator)
{
    QStringList texts;
    for (const ArtifactLabel &label : artifacts(freight))
        texts.append(label.text);
    return texts.join(separator);
}

} // namespace Stevedore::FreightText
