namespace VNexsus.Ocr;

/// <summary>
/// A cluster-wide token bucket for one external service, keyed by the service's name (for example <c>"vision"</c>),
/// so that every silo draws on one budget. The grain never waits: it reserves permits and says how long the caller
/// must wait before using them.
/// </summary>
public interface IRateLimiterGrain : IGrainWithStringKey
{
    /// <summary>
    /// Reserves <paramref name="permits"/> permits (1 ≤ permits ≤ perMinute) against a budget of
    /// <paramref name="perMinute"/> requests per minute and returns how long the caller must wait before using them
    /// (<see cref="TimeSpan.Zero"/> when they can be used now). A reservation is never given back: a caller that
    /// gives up simply leaves its permits unused.
    /// </summary>
    Task<TimeSpan> Acquire(int permits, int perMinute);
}
