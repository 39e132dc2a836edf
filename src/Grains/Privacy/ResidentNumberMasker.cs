using System.Text.RegularExpressions;

namespace VNexsus.Privacy;

/// <summary>
/// Masks Korean resident (and foreigner) registration numbers: <c>YYMMDD-NNNNNNN</c>, hyphen optional, partly masked
/// by the source (<c>800101-1******</c>), and as OCR damages them: spaces around the hyphen or a space for it, other
/// dash characters, full-width digits, and letters read for digits (O o for 0; I l | for 1; Z for 2; S for 5; B for 8).
/// All 13 positions become <c>******-*******</c> (domain.md §11). Applied to text before it is stored, so no later
/// output can leak one.
/// </summary>
public static partial class ResidentNumberMasker
{
    public const string Mask = "******-*******";

    // Character classes, each with its full-width and look-alike forms: N any digit; Zero; One; P 1–9; Sex the
    // sex/century digit 1–8; Rest a digit or a mask character of the source. Birth part: a plausible YYMMDD. Then a dash (spaces around it), a single space, or
    // nothing; without a separator the run must be 13 digits so longer identifiers stay intact. Neither end may touch
    // a real digit.
    private const string N = "[0-9０-９OoIl|ZSB]";
    private const string Zero = "[0０Oo]";
    private const string One = "[1１Il|]";
    private const string P = "[1-9１-９Il|ZSB]";
    private const string Sex = "[1-8１-８Il|ZSB]";
    private const string Rest = "[0-9０-９OoIl|ZSB*XxＸ●•]";
    private const string Dash = @"[-‐‑‒–—―−－]";
    private const string Birth = N + N + "(?:" + Zero + P + "|" + One + "[0-2０-２OoIl|Z])(?:" + Zero + P + "|[12１２Il|Z]" + N + "|[3３][01０１OoIl|])";

    /// <summary>OCR misreads some characters of a number, not most: a run of look-alike letters is a word.</summary>
    private const int MaximumLookAlikes = 5;

    public static string Apply(string text) => ResidentNumber().Replace(text, match => IsResidentNumber(match) ? Mask : match.Value);

    public static bool ContainsResidentNumber(string text) => ResidentNumber().Matches(text).Any(IsResidentNumber);

    private static bool IsResidentNumber(Match match)
    {
        if (match.Value.Count(c => c is 'O' or 'o' or 'I' or 'l' or '|' or 'Z' or 'S' or 'B') > MaximumLookAlikes)
        {
            return false;
        }

        // A 13-digit run after a prescription label is a prescription number (YYYYMMDD + serial), not a birth date.
        return !(match.Groups["compact"].Success && PrescriptionLabel().IsMatch(TextBefore(match)));
    }

    private static string TextBefore(Match match)
    {
        var before = match.Result("$`");
        return before.Length <= 16 ? before : before[^16..];
    }

    [GeneratedRegex(
        "(?<![0-9０-９])" + Birth + "(?:[ \\t]*" + Dash + "[ \\t]*(?:" + Sex + "|[*XxＸ●•])" + Rest + "{6}|[ \\t]" + Sex + N + "{6}|(?<compact>" + Sex + N + "{6}))(?![0-9０-９])",
        RegexOptions.CultureInvariant)]
    private static partial Regex ResidentNumber();

    [GeneratedRegex("(교부번호|처방전|처방번호|처방)\\s*[:：]?\\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrescriptionLabel();
}
