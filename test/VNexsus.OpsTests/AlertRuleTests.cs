namespace VNexsus.OpsTests;

/// <summary>The Prometheus rules, their unit tests, the Prometheus config and the Alertmanager config, checked by the real tools.</summary>
public sealed class AlertRuleTests
{
    [Fact]
    public async Task Rules_pass_promtool_check_rules()
    {
        var (code, output) = await Tools.RunAsync(Tools.Require("promtool", "prometheus"), ["check", "rules", Tools.Docker("prometheus", "rules.yml")]);

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public async Task Rule_unit_tests_pass_promtool_test_rules()
    {
        var (code, output) = await Tools.RunAsync(Tools.Require("promtool", "prometheus"), ["test", "rules", "rules.test.yml"], Tools.Docker("prometheus"));

        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    [Fact]
    public async Task Every_alert_has_a_severity_summary_runbook_and_a_unit_test_that_fires_it()
    {
        var rules = await File.ReadAllTextAsync(Tools.Docker("prometheus", "rules.yml"));
        var tests = await File.ReadAllTextAsync(Tools.Docker("prometheus", "rules.test.yml"));
        var alerts = new YamlDotNet.Serialization.DeserializerBuilder().WithNamingConvention(YamlDotNet.Serialization.NamingConventions.CamelCaseNamingConvention.Instance).Build().Deserialize<RuleFile>(rules).Groups
            .SelectMany(g => g.Rules).Where(r => r.Alert is not null).ToList();

        Assert.Contains(alerts, a => a.Alert == "OcrProcessingSlow");
        Assert.Contains(alerts, a => a.Alert == "HighErrorRate");
        Assert.Contains(alerts, a => a.Alert == "SiloDown");
        Assert.Contains(alerts, a => a.Alert == "RedisDown");
        Assert.Contains(alerts, a => a.Alert == "JobsStuck");
        foreach (var alert in alerts)
        {
            Assert.True(alert.Labels?.GetValueOrDefault("severity") is "warning" or "critical", $"{alert.Alert} needs severity warning or critical");
            Assert.False(string.IsNullOrWhiteSpace(alert.Annotations?.GetValueOrDefault("summary")), $"{alert.Alert} needs a summary");
            Assert.False(string.IsNullOrWhiteSpace(alert.Annotations?.GetValueOrDefault("runbook")), $"{alert.Alert} needs a runbook");
            Assert.True(tests.Contains($"alertname: {alert.Alert}\n        exp_alerts:\n          - exp_labels:", StringComparison.Ordinal), $"{alert.Alert} has no unit test where it fires");
        }
    }

    [Fact]
    public async Task Prometheus_config_passes_promtool_check_config()
    {
        var (code, output) = await Tools.RunAsync(Tools.Require("promtool", "prometheus"), ["check", "config", Tools.Docker("prometheus", "prometheus.yml")]);

        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task Alertmanager_config_passes_amtool_and_routes_by_severity()
    {
        var amtool = Tools.Require("amtool", "prometheus-alertmanager");
        var config = Tools.Docker("alertmanager", "alertmanager.yml");
        var (code, output) = await Tools.RunAsync(amtool, ["check-config", config]);
        Assert.True(code == 0, output);

        var critical = await Tools.RunAsync(amtool, ["config", "routes", "test", $"--config.file={config}", "severity=critical", "alertname=SiloDown"]);
        var warning = await Tools.RunAsync(amtool, ["config", "routes", "test", $"--config.file={config}", "severity=warning", "alertname=HttpLatencyHigh"]);
        Assert.Equal("critical-email-and-slack", critical.Output.Split('\n')[0].Trim());
        Assert.Equal("slack-warnings", warning.Output.Split('\n')[0].Trim());
    }

    private sealed class RuleFile
    {
        public List<RuleGroup> Groups { get; set; } = [];
    }

    private sealed class RuleGroup
    {
        public string Name { get; set; } = "";

        public string? Interval { get; set; }

        public List<Rule> Rules { get; set; } = [];
    }

    private sealed class Rule
    {
        public string? Alert { get; set; }

        public string? Record { get; set; }

        public string Expr { get; set; } = "";

        public string? For { get; set; }

        public Dictionary<string, string>? Labels { get; set; }

        public Dictionary<string, string>? Annotations { get; set; }
    }
}
