using VNexsus.Jobs;

namespace VNexsus.Api;

public static class JobLookup
{
    /// <summary>Job ids are UUIDs; anything else cannot name a job and must not activate a grain.</summary>
    public static async Task<JobSnapshot?> FindAsync(IClusterClient cluster, string jobId) =>
        Guid.TryParseExact(jobId, "D", out var id) && id.ToString() == jobId
            ? await cluster.GetGrain<IJobGrain>(jobId).GetSnapshot()
            : null;

    /// <summary>The v1 answer for an unknown job.</summary>
    public static IResult NotFound() =>
        Results.Json(new { error = "작업을 찾을 수 없습니다.", status = "error", code = "JOB_NOT_FOUND" }, statusCode: StatusCodes.Status404NotFound);
}
