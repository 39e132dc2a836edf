using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Inspection;
using VNexsus.Ocr.Scheduling;
using VNexsus.Reliability;

namespace VNexsus.Ocr;

public enum OcrEngineChoice
{
    /// <summary>Scanned pages fail with "no OCR engine configured"; text layers and text files still work.</summary>
    None,

    /// <summary>Debian's Tesseract on every silo: the offline default, records never leave the machine.</summary>
    Tesseract,

    /// <summary>Google Cloud Vision over its REST API.</summary>
    Vision,
}

/// <summary>The <c>VNexsus:Ocr</c> configuration section (<c>VNexsus:Ocr:Tesseract</c> for the local engine's settings).</summary>
public sealed class OcrOptions
{
    public OcrEngineChoice Engine { get; set; } = OcrEngineChoice.Tesseract;

    /// <summary>Pages recognised at once on one silo; OCR is CPU-bound, so one per core (0 = the core count).</summary>
    public int MaxConcurrentPagesPerSilo { get; set; }

    /// <summary>Pages of one document out for recognition at once, across the cluster.</summary>
    public int MaxPagesInFlightPerDocument { get; set; } = 32;

    /// <summary>How long an extraction is served from the cache before the document is read again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromHours(24);

    public TesseractOptions Tesseract { get; set; } = new();

    /// <summary>The order in which pages wait for a slot, and the throughput estimate (<c>VNexsus:Ocr:Scheduling</c>).</summary>
    public SchedulingOptions Scheduling { get; set; } = new();

    /// <summary>What one document may cost to read (<c>VNexsus:Ocr:Limits</c>).</summary>
    public DocumentLimits Limits { get; set; } = new();

    /// <summary>Retries of page recognition by error class (<c>VNexsus:Ocr:Retry</c>).</summary>
    public RetryOptions Retry { get; set; } = new();

    public int EffectiveConcurrentPages => MaxConcurrentPagesPerSilo > 0 ? MaxConcurrentPagesPerSilo : Environment.ProcessorCount;
}
