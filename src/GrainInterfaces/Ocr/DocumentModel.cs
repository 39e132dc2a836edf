namespace VNexsus.Ocr;

/// <summary>What kind of document the bytes are, decided at upload from the declared type, extension and magic bytes.</summary>
public enum DocumentKind
{
    Pdf,
    Png,
    Jpeg,
    Text,
}

/// <summary>A stored document: its content hash is both its blob key and the key of its <see cref="IOcrGrain"/>.</summary>
/// <remarks>Bytes never travel in grain messages (orleans.md §3.3); grains open the blob by hash.</remarks>
[GenerateSerializer, Immutable, Alias("VNexsus.DocumentRef")]
public sealed record DocumentRef(
    [property: Id(0)] string Sha256,
    [property: Id(1)] DocumentKind Kind,
    [property: Id(2)] long Size);

/// <summary>How the text of a file was obtained (v1 contract names).</summary>
public enum TextSource
{
    None,
    DirectText,
    PdfParseOnly,
    PdfParseWithOcr,
    OcrOnly,
}

/// <summary>One step of a file's processing as reported in <c>processingSteps</c>.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ProcessingStep")]
public sealed record ProcessingStep(
    [property: Id(0)] string Step,
    [property: Id(1)] string Status,
    [property: Id(2)] string Message,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] TimeSpan Duration);

/// <summary>
/// The outcome of extracting one document, kept by its <see cref="IOcrGrain"/>; the text itself lives in the extraction
/// store. <see cref="OcrProfile"/> names the engine settings used when pages needed OCR (part of the cache identity);
/// <see cref="OcrSilos"/> the silos that recognised them.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExtractionSummary")]
public sealed record ExtractionSummary(
    [property: Id(0)] string Sha256,
    [property: Id(1)] bool Succeeded,
    [property: Id(2)] int PageCount,
    [property: Id(3)] bool IsScannedPdf,
    [property: Id(4)] TextSource TextSource,
    [property: Id(5)] int TextLength,
    [property: Id(6)] IReadOnlyList<ProcessingStep> Steps,
    [property: Id(7)] string? ErrorCode,
    [property: Id(8)] string? ErrorMessage,
    [property: Id(9)] TimeSpan Duration,
    [property: Id(10)] DateTimeOffset CompletedAt,
    [property: Id(11)] string? OcrProfile,
    [property: Id(12)] IReadOnlyList<string> OcrSilos);

/// <summary>The answer to <see cref="IOcrGrain.Start"/>: the cached summary when the document is already extracted.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExtractionTicket")]
public sealed record ExtractionTicket(
    [property: Id(0)] ExtractionSummary? Completed,
    [property: Id(1)] bool FromCache);

/// <summary>Sent to every waiting job when an extraction finishes.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExtractionNotice")]
public sealed record ExtractionNotice(
    [property: Id(0)] ExtractionSummary Summary,
    [property: Id(1)] bool FromCache);

/// <summary>Where a running extraction is: reading the text layer, then recognising the pages that need OCR.</summary>
public enum ExtractionStage
{
    TextLayer,
    Ocr,
}

/// <summary>
/// Told to every job waiting for a running extraction as it advances (live progress only, never stored):
/// <see cref="PagesDone"/> of <see cref="PagesTotal"/> pages needing OCR are recognised.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExtractionProgress")]
public sealed record ExtractionProgress(
    [property: Id(0)] string Sha256,
    [property: Id(1)] ExtractionStage Stage,
    [property: Id(2)] int PagesDone,
    [property: Id(3)] int PagesTotal);

/// <summary>A rectangle in the page's own units (pixels for OCR, PDF points for a text layer), origin top-left.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.BoundingBox")]
public sealed record BoundingBox(
    [property: Id(0)] double XMin,
    [property: Id(1)] double YMin,
    [property: Id(2)] double XMax,
    [property: Id(3)] double YMax);

/// <summary>
/// A unit of text with where it sits on the page (a text-layer line, an OCR paragraph); resident numbers masked.
/// <see cref="Corrections"/> lists every token the OCR stage changed after the first reading (null or empty: none),
/// so evidence shows what the engine saw as well as what the text says.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.TextBlock")]
public sealed record TextBlock(
    [property: Id(0)] int Index,
    [property: Id(1)] string Text,
    [property: Id(2)] BoundingBox? Box,
    [property: Id(3)] double Confidence,
    [property: Id(4)] IReadOnlyList<TextCorrection>? Corrections = null);

/// <summary>
/// One token of a block changed after OCR: what the first reading said, what the text says now, why (for example
/// <c>kcd-second-pass</c>: a second recognition of the token's image region, restricted to Latin capitals, digits and
/// dots, read a well-formed KCD code), and where the token is on the page.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.TextCorrection")]
public sealed record TextCorrection(
    [property: Id(0)] string Original,
    [property: Id(1)] string Corrected,
    [property: Id(2)] string Reason,
    [property: Id(3)] BoundingBox? Box);

public enum PageTextSource
{
    TextLayer,
    Ocr,
    DirectText,
    None,
}

/// <summary>
/// One upload-order page (1-based) with its blocks in reading order and its size in the blocks' units.
/// <see cref="NeedsOcrReason"/> says why its text layer was not used.
/// </summary>
[GenerateSerializer, Immutable, Alias("VNexsus.ExtractedPage")]
public sealed record ExtractedPage(
    [property: Id(0)] int Page,
    [property: Id(1)] double Width,
    [property: Id(2)] double Height,
    [property: Id(3)] PageTextSource Source,
    [property: Id(4)] IReadOnlyList<TextBlock> Blocks,
    [property: Id(5)] string? NeedsOcrReason)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Text => string.Join('\n', Blocks.Select(b => b.Text));
}
