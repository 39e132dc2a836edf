using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Rules.Events;
using VNexsus.Rules.Hospitals;

namespace VNexsus.RulesTests;

/// <summary>A hospital's name misread by one stroke on an OCR'd page is the hospital the file names more often.</summary>
public sealed class HospitalMisreadingTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    private static RuleDocument Record(PageTextSource source, params string[][] pages) =>
        new(1, "record.pdf", pages.Select((lines, p) => new ExtractedPage(p + 1, 1000, 1400, source,
            lines.Select((line, i) => new TextBlock(i, line, new BoundingBox(0, i * 40, 900, i * 40 + 30), 0.9)).ToList(), null)).ToList());

    private static IReadOnlyList<MedicalEvent> Events(RuleDocument document) =>
        RuleEngine.Default.Analyse(new string('0', 64), [document], new RuleOptions(null, null, Today), DateTimeOffset.UnixEpoch).Events;

    private static string[] Visit(string hospital, string date) => [$"{hospital} 내과 외래기록", $"진료일자: {date} 외래", "진단명: 본태성 고혈압 (I10)"];

    [Theory]
    [InlineData("카나병원")]
    [InlineData("가냐병원")]
    public void A_name_misread_on_a_scanned_page_is_the_files_hospital(string misread)
    {
        var events = Events(Record(PageTextSource.Ocr,
            Visit("가나병원", "2024.03.07"), Visit("가나병원", "2024.04.07"), Visit(misread, "2024.05.07")));

        Assert.Equal(3, events.Count);
        Assert.All(events, e => Assert.Equal("가나병원", e.Hospital));
    }

    [Fact]
    public void A_text_layer_names_what_it_prints()
    {
        var events = Events(Record(PageTextSource.TextLayer,
            Visit("가나병원", "2024.03.07"), Visit("가나병원", "2024.04.07"), Visit("카나병원", "2024.05.07")));

        Assert.Equal("카나병원", Assert.Single(events, e => e.Date.Date == new DateOnly(2024, 5, 7)).Hospital);
    }

    [Fact]
    public void Names_more_than_one_stroke_apart_or_as_often_seen_stay_apart()
    {
        var twoStrokes = Events(Record(PageTextSource.Ocr,
            Visit("가나병원", "2024.03.07"), Visit("가나병원", "2024.04.07"), Visit("하마병원", "2024.05.07")));
        var asOften = Events(Record(PageTextSource.Ocr, Visit("가나병원", "2024.03.07"), Visit("카나병원", "2024.05.07")));

        Assert.Equal("하마병원", Assert.Single(twoStrokes, e => e.Date.Date == new DateOnly(2024, 5, 7)).Hospital);
        Assert.Equal("카나병원", Assert.Single(asOften, e => e.Date.Date == new DateOnly(2024, 5, 7)).Hospital);
    }

    [Fact]
    public void A_referral_names_another_hospital_even_when_it_looks_like_the_files()
    {
        var mentions = new List<(HospitalMention, bool)>
        {
            (new HospitalMention("가나병원", "가나병원", 0, false), true),
            (new HospitalMention("가나병원", "가나병원", 0, false), true),
            (new HospitalMention("카나병원", "카나병원", 0, true), true),
        };

        Assert.Equal("카나병원", HospitalMisreadings.Reconcile(mentions)[2].Name);
    }

    [Theory]
    [InlineData("가나병원", "카나병원", 1)]
    [InlineData("가나병원", "가냐병원", 1)]
    [InlineData("가나병원", "각나병원", 1)]
    [InlineData("가나병원", "하마병원", 2)]
    [InlineData("가나병원", "가나병원", 0)]
    [InlineData("A내과의원", "B내과의원", 1)]
    [InlineData("가나병원", "가나대병원", 5)]
    public void Names_differ_by_their_letters(string a, string b, int distance) =>
        Assert.Equal(distance, HospitalMisreadings.JamoDistance(a, b));

    [Theory]
    [InlineData("다올찬대과의원", "다올찬내과의원")] // ㄴ read ㄷ (holdout4 golden set, heavy scan)
    [InlineData("튼튼정형의과의원", "튼튼정형외과의원")]
    [InlineData("다올찬내과의원", null)] // spelt right
    [InlineData("대과의원", null)] // no name before the department
    [InlineData("가나대학교병원", null)] // no department
    [InlineData("한빛과의원", null)] // two strokes from any department
    public void A_clinics_department_misread_by_one_stroke_is_spelt_as_the_department(string name, string? spelt)
    {
        var departments = RuleData.Default.Entities.Departments.OrderByDescending(d => d.Length).ToArray();

        Assert.Equal(spelt, HospitalMisreadings.WithDepartmentSpelt(name, departments));
    }

    [Fact]
    public void A_scanned_clinics_misread_department_names_the_clinic_and_a_text_layers_stays_as_printed()
    {
        string[] visit = ["다올찬대과의원", "진료일자: 2024.03.07 외래", "진단명: 본태성 고혈압 (I10)"];

        Assert.Equal("다올찬내과의원", Assert.Single(Events(Record(PageTextSource.Ocr, visit))).Hospital);
        Assert.Equal("다올찬대과의원", Assert.Single(Events(Record(PageTextSource.TextLayer, visit))).Hospital);
    }
}
