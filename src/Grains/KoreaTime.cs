namespace VNexsus;

/// <summary>Dates in records are Korea Standard Time, which has no daylight saving.</summary>
public static class KoreaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
