using VNexsus.Rules;
using VNexsus.Rules.Events;

namespace VNexsus.UnitTests.Rules;

public sealed class DatedLineEventsTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Fact]
    public void One_event_per_dated_line_with_file_page_line_and_quote()
    {
        var document = new RuleDocument(2, "기록.pdf",
        [
            new RulePage(1, ["외래기록지", "진료일자: 2024.03.07 초진", "진단명: 제2형 당뇨병"]),
            new RulePage(2, ["2024.04.08 재진, 2024.04.09 검사", "9월 2일 전화 상담"]),
        ]);

        var events = DatedLineEvents.Build([document], Today);

        Assert.Equal(3, events.Count);
        var first = events[0];
        Assert.Equal(new DateOnly(2024, 3, 7), first.Date.Date);
        Assert.Equal(new Evidence(2, "기록.pdf", 1, 1, "진료일자: 2024.03.07 초진"), first.Evidence);
        Assert.Equal("evt_20240307_0001", first.EventId);

        var second = events[1];
        Assert.Equal(new DateOnly(2024, 4, 8), second.Date.Date);
        Assert.Equal(new DateOnly(2024, 4, 9), Assert.Single(second.OtherDates).Date);
        Assert.Equal(2, second.Evidence.Page);

        var inherited = events[2];
        Assert.Equal(new DateOnly(2024, 9, 2), inherited.Date.Date);
        Assert.False(inherited.ReviewNeeded);
    }

    [Fact]
    public void Year_inheritance_never_crosses_files()
    {
        var events = DatedLineEvents.Build(
        [
            new RuleDocument(1, "a.txt", [new RulePage(1, ["2024.03.07 외래"])]),
            new RuleDocument(2, "b.txt", [new RulePage(1, ["9월 2일 전화 상담"])]),
        ], Today);

        var unresolved = Assert.Single(events, e => e.Evidence.FileOrder == 2);
        Assert.True(unresolved.Date.YearUnresolved);
        Assert.True(unresolved.ReviewNeeded);
    }

    [Fact]
    public void Quotes_are_capped_at_25_words()
    {
        var line = "2024.03.07 " + string.Join(' ', Enumerable.Range(1, 40).Select(i => $"단어{i}"));

        var quote = Assert.Single(DatedLineEvents.Build([new RuleDocument(1, "a.txt", [new RulePage(1, [line])])], Today)).Evidence.Quote;

        Assert.Equal(DatedLineEvents.MaxQuoteWords, quote.Split(' ').Count(w => w != "…"));
        Assert.EndsWith("…", quote);
    }

    [Fact]
    public void The_analysis_key_changes_with_every_input()
    {
        var documents = new[] { new AnalysisDocument(1, "a.pdf", new string('a', 64)) };
        var plain = AnalysisKey.Of(new AnalysisRequest(documents, null));

        Assert.Equal(plain, AnalysisKey.Of(new AnalysisRequest(documents.ToList(), null)));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest(documents, new DateOnly(2024, 6, 1))));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest([documents[0] with { FileName = "b.pdf" }], null)));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest([documents[0] with { Sha256 = new string('b', 64) }], null)));
    }
}
