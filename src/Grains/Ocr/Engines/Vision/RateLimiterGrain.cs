namespace VNexsus.Ocr.Engines.Vision;

/// <summary>
/// One activation per service key holds that service's token bucket (see <see cref="TokenBucket"/>). The bucket lives
/// in memory only: an activation that is collected after idling has a full bucket anyway, and one lost with its silo
/// costs at most one extra burst.
/// </summary>
public sealed class RateLimiterGrain(TimeProvider clock) : Grain, IRateLimiterGrain
{
    private readonly TokenBucket _bucket = new(clock);

    public Task<TimeSpan> Acquire(int permits, int perMinute) => Task.FromResult(_bucket.Reserve(permits, perMinute));
}
