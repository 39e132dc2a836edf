using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog;
using VNexsus.Hosting;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Hosting;

public sealed class LoggingTests
{
    [Fact]
    public void Error_log_lines_carry_the_error_class_and_go_to_the_configured_directory()
    {
        using var directory = new TemporaryDirectory();
        var logs = Path.Combine(directory.Path, "custom-logs");
        using (var logger = VNexsusLogging.Configure(new LoggerConfiguration(), new ConfigurationBuilder().Build(), new LoggingOptions { Directory = logs }).CreateLogger())
        {
            logger.Error(new TimeoutException(), "Page {Page} timed out", 3);
            logger.Error(new UnauthorizedAccessException(), "Blob store refused");
            logger.Information("Job {JobId} finished", "job-1");
        }

        var errors = File.ReadAllLines(Directory.GetFiles(logs, "error*.log").Single());
        Assert.Equal(2, errors.Length);
        Assert.Contains("\"ErrorClass\":\"TEMPORARY\"", errors[0]);
        Assert.Contains("\"ErrorClass\":\"SYSTEM\"", errors[1]);
        var combined = File.ReadAllText(Directory.GetFiles(logs, "combined*.log").Single());
        Assert.Contains("job-1", combined);
        Assert.DoesNotContain("ErrorClass", combined.Split('\n').Single(l => l.Contains("job-1", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_host_logger_factory_makes_one_logger_per_category_and_its_lines_reach_the_log()
    {
        using var directory = new TemporaryDirectory();
        var logs = Path.Combine(directory.Path, "logs");
        var services = new ServiceCollection();
        services.AddVNexsusSerilog(new ConfigurationBuilder().Build(), new LoggingOptions { Directory = logs });
        using (var provider = services.BuildServiceProvider())
        {
            var factory = provider.GetRequiredService<ILoggerFactory>();
            var first = factory.CreateLogger("VNexsus.Category");
            Assert.Same(first, factory.CreateLogger("VNexsus.Category"));
            Assert.NotSame(first, factory.CreateLogger("VNexsus.Other"));
            first.LogWarning("Job {JobId} took long", "job-2");
        }

        Assert.Contains("job-2", File.ReadAllText(Directory.GetFiles(logs, "combined*.log").Single()));
    }
}
