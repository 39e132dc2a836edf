using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Layout;

/// <summary>
/// The codes of a table's code column that the first reading took for lines of their own, put back on their rows. The
/// Korean model often reads a diagnosis table's code column as a block apart, before or after the rows (seed 43 p08:
/// <c>406.9</c>, <c>851.</c>, <c>080</c> in a block of their own under the header): the codes' text then follows no
/// name, so neither the passes that choose a damaged code's letter by the diagnosis name beside it nor a reader of the
/// block sees which name each code belongs to. A line holding only a code-shaped token goes to the row whose line, carried
/// along the page's slope (<see cref="PageSkew"/>), runs through it, when that row has a name (Hangul) ending left of the
/// token and no other row comes near. Nothing is read again and no text changes: only which line the token is on.
/// </summary>
public static class DetachedCodes
{
    /// <summary>How far (in the token's heights) a row's line may pass from the token's centre: rows measured 2.1 heights apart.</summary>
    private const double OnRow = 0.5;

    /// <summary>How much farther than that (in the token's heights) the next nearest row must pass, or the token stays where it was read.</summary>
    private const double Apart = 1.0;

    /// <summary>The words with each detached code on its row: given the row's line key, after the row's last word.</summary>
    public static IReadOnlyList<TesseractTsv.Word> Place(IReadOnlyList<TesseractTsv.Word> words)
    {
        var lines = TesseractTsv.Lines(words);
        var rows = lines.Where(line => line.Sum(w => w.Text.Count(Hangul.IsSyllable)) >= 2).ToList();
        var slope = PageSkew.Slope(words);
        var moves = new Dictionary<(int, int, int), List<TesseractTsv.Word>>();
        foreach (var cell in lines.Where(IsCodeCell))
        {
            var x = (cell[0].Left + cell[^1].Right) / 2.0;
            var y = cell.Average(w => w.Top + (w.Height / 2.0));
            var height = cell.Max(w => w.Height);
            var distances = rows.Where(row => row[^1].Right < cell[0].Left)
                .Select(row => (Row: row, Distance: Math.Abs(PageSkew.CentreAt(row, x, slope) - y)))
                .OrderBy(r => r.Distance)
                .ToList();
            if (distances.Count > 0 && distances[0].Distance <= OnRow * height &&
                (distances.Count == 1 || distances[1].Distance > (OnRow + Apart) * height) &&
                !IsCodeWord(distances[0].Row[^1]) && !moves.ContainsKey(distances[0].Row[0].LineKey))
            {
                moves[distances[0].Row[0].LineKey] = cell;
            }
        }

        if (moves.Count == 0)
        {
            return words;
        }

        var moved = moves.Values.Select(cell => cell[0]).ToHashSet(ReferenceEqualityComparer.Instance);
        var result = new List<TesseractTsv.Word>(words.Count);
        foreach (var line in lines)
        {
            result.AddRange(line.Where(w => !moved.Contains(w)));
            if (moves.TryGetValue(line[0].LineKey, out var cell))
            {
                result.Add(cell[0] with { Block = line[0].Block, Paragraph = line[0].Paragraph, Line = line[0].Line, SpaceBefore = true });
            }
        }

        return result;
    }

    /// <summary>A line of one word of a code's or a damaged code's shape.</summary>
    private static bool IsCodeCell(List<TesseractTsv.Word> line) => line is [var word] && IsCodeWord(word);

    private static bool IsCodeWord(TesseractTsv.Word word)
    {
        var core = KcdToken.Split(word.Text).Core;
        var trimmed = core.Length > 1 && core[^1] == '.' ? core[..^1] : core;
        return KcdToken.IsWellFormed(trimmed) || KcdToken.IsSuspect(trimmed, lineHasCue: true);
    }
}
