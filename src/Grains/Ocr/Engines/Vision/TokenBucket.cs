namespace VNexsus.Ocr.Engines.Vision;

/// <summary>
/// The arithmetic of <see cref="RateLimiterGrain"/>: a token bucket that refills at <c>perMinute / 60</c> tokens a second
/// and holds at most <see cref="BurstFor"/> tokens (one second's worth). A reservation may drive the bucket below zero;
/// the debt is the queue, and the returned wait is how long until the reserved tokens have been refilled. In any
/// 60-second window callers that honour the waits send at most <c>perMinute + BurstFor(perMinute)</c> requests.
/// Not thread-safe: the grain's single-threaded turns serialise it.
/// </summary>
public sealed class TokenBucket(TimeProvider clock)
{
    private double _tokens;
    private long _stamp;
    private bool _started;

    /// <summary>The tokens available now (negative while reservations wait), after refilling.</summary>
    public double Available(int perMinute)
    {
        Refill(perMinute, clock.GetTimestamp());
        return _tokens;
    }

    /// <summary>Reserves <paramref name="permits"/> tokens and returns how long the caller must wait before using them.</summary>
    public TimeSpan Reserve(int permits, int perMinute)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(permits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permits, perMinute);
        Refill(perMinute, clock.GetTimestamp());
        _tokens -= permits;
        return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens * 60.0 / perMinute);
    }

    /// <summary>The bucket's capacity: one second's worth of requests, at least one.</summary>
    public static int BurstFor(int perMinute) => Math.Max(1, perMinute / 60);

    private void Refill(int perMinute, long now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        var capacity = BurstFor(perMinute);
        if (!_started)
        {
            _tokens = capacity;
            _started = true;
        }
        else
        {
            var elapsed = clock.GetElapsedTime(_stamp, now).TotalSeconds;
            _tokens = Math.Min(capacity, _tokens + Math.Max(0, elapsed) * perMinute / 60.0);
        }

        _stamp = now;
    }
}
