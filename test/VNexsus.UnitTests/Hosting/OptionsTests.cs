using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VNexsus.Hosting;

namespace VNexsus.UnitTests.Hosting;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_the_embedded_mode_with_the_documented_limits()
    {
        var options = VNexsusHosting.ReadOptions(new ConfigurationBuilder().Build());

        Assert.Equal(HostingMode.Embedded, options.Mode);
        Assert.Equal("./data", options.DataDir);
        Assert.Equal(8, options.Upload.MaxFiles);
        Assert.Equal(100L * 1024 * 1024, options.Upload.MaxFileBytes);
        Assert.Equal(10, options.Upload.MinFileBytes);
        Assert.Equal(TimeSpan.FromDays(30), options.Retention.Period);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("3651.00:00:00")]
    public void A_retention_period_out_of_range_stops_with_a_clear_message(string period)
    {
        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(Configuration(("VNexsus:Retention:Period", period))));

        Assert.Contains("VNexsus:Retention:Period", error.Message);
    }

    [Fact]
    public void Configuration_switches_to_the_distributed_mode()
    {
        var options = VNexsusHosting.ReadOptions(Configuration(("VNexsus:Mode", "Distributed"), ("ConnectionStrings:Redis", "127.0.0.1:6379"), ("VNexsus:SiloPort", "11112")));

        Assert.Equal(HostingMode.Distributed, options.Mode);
        Assert.Equal("127.0.0.1:6379", options.RedisConnectionString);
        Assert.Equal(11112, options.SiloPort);
    }

    [Fact]
    public void The_distributed_mode_without_redis_stops_with_a_clear_message()
    {
        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(Configuration(("VNexsus:Mode", "Distributed"))));

        Assert.Contains("ConnectionStrings:Redis", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(
            Configuration(("VNexsus:SiloPort", "30000"), ("VNexsus:AdvertisedIPAddress", "silo-1"), ("VNexsus:Upload:MaxFiles", "0"))));

        Assert.Equal(3, error.Failures.Count());
    }

    [Fact]
    public void Memory_pressure_shedding_is_on_by_default_and_its_thresholds_are_checked()
    {
        var defaults = VNexsusHosting.ReadOptions(new ConfigurationBuilder().Build());
        Assert.True(defaults.MemoryPressure.SheddingEnabled);
        Assert.Equal((80, 75), (defaults.MemoryPressure.LimitPercentage, defaults.MemoryPressure.TargetPercentage));

        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(
            Configuration(("VNexsus:MemoryPressure:LimitPercentage", "70"), ("VNexsus:MemoryPressure:TargetPercentage", "75"))));

        Assert.Contains("VNexsus:MemoryPressure:TargetPercentage (75) must be below LimitPercentage (70)", error.Message);
    }

    [Fact]
    public void Scheduling_classes_and_yields_are_read_and_checked()
    {
        var options = VNexsusHosting.ReadOptions(Configuration(("VNexsus:Ocr:Scheduling:LargeYield", "00:10:00")));
        Assert.Equal(TimeSpan.FromMinutes(10), options.Ocr.Scheduling.LargeYield);

        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(
            Configuration(("VNexsus:Ocr:Scheduling:MediumBelowBytes", "1024"), ("VNexsus:Ocr:Scheduling:ThroughputSmoothing", "0"))));

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("SmallBelowBytes"));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Pages_are_read_at_their_own_size_unless_a_reduction_limit_is_set_which_cannot_go_below_150()
    {
        Assert.Null(VNexsusHosting.ReadOptions(new ConfigurationBuilder().Build()).Ocr.Tesseract.ReduceAboveDpi);
        Assert.Equal(250, VNexsusHosting.ReadOptions(Configuration(("VNexsus:Ocr:Tesseract:ReduceAboveDpi", "250"))).Ocr.Tesseract.ReduceAboveDpi);

        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(Configuration(("VNexsus:Ocr:Tesseract:ReduceAboveDpi", "100"))));

        Assert.Contains("VNexsus:Ocr:Tesseract:ReduceAboveDpi must be at least 150", error.Message);
    }

    [Fact]
    public void The_rule_cache_keeps_analyses_an_hour_by_default_is_configurable_and_must_be_positive()
    {
        Assert.Equal(TimeSpan.FromHours(1), VNexsusHosting.ReadOptions(new ConfigurationBuilder().Build()).Rules.CacheDuration);
        Assert.Equal(TimeSpan.FromMinutes(10), VNexsusHosting.ReadOptions(Configuration(("VNexsus:Rules:CacheDuration", "00:10:00"))).Rules.CacheDuration);

        var error = Assert.Throws<OptionsValidationException>(() => VNexsusHosting.ReadOptions(Configuration(("VNexsus:Rules:CacheDuration", "00:00:00"))));

        Assert.Contains("VNexsus:Rules:CacheDuration must be positive", error.Message);
    }
}
