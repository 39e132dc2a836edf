using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.OcrTests;

/// <summary>
/// A diagnosis table's code column the first reading lost entirely, header included (seed 43's heavy p04): the header
/// <c>병명</c> and two rows of names were read, nothing right of them, while the page shows the codes 900 px right of the
/// names on a page turned so that a line climbs 3 px every 100 px to the right. Glyphs 22 px high, rows 52 px apart, the
/// paper at level 227 and the codes' ink at 90, as on a heavy scan with its rules and specks erased.
/// </summary>
public sealed class LostColumnTests
{
    private const double Slope = -0.03;
    private const int CodeLeft = 1100;

    [Fact]
    public void Each_row_of_a_table_with_nothing_read_right_of_its_names_gets_a_cell_around_the_ink_on_its_line_along_the_turned_page()
    {
        var words = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염"));
        var page = Paper();
        var codes = new[] { Ink(page, RowCentreAt(460, CodeLeft)), Ink(page, RowCentreAt(512, CodeLeft)) };

        var cells = CodeColumn.LostCells(words, page);

        Assert.Equal(2, cells.Count);
        Assert.Equal(new[] { (8, 7), (10, 9) }, cells.Select(c => (c.First, c.Last))); // empty cells: each code goes after its row's last name
        foreach (var (cell, ink) in cells.Zip(codes))
        {
            Assert.Equal(Slope, cell.Slope, 0.005);
            Assert.InRange(cell.Left, ink.Left - 22, ink.Left - 1); // the ink with a little paper, not the 1000 px of band right of the names
            Assert.InRange(cell.Left + cell.Width, ink.Right + 1, ink.Right + 22);
            var topAtCode = cell.Top + (cell.Slope * (ink.Left - cell.Left));
            Assert.InRange(topAtCode, ink.Top - 12, ink.Top - 1); // on its row's line carried 28 px up the slope, not level with its name
            Assert.InRange(topAtCode + cell.Height, ink.Bottom + 1, ink.Bottom + 12);
        }
    }

    [Fact]
    public void The_rows_run_as_far_as_names_end_their_lines_and_the_next_sections_lines_do_not_cancel_the_table()
    {
        // Seed 67 heavy p03: no colon after the table; the next section's title and a line of its lab table follow.
        var words = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염"))
            .Where(w => w.Block != 4)
            .Concat([Word(4, 1, 590, 160, "검사결과"), Word(5, 1, 640, 160, "2023년"), Word(5, 1, 640, 280, "HbA1c")])
            .ToArray();
        var page = Paper();
        Ink(page, RowCentreAt(460, CodeLeft));
        Ink(page, RowCentreAt(512, CodeLeft));

        var cells = CodeColumn.LostCells(words, page);

        Assert.Equal(new[] { (8, 7), (10, 9) }, cells.Select(c => (c.First, c.Last)));
    }

    [Fact]
    public void A_stub_of_the_columns_border_below_the_codes_line_is_left_out_of_its_cell()
    {
        var words = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염"));
        var page = Paper();
        var ink = Ink(page, RowCentreAt(460, CodeLeft));
        Ink(page, RowCentreAt(512, CodeLeft));
        var stubTop = ink.Bottom + 2; // what rule removal left of the border, 14 px left of the code and under its line
        for (var y = stubTop; y < stubTop + 10; y++)
        {
            page.Pixels[(y * page.Width) + CodeLeft - 14] = 90;
        }

        var cell = CodeColumn.LostCells(words, page)[0];

        Assert.InRange(cell.Left, ink.Left - 13, ink.Left - 1);
    }

    [Fact]
    public void A_table_with_no_ink_right_of_its_names_costs_no_reading()
    {
        var words = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염"));

        Assert.Empty(CodeColumn.LostCells(words, Paper()));
    }

    [Fact]
    public void A_table_with_a_code_read_right_of_a_name_has_not_lost_its_column()
    {
        var words = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염"))
            .Append(Word(3, 2, 512, CodeLeft, "H10.9")) // the second row's code, read
            .ToArray();
        var page = Paper();
        Ink(page, RowCentreAt(460, CodeLeft));

        Assert.Empty(CodeColumn.LostCells(words, page));
    }

    [Fact]
    public void A_label_and_a_table_with_a_code_header_of_its_own_are_no_lost_column()
    {
        var page = Paper();
        Ink(page, RowCentreAt(460, CodeLeft));
        Ink(page, RowCentreAt(512, CodeLeft));
        var label = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염")).Select(w => w.Text == "병명" ? w with { Text = "병명:" } : w).ToArray();
        var coded = Table(("상세불명의", "고지질혈증"), ("상세불명의", "결막염")).Append(Word(2, 1, 410, CodeLeft, "분류기호")).OrderBy(w => w.Block).ToArray();

        Assert.Empty(CodeColumn.LostCells(label, page));
        Assert.Empty(CodeColumn.LostCells(coded, page)); // that column is CodeColumn.Cells'
    }

    [Fact]
    public void A_lost_cell_read_with_a_digit_for_its_letter_takes_the_letter_only_when_both_letters_only_readings_agree()
    {
        var words = Table(("발목의", "염좌"), ("단일", "자연분만"));
        var page = Paper();
        Ink(page, RowCentreAt(460, CodeLeft));
        Ink(page, RowCentreAt(512, CodeLeft));
        var cells = RegionStrip.Build(page, CodeColumn.LostCells(words, page))!;
        TesseractTsv.Word[] latin = [Read(cells.Slots[0], 85, "593.40"), Read(cells.Slots[1], 90, "080")];

        var letterCrops = RegionStrip.Build(page, CodeSecondPass.LetterRegions(page, cells, latin))!;
        TesseractTsv.Word[] letters =
        [
            Read(letterCrops.Slots[0], 0, "S"), Read(letterCrops.Slots[1], 0, "SOZAO"), // the glyph alone, and on to the code's end
            Read(letterCrops.Slots[2], 0, "D"), Read(letterCrops.Slots[3], 0, "OBO"), // D or O: no letter
        ];
        var blocks = TesseractTsv.ToBlocks(CodeSecondPass.Apply(words, cells, latin, CodeSecondPass.CellLetters(cells, latin, letterCrops, letters)));

        Assert.Equal(4, letterCrops.Slots.Count);
        Assert.Equal("발목의 염좌 S93.40", blocks[2].Text.Split('\n')[0]);
        Assert.DoesNotContain("80", blocks[2].Text, StringComparison.Ordinal);
        var correction = Assert.Single(blocks[2].Corrections!);
        Assert.Equal(("", "S93.40", CodeSecondPass.ColumnReason), (correction.Original, correction.Corrected, correction.Reason));
    }

    [Fact]
    public void A_band_along_a_slope_is_cut_level()
    {
        var page = Paper();
        for (var x = 100; x < 900; x++)
        {
            page.Pixels[((int)Math.Round(500 + (Slope * (x - 100))) * page.Width) + x] = 90;
        }

        var band = page.CropAlong(100, 490, 800, 21, Slope);

        Assert.All(Enumerable.Range(0, 800), x => Assert.Equal(90, band[x, 10]));
    }

    /// <summary>A certificate's lines: the patient's (long enough to measure the slope), the header <c>병명</c> alone, the rows of names, the first line after the table.</summary>
    private static TesseractTsv.Word[] Table(params (string First, string Second)[] rows) =>
        [
            Word(1, 1, 350, 150, "환자명:"), Word(1, 1, 350, 300, "홍길동"), Word(1, 1, 350, 450, "등록번호:"), Word(1, 1, 350, 600, "3963729"), Word(1, 1, 350, 780, "주민등록번호:"),
            Word(2, 1, 410, 160, "병명"),
            .. rows.SelectMany((row, k) => new[] { Word(3, k + 1, 460 + (52 * k), 160, row.First), Word(3, k + 1, 460 + (52 * k), 320, row.Second) }),
            Word(4, 1, 590, 160, "발병일:"), Word(4, 1, 590, 280, "2021/06/02"),
        ];

    /// <summary>A word on the turned page: <paramref name="top"/> is its line's top at x 150.</summary>
    private static TesseractTsv.Word Word(int block, int line, int top, int left, string text) =>
        new(block, 1, line, left, top + (int)Math.Round(Slope * (left - 150)), Math.Max(15, text.Length * 15), 22, 90, text) { SpaceBefore = left > 160 };

    /// <summary>A word a strip's reading gives in a slot.</summary>
    private static TesseractTsv.Word Read(RegionStrip.Slot slot, double confidence, string text) =>
        new(1, 1, slot.Top, 20, slot.Top + 2, text.Length * 15, slot.Bottom - slot.Top - 4, confidence, text);

    private static double RowCentreAt(int top, int x) => top + 11 + (Slope * (x - 150));

    private static GrayImage Paper() => GrayImage.Blank(1654, 900, 227);

    /// <summary>A code's ink: four glyphs, each a stem and a bar, 22 px high, centred on a row's line; where it is.</summary>
    private static (int Left, int Right, int Top, int Bottom) Ink(GrayImage page, double centre)
    {
        var top = (int)Math.Round(centre - 11);
        for (var glyph = 0; glyph < 4; glyph++)
        {
            var left = CodeLeft + (glyph * 18);
            for (var y = top; y < top + 22; y++)
            {
                for (var x = left; x < left + 14; x++)
                {
                    page.Pixels[(y * page.Width) + x] = x < left + 3 || y < top + 3 ? (byte)90 : (byte)227;
                }
            }
        }

        return (CodeLeft, CodeLeft + (3 * 18) + 14, top, top + 22);
    }
}
