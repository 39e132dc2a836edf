using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using VNexsus.Api.Auth;
using VNexsus.Api.Ocr;
using VNexsus.Api.Upload;
using VNexsus.Api.Web;
using VNexsus.Hosting;

namespace VNexsus.Api;

/// <summary>Builds the API: in the embedded mode it co-hosts a silo; in the distributed mode it is an Orleans client.</summary>
public static class ApiHost
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <param name="configure">Last changes to the host's services before it is built (tests add exporters here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Loopback unless told otherwise: medical records are not served to the network by accident.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var options = builder.AddVNexsusDefaults();
        if (ApiAccessValidator.Validate(options, ListenUrls(builder.Configuration)) is { Count: > 0 } failures)
        {
            throw new OptionsValidationException(VNexsusOptions.Section, typeof(VNexsusOptions), failures);
        }

        if (options.Mode == HostingMode.Embedded)
        {
            builder.AddVNexsusSilo(options);
        }
        else
        {
            builder.AddVNexsusClient(options);
            builder.Services.AddVNexsusStorage(options.DataDir, options.Ocr.Limits);
        }

        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.Upload.MaxRequestBytes);
        builder.Services.AddSingleton<UploadReader>();
        builder.Services.AddSingleton<FinishedResults>();
        builder.Services.AddTenantAccess(options);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseVNexsusDefaults();
        app.MapWebApp();
        app.UseTenantAccess();
        app.UseMiddleware<ClusterUnavailableMiddleware>();
        app.MapSessionEndpoints();
        app.MapOperatorDashboard();
        app.MapOcrEndpoints();
        app.MapEvidenceEndpoints();
        VNexsus.Api.Reports.ReportEndpoints.MapReportEndpoints(app);
        VNexsus.Api.Reports.Policies.MapPolicyEndpoints(app);
        return app;
    }

    /// <summary>
    /// Every URL Kestrel will listen on: <c>urls</c> (always set by now, with the operator URLs, so <c>http_ports</c>
    /// does not apply) and <c>Kestrel:Endpoints</c>.
    /// </summary>
    private static List<string> ListenUrls(IConfiguration configuration) =>
    [
        .. OperatorAccess.SplitUrls(configuration[WebHostDefaults.ServerUrlsKey]),
        .. configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>(),
    ];
}
