namespace VNexsus.Ocr;

/// <summary>
/// One document, keyed by the lowercase hex SHA-256 of its bytes. It extracts the document once and keeps the result,
/// so it is both the OCR cache and the single flight for concurrent uploads of the same bytes.
/// </summary>
public interface IOcrGrain : IGrainWithStringKey
{
    /// <summary>
    /// Returns the cached summary when the document is done; otherwise registers <paramref name="jobId"/> as waiting,
    /// starts the extraction if none runs, and returns at once. The job is told through
    /// <see cref="Jobs.IJobGrain.FileExtracted"/>. Idempotent: calling it again for the same job is safe.
    /// </summary>
    Task<ExtractionTicket> Start(DocumentRef document, string jobId);

    /// <summary>
    /// Records that <paramref name="jobId"/> holds this document, before its upload commits the bytes, so a purge of
    /// another job cannot delete them in between. Start holds too.
    /// </summary>
    Task Hold(string jobId);

    /// <summary>
    /// The job is purged and holds this document no more. When no job holds it, the blob, extraction and page images
    /// are deleted and the grain's state cleared.
    /// </summary>
    Task Release(string jobId);

    /// <summary>
    /// The cached summary, as <see cref="Start"/> would return it, when the document is done and may be served; else
    /// null. Starts nothing (it only records the job as a holder, as the upload already did): a job asks before it is
    /// stored, so a job of cached files is written once.
    /// </summary>
    Task<ExtractionTicket?> Cached(string jobId);

    /// <summary>The job no longer waits; when no job waits any more, a running extraction is stopped.</summary>
    Task Withdraw(string jobId);

    /// <summary>The summary if extraction finished, else null.</summary>
    Task<ExtractionSummary?> GetSummary();

    /// <summary>The extracted pages (blocks with boxes) in order, streamed in batches so large documents never make a large message.</summary>
    IAsyncEnumerable<ExtractedPage> ReadPages();

    /// <summary>One extracted page (1-based), or null when there is no such page or the document is not extracted.</summary>
    Task<ExtractedPage?> GetPage(int page);
}
