<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnalysisPlanner</name>
    <message>
        <source>not runnable here: a job metric runs a Kubernetes Job, which needs a cluster</source>
        <translation>hier nicht ausführbar: Eine Job-Metrik startet einen Kubernetes-Job und benötigt dafür einen Cluster</translation>
    </message>
    <message>
        <source>not runnable here: Stevedore runs Prometheus metrics only (web metrics are planned)</source>
        <translation>hier nicht ausführbar: Stevedore führt nur Prometheus-Metriken aus (Web-Metriken sind geplant)</translation>
    </message>
    <message>
        <source>not runnable here: metric plugins run inside Argo Rollouts&apos; controller</source>
        <translation>hier nicht ausführbar: Metrik-Plugins laufen im Controller von Argo Rollouts</translation>
    </message>
    <message>
        <source>not runnable here: Stevedore runs Prometheus metrics only, not %1 metrics</source>
        <translation>hier nicht ausführbar: Stevedore führt nur Prometheus-Metriken aus (Provider dieser Metrik: %1)</translation>
    </message>
    <message>
        <source>provider-less</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>prometheus address is not configured</source>
        <translation>die Prometheus-Adresse ist nicht konfiguriert</translation>
    </message>
    <message>
        <source>prometheus address &quot;%1&quot; is not a URL</source>
        <translation>die Prometheus-Adresse &quot;%1&quot; ist keine URL</translation>
    </message>
    <message>
        <source>prometheus timeout should not be negative</source>
        <translation>das Prometheus-Timeout darf nicht negativ sein</translation>
    </message>
    <message>
        <source>prometheus &quot;authentication&quot; (SigV4, OAuth2) is not supported here; store basic or bearer credentials in the keychain instead</source>
        <translation>Prometheus-&quot;authentication&quot; (SigV4, OAuth2) wird hier nicht unterstützt; speichern Sie stattdessen Basic- oder Bearer-Zugangsdaten im Schlüsselbund</translation>
    </message>
    <message>
        <source>rangeQuery needs start, end and a step duration</source>
        <translation>rangeQuery benötigt start, end und eine step-Dauer</translation>
    </message>
    <message>
        <source>count must be &gt;= 0</source>
        <translation>count muss &gt;= 0 sein</translation>
    </message>
    <message>
        <source>interval must be specified when count &gt; 1</source>
        <translation>interval muss angegeben werden, wenn count &gt; 1 ist</translation>
    </message>
    <message>
        <source>failureLimit must be &gt;= -1</source>
        <translation>failureLimit muss &gt;= -1 sein</translation>
    </message>
    <message>
        <source>inconclusiveLimit must be &gt;= 0</source>
        <translation>inconclusiveLimit muss &gt;= 0 sein</translation>
    </message>
    <message>
        <source>consecutiveErrorLimit must be &gt;= 0</source>
        <translation>consecutiveErrorLimit muss &gt;= 0 sein</translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit must be &gt;= 0</source>
        <translation>consecutiveSuccessLimit muss &gt;= 0 sein</translation>
    </message>
    <message>
        <source>either failureLimit or consecutiveSuccessLimit must be applicable (failureLimit &gt;= 0 or consecutiveSuccessLimit &gt; 0)</source>
        <translation>entweder failureLimit oder consecutiveSuccessLimit muss greifen (failureLimit &gt;= 0 oder consecutiveSuccessLimit &gt; 0)</translation>
    </message>
    <message>
        <source>count must be &gt;= failureLimit</source>
        <translation>count muss &gt;= failureLimit sein</translation>
    </message>
    <message>
        <source>count must be &gt;= inconclusiveLimit</source>
        <translation>count muss &gt;= inconclusiveLimit sein</translation>
    </message>
    <message>
        <source>count must be &gt;= consecutiveSuccessLimit</source>
        <translation>count muss &gt;= consecutiveSuccessLimit sein</translation>
    </message>
    <message>
        <source>store it in the keychain as a JSON object of strings under service &quot;%1&quot;, account &quot;%2&quot;</source>
        <translation>speichern Sie das Secret im Schlüsselbund als JSON-Objekt aus Strings unter Dienst &quot;%1&quot;, Konto &quot;%2&quot;</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; takes its value from secret &quot;%2&quot;, and the keychain is not used here</source>
        <translation>Argument &quot;%1&quot; bezieht seinen Wert aus Secret &quot;%2&quot;, und der Schlüsselbund wird hier nicht verwendet</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: secret &quot;%2&quot; is missing; %3</source>
        <translation>Argument &quot;%1&quot;: Secret &quot;%2&quot; fehlt; %3</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: cannot read secret &quot;%2&quot;: %3</source>
        <translation>Argument &quot;%1&quot;: Secret &quot;%2&quot; kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: secret &quot;%2&quot; is not a JSON object of strings; %3</source>
        <translation>Argument &quot;%1&quot;: Secret &quot;%2&quot; ist kein JSON-Objekt aus Strings; %3</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: key &apos;%2&apos; does not exist in secret &apos;%3&apos;</source>
        <translation>Argument &quot;%1&quot;: Schlüssel &apos;%2&apos; existiert nicht in Secret &apos;%3&apos;</translation>
    </message>
    <message>
        <source>failed to resolve {{%1}}</source>
        <translation>{{%1}} konnte nicht aufgelöst werden</translation>
    </message>
    <message>
        <source>there is no stage &quot;%1&quot;</source>
        <translation>es gibt keine Stage &quot;%1&quot;</translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; has no verification</source>
        <translation>Stage &quot;%1&quot; hat keine Verifizierung</translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; not found</source>
        <translation>%1 &quot;%2&quot; nicht gefunden</translation>
    </message>
    <message>
        <source>error flattening templates: two metrics have the same name &apos;%1&apos;</source>
        <translation>Fehler beim Zusammenführen der Templates: Zwei Metriken haben denselben Namen &apos;%1&apos;</translation>
    </message>
    <message>
        <source>error flattening templates: Argument `%1` specified multiple times with different values: &apos;%2&apos;, &apos;%3&apos;</source>
        <translation>Fehler beim Zusammenführen der Templates: Argument `%1` mehrfach mit unterschiedlichen Werten angegeben: &apos;%2&apos;, &apos;%3&apos;</translation>
    </message>
    <message>
        <source>verification argument &quot;%1&quot;: %2</source>
        <translation>Verifizierungsargument &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>unable to resolve metric arguments: %1</source>
        <translation>Metrik-Argumente können nicht aufgelöst werden: %1</translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; takes its value from %2, which only a cluster can resolve; give it a value in the stage&apos;s verification args</source>
        <translation>Argument &quot;%1&quot; bezieht seinen Wert aus %2, was nur ein Cluster auflösen kann; geben Sie dafür einen Wert in den Verifizierungsargumenten (args) der Stage an</translation>
    </message>
    <message>
        <source>error merging arguments: args.%1 was not resolved</source>
        <translation>Fehler beim Zusammenführen der Argumente: args.%1 wurde nicht aufgelöst</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation>&quot;%1&quot; muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>invalid interval string: %1</source>
        <translation>ungültige interval-Angabe: %1</translation>
    </message>
    <message>
        <source>invalid initialDelay string: %1</source>
        <translation>ungültige initialDelay-Angabe: %1</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot; does not parse: %2</source>
        <translation>Bedingung &quot;%1&quot; ist syntaktisch ungültig: %2</translation>
    </message>
    <message>
        <source>analysis spec invalid: metric &quot;%1&quot;: %2</source>
        <translation>Analyse-Spezifikation ungültig: Metrik &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>there is no stage &quot;%1&quot;</source>
        <translation>es gibt keine Stage &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 does not take freight from %2 &quot;%3&quot;</source>
        <translation>%1 nimmt keine Freight aus %2 &quot;%3&quot; an</translation>
    </message>
    <message>
        <source>approved for %1</source>
        <translation>für %1 genehmigt</translation>
    </message>
    <message>
        <source>%1 takes freight from %2 directly</source>
        <translation>%1 bezieht Freight direkt aus %2</translation>
    </message>
    <message>
        <source>%1 names no source for freight from %2</source>
        <translation>%1 nennt keine Quelle für Freight aus %2</translation>
    </message>
    <message>
        <source>%1 (%2 left)</source>
        <translation>%1 (noch %2)</translation>
    </message>
    <message>
        <source>verified in %1</source>
        <translation>verifiziert in %1</translation>
    </message>
    <message>
        <source>soaking in %1</source>
        <translation>Mindestverweildauer läuft in %1</translation>
    </message>
    <message>
        <source>not yet verified in %1</source>
        <translation>noch nicht verifiziert in %1</translation>
    </message>
    <message>
        <source> or </source>
        <translation> oder </translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>anonymously</source>
        <translation>anonym</translation>
    </message>
    <message>
        <source>with a token</source>
        <translation>mit einem Token</translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>als %1</translation>
    </message>
    <message>
        <source>The registry %1 accepted GET /v2/ %2</source>
        <translation>Die Registry %1 hat GET /v2/ %2 angenommen</translation>
    </message>
    <message>
        <source>%1 read %2</source>
        <translation>%1 %2 gelesen</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>kann keinen temporären Ordner anlegen: %1</translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation>%1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message numerus="yes">
        <source>%1 lists %n ref(s)</source>
        <translation>
            <numerusform>%1 listet %n Ref</numerusform>
            <numerusform>%1 listet %n Refs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: it refused the credentials</source>
        <translation>%1 antwortete HTTP %2: die Zugangsdaten wurden abgelehnt</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: it wants credentials</source>
        <translation>%1 antwortete HTTP %2: Zugangsdaten werden verlangt</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, not a Prometheus API answer</source>
        <translation>%1 antwortete HTTP %2, keine Antwort der Prometheus-API</translation>
    </message>
    <message>
        <source>Prometheus %1 at %2 answered %3</source>
        <translation>Prometheus %1 unter %2 antwortete %3</translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation>Die Adresse ist leer.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space.</source>
        <translation>„%1“ enthält ein Leerzeichen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write the registry as HOST or HOST:PORT, e.g. ghcr.io or 127.0.0.1:5000, without a scheme or path.</source>
        <translation>„%1“: die Registry als HOST oder HOST:PORT angeben, z. B. ghcr.io oder 127.0.0.1:5000, ohne Schema und Pfad.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a registry host: %2</source>
        <translation>„%1“ ist kein Registry-Host: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation>„%1“ ist keine http://- oder https://-URL.</translation>
    </message>
</context>
<context>
    <name>GitPublisher</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation>%1 kann nicht ausgeführt werden: %2</translation>
    </message>
    <message>
        <source>%1 did not finish</source>
        <translation>%1 wurde nicht beendet</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>Exit-Code %1</translation>
    </message>
    <message>
        <source>someone else pushed a change to %1 meanwhile that conflicts with this promotion&apos;s</source>
        <translation>jemand anderes hat inzwischen eine Änderung an %1 gepusht, die mit den Änderungen dieser Promotion kollidiert</translation>
    </message>
    <message>
        <source>cannot read the git configuration</source>
        <translation>die Git-Konfiguration kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>commit.gpgsign is on with gpg.format ssh, but user.signingkey is not set</source>
        <translation>commit.gpgsign ist mit gpg.format ssh aktiviert, aber user.signingkey ist nicht gesetzt</translation>
    </message>
    <message>
        <source>cannot create a temporary folder for ssh-keygen</source>
        <translation>für ssh-keygen kann kein temporärer Ordner angelegt werden</translation>
    </message>
    <message>
        <source>cannot write the signing key for ssh-keygen</source>
        <translation>der Signaturschlüssel für ssh-keygen kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot write the commit for ssh-keygen</source>
        <translation>der Commit für ssh-keygen kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 wrote no signature</source>
        <translation>%1 hat keine Signatur geschrieben</translation>
    </message>
    <message>
        <source>the remote refused the push %1 times (%2)</source>
        <translation>das Remote-Repository hat den Push %1-mal abgelehnt (%2)</translation>
    </message>
    <message>
        <source>the remote refused tag %1: %2</source>
        <translation>das Remote-Repository hat Tag %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>signing tag %1 failed: %2</source>
        <translation>Signieren von Tag %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>HelmChartDependencies</name>
    <message>
        <source>cannot parse Chart.yaml: %1</source>
        <translation>Chart.yaml kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Chart.yaml is not a mapping</source>
        <translation>Chart.yaml ist keine Zuordnung</translation>
    </message>
    <message>
        <source>&quot;dependencies&quot; in Chart.yaml is not a list</source>
        <translation>&quot;dependencies&quot; in Chart.yaml ist keine Liste</translation>
    </message>
    <message>
        <source>item %1 of &quot;dependencies&quot; in Chart.yaml is not a mapping</source>
        <translation>Eintrag %1 von &quot;dependencies&quot; in Chart.yaml ist keine Zuordnung</translation>
    </message>
    <message>
        <source>no dependency in Chart.yaml matches update with repository &quot;%1&quot; and name &quot;%2&quot;</source>
        <translation>keine Abhängigkeit in Chart.yaml passt zum Update mit Repository &quot;%1&quot; und Name &quot;%2&quot;</translation>
    </message>
</context>
<context>
    <name>KnownHosts</name>
    <message>
        <source>The authenticity of SSH host %1 can&apos;t be established: it is not in your known_hosts files. The server offered a %2 key with fingerprint %3. Check that fingerprint with the server&apos;s administrator (or its documentation), then add the key and try again:
  %4 &gt;&gt; %5
(`%4 | ssh-keygen -lf -` shows the fingerprint of what you are about to add.)</source>
        <translation>Die Authentizität des SSH-Hosts %1 kann nicht festgestellt werden: Er ist in keiner Ihrer known_hosts-Dateien eingetragen. Der Server hat einen %2-Schlüssel mit dem Fingerabdruck %3 angeboten. Gleichen Sie diesen Fingerabdruck mit dem Administrator des Servers (oder mit dessen Dokumentation) ab, fügen Sie dann den Schlüssel hinzu und versuchen Sie es erneut:
  %4 &gt;&gt; %5
(`%4 | ssh-keygen -lf -` zeigt den Fingerabdruck dessen an, was Sie hinzufügen möchten.)</translation>
    </message>
    <message>
        <source>WARNING: THE SSH HOST KEY OF %1 HAS CHANGED! Someone could be eavesdropping on you right now (man-in-the-middle attack), or the server&apos;s host key has just been replaced. The server offered a %2 key with fingerprint %3, but %4:%5 records a different key for this host (%6). Stevedore refuses to connect. If the change is expected, confirm the new fingerprint with the server&apos;s administrator, remove the old key with `ssh-keygen -f %7 -R %8` and add the new one.</source>
        <translation>WARNUNG: DER SSH-HOSTSCHLÜSSEL VON %1 HAT SICH GEÄNDERT! Möglicherweise werden Sie gerade abgehört (Man-in-the-Middle-Angriff), oder der Hostschlüssel des Servers wurde soeben ausgetauscht. Der Server hat einen %2-Schlüssel mit dem Fingerabdruck %3 angeboten, aber %4:%5 verzeichnet für diesen Host einen anderen Schlüssel (%6). Stevedore verweigert die Verbindung. Falls die Änderung erwartet ist, bestätigen Sie den neuen Fingerabdruck mit dem Administrator des Servers, entfernen Sie den alten Schlüssel mit `ssh-keygen -f %7 -R %8` und fügen Sie den neuen hinzu.</translation>
    </message>
    <message>
        <source>WARNING: REVOKED SSH HOST KEY! The %1 host key offered by %2 (fingerprint %3) is marked as revoked in %4:%5. This could mean that a stolen key is being used to impersonate this host. Stevedore refuses to connect.</source>
        <translation>WARNUNG: WIDERRUFENER SSH-HOSTSCHLÜSSEL! Der von %2 angebotene %1-Hostschlüssel (Fingerabdruck %3) ist in %4:%5 als widerrufen markiert. Möglicherweise wird ein gestohlener Schlüssel verwendet, um sich als dieser Host auszugeben. Stevedore verweigert die Verbindung.</translation>
    </message>
</context>
<context>
    <name>KustomizeImages</name>
    <message>
        <source>the kustomization file is not a mapping</source>
        <translation>die Kustomization-Datei ist keine Zuordnung</translation>
    </message>
    <message>
        <source>&quot;images&quot; is not a list</source>
        <translation>&quot;images&quot; ist keine Liste</translation>
    </message>
    <message>
        <source>item %1 of &quot;images&quot; is not a mapping</source>
        <translation>Eintrag %1 von &quot;images&quot; ist keine Zuordnung</translation>
    </message>
    <message>
        <source>an image without a name cannot be set</source>
        <translation>ein Image ohne Namen kann nicht gesetzt werden</translation>
    </message>
    <message>
        <source>image &quot;%1&quot;: no tag, digest or new name to set</source>
        <translation>Image &quot;%1&quot;: weder Tag noch Digest noch neuer Name zum Setzen angegeben</translation>
    </message>
    <message>
        <source>cannot parse the kustomization file: %1</source>
        <translation>die Kustomization-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the edited kustomization file is not valid YAML (%1)</source>
        <translation>die bearbeitete Kustomization-Datei ist kein gültiges YAML (%1)</translation>
    </message>
    <message>
        <source>image &quot;%1&quot;: the entry cannot be edited</source>
        <translation>Image &quot;%1&quot;: Der Eintrag kann nicht bearbeitet werden</translation>
    </message>
</context>
<context>
    <name>PrometheusAddresses</name>
    <message>
        <source>&quot;%1&quot;: write FROM=TO, e.g. http://prometheus.monitoring:9090=http://127.0.0.1:9090</source>
        <translation>&quot;%1&quot;: Format VON=NACH, z. B. http://prometheus.monitoring:9090=http://127.0.0.1:9090</translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>the keychain entry %1 holds neither {&quot;username&quot;, &quot;password&quot;} nor {&quot;token&quot;}</source>
        <translation>der Schlüsselbund-Eintrag %1 enthält weder {&quot;username&quot;, &quot;password&quot;} noch {&quot;token&quot;}</translation>
    </message>
    <message>
        <source>the answer is larger than %1 MiB</source>
        <translation>die Antwort ist größer als %1 MiB</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Prometheus at %1 did not answer within %2 s</source>
        <translation>Prometheus unter %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <source>Prometheus unreachable at %1: %2</source>
        <translation>Prometheus unter %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Prometheus sent a %1 result that cannot be read</source>
        <translation>Prometheus hat ein Ergebnis vom Typ %1 gesendet, das nicht gelesen werden kann</translation>
    </message>
    <message>
        <source>(typeless)</source>
        <translation>(ohne Angabe)</translation>
    </message>
    <message>
        <source>Prometheus metric type not supported: the query returns a string, not numbers</source>
        <translation>Prometheus-Metriktyp nicht unterstützt: Die Abfrage liefert einen String, keine Zahlen</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Prometheus address: write it as http(s)://host[:port]</source>
        <translation>&quot;%1&quot; ist keine Prometheus-Adresse: Geben Sie sie als http(s)://host[:port] an</translation>
    </message>
    <message>
        <source>Prometheus answered %1 %2: %3</source>
        <translation>Prometheus hat mit %1 %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>store a user name and password ({&quot;username&quot;, &quot;password&quot;}) or a token ({&quot;token&quot;}) in the keychain under service &quot;%1&quot;, account &quot;%2&quot;</source>
        <translation>legen Sie einen Benutzernamen und ein Passwort ({&quot;username&quot;, &quot;password&quot;}) oder ein Token ({&quot;token&quot;}) im Schlüsselbund unter Dienst &quot;%1&quot;, Konto &quot;%2&quot; ab</translation>
    </message>
    <message>
        <source>the credentials from the keychain were refused</source>
        <translation>die Zugangsdaten aus dem Schlüsselbund wurden abgelehnt</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered %2: %3</source>
        <translation>Prometheus unter %1 hat mit %2 geantwortet: %3</translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, not a Prometheus API answer%3</source>
        <translation>%1 hat mit HTTP %2 geantwortet, nicht mit einer Antwort der Prometheus-API%3</translation>
    </message>
    <message>
        <source>Prometheus at %1 kept refusing the request</source>
        <translation>Prometheus unter %1 hat die Anfrage wiederholt abgelehnt</translation>
    </message>
    <message>
        <source>Prometheus at %1 redirects to %2, another origin: not followed</source>
        <translation>Prometheus unter %1 leitet auf %2 um, einen anderen Ursprung: nicht gefolgt</translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2, but %3</source>
        <translation>Prometheus unter %1 hat mit HTTP %2 geantwortet, aber %3</translation>
    </message>
</context>
<context>
    <name>Promoter</name>
    <message>
        <source>there is no freight &quot;%1&quot; in the local store; run discovery first (stevedorectl discover)</source>
        <translation>es gibt keine Freight &quot;%1&quot; im lokalen Speicher; führen Sie zuerst die Erkennung aus (stevedorectl discover)</translation>
    </message>
    <message>
        <source>cannot create a workspace: %1</source>
        <translation>es kann kein Arbeitsbereich angelegt werden: %1</translation>
    </message>
    <message>
        <source>freight %1 is not available to %2: %3</source>
        <translation>Freight %1 ist für %2 nicht verfügbar: %3</translation>
    </message>
    <message>
        <source>steps that cannot run here: %1; run with them skipped (--skip-unrunnable) or not at all</source>
        <translation>Schritte, die hier nicht ausgeführt werden können: %1; führen Sie die Promotion ohne diese Schritte (--skip-unrunnable) oder gar nicht aus</translation>
    </message>
    <message>
        <source>%1: set it with git config --global user.name &quot;Your Name&quot; and git config --global user.email you@example.com</source>
        <translation>%1: Legen Sie sie fest mit git config --global user.name &quot;Ihr Name&quot; und git config --global user.email you@example.com</translation>
    </message>
    <message>
        <source>cancelled while waiting for another promotion of %1</source>
        <translation>abgebrochen beim Warten auf eine andere Promotion nach %1</translation>
    </message>
    <message>
        <source>cannot record the promotion: %1</source>
        <translation>die Promotion kann nicht aufgezeichnet werden: %1</translation>
    </message>
    <message>
        <source>(the store could not record the outcome: %1)</source>
        <translation>(der Speicher konnte das Ergebnis nicht aufzeichnen: %1)</translation>
    </message>
</context>
<context>
    <name>PromotionContext</name>
    <message>
        <source>there is no secret &quot;%1&quot; in the keychain (service &quot;%2&quot;, account &quot;%3&quot;)</source>
        <translation>im Schlüsselbund gibt es kein Secret &quot;%1&quot; (Dienst &quot;%2&quot;, Konto &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>could not read secret &quot;%1&quot; from the keychain: %2</source>
        <translation>Secret &quot;%1&quot; konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <source>the keychain entry for secret &quot;%1&quot; is not a JSON object of strings</source>
        <translation>der Schlüsselbund-Eintrag für Secret &quot;%1&quot; ist kein JSON-Objekt aus Strings</translation>
    </message>
    <message>
        <source>expects 1 to %1 arguments, got %2</source>
        <translation>erwartet 1 bis %1 Argumente, erhalten: %2</translation>
    </message>
    <message>
        <source>the first argument must be a repository URL</source>
        <translation>das erste Argument muss eine Repository-URL sein</translation>
    </message>
    <message>
        <source>argument %1 must be a freight origin such as warehouse(&quot;name&quot;)</source>
        <translation>Argument %1 muss eine Freight-Herkunft wie warehouse(&quot;name&quot;) sein</translation>
    </message>
    <message>
        <source>freight from several warehouses (%1) has %2; name one with warehouse(&quot;...&quot;) as the last argument</source>
        <translation>Freight aus mehreren Warehouses (%1) enthält %2; wählen Sie eines mit warehouse(&quot;...&quot;) als letztem Argument aus</translation>
    </message>
    <message>
        <source>warehouse expects one warehouse name</source>
        <translation>warehouse erwartet einen Warehouse-Namen</translation>
    </message>
    <message>
        <source>freightMetadata expects a freight name and optionally a key</source>
        <translation>freightMetadata erwartet einen Freight-Namen und optional einen Schlüssel</translation>
    </message>
    <message>
        <source>stageMetadata expects a stage name</source>
        <translation>stageMetadata erwartet einen Stage-Namen</translation>
    </message>
    <message>
        <source>secret expects a secret name</source>
        <translation>secret erwartet einen Secret-Namen</translation>
    </message>
    <message>
        <source>status expects a step alias</source>
        <translation>status erwartet einen Schritt-Alias</translation>
    </message>
    <message>
        <source>variable &quot;%1&quot;: %2</source>
        <translation>Variable &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>config.%1: %2</source>
        <translation>config.%1: %2</translation>
    </message>
</context>
<context>
    <name>PromotionPlanner</name>
    <message>
        <source>needs an Argo CD API server; Stevedore does not talk to Argo CD yet</source>
        <translation>benötigt einen Argo-CD-API-Server; Stevedore kommuniziert noch nicht mit Argo CD</translation>
    </message>
    <message>
        <source>renders manifests with %1, which Stevedore does not run yet</source>
        <translation>rendert Manifeste mit %1, das Stevedore noch nicht ausführt</translation>
    </message>
    <message>
        <source>needs the git hosting service&apos;s pull request API</source>
        <translation>benötigt die Pull-Request-API des Git-Hosting-Dienstes</translation>
    </message>
    <message>
        <source>needs GitHub&apos;s API</source>
        <translation>benötigt die GitHub-API</translation>
    </message>
    <message>
        <source>a Kargo enterprise step that needs its service</source>
        <translation>ein Kargo-Enterprise-Schritt, der den zugehörigen Dienst benötigt</translation>
    </message>
    <message>
        <source>talks to a service over the network, which Stevedore does not do in promotions yet</source>
        <translation>kommuniziert über das Netzwerk mit einem Dienst, was Stevedore in Promotions noch nicht unterstützt</translation>
    </message>
    <message>
        <source>a custom step, which runs in a container on a Kargo controller</source>
        <translation>ein benutzerdefinierter Schritt, der in einem Container auf einem Kargo-Controller läuft</translation>
    </message>
    <message>
        <source>Stevedore does not implement this step yet</source>
        <translation>Stevedore implementiert diesen Schritt noch nicht</translation>
    </message>
    <message>
        <source>there is no stage &quot;%1&quot;</source>
        <translation>es gibt keine Stage &quot;%1&quot;</translation>
    </message>
    <message>
        <source>step %1 uses the %2 &quot;%3&quot;, which is not in the pipeline</source>
        <translation>Schritt %1 verwendet %2 &quot;%3&quot;, der in der Pipeline nicht vorkommt</translation>
    </message>
    <message>
        <source>the %1 &quot;%2&quot; needs the variable &quot;%3&quot;: give it in the step&apos;s vars or the stage&apos;s promotionTemplate vars</source>
        <translation>%1 &quot;%2&quot; benötigt die Variable &quot;%3&quot;: Geben Sie sie in den vars des Schritts oder in den promotionTemplate-vars der Stage an</translation>
    </message>
    <message>
        <source>the condition must be true or false, not %1</source>
        <translation>die Bedingung muss true oder false ergeben, nicht %1</translation>
    </message>
    <message>
        <source>step %1: if: %2</source>
        <translation>Schritt %1: if: %2</translation>
    </message>
</context>
<context>
    <name>PromotionRunner</name>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>cancelled before step %1</source>
        <translation>abgebrochen vor Schritt %1</translation>
    </message>
    <message>
        <source>if: the condition must be true or false</source>
        <translation>if: Die Bedingung muss true oder false ergeben</translation>
    </message>
    <message>
        <source>if: %1</source>
        <translation>if: %1</translation>
    </message>
    <message>
        <source>an earlier step failed</source>
        <translation>ein vorheriger Schritt ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>its condition is false</source>
        <translation>die Bedingung ergibt false</translation>
    </message>
    <message>
        <source>a dry run stops before this step</source>
        <translation>ein Dry Run endet vor diesem Schritt</translation>
    </message>
    <message>
        <source>not runnable here: %1</source>
        <translation>hier nicht ausführbar: %1</translation>
    </message>
    <message>
        <source>cancelled during step %1</source>
        <translation>abgebrochen während Schritt %1</translation>
    </message>
    <message>
        <source>could not compute the change in %1: %2</source>
        <translation>die Änderung in %1 konnte nicht ermittelt werden: %2</translation>
    </message>
    <message>
        <source>step %1 (%2): %3</source>
        <translation>Schritt %1 (%2): %3</translation>
    </message>
</context>
<context>
    <name>PromotionSteps</name>
    <message>
        <source>%1 is not a working tree a git-clone step made</source>
        <translation>%1 ist kein Arbeitsverzeichnis, das ein git-clone-Schritt angelegt hat</translation>
    </message>
    <message>
        <source>repoURL is missing</source>
        <translation>repoURL fehlt</translation>
    </message>
    <message>
        <source>the freight has no commit from %1</source>
        <translation>die Freight enthält keinen Commit aus %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the default branch</source>
        <translation>Standard-Branch</translation>
    </message>
    <message>
        <source>%1: new branch %2</source>
        <translation>%1: neuer Branch %2</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1: %2, Commit %3</translation>
    </message>
    <message>
        <source>%1: from the local cache (%2)</source>
        <translation>%1: aus dem lokalen Cache (%2)</translation>
    </message>
    <message>
        <source>the commit message is empty</source>
        <translation>die Commit-Nachricht ist leer</translation>
    </message>
    <message>
        <source>%1; a real promotion stops here</source>
        <translation>%1; eine echte Promotion bricht hier ab</translation>
    </message>
    <message>
        <source>committed %1 as %2 &lt;%3&gt;, signed</source>
        <translation>%1 als %2 &lt;%3&gt; committet, signiert</translation>
    </message>
    <message>
        <source>committed %1 as %2 &lt;%3&gt;</source>
        <translation>%1 als %2 &lt;%3&gt; committet</translation>
    </message>
    <message>
        <source>nothing to commit</source>
        <translation>nichts zu committen</translation>
    </message>
    <message>
        <source>%1: set your identity with git config --global user.name &quot;Your Name&quot; and git config --global user.email you@example.com</source>
        <translation>%1: Legen Sie Ihre Identität fest mit git config --global user.name &quot;Ihr Name&quot; und git config --global user.email you@example.com</translation>
    </message>
    <message>
        <source>pushed tag %1 to %2</source>
        <translation>Tag %1 nach %2 gepusht</translation>
    </message>
    <message>
        <source>%1 is not on a branch: give targetBranch</source>
        <translation>%1 ist auf keinem Branch: Geben Sie targetBranch an</translation>
    </message>
    <message>
        <source>push to %1 (%2): %3</source>
        <translation>Push nach %1 (%2): %3</translation>
    </message>
    <message>
        <source>(rebased onto %1 before the push)</source>
        <translation>(vor dem Push per Rebase auf %1 gesetzt)</translation>
    </message>
    <message numerus="yes">
        <source>pushed %1 to %2 (%3), rebased %n time(s) onto newer pushes</source>
        <translation>
            <numerusform>%1 nach %2 (%3) gepusht, nach %n Rebase auf neuere Pushes</numerusform>
            <numerusform>%1 nach %2 (%3) gepusht, nach %n Rebases auf neuere Pushes</numerusform>
        </translation>
    </message>
    <message>
        <source>pushed %1 to %2 (%3)</source>
        <translation>%1 nach %2 (%3) gepusht</translation>
    </message>
    <message>
        <source>tag is missing</source>
        <translation>tag fehlt</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>updated %n key(s) in %1</source>
        <translation>
            <numerusform>%n Schlüssel in %1 aktualisiert</numerusform>
            <numerusform>%n Schlüssel in %1 aktualisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no kustomization.yaml</source>
        <translation>%1 enthält keine kustomization.yaml</translation>
    </message>
    <message>
        <source>the freight has no image %1 and the step gives no tag or digest for it</source>
        <translation>die Freight enthält kein Image %1, und der Schritt gibt dafür weder Tag noch Digest an</translation>
    </message>
    <message>
        <source>Chart.lock and the charts/ folder were not refreshed: run `helm dependency update` to refresh them</source>
        <translation>Chart.lock und der Ordner charts/ wurden nicht aktualisiert: Führen Sie `helm dependency update` aus, um sie zu aktualisieren</translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message numerus="yes">
        <source>copied %n file(s)</source>
        <translation>
            <numerusform>%n Datei kopiert</numerusform>
            <numerusform>%n Dateien kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 matches nothing</source>
        <translation>zu %1 gibt es keine Treffer</translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation>%1 kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation>%1 gelöscht</translation>
    </message>
    <message>
        <source>%1 exists; set overwrite: true to replace it</source>
        <translation>%1 existiert bereits; setzen Sie overwrite: true, um es zu ersetzen</translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation>%1 ist ein Ordner</translation>
    </message>
    <message>
        <source>permissions must be an octal mode such as 0644, not %1</source>
        <translation>permissions muss ein oktaler Modus wie 0644 sein, nicht %1</translation>
    </message>
    <message>
        <source>kind must be Stage or Freight, not %1</source>
        <translation>kind muss Stage oder Freight sein, nicht %1</translation>
    </message>
    <message>
        <source>set %1 metadata on %2 %3</source>
        <translation>Metadaten %1 für %2 %3 gesetzt</translation>
    </message>
    <message>
        <source>a path is missing</source>
        <translation>eine Pfadangabe fehlt</translation>
    </message>
    <message>
        <source>%1 is an absolute path; paths are relative to the promotion&apos;s workspace</source>
        <translation>%1 ist ein absoluter Pfad; Pfade sind relativ zum Arbeitsbereich der Promotion</translation>
    </message>
    <message>
        <source>%1 leaves the promotion&apos;s workspace</source>
        <translation>%1 verlässt den Arbeitsbereich der Promotion</translation>
    </message>
    <message>
        <source>%1 leads out of the promotion&apos;s workspace through a symbolic link</source>
        <translation>%1 führt über einen symbolischen Link aus dem Arbeitsbereich der Promotion hinaus</translation>
    </message>
    <message>
        <source>failed by a fail step</source>
        <translation>durch einen fail-Schritt fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stevedore cannot run %1 steps</source>
        <translation>Stevedore kann keine %1-Schritte ausführen</translation>
    </message>
</context>
<context>
    <name>PromotionText</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>erfolgreich</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>errored</source>
        <translation>mit Fehler beendet</translation>
    </message>
    <message>
        <source>was aborted</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Stevedore::AnalysisRunner</name>
    <message>
        <source>asInt: &quot;%1&quot; is not a whole number</source>
        <translation>asInt: &quot;%1&quot; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>asFloat: &quot;%1&quot; is not a number</source>
        <translation>asFloat: &quot;%1&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>condition &quot;%1&quot; is not true or false: it gave %2</source>
        <translation>Bedingung &quot;%1&quot; ist weder true noch false: Ergebnis war %2</translation>
    </message>
    <message>
        <source>duration: &quot;%1&quot; is not a duration</source>
        <translation>duration: &quot;%1&quot; ist keine Dauer</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time</source>
        <translation>&quot;%1&quot; ist kein Zeitpunkt</translation>
    </message>
    <message>
        <source>no metric of this verification can run here: %1</source>
        <translation>keine Metrik dieser Verifizierung kann hier ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>the templates have no metrics</source>
        <translation>die Templates enthalten keine Metriken</translation>
    </message>
    <message>
        <source>rangeQuery: %1</source>
        <translation>rangeQuery: %1</translation>
    </message>
    <message>
        <source>failed (%1) &gt; failureLimit (%2)</source>
        <translation>fehlgeschlagen (%1) &gt; failureLimit (%2)</translation>
    </message>
    <message>
        <source>inconclusive (%1) &gt; inconclusiveLimit (%2)</source>
        <translation>nicht eindeutig (%1) &gt; inconclusiveLimit (%2)</translation>
    </message>
    <message>
        <source>consecutiveErrors (%1) &gt; consecutiveErrorLimit (%2)</source>
        <translation>aufeinanderfolgende Fehler (%1) &gt; consecutiveErrorLimit (%2)</translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit (%1) reached</source>
        <translation>consecutiveSuccessLimit (%1) erreicht</translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit (%1) not reached and failureLimit (%2) not violated</source>
        <translation>consecutiveSuccessLimit (%1) nicht erreicht und failureLimit (%2) nicht überschritten</translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit (%1) not reached</source>
        <translation>consecutiveSuccessLimit (%1) nicht erreicht</translation>
    </message>
    <message>
        <source>run terminated</source>
        <translation>Lauf beendet</translation>
    </message>
    <message>
        <source>Metric &quot;%1&quot; assessed %2 due to %3</source>
        <translation>Metrik &quot;%1&quot; wurde als %2 bewertet, Grund: %3</translation>
    </message>
    <message>
        <source>: &quot;Error Message: %1&quot;</source>
        <translation>: &quot;Fehlermeldung: %1&quot;</translation>
    </message>
    <message>
        <source>not run here: %1</source>
        <translation>hier nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Verification aborted by user</source>
        <translation>Verifizierung vom Benutzer abgebrochen</translation>
    </message>
</context>
<context>
    <name>Stevedore::AssembleFreightDialog</name>
    <message>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Built</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Assemble Freight from %1</source>
        <translation>Freight aus %1 zusammenstellen</translation>
    </message>
    <message>
        <source>Pick one discovered artifact for each subscription of &lt;b&gt;%1&lt;/b&gt;. Only what discovery has stored can be picked.</source>
        <translation>Wählen Sie für jedes Abonnement von &lt;b&gt;%1&lt;/b&gt; ein gefundenes Artefakt. Wählbar ist nur, was die Erkennung gespeichert hat.</translation>
    </message>
    <message>
        <source>Reading the stored candidates…</source>
        <translation>Die gespeicherten Kandidaten werden gelesen…</translation>
    </message>
    <message>
        <source>&amp;Assemble</source>
        <translation>&amp;Zusammenstellen</translation>
    </message>
    <message>
        <source>Assembling…</source>
        <translation>Wird zusammengestellt…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing discovered yet: refresh the warehouse first.</source>
        <translation>Noch nichts gefunden: Aktualisieren Sie zuerst das Warehouse.</translation>
    </message>
    <message>
        <source>The local store has nothing for this warehouse.</source>
        <translation>Der lokale Speicher enthält nichts für dieses Warehouse.</translation>
    </message>
    <message>
        <source>Every subscription needs a discovered artifact to pick.</source>
        <translation>Jedes Abonnement braucht ein gefundenes Artefakt zur Auswahl.</translation>
    </message>
    <message>
        <source>Pick one artifact per subscription (the newest is selected).</source>
        <translation>Wählen Sie ein Artefakt pro Abonnement (das neueste ist ausgewählt).</translation>
    </message>
    <message>
        <source>Assembled new freight %1 (%2).</source>
        <translation>Neue Freight %1 (%2) zusammengestellt.</translation>
    </message>
    <message>
        <source>These artifacts are already freight %1: nothing new was stored.</source>
        <translation>Diese Artefakte sind bereits Freight %1: Es wurde nichts Neues gespeichert.</translation>
    </message>
    <message>
        <source>Could not assemble the freight: %1</source>
        <translation>Die Freight konnte nicht zusammengestellt werden: %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::CredentialsPage</name>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Helm repository</source>
        <translation>Helm-Repository</translation>
    </message>
    <message>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <source>the keychain entry %1 is not a user name and password</source>
        <translation>der Schlüsselbund-Eintrag %1 ist kein Benutzername mit Passwort</translation>
    </message>
    <message>
        <source>Edit Credential</source>
        <translation>Zugangsdaten bearbeiten</translation>
    </message>
    <message>
        <source>Add Credential</source>
        <translation>Zugangsdaten hinzufügen</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>Bitte den Benutzernamen eingeben.</translation>
    </message>
    <message>
        <source>Enter the password or token.</source>
        <translation>Bitte das Passwort oder Token eingeben.</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>A&amp;dresse:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation>&amp;Passwort oder Token:</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen …</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Kept in the system keychain (service &quot;stevedore&quot;) under the accounts discovery and verification read. Passwords are saved at once and never shown again.</source>
        <translation>Im Schlüsselbund des Systems (Dienst „stevedore“) unter den Konten gespeichert, die Erkennung und Verifikation lesen. Passwörter werden sofort gespeichert und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Keychain account %1</source>
        <translation>Schlüsselbund-Konto %1</translation>
    </message>
    <message>
        <source>Enter the password again: the address changed.</source>
        <translation>Bitte das Passwort erneut eingeben: die Adresse hat sich geändert.</translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation>Wird im Schlüsselbund gespeichert …</translation>
    </message>
    <message>
        <source>Could not save to the keychain: %1</source>
        <translation>Speichern im Schlüsselbund fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saved in the keychain as %1.</source>
        <translation>Im Schlüsselbund als %1 gespeichert.</translation>
    </message>
    <message>
        <source>nothing is stored for %1: enter the password</source>
        <translation>für %1 ist nichts gespeichert: bitte das Passwort eingeben</translation>
    </message>
    <message>
        <source>the keychain refused the entry</source>
        <translation>der Schlüsselbund hat den Eintrag abgelehnt</translation>
    </message>
    <message>
        <source>Removed %1 from the keychain.</source>
        <translation>%1 aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation>%1 konnte nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Wird getestet …</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not read the keychain: %1</source>
        <translation>Schlüsselbund konnte nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::DesktopNotifier</name>
    <message>
        <source>Promotion to %1 succeeded</source>
        <translation>Promotion nach %1 erfolgreich</translation>
    </message>
    <message>
        <source>Promotion to %1 %2</source>
        <translation>Promotion nach %1 %2</translation>
    </message>
    <message>
        <source>Freight %1</source>
        <translation>Fracht %1</translation>
    </message>
    <message>
        <source>Verification of %1: %2</source>
        <translation>Verifikation von %1: %2</translation>
    </message>
</context>
<context>
    <name>Stevedore::DetailsPanel</name>
    <message>
        <source>Refresh Now</source>
        <translation>Jetzt aktualisieren</translation>
    </message>
    <message>
        <source>Poll this warehouse&apos;s subscriptions now</source>
        <translation>Abonnements dieses Warehouses jetzt abfragen</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Double-click to show the manifest</source>
        <translation>Doppelklicken, um das Manifest anzuzeigen</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select a stage or warehouse in the graph.</source>
        <translation>Wählen Sie im Graphen eine Stage oder ein Warehouse aus.</translation>
    </message>
    <message>
        <source>Control-flow stage: passes freight on without steps</source>
        <translation>Stage zur Ablaufsteuerung: gibt Freight ohne Schritte weiter</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Requested freight</source>
        <translation>Angeforderte Freight</translation>
    </message>
    <message>
        <source>directly from the warehouse</source>
        <translation>direkt aus dem Warehouse</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>nach %1</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>verified in all upstream stages</source>
        <translation>in allen vorgelagerten Stages verifiziert</translation>
    </message>
    <message>
        <source>verified in any upstream stage</source>
        <translation>in mindestens einer vorgelagerten Stage verifiziert</translation>
    </message>
    <message>
        <source>Soak time</source>
        <translation>Mindestverweildauer</translation>
    </message>
    <message>
        <source>Auto-promotion</source>
        <translation>Auto-Promotion</translation>
    </message>
    <message>
        <source>match upstream</source>
        <translation>vorgelagerter Stage folgen</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Promotion</translation>
    </message>
    <message>
        <source>var %1</source>
        <translation>Variable %1</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>Task %1</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>if</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>on error</source>
        <translation>bei Fehler</translation>
    </message>
    <message>
        <source>continue</source>
        <translation>fortfahren</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <source>arg %1</source>
        <translation>Argument %1</translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation>Warehouse</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Erkennung</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>im Leerlauf</translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <source>polling…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>failed; retrying at %1</source>
        <translation>fehlgeschlagen; nächster Versuch: %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last poll</source>
        <translation>Letzte Abfrage</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Freight creation</source>
        <translation>Freight-Erstellung</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation>Strategie</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>Branch</translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation>Einschränkung</translation>
    </message>
    <message>
        <source>Include paths</source>
        <translation>Eingeschlossene Pfade</translation>
    </message>
    <message>
        <source>Exclude paths</source>
        <translation>Ausgeschlossene Pfade</translation>
    </message>
    <message>
        <source>Allowed tags</source>
        <translation>Erlaubte Tags</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Freight</source>
        <translation>Freight</translation>
    </message>
    <message>
        <source>discovered</source>
        <translation>erkannt</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>noch keine</translation>
    </message>
    <message>
        <source>%1 (insecure)</source>
        <translation>%1 (unsicher)</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>certificate not verified (insecureSkipTLSVerify)</source>
        <translation>Zertifikat nicht geprüft (insecureSkipTLSVerify)</translation>
    </message>
</context>
<context>
    <name>Stevedore::DiffView</name>
    <message>
        <source> (branch %1)</source>
        <translation> (Branch %1)</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>keine Änderungen</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation>&amp;Einheitlich</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>&amp;Nebeneinander</translation>
    </message>
</context>
<context>
    <name>Stevedore::DiscoveryScheduler</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <source>cannot store the new freight: %1</source>
        <translation>Die neue Freight kann nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::Engine</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot create the demo: %1</source>
        <translation>Die Demo kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>the local store is not available</source>
        <translation>der lokale Speicher ist nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightCardDelegate</name>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>approved %1</source>
        <translation>freigegeben %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightComparisonDialog</name>
    <message>
        <source>Compare Freight</source>
        <translation>Freight vergleichen</translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation>%1 mit %2 vergleichen</translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightComparisonView</name>
    <message>
        <source>Commit</source>
        <translation>Commit</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>%1: the same commit</source>
        <translation>%1: derselbe Commit</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n commit(s) added from %2 to %3</source>
        <translation>
            <numerusform>%1: %n Commit von %2 bis %3 hinzugekommen</numerusform>
            <numerusform>%1: %n Commits von %2 bis %3 hinzugekommen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: going back from %2 to %3 leaves out %n commit(s)</source>
        <translation>
            <numerusform>%1: der Schritt zurück von %2 auf %3 lässt %n Commit weg</numerusform>
            <numerusform>%1: der Schritt zurück von %2 auf %3 lässt %n Commits weg</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 and %3 are not ancestors of each other; %n commit(s) only in %3</source>
        <translation>
            <numerusform>%1: %2 und %3 stammen nicht voneinander ab; %n Commit nur in %3</numerusform>
            <numerusform>%1: %2 und %3 stammen nicht voneinander ab; %n Commits nur in %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in the local git cache: refresh its warehouse to see the commits</source>
        <translation>%1 ist nicht im lokalen Git-Cache: Aktualisieren Sie sein Warehouse, um die Commits zu sehen</translation>
    </message>
    <message>
        <source>%1: a commit is not in the local clone (%2)</source>
        <translation>%1: ein Commit fehlt im lokalen Klon (%2)</translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Wird verglichen…</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 (%3): %n artifact(s) changed</source>
        <translation>
            <numerusform>%1 → %2 (%3): %n Artefakt geändert</numerusform>
            <numerusform>%1 → %2 (%3): %n Artefakte geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>… more commits not shown</source>
        <translation>… weitere Commits nicht angezeigt</translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightLaneModel</name>
    <message>
        <source>Drag onto a stage to promote it.</source>
        <translation>Auf eine Stage ziehen, um sie dorthin zu befördern.</translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightPanel</name>
    <message>
        <source>&amp;Promote to</source>
        <translation>&amp;Promoten nach</translation>
    </message>
    <message>
        <source>&amp;Approve for</source>
        <translation>&amp;Genehmigen für</translation>
    </message>
    <message>
        <source>No freight matches</source>
        <translation>Keine Freight passt</translation>
    </message>
    <message>
        <source>No freight yet</source>
        <translation>Noch keine Freight</translation>
    </message>
    <message>
        <source>Filter freight: alias, version, commit</source>
        <translation>Freight filtern: Alias, Version, Commit</translation>
    </message>
    <message>
        <source>Highlight Changes</source>
        <translation>Änderungen hervorheben</translation>
    </message>
    <message>
        <source>Mark the artifacts that changed from the previous freight of the same warehouse</source>
        <translation>Die Artefakte markieren, die sich gegenüber der vorigen Freight desselben Warehouse geändert haben</translation>
    </message>
    <message numerus="yes">
        <source>%n freight</source>
        <translation>
            <numerusform>%n Freight</numerusform>
            <numerusform>%n Freight</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Warehouse %1</source>
        <translation>Warehouse %1</translation>
    </message>
    <message>
        <source>%1 of %2 freight</source>
        <translation>%1 von %2 Freight</translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation>&amp;ID kopieren</translation>
    </message>
    <message>
        <source>Copy A&amp;lias</source>
        <translation>A&amp;lias kopieren</translation>
    </message>
    <message>
        <source>Compare with Pre&amp;vious</source>
        <translation>Mit &amp;Vorheriger vergleichen</translation>
    </message>
    <message>
        <source>&amp;Compare Selected</source>
        <translation>Ausgewählte &amp;vergleichen</translation>
    </message>
    <message>
        <source>Compare &amp;with</source>
        <translation>Vergleichen &amp;mit</translation>
    </message>
</context>
<context>
    <name>Stevedore::HistoryPanel</name>
    <message>
        <source>Select a promotion or a step to see its details.</source>
        <translation>Eine Promotion oder einen Schritt wählen, um die Einzelheiten zu sehen.</translation>
    </message>
    <message>
        <source>Select a stage to see its promotions.</source>
        <translation>Eine Stage wählen, um ihre Promotions zu sehen.</translation>
    </message>
    <message>
        <source>Promotions of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Promotions von &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has had no promotions.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; hatte noch keine Promotions.</translation>
    </message>
    <message>
        <source>Promotions of &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>Promotions von &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
</context>
<context>
    <name>Stevedore::MainWindow</name>
    <message>
        <source>Stevedore</source>
        <translation>Stevedore</translation>
    </message>
    <message>
        <source>Local store unavailable: %1</source>
        <translation>Lokaler Speicher nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>New freight %1 from %2</source>
        <translation>Neue Freight %1 aus %2</translation>
    </message>
    <message numerus="yes">
        <source>Polling %n warehouse(s)…</source>
        <translation>
            <numerusform>%n Warehouse wird abgefragt…</numerusform>
            <numerusform>%n Warehouses werden abgefragt…</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Pipeline Folder…</source>
        <translation>&amp;Pipeline-Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open Manifest &amp;File…</source>
        <translation>&amp;Manifestdatei öffnen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Demo Pipeline</source>
        <translation>&amp;Demo-Pipeline öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation>Ctrl+9</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>&amp;Refresh Warehouse</source>
        <translation>&amp;Warehouse aktualisieren</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Refresh &amp;All Warehouses</source>
        <translation>&amp;Alle Warehouses aktualisieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastaturkürzel</translation>
    </message>
    <message>
        <source>&amp;About Stevedore</source>
        <translation>&amp;Über Stevedore</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Discovery is off (started with --offline)</source>
        <translation>Erkennung ist deaktiviert (mit --offline gestartet)</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>the demo pipeline</source>
        <translation>Demo-Pipeline</translation>
    </message>
    <message>
        <source>Open Pipeline Folder</source>
        <translation>Pipeline-Ordner öffnen</translation>
    </message>
    <message>
        <source>Open Manifest File</source>
        <translation>Manifestdatei öffnen</translation>
    </message>
    <message>
        <source>Kargo manifests (*.yaml *.yml);;All files (*)</source>
        <translation>Kargo-Manifeste (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 — Stevedore</source>
        <translation>%1 — Stevedore</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>%1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Could not open the pipeline</source>
        <translation>Die Pipeline konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>Liste &amp;leeren</translation>
    </message>
    <message>
        <source>About Stevedore</source>
        <translation>Über Stevedore</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Continuous promotion for Kargo pipelines, on your workstation.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;libgit2 %3&lt;br&gt;yaml-cpp %4&lt;br&gt;Graphviz %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Kontinuierliche Promotion für Kargo-Pipelines, direkt auf Ihrem Arbeitsplatzrechner.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;libgit2 %3&lt;br&gt;yaml-cpp %4&lt;br&gt;Graphviz %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Offline: nothing is polled</source>
        <translation>Offline: es wird nichts abgefragt</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation>Alt+%1</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Ctrl+F1</source>
        <translation>Ctrl+F1</translation>
    </message>
    <message>
        <source>Assemble &amp;Freight…</source>
        <translation>&amp;Freight zusammenstellen…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation>Offline-Betrieb</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <source>Everything shown comes from the local store; reviews use the cached clones. Promoting and verifying need the network.</source>
        <translation>Alles Angezeigte stammt aus dem lokalen Speicher; Prüfungen nutzen die zwischengespeicherten Klone. Befördern und Verifizieren brauchen das Netz.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Working offline:&lt;/b&gt; nothing is polled. %1</source>
        <translation>&lt;b&gt;Offline-Betrieb:&lt;/b&gt; es wird nichts abgefragt. %1</translation>
    </message>
    <message>
        <source>&amp;Go Online</source>
        <translation>&amp;Online gehen</translation>
    </message>
    <message>
        <source>Poll the warehouses again</source>
        <translation>Die Warehouses wieder abfragen</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1:&lt;/b&gt; no remote has answered. %2 Polling resumes by itself when the network is back.</source>
        <translation>&lt;b&gt;%1:&lt;/b&gt; kein Remote hat geantwortet. %2 Die Abfragen laufen von selbst weiter, sobald das Netz zurück ist.</translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation>&amp;Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Poll every warehouse now</source>
        <translation>Jetzt jedes Warehouse abfragen</translation>
    </message>
    <message>
        <source>%1 makes its freight automatically (freightCreationPolicy: Automatic)</source>
        <translation>%1 erstellt seine Freight automatisch (freightCreationPolicy: Automatic)</translation>
    </message>
    <message numerus="yes">
        <source>%n new freight, the last %1 from %2</source>
        <translation>
            <numerusform>%n neue Freight, zuletzt %1 von %2</numerusform>
            <numerusform>%n neue Freight, zuletzt %1 von %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::MetricChart</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>Nicht eindeutig</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>result[0]</source>
        <translation>result[0]</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>success threshold</source>
        <translation>Erfolgsschwelle</translation>
    </message>
    <message>
        <source>failure threshold</source>
        <translation>Fehlerschwelle</translation>
    </message>
    <message>
        <source>Last Hour of This Query</source>
        <translation>Letzte Stunde dieser Abfrage</translation>
    </message>
    <message>
        <source>Ask Prometheus for this query over the last hour</source>
        <translation>Diese Abfrage für die letzte Stunde bei Prometheus abrufen</translation>
    </message>
    <message>
        <source>Asking Prometheus…</source>
        <translation>Prometheus wird abgefragt…</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>Measurement %1 — %2
%3</source>
        <translation>Messung %1 — %2
%3</translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation>Ergebnis: %1</translation>
    </message>
    <message>
        <source>success: %1</source>
        <translation>Erfolgsbedingung: %1</translation>
    </message>
    <message>
        <source>failure: %1</source>
        <translation>Fehlerbedingung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation>
            <numerusform>%n Messung</numerusform>
            <numerusform>%n Messungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inconclusive</source>
        <translation>
            <numerusform>%n nicht eindeutig</numerusform>
            <numerusform>%n nicht eindeutig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus has no data for this query in the last hour.</source>
        <translation>Prometheus hat für diese Abfrage keine Daten aus der letzten Stunde.</translation>
    </message>
    <message>
        <source>Last hour of %1</source>
        <translation>Letzte Stunde von %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::PipelineScene</name>
    <message>
        <source>no freight requested</source>
        <translation>keine Freight angefordert</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>control flow</source>
        <translation>Ablaufsteuerung</translation>
    </message>
    <message>
        <source>task %1</source>
        <translation>Task %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n Prüfung</numerusform>
            <numerusform>%n Prüfungen</numerusform>
        </translation>
    </message>
    <message>
        <source>no subscriptions</source>
        <translation>keine Abonnements</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n Abonnement</numerusform>
            <numerusform>%n Abonnements</numerusform>
        </translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation>noch nicht abgefragt</translation>
    </message>
    <message>
        <source>polling…</source>
        <translation>wird abgefragt…</translation>
    </message>
    <message numerus="yes">
        <source>%n freight, newest %1</source>
        <translation>
            <numerusform>%n Freight, neueste: %1</numerusform>
            <numerusform>%n Freight, neueste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no freight yet</source>
        <translation>noch keine Freight</translation>
    </message>
    <message>
        <source>polled at %1</source>
        <translation>abgefragt um %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>retrying at %1</source>
        <translation>nächster Versuch um %1</translation>
    </message>
    <message>
        <source>promoting: %1</source>
        <translation>Promotion läuft: %1</translation>
    </message>
    <message>
        <source>promotion %1: %2</source>
        <translation>Promotion %1: %2</translation>
    </message>
    <message>
        <source>a promotion is running</source>
        <translation>eine Promotion läuft</translation>
    </message>
    <message>
        <source>verification pending</source>
        <translation>Verifizierung ausstehend</translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation>wird verifiziert…</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>Verifizierung fehlgeschlagen</translation>
    </message>
    <message>
        <source>verification error</source>
        <translation>Verifizierungsfehler</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>nicht eindeutig</translation>
    </message>
    <message>
        <source>verification aborted</source>
        <translation>Verifizierung abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message>
        <source>soaked %1</source>
        <translation>verweilt seit %1</translation>
    </message>
    <message>
        <source>insecure: TLS certificate not verified for %1</source>
        <translation>unsicher: TLS-Zertifikat für %1 nicht geprüft</translation>
    </message>
</context>
<context>
    <name>Stevedore::PipelineView</name>
    <message>
        <source>Pipeline graph</source>
        <translation>Pipeline-Graph</translation>
    </message>
    <message>
        <source>No stages to show.
Open a folder of Kargo manifests with File → Open.</source>
        <translation>Keine Stages vorhanden.
Öffnen Sie einen Ordner mit Kargo-Manifesten über Datei → Pipeline-Ordner öffnen.</translation>
    </message>
    <message>
        <source>Find stage…</source>
        <translation>Stage suchen…</translation>
    </message>
    <message>
        <source>Find stage</source>
        <translation>Stage suchen</translation>
    </message>
    <message>
        <source>&amp;Find Stage…</source>
        <translation>Stage &amp;suchen…</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n Stage</numerusform>
            <numerusform>%n Stages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::ProblemModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>Stevedore::ProblemsView</name>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::PromotionController</name>
    <message>
        <source>Freight</source>
        <translation>Freight</translation>
    </message>
    <message>
        <source>Approved %1 for %2</source>
        <translation>%1 für %2 genehmigt</translation>
    </message>
    <message>
        <source>Could not approve %1 for %2: %3</source>
        <translation>%1 konnte nicht für %2 genehmigt werden: %3</translation>
    </message>
    <message>
        <source>The promotion to %1 %2</source>
        <translation>Promotion nach %1: %2</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>Stevedore::PromotionHistoryModel</name>
    <message>
        <source>Promotion %1 of freight %2</source>
        <translation>Promotion %1 der Freight %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 after %n attempts</source>
        <translation>
            <numerusform>%1 nach %n Versuch</numerusform>
            <numerusform>%1 nach %n Versuchen</numerusform>
        </translation>
    </message>
    <message>
        <source>Config:</source>
        <translation>Konfiguration:</translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation>Ausgaben:</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Promotion %1</source>
        <translation>Promotion %1</translation>
    </message>
    <message>
        <source>Freight: %1 (%2)</source>
        <translation>Freight: %1 (%2)</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation>Gestartet: %1</translation>
    </message>
    <message>
        <source>Finished: %1 (%2)</source>
        <translation>Beendet: %1 (%2)</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Meldung: %1</translation>
    </message>
    <message>
        <source>Steps not runnable here were skipped.</source>
        <translation>Hier nicht ausführbare Schritte wurden übersprungen.</translation>
    </message>
    <message>
        <source>Landed:</source>
        <translation>Angekommen:</translation>
    </message>
    <message>
        <source> (tag %1)</source>
        <translation> (Tag %1)</translation>
    </message>
    <message>
        <source>Freight / Step</source>
        <translation>Freight / Schritt</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Took</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
</context>
<context>
    <name>Stevedore::PromotionReviewDialog</name>
    <message>
        <source>Promote %1 to %2</source>
        <translation>%1 nach %2 promoten</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) to &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) nach &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Running the promotion&apos;s steps in a scratch workspace to show what it will change…</source>
        <translation>Die Schritte der Promotion werden in einem temporären Arbeitsbereich ausgeführt, um zu zeigen, was sie ändern wird…</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Verwendet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Änderungen</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation>Commit-Nachricht</translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation>&amp;Promoten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Promoting…</source>
        <translation>Promotion läuft…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>not runnable here: %1</source>
        <translation>hier nicht ausführbar: %1</translation>
    </message>
    <message>
        <source>its condition is false</source>
        <translation>die Bedingung ergibt false</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>This promotion cannot start: %1</source>
        <translation>Diese Promotion kann nicht starten: %1</translation>
    </message>
    <message>
        <source>%1, branch %2</source>
        <translation>%1, Branch %2</translation>
    </message>
    <message>
        <source>Commits as %1</source>
        <translation>Commit als %1</translation>
    </message>
    <message>
        <source>No git identity: %1</source>
        <translation>Keine Git-Identität: %1</translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation>Ziel: %1</translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation>Verfügbar: %1</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>Nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>The dry run %1: %2</source>
        <translation>Dry Run %1: %2</translation>
    </message>
    <message>
        <source>The dry run stopped before %1: nothing has left this machine. This is what the promotion will change.</source>
        <translation>Der Dry Run wurde vor %1 angehalten: Nichts hat diesen Rechner verlassen. Folgendes wird die Promotion ändern.</translation>
    </message>
    <message>
        <source>This is what the promotion will change.</source>
        <translation>Folgendes wird die Promotion ändern.</translation>
    </message>
    <message>
        <source>Run without the steps that cannot run here: %1</source>
        <translation>Ohne die hier nicht ausführbaren Schritte ausführen: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The promotion did not start: %1</source>
        <translation>Die Promotion wurde nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Promoted: %1 is now in %2.</source>
        <translation>Promotion erfolgreich: %1 ist jetzt in %2.</translation>
    </message>
    <message>
        <source>The promotion %1: %2</source>
        <translation>Promotion %1: %2</translation>
    </message>
    <message>
        <source>Freight Changes</source>
        <translation>Freight-Änderungen</translation>
    </message>
    <message>
        <source>%1: the promotion pushes to a remote repository.</source>
        <translation>%1: die Promotion pusht in ein entferntes Repository.</translation>
    </message>
    <message>
        <source>%1. The review works from the local cache; promoting needs the network to push.</source>
        <translation>%1. Die Prüfung arbeitet mit dem lokalen Zwischenspeicher; zum Befördern braucht es das Netz für den Push.</translation>
    </message>
</context>
<context>
    <name>Stevedore::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Discovery</source>
        <translation>&amp;Erkennung</translation>
    </message>
    <message>
        <source>&amp;Registries</source>
        <translation>&amp;Registrys</translation>
    </message>
    <message>
        <source>&amp;Verification</source>
        <translation>&amp;Verifikation</translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation>&amp;Zugangsdaten</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>each warehouse&apos;s own interval</source>
        <translation>das Intervall jedes Warehouses</translation>
    </message>
    <message>
        <source>Warehouses are polled at their interval (Kargo&apos;s default: 5 minutes). A minimum keeps busy registries from being asked more often.</source>
        <translation>Warehouses werden in ihrem Intervall abgefragt (Kargos Vorgabe: 5 Minuten). Ein Minimum verhindert, dass ausgelastete Registrys öfter gefragt werden.</translation>
    </message>
    <message>
        <source>&amp;Minimum poll interval:</source>
        <translation>&amp;Minimales Abfrageintervall:</translation>
    </message>
    <message>
        <source>Requests at a time per &amp;host:</source>
        <translation>Gleichzeitige Anfragen pro &amp;Host:</translation>
    </message>
    <message>
        <source>&amp;Timeout per subscription:</source>
        <translation>&amp;Zeitlimit pro Abonnement:</translation>
    </message>
    <message>
        <source>Mirrors, one per line as HOST=URL: requests for images on HOST go to URL instead (a pull-through cache). Freight keeps the original repository. Example: docker.io=https://mirror.example</source>
        <translation>Spiegel, einer pro Zeile als HOST=URL: Anfragen nach Images auf HOST gehen stattdessen an URL (ein Pull-through-Cache). Die Fracht behält das ursprüngliche Repository. Beispiel: docker.io=https://mirror.example</translation>
    </message>
    <message>
        <source>Prometheus addresses, one per line as FROM=TO: an analysis template&apos;s address starting with FROM is queried at TO instead (a port-forward, an ingress). Example: http://prometheus.monitoring:9090=http://127.0.0.1:9090</source>
        <translation>Prometheus-Adressen, eine pro Zeile als VON=NACH: eine Adresse eines Analysis Templates, die mit VON beginnt, wird stattdessen unter NACH abgefragt (ein Port-Forward, ein Ingress). Beispiel: http://prometheus.monitoring:9090=http://127.0.0.1:9090</translation>
    </message>
    <message>
        <source>Registries: &quot;%1&quot;: write HOST=URL with an http:// or https:// URL, e.g. docker.io=https://mirror.example</source>
        <translation>Registrys: „%1“: HOST=URL mit einer http://- oder https://-URL angeben, z. B. docker.io=https://mirror.example</translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation>Verifikation: %1</translation>
    </message>
</context>
<context>
    <name>Stevedore::ShortcutsDialog</name>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastaturkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
</context>
<context>
    <name>Stevedore::SourceView</name>
    <message>
        <source>Manifest source</source>
        <translation>Manifest-Quelltext</translation>
    </message>
    <message>
        <source>Double-click a problem, or a definition in the details, to see it here.</source>
        <translation>Doppelklicken Sie auf ein Problem oder auf eine Definition in den Details, um sie hier anzuzeigen.</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
</context>
<context>
    <name>Stevedore::VerificationPanel</name>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation>Nicht eindeutig</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>&amp;Verify Stage</source>
        <translation>Stage &amp;verifizieren</translation>
    </message>
    <message>
        <source>A&amp;bort Verification</source>
        <translation>Verifizierung a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Run the selected stage&apos;s analysis templates against Prometheus now</source>
        <translation>Die Analyse-Templates der ausgewählten Stage jetzt gegen Prometheus ausführen</translation>
    </message>
    <message>
        <source>Stop the selected stage&apos;s verification; it ends Aborted</source>
        <translation>Die Verifizierung der ausgewählten Stage beenden; sie endet mit dem Status Abgebrochen</translation>
    </message>
    <message>
        <source>Past verifications of this stage, newest first</source>
        <translation>Frühere Verifizierungen dieser Stage, neueste zuerst</translation>
    </message>
    <message>
        <source>Verification history</source>
        <translation>Verifizierungsverlauf</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <source>Select a stage to see how it was verified.</source>
        <translation>Wählen Sie eine Stage aus, um zu sehen, wie sie verifiziert wurde.</translation>
    </message>
    <message>
        <source>Verification of %1</source>
        <translation>Verifizierung von %1</translation>
    </message>
    <message>
        <source>This stage has no verification: its freight counts as verified once a promotion to it succeeds.</source>
        <translation>Diese Stage hat keine Verifizierung: Ihre Freight gilt als verifiziert, sobald eine Promotion in diese Stage erfolgreich war.</translation>
    </message>
    <message>
        <source>Analysis templates: %1. Not verified yet.</source>
        <translation>Analyse-Templates: %1. Noch nicht verifiziert.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Run without freight.</source>
        <translation>Lauf ohne Freight.</translation>
    </message>
    <message>
        <source>Freight %1</source>
        <translation>Freight %1</translation>
    </message>
    <message>
        <source>This stage has no verification</source>
        <translation>Diese Stage hat keine Verifizierung</translation>
    </message>
    <message>
        <source>%1: verifying queries Prometheus over the network</source>
        <translation>%1: die Verifikation fragt Prometheus über das Netz ab</translation>
    </message>
</context>
<context>
    <name>Stevedore::VerificationService</name>
    <message>
        <source>verification: %1</source>
        <translation>Verifizierung: %1</translation>
    </message>
    <message>
        <source>the run is not in the store</source>
        <translation>der Lauf ist nicht im Speicher</translation>
    </message>
    <message>
        <source>the query uses a secret argument; run the verification again</source>
        <translation>die Abfrage verwendet ein Secret-Argument; führen Sie die Verifizierung erneut aus</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>the process running it ended before the first step</source>
        <translation>der ausführende Prozess endete vor dem ersten Schritt</translation>
    </message>
    <message>
        <source>the process running it ended during step %1</source>
        <translation>der ausführende Prozess endete während Schritt %1</translation>
    </message>
    <message>
        <source>the process running the verification ended before its verdict</source>
        <translation>der Prozess, der die Verifizierung ausführte, endete vor ihrem Ergebnis</translation>
    </message>
</context>
<context>
    <name>YamlEditor</name>
    <message>
        <source>cannot initialize the YAML parser</source>
        <translation>der YAML-Parser kann nicht initialisiert werden</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation>eine Zuordnung</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>eine Liste</translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation>ein Skalar</translation>
    </message>
    <message>
        <source>empty key</source>
        <translation>leerer Schlüssel</translation>
    </message>
    <message>
        <source>invalid escape sequence in key &quot;%1&quot;</source>
        <translation>ungültige Escape-Sequenz im Schlüssel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty key part in key &quot;%1&quot;</source>
        <translation>leerer Teil im Schlüssel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected colon in key &quot;%1&quot;</source>
        <translation>unerwarteter Doppelpunkt im Schlüssel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: the file holds no YAML document</source>
        <translation>&quot;%1&quot; kann nicht gesetzt werden: Die Datei enthält kein YAML-Dokument</translation>
    </message>
    <message>
        <source>the document</source>
        <translation>das Dokument</translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: %2 is a list and &quot;%3&quot; is not a list index</source>
        <translation>&quot;%1&quot; kann nicht gesetzt werden: %2 ist eine Liste und &quot;%3&quot; ist kein Listenindex</translation>
    </message>
    <message numerus="yes">
        <source>cannot set &quot;%1&quot;: index %2 is past the end of the list %3, which has %n item(s)</source>
        <translation>
            <numerusform>&quot;%1&quot; kann nicht gesetzt werden: Index %2 liegt hinter dem Ende der Liste %3, die %n Eintrag hat</numerusform>
            <numerusform>&quot;%1&quot; kann nicht gesetzt werden: Index %2 liegt hinter dem Ende der Liste %3, die %n Einträge hat</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: %2 is %3, not a mapping</source>
        <translation>&quot;%1&quot; kann nicht gesetzt werden: %2 ist %3, keine Zuordnung</translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: it is %2, not a scalar</source>
        <translation>&quot;%1&quot; kann nicht gesetzt werden: Es ist %2, kein Skalar</translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: a %2 value cannot be written to YAML</source>
        <translation>&quot;%1&quot; kann nicht gesetzt werden: Ein Wert vom Typ %2 lässt sich nicht als YAML schreiben</translation>
    </message>
    <message>
        <source>cannot parse the YAML file: %1</source>
        <translation>die YAML-Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the edited file is not valid YAML (%1)</source>
        <translation>die bearbeitete Datei ist kein gültiges YAML (%1)</translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: written here, the value would not end up at that key (the file is laid out in a way this editor does not handle)</source>
        <translation>&quot;%1&quot; kann nicht gesetzt werden: Hier geschrieben, würde der Wert nicht unter diesem Schlüssel landen (die Datei ist auf eine Weise aufgebaut, die dieser Editor nicht unterstützt)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Continuous promotion for Kargo pipelines.</source>
        <translation>Kontinuierliche Promotion für Kargo-Pipelines.</translation>
    </message>
    <message>
        <source>Keep the local store and caches in &lt;dir&gt;.</source>
        <translation>Lokalen Speicher und Caches in &lt;dir&gt; ablegen.</translation>
    </message>
    <message>
        <source>Once the pipeline is drawn, write the screen position of every node to &lt;file&gt; as JSON.</source>
        <translation>Nach dem Zeichnen der Pipeline die Bildschirmposition jedes Knotens als JSON in &lt;file&gt; schreiben.</translation>
    </message>
    <message>
        <source>Poll nothing: show what the local store holds.</source>
        <translation>Nichts abfragen: nur den Inhalt des lokalen Speichers anzeigen.</translation>
    </message>
    <message>
        <source>A folder or file of Kargo manifests to open.</source>
        <translation>Zu öffnender Ordner oder zu öffnende Datei mit Kargo-Manifesten.</translation>
    </message>
</context>
</TS>
