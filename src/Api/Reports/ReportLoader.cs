using VNexsus.Jobs;
using VNexsus.Rules;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Reports;

/// <summary>
/// The report of a finished job, for the job's contracts or for the ones given (<see cref="ContractsInput"/>; another
/// rule-grain key; the OCR results are reused). Shared by the report and export endpoints; a problem comes back as the
/// answer to give instead.
/// </summary>
public static class ReportLoader
{
    public static async Task<(AnalysisReport? Report, IResult? Problem)> LoadAsync(
        IClusterClient cluster, string tenantId, string jobId, string? insuranceJoinDate, string? policy, string? contracts, DateTimeOffset now)
    {
        if (await JobLookup.FindAsync(cluster, tenantId, jobId) is not { } job)
        {
            return (null, JobLookup.NotFound());
        }

        if (!job.IsTerminal)
        {
            return (null, Results.Json(new { message = "아직 처리 중입니다.", status = "processing", progress = $"{job.ProcessedFiles}/{job.Files.Count}" }, statusCode: StatusCodes.Status202Accepted));
        }

        var (given, problem) = ContractsInput.Parse(insuranceJoinDate, policy, contracts, job.ReviewedContracts()[0]);
        if (problem is not null)
        {
            return (null, Invalid(problem.Field, problem.Message));
        }

        // The job asks for the analysis, so it holds it and deletes it when purged.
        if (await cluster.GetGrain<IJobGrain>(job.JobId).Analyse([.. given ?? job.ReviewedContracts()]) is not { } key)
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
