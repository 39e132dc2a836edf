using System.Globalization;
using System.Text.RegularExpressions;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Pages fed sideways or upside down. Tesseract reads such a page as nothing (turned a quarter) or as low-confidence
/// noise (upside down), so a page whose first reading has few legible words gets Tesseract's orientation detection
/// (the <c>osd</c> model, about half a second) and, when that names a turn, is read again turned upright. The turned
/// reading is kept only when it has more than twice as many legible words: a wrong guess costs one reading, never
/// text. An upright page with legible text pays nothing. Boxes go back into the page's own pixels, so the evidence
/// viewer draws them on the page as it was scanned.
/// </summary>
public static partial class PageOrientation
{
    /// <summary>A word the model is at least this sure of (0..100) counts as legible.</summary>
    private const double LegibleConfidence = 60;

    /// <summary>A page with fewer legible words than this, or with less than half its words legible, may be turned.</summary>
    private const int FewLegibleWords = 10;

    /// <summary>Below this, Tesseract's orientation confidence is the noise of a page with little text.</summary>
    private const double MinimumConfidence = 2;

    /// <summary>Whether the first reading looks like a page that is not upright (or has almost no text).</summary>
    public static bool MayBeTurned(IReadOnlyList<TesseractTsv.Word> words)
    {
        var legible = Legible(words);
        return legible < FewLegibleWords || legible * 2 < words.Count;
    }

    /// <summary>The clockwise turn (0, 90, 180, 270) that makes the page upright, from the orientation pass; 0 when unsure.</summary>
    public static int UprightTurn(string orientationOutput)
    {
        var rotate = RotateLine().Match(orientationOutput);
        var confidence = ConfidenceLine().Match(orientationOutput);
        return rotate.Success && confidence.Success
            && double.Parse(confidence.Groups[1].Value, CultureInfo.InvariantCulture) >= MinimumConfidence
            && int.Parse(rotate.Groups[1].Value, CultureInfo.InvariantCulture) is var turn and (90 or 180 or 270)
            ? turn
            : 0;
    }

    /// <summary>What <c>tesseract --psm 0</c> prints for an orientation found by the library (degrees the page was turned clockwise).</summary>
    public static string Format(int degrees, float confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"Orientation in degrees: {degrees}\nRotate: {(360 - degrees) % 360}\nOrientation confidence: {confidence:0.00}\n");

    /// <summary>Whether the reading of the turned page is the one to keep.</summary>
    public static bool ReadsBetter(IReadOnlyList<TesseractTsv.Word> turned, IReadOnlyList<TesseractTsv.Word> asScanned) =>
        Legible(turned) > 2 * Legible(asScanned);

    /// <summary>
    /// Words read on the page turned clockwise by <paramref name="turn"/>, with their boxes (and their corrections')
    /// in the pixels of the page as scanned, <paramref name="width"/> × <paramref name="height"/>.
    /// </summary>
    public static IReadOnlyList<TesseractTsv.Word> ToScannedPage(IReadOnlyList<TesseractTsv.Word> words, int turn, int width, int height)
    {
        if (turn == 0)
        {
            return words;
        }

        return words.Select(word =>
        {
            var (left, top, w, h) = Back(word.Left, word.Top, word.Width, word.Height, turn, width, height);
            return word with
            {
                Left = (int)left,
                Top = (int)top,
                Width = (int)w,
                Height = (int)h,
                Correction = word.Correction is { Box: { } box } correction ? correction with { Box = Back(box, turn, width, height) } : word.Correction,
            };
        }).ToList();
    }

    private static BoundingBox Back(BoundingBox box, int turn, int width, int height)
    {
        var (left, top, w, h) = Back(box.XMin, box.YMin, box.XMax - box.XMin, box.YMax - box.YMin, turn, width, height);
        return new BoundingBox(left, top, left + w, top + h);
    }

    /// <summary>A box on the page turned clockwise by <paramref name="turn"/>, on the page as scanned (<paramref name="width"/> × <paramref name="height"/>).</summary>
    private static (double Left, double Top, double Width, double Height) Back(double left, double top, double w, double h, int turn, int width, int height) => turn switch
    {
        90 => (top, height - left - w, h, w),
        180 => (width - left - w, height - top - h, w, h),
        270 => (width - top - h, left, h, w),
        _ => (left, top, w, h),
    };

    private static int Legible(IReadOnlyList<TesseractTsv.Word> words) =>
        words.Count(w => w.Confidence >= LegibleConfidence && w.Text.Any(char.IsLetterOrDigit));

    [GeneratedRegex(@"^Rotate: (\d+)", RegexOptions.Multiline)]
    private static partial Regex RotateLine();

    [GeneratedRegex(@"^Orientation confidence: ([0-9.]+)", RegexOptions.Multiline)]
    private static partial Regex ConfidenceLine();
}
