using VNexsus.Ocr.Imaging;
using VNexsus.Ocr.Rendering;
using VNexsus.Testing;

namespace VNexsus.UnitTests.Ocr;

public sealed class TableRuleRemoverTests
{
    private const byte Paper = 245;
    private const byte InkLevel = 20;

    /// <summary>An A4 page at 150 dpi with a 3×3 ruled table (2 px rules) and glyph-like strokes in its cells.</summary>
    private static (GrayImage Page, List<(int X, int Y)> Rules, List<(int X, int Y)> Text) RuledTable()
    {
        var page = GrayImage.Blank(1240, 1754, Paper);
        var rules = new List<(int, int)>();
        var text = new List<(int, int)>();
        void Fill(int x0, int y0, int w, int h, List<(int, int)> into)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    page.Pixels[(y * page.Width) + x] = InkLevel;
                    into.Add((x, y));
                }
            }
        }

        int[] rows = [300, 380, 460, 540];
        int[] columns = [100, 400, 800, 1100];
        foreach (var y in rows)
        {
            Fill(columns[0], y, columns[^1] - columns[0] + 2, 2, rules);
        }

        foreach (var x in columns)
        {
            Fill(x, rows[0], 2, rows[^1] - rows[0] + 2, rules);
        }

        // Glyph-like strokes in every cell, clear of the rules: short bars and stems like Hangul jamo at 10 pt.
        for (var r = 0; r < rows.Length - 1; r++)
        {
            for (var c = 0; c < columns.Length - 1; c++)
            {
                var x = columns[c] + 20;
                var y = rows[r] + 20;
                Fill(x, y, 28, 3, text);
                Fill(x + 12, y + 3, 3, 30, text);
                Fill(x + 40, y + 8, 24, 3, text);
                Fill(x + 70, y, 3, 36, text);
            }
        }

        rules.RemoveAll(text.Contains);
        return (page, rules, text);
    }

    [Fact]
    public void Table_rules_are_erased_and_text_strokes_are_kept()
    {
        var (page, rules, text) = RuledTable();

        var result = TableRuleRemover.Remove(page);

        Assert.Equal((page.Width, page.Height), (result.Image.Width, result.Image.Height));
        Assert.All(rules, p => Assert.True(result.Image[p.X, p.Y] > result.Threshold, $"rule pixel {p} is still ink"));
        Assert.All(text, p => Assert.Equal(InkLevel, result.Image[p.X, p.Y]));
        Assert.Equal(Paper, result.Paper);
        Assert.Equal(InkLevel, page[text[0].X, text[0].Y]); // the input is left as it was
    }

    [Fact]
    public void Rules_on_the_last_column_and_row_of_an_odd_sized_page_are_erased_and_a_glyph_beside_them_is_kept()
    {
        // 1237 × 1751: no row is a whole number of vectors, so the rule search's last, partial stretch of every row counts.
        var page = GrayImage.Blank(1237, 1751, Paper);
        for (var y = 200; y < page.Height; y++)
        {
            page.Pixels[(y * page.Width) + page.Width - 1] = InkLevel; // a border down the last column, to the bottom
        }

        Array.Fill(page.Pixels, InkLevel, ((page.Height - 1) * page.Width) + 900, page.Width - 900); // and along the last row
        for (var y = 600; y < 630; y++)
        {
            page.Pixels[(y * page.Width) + page.Width - 20] = InkLevel; // a stem near the border, too short for a rule
        }

        var result = TableRuleRemover.Remove(page);

        Assert.Equal(Paper, result.Image[page.Width - 1, 1000]);
        Assert.Equal(Paper, result.Image[page.Width - 1, page.Height - 1]);
        Assert.Equal(Paper, result.Image[1000, page.Height - 1]);
        Assert.Equal(InkLevel, result.Image[page.Width - 20, 615]);
        Assert.Equal(page.Height - 200 + page.Width - 900 - 1, result.ErasedPixels);
    }

    [Fact]
    public void A_page_without_rules_is_unchanged()
    {
        var (page, _, _) = RuledTable();
        var noRules = GrayImage.Blank(page.Width, page.Height, Paper);
        for (var y = 320; y < 360; y++)
        {
            for (var x = 120; x < 400; x += 12)
            {
                noRules.Pixels[(y * page.Width) + x] = InkLevel; // a row of short stems, like a line of text
            }
        }

        var result = TableRuleRemover.Remove(noRules);

        Assert.Equal(0, result.ErasedPixels);
        Assert.Equal(noRules.Pixels, result.Image.Pixels);
    }

    [Fact]
    public void A_solid_dark_area_is_not_taken_for_rules()
    {
        var page = GrayImage.Blank(1240, 1754, Paper);
        for (var y = 500; y < 800; y++)
        {
            Array.Fill(page.Pixels, InkLevel, (y * page.Width) + 300, 400);
        }

        var result = TableRuleRemover.Remove(page);

        Assert.Equal(InkLevel, result.Image[500, 650]);
        Assert.True(result.ErasedPixels < 400 * 300 / 20, $"{result.ErasedPixels} pixels of a solid box erased");
    }

    /// <summary>
    /// A heavy scan at 200 dpi (A4): noisy paper, a ruled table whose rules step by a pixel (skew), a dense line of text
    /// with full stops beside its glyphs, and dark specks alone in the table's empty cells and the margin.
    /// </summary>
    private static (GrayImage Page, List<(int X, int Y)> Rules, List<(int X, int Y)> Text, List<(int X, int Y)> Specks) NoisyScan()
    {
        const byte paper = 228, ink = 55;
        var random = new Random(7);
        var page = GrayImage.Blank(1654, 2339, paper);
        for (var i = 0; i < page.Pixels.Length; i++)
        {
            page.Pixels[i] = (byte)(paper + random.Next(-12, 13));
        }

        var rules = new List<(int, int)>();
        var text = new List<(int, int)>();
        var specks = new List<(int, int)>();
        void Fill(int x0, int y0, int w, int h, List<(int, int)> into)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    page.Pixels[(y * page.Width) + x] = ink;
                    into.Add((x, y));
                }
            }
        }

        // Rules 2 px thick that drop a pixel every 300 px, like a table on a page skewed by 0.2°.
        int[] rows = [400, 460, 520, 580];
        int[] columns = [170, 400, 1150, 1480];
        foreach (var y in rows)
        {
            for (var x = columns[0]; x < columns[^1] + 2; x++)
            {
                Fill(x, y + ((x - columns[0]) / 300), 1, 2, rules);
            }
        }

        foreach (var x in columns)
        {
            Fill(x, rows[0], 2, rows[^1] - rows[0] + 8, rules);
        }

        // A dense line of text above the table: 20 px glyphs whose bars are 3 px apart, a full stop 2 px after every
        // fourth glyph.
        for (int g = 0, x = 170; g < 50; g++)
        {
            Fill(x, 300, 20, 3, text);
            Fill(x + 8, 303, 3, 17, text);
            Fill(x, 317, 20, 3, text);
            x += 23;
            if (g % 4 == 3)
            {
                Fill(x - 1, 317, 3, 3, text);
                x += 6;
            }
        }

        // Specks of 2–4 px alone in the empty cells and in the margin.
        foreach (var (x, y, size) in new[] { (600, 485, 3), (900, 540, 4), (1300, 425, 2), (250, 1500, 3), (1200, 2000, 4) })
        {
            Fill(x, y, size, size, specks);
        }

        rules.RemoveAll(text.Contains);
        return (page, rules, text, specks);
    }

    [Fact]
    public void On_a_noisy_scan_rules_and_lone_specks_go_and_text_and_its_full_stops_stay()
    {
        var (page, rules, text, specks) = NoisyScan();

        var result = TableRuleRemover.Remove(page);

        Assert.All(rules, p => Assert.True(result.Image[p.X, p.Y] > result.Threshold, $"rule pixel {p} is still ink"));
        Assert.All(specks, p => Assert.True(result.Image[p.X, p.Y] > result.Threshold, $"speck pixel {p} is still ink"));
        Assert.All(text, p => Assert.Equal(page[p.X, p.Y], result.Image[p.X, p.Y]));
        Assert.Equal(5, result.ErasedSpecks);
    }

    [Fact]
    public void A_full_stop_set_apart_by_spaces_between_glyphs_stays_and_specks_and_middle_dots_go()
    {
        // 200 dpi: the stop is 14 px (1.8 mm) from the glyphs on both sides of it (2023 . 02: holdout14 golden set), the
        // speck 14 px after the last glyph of its line with only another speck after it.
        const byte paper = 230, ink = 40;
        var page = GrayImage.Blank(1654, 2339, paper);
        void Fill(int x0, int y0, int w, int h)
        {
            for (var y = y0; y < y0 + h; y++)
            {
                for (var x = x0; x < x0 + w; x++)
                {
                    page.Pixels[(y * page.Width) + x] = ink;
                }
            }
        }

        foreach (var x in new[] { 100, 151, 400 })
        {
            Fill(x, 300, 20, 3);
            Fill(x + 8, 303, 3, 17);
        }

        Fill(134, 317, 3, 3);
        Fill(434, 317, 3, 3);
        Fill(450, 317, 3, 3); // a second speck after the first: level with it, no glyph
        foreach (var x in new[] { 600, 651 })
        {
            Fill(x, 300, 20, 3);
            Fill(x + 8, 303, 3, 17);
        }

        Fill(634, 308, 3, 3); // a middle dot (ㆍ) between glyphs, their lower half beside it

        var result = TableRuleRemover.Remove(page);

        Assert.True(result.Image[135, 318] <= result.Threshold, "the full stop was erased");
        Assert.True(result.Image[435, 318] > result.Threshold, "the speck is still ink");
        Assert.True(result.Image[451, 318] > result.Threshold, "the second speck is still ink");
        Assert.True(result.Image[635, 309] > result.Threshold, "the middle dot is still ink");
        Assert.Equal(3, result.ErasedSpecks);
    }

    [Fact]
    public void The_paper_of_a_noisy_scan_is_made_flat_and_ink_keeps_its_level()
    {
        var (page, _, text, _) = NoisyScan();

        var result = TableRuleRemover.Remove(page);

        Assert.Equal(result.Paper, result.Image[1000, 1000]);
        Assert.Equal(2, result.Image.Pixels.Distinct().Count());
        Assert.All(text, p => Assert.Equal(page[p.X, p.Y], result.Image[p.X, p.Y]));
    }

    [Fact]
    public void On_a_noisy_page_with_little_ink_the_threshold_stays_below_the_papers_noise()
    {
        const byte paper = 228, ink = 55;
        var random = new Random(5);
        var page = GrayImage.Blank(1654, 2339, paper);
        for (var i = 0; i < page.Pixels.Length; i++)
        {
            page.Pixels[i] = (byte)(paper + random.Next(-12, 13));
        }

        // One short line of glyph-like strokes: a few thousand ink pixels on a page of four million.
        for (var x = 170; x < 700; x += 23)
        {
            for (var y = 300; y < 320; y++)
            {
                page.Pixels.AsSpan((y * page.Width) + x, 3).Fill(ink);
            }
        }

        var result = TableRuleRemover.Remove(page);

        Assert.InRange(result.Threshold, ink, paper - 13);
        Assert.Equal(0, result.ErasedPixels);
        Assert.Equal(ink, result.Image[171, 310]);
    }

    [Fact]
    public void The_minimum_rule_length_is_about_ten_millimetres()
    {
        Assert.Equal(118, TableRuleRemover.RuleLength(300));
        Assert.Equal(79, TableRuleRemover.RuleLength(200));
        Assert.Equal(300, Math.Round(TableRuleRemover.GuessDpi(2480, 3508)));
        Assert.Equal(169, Math.Round(TableRuleRemover.GuessDpi(1400, 230)));
    }

    [Fact]
    public void Pgm_round_trips_and_png_and_jpeg_decode_at_their_header_size()
    {
        var (page, _, _) = RuledTable();

        var decoded = GrayImage.Decode(page.ToPgm(), ImageHeader.Pgm);
        var png = GrayImage.Decode(Fixtures.Bytes(Fixtures.ScanPng), ImageHeader.Png);
        var jpeg = GrayImage.Decode(Fixtures.Bytes(Fixtures.ScanJpeg), ImageHeader.Jpeg);

        Assert.Equal(page.Pixels, decoded.Pixels);
        Assert.Equal((1241, 1754), (png.Width, png.Height));
        Assert.Equal((1241, 1754), (jpeg.Width, jpeg.Height));
    }

    [Fact]
    public void Garbage_is_not_an_image()
    {
        var error = Assert.Throws<VNexsus.Ocr.Engines.OcrEngineException>(() => GrayImage.Decode("P5\n10 10\n255\nshort"u8.ToArray(), ImageHeader.Pgm));

        Assert.Equal(VNexsus.Ocr.Engines.OcrFailureKind.InvalidInput, error.Kind);
    }
}
