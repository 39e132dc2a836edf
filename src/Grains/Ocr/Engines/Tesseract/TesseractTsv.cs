using System.Globalization;
using VNexsus.Privacy;

namespace VNexsus.Ocr.Engines.Tesseract;

/// <summary>
/// Turns Tesseract's TSV output into line blocks: words grouped by (block, paragraph, line), boxes in the image's
/// pixels, confidence the mean word confidence scaled to 0..1. Debian's Korean model splits Hangul words into
/// syllables; words closer than a fraction of the line height are joined without a space so the text reads as written.
/// Words changed after the first reading carry their <see cref="TextCorrection"/>, which the block keeps.
/// </summary>
public static class TesseractTsv
{
    /// <summary>A gap narrower than this share of the line height is inside a word, not between words.</summary>
    public const double JoinGapShareOfHeight = 0.25;

    private const int WordLevel = 5;

    /// <summary>One TSV word: its line's identity, its box in pixels, its confidence (0..100) and text.</summary>
    public sealed record Word(int Block, int Paragraph, int Line, int Left, int Top, int Width, int Height, double Confidence, string Text)
    {
        public (int Block, int Paragraph, int Line) LineKey => (Block, Paragraph, Line);

        public int Right => Left + Width;

        public int Bottom => Top + Height;

        public BoundingBox Box => new(Left, Top, Right, Bottom);

        /// <summary>Whether a space separates this word from the previous one on its line, when Tesseract's text says so.</summary>
        public bool? SpaceBefore { get; init; }

        /// <summary>Set when <see cref="Text"/> is not what the first reading said.</summary>
        public TextCorrection? Correction { get; init; }

        /// <summary>The word read on an image scaled by <paramref name="denominator"/>/<paramref name="numerator"/>, in the original image's pixels: its box grown to cover every pixel it covered.</summary>
        public Word Scaled(int numerator, int denominator)
        {
            var (left, top) = (Left * numerator / denominator, Top * numerator / denominator);
            var (right, bottom) = (((Right * numerator) + denominator - 1) / denominator, ((Bottom * numerator) + denominator - 1) / denominator);
            return this with { Left = left, Top = top, Width = right - left, Height = bottom - top };
        }
    }

    public static IReadOnlyList<TextBlock> Parse(string tsv) => ToBlocks(ParseWords(tsv));

    /// <summary>
    /// The word rows of the TSV (level 5) with text, in output order. When the output also holds Tesseract's plain
    /// text (<c>tsv txt</c> on one stdout), each word learns from it whether a space comes before it: the TSV alone cannot
    /// tell, because the Korean model reports syllables as words with unreliable boxes.
    /// </summary>
    public static IReadOnlyList<Word> ParseWords(string output)
    {
        var words = new List<Word>();
        var textLines = new List<string>();
        var inTsv = false;
        foreach (var raw in output.Split('\n'))
        {
            var row = raw.TrimEnd('\r');
            if (row.StartsWith("level\tpage_num\t", StringComparison.Ordinal))
            {
                inTsv = true;
                continue;
            }

            var cells = row.Split('\t');
            if (inTsv && cells.Length >= 12 && Int(cells[0]) > 0)
            {
                if (Int(cells[0]) == WordLevel && !string.IsNullOrWhiteSpace(cells[11]))
                {
                    words.Add(new Word(Int(cells[2]), Int(cells[3]), Int(cells[4]), Int(cells[6]), Int(cells[7]), Int(cells[8]), Int(cells[9]),
                        double.TryParse(cells[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) ? confidence : 0, cells[11].Trim()));
                }

                continue;
            }

            inTsv = false;
            var text = row.Trim('\f', ' ');
            if (text.Length > 0)
            {
                textLines.Add(text);
            }
        }

        return textLines.Count == 0 ? words : WithSpaces(words, textLines);
    }

    /// <summary>Aligns each TSV line with its plain-text line; a line that does not align keeps the gap rule.</summary>
    private static List<Word> WithSpaces(List<Word> words, List<string> textLines)
    {
        var lines = Enumerable.Range(0, words.Count).GroupBy(i => words[i].LineKey).Select(g => g.ToList()).ToList();
        if (lines.Count != textLines.Count)
        {
            return words;
        }

        var result = words.ToList();
        for (var l = 0; l < lines.Count; l++)
        {
            var text = textLines[l];
            var at = 0;
            var spaces = new List<bool>();
            foreach (var index in lines[l])
            {
                var start = at;
                while (at < text.Length && char.IsWhiteSpace(text[at]))
                {
                    at++;
                }

                if (!text.AsSpan(at).StartsWith(words[index].Text, StringComparison.Ordinal))
                {
                    spaces = null;
                    break;
                }

                spaces.Add(at > start);
                at += words[index].Text.Length;
            }

            if (spaces is null || text[at..].Trim().Length > 0)
            {
                continue;
            }

            for (var k = 0; k < lines[l].Count; k++)
            {
                result[lines[l][k]] = words[lines[l][k]] with { SpaceBefore = k > 0 && spaces[k] };
            }
        }

        return result;
    }

    /// <summary>
    /// The height of a word's glyphs: its box's, or its line's median word height when that is less (the Korean model
    /// draws some boxes twice the line's height: <c>110</c> 61 px high on a line of 27).
    /// </summary>
    public static int GlyphHeight(IReadOnlyList<Word> words, Word word)
    {
        var heights = words.Where(w => w.LineKey == word.LineKey).Select(w => w.Height).Order().ToList();
        return heights.Count == 0 ? word.Height : Math.Min(word.Height, heights[heights.Count / 2]);
    }

    /// <summary>Where the next word on a word's line starts (<see cref="int.MaxValue"/> when none follows it).</summary>
    public static int NextLeft(IReadOnlyList<Word> words, Word word) =>
        words.Where(w => w.LineKey == word.LineKey && w.Left > word.Left).Select(w => w.Left).DefaultIfEmpty(int.MaxValue).Min();

    /// <summary>The words of each line in reading order, lines in output order.</summary>
    public static IReadOnlyList<List<Word>> Lines(IEnumerable<Word> words) =>
        words.GroupBy(w => w.LineKey).Select(line => line.ToList()).ToList();

    public static IReadOnlyList<TextBlock> ToBlocks(IReadOnlyList<Word> words) =>
        Lines(words).Select((line, index) => ToBlock(index, line)).ToList();

    /// <summary>The line's text before a word, as it will read in the block.</summary>
    public static string TextBefore(IReadOnlyList<Word> words, int index)
    {
        var line = words.Take(index + 1).Where(w => w.LineKey == words[index].LineKey).ToList();
        return LineText(line)[..^words[index].Text.Length];
    }

    /// <summary>The line's text as it will read in the block (before masking).</summary>
    public static string LineText(IReadOnlyList<Word> line)
    {
        if (line.Skip(1).All(w => w.SpaceBefore is not null))
        {
            return string.Concat(line.Select((w, i) => i > 0 && w.SpaceBefore == true ? " " + w.Text : w.Text));
        }

        var height = line.Max(w => w.Height);
        var text = new System.Text.StringBuilder(line[0].Text);
        for (var i = 1; i < line.Count; i++)
        {
            var gap = line[i].Left - line[i - 1].Right;
            if (gap >= height * JoinGapShareOfHeight)
            {
                text.Append(' ');
            }

            text.Append(line[i].Text);
        }

        return text.ToString();
    }

    private static TextBlock ToBlock(int index, List<Word> line)
    {
        var box = new BoundingBox(line.Min(w => w.Left), line.Min(w => w.Top), line.Max(w => w.Right), line.Max(w => w.Bottom));
        var confidence = Math.Clamp(line.Average(w => Math.Max(0, w.Confidence)) / 100.0, 0, 1);
        var corrections = line.Where(w => w.Correction is not null).Select(w => w.Correction!).ToList();
        return new TextBlock(index, ResidentNumberMasker.Apply(LineText(line)), box, confidence, corrections.Count == 0 ? null : corrections);
    }

    private static int Int(string cell) => int.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
