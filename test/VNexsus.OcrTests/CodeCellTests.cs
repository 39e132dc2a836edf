using VNexsus.Ocr.Correction;
using VNexsus.Ocr.Engines.Tesseract;
using VNexsus.Ocr.Imaging;

namespace VNexsus.OcrTests;

/// <summary>
/// Code-column cells the first reading lost or damaged, and codes it split in two words. Geometry as measured on 200-dpi
/// heavy scans: glyphs 21–25 px high, table rows about 52 px apart.
/// </summary>
public sealed class CodeCellTests
{
    [Fact]
    public void A_row_the_model_read_as_a_block_of_its_own_is_still_a_row_of_the_table_above_it()
    {
        var words = Page(
            (3, 1, 400, [("병명", 190), ("분류기호", 1130)]),
            (3, 2, 450, [("발목의", 190), ("염좌", 300), ("S93.40", 1131)]),
            (4, 1, 500, [("상세불명의", 190), ("위염", 320)]), // the K29.7 cell lost, its row another block (seed 29 p09)
            (5, 1, 575, [("발병일:", 180), ("2022/12/09", 280)]), // the first line after the table
            (5, 2, 620, [("진단일:", 180), ("2024.11.18.", 280)]));

        var cell = Assert.Single(CodeColumn.Cells(words, new HashSet<int>()));

        Assert.Equal((7, 6), (cell.First, cell.Last)); // an empty cell: its word goes after 위염
        Assert.InRange(cell.Top, 480, 500);
        Assert.InRange(cell.Top + cell.Height, 520, 540);
    }

    [Fact]
    public void A_code_column_read_as_a_block_of_its_own_has_its_damaged_codes_read_again_as_cells()
    {
        var words = Page(
            (3, 1, 560, [("주진단", 160), ("요로감염", 370)]),
            (3, 2, 612, [("부진단", 160), ("우울에피소드", 370)]),
            (3, 3, 664, [("부진단", 160), ("요통", 370)]),
            (9, 1, 500, [("상병코드", 1156)]), // the column, header and codes, as one block (default corpus p08)
            (9, 2, 552, [("N39.0", 1158)]),
            (9, 3, 604, [("F32.9", 1160)]),
            (9, 4, 656, [("M54-5", 1162)]));

        var cell = Assert.Single(CodeColumn.Cells(words, new HashSet<int>()));

        Assert.Equal((9, 9), (cell.First, cell.Last)); // M54-5; the rows of names sit between the codes: no empty cells
    }

    [Fact]
    public void A_cell_whose_code_was_read_on_a_line_of_its_own_is_read_there_and_not_again_beside_the_name()
    {
        var words = Page(
            (3, 1, 400, [("병명", 170), ("분류기호", 1113)]),
            (3, 2, 456, [("상세불명의", 171), ("편두통", 300), ("G43.9", 1111)]),
            (3, 3, 497, [("\"1109.", 1113)]), // H10.9 printed higher than its name, read apart from it (seed 37 p09)
            (4, 1, 510, [("상세불명의", 172), ("결막염", 303)]));

        var cell = Assert.Single(CodeColumn.Cells(words, new HashSet<int>()));

        Assert.Equal((5, 5), (cell.First, cell.Last));
    }

    [Fact]
    public void A_noisy_cell_is_cropped_where_its_noise_is_so_a_code_printed_above_its_name_is_read_whole()
    {
        var words = Page(
            (2, 1, 390, [("병명", 170), ("분류기호", 1134)]),
            (2, 2, 460, [("상세불명의", 170), ("위염", 300), ("Kee?", 1112)]), // K29.7, half a row above its name (seed 7 p14)
            (2, 3, 493, [("K35.8", 1113)]));
        words[4] = words[4] with { Top = 441 };

        var cell = Assert.Single(CodeColumn.Cells(words, new HashSet<int>()));

        Assert.Equal((4, 4), (cell.First, cell.Last));
        Assert.InRange(cell.Top, 430, 441);
    }

    [Fact]
    public void The_header_of_a_certificate_code_column_is_found_when_the_model_dropped_its_first_syllable()
    {
        var words = Page(
            (3, 1, 400, [("병명", 170), ("류", 1131), ("기호", 1161)]), // 분류기호 read as 류 기호 (seed 7 p04)
            (3, 2, 450, [("감염성", 168), ("위장염", 300), ("A09.0", 1107)]),
            (3, 3, 502, [("29.", 1110)]));
        words[2] = words[2] with { SpaceBefore = false };

        Assert.Equal((6, 6), Assert.Single(CodeColumn.Cells(words, new HashSet<int>())) is var c ? (c.First, c.Last) : default);
    }

    [Fact]
    public void A_code_header_read_as_latin_letters_beside_the_diagnosis_header_still_names_the_column()
    {
        var words = Page(
            (3, 1, 395, [("병명", 186), (".", 784), ("wait", 1126)]), // 분류기호 read as wait (default corpus p14)
            (3, 2, 446, [("상세불명의", 186), ("무릎관절증", 313), ("wire", 1127)]), // M17.9
            (3, 3, 498, [("본태성(원발성)", 185), ("고혈압", 358), ("ho", 1127)]), // I10
            (4, 1, 572, [("발병일:", 175), ("21.9.20", 275)]));

        var cells = CodeColumn.Cells(words, new HashSet<int>());

        Assert.Equal([(5, 5), (8, 8)], cells.Select(c => (c.First, c.Last)));
        Assert.True(CodeColumn.UnderHeader(words, 8));
    }

    [Theory]
    [InlineData("병명", "비고")] // a Korean header read as Korean is not a code column's
    [InlineData("병명:", "wait")] // a label, not a table's header
    [InlineData("병명", "wa1t")] // digits: not a header misread
    [InlineData("구분", "wait")] // no diagnosis column on the line
    public void Only_latin_letters_standing_a_column_apart_from_a_diagnosis_header_are_a_misread_code_header(string nameHeader, string misread)
    {
        var words = Page(
            (3, 1, 395, [(nameHeader, 186), (misread, 1126)]),
            (3, 2, 446, [("상세불명의", 186), ("무릎관절증", 313), ("wire", 1127)]));

        Assert.Empty(CodeColumn.Cells(words, new HashSet<int>()));
    }

    [Fact]
    public void Latin_letters_just_after_a_diagnosis_header_name_no_column()
    {
        var words = Page(
            (3, 1, 395, [("병명", 186), ("wait", 300)]),
            (3, 2, 446, [("상세불명의", 186), ("무릎관절증", 313), ("wire", 1127)]));

        Assert.Empty(CodeColumn.Cells(words, new HashSet<int>()));
    }

    [Fact]
    public void A_code_label_names_no_column()
    {
        var words = Page(
            (1, 1, 400, [("교부일:", 150), ("24.4.28", 250), ("질병분류기호:", 370), ("080", 546), ("110", 617)]),
            (1, 2, 450, [("아세트아미노펜정", 150), ("50079", 540)])); // under the label, on the next line: no code position

        Assert.False(CodeColumn.UnderHeader(words, 6));
        Assert.Empty(CodeColumn.Cells(words, new HashSet<int>()));
    }

    [Theory]
    [InlineData("\"1109.", "H10.9", 17, "H10.9")] // the first reading's digits end the code's: taken however unsure
    [InlineData("M54-5", "M54.5", 0, "M54.5")] // the same digits; only the Latin reading shows the dot
    [InlineData("29.", "K29.7", 0, "K29.7")] // the first reading lost glyphs at both ends
    [InlineData("E1t.9", "E17.9", 0, null)] // t is not 7: the readings disagree, and the Latin one is unsure
    [InlineData("F32:9", "F329", 0, "F32.9")] // a mark in the dot's place; the same letter and digits
    [InlineData("F32:9", "F328", 0, null)] // other digits
    [InlineData("F3:29", "F329", 0, null)] // no code has a mark there
    [InlineData("F32:9", "F32", 0, null)]
    [InlineData("29.", "K28.7", 0, null)] // other digits
    [InlineData("29.", "K29.7", 90, "K29.7")]
    [InlineData("2.", "K29.7", 0, null)] // one digit seen is no agreement
    public void A_damaged_code_in_a_cell_takes_the_latin_reading_only_when_it_agrees_with_what_the_first_reading_saw(
        string first, string reading, double confidence, string? expected)
    {
        Assert.Equal(expected, CodeSecondPass.CellReading([Word(9, 1, 1110, 500, first)], [new(1, 1, 1, 20, 20, 120, 40, confidence, reading)]));
    }

    [Fact]
    public void Under_a_code_header_is_a_code_position_as_far_down_as_the_column_runs()
    {
        var words = Page(
            (2, 1, 496, [("구분", 200), ("진단명", 410), ("상병코드", 1194)]),
            (3, 1, 574, [("R51", 1193)]),
            (3, 2, 627, [("K35.8", 1193)]),
            (3, 3, 679, [("080", 1190)]), // O80, last in its column: no code below it (seed 11 p13)
            (8, 1, 1240, [("272", 1240)])); // the days column of the prescription far below: 27일

        Assert.True(CodeLetterPass.InCodePosition(words, 5));
        Assert.False(CodeLetterPass.InCodePosition(words, 6));
        Assert.Contains(5, CodeSecondPass.FindSuspects(words));
    }

    [Theory]
    [InlineData("(61", "1.9)", "(611.9)")] // E11.9, its E read as 6 and split from the rest (seed 19 p16)
    [InlineData("(\\/1", "7.9)", "(\\/17.9)")] // M17.9 (seed 31 p01)
    [InlineData("K21", "0", "K210")] // K21.0, its dot lost (seed 13 p14): a code only if the image shows the dot
    [InlineData("I10", "F32.9", null)] // two codes
    [InlineData("080", "110", null)] // two codes whose letters were read as digits (질병분류기호: O80 I10, seed 17 p15)
    [InlineData("080", "1", null)] // more than a code's head in front
    [InlineData("2021", "3.5", null)]
    [InlineData("3", "회", null)]
    [InlineData("1", "2", null)] // no code shape
    [InlineData("ㄷ", "119", "ㄷ119")] // E119, its E read as the Hangul letter it looks like, a word of its own (seed 83 light p10)
    [InlineData("ㄷ", "2022", null)] // a year
    [InlineData("ㆍ", "119", null)] // a bullet, not a consonant
    public void Two_neighbouring_words_with_a_code_shape_together_are_one_token(string first, string second, string? expected)
    {
        var joined = SplitCodes.Joined(Word(1, 1, 500, 50, first), Word(1, 1, 500 + (first.Length * 15) + 8, 50, second) with { SpaceBefore = true });

        Assert.Equal(expected, joined?.Text);
    }

    [Theory]
    [InlineData("터", "1.9", false, "터1.9")] // E11.9, its E and first 1 read as one syllable (seed 53 light p13, read at 200 dpi)
    [InlineData("터", "1.9", true, null)] // a space: a word, then a number
    [InlineData("터", "19", false, null)] // no code shape
    [InlineData("터", "12.5", false, null)]
    [InlineData("터", "2021", false, null)] // a year
    public void A_syllable_joined_to_a_code_tail_is_one_token_only_without_a_space(string first, string second, bool spaceBefore, string? expected)
    {
        var joined = SplitCodes.Joined(Word(1, 1, 500, 50, first), Word(1, 1, 518, 50, second) with { SpaceBefore = spaceBefore });

        Assert.Equal(expected, joined?.Text);
    }

    [Fact]
    public void Split_words_are_joined_only_where_a_code_stands_or_a_lone_consonant_stands_before_a_dotted_codes_digits()
    {
        TesseractTsv.Word[] page =
        [
            Word(1, 1, 100, 50, "A:"), Word(1, 1, 160, 50, "당뇨병"), Word(1, 1, 400, 50, "(61"), Word(1, 1, 453, 50, "1.9)"),
            Word(1, 2, 100, 150, "혈색소"), Word(1, 2, 400, 150, "12"), Word(1, 2, 438, 150, "3.5"), Word(1, 2, 500, 150, "g/dL"),
            Word(1, 3, 100, 250, "2024-01-23"), Word(1, 3, 415, 250, "ㄷ"), Word(1, 3, 445, 250, "11.4"), Word(1, 3, 539, 250, "당뇨병성"), // no cue: E11.4 (golden dev set)
        ];

        var (words, joins) = SplitCodes.Join(page);

        Assert.Equal(new[] { "A:", "당뇨병", "(611.9)", "혈색소", "12", "3.5", "g/dL", "2024-01-23", "ㄷ11.4", "당뇨병성" }, words.Select(w => w.Text));
        Assert.Equal(2, joins.Count);
        Assert.Equal(new[] { 2, 8 }, CodeSecondPass.FindSuspects(words, joins.Keys.ToList()));
    }

    [Theory]
    [InlineData(22, "ㄷ11.4")] // a glyph's width apart: the consonant's box is narrower than the E it stands for
    [InlineData(23, null)] // farther than the taller word's height
    public void A_lone_consonant_up_to_a_height_before_a_codes_digits_is_its_letter(int gap, string? expected)
    {
        var letter = Word(1, 1, 500, 50, "ㄷ");

        Assert.Equal(expected, SplitCodes.Joined(letter, Word(1, 1, letter.Right + gap, 50, "11.4"))?.Text);
    }

    [Fact]
    public void A_digit_read_again_inside_a_codes_box_is_the_codes_last_digit()
    {
        var code = Word(1, 1, 300, 50, "K29") with { Width = 108 }; // the box of all of K29.5 (golden dev set)

        var joined = SplitCodes.Joined(code, Word(1, 1, 384, 50, "5"));

        Assert.Equal(("K295", code.Box), (joined?.Text, joined?.Box));
        Assert.Null(SplitCodes.Joined(code, Word(1, 1, 280, 50, "5"))); // starting left of the code: not inside it
    }

    [Fact]
    public void A_split_code_is_looked_at_again_where_its_joined_text_alone_would_not_be()
    {
        TesseractTsv.Word[] page = [Word(1, 1, 100, 50, "주상병"), Word(1, 1, 300, 50, "K29") with { Width = 108 }, Word(1, 1, 384, 50, "5"), Word(1, 1, 454, 50, "만성")];

        var (words, joins) = SplitCodes.Join(page);

        Assert.Equal(new[] { "주상병", "K295", "만성" }, words.Select(w => w.Text));
        Assert.Empty(CodeSecondPass.FindSuspects(words));
        Assert.Equal(new[] { 1 }, CodeSecondPass.FindSuspects(words, joins.Keys.ToList()));
    }

    [Fact]
    public void A_years_shape_straight_after_a_diagnosis_word_is_looked_at_and_nowhere_else()
    {
        TesseractTsv.Word[] page =
        [
            Word(1, 1, 100, 50, "주"), Word(1, 1, 140, 50, "상"), Word(1, 1, 180, 50, "병"), Word(1, 1, 300, 50, "2039"), Word(1, 1, 400, 50, "갑상선"),
            Word(1, 2, 100, 150, "진단"), Word(1, 2, 160, 150, "당뇨병"), Word(1, 2, 300, 150, "2019"), // a name between: a year
            Word(1, 3, 100, 250, "진료일:"), Word(1, 3, 300, 250, "2021"),
        ];

        Assert.Equal(new[] { 3 }, CodeSecondPass.FindSuspects(page));
    }

    [Theory]
    [InlineData("주 상 병 2039 - 갑상선기능저하증", true)] // the cue's syllables read as words of their own
    [InlineData("상병명: E11.8", true)]
    [InlineData("처방: 메트포르민 500mg", false)]
    public void A_code_cue_is_found_across_spaces_between_its_syllables(string line, bool expected)
    {
        Assert.Equal(expected, KcdToken.HasCue(line));
    }

    [Fact]
    public void Words_far_apart_are_not_joined()
    {
        Assert.Null(SplitCodes.Joined(Word(1, 1, 500, 50, "K21"), Word(1, 1, 800, 50, "0")));
    }

    [Fact]
    public void A_joined_code_the_latin_reading_confirms_records_the_two_words_and_one_it_does_not_goes_back_to_them()
    {
        TesseractTsv.Word[] page =
        [
            Word(1, 1, 100, 50, "A:"), Word(1, 1, 160, 50, "당뇨병"), Word(1, 1, 400, 50, "(61"), Word(1, 1, 453, 50, "1.9)"),
            Word(1, 2, 100, 150, "A:"), Word(1, 2, 160, 150, "위염"), Word(1, 2, 400, 150, "(61"), Word(1, 2, 453, 150, "1.9)"),
        ];
        var (words, joins) = SplitCodes.Join(page);
        Assert.Equal(new[] { "A:", "당뇨병", "(611.9)", "A:", "위염", "(611.9)" }, words.Select(w => w.Text));
        var suspects = CodeSecondPass.FindSuspects(words);
        Assert.Equal(new[] { 2, 5 }, suspects);
        var strip = CodeSecondPass.SuspectStrip(GrayImage.Blank(800, 400), words, suspects)!;
        TesseractTsv.Word[] read =
        [
            new(1, 1, 1, 20, strip.Slots[0].Top + 2, 90, 30, 90, "E11.9"),
            new(1, 1, 2, 20, strip.Slots[1].Top + 2, 90, 30, 90, "611.9"), // no letter seen: nothing to correct
        ];

        var blocks = TesseractTsv.ToBlocks(SplitCodes.Restore(CodeSecondPass.Apply(words, strip, read), joins));

        Assert.Equal(new[] { "A: 당뇨병 (E11.9)", "A: 위염 (61 1.9)" }, blocks.Select(b => b.Text));
        var correction = Assert.Single(blocks[0].Corrections!);
        Assert.Equal(("(61 1.9)", "(E11.9)", CodeSecondPass.Reason), (correction.Original, correction.Corrected, correction.Reason));
        Assert.Null(blocks[1].Corrections);
    }

    private static TesseractTsv.Word Word(int block, int line, int left, int top, string text) =>
        new(block, 1, line, left, top, Math.Max(15, text.Length * 15), 22, 90, text) { SpaceBefore = true };

    /// <summary>Lines of words: block, line, top, then each word's text and left; glyphs 22 px high, 15 px wide.</summary>
    private static TesseractTsv.Word[] Page(params (int Block, int Line, int Top, (string Text, int Left)[] Words)[] lines) =>
        lines.SelectMany(line => line.Words.Select((w, i) => Word(line.Block, line.Line, w.Left, line.Top, w.Text) with { SpaceBefore = i > 0 })).ToArray();
}
