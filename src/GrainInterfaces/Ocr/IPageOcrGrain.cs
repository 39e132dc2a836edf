namespace VNexsus.Ocr;

/// <summary>The result of recognising one page, and where it ran (to see work spread over the cluster).</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.PageOcrResult")]
public sealed record PageOcrResult(
    [property: Id(0)] int PageNumber,
    [property: Id(1)] ExtractedPage? Page,
    [property: Id(2)] string? ErrorCode,
    [property: Id(3)] string? ErrorMessage,
    [property: Id(4)] string Silo,
    [property: Id(5)] TimeSpan Duration,
    [property: Id(6)] string EngineProfile);

/// <summary>
/// One page of one document, keyed <c>{sha256}/{page}</c>. Placed at random, not next to its caller, so the
/// pages of a scan spread over every silo; each silo bounds how many pages it recognises at once.
/// </summary>
public interface IPageOcrGrain : IGrainWithStringKey
{
    /// <summary>Renders and recognises the page. Bounded by the engine's page timeout, so a plain await is safe.</summary>
    [ResponseTimeout("00:10:00")]
    Task<PageOcrResult> Recognize(DocumentRef document, int page, CancellationToken cancellationToken = default);
}
