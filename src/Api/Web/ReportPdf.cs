using VNexsus.Api.Web.Pdf;
using VNexsus.Rules.Report;

namespace VNexsus.Api.Web;

/// <summary>
/// The report as an A4 PDF with the Nanum Gothic TrueType fonts embedded (subset): a page header with the case id and
/// the generation time, a footer with the mandatory notice and page numbers on every page, the four mandatory warnings
/// first. Written by <see cref="PdfWriter"/> (composite fonts, subset, with a ToUnicode map, so every Hangul syllable
/// works and the text stays extractable); no browser is involved.
/// </summary>
public static class ReportPdf
{
    public const string DefaultFontDirectory = "/usr/share/fonts/truetype/nanum";

    private static readonly Lazy<FontFace> Regular = new(() => FontFace.Load("NanumGothic.ttf"));
    private static readonly Lazy<FontFace> Bold = new(() => FontFace.Load("NanumGothicBold.ttf"));

    public static byte[] Render(AnalysisReport report, DateTimeOffset generatedAt)
    {
        var page = new Composer(Regular.Value, Bold.Value);
        Compose(page, report, generatedAt);
        var caseId = report.CaseBasicInfo.JobId ?? "-";
        return page.Build(
            header: [$"사건 ID: {caseId}", $"생성: {ReportExport.GeneratedAtText(generatedAt)}"],
            footer: "본 결과는 의학적 진단이나 보험금 지급 여부에 대한 판단이 아닙니다. 검토 필요 항목은 원본과 대조하십시오. · 대외비");
    }

    private static void Compose(Composer pdf, AnalysisReport report, DateTimeOffset generatedAt)
    {
        var info = report.CaseBasicInfo;
        var inventory = report.DocumentInventorySummary;

        pdf.Paragraph("의료기록 분석 보고서", 16, bold: true, after: 6);
        pdf.Paragraph($"사건 ID: {info.JobId ?? "-"}   ·   생성 시각: {ReportExport.GeneratedAtText(generatedAt)}", 9, color: Composer.Grey);
        foreach (var review in report.DisclosureReview)
        {
            pdf.Paragraph(
                $"{ReportRenderer.ContractName(report, review)}보험가입일: {(review.JoinDate is { } j ? Dot(j) : "미입력 (보험가입일 입력이 필요합니다)")}   ·   고지 기간 정책: {review.Policy.Label}{(review.Policy.DefaultApplied ? " (기본 정책 적용)" : "")}",
                9);
        }

        pdf.Paragraph(
            $"문서 {inventory.Documents}건 · {inventory.Pages}쪽   ·   기록 기간: {Dot(inventory.FirstDate)} ~ {Dot(inventory.LastDate)}   ·   병원: {(inventory.Hospitals.Count > 0 ? string.Join(", ", inventory.Hospitals) : "미기재")}",
            9, after: 8);

        pdf.Box("유의사항", report.Warnings.Count > 0 ? report.Warnings : ReportText.Warnings);

        foreach (var review in report.DisclosureReview)
        {
            DisclosureSection(pdf, report, review);
        }

        pdf.Heading("질환군");
        pdf.Table(
            [110, 70, 335],
            ["질환군", "상태", "개요"],
            report.Clusters.Select(c => (IReadOnlyList<string>)[c.Label, ClusterStatus(c.Status), c.Overview]).ToList());

        pdf.Heading("타임라인");
        if (report.Timeline.Count == 0)
        {
            pdf.Paragraph("찾은 의료 이벤트가 없습니다. 원본 확인이 필요합니다.", 9.5);
        }
        else
        {
            pdf.Table(
                [66, 46, 92, 190, 60, 61],
                ["날짜", "구분", "병원", "내용", "고지 기간", "근거"],
                report.Timeline.Select(row => (IReadOnlyList<string>)
                [
                    Period(row.Date, row.EndDate) + (row.Time is { } t ? $" {t}" : ""),
                    row.TypeLabel + (row.ReviewNeeded ? "\n[검토 필요]" : ""),
                    string.Join(" ", new[] { row.Hospital, row.Department }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } h ? h : ReportText.NotRecorded,
                    row.Content.Length > 0 ? row.Content : ReportText.EmptyRow,
                    ReportText.WindowLabel(row.PrimaryWindow),
                    row.Evidence.FirstOrDefault() is { } e ? $"파일 {e.FileIndex} · {e.Page}쪽" + (row.Evidence.Count > 1 ? $" 외 {row.Evidence.Count - 1}건" : "") : "근거 없음",
                ]).ToList());
        }

        if (report.InvestigatorBlocks.Count > 0)
        {
            pdf.Heading("진료 내역 (조사 항목)");
            foreach (var block in report.InvestigatorBlocks)
            {
                pdf.KeepTogether(40);
                pdf.Paragraph(block.Heading, 10, bold: true, before: 4);
                foreach (var slot in block.Slots)
                {
                    pdf.Paragraph($"{slot.No}. {slot.Title}: {slot.Value}", 9, indent: 10);
                }
            }
        }

        if (report.PolicyNotes.Count > 0)
        {
            pdf.Heading("안내");
            foreach (var note in report.PolicyNotes)
            {
                pdf.Paragraph("· " + note.Message, 9);
            }
        }
    }

    /// <summary>One contract's disclosure review: its overview, notices and candidates.</summary>
    private static void DisclosureSection(Composer pdf, AnalysisReport report, ReportDisclosure disclosure)
    {
        pdf.Heading(report.DisclosureReview.Count > 1 ? $"고지의무 검토 개요 - 계약 {disclosure.ContractId}" : "고지의무 검토 개요");
        pdf.Paragraph(disclosure.CandidateOverview.Summary, 9.5);
        pdf.Paragraph("판단이 아니라 원본과 대조할 검토 우선순위입니다.", 9, color: Composer.Grey);
        if (disclosure.CandidateOverview.ByWindow.Count > 0)
        {
            pdf.Paragraph(string.Join("   ", disclosure.CandidateOverview.ByWindow.Select(w => $"{ReportText.WindowLabel(w.Key)}: {w.Value}건")), 9);
        }

        foreach (var notice in disclosure.Notices.Where(n => !report.Warnings.Contains(n.Message)))
        {
            pdf.Paragraph("· " + notice.Message, 9, color: Composer.Grey);
        }

        if (disclosure.Candidates.Count > 0)
        {
            pdf.Table(
                [62, 70, 50, 44, 289],
                ["날짜", "기간", "유형", "근거 강도", "설명"],
                disclosure.Candidates.Select(c => (IReadOnlyList<string>)
                [
                    Period(c.Date, c.EndDate),
                    ReportText.WindowLabel(c.Window),
                    CandidateType(c.CandidateType),
                    Strength(c.Strength),
                    c.Rationale + (c.ReviewNeeded ? " [검토 필요]" : "") + EvidenceNote(c.Evidence),
                ]).ToList());
        }
    }

    private static string Dot(string? isoDate) => string.IsNullOrEmpty(isoDate) ? "미기재" : isoDate.Replace('-', '.');

    private static string Period(string date, string? end) => end is { Length: > 0 } ? $"{Dot(date)} ~ {Dot(end)}" : Dot(date);

    private static string EvidenceNote(IReadOnlyList<ReportEvidence> evidence) =>
        evidence.FirstOrDefault() is { } e ? $" (근거: 파일 {e.FileIndex} {e.Page}쪽 “{Shorten(e.Quote, 60)}”)" : "";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static string ClusterStatus(string status) => status switch
    {
        "present" => "관련 기록 있음",
        "review_needed" => "검토 필요",
        "not_found" => "관련 기록 없음",
        _ => status,
    };

    private static string Strength(string strength) => strength switch
    {
        "strong" => "근거 강함",
        "medium" => "근거 보통",
        "weak" => "근거 약함",
        _ => strength,
    };

    public static string CandidateType(string type) => type switch
    {
        "diagnosis" => "진단",
        "exam" => "검사",
        "admission" => "입원",
        "surgery" => "수술",
        "pathology" => "병리",
        "follow_up" => "추적 관찰",
        "medication" => "투약",
        "continued_treatment" => "계속 치료",
        _ => "기타",
    };

    /// <summary>One TrueType font file, for measuring and embedding.</summary>
    private sealed class FontFace(TrueTypeFont font)
    {
        public TrueTypeFont Font { get; } = font;

        public static FontFace Load(string fileName) => new(TrueTypeFont.Load(Path.Combine(DefaultFontDirectory, fileName)));

        public bool Has(char c) => char.IsSurrogate(c) || Font.GlyphOf(c) != 0;

        public double Width(char c, double size) => Font.Advance(Font.GlyphOf(c)) / (double)Font.UnitsPerEm * size;

        public double Width(string text, double size) => text.Sum(c => Width(c, size));
    }

    /// <summary>Flows paragraphs, boxes and tables over A4 pages (top-down coordinates), then writes them with header and footer.</summary>
    private sealed class Composer(FontFace regular, FontFace bold)
    {
        public static readonly (byte R, byte G, byte B) Black = (20, 20, 20);
        public static readonly (byte R, byte G, byte B) Grey = (85, 85, 85);
        private static readonly (byte R, byte G, byte B) Accent = (23, 64, 120);
        private static readonly (byte R, byte G, byte B) WarningFill = (255, 246, 214);
        private static readonly (byte R, byte G, byte B) HeaderFill = (232, 237, 245);
        private static readonly (byte R, byte G, byte B) Rule = (170, 170, 170);

        private const double PageWidth = 595.28;
        private const double PageHeight = 841.89;
        private const double Margin = 40;
        private const double Top = 66;
        private const double Bottom = PageHeight - 56;
        private const double LineFactor = 1.45;

        private readonly List<List<Op>> _pages = [[]];
        private double _y = Top;

        private List<Op> Page => _pages[^1];

        private static double ContentWidth => PageWidth - 2 * Margin;

        public void Heading(string text)
        {
            KeepTogether(60);
            _y += 8;
            Paragraph(text, 12, bold: true, color: Accent, after: 2);
            Page.Add(new LineOp(Margin, _y, PageWidth - Margin, _y, 0.6, Accent));
            _y += 6;
        }

        public void Paragraph(string text, double size, bool bold = false, (byte, byte, byte)? color = null, double indent = 0, double before = 0, double after = 2)
        {
            _y += before;
            var face = bold ? FaceBold : FaceRegular;
            foreach (var line in Wrap(Clean(text, face), ContentWidth - indent, size, face))
            {
                NeedSpace(size * LineFactor);
                Page.Add(new TextOp(Margin + indent, _y + size, size, bold, line, color ?? Black));
                _y += size * LineFactor;
            }

            _y += after;
        }

        /// <summary>A shaded box with a bold title and one bullet per line (the mandatory warnings); continues on the next page when long.</summary>
        public void Box(string title, IReadOnlyList<string> lines)
        {
            const double size = 9.5;
            const double pad = 8;
            var wrapped = lines.SelectMany(l => Wrap(Clean("• " + l, FaceRegular), ContentWidth - 2 * pad, size, FaceRegular)).ToList();
            NeedSpace(pad + 11 * LineFactor + Math.Min(wrapped.Count, 4) * size * LineFactor + pad);
            var (rectIndex, top) = (Page.Count, _y);
            void Close()
            {
                // The shading goes under the text: inserted before the ops of this part of the box.
                Page.Insert(rectIndex, new RectOp(Margin, top, ContentWidth, _y + pad - top, WarningFill));
            }

            _y += pad;
            Page.Add(new TextOp(Margin + pad, _y + 11, 11, true, title, Black));
            _y += 11 * LineFactor;
            foreach (var line in wrapped)
            {
                if (_y + size * LineFactor + pad > Bottom)
                {
                    Close();
                    NewPage();
                    (rectIndex, top) = (Page.Count, _y);
                    _y += pad;
                }

                Page.Add(new TextOp(Margin + pad, _y + size, size, false, line, Black));
                _y += size * LineFactor;
            }

            Close();
            _y += pad + 8;
        }

        /// <summary>A table with a shaded header row repeated on every page it spans; cells wrap, rows never split.</summary>
        public void Table(IReadOnlyList<double> widths, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
        {
            const double size = 8.5;
            const double pad = 3;
            var scale = ContentWidth / widths.Sum();
            var columns = widths.Select(w => w * scale).ToList();

            List<List<string>> Cells(IReadOnlyList<string> row, FontFace face) =>
                row.Select((cell, i) => Wrap(Clean(cell, face), columns[i] - 2 * pad, size, face)).ToList();

            double Height(List<List<string>> cells) => cells.Max(c => c.Count) * size * LineFactor + 2 * pad;

            void Row(List<List<string>> cells, bool isHeader)
            {
                var height = Height(cells);
                if (isHeader)
                {
                    Page.Add(new RectOp(Margin, _y, ContentWidth, height, HeaderFill));
                }

                var x = Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    var y = _y + pad;
                    foreach (var line in cells[i])
                    {
                        Page.Add(new TextOp(x + pad, y + size, size, isHeader, line, Black));
                        y += size * LineFactor;
                    }

                    x += columns[i];
                }

                _y += height;
                Page.Add(new LineOp(Margin, _y, PageWidth - Margin, _y, 0.4, Rule));
            }

            var head = Cells(header, FaceBold);
            NeedSpace(Height(head) + size * LineFactor * 2 + 2 * pad);
            Row(head, true);
            foreach (var row in rows)
            {
                var cells = Cells(row, FaceRegular);
                if (_y + Height(cells) > Bottom)
                {
                    NewPage();
                    Row(head, true);
                }

                Row(cells, false);
            }

            _y += 6;
        }

        /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
        public void KeepTogether(double height) => NeedSpace(height);

        public byte[] Build(IReadOnlyList<string> header, string footer)
        {
            var pdf = new PdfWriter(PageWidth, PageHeight);
            var fonts = new Dictionary<bool, int> { [false] = pdf.AddFont(regular.Font), [true] = pdf.AddFont(bold.Font) };
            var total = _pages.Count;
            for (var index = 0; index < total; index++)
            {
                pdf.NewPage();
                var ops = new List<Op>(_pages[index]);
                ops.Add(new TextOp(Margin, 30, 9, true, "VNexsus 의료기록 분석 보고서", Accent));
                ops.Add(RightAligned(Clean(header[0], regular), 9, 26));
                ops.Add(RightAligned(Clean(header[1], regular), 9, 38));
                ops.Add(new LineOp(Margin, 46, PageWidth - Margin, 46, 0.6, Rule));
                ops.Add(new LineOp(Margin, PageHeight - 44, PageWidth - Margin, PageHeight - 44, 0.6, Rule));
                var footerText = Wrap(Clean(footer, regular), ContentWidth - 50, 7.5, regular).First();
                ops.Add(new TextOp(Margin, PageHeight - 30, 7.5, false, footerText, Grey));
                ops.Add(RightAligned($"{index + 1} / {total}", 8, PageHeight - 30));
                foreach (var op in ops)
                {
                    switch (op)
                    {
                        case RectOp rect:
                            pdf.Rectangle(rect.X, rect.Y, rect.Width, rect.Height, rect.Fill);
                            break;
                        case LineOp line:
                            pdf.Line(line.X1, line.Y1, line.X2, line.Y2, line.Width, line.Color);
                            break;
                        case TextOp text when text.Text.Length > 0:
                            pdf.Text(fonts[text.Bold], text.Size, text.X, text.Baseline, text.Text, text.Color);
                            break;
                    }
                }
            }

            return pdf.Build("VNexsus 의료기록 분석 보고서");
        }

        private TextOp RightAligned(string text, double size, double baseline) =>
            new(PageWidth - Margin - regular.Width(text, size), baseline, size, false, text, Grey);

        private FontFace FaceRegular => regular;

        private FontFace FaceBold => bold;

        private void NeedSpace(double height)
        {
            if (_y + height > Bottom && Page.Count > 0)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _pages.Add([]);
            _y = Top;
        }

        /// <summary>Tabs become spaces; other control characters and characters the font lacks become '?'.</summary>
        private static string Clean(string text, FontFace face)
        {
            var clean = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
            {
                clean.Append(c switch
                {
                    '\n' => '\n',
                    '\t' or '\r' or '\u00a0' => ' ',
                    _ when char.IsControl(c) => '?',
                    _ when char.IsSurrogate(c) => '?',
                    _ when !face.Has(c) => '?',
                    _ => c,
                });
            }

            return clean.ToString();
        }

        /// <summary>Greedy line breaking: at the last space that fits, else (Hangul runs, long codes) at any character.</summary>
        private static List<string> Wrap(string text, double width, double size, FontFace face)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Split('\n'))
            {
                var start = 0;
                var lastSpace = -1;
                var lineWidth = 0.0;
                for (var i = 0; i < paragraph.Length; i++)
                {
                    var c = paragraph[i];
                    var w = face.Width(c, size);
                    if (lineWidth + w > width && i > start)
                    {
                        var end = lastSpace > start ? lastSpace : i;
                        lines.Add(paragraph[start..end].TrimEnd());
                        start = end;
                        while (start < paragraph.Length && paragraph[start] == ' ')
                        {
                            start++;
                        }

                        lastSpace = -1;
                        lineWidth = face.Width(paragraph[start..(i + 1)], size);
                        continue;
                    }

                    if (c == ' ')
                    {
                        lastSpace = i;
                    }

                    lineWidth += w;
                }

                lines.Add(start < paragraph.Length ? paragraph[start..] : "");
            }

            return lines;
        }

        private abstract record Op;

        private sealed record TextOp(double X, double Baseline, double Size, bool Bold, string Text, (byte R, byte G, byte B) Color) : Op;

        private sealed record LineOp(double X1, double Y1, double X2, double Y2, double Width, (byte R, byte G, byte B) Color) : Op;

        private sealed record RectOp(double X, double Y, double Width, double Height, (byte R, byte G, byte B) Fill) : Op;
    }
}
