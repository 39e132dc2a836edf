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
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(600, 200), words, CodeSecondPass.FindSuspects(words))!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, slot.Top + 2, 90, slot.Bottom - slot.Top - 4, 90, reading)];

        var result = CodeSecondPass.Apply(words, strip, read);

        Assert.Equal(expected ?? token, result[1].Text);
        Assert.Equal(expected is null ? null : new TextCorrection(token, expected, CodeSecondPass.Reason, words[1].Box), result[1].Correction);
    }

    [Theory]
    [InlineData("터1.9", "E11.9", "E11.9")] // E and the first 1 read as one syllable (ㅌ, ㅓ), four times on light scans read at 200 dpi
    [InlineData("(터1.9)", "E11.9", "(E11.9)")]
    [InlineData("터1.9", "EI1.9", "E11.9")] // the Latin model's I after the letter is a 1
    [InlineData("터1.9", "E11.8", null)] // the rest differs
    [InlineData("터1.9", "E1.9", null)] // no code
    [InlineData("터1.9", "E119", null)] // no dot where the first reading saw one
    [InlineData("터1.9", "EE1.9", null)] // no digit after the letter
    public void A_letter_and_digit_read_as_one_syllable_take_both_from_the_latin_reading_in_a_code_position_only(string token, string reading, string? expected)
    {
        Assert.True(KcdToken.IsSuspect(token, lineHasCue: true));
        Assert.False(KcdToken.IsSuspect(token, lineHasCue: false));
        Assert.Equal(expected, KcdToken.Corrected(token, reading));
    }

    [Theory]
    [InlineData("질병분류기호:6119", "E119", "질병분류기호:E119")] // a label run into the code is kept, the code corrected after it
    [InlineData("질병분류기호::『329", "F329", "질병분류기호::F329")]
    [InlineData("질병분류기호:6119", "E118", null)]
    public void A_label_the_model_ran_into_a_code_stays_in_front_of_the_corrected_code(string token, string reading, string? expected)
    {
        Assert.True(KcdToken.IsSuspect(token, lineHasCue: true));
        Assert.Equal(expected, KcdToken.Corrected(token, reading));
    }

    [Theory]
    [InlineData("질병분류기호:110", "110", "질병분류기호:I10")] // no code starts with a digit: after a code label, 1 is I
    [InlineData("질병분류기호:l10", "I10", "질병분류기호:I10")]
    [InlineData("분류기호:120.9", "120.9", "분류기호:I20.9")]
    [InlineData("질병분류기호:110", "112", null)] // the image shows other digits
    [InlineData("110", "110", null)] // no label: a number stays a number
    [InlineData("검사번호:110", "110", null)] // a label that names no codes
    [InlineData("질병분류기호:210", "210", null)] // only 1 looks like I
    public void After_a_code_label_a_first_glyph_read_as_1_is_the_letter_I(string token, string reading, string? expected)
    {
        Assert.Equal(expected, KcdToken.AfterCodeLabel(token, reading));
    }

    [Theory]
    [InlineData("상병명: ", "|119", "1119", "I119")] // the label a word of its own before the code (holdout golden set)
    [InlineData("상병명: ", "!20.8", "I20.8", "I20.8")] // ! for the I
    [InlineData("상병명: ", "119", "1119", "I119")] // the Korean model lost the I; the Latin one shows a bar in front of all its digits
    [InlineData("상병명: ", "119", "119", "I19")] // both read the same glyphs: the first is the letter, as after any code label
    [InlineData("상병명: ", "JOO", "JOO", "J00")] // zeros read as the letter O after a code label
    [InlineData("상병명: ", "JOO", "J08", null)] // the image shows other digits
    [InlineData("검사번호: ", "|119", "1119", null)] // a label that names no codes
    [InlineData("호흡 ", "CO2", "CO2", null)] // no label: a word, not a code
    [InlineData("Dx. #1 ", "1259", "1259", "I259")] // the records' abbreviation, a list's number between it and the code (holdout5 golden set)
    [InlineData("Dx. ", "#11259", "1259", "#1I259")] // the number run into the code
    [InlineData("Tx. #1 ", "1259", "1259", null)] // a treatment's list
    [InlineData("A) ", "[1110]", "1110", "[I110]")] // a note's assessment, the code in brackets (【I110】: holdout3 golden set)
    [InlineData("A) ", "1110", "1110", null)] // not in brackets: a count may follow the label
    [InlineData("B) ", "[1110]", "1110", null)]
    [InlineData("신혈관성 고혈압 (KCD7) ", "1150", "1150", "I150")] // the classification's edition in brackets as the label (holdout9 golden set)
    [InlineData("신혈관성 고혈압 [KCD-8] ", "1150", "1150", "I150")]
    [InlineData("신혈관성 고혈압 (KCD7)x ", "1150", "1150", null)] // a word that only starts like one
    public void After_a_diagnosis_label_spaced_from_the_code_its_letter_is_read_from_the_image(string before, string token, string reading, string? expected)
    {
        Assert.Equal(expected, KcdToken.AfterCodeLabel(token, reading, before));
    }

    [Theory]
    [InlineData("【I110】", "【", "I110", "】")] // lenticular and corner brackets are brackets too (holdout3 golden set)
    [InlineData("「E11.5」", "「", "E11.5", "」")]
    [InlineData("「『ㄷ11.5,", "「", "『ㄷ11.5", ",")]
    [InlineData("(611.9)", "(", "611.9", ")")]
    [InlineData("#1E109", "#1", "E109", "")] // a list's number run into the code (holdout5 golden set)
    [InlineData("#11259", "#1", "1259", "")]
    [InlineData("<611.9>", "<", "611.9", ">")] // 〈〉 as the Korean model reads them (holdout12 golden set)
    [InlineData("*ㄷ11.9", "*", "ㄷ11.9", "")] // a row's mark run into the code
    [InlineData("ㄷ11.9-합병증", "", "ㄷ11.9", "-합병증")] // the name run in after a dash
    public void A_codes_brackets_are_split_from_it_whatever_their_style(string token, string prefix, string core, string suffix)
    {
        Assert.Equal((prefix, core, suffix), KcdToken.Split(token));
        Assert.Equal(suffix is "】" or "」" or ")" or ">", KcdToken.IsBracketed(token));
    }

    [Fact]
    public void A_code_a_lists_number_ran_into_is_cropped_from_after_the_number()
    {
        TesseractTsv.Word[] words = [new(1, 1, 1, 100, 50, 60, 40, 93, "Dx."), new(1, 1, 1, 200, 50, 144, 40, 90, "#11259") { SpaceBefore = true }];

        var region = Assert.Single(CodeSecondPass.Regions(words, [1]));

        Assert.Equal(200 + (int)(1.8 * 24), region.Left); // six glyphs of 24 px, the crop from a fifth of a glyph before the code
    }

    [Fact]
    public void A_code_in_corner_brackets_whose_letter_the_korean_model_lost_is_corrected_inside_them()
    {
        Assert.Equal("「E11.5,", KcdToken.Corrected("「『ㄷ11.5,", "E11.5")); // the glyphs read for the letter, a mark among them, give way to it
    }

    [Theory]
    [InlineData("JOO", true)]
    [InlineData("CO2", true)] // after a code label only a code stands
    [InlineData("J00", false)] // well-formed: nothing to look at
    public void A_code_with_zeros_read_as_letters_is_looked_at_again_after_a_code_label(string token, bool suspect)
    {
        TesseractTsv.Word[] labelled = [new(1, 1, 1, 100, 50, 80, 40, 93, "상병명:"), new(1, 1, 1, 200, 50, 60, 40, 90, token) { SpaceBefore = true }];
        TesseractTsv.Word[] cueOnly = [new(1, 1, 1, 100, 50, 80, 40, 93, "진단"), new(1, 1, 1, 200, 50, 60, 40, 90, "호흡"), new(1, 1, 1, 280, 50, 60, 40, 90, token) { SpaceBefore = true }];

        Assert.Equal(suspect, CodeSecondPass.FindSuspects(labelled).Contains(1));
        Assert.DoesNotContain(2, CodeSecondPass.FindSuspects(cueOnly));
    }

    [Theory]
    [InlineData("질병분류기호", ":110", "110", ":I10")] // the label read as its own words, the colon with the code
    [InlineData("검사번호", ":110", "110", null)]
    [InlineData("질병분류기호", "110", "110", "I10")] // no colon: a form prints the label in a cell of its own (질병분류기호 112.9, holdout2 golden set)
    [InlineData("질병분류기호", "210", "210", null)] // only 1 looks like I
    [InlineData("주상병", "163.9", "163.9", "I63.9")] // a dotted code straight after a diagnosis word (golden dev set)
    [InlineData("주상병", "163.9", "63.9", null)] // the Latin reading shows no bar
    [InlineData("혈당", "163.9", "163.9", null)] // a value, not a code: no diagnosis word
    public void A_code_label_may_be_the_words_before_the_token(string label, string token, string reading, string? expected)
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 180, 40, 93, label),
            new(1, 1, 1, 282, 50, 80, 40, 90, token) { SpaceBefore = false },
        ];
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(600, 200), words, [1])!;
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, strip.Slots[0].Top + 2, 90, strip.Slots[0].Bottom - strip.Slots[0].Top - 4, 94, reading)];

        Assert.Equal(expected ?? token, CodeSecondPass.Apply(words, strip, read)[1].Text);
    }

    [Theory]
    [InlineData("(<(0-8):『042", "KCD8E042", "(<(0-8):E042")] // 진단코드(KCD-8):E042, the label's Latin letters read with the code (holdout8 golden set)
    [InlineData("(《(ㅁ-8):『10.2", "KCD8E10.2", "(《(ㅁ-8):E10.2")]
    [InlineData("(<(0-8):『042", "KCD8E043", null)] // the digits disagree
    [InlineData("(<(0-8):『042", "KCD8E04X", null)] // no code ends the reading
    public void A_code_label_with_latin_letters_read_as_one_word_with_the_code_gives_the_code_its_letter(string token, string reading, string? expected)
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 120, 40, 93, "진단코드"),
            new(1, 1, 1, 222, 50, 250, 40, 44, token) { SpaceBefore = false },
        ];
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(800, 200), words, [1])!;
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, strip.Slots[0].Top + 2, 240, strip.Slots[0].Bottom - strip.Slots[0].Top - 4, 80, reading)];

        Assert.Equal(expected ?? token, CodeSecondPass.Apply(words, strip, read)[1].Text);
    }

    [Fact]
    public void A_suspects_crop_ends_where_its_glyphs_could_reach_not_where_a_wrong_box_ends()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 168, 526, 100, 33, 90, "주상병"),
            new(1, 1, 1, 300, 528, 68, 33, 90, "8781") { SpaceBefore = true }, // E781 read at 200 dpi, its box a glyph short
            new(1, 1, 1, 399, 516, 14, 33, 90, "-") { SpaceBefore = true },
            new(1, 1, 2, 168, 626, 100, 33, 90, "주상병"),
            new(1, 1, 2, 300, 628, 68, 33, 90, "8781") { SpaceBefore = true },
            new(1, 1, 2, 380, 628, 60, 33, 90, "고지") { SpaceBefore = true },
            new(1, 1, 3, 168, 726, 100, 33, 90, "주상병"),
            new(1, 1, 3, 300, 728, 120, 33, 90, "8781") { SpaceBefore = true }, // a box wider than its glyphs need keeps its margin
            new(1, 1, 4, 168, 826, 100, 33, 90, "주상병"),
            new(1, 1, 4, 300, 828, 299, 33, 90, "611.4") { SpaceBefore = true }, // a box run over the next word (light, 200 dpi)
            new(1, 1, 4, 402, 828, 14, 33, 90, "-") { SpaceBefore = true },
            new(1, 1, 5, 740, 928, 89, 24, 90, "643.9"), // a box a little wide over a mark after it keeps its margin (seed 23 heavy p10)
            new(1, 1, 5, 816, 914, 18, 54, 90, "ㆍ") { SpaceBefore = true },
        ];

        var rights = CodeSecondPass.Regions(words, [1, 4, 7, 9, 11]).Select(r => r.Left + r.Width);

        Assert.Equal(new[] { 300 + (int)(0.67 * 4 * 33), 380 - 2, 420 + 6, 402 - 2, 829 + 4 }, rights);
    }

    [Fact]
    public void A_bar_read_for_a_codes_I_is_given_a_digits_width_in_the_crop()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 169, 725, 124, 39, 90, "상병명:"),
            new(1, 1, 1, 312, 729, 70, 31, 90, "|119") { SpaceBefore = true }, // holdout clean scan: the 9 ended past a crop of 3.5 glyphs
            new(1, 1, 1, 408, 728, 36, 32, 90, "고") { SpaceBefore = true },
        ];

        var right = CodeSecondPass.Regions(words, [1])[0] is var region ? region.Left + region.Width : 0;

        Assert.Equal(312 + (int)(0.67 * 4 * 31), right);
    }

    [Fact]
    public void A_line_that_holds_a_dotted_code_is_a_line_of_codes_even_when_its_label_is_unreadable()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 120, 40, 60, "B8ES7|S:"),
            new(1, 1, 1, 260, 50, 90, 40, 80, "£119") { SpaceBefore = true },
            new(1, 1, 1, 380, 50, 110, 40, 90, "M54.5") { SpaceBefore = true },
            new(1, 1, 2, 100, 120, 90, 40, 90, "£119"), // the same token on a line without codes
        ];

        Assert.Equal(new[] { 1 }, CodeSecondPass.FindSuspects(words));
    }

    [Fact]
    public void The_cells_of_a_code_column_the_first_reading_lost_are_found_under_its_header()
    {
        var words = Table(
            (1, 1, [("진단명", 300), ("상병코드", 1700)]),
            (1, 2, [("주진단", 100), ("피부염", 300), ("L30.9", 1700)]), // read: no cell
            (1, 3, [("부진단", 100), ("발백선", 300), ("ae", 1710)]), // noise in the cell
            (1, 4, [("본태성", 100), ("고혈압", 300)]), // nothing in the cell
            (1, 5, [("부진단", 100), ("요통", 300), ("약물치료", 1700)]), // Hangul in the column: not a code cell
            (1, 6, [("부진단", 100), ("요통", 300), ("(545)", 1700)]), // a suspect: re-read as a token, against its digits
            (2, 1, [("검사일", 100), ("결과", 300), ("ae", 1710)])); // another block: another table

        var cells = CodeColumn.Cells(words, new HashSet<int> { 15 });

        Assert.Equal(new[] { (7, 7), (10, 9) }, cells.Select(c => (c.First, c.Last))); // an empty cell: no words, its word goes at 10
        Assert.All(cells, c => Assert.InRange(c.Left, words[6].Right, 1710));
        Assert.All(cells, c => Assert.True(c.Left + c.Width >= words[1].Right));
    }

    [Theory]
    [InlineData("B35.3", 92, "B35.3")]
    [InlineData("B35.3", 13, null)] // the Latin model is not sure: noise
    [InlineData("110", 94, "I10")] // a code column holds no numbers: 1 first is I
    [InlineData("1B35.3", 90, "B35.3")] // a stray mark in front
    [InlineData("ee", 90, null)] // no code
    [InlineData("M17.9", 90, "M17.9")]
    public void A_lost_cell_is_filled_only_with_a_well_formed_code_the_latin_model_is_sure_of(string reading, double confidence, string? expected)
    {
        Assert.Equal(expected, CodeSecondPass.CellReading([new(1, 1, 1, 1710, 50, 40, 40, 40, "ae")], [new(1, 1, 1, 20, 20, 120, 40, confidence, reading)]));
    }

    [Theory]
    [InlineData("Be? 10", "I10", "I10")] // the digits the first reading saw end the code's
    [InlineData("1390", "N39.0", "N39.0")]
    [InlineData("25", "I10", null)] // they disagree
    public void Digits_seen_in_a_lost_cell_must_agree_with_the_code_read_there(string first, string reading, string? expected)
    {
        var seen = first.Split(' ').Select(t => new TesseractTsv.Word(1, 1, 1, 1710, 50, 40, 40, 40, t)).ToList();

        Assert.Equal(expected, CodeSecondPass.CellReading(seen, [new(1, 1, 1, 20, 20, 120, 40, 90, reading)]));
    }

    [Fact]
    public void A_filled_cell_replaces_the_noise_or_joins_its_row_and_records_what_the_first_reading_had()
    {
        var words = Table(
            (1, 1, [("진단명", 300), ("상병코드", 1700)]),
            (1, 2, [("부진단", 100), ("발백선", 300), ("ae", 1710)]),
            (1, 3, [("본태성", 100), ("고혈압", 300)]),
            (1, 4, [("부진단", 100), ("요통", 300), ("a", 1710)]));
        var strip = CodeSecondPass.CellStrip(GrayImage.Blank(2000, 1600), words, CodeSecondPass.FindSuspects(words))!;
        Assert.Equal(3, strip.Slots.Count);
        TesseractTsv.Word[] read =
        [
            new(1, 1, 1, 20, strip.Slots[0].Top + 2, 120, 30, 92, "B35.3"),
            new(1, 1, 2, 20, strip.Slots[1].Top + 2, 90, 30, 94, "110"),
            new(1, 1, 3, 20, strip.Slots[2].Top + 2, 120, 30, 12, "M17.9"), // not sure: the noise stays
        ];

        var blocks = TesseractTsv.ToBlocks(CodeSecondPass.Apply(words, strip, read));

        Assert.Equal(new[] { "진단명 상병코드", "부진단 발백선 B35.3", "본태성 고혈압 I10", "부진단 요통 a" }, blocks.Select(b => b.Text));
        Assert.Equal(("ae", "B35.3", CodeSecondPass.ColumnReason), Single(blocks[1]));
        Assert.Equal(("", "I10", CodeSecondPass.ColumnReason), Single(blocks[2]));
        Assert.Null(blocks[3].Corrections);

        static (string, string, string) Single(TextBlock block) =>
            Assert.Single(block.Corrections!) is var c ? (c.Original, c.Corrected, c.Reason) : default;
    }

    [Fact]
    public void Suspects_and_lost_cells_are_read_in_strips_of_their_own_so_noisy_cells_cannot_spoil_a_suspects_reading()
    {
        var words = Table(
            (1, 1, [("진단명", 300), ("상병코드", 1700)]),
            (1, 2, [("주진단", 100), ("편두통", 300), ("643.9", 1700)]),
            (1, 3, [("부진단", 100), ("발백선", 300), ("ae", 1710)]));
        var suspects = CodeSecondPass.FindSuspects(words);

        var suspectStrip = CodeSecondPass.SuspectStrip(GrayImage.Blank(2000, 1600), words, suspects)!;
        var cellStrip = CodeSecondPass.CellStrip(GrayImage.Blank(2000, 1600), words, suspects)!;

        Assert.Equal(4, Assert.Single(suspectStrip.Slots).WordIndex);
        var cell = Assert.Single(cellStrip.Slots).Region;
        Assert.Equal((7, 7), (cell.First, cell.Last));
    }

    [Theory]
    [InlineData("(04154.5)", "M54.5", true, "(M54.5)")] // M, the widest letter, read as three glyphs (seed 53 light p16)
    [InlineData("(04154.5)", "M64.5", true, null)] // other digits
    [InlineData("(204154.5)", "M54.5", false, null)] // four glyphs are more than one letter
    [InlineData("23.11.19", "M11.19", false, null)] // a short date, not three glyphs for a letter
    public void The_widest_letter_read_as_three_glyphs_is_one_letter_for_the_latin_reading_to_name(string token, string reading, bool suspect, string? expected)
    {
        Assert.Equal(suspect, KcdToken.IsSuspect(token, lineHasCue: false));
        Assert.Equal(expected, KcdToken.Corrected(token, reading));
    }

    [Theory]
    [InlineData("K29,5", "K29.5", true, "K29.5")] // a comma for the dot (golden dev set read at 200 dpi)
    [InlineData("K29,5", "K29.6", true, null)] // other digits
    [InlineData("29,5", "K29.5", false, null)] // no letter: a number with a decimal comma
    [InlineData("K29,500", "K29.5", false, null)] // a count
    public void A_code_with_a_comma_for_its_dot_is_looked_at_anywhere_and_takes_the_latin_readings_dot(string token, string reading, bool suspect, string? expected)
    {
        Assert.Equal(suspect, KcdToken.IsSuspect(token, lineHasCue: false));
        Assert.Equal(expected, suspect ? KcdToken.Corrected(token, reading) : null);
    }

    [Theory]
    [InlineData("(MS4.5)", "MS4.5", "(M54.5)")] // a digit read as its look-alike letter (seed 67 heavy p07), the Latin reading agreeing
    [InlineData("(MS4.5)", "M54.5", "(M54.5)")]
    [InlineData("(MS4.5)", "M64.5", null)] // other digits
    [InlineData("(NB0.0)", "N80.0", "(N80.0)")]
    [InlineData("GA3.9", "G43.9", "G43.9")] // A for 4 (seed 29 heavy p13)
    public void A_digit_read_as_a_look_alike_letter_in_a_dotted_code_is_a_digit_when_the_latin_reading_agrees(string token, string reading, string? expected)
    {
        Assert.True(KcdToken.IsSuspect(token, lineHasCue: false));
        Assert.Equal(expected, KcdToken.Corrected(token, reading));
    }

    [Theory]
    [InlineData("CO2")] // carbon dioxide: undotted, never a code with a look-alike
    [InlineData("BS4")]
    [InlineData("MS.5")]
    public void Look_alike_letters_make_no_suspect_outside_a_dotted_code(string token)
    {
        Assert.False(KcdToken.IsSuspect(token, lineHasCue: true));
    }

    [Theory]
    [InlineData("질병분류기호:\\4/179", "M179", "질병분류기호:M179")] // M read as three glyphs in an undotted code (seed 83 light p20)
    [InlineData("질병분류기호:\\4/179", "N179", null)] // three glyphs only for M and W
    public void The_widest_letter_read_as_three_glyphs_in_an_undotted_code_on_a_code_line_is_one_letter(string token, string reading, string? expected)
    {
        Assert.True(KcdToken.IsSuspect(token, lineHasCue: true));
        Assert.Equal(expected, KcdToken.Corrected(token, reading));
    }

    [Theory]
    [InlineData("1234567")] // a longer number: three digits in front of four are no letter
    [InlineData("10-155")] // a range
    public void A_long_number_on_a_code_line_is_no_code_suspect(string token)
    {
        Assert.False(KcdToken.IsSuspect(token, lineHasCue: true));
    }

    [Theory]
    [InlineData("M54-.5", true)] // a stray mark at the dot: code-like anywhere
    [InlineData("M17.9", false)] // dotted: nothing to look at
    [InlineData("10-15", false)] // a range, no dot
    public void A_dot_with_a_stray_mark_gets_a_look(string token, bool suspect)
    {
        Assert.Equal(suspect, KcdToken.IsSuspect(token, lineHasCue: true));
    }

    [Fact]
    public void An_undotted_code_is_looked_at_for_a_lost_dot_only_among_dotted_codes()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 120, 40, 90, "두통"),
            new(1, 1, 1, 260, 50, 90, 40, 90, "(G43.9)") { SpaceBefore = true },
            new(1, 1, 1, 380, 50, 110, 40, 90, "M179") { SpaceBefore = true }, // beside a dotted code
            new(1, 1, 2, 100, 400, 180, 40, 90, "질병분류기호:"),
            new(1, 1, 2, 300, 400, 90, 40, 90, "G439") { SpaceBefore = true }, // a prescription prints codes undotted
            new(1, 1, 2, 400, 400, 90, 40, 90, "I10") { SpaceBefore = true }, // a category has no dot to lose
        ];

        Assert.Equal(new[] { 2 }, CodeSecondPass.FindSuspects(words));
    }

    [Fact]
    public void An_undotted_code_last_on_a_diagnosis_line_is_looked_at_for_a_lost_dot_and_keeps_it_only_if_the_image_shows_it()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 120, 40, 90, "부진단"),
            new(1, 1, 1, 260, 50, 110, 40, 90, "결막염") { SpaceBefore = true },
            new(1, 1, 1, 400, 50, 90, 40, 90, "H109") { SpaceBefore = true }, // records print the diagnosis line's code dotted
            new(1, 1, 2, 100, 400, 180, 40, 90, "질병분류기호:"),
            new(1, 1, 2, 300, 400, 90, 40, 90, "G439") { SpaceBefore = true }, // a prescription's codes: not looked at
            new(1, 1, 2, 400, 400, 90, 40, 90, "H109") { SpaceBefore = true },
            new(1, 1, 3, 100, 800, 120, 40, 90, "부진단"),
            new(1, 1, 3, 260, 800, 110, 40, 90, "결막염") { SpaceBefore = true },
            new(1, 1, 3, 400, 800, 90, 40, 90, "H109") { SpaceBefore = true },
            new(1, 1, 3, 500, 800, 90, 40, 90, "1일") { SpaceBefore = true }, // not last on its line
        ];

        Assert.Equal(new[] { 2 }, CodeSecondPass.FindSuspects(words));
        Assert.Equal("H10.9", KcdToken.Corrected("H109", "H10.9"));
        Assert.Null(KcdToken.Corrected("H109", "H109"));
    }

    [Theory]
    [InlineData("M179", "M17.9", "M17.9")] // both readings show 1, 7, 9; only the Latin one the dot
    [InlineData("(M545)", "M54.5", "(M54.5)")]
    [InlineData("M54-.5", "M54.5", "M54.5")]
    [InlineData("\"M545", "M54.5", "M54.5")]
    [InlineData("M179", "M179", null)] // the image shows no dot: an undotted code stays undotted
    [InlineData("M179", "M18.9", null)] // other digits
    [InlineData("F329", "E32.9", null)] // a first reading with a letter keeps it
    [InlineData("M17.9", "M179", null)] // a dot is never taken away
    public void A_lost_dot_is_taken_from_the_latin_reading_only_when_it_shows_the_same_digits(string token, string reading, string? expected)
    {
        Assert.Equal(expected, KcdToken.Corrected(token, reading));
    }

    [Theory]
    [InlineData("(|10)", "110", false, "(I10)")] // the Korean model saw the bracket and a bar, not a 1
    [InlineData("(l10)", "I10", false, "(I10)")]
    [InlineData("|10)", "110", false, null)] // the bar may be the opening bracket: (10)
    [InlineData("(110)", "110", false, null)] // both models read 1: a number
    [InlineData("!!251]", "1251", false, "I251]")] // [I251] (golden dev2): two marks, one the unseen bracket, one the I
    [InlineData("심장병[|!251]", "41251", false, "심장병[I251]")] // the bracket seen, two marks after it
    [InlineData("심장병[|[251]", "1251", false, "심장병[I251]")] // the marks split between prefix and core
    [InlineData("!251]", "1251", false, null)] // one mark: it may be the bracket
    [InlineData("!!251]", "251", false, null)] // the Latin model saw no bar
    [InlineData("110", "110", true, "I10")] // in a code column a number is the letter I
    [InlineData("110", "112", true, null)] // other digits
    [InlineData("210", "210", true, null)] // only 1 looks like I
    [InlineData("120.9", "320.9", true, null)] // the Korean model reads J as 1 too; the Latin model saw no bar (seed 23: J20.9)
    [InlineData("110", "10", true, null)] // the Latin model lost the glyph: only the letters-only look may say which letter
    [InlineData("110", "I10", true, "I10")]
    public void A_bar_or_1_is_the_letter_I_only_where_no_number_can_stand(string token, string reading, bool codePosition, string? expected)
    {
        Assert.Equal(expected, KcdToken.WithLetterI(token, reading, codePosition));
    }

    [Fact]
    public void A_number_between_dotted_codes_of_a_table_is_in_a_code_column_even_when_its_header_is_unreadable()
    {
        var words = Table(
            (1, 1, [("진단명", 300), ("상병코트", 1700)]), // the header misread: no cue
            (1, 2, [("주진탄", 100), ("피부염", 300), ("E30.9", 1700)]),
            (1, 3, [("부질탄", 100), ("고혈압", 300), ("110", 1700)]),
            (1, 4, [("누질탄", 100), ("결막염", 300), ("H10.9", 1700)]),
            (1, 5, [("검사일", 100), ("혈압", 300), ("110", 900)]), // under no code
            (1, 7, [("란소프라졸캡슐", 100), ("142", 1700)]), // 14일 two rows below the last code: not in its column
            (2, 1, [("결과", 100), ("110", 1700)])); // another block
        Assert.True(CodeColumn.Holds(words, 7));
        Assert.False(CodeColumn.Holds(words, 13));
        Assert.False(CodeColumn.Holds(words, 15));
        Assert.False(CodeColumn.Holds(words, 17));

        var suspects = CodeSecondPass.FindSuspects(words);
        Assert.Equal(new[] { 7 }, suspects);
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(2000, 2400), words, suspects)!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, slot.Top + 2, 90, slot.Bottom - slot.Top - 4, 90, "110")];

        var result = CodeSecondPass.Apply(words, strip, read);

        Assert.Equal("I10", result[7].Text);
        Assert.Equal(new TextCorrection("110", "I10", CodeSecondPass.Reason, words[7].Box), result[7].Correction);
    }

    [Theory]
    [InlineData("『78.9』", "E78.95", "『E78.9』")] // the closing mark read as a last digit by the Latin model (holdout4 golden set)
    [InlineData("1139,", "11395", null)] // its letter is the letters-only look's to read: the Latin model reads L as 1 too
    [InlineData("1139", "11395", null)] // no mark after it: the extra digit is a digit
    [InlineData("|139", "I139", "I139")] // a bar for its letter, last on a diagnosis line: the Korean model reads only I so (holdout4 golden set)
    [InlineData("[)03.9", "J039J", "J03.9")] // a bracket set apart from the token read as a letter after the digits: no code ends in one (holdout6 golden set)
    public void A_codes_closing_mark_in_the_crop_is_no_digit_of_its_reading(string token, string reading, string? expected)
    {
        var words = DiagnosisLine(token);
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(800, 200), words, [3])!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, slot.Top + 2, 90, slot.Bottom - slot.Top - 4, 90, reading)];

        Assert.Equal(expected ?? token, CodeSecondPass.Apply(words, strip, read)[3].Text);
    }

    [Theory]
    [InlineData("1139,", "11395", "1139")] // the mark's glyph dropped: what is left ends in the token's digits
    [InlineData("139』", "11395", "1139")]
    [InlineData("1139", "11395", "11395")] // no mark
    [InlineData("K29.9)", "K29.9", "K29.9")] // the reading fits as it is
    public void The_letters_only_look_gets_the_latin_reading_without_a_closing_marks_glyph(string token, string reading, string expected)
    {
        var words = DiagnosisLine(token);
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(800, 200), words, [3])!;
        var slot = Assert.Single(strip.Slots);
        TesseractTsv.Word[] read = [new(1, 1, 1, 20, slot.Top + 2, 90, slot.Bottom - slot.Top - 4, 90, reading)];

        Assert.Equal(expected, CodeSecondPass.TokenReadings(words, strip, read)[3]);
    }

    private static TesseractTsv.Word[] DiagnosisLine(string token) =>
    [
        new(1, 1, 1, 100, 50, 80, 40, 93, "주진단"), new(1, 1, 1, 200, 50, 10, 40, 93, ":") { SpaceBefore = true },
        new(1, 1, 1, 230, 50, 120, 40, 93, "고혈압성") { SpaceBefore = true }, new(1, 1, 1, 370, 50, 120, 40, 90, token) { SpaceBefore = true },
    ];

    [Theory]
    [InlineData("2023.08.26", "|139", ":", "고혈압성", true)] // a code heading its name in a row (holdout4 golden set)
    [InlineData("", "1139", ":", "고혈압성", true)] // first on its line
    [InlineData("2023.08.26", "1139:", "고혈압성", "심장", true)] // the colon read with the code
    [InlineData("공복혈당", "1139", ":", "정상", false)] // a value after its measurement's name
    [InlineData("2023.08.26", "1139", "회", "방문", false)] // no colon and name after it
    [InlineData("2021. 4. 24. >", "110/HTN", "::30", "일", true)] // a slash and a Latin abbreviation, the row's mark before (holdout13 golden set)
    [InlineData("2021. 4. 24. [>", "110/70", "mmHg", "측정", false)] // a blood pressure
    [InlineData("", "(26.7_십이지장궤양", "(반흔기)", "외래", true)] // its name run in after an underscore
    [InlineData("2021년09월21일 >", "110/HTN", "::", "30일", true)] // after a date with Korean units
    [InlineData("2021. 8. 22. 오후 12:48`'[『>", "110/HTN", "::", "30일", true)] // the row's marks run into the time
    [InlineData("혈압 측정일", "110/HTN", "::", "30일", false)] // no date before it
    public void A_code_heading_its_name_in_a_row_is_in_code_position(string before, string token, string next, string name, bool expected)
    {
        var words = new List<TesseractTsv.Word>();
        if (before.Length > 0)
        {
            words.Add(new(1, 1, 1, 100, 50, 200, 40, 93, before));
        }

        words.Add(new(1, 1, 1, 320, 50, 90, 40, 90, token) { SpaceBefore = true });
        words.Add(new(1, 1, 1, 420, 50, 40, 40, 93, next) { SpaceBefore = true });
        words.Add(new(1, 1, 1, 480, 50, 120, 40, 93, name) { SpaceBefore = true });

        Assert.Equal(expected, CodeLetterPass.HeadsItsName(words, before.Length > 0 ? 1 : 0));
    }

    [Fact]
    public void A_code_heading_its_name_in_a_row_is_looked_at_again()
    {
        TesseractTsv.Word[] words =
        [
            new(1, 1, 1, 100, 50, 200, 40, 93, "2023.08.26"), new(1, 1, 1, 320, 50, 90, 40, 90, "1139") { SpaceBefore = true },
            new(1, 1, 1, 420, 50, 10, 40, 93, ":") { SpaceBefore = true }, new(1, 1, 1, 440, 50, 120, 40, 93, "고혈압성") { SpaceBefore = true },
        ];

        Assert.Equal(new[] { 1 }, CodeSecondPass.FindSuspects(words));
        Assert.Equal(new[] { 1 }, CodeLetterPass.FindSuspects(words, new Dictionary<int, string> { [1] = "1139" }));
    }

    private static TesseractTsv.Word[] Table(params (int Block, int Line, (string Text, int Left)[] Words)[] rows) =>
        rows.SelectMany(row => row.Words.Select((w, i) =>
            new TesseractTsv.Word(row.Block, 1, row.Line, w.Left, (row.Block * 1000) + (row.Line * 80), w.Text.Length * 30, 40, 90, w.Text) { SpaceBefore = i > 0 })).ToArray();
}
