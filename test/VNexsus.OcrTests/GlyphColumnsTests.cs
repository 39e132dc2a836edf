using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.OcrTests;

public sealed class GlyphColumnsTests
{
    [Fact]
    public void Each_run_of_inked_columns_is_one_glyph()
    {
        var page = Page((10, 14), (20, 26), (32, 35)); // a bracket, a digit, a dot

        Assert.Equal(new[] { (10, 14), (20, 26), (32, 35) }, GlyphColumns.Runs(page, 0, 0, page.Width, page.Height));
    }

    [Fact]
    public void A_lone_dark_pixel_is_noise_not_a_glyph()
    {
        var page = Page((20, 26));
        page.Pixels[(15 * page.Width) + 40] = 40;

        Assert.Equal(new[] { (20, 26) }, GlyphColumns.Runs(page, 0, 0, page.Width, page.Height));
    }

    [Fact]
    public void Paper_alone_has_no_glyphs()
    {
        Assert.Empty(GlyphColumns.Runs(Page(), 0, 0, 60, 30));
    }

    [Fact]
    public void A_characters_glyph_is_widened_by_the_margin_but_never_past_half_way_to_its_neighbour()
    {
        var page = Page((10, 14), (20, 26), (30, 36), (40, 46), (52, 56)); // ( 1 1 0 )

        // 6 px of paper to the bracket, 4 px to the next digit: at most 3 and 2 px of them
        Assert.Equal((17, 28), GlyphColumns.Glyph(page, 0, 0, page.Width, page.Height, "(110)", 1, margin: 5));
        Assert.Equal((19, 27), GlyphColumns.Glyph(page, 0, 0, page.Width, page.Height, "(110)", 1, margin: 1));
    }

    [Fact]
    public void A_glyph_the_word_box_cuts_through_is_found_whole_and_a_neighbour_outside_the_box_is_not_the_words()
    {
        var page = Page((2, 6), (14, 24), (28, 34), (38, 44), (48, 54)); // a colon's dot, then A090 whose box starts at the A's right leg

        Assert.Equal((13, 25), GlyphColumns.Glyph(page, 19, 0, 36, 20, "4090", 0, margin: 1)); // the whole A, a pixel of paper each side
    }

    [Fact]
    public void Without_one_run_per_character_the_glyph_is_not_known()
    {
        var page = Page((10, 14), (20, 36), (40, 46), (52, 56)); // two digits that touch

        Assert.Null(GlyphColumns.Glyph(page, 0, 0, page.Width, page.Height, "(110)", 1, margin: 3));
    }

    [Fact]
    public void Columns_outside_the_kept_ones_are_painted_paper()
    {
        var page = Page((10, 14), (20, 26));

        var kept = page.KeepingColumns(18, 28);

        Assert.Equal(220, kept[12, 15]); // the bracket's ink is gone
        Assert.Equal(40, kept[22, 15]);
        Assert.Equal(40, page[12, 15]); // the page itself is untouched
    }

    [Fact]
    public void A_runs_ink_rows_are_where_its_ink_starts_and_ends()
    {
        var page = Page((20, 26));

        Assert.Equal((5, 25), GlyphColumns.InkRows(page, (20, 26), 0, page.Height));
        Assert.Null(GlyphColumns.InkRows(page, (40, 46), 0, page.Height));
    }

    [Theory]
    [InlineData("K29.95", 16, "K29.9)")] // 』 read as 5: its ink starts below the middle of the 9 before it (holdout4 golden set)
    [InlineData("148.95", 16, "148.9)")]
    [InlineData("E0635", 16, "E063)")]
    [InlineData("K29.95", 5, "K29.95")] // a digit as tall as the one before it is a digit
    [InlineData("K29.9)", 16, "K29.9)")] // the mark read as one already
    [InlineData("2024.05", 16, "2024.05")] // no code's shape
    [InlineData("50009", 16, "50009")] // five figures: a dose (500mg), its g low like a mark
    public void A_codes_closing_mark_read_as_its_last_digit_is_read_as_a_bracket(string text, int lastTop, string expected)
    {
        var page = Page((10, 14), (20, 26), (30, 36));
        for (var y = lastTop; y < 28; y++)
        {
            for (var x = 42; x < 48; x++)
            {
                page.Pixels[(y * page.Width) + x] = 40;
            }
        }

        TesseractTsv.Word[] words = [new(1, 1, 1, 8, 4, 42, 22, 90, text)];

        var word = Assert.Single(ClosingMarks.Read(page, words));

        Assert.Equal(expected, word.Text);
        Assert.Equal(expected == text ? null : new TextCorrection(text, expected, ClosingMarks.Reason, words[0].Box), word.Correction);
    }

    /// <summary>A 70×30 page of paper gray 220 with ink (40) in full-height bars at the given columns.</summary>
    private static GrayImage Page(params (int Left, int Right)[] bars)
    {
        var page = GrayImage.Blank(70, 30, 220);
        foreach (var (left, right) in bars)
        {
            for (var y = 5; y < 25; y++)
            {
                for (var x = left; x < right; x++)
                {
                    page.Pixels[(y * page.Width) + x] = 40;
                }
            }
        }

        return page;
    }
}
