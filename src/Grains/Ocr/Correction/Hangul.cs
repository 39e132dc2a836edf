using VNexsus.Rules;

namespace VNexsus.Ocr.Correction;

/// <summary>The Hangul syllables block (가–힣): what the Korean model reads, and what no code or date digit is.</summary>
public static class Hangul
{
    public static bool IsSyllable(char c) => KoreanText.IsSyllable(c);

    /// <summary>
    /// A Hangul consonant on its own (ㄱ–ㅎ): the Korean model's reading of a Latin letter drawn like it (E as ㄷ, L as ㄴ).
    /// Not the vowels, which are bars and dots (ㅣ, ㅡ, ㆍ read for a bullet).
    /// </summary>
    public static bool IsConsonant(char c) => c is >= '\u3131' and <= '\u314E';
}
