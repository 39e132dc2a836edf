namespace VNexsus.Ocr.Engines;

/// <summary>
/// One page image to recognise. <see cref="Bytes"/> is an encoded image (JPEG, PNG or binary PGM, per
/// <see cref="MediaType"/>) whose pixel space is the one every returned bounding box uses.
/// </summary>
public sealed record PageImage(byte[] Bytes, string MediaType, int Width, int Height);

/// <summary>The text an engine read on one page: blocks in reading order, boxes in the image's pixels.</summary>
public sealed record RecognizedPage(int Width, int Height, IReadOnlyList<TextBlock> Blocks);

/// <summary>
/// An OCR engine. Implementations are plain classes, safe to call concurrently; they throw
/// <see cref="OcrEngineException"/> for failures a caller can act on (retry later, give up on the page).
/// </summary>
public interface IOcrEngine
{
    /// <summary>A short, stable name that identifies the engine and its settings (part of the OCR cache key).</summary>
    string Profile { get; }

    Task<RecognizedPage> RecognizeAsync(PageImage page, CancellationToken cancellationToken);
}

public enum OcrFailureKind
{
    /// <summary>Worth another try: a timeout, a dropped connection, a 5xx.</summary>
    Transient,

    /// <summary>The service asked us to slow down; <see cref="OcrEngineException.RetryAfter"/> says for how long when known.</summary>
    RateLimited,

    /// <summary>This page cannot be read by this engine; trying again gives the same answer.</summary>
    InvalidInput,

    /// <summary>The engine is misconfigured or unreachable for good (bad credentials, missing binary).</summary>
    Configuration,
}

public sealed class OcrEngineException(OcrFailureKind kind, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public OcrFailureKind Kind { get; } = kind;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
