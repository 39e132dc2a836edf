namespace VNexsus.Ocr;

/// <summary>
/// One document's OCR work as one silo sees it: the queue keys of its pages waiting for a slot there, its pages
/// holding a slot there, and, from the silo running its extraction, how many pages need OCR and how many are back.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.DocumentLoad")]
public sealed record DocumentLoad(
    [property: Id(0)] string Sha256,
    [property: Id(1)] IReadOnlyList<long> WaitingOrderKeys,
    [property: Id(2)] int Running,
    [property: Id(3)] int PagesToRecognize,
    [property: Id(4)] int PagesRecognized);

/// <summary>What one silo publishes every few seconds: its slots, its smoothed seconds per page, and its documents.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.SiloOcrLoad")]
public sealed record SiloOcrLoad(
    [property: Id(0)] string Silo,
    [property: Id(1)] int Slots,
    [property: Id(2)] double? PageSeconds,
    [property: Id(3)] IReadOnlyList<DocumentLoad> Documents);

/// <summary>
/// Where a job's remaining OCR work stands. <see cref="Queued"/>: pages wait and none has started yet;
/// <see cref="Position"/>: pages of other documents ahead of its first waiting page in the cluster-wide order;
/// <see cref="Remaining"/>: pages ahead (when queued) plus its own remaining pages over the measured cluster rate, or
/// null before any page was measured.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.WorkEstimate")]
public sealed record WorkEstimate(
    [property: Id(0)] bool Queued,
    [property: Id(1)] int Position,
    [property: Id(2)] int PagesRemaining,
    [property: Id(3)] double? PagesPerSecond,
    [property: Id(4)] TimeSpan? Remaining);

/// <summary>
/// The cluster's OCR load board (one activation, key <see cref="Key"/>): every silo publishes its
/// <see cref="SiloOcrLoad"/>; the status endpoint asks where a job's documents stand. Held in memory only: a lost
/// activation is refilled by the next round of publications.
/// </summary>
public interface IOcrLoadGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    Task Publish(SiloOcrLoad load);

    /// <summary>The estimate for the pending OCR work of these documents, or null when no silo reports any of them.</summary>
    Task<WorkEstimate?> Estimate(IReadOnlyList<string> documents);
}
