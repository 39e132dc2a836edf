using VNexsus.Ocr;
using VNexsus.Rules;

namespace VNexsus.Jobs;

/// <summary>A job's lifecycle: queued → processing → completed | partially_failed | failed | cancelled.</summary>
public enum JobStatus
{
    Queued,
    Processing,
    Completed,
    PartiallyFailed,
    Failed,
    Cancelled,
}

public static class JobStatuses
{
    public static bool IsTerminal(JobStatus status) =>
        status is JobStatus.Completed or JobStatus.PartiallyFailed or JobStatus.Failed or JobStatus.Cancelled;
}

public enum FileStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>One uploaded file: its original name and declared type, and the stored document it points to.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.JobFile")]
public sealed record JobFile(
    [property: Id(0)] int Order,
    [property: Id(1)] string FileName,
    [property: Id(2)] string MimeType,
    [property: Id(3)] DocumentRef Document);

/// <summary>
/// The files and review inputs of an upload, and the tenant it belongs to (null in jobs stored before tenants:
/// <see cref="Tenants.Local"/>); a null <see cref="PolicyId"/> means the configured default policy.
/// <see cref="InsuranceJoinDate"/> and <see cref="PolicyId"/> are the first contract's; <see cref="Contracts"/> lists
/// every contract when the upload named several (null: the one contract of those two fields).
/// </summary>
/// <param name="IdempotencyKey">The key of the <see cref="IUploadIdempotencyGrain"/> that stands for the job, if any (cleared with the job).</param>
[GenerateSerializer, Immutable, Alias("VNexsus.JobRequest")]
public sealed record JobRequest(
    [property: Id(0)] IReadOnlyList<JobFile> Files,
    [property: Id(1)] DateOnly? InsuranceJoinDate,
    [property: Id(2)] string? TenantId = null,
    [property: Id(3)] string? PolicyId = null,
    [property: Id(4)] string? IdempotencyKey = null,
    [property: Id(5)] List<ContractInput>? Contracts = null)
{
    public IReadOnlyList<ContractInput> ReviewedContracts() => ReviewedContracts(Contracts, InsuranceJoinDate, PolicyId);

    /// <summary>The contracts to review: the listed ones, else the single contract of the enrollment date and policy.</summary>
    public static IReadOnlyList<ContractInput> ReviewedContracts(IReadOnlyList<ContractInput>? contracts, DateOnly? joinDate, string? policyId) =>
        contracts is { Count: > 0 } ? contracts : [new ContractInput(ContractInput.FirstId, joinDate, policyId)];
}

public static class Tenants
{
    /// <summary>The one tenant of a deployment without API keys, and the owner of jobs stored before tenants existed.</summary>
    public const string Local = "local";
}

/// <summary>A file as the status and result endpoints show it; <see cref="Progress"/> while its extraction runs.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.JobFileSnapshot")]
public sealed record JobFileSnapshot(
    [property: Id(0)] JobFile File,
    [property: Id(1)] FileStatus Status,
    [property: Id(2)] bool FromCache,
    [property: Id(3)] ExtractionSummary? Extraction,
    [property: Id(4)] ExtractionProgress? Progress = null);

[GenerateSerializer, Immutable, Alias("VNexsus.JobSnapshot")]
public sealed record JobSnapshot(
    [property: Id(0)] string JobId,
    [property: Id(1)] JobStatus Status,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] DateTimeOffset? CompletedAt,
    [property: Id(4)] IReadOnlyList<JobFileSnapshot> Files,
    [property: Id(5)] DateOnly? InsuranceJoinDate,
    [property: Id(6)] string? AnalysisKey,
    [property: Id(7)] int EventCount,
    [property: Id(8)] string? Error,
    [property: Id(9)] string TenantId,
    [property: Id(10)] string? PolicyId = null,
    [property: Id(11)] IReadOnlyList<ContractInput>? Contracts = null)
{
    public IReadOnlyList<ContractInput> ReviewedContracts() => JobRequest.ReviewedContracts(Contracts, InsuranceJoinDate, PolicyId);

    public int ProcessedFiles => Files.Count(f => f.Status != FileStatus.Pending);

    public int FromCacheFiles => Files.Count(f => f.FromCache);

    public bool IsTerminal => JobStatuses.IsTerminal(Status);

    /// <summary>
    /// 10 at start, rising to 90 across files, 100 when the job is finished (seed plan). A file being OCR'd counts by
    /// its pages done, so a job of one long scan moves as its pages are read instead of resting at 10 for minutes.
    /// </summary>
    public int Progress => IsTerminal ? 100 : 10 + (Files.Count == 0 ? 0 : (int)(80 * Files.Sum(FileShareDone) / Files.Count));

    private static double FileShareDone(JobFileSnapshot file) => file switch
    {
        { Status: not FileStatus.Pending } => 1,
        { Progress: { Stage: ExtractionStage.Ocr, PagesTotal: > 0 } ocr } => (double)ocr.PagesDone / ocr.PagesTotal,
        _ => 0,
    };
}
