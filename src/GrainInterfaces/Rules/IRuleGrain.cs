namespace VNexsus.Rules;

/// <summary>
/// Runs the rules over extracted documents. Keyed by the hash of its <see cref="AnalysisRequest"/> (see
/// <c>AnalysisKey</c>), so the same inputs from any job reuse one analysis.
/// </summary>
public interface IRuleGrain : IGrainWithStringKey
{
    /// <summary>
    /// Analyses the request (or returns the kept result) for <paramref name="jobId"/>, which holds the result until it
    /// releases it, and returns the number of events found.
    /// </summary>
    Task<int> Analyse(AnalysisRequest request, string jobId);

    /// <summary>The job is purged; when no job holds the result any more it is deleted.</summary>
    Task Release(string jobId);

    /// <summary>
    /// The number of events of the kept result when it may be reused (current rule set, within the cache duration),
    /// held for <paramref name="jobId"/> from then on; null when the rules must still run.
    /// </summary>
    Task<int?> KeptEventCount(string jobId);

    /// <summary>The kept result, or null when this key was never analysed.</summary>
    Task<AnalysisResult?> GetResult();
}
