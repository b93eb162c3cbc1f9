<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AnalysisPlanner</name>
    <message>
        <source>not runnable here: a job metric runs a Kubernetes Job, which needs a cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not runnable here: Stevedore runs Prometheus metrics only (web metrics are planned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not runnable here: metric plugins run inside Argo Rollouts&apos; controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not runnable here: Stevedore runs Prometheus metrics only, not %1 metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>provider-less</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prometheus address is not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prometheus address &quot;%1&quot; is not a URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prometheus timeout should not be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prometheus &quot;authentication&quot; (SigV4, OAuth2) is not supported here; store basic or bearer credentials in the keychain instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rangeQuery needs start, end and a step duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count must be &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interval must be specified when count &gt; 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failureLimit must be &gt;= -1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inconclusiveLimit must be &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutiveErrorLimit must be &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit must be &gt;= 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>either failureLimit or consecutiveSuccessLimit must be applicable (failureLimit &gt;= 0 or consecutiveSuccessLimit &gt; 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count must be &gt;= failureLimit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count must be &gt;= inconclusiveLimit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>count must be &gt;= consecutiveSuccessLimit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store it in the keychain as a JSON object of strings under service &quot;%1&quot;, account &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; takes its value from secret &quot;%2&quot;, and the keychain is not used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: secret &quot;%2&quot; is missing; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: cannot read secret &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: secret &quot;%2&quot; is not a JSON object of strings; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot;: key &apos;%2&apos; does not exist in secret &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed to resolve {{%1}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no stage &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stage &quot;%1&quot; has no verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &quot;%2&quot; not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error flattening templates: two metrics have the same name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error flattening templates: Argument `%1` specified multiple times with different values: &apos;%2&apos;, &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification argument &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unable to resolve metric arguments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument &quot;%1&quot; takes its value from %2, which only a cluster can resolve; give it a value in the stage&apos;s verification args</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error merging arguments: args.%1 was not resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid interval string: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid initialDelay string: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition &quot;%1&quot; does not parse: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>analysis spec invalid: metric &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Availability</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no stage &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not take freight from %2 &quot;%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes freight from %2 directly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names no source for freight from %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soaking in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet verified in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionTest</name>
    <message>
        <source>anonymously</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with a token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The registry %1 accepted GET /v2/ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 lists %n ref(s)</source>
        <translation>
            <numerusform>%1 lists %n ref</numerusform>
            <numerusform>%1 lists %n refs</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: it refused the credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2: it wants credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, not a Prometheus API answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus %1 at %2 answered %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write the registry as HOST or HOST:PORT, e.g. ghcr.io or 127.0.0.1:5000, without a scheme or path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a registry host: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GitPublisher</name>
    <message>
        <source>cannot run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone else pushed a change to %1 meanwhile that conflicts with this promotion&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the git configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit.gpgsign is on with gpg.format ssh, but user.signingkey is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a temporary folder for ssh-keygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the signing key for ssh-keygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the commit for ssh-keygen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 wrote no signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the remote refused the push %1 times (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the remote refused tag %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signing tag %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelmChartDependencies</name>
    <message>
        <source>cannot parse Chart.yaml: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart.yaml is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;dependencies&quot; in Chart.yaml is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1 of &quot;dependencies&quot; in Chart.yaml is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no dependency in Chart.yaml matches update with repository &quot;%1&quot; and name &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>KustomizeImages</name>
    <message>
        <source>the kustomization file is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;images&quot; is not a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>item %1 of &quot;images&quot; is not a mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image without a name cannot be set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image &quot;%1&quot;: no tag, digest or new name to set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot parse the kustomization file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the edited kustomization file is not valid YAML (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image &quot;%1&quot;: the entry cannot be edited</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrometheusAddresses</name>
    <message>
        <source>&quot;%1&quot;: write FROM=TO, e.g. http://prometheus.monitoring:9090=http://127.0.0.1:9090</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrometheusClient</name>
    <message>
        <source>the keychain entry %1 holds neither {&quot;username&quot;, &quot;password&quot;} nor {&quot;token&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer is larger than %1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 did not answer within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus unreachable at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus sent a %1 result that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(typeless)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus metric type not supported: the query returns a string, not numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Prometheus address: write it as http(s)://host[:port]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus answered %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store a user name and password ({&quot;username&quot;, &quot;password&quot;}) or a token ({&quot;token&quot;}) in the keychain under service &quot;%1&quot;, account &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the credentials from the keychain were refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 answered %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered HTTP %2, not a Prometheus API answer%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 kept refusing the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 redirects to %2, another origin: not followed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus at %1 answered HTTP %2, but %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Promoter</name>
    <message>
        <source>there is no freight &quot;%1&quot; in the local store; run discovery first (stevedorectl discover)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create a workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>freight %1 is not available to %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>steps that cannot run here: %1; run with them skipped (--skip-unrunnable) or not at all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: set it with git config --global user.name &quot;Your Name&quot; and git config --global user.email you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while waiting for another promotion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot record the promotion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the store could not record the outcome: %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionContext</name>
    <message>
        <source>there is no secret &quot;%1&quot; in the keychain (service &quot;%2&quot;, account &quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not read secret &quot;%1&quot; from the keychain: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain entry for secret &quot;%1&quot; is not a JSON object of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expects 1 to %1 arguments, got %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the first argument must be a repository URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>argument %1 must be a freight origin such as warehouse(&quot;name&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>freight from several warehouses (%1) has %2; name one with warehouse(&quot;...&quot;) as the last argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warehouse expects one warehouse name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>freightMetadata expects a freight name and optionally a key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stageMetadata expects a stage name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secret expects a secret name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>status expects a step alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>variable &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config.%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionPlanner</name>
    <message>
        <source>needs an Argo CD API server; Stevedore does not talk to Argo CD yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>renders manifests with %1, which Stevedore does not run yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs the git hosting service&apos;s pull request API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs GitHub&apos;s API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a Kargo enterprise step that needs its service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>talks to a service over the network, which Stevedore does not do in promotions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a custom step, which runs in a container on a Kargo controller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stevedore does not implement this step yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no stage &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 uses the %2 &quot;%3&quot;, which is not in the pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the %1 &quot;%2&quot; needs the variable &quot;%3&quot;: give it in the step&apos;s vars or the stage&apos;s promotionTemplate vars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the condition must be true or false, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1: if: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionRunner</name>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled before step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if: the condition must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>if: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an earlier step failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its condition is false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dry run stops before this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not runnable here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled during step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not compute the change in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionSteps</name>
    <message>
        <source>%1 is not a working tree a git-clone step made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repoURL is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the freight has no commit from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the default branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: new branch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: from the local cache (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the commit message is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; a real promotion stops here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committed %1 as %2 &lt;%3&gt;, signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>committed %1 as %2 &lt;%3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: set your identity with git config --global user.name &quot;Your Name&quot; and git config --global user.email you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pushed tag %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not on a branch: give targetBranch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push to %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(rebased onto %1 before the push)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>pushed %1 to %2 (%3), rebased %n time(s) onto newer pushes</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>pushed %1 to %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>updated %n key(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 has no kustomization.yaml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the freight has no image %1 and the step gives no tag or digest for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart.lock and the charts/ folder were not refreshed: run `helm dependency update` to refresh them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>copied %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 matches nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists; set overwrite: true to replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permissions must be an octal mode such as 0644, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kind must be Stage or Freight, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set %1 metadata on %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a path is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an absolute path; paths are relative to the promotion&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leaves the promotion&apos;s workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads out of the promotion&apos;s workspace through a symbolic link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed by a fail step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stevedore cannot run %1 steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PromotionText</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>errored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was aborted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::AnalysisRunner</name>
    <message>
        <source>asInt: &quot;%1&quot; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asFloat: &quot;%1&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>condition &quot;%1&quot; is not true or false: it gave %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duration: &quot;%1&quot; is not a duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no metric of this verification can run here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the templates have no metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rangeQuery: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed (%1) &gt; failureLimit (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inconclusive (%1) &gt; inconclusiveLimit (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutiveErrors (%1) &gt; consecutiveErrorLimit (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit (%1) reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit (%1) not reached and failureLimit (%2) not violated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consecutiveSuccessLimit (%1) not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run terminated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric &quot;%1&quot; assessed %2 due to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: &quot;Error Message: %1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not run here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification aborted by user</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::AssembleFreightDialog</name>
    <message>
        <source>Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assemble Freight from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one discovered artifact for each subscription of &lt;b&gt;%1&lt;/b&gt;. Only what discovery has stored can be picked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the stored candidates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assemble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assembling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing discovered yet: refresh the warehouse first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local store has nothing for this warehouse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every subscription needs a discovered artifact to pick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick one artifact per subscription (the newest is selected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assembled new freight %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These artifacts are already freight %1: nothing new was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not assemble the freight: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::CredentialsPage</name>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helm repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain entry %1 is not a user name and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password or token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password or token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keychain (service &quot;stevedore&quot;) under the accounts discovery and verification read. Passwords are saved at once and never shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain account %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password again: the address changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving to the keychain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save to the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved in the keychain as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing is stored for %1: enter the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain refused the entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::DesktopNotifier</name>
    <message>
        <source>Promotion to %1 succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion to %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of %1: %2</source>
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
    <message>
        <source>%1 (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate not verified (insecureSkipTLSVerify)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::DiffView</name>
    <message>
        <source> (branch %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
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
    <message>
        <source>the local store is not available</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightCardDelegate</name>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approved %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightComparisonDialog</name>
    <message>
        <source>Compare Freight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightComparisonView</name>
    <message>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the same commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n commit(s) added from %2 to %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: going back from %2 to %3 leaves out %n commit(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 and %3 are not ancestors of each other; %n commit(s) only in %3</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not in the local git cache: refresh its warehouse to see the commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a commit is not in the local clone (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2 (%3): %n artifact(s) changed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>… more commits not shown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightLaneModel</name>
    <message>
        <source>Drag onto a stage to promote it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::FreightPanel</name>
    <message>
        <source>&amp;Promote to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No freight matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No freight yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter freight: alias, version, commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the artifacts that changed from the previous freight of the same warehouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n freight</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouse %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 freight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy A&amp;lias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare with Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compare Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare &amp;with</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::HistoryPanel</name>
    <message>
        <source>Select a promotion or a step to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a stage to see its promotions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotions of &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; has had no promotions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotions of &lt;b&gt;%1&lt;/b&gt; (%2)</source>
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
        <source>Offline: nothing is polled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assemble &amp;Freight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything shown comes from the local store; reviews use the cached clones. Promoting and verifying need the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Working offline:&lt;/b&gt; nothing is polled. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll the warehouses again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1:&lt;/b&gt; no remote has answered. %2 Polling resumes by itself when the network is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll every warehouse now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 makes its freight automatically (freightCreationPolicy: Automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new freight, the last %1 from %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stevedore::MetricChart</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result[0]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Hour of This Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask Prometheus for this query over the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking Prometheus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement %1 — %2
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>result: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failure: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n measurement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n inconclusive</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message>
        <source>Prometheus has no data for this query in the last hour.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour of %1</source>
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
    <message>
        <source>promoting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>promotion %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a promotion is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soaked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insecure: TLS certificate not verified for %1</source>
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
    <message>
        <source>Find stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find Stage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
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
    <name>Stevedore::PromotionController</name>
    <message>
        <source>Freight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not approve %1 for %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion to %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::PromotionHistoryModel</name>
    <message>
        <source>Promotion %1 of freight %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 after %n attempts</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Config:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promotion %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps not runnable here were skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Landed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (tag %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight / Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Took</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::PromotionReviewDialog</name>
    <message>
        <source>Promote %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) to &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running the promotion&apos;s steps in a scratch workspace to show what it will change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commit message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not runnable here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its condition is false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This promotion cannot start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, branch %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commits as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No git identity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dry run stopped before %1: nothing has left this machine. This is what the promotion will change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is what the promotion will change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without the steps that cannot run here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Promoted: %1 is now in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The promotion %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the promotion pushes to a remote repository.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. The review works from the local cache; promoting needs the network to push.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each warehouse&apos;s own interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warehouses are polled at their interval (Kargo&apos;s default: 5 minutes). A minimum keeps busy registries from being asked more often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimum poll interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests at a time per &amp;host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeout per subscription:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrors, one per line as HOST=URL: requests for images on HOST go to URL instead (a pull-through cache). Freight keeps the original repository. Example: docker.io=https://mirror.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prometheus addresses, one per line as FROM=TO: an analysis template&apos;s address starting with FROM is queried at TO instead (a port-forward, an ingress). Example: http://prometheus.monitoring:9090=http://127.0.0.1:9090</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries: &quot;%1&quot;: write HOST=URL with an http:// or https:// URL, e.g. docker.io=https://mirror.example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::ShortcutsDialog</name>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
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
    <name>Stevedore::VerificationPanel</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inconclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;bort Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected stage&apos;s analysis templates against Prometheus now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected stage&apos;s verification; it ends Aborted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past verifications of this stage, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a stage to see how it was verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stage has no verification: its freight counts as verified once a promotion to it succeeds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis templates: %1. Not verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without freight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This stage has no verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: verifying queries Prometheus over the network</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stevedore::VerificationService</name>
    <message>
        <source>verification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the run is not in the store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query uses a secret argument; run the verification again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>the process running it ended before the first step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the process running it ended during step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the process running the verification ended before its verdict</source>
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
    <message>
        <source>cannot set &quot;%1&quot;: written here, the value would not end up at that key (the file is laid out in a way this editor does not handle)</source>
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
