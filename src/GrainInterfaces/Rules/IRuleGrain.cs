namespace VNexsus.Rules;

/// <summary>
/// Runs the rules over extracted documents. Keyed by the hash of its <see cref="AnalysisRequest"/> (see
/// <c>AnalysisKey</c>), so the same inputs from any job reuse one analysis.
/// </summary>
public interface IRuleGrain : IGrainWithStringKey
{
    /// <summary>Analyses the request (or returns the kept result) and returns the number of events found.</summary>
    Task<int> Analyse(AnalysisRequest request);

    /// <summary>The number of events of the kept result of the current rule set, or null when the rules must still run.</summary>
    Task<int?> KeptEventCount();

    /// <summary>The kept result, or null when this key was never analysed.</summary>
    Task<AnalysisResult?> GetResult();
}
