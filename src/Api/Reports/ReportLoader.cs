using System.Globalization;
using VNexsus.Jobs;
using VNexsus.Rules;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Reports;

/// <summary>
/// The report of a finished job, for the job's enrollment date and policy or for the ones given (another
/// rule-grain key; the OCR results are reused). Shared by the report and export endpoints; a problem comes back as the
/// answer to give instead.
/// </summary>
public static class ReportLoader
{
    public static async Task<(AnalysisReport? Report, IResult? Problem)> LoadAsync(
        IClusterClient cluster, string tenantId, string jobId, string? insuranceJoinDate, string? policy, DateTimeOffset now)
    {
        if (await JobLookup.FindAsync(cluster, tenantId, jobId) is not { } job)
        {
            return (null, JobLookup.NotFound());
        }

        if (!job.IsTerminal)
        {
            return (null, Results.Json(new { message = "아직 처리 중입니다.", status = "processing", progress = $"{job.ProcessedFiles}/{job.Files.Count}" }, statusCode: StatusCodes.Status202Accepted));
        }

        var joinDate = job.InsuranceJoinDate;
        if (insuranceJoinDate is { Length: > 0 })
        {
            if (!DateOnly.TryParseExact(insuranceJoinDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return (null, Invalid("insuranceJoinDate", "보험가입일은 yyyy-MM-dd 형식이어야 합니다."));
            }

            joinDate = parsed;
        }

        var policyId = string.IsNullOrWhiteSpace(policy) ? job.PolicyId : policy.Trim();
        if (policyId is not null && !Policies.Exists(policyId))
        {
            return (null, Invalid("policy", $"알 수 없는 고지 기간 정책입니다: {policyId}"));
        }

        // The job asks for the analysis, so it holds it and deletes it when purged.
        if (await cluster.GetGrain<IJobGrain>(job.JobId).Analyse(joinDate, policyId) is not { } key)
        {
            return (null, Results.Json(new { success = false, error = new { code = "CONFLICT", message = "분석할 수 있는 파일이 없습니다." } }, statusCode: StatusCodes.Status409Conflict));
        }

        var analysis = await cluster.GetGrain<IRuleGrain>(key).GetResult()
            ?? throw new InvalidOperationException("The analysis just made is missing from the data directory.");
        return (ReportBuilder.Build(analysis, job.JobId, now), null);
    }

    public static IResult Invalid(string field, string message) =>
        Results.Json(
            new { success = false, error = new { code = "VALIDATION_ERROR", message, details = new { issues = new[] { new { field, message } } } } },
            statusCode: StatusCodes.Status400BadRequest);
}
