namespace VNexsus.Ocr.Scheduling;

/// <summary>
/// An exponentially weighted mean of how long a page holds an OCR slot. With every slot busy (the only time work
/// waits) a silo recognises <c>slots / mean page time</c> pages a second.
/// </summary>
public sealed class ThroughputMeter(double smoothing)
{
    private readonly Lock _lock = new();
    private double? _pageSeconds;

    /// <summary>The smoothed seconds per page, or null before the first page finished.</summary>
    public double? PageSeconds
    {
        get
        {
            lock (_lock)
            {
                return _pageSeconds;
            }
        }
    }

    public void Record(TimeSpan pageTime)
    {
        var seconds = Math.Max(pageTime.TotalSeconds, 0.001);
        lock (_lock)
        {
            _pageSeconds = _pageSeconds is { } mean ? mean + smoothing * (seconds - mean) : seconds;
        }
    }
}
