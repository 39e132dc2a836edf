using System.Globalization;

namespace VNexsus.Rules.Disclosure;

/// <summary>
/// Calendar arithmetic of domain.md §8.3: a window "within N months/years" is [J − N, J], inclusive at both ends,
/// measured by calendar months or years (a missing day clamps to the month's last day: 2024-05-31 − 3 months =
/// 2024-02-29; 2024-02-29 − 1 year = 2023-02-28), never by fixed day counts.
/// </summary>
public static class DisclosureWindows
{
    public const string Unknown = "unknown";
    public const string BeforeJoin = "before_join";
    public const string AfterJoin = "after_join";

    public static DateOnly StartOf(WindowDefinition window, DateOnly joinDate) => window.Unit switch
    {
        "months" => joinDate.AddMonths(-window.Amount),
        "years" => joinDate.AddYears(-window.Amount),
        "days" => joinDate.AddDays(-window.Amount),
        _ => throw new InvalidDataException($"Unknown window unit '{window.Unit}'"),
    };

    /// <summary>The windows a date or period falls into, narrowest first; a period belongs to a window it overlaps.</summary>
    public static IReadOnlyList<string> Of(DateOnly start, DateOnly? end, DateOnly joinDate, IReadOnlyList<WindowDefinition> windows)
    {
        var last = end is { } e && e > start ? e : start;
        if (start > joinDate)
        {
            return [AfterJoin];
        }

        var inside = windows
            .Select(w => (w.Name, Start: StartOf(w, joinDate)))
            .Where(w => last >= w.Start)
            .OrderByDescending(w => w.Start)
            .Select(w => w.Name)
            .ToList();
        return inside.Count > 0 ? inside : [BeforeJoin];
    }

    /// <summary>Korean label of a window: 3개월 이내, 1년 이내, 5년 이내, 90일 이내.</summary>
    public static string Label(WindowDefinition window) => window.Unit switch
    {
        "months" => $"{window.Amount}개월 이내",
        "years" => $"{window.Amount}년 이내",
        _ => $"{window.Amount}일 이내",
    };

    public static string Display(DateOnly date) => date.ToString("yyyy.MM.dd", CultureInfo.InvariantCulture);
}
