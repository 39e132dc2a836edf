using Microsoft.AspNetCore.Server.Kestrel.Core;
using VNexsus.Api.Ocr;
using VNexsus.Api.Upload;
using VNexsus.Api.Web;
using VNexsus.Hosting;

namespace VNexsus.Api;

/// <summary>Builds the API: in the embedded mode it co-hosts a silo; in the distributed mode it is an Orleans client.</summary>
public static class ApiHost
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            // Loopback unless told otherwise: medical records are not served to the network by accident.
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var options = builder.AddVNexsusDefaults();
        if (options.Mode == HostingMode.Embedded)
        {
            builder.AddVNexsusSilo(options);
        }
        else
        {
            builder.AddVNexsusClient(options);
            builder.Services.AddVNexsusStorage(options.DataDir, options.Ocr.Limits);
        }

        builder.Services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = options.Upload.MaxFiles * (options.Upload.MaxFileBytes + 64 * 1024) + 1024 * 1024);
        builder.Services.AddSingleton<UploadReader>();

        var app = builder.Build();
        app.UseVNexsusDefaults();
        app.MapOcrEndpoints();
        app.MapEvidenceEndpoints();
        VNexsus.Api.Reports.ReportEndpoints.MapReportEndpoints(app);
        app.MapWebApp();
        return app;
    }
}
