using VNexsus.Ocr.Engines.Vision;

namespace VNexsus.OcrTests;

/// <summary>The arithmetic behind <see cref="RateLimiterGrain"/>, on a clock that moves only when told.</summary>
public sealed class TokenBucketTests
{
    private readonly ManualClock _clock = new();

    [Fact]
    public void A_fresh_bucket_grants_one_seconds_burst_then_spaces_requests_evenly()
    {
        var bucket = new TokenBucket(_clock);

        var waits = Enumerable.Range(0, 13).Select(_ => bucket.Reserve(1, 600)).ToArray();

        Assert.All(waits.Take(10), w => Assert.Equal(TimeSpan.Zero, w));
        Assert.Equal(TimeSpan.FromMilliseconds(100), waits[10]);
        Assert.Equal(TimeSpan.FromMilliseconds(200), waits[11]);
        Assert.Equal(TimeSpan.FromMilliseconds(300), waits[12]);
    }

    [Fact]
    public void Tokens_refill_with_time_but_never_beyond_the_burst()
    {
        var bucket = new TokenBucket(_clock);
        for (var i = 0; i < 10; i++)
        {
            bucket.Reserve(1, 600);
        }

        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(5, bucket.Available(600), precision: 9);

        _clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(10, bucket.Available(600), precision: 9);
        Assert.Equal(TokenBucket.BurstFor(600), bucket.Available(600), precision: 9);
    }

    [Fact]
    public void A_batch_is_reserved_at_once_and_waits_for_its_last_token()
    {
        var bucket = new TokenBucket(_clock);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(10, 600));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(10, 600));
        Assert.Equal(TimeSpan.FromSeconds(2), bucket.Reserve(10, 600));
    }

    [Fact]
    public void A_crowd_arriving_at_once_is_admitted_at_the_budget_rate()
    {
        var bucket = new TokenBucket(_clock);

        var waits = Enumerable.Range(0, 2000).Select(_ => bucket.Reserve(1, 600)).ToArray();

        var inFirstMinute = waits.Count(w => w < TimeSpan.FromMinutes(1));
        Assert.InRange(inFirstMinute, 600, 600 + TokenBucket.BurstFor(600));
        Assert.Equal(waits.OrderBy(w => w), waits);
    }

    [Fact]
    public void Callers_that_honour_the_waits_never_exceed_the_budget_in_any_minute()
    {
        var bucket = new TokenBucket(_clock);
        var sent = new List<TimeSpan>();
        var now = TimeSpan.Zero;
        var random = new Random(1234);

        // Bursty callers: each step, a few requests arrive together; each one is sent when its wait ends.
        while (now < TimeSpan.FromMinutes(5))
        {
            for (var i = random.Next(0, 30); i > 0; i--)
            {
                sent.Add(now + bucket.Reserve(1, 120));
            }

            var step = TimeSpan.FromMilliseconds(random.Next(1, 2000));
            _clock.Advance(step);
            now += step;
        }

        sent.Sort();
        var limit = 120 + TokenBucket.BurstFor(120);
        for (var i = 0; i < sent.Count; i++)
        {
            var windowEnd = sent[i] + TimeSpan.FromMinutes(1);
            var inWindow = sent.Skip(i).TakeWhile(t => t < windowEnd).Count();
            Assert.True(inWindow <= limit, $"{inWindow} requests in the minute from {sent[i]}");
        }
    }

    [Fact]
    public void A_lower_budget_takes_effect_at_once()
    {
        var bucket = new TokenBucket(_clock);
        bucket.Reserve(1, 600);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(1, 60));
        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve(1, 60));
    }

    [Fact]
    public void A_small_budget_still_has_a_burst_of_one()
    {
        var bucket = new TokenBucket(_clock);

        Assert.Equal(TimeSpan.Zero, bucket.Reserve(1, 1));
        Assert.Equal(TimeSpan.FromMinutes(1), bucket.Reserve(1, 1));
    }

    [Theory]
    [InlineData(0, 600)]
    [InlineData(1, 0)]
    [InlineData(601, 600)]
    public void Nonsense_requests_are_refused(int permits, int perMinute)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBucket(_clock).Reserve(permits, perMinute));
    }
}
