using VNexsus.Ocr.Engines.Tesseract;

namespace VNexsus.Ocr.Correction;

/// <summary>
/// The cells of a table's code column that the first reading lost. On heavy scans the Korean model reads a whole code
/// column as noise (<c>ae</c>, <c>a To</c>, <c>|</c>) or not at all, while the column's header (<c>상병코드</c>,
/// <c>분류기호</c>) and the diagnosis names of its rows survive. A row of the header's block that has Hangul left of the
/// column and, under the header, only such noise or nothing is a cell worth a look with the Latin model. The look only
/// ever keeps what that model reads as a well-formed code in the cell's own pixels.
/// </summary>
public static class CodeColumn
{
    /// <summary>Header words of a code column.</summary>
    public static readonly string[] HeaderCues = ["코드", "분류기호", "KCD"];

    /// <summary>How far (in line heights) a code may start left of its header, and end right of it.</summary>
    private const double Reach = 1.5;

    /// <summary>How far (in the word's heights) the dotted code of the next row may be: rows measured 2.6 heights apart.</summary>
    private const double NeighbourRows = 3;

    /// <summary>Noise in a cell is at most this long; longer text is something else the model read.</summary>
    private const int MaxNoiseLength = 6;

    /// <summary>
    /// The cells to re-read, as regions: <see cref="RegionStrip.Region.First"/>..<see cref="RegionStrip.Region.Last"/>
    /// are the noise words in the cell, or, for an empty cell, Last is First − 1 and First is where its word goes. Rows
    /// holding a word in <paramref name="suspects"/> (re-read as a token, checked against its digits) are left out.
    /// </summary>
    public static IReadOnlyList<RegionStrip.Region> Cells(IReadOnlyList<TesseractTsv.Word> words, IReadOnlyCollection<int> suspects)
    {
        var cells = new List<RegionStrip.Region>();
        var indexed = Enumerable.Range(0, words.Count).GroupBy(i => words[i].LineKey).Select(g => g.ToList()).ToList();
        foreach (var header in indexed.Select(line => Header(words, line)).OfType<(int Block, int Bottom, int Left, int Right, int Height)>())
        {
            foreach (var row in indexed.Where(line => words[line[0]].Block == header.Block && words[line[0]].Top > header.Bottom))
            {
                if (Cell(words, row, header.Left, header.Right, suspects) is { } cell)
                {
                    cells.Add(cell);
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// Whether the word stands in a column of codes: a dotted code of its block is in the row right above or below it
    /// and overlaps it. Not whatever lies under a code header: the header's reach runs on past the table (measured: the
    /// days column of the prescription table below read <c>142</c>, 14일, under <c>상병코드</c>).
    /// </summary>
    public static bool Holds(IReadOnlyList<TesseractTsv.Word> words, int index)
    {
        var word = words[index];
        var rowReach = NeighbourRows * Math.Max(word.Height, 1);
        return words.Any(code => code.Block == word.Block && code.LineKey != word.LineKey && Math.Abs(code.Top - word.Top) <= rowReach &&
            code.Left < word.Right && word.Left < code.Right && KcdToken.IsDotted(KcdToken.Split(code.Text).Core));
    }

    /// <summary>The code column a header line names, from the space-separated group of words holding the cue.</summary>
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

        var cue = groups.FirstOrDefault(g => HeaderCues.Any(string.Concat(g.Select(i => words[i].Text)).Contains));
        if (cue is null)
        {
            return null;
        }

        var height = cue.Max(i => words[i].Height);
        var reach = (int)(Reach * height);
        return (words[cue[0]].Block, cue.Max(i => words[i].Bottom), cue.Min(i => words[i].Left) - reach, cue.Max(i => words[i].Right) + reach, height);
    }

    private static RegionStrip.Region? Cell(IReadOnlyList<TesseractTsv.Word> words, List<int> row, int left, int right, IReadOnlyCollection<int> suspects)
    {
        bool InColumn(int i) => words[i].Left + (words[i].Width / 2) >= left;
        var names = row.Where(i => !InColumn(i)).ToList();
        var inCell = row.Where(InColumn).ToList();
        if (!names.Any(i => words[i].Text.Any(Hangul.IsSyllable)) || names.Any(i => words[i].Right > left + (words[i].Height / 2)) ||
            inCell.Any(i => suspects.Contains(i) || words[i].Right > right || words[i].Text.Any(Hangul.IsSyllable) || KcdToken.IsWellFormed(KcdToken.Split(words[i].Text).Core)) ||
            inCell.Sum(i => words[i].Text.Length) > MaxNoiseLength)
        {
            return null;
        }

        // The Korean model's syllable boxes are often taller than the line (a box of 93 px on a 38 px line): the cell
        // spans the row's median word around its median centre, so it does not take in the rows above and below.
        var height = Median(row.Select(i => words[i].Height));
        var centre = Median(row.Select(i => words[i].Top + (words[i].Height / 2)));
        var pad = Math.Max(3, height / 5);
        var top = centre - (height / 2) - pad;
        var bottom = centre + (height / 2) + pad;
        var cellLeft = Math.Max(left, names.Max(i => words[i].Right) + 2);
        return inCell.Count == 0
            ? new RegionStrip.Region(row[^1] + 1, row[^1], cellLeft, top, right - cellLeft, bottom - top, height)
            : new RegionStrip.Region(inCell[0], inCell[^1], cellLeft, top, right - cellLeft, bottom - top, height);
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
