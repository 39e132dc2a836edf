using VNexsus.Jobs;

namespace VNexsus.Api;

public static class JobLookup
{
    /// <summary>
    /// The job, when <paramref name="jobId"/> names one of <paramref name="tenantId"/>'s jobs. Another tenant's job is
    /// answered exactly like a job that does not exist, so an id reveals nothing to anyone but its owner. Job ids are
    /// UUIDs; anything else cannot name a job and must not activate a grain.
    /// </summary>
    public static async Task<JobSnapshot?> FindAsync(IClusterClient cluster, string tenantId, string jobId) =>
        Guid.TryParseExact(jobId, "D", out var id) && id.ToString() == jobId
        && await cluster.Grain<IJobGrain>(jobId).GetSnapshot() is { } job && job.TenantId == tenantId
            ? job
            : null;

    /// <summary>The v1 answer for an unknown job (or another tenant's).</summary>
    public static IResult NotFound() =>
        Results.Json(new { error = "작업을 찾을 수 없습니다.", status = "error", code = "JOB_NOT_FOUND" }, statusCode: StatusCodes.Status404NotFound);
}
