using VNexsus.Ocr;
using VNexsus.Rules;

namespace VNexsus.Jobs;

/// <summary>One upload, keyed by its job id: its files, their status, the analysis, progress and timestamps.</summary>
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records the job and asks each file's <see cref="IOcrGrain"/> to extract it; returns once every file is either
    /// served from the cache or under way. Calling it again returns the job as it stands.
    /// </summary>
    Task<JobSnapshot> Start(JobRequest request);

    /// <summary>The job as it stands, or null when no job has this id.</summary>
    Task<JobSnapshot?> GetSnapshot();

    /// <summary>
    /// Cancels the job unless it has finished, and withdraws it from the extractions it waits for (an extraction no
    /// other job waits for stops). Returns the job as it stands, or null when no job has this id.
    /// </summary>
    Task<JobSnapshot?> Cancel();

    /// <summary>
    /// Cancels the job if it runs and deletes it with everything it alone holds: documents no other job holds (blob,
    /// extraction, page images), analyses, its idempotency key and its state. Returns false when no job has this id.
    /// </summary>
    Task<bool> Purge();

    /// <summary>
    /// Analyses the job's readable files for the given contracts (the job's own, or others asked for by a report) and
    /// returns the analysis key, or null when no file is readable. The job holds the analysis until it is purged.
    /// </summary>
    Task<string?> Analyse(List<ContractInput> contracts);

    /// <summary>Called by an <see cref="IOcrGrain"/> when the extraction this job waits for has finished.</summary>
    Task FileExtracted(ExtractionNotice notice);

    /// <summary>Called by an <see cref="IOcrGrain"/> as the extraction this job waits for advances; passed on to the observers.</summary>
    [Orleans.Concurrency.OneWay]
    Task ExtractionProgressed(ExtractionProgress progress);

    /// <summary>Tells <paramref name="observer"/> the job after every state write until it unsubscribes or the subscription expires (renew it within a few minutes).</summary>
    Task Subscribe(IJobObserver observer);

    Task Unsubscribe(IJobObserver observer);
}
