using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Layout;

namespace VNexsus.OcrTests;

/// <summary>Word boxes the Korean model drew far narrower than their text (golden dev set, clean scans at 300 dpi: glyphs 31 px high).</summary>
public sealed class NarrowBoxesTests
{
    [Fact]
    public void A_box_far_narrower_than_its_digits_is_widened_towards_the_next_word_and_its_text_kept()
    {
        var words = Line(("2022-07-28", 169, 228), ("ㄷ", 415, 35), ("11.4", 466, 9), ("당", 536, 37));

        var widened = NarrowBoxes.Widen(words);

        Assert.Equal(words.Select(w => w.Text), widened.Select(w => w.Text));
        Assert.Equal(466, widened[2].Left);
        Assert.Equal(536 - 2, widened[2].Right); // 3.5 glyphs at 0.65 of the height would reach 536: the next word stops it
        Assert.Equal(words.Where((_, i) => i != 2), widened.Where((_, i) => i != 2));
    }

    [Fact]
    public void A_lone_consonant_is_widened_to_a_full_width_glyph()
    {
        var words = Line(("2024.", 1284, 107), ("ㄷ", 1569, 8), ("11.4", 1612, 56));

        var widened = NarrowBoxes.Widen(words);

        Assert.Equal(1569 + (int)(0.65 * 1.7 * 31), widened[1].Right);
    }

    [Theory]
    [InlineData("I10", 46)] // an I and two digits: narrow, but what such text measures
    [InlineData("당뇨병", 9)] // no digit: no pass crops it
    [InlineData("11.4", 56)]
    public void Other_boxes_stay_as_read(string text, int width)
    {
        var words = Line((text, 500, width), ("다음", 700, 60));

        Assert.Equal(words, NarrowBoxes.Widen(words));
    }

    [Fact]
    public void A_box_is_measured_against_its_lines_height_not_its_own_when_that_is_taller()
    {
        // Seed default, heavy p15: 110 (I10) boxed 61 px high on a line of 27-px words; at its own height it would be narrow.
        TesseractTsv.Word[] words =
        [
            new(1, 3, 2, 514, 400, 22, 28, 86, "질"), new(1, 3, 2, 567, 399, 24, 27, 93, "분"), new(1, 3, 2, 620, 398, 106, 26, 12, "기호:"),
            new(1, 3, 2, 689, 383, 40, 61, 12, "110"), new(1, 3, 2, 745, 387, 70, 33, 50, "F329"),
        ];

        Assert.Equal(words, NarrowBoxes.Widen(words));
    }

    private static TesseractTsv.Word[] Line(params (string Text, int Left, int Width)[] words) =>
        words.Select(w => new TesseractTsv.Word(1, 1, 1, w.Left, 462, w.Width, 31, 90, w.Text)).ToArray();
}
