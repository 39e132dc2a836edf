using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Vision;

namespace VNexsus.OcrTests;

public sealed class GrainRateGateTests
{
    [Fact]
    public async Task Each_wait_reserves_one_permit_from_the_services_grain_and_waits_what_it_says()
    {
        var (factory, fake) = FakeGrainFactory.Create();
        fake.Grain.Handler = (_, _) => Task.FromResult(TimeSpan.FromMilliseconds(250));
        var delays = new InstantDelays();
        var gate = new GrainRateGate(factory, "vision", 600, delays);

        await gate.WaitAsync(CancellationToken.None);
        await gate.WaitAsync(CancellationToken.None);

        Assert.Equal(["vision", "vision"], fake.Keys);
        Assert.Equal([(1, 600), (1, 600)], fake.Grain.Calls);
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)], delays.Delays);
    }

    [Fact]
    public async Task No_wait_means_no_timer()
    {
        var (factory, _) = FakeGrainFactory.Create();
        var delays = new InstantDelays();

        await new GrainRateGate(factory, "vision", 600, delays).WaitAsync(CancellationToken.None);

        Assert.Empty(delays.Delays);
    }

    [Fact]
    public async Task An_unreachable_limiter_is_a_transient_failure()
    {
        var (factory, fake) = FakeGrainFactory.Create();
        fake.Grain.Handler = (_, _) => Task.FromException<TimeSpan>(new TimeoutException("Response did not arrive on time."));

        var error = await Assert.ThrowsAsync<OcrEngineException>(
            () => new GrainRateGate(factory, "vision", 600, new InstantDelays()).WaitAsync(CancellationToken.None).AsTask());

        Assert.Equal(OcrFailureKind.Transient, error.Kind);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task A_cancelled_caller_is_not_admitted()
    {
        var (factory, fake) = FakeGrainFactory.Create();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new GrainRateGate(factory, "vision", 600, new InstantDelays()).WaitAsync(cancel.Token).AsTask());
        Assert.Empty(fake.Grain.Calls);
    }

    [Fact]
    public void A_budget_below_one_is_refused()
    {
        var (factory, _) = FakeGrainFactory.Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => new GrainRateGate(factory, "vision", 0, TimeProvider.System));
    }
}
