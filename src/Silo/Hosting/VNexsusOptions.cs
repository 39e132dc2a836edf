using System.Net;
using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Retention;
using VNexsus.Rules;

namespace VNexsus.Hosting;

public enum HostingMode
{
    /// <summary>One process: the API co-hosts a silo with localhost clustering; everything under the data directory.</summary>
    Embedded,

    /// <summary>The API is an Orleans client; silos cluster, keep grain state and reminders in Redis.</summary>
    Distributed,
}

/// <summary>The <c>VNexsus</c> configuration section, shared by the API and the silo hosts.</summary>
public sealed class VNexsusOptions
{
    public const string Section = "VNexsus";
    public const string RedisConnectionName = "Redis";
    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;

    public HostingMode Mode { get; set; } = HostingMode.Embedded;

    /// <summary>Blobs, extractions, analyses and (embedded) grain state. Shared by every node in the distributed mode.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>Stable for the life of a deployment: it prefixes every grain state and reminder key in Redis.</summary>
    public string ServiceId { get; set; } = "vnexsus";

    public string ClusterId { get; set; } = "vnexsus";

    public int SiloPort { get; set; } = DefaultSiloPort;

    public int GatewayPort { get; set; } = DefaultGatewayPort;

    /// <summary>The address other silos and clients use to reach this silo; an IP, never a host name (orleans.md §2.2).</summary>
    public string? AdvertisedIPAddress { get; set; }

    /// <summary><c>ConnectionStrings:Redis</c>; required in the distributed mode.</summary>
    public string? RedisConnectionString { get; set; }

    public UploadOptions Upload { get; set; } = new();

    public OcrOptions Ocr { get; set; } = new();

    /// <summary>How long the rule grain reuses an analysis (<c>VNexsus:Rules:CacheDuration</c>, one hour by default).</summary>
    public RuleGrainOptions Rules { get; set; } = new();

    public LoggingOptions Logging { get; set; } = new();

    /// <summary>Tenants, API keys and rate limits (only the API host reads them).</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>
    /// URLs (<c>;</c>-separated, like <c>--urls</c>) the host also listens on; when set, the operator endpoints
    /// (<c>/metrics</c>, <c>/health</c>, the dashboard) answer only there. Keep these ports off the public network.
    /// </summary>
    public string? OperatorUrls { get; set; }

    public MemoryPressureOptions MemoryPressure { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();
}

/// <summary>
/// <c>VNexsus:MemoryPressure</c>: activation shedding of each silo (Orleans <c>GrainCollectionOptions</c>, orleans.md
/// §7.1). Above <see cref="LimitPercentage"/> of the memory available to the process (the container limit when there is
/// one) the silo deactivates its oldest idle activations until usage is back under <see cref="TargetPercentage"/>.
/// </summary>
public sealed class MemoryPressureOptions
{
    public bool SheddingEnabled { get; set; } = true;

    public double LimitPercentage { get; set; } = 80;

    public double TargetPercentage { get; set; } = 75;

    public TimeSpan PollingPeriod { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Upload limits of domain.md §4.1.</summary>
public sealed class UploadOptions
{
    public int MaxFiles { get; set; } = 8;

    public long MaxFileBytes { get; set; } = 100L * 1024 * 1024;

    public long MinFileBytes { get; set; } = 10;

    /// <summary>The largest request body: every file at its limit with room for the multipart framing and form fields.</summary>
    public long MaxRequestBytes => MaxFiles * (MaxFileBytes + 64 * 1024) + 1024 * 1024;
}

/// <summary>Checks the configuration at start-up so a mistake stops the host with a message that says what to fix.</summary>
public sealed class VNexsusOptionsValidator : IValidateOptions<VNexsusOptions>
{
    public ValidateOptionsResult Validate(string? name, VNexsusOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDir))
        {
            failures.Add("VNexsus:DataDir must name a directory.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceId) || string.IsNullOrWhiteSpace(options.ClusterId))
        {
            failures.Add("VNexsus:ServiceId and VNexsus:ClusterId must not be empty.");
        }

        if (!IsPort(options.SiloPort) || !IsPort(options.GatewayPort) || options.SiloPort == options.GatewayPort)
        {
            failures.Add($"VNexsus:SiloPort ({options.SiloPort}) and VNexsus:GatewayPort ({options.GatewayPort}) must be different ports between 1 and 65535.");
        }

        if (options.AdvertisedIPAddress is { } address && !IPAddress.TryParse(address, out _))
        {
            failures.Add($"VNexsus:AdvertisedIPAddress must be an IP address, not '{address}'.");
        }

        if (options.Mode == HostingMode.Distributed && string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            failures.Add("VNexsus:Mode=Distributed needs ConnectionStrings:Redis (for example 127.0.0.1:6379).");
        }

        if (options.Upload.MaxFiles < 1 || options.Upload.MinFileBytes < 1 || options.Upload.MaxFileBytes < options.Upload.MinFileBytes)
        {
            failures.Add("VNexsus:Upload limits must be positive, with MaxFileBytes at least MinFileBytes.");
        }

        if (options.Ocr.MaxPagesInFlightPerDocument < 1 || options.Ocr.MaxConcurrentPagesPerSilo < 0 || options.Ocr.CacheDuration <= TimeSpan.Zero
            || options.Ocr.Tesseract.PageTimeout <= TimeSpan.Zero)
        {
            failures.Add("VNexsus:Ocr limits must be positive (MaxPagesInFlightPerDocument, CacheDuration, Tesseract:PageTimeout; MaxConcurrentPagesPerSilo 0 means one per core).");
        }

        if (options.Ocr.Tesseract.ReduceAboveDpi < TesseractOptions.LowestReduceAboveDpi)
        {
            failures.Add($"VNexsus:Ocr:Tesseract:ReduceAboveDpi must be at least {TesseractOptions.LowestReduceAboveDpi} (pages finer than it are read at two thirds of their size; 250 reads 300-dpi scans at 200 dpi), not {options.Ocr.Tesseract.ReduceAboveDpi}.");
        }

        if (options.Rules.CacheDuration <= TimeSpan.Zero)
        {
            failures.Add($"VNexsus:Rules:CacheDuration must be positive (for example 01:00:00), not {options.Rules.CacheDuration}.");
        }

        if (OperatorAccess.SplitUrls(options.OperatorUrls).FirstOrDefault(url => OperatorAccess.PortOf(url) is not (> 0 and <= 65535)) is { } portless)
        {
            failures.Add($"VNexsus:OperatorUrls must name an explicit port in every URL (for example http://0.0.0.0:9090), not '{portless}'.");
        }

        failures.AddRange(options.Ocr.Scheduling.Problems());
        var memory = options.MemoryPressure;
        if (memory.TargetPercentage is <= 0 or > 100 || memory.LimitPercentage is <= 0 or > 100 || memory.TargetPercentage >= memory.LimitPercentage)
        {
            failures.Add($"VNexsus:MemoryPressure:TargetPercentage ({memory.TargetPercentage}) must be below LimitPercentage ({memory.LimitPercentage}), both between 0 and 100.");
        }

        if (memory.PollingPeriod <= TimeSpan.Zero)
        {
            failures.Add("VNexsus:MemoryPressure:PollingPeriod must be positive.");
        }

        if (options.Ocr.Tesseract.MaxMemoryMegabytes < 128)
        {
            failures.Add("VNexsus:Ocr:Tesseract:MaxMemoryMegabytes must be at least 128 (the Korean model alone needs about 100 MB).");
        }

        failures.AddRange(options.Ocr.Limits.Problems());

        if (!options.Retention.IsValid)
        {
            failures.Add($"VNexsus:Retention:Period ({options.Retention.Period}) must be between {RetentionOptions.MinimumPeriod} and {RetentionOptions.MaximumPeriod} (days.hh:mm:ss, default 30.00:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsPort(int port) => port is > 0 and <= 65535;
}
