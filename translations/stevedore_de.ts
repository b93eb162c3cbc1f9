<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>Keyboard Shortcuts</source>
        <translation>Tastaturkürzel</translation>
    </message>
    <message>
        <source>Offline: nothing is polled</source>
        <translation>Offline: es wird nichts abgefragt</translation>
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
