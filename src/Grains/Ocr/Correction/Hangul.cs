namespace VNexsus.Ocr.Correction;

/// <summary>The Hangul syllables block (가–힣): what the Korean model reads, and what no code or date digit is.</summary>
public static class Hangul
{
    public static bool IsSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';
}
