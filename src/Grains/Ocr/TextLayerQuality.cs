using System.Text;

namespace VNexsus.Ocr;

/// <summary>
/// Decides whether a page's text layer can be trusted. A PDF without ToUnicode maps yields hundreds of characters per
/// page that are control, private-use or replacement characters (18 % measured, against 0 % for a good layer; see
/// ocr-notes.md §3), so a character count alone does not detect it.
/// </summary>
public static class TextLayerQuality
{
    /// <summary>Above this share of unreadable characters the layer is treated as broken.</summary>
    public const double MaxUnreadableShare = 0.01;

    /// <summary>A page that carries an image and fewer readable characters than this is treated as a scan.</summary>
    public const int MinCharactersBesideImage = 20;

    /// <returns>Null when the layer is usable, else the reason the page needs OCR.</returns>
    public static string? ReasonToOcr(string text, bool pageHasImages)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        int visible = 0, unreadable = 0;
        foreach (var rune in normalized.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                continue;
            }

            visible++;
            if (IsUnreadable(rune))
            {
                unreadable++;
            }
        }

        if (visible == 0)
        {
            return "텍스트 레이어 없음 (no text layer)";
        }

        if (unreadable > visible * MaxUnreadableShare)
        {
            return "텍스트 레이어 손상 (broken text layer: unreadable characters)";
        }

        return pageHasImages && visible < MinCharactersBesideImage ? "스캔 페이지 (scanned page)" : null;
    }

    private static bool IsUnreadable(Rune rune) =>
        Rune.IsControl(rune) || rune.Value == 0xFFFD || rune.Value is >= 0xE000 and <= 0xF8FF;
}
