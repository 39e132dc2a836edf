namespace VNexsus.Ocr.Engines.Vision;

/// <summary>Admits requests to an external OCR service at the rate its quota allows; awaited before every request.</summary>
public interface IOcrRateGate
{
    /// <summary>Completes when one request may be sent. Throws <see cref="OcrEngineException"/> (Transient) when the
    /// gate itself is unavailable, or <see cref="OperationCanceledException"/> when cancelled.</summary>
    ValueTask WaitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A gate backed by the cluster-wide <see cref="IRateLimiterGrain"/> of one service, so every silo shares one budget.
/// Each request reserves one permit with one small grain call; the wait happens here, never inside the grain.
/// </summary>
public sealed class GrainRateGate(IGrainFactory grains, string service, int perMinute, TimeProvider clock) : IOcrRateGate
{
    public string Service { get; } = service;

    public int PerMinute { get; } = perMinute >= 1 ? perMinute : throw new ArgumentOutOfRangeException(nameof(perMinute));

    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        try
        {
            wait = await grains.GetGrain<IRateLimiterGrain>(Service).Acquire(1, PerMinute).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Orleans transport failures (silo gone, message timeout, rejection) are temporary (seed-plan: ErrorClassifier).
            throw new OcrEngineException(OcrFailureKind.Transient, $"The '{Service}' rate limiter could not be reached.", inner: e);
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }
}
