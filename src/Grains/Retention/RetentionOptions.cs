namespace VNexsus.Retention;

/// <summary>The <c>VNexsus:Retention</c> configuration section: how long a job and everything it uploaded are kept.</summary>
public sealed class RetentionOptions
{
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaximumPeriod = TimeSpan.FromDays(3650);

    /// <summary>
    /// From a job's creation to the purge of its data: the job, its report and analyses, and each uploaded document
    /// (blob, extraction, page images) that no other live job holds.
    /// </summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromDays(30);

    public bool IsValid => Period >= MinimumPeriod && Period <= MaximumPeriod;
}
