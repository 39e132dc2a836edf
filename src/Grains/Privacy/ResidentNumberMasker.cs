using System.Text.RegularExpressions;

namespace VNexsus.Privacy;

/// <summary>
/// Masks Korean resident (and foreigner) registration numbers: <c>YYMMDD-NNNNNNN</c>, hyphen optional, spaces around
/// the hyphen tolerated, digits partly masked by the source. All 13 positions become <c>******-*******</c>
/// (domain.md §11). Applied to text before it is stored, so no later output can leak one.
/// </summary>
public static partial class ResidentNumberMasker
{
    public const string Mask = "******-*******";

    public static string Apply(string text) => ResidentNumber().Replace(text, Mask);

    public static bool ContainsResidentNumber(string text) => ResidentNumber().IsMatch(text);

    // Birth part: a plausible YYMMDD. Rest: a sex/century digit 1–8 then six digits, any of them possibly masked by the
    // source with '*' or 'X'. Without a hyphen the run must be exactly 13 digits so longer identifiers stay intact.
    [GeneratedRegex(
        @"(?<![0-9])[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?:\s*[-–]\s*[1-8*Xx][0-9*Xx]{6}|[1-8][0-9]{6})(?![0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex ResidentNumber();
}
