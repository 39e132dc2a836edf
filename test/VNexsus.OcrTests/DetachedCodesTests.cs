using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Layout;

namespace VNexsus.OcrTests;

/// <summary>
/// A table's code column read as lines of their own, put back on its rows. Geometry as measured on seed 43's heavy p08
/// (200 dpi): glyphs 22 px high, rows 52 px apart, the page turned so that a line falls 3 px every 100 px to the right,
/// the codes 800 px right of the names.
/// </summary>
public sealed class DetachedCodesTests
{
    private const double Slope = 0.03;

    [Fact]
    public void Codes_read_as_a_block_before_the_rows_go_to_the_rows_their_line_runs_through_on_the_turned_page()
    {
        var words = Page(
            (2, 1, 500, [("구분", 200), ("진단명", 410), ("bias", 1197)]),
            (3, 1, 582, [("406.9", 1194)]), // the column read before its rows, each code 30 px below its row's first word
            (3, 2, 634, [("851.", 1194)]),
            (3, 3, 686, [("080", 1192)]),
            (4, 1, 552, [("주진단", 200), ("상세불명의", 410), ("급성", 540), ("상기도감염", 600)]),
            (4, 2, 604, [("부진단", 200), ("두통", 410)]),
            (5, 1, 656, [("부진단", 200), ("단일", 410), ("자연분만", 470)]));

        var blocks = TesseractTsv.ToBlocks(DetachedCodes.Place(words));

        Assert.Equal(
            new[] { "구분 진단명 bias", "주진단 상세불명의 급성 상기도감염 406.9", "부진단 두통 851.", "부진단 단일 자연분만 080" },
            blocks.Select(b => b.Text));
    }

    [Fact]
    public void Without_the_page_slope_the_codes_would_sit_between_rows_so_a_level_page_keeps_them_apart()
    {
        // The same rows and codes on a page whose lines are level: each code is now 24 px below its row and 28 px above
        // the next, near neither.
        var words = Page(
            slope: 0,
            (3, 1, 576, [("406.9", 1194)]),
            (4, 1, 552, [("주진단", 200), ("상세불명의", 410), ("급성", 540), ("상기도감염", 600)]),
            (4, 2, 604, [("부진단", 200), ("두통", 410)]));

        Assert.Equal(words, DetachedCodes.Place(words));
    }

    [Fact]
    public void A_row_that_already_ends_in_a_code_or_a_line_that_is_no_code_stays_as_read()
    {
        var words = Page(
            (3, 1, 552, [("상세불명의", 410), ("결막염", 540), ("H10.9", 1000)]),
            (3, 2, 604, [("당화혈색소", 410)]),
            (4, 1, 552, [("I10", 1194)]), // a second code for a row that has one: not this pass's to decide
            (4, 2, 604, [("2.9%", 1194)]), // a lab value
            (4, 3, 656, [("2024", 1194)]), // a year
            (5, 1, 656, [("발병일", 410)]));

        Assert.Equal(words, DetachedCodes.Place(words));
    }

    [Fact]
    public void A_code_between_two_rows_stays_where_it_was_read()
    {
        var words = Page(
            (3, 1, 578, [("F32.9", 1194)]), // 26 px from each row's line
            (4, 1, 552, [("상세불명의", 410), ("우울에피소드", 540)]),
            (4, 2, 604, [("상세불명의", 410), ("요통", 540)]));

        Assert.Equal(words, DetachedCodes.Place(words));
    }

    [Fact]
    public void The_page_slope_is_the_median_of_its_long_lines_and_tall_syllable_boxes_do_not_move_it()
    {
        var words = Page(
            (1, 1, 300, [("환자명:", 200), ("홍길동", 320), ("등록번호:", 460), ("1234567", 620)]),
            (1, 2, 352, [("입원일:", 200), ("2024.", 320), ("4.", 420), ("6.", 470)]),
            (1, 3, 404, [("외래", 200), ("추적:", 280), ("2023.", 380), ("7.", 480), ("27.", 520)]))
            .Select(w => w.Text == "홍길동" ? w with { Top = w.Top - 30, Height = 80 } : w) // a box the Korean model stretched
            .ToList();

        Assert.InRange(PageSkew.Slope(words), Slope - 0.005, Slope + 0.005);
        Assert.Equal(0, PageSkew.Slope(Page(slope: 0.03, (1, 1, 300, [("짧은", 200), ("줄", 260)]))));
    }

    private static TesseractTsv.Word[] Page(params (int Block, int Line, int Top, (string Text, int Left)[] Words)[] lines) => Page(Slope, lines);

    /// <summary>Lines of words (block, line, the line's top at its first word, then each word's text and left) on a page turned by <paramref name="slope"/>; glyphs 22 px high, 15 px wide.</summary>
    private static TesseractTsv.Word[] Page(double slope, params (int Block, int Line, int Top, (string Text, int Left)[] Words)[] lines) =>
        lines.SelectMany(line => line.Words.Select((w, i) =>
                new TesseractTsv.Word(line.Block, 1, line.Line, w.Left, line.Top + (int)Math.Round(slope * (w.Left - line.Words[0].Left)), Math.Max(15, w.Text.Length * 15), 22, 90, w.Text) { SpaceBefore = i > 0 }))
            .ToArray();
}
