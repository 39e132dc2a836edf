namespace VNexsus.Rules.Hospitals;

/// <summary>
/// A hospital mention read from an OCR'd page whose name is one Hangul letter (jamo) away from a hospital the same file
/// names more often is a misreading of that name: a record printed by 가나병원 repeats its name on every page, and OCR
/// reads a few of them 카나병원 or 가냐병원. Left alone, each misreading would become another hospital on the timeline
/// and stop the file's only hospital from being lent to events that name none. Text-layer mentions are exact and never
/// changed, nor are referral mentions, which name another hospital by definition; names of different lengths are
/// never matched (one lost syllable is not one stroke).
/// </summary>
public static class HospitalMisreadings
{
    private const char FirstSyllable = '가';

    /// <summary>The mentions of one file, with those misread on OCR'd pages replaced by the name they misread.</summary>
    /// <param name="mentions">Every mention of the file with whether its page was OCR'd.</param>
    public static IReadOnlyList<HospitalMention> Reconcile(IReadOnlyList<(HospitalMention Mention, bool Ocr)> mentions)
    {
        var counts = mentions.Where(m => !m.Mention.Referral)
            .GroupBy(m => m.Mention.Key)
            .Select(g => (g.First().Mention, Count: g.Count()))
            .ToList();

        return mentions.Select(m => m.Ocr && !m.Mention.Referral ? ReadAs(m.Mention, counts) : m.Mention).ToList();
    }

    /// <summary>
    /// The name of a clinic read from an OCR'd page with its department spelt right: a clinic's name ends in its
    /// department (의료법: 다올찬내과의원), so a name whose part before 의원 or 병원 ends one stroke away from a department
    /// (same syllable count, the 과 read right: 다올찬대과의원) names that department. Null when nothing changes.
    /// </summary>
    public static string? WithDepartmentSpelt(string name, IReadOnlyList<string> departmentsLongestFirst)
    {
        if (!name.EndsWith("의원", StringComparison.Ordinal) && !name.EndsWith("병원", StringComparison.Ordinal))
        {
            return null;
        }

        var body = name[..^2];
        if (!body.EndsWith('과') || departmentsLongestFirst.Any(d => body.EndsWith(d, StringComparison.Ordinal)))
        {
            return null;
        }

        var department = departmentsLongestFirst.FirstOrDefault(d => body.Length > d.Length && JamoDistance(body[^d.Length..], d) == 1);
        return department is null ? null : body[..^department.Length] + department + name[^2..];
    }

    private static HospitalMention ReadAs(HospitalMention mention, List<(HospitalMention Mention, int Count)> counts)
    {
        var own = counts.First(c => c.Mention.Key == mention.Key).Count;
        var misread = counts
            .Where(c => c.Count > own && c.Mention.Key != mention.Key && JamoDistance(c.Mention.Name, mention.Name) == 1)
            .OrderByDescending(c => c.Count)
            .Select(c => c.Mention)
            .FirstOrDefault();
        return misread is null ? mention : mention with { Name = misread.Name, Key = misread.Key };
    }

    /// <summary>
    /// How many letters (initial, medial, final jamo of each syllable; any other character as a whole) two names of
    /// the same length differ by; names of different lengths are as far apart as they are long.
    /// </summary>
    public static int JamoDistance(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return Math.Max(a.Length, b.Length);
        }

        var distance = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                continue;
            }

            if (!KoreanText.IsSyllable(a[i]) || !KoreanText.IsSyllable(b[i]))
            {
                distance++;
                continue;
            }

            var (x, y) = (a[i] - FirstSyllable, b[i] - FirstSyllable);
            distance += (x / 588 != y / 588 ? 1 : 0) + (x / 28 % 21 != y / 28 % 21 ? 1 : 0) + (x % 28 != y % 28 ? 1 : 0);
        }

        return distance;
    }
}
