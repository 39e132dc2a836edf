using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Routing;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Persistence;
using Orleans.Runtime.Hosting;
using Orleans.Storage;
using Prometheus;
using Serilog;
using StackExchange.Redis;
using VNexsus.Persistence;
using VNexsus.Storage;

namespace VNexsus.Hosting;

/// <summary>
/// The one place of host wiring shared by the API and the silo (in the spirit of eShop's ServiceDefaults): options
/// with validation, logging, metrics, health, and the Orleans set-up of each mode.
/// </summary>
public static class VNexsusHosting
{
    /// <summary>Binds and validates the options (a bad configuration stops start-up with a clear message), adds logging and health.</summary>
    public static VNexsusOptions AddVNexsusDefaults(this WebApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton<IValidateOptions<VNexsusOptions>, VNexsusOptionsValidator>();

        builder.Services.AddVNexsusSerilog(builder.Configuration, options.Logging);

        MetricsDefaults.Configure();
        builder.AddVNexsusTracing();
        builder.Services.AddVNexsusHealthChecks(builder.Configuration, options);
        builder.ListenOnOperatorUrls(options);
        return options;
    }

    /// <summary>Reads the <c>VNexsus</c> section and <c>ConnectionStrings:Redis</c>; throws with every problem listed.</summary>
    public static VNexsusOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(VNexsusOptions.Section).Get<VNexsusOptions>() ?? new VNexsusOptions();
        options.RedisConnectionString ??= configuration.GetConnectionString(VNexsusOptions.RedisConnectionName);
        var result = new VNexsusOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(VNexsusOptions.Section, typeof(VNexsusOptions), result.Failures);
        }

        return options;
    }

    /// <summary>Runs a silo in this host: localhost clustering with files under the data directory (embedded) or Redis (distributed).</summary>
    public static void AddVNexsusSilo(this WebApplicationBuilder builder, VNexsusOptions options)
    {
        builder.Services.AddSingleton(Options.Create(options.Rules));
        builder.Services.AddVNexsusGrainServices(options.DataDir, options.Ocr, builder.Configuration);
        builder.Services.AddSingleton(Options.Create(options.Retention));
        builder.UseOrleans(silo =>
        {
            silo.AddActivityPropagation();
            silo.AddDashboard(ConfigureDashboard);
            silo.Configure<ClusterOptions>(o =>
            {
                o.ServiceId = options.ServiceId;
                o.ClusterId = options.ClusterId;
            });
            silo.Configure<GrainCollectionOptions>(o =>
            {
                o.EnableActivationSheddingOnMemoryPressure = options.MemoryPressure.SheddingEnabled;
                o.MemoryUsageLimitPercentage = options.MemoryPressure.LimitPercentage;
                o.MemoryUsageTargetPercentage = options.MemoryPressure.TargetPercentage;
                o.MemoryUsagePollingPeriod = options.MemoryPressure.PollingPeriod;
            });
            if (options.Mode == HostingMode.Embedded)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.UseVNexsusFilePersistence();
            }
            else
            {
                var redis = ConfigurationOptions.Parse(options.RedisConnectionString!);
                silo.Configure<EndpointOptions>(o =>
                {
                    o.SiloPort = options.SiloPort;
                    o.GatewayPort = options.GatewayPort;
                    o.AdvertisedIPAddress = options.AdvertisedIPAddress is { } address ? IPAddress.Parse(address) : IPAddress.Loopback;
                });
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis);
                silo.AddRedisGrainStorage(StorageNames.Jobs, o => UseRedis(o, redis));
                silo.AddRedisGrainStorage(StorageNames.Ocr, o => UseRedis(o, redis));
                silo.UseRedisReminderService(o => o.ConfigurationOptions = redis);
            }
        });
    }

    private static void UseRedis(RedisStorageOptions storage, ConfigurationOptions redis)
    {
        storage.ConfigurationOptions = redis;
        // A purge clears grain state; deleting the key leaves no job id or document hash in Redis.
        storage.DeleteStateOnClear = true;
    }

    /// <summary>Makes this host an Orleans client of the Redis-clustered silos (the API in the distributed mode).</summary>
    public static void AddVNexsusClient(this WebApplicationBuilder builder, VNexsusOptions options)
    {
        var redis = ConfigurationOptions.Parse(options.RedisConnectionString!);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                o.ServiceId = options.ServiceId;
                o.ClusterId = options.ClusterId;
            })
            .UseRedisClustering(o => o.ConfigurationOptions = redis)
            .AddActivityPropagation()
            .AddDashboard(ConfigureDashboard)
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                // Silos may start after the API; keep trying until the host stops.
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            }));
    }

    /// <summary>
    /// Request logging and metrics, error bodies without internals, security headers; liveness (<c>/health/live</c>) and
    /// readiness (<c>/health/ready</c>) for probes; every check (<c>/health</c>, JSON) and Prometheus metrics for operators
    /// only. The Orleans dashboard is the API's (it needs an operator key, which the API checks; every silo collects for it).
    /// </summary>
    public static WebApplication UseVNexsusDefaults(this WebApplication app)
    {
        app.UseVNexsusRequestLogging();
        app.UseVNexsusRequestMetrics();
        app.UseVNexsusErrorBodies();
        app.UseSecurityHeaders();
        app.UseOperatorAccess(app.Services.GetRequiredService<IOptions<VNexsusOptions>>().Value);
        app.MapVNexsusHealthChecks();
        app.MapMetrics().RequireOperator();
        return app;
    }

    public const string DashboardPath = "/dashboard";

    /// <summary>No live log stream: the dashboard is a window for operators, and logs belong in the log pipeline.</summary>
    private static void ConfigureDashboard(DashboardOptions options) => options.HideTrace = true;

    /// <summary>
    /// The embedded mode's persistence: grain state and reminders in files under the data directory (see README, "Why
    /// files"), so a job left unfinished by a restart resumes on its reminder with nobody asking for it.
    /// </summary>
    public static ISiloBuilder UseVNexsusFilePersistence(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(StorageNames.Jobs, CreateFileStorage);
        silo.Services.AddGrainStorage(StorageNames.Ocr, CreateFileStorage);
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable, FileReminderTable>();
        return silo;
    }

    private static FileGrainStorage CreateFileStorage(IServiceProvider services, string name) =>
        new(name, services.GetRequiredService<DataDirectory>(), services.GetRequiredService<IGrainStorageSerializer>());
}
