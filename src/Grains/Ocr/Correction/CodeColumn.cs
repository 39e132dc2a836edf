using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The cells of a table's code column that the first reading lost. On heavy scans the Korean model reads a whole code
/// column as noise (<c>ae</c>, <c>a To</c>, <c>|</c>) or not at all, while the column's header (<c>상병코드</c>,
/// <c>분류기호</c>) and the diagnosis names of its rows survive. A row of the table that has Hangul left of the column
/// and, under the header, only such noise or nothing, or a line of the column alone holding only noise, is a cell worth
/// a look with the Latin model (<see cref="Cells"/>). The look only ever keeps what that model reads as a well-formed
/// code in the cell's own pixels.
/// </summary>
public static class CodeColumn
{
    /// <summary>Header words of a code column: <c>기호</c> for <c>분류기호</c>, whose first syllable the model drops (<c>류 기호</c>).</summary>
    public static readonly string[] HeaderCues = ["코드", "기호", "KCD"];

    /// <summary>Headers of a diagnosis table's name column, beside which a table prints its codes.</summary>
    private static readonly string[] NameHeaders = ["병명", "진단명", "상병명"];

    /// <summary>How far (in line heights) a code may start left of its header, and end right of it.</summary>
    private const double Reach = 1.5;

    /// <summary>How far (in the word's heights) the dotted code of the next row may be: rows measured 2.6 heights apart.</summary>
    private const double NeighbourRows = 3;

    /// <summary>
    /// How far (in header heights) below the column's last word the centre of a last row may be: rows measured 2.1 heights
    /// apart, so the next row's centre is 1.6 heights below a code's bottom; the first line after a table was 2.8.
    /// </summary>
    private const double LastRow = 2.5;

    /// <summary>
    /// How far (in header heights) a misread code header stands right of the diagnosis column's header at least: a column
    /// apart, not a word after it (measured 35 heights on a certificate).
    /// </summary>
    private const double MisreadCueGap = 8;

    /// <summary>Noise in a cell is at most this long; longer text is something else the model read.</summary>
    private const int MaxNoiseLength = 6;

    /// <summary>
    /// The cells to re-read, as regions: <see cref="RegionStrip.Region.First"/>..<see cref="RegionStrip.Region.Last"/>
    /// are the noise words in the cell, or, for an empty cell, Last is First − 1 and First is where its word goes. Rows
    /// holding a word in <paramref name="suspects"/> (re-read as a token, checked against its digits) are left out.
    /// The rows of a table are the lines of its header's block below the header and, because the Korean model often
    /// reads a table's rows or its code column as blocks of their own, the lines of any block as far down as the column
    /// runs (<see cref="ColumnBottom"/>). A line of the column alone, without a diagnosis name (the model read the code
    /// apart from its row's name, or the column as a block), is a cell too when it holds only noise. A cell whose crop
    /// would come near a word of the column with digits that is not its own is left out: that word is the row's code,
    /// read on a line of its own, and is looked at there.
    /// </summary>
    public static IReadOnlyList<RegionStrip.Region> Cells(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyCollection<int> suspects)
    {
        var cells = new List<RegionStrip.Region>();
        var indexed = Enumerable.Range(0, words.Count).GroupBy(i => words[i].LineKey).Select(g => g.ToList()).ToList();
        foreach (var (header, column) in indexed.Select(line => (Line: line, Column: Header(words, line))).Where(h => h.Column is not null))
        {
            var (block, top, left, right, height) = column!.Value;
            var bottom = ColumnBottom(words, column.Value);
            var columnWords = Enumerable.Range(0, words.Count).Where(i => InColumn(words[i], left, right) && words[i].Top > top && words[i].Top < bottom).ToList();

            // One glyph height for every cell of the column, the height its words with digits measure, at most the
            // header's (a quote mark read into a code makes its box taller): the strip is read as one block of text, and
            // crops enlarged and crops left as they are in one strip were read as nothing at all.
            var digits = columnWords.Where(i => words[i].Text.Any(char.IsAsciiDigit)).Select(i => words[i].Height).ToList();
            var glyph = digits.Count > 0 ? Math.Min(Median(digits), height) : height;
            foreach (var row in indexed.Where(line => line != header && Centre(words, line) > top && (words[line[0]].Block == block || Centre(words, line) <= bottom)))
            {
                if ((Cell(words, row, left, right, suspects) ?? Orphan(words, row, left, right, suspects)) is { } cell &&
                    !columnWords.Any(i => !row.Contains(i) && words[i].Text.Any(char.IsAsciiDigit) && Near(cell, words[i], glyph)))
                {
                    cells.Add(cell with { GlyphHeight = glyph });
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// Whether the word stands under a code column's header as far down as the column runs (<see cref="ColumnBottom"/>):
    /// a position where only a code can stand, whatever its neighbours read.
    /// </summary>
    public static bool UnderHeader(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var word = words[index];
        return Enumerable.Range(0, words.Count).GroupBy(i => words[i].LineKey)
            .Select(line => Header(words, line.ToList()))
            .OfType<(int Block, int Bottom, int Left, int Right, int Height)>()
            .Any(column => word.Top > column.Bottom && InColumn(word, column.Left, column.Right) && word.Top + (word.Height / 2) <= ColumnBottom(words, column));
    }

    /// <summary>
    /// Whether the word stands in a column of codes: a dotted code of its block is in the row right above or below it
    /// and overlaps it. Not whatever lies under a code header: the header's reach runs on past the table (measured: the
    /// days column of the prescription table below read <c>142</c>, 14일, under <c>상병코드</c>); <see cref="UnderHeader"/>
    /// stops where the column does.
    /// </summary>
    public static bool Holds(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var word = words[index];
        var rowReach = NeighbourRows * Math.Max(word.Height, 1);
        return words.Any(code => code.Block == word.Block && code.LineKey != word.LineKey && Math.Abs(code.Top - word.Top) <= rowReach &&
            code.Left < word.Right && word.Left < code.Right && KcdToken.IsDotted(KcdToken.Split(code.Text).Core));
    }

    /// <summary>The code column a header line names, from the space-separated group of words holding the cue (not a label: no colon).</summary>
    private static (int Block, int Bottom, int Left, int Right, int Height)? Header(IReadOnlyList<TesseractTsv.Word> words, List<int> line)
    {
        var groups = new List<List<int>>();
        foreach (var index in line)
        {
            var word = words[index];
            var joined = groups.Count > 0 && (word.SpaceBefore is { } space
                ? !space
                : word.Left - words[groups[^1][^1]].Right < word.Height * TesseractTsv.JoinGapShareOfHeight);
            if (joined)
            {
                groups[^1].Add(index);
            }
            else
            {
                groups.Add([index]);
            }
        }

        // A label (질병분류기호: followed by the codes on its line) names no column.
        var texts = groups.Select(g => (Group: g, Text: string.Concat(g.Select(i => words[i].Text)))).ToList();
        var cue = texts.FirstOrDefault(g => HeaderCues.Any(g.Text.Contains) && !g.Text.Contains(':', StringComparison.Ordinal)).Group
            ?? MisreadCue(words, texts);
        if (cue is null)
        {
            return null;
        }

        // The median, not the tallest: a syllable box of the Korean model may be twice the line's height.
        var height = Median(cue.Select(i => words[i].Height));
        var reach = (int)(Reach * height);
        return (words[cue[0]].Block, cue.Max(i => words[i].Bottom), cue.Min(i => words[i].Left) - reach, cue.Max(i => words[i].Right) + reach, height);
    }

    /// <summary>
    /// The code header of a diagnosis table that the Korean model read as Latin letters (<c>상병코드</c> as <c>bias</c>,
    /// <c>분류기호</c> as <c>wait</c>): the last group of a header line that names the table's diagnosis column
    /// (<see cref="NameHeaders"/>, no colon: not a label), when it stands apart from that header, right of it, and holds
    /// letters but no Hangul and no digit. A Korean table's header is Korean, so Latin letters there are a header misread,
    /// and the column diagnosis tables print right of the names is the codes'. Were it another (a remarks column, which
    /// reads as Hangul), its cells still gain only what the Latin model reads there as a well-formed code with the
    /// confidence a lost cell needs.
    /// </summary>
    private static List<int>? MisreadCue(IReadOnlyList<TesseractTsv.Word> words, List<(List<int> Group, string Text)> groups)
    {
        var name = groups.FindIndex(g => NameHeaders.Contains(g.Text));
        if (name < 0 || name == groups.Count - 1)
        {
            return null;
        }

        var (last, text) = groups[^1];
        var gap = words[last[0]].Left - words[groups[name].Group[^1]].Right;
        return text.Count(char.IsAsciiLetter) >= 2 && !text.Any(c => Hangul.IsSyllable(c) || char.IsAsciiDigit(c) || c == ':') &&
            gap > MisreadCueGap * Median(groups[name].Group.Select(i => words[i].Height))
            ? last
            : null;
    }

    /// <summary>
    /// How far down the column runs: from its header, on through every word in the column (any block) that starts within
    /// <see cref="NeighbourRows"/> header heights of the one above, and <see cref="LastRow"/> header heights further, for a
    /// last row whose code the first reading lost. The header's reach on past the table (<see cref="Holds"/>) stops at the
    /// first gap.
    /// </summary>
    private static int ColumnBottom(IReadOnlyList<TesseractTsv.Word> words, (int Block, int Bottom, int Left, int Right, int Height) column)
    {
        var reach = (int)(NeighbourRows * column.Height);
        var bottom = column.Bottom;
        foreach (var word in words.Where(w => InColumn(w, column.Left, column.Right) && w.Top > column.Bottom).OrderBy(w => w.Top))
        {
            if (word.Top > bottom + reach)
            {
                break;
            }

            bottom = Math.Max(bottom, word.Bottom);
        }

        return bottom + (int)(LastRow * column.Height);
    }

    private static bool InColumn(TesseractTsv.Word word, int left, int right) => word.Left + (word.Width / 2) >= left && word.Left + (word.Width / 2) <= right;

    private static int Centre(IReadOnlyList<TesseractTsv.Word> words, List<int> line) => Median(line.Select(i => words[i].Top + (words[i].Height / 2)));

    /// <summary>
    /// Whether the word comes within half a glyph of a cell's crop: then the crop cuts through it, or through glyphs of
    /// its that the model did not box (measured: word boxes of a scan's codes end a few pixels inside their ink).
    /// </summary>
    private static bool Near(RegionStrip.Region cell, TesseractTsv.Word word, int glyph) =>
        word.Bottom + (glyph / 2) > cell.Top && word.Top - (glyph / 2) < cell.Top + cell.Height;

    /// <summary>A line of the column alone (no diagnosis name beside it) that holds only noise: a cell whose row name is on another line.</summary>
    private static RegionStrip.Region? Orphan(IReadOnlyList<TesseractTsv.Word> words, List<int> line, int left, int right, IReadOnlyCollection<int> suspects)
    {
        if (line.Any(i => !InColumn(words[i], left, right) || suspects.Contains(i) || words[i].Right > right || words[i].Text.Any(Hangul.IsSyllable) ||
                KcdToken.IsWellFormed(KcdToken.Split(words[i].Text).Core)) ||
            !line.Any(i => words[i].Text.Any(char.IsLetterOrDigit)) || line.Sum(i => words[i].Text.Length) > MaxNoiseLength)
        {
            return null;
        }

        var (top, height) = Band(words, line);
        return new RegionStrip.Region(line[0], line[^1], left, top, right - left, height, Median(line.Select(i => words[i].Height)));
    }

    private static RegionStrip.Region? Cell(IReadOnlyList<TesseractTsv.Word> words, List<int> row, int left, int right, IReadOnlyCollection<int> suspects)
    {
        var names = row.Where(i => words[i].Left + (words[i].Width / 2) < left).ToList();
        var inCell = row.Except(names).ToList();
        if (!names.Any(i => words[i].Text.Any(Hangul.IsSyllable)) || names.Any(i => words[i].Right > left + (words[i].Height / 2)) ||
            inCell.Any(i => suspects.Contains(i) || words[i].Right > right || words[i].Text.Any(Hangul.IsSyllable) || KcdToken.IsWellFormed(KcdToken.Split(words[i].Text).Core)) ||
            inCell.Sum(i => words[i].Text.Length) > MaxNoiseLength)
        {
            return null;
        }

        // A cell's noise is where its code's ink is, which is not always level with the row's name (codes printed higher
        // or lower than their names were read as noise half a row above them).
        var (top, bandHeight) = Band(words, inCell.Count > 0 ? inCell : row);
        var height = Median(row.Select(i => words[i].Height));
        var cellLeft = Math.Max(left, names.Max(i => words[i].Right) + 2);
        return inCell.Count == 0
            ? new RegionStrip.Region(row[^1] + 1, row[^1], cellLeft, top, right - cellLeft, bandHeight, height)
            : new RegionStrip.Region(inCell[0], inCell[^1], cellLeft, top, right - cellLeft, bandHeight, height);
    }

    /// <summary>
    /// The rows a cell's crop spans: the Korean model's syllable boxes are often taller than the line (a box of 93 px on a
    /// 38 px line), so the crop spans the row's median word around its median centre and does not take in the rows above
    /// and below.
    /// </summary>
    private static (int Top, int Height) Band(IReadOnlyList<TesseractTsv.Word> words, List<int> row)
    {
        var height = Median(row.Select(i => words[i].Height));
        var pad = Math.Max(3, height / 5);
        return (Centre(words, row) - (height / 2) - pad, height + (2 * pad));
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
