using VNexsus.Ocr;
using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.OcrTests;

public sealed class CodeCorrectionTests
{
    [Theory]
    [InlineData("(851)", true)] // R51 after a diagnosis name, no cue word on the line
    [InlineData("(280)", true)] // O80
    [InlineData("(|10)", true)] // I10
    [InlineData("!10)", true)]
    [InlineData("(500)", true)] // looked at; kept unless the image shows a letter
    [InlineData("(3회)", false)]
    [InlineData("(2024)", false)] // a year in brackets
    [InlineData("(원발성)", false)]
    [InlineData("851", false)] // not bracketed, no cue
    [InlineData("02)1234-5678", false)]
    public void A_bracketed_number_gets_the_look_a_cue_word_would_give_it(string token, bool suspect)
    {
        TesseractTsv.Word[] words = [new(1, 1, 1, 100, 50, 80, 40, 93, "두통"), new(1, 1, 1, 200, 50, 120, 40, 90, token) { SpaceBefore = true }];

        Assert.Equal(suspect, CodeSecondPass.FindSuspects(words).Contains(1));
    }

    [Theory]
    [InlineData("(851)", "R51", "(R51)")]
    [InlineData("(280)", "O80", "(O80)")]
    [InlineData("(|10)", "I10", "(I10)")]
    [InlineData("(500)", "500", null)] // the image shows no letter: an amount stays an amount
    [InlineData("(851)", "R52", null)] // the digits disagree
    public void A_bracketed_number_becomes_a_code_only_when_the_latin_reading_shows_its_letter(string token, string reading, string? expected)
    {
        TesseractTsv.Word[] words = [new(1, 1, 1, 100, 50, 80, 40, 93, "두통"), new(1, 1, 1, 200, 50, 120, 40, 90, token) { SpaceBefore = true }];
        var strip = CodeSecondPass.BuildStrip(GrayImage.Blank(600, 200), words, CodeSecondPass.FindSuspects(words))!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, slot.Top + 2, 90, slot.Bottom - slot.Top - 4, 90, reading)];

        var result = CodeSecondPass.Apply(words, strip, read);

        Assert.Equal(expected ?? token, result[1].Text);
        Assert.Equal(expected is null ? null : new TextCorrection(token, expected, CodeSecondPass.Reason, words[1].Box), result[1].Correction);
    }
}
