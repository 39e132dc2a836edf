using VNexsus.Ocr.Scheduling;

namespace VNexsus.UnitTests.Ocr.Scheduling;

public sealed class OcrSlotQueueTests
{
    private const long Small = 1024 * 1024;
    private const long Medium = 20L * 1024 * 1024;
    private const long Large = 80L * 1024 * 1024;

    private readonly ManualClock _clock = new();
    private readonly SchedulingOptions _options = new();

    [Theory]
    [InlineData(10L * 1024 * 1024 - 1, UploadSizeClass.Small)]
    [InlineData(10L * 1024 * 1024, UploadSizeClass.Medium)]
    [InlineData(50L * 1024 * 1024 - 1, UploadSizeClass.Medium)]
    [InlineData(50L * 1024 * 1024, UploadSizeClass.Large)]
    public void Sizes_fall_into_the_plans_classes(long bytes, UploadSizeClass expected) =>
        Assert.Equal(expected, _options.ClassOf(bytes));

    [Fact]
    public async Task A_free_slot_is_granted_at_once_and_a_full_silo_makes_pages_wait()
    {
        var queue = new OcrSlotQueue(2, _options, _clock);

        var first = queue.AcquireAsync("a", Small, CancellationToken.None);
        var second = queue.AcquireAsync("b", Small, CancellationToken.None);
        var third = queue.AcquireAsync("c", Small, CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully && second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        (await first).Dispose();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Smaller_documents_go_first_and_equal_classes_keep_their_arrival_order()
    {
        var queue = new OcrSlotQueue(1, _options, _clock);
        var running = await queue.AcquireAsync("running", Small, CancellationToken.None);
        var large = queue.AcquireAsync("large", Large, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var medium = queue.AcquireAsync("medium", Medium, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var smallFirst = queue.AcquireAsync("small-1", Small, CancellationToken.None);
        var smallSecond = queue.AcquireAsync("small-2", Small, CancellationToken.None);

        var order = await DrainAsync(running, ("large", large), ("medium", medium), ("small-1", smallFirst), ("small-2", smallSecond));

        Assert.Equal(["small-1", "small-2", "medium", "large"], order);
    }

    [Fact]
    public async Task A_large_page_that_waited_longer_than_its_yield_goes_before_newer_small_ones()
    {
        var queue = new OcrSlotQueue(1, _options, _clock);
        var running = await queue.AcquireAsync("running", Small, CancellationToken.None);
        var large = queue.AcquireAsync("large", Large, CancellationToken.None);
        _clock.Advance(_options.LargeYield + TimeSpan.FromSeconds(1));
        var small = queue.AcquireAsync("small", Small, CancellationToken.None);

        var order = await DrainAsync(running, ("small", small), ("large", large));

        Assert.Equal(["large", "small"], order);
    }

    [Fact]
    public async Task A_cancelled_wait_leaves_the_queue_and_the_next_page_gets_the_slot()
    {
        var queue = new OcrSlotQueue(1, _options, _clock);
        var running = await queue.AcquireAsync("running", Small, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var withdrawn = queue.AcquireAsync("withdrawn", Small, cancel.Token);
        var next = queue.AcquireAsync("next", Small, CancellationToken.None);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        Assert.DoesNotContain("withdrawn", queue.Report().Keys);
        running.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        Assert.Empty(queue.Report());
    }

    [Fact]
    public async Task The_report_lists_waiting_order_keys_and_running_pages_per_document()
    {
        var queue = new OcrSlotQueue(1, _options, _clock);
        using var running = await queue.AcquireAsync("doc", Small, CancellationToken.None);
        _ = queue.AcquireAsync("doc", Small, CancellationToken.None);
        _ = queue.AcquireAsync("big", Large, CancellationToken.None);

        var report = queue.Report();

        Assert.Equal(1, report["doc"].Running);
        Assert.Equal([_clock.GetUtcNow().UtcTicks], report["doc"].WaitingOrderKeys);
        Assert.Equal([(_clock.GetUtcNow() + _options.LargeYield).UtcTicks], report["big"].WaitingOrderKeys);
        Assert.Equal(0, report["big"].Running);
    }

    [Fact]
    public async Task Slot_hold_times_feed_an_exponentially_weighted_page_time()
    {
        var queue = new OcrSlotQueue(1, new SchedulingOptions { ThroughputSmoothing = 0.5 }, _clock);
        Assert.Null(queue.Throughput.PageSeconds);

        using (await queue.AcquireAsync("a", Small, CancellationToken.None))
        {
            _clock.Advance(TimeSpan.FromSeconds(4));
        }

        Assert.Equal(4, queue.Throughput.PageSeconds);
        using (await queue.AcquireAsync("b", Small, CancellationToken.None))
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.Equal(3, queue.Throughput.PageSeconds);
    }

    /// <summary>Frees the running slot, then each granted one in turn, recording which document got each slot.</summary>
    private static async Task<List<string>> DrainAsync(IDisposable running, params (string Name, Task<IDisposable> Lease)[] waiting)
    {
        var order = new List<string>();
        var pending = waiting.ToList();
        running.Dispose();
        while (pending.Count > 0)
        {
            var granted = await Task.WhenAny(pending.Select(p => p.Lease)).WaitAsync(TimeSpan.FromSeconds(10));
            var entry = pending.Single(p => p.Lease == granted);
            pending.Remove(entry);
            order.Add(entry.Name);
            Assert.All(pending, p => Assert.False(p.Lease.IsCompleted));
            (await granted).Dispose();
        }

        return order;
    }
}
