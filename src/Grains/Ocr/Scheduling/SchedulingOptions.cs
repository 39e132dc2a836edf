namespace VNexsus.Ocr.Scheduling;

/// <summary>The seed plan's priority classes by upload size: small work first.</summary>
public enum UploadSizeClass
{
    /// <summary>Under <see cref="SchedulingOptions.SmallBelowBytes"/> (10 MB).</summary>
    Small,

    /// <summary>Under <see cref="SchedulingOptions.MediumBelowBytes"/> (50 MB).</summary>
    Medium,

    /// <summary>Everything larger.</summary>
    Large,
}

/// <summary>
/// The <c>VNexsus:Ocr:Scheduling</c> section: how pages waiting for an OCR slot are ordered, and how the measured
/// throughput is smoothed and published. The size that classifies a page is its document's size (README, "Scheduling").
/// </summary>
public sealed class SchedulingOptions
{
    public long SmallBelowBytes { get; set; } = 10L * 1024 * 1024;

    public long MediumBelowBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// How long a medium page yields to small work that arrives after it. Its place in the queue is its arrival time
    /// plus this, so it never waits behind small work for longer: the aging that rules out starvation.
    /// </summary>
    public TimeSpan MediumYield { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a large page yields to smaller work that arrives after it (see <see cref="MediumYield"/>).</summary>
    public TimeSpan LargeYield { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Weight of the newest page in the exponentially weighted page time (0–1; higher follows change faster).</summary>
    public double ThroughputSmoothing { get; set; } = 0.2;

    /// <summary>How often each silo publishes its queue and measured throughput for the status endpoint.</summary>
    public TimeSpan PublishPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a silo's publication counts: a silo silent for longer is taken for gone.</summary>
    public TimeSpan ReportLifetime => TimeSpan.FromTicks(Math.Max(5 * PublishPeriod.Ticks, TimeSpan.FromSeconds(3).Ticks));

    public UploadSizeClass ClassOf(long documentBytes) =>
        documentBytes < SmallBelowBytes ? UploadSizeClass.Small
        : documentBytes < MediumBelowBytes ? UploadSizeClass.Medium
        : UploadSizeClass.Large;

    public TimeSpan YieldOf(UploadSizeClass sizeClass) => sizeClass switch
    {
        UploadSizeClass.Small => TimeSpan.Zero,
        UploadSizeClass.Medium => MediumYield,
        _ => LargeYield,
    };

    /// <summary>The queue position key of a page of a document of this size arriving now: lower is served first.</summary>
    public long OrderKey(long documentBytes, DateTimeOffset arrival) => arrival.UtcTicks + YieldOf(ClassOf(documentBytes)).Ticks;

    /// <summary>Problems with these settings, each naming the key to fix.</summary>
    public IEnumerable<string> Problems()
    {
        if (SmallBelowBytes < 1 || MediumBelowBytes <= SmallBelowBytes)
        {
            yield return "VNexsus:Ocr:Scheduling:SmallBelowBytes must be positive and below MediumBelowBytes.";
        }

        if (MediumYield < TimeSpan.Zero || LargeYield < MediumYield)
        {
            yield return "VNexsus:Ocr:Scheduling:MediumYield must not be negative, and LargeYield must be at least MediumYield.";
        }

        if (ThroughputSmoothing is <= 0 or > 1)
        {
            yield return "VNexsus:Ocr:Scheduling:ThroughputSmoothing must be above 0 and at most 1.";
        }

        if (PublishPeriod <= TimeSpan.Zero)
        {
            yield return "VNexsus:Ocr:Scheduling:PublishPeriod must be positive.";
        }
    }
}
