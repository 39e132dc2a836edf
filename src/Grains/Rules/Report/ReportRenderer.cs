using System.Net;
using System.Text;

namespace VNexsus.Rules.Report;

/// <summary>Text and HTML renderings of the report (derived from the JSON, which stays authoritative; §9.2, §9.6).</summary>
public static class ReportRenderer
{
    /// <summary>The investigator text: warnings, disclosure summary, then the 10 slots per event in chronological order.</summary>
    public static string Text(AnalysisReport report)
    {
        var text = new StringBuilder();
        text.Append("VNexsus 의료기록 분석 보고서\n");
        foreach (var review in report.DisclosureReview)
        {
            text.Append(ContractName(report, review)).Append("보험가입일: ").Append(review.JoinDate?.Replace('-', '.') ?? "미입력 (" + Disclosure.DisclosureReviewer.JoinDateMissingText + ")")
                .Append(" · 고지 기간 정책: ").Append(review.Policy.Label).Append(review.Policy.DefaultApplied ? " (기본 정책 적용)" : "").Append('\n');
        }
        text.Append('\n').Append("[유의사항]\n");
        foreach (var warning in report.Warnings)
        {
            text.Append("- ").Append(warning).Append('\n');
        }

        foreach (var review in report.DisclosureReview)
        {
            text.Append('\n').Append("[고지의무 검토 개요").Append(report.DisclosureReview.Count > 1 ? $" - 계약 {review.ContractId}" : "").Append("]\n")
                .Append(review.CandidateOverview.Summary).Append('\n');
            foreach (var c in review.Candidates)
            {
                text.Append("- ").Append(c.Date.Replace('-', '.')).Append(' ').Append(ReportText.WindowLabel(c.Window)).Append(": ").Append(c.Rationale)
                    .Append(c.ReviewNeeded ? " [검토 필요]" : "").Append('\n');
            }
        }

        text.Append('\n').Append("[질환군]\n");
        foreach (var cluster in report.Clusters)
        {
            text.Append("- ").Append(cluster.Label).Append(": ").Append(cluster.Overview).Append('\n');
        }

        text.Append('\n').Append("[진료 내역]\n");
        foreach (var block in report.InvestigatorBlocks)
        {
            text.Append('\n').Append(block.Heading).Append('\n');
            foreach (var slot in block.Slots)
            {
                text.Append(slot.No).Append(". ").Append(slot.Title).Append(": ").Append(slot.Value).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>"계약 B · " when the case has several contracts, else nothing (the single-contract text stays as it was).</summary>
    /// <summary>"계약 X · " before a contract's lines when the report reviews several contracts, else nothing.</summary>
    public static string ContractName(AnalysisReport report, ReportDisclosure review) =>
        report.DisclosureReview.Count > 1 ? $"계약 {review.ContractId} · " : "";

    public static string Html(AnalysisReport report)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? ReportText.NotRecorded);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"ko\"><head><meta charset=\"utf-8\"><title>VNexsus 의료기록 분석 보고서</title>");
        html.Append("<style>body{font-family:'Noto Sans KR','Nanum Gothic',sans-serif;margin:2em;}table{border-collapse:collapse;width:100%;}td,th{border:1px solid #ccc;padding:4px 6px;font-size:14px;vertical-align:top;}th{background:#f3f3f3;}.review{color:#a15c00;font-weight:bold;}.warn{background:#fff8e1;padding:8px;}blockquote{margin:0;color:#555;}</style></head><body>\n");
        html.Append("<h1>의료기록 분석 보고서</h1>\n<div class=\"warn\"><ul>");
        foreach (var warning in report.Warnings)
        {
            html.Append("<li>").Append(E(warning)).Append("</li>");
        }

        html.Append("</ul></div>\n");
        foreach (var review in report.DisclosureReview)
        {
            html.Append("<p>").Append(E(ContractName(report, review))).Append("보험가입일: ").Append(E(review.JoinDate ?? Disclosure.DisclosureReviewer.JoinDateMissingText))
                .Append(" · 고지 기간 정책: ").Append(E(review.Policy.Label)).Append("</p>\n");
        }

        html.Append("<h2>타임라인</h2>\n<table><tr><th>날짜</th><th>병원</th><th>구분</th><th>내용</th><th>고지 기간</th><th>근거</th></tr>\n");
        foreach (var row in report.Timeline)
        {
            var evidence = row.Evidence.FirstOrDefault();
            html.Append("<tr><td>").Append(E(row.Date + (row.EndDate is { } end ? " ~ " + end : ""))).Append("</td><td>").Append(E(row.Hospital))
                .Append(row.Department is { } d ? " " + E(d) : "").Append("</td><td>").Append(E(row.TypeLabel))
                .Append(row.ReviewNeeded ? " <span class=\"review\">검토 필요</span>" : "").Append("</td><td>").Append(E(row.Content))
                .Append("</td><td>").Append(E(ReportText.WindowLabel(row.PrimaryWindow))).Append("</td><td>");
            if (evidence is not null)
            {
                html.Append(E($"파일 {evidence.FileIndex} {evidence.FileName} · {evidence.Page}쪽")).Append("<blockquote>“").Append(E(evidence.Quote)).Append("”</blockquote>");
                if (row.Evidence.Count > 1)
                {
                    html.Append(E($"외 {row.Evidence.Count - 1}건"));
                }
            }

            html.Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        foreach (var review in report.DisclosureReview)
        {
            html.Append("<h2>").Append(E(ContractName(report, review))).Append("고지의무 검토 후보</h2>\n<p>").Append(E(review.CandidateOverview.Summary))
                .Append("</p>\n<table><tr><th>날짜</th><th>기간</th><th>유형</th><th>강도</th><th>설명</th></tr>\n");
            foreach (var c in review.Candidates)
            {
                html.Append("<tr><td>").Append(E(c.Date)).Append("</td><td>").Append(E(ReportText.WindowLabel(c.Window))).Append("</td><td>").Append(E(c.CandidateType))
                    .Append("</td><td>").Append(E(c.Strength)).Append(c.ReviewNeeded ? " <span class=\"review\">검토 필요</span>" : "").Append("</td><td>").Append(E(c.Rationale)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>질환군</h2>\n<ul>");
        foreach (var cluster in report.Clusters)
        {
            html.Append("<li>").Append(E(cluster.Label)).Append(": ").Append(E(cluster.Overview)).Append("</li>");
        }

        html.Append("</ul>\n<h2>진료 내역</h2>\n");
        foreach (var block in report.InvestigatorBlocks)
        {
            html.Append("<h3>").Append(E(block.Heading)).Append("</h3>\n<ol>");
            foreach (var slot in block.Slots)
            {
                html.Append("<li>").Append(E(slot.Title)).Append(": ").Append(E(slot.Value)).Append("</li>");
            }

            html.Append("</ol>\n");
        }

        html.Append("<h2>유의사항</h2>\n<ul>");
        foreach (var note in report.PolicyNotes)
        {
            html.Append("<li>").Append(E(note.Message)).Append("</li>");
        }

        html.Append("</ul>\n</body></html>\n");
        return html.ToString();
    }
}
