using System.Globalization;
using System.Security.Claims;
using System.Text;
using VNexsus.Api.Auth;
using VNexsus.Api.Reports;
using VNexsus.Api.Upload;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Reliability;
using VNexsus.Retention;
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

    private static async Task<IResult> UploadAsync(HttpRequest request, UploadReader reader, IClusterClient cluster, DataDirectory data, ILoggerFactory loggers, CancellationToken cancellationToken)
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
                IReadOnlyList<ContractInput> contracts = [];
                var error = readError ?? Validate(batch, reader, out contracts);
                if (error is not null)
                {
                    logger.LogInformation("Upload refused with {Code} ({FilesReceived} files)", error.Code, batch.FilesReceived);
                    return error.ToResult();
                }

                var claim = await ClaimIdempotencyKeyAsync(request, cluster, tenantId, batch, contracts);
                if (claim?.Claim is { Reused: true, SameRequest: false })
                {
                    return new UploadError(StatusCodes.Status409Conflict, "CONFLICT", "이 Idempotency-Key는 다른 업로드에 이미 사용되었습니다.").ToResult();
                }

                // Starting a job is idempotent: a repeated key starts (or returns) the job it stood for.
                var jobId = claim?.Claim.JobId ?? Guid.NewGuid().ToString();
                var files = new List<JobFile>(batch.Files.Count);
                foreach (var file in batch.Files)
                {
                    // Held before the bytes are committed: a purge of another job with the same bytes cannot delete them in
                    // between. The hold reaches the disk here, in parallel with other uploads, not in the grain's turn.
                    await cluster.GetGrain<IOcrGrain>(file.Blob.Sha256).Hold(jobId);
                    HolderMarkers.OfDocument(data, file.Blob.Sha256).Flush(jobId);
                    file.Blob.Commit();
                    var kind = UploadValidator.KindOf(file.FileName, file.DeclaredType)!.Value;
                    files.Add(new JobFile(files.Count + 1, file.FileName, file.DeclaredType, new DocumentRef(file.Blob.Sha256, kind, file.Blob.Length)));
                }

                var job = await cluster.Grain<IJobGrain>(jobId).Start(new JobRequest(
                    files, contracts[0].JoinDate, tenantId, contracts[0].PolicyId, claim?.Key, contracts.Count > 1 ? contracts.ToList() : null));
                return Results.Json(OcrResponses.Accepted(job, claim?.Claim.Reused ?? false), statusCode: StatusCodes.Status202Accepted);
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
    private static async Task<IdempotencyKeyClaim?> ClaimIdempotencyKeyAsync(HttpRequest request, IClusterClient cluster, string tenantId, UploadBatch batch, IReadOnlyList<ContractInput> contracts)
    {
        if (request.Headers[IdempotencyKeyHeader].FirstOrDefault() is not { Length: > 0 } key)
        {
            return null;
        }

        var requestHash = ContentHash.Of(string.Join('\n', batch.Files.Select(f => $"{f.Blob.Sha256}\t{f.FileName}")) + ContractsHashText(contracts));
        var grainKey = ContentHash.Of($"{tenantId}\n{key}");
        var claim = await cluster.GetGrain<IUploadIdempotencyGrain>(grainKey).Claim(requestHash, Guid.NewGuid().ToString());
        return new IdempotencyKeyClaim(grainKey, claim);
    }

    /// <param name="Key">The idempotency grain's key (a hash of the header), kept with the job so a purge clears it.</param>
    private sealed record IdempotencyKeyClaim(string Key, IdempotencyClaim Claim);

    /// <summary>The review inputs as the idempotency hash saw them before contracts (one contract: its date, then its policy when chosen).</summary>
    private static string ContractsHashText(IReadOnlyList<ContractInput> contracts) =>
        string.Concat(contracts.Select((c, i) => (i == 0 ? "" : $"\ncontract={c.ContractId}") + $"\n{c.JoinDate:yyyy-MM-dd}" + (c.PolicyId is null ? "" : $"\n{c.PolicyId}")));

    private static UploadError? Validate(UploadBatch batch, UploadReader reader, out IReadOnlyList<ContractInput> contracts)
    {
        contracts = JobRequest.ReviewedContracts(null, null, null);
        if (UploadValidator.CheckFiles(batch, reader.Limits, reader.DocumentLimits) is { } refused)
        {
            return refused;
        }

        var (given, problem) = ContractsInput.Parse(batch.InsuranceJoinDate, batch.Policy, batch.Contracts);
        if (problem is not null)
        {
            return problem.Field switch
            {
                "insuranceJoinDate" => UploadError.InvalidJoinDate(),
                "policy" => UploadError.UnknownPolicy(),
                _ => UploadError.InvalidContracts(problem.Message),
            };
        }

        contracts = given ?? contracts;
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

    private static async Task<IResult> CancelAsync(string jobId, bool? purge, ClaimsPrincipal user, IClusterClient cluster, TimeProvider clock, FinishedResults finished, ILoggerFactory loggers)
    {
        if (purge == true)
        {
            if (await JobLookup.FindAsync(cluster, user.TenantId(), jobId) is null || !await cluster.GetGrain<IJobGrain>(jobId).Purge())
            {
                return JobNotFound();
            }

            finished.Forget(user.TenantId(), jobId);

            loggers.CreateLogger(typeof(OcrEndpoints)).LogInformation("Job {JobId} purged on request", jobId);
            return Results.Json(new { success = true, jobId, status = "purged", message = "작업과 업로드한 파일, 결과가 삭제되었습니다." });
        }

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
