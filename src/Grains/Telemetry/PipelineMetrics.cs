using System.Reflection;
using Prometheus;
using VNexsus.Jobs;
using VNexsus.Ocr;
using VNexsus.Reliability;

namespace VNexsus.Telemetry;

/// <summary>
/// The pipeline's Prometheus metrics. Labels are small closed sets (engine, file type, size class, outcome): never ids,
/// hashes, names or sizes, so the series count stays bounded and no label can carry personal data.
/// </summary>
public static class PipelineMetrics
{
    private static readonly Histogram OcrDuration = Metrics.CreateHistogram(
        "ocr_processing_duration_seconds",
        "Time to extract one document (text layer and OCR), by engine, file type and size class.",
        new HistogramConfiguration
        {
            LabelNames = ["engine", "file_type", "size_class"],
            Buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
        });

    private static readonly Counter OcrPages = Metrics.CreateCounter("ocr_pages_total", "Pages read, by engine (text_layer, direct_text, or the OCR engine profile).", "engine");

    private static readonly Counter CacheRequests = Metrics.CreateCounter("ocr_cache_requests_total", "Requests for a document's extraction: hit (kept result), joined (extraction under way), miss.", "result");

    private static readonly Gauge ActiveJobs = Metrics.CreateGauge("active_jobs", "Jobs being processed by this silo's job grains.");

    private static readonly Counter Jobs = Metrics.CreateCounter("jobs_total", "Jobs finished, by outcome.", "outcome");

    private static readonly Histogram RuleDuration = Metrics.CreateHistogram(
        "rule_processing_duration_seconds",
        "Time to run the rules over one job's documents.",
        new HistogramConfiguration { Buckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30] });

    private static readonly Counter FileErrors = Metrics.CreateCounter("ocr_file_errors_total", "Files that could not be extracted, by error code.", "code");

    private static readonly Counter Retries = Metrics.CreateCounter(
        "pipeline_retries_total", "Retries of a pipeline operation, by operation and error class (TEMPORARY, RATE_LIMIT).", "operation", "error_class");

    private static readonly Counter Errors = Metrics.CreateCounter(
        "pipeline_errors_total", "Pipeline operations that failed for good, by operation and error class.", "operation", "error_class");

    public const string OcrPageOperation = "ocr_page";
    public const string VisionRequestOperation = "vision_request";
    public const string ExtractionOperation = "extraction";

    static PipelineMetrics()
    {
        // Every known series from zero, so dashboards show 0 rather than no data and rate() sees the first error.
        foreach (var code in typeof(ExtractionErrors).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            FileErrors.WithLabels((string)code.GetRawConstantValue()!);
        }

        foreach (var errorClass in Enum.GetValues<ErrorClass>().Select(ErrorClassifier.Name))
        {
            foreach (var operation in new[] { OcrPageOperation, VisionRequestOperation })
            {
                Retries.WithLabels(operation, errorClass);
            }

            foreach (var operation in new[] { OcrPageOperation, ExtractionOperation })
            {
                Errors.WithLabels(operation, errorClass);
            }
        }
    }

    /// <summary>One of the operations above and an <see cref="ErrorClassifier.Name"/>: a closed set of label values.</summary>
    public static void Retry(string operation, string errorClass) => Retries.WithLabels(operation, errorClass).Inc();

    public static void Error(string operation, string errorClass) => Errors.WithLabels(operation, errorClass).Inc();

    public static void CacheRequest(string result) => CacheRequests.WithLabels(result).Inc();

    public static void Extracted(DocumentRef document, ExtractionSummary summary, IEnumerable<ExtractedPage> pages)
    {
        OcrDuration.WithLabels(summary.OcrProfile ?? "none", document.Kind.ToString().ToLowerInvariant(), SizeClass(document.Size)).Observe(summary.Duration.TotalSeconds);
        foreach (var group in pages.GroupBy(p => p.Source))
        {
            OcrPages.WithLabels(group.Key switch
            {
                PageTextSource.Ocr => summary.OcrProfile ?? "ocr",
                PageTextSource.TextLayer => "text_layer",
                PageTextSource.DirectText => "direct_text",
                _ => "none",
            }).Inc(group.Count());
        }

        if (!summary.Succeeded)
        {
            FileErrors.WithLabels(summary.ErrorCode ?? "unknown").Inc();
        }
    }

    public static void JobStarted() => ActiveJobs.Inc();

    public static void JobFinished(JobStatus outcome)
    {
        ActiveJobs.Dec();
        Jobs.WithLabels(outcome switch
        {
            JobStatus.Completed => "completed",
            JobStatus.PartiallyFailed => "partially_failed",
            _ => "failed",
        }).Inc();
    }

    public static IDisposable TimeRules() => RuleDuration.NewTimer();

    /// <summary>Bounded size classes instead of raw sizes: &lt; 1 MB, &lt; 10 MB, &lt; 50 MB, larger.</summary>
    public static string SizeClass(long bytes) => bytes switch
    {
        < 1L << 20 => "lt_1mb",
        < 10L << 20 => "lt_10mb",
        < 50L << 20 => "lt_50mb",
        _ => "ge_50mb",
    };
}
