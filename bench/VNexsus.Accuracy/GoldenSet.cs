using System.Text.Json;
using System.Text.Json.Serialization;
using VNexsus.Ocr;
using VNexsus.Rules;
using VNexsus.Rules.Events;

namespace VNexsus.Accuracy;

public sealed record ExpectedEvent(int File, int Page, string Date, string? EndDate, string Type, string HospitalKey, IReadOnlyList<string> Codes, int? AdmissionDays);

public sealed record ExpectedCandidate(int EventRef, string Window, string CandidateType);

public sealed record Contract(string? JoinDate, string? PolicyId, IReadOnlyList<ExpectedCandidate> Candidates);

public sealed record FakeDate(string Date, string Reason);

public sealed record Expectations(IReadOnlyList<ExpectedEvent> Events, IReadOnlyList<FakeDate> MustNotInclude);

/// <summary>One golden case as written by <c>test/golden/generate.py</c>.</summary>
public sealed record GoldenCase(string CaseId, string Kind, string Layout, IReadOnlyList<string> Documents, IReadOnlyList<Contract> Contracts, Expectations Expected)
{
    [JsonIgnore]
    public string Folder { get; init; } = "";

    /// <summary>The documents read through the product's own text-layer extraction.</summary>
    public IReadOnlyList<RuleDocument> Read() =>
        Documents.Select((name, index) =>
        {
            var path = Path.Combine(Folder, name);
            IReadOnlyList<ExtractedPage> pages = name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                ? PlainTextReader.Read(File.ReadAllBytes(path))
                : ReadPdf(path);
            return new RuleDocument(index + 1, name, pages);
        }).ToList();

    private static IReadOnlyList<ExtractedPage> ReadPdf(string path)
    {
        using var stream = File.OpenRead(path);
        return PdfTextLayerReader.Read(stream);
    }
}

public static class GoldenSet
{
    /// <summary>The fixed "today" of golden runs, so results never depend on the clock.</summary>
    public static readonly DateOnly Today = new(2026, 1, 1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The set the rules were developed on.</summary>
    public const string Tuned = "cases";

    /// <summary>The independent set, generated with other hospitals and wording, that the rules were not tuned on.</summary>
    public const string Holdout = "holdout";

    /// <summary>A second held-out set, worded unlike the tuned, holdout and dev sets, to judge whether reading generalises to new wording.</summary>
    public const string Holdout2 = "holdout2";

    /// <summary>A third held-out set, worded unlike all the others (SOAP-style lines, English labels, new brackets and separators), for the same judgement.</summary>
    public const string Holdout3 = "holdout3";

    /// <summary>A fourth held-out set, worded unlike all the others (certificate, prescription and university-EMR forms, full-width "：" labels, 『』《》 brackets), for the same judgement.</summary>
    public const string Holdout4 = "holdout4";

    /// <summary>A fifth held-out set, worded unlike all the others (nursing-record and 요양급여내역 excerpts, "=" labels, → ※ • ◈ marks, codes after "Dx. #1" and glued as name(code)), for the same judgement.</summary>
    public const string Holdout5 = "holdout5";

    /// <summary>A sixth held-out set, worded unlike all the others (doctors' reply letters in running prose, 통원/입퇴원 확인서 forms, … ┃ ㆍ ⊙ marks, codes as [ code ], KCD- and ICD-10: prefixes), for the same judgement.</summary>
    public const string Holdout6 = "holdout6";

    /// <summary>A seventh held-out set, worded unlike all the others (소견서, 입원 진료확인서, 수술 확인서, 병리 회보서, "┆" fields, (주) markers, codes glued to their names as E559(name), Adm./D/C, dates in [ ]), for the same judgement.</summary>
    public const string Holdout7 = "holdout7";

    /// <summary>An eighth held-out set, worded unlike all the others (진단서, 영상의학 판독지, Discharge Summary, 수술 및 마취 기록, 협진 의뢰 및 회신, 투약/물리치료 기록, 〓 ｜ ◉ ↳ marks, dates as 2023.3.7., 2023년3월7일, '23.03.07 and 2023-03-07(화), codes far after their names or glued to a date with ▶), for the same judgement.</summary>
    public const string Holdout8 = "holdout8";

    /// <summary>A ninth held-out set, worded unlike all the others (보험회사 제출용 진료확인서, 검사 결과 통보서, 입퇴원 사실확인서, 간호정보조사지, 진료비 세부산정내역, » ¶ § marks, codes after (KCD7) or in a 상병코드 [code] cell, dates as 2023. 03. 07 and 2023년 3월 7일(화)), for the same judgement.</summary>
    public const string Holdout9 = "holdout9";

    /// <summary>A tenth held-out set, worded unlike all the others (진단서 사본, 정밀검사 의뢰, 퇴원 요약지, 수술 기록지, 조직검사 판독 보고서, 외래 초진기록지, 소견서, 처방전 교부 내역; ： │ ∙ ➤ ▣ ◆ ― marks, dates as 2023.3.7(화), '23.3.7 and 2023.03.07~03.12, codes after 상병분류기호, under a KCD column header, before their names, two on a stay's line), for the same judgement.</summary>
    public const string Holdout10 = "holdout10";

    /// <summary>An eleventh held-out set, worded unlike all the others (통원치료 확인서, 내시경 · 영상 검사 결과지, 입원사실 증명서, 진료기록 사본 증명서; labels in brackets, a label's value on the next line, key=value fields, => and ▷ ※ marks, dates as 2023 년 3 월 7 일, 23/03/07 and 2023.03.07., codes after KCD: and in a headerless column, a contract date to keep out), for the same judgement.</summary>
    public const string Holdout11 = "holdout11";

    /// <summary>A twelfth held-out set, worded unlike all the others (진료비 세부내역서, 검사 결과 조회, 재원 증명서, 수술·시술 내역서, 생검 결과 안내문, 예진표; ◎ ▶ ／ ： 『』 〈〉 marks, dates as 2023/03/07(화), 23.3.7. and 2023年 3月 7日, codes in 〈〉 after their names and in 주상병／부상병 pairs), for the same judgement.</summary>
    public const string Holdout12 = "holdout12";

    /// <summary>A thirteenth held-out set, worded unlike all the others (진료비 납입 확인서, 검사 결과 상담 기록, 간호기록 요약, 수술 동의서 사본, 수탁 병리검사 결과 보고, 신환 병력 청취지; ：： ❖ ◇ ∷ ‖ ▷▷ ≫ ［］ marks, dates as 2023. 3. 7., 23年3月7日, 2023-03-07(화) 14:20 and 2023년03월07일, codes under a 상병코드 header, in code : name pairs, in {} braces, beside abbreviated names), for the same judgement.</summary>
    public const string Holdout13 = "holdout13";

    /// <summary>A fourteenth held-out set, worded unlike all the others (외래 진료 확인서, 건강검진 결과 통보서, 응급실 진료 기록, 수술 경과 기록, 내시경 검사 결과지, 처방전; ≡ 【】 □ ■ → ｜ · marks, dates as 2023.03.07 (화), '23-3-7, 2023년 3월 7일(화요일), 03/07/2023 and 2023 . 03 . 07, codes after ≡, in 【】 in a KCD column, two on a stay's line before their names), for the same judgement.</summary>
    public const string Holdout14 = "holdout14";

    /// <summary>A fifteenth held-out set, worded unlike all the others (진료확인서 (통원), 초음파 · 영상 검사 결과 안내서, 입원 확인서, 수술 시행 증명서, 조직병리 검사 보고서, 처음 내원 환자 기록지, 진료 경위서, 투약 내역서; ▲ △ ⇢ ＜＞ 〖〗 ☆ marks, dates as 2023.3.7.(화), '23/03/07, 2023. 03. 07 (화) 09:30 and 2023-3-7(화) 14시, codes at a diagnosis line's end after a dash, in brackets under a code column's header, after [주] in rows, two on a stay's line), for the same judgement.</summary>
    public const string Holdout15 = "holdout15";

    /// <summary>A sixteenth held-out set, worded unlike all the others (진료사실 증명원, 영상 검사 판독 회신, 입원 진료비 계산서 · 영수증, 수술 소견서, 세포 · 조직 병리검사 성적서, 외래 초회 진찰지, 진료 정보 제공서, 복약 상담 · 재진 기록부; ◐ ◑ ⇀ ‥ 〘〙 ≪≫ （） ⑴⑵ marks, dates as 2023-03-07 (화), 23년 03월 07일, 2023/3/7 14:20 and 2023-03-07T14:20, codes in 〘〙 after their names, after 분류 in a headed table, glued after ⑴ in rows), for the same judgement.</summary>
    public const string Holdout16 = "holdout16";

    /// <summary>Finds <c>test/golden/{set}</c> beside the binaries or up the directory tree.</summary>
    public static string FindCasesFolder(string? start = null, string set = Tuned)
    {
        var local = Path.Combine(AppContext.BaseDirectory, "golden", set);
        if (start is null && Directory.Exists(local))
        {
            return local;
        }

        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "test", "golden", set);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"test/golden/{set} not found; run test/golden/generate.py{(set == Tuned ? "" : " --" + set)}");
    }

    public static IReadOnlyList<GoldenCase> Load(string folder) =>
        Directory.GetDirectories(folder)
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => JsonSerializer.Deserialize<GoldenCase>(File.ReadAllText(Path.Combine(d, "case.json")), Json)! with { Folder = d })
            .ToList();

    /// <summary>One analysis of the documents with every contract of the case (none: one contract without a date), reviewed separately.</summary>
    public static AnalysisResult Run(RuleEngine engine, IReadOnlyList<RuleDocument> documents, IReadOnlyList<Contract> contracts) =>
        engine.Analyse(
            new string('0', 64),
            documents,
            new RuleOptions(
                contracts.Count == 0
                    ? [new ContractInput(ContractInput.FirstId, null, null)]
                    : contracts.Select((c, i) => new ContractInput(
                        (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        c.JoinDate is { } j ? DateOnly.Parse(j, System.Globalization.CultureInfo.InvariantCulture) : null,
                        c.PolicyId)).ToList(),
                Today),
            DateTimeOffset.UnixEpoch);
}
