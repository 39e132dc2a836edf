using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Layout;

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

    /// <summary>A diagnosis table whose code column was lost entirely has at least this many rows of names: one name under a header is no table.</summary>
    private const int LostRows = 2;

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
    /// The cells of a diagnosis table's code column that the first reading lost entirely, header included: on heavy scans
    /// the Korean model may read nothing right of the names (seed 43 p04: <c>병명</c> and two rows of names, nothing right
    /// of x 1011 on the whole page, where the image shows <c>분류기호</c> over <c>E78.5</c> and <c>H10.9</c> at x ≈ 1100–1180).
    /// A line naming the diagnosis column (<see cref="NameHeaders"/>, not a label) with at least <see cref="LostRows"/> rows
    /// of names under it with nothing read after the name has a lost column when it has no code header of its own (that
    /// column is <see cref="Cells"/>'). The rows are taken down to the first line that ends in something else: without a
    /// colon line after the table, the next section's title and its own table follow (seed 67 p03: <c>검사결과</c>, then
    /// <c>2023년 11월 16일 HbA1c</c>), and a title's band to the margin holds no ink. Each row's cell is an empty cell
    /// (Last is First − 1, First where its word goes) running from past its name to the page's right margin (taken as
    /// wide as its left one: the page's text gives no right edge when the column is what was lost), as a band along the
    /// page's slope (<see cref="PageSkew"/>): a 2° turn moves a row 30 px over the 800 px from its name to its code, more
    /// than a line's height. A cell whose
    /// band holds a word of another line is left out: something was read there, and it is looked at as that word. Only
    /// what the Latin model reads in a cell as a well-formed code with the confidence a lost cell needs is ever kept
    /// (<see cref="CodeSecondPass.CellReading"/>).
    /// </summary>
    public static IReadOnlyList<RegionStrip.Region> LostCells(IReadOnlyList<TesseractTsv.Word> words, GrayImage page)
    {
        var lines = Enumerable.Range(0, words.Count).GroupBy(i => words[i].LineKey).Select(g => g.ToList()).OrderBy(line => Centre(words, line)).ToList();
        var cells = new List<RegionStrip.Region>();
        var headers = Enumerable.Range(0, lines.Count).Where(k => NamesColumn(words, lines[k]) && Header(words, lines[k]) is null).ToList();
        if (headers.Count == 0)
        {
            return cells;
        }

        var slope = PageSkew.Slope(words);
        var right = page.Width - words.Min(w => w.Left);
        foreach (var header in headers)
        {
            var rows = Rows(words, lines, header).TakeWhile(row => EndsInName(words, row)).ToList();
            if (rows.Count < LostRows)
            {
                continue;
            }

            // The names' heights, not the rows': noise read before a name (AASB) may be a box twice their height; and
            // each row's lower quartile, not its median: the model's syllable boxes are often twice the line's height too
            // (단일 자연분만 measured 29, 62, 62 and 38 px on a 26 px line). One height for every cell of the table, as
            // for the cells under a header (Cells): the strip is read as one block of text, and crops enlarged and crops
            // left as they are in one strip were read as nothing at all.
            var names = rows.Select(row => row.Where(i => words[i].Text.Any(Hangul.IsSyllable)).Select(i => words[i]).ToList()).ToList();
            var glyph = Median(names.Select(row => LowerQuartile(row.Select(w => w.Height))));

            // Half a glyph of paper above and below: a code printed off its name's level stays in its band, and rows
            // measured 2 glyphs apart keep the next row's code out of it.
            var band = 2 * glyph;
            foreach (var (row, rowNames) in rows.Zip(names))
            {
                var left = row.Max(i => words[i].Right) + glyph;
                var top = (int)Math.Round(PageSkew.CentreAt(rowNames, left, slope) - (band / 2.0));
                var cell = new RegionStrip.Region(row[^1] + 1, row[^1], left, top, right - left, band, glyph, Slope: slope);
                if (cell.Width > 0 && !words.Any(w => Within(cell, w)) && Inked(page, cell) is { } inked)
                {
                    cells.Add(inked);
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
        // A label (질병분류기호: followed by the codes on its line) names no column.
        var texts = Groups(words, line);
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

    /// <summary>A line's space-separated groups of words, each with its text.</summary>
    private static List<(List<int> Group, string Text)> Groups(IReadOnlyList<TesseractTsv.Word> words, List<int> line)
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

        return groups.Select(g => (Group: g, Text: string.Concat(g.Select(i => words[i].Text)))).ToList();
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

    /// <summary>Whether a line names a table's diagnosis column: a group of its words, or the line alone (<c>진 단 명</c> read as three words).</summary>
    private static bool NamesColumn(IReadOnlyList<TesseractTsv.Word> words, List<int> line) =>
        Groups(words, line).Any(g => NameHeaders.Contains(g.Text)) || NameHeaders.Contains(string.Concat(line.Select(i => words[i].Text)));

    /// <summary>
    /// The rows under a diagnosis column's header: the lines that follow it down the page, each within
    /// <see cref="NeighbourRows"/> of its heights of the one above and starting left of the header's end, that hold Hangul
    /// and no colon (<c>발병일:</c> is the first line after a table). A line without Hangul before the first row is the
    /// table's own header misread (<c>구분 진단명</c> as <c>Fe lee</c> under a section title <c>진단명</c>); after a row it
    /// ends the table.
    /// </summary>
    private static List<List<int>> Rows(IReadOnlyList<TesseractTsv.Word> words, List<List<int>> lines, int header)
    {
        var rows = new List<List<int>>();
        var headerRight = lines[header].Max(i => words[i].Right);
        var bottom = Centre(words, lines[header]) + (Median(lines[header].Select(i => words[i].Height)) / 2);
        foreach (var line in lines.Skip(header + 1).Where(line => words[line[0]].Left < headerRight))
        {
            var height = Median(line.Select(i => words[i].Height));
            var centre = Centre(words, line);
            if (centre - (height / 2) > bottom + (NeighbourRows * height) || line.Any(i => words[i].Text.Contains(':', StringComparison.Ordinal)))
            {
                break;
            }

            var hangul = line.Any(i => words[i].Text.Any(Hangul.IsSyllable));
            if (!hangul && rows.Count > 0)
            {
                break;
            }

            if (hangul)
            {
                rows.Add(line);
            }

            bottom = centre + (height / 2);
        }

        return rows;
    }

    /// <summary>Whether the last word of a row that holds a letter or digit is Hangul: nothing was read after its name.</summary>
    private static bool EndsInName(IReadOnlyList<TesseractTsv.Word> words, List<int> row) =>
        row.Select(i => words[i]).Where(w => w.Text.Any(char.IsLetterOrDigit)).MaxBy(w => w.Right) is { } last && last.Text.Any(Hangul.IsSyllable);

    /// <summary>
    /// The part of a lost cell that holds ink, with a little paper around it, or null when it holds none. A crop of the
    /// whole band, 1000 px of paper for a code of 100, was read as nothing at all (the strip's white margins beside that
    /// much of a scan's gray paper); and the code's word gets the box of its ink, not of the band. Ink is what is darker
    /// than two thirds of the paper's level (measured on a heavy scan with its rules and specks erased: glyph strokes
    /// 87–140, paper 227, what specks remain 195 and lighter). A column of ink holds a third of a glyph's height of it (a
    /// glyph's stem; the bowls, bars and dots between stems are bridged as gaps of up to a glyph), and a row of ink three
    /// pixels of it: the specks a heavy scan keeps are dots a few pixels across, and crops that took one in beside a code
    /// were read with no confidence (measured: <c>K29.7</c> 0, <c>I10</c> read as nothing in a crop 350 px wide). A run
    /// narrower than half a glyph is no code either.
    /// </summary>
    private static RegionStrip.Region? Inked(GrayImage page, RegionStrip.Region cell)
    {
        var pixels = Enumerable.Range(0, cell.Width)
            .Select(x => (X: x, Column: cell.Left + x, Top: cell.Top + (int)Math.Round(cell.Slope * x)))
            .Where(c => c.Column >= 0 && c.Column < page.Width)
            .SelectMany(c => Enumerable.Range(Math.Max(0, c.Top), Math.Max(0, Math.Min(page.Height, c.Top + cell.Height) - Math.Max(0, c.Top)))
                .Select(y => (c.X, Y: y - c.Top, Level: (int)page[c.Column, y])))
            .ToList();
        if (pixels.Count == 0)
        {
            return null;
        }

        var threshold = 2 * Median(pixels.Select(p => p.Level)) / 3;
        var ink = pixels.Where(p => p.Level < threshold).ToList();
        var byColumn = ink.GroupBy(p => p.X).ToList();
        var columns = byColumn.ToDictionary(g => g.Key, g => g.Count());
        var stems = byColumn.Where(g => g.Count() >= cell.GlyphHeight / 3).Select(g => (X: g.Key, Top: g.Min(p => p.Y), Bottom: g.Max(p => p.Y))).ToList();
        if (stems.Count == 0)
        {
            return null;
        }

        // A stem beside the code but off its line is no glyph of it: what rule removal left of the column's border
        // (seed 67 p03: a 10 px stub under the baseline, 14 px left of E11.9, read into E119 at confidence 19).
        var (glyphTop, glyphBottom) = (Median(stems.Select(s => s.Top)), Median(stems.Select(s => s.Bottom)));
        var runs = new List<(int From, int To)>();
        foreach (var x in stems.Where(s => s.Top <= glyphBottom && s.Bottom >= glyphTop).Select(s => s.X).Order())
        {
            if (runs.Count > 0 && x - runs[^1].To <= cell.GlyphHeight)
            {
                runs[^1] = (runs[^1].From, x);
            }
            else
            {
                runs.Add((x, x));
            }
        }

        var glyphs = runs.Where(r => r.To - r.From + 1 >= cell.GlyphHeight / 2).ToList();
        if (glyphs.Count == 0)
        {
            return null;
        }

        // The stems' span, and on past them through the strokes that join them (a 7's bar, a 5's bowl).
        var (from, to) = (glyphs[0].From, glyphs[^1].To);
        while (columns.GetValueOrDefault(from - 1) >= 2)
        {
            from--;
        }

        while (columns.GetValueOrDefault(to + 1) >= 2)
        {
            to++;
        }

        var rows = ink.Where(p => p.X >= from && p.X <= to).GroupBy(p => p.Y).Where(g => g.Count() >= 3).Select(g => g.Key).ToList();
        var pad = Math.Max(3, cell.GlyphHeight / 5);
        var left = Math.Max(0, from - (cell.GlyphHeight / 3));
        var right = Math.Min(cell.Width, to + 1 + (cell.GlyphHeight / 3));
        var top = Math.Max(0, rows.Min() - pad);
        var bottom = Math.Min(cell.Height, rows.Max() + 1 + pad);
        return cell with { Left = cell.Left + left, Top = cell.Top + (int)Math.Round(cell.Slope * left) + top, Width = right - left, Height = bottom - top };
    }

    /// <summary>Whether a word's centre lies in a band along the page's slope (<see cref="RegionStrip.Region.Slope"/>).</summary>
    private static bool Within(RegionStrip.Region cell, TesseractTsv.Word word)
    {
        var x = word.Left + (word.Width / 2.0);
        var y = word.Top + (word.Height / 2.0);
        var top = cell.Top + (cell.Slope * (x - cell.Left));
        return x > cell.Left && x < cell.Left + cell.Width && y > top && y < top + cell.Height;
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

    private static int LowerQuartile(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(sorted.Count - 1) / 4];
    }

    private static int Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
