<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>KnownHosts</name>
    <message>
        <source>The authenticity of SSH host %1 can&apos;t be established: it is not in your known_hosts files. The server offered a %2 key with fingerprint %3. Check that fingerprint with the server&apos;s administrator (or its documentation), then add the key and try again:
  %4 &gt;&gt; %5
(`%4 | ssh-keygen -lf -` shows the fingerprint of what you are about to add.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: THE SSH HOST KEY OF %1 HAS CHANGED! Someone could be eavesdropping on you right now (man-in-the-middle attack), or the server&apos;s host key has just been replaced. The server offered a %2 key with fingerprint %3, but %4:%5 records a different key for this host (%6). Stevedore refuses to connect. If the change is expected, confirm the new fingerprint with the server&apos;s administrator, remove the old key with `ssh-keygen -f %7 -R %8` and add the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING: REVOKED SSH HOST KEY! The %1 host key offered by %2 (fingerprint %3) is marked as revoked in %4:%5. This could mean that a stolen key is being used to impersonate this host. Stevedore refuses to connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::DetailsPanel</name>
    <message>
        <source>Refresh Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll this warehouse&apos;s subscriptions now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to show the manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a stage or warehouse in the graph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control-flow stage: passes freight on without steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested freight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>directly from the warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Availability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified in all upstream stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified in any upstream stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Soak time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match upstream</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>var %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>arg %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed; retrying at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last poll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight creation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Constraint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::DiscoveryScheduler</name>
    <message>
        <source>no answer within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot store the new freight: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::Engine</name>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the demo: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::MainWindow</name>
    <message>
        <source>Stevedore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local store unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New freight %1 from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Polling %n warehouse(s)…</source>
        <translation>
            <numerusform>Polling %n warehouse…</numerusform>
            <numerusform>Polling %n warehouses…</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Pipeline Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Manifest &amp;File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Demo Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh Warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;All Warehouses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Stevedore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery is off (started with --offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the demo pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Pipeline Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Manifest File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kargo manifests (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Stevedore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Stevedore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stevedore %1&lt;/h3&gt;&lt;p&gt;Continuous promotion for Kargo pipelines, on your workstation.&lt;/p&gt;&lt;p&gt;Qt %2&lt;br&gt;libgit2 %3&lt;br&gt;yaml-cpp %4&lt;br&gt;Graphviz %5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: nothing is polled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::PipelineScene</name>
    <message>
        <source>no freight requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>control flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>task %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <translation>
            <numerusform>%n check</numerusform>
            <numerusform>%n checks</numerusform>
        </translation>
    </message>
    <message>
        <source>no subscriptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n subscription</numerusform>
            <numerusform>%n subscriptions</numerusform>
        </translation>
    </message>
    <message>
        <source>not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n freight, newest %1</source>
        <translation>
            <numerusform>%n freight, newest %1</numerusform>
            <numerusform>%n freight, newest %1</numerusform>
        </translation>
    </message>
    <message>
        <source>no freight yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>polled at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retrying at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::PipelineView</name>
    <message>
        <source>Pipeline graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No stages to show.
Open a folder of Kargo manifests with File → Open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::ProblemModel</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::ProblemsView</name>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::SourceView</name>
    <message>
        <source>Manifest source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click a problem, or a definition in the details, to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YamlEditor</name>
    <message>
        <source>cannot initialize the YAML parser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid escape sequence in key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty key part in key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected colon in key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: the file holds no YAML document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: %2 is a list and &quot;%3&quot; is not a list index</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>cannot set &quot;%1&quot;: index %2 is past the end of the list %3, which has %n item(s)</source>
        <translation>
            <numerusform>cannot set &quot;%1&quot;: index %2 is past the end of the list %3, which has %n item</numerusform>
            <numerusform>cannot set &quot;%1&quot;: index %2 is past the end of the list %3, which has %n items</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: %2 is %3, not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: it is %2, not a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot set &quot;%1&quot;: a %2 value cannot be written to YAML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot parse the YAML file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the edited file is not valid YAML (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Continuous promotion for Kargo pipelines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the local store and caches in &lt;dir&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the pipeline is drawn, write the screen position of every node to &lt;file&gt; as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll nothing: show what the local store holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder or file of Kargo manifests to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
