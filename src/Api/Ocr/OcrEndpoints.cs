using System.Globalization;
using System.Text;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using VNexsus.Api.Upload;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Storage;

namespace VNexsus.Api.Ocr;

/// <summary>The v1-compatible OCR routes. Thin: validate, call a grain, shape the answer.</summary>
public static class OcrEndpoints
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

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
        try
        {
            var (batch, readError) = await reader.ReadAsync(request, cancellationToken);
            using (batch)
            {
                DateOnly? joinDate = null;
                var error = readError ?? Validate(batch, reader, out joinDate);
                if (error is not null)
                {
                    logger.LogInformation("Upload refused with {Code} ({FilesReceived} files)", error.Code, batch.FilesReceived);
                    return error.ToResult();
                }

                var claim = await ClaimIdempotencyKeyAsync(request, cluster, batch, joinDate);
                if (claim?.Claim is { Reused: true, SameRequest: false })
                {
                    return new UploadError(StatusCodes.Status409Conflict, "CONFLICT", "이 Idempotency-Key는 다른 업로드에 이미 사용되었습니다.").ToResult();
                }

                // Starting a job is idempotent: a repeated key starts (or returns) the job it stood for.
                var jobId = claim?.Claim.JobId ?? Guid.NewGuid().ToString();
                var files = new List<JobFile>(batch.Files.Count);
                foreach (var file in batch.Files)
                {
                    // Held before the bytes are committed: a purge of another job with the same bytes cannot delete them in between.
                    await cluster.GetGrain<IOcrGrain>(file.Blob.Sha256).Hold(jobId);
                    file.Blob.Commit();
                    var kind = UploadValidator.KindOf(file.FileName, file.DeclaredType)!.Value;
                    files.Add(new JobFile(files.Count + 1, file.FileName, file.DeclaredType, new DocumentRef(file.Blob.Sha256, kind, file.Blob.Length)));
                }

                var job = await cluster.GetGrain<IJobGrain>(jobId).Start(new JobRequest(files, joinDate, claim?.Key));
                return Results.Json(OcrResponses.Accepted(job, claim?.Claim.Reused ?? false), statusCode: StatusCodes.Status202Accepted);
            }
        }
        catch (Exception error) when (IsClusterUnavailable(error))
        {
            logger.LogWarning(error, "Upload refused: the cluster is unavailable");
            return Unavailable(request.HttpContext);
        }
        catch (Exception) when (request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-upload; nobody is left to answer.
            return Results.Empty;
        }
        catch (Exception error)
        {
            logger.LogError(error, "Upload failed");
            return UploadError.ServerError().ToResult();
        }
    }

    /// <summary>
    /// With an <c>Idempotency-Key</c> header the upload claims the key (stored only as a hash) for a new job id; a key
    /// used in the last 24 hours returns the job it stood for, or a conflict when the files or inputs differ.
    /// </summary>
    private static async Task<IdempotencyKeyClaim?> ClaimIdempotencyKeyAsync(HttpRequest request, IClusterClient cluster, UploadBatch batch, DateOnly? joinDate)
    {
        if (request.Headers[IdempotencyKeyHeader].FirstOrDefault() is not { Length: > 0 } key)
        {
            return null;
        }

        var requestHash = ContentHash.Of(string.Join('\n', batch.Files.Select(f => $"{f.Blob.Sha256}\t{f.FileName}")) + $"\n{joinDate:yyyy-MM-dd}");
        var grainKey = ContentHash.Of(key);
        var claim = await cluster.GetGrain<IUploadIdempotencyGrain>(grainKey).Claim(requestHash, Guid.NewGuid().ToString());
        return new IdempotencyKeyClaim(grainKey, claim);
    }

    /// <param name="Key">The idempotency grain's key (a hash of the header), kept with the job so a purge clears it.</param>
    private sealed record IdempotencyKeyClaim(string Key, IdempotencyClaim Claim);

    private static UploadError? Validate(UploadBatch batch, UploadReader reader, out DateOnly? joinDate)
    {
        joinDate = null;
        var limits = reader.Limits;
        if (batch.FilesReceived == 0)
        {
            return UploadError.NoFiles();
        }

        if (batch.FilesReceived > limits.MaxFiles)
        {
            return UploadError.TooManyFiles(batch.FilesReceived, limits.MaxFiles);
        }

        var problems = batch.Files.Select(f => (f, Problem: UploadValidator.Check(f.Received, limits))).ToList();
        if (problems.Where(p => p.Problem == FileProblem.InvalidType).Select(p => p.f.FileName).ToList() is { Count: > 0 } invalid)
        {
            return UploadError.InvalidFileType(invalid);
        }

        if (problems.Where(p => p.Problem == FileProblem.Empty).Select(p => p.f.FileName).ToList() is { Count: > 0 } empty)
        {
            return UploadError.EmptyFiles(empty);
        }

        if (problems.Where(p => p.Problem == FileProblem.Corrupt).Select(p => new CorruptFile(p.f.FileName, p.f.Blob.Length)).ToList() is { Count: > 0 } corrupt)
        {
            return UploadError.CorruptFiles(corrupt);
        }

        if (batch.InsuranceJoinDate is { Length: > 0 } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return UploadError.InvalidJoinDate();
            }

            joinDate = parsed;
        }

        return null;
    }

    private static async Task<IResult> StatusAsync(string jobId, IClusterClient cluster, TimeProvider clock)
    {
        if (await JobLookup.FindAsync(cluster, jobId) is not { } job)
        {
            return JobNotFound();
        }

        return Results.Json(OcrResponses.Status(job, clock.GetUtcNow()));
    }

    private static async Task<IResult> ResultAsync(string jobId, string? format, IClusterClient cluster, TimeProvider clock)
    {
        if (await JobLookup.FindAsync(cluster, jobId) is not { } job)
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
                await foreach (var page in cluster.GetGrain<IOcrGrain>(file.File.Document.Sha256).ReadPages())
                {
                    pages.Add(page);
                }
            }

            pagesByFile.Add(pages);
        }

        if (string.Equals(format, "text", StringComparison.OrdinalIgnoreCase))
        {
            return Results.File(Encoding.UTF8.GetBytes(OcrResponses.Text(job, pagesByFile)), "text/plain; charset=utf-8", $"ocr-result-{job.JobId}.txt");
        }

        var analysis = job.AnalysisKey is { } key ? await cluster.GetGrain<IRuleGrain>(key).GetResult() : null;
        return Results.Json(OcrResponses.Result(job, pagesByFile, analysis));
    }

    private static async Task<IResult> CancelAsync(string jobId, bool? purge, IClusterClient cluster, TimeProvider clock, ILoggerFactory loggers)
    {
        if (purge == true)
        {
            if (await JobLookup.FindAsync(cluster, jobId) is null || !await cluster.GetGrain<IJobGrain>(jobId).Purge())
            {
                return JobNotFound();
            }

            loggers.CreateLogger(typeof(OcrEndpoints)).LogInformation("Job {JobId} purged on request", jobId);
            return Results.Json(new { success = true, jobId, status = "purged", message = "작업과 업로드한 파일, 결과가 삭제되었습니다." });
        }

        if (await JobLookup.FindAsync(cluster, jobId) is null || await cluster.GetGrain<IJobGrain>(jobId).Cancel() is not { } job)
        {
            return JobNotFound();
        }

        return job.Status == JobStatus.Cancelled
            ? Results.Json(OcrResponses.Status(job, clock.GetUtcNow()))
            : new UploadError(StatusCodes.Status409Conflict, "CONFLICT", "이미 끝난 작업은 취소할 수 없습니다.").ToResult();
    }

    private static IResult JobNotFound() => JobLookup.NotFound();

    private static bool IsClusterUnavailable(Exception error) =>
        error is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException;

    private static IResult Unavailable(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "30";
        return UploadError.Unavailable().ToResult();
    }
}
