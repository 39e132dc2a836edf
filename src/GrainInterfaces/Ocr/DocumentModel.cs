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

/// <summary>The outcome of extracting one document, kept by its <see cref="IOcrGrain"/>; the text itself lives in the extraction store.</summary>
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
    [property: Id(10)] DateTimeOffset CompletedAt);

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

/// <summary>The text of one page (upload-order page number, 1-based), resident numbers already masked.</summary>
[GenerateSerializer, Immutable, Alias("VNexsus.PageText")]
public sealed record PageText(
    [property: Id(0)] int Page,
    [property: Id(1)] string Text);
