using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Rules.Codes;
using VNexsus.Rules.Disclosure;
using VNexsus.Rules.Events;
using VNexsus.Rules.Hospitals;
using VNexsus.Rules.Report;

namespace VNexsus.RulesTests;

/// <summary>Focused tests, one rule at a time, on synthetic lines.</summary>
public sealed class RuleTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    private static RuleDocument Text(int order, string name, params string[] lines) =>
        new(order, name, PlainTextReader.Read(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))));

    private static AnalysisResult Analyse(DateOnly? join, string? policy, params RuleDocument[] documents) =>
        RuleEngine.Default.Analyse(new string('0', 64), documents, new RuleOptions(join, policy, Today), DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("생년월일: 1970.01.01 진료일자: 2024.03.07 외래", "2024-03-07", "1970-01-01", "birth_date")]
    [InlineData("발급일 2024.05.02 진료일자 2024.03.07 외래", "2024-03-07", "2024-05-02", "issue_or_print_date")]
    [InlineData("발행일자: 2024.05.02 진료일자 2024.03.07 외래", "2024-03-07", "2024-05-02", "issue_or_print_date")]
    [InlineData("진료일자: 2024.03.07 외래 다음 예약: 2024.04.08", "2024-03-07", "2024-04-08", "booking_date")]
    [InlineData("검사일: 2024.03.07 흉부 CT 판독일: 2024.03.09", "2024-03-07", "2024-03-09", "report_date")]
    [InlineData("진료일자: 2024.03.07 외래 보험기간 2024.01.01 ~ 2034.01.01", "2024-03-07", "2024-01-01", "contract_date")]
    [InlineData("진료기록 사본 발급  출력일자: 2024.10.02 08:45 진료일자 2024.03.07 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")] // 일자 for 일
    [InlineData("진료일자: 2024.03.07 외래 판독 일자: 2024.03.09", "2024-03-07", "2024-03-09", "report_date")] // a label's words spaced apart
    [InlineData("진료일자: 2024.03.07 외래 차기 내원 2024.04.08 11:40 (예약)", "2024-03-07", "2024-04-08", "booking_date")] // a label with a space in it
    [InlineData("진료일자: 2024.03.07 외래 다음 내원: 2024.04.08", "2024-03-07", "2024-04-08", "booking_date")]
    [InlineData("[교부일자] 2024.10.02 진료일자 2024.03.07 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")] // a copy's issue, not a prescription's 교부일
    [InlineData("진료일자 2024.03.07 외래 요약 확정일 | 2024.03.20", "2024-03-07", "2024-03-20", "issue_or_print_date")]
    [InlineData("생검 시행일 | 2024.03.07 (검체: 조직) 최종 판정일 | 2024.03.12", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("접수일 2024.03.07 ─ 외래 (신규) 증명 일자 ▷ 2024.10.02", "2024-03-07", "2024-10-02", "issue_or_print_date")] // a registration for a visit; marks between a label and its date
    [InlineData("서류 접수일 2024.10.02 진료일자 2024.03.07 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")] // a document's reception
    [InlineData("진료일자 2024.03.07 외래 RTC 2024.04.08 15:10 (외래 약속)", "2024-03-07", "2024-04-08", "booking_date")]
    [InlineData("가나병원 Printed 2024.10.02 16:05 진료일자 2024.03.07 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")]
    [InlineData("진료일자 2024.03.07 외래 전자서명 ▷ 2024.03.08 18:20 (주치의)", "2024-03-07", "2024-03-08", "issue_or_print_date")]
    [InlineData("검사일시 2024.03.07 10:15 판독의 확인 ▷ 2024.03.09", "2024-03-07", "2024-03-09", "report_date")]
    [InlineData("Bx 생검일 2024.03.07 Sign-out ▷ 2024.03.12 (병리과 전문의)", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("진료일자 2024.03.07 외래 기록자 송○○ ● 기록일시 2024.03.10 17:02", "2024-03-07", "2024-03-10", "issue_or_print_date")]
    [InlineData("위와 같이 증명함 ◎ 2024.10.02 진료일자 2024.03.07 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")]
    [InlineData("진료일자 2024.03.07 외래 ◎ 차회 진료 2024.04.08 08:40 (공복 채혈)", "2024-03-07", "2024-04-08", "booking_date")]
    [InlineData("시행일시：2024.03.07 11:20 검증일시：2024.03.09 17:35 (영상의학과 전문의)", "2024-03-07", "2024-03-09", "report_date")]
    [InlineData("병리 의뢰일：2024.03.07 ● 검체：위 생검 조직 병리의 최종서명：2024.03.12", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("환자 = 한예문 ◈ 성별 F ◈ D.O.B 1970.01.01 ◈ 원내등록 No.13604482 최초진료일 = 2024.03.07", "2024-03-07", "1970-01-01", "birth_date")]
    [InlineData("간호기록 발췌본 ― 발췌 작성 2024.10.02 17:55 ― 진료정보팀 최초진료일 = 2024.03.07", "2024-03-07", "2024-10-02", "issue_or_print_date")]
    [InlineData("간호기록 bral ― Ytal| 작성 2024.10.02 17:55 ― 진료정보팀 최초진료일 = 2024.03.07", "2024-03-07", "2024-10-02", "issue_or_print_date")] // as a scan reads it
    [InlineData("입원 요양기간 = 2024.03.07 ∼ 2024.03.09 퇴원요약 마감 = 2024.03.12 21:30", "2024-03-07", "2024-03-12", "issue_or_print_date")]
    [InlineData("검체 채집 → 2024.03.07 (포르말린 고정 4점) 병리 결과 회신일 ※ 2024.03.12", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("검사항목 = 간 섬유화 스캔 ※ 수행일 2024.03.07 10:05 판독 승인 → 2024.03.09 16:40", "2024-03-07", "2024-03-09", "report_date")]
    [InlineData("환자 임가칭 님 (남ㆍ1970.01.01생) ┃ 외래등록 14102403 진료일자 2024.03.07 외래", "2024-03-07", "1970-01-01", "birth_date")] // 생 after a date: born on it
    [InlineData("진료기록 열람본 ┃ 열람ㆍ복사 2024.10.02 오후 3시 12분 ┃ 진료일자 2024.03.07 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")]
    [InlineData("진료일자 2024.03.07 외래 이상과 같이 회신합니다 … 2024.03.10 ┃ 담당의", "2024-03-07", "2024-03-10", "issue_or_print_date")]
    [InlineData("2024.03.07 본원에서 상부 소화관 내시경 검사를 시행하였음 결과 등록 … 2024.03.09 (영상의학과)", "2024-03-07", "2024-03-09", "report_date")]
    [InlineData("조직 생검을 2024.03.07 시행하여 병리과에 의뢰함 병리 결과 통지 … 2024.03.12", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("조직검사 의뢰 (검체 채취 2024.03.07) ┆ 검체 2개 병리 결과 회보일 ┆ 2024.03.12", "2024-03-07", "2024-03-12", "report_date")] // holdout7 golden set
    [InlineData("조직검사 의뢰 (검체 채취 2024.03.07) 3 검체 2개 병리 결과 회보일 3 2024.03.12", "2024-03-07", "2024-03-12", "report_date")] // as a scan reads the marks
    [InlineData("초진 연월일 2024.03.07 ┆ 외래 (신환 접수) ☎ 예약 안내 ┆ 2024.04.08 PM 2:30 (내원 30분 전 도착)", "2024-03-07", "2024-04-08", "booking_date")]
    [InlineData("Adm. 2024.03.07 ┆ D/C 2024.03.09 수납일 2024.03.12 ┆ 수납 담당자 (인)", "2024-03-07", "2024-03-12", "issue_or_print_date")] // paid, not seen
    [InlineData("상기 환자는 2024.03.07 본원 외래에 내원하여 진찰을 받았음 다음 진료는 2024.04.08 오전 9시 40분으로 예정되어 있음", "2024-03-07", "2024-04-08", "booking_date")] // a label in prose, its particle after it
    [InlineData("▼ 검체 접수:2024.3.7. ｜ 생검 부위：위 전정부 Report date(병리과 서명)：2024.3.12.", "2024-03-07", "2024-03-12", "report_date")] // a remark in brackets after the label (holdout8 golden set)
    [InlineData("〓 진단서 발행 연월일:2024.5.2. 〓 (보험 청구 제출용) ① 진찰일:2024.3.7. ｜ 외래 첫 진찰", "2024-03-07", "2024-05-02", "issue_or_print_date")]
    [InlineData("진료기록 등본 (보험금 청구용) ¶ 제증명 인쇄 2024. 10. 02 (오후 4:20) 내원 일자 » 2024. 03. 07 ◦ 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")] // holdout9 golden set
    [InlineData("병리 검체 받은 날 » 2024. 03. 07 ◦ 생검 조직 (2점) 병리 결과 통보일 » 2024. 03. 12", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("응급실 경유 입원 ➤ 2024.3.7(목) 02:40 퇴원 요약 확인 │ 주치의 ○○○ │ 2024.3.12(화) 전자서명", "2024-03-07", "2024-03-12", "issue_or_print_date")] // a label after its date (holdout10 golden set)
    [InlineData("23.11.15  외래  가정의학과  D51.9  비타민B12 결핍성 빈혈 2024.6.1(토) 14:40 ➤ 다음 외래 예약 (변경 시 연락)", "2023-11-15", "2024-06-01", "booking_date")]
    [InlineData("조직 채취 ➤ 2024.3.7(목) ∙ 내시경 생검 2024.3.12(화) 병리 최종 보고 ∙ 병리과 전문의 서명", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("◎ 조직 채취(내시경 생검) ： 2024/03/07(목) ▶ 병리과 전문의 ○○○ 판독 ／ 결과 보고 『2024/03/12(화)』", "2024-03-07", "2024-03-12", "report_date")] // holdout12 golden set
    [InlineData("진료 개시일 ▶ 2024/03/07(목) (외래 · 초진) 충수절제술 (타 병원) ／ 2010年 5月 12日 경 시행 (본인 진술)", "2024-03-07", "2010-05-12", "past_history")] // what the patient says happened about then
    [InlineData("위 환자가 본원 외래에서 진료받았음을 확인함 ≡ 확인서 발급 2024.10.02 (수) ≡ 원무팀 (직인) ■ 진료 받은 일자 ≡ 2024.03.07 (목) ≡ 외래 진찰", "2024-03-07", "2024-10-02", "issue_or_print_date")] // holdout14 golden set
    [InlineData("【생검 채취】 2024.03.07 (목) · 내시경하 위 전정부 3점 ≡ 병리 전문의 최종 확인 2024.03.12 (화)", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("▲ 우상복부 초음파 (담낭 집중) ⇢ 시행 날짜 2024.3.7.(목) △ Reported 2024.3.9.(토) (영상의학과 전문의 ○○○)", "2024-03-07", "2024-03-09", "report_date")] // holdout15 golden set
    [InlineData("▲ 생검일 ⇢ 2024.3.7.(목) △ 내시경 조직 2점 △ 병리 보고서 발행 ＜2024.3.12.(화)＞ 병리과 전문의", "2024-03-07", "2024-03-12", "report_date")]
    [InlineData("이 확인서는 통원 사실과 다름없음을 증명합니다 ⇢ 교부 2024.10.2.(수) ⇢ 원무과 ▲ 첫 내원 ⇢ 2024.3.7.(목)", "2024-03-07", "2024-10-02", "issue_or_print_date")]
    [InlineData("진료 기록 인쇄본 〖제출용〗 ▲ 제증명 창구 인쇄본 ▲ 2024.10.2.(수) 11:26 ▲ 첫 내원 ⇢ 2024.3.7.(목) 외래", "2024-03-07", "2024-10-02", "issue_or_print_date")]
    public void Fake_dates_are_excluded_with_their_reason(string line, string kept, string dropped, string reason)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", line));

        Assert.Contains(result.Events, e => e.Date.Date == DateOnly.Parse(kept));
        Assert.DoesNotContain(result.Events, e => e.Date.Date == DateOnly.Parse(dropped));
        Assert.Contains(result.Excluded, x => x.Date.Date == DateOnly.Parse(dropped) && x.Reason == reason);
    }

    [Theory]
    [InlineData("※ 다음 진료 예약 - 채혈 후 결과 확인 - 2024 년 4 월 8 일 오후 2시", true)] // the booked visit's purpose between (holdout11 golden set)
    [InlineData("예약 - 채혈 후 결과 확인 - 2024 년 4 월 8 일", true)]
    [InlineData("진료 예약 없이 당일 접수 - 2024 년 4 월 8 일 외래", false)] // the line opens with something else
    public void A_line_opening_with_a_booking_label_books_its_date(string line, bool booking)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", "진료일자 2024.03.07 외래", line));

        Assert.Equal(booking, result.Excluded.Any(x => x.Date.Date == new DateOnly(2024, 4, 8) && x.Reason == "booking_date"));
        Assert.Equal(!booking, result.Events.Any(e => e.Date.Date == new DateOnly(2024, 4, 8)));
    }

    [Theory]
    [InlineData("▣ 환자ID 90358301 ▣ 성명 윤예시 (F) ▣ 즐샹 1962-06-15", true)] // the birth label unreadable on a scan
    [InlineData("환자 = 한예문 ◈ 성별 F ◈ D0B 1962.06.15 ◈ 원내등록 No.13604482", true)]
    [InlineData("AZ 황보가설 ㅁ a4 -Aeae | 남ㆍ'62-6-15 ㅁ 병록번호 — 79353299", true)] // every label but the record number's unreadable (holdout14 golden set)
    [InlineData("성명 윤예시 1962-06-15 외래 초진", false)] // a visit on the identity line
    public void An_unlabelled_date_on_the_patients_identity_line_is_the_birth_date(string identity, bool birth)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", identity, "진료일자 2024.03.07 외래"));

        Assert.Contains(result.Events, e => e.Date.Date == new DateOnly(2024, 3, 7));
        Assert.Equal(birth, result.Excluded.Any(x => x.Date.Date == new DateOnly(1962, 6, 15) && x.Reason == "birth_date"));
        Assert.Equal(!birth, result.Events.Any(e => e.Date.Date == new DateOnly(1962, 6, 15)));
    }

    [Theory]
    [InlineData("접수일 2024.03.07 ㅡ외래 (신규)")] // a dash read as a jamo
    [InlineData("접수일 2024.03.07 ㆍ 외래 (신규)")]
    public void A_reception_date_before_a_visit_word_is_the_visit_whatever_mark_separates_them(string line)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", line));

        Assert.Equal(new DateOnly(2024, 3, 7), Assert.Single(result.Events).Date.Date);
    }

    [Fact]
    public void Past_history_attaches_to_the_visit_and_never_becomes_an_event()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", "과거력", "- 2015.05.12 충수절제술", "진료일자: 2024.03.07 외래 초진", "진단명: 본태성 고혈압 (I10)"));

        var visit = Assert.Single(result.Events);
        Assert.Equal(EventType.Outpatient, visit.Type);
        Assert.Contains(visit.PastHistory, h => h.Contains("2015.05.12", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(". 과거력")] // specks a scan adds around a short heading
    [InlineData("과거력 . .")]
    [InlineData("과거력 : ;")]
    [InlineData("■ 과거력 ■")]
    [InlineData("[과거력]")]
    [InlineData("이전 치료력")]
    [InlineData("PHx ◆ 과거 수술력")] // headings side by side
    [InlineData("◎ 과거 수술·입원 이력")]
    [InlineData("@ 과거 수술ㆍ입원 이력")] // the Hangul middle dot forms print
    [InlineData("• 과거 진료 사항 (본인 진술)")] // a remark in brackets after the heading
    [InlineData("⊙ 수술 경력 (타 기관)")]
    [InlineData("▶ 기왕증 (타 병원 수술 이력)")] // holdout7 golden set
    [InlineData("▼ Past Hx：수술 과거력")] // holdout8 golden set
    [InlineData("v Past Hx : 수술 과거력")] // its mark read as a letter on a scan
    [InlineData("¶ 과거력 조사 ◦ 수술 경험 (타 기관, 본인 응답)")] // a nursing survey's (holdout9 golden set)
    [InlineData("1 과거력 조사 ㅇ 수술 경험 (Ef 기관, 본인 응답)")] // as scanned: its marks read as a digit and a jamo
    [InlineData("▣ 이전 수술 ∙ 입원 이력 (문진)")] // holdout10 golden set
    [InlineData("(과거 병력 · 본인 진술)")] // in brackets with its remark inside them (holdout11 golden set)
    [InlineData("◇ 과거 수술 경험 ：： 있음 (환자 기재)")] // a form's answer after it; its two headings overlap (holdout13 golden set)
    [InlineData("〖과거 수술 · 입원〗")] // in white lenticular brackets (holdout15 golden set)
    public void A_past_history_heading_is_one_whatever_marks_surround_it(string heading)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", heading, "- 2015.05.12 충수절제술 (타 병원)", "진료일자: 2024.03.07 외래 초진", "진단명: 본태성 고혈압 (I10)"));

        var visit = Assert.Single(result.Events);
        Assert.Equal(new DateOnly(2024, 3, 7), visit.Date.Date);
        Assert.Contains(visit.PastHistory, h => h.Contains("2015.05.12", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("의무기록 사본 SAQA: 2024.10.02 09:12", true)] // the print stamp of the other copy, its label unreadable
    [InlineData("의무기록 사본 SAQA: 2024.10.02 09:30", false)] // another minute: another time
    [InlineData("의무기록 사본 SAQA: 2024.10.02", false)] // no time: a date alone may be anything
    [InlineData("진료일시: 2024.10.02 09:12 외래", false)] // a label of its own
    public void A_date_stamped_to_the_minute_like_a_print_date_of_the_case_is_that_stamp(string line, bool stamp)
    {
        var printed = Text(1, "a.txt", "의무기록 사본 출력일시: 2024.10.02 09:12", "가나병원 내과", "진료일자: 2023.07.20 외래", "진단명: 본태성 고혈압 (I10)");
        var other = Text(2, "b.txt", line, "한빛내과의원 외래 진료", "진료일자: 2023.08.01 외래");

        var result = Analyse(null, null, printed, other);

        Assert.Equal(stamp, result.Excluded.Any(x => x.Date.Date == new DateOnly(2024, 10, 2) && x.Evidence.FileOrder == 2 && x.Reason == "issue_or_print_date"));
        Assert.False(stamp && result.Events.Any(e => e.Date.Date == new DateOnly(2024, 10, 2)));
    }

    [Fact]
    public void A_line_that_only_mentions_past_history_opens_no_section()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 외과", "과거력 청취 후 수술 결정 :", "- 2015.05.12 충수절제술", "진단명: 급성 충수염 (K35.8)"));

        Assert.Contains(result.Events, e => e.Date.Date == new DateOnly(2015, 5, 12));
    }

    [Theory]
    [InlineData("E1168", "E11.68")]
    [InlineData("R074", "R07.4")]
    [InlineData("A9999", "A99.99")]
    [InlineData("I20).9", "I20.9")]
    [InlineData("G56,0", "G56.0")] // a comma read for the dot
    [InlineData("e11.9", "E11.9")]
    public void Codes_are_normalised(string raw, string code) => Assert.Equal(code, KcdTable.Normalise(raw));

    [Theory]
    [InlineData("상병명 : ( K21 .0 )", "K21.0")]
    [InlineData("진단: I10. 5년 전부터 투약", "I10")]
    [InlineData("상병명: J459 천식", "J45.9")]
    [InlineData("Dx. #1 G56,0 손목굴 증후군", "G56.0")]
    [InlineData("진단: E11, 10년 전부터 투약", "E11")] // a comma with a space after it separates
    [InlineData("Dx. #1E109 1형 당뇨병", "E10.9")] // a list's number run into the code
    [InlineData("2024.03.07 통원 내과 KCD-E11.6 2형 당뇨병(기타 합병증)", "E11.6")] // the KCD- prefix
    [InlineData("상병명: 상세불명의 위염 K29 7", "K29.7")] // a space for the dot
    [InlineData("＃ 1 . 병 명 ▶ h8 11", "H81.1")] // spaced-out print, the space inside the digits
    [InlineData("§ 진 단 코 드 » N 300", "N30.0")] // spaced-out print, the space after the letter (holdout9 golden set)
    [InlineData("진 단 명 ( K C D ) : i 10", "I10")] // a lower-case letter and a space before two digits (holdout11 golden set)
    [InlineData("주 상 병 ： j30. 4 -", "J30.4")] // a space after the dot (holdout12 golden set)
    [InlineData("주 상 병 ： M 1 7 9 -", "M17.9")] // a space between every glyph
    [InlineData("진단: E11 10년 전부터 투약", "E11")] // a number after a space is no subcode when a word follows it
    public void Codes_are_read_through_ocr_spacing_but_never_across_a_sentence(string text, string code)
    {
        var e = RuleData.Default;
        var token = Assert.Single(e.Kcd.Find(text, true, e.Entities.CodeExclusionBefore, e.Entities.CodeExclusionAfter));
        Assert.Equal(code, token.Code);
    }

    [Theory]
    [InlineData("2024.03.07 외래 K29 7", false, "K29")] // not a diagnosis line: the number after the space stays apart
    [InlineData("상병명: I10 3", true, "I10")] // the table names no I10.3
    public void A_code_split_by_a_space_is_joined_only_on_a_diagnosis_line_into_a_code_the_table_names(string text, bool diagnosisLine, string code)
    {
        var e = RuleData.Default;
        Assert.Equal(code, Assert.Single(e.Kcd.Find(text, diagnosisLine, e.Entities.CodeExclusionBefore, e.Entities.CodeExclusionAfter)).Code);
    }

    [Theory]
    [InlineData("체온 T36.5℃ 측정")]
    [InlineData("비타민 B12 주사")]
    [InlineData("CA19-9 수치 정상")]
    public void Temperatures_vitamins_and_lab_names_are_not_codes(string text)
    {
        var e = RuleData.Default;
        Assert.Empty(e.Kcd.Find(text, true, e.Entities.CodeExclusionBefore, e.Entities.CodeExclusionAfter));
    }

    [Fact]
    public void A_code_comes_only_from_the_text_never_from_a_name()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", "진료일자: 2024.03.07 외래", "진단명: 제2형 당뇨병"));

        var diagnosis = Assert.Single(Assert.Single(result.Events).Diagnoses);
        Assert.Equal("제2형 당뇨병", diagnosis.Name);
        Assert.Null(diagnosis.Code);
    }

    [Theory]
    [InlineData("의료법인 새솔병원 외과", "새솔병원")]
    [InlineData("가나병원 정형외과", "가나병원")]
    [InlineData("한빛내과의원", "한빛내과의원")]
    [InlineData("한림대학교 강남성심병원 내과", "강남성심병원")]
    [InlineData("가온대병원 소화기내과", "서울가온대학교병원")]
    [InlineData("의료법안정성병원 내과", "정성병원")] // the corporate prefix misread by one letter on a scan (holdout11 golden set)
    public void Hospital_names_are_normalised(string text, string canonical)
    {
        var mention = Assert.Single(RuleData.Default.Hospitals.Find(text, RuleData.Default.Entities.ReferralWords));
        Assert.Equal(canonical, mention.Name);
        Assert.Equal(HospitalNormaliser.KeyOf(canonical), mention.Key);
    }

    [Theory]
    [InlineData("타병원 진료 후 내원")]
    [InlineData("입원 치료 중")]
    [InlineData("병원비 영수증")]
    [InlineData("동네 내과의원에서 혈압약 복용 중")] // a department and a suffix name no hospital (holdout11 golden set)
    [InlineData("인근 정형외과 의원 진료")]
    public void Words_that_are_not_hospitals_are_rejected(string text) =>
        Assert.Empty(RuleData.Default.Hospitals.Find(text, RuleData.Default.Entities.ReferralWords));

    [Theory]
    [InlineData("2024.03.01", "2024.03.05", 5)]
    [InlineData("2024.03.01", "2024.03.01", 1)]
    public void Admission_days_count_both_ends(string start, string end, int days)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", $"입원기간: {start} ~ {end}", "진단명: 급성 충수염 (K35.8)"));

        var stay = Assert.Single(result.Events);
        Assert.Equal(EventType.Admission, stay.Type);
        Assert.Equal(days, stay.AdmissionDays);
    }

    [Theory]
    [InlineData("입원(入院) » 2024. 03. 01 ¶ 퇴원(退院) » 2024. 03. 01", "2024-03-01", 1)] // holdout9 golden set
    [InlineData("입원 » 2024. 03. 01 ¶ 퇴원 » 2024. 03. 04", "2024-03-04", 4)]
    [InlineData("입원 2024.03.01 퇴원 2024.03.04", "2024-03-04", 4)]
    public void A_type_word_standing_as_the_next_dates_label_is_that_dates(string line, string end, int days)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", line, "§ 진단 » 기타 저혈당증 (KCD7) E161"));

        var stay = Assert.Single(result.Events);
        Assert.Equal((EventType.Admission, new DateOnly(2024, 3, 1), DateOnly.Parse(end), (int?)days),
            (stay.Type, stay.Date.Date, stay.Date.PeriodEnd, stay.AdmissionDays));
    }

    [Fact]
    public void A_stays_labels_joined_as_its_dates_are_label_an_admission()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", "입원일~퇴원일 ： 2024/03/01(금) ~ 2024/03/05(화) ／ 8병동", "주상병 ： K59.9 상세불명의 기능성 장장애"));

        var stay = Assert.Single(result.Events);
        Assert.Equal((EventType.Admission, (DateOnly?)new DateOnly(2024, 3, 5), (int?)5), (stay.Type, stay.Date.PeriodEnd, stay.AdmissionDays));
    }

    [Theory]
    [InlineData("▶ 의뢰 의료기관 ： 편한마취통증의학과의원 ／ 요양급여의뢰서 원본 지참")] // holdout12 golden set
    [InlineData("▶ 협진 의뢰 ： 진단검사의학과")]
    public void A_department_names_words_are_no_type_signal(string line)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나의원 내과", "진료일 ： 24.3.7. ／ 진료 형태 ： 외래 ／ 초·재진 ： 재진", "◎ 상병명(주) ： 증상 없는 고요산혈증 〈E790〉", line));

        Assert.Equal(EventType.Outpatient, Assert.Single(result.Events).Type);
    }

    [Theory]
    [InlineData("(입원 일자)             (퇴원 일자)", "  2024 년 3 월 1 일        2024 년 3 월 1 일", "2024-03-01", 1)] // holdout11 golden set
    [InlineData("입원일(병동)   퇴원일(병동)", "2024.03.01   2024.03.04", "2024-03-04", 4)] // a remark after each label
    public void Labels_on_the_line_above_name_the_dates_below_them_in_order(string labels, string dates, string end, int days)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", labels, dates, "진단명 : 급성 충수염 (K35.8)"));

        var stay = Assert.Single(result.Events);
        Assert.Equal((EventType.Admission, new DateOnly(2024, 3, 1), DateOnly.Parse(end), (int?)days),
            (stay.Type, stay.Date.Date, stay.Date.PeriodEnd, stay.AdmissionDays));
    }

    [Theory]
    [InlineData("※ 증명서 작성 일자 (원무과 확인)", "  2024 년 10 월 2 일", true)] // holdout11 golden set
    [InlineData("※ 증명서 작성 일자 (원무과 확인)", "발급 확인 2024 년 10 월 2 일 외래", false)] // a word before the date: the line above is not its label
    [InlineData("(작성 일자) (확인 일자)", "  2024 년 10 월 2 일", false)] // two labels above one date: which is whose is unknown
    public void A_label_on_the_line_above_names_a_date_standing_alone_below_it(string label, string date, bool excluded)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", "진료일자 2024.03.07 외래", label, date));

        Assert.Equal(excluded, result.Excluded.Any(x => x.Date.Date == new DateOnly(2024, 10, 2) && x.Reason == "issue_or_print_date"));
    }

    [Fact]
    public void A_date_before_a_diagnosis_code_is_clinical_whatever_other_words_its_block_holds()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나내과의원", "21.06.21 │ E139 기타 명시된 당뇨병                2021.12.3(금) 14:40 ➤ 다음 외래 예약"));

        var visit = Assert.Single(result.Events);
        Assert.Equal((new DateOnly(2021, 6, 21), "E13.9"), (visit.Date.Date, visit.Diagnoses.Single().Code));
        Assert.Contains(result.Excluded, x => x.Date.Date == new DateOnly(2021, 12, 3) && x.Reason == "booking_date");
    }

    [Fact]
    public void A_type_word_after_a_date_is_that_dates_where_type_words_follow_their_dates()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 영상의학과", "2024.03.01 흉부 CT        2024.03.05 복부 초음파"));

        Assert.Equal([(new DateOnly(2024, 3, 1), EventType.Exam), (new DateOnly(2024, 3, 5), EventType.Exam)], result.Events.Select(e => (e.Date.Date, e.Type)));
    }

    [Fact]
    public void Events_never_merge_across_files_and_are_linked_instead()
    {
        var result = Analyse(null, null,
            Text(1, "a.txt", "가나병원", "진료일자: 2024.03.07 외래", "진단명: 본태성 고혈압 (I10)"),
            Text(2, "b.txt", "가나병원", "진료일자: 2024.03.07 외래", "진단명: 본태성 고혈압 (I10)"));

        Assert.Equal(2, result.Events.Count);
        Assert.Equal(result.Events[1].EventId, Assert.Single(result.Events[0].RelatedEventIds));
    }

    [Fact]
    public void An_outpatient_date_inside_a_stay_is_an_inpatient_day()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", "입원기간: 2024.03.01 ~ 2024.03.05", "진단명: 폐렴 (J18.9)", "", "", "", "2024.03.03 진료 경과 관찰"));

        Assert.Single(result.Events);
        Assert.Contains(result.Excluded, x => x.Reason == "inpatient_day");
    }

    [Theory]
    [InlineData("2024-06-01", "2024-06-01", "within_3_months")]
    [InlineData("2024-06-01", "2024-03-01", "within_3_months")]
    [InlineData("2024-06-01", "2024-02-29", "within_1_year")]
    [InlineData("2024-06-01", "2019-06-01", "within_5_years")]
    [InlineData("2024-06-01", "2019-05-31", "before_join")]
    [InlineData("2024-06-01", "2024-06-02", "after_join")]
    [InlineData("2024-05-31", "2024-02-29", "within_3_months")]
    [InlineData("2024-05-31", "2024-02-28", "within_1_year")]
    public void Windows_follow_the_calendar_and_are_inclusive(string join, string date, string primary)
    {
        var policy = RuleData.Default.Policies.Policies.First(p => p.PolicyId == "3.1.5");
        Assert.Equal(primary, DisclosureWindows.Of(DateOnly.Parse(date), null, DateOnly.Parse(join), policy.Windows)[0]);
    }

    [Fact]
    public void Clamping_shifts_to_the_last_day_of_the_month()
    {
        Assert.Equal(new DateOnly(2023, 2, 28), DisclosureWindows.StartOf(new WindowDefinition("y", "years", 1), new DateOnly(2024, 2, 29)));
        Assert.Equal(new DateOnly(2024, 2, 29), DisclosureWindows.StartOf(new WindowDefinition("m", "months", 3), new DateOnly(2024, 5, 31)));
    }

    [Fact]
    public void An_event_on_the_join_date_is_a_review_candidate_in_every_window()
    {
        var result = Analyse(new DateOnly(2024, 6, 1), "3.1.5", Text(1, "a.txt", "가나병원", "입원기간: 2024.06.01 ~ 2024.06.03", "진단명: 급성 충수염 (K35.8)"));

        var window = Assert.Single(result.Disclosure.EventWindows);
        Assert.True(window.OnJoinDate);
        Assert.Equal(["within_3_months", "within_1_year", "within_5_years"], window.RelativeWindows);
        var candidate = Assert.Single(result.Disclosure.Candidates);
        Assert.True(candidate.ReviewNeeded);
        Assert.Equal("admission", candidate.CandidateType);
    }

    [Theory]
    [InlineData("진단명: 본태성 고혈압 (I10)", true)]
    [InlineData("진단명: 신혈관성 고혈압 (I15.0)", false)] // I15 is not among the configured prefixes (domain.md §8.5: optional)
    [InlineData("진단명: 신혈관성 고혈압", true)] // no code printed: the name's keyword stands in for one
    public void A_coded_diagnosis_is_a_major_disease_by_its_code_and_an_uncoded_one_by_its_name(string diagnosis, bool candidate)
    {
        var result = Analyse(new DateOnly(2024, 6, 1), "3.1.5", Text(1, "a.txt", "가나병원 내과", "진료일자: 2021.03.07 외래", diagnosis));

        Assert.Equal("within_5_years", Assert.Single(result.Disclosure.EventWindows).PrimaryWindow);
        Assert.Equal(candidate, result.Disclosure.Candidates.Any(c => c.RuleHits.Any(h => h.RuleId == "Q5Y-2")));
    }

    [Fact]
    public void Without_a_join_date_the_review_is_limited()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원", "진료일자: 2024.03.07 외래", "진단명: 본태성 고혈압 (I10)"));

        Assert.False(result.Disclosure.JoinDateAvailable);
        Assert.Empty(result.Disclosure.Candidates);
        Assert.All(result.Disclosure.EventWindows, w => Assert.Equal("unknown", w.PrimaryWindow));
        Assert.Contains(result.Disclosure.Notes, n => n.Type == "join_date_missing" && n.Message.Contains(DisclosureReviewer.JoinDateMissingText, StringComparison.Ordinal));
        Assert.Contains(result.Disclosure.Notes, n => n.Type == "default_policy_applied");
        var text = ReportRenderer.Text(ReportBuilder.Build(result, null, DateTimeOffset.UnixEpoch));
        Assert.Contains("보험가입일 입력이 필요합니다", text);
    }

    [Fact]
    public void The_shipped_policies_hold_3_2_5_3_1_5_and_the_default_questions()
    {
        var policies = RuleData.Default.Policies;
        Assert.Equal("3.2.5", policies.DefaultPolicyId);
        var standard = policies.Policies.Single(p => p.PolicyId == "3.1.5");
        Assert.Equal(["within_3_months", "within_1_year", "within_5_years"], standard.Windows.Select(w => w.Name));
        Assert.Equal(["Q3M-1", "Q3M-2", "Q1Y", "Q5Y-1", "Q5Y-2", "QALL-CHRONIC"], standard.Questions.Select(q => q.Id));
        Assert.Equal(["within_3_months", "within_2_years", "within_5_years"], policies.Policies.Single(p => p.PolicyId == "3.2.5").Windows.Select(w => w.Name));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Rules", "Disclosure", "policies.json")));
    }

    [Theory]
    [InlineData("처방: 메트포르민 500mg 30일분", 30)]
    [InlineData("2024-03-12  외래  통풍  M10.9  내과  30일 투약", 30)] // the days before the word that names them
    [InlineData("처방내역: 알로푸리놀 100mg 1일 1회 28일", 28)]
    [InlineData("투여약 : 암로디핀 5mg 1정 qd  처방일수 30", 30)]
    [InlineData("2024.03.12  당뇨병성 다발합병증  내과(외래)  E11.7  원외 30일", 30)]
    [InlineData("2024.03.12 I139：고혈압성 심장 및 신장병 /30일", 30)] // a row's days after a spaced slash
    [InlineData("2024.03.12 외래 경과 3/30일 이후 호전", null)] // a month and day is no prescription's days
    [InlineData("2024.03.12▶I109 상세불명의 본태성 고혈압 ◉30일", 30)] // a row's days after a list mark (holdout8 golden set)
    [InlineData("2024.03.12▶I109 상세불명의 본태성 고혈압 ◉30일    2024.04.11▶I109 상세불명의 본태성 고혈압", 30)] // the row ends in a column's gap
    [InlineData("2024.03.12 외래 ● 3일 전부터 두통", null)] // a list item's days of a symptom
    [InlineData("Rx. 우르소데옥시콜산정 100mg 1정 1일 3회 식후 → 30일간", 30)]
    [InlineData("2024.03.12 외래 3일간 발열 지속", null)] // days of a symptom, no prescription on the line
    [InlineData("투약일수=28", 28)]
    [InlineData("메트포르민 500mg 28일치", 28)]
    [InlineData("2024.03.12 (화)   호흡기내과 통원   【I10】 고혈압 (본태성)   30일 원외처방", 30)] // the days before the prescription's kind (holdout14 golden set)
    [InlineData("2024년 3월 12일 처방", null)] // a date's day is no prescription's days
    public void A_prescriptions_days_are_read_however_the_record_words_them(string line, int? days)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", "진료일자: 2024.03.12 외래", line));

        Assert.Equal(days, result.Events.Single(e => e.Date.Date == new DateOnly(2024, 3, 12)).MedicationDays);
    }

    [Theory]
    [InlineData("경과기록지", EventType.Outpatient)] // a visit's row that names its prescription
    [InlineData("외래 진료기록", EventType.Outpatient)]
    [InlineData("처방전", EventType.Medication)] // a prescription-only record
    public void A_dated_prescription_is_a_record_of_its_own_only_on_a_prescription(string title, EventType type)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나의원", title, "2024.03.12 당뇨병성 신증 <E11.2> Rx 30일"));

        var visit = Assert.Single(result.Events);
        Assert.Equal((type, (int?)30), (visit.Type, visit.MedicationDays));
    }

    [Fact]
    public void A_continued_pages_first_rows_are_no_title()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "2024.03.01 오래된 심근경색증ㆍI25.2 ㆍ조제 30일", "2024.03.31 오래된 심근경색증ㆍI25.2 ㆍ조제 30일"));

        Assert.Equal(2, result.Events.Count);
        Assert.All(result.Events, e => Assert.Equal(EventType.Outpatient, e.Type));
    }

    [Theory]
    [InlineData("F/U 검사: 9개월 후 재시행 요망")]
    [InlineData("Plan) 12개월 뒤 동일 검사 반복 시행 예정")]
    [InlineData("→ 8개월 후 동일 검사로 경과 재확인 필요")]
    public void A_re_test_asked_for_in_other_words_is_one(string plan)
    {
        var result = Analyse(new DateOnly(2024, 9, 1), "3.1.5", Text(1, "a.txt", "가나병원 내과", "검사명 경추 MRI · 실시일 2024.03.07", "Impression - 특이소견 없음", plan));

        Assert.Contains("retest", Assert.Single(result.Events).Keywords);
    }

    [Theory]
    [InlineData("입원 일자: 2024.05.01  퇴원 일자: 2024.05.03")]
    [InlineData("입원일자: 2024.05.01  퇴원일자: 2024.05.03")]
    [InlineData("Admission ▷ 2024.05.01   Discharge ▷ 2024.05.03")]
    [InlineData("입원 연월일：2024.05.01 ■ 퇴원 연월일：2024.05.03")]
    [InlineData("입·퇴원 기간：2024.05.01 ⇒ 2024.05.03")] // an arrow straight between two dates is a period
    [InlineData("입:퇴원 기간 : 2024.05.01 ⇒ 2024.05.03")] // the middle dot read as a colon
    [InlineData("입원 AAA: 2024.05.01 m 퇴원 연월일 : 2024.05.03")] // the first label unreadable: the second's word is the second date's
    [InlineData("입원 요양기간 = 2024.05.01 ∼ 2024.05.03")]
    [InlineData("병동 입실 = 2024.05.01 15:20 → 퇴실 = 2024.05.03 10:00")]
    [InlineData("입원한 날 … 2024.05.01 ┃ 퇴원한 날 … 2024.05.03")]
    [InlineData("Adm. 2024.05.01 ┆ D/C 2024.05.03")] // abbreviations (holdout7 golden set)
    [InlineData("■ 입원 수속 → 2024.05.01 (수) ■ 퇴원 수속 → 2024.05.03 (금)")] // the admission and discharge formalities (holdout14 golden set)
    [InlineData("▲ 입원 날짜 ＜2024.5.1.(수)＞ △ 퇴원 날짜 ＜2024.5.3.(금)＞")] // holdout15 golden set
    public void A_stays_labels_are_read_however_the_form_prints_them(string line)
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", line, "진단명: 급성 충수염 (K35.8)"));

        var stay = Assert.Single(result.Events);
        Assert.Equal((EventType.Admission, new DateOnly(2024, 5, 1), (int?)3), (stay.Type, stay.Date.Date, stay.AdmissionDays));
    }

    [Fact]
    public void A_treatment_field_holding_a_prescription_is_no_procedure()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", "외래 재진 ∥ 2024.03.12 14:25", "처치：동일 처방 유지 ● 공복혈당 126 mg/dL"));

        Assert.Equal(EventType.Outpatient, Assert.Single(result.Events).Type);
    }

    [Fact]
    public void A_procedure_in_the_treatment_field_stays_one()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 외과", "2024.03.12 외래", "처치：창상 드레싱 및 봉합사 제거"));

        Assert.Equal(EventType.Procedure, Assert.Single(result.Events).Type);
    }

    [Fact]
    public void An_exam_ordered_by_name_keeps_its_exam_date()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나대학교병원", "영상 판독 결과지", "■ 처방명：Chest PA ■ 시행일시：2024.03.10 11:20", "☞ Conclusion：특이소견 없음"));

        Assert.Equal(EventType.Exam, Assert.Single(result.Events).Type);
    }

    [Theory]
    [InlineData("◇ 수술명 ：： 복강경 위 부분절제술", EventType.Surgery)] // 시행 says it was done; the operation above says what (holdout13 golden set)
    [InlineData("◇ 검사명 ：： 상부 위장관 내시경", EventType.Exam)]
    [InlineData("▲ 수술 내용 ⇢ 복강경 위 부분절제술", EventType.Surgery, "▲ 시행 날짜 ⇢ 2024.4.21.(일)")] // holdout15 golden set
    public void The_performed_date_is_the_type_of_what_was_performed(string above, EventType expected, string dated = "◇ 시행 일자 ：： 2024. 4. 21. (동의서 서명 후 시행)")
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나대학교병원 외과", above, dated, "상병명 C16.9 위의 악성 신생물"));

        Assert.Equal(expected, Assert.Single(result.Events).Type);
    }

    [Fact]
    public void The_lines_after_a_stays_discharge_line_are_the_stays()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나병원 내과", "◇ 입원 일시 ：： 2024. 5. 23. 08:15 (응급실 통해 입원)", "◇ 퇴원 일시 ：： 2024. 5. 25. 16:30 (귀가)", "입원 상병 ：： E785 : 이상지질혈증 ; K590 : 변비"));

        var stay = Assert.Single(result.Events);
        Assert.Equal((EventType.Admission, (DateOnly?)new DateOnly(2024, 5, 25)), (stay.Type, stay.Date.PeriodEnd));
        Assert.Equal(["E78.5", "K59.0"], stay.Diagnoses.Select(d => d.Code));
    }

    [Fact]
    public void Entering_the_operating_room_is_the_surgerys_date_not_an_admission()
    {
        var result = Analyse(null, null, Text(1, "a.txt", "가나대학교병원 외과", "수술기록지", "수술실 입실 = 2024.04.21 08:10 ◈ 시행술식 → 복강경 위 부분절제술", "Dx. #1 C16.9 위의 악성 신생물"));

        Assert.Equal(EventType.Surgery, Assert.Single(result.Events).Type);
    }

    [Fact]
    public void The_report_text_has_ten_slots_and_never_force_fills()
    {
        var result = Analyse(new DateOnly(2024, 6, 1), "3.2.5", Text(1, "a.txt", "가나병원 내과", "진료일자: 2024.03.12 외래", "진단명: 제2형 당뇨병 (E11.9)", "처방: 메트포르민 500mg 30일분"));
        var report = ReportBuilder.Build(result, null, DateTimeOffset.UnixEpoch);

        var block = Assert.Single(report.InvestigatorBlocks);
        Assert.Equal(Enumerable.Range(1, 10), block.Slots.Select(s => s.No));
        Assert.Equal("[2024.03.12] 가나병원 내과", block.Heading);
        Assert.Equal("제2형 당뇨병(E11.9)", block.Slots[2].Value);
        Assert.Equal(ReportText.NotRecorded, block.Slots[7].Value);
        Assert.Equal(ReportText.NotRecorded, block.Slots[9].Value);
        Assert.Equal(6, report.Clusters.Count);
        Assert.Equal("present", report.Clusters.Single(c => c.Name == "chronic_or_other_important").Status);
    }

    [Theory]
    [InlineData("고지의무 위반입니다")]
    [InlineData("부지급 사유")]
    [InlineData("면책 대상입니다")]
    [InlineData("계약 해지 대상")]
    [InlineData("당뇨병으로 진단됩니다")]
    [InlineData("고지: 해당")]
    public void The_wording_guard_rejects_verdicts(string text)
    {
        Assert.NotEmpty(WordingGuard.Violations(text));
        Assert.Throws<ForbiddenWordingException>(() => WordingGuard.EnsureClean(text));
    }

    [Fact]
    public void The_wording_guard_accepts_review_language()
    {
        WordingGuard.EnsureClean("보험가입일 기준으로 확인이 필요합니다. 검토 후보로 보입니다. 해당 기록은 추가 검토가 필요합니다.");
        Assert.All(ReportText.Warnings, WordingGuard.EnsureClean);
    }

    [Fact]
    public void The_analysis_key_changes_with_every_input()
    {
        var documents = new[] { new AnalysisDocument(1, "a.pdf", new string('a', 64)) };
        DateOnly? noDate = null;
        var plain = AnalysisKey.Of(new AnalysisRequest(documents, noDate));

        Assert.Equal(plain, AnalysisKey.Of(new AnalysisRequest(documents.ToList(), noDate)));
        Assert.Equal(plain, AnalysisKey.Of(new AnalysisRequest(documents, [new ContractInput(ContractInput.FirstId, null, null)])));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest(documents, new DateOnly(2024, 6, 1))));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest(documents, noDate, "3.1.5")));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest([documents[0] with { FileName = "b.pdf" }], noDate)));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest([documents[0] with { Sha256 = new string('b', 64) }], noDate)));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest(documents, [new ContractInput(ContractInput.FirstId, null, null), new ContractInput("2", new DateOnly(2024, 6, 1), null)])));
        Assert.NotEqual(plain, AnalysisKey.Of(new AnalysisRequest(documents, [new ContractInput("A", null, null)])));
    }

    [Fact]
    public void Several_contracts_are_reviewed_separately_each_against_its_own_date_and_policy()
    {
        var record = Text(1, "a.txt", "가나병원 내과", "입원기간: 2024.05.01 ~ 2024.05.03", "진단명: 급성 충수염 (K35.8)", "진료일자: 2023.03.10 외래", "진단명: 급성 위염 (K29.1)");
        ContractInput[] contracts = [new("A", new DateOnly(2024, 6, 1), "3.1.5"), new("B", new DateOnly(2023, 6, 1), "3.2.5"), new("C", null, null)];

        var together = RuleEngine.Default.Analyse(new string('0', 64), [record], new RuleOptions(contracts, Today), DateTimeOffset.UnixEpoch);

        Assert.Equal(["A", "B", "C"], together.Reviews.Select(r => r.ContractId));
        Assert.Same(together.Reviews[0], together.Disclosure);
        foreach (var contract in contracts)
        {
            var alone = Analyse(contract.JoinDate, contract.PolicyId, record).Disclosure;
            var review = together.Reviews.Single(r => r.ContractId == contract.ContractId);
            Assert.Equal(alone.JoinDate, review.JoinDate);
            Assert.Equal(alone.PolicyId, review.PolicyId);
            Assert.Equal(alone.Candidates.Select(c => (c.EventId, c.Window, c.CandidateType)), review.Candidates.Select(c => (c.EventId, c.Window, c.CandidateType)));
        }

        // The stay of 2024-05 is after B's enrollment date: a claim-side fact for B, a 3-month candidate for A.
        var stay = together.Events.Single(e => e.Type == EventType.Admission).EventId;
        Assert.Contains(together.Reviews[0].Candidates, c => c.EventId == stay && c.Window == "within_3_months");
        Assert.DoesNotContain(together.Reviews[1].Candidates, c => c.EventId == stay);
        Assert.Equal("after_join", together.Reviews[1].EventWindows.Single(w => w.EventId == stay).PrimaryWindow);
        Assert.False(together.Reviews[2].JoinDateAvailable);

        var report = ReportBuilder.Build(together, null, DateTimeOffset.UnixEpoch);
        Assert.Equal("A", report.Disclosure.ContractId);
        Assert.Equal(["A", "B", "C"], report.DisclosureReview.Select(d => d.ContractId));
        Assert.Equal(["2024-06-01", "2023-06-01", null], report.CaseBasicInfo.Contracts.Select(c => c.InsuranceJoinDate));
        Assert.Equal(["user_input", "user_input", "missing"], report.CaseBasicInfo.Contracts.Select(c => c.InsuranceJoinDateSource));
        var row = report.Timeline.Single(r => r.EventId == stay);
        Assert.Equal(["within_3_months", "after_join", "unknown"], row.ContractWindows.Select(w => w.PrimaryWindow));
        Assert.Equal(row.PrimaryWindow, row.ContractWindows[0].PrimaryWindow);
        Assert.Contains(report.WindowMarkers, m => m.ContractId == "B" && m.Label == "[계약 B 보험가입일]" && m.Date == "2023-06-01");
        Assert.Contains(report.PolicyNotes, n => n.Type == "join_date_missing");

        var text = ReportRenderer.Text(report);
        Assert.Contains("[고지의무 검토 개요 - 계약 A]", text);
        Assert.Contains("[고지의무 검토 개요 - 계약 B]", text);
        Assert.Contains("계약 C · 보험가입일: 미입력", text);
        Assert.Contains("<h2>계약 B &#183; 고지의무 검토 후보</h2>", ReportRenderer.Html(report));
        Assert.Empty(WordingGuard.Violations(text));
    }

    [Fact]
    public void One_contract_keeps_the_single_contract_report()
    {
        var report = ReportBuilder.Build(Analyse(new DateOnly(2024, 6, 1), null, Text(1, "a.txt", "가나병원 내과", "진료일자: 2024.03.07 외래")), null, DateTimeOffset.UnixEpoch);

        Assert.Equal(ContractInput.FirstId, report.Disclosure.ContractId);
        Assert.Equal([report.Disclosure], report.DisclosureReview);
        Assert.DoesNotContain("계약 1", ReportRenderer.Text(report));
        Assert.All(report.WindowMarkers, m => Assert.DoesNotContain("계약 1", m.Label));
    }
}
