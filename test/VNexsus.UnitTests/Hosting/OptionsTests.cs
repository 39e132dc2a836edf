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

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
