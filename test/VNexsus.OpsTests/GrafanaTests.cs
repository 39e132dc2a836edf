using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace VNexsus.OpsTests;

/// <summary>Grafana in the compose file: the provisioned data source is the one every panel names, and the dashboard
/// folder the provider reads is the one compose mounts.</summary>
public sealed class GrafanaTests
{
    [Fact]
    public void Compose_provisions_grafana_with_the_prometheus_data_source_and_the_vnexsus_dashboard()
    {
        var compose = Yaml(Tools.Docker("compose.yml"));
        var grafana = (YamlMappingNode)((YamlMappingNode)compose["services"])["grafana"];
        var mounts = ((YamlSequenceNode)grafana["volumes"]).Select(v => ((YamlScalarNode)v).Value!).ToList();
        Assert.Contains("./grafana/provisioning:/etc/grafana/provisioning:ro", mounts);
        var dashboardsMount = mounts.Single(m => m.StartsWith("./grafana/dashboards:", StringComparison.Ordinal)).Split(':')[1];

        var provider = (YamlMappingNode)((YamlSequenceNode)Yaml(Tools.Docker("grafana", "provisioning", "dashboards", "vnexsus.yml"))["providers"])[0];
        Assert.Equal(dashboardsMount, ((YamlScalarNode)provider["options"]["path"]).Value);

        var source = (YamlMappingNode)((YamlSequenceNode)Yaml(Tools.Docker("grafana", "provisioning", "datasources", "prometheus.yml"))["datasources"])[0];
        Assert.Equal("http://prometheus:9090", ((YamlScalarNode)source["url"]).Value);
        var uid = ((YamlScalarNode)source["uid"]).Value;

        using var dashboard = JsonDocument.Parse(File.ReadAllText(Tools.Docker("grafana", "dashboards", "vnexsus.json")));
        var panels = dashboard.RootElement.GetProperty("panels").EnumerateArray().Where(p => p.GetProperty("type").GetString() != "row").ToList();
        Assert.True(panels.Count >= 12, $"only {panels.Count} panels");
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
        foreach (var panel in panels)
        {
            var title = panel.GetProperty("title").GetString();
            Assert.Equal(uid, panel.GetProperty("datasource").GetProperty("uid").GetString());
            Assert.All(panel.GetProperty("targets").EnumerateArray(), t => Assert.Equal(uid, t.GetProperty("datasource").GetProperty("uid").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(title));
        }
    }

    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
