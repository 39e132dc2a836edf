using System.Diagnostics;

namespace VNexsus.Telemetry;

/// <summary>
/// The pipeline's own spans (OpenTelemetry through <see cref="ActivitySource"/>): a document's extraction, its text
/// layer, each OCR page, the rules and the report. Like the metrics' labels, tags are closed sets and counts (kind,
/// size class, page number, engine, error code or class): never document text, file names, hashes or personal data.
/// </summary>
public static class PipelineTracing
{
    public const string SourceName = "VNexsus.Pipeline";

    public const string ExtractDocument = "ocr.extract_document";
    public const string TextLayer = "ocr.text_layer";
    public const string OcrPage = "ocr.page";
    public const string Rules = "rules.analyse";
    public const string Report = "report.build";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span as a child of the current one (null when nothing listens, so callers use <c>?.</c>).</summary>
    public static Activity? Start(string name) => Source.StartActivity(name, ActivityKind.Internal);

    /// <summary>Marks the span failed with the error's class, never its message (messages may quote the document).</summary>
    public static void Failed(this Activity? span, string errorClass)
    {
        span?.SetStatus(ActivityStatusCode.Error, errorClass);
        span?.SetTag("error.type", errorClass);
    }
}
