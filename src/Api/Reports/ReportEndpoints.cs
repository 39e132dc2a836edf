using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VNexsus.Api.Auth;
using VNexsus.Hosting;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Reports;

/// <summary>
/// <c>GET /api/jobs/{jobId}/report</c>: the analysis report of domain.md §9 as JSON, or <c>?format=text</c> (investigator
/// slots) or <c>?format=html</c>. <c>insuranceJoinDate</c> and <c>policy</c>, or <c>contracts</c> (several), re-run the rules for those inputs (another
/// rule grain key; the OCR results are reused).
/// </summary>
public static class ReportEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/jobs/{jobId}/report", ReportAsync);
        return routes;
    }

    private static async Task<IResult> ReportAsync(
        string jobId, string? format, string? insuranceJoinDate, string? policy, string? contracts, IClusterClient cluster, TimeProvider clock, HttpContext context)
    {
        var (report, problem) = await ReportLoader.LoadAsync(cluster, context.User.TenantId(), jobId, insuranceJoinDate, policy, contracts, clock.GetUtcNow());
        if (report is null)
        {
            return problem!;
        }

        if (string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text(ReportRenderer.Text(report), "text/plain; charset=utf-8", Encoding.UTF8);
        }

        if (string.Equals(format, "html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.DocumentContentSecurityPolicy;
            return Results.Text(ReportRenderer.Html(report), "text/html; charset=utf-8", Encoding.UTF8);
        }

        return Results.Json(report, Json);
    }
}
