using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VNexsus.Hosting;
using VNexsus.Testing;

namespace VNexsus.OpsTests;

/// <summary>The health checks that need something outside the process: a real redis-server, a cloud OCR endpoint.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task Redis_check_pings_a_real_server_and_follows_it_down_and_back_up()
    {
        var redisServer = Tools.Require("redis-server", "redis-server");
        using var dir = new TemporaryDirectory();
        var port = FreePort.Next();
        var check = new RedisHealthCheck($"127.0.0.1:{port}");
        await using var _ = check;
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("redis", check, HealthStatus.Unhealthy, null) };

        var redis = StartRedis(redisServer, port, dir.Path);
        try
        {
            var healthy = await Eventually.Until(() => check.CheckHealthAsync(context), r => r.Status == HealthStatus.Healthy, "redis PING to answer", TimeSpan.FromSeconds(30));
            Assert.StartsWith("PING", healthy.Description);
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }

        var clock = Stopwatch.StartNew();
        var down = await Eventually.Until(() => check.CheckHealthAsync(context), r => r.Status == HealthStatus.Unhealthy, "the check to see Redis down", TimeSpan.FromSeconds(30));
        Assert.Equal("redis unreachable", down.Description);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");

        redis = StartRedis(redisServer, port, dir.Path);
        try
        {
            await Eventually.Until(() => check.CheckHealthAsync(context), r => r.Status == HealthStatus.Healthy, "the check to see Redis back", TimeSpan.FromSeconds(60));
        }
        finally
        {
            redis.Kill();
            await redis.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Cloud_ocr_check_connects_to_the_endpoint_but_never_sends_a_request()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var check = Cloud(new() { ["VNexsus:Ocr:Vision:ApiKey"] = "placeholder-key", ["VNexsus:Ocr:Vision:Endpoint"] = $"http://127.0.0.1:{port}/" });

        var result = await check.CheckHealthAsync(new HealthCheckContext());
        var again = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(HealthStatus.Healthy, again.Status);
        using var accepted = await listener.AcceptTcpClientAsync();
        accepted.ReceiveTimeout = 500;
        var buffer = new byte[64];
        var read = await Task.Run(() =>
        {
            try
            {
                return accepted.GetStream().Read(buffer);
            }
            catch (IOException)
            {
                return -1; // nothing arrived before the timeout
            }
        });
        Assert.True(read <= 0, "the check sent bytes to the OCR endpoint (a request would spend quota)");
        Assert.False(listener.Pending(), "the second probe should reuse the first result, not connect again");
    }

    [Fact]
    public async Task Cloud_ocr_check_fails_without_credentials_or_endpoint()
    {
        var noCredentials = await Cloud([]).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, noCredentials.Status);
        Assert.Contains("ApiKey", noCredentials.Description);

        var closed = FreePort.Next();
        var unreachable = await Cloud(new() { ["VNexsus:Ocr:Vision:ApiKey"] = "k", ["VNexsus:Ocr:Vision:Endpoint"] = $"http://127.0.0.1:{closed}/" })
            .CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, unreachable.Status);
    }

    private static CloudOcrHealthCheck Cloud(Dictionary<string, string?> settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Options.Create(new HealthOptions()));

    private static Process StartRedis(string redisServer, int port, string dir)
    {
        var start = new ProcessStartInfo(redisServer) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--save", "" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
