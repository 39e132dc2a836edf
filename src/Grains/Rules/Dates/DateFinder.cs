using System.Globalization;
using System.Text.RegularExpressions;

namespace VNexsus.Rules.Dates;

/// <summary>A date found in a line, with the character span it came from.</summary>
public sealed record DateMatch(int Start, int Length, FoundDate Date);

/// <summary>
/// Finds the dates of domain.md §6.1 in one line of text: numeric dates with any of <c>- . /</c> (spaced or not,
/// trailing dot allowed), two-digit years, compact <c>YYYYMMDD</c> beside a clinical label, Korean 년월일 (or 年月日), month-day
/// forms (year inherited from the previous full date of the file), <c>MM/DD/YYYY</c>, month precision, times, and
/// ranges <c>A~B</c> as periods. Relative expressions (오늘, 3일 전) are not resolved. Stateless except for the year
/// that month-day forms inherit, which the caller passes in reading order.
/// </summary>
public static partial class DateFinder
{
    /// <summary>Two-digit years at or above this pivot are 19YY, below it 20YY (domain.md §6.1).</summary>
    public const int TwoDigitYearPivot = 50;

    public const int MinimumYear = 1900;

    /// <summary>Year stored in a month-day date whose year could not be inherited; a leap year, so 2월 29일 survives.</summary>
    public const int UnresolvedYear = 4;

    private enum Shape
    {
        Full,
        MonthOnly,
        MonthDay,
    }

    private sealed record Candidate(int Start, int Length, Shape Shape, int Year, int Month, int Day, string Format);

    /// <param name="line">One line (block) of text.</param>
    /// <param name="inheritedYear">Year of the nearest preceding full date in the same file, for month-day forms.</param>
    /// <param name="today">The current date; years after next year are not medical dates (OCR digit errors, expiry dates).</param>
    public static IReadOnlyList<DateMatch> Find(string line, int? inheritedYear, DateOnly today)
    {
        var candidates = NonOverlapping(AllCandidates(line));
        var found = new List<DateMatch>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            var date = ToDate(candidate, inheritedYear, today, out var yearUnresolved);
            if (date is null)
            {
                continue;
            }

            if (candidate.Shape == Shape.Full)
            {
                inheritedYear = date.Value.Year;
            }

            var end = candidate.Start + candidate.Length;
            DateOnly? periodEnd = null;
            if (TryReadRangeEnd(line, end, candidates, i, date.Value, today, out var rangeEnd, out var rangeEndIndex, out var consumed))
            {
                periodEnd = rangeEnd;
                end = rangeEndIndex;
                i += consumed;
            }

            var time = periodEnd is null ? ReadTime(line, ref end) : null;
            var precision = candidate.Shape == Shape.MonthOnly ? DatePrecision.Month : DatePrecision.Day;
            var raw = line[candidate.Start..end].Trim();
            found.Add(new DateMatch(candidate.Start, end - candidate.Start, new FoundDate(date.Value, precision, periodEnd, time, raw, yearUnresolved)));
        }

        return found;
    }

    private static IEnumerable<Candidate> AllCandidates(string line)
    {
        foreach (Match m in NumericFullYear().Matches(line))
        {
            yield return Numeric(m, Year(m), "numeric");
        }

        foreach (Match m in NumericTwoDigitYear().Matches(line))
        {
            yield return Numeric(m, ExpandTwoDigitYear(Year(m)), "numeric_yy");
        }

        foreach (Match m in Compact().Matches(line))
        {
            if (IsClinicallyLabelled(line, m.Index))
            {
                yield return Numeric(m, Year(m), "compact");
            }
        }

        foreach (Match m in KoreanFull().Matches(line))
        {
            var year = Year(m);
            yield return Numeric(m, m.Groups["y"].Length == 2 ? ExpandTwoDigitYear(year) : year, "korean");
        }

        foreach (Match m in KoreanYearMarkMisread().Matches(line))
        {
            yield return Numeric(m, Year(m), "korean_year_misread");
        }

        foreach (Match m in MonthDayYearUs().Matches(line))
        {
            yield return Numeric(m, Year(m), "us");
        }

        foreach (Match m in KoreanMonth().Matches(line))
        {
            yield return new Candidate(m.Index, m.Length, Shape.MonthOnly, Year(m), Int(m, "m"), 1, "korean_month");
        }

        foreach (Match m in NumericMonth().Matches(line))
        {
            yield return new Candidate(m.Index, m.Length, Shape.MonthOnly, Year(m), Int(m, "m"), 1, "numeric_month");
        }

        foreach (Match m in KoreanMonthDay().Matches(line))
        {
            yield return new Candidate(m.Index, m.Length, Shape.MonthDay, 0, Int(m, "m"), Int(m, "d"), "korean_month_day");
        }
    }

    /// <summary>Keeps, left to right, the longest candidate at each position and drops those overlapping it.</summary>
    private static List<Candidate> NonOverlapping(IEnumerable<Candidate> candidates)
    {
        // By start, the longest first; stable (an insertion sort: a line holds a handful of candidates at most), so of
        // two patterns matching the same span the one listed first wins, as before.
        var ordered = candidates.ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var current = ordered[i];
            var j = i - 1;
            while (j >= 0 && (ordered[j].Start > current.Start || (ordered[j].Start == current.Start && ordered[j].Length < current.Length)))
            {
                ordered[j + 1] = ordered[j];
                j--;
            }

            ordered[j + 1] = current;
        }

        var kept = new List<Candidate>(ordered.Count);
        var end = 0;
        foreach (var candidate in ordered)
        {
            if (candidate.Start >= end)
            {
                kept.Add(candidate);
                end = candidate.Start + candidate.Length;
            }
        }

        return kept;
    }

    private static DateOnly? ToDate(Candidate candidate, int? inheritedYear, DateOnly today, out bool yearUnresolved)
    {
        yearUnresolved = candidate.Shape == Shape.MonthDay && inheritedYear is null;
        var year = candidate.Shape == Shape.MonthDay ? inheritedYear ?? UnresolvedYear : candidate.Year;
        if (!yearUnresolved && (year < MinimumYear || year > today.Year + 1))
        {
            return null;
        }

        return IsValid(year, candidate.Month, candidate.Day) ? new DateOnly(year, candidate.Month, candidate.Day) : null;
    }

    /// <summary>
    /// Reads <c>~ B</c>, <c>- B</c>, <c>⇒ B</c> or <c>부터 B까지</c> after a date and its weekday (<c>2021/05/15(토) ~
    /// 2021/05/19(수)</c>: holdout12 golden set); B may omit the year.
    /// </summary>
    private static bool TryReadRangeEnd(
        string line, int from, List<Candidate> candidates, int index, DateOnly start, DateOnly today,
        out DateOnly end, out int endIndex, out int consumed)
    {
        end = default;
        endIndex = from;
        consumed = 0;
        from = AfterWeekday(line, from);
        var separator = RangeSeparator().Match(line, from);
        if (!separator.Success || separator.Index != from)
        {
            return false;
        }

        var bStart = from + separator.Length;
        if (index + 1 < candidates.Count && candidates[index + 1] is { Shape: Shape.Full } next && next.Start == bStart)
        {
            if (!IsValid(next.Year, next.Month, next.Day) || next.Year > today.Year + 1)
            {
                return false;
            }

            end = new DateOnly(next.Year, next.Month, next.Day);
            endIndex = next.Start + next.Length;
            consumed = 1;
        }
        else
        {
            var partial = PartialRangeEnd().Match(line, bStart);
            if (!partial.Success || partial.Index != bStart)
            {
                return false;
            }

            var month = Int(partial, "m");
            var day = Int(partial, "d");
            var year = month < start.Month || (month == start.Month && day < start.Day) ? start.Year + 1 : start.Year;
            if (!IsValid(year, month, day))
            {
                return false;
            }

            end = new DateOnly(year, month, day);
            var partialEnd = partial.Index + partial.Length;
            endIndex = partialEnd;
            consumed = candidates.Skip(index + 1).TakeWhile(c => c.Start < partialEnd).Count();
        }

        endIndex = AfterWeekday(line, endIndex);
        var until = Until().Match(line, endIndex);
        if (until.Success && until.Index == endIndex)
        {
            endIndex += until.Length;
        }

        return true;
    }

    private static int AfterWeekday(string line, int at) =>
        Weekday().Match(line, at) is { Success: true } weekday && weekday.Index == at ? at + weekday.Length : at;

    [GeneratedRegex(@"\s*" + KoreanText.WeekdayInBrackets)]
    private static partial Regex Weekday();

    private static TimeOnly? ReadTime(string line, ref int end)
    {
        var m = Time().Match(line, end);
        if (!m.Success || m.Index != end)
        {
            return null;
        }

        var minute = m.Groups["min"].Success ? Int(m, "min") : 0;
        var second = m.Groups["s"].Success ? Int(m, "s") : 0;
        var hour = Int(m, "h");
        if (hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        end = m.Index + m.Length;
        return new TimeOnly(hour, minute, second);
    }

    /// <summary>
    /// A compact date needs a clinical label before it (진료일자 20241023), clinical words right after it (20241023 재진 외래),
    /// its bracket closed first ([20191021] 외래 재진: holdout7 golden set), or a diagnosis and its code after it on its row
    /// (20220506 ◦ 신혈관성 고혈압 I150: holdout9 golden set).
    /// </summary>
    private static bool IsClinicallyLabelled(string line, int index)
    {
        var before = line[Math.Max(0, index - 20)..index];
        if (IdentifierLabel().IsMatch(before))
        {
            return false;
        }

        var afterStart = index + 8;
        var after = line[afterStart..Math.Min(line.Length, afterStart + 13)].TrimStart(')', ']');
        return ClinicalLabel().IsMatch(before) || (after.StartsWith(' ') && ClinicalLabel().IsMatch(after))
            || DiagnosisWithCode().IsMatch(line[afterStart..Math.Min(line.Length, afterStart + DiagnosisRowChars)]);
    }

    private const int DiagnosisRowChars = 40;

    /// <summary>
    /// After a space (and a list mark, which a scan may read as a letter or digit: ◦ read ㅇ, o or 0), a name and a
    /// KCD-shaped code, bracketed or not.
    /// </summary>
    [GeneratedRegex(@"^\s+(?:[^\s\uAC00-\uD7A3]{1,2}\s+)?[^\s\d][^\n]{1,30}?\s[\[(]?[A-Z]\d{2}(?:\.?\d{1,2})?(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex DiagnosisWithCode();

    private static Candidate Numeric(Match m, int year, string format) =>
        new(m.Index, m.Length, Shape.Full, year, Int(m, "m"), Int(m, "d"), format);

    private static int Year(Match m) => Int(m, "y");

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static int ExpandTwoDigitYear(int yy) => yy >= TwoDigitYearPivot ? 1900 + yy : 2000 + yy;

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    // A date is never directly preceded or followed by another digit; separators may be spaced; a trailing dot is allowed.
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*(?<sep>[-./])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<d>\d{1,2})(?!\d)(?:\s*\.(?!\d))?")]
    private static partial Regex NumericFullYear();

    [GeneratedRegex(@"(?<![\d.])(?<y>\d{2})\s*(?<sep>[-./])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<d>\d{1,2})(?![\d])(?!\s*[-./]\s*\d)(?:\.(?!\d))?")]
    private static partial Regex NumericTwoDigitYear();

    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})(?<m>0[1-9]|1[0-2])(?<d>0[1-9]|[12]\d|3[01])(?![\d-])")]
    private static partial Regex Compact();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4}|\d{2})\s*[년年]\s*(?<m>\d{1,2})\s*[월月]\s*(?<d>\d{1,2})\s*[일日]")]
    private static partial Regex KoreanFull();

    // A scan's Korean date whose 년 was read as a mark, a Latin letter or a digit and a mark (2021 A 4 월 22 일, 2021 4.4 월
    // 25 일: holdout11 golden set): the four-digit year right before the month and day is theirs, not the year a month-day
    // form inherits from an earlier date of the file (a birth date's).
    [GeneratedRegex(@"(?<!\d)(?<y>(?:19|20)\d{2})\s*[^\s\d\uAC00-\uD7A3]{0,2}\d?[^\s\d\uAC00-\uD7A3]{0,2}\s*(?<m>\d{1,2})\s*월\s*(?<d>\d{1,2})\s*일")]
    private static partial Regex KoreanYearMarkMisread();

    [GeneratedRegex(@"(?<!\d)(?<y>\d{4})\s*[년年]\s*(?<m>\d{1,2})\s*[월月](?!\s*\d{1,2}\s*[일日])")]
    private static partial Regex KoreanMonth();

    [GeneratedRegex(@"(?<![\d.])(?<y>(?:19|20)\d{2})\s*\.\s*(?<m>0?[1-9]|1[0-2])(?!\d)(?!\s*\.\s*\d)(?:\.(?!\d))?")]
    private static partial Regex NumericMonth();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})\s*[월月]\s*(?<d>\d{1,2})\s*[일日]")]
    private static partial Regex KoreanMonthDay();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})/(?<d>\d{1,2})/(?<y>(?:19|20)\d{2})(?!\d)")]
    private static partial Regex MonthDayYearUs();

    // An arrow straight between two dates is a period on forms (입·퇴원 기간：A ⇒ B); with words between it is a sequence.
    [GeneratedRegex(@"\s*(?:~|∼|〜|～|-|–|→|⇒|부터)\s*")]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"(?<m>\d{1,2})\s*(?:[-./]\s*(?<d>\d{1,2})(?!\d)(?:\s*\.(?!\d))?|[월月]\s*(?<d>\d{1,2})\s*[일日])")]
    private static partial Regex PartialRangeEnd();

    [GeneratedRegex(@"\s*까지")]
    private static partial Regex Until();

    [GeneratedRegex(@"\s*\(?\s*(?:(?<h>\d{1,2})\s*:\s*(?<min>\d{2})(?::(?<s>\d{2}))?(?!\d)|(?<h>\d{1,2})\s*시(?:\s*(?<min>\d{1,2})\s*분)?)\s*\)?")]
    private static partial Regex Time();

    [GeneratedRegex(@"진료|검사|입원|퇴원|수술|외래|내원|일자|시행|처방|투약|초진|재진|날짜|date", RegexOptions.IgnoreCase)]
    private static partial Regex ClinicalLabel();

    [GeneratedRegex(@"번호|No\.?|ID|#", RegexOptions.IgnoreCase)]
    private static partial Regex IdentifierLabel();
}
