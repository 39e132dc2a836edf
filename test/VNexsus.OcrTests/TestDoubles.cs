using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VNexsus.Ocr;
using VNexsus.Ocr.Engines;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Engines.Vision;
using VNexsus.Ocr.Rendering;

namespace VNexsus.OcrTests;

/// <summary>
/// A clock whose timers fire at once: retry and rate-gate waits take no real time, and the waits that were asked for
/// are recorded so tests can check them.
/// </summary>
public sealed class InstantDelays : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _delays = new();

    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _delays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new SpentTimer();
    }

    private sealed class SpentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}

/// <summary>A monotonic clock that moves only when told.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks = TimeSpan.FromHours(1).Ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>Counts the engine's waits; <see cref="Behaviour"/> can hold or fail them.</summary>
public sealed class CountingRateGate : IOcrRateGate
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Func<CancellationToken, ValueTask>? Behaviour { get; set; }

    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Behaviour?.Invoke(cancellationToken) ?? ValueTask.CompletedTask;
    }
}

public sealed class FixedTokenSource(string token) : IVisionAccessTokenSource
{
    public Task<string> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}

/// <summary>Keeps every formatted log line and exception text, so tests can check nothing sensitive was logged.</summary>
public sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
}

/// <summary>An in-memory <see cref="IRateLimiterGrain"/> that records its calls.</summary>
public sealed class FakeLimiterGrain : IRateLimiterGrain
{
    private readonly ConcurrentQueue<(int Permits, int PerMinute)> _calls = new();

    public IReadOnlyList<(int Permits, int PerMinute)> Calls => [.. _calls];

    public Func<int, int, Task<TimeSpan>> Handler { get; set; } = (_, _) => Task.FromResult(TimeSpan.Zero);

    public Task<TimeSpan> Acquire(int permits, int perMinute)
    {
        _calls.Enqueue((permits, perMinute));
        return Handler(permits, perMinute);
    }
}

/// <summary>
/// An <see cref="IGrainFactory"/> that only knows <see cref="IRateLimiterGrain"/>: enough for <see cref="GrainRateGate"/>
/// without standing up a cluster.
/// </summary>
public class FakeGrainFactory : DispatchProxy
{
    private readonly ConcurrentQueue<string> _keys = new();

    public FakeLimiterGrain Grain { get; private set; } = new();

    public IReadOnlyList<string> Keys => [.. _keys];

    public static (IGrainFactory Factory, FakeGrainFactory Fake) Create(FakeLimiterGrain? grain = null)
    {
        var factory = Create<IGrainFactory, FakeGrainFactory>();
        var fake = (FakeGrainFactory)(object)factory;
        fake.Grain = grain ?? new FakeLimiterGrain();
        return (factory, fake);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true }
            && targetMethod.GetGenericArguments()[0] == typeof(IRateLimiterGrain)
            && args is [string key, ..])
        {
            _keys.Enqueue(key);
            return Grain;
        }

        throw new NotSupportedException($"The fake grain factory does not support {targetMethod}.");
    }
}

/// <summary>The scanned pages kept in <c>Fixtures</c> beside the tests (synthetic records).</summary>
public static class FixturePages
{
    public static PageImage Jpeg(string name, [CallerFilePath] string source = "")
    {
        var bytes = File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name));
        var size = ImageHeader.SizeOf(bytes, ImageHeader.Jpeg)!.Value;
        return new PageImage(bytes, ImageHeader.Jpeg, size.Width, size.Height);
    }

    /// <summary>A fixture read by the engine without one of its passes (<paramref name="without"/>), then with every pass.</summary>
    public static async Task<(RecognizedPage Without, RecognizedPage With)> ReadWithoutAndWith(string name, TesseractOptions without, [CallerFilePath] string source = "")
    {
        var image = Jpeg(name, source);
        using var withPass = new TesseractEngine(Options.Create(new TesseractOptions()));
        using var withoutPass = new TesseractEngine(Options.Create(without));
        return (await withoutPass.RecognizeAsync(image, CancellationToken.None), await withPass.RecognizeAsync(image, CancellationToken.None));
    }
}

public static class TsvLine
{
    /// <summary>One line of words 30 px apart, glued to the one before unless the text starts with a space.</summary>
    public static TesseractTsv.Word[] Of(string[] texts) =>
        texts.Select((text, i) => new TesseractTsv.Word(1, 1, 1, 20 + (30 * i), 40, 28, 30, 90, text.TrimStart()) { SpaceBefore = i > 0 && text.StartsWith(' ') }).ToArray();
}
