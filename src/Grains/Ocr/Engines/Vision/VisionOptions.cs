using Microsoft.Extensions.Options;

namespace VNexsus.Ocr.Engines.Vision;

/// <summary>
/// Settings of the Google Cloud Vision engine, bound from the configuration section <see cref="SectionName"/>
/// (domain.md §5.2). Exactly one of <see cref="ApiKey"/> and <see cref="CredentialsFile"/> must be set while
/// <see cref="Enabled"/> is true.
/// </summary>
public sealed class VisionOptions
{
    public const string SectionName = "VNexsus:Ocr:Vision";

    public const string DefaultEndpoint = "https://vision.googleapis.com/";

    /// <summary>False turns the engine off: the credential checks are skipped and every call fails with
    /// <see cref="OcrFailureKind.Configuration"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The service root; <c>v1/images:annotate</c> is resolved against it.</summary>
    public string Endpoint { get; set; } = DefaultEndpoint;

    /// <summary>An API key, sent as the <c>key</c> query parameter. A secret: never log it.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Path to a service-account JSON key; requests then carry an OAuth bearer token.</summary>
    public string? CredentialsFile { get; set; }

    /// <summary>How long one attempt (token, request and response body) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Total attempts per page, the first included.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first backoff for a transient failure; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The cap on a transient backoff, and the wait after a 429 that carries no <c>Retry-After</c>.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest <c>Retry-After</c> the engine waits out itself; a longer one ends the call with
    /// <see cref="OcrFailureKind.RateLimited"/> and the wait in <see cref="OcrEngineException.RetryAfter"/>, so the
    /// caller can reschedule instead of holding the page.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The cluster-wide budget of annotate requests (seed-plan: 600/min; check the project's real quota).</summary>
    public int RequestsPerMinute { get; set; } = 600;
}

/// <summary>Checks <see cref="VisionOptions"/> at start-up with messages that name the configuration keys.</summary>
public sealed class VisionOptionsValidator : IValidateOptions<VisionOptions>
{
    private const string Section = VisionOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Enabled)
        {
            var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
            var hasFile = !string.IsNullOrWhiteSpace(options.CredentialsFile);
            if (hasKey && hasFile)
            {
                failures.Add($"{Section}: set only one of ApiKey and CredentialsFile, not both.");
            }
            else if (!hasKey && !hasFile)
            {
                failures.Add(
                    $"{Section}: Vision is enabled but has no credentials; set {Section}:ApiKey or {Section}:CredentialsFile " +
                    $"(a service-account JSON key), or set {Section}:Enabled to false.");
            }
            else if (hasFile && !File.Exists(options.CredentialsFile))
            {
                failures.Add($"{Section}:CredentialsFile '{options.CredentialsFile}' does not exist.");
            }
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:Endpoint '{options.Endpoint}' is not an absolute http(s) URL.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:Timeout must be positive (it is {options.Timeout}).");
        }

        if (options.MaxAttempts is < 1 or > 10)
        {
            failures.Add($"{Section}:MaxAttempts must be between 1 and 10 (it is {options.MaxAttempts}).");
        }

        if (options.BaseDelay < TimeSpan.Zero || options.BaseDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:BaseDelay must be between 0 and 1 hour (it is {options.BaseDelay}).");
        }

        if (options.MaxDelay < options.BaseDelay || options.MaxDelay > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:MaxDelay must be at least BaseDelay and at most 1 hour (it is {options.MaxDelay}).");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero || options.MaxRetryAfter > TimeSpan.FromHours(1))
        {
            failures.Add($"{Section}:MaxRetryAfter must be between 0 and 1 hour (it is {options.MaxRetryAfter}).");
        }

        if (options.RequestsPerMinute < 1)
        {
            failures.Add($"{Section}:RequestsPerMinute must be at least 1 (it is {options.RequestsPerMinute}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
