using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using VNexsus.Jobs;
using VNexsus.Rules;
using VNexsus.Rules.Disclosure;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Reports;

/// <summary>
/// <c>GET /api/jobs/{jobId}/report</c>: the analysis report of domain.md §9 as JSON, or <c>?format=text</c> (investigator
/// slots) or <c>?format=html</c>. <c>insuranceJoinDate</c> and <c>policy</c> re-run the rules for those inputs (another
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
        string jobId, string? format, string? insuranceJoinDate, string? policy, IClusterClient cluster, TimeProvider clock, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!Guid.TryParseExact(jobId, "D", out var id) || id.ToString() != jobId || await cluster.GetGrain<IJobGrain>(jobId).GetSnapshot() is not { } job)
        {
            return Results.Json(new { error = "작업을 찾을 수 없습니다.", status = "error", code = "JOB_NOT_FOUND" }, statusCode: StatusCodes.Status404NotFound);
        }

        if (!job.IsTerminal)
        {
            return Results.Json(new { message = "아직 처리 중입니다.", status = "processing", progress = $"{job.ProcessedFiles}/{job.Files.Count}" }, statusCode: StatusCodes.Status202Accepted);
        }

        var joinDate = job.InsuranceJoinDate;
        if (insuranceJoinDate is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(insuranceJoinDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Invalid("insuranceJoinDate", "보험가입일은 yyyy-MM-dd 형식이어야 합니다.");
            }

            joinDate = parsed;
        }

        var policyId = string.IsNullOrWhiteSpace(policy) ? null : policy.Trim();
        if (policyId is not null)
        {
            try
            {
                new DisclosureReviewer(RuleData.Default.Policies).PolicyFor(policyId, out _);
            }
            catch (UnknownPolicyException)
            {
                return Invalid("policy", $"알 수 없는 고지 기간 정책입니다: {policyId}");
            }
        }

        var documents = job.Files
            .Where(f => f.Status == FileStatus.Done)
            .Select(f => new AnalysisDocument(f.File.Order, f.File.FileName, f.File.Document.Sha256))
            .ToList();
        if (documents.Count == 0)
        {
            return Results.Json(new { success = false, error = new { code = "CONFLICT", message = "분석할 수 있는 파일이 없습니다." } }, statusCode: StatusCodes.Status409Conflict);
        }

        var request = new AnalysisRequest(documents, joinDate, policyId);
        var key = AnalysisKey.Of(request);
        AnalysisResult? analysis = null;
        if (key == job.AnalysisKey)
        {
            analysis = await cluster.GetGrain<IRuleGrain>(key).GetResult();
        }

        if (analysis is null || analysis.RuleSetVersion != RuleEngine.Version)
        {
            await cluster.GetGrain<IRuleGrain>(key).Analyse(request);
            analysis = await cluster.GetGrain<IRuleGrain>(key).GetResult();
        }

        var report = ReportBuilder.Build(analysis!, job.JobId, clock.GetUtcNow());
        if (string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text(ReportRenderer.Text(report), "text/plain; charset=utf-8", Encoding.UTF8);
        }

        if (string.Equals(format, "html", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Text(ReportRenderer.Html(report), "text/html; charset=utf-8", Encoding.UTF8);
        }

        return Results.Json(report, Json);
    }

    private static IResult Invalid(string field, string message) =>
        Results.Json(
            new { success = false, error = new { code = "VALIDATION_ERROR", message, details = new { issues = new[] { new { field, message } } } } },
            statusCode: StatusCodes.Status400BadRequest);
}
