using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Prometheus;
using StackExchange.Redis;
using VNexsus.Ocr;
using VNexsus.Storage;

namespace VNexsus.Hosting;

/// <summary>The <c>VNexsus:Health</c> configuration section.</summary>
public sealed class HealthOptions
{
    public const string Section = "VNexsus:Health";

    /// <summary>The longest one check may take before it counts as unhealthy (seed-plan: 5 s).</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The data directory's file system must keep at least this much free space.</summary>
    public long MinimumFreeDiskMegabytes { get; set; } = 1024;

    /// <summary>How long an OCR engine's result is reused, so probes every few seconds do not start a process each time.</summary>
    public TimeSpan OcrEngineCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The health endpoints (orleans.md §8.4, seed-plan week 2):
/// <list type="bullet">
/// <item><c>/health/live</c>: the process answers; no remote I/O, so a Redis outage never restarts every pod;</item>
/// <item><c>/health/ready</c>: this node can serve: its silo is active (or, as a client, the gateway answers), its
/// storage (Redis in the distributed mode, the data directory) answers;</item>
/// <item><c>/health</c>: every check as JSON <c>{status, timestamp, duration, checks{…}}</c>: also the OCR engines and
/// the free disk space.</item>
/// </list>
/// Each check has its own time limit; the answer is 200 when every check is healthy and 503 otherwise. The latest
/// results are also published as the gauge <c>health_check_status{check}</c> (1 healthy, 0 not) for the alert rules.
/// </summary>
public static class VNexsusHealth
{
    public const string ReadyTag = "ready";

    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string FullPath = "/health";

    public static IHealthChecksBuilder AddVNexsusHealthChecks(this IServiceCollection services, IConfiguration configuration, VNexsusOptions options)
    {
        var health = configuration.GetSection(HealthOptions.Section).Get<HealthOptions>() ?? new HealthOptions();
        if (health.CheckTimeout <= TimeSpan.Zero || health.MinimumFreeDiskMegabytes < 0 || health.OcrEngineCheckInterval < TimeSpan.Zero)
        {
            throw new OptionsValidationException(HealthOptions.Section, typeof(HealthOptions),
                ["VNexsus:Health:CheckTimeout must be positive, MinimumFreeDiskMegabytes and OcrEngineCheckInterval not negative."]);
        }

        services.AddSingleton(Options.Create(health));
        services.AddSingleton<TesseractHealthCheck>();
        services.AddSingleton<CloudOcrHealthCheck>();
        services.AddSingleton<IHealthCheckPublisher, HealthMetricsPublisher>();
        services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(5);
            o.Period = TimeSpan.FromSeconds(15);
            o.Timeout = health.CheckTimeout + TimeSpan.FromSeconds(5);
        });

        var timeout = health.CheckTimeout;
        var checks = services.AddHealthChecks()
            .AddCheck<ClusterHealthCheck>("cluster", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<DataDirectoryHealthCheck>("dataDirectory", HealthStatus.Unhealthy, [ReadyTag], timeout)
            .AddCheck<DiskSpaceHealthCheck>("disk", HealthStatus.Unhealthy, [], timeout);
        if (options.Mode == HostingMode.Distributed)
        {
            services.AddSingleton(_ => new RedisHealthCheck(options.RedisConnectionString!));
            checks.AddCheck<RedisHealthCheck>("redis", HealthStatus.Unhealthy, [ReadyTag], timeout);
        }

        switch (options.Ocr.Engine)
        {
            case OcrEngineChoice.Tesseract:
                checks.AddCheck<TesseractHealthCheck>("ocr:tesseract", HealthStatus.Unhealthy, [], timeout);
                break;
            case OcrEngineChoice.Vision:
                checks.AddCheck<CloudOcrHealthCheck>("ocr:vision", HealthStatus.Unhealthy, [], timeout);
                break;
        }

        return checks;
    }

    public static WebApplication MapVNexsusHealthChecks(this WebApplication app)
    {
        var codes = new Dictionary<HealthStatus, int>
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        };
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthReportWriter.WriteProbeAsync, ResultStatusCodes = codes }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = HealthReportWriter.WriteProbeAsync, ResultStatusCodes = codes }).AllowAnonymous();
        app.MapHealthChecks(FullPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync, ResultStatusCodes = codes }).RequireOperator();
        return app;
    }
}

/// <summary>
/// On a silo: the local silo is <c>Active</c> in the membership snapshot (and the host is not stopping). On a client
/// (the API in the distributed mode): a management-grain call through the gateway answers with at least one active silo.
/// </summary>
public sealed class ClusterHealthCheck(IServiceProvider services, IClusterClient client, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("host is stopping");
        }

        var local = services.GetService<ILocalSiloDetails>();
        var membership = services.GetService<IClusterMembershipService>();
        if (local is not null && membership is not null)
        {
            var snapshot = membership.CurrentSnapshot;
            var status = snapshot.GetSiloStatus(local.SiloAddress);
            var active = snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
            return status == SiloStatus.Active
                ? HealthCheckResult.Healthy($"local silo active; {active} active silo(s)")
                : HealthCheckResult.Unhealthy($"local silo is {status.ToString().ToLowerInvariant()}");
        }

        try
        {
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"gateway reachable; {silos.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("no active silo");
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("cluster unreachable", error);
        }
    }
}

/// <summary>Healthy when the data directory accepts a write (a shared volume that went read-only or away fails here).</summary>
public sealed class DataDirectoryHealthCheck(DataDirectory dataDirectory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(dataDirectory.Root, $".health-{Guid.NewGuid():N}");
        try
        {
            await File.WriteAllTextAsync(probe, "ok", cancellationToken);
            File.Delete(probe);
            return HealthCheckResult.Healthy();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("data directory not writable", error);
        }
    }
}

/// <summary>Healthy while the data directory's file system has at least <see cref="HealthOptions.MinimumFreeDiskMegabytes"/> free.</summary>
public sealed class DiskSpaceHealthCheck(DataDirectory dataDirectory, IOptions<HealthOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // On Unix, DriveInfo takes any path and asks statvfs about the file system holding it.
            var free = new DriveInfo(dataDirectory.Root).AvailableFreeSpace / (1024 * 1024);
            var minimum = options.Value.MinimumFreeDiskMegabytes;
            var data = new Dictionary<string, object> { ["freeMegabytes"] = free, ["minimumFreeMegabytes"] = minimum };
            var description = string.Create(CultureInfo.InvariantCulture, $"{free} MB free (minimum {minimum} MB)");
            return Task.FromResult(free >= minimum
                ? HealthCheckResult.Healthy(description, data)
                : HealthCheckResult.Unhealthy(description, data: data));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("free disk space unknown", error));
        }
    }
}

/// <summary>A real <c>PING</c> to the Redis that holds membership, grain state and reminders. One multiplexer, reused.</summary>
public sealed class RedisHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var latency = await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy(
                string.Create(CultureInfo.InvariantCulture, $"PING {latency.TotalMilliseconds:0.#} ms"),
                new Dictionary<string, object> { ["latency"] = latency.TotalMilliseconds });
        }
        catch (Exception error) when (error is RedisException or TimeoutException or ObjectDisposedException)
        {
            return HealthCheckResult.Unhealthy("redis unreachable", error);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                var configuration = ConfigurationOptions.Parse(connectionString);
                configuration.AbortOnConnectFail = false; // reconnects in the background once Redis is back
                configuration.ConnectTimeout = 3000;
                configuration.SyncTimeout = 3000;
                configuration.AsyncTimeout = 3000;
                configuration.ConnectRetry = 1;
                configuration.ClientName = "vnexsus-health";
                _connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }
}

/// <summary>
/// Tesseract is usable: the configured executable starts and lists every configured language (<c>kor</c>, <c>eng</c>)
/// among its installed traineddata. It runs <c>tesseract --list-langs</c> (no OCR), at most once per
/// <see cref="HealthOptions.OcrEngineCheckInterval"/>; on an API that is only a cluster client, OCR runs on the silos
/// and this node reports so.
/// </summary>
public sealed class TesseractHealthCheck(IOptions<VNexsusOptions> options, IOptions<HealthOptions> health, IServiceProvider services, TimeProvider? clock = null) : IHealthCheck
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services.GetService<ILocalSiloDetails>() is null)
        {
            return HealthCheckResult.Healthy("OCR runs on the silos, not on this cluster client");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_last is { } last && _clock.GetUtcNow() - last.At < health.Value.OcrEngineCheckInterval)
            {
                return last.Result;
            }

            var result = await ProbeAsync(cancellationToken);
            _last = (result, _clock.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Ocr.Tesseract;
        var wanted = settings.Languages.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var start = new ProcessStartInfo(settings.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--list-langs");
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception($"{settings.Executable} did not start");
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var errors = process.StandardError.ReadToEndAsync(cancellationToken);
                await process.WaitForExitAsync(cancellationToken);
                var lines = ((await output) + "\n" + (await errors)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (process.ExitCode != 0)
                {
                    return HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"tesseract --list-langs exited with {process.ExitCode}"));
                }

                // "List of available languages in "/usr/share/tesseract-ocr/5/tessdata/" (3):" then one language a line.
                var installed = lines.Where(l => !l.StartsWith("List of", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
                var missing = wanted.Where(l => !installed.Contains(l)).ToList();
                return missing.Count == 0
                    ? HealthCheckResult.Healthy($"tesseract with {string.Join('+', wanted)}")
                    : HealthCheckResult.Unhealthy($"tesseract has no traineddata for {string.Join(", ", missing)}");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (Win32Exception)
        {
            return HealthCheckResult.Unhealthy($"tesseract executable '{settings.Executable}' not found or not runnable");
        }
    }
}

/// <summary>
/// The cloud OCR engine (Google Vision) is configured (an API key, or a credentials file that exists) and its endpoint
/// accepts a TCP connection. It never calls the recognition API, so probes spend no quota; the result is reused for
/// <see cref="HealthOptions.OcrEngineCheckInterval"/>.
/// </summary>
public sealed class CloudOcrHealthCheck(IConfiguration configuration, IOptions<HealthOptions> health, IServiceProvider? services = null, TimeProvider? clock = null) : IHealthCheck
{
    public const string Section = "VNexsus:Ocr:Vision";
    public const string DefaultEndpoint = "https://vision.googleapis.com/";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (HealthCheckResult Result, DateTimeOffset At)> _last = new();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (services is not null && services.GetService<ILocalSiloDetails>() is null)
        {
            return HealthCheckResult.Healthy("OCR runs on the silos, not on this cluster client");
        }

        var section = configuration.GetSection(Section);
        if (string.Equals(section["Enabled"], "false", StringComparison.OrdinalIgnoreCase))
        {
            return HealthCheckResult.Unhealthy($"{Section}:Enabled is false");
        }

        var hasKey = !string.IsNullOrWhiteSpace(section["ApiKey"]);
        var credentials = section["CredentialsFile"];
        if (!hasKey && string.IsNullOrWhiteSpace(credentials))
        {
            return HealthCheckResult.Unhealthy($"no credentials: set {Section}:ApiKey or {Section}:CredentialsFile");
        }

        if (!hasKey && !File.Exists(credentials))
        {
            return HealthCheckResult.Unhealthy($"{Section}:CredentialsFile does not exist");
        }

        if (!Uri.TryCreate(section["Endpoint"] ?? DefaultEndpoint, UriKind.Absolute, out var endpoint))
        {
            return HealthCheckResult.Unhealthy($"{Section}:Endpoint is not an absolute URL");
        }

        var key = endpoint.GetLeftPart(UriPartial.Authority);
        if (_last.TryGetValue(key, out var last) && _clock.GetUtcNow() - last.At < health.Value.OcrEngineCheckInterval)
        {
            return last.Result;
        }

        HealthCheckResult result;
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
            result = HealthCheckResult.Healthy($"configured; {endpoint.Host}:{endpoint.Port} reachable (no recognition call)");
        }
        catch (SocketException error)
        {
            result = HealthCheckResult.Unhealthy($"{endpoint.Host}:{endpoint.Port} unreachable", error);
        }

        _last[key] = (result, _clock.GetUtcNow());
        return result;
    }
}

/// <summary>Publishes each check's latest result as <c>health_check_status{check}</c> (1 healthy, 0 degraded or unhealthy).</summary>
public sealed class HealthMetricsPublisher : IHealthCheckPublisher
{
    private static readonly Gauge Status = Metrics.CreateGauge(
        "health_check_status",
        "Latest result of each health check on this node: 1 healthy, 0 degraded or unhealthy.",
        "check");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            Status.WithLabels(name).Set(entry.Status == HealthStatus.Healthy ? 1 : 0);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Writes <c>{status, timestamp, duration, checks{name: {status, description, duration, error?, data?}}}</c>: statuses
/// are <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>, durations in milliseconds. The probes, open to anyone who
/// reaches the node, leave out errors and data (they can name paths and hosts); the operator's <c>/health</c> has them.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report) => WriteAsync(context, report, withDetails: true);

    public static Task WriteProbeAsync(HttpContext context, HealthReport report) => WriteAsync(context, report, withDetails: false);

    private static Task WriteAsync(HttpContext context, HealthReport report, bool withDetails)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            timestamp = DateTimeOffset.UtcNow,
            duration = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString().ToLowerInvariant(),
                    description = e.Value.Description,
                    duration = e.Value.Duration.TotalMilliseconds,
                    error = withDetails ? e.Value.Exception?.Message : null,
                    data = withDetails && e.Value.Data.Count > 0 ? e.Value.Data : null,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, HealthJson.Options));
    }

    private static class HealthJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "kor+eng", not "kor\u002Beng"
        };
    }
}
