using System.Globalization;
using System.Security.Claims;
using System.Text;
using VNexsus.Api.Auth;
using VNexsus.Api.Reports;
using VNexsus.Api.Upload;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Reliability;
using VNexsus.Rules;
using VNexsus.Storage;

namespace VNexsus.Api.Ocr;

/// <summary>The v1-compatible OCR routes. Thin: validate, call a grain, shape the answer.</summary>
public static class OcrEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    public const string UploadPath = "/api/ocr/upload";

    public static IEndpointRouteBuilder MapOcrEndpoints(this IEndpointRouteBuilder routes)
    {
        var ocr = routes.MapGroup("/api/ocr");
        ocr.MapPost("/upload", UploadAsync).DisableAntiforgery();
        ocr.MapGet("/status/{jobId}", StatusAsync);
        ocr.MapGet("/result/{jobId}", ResultAsync);
        ocr.MapDelete("/jobs/{jobId}", CancelAsync);
        return routes;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, UploadReader reader, IClusterClient cluster, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(OcrEndpoints));
        var tenantId = request.HttpContext.User.TenantId();
        if (request.ContentLength > reader.Limits.MaxRequestBytes)
        {
            // Refused on the declared length, before a byte of the body is read (v1: 400 FILE_TOO_LARGE).
            return UploadError.FileTooLarge(reader.Limits.MaxFileBytes).ToResult();
        }

        try
        {
            var (batch, readError) = await reader.ReadAsync(request, cancellationToken);
            using (batch)
            {
                DateOnly? joinDate = null;
                var error = readError ?? Validate(batch, reader, out joinDate);
                var policyId = string.IsNullOrEmpty(batch.Policy) ? null : batch.Policy;
                if (error is not null)
                {
                    logger.LogInformation("Upload refused with {Code} ({FilesReceived} files)", error.Code, batch.FilesReceived);
                    return error.ToResult();
                }

                var claim = await ClaimIdempotencyKeyAsync(request, cluster, tenantId, batch, joinDate, policyId);
                if (claim is { Reused: true, SameRequest: false })
                {
                    return new UploadError(StatusCodes.Status409Conflict, "CONFLICT", "이 Idempotency-Key는 다른 업로드에 이미 사용되었습니다.").ToResult();
                }

                var files = batch.Files.Select((file, index) =>
                {
                    file.Blob.Commit();
                    var kind = UploadValidator.KindOf(file.FileName, file.DeclaredType)!.Value;
                    return new JobFile(index + 1, file.FileName, file.DeclaredType, new DocumentRef(file.Blob.Sha256, kind, file.Blob.Length));
                }).ToList();
                // Starting a job is idempotent: a repeated key starts (or returns) the job it stood for.
                var jobId = claim?.JobId ?? Guid.NewGuid().ToString();
                var job = await cluster.Grain<IJobGrain>(jobId).Start(new JobRequest(files, joinDate, tenantId, policyId));
                return Results.Json(OcrResponses.Accepted(job, claim?.Reused ?? false), statusCode: StatusCodes.Status202Accepted);
            }
        }
        catch (Exception) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-upload; nobody is left to answer.
            return Results.Empty;
        }
        catch (Exception error) when (!ErrorClassifier.IsClusterUnavailable(error))
        {
            // A cluster that cannot be reached is answered 503 by ClusterUnavailableMiddleware.
            logger.LogError(error, "Upload failed");
            return UploadError.ServerError().ToResult();
        }
    }

    /// <summary>
    /// With an <c>Idempotency-Key</c> header the upload claims the key (stored only as a hash) for a new job id; a key
    /// used in the last 24 hours returns the job it stood for, or a conflict when the files or inputs differ. Keys are
    /// the tenant's own: the same key sent by two tenants names two claims.
    /// </summary>
    private static async Task<IdempotencyClaim?> ClaimIdempotencyKeyAsync(HttpRequest request, IClusterClient cluster, string tenantId, UploadBatch batch, DateOnly? joinDate, string? policyId)
    {
        if (request.Headers[IdempotencyKeyHeader].FirstOrDefault() is not { Length: > 0 } key)
        {
            return null;
        }

        var requestHash = ContentHash.Of(string.Join('\n', batch.Files.Select(f => $"{f.Blob.Sha256}\t{f.FileName}")) + $"\n{joinDate:yyyy-MM-dd}" + (policyId is null ? "" : $"\n{policyId}"));
        return await cluster.GetGrain<IUploadIdempotencyGrain>(ContentHash.Of($"{tenantId}\n{key}")).Claim(requestHash, Guid.NewGuid().ToString());
    }

    private static UploadError? Validate(UploadBatch batch, UploadReader reader, out DateOnly? joinDate)
    {
        joinDate = null;
        if (UploadValidator.CheckFiles(batch, reader.Limits, reader.DocumentLimits) is { } refused)
        {
            return refused;
        }

        if (batch.InsuranceJoinDate is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return UploadError.InvalidJoinDate();
            }

            joinDate = parsed;
        }

        if (batch.Policy is { Length: > 0 } policy && !Policies.Exists(policy))
        {
            return UploadError.UnknownPolicy();
        }

        return null;
    }

    private static async Task<IResult> StatusAsync(string jobId, ClaimsPrincipal user, IClusterClient cluster, TimeProvider clock)
    {
        if (await JobLookup.FindAsync(cluster, user.TenantId(), jobId) is not { } job)
        {
            return JobNotFound();
        }

        return Results.Json(OcrResponses.Status(job, clock.GetUtcNow(), await EstimateAsync(cluster, job)));
    }

    /// <summary>Where the job's pending OCR work stands on the cluster's load board; null when finished or nothing is known.</summary>
    private static async Task<WorkEstimate?> EstimateAsync(IClusterClient cluster, JobSnapshot job)
    {
        if (job.IsTerminal)
        {
            return null;
        }

        var pending = job.Files.Where(f => f.Status == FileStatus.Pending).Select(f => f.File.Document.Sha256).Distinct().ToList();
        if (pending.Count == 0)
        {
            return null;
        }

        try
        {
            return await cluster.GetGrain<IOcrLoadGrain>(IOcrLoadGrain.Key).Estimate(pending);
        }
        catch (Exception error) when (ErrorClassifier.IsClusterUnavailable(error))
        {
            // The board moves with its silo; the status still answers, with the upload-size estimate.
            return null;
        }
    }

    private static async Task<IResult> ResultAsync(string jobId, string? format, ClaimsPrincipal user, IClusterClient cluster, TimeProvider clock, FinishedResults finished)
    {
        var tenantId = user.TenantId();
        var asText = string.Equals(format, "text", StringComparison.OrdinalIgnoreCase);
        if (finished.Find(tenantId, jobId, asText) is { } kept)
        {
            return kept.ToResult();
        }

        if (await JobLookup.FindAsync(cluster, tenantId, jobId) is not { } job)
        {
            return JobNotFound();
        }

        if (job.Status is not (JobStatus.Completed or JobStatus.PartiallyFailed))
        {
            return Results.Json(OcrResponses.NotReady(job, clock.GetUtcNow()), statusCode: StatusCodes.Status202Accepted);
        }

        var pagesByFile = new List<IReadOnlyList<ExtractedPage>>(job.Files.Count);
        foreach (var file in job.Files)
        {
            var pages = new List<ExtractedPage>();
            if (file.Status == FileStatus.Done)
            {
                await foreach (var page in cluster.Grain<IOcrGrain>(file.File.Document.Sha256).ReadPages())
                {
                    pages.Add(page);
                }
            }

            pagesByFile.Add(pages);
        }

        if (asText)
        {
            return finished.KeepText(tenantId, jobId, Encoding.UTF8.GetBytes(OcrResponses.Text(job, pagesByFile)), $"ocr-result-{job.JobId}.txt").ToResult();
        }

        var analysis = job.AnalysisKey is { } key ? await cluster.Grain<IRuleGrain>(key).GetResult() : null;
        return finished.KeepJson(tenantId, jobId, OcrResponses.Result(job, pagesByFile, analysis)).ToResult();
    }

    private static async Task<IResult> CancelAsync(string jobId, ClaimsPrincipal user, IClusterClient cluster, TimeProvider clock)
    {
        if (await JobLookup.FindAsync(cluster, user.TenantId(), jobId) is null || await cluster.GetGrain<IJobGrain>(jobId).Cancel() is not { } job)
        {
            return JobNotFound();
        }

        return job.Status == JobStatus.Cancelled
            ? Results.Json(OcrResponses.Status(job, clock.GetUtcNow()))
            : new UploadError(StatusCodes.Status409Conflict, "CONFLICT", "이미 끝난 작업은 취소할 수 없습니다.").ToResult();
    }

    private static IResult JobNotFound() => JobLookup.NotFound();
}
