using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VNexsus.Ocr.Engines.Vision;

public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Google Vision engine, bound from <paramref name="section"/> (normally
    /// <see cref="VisionOptions.SectionName"/>) and validated at start-up:
    /// <list type="bullet">
    /// <item><see cref="VisionOcrEngine"/> as a singleton, and as the keyed <see cref="IOcrEngine"/>
    /// <see cref="VisionOcrEngine.ServiceKey"/> (no unkeyed <see cref="IOcrEngine"/> is registered);</item>
    /// <item>the keyed <see cref="IOcrRateGate"/> <see cref="VisionOcrEngine.ServiceKey"/>: a <see cref="GrainRateGate"/>
    /// on the <see cref="IRateLimiterGrain"/> "vision", so the host must have an <see cref="IGrainFactory"/> (a silo or
    /// a cluster client);</item>
    /// <item>the keyed <see cref="HttpClient"/> <see cref="VisionOcrEngine.ServiceKey"/> the engine uses (built here:
    /// Microsoft.Extensions.Http is not referenced by this project).</item>
    /// </list>
    /// A host may register its own keyed <see cref="IOcrRateGate"/> or <see cref="IVisionAccessTokenSource"/> first to
    /// replace the defaults.
    /// </summary>
    public static IServiceCollection AddVisionOcrEngine(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        const string key = VisionOcrEngine.ServiceKey;

        services.AddOptions<VisionOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VisionOptions>, VisionOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddKeyedSingleton<IOcrRateGate>(key, (sp, _) => new GrainRateGate(
            sp.GetRequiredService<IGrainFactory>(),
            key,
            sp.GetRequiredService<IOptions<VisionOptions>>().Value.RequestsPerMinute,
            sp.GetRequiredService<TimeProvider>()));

        services.TryAddKeyedSingleton(key, (sp, _) => CreateHttpClient(sp.GetRequiredService<IOptions<VisionOptions>>().Value));

        services.TryAddSingleton(sp => new VisionOcrEngine(
            sp.GetRequiredKeyedService<HttpClient>(key),
            sp.GetRequiredService<IOptions<VisionOptions>>(),
            sp.GetRequiredKeyedService<IOcrRateGate>(key),
            sp.GetRequiredService<ILogger<VisionOcrEngine>>(),
            sp.GetKeyedService<IVisionAccessTokenSource>(key) ?? ServiceAccountTokens(sp.GetRequiredService<IOptions<VisionOptions>>().Value)));
        services.TryAddKeyedSingleton<IOcrEngine>(key, (sp, _) => sp.GetRequiredService<VisionOcrEngine>());
        return services;
    }

    /// <summary>Bearer tokens from the service-account key when that, and not an API key, is configured.</summary>
    private static ServiceAccountTokenSource? ServiceAccountTokens(VisionOptions options) =>
        string.IsNullOrWhiteSpace(options.ApiKey) && !string.IsNullOrWhiteSpace(options.CredentialsFile)
            ? new ServiceAccountTokenSource(options.CredentialsFile)
            : null;

    /// <summary>A long-lived client whose pooled connections are renewed, so DNS changes are seen without a factory.
    /// The engine enforces <see cref="VisionOptions.Timeout"/> per attempt, so the client itself never times out.</summary>
    private static HttpClient CreateHttpClient(VisionOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = options.Timeout > TimeSpan.Zero ? options.Timeout : TimeSpan.FromSeconds(30),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
