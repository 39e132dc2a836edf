using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace VNexsus.OpsTests;

/// <summary>
/// No Docker engine and no Kubernetes cluster run here, so the compose file, the Dockerfiles and the manifests are
/// checked by what can run: they parse as YAML, every Kubernetes object names its kind, API version and namespace, and
/// the properties the operations issue asks for hold (probes, pod IP, grace period, HPA, shared volume, AOF…).
/// </summary>
public sealed class ManifestTests
{
    private static readonly string K8s = Tools.Docker("k8s");

    [Fact]
    public void Every_kubernetes_manifest_is_a_named_object_in_the_vnexsus_namespace()
    {
        var documents = KubernetesObjects().ToList();

        Assert.True(documents.Count >= 10, $"only {documents.Count} objects");
        foreach (var (file, doc) in documents)
        {
            Assert.False(string.IsNullOrEmpty(Text(doc, "apiVersion")), $"{file}: apiVersion");
            Assert.False(string.IsNullOrEmpty(Text(doc, "kind")), $"{file}: kind");
            if (Text(doc, "kind") is not ("Namespace" or "Kustomization"))
            {
                Assert.False(string.IsNullOrEmpty(Text(doc, "metadata", "name")), $"{file}: metadata.name");
                Assert.Equal("vnexsus", Text(doc, "metadata", "namespace"));
            }
        }

        var kustomization = documents.Single(d => Text(d.Doc, "kind") == "Kustomization").Doc;
        foreach (var resource in Sequence(kustomization, "resources"))
        {
            Assert.True(File.Exists(Path.Combine(K8s, ((YamlScalarNode)resource).Value!)), $"kustomization lists a missing {resource}");
        }
    }

    [Fact]
    public void Silos_advertise_their_pod_ip_probe_health_and_outlast_the_shutdown_timeout()
    {
        var silo = Object("Deployment", "vnexsus-silo");
        var config = Object("ConfigMap", "vnexsus-config");
        var container = (YamlMappingNode)Sequence(silo, "spec", "template", "spec", "containers")[0];
        var env = Sequence(container, "env").Cast<YamlMappingNode>().ToDictionary(e => Text(e, "name")!);

        Assert.Equal("status.podIP", Text(env["POD_IP"], "valueFrom", "fieldRef", "fieldPath"));
        Assert.Equal("$(POD_IP)", Text(env["VNexsus__AdvertisedIPAddress"], "value"));
        Assert.Equal("connection-string", Text(env["ConnectionStrings__Redis"], "valueFrom", "secretKeyRef", "key"));
        Assert.Equal("Distributed", Text(config, "data", "VNexsus__Mode"));

        foreach (var deployment in new[] { silo, Object("Deployment", "vnexsus-api") })
        {
            var c = (YamlMappingNode)Sequence(deployment, "spec", "template", "spec", "containers")[0];
            Assert.Equal("/health/ready", Text(c, "readinessProbe", "httpGet", "path"));
            Assert.Equal("/health/live", Text(c, "livenessProbe", "httpGet", "path"));
            var shutdown = int.Parse(Text(config, "data", "shutdownTimeoutSeconds")!, CultureInfo.InvariantCulture);
            var grace = int.Parse(Text(deployment, "spec", "template", "spec", "terminationGracePeriodSeconds")!, CultureInfo.InvariantCulture);
            Assert.True(shutdown > 30, "HostOptions.ShutdownTimeout must exceed Orleans' 30 s grain deactivation");
            Assert.True(grace > shutdown, $"terminationGracePeriodSeconds {grace} must exceed shutdownTimeoutSeconds {shutdown}");
            Assert.Equal("true", Text(deployment, "spec", "template", "spec", "securityContext", "runAsNonRoot"));
            var mounts = Sequence(c, "volumeMounts").Cast<YamlMappingNode>().ToDictionary(m => Text(m, "name")!, m => Text(m, "mountPath"));
            Assert.Equal(Text(config, "data", "VNexsus__DataDir"), mounts["data"]);
            var volumes = Sequence(deployment, "spec", "template", "spec", "volumes").Cast<YamlMappingNode>().ToDictionary(v => Text(v, "name")!);
            Assert.Equal("vnexsus-data", Text(volumes["data"], "persistentVolumeClaim", "claimName"));
        }

        Assert.Equal("ReadWriteMany", ((YamlScalarNode)Sequence(Object("PersistentVolumeClaim", "vnexsus-data"), "spec", "accessModes")[0]).Value);
    }

    [Fact]
    public void Silos_scale_on_cpu_and_are_disrupted_one_at_a_time_and_the_api_has_a_service()
    {
        var hpa = Object("HorizontalPodAutoscaler", "vnexsus-silo");
        Assert.Equal("vnexsus-silo", Text(hpa, "spec", "scaleTargetRef", "name"));
        Assert.Equal("cpu", Text((YamlMappingNode)Sequence(hpa, "spec", "metrics")[0], "resource", "name"));
        Assert.True(int.Parse(Text(hpa, "spec", "minReplicas")!, CultureInfo.InvariantCulture) >= 2);

        Assert.Equal("1", Text(Object("PodDisruptionBudget", "vnexsus-silo"), "spec", "maxUnavailable"));

        var service = Object("Service", "vnexsus-api");
        var api = Object("Deployment", "vnexsus-api");
        Assert.Equal(Text(api, "spec", "template", "metadata", "labels", "app.kubernetes.io/name"), Text(service, "spec", "selector", "app.kubernetes.io/name"));
        var port = (YamlMappingNode)Sequence(service, "spec", "ports")[0];
        var containerPorts = Sequence((YamlMappingNode)Sequence(api, "spec", "template", "spec", "containers")[0], "ports").Cast<YamlMappingNode>().Select(p => Text(p, "name"));
        Assert.Contains(Text(port, "targetPort"), containerPorts);

        var rollout = Load(Path.Combine(K8s, "argo", "api-rollout.yaml")).Single();
        var weights = Sequence(rollout, "spec", "strategy", "canary", "steps").Cast<YamlMappingNode>().Select(s => Text(s, "setWeight")).OfType<string>();
        Assert.Equal(["10", "30", "50", "100"], weights);
    }

    [Fact]
    public void Compose_runs_redis_with_aof_two_silos_the_api_prometheus_with_the_rules_and_alertmanager()
    {
        var compose = Load(Tools.Docker("compose.yml")).Single();
        var services = (YamlMappingNode)compose["services"];
        var names = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToHashSet();

        Assert.Superset(new HashSet<string?> { "redis", "silo-1", "silo-2", "api", "prometheus", "alertmanager", "grafana" }, names);
        Assert.Contains("--appendonly", Sequence(Map(services, "redis"), "command").Select(n => ((YamlScalarNode)n).Value));
        foreach (var node in new[] { "silo-1", "silo-2", "api" })
        {
            var service = Map(services, node);
            Assert.Equal("Distributed", Text(service, "environment", "VNexsus__Mode"));
            Assert.Contains("vnexsus-data:/data", Sequence(service, "volumes").Select(n => ((YamlScalarNode)n).Value));
            var dockerfile = Text(service, "build", "dockerfile")!;
            Assert.True(File.Exists(Path.Combine(Tools.RepositoryRoot, dockerfile)), dockerfile);
        }

        Assert.Contains("./prometheus:/etc/prometheus:ro", Sequence(Map(services, "prometheus"), "volumes").Select(n => ((YamlScalarNode)n).Value));
        Assert.True(File.Exists(Tools.Docker("prometheus", "rules.yml")));
        foreach (var published in services.Children.Values.Cast<YamlMappingNode>().Where(s => s.Children.ContainsKey("ports")).SelectMany(s => Sequence(s, "ports")))
        {
            Assert.StartsWith("127.0.0.1:", ((YamlScalarNode)published).Value);
        }
    }

    [Theory]
    [InlineData("Dockerfile.api", "VNexsus.Api.dll")]
    [InlineData("Dockerfile.silo", "VNexsus.Silo.dll")]
    public void Images_build_in_two_stages_with_tesseract_korean_and_run_unprivileged(string dockerfile, string dll)
    {
        var lines = File.ReadAllLines(Tools.Docker(dockerfile));

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        var text = string.Join('\n', lines);
        foreach (var package in new[] { "tesseract-ocr ", "tesseract-ocr-kor", "poppler-utils" })
        {
            Assert.Contains(package, text);
        }

        Assert.Contains("USER $APP_UID", lines);
        Assert.Contains(dll, lines.Last(l => l.StartsWith("ENTRYPOINT", StringComparison.Ordinal)));
        foreach (var copied in lines.Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal)))
        {
            var sources = copied.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1];
            foreach (var source in sources)
            {
                Assert.True(File.Exists(Path.Combine(Tools.RepositoryRoot, source)) || Directory.Exists(Path.Combine(Tools.RepositoryRoot, source)), $"{dockerfile} copies a missing {source}");
            }
        }
    }

    private static IEnumerable<(string File, YamlMappingNode Doc)> KubernetesObjects() =>
        Directory.EnumerateFiles(K8s, "*.yaml", SearchOption.AllDirectories).Order()
            .SelectMany(file => Load(file).Select(doc => (Path.GetRelativePath(K8s, file), doc)));

    private static YamlMappingNode Object(string kind, string name) =>
        KubernetesObjects().Select(d => d.Doc).Single(d => Text(d, "kind") == kind && Text(d, "metadata", "name") == name);

    private static List<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(file)));
        }
        catch (YamlException error)
        {
            throw new InvalidOperationException($"{file} is not valid YAML: {error.Message}", error);
        }

        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)Child(node, key)!;

    private static YamlNode? Find(YamlMappingNode node, params string[] path)
    {
        YamlNode current = node;
        foreach (var key in path)
        {
            if (current is not YamlMappingNode map || Child(map, key) is not { } next)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    /// <summary>A key of a mapping, also through YAML merge keys (<c>&lt;&lt;: *anchor</c>), which compose files use.</summary>
    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value
        : map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent ? Child(parent, key)
        : null;

    private static string? Text(YamlMappingNode node, params string[] path) => (Find(node, path) as YamlScalarNode)?.Value;

    private static IList<YamlNode> Sequence(YamlMappingNode node, params string[] path) =>
        (Find(node, path) as YamlSequenceNode)?.Children ?? throw new InvalidOperationException($"no sequence at {string.Join('.', path)}");
}
