using VNexsus.Ocr.Engines;
using VNexsus.Reliability;

namespace VNexsus.UnitTests.Reliability;

public sealed class RetryPolicyTests
{
    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public async Task Success_is_not_retried()
    {
        var notes = new List<RetryNote>();
        var calls = 0;

        var result = await RetryPolicy.Create(Fast, notes.Add).ExecuteAsync(_ => { calls++; return ValueTask.FromResult("success"); });

        Assert.Equal("success", result);
        Assert.Equal(1, calls);
        Assert.Empty(notes);
    }

    [Fact]
    public async Task A_temporary_error_is_retried()
    {
        var notes = new List<RetryNote>();
        var calls = 0;

        var result = await RetryPolicy.Create(Fast, notes.Add).ExecuteAsync(_ =>
            ++calls == 1 ? throw new Exception("ECONNRESET") : ValueTask.FromResult("success"));

        Assert.Equal("success", result);
        Assert.Equal(2, calls);
        Assert.Equal(ErrorClass.Temporary, Assert.Single(notes).Class);
    }

    [Fact]
    public async Task Temporary_errors_stop_after_the_last_attempt()
    {
        var calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(async () =>
            await RetryPolicy.Create(Fast, _ => { }).ExecuteAsync<string>(_ => { calls++; throw new TimeoutException(); }));

        Assert.Equal(Fast.MaxAttempts, calls);
    }

    [Fact]
    public async Task Invalid_input_is_never_retried()
    {
        var calls = 0;

        await Assert.ThrowsAsync<OcrEngineException>(async () =>
            await RetryPolicy.Create(Fast, _ => { }).ExecuteAsync<string>(_ => { calls++; throw new OcrEngineException(OcrFailureKind.InvalidInput, "bad page"); }));

        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task A_rate_limit_waits_for_the_servers_hint()
    {
        var notes = new List<RetryNote>();
        var hint = TimeSpan.FromMilliseconds(20);
        var calls = 0;

        await RetryPolicy.Create(Fast, notes.Add).ExecuteAsync(_ =>
            ++calls == 1 ? throw new OcrEngineException(OcrFailureKind.RateLimited, "429", hint) : ValueTask.FromResult(0));

        var note = Assert.Single(notes);
        Assert.Equal(ErrorClass.RateLimit, note.Class);
        Assert.Equal(hint, note.Delay);
    }
}
