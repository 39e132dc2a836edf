#!/usr/bin/python3
"""Deterministic generator of the VNexsus golden set (synthetic records only; domain.md §10.2, issue 4).

Run with Debian's python3 (python3-reportlab, fonts-nanum):
    /usr/bin/python3 test/golden/generate.py [--holdout | --dev | --dev2 | --holdout2 | --holdout3 | --holdout4 | --holdout5 | --holdout6 | --holdout7 | --holdout8 | --holdout9
                                              | --holdout10 | --holdout11 | --holdout12 | --holdout13 | --holdout14 | --holdout15 | --holdout16]
Writes test/golden/cases/<caseId>/{case.json, documents...}. Every name, number and record is invented.
The same script always writes the same bytes (reportlab invariant mode, seeded random).

Each flag writes another set (SETS below) with its own folder, case-id prefix, seed, hospitals, diagnoses, exams, record
phrasing and page furniture, the holdout's smaller case counts and the same expectation logic:
--holdout writes test/golden/holdout/: an independent set the rules were not tuned on (HOLDOUT).
--dev and --dev2 write test/golden/dev/ and test/golden/dev2/: two more vocabularies (DEV, DEV2) to tune OCR on wording
the tuned set lacks (codes before the names, codes after them) while the holdout stays unseen.
--holdout2 writes test/golden/holdout2/: a second held-out set (HOLDOUT2), worded unlike all four others (codes in labelled
fields, "|" and "·" separators, codes split from names in tables), to judge whether the OCR generalises to new wording.
--holdout3 writes test/golden/holdout3/: a third held-out set (HOLDOUT3), worded unlike all five others (SOAP-style
"A) 【code】 name" and "P) ..." lines, English labels such as Admission/Discharge, Sign-out, RTC and HPI, 【】〔〕「」
brackets, "▷", "◆", "◇", "─" and "≫" separators, codes before the name, after it and in their own labelled field).
--holdout4 writes test/golden/holdout4/: a fourth held-out set (HOLDOUT4), worded unlike all six others (certificate,
prescription and university-EMR forms with full-width "：" labels such as 내원일시, 주진단, 처방명, 시행일시, 입원 연월일,
질병코드; 『』《》 brackets, "■", "●", "○", "◎", "☞", "∥", "⇒" and "／" marks; codes after the name in 『』, before it
with "：", in a table cell of their own and in their own labelled field).
--holdout5 writes test/golden/holdout5/: a fifth held-out set (HOLDOUT5), written without seeing the reader and worded unlike
all seven others (nursing-record, 요양급여내역 and excerpt forms with "=" labels such as 최초진료일, 계속진료, 수행일, 판독 승인,
입원 요양기간, 병동 입실/퇴실, 수술실 입실, 검체 채집, 회신일, 조회일, 마감; "→", "※", "•", "◈", "―", "⇨" and "∼" marks;
codes after "Dx. #1" before the name, in "( )" in a table cell of their own, between dashes ("name - code -") after the
name and glued to the name in "name(code)"; D.O.B, 제n매 pagination and a dash-dated bad-OCR sample).
--holdout6 writes test/golden/holdout6/: a sixth held-out set (HOLDOUT6), written without seeing the reader and worded unlike
all eight others (a 회신서 between doctors in running prose such as "상기 환자는 <date> 본원 외래에 내원하여 …", "<date> 본원에서
<exam> 검사를 시행하였음", "상기인은 <date> ~ <date> 본원에 입원하여 …", "다음 진료는 <date> … 예정"; 통원/입퇴원 확인서 forms
with "…" leaders and "┃" fields such as 통원일자, 입원한 날/퇴원한 날, 확인일, 결과 등록, 병리 결과 통지, 열람ㆍ복사, and (초)/(재)
markers; "ㆍ" and "⊙" marks, ■/□ check boxes, times as "오후 3시 12분"; codes in "상병 1) name [ code ]" with spaces
inside the brackets, in a "KCD-code" table cell, after "ICD-10:" and glued after the name with "ㆍ"; Korean long dates and a
"YY년 M월 D일" date in the bad-OCR sample, with Z/2 and G/6 code damages).
--holdout7 writes test/golden/holdout7/: a seventh held-out set (HOLDOUT7), written without seeing the reader and worded unlike
all nine others, and the only set that also retitles its documents ("titles"): 소견서 with 향후 치료 의견, 진료확인서 for a stay
(진료비 영수증 첨부용, with 병실 and 수납일), 수술 확인서, 병리 조직검사 회보서, 처방전 lines with 복약지도 and 총 투여일수, a
요양급여의뢰서 brought from another clinic, a fully masked 주민등록번호 and an insurer "(주)" in the issue line; labels such as
초진 연월일, 재원일, "Adm. / D/C", "Op.", "Imp.)", GETA, 기왕증, 검체 채취, 회보일, 사본 교부; "┆" fields, dates in "[ ]" and in
"(실시 <date>)", a range written "<date>~<date>" without spaces, times as "PM 2:30" and "AM 11:07"; codes before the name with
the name in parentheses after a "(주)" marker ("(주) I10 (본태성(일차성) 고혈압)", names with their own parentheses and commas),
glued to the marker in a table cell ("(주)E11.9"), glued to the name in "code(name)" and after "질병분류번호"; a 요양병원 and a
종합병원 재활의학과 among the treating hospitals and a 한방병원, a 소아청소년과 and a 치과의원 as referring ones; an MM/DD/YYYY date,
a spaced "YY . M . D ." date and only code damages that domain.md §7.4 normalises (an undotted lower-case code, a space for
the dot) in the bad-OCR sample).
--holdout8 writes test/golden/holdout8/: an eighth held-out set (HOLDOUT8), written without seeing the reader and worded unlike
all ten others, and the only set that also writes its own dates ("dates", read by fmt) besides retitling its documents: a
진단서 (일반용) with 진단서 발행 연월일, 영상의학 판독지 (Radiology Report), a Discharge Summary with 입원약정서 사본 and English/Korean
labels (Date of Admission/Discharge, Hospital Course, 작성 완료), 수술 및 마취 기록 (Operative Note, Anes.), 외과병리 판독지
(Final Diagnosis, Report date), 협진 의뢰 및 회신, 외래 진료 회송서, 투약 기록 and 물리치료 기록 lines; labels such as 진찰권번호,
출생년월일, 진찰일, 촬영일시, 판독 서명, 입원 치료 기간, 수술 시행 연월일, 검체 접수, 다음 방문 예약일, C.C/P.I, 의뢰 기관, 사본 발행;
"〓", "｜", "◉", "①", "↳", "▼", "★", "＃" marks and ":" or "：" with no space before the value; dates written "2023.3.7.",
"2023년3월7일", "2023-03-07(화)", "'23.03.07", "23-03-07", "2023/3/7" and "2023-03-07 14:20" (a row starting "'23" counts as a
record row in the table and two-column layouts), a stay written "<date> - <date>"; codes at the end of the line after a run of
spaces ("＃1. name          진단코드(KCD-8):code"), after "[KCD]", glued after "▶" before the name, and in a table column of
their own after "name /"; a 의료원, a 한의원, a 대학교병원 간담췌외과 and hospitals printed with a bracketed English name or former
name ("(구 ...의원)") among the treating ones and a 보건지소, a 치과병원 and a 산부인과의원 as referring ones, names with rare
syllables (뙤, 굄, 똬, 꿩); a spaced "YYYY. M. D." date, a "YY년M월D일" date and only code damages that domain.md §7.4
normalises (lower case with a space and no dot, a space before the dot with a stray ")") in the bad-OCR sample).
--holdout9 writes test/golden/holdout9/: a ninth held-out set (HOLDOUT9), written without seeing the reader and worded unlike
all eleven others; it retitles its documents and writes its own dates like HOLDOUT8, and it is the only set that writes the end
of a stay range without its year ("range_end": "<date> ~ MM. DD", domain.md §6.3): a 진료확인서 (보험회사 제출용) with 통원 내역,
a 검사 결과 통보서, an 입퇴원 사실확인서, a 수술 사실확인서, a 조직병리 검사 결과 통보서, a 간호정보조사지, a 진료비 세부산정내역 and a
재활치료 경과; labels such as 내원 일자, 진료 구분, 검사 받은 날, 검사 종목, 결과 통보일, 입퇴원 기간, 입원(入院)/퇴원(退院) with
their Hanja, 수술 받은 날, 병리 검체 받은 날, 병리 결과 통보일, 서류 기재일, 진료카드, 재내원 예약, 제증명 인쇄; "»", "◦", "¶", "§",
"▹", "⋯" and "▤" marks; dates written "2023. 03. 07" (spaced, no trailing dot), "2023년 3월 7일(화)", "20230307",
"2023.03.07 오후 2:05", "2023 / 03 / 07" and "2023-3-7"; codes after the name behind "(KCD7)" (undotted where the table
prints them so), in a table cell "상병코드 [code]" before the name and bare after the name in two-column rows; a
"<university> <hospital>" name (벼리대학교 이랑병원, alias key 이랑병원), a 재단법인 …의료재단 병원, a 한방병원 and a 요양병원 among the
treating hospitals and two names with a Latin brand (alias keys lower-cased, domain.md §7.5), an 안과의원, a 정신건강의학과의원 and
an 이비인후과의원 as referring ones; a "YYYY .MM .DD" date, a spaced "YY / M / D" date and only code damages that domain.md §7.4
normalises (a space after the letter and no dot, lower case with a space and a stray ")") in the bad-OCR sample).
--holdout10 writes test/golden/holdout10/: a tenth held-out set (HOLDOUT10), written without seeing the reader and worded unlike
all twelve others; it retitles its documents and writes its own dates like HOLDOUT9, and it is the only set that heads its
visit tables with column names ("table_head": codes in a column headed KCD), writes a stay range's start in a format of its own
("range_start": "2023.03.07~03.12", no spaces, the end without its year), writes two codes on one line ("stay_dx", "co_dx":
"주진단 ： name (code) ∙ 부진단 ： 본태성(원발성) 고혈압 (I10)", both expected) and words its past-history line itself
("history_line": the date after the operation): a 보험사 제출용 진단서 사본 with 외래 진찰 내역, a 건강검진 결과에 따른 정밀검사 의뢰
및 결과, a 퇴원 요약지 ∙ 입원 간호기록 (응급실 경유), a 수술 기록지 ∙ 수술 전후 간호기록, a 조직검사 판독 보고서, a 외래
초진기록지 ∙ 문진표, a 진찰 소견서 (의뢰 회신용) and a 처방전 교부 내역 ∙ 약제비 계산서; labels such as 외래 진찰일 (with wide
tab-like gaps around the date), 정밀검사 실시, 보고 일시, 결과 상담 진찰일, 재원 기간, 응급실 경유 입원, 수술 시행일, 조직 채취, 병리
판독, 처방 교부, 상병분류기호, 수진자, 차트 No.; "：", "│", "∙", "➤", "▣", "◆" and "―" marks; dates written "2023.3.7(화)",
"23.03.07", "2023/03/07 14:05", "2023년 03월 07일", "'23.3.7" and "2023-03-07"; codes after the name behind "상병분류기호"
(undotted where printed so), in the KCD column of a headed table, before the name in two-column rows ("date │ code name") and
on the pathology line, and two on one stay line; fake dates in new positions: the birth date before "출생" ("65.03.07 출생"),
the issue date before "발행", the booking date at the start of a row ("<date> 14:40 ➤ 다음 외래 예약", among the two-column
record rows), the report date under "보고 일시", the pathology report date at the start of its line, the past-history date
after the operation ("∙ 충수절제술 (타 병원) ― 2010년 05월 12일"), the discharge summary's date before "전자서명" and the print
date at the start of the page header ("◆ <date> 09:41 출력 ◆"); ordinary hospital names (참좋은내과의원, 제일연합의원,
성산대학교병원, 우리종합병원, 서울연세의원), one with a Latin brand (ON바른정형외과의원, alias key lower-cased) and one
"의료법인 …의료재단" name (의료법인 인화의료재단 중앙병원, alias key 중앙병원) among the treating hospitals, a 비뇨의학과의원, a
피부과의원 and a 한의원 as referring ones; a "YYYY. MM .DD" date, a spaced "YY - M - D" date and only code damages that
domain.md §7.4 normalises (a lower-case letter with a space for the dot, a lower-case letter with a stray ")") in the bad-OCR
sample.
--holdout11 writes test/golden/holdout11/: an eleventh held-out set (HOLDOUT11), written without seeing the reader and worded
unlike all thirteen others; it retitles its documents, writes its own dates, its stay range's start ("range_start") and two
codes on one stay line ("stay_dx", "co_dx") and words its past-history line ("history_line") like HOLDOUT10, and it is the only
set that puts a label on one line and its value on the next (a line break, "\\n", in a template), numbers its table rows
("{n}"), writes the end of a stay range with its year in a format of its own ("range_end" with "{y}": "2023.03.07-2023.03.12",
no spaces around the dash) and the first to print the insurance contract date on the outpatient record ("contract_line", a fake date with
reason "contract", domain.md §6.6): a 통원치료 확인서, a 내시경 · 영상 검사 결과지, an 입원사실 증명서, a 수술 기록 (수술명 / 수술일), a 병리 검사 결과지 (생검 조직), a 초진
진찰 기록 (발병일 · 과거 병력), a 진료기록 사본 증명서 and an 외래 경과 · 처방 기록; labels in parentheses ("(환자명)", "(병록번호)", "(생년월일)", "(내원일 / 초진 · 외래)"
above an indented date, "(입원 일자)" and "(퇴원 일자)" side by side above their dates, "(입원 기간)", "(검사 시행일)", "(병리 진단)", "(발병일)",
"(현병력)", "(과거 병력)"), key=value fields ("수술명=... ; 수술일=<date> ; 집도의=...", "수술력=... ; 시기=<date>"), "=>" labels (검사명, 검사 시행일, 판독
소견, 처방, 결과 설명), "▷", "※", "·" and " - " marks, dates at the end of lines after "·" leaders ("※ 재진 · 외래 진료 일시 ········· <date>",
"결과 보고일 ········· <date>"); dates written "2023 년 3 월 7 일" (spaced Korean), "2023.03.07." (trailing dot), "23/03/07", "2023-3-7
14:20", "2023 - 03 - 07" and "2023.03.07 (14:20)", a booking time "오후 2시"; codes after the name behind "(KCD: code)" (undotted
where printed so), in a "KCD : code, code" comma list after "name, name" on the stay line, in "[code]" after the pathology name,
in a headerless table column between the department and the name (rows numbered "1  <date>  ..."), and after a comma in
two-column rows ("<date> => name, code"); fake dates in new positions: the birth date at the end of a second patient line after
the masked 주민등록번호, the issue date at the end of the certificate sentence ("... 발급함 - <date>"), the insurance contract date after
"보험 계약일", the booking date after "채혈 후 결과 확인 -", the report date after leaders or " - " at the end of a line, the written date
alone on the line below "※ 증명서 작성 일자", the past-history date as "시기=<date>" and the print date inside the page header ("※ 사본 출력
일시 <date> 10:05 ※"); ordinary hospital names (행복한내과의원, 대한가정의원, 사랑의원, 대명대학교병원, 새롬병원), one with a location word (강남든든병원) and one
"의료법인" name (의료법인 정성병원, alias key 정성병원) among the treating hospitals, a 소아청소년과의원, a 치과의원 and a 한의원 as referring ones; a
spaced-dash "YYYY -MM- DD" date, an unpadded "YY/M/D" date and only code damages that domain.md §7.4 normalises (a lower-case
letter and a space before the digits, a lower-case letter with a space inside the digits and a stray ")") in the bad-OCR sample.
--holdout12 writes test/golden/holdout12/: a twelfth held-out set (HOLDOUT12), written without seeing the reader and worded
unlike all fourteen others; it retitles its documents, writes its own dates, two codes on one stay line ("stay_dx", "co_dx") and
its past-history line ("history_line") and prints the insurance contract date ("contract_line") like HOLDOUT11: a 진료비
세부내역서 (외래 · 일자별), a 검사 결과 조회 (EMR 출력본), a 재원 증명서 (입원 · 퇴원 확인), a 수술·시술 내역서, a 생검 결과 안내문
(병리과), a 예진표 및 초진 기록, a 진료 내역 안내 (환자 보관용) and a 만성질환 관리 기록; labels such as 진료 개시일, "진료일 ： <date> ／
진료 형태 ： 외래 ／ 초·재진 ： 재진", 상병명(주), 검사 일시, 결론 및 권고, 입원일~퇴원일 (a range in one field), "▶ 입원 ： <date> ／
▶ 퇴원 ： <date>", 수술(시술)명 with 수술 일자 in 『』, 조직 채취(내시경 생검), 예진(간호사), 의뢰 의료기관, "외래 재진 (결과 확인일) ▶
<date>"; "◎", "▶", "／", full-width "：", 『』 and 〈〉 marks; dates written "2023/03/07(화)", "23.3.7." (two-digit year, unpadded,
trailing dot), "2023年 3月 7日" (Hanja year, month and day, not among domain.md §6.1's forms), "2023-03-07 14시 20분", "'23.03.07" and
"20230307", and the stay range as "<date> ~ <date>" in the first of them; codes after the name in 〈〉 ("name 〈code〉", undotted
where printed so), before the name in a "주상병／부상병 ： code name ／ code name" pair, in a table cell of their own in 〈〉 at the
end of the row, glued between "▶" and a dash before the name in two-column rows ("<date> ▶code-name") and before the name with
" - " on the pathology line; fake dates in new positions: the birth date in a paired "성명 ／ 생년월일 ： name ／ <date>" field, the
issue date in 『』 after "발급", the contract date after "보험 가입일" on a claim note, the booking date after "다음 진료 예정", the
report date in parentheses after the reading doctor ("(<date> 보고)"), the pathology report date in 『』 after "결과 보고", the written
date between slashes in the attestation sentence ("상기 기재 사항은 사실과 틀림없음 ／ <date> ／ 담당의"), the past-history date
in the Hanja form before "경 시행" and the print date in 〈〉 after the page header ("〈출력 <date> 13:52 ／ 원무과〉"); ordinary
hospital names (맑은샘내과의원, 밝은미래의원, 청림대학교병원, 새희망병원), one with a location word (일산햇빛병원), one with a Latin brand
(SM연합의원, alias key lower-cased) and one "의료법인 …의료재단" name (의료법인 동호의료재단 동호병원, alias key 동호병원, 류마티스내과)
among the treating hospitals, a 마취통증의학과의원, a 성형외과의원 and a 신경과의원 as referring ones; a fax-copy bad-OCR sample with
an unevenly spaced "YYYY/ MM /DD" date, a spaced "YY. MM. DD." date and only code damages that domain.md §7.4 normalises (a
lower-case letter with a space after the dot, a space between every character and no dot).
--holdout13 writes test/golden/holdout13/: a thirteenth held-out set (HOLDOUT13), written without seeing the reader and worded
unlike all fifteen others; it retitles its documents, writes its own dates, two codes on one stay line ("stay_dx", "co_dx") and
its past-history line ("history_line") and prints the insurance contract date ("contract_line") like HOLDOUT12, and it is the first
to put the code column's header on one line and the code and name below it ("\\n" in the "dx" template, as HOLDOUT11 does for
dates) and the first with the layout order header_footer, two_column, free, table: a 진료비 납입 확인서 (외래 진료일 내역), a 검사
결과 상담 기록 (영상의학과 판독 첨부), a 간호기록 요약 (입원 · 퇴원), a 수술 동의서 사본 (수술 후 기록), a 수탁 병리검사 결과 보고,
a 신환 병력 청취지, a 진료 사실 조회 회신서 (보험사 조회용) and a 약제 처방 내역 (외래 반복 처방); labels such as 진료 시작일, "▷▷
<date> ◇ 재진 (외래) ◇ 수납 완료", 생년월일(양력), 입원 일시 / 퇴원 일시 on two lines with times, "입원 <date> ∼ 퇴원 <date>", 시행 일자 on
the line below 수술명, ［실시］ ［항목］ ［소견］ ［판독］ ［확정］ ［채취］ ［검체］ ［결과］ in full-width brackets, 수탁기관 회신, 입원 상병,
의뢰 요양기관명, 청약일, a dosage "1-0-0" and a strength "10/1000mg" on the prescription line; "：：", "❖", "◇", "∷", "‖", "▷▷" and
"≫" marks; dates written "2023. 3. 7." (unpadded, spaced, trailing dot), "23年3月7日" (two-digit Hanja year, not among domain.md
§6.1's forms), "2023-03-07(화) 14:20", "2023/3/7", "2023. 3. 7. 오후 2:20" and "2023년03월07일"; codes below a "❖ 상병코드      상병명"
header line with the name after wide gaps (undotted where printed so), in "code : name ; code : name" pairs on the stay line, in
"{code}" braces after the pathology name and glued before the name with "/" in two-column rows ("<date> ▷ I10/HTN"), beside
abbreviated names whose KCD wording differs (HTN, NIDDM (2형 당뇨), 골감소증 for M85.8, 급성 장염 for A09.0, 독감 for J10.1);
fake dates in new positions: the birth date on a second patient line after "생년월일(양력) ：：", the issue date after "：：" at the end
of the attestation sentence before the issuing desk, the contract date after "청약일" on an insurer's enquiry line, the booking date
after "다음 내원 안내 ：：", the report date after "［확정］", the pathology report date after "수탁기관 회신 ：：", the written date at
the end of the nurse's line after "‖", the past-history date in the two-digit Hanja form after "‖ <operation> ‖", before "무렵", and the print
date in full-width brackets after the page header ("［출력본 · <date> 16:44］"); ordinary hospital names (연희내과의원, 온가족의원,
서진대학교병원, 해맑은병원), one with a Latin brand (JH건강내과의원, alias key lower-cased), one with a location word (창원고은병원) and one
"의료법인 …의료재단" name (의료법인 늘품의료재단 늘품병원, alias key 늘품병원) among the treating hospitals, a 흉부외과의원, a
직업환경의학과의원 and a 피부비뇨기과의원 as referring ones; a bad-OCR sample with an unevenly spaced unpadded "YYYY.M .D" date, a
spaced "YY 년 M 월 D 일" date and only code damages that domain.md §7.4 normalises (a lower-case letter with a space for the dot and a
stray ")", a space inside the digits and no dot).
--holdout14 writes test/golden/holdout14/: a fourteenth held-out set (HOLDOUT14), written without seeing the reader and worded
unlike all sixteen others; it retitles its documents, writes its own dates, two codes on one stay line ("stay_dx", "co_dx") and
its past-history line ("history_line") and prints the insurance contract date ("contract_line") like HOLDOUT13, heads its visit
table with column names ("table_head") like HOLDOUT10, writes both ends of a stay range in a format of its own ("range_start",
"range_end" with "{y}": "2023.3.7 - 2023.3.12", unpadded, spaces around the dash) and is the first with the layout order free,
table, header_footer, two_column (so its outpatient and follow-up records come as free text, a headed table and header/footer
pages, none in two columns): an 외래 진료 확인서 (보험 청구용), a 건강검진 결과 통보서 (영상 판독 소견 첨부), an 응급실 진료 기록
(병동 입퇴원 요약), a 수술 경과 기록 (집도의 작성), a 내시경 검사 결과지 (생검 병리 판정), an 외래 초진 상담지 (문진 · 과거 병력),
a 진료 정보 교류 기록지 (의뢰 · 회송) and a 처방전 (약국 보관용, 재진 처방 이력); labels such as "■ 진료 받은 일자 ≡ <date> ≡ 외래
진찰", "→ <date> 재방문 (외래 · 재진)", 성별·생년월일 (sex and birth date in one field), 【촬영·검사일】, 【판독 소견】, 【결과 설명】,
【재원】, "■ 입원 수속 → <date> ■ 퇴원 수속 → <date>", "■ 수술 실시 → <date> ■ 술명 → <operation>", 【생검 채취】, 조직 판정, 【의뢰처】,
【현 병력】, 계약 체결일, 재방문 예정일; "≡", "【】", "□", "■", "→", "｜" and "·" marks; dates written "2023.03.07 (화)" (a space before
the weekday), "'23-3-7" (apostrophe, two-digit year, dashes, unpadded), "2023년 3월 7일(화요일)" (the weekday spelled out), "03/07/2023"
(MM/DD/YYYY, domain.md §6.1 #8), "2023 . 03 . 07" (spaced dots, no trailing dot) and "2023.03.07 14:20:00" (a time with seconds);
codes after the name behind "≡" ("【상병】 name ≡ code", undotted where printed so), in 【】 before the name in the table's KCD
column ("【K297】 위염, 상세불명"), before their names as "code, code ≡ name · name" on the stay line and before the name with "·" on
the pathology line ("C16.9 · adenocarcinoma"), beside names whose KCD wording differs slightly (신장 합병증 동반 당뇨병 for E14.2,
갑상선 기능 저하 (기타) for E03.8, 고혈압 (본태성), 위염, 상세불명, 급성 허혈심장병 for I24.9, 고콜레스테롤혈증 (LDL 상승) for E78.0,
불면증 for G47.0); fake dates in new positions: the birth date after "성별·생년월일 → 남 ·", the issue date inside the attestation
sentence after "확인서 발급" before the issuing desk, the contract date after "계약 체결일", the booking date after "재방문 예정일 →",
the report date after "판독 소견서 서명", the pathology report date after "병리 전문의 최종 확인", the written date inside a sentence
("□ 본 요약은 <date>에 작성됨"), the past-history date with its weekday spelled out after "<operation> →" and the print date between
"≡" marks after the page header ("≡ <header> ≡ <date> 10:12 발행 사본 ≡"); ordinary hospital names (편안한내과의원, 봄날가정의원,
해든대학교병원, 늘곁에병원), one with a Latin brand (JW튼튼내과의원, alias key lower-cased), one with a location word (수원새길병원) and
one "의료법인 …의료재단" name (의료법인 한마루의료재단 한마루병원, alias key 한마루병원) among the treating hospitals, a 신경외과의원,
an 외과의원 and an 내분비내과의원 as referring ones; a fax-copy bad-OCR sample (응 급 실 진 료 기 록) with an unevenly spaced Korean
"YYYY 년MM월 DD 일" date, an unevenly spaced unpadded "YY/M /DD" date and only code damages that domain.md §7.4 normalises (a stray ")"
before a lower-case code, a space inside the digits and a stray ")" after it).
--holdout15 writes test/golden/holdout15/: a fifteenth held-out set (HOLDOUT15), written without seeing the reader and worded
unlike all seventeen others; it retitles its documents, writes its own dates, two codes on one stay line ("stay_dx", "co_dx") and
its past-history line ("history_line") and prints the insurance contract date ("contract_line") like HOLDOUT14, heads its visit
table with column names ("table_head") like HOLDOUT10, writes both ends of a stay range in a format of its own ("range_start",
"range_end" with "{y}": "2023/03/07 ~ 2023/03/12", slashes, padded) and is the first whose layout cycle names one layout twice
(two_column, table, table, header_footer: every order of the four that puts both table and two_column where the outpatient and
follow-up records fall is another set's, so its outpatient and follow-up records come as two-column rows and headed tables, one of
the tables in a txt, its other records as tables, header/footer pages and free text): a 진료확인서 (통원) ▲ 외래 내원 일자, an 초음파 · 영상 검사 결과
안내서, an 입원 확인서 ＜입원 날짜 · 퇴원 날짜＞, a 수술 시행 증명서 ＜수술 후 기재＞, a 조직병리 검사 보고서 〖병리과〗, a 처음 내원 환자 기록지 (문진 포함), a 진료 경위서 ⇢ 의뢰 환자 회신 and a 투약
내역서 ▲ 재진 경과 기록; labels such as "▲ 첫 내원 ⇢ <date> △ 외래 신규 등록", "▲ 다시 방문 ⇢ <date> △ 외래 (재진)", 수진자 and 출생 in ＜＞, "▲ <exam> ⇢ 시행 날짜
<date>", 결과 요약, "결과 듣기 위해 내원", "▲ 입원 날짜 ＜<date>＞ △ 퇴원 날짜 ＜<date>＞", "입원하여 치료받은 기간 ⇢ <range>", "▲ 수술 날짜 ＜<date>＞ △ 수술 내용 ⇢
<operation>", 생검일, 최종 조직 소견, 〖과거 수술 · 입원〗, 〖병력〗, 〖의뢰 기관〗, 보장 개시일, 다음 내원 날짜; "▲", "△", "⇢", "＜＞", "〖〗" and "☆" marks; dates written
"2023.3.7.(화)" (unpadded, a trailing dot before the weekday), "'23/03/07" (apostrophe, two-digit year, slashes), "2023. 03. 07 (화)
09:30" (spaced, the weekday before a time), "2023년 03월 07일 (화)", "2023-3-7(화) 14시" (a time in 시 only) and "2023.3.7 09:30"; codes
at the end of the line after the name and a dash ("△ 상병: name - code", undotted where printed so), in parentheses in the last
column of the headed table ("(상병코드)" heading, "(K297)"), after "[주]" glued before the name in two-column rows ("<date> [주]E119
name"), as "＜주＞ name code / ＜부＞ name code" on the stay line (two codes separated by "/", the second undotted) and glued before the
name in parentheses on the pathology line ("C16.9(adenocarcinoma)"), beside names whose KCD wording differs slightly (당뇨병 2형,
그레이브스병 for E05.0, 일차성 고혈압, 위염, 헬리코박터 연관 for K29.7, 슬개골 연골연화증, 동기능부전 증후군 for I49.5, 혼합형 이상지질혈증, 치루 (항문루), 마이코플라스마 기관지염 for J20.0,
흑색변 (위장관 출혈) for K92.1); fake dates in new positions: the birth date in ＜＞ after "출생" at the end of the patient line (in the
two-digit-year form half the time), the issue date after "교부" inside the attestation sentence's ⇢ chain, the contract date after
"보장 개시일", the booking date after "다음 내원 날짜 ⇢", the report date after the English "Reported", the pathology report date in ＜＞ after
"병리 보고서 발행", the written date in ＜＞ after the ward doctor, the past-history date in ＜＞ between the operation and "받음" (Korean form
with the weekday) and the print date at the end of the page header ("<header> ▲ 제증명 창구 인쇄본 ▲ <date> 11:26"); ordinary hospital
names (이룸내과의원, 솔향가정의원, 한별대학교병원), one with a Latin brand (GN예담의원, alias key lower-cased), two with a location word (부산참빛병원, 대전세움병원)
and one "의료법인 …의료재단" name (의료법인 온유의료재단 온유병원, alias key 온유병원) among the treating hospitals, a 류마티스내과의원, a 소화기내과의원 and a 유방외과의원 as
referring ones; a fax-copy bad-OCR sample (진 료 확 인 서 ( 통 원 ) 팩 스 사 본) with an unevenly spaced "YYYY.MM. DD." date, a spaced
apostrophe "'YY. M. D" date and only code damages that domain.md §7.4 normalises (a lower-case letter with a space inside the
digits, a stray ")" inside an undotted code).
--holdout16 writes test/golden/holdout16/: a sixteenth held-out set (HOLDOUT16), written without seeing the reader and worded
unlike all eighteen others; it retitles its documents, writes its own dates, two codes on one stay line ("stay_dx", "co_dx") and
its past-history line ("history_line") and prints the insurance contract date ("contract_line") like HOLDOUT15, heads its visit
table with column names ("table_head") like HOLDOUT10, writes a stay range's start in a format of its own and its end without the
year ("range_start", "range_end": "2023-03-07 ~ 03-12", dashes, domain.md §6.3) and is the first whose layout cycle names
two_column twice (table, two_column, two_column, header_footer: its outpatient and follow-up records come as a headed table and as
two-column rows, one of the two-column records in a txt, its other records as header/footer pages and free text): a 진료사실 증명원
◐ 외래 진료일별, a 영상 검사 판독 회신 ⇀ 외래 상담 기록, an 입원 진료비 계산서 · 영수증 〘입원 내역 발췌〙, a 수술 소견서 〘집도 후 요약〙,
a 세포 · 조직 병리검사 성적서, an 외래 초회 진찰지 （건강 설문 첨부）, a 진료 정보 제공서 ⇀ 전원 환자 and a 복약 상담 · 재진 기록부;
labels such as "◐ 외래 초회 진찰 ⇀ <date>", "◑ 재진 외래 ‥ <date> （정기 방문）", 수진자, "생년월일 〘<date>〙", "№ <number>",
"◐ 검사 〘<exam>〙 ⇀ 시행 <date>", 판독 요지, 결과 상담 （외래）, 입원 진료기간, "◐ 입원 진료 시작 <date> ◐ 입원 진료 종료 <date>", 퇴원 당시 상태,
"◐ <operation> ⇀ <date> 시행 （집도 ○○○）" (the operation before its date), 조직 떼어낸 날, 조직 진단명, 성적 확정, 이전 수술 · 시술 경험,
문진, 보내온 기관, 청약 승낙일, 다음 진료 … 예약됨; "◐", "◑", "⇀", "‥", "〘〙", "≪≫", full-width "（）", "⑴ ⑵", "㉮" and "№" marks; dates written
"2023-03-07 (화)" (a space before the weekday), "23년 03월 07일" (two-digit Korean year, padded, domain.md §6.1 #6), "2023/3/7 14:20"
(unpadded slashes with a time), "2023년 3월 7일 14시 20분" (Korean with the time in 시 and 분), "23.3.7" (two-digit year, unpadded, no
trailing dot or apostrophe) and "2023-03-07T14:20" (the ISO form with "T" that EMR exports print, not among domain.md §6.1's forms);
codes after the name in 〘〙 behind "⑴ 진단 ⇀" ("⑴ 진단 ⇀ name 〘code〙", undotted where printed so), after "분류" in the last column
of the headed table ("분류번호" heading, "분류 E11.9"), glued after "⑴" before the name in two-column rows ("<date> ⑴E11.9 name"),
glued after the names in parentheses as "⑴ 퇴원 진단 name(code) ⑵ 부 진단 name(code)" on the stay line (undotted where printed so) and after
"‥ 분류" on the pathology line, beside names whose KCD wording differs slightly (당뇨병, 2형, 비만, 상세불명 for E66.9, 본태 고혈압, 만성
위염, 장상피화생 for K29.5, 목 부위 염좌 및 긴장 for S13.4, 지속성 심방세동, 세균성 장염 for A04.9, 급성 췌장염, 담석성 for K85.1,
인후두염, 급성 for J06.0, 저나트륨혈증 for E87.1); fake dates in new positions: the birth date in 〘〙 after "생년월일" (in the two-digit
Korean form half the time), the issue date in 〘〙 after "증명일" inside the attestation line's ⇀ chain, the contract date after "청약
승낙일", the booking date between "다음 진료 ⇀" and "예약됨", the report date after the English "Verified by … on", the pathology report
date after "성적 확정", the written date at the start of the ward doctor's line right after "◐" ("◐ <date> 퇴원 요약 서명 완료"), the
past-history date in the unpadded two-digit "YY.M.D" form glued before "경" ("㉮ <operation>, 10.5.12경 타원 시행") and the print date in
≪≫ after "출력" ("<header> ◑ 출력 ≪<date> 15:03≫ 원무과"); ordinary hospital names (미쁨내과의원, 새터가정의원, 소솜대학교병원), one
with a Latin brand (DH다인의원, alias key lower-cased), two with a location word (청주다움병원, 제주한올병원) and one "의료법인 …의료재단"
name (의료법인 보듬의료재단 보듬병원, alias key 보듬병원) among the treating hospitals, a 호흡기내과의원, a 신장내과의원 and a 심장내과의원
as referring ones; a fax-copy bad-OCR sample (진 료 사 실 증 명 원 ( 팩 스 전 송 본 )) with an unevenly spaced unpadded "YYYY - M -DD"
date, an unevenly spaced "YY .MM. DD" date and only code damages that domain.md §7.4 normalises (a lower-case letter with a space
between every character and no dot, a lower-case letter with a space after the dot and a stray ")").
"""
import json, os, random, shutil, sys
from collections import namedtuple
from datetime import date, timedelta

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf"

HOSPITALS = [  # (printed name, alias key of the canonical name, department)
    ("가나병원", "가나병원", "내과"),
    ("다라의원", "다라의원", "가정의학과"),
    ("마바내과의원", "마바내과의원", None),
    ("서울가온대학교병원", "서울가온대학교병원", "소화기내과"),
    ("가온대병원", "서울가온대학교병원", "소화기내과"),
    ("나래종합병원", "나래종합병원", "정형외과"),
    ("한빛내과의원", "한빛내과의원", None),
    ("푸른숲정형외과의원", "푸른숲정형외과의원", None),
    ("의료법인 새솔병원", "새솔병원", "외과"),
    ("하늘숲의원", "하늘숲의원", "내과"),
]
DIAGNOSES = [  # (name, printed code, normalised code)
    ("제2형 당뇨병", "E11.9", "E11.9"), ("제2형 당뇨병", "E119", "E11.9"), ("본태성 고혈압", "I10", "I10"),
    ("급성 위염", "K29.1", "K29.1"), ("요추 추간판 탈출증", "M51.2", "M51.2"), ("상세불명의 협심증", "I20.9", "I20.9"),
    ("고지혈증", "E785", "E78.5"), ("위-식도역류병", "K21.9", "K21.9"), ("급성 기관지염", "J20.9", "J20.9"),
    ("무릎관절증", "M17.1", "M17.1"), ("담석증", "K80.2", "K80.2"), ("급성 충수염", "K35.8", "K35.8"),
]
EXAMS = ["복부 초음파", "흉부 CT", "위내시경", "Brain MRI", "혈액검사", "심전도", "대장내시경"]

# How records are worded. TUNED is the set the rules were developed on; HOLDOUT words the same facts differently.
TUNED = {
    "patient": "환자명: 김가명   생년월일: {birth}   등록번호: {no}", "issue": "발급일: {d}",
    "visit_first": "진료일자: {d} 외래 초진", "visit_again": "{d} 재진 외래 진료", "dx": "진단명: {name} ({code})",
    "rx": "처방: 메트포르민 500mg {days}일분", "table": "{d}  외래  {dept}  {code}  {name}", "table_rx": "  메트포르민 500mg {days}일분",
    "column": "{d} 외래 {code} {name}", "column_rx": " {days}일분",
    "exam": "검사일: {d} {name}", "finding": "결과: {finding}", "report": "판독일: {d}",
    "stay_range": "입원기간: {s} ~ {e}", "stay_pair": "입원일: {s}   퇴원일: {e}", "stay_course": "경과: 보존적 치료 후 호전되어 퇴원함",
    "surgery": "수술일: {d} 수술명: {op}", "anaesthesia": "마취: 전신마취",
    "specimen": "검체채취일: {d} 조직검사 (위 생검)", "pathology": "병리진단: {name} ({code})", "path_report": "보고일: {d}",
    "booking": "다음 예약: {d} 10:30", "history_header": "과거력", "written": "작성일: {d}",
    "explain": "진료일자: {d} 외래 - 검사 결과 설명", "retest": "재검사 필요: 6개월 후 추적검사 권유",
    "present_illness": "현병력: 3년 전 고혈압 진단받고 타 병원에서 투약 중", "referral": "{name}에서 의뢰되어 내원함",
    "course": "경과: 증상 호전, 투약 유지", "print": "{header}  출력일시: {d} 09:12", "footer": "Page {n}/{total}  원본대조필",
    "copy_header": "의무기록 사본", "column_width": 95,
    "bad_title": "외 래 기 록 지", "bad_visit": "진료일자 :  {y} . {m:02d} . {d:02d} .  초진", "bad_dx": "진단명 : 상병 ( {code} )",
    "bad_codes": [("E1168", "E11.68"), ("I20).9", "I20.9"), ("k29.1", "K29.1"), ("M5126", "M51.26")],
    "bad_again": "{yy:02d}.{m}.{d} 재진  외래", "bad_noise": "체온 T36.5℃  비타민 B12 투여",
}
HOLDOUT = {
    "patient": "성명: 이가상   생년월일 {birth}   환자번호 {no}", "issue": "발행일자: {d}",
    "visit_first": "내원일자: {d} 외래(초진)", "visit_again": "{d} 외래 재진", "dx": "상병명: {code} {name}",
    "rx": "투약: 메트포르민서방정 500mg 1일 2회 {days}일분", "table": "{d}  {dept}  외래  {name}  {code}", "table_rx": "  {days}일분 투약",
    "column": "{d} 외래 {name}({code})", "column_rx": " 투약 {days}일분",
    "exam": "시행일자: {d} {name}", "finding": "판독소견: {finding}", "report": "판독일자: {d}",
    "stay_range": "재원기간: {s} ~ {e}", "stay_pair": "입원일자: {s}  퇴원일자: {e}", "stay_course": "경과: 증상 호전되어 퇴원",
    "surgery": "수술일자: {d} / 시행 수술: {op}", "anaesthesia": "마취방법: 전신",
    "specimen": "채취일: {d} 조직검사 (생검)", "pathology": "병리진단: {name}, {code}", "path_report": "결과보고일: {d}",
    "booking": "재진 예약: {d} 14:00", "history_header": "과거 병력", "written": "작성일자: {d}",
    "explain": "내원일: {d} 외래 (검사 결과 상담)", "retest": "추가검사 필요: 3개월 후 정밀검사 권유",
    "present_illness": "현병력: 2년 전부터 혈압약 복용 중", "referral": "{name} 진료의뢰서 지참하여 내원",
    "course": "경과: 특이사항 없음, 기존 처방 유지", "print": "{header}  인쇄일: {d} 15:40", "footer": "- {n} / {total} -  사본",
    "copy_header": "진료기록 사본", "column_width": 110,
    "bad_title": "진 료 기 록 지", "bad_visit": "내 원 일 : {y} . {m} . {d}  외래 초진", "bad_dx": "상 병 명 :  ( {code} )",
    "bad_codes": [("J459", "J45.9"), ("K21 .0", "K21.0"), ("e11.9", "E11.9"), ("I119", "I11.9")],
    "bad_again": "{yy:02d}.{m:02d}.{d:02d} 외 래  재진", "bad_noise": "BT 36.8℃  비타민D 주사 1회",
}
HOLDOUT_HOSPITALS = [
    ("한결내과의원", "한결내과의원", None),
    ("누리봄병원", "누리봄병원", "내과"),
    ("바른숲의원", "바른숲의원", "가정의학과"),
    ("서해성모병원", "서해성모병원", "소화기내과"),
    ("의료법인 은빛병원", "은빛병원", "외과"),
    ("청솔종합병원", "청솔종합병원", "정형외과"),
    ("도담이비인후과의원", "도담이비인후과의원", None),
    ("새빛재활의학과의원", "새빛재활의학과의원", None),
    ("재단법인 한울병원", "한울병원", "신경과"),
    ("솔내의원", "솔내의원", "내과"),
]
HOLDOUT_DIAGNOSES = [
    ("인슐린-비의존 당뇨병", "E11.8", "E11.8"), ("제2형 당뇨병", "E114", "E11.4"), ("고혈압성 심장병", "I119", "I11.9"),
    ("위궤양", "K25.9", "K25.9"), ("경추간판 장애", "M50.1", "M50.1"), ("협심증", "I20.8", "I20.8"),
    ("순수 고콜레스테롤혈증", "E780", "E78.0"), ("역류성 식도염", "K21.0", "K21.0"), ("급성 비인두염", "J00", "J00"),
    ("상세불명의 천식", "J45.9", "J45.9"), ("담낭결석", "K80.20", "K80.20"), ("급성 충수염", "K35.8", "K35.8"),
]
HOLDOUT_EXAMS = ["갑상선 초음파", "복부 CT", "대장내시경", "경동맥 초음파", "심장초음파", "골밀도 검사", "흉부 X-ray"]
DEV = {
    "patient": "수진자: 박시험   생년월일: {birth}   차트번호: {no}", "issue": "증명서 발급일: {d}",
    "visit_first": "진료일: {d} 신환 외래", "visit_again": "{d} 외래 경과관찰", "dx": "주상병 {code} - {name}",
    "rx": "원외처방: 아토르바스타틴 10mg 1일 1회 {days}일", "table": "{d}  {code}  {name}  {dept}  외래", "table_rx": "  처방 {days}일",
    "column": "{d} {code} {name}", "column_rx": " {days}일",
    "exam": "검사시행일: {d} {name}", "finding": "검사소견: {finding}", "report": "보고일자: {d}",
    "stay_range": "입원: {s} - {e}", "stay_pair": "입원일 {s}  퇴원일 {e}", "stay_course": "경과: 치료 후 안정되어 퇴원",
    "surgery": "수술시행일: {d}  수술명: {op}", "anaesthesia": "마취: 척추마취",
    "specimen": "검체 채취: {d} 생검", "pathology": "조직진단: {code} {name}", "path_report": "판독 보고일: {d}",
    "booking": "다음 진료 예약일: {d} 09:00", "history_header": "기왕력", "written": "문서 작성일: {d}",
    "explain": "진료일: {d} 외래 (결과 설명)", "retest": "추적검사: 1년 후 재검 권유",
    "present_illness": "현병력: 5년 전 당뇨 진단 후 경구약 복용", "referral": "{name} 소견서 지참 내원",
    "course": "경과: 증상 변화 없음, 약 유지", "print": "{header}  출력: {d} 11:05", "footer": "{n} 쪽 / 전체 {total} 쪽",
    "copy_header": "의무기록 사본증명", "column_width": 100,
    "bad_title": "외 래 경 과 기 록", "bad_visit": "진 료 일 : {y} . {m} . {d}  신환", "bad_dx": "주 상 병 :  {code}",
    "bad_codes": [("G439", "G43.9"), ("N39 .0", "N39.0"), ("m54.5", "M54.5"), ("K5 9.0", "K59.0")],
    "bad_again": "{yy:02d}.{m:02d}.{d:02d} 경 과  외래", "bad_noise": "SpO2 98%  비타민C 투여",
}
DEV_HOSPITALS = [
    ("다온내과의원", "다온내과의원", None),
    ("미래로병원", "미래로병원", "내과"),
    ("온누리가정의원", "온누리가정의원", "가정의학과"),
    ("동해대학교병원", "동해대학교병원", "소화기내과"),
    ("의료법인 햇살병원", "햇살병원", "외과"),
    ("한마음종합병원", "한마음종합병원", "정형외과"),
    ("맑은소리이비인후과의원", "맑은소리이비인후과의원", None),
    ("바로선정형외과의원", "바로선정형외과의원", None),
    ("재단법인 소망병원", "소망병원", "신경과"),
    ("새봄의원", "새봄의원", "내과"),
]
DEV_DIAGNOSES = [
    ("당뇨병성 신경병증", "E11.4", "E11.4"), ("갑상선기능저하증", "E039", "E03.9"), ("뇌경색증", "I63.9", "I63.9"),
    ("만성 위염", "K29.5", "K29.5"), ("요추 협착증", "M48.06", "M48.06"), ("편두통", "G43.9", "G43.9"),
    ("고중성지방혈증", "E781", "E78.1"), ("과민대장증후군", "K58.9", "K58.9"), ("알레르기성 비염", "J30.4", "J30.4"),
    ("요로감염", "N390", "N39.0"), ("대장 용종", "K63.5", "K63.5"), ("골다공증", "M81.0", "M81.0"),
]
DEV_EXAMS = ["상복부 초음파", "뇌 MRI", "위내시경", "갑상선 기능검사", "24시간 심전도", "요추 X-ray", "폐기능검사"]
DEV2 = {
    "patient": "환자: 최모의   생년월일 {birth}   병록번호 {no}", "issue": "발급 일자: {d}",
    "visit_first": "외래 방문일: {d} (첫 방문)", "visit_again": "{d} 외래 재방문", "dx": "진단명 : {name} / {code}",
    "rx": "처방내역: 알로푸리놀 100mg 1일 1회 {days}일", "table": "{d}  외래  {name}  {code}  {dept}", "table_rx": "  {days}일 투약",
    "column": "{d} {name}[{code}]", "column_rx": " {days}일",
    "exam": "검사 시행일: {d} {name}", "finding": "판독: {finding}", "report": "판독 일자: {d}",
    "stay_range": "입원 기간: {s} ~ {e}", "stay_pair": "입원 일자: {s}  퇴원 일자: {e}", "stay_course": "경과: 호전되어 퇴원 조치",
    "surgery": "시술일: {d} 시술명: {op}", "anaesthesia": "마취: 국소마취",
    "specimen": "조직 채취일: {d} 생검", "pathology": "최종진단: {name} - {code}", "path_report": "병리 보고일: {d}",
    "booking": "예약일: {d} 16:20", "history_header": "과거력 및 가족력", "written": "작성자 서명일: {d}",
    "explain": "외래 방문일: {d} (결과 안내)", "retest": "재검: 6개월 후 추적 권고",
    "present_illness": "현병력: 10년 전 통풍 진단, 간헐적 투약", "referral": "{name} 회송서 지참",
    "course": "경과: 호전 추세, 처방 지속", "print": "{header}  출력일자: {d} 08:45", "footer": "페이지 {n} / {total}",
    "copy_header": "진료기록 사본 발급", "column_width": 105,
    "bad_title": "경 과 기 록 지", "bad_visit": "방 문 일 : {y} . {m:02d} . {d}  첫 방문", "bad_dx": "진 단 명 :  {code}",
    "bad_codes": [("N183", "N18.3"), ("M17 .1", "M17.1"), ("f32.9", "F32.9"), ("I251", "I25.1")],
    "bad_again": "{yy:02d}.{m}.{d:02d} 재 방 문", "bad_noise": "BP 130/85  비타민B 복합제 투여",
}
DEV2_HOSPITALS = [
    ("푸른솔내과의원", "푸른솔내과의원", None),
    ("성심연합병원", "성심연합병원", "내과"),
    ("하나로가정의학과의원", "하나로가정의학과의원", "가정의학과"),
    ("남도대학교병원", "남도대학교병원", "소화기내과"),
    ("의료법인 보람병원", "보람병원", "외과"),
    ("태양종합병원", "태양종합병원", "정형외과"),
    ("숨쉬는이비인후과의원", "숨쉬는이비인후과의원", None),
    ("튼튼마디정형외과의원", "튼튼마디정형외과의원", None),
    ("재단법인 평화병원", "평화병원", "신경과"),
    ("늘봄의원", "늘봄의원", "내과"),
]
DEV2_DIAGNOSES = [
    ("만성 신장병 3기", "N18.3", "N18.3"), ("우울병 에피소드", "F32.9", "F32.9"), ("죽상경화성 심장병", "I251", "I25.1"),
    ("원발성 무릎관절증", "M17.1", "M17.1"), ("만성 부비동염", "J32.9", "J32.9"), ("비알코올성 지방간", "K760", "K76.0"),
    ("통풍", "M10.9", "M10.9"), ("대상포진", "B02.9", "B02.9"), ("철결핍성 빈혈", "D509", "D50.9"),
    ("수면무호흡", "G47.3", "G47.3"), ("전립선 비대증", "N40", "N40"), ("결막염", "H10.9", "H10.9"),
]
DEV2_EXAMS = ["복부 초음파", "신장 기능검사", "위내시경", "관절 MRI", "수면다원검사", "빈혈 검사", "흉부 X-ray"]
HOLDOUT2 = {  # a second held-out wording: labelled code fields, "|" and "·" separators, codes split from names in tables
    "patient": "환자성명 : 조허구 | 출생일자 : {birth} | 진료번호 : {no}", "issue": "[교부일자] {d}",
    "visit_first": "수진일 {d} · 진료구분: 외래 초진", "visit_again": "[재진] {d} 외래진료", "dx": "질병분류기호 {code} | 질병명 {name}",
    "rx": "투여약 : 암로디핀 5mg 1정 qd  처방일수 {days}", "table": "{d}  {code}  {dept}  외래  {name}", "table_rx": "  처방일수 {days}",
    "column": "{d} {name} <{code}>", "column_rx": " Rx {days}일",
    "exam": "검사명 {name} · 실시일 {d}", "finding": "Impression - {finding}", "report": "판독 완료 {d}",
    "stay_range": "입원치료: {s}부터 {e}까지", "stay_pair": "입원일시 {s} 10:20 | 퇴원일시 {e} 11:00", "stay_course": "퇴원 시 상태: 호전 (자택 퇴원)",
    "surgery": "수술일시 {d} 08:30 | 술식: {op}", "anaesthesia": "마취 종류 | 전신(기관삽관)",
    "specimen": "생검 시행일 | {d} (검체: 조직)", "pathology": "병리학적 진단 ▶ {name} (KCD {code})", "path_report": "최종 판정일 | {d}",
    "booking": "차기 내원 {d} 11:40 (예약)", "history_header": "이전 치료력", "written": "요약 확정일 | {d}",
    "explain": "검사결과 설명 위해 재내원 ({d})", "retest": "F/U 검사: 9개월 후 재시행 요망",
    "present_illness": "주호소 및 현병력: 4년 전 검진에서 혈당 이상 지적", "referral": "타원 의뢰({name}) 후 방문",
    "course": "임상경과 - 안정적, 동일 처방 유지", "print": "{header} · 발급일시 {d} 13:27", "footer": "({n}/{total})  원본과 상위 없음",
    "copy_header": "진료기록부 등 사본", "column_width": 84,
    "bad_title": "외 래 진 료 내 역", "bad_visit": "수 진 일 ; {y} - {m:02d} - {d:02d}  초 진", "bad_dx": "분 류 기 호 |  {code}",
    "bad_codes": [("J44,9", "J44.9"), ("I12.9)", "I12.9"), ("e11 .3", "E11.3"), ("K2 6.9", "K26.9")],
    "bad_again": "{yy:02d}/{m:02d}/{d:02d}  재 진 (외 래)", "bad_noise": "HR 76/min  비타민 E400 복용",
}
HOLDOUT2_HOSPITALS = [
    ("고운결내과의원", "고운결내과의원", None),
    ("여울목병원", "여울목병원", "순환기내과"),
    ("다솜가정의학과의원", "다솜가정의학과의원", "가정의학과"),
    ("동녘대학교병원", "동녘대학교병원", "외과"),
    ("의료법인 별무리병원", "별무리병원", "소화기내과"),
    ("한가람종합병원", "한가람종합병원", "정형외과"),
    ("한아름연합의원", "한아름연합의원", None),
    ("곧은등재활의학과의원", "곧은등재활의학과의원", None),
    ("재단법인 온새미병원", "온새미병원", "신경과"),
    ("나린의원", "나린의원", "호흡기내과"),
]
HOLDOUT2_DIAGNOSES = [
    ("당뇨병성 신증", "E112", "E11.2"), ("당뇨병성 망막병증", "E11.3", "E11.3"), ("고혈압성 신장병", "I12.9", "I12.9"),
    ("만성 표재성 위염", "K29.3", "K29.3"), ("경추통", "M542", "M54.2"), ("불안정 협심증", "I20.0", "I20.0"),
    ("혼합형 고지혈증", "E782", "E78.2"), ("십이지장궤양", "K26.9", "K26.9"), ("기관지염", "J40", "J40"),
    ("만성 폐쇄성 폐질환", "J44.9", "J44.9"), ("담낭 용종", "K82.8", "K82.8"), ("급성 췌장염", "K859", "K85.9"),
]
HOLDOUT2_EXAMS = ["관상동맥 CT", "경추 MRI", "유방 초음파", "운동부하검사", "당화혈색소 검사", "요검사", "근전도 검사"]
HOLDOUT3 = {  # a third held-out wording: SOAP-style notes (A) P) S)), 【】〔〕「」 brackets, ▷ ◆ ◇ ─ ≫ separators, English labels
    "patient": "▣ 환자ID {no}  ▣ 성명 윤예시 (F)  ▣ 출생 {birth}", "issue": "증명 일자 ▷ {d}",
    "visit_first": "접수일 {d} ─ 외래 (신규)", "visit_again": "{d} ─ 외래 추적 (f/u)", "dx": "A) 【{code}】 {name}",
    "rx": "P) 로사르탄칼륨정 50mg 1정 아침 ─ {days}일 처방", "table": "{d}  {name}  〔{code}〕  {dept} 외래", "table_rx": "  내복 {days}일",
    "column": "{d} 「{code}」{name}", "column_rx": " ×{days}일",
    "exam": "오더 {name} ◆ 검사일시 {d} 10:15", "finding": "〈결론〉 {finding}", "report": "판독의 확인 ▷ {d}",
    "stay_range": "진료기간(입원) {s} ～ {e}", "stay_pair": "Admission ▷ {s}   Discharge ▷ {e}",
    "stay_course": "퇴원형태 〔지시 후 퇴원〕 치료결과 〔경쾌〕",
    "surgery": "집도일 {d} ◆ 수술명칭 「{op}」", "anaesthesia": "Anesthesia ◆ General (ETI)",
    "specimen": "Bx 채득일 ▷ {d} (위 점막 2조각)", "pathology": "Pathologic Dx ≫ {name} ◇ 상병코드 {code}",
    "path_report": "Sign-out ▷ {d} (병리과 전문의)",
    "booking": "RTC {d} 15:10 (외래 약속)", "history_header": "PHx ◆ 과거 수술력", "written": "전자서명 ▷ {d} 18:20 (주치의)",
    "explain": "{d} ─ 외래, 검사 결과 통보 및 면담", "retest": "Plan) 12개월 뒤 동일 검사 반복 시행 예정",
    "present_illness": "HPI ▷ 7년 전 고혈압 진단, 개인의원에서 약 처방 받아 옴", "referral": "전원 경로 ≫ {name} → 본원",
    "course": "S) 특이 호소 없음 ◇ O) V/S 안정", "print": "{header}   Printed {d} 16:05", "footer": "총 {total}장 중 {n}장째 ※ 원본과 동일함",
    "copy_header": "전자의무기록(EMR) 출력본", "column_width": 104,
    "bad_title": "외 래 진 찰 기 록 부", "bad_visit": "접 수 : {y} 년 {m:02d} 월 {d} 일 ( 신 규 )", "bad_dx": "A ) 상 병 코 드 〔 {code} 〕",
    "bad_codes": [("E1l.5", "E11.5"), ("I21:9", "I21.9"), ("N2O1", "N20.1"), ("L20·9", "L20.9")],
    "bad_again": "{yy:02d}-{m:02d}-{d:02d}  추 적 진 료 (외 래)", "bad_noise": "Free T4 1.21 ng/dL  K 4.2 mmol/L",
}
HOLDOUT3_HOSPITALS = [
    ("새미르내과의원", "새미르내과의원", None),
    ("가람뫼병원", "가람뫼병원", "내분비내과"),
    ("도란재가정의학과의원", "도란재가정의학과의원", "가정의학과"),
    ("서라벌누리대학교병원", "서라벌누리대학교병원", "외과"),
    ("사회복지법인 두레솔병원", "두레솔병원", "소화기내과"),
    ("큰마루종합병원", "큰마루종합병원", "정형외과"),
    ("아라채움의원", "아라채움의원", None),
    ("바름척추재활의학과의원", "바름척추재활의학과의원", None),
    ("늘푸름의료재단 라온들병원", "라온들병원", "심장내과"),
    ("모아든의원", "모아든의원", "이비인후과"),
]
HOLDOUT3_DIAGNOSES = [
    ("당뇨병성 말초혈관병증", "E11.5", "E11.5"), ("갑상선기능항진증", "E059", "E05.9"), ("고혈압성 심부전", "I110", "I11.0"),
    ("상세불명의 위염", "K29.7", "K29.7"), ("좌골신경통", "M543", "M54.3"), ("급성 심근경색증", "I21.9", "I21.9"),
    ("기타 고지질혈증", "E784", "E78.4"), ("기능성 소화불량", "K30", "K30"), ("상세불명의 폐렴", "J18.9", "J18.9"),
    ("아토피피부염", "L209", "L20.9"), ("대장 게실병", "K57.3", "K57.3"), ("요관결석", "N201", "N20.1"),
]
HOLDOUT3_EXAMS = ["L-spine MRI", "흉부 저선량 CT", "하지 혈관 도플러", "위장관 조영술", "뇌파검사", "신장 초음파", "PET-CT"]
HOLDOUT4 = {  # a fourth held-out wording: certificate / prescription / university-EMR forms, full-width "：" labels, 『』《》
    "patient": "의무기록번호：{no} ■ 성명(한글)：정견본 (여) ■ 생년월일：{birth}", "issue": "위와 같이 증명함 ◎ {d}",
    "visit_first": "○ 내원일시：{d} 09:40 ● 외래 초진", "visit_again": "외래 재진 ∥ {d} 14:25", "dx": "주진단：{name} 『{code}』",
    "rx": "처방의약품：텔미사르탄·암로디핀정 40/5mg ● 1일 1회 ● 총 투약일수 {days}",
    "table": "{d}  {name}  {dept}(외래)  {code}", "table_rx": "  원외 {days}일",
    "column": "{d} {code}：{name}", "column_rx": " /{days}일",
    "exam": "■ 처방명：{name} ■ 시행일시：{d} 11:20", "finding": "☞ Conclusion：{finding}",
    "report": "검증일시：{d} 17:35 (영상의학과 전문의)",
    "stay_range": "입·퇴원 기간：{s} ⇒ {e}", "stay_pair": "입원 연월일：{s} ■ 퇴원 연월일：{e}",
    "stay_course": "퇴원사유：호전 ◎ 퇴원 후 외래 추적관찰 예정",
    "surgery": "수술명《{op}》 시행일：{d}", "anaesthesia": "ASA Ⅱ ● 전신마취(G/A) 하에 시행",
    "specimen": "병리 의뢰일：{d} ● 검체：위 생검 조직 3점", "pathology": "조직학적 소견：{name} ● 질병코드：{code}",
    "path_report": "병리의 최종서명：{d}",
    "booking": "◎ 차회 진료 {d} 08:40 (공복 채혈)", "history_header": "◎ 과거 수술·입원 이력",
    "written": "기록자 송○○ (전공의) ● 기록일시 {d} 17:02",
    "explain": "결과 청취 위해 외래 내원함 ☞ {d}", "retest": "◎ 향후 계획：4개월 뒤 같은 검사 다시 받도록 안내함",
    "present_illness": "발병 경위：6년 전 건강검진에서 혈압 상승 지적, 타 의원에서 약 복용", "referral": "의뢰기관：{name} ● 진료협력센터 경유",
    "course": "처치：동일 처방 유지 ● 공복혈당 126 mg/dL ● 담당 이○○", "print": "{header} ■ 복사 출력 {d} 10:48 ■ 원무과",
    "footer": "{n}면／{total}면 ○ 이 사본은 원본과 같음", "copy_header": "제출용 복사본(의무기록실)", "column_width": 112,
    "bad_title": "진 료 소 견 서", "bad_visit": "초 진 일 ㅣ {y} , {m:02d} , {d:02d} ( 외 래 )", "bad_dx": "주 진 단 ： 『 {code} 」",
    "bad_codes": [("E1I.7", "E11.7"), ("E7B.9", "E78.9"), ("J02.g", "J02.9"), ("M7S.1", "M75.1")],
    "bad_again": "재 내 원  '{yy:02d}. {m:02d}. {d:02d}  외 래", "bad_noise": "HbA1c 7.2 %  TSH 3.41 μIU/mL  Cr 0.9 mg/dL",
}
HOLDOUT4_HOSPITALS = [
    ("다올찬내과의원", "다올찬내과의원", None),
    ("윤슬병원", "윤슬병원", "신장내과"),
    ("시나브로가정의학과의원", "시나브로가정의학과의원", "가정의학과"),
    ("별하대학교병원", "별하대학교병원", "위장관외과"),
    ("(의)소담길의료재단 소담길병원", "소담길병원", "소화기내과"),
    ("으뜸바위종합병원", "으뜸바위종합병원", "정형외과"),
    ("하람채의원", "하람채의원", None),
    ("마디숨통증의학과의원", "마디숨통증의학과의원", None),
    ("학교법인 여명학원 여명누리병원", "여명누리병원", "순환기내과"),
    ("온빛샘의원", "온빛샘의원", "피부과"),
]
HOLDOUT4_DIAGNOSES = [
    ("당뇨병성 다발합병증", "E11.7", "E11.7"), ("자가면역성 갑상선염", "E063", "E06.3"), ("고혈압성 심장 및 신장병", "I139", "I13.9"),
    ("상세불명의 위십이지장염", "K29.9", "K29.9"), ("회전근개 증후군", "M751", "M75.1"), ("심방세동", "I48.9", "I48.9"),
    ("상세불명의 지질대사장애", "E78.9", "E78.9"), ("상세불명의 치핵", "K649", "K64.9"), ("급성 인두염", "J02.9", "J02.9"),
    ("상세불명의 신장산통", "N23", "N23"), ("알레르기성 두드러기", "L500", "L50.0"), ("직장 폴립", "K62.1", "K62.1"),
]
HOLDOUT4_EXAMS = ["Chest PA", "복부·골반 조영 CT", "어깨 MRI", "경흉부 심초음파", "홀터 검사", "분변 잠혈검사", "골반 초음파"]
HOLDOUT5 = {  # a fifth held-out wording: nursing-record, 요양급여내역 and certificate excerpts, "=" "→" "※" "•" "◈" "―" marks
    "patient": "환자 = 한예문 ◈ 성별 F ◈ D.O.B {birth} ◈ 원내등록 No.{no}", "issue": "※ 본 서류 조회일 = {d}",
    "visit_first": "최초진료일 = {d} ※ 진료형태 외래 (초회)", "visit_again": "{d} → 외래 계속진료", "dx": "Dx. #1 {code} {name}",
    "rx": "Rx. 우르소데옥시콜산정 100mg 1정 1일 3회 식후 → {days}일간", "table": "{d}  {dept}  ({code})  {name}  외래",
    "table_rx": "  투약일수={days}",
    "column": "{d} → {name} - {code} -", "column_rx": " ◈ {days}일치",
    "exam": "• 검사항목 = {name} ※ 수행일 {d} 10:05", "finding": "Comment → {finding}", "report": "판독 승인 → {d} 16:40",
    "stay_range": "입원 요양기간 = {s} ∼ {e}", "stay_pair": "병동 입실 = {s} 15:20 → 퇴실 = {e} 10:00",
    "stay_course": "퇴원 간호요약 • 활력징후 안정 • 독립 보행 • 자택 귀가",
    "surgery": "수술실 입실 = {d} 08:10 ◈ 시행술식 → {op}", "anaesthesia": "마취 ◈ 전신마취 (흡입제 유지)",
    "specimen": "조직검사 검체 채집 → {d} (포르말린 고정 4점)", "pathology": "병리 진단명(코드) = {name}({code})",
    "path_report": "병리 결과 회신일 ※ {d}",
    "booking": "◈ 추후 방문 예정 = {d} 10:50", "history_header": "• 과거 진료 사항 (본인 진술)", "written": "퇴원요약 마감 = {d} 21:30",
    "explain": "{d} → 외래 내원하여 검사결과 확인 (보호자 동석)", "retest": "→ 8개월 후 동일 검사로 경과 재확인 필요",
    "present_illness": "간호정보조사 • 8년 전 B형 간염 진단받고 동네 의원에서 항바이러스제 복용 중 (본인 진술)",
    "referral": "요양기관 간 의뢰 = {name} ⇨ 본원 • 진료의뢰서 사본 첨부",
    "course": "간호 • 활력징후 안정, 복약지도 시행 • 낙상위험 낮음", "print": "{header} ― 발췌 작성 {d} 17:55 ― 진료정보팀",
    "footer": "전체 {total}매 중 제{n}매 • 원본과 틀림없음", "copy_header": "간호기록 발췌본", "column_width": 96,
    "bad_title": "외 래 간 호 기 록 ( 경 과 )", "bad_visit": "최 초 진 료 일 = {y} / {m} / {d:02d}  ( 외 래 )",
    "bad_dx": "D x . # 1 • {code} • 상 병",
    "bad_codes": [("I2S9", "I25.9"), ("G56,0", "G56.0"), ("K7O.0", "K70.0"), ("J0 6.9", "J06.9")],
    "bad_again": "{yy:02d}-{m}-{d:02d} → 계 속 진 료 ( 외 래 )", "bad_noise": "Hb 13.2 g/dL • CA19-9 12.4 U/mL • 비타민 D3 1000 IU 복용",
}
HOLDOUT5_HOSPITALS = [
    ("물빛채내과의원", "물빛채내과의원", None),
    ("단비숲병원", "단비숲병원", "내분비대사내과"),
    ("여름볕가정의학과의원", "여름볕가정의학과의원", "가정의학과"),
    ("너울빛대학교병원", "너울빛대학교병원", "소화기외과"),
    ("(재)든솔의료재단 든솔병원", "든솔병원", "소화기내과"),
    ("누리담종합병원", "누리담종합병원", "정형외과"),
    ("한뜰가정의원", "한뜰가정의원", None),
    ("나란뜰정형외과의원", "나란뜰정형외과의원", None),
    ("의료법인 희온의료재단 희온병원", "희온병원", "재활의학과"),
    ("산들바루의원", "산들바루의원", "비뇨의학과"),
]
HOLDOUT5_DIAGNOSES = [
    ("상세불명의 당뇨병", "E14.9", "E14.9"), ("알코올성 지방간", "K700", "K70.0"), ("만성 B형 간염", "B181", "B18.1"),
    ("만성 위축성 위염", "K29.4", "K29.4"), ("외측 상과염", "M77.1", "M77.1"), ("만성 허혈성 심장병", "I259", "I25.9"),
    ("1형 당뇨병", "E109", "E10.9"), ("급성 신우신염", "N10", "N10"), ("급성 상기도감염", "J06.9", "J06.9"),
    ("신부전 동반 고혈압성 신장병", "I12.0", "I12.0"), ("결장의 양성 신생물", "D12.6", "D12.6"), ("손목굴 증후군", "G56.0", "G56.0"),
]
HOLDOUT5_EXAMS = ["간 섬유화 스캔", "관상동맥조영술(CAG)", "유방촬영술", "신동맥 도플러 초음파", "활동혈압 측정(ABPM)", "요추 CT",
                  "신경전도 검사"]
HOLDOUT6 = {  # a sixth held-out wording: 회신서 prose, 통원/입퇴원 확인서 forms, "…" leaders, "┃" and "ㆍ" marks, (초)/(재)
    "patient": "환자 임가칭 님 (남ㆍ{birth}생) ┃ 외래등록 {no}", "issue": "확인일 … {d} ┃ 용도 보험사 제출용",
    "visit_first": "상기 환자는 {d} 본원 외래에 내원하여 진찰을 받았음 (초)", "visit_again": "통원일자 … {d} (재)",
    "dx": "상병 1) {name} [ {code} ]",
    "rx": "⊙ 약제 아스피린 장용정 100mg 1일 1회 조식 후 ┃ 조제일수 {days}일", "table": "{d}  통원 {dept}  KCD-{code}  {name}",
    "table_rx": "  조제 {days}일",
    "column": "{d} {name}ㆍ{code}", "column_rx": " ㆍ조제 {days}일",
    "exam": "{d} 본원에서 {name} 검사를 시행하였음", "finding": "소견 요지 … {finding}", "report": "결과 등록 … {d} (영상의학과)",
    "stay_range": "상기인은 {s} ~ {e} 본원에 입원하여 치료받았음", "stay_pair": "입원한 날 … {s} ┃ 퇴원한 날 … {e}",
    "stay_course": "치료 결과 ■ 경쾌 □ 불변 □ 악화 ┃ 퇴원 후 통원 치료",
    "surgery": "{d} 본원에서 {op}을(를) 시행받았음", "anaesthesia": "마취 ■ 전신 □ 척추 □ 국소",
    "specimen": "조직 생검을 {d} 시행하여 병리과에 의뢰함", "pathology": "병리 결과 ┃ {name} ┃ ICD-10: {code}",
    "path_report": "병리 결과 통지 … {d}",
    "booking": "다음 진료는 {d} 오전 9시 40분으로 예정되어 있음", "history_header": "⊙ 수술 경력 (타 기관)",
    "written": "이상과 같이 회신합니다 … {d} ┃ 담당의",
    "explain": "{d} (재) 검사 결과 상담차 통원함", "retest": "⊙ 권고 … 10개월 후 재검사(추적검사)를 받으시기 바랍니다",
    "present_illness": "병력 요약 … 약 3년 전 급성 심근경색으로 타 병원에서 관상동맥 스텐트 삽입술을 받았고 이후 아스피린 복용 중이라 함",
    "referral": "{name} 담당 선생님께서 의뢰하신 환자로 위와 같이 회신드립니다",
    "course": "진찰 소견 … 자각 증상 호소 없음ㆍ복약 잘 지킴ㆍ처방 유지", "print": "{header} ┃ 열람ㆍ복사 {d} 오후 3시 12분 ┃ 의무기록팀",
    "footer": "{n}쪽 (전 {total}쪽) ┃ 원본의 사본임을 확인함", "copy_header": "진료기록 열람본", "column_width": 116,
    "bad_title": "통 원 확 인 서 ( 진 료 )", "bad_visit": "통 원 일 자 … {y}년{m:02d}월{d:02d}일 ( 초 )", "bad_dx": "병 명 ㆍ [ {code} ]",
    "bad_codes": [("I25.Z", "I25.2"), ("E11.G", "E11.6"), ("K2 98", "K29.8"), ("JO3.9", "J03.9")],
    "bad_again": "{yy:02d}년 {m}월 {d}일 ( 재 ) 통 원", "bad_noise": "NT-proBNP 412 pg/mL ㆍ eGFR 82 ㆍ 코엔자임 Q10 100mg 복용 중",
}
HOLDOUT6_HOSPITALS = [
    ("초롱별내과의원", "초롱별내과의원", None),
    ("갈매빛병원", "갈매빛병원", "통합내과"),
    ("비솔가정의학과의원", "비솔가정의학과의원", "가정의학과"),
    ("한소끔대학교병원", "한소끔대학교병원", "소화기병센터"),
    ("(의료법인)노을터의료재단 노을터병원", "노을터병원", "순환기내과"),
    ("다래솔종합병원", "다래솔종합병원", "정형외과"),
    ("보늬의원", "보늬의원", None),
    ("들마루한의원", "들마루한의원", None),
    ("사회복지법인 잔솔복지재단 잔솔마루병원", "잔솔마루병원", "신장내과"),
    ("새결치과병원", "새결치과병원", "구강내과"),
]
HOLDOUT6_DIAGNOSES = [
    ("2형 당뇨병(기타 합병증)", "E11.6", "E11.6"), ("단일 갑상선결절", "E041", "E04.1"), ("오래된 심근경색증", "I25.2", "I25.2"),
    ("십이지장염", "K298", "K29.8"), ("족저근막염", "M72.2", "M72.2"), ("대동맥판 협착증", "I35.0", "I35.0"),
    ("1형 당뇨병성 말초혈관병증", "E10.5", "E10.5"), ("급성 위궤양", "K253", "K25.3"), ("급성 편도염", "J03.9", "J03.9"),
    ("만성 C형 간염", "B18.2", "B18.2"), ("급성 담낭염", "K810", "K81.0"), ("급성 위장염", "A09.9", "A09.9"),
]
HOLDOUT6_EXAMS = ["상부 소화관 내시경", "경식도 심초음파(TEE)", "갑상선 미세침흡인검사", "심근 관류 SPECT", "족부 초음파",
                  "MRCP(자기공명 담췌관조영)", "인후두 내시경"]
HOLDOUT7 = {  # a seventh held-out wording: 소견서 / 진료확인서 / 수술 확인서 / 처방전·복약지도 forms, "(주)" markers, "┆" fields
    "titles": {"외래 진료기록": "외래 진료 소견서 (향후 치료 의견 포함)", "영상 판독 결과지": "검사 시행 확인 및 결과 설명 기록",
               "퇴원요약지": "입원 진료확인서 (진료비 영수증 첨부용)", "수술기록지": "수술 확인서", "병리 결과 보고서": "병리 조직검사 회보서",
               "초진 기록지": "초진 문진 및 진료기록", "진료기록": "진료 요약 (타 기관 제출용)", "경과기록지": "외래 경과기록 및 복약지도 기록"},
    "patient": "환자등록번호 {no} ┆ 환자 성명 권모형 ┆ 주민등록번호 ******-******* ┆ 생년월일 {birth}",
    "issue": "제출처 ○○손해보험(주) ┆ 서류 교부 연월일 {d}",
    "visit_first": "초진 연월일 {d} ┆ 외래 (신환 접수)", "visit_again": "[{d}] 외래 재진 ┆ 경과 관찰", "dx": "(주) {code} ({name})",
    "rx": "처방전 ┆ 셀레콕시브캡슐 200mg (소염진통제) 1C bid 식후 ┆ 총 투여일수 {days}일 ┆ 복약지도: 속쓰림 있으면 복용 중지",
    "table": "{d}  외래·{dept}  (주){code}  {name}", "table_rx": "  투여 {days}일",
    "column": "{d} {code}({name})", "column_rx": " ┆ {days}일",
    "exam": "검사항목 ┆ {name} (실시 {d})", "finding": "Imp.) {finding}", "report": "영상 판독 확정 ┆ {d} (판독의 서명)",
    "stay_range": "재원일 {s}~{e} ┆ 병실 712호 (6인실)", "stay_pair": "Adm. {s} ┆ D/C {e}",
    "stay_course": "치료 경과 및 향후 치료 의견 ┆ 보존적 치료로 증상 소실, 퇴원 후 외래 통원 요망",
    "surgery": "Op. {d} ┆ {op} 시행함", "anaesthesia": "마취 ┆ GETA (전신 기관내 마취) ┆ 출혈량 소량",
    "specimen": "조직검사 의뢰 (검체 채취 {d}) ┆ 검체 2개", "pathology": "최종 병리진단 {name} ┆ 질병분류번호 {code}",
    "path_report": "병리 결과 회보일 ┆ {d}",
    "booking": "☎ 예약 안내 ┆ {d} PM 2:30 (내원 30분 전 도착)", "history_header": "▶ 기왕증 (타 병원 수술 이력)",
    "written": "수납일 {d} ┆ 수납 담당자 (인)",
    "explain": "[{d}] 결과 설명 위해 외래 재내원", "retest": "▶ 향후 치료 의견: 5개월 뒤 동일 검사로 재검사 요함",
    "present_illness": "내원 경위 ┆ 약 4년 전 보건소 혈압 측정에서 고혈압 지적받고 보건소에서 약 처방 받아 옴 (본인 진술)",
    "referral": "{name} 발행 요양급여의뢰서 지참하여 내원 (정밀 평가 요청)",
    "course": "경과 ┆ 자가혈당 공복 120~140 mg/dL, 저혈당 증상 없음 ┆ 동일 처방 유지 (f/u 4주)",
    "print": "{header} ┆ 사본 교부 {d} AM 11:07 ┆ 원무과 제증명 창구", "footer": "[{n}/{total}] ┆ 원본 대조필 (원무과)",
    "copy_header": "제증명 사본 (보험금 청구용)", "column_width": 118,
    "bad_title": "재 활 치 료 기 록 ( 외 래 )", "bad_visit": "내 원 일 ( Visit ) : {m:02d}/{d:02d}/{y}  외래 초진",
    "bad_dx": "( 주 ) 상 병 : {code}",
    "bad_codes": [("n183", "N18.3"), ("K29 7", "K29.7"), ("S82.0)", "S82.0"), ("F3 2.9", "F32.9")],
    "bad_again": "{yy:02d} . {m} . {d} .  재 진 ( 외 래 )", "bad_noise": "NRS 6/10 ┆ 25(OH) 비타민D 18.2 ng/mL ┆ 비타민 B6·D3 복합제 복용",
}
HOLDOUT7_HOSPITALS = [
    ("함초롬내과의원", "함초롬내과의원", None),
    ("이든요양병원", "이든요양병원", "내과"),
    ("여우비가정의학과의원", "여우비가정의학과의원", None),
    ("우듬지대학교병원", "우듬지대학교병원", "상부위장관외과"),
    ("의료법인 너나들이의료재단 너나들이병원", "너나들이병원", "심장내과"),
    ("바투뫼종합병원", "바투뫼종합병원", "재활의학과"),
    ("곶자왈병원", "곶자왈병원", "일반내과"),
    ("쑥쑥소아청소년과의원", "쑥쑥소아청소년과의원", None),
    ("다복솔한방병원", "다복솔한방병원", "한방재활의학과"),
    ("이솔치과의원", "이솔치과의원", None),
]
HOLDOUT7_DIAGNOSES = [
    ("2형 당뇨병, 합병증 없음", "E11.9", "E11.9"), ("비타민D 결핍증(상세불명)", "E559", "E55.9"), ("본태성(일차성) 고혈압", "I10", "I10"),
    ("바렛식도", "K227", "K22.7"), ("신경뿌리병증을 동반한 요추 추간판장애", "M51.1", "M51.1"), ("기록된 연축을 동반한 협심증", "I20.1", "I20.1"),
    ("상세불명의 고지질혈증", "E785", "E78.5"), ("상세불명의 장폐색", "K567", "K56.7"), ("상세불명의 급성 부비동염", "J01.9", "J01.9"),
    ("조짐이 없는 편두통[보통편두통]", "G43.0", "G43.0"), ("슬개골의 골절", "S82.0", "S82.0"), ("만성 신장병(4기)", "N184", "N18.4"),
]
HOLDOUT7_EXAMS = ["진정 상부내시경(EGD)", "관상동맥 연축 유발검사", "전신 골스캔", "적외선 체열촬영(DITI)", "척추 전장 X-ray", "부비동 CT",
                  "근골격 초음파"]
HOLDOUT8 = {  # an eighth held-out wording: 진단서 / 협진 회신 / Discharge Summary / 투약·물리치료 기록 forms, "〓" "｜" "◉" marks
    "titles": {"외래 진료기록": "진단서 (일반용) ｜ 외래 진료 내역 첨부", "영상 판독 결과지": "영상의학 판독지 (Radiology Report)",
               "퇴원요약지": "Discharge Summary ｜ 퇴원 요약 (입원약정서 사본 첨부)", "수술기록지": "수술 및 마취 기록 (Operative Note)",
               "병리 결과 보고서": "외과병리 판독지 (Surgical Pathology)", "초진 기록지": "협진 의뢰 및 회신 (초진 병력지)",
               "진료기록": "외래 진료 회송서 ｜ 진료기록 발췌", "경과기록지": "투약 기록 (외래 처방 내역 조회)"},
    "dates": ["{y}.{m}.{d}.", "{y}년{m}월{d}일", "{y}-{m:02d}-{d:02d}({w})", "'{yy:02d}.{m:02d}.{d:02d}", "{yy:02d}-{m:02d}-{d:02d}",
              "{y}/{m}/{d}", "{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}"],
    "patient": "◉ 성명(Name)：서가공 ｜ 진찰권번호:{no} ｜ 출생년월일:{birth} ｜ 주민번호 ******-*******",
    "issue": "〓 진단서 발행 연월일:{d} 〓 (보험 청구 제출용)",
    "visit_first": "① 진찰일:{d} ｜ 외래 첫 진찰", "visit_again": "↳ {d}：외래 재진 ｜ 물리치료 병행",
    "dx": "＃1. {name}          진단코드(KCD-8):{code}",
    "rx": "투약 ｜ 암로디핀 5mg + 로수바스타틴 10mg 복합정 1T 1일 1회 아침 ｜ {days}일 처방(원외)", "table": "{d}  {dept}  {name} /  {code}",
    "table_rx": " (복용 {days}일)",
    "column": "{d}▶{code} {name}", "column_rx": " ◉{days}일",
    "exam": "▼ 촬영일시:{d} 09:05 ｜ 검사명：{name}", "finding": "Findings/Conclusion：{finding}",
    "report": "판독 서명(Radiologist)：{d} 16:02",
    "stay_range": "입원 치료 기간：{s} - {e} ｜ 병동 5A", "stay_pair": "입원일(Date of Admission):{s} ｜ 퇴원일(Date of Discharge):{e}",
    "stay_course": "Hospital Course：수액 및 약물치료 후 증상 호전 ｜ 퇴원 형태：정규 퇴원(귀가)",
    "surgery": "Operation：{op} ｜ 수술 시행 연월일:{d}", "anaesthesia": "Anes.：GA (기관내삽관) ｜ 수술 소요 1시간 40분",
    "specimen": "▼ 검체 접수:{d} ｜ 생검 부위：위 전정부 (3조각)", "pathology": "병리 진단(Final Diagnosis)：{name}          [KCD] {code}",
    "path_report": "Report date(병리과 서명)：{d}",
    "booking": "★ 다음 방문 예약일:{d} 10:10", "history_header": "▼ Past Hx：수술 과거력",
    "written": "Discharge Summary 작성 완료:{d} ｜ 주치의 서명",
    "explain": "↳ {d}：외래 내원 ｜ 영상 결과 설명 및 상담", "retest": "★ 권고：7개월 후 같은 검사로 재검(추적 관찰)",
    "present_illness": "C.C/P.I：약 6년 전 직장 건강검진에서 혈압 상승 소견, 보건지소에서 혈압약 처방받아 복용 (본인 진술)",
    "referral": "의뢰 기관：{name} ｜ 진료의뢰서 및 영상 CD 지참하여 내원",
    "course": "물리치료 기록：핫팩 20분, 간섭파치료(ICT) 15분 ｜ 통증 VAS 5→3 ｜ 약 유지",
    "print": "{header} 〓 사본 발행 {d} 17:48 〓 의무기록실", "footer": "〓 {n} of {total} 〓 사본임을 증명함",
    "copy_header": "의무기록 사본 (보험 청구 발췌)", "column_width": 132,
    "bad_title": "외 래 투 약 기 록 부", "bad_visit": "진 찰 일 :{y}. {m}. {d}.  초 진", "bad_dx": "＃ 1 . 병 명 ▶ {code}",
    "bad_codes": [("h8 11", "H81.1"), ("J04 .0)", "J04.0"), ("m653", "M65.3"), ("E10 2", "E10.2")],
    "bad_again": "{yy:02d}년{m}월{d}일  재 진 ｜ 외 래", "bad_noise": "SBP/DBP 128/82 ｜ Na 139 mEq/L ｜ 체온 T37.2℃ ｜ 엽산(B9) 복용",
}
HOLDOUT8_HOSPITALS = [
    ("뙤약볕내과의원", "뙤약볕내과의원", None),
    ("곰솔고을의료원", "곰솔고을의료원", "호흡기알레르기내과"),
    ("꿩바위한의원", "꿩바위한의원", None),
    ("솟대마루대학교병원", "솟대마루대학교병원", "간담췌외과"),
    ("굄돌병원(GOEMDOL HOSPITAL)", "굄돌병원", "핵의학과"),
    ("똬리숲종합병원", "똬리숲종합병원", "신경외과"),
    ("늘해랑병원(구 늘해랑의원)", "늘해랑병원", "일반외과"),
    ("한들보건지소", "한들보건지소", None),
    ("고른니치과병원", "고른니치과병원", "구강악안면외과"),
    ("꽃잠산부인과의원", "꽃잠산부인과의원", None),
]
HOLDOUT8_DIAGNOSES = [
    ("신장 합병증을 동반한 1형 당뇨병", "E10.2", "E10.2"), ("비독성 다결절성 갑상선종", "E042", "E04.2"),
    ("상세불명의 본태성 고혈압", "I109", "I10.9"), ("알코올성 위염", "K29.2", "K29.2"), ("방아쇠손가락", "M65.3", "M65.3"),
    ("허혈성 심근병증", "I255", "I25.5"), ("기타 지질단백질대사장애", "E788", "E78.8"), ("위 및 십이지장의 폴립", "K31.7", "K31.7"),
    ("급성 후두염", "J04.0", "J04.0"), ("양성 발작성 현기증", "H811", "H81.1"), ("담관염 또는 담낭염이 없는 담관결석", "K80.5", "K80.5"),
    ("발목의 염좌 및 긴장", "S934", "S93.4"),
]
HOLDOUT8_EXAMS = ["췌장 다기관 CT(3상)", "갑상선 스캔(Tc-99m)", "경두개 도플러(TCD)", "전정기능검사(VNG)", "맥파전달속도 검사(baPWV)",
                  "캡슐 내시경", "폐 확산능 검사(DLCO)"]
HOLDOUT9 = {  # a ninth held-out wording: 진료확인서 / 검사 결과 통보서 / 입퇴원 사실확인서 / 간호정보조사지 / 진료비 세부산정내역 forms
    "titles": {"외래 진료기록": "진료확인서 (보험회사 제출용) ¶ 통원 내역", "영상 판독 결과지": "검사 결과 통보서 ¶ 영상·기능 검사",
               "퇴원요약지": "입퇴원 사실확인서", "수술기록지": "수술 사실확인서 ¶ 수술 경과 요약", "병리 결과 보고서": "조직병리 검사 결과 통보서",
               "초진 기록지": "간호정보조사지 ¶ 외래 초진", "진료기록": "진료비 세부산정내역 ¶ 내원 일자별", "경과기록지": "재활치료 경과 ¶ 외래 처방 내역"},
    "dates": ["{y}. {m:02d}. {d:02d}", "{y}년 {m}월 {d}일({w})", "{y}{m:02d}{d:02d}", "{y}.{m:02d}.{d:02d} {ap} {h12}:{mm:02d}",
              "{y} / {m:02d} / {d:02d}", "{y}-{m}-{d}"],
    "range_end": "{m:02d}. {d:02d}",
    "patient": "¶ 대상자 남궁예솔(여) ◦ 생년월일 {birth} ◦ 진료카드 {no} ◦ 주민등록번호 ******-*******",
    "issue": "§ 위와 같이 확인하여 발급함 ⋯ {d} ⋯ 제출처 ○○생명보험(주) 보상과",
    "visit_first": "내원 일자 » {d} ◦ 진료 구분 » 외래 (초진)", "visit_again": "▹ {d} » 외래 재진 ◦ 진료 구분 » 재진",
    "dx": "§ 진단 » {name} (KCD7) {code}",
    "rx": "¶ 처방 » 레바미피드정 100mg 1정 1일 3회 식후 ◦ {days}일분 투약", "table": "{d}  외래 ◦ {dept}  상병코드 [{code}]  {name}",
    "table_rx": " » {days}일분",
    "column": "{d} ◦ {name} {code}", "column_rx": " ◦{days}일분",
    "exam": "검사 받은 날 » {d} ◦ 검사 종목 » {name}", "finding": "결과 요약 ¶ {finding}", "report": "결과 통보일 » {d}",
    "stay_range": "입퇴원 기간 » {s} ~ {e} ◦ 일반 병실", "stay_pair": "입원(入院) » {s} ¶ 퇴원(退院) » {e}",
    "stay_course": "입원 중 경과 ¶ 수액 요법 및 약물 치료 후 호전 ◦ 퇴원 당시 상태 » 양호 (귀가)",
    "surgery": "수술 받은 날 » {d} ◦ 시행한 수술 » {op}", "anaesthesia": "마취 » 전신마취 ◦ 수술 중 특이 사항 없음",
    "specimen": "병리 검체 받은 날 » {d} ◦ 생검 조직 (2점)", "pathology": "조직병리 결과 » {name} ◦ (KCD7) {code}",
    "path_report": "병리 결과 통보일 » {d}",
    "booking": "▹ 재내원 예약 » {d} (오전 10:30)", "history_header": "¶ 과거력 조사 ◦ 수술 경험 (타 기관, 본인 응답)",
    "written": "§ 서류 기재일 » {d} ◦ 원무팀 담당",
    "explain": "내원 일자 » {d} ◦ 진료 구분 » 외래 ◦ 검사 결과지 수령 및 설명", "retest": "▹ 권고 사항 » 6개월 뒤 같은 검사로 재검사 받으십시오",
    "present_illness": "현재 복용 약 ¶ 약 5년 전 혈압이 높다는 말을 듣고 인근 의원에서 혈압약을 처방받아 복용 중이라고 응답함",
    "referral": "의뢰 병원 » {name} ◦ 진료의뢰서 원본 제출",
    "course": "재활치료 경과 ¶ 운동치료 30분 ◦ 통증 NRS 4/10 ◦ 약 유지", "print": "{header} ¶ 제증명 인쇄 {d} (오후 4:20)",
    "footer": "▤ {n} / {total} 면 ▤ 원본과 대조함", "copy_header": "진료기록 등본 (보험금 청구용)", "column_width": 118,
    "bad_title": "진 료 비 세 부 산 정 내 역 ( 외 래 )", "bad_visit": "내 원 일 자 » {y} .{m:02d} .{d:02d}  ( 초 진 )",
    "bad_dx": "§ 진 단 코 드 » {code}",
    "bad_codes": [("N 300", "N30.0"), ("k52.9 )", "K52.9"), ("M79. 1", "M79.1"), ("R 51", "R51")],
    "bad_again": "{yy:02d} / {m} / {d}  » 외 래 ▹ 재 진", "bad_noise": "BST 142 mg/dL ¶ 고막체온 T37.1℃ ¶ 엽산 + 비타민 B12 복합제 복용",
}
HOLDOUT9_HOSPITALS = [
    ("해오름내과의원", "해오름내과의원", None),
    ("YK서향의원", "yk서향의원", "가정의학과"),
    ("솔바람한방병원", "솔바람한방병원", "한방내과"),
    ("벼리대학교 이랑병원", "이랑병원", "소화기종양외과"),
    ("CS마중영상의학과의원", "cs마중영상의학과의원", None),
    ("재단법인 청람의료재단 청람병원", "청람병원", "감염내과"),
    ("아름드리요양병원", "아름드리요양병원", "노년내과"),
    ("눈부처안과의원", "눈부처안과의원", None),
    ("이음정신건강의학과의원", "이음정신건강의학과의원", None),
    ("소슬이비인후과의원", "소슬이비인후과의원", None),
]
HOLDOUT9_DIAGNOSES = [
    ("눈 합병증을 동반한 1형 당뇨병", "E10.3", "E10.3"), ("아급성 갑상선염", "E061", "E06.1"), ("신혈관성 고혈압", "I150", "I15.0"),
    ("급성 출혈성 위염", "K29.0", "K29.0"), ("좌골신경통을 동반한 요통", "M544", "M54.4"), ("울혈성 심부전", "I50.0", "I50.0"),
    ("기타 저혈당증", "E161", "E16.1"), ("상세불명의 위장출혈", "K92.2", "K92.2"), ("만성 비염", "J310", "J31.0"),
    ("신장의 결석", "N20.0", "N20.0"), ("급성 담낭염을 동반한 담낭의 결석", "K800", "K80.0"), ("보통건선", "L40.0", "L40.0"),
]
HOLDOUT9_EXAMS = ["안저 촬영(산동)", "관상동맥 석회화 CT(CACS)", "S상 결장경", "요역동학 검사", "비디오 투시 연하검사(VFSS)",
                  "동맥혈 가스분석(ABGA)", "족관절 MRI"]
HOLDOUT10 = {  # a tenth held-out wording: 보험사 제출용 진단서 사본 / 정밀검사 의뢰 / 응급실 경유 입원·간호기록 / 처방전·약제비 forms
    "titles": {"외래 진료기록": "보험사 제출용 진단서 사본 │ 외래 진찰 내역", "영상 판독 결과지": "건강검진 결과에 따른 정밀검사 의뢰 및 결과",
               "퇴원요약지": "퇴원 요약지 ∙ 입원 간호기록 (응급실 경유)", "수술기록지": "수술 기록지 ∙ 수술 전후 간호기록",
               "병리 결과 보고서": "조직검사 판독 보고서 (병리과)", "초진 기록지": "외래 초진기록지 ∙ 문진표",
               "진료기록": "진찰 소견서 (의뢰 회신용)", "경과기록지": "처방전 교부 내역 ∙ 약제비 계산서"},
    "dates": ["{y}.{m}.{d}({w})", "{yy:02d}.{m:02d}.{d:02d}", "{y}/{m:02d}/{d:02d} {hh:02d}:{mm:02d}", "{y}년 {m:02d}월 {d:02d}일",
              "'{yy:02d}.{m}.{d}", "{y}-{m:02d}-{d:02d}"],
    "range_start": "{y}.{m:02d}.{d:02d}", "range_end": "{m:02d}.{d:02d}",
    "patient": "▣ 수진자 ： 문가온 │ 남 │ {birth} 출생 │ 주민등록번호 ******-******* │ 차트 No. {no}",
    "issue": "➤ {d} 발행 ∙ 보험사 제출용 사본 ∙ ○○화재해상보험(주) 보상 담당자 귀중",
    "visit_first": "외래 진찰일      {d}      ∙ 진찰 및 상담", "visit_again": "➤ {d} ∙ 재진 │ 외래 진찰",
    "dx": "진단 ： {name} ∙ 상병분류기호 {code}",
    "stay_dx": "주진단 ： {name} ({code}) ∙ 부진단 ： {name2} ({code2})", "co_dx": ("본태성(원발성) 고혈압", "I10", "I10"),
    "rx": "처방 교부 ➤ 로수바스타틴정 10mg 1정 1일 1회 취침 전 ∙ 투약 {days}일분 │ 원외 조제",
    "table_head": "내원일  구분  진료과  KCD  상병명 ∙ 조제",
    "table": "{d}  외래  {dept}  {code}  {name}", "table_rx": " ∙ {days}일분",
    "column": "{d} │ {code} {name}", "column_rx": " │ {days}일분",
    "exam": "정밀검사 실시      {d}      ∙ {name} (건강검진 후 의뢰)", "finding": "판독 결론 ➤ {finding}",
    "report": "보고 일시 ： {d} 16:50 ∙ 판독 완료 (영상의학과 전문의)",
    "stay_range": "재원 기간 ： {s}~{e} │ 내과 병동 (일반 6인실)", "stay_pair": "응급실 경유 입원 ➤ {s} 02:40 │ 퇴원 ➤ {e} 17:30",
    "stay_course": "치료 경과 ➤ 금식 및 수액 치료 후 식이 진행 ∙ 증상 소실되어 퇴원함",
    "surgery": "▣ 수술 시행일 ： {d} │ 수술명 ： {op}", "anaesthesia": "마취 ∙ 전신마취 │ 수술 전 간호 ： 금식 및 동의서 확인",
    "specimen": "조직 채취 ➤ {d} ∙ 내시경 생검 (검체 3개)", "pathology": "병리 판독 ： {code} {name}",
    "path_report": "{d} 병리 최종 보고 ∙ 병리과 전문의 서명",
    "booking": "{d} 14:40 ➤ 다음 외래 예약 (변경 시 연락)", "history_header": "▣ 이전 수술 ∙ 입원 이력 (문진)",
    "history_line": "∙ {t} ― {d} (환자 진술)", "history_style": 3,
    "written": "퇴원 요약 확인 │ 주치의 ○○○ │ {d} 전자서명",
    "explain": "결과 상담 진찰일 ： {d} ∙ 외래 (건강검진 결과지 지참)", "retest": "➤ 향후 계획 ∙ 3개월 후 추적 정밀검사 요망",
    "present_illness": "주 호소 ∙ 뒷목 뻐근함, 어지럼 │ 현 병력 ∙ 수년 전부터 동네 의원에서 혈압약 복용 중이라 함",
    "referral": "의뢰처 │ {name} ∙ 검진 후 정밀검사 의뢰",
    "course": "경과 ∙ 혈압 134/86 ∙ 자각 증상 없음 ∙ 기존 약 지속", "print": "◆ {d} 09:41 출력 ◆ {header}",
    "footer": "― {n} ― (총 {total}매) ∙ 원본과 다름없음을 확인함", "copy_header": "보험금 청구용 의무기록 사본", "column_width": 92,
    "bad_title": "외 래 진 찰 기 록 ( 사 본 )", "bad_visit": "진 찰 일 자 ： {y}. {m:02d} .{d:02d}  초 진",
    "bad_dx": "상 병 분 류 기 호 ∙ {code}",
    "bad_codes": [("l03 1", "L03.1"), ("h40.1)", "H40.1"), ("k86 1", "K86.1"), ("g62.9 )", "G62.9")],
    "bad_again": "{yy:02d} - {m} - {d}  재 진 │ 외 래", "bad_noise": "혈압 132/84 ∙ 체온 T36.9℃ ∙ 비타민 D3 2000IU 복용",
}
HOLDOUT10_HOSPITALS = [
    ("참좋은내과의원", "참좋은내과의원", None),
    ("제일연합의원", "제일연합의원", "가정의학과"),
    ("ON바른정형외과의원", "on바른정형외과의원", None),
    ("성산대학교병원", "성산대학교병원", "외과"),
    ("의료법인 인화의료재단 중앙병원", "중앙병원", "소화기내과"),
    ("우리종합병원", "우리종합병원", "정형외과"),
    ("서울연세의원", "서울연세의원", "내과"),
    ("새서울비뇨의학과의원", "새서울비뇨의학과의원", None),
    ("연세참피부과의원", "연세참피부과의원", None),
    ("동산한의원", "동산한의원", None),
]
HOLDOUT10_DIAGNOSES = [
    ("기타 명시된 당뇨병", "E139", "E13.9"), ("비타민B12 결핍성 빈혈", "D51.9", "D51.9"), ("기타 이차성 고혈압", "I158", "I15.8"),
    ("상세불명의 소화성 궤양", "K27.9", "K27.9"), ("어깨의 유착성 관절낭염", "M75.0", "M75.0"), ("발작성 심실상성 빈맥", "I47.1", "I47.1"),
    ("혼합성 고지질혈증", "E78.2", "E78.2"), ("설사를 동반한 과민대장증후군", "K58.0", "K58.0"), ("인플루엔자(바이러스 미확인)", "J111", "J11.1"),
    ("요추의 염좌 및 긴장", "S33.5", "S33.5"), ("기타 만성 췌장염", "K86.1", "K86.1"), ("상세불명의 다발신경병증", "G629", "G62.9"),
]
HOLDOUT10_EXAMS = ["뇌 MRA(자기공명혈관조영)", "하복부 초음파", "위장 조영검사(UGIS)", "유방 초음파(양측)", "경추 CT", "골반 MRI",
                   "동맥경화도 검사(ABI)"]
HOLDOUT11 = {  # an eleventh held-out wording: 통원치료 확인서 / 입원사실 증명서 / 진료기록 사본 증명서 forms, "(label)" fields, "=>" "▷" "※" "·"
    "titles": {"외래 진료기록": "통원치료 확인서 ※ 외래 진료 내역", "영상 판독 결과지": "내시경 · 영상 검사 결과지",
               "퇴원요약지": "입원사실 증명서", "수술기록지": "수술 기록 (수술명 / 수술일)", "병리 결과 보고서": "병리 검사 결과지 (생검 조직)",
               "초진 기록지": "초진 진찰 기록 (발병일 · 과거 병력)", "진료기록": "진료기록 사본 증명서", "경과기록지": "외래 경과 · 처방 기록"},
    "dates": ["{y} 년 {m} 월 {d} 일", "{y}.{m:02d}.{d:02d}.", "{yy:02d}/{m:02d}/{d:02d}", "{y}-{m}-{d} {hh:02d}:{mm:02d}",
              "{y} - {m:02d} - {d:02d}", "{y}.{m:02d}.{d:02d} ({hh:02d}:{mm:02d})"],
    "range_start": "{y}.{m:02d}.{d:02d}", "range_end": "{y}.{m:02d}.{d:02d}",
    "patient": "(환자명) 배가명 · 여 · (병록번호) {no}\n(주민등록번호) ******-******* · (생년월일) {birth}",
    "issue": "※ 위와 같이 통원 사실을 확인하여 증명서를 발급함 - {d}",
    "contract_line": "※ 보험금 청구서 첨부 · 보험 계약일 {d} · 제출처 ○○생명보험(주)",
    "visit_first": "(내원일 / 초진 · 외래)\n      {d}", "visit_again": "※ 재진 · 외래 진료 일시 ········· {d}",
    "dx": "진단명 - {name} (KCD: {code})",
    "stay_dx": "진단명 : {name}, {name2} / KCD : {code}, {code2}", "co_dx": ("위-식도 역류병", "K219", "K21.9"),
    "rx": "처방 => 발사르탄정 80mg 1일 1회 아침 식후 × {days}일 (원외 처방)",
    "table": "{n}  {d}  {dept}  {code}  {name}", "table_rx": " (투약 {days}일)",
    "column": "{d} => {name}, {code}", "column_rx": " · {days}일 처방",
    "exam": "▷ 검사명 => {name}\n▷ 검사 시행일 => {d}", "finding": "▷ 판독 소견 => {finding}",
    "report": "판독의 한○○ (전문의) · 결과 보고일 - {d}",
    "stay_range": "(입원 기간) {s}-{e} · 7층 병동 (일반실)",
    "stay_pair": "(입원 일자)                    (퇴원 일자)\n      {s}              {e}",
    "stay_course": "경과 - 입원 치료 후 증상 호전 · 자택으로 퇴원",
    "surgery": "수술명={op} ; 수술일={d} ; 집도의=외과 ○○○", "anaesthesia": "마취=전신마취(GA) ; 수술 시간=1시간 20분 ; 출혈=소량",
    "specimen": "(검사 시행일) {d} · 생검 조직 2점 → 병리과 판독 의뢰", "pathology": "(병리 진단) {name} [{code}]",
    "path_report": "병리 판독 완료 · 결과 보고일 ········· {d}",
    "booking": "※ 다음 진료 예약 - 채혈 후 결과 확인 - {d} 오후 2시", "history_header": "(과거 병력 · 본인 진술)",
    "history_line": "   수술력={t} ; 시기={d}", "history_style": 0,
    "written": "※ 증명서 작성 일자 (원무과 확인)\n      {d}",
    "explain": "※ 결과 설명 (외래 재진) => {d}", "retest": "※ 권고 - 6개월 후 같은 검사 재시행 (추적 검사)",
    "present_illness": "(발병일) 약 3년 전 · (현병력) 혈압이 높아 동네 내과의원에서 혈압약 복용 중이라 함",
    "referral": "※ 의뢰 기관 - {name} (진료의뢰서 지참 · 협진 회신 요청)",
    "course": "경과 - 자각 증상 없음 · 활력징후 안정 · 같은 약 처방 유지", "print": "{header} ※ 사본 출력 일시 {d} 10:05 ※ 출력자 원무과",
    "footer": "- {n} / {total} - ※ 위 사본은 원본과 같음을 증명함", "copy_header": "통원·입원 기록 사본 (원무과 발급)", "column_width": 100,
    "bad_title": "통 원 치 료 확 인 서 ( 스 캔 )", "bad_visit": "내 원 일 => {y} -{m:02d}- {d:02d}  ( 초 진 )",
    "bad_dx": "진 단 명 ( K C D ) : {code}",
    "bad_codes": [("i 10", "I10"), ("m5 45)", "M54.5"), ("J2 0.9", "J20.9"), ("r10 4", "R10.4")],
    "bad_again": "{yy:02d}/{m}/{d}  재 진 ※ 외 래", "bad_noise": "체온 T36.4℃ · 비타민 B6 복용 · Hb 12.9 g/dL · SpO2 98%",
}
HOLDOUT11_HOSPITALS = [
    ("행복한내과의원", "행복한내과의원", None),
    ("대한가정의원", "대한가정의원", "가정의학과"),
    ("사랑의원", "사랑의원", "내과"),
    ("대명대학교병원", "대명대학교병원", "외과"),
    ("의료법인 정성병원", "정성병원", "소화기내과"),
    ("강남든든병원", "강남든든병원", "정형외과"),
    ("새롬병원", "새롬병원", "내과"),
    ("아이사랑소아청소년과의원", "아이사랑소아청소년과의원", None),
    ("미소치과의원", "미소치과의원", None),
    ("자연한의원", "자연한의원", None),
]
HOLDOUT11_DIAGNOSES = [
    ("2형 당뇨병(합병증 동반)", "E118", "E11.8"), ("상세불명의 빈혈", "D649", "D64.9"), ("본태성 고혈압증", "I10", "I10"),
    ("만성 위궤양", "K25.7", "K25.7"), ("무릎 반월상연골 파열", "S832", "S83.2"), ("발작성 심방세동", "I48.0", "I48.0"),
    ("고트리글리세라이드혈증", "E781", "E78.1"), ("세균성 폐렴", "J15.9", "J15.9"), ("급성 후두기관염", "J042", "J04.2"),
    ("급성 방광염", "N30.0", "N30.0"), ("췌장의 낭", "K862", "K86.2"), ("어깨 충돌증후군", "M75.4", "M75.4"),
]
HOLDOUT11_EXAMS = ["수면 위내시경", "흉부 HRCT", "어깨 관절 초음파", "요추 MRI(조영 증강)", "복부 비조영 CT", "심장 초음파(TTE)",
                   "전립선 초음파(TRUS)"]
HOLDOUT12 = {  # a twelfth held-out wording: 진료비 세부내역서 / 검사 결과 조회 / 재원 증명서 / 예진표 / 만성질환 관리 forms, "◎" "▶" "／" "：" marks
    "titles": {"외래 진료기록": "진료비 세부내역서 (외래 · 일자별)", "영상 판독 결과지": "검사 결과 조회 (EMR 출력본)",
               "퇴원요약지": "재원 증명서 (입원 · 퇴원 확인)", "수술기록지": "수술·시술 내역서", "병리 결과 보고서": "생검 결과 안내문 (병리과)",
               "초진 기록지": "예진표 및 초진 기록", "진료기록": "진료 내역 안내 (환자 보관용)", "경과기록지": "만성질환 관리 기록 ◎ 외래 방문"},
    "dates": ["{y}/{m:02d}/{d:02d}({w})", "{yy:02d}.{m}.{d}.", "{y}年 {m}月 {d}日", "{y}-{m:02d}-{d:02d} {hh:02d}시 {mm:02d}분",
              "'{yy:02d}.{m:02d}.{d:02d}", "{y}{m:02d}{d:02d}"],
    "patient": "◎ 성명 ／ 생년월일 ： 노하윤 ／ {birth} ◎ 성별 ： 여 ◎ 등록번호 ： {no} ◎ 주민등록번호 ： ******-*******",
    "issue": "◎ 용도 ： 보험금 청구 ／ 발급 『{d}』 ／ 발급 번호 제 781 호",
    "contract_line": "◎ 청구 참고 ： 보험 가입일 {d} (청구인 기재 사항)",
    "visit_first": "진료 개시일 ▶ {d} (외래 · 초진)", "visit_again": "진료일 ： {d} ／ 진료 형태 ： 외래 ／ 초·재진 ： 재진",
    "dx": "◎ 상병명(주) ： {name} 〈{code}〉",
    "stay_dx": "주상병／부상병 ： {code} {name} ／ {code2} {name2}", "co_dx": ("저칼륨혈증", "E876", "E87.6"),
    "rx": "▶ 원외처방전 발행 ： 올메사르탄메독소밀정 20mg 1정 1일 1회 아침 ／ {days}일간 복용",
    "table": "{d}  {dept} 외래  {name}  〈{code}〉", "table_rx": "  {days}일 투약",
    "column": "{d} ▶{code}-{name}", "column_rx": " ／{days}일",
    "exam": "◎ 검사명 ： {name}  ◎ 검사 일시 ： {d} 10:40", "finding": "▶ 결론 및 권고 ： {finding}",
    "report": "판독의 ： 영상의학과 전문의 ○○○ ({d} 보고)",
    "stay_range": "입원일~퇴원일 ： {s} ~ {e} ／ 8병동 (다인실)", "stay_pair": "▶ 입원 ： {s} ／ ▶ 퇴원 ： {e} ／ 퇴원 형태 ： 귀가",
    "stay_course": "◎ 입원 중 처치 ： 수액 및 항생제 치료 ／ 퇴원 시 상태 ： 호전",
    "surgery": "◎ 수술(시술)명 ： {op} ／ 수술 일자 『{d}』", "anaesthesia": "◎ 마취 방법 ： 전신마취 ／ 수술 시간 ： 55분",
    "specimen": "◎ 조직 채취(내시경 생검) ： {d} ／ 검체 2점", "pathology": "▶ 병리 진단 ： {code} - {name}",
    "path_report": "▶ 병리과 전문의 ○○○ 판독 ／ 결과 보고 『{d}』",
    "booking": "▶ 다음 진료 예정 ： {d} 오전 9시 30분 (예약 완료 · 공복 채혈)", "history_header": "▶ 과거 병력 ： 수술 1회 (타원)",
    "history_line": "   {t} ／ {d} 경 시행 (본인 진술)", "history_style": 2,
    "written": "상기 기재 사항은 사실과 틀림없음 ／ {d} ／ 담당의 ○○○ (서명)",
    "explain": "외래 재진 (결과 확인일) ▶ {d}", "retest": "▶ 추적 관찰 ： 4개월 후 동일 검사 재시행 권유",
    "present_illness": "◎ 예진(간호사) ： 혈압 154/94 ／ 약 5년 전 고혈압 진단 후 보건소에서 혈압약 복용 중이라 함",
    "referral": "▶ 의뢰 의료기관 ： {name} ／ 요양급여의뢰서 원본 지참",
    "course": "◎ 경과 ： 혈압 132/80 ／ 특이 호소 없음 ／ 동일 처방 지속", "print": "{header} 〈출력 {d} 13:52 ／ 원무과〉",
    "footer": "〈 {n} ／ {total} 〉 ◎ 원본과 대조 필", "copy_header": "진료 관련 서류 사본 (청구용)", "column_width": 108,
    "bad_title": "외 래 진 료 확 인 ( 팩 스 수 신 본 )", "bad_visit": "진 료 개 시 일 ▶ {y}/ {m:02d} /{d:02d}  ( 초 진 )",
    "bad_dx": "주 상 병 ： {code} -",
    "bad_codes": [("j30. 4", "J30.4"), ("M 1 7 9", "M17.9"), ("K)76.0", "K76.0"), ("b18 .1)", "B18.1")],
    "bad_again": "{yy:02d}. {m:02d}. {d:02d}.  재 진 ／ 외 래", "bad_noise": "체온 T36.7℃ ／ 혈압 128/78 ／ 비타민 B12 복용",
}
HOLDOUT12_HOSPITALS = [
    ("맑은샘내과의원", "맑은샘내과의원", None),
    ("SM연합의원", "sm연합의원", "가정의학과"),
    ("밝은미래의원", "밝은미래의원", "내과"),
    ("청림대학교병원", "청림대학교병원", "외과"),
    ("의료법인 동호의료재단 동호병원", "동호병원", "류마티스내과"),
    ("일산햇빛병원", "일산햇빛병원", "신경외과"),
    ("새희망병원", "새희망병원", "내과"),
    ("편한마취통증의학과의원", "편한마취통증의학과의원", None),
    ("고운성형외과의원", "고운성형외과의원", None),
    ("바른신경과의원", "바른신경과의원", None),
]
HOLDOUT12_DIAGNOSES = [
    ("합병증 없는 2형 당뇨병", "E11.9", "E11.9"), ("증상 없는 고요산혈증", "E790", "E79.0"), ("원발성 고혈압", "I10", "I10"),
    ("기타 위염(미란성)", "K29.6", "K29.6"), ("요추의 기타 척추증", "M4786", "M47.86"), ("비류마티스성 승모판 폐쇄부전", "I34.0", "I34.0"),
    ("상세불명의 고지혈증", "E785", "E78.5"), ("상세불명의 기능성 장장애", "K59.9", "K59.9"), ("상세불명의 급성 하기도감염", "J22", "J22"),
    ("어깨의 석회성 건염", "M753", "M75.3"), ("담낭의 콜레스테롤증", "K824", "K82.4"), ("상세불명의 두드러기", "L50.9", "L50.9"),
]
HOLDOUT12_EXAMS = ["위·대장 내시경(동시 시행)", "뇌 CT(비조영)", "간 초음파(간·담도)", "슬관절 MRI", "흉부 X선(PA·Lat)", "24시간 활동 심전도",
                   "골밀도 검사(DEXA)"]
HOLDOUT13 = {  # a thirteenth held-out wording: 진료비 납입 확인서 / 간호기록 요약 / 수탁 병리 / 약제 처방 내역 forms, "：：" "❖" "∷" "‖" "［］" marks
    "titles": {"외래 진료기록": "진료비 납입 확인서 ❖ 외래 진료일 내역", "영상 판독 결과지": "검사 결과 상담 기록 ∷ 영상의학과 판독 첨부",
               "퇴원요약지": "간호기록 요약 ∷ 입원 · 퇴원", "수술기록지": "수술 동의서 사본 ∷ 수술 후 기록", "병리 결과 보고서": "수탁 병리검사 결과 보고 ∷ 조직",
               "초진 기록지": "신환 병력 청취지 ∷ 외래 첫 진료", "진료기록": "진료 사실 조회 회신서 (보험사 조회용)", "경과기록지": "약제 처방 내역 ∷ 외래 반복 처방"},
    "dates": ["{y}. {m}. {d}.", "{yy:02d}年{m}月{d}日", "{y}-{m:02d}-{d:02d}({w}) {hh:02d}:{mm:02d}", "{y}/{m}/{d}",
              "{y}. {m}. {d}. {ap} {h12}:{mm:02d}", "{y}년{m:02d}월{d:02d}일"],
    "patient": "❖ 환자번호 {no} ❖ 성명 오가람 ❖ 성별 여\n❖ 생년월일(양력) ：： {birth} ❖ 주민등록번호 ******-*******",
    "issue": "상기와 같이 진료비 납입 사실을 확인함 ：： {d} ◇ 발급처 원무과 수납 창구 (직인 생략)",
    "contract_line": "◇ 조회 의뢰 ：： ○○생명보험(주) ◇ 청약일 ：： {d} (보험사 조회서 기재 사항)",
    "visit_first": "진료 시작일 ：： {d} ◇ 외래 진료분", "visit_again": "▷▷ {d} ◇ 재진 (외래) ◇ 수납 완료",
    "dx": "❖ 상병코드      상병명\n   {code}      {name}",
    "stay_dx": "입원 상병 ：： {code} : {name} ; {code2} : {name2}", "co_dx": ("변비", "K590", "K59.0"),
    "rx": "❖ 처방 약제 ：： 다파글리플로진·메트포르민서방정 10/1000mg · 1-0-0 · {days}일분 (원외)",
    "table": "{d}  외래 ∷ {dept}  {code} : {name}", "table_rx": "  ∷ {days}일분",
    "column": "{d} ▷ {code}/{name}", "column_rx": " ∷{days}일",
    "exam": "［실시］ {d} ［항목］ {name}", "finding": "［소견］ {finding}",
    "report": "［판독］ 영상의학과 ○○○ ［확정］ {d}",
    "stay_range": "❖ 입원 {s} ∼ 퇴원 {e} ❖ 71병동 (4인실)",
    "stay_pair": "◇ 입원 일시 ：： {s} 08:15 (응급실 통해 입원)\n◇ 퇴원 일시 ：： {e} 16:30 (귀가)",
    "stay_course": "◇ 간호 요약 ：： 정맥 수액 주입 · 활력징후 4시간마다 측정 · 식이 진행 후 퇴원 교육",
    "surgery": "◇ 수술명 ：： {op}\n◇ 시행 일자 ：： {d} (동의서 서명 후 시행)", "anaesthesia": "◇ 마취 ：： 전신마취 (ETT) ◇ 회복실 경유 병실 이동",
    "specimen": "［채취］ {d} ［검체］ 내시경 생검 조직 2점 (수탁기관 송부)", "pathology": "［결과］ {name} {{{code}}}",
    "path_report": "≫ 수탁기관 회신 ：： {d} (병리 전문의 전자서명)",
    "booking": "▷▷ 다음 내원 안내 ：： {d} 오후 3:20 (전화 예약)", "history_header": "◇ 과거 수술 경험 ：： 있음 (환자 기재)",
    "history_line": "   ‖ {t} ‖ {d} 무렵", "history_style": 1,
    "written": "◇ 요약 작성 ：： 병동 간호사 ○○○ ‖ {d}",
    "explain": "◇ 결과 설명 외래 ：： {d} (보호자 동반)", "retest": "◇ 향후 ：： 6개월 뒤 같은 검사로 추적검사 받도록 안내함",
    "present_illness": "◇ 병력 청취 ：： 약 2년 전 직장 검진에서 혈압이 높다는 말을 듣고 근처 의원에서 약을 처방받아 먹고 있음 (환자 기재)",
    "referral": "◇ 의뢰 요양기관명 ：： {name} ◇ 의뢰서 원본 스캔 첨부",
    "course": "◇ 경과 ：： 혈압 126/78 ◇ 약 복용 규칙적 ◇ 동일 약 처방", "print": "{header} ［출력본 · {d} 16:44］",
    "footer": "◇ {n}면 (총 {total}면) ◇ 본 사본은 원본과 상이 없음", "copy_header": "의무기록 복사 신청분 ∷ 환자 본인 열람용", "column_width": 120,
    "bad_title": "진 료 비 납 입 확 인 서 ( 스 캔 본 )", "bad_visit": "진 료 시 작 일 ：： {y}.{m} .{d}  ( 외 래 )",
    "bad_dx": "상 병 코 드 ：： {code}",
    "bad_codes": [("m50 2 )", "M50.2"), ("N4 11", "N41.1"), ("r 42)", "R42"), ("k26 7", "K26.7")],
    "bad_again": "{yy:02d} 년 {m} 월 {d} 일  ▷▷ 외 래 재 진", "bad_noise": "체온 T36.6℃ ◇ 비타민 D3 1000IU 복용 ◇ 혈당 108 mg/dL",
}
HOLDOUT13_HOSPITALS = [
    ("연희내과의원", "연희내과의원", None),
    ("온가족의원", "온가족의원", "가정의학과"),
    ("JH건강내과의원", "jh건강내과의원", None),
    ("서진대학교병원", "서진대학교병원", "외과"),
    ("의료법인 늘품의료재단 늘품병원", "늘품병원", "소화기내과"),
    ("창원고은병원", "창원고은병원", "내과"),
    ("해맑은병원", "해맑은병원", "내과"),
    ("한뜻흉부외과의원", "한뜻흉부외과의원", None),
    ("상록직업환경의학과의원", "상록직업환경의학과의원", None),
    ("솔빛피부비뇨기과의원", "솔빛피부비뇨기과의원", None),
]
HOLDOUT13_DIAGNOSES = [
    ("NIDDM (2형 당뇨)", "E119", "E11.9"), ("골감소증", "M858", "M85.8"), ("HTN", "I10", "I10"),
    ("십이지장궤양 (반흔기)", "K26.7", "K26.7"), ("경추 디스크 (C5-6)", "M50.2", "M50.2"), ("심실 조기수축 (PVC)", "I493", "I49.3"),
    ("이상지질혈증", "E785", "E78.5"), ("급성 장염", "A09.0", "A09.0"), ("독감 (인플루엔자 A형)", "J10.1", "J10.1"),
    ("만성 전립선염", "N411", "N41.1"), ("어지럼증", "R42", "R42"), ("안구건조증", "H04.1", "H04.1"),
]
HOLDOUT13_EXAMS = ["경동맥 내중막 두께 초음파(IMT)", "저선량 폐 CT(LDCT)", "트레드밀 운동부하 심전도", "췌장·담낭 초음파", "유방 MRI(양측)",
                   "갑상선 세침흡인 세포검사(FNA)", "방광 내시경"]
HOLDOUT14 = {  # a fourteenth held-out wording: 외래 진료 확인서 / 건강검진 결과 통보서 / 응급실 진료 기록 / 처방전 (약국 보관용) forms, "≡" "【】" "□" "■" "→" marks
    "titles": {"외래 진료기록": "외래 진료 확인서 (보험 청구용)", "영상 판독 결과지": "건강검진 결과 통보서 ≡ 영상 판독 소견 첨부",
               "퇴원요약지": "응급실 진료 기록 ≡ 병동 입퇴원 요약", "수술기록지": "수술 경과 기록 【집도의 작성】",
               "병리 결과 보고서": "내시경 검사 결과지 · 생검 병리 판정", "초진 기록지": "외래 초진 상담지 【문진 · 과거 병력】",
               "진료기록": "진료 정보 교류 기록지 (의뢰 · 회송)", "경과기록지": "처방전 (약국 보관용) ≡ 재진 처방 이력"},
    "dates": ["{y}.{m:02d}.{d:02d} ({w})", "'{yy:02d}-{m}-{d}", "{y}년 {m}월 {d}일({w}요일)", "{m:02d}/{d:02d}/{y}", "{y} . {m:02d} . {d:02d}",
              "{y}.{m:02d}.{d:02d} {hh:02d}:{mm:02d}:00"],
    "range_start": "{y}.{m}.{d}", "range_end": "{y}.{m}.{d}",
    "patient": "□ 성명 → 황보가설 □ 성별·생년월일 → 남 · {birth} □ 병록번호 → {no}",
    "issue": "위 환자가 본원 외래에서 진료받았음을 확인함 ≡ 확인서 발급 {d} ≡ 원무팀 (직인)",
    "contract_line": "≡ 보험 청구 참고 → 계약 체결일 {d} (청구인 기재)",
    "visit_first": "■ 진료 받은 일자 ≡ {d} ≡ 외래 진찰", "visit_again": "→ {d} 재방문 (외래 · 재진)",
    "dx": "【상병】 {name} ≡ {code}",
    "stay_dx": "【입원 상병】 {code}, {code2} ≡ {name} · {name2}", "co_dx": ("불면증", "G470", "G47.0"),
    "rx": "■ 원외 처방 ≡ 칸데사르탄실렉세틸정 8mg 1정 1일 1회 아침 → {days}일분",
    "table_head": "진료 일자  진료과 · 구분  【KCD】 상병명  투약",
    "table": "{d}  {dept} 통원  【{code}】 {name}", "table_rx": "  {days}일 원외처방",
    "column": "{d} ≡ {name} ｜ {code}", "column_rx": " ≡ {days}일",
    "exam": "【촬영·검사일】 {d} ｜ {name}", "finding": "【판독 소견】 {finding}",
    "report": "≡ 판독 소견서 서명 {d} (영상의학과 전문의)",
    "stay_range": "【재원】 {s} - {e} ≡ 51병동 (다인실)", "stay_pair": "■ 입원 수속 → {s} ■ 퇴원 수속 → {e}",
    "stay_course": "≡ 입원 중 경과 → 항생제 정맥 주사 후 해열 · 경구약 전환 후 퇴원",
    "surgery": "■ 수술 실시 → {d} ■ 술명 → {op}", "anaesthesia": "■ 마취 → 전신 (기관 삽관) ■ 출혈 소량 · 합병증 없음",
    "specimen": "【생검 채취】 {d} · 내시경하 위 전정부 3점", "pathology": "≡ 조직 판정 → {code} · {name}",
    "path_report": "≡ 병리 전문의 최종 확인 {d}",
    "booking": "□ 재방문 예정일 → {d} 09:30 (공복 채혈)", "history_header": "【과거 병력 · 수술】",
    "history_line": "· {t} → {d} (환자 기억)", "history_style": 2,
    "written": "□ 본 요약은 {d}에 작성됨 (주치의 확인)",
    "explain": "【결과 설명】 {d} 외래 재방문 (본인 내원)", "retest": "□ 향후 계획 → 9개월 뒤 같은 검사 재시행 (추적)",
    "present_illness": "【현 병력】 4년 전부터 타 의원에서 혈압약 복용 · 최근 아침 두통 호소",
    "referral": "【의뢰처】 {name} ｜ 진료 의뢰서 지참 · 회송 요청",
    "course": "≡ 경과 관찰 → 혈압 128/80 · 증상 안정 · 처방 동일", "print": "≡ {header} ≡ {d} 10:12 발행 사본 ≡",
    "footer": "【쪽 {n} · 총 {total}】 원본 대조 확인 · 의무기록팀", "copy_header": "의무기록 사본 【보험 청구용】", "column_width": 130,
    "bad_title": "응 급 실 진 료 기 록 ( 팩 스 )", "bad_visit": "응 급 내 원 ≡ {y} 년{m:02d}월 {d:02d} 일  ( 초 진 )",
    "bad_dx": "【 상 병 】 {code}",
    "bad_codes": [(")e14.2", "E14.2"), ("I2 4.9)", "I24.9"), ("j45 0", "J45.0"), ("M17. 0)", "M17.0")],
    "bad_again": "{yy:02d}/{m} /{d:02d}  외 래 → 재 진", "bad_noise": "고막 체온 T37.0℃ ≡ 비타민 B1 100mg · 칼슘/D3 정 복용 ≡ SpO2 97%",
}
HOLDOUT14_HOSPITALS = [
    ("편안한내과의원", "편안한내과의원", None),
    ("봄날가정의원", "봄날가정의원", "가정의학과"),
    ("JW튼튼내과의원", "jw튼튼내과의원", None),
    ("해든대학교병원", "해든대학교병원", "외과"),
    ("의료법인 한마루의료재단 한마루병원", "한마루병원", "소화기내과"),
    ("수원새길병원", "수원새길병원", "정형외과"),
    ("늘곁에병원", "늘곁에병원", "호흡기내과"),
    ("곧은척신경외과의원", "곧은척신경외과의원", None),
    ("속편한외과의원", "속편한외과의원", None),
    ("푸른들내분비내과의원", "푸른들내분비내과의원", None),
]
HOLDOUT14_DIAGNOSES = [
    ("신장 합병증 동반 당뇨병", "E142", "E14.2"), ("갑상선 기능 저하 (기타)", "E03.8", "E03.8"), ("고혈압 (본태성)", "I10", "I10"),
    ("위염, 상세불명", "K297", "K29.7"), ("양측 무릎 골관절염 (원발성)", "M17.0", "M17.0"), ("급성 허혈심장병", "I249", "I24.9"),
    ("고콜레스테롤혈증 (LDL 상승)", "E780", "E78.0"), ("만성 항문열창", "K60.1", "K60.1"), ("알레르기성 천식", "J450", "J45.0"),
    ("손발톱 무좀", "B35.1", "B35.1"), ("내치핵 (2도)", "K641", "K64.1"), ("긴장형 두통", "G44.2", "G44.2"),
]
HOLDOUT14_EXAMS = ["상부 위장관 내시경 (수면)", "관상동맥 CT 혈관조영(CCTA)", "흉부 단순촬영(PA)", "경동맥·갑상선 초음파", "요추 MRI (비조영)",
                   "대장 내시경 (용종 절제)", "순음 청력 검사(PTA)"]
HOLDOUT15 = {  # a fifteenth held-out wording: 진료확인서 (통원) / 입원 확인서 / 수술 시행 증명서 / 투약 내역서 forms, "▲" "△" "⇢" "＜＞" "〖〗" "☆" marks
    "titles": {"외래 진료기록": "진료확인서 (통원) ▲ 외래 내원 일자", "영상 판독 결과지": "초음파 · 영상 검사 결과 안내서",
               "퇴원요약지": "입원 확인서 ＜입원 날짜 · 퇴원 날짜＞", "수술기록지": "수술 시행 증명서 ＜수술 후 기재＞",
               "병리 결과 보고서": "조직병리 검사 보고서 〖병리과〗", "초진 기록지": "처음 내원 환자 기록지 (문진 포함)",
               "진료기록": "진료 경위서 ⇢ 의뢰 환자 회신", "경과기록지": "투약 내역서 ▲ 재진 경과 기록"},
    "dates": ["{y}.{m}.{d}.({w})", "'{yy:02d}/{m:02d}/{d:02d}", "{y}. {m:02d}. {d:02d} ({w}) {hh:02d}:{mm:02d}",
              "{y}년 {m:02d}월 {d:02d}일 ({w})", "{y}-{m}-{d}({w}) {hh}시", "{y}.{m}.{d} {hh:02d}:{mm:02d}"],
    "range_start": "{y}/{m:02d}/{d:02d}", "range_end": "{y}/{m:02d}/{d:02d}",
    "patient": "▲ 수진자 ＜탁시연＞ △ 여 △ 등록 No. {no} △ 출생 ＜{birth}＞",
    "issue": "이 확인서는 통원 사실과 다름없음을 증명합니다 ⇢ 교부 {d} ⇢ 원무과 증명 창구",
    "contract_line": "☆ 청구 참고 사항 ⇢ 보장 개시일 {d} (보험사 안내문 기준)",
    "visit_first": "▲ 첫 내원 ⇢ {d} △ 외래 신규 등록", "visit_again": "▲ 다시 방문 ⇢ {d} △ 외래 (재진)",
    "dx": "△ 상병: {name} - {code}",
    "stay_dx": "△ 진단 ＜주＞ {name} {code} / ＜부＞ {name2} {code2}", "co_dx": ("흑색변 (위장관 출혈)", "K921", "K92.1"),
    "rx": "△ 처방 ⇢ 리나글립틴정 5mg 1정 아침 식후 ＜{days}일분＞ (원외)",
    "table_head": "진료 일자  진료과 · 구분  진단명  (상병코드)",
    "table": "{d}  {dept} · 외래  {name}  ({code})", "table_rx": " ▲ {days}일분",
    "column": "{d} [주]{code} {name}", "column_rx": " △{days}일",
    "exam": "▲ {name} ⇢ 시행 날짜 {d}", "finding": "△ 결과 요약 ⇢ {finding}",
    "report": "△ Reported {d} (영상의학과 전문의 ○○○)",
    "stay_range": "▲ 입원하여 치료받은 기간 ⇢ {s} ~ {e} (일반 병실)", "stay_pair": "▲ 입원 날짜 ＜{s}＞ △ 퇴원 날짜 ＜{e}＞",
    "stay_course": "△ 입원 경과 ⇢ 수액 · 진통제 투여 후 증상 완화, 식사 가능하여 귀가",
    "surgery": "▲ 수술 날짜 ＜{d}＞ △ 수술 내용 ⇢ {op}", "anaesthesia": "△ 마취 ⇢ 전신 (LMA) △ 수술 후 회복실 40분 관찰",
    "specimen": "▲ 생검일 ⇢ {d} △ 내시경 조직 2점 (위 체부)", "pathology": "△ 최종 조직 소견 ⇢ {code}({name})",
    "path_report": "△ 병리 보고서 발행 ＜{d}＞ 병리과 전문의",
    "booking": "☆ 다음 내원 날짜 ⇢ {d} 08:20 (검사 후 진료)", "history_header": "〖과거 수술 · 입원〗",
    "history_line": "   △ {t} ＜{d}＞ 받음 (본인 진술)", "history_style": 3,
    "written": "☆ 확인서 기록 ⇢ 병동 주치의 ○○○ ＜{d}＞",
    "explain": "▲ 결과 듣기 위해 내원 ⇢ {d} (외래)", "retest": "☆ 앞으로 ⇢ 8개월 뒤 같은 검사를 다시 받으세요 (추적 관찰)",
    "present_illness": "〖병력〗 5년 전 회사 검진에서 혈당이 높다는 말을 듣고 동네 의원에서 약 복용 · 최근 갈증 호소",
    "referral": "〖의뢰 기관〗 {name} ⇢ 진료의뢰서 · 검사지 사본 지참",
    "course": "△ 경과 ⇢ 공복 혈당 118 · 식이 조절 잘 함 · 약 그대로", "print": "{header} ▲ 제증명 창구 인쇄본 ▲ {d} 11:26",
    "footer": "△ {n} 쪽 / 모두 {total} 쪽 △ 원본과 같음을 확인함", "copy_header": "진료 기록 인쇄본 〖제출용〗", "column_width": 128,
    "bad_title": "진 료 확 인 서 ( 통 원 ) 팩 스 사 본", "bad_visit": "첫 내 원 ⇢ {y}.{m:02d}. {d:02d}.  ( 외 래 )",
    "bad_dx": "상 병 :  - {code}",
    "bad_codes": [("e0 5.0", "E05.0"), ("K2)97", "K29.7"), ("j20 0", "J20.0"), ("m2 2 4", "M22.4")],
    "bad_again": "'{yy:02d}. {m}. {d}  다 시 방 문 △ 외 래", "bad_noise": "체온 T36.9℃ △ 맥박 74 △ 비타민 B2·B6 복합정 복용 △ SpO2 99%",
}
HOLDOUT15_HOSPITALS = [
    ("이룸내과의원", "이룸내과의원", None),
    ("솔향가정의원", "솔향가정의원", "가정의학과"),
    ("GN예담의원", "gn예담의원", None),
    ("한별대학교병원", "한별대학교병원", "외과"),
    ("의료법인 온유의료재단 온유병원", "온유병원", "소화기내과"),
    ("부산참빛병원", "부산참빛병원", "정형외과"),
    ("대전세움병원", "대전세움병원", "순환기내과"),
    ("지음류마티스내과의원", "지음류마티스내과의원", None),
    ("담소소화기내과의원", "담소소화기내과의원", None),
    ("예닮유방외과의원", "예닮유방외과의원", None),
]
HOLDOUT15_DIAGNOSES = [
    ("당뇨병 2형", "E119", "E11.9"), ("그레이브스병", "E05.0", "E05.0"), ("일차성 고혈압", "I10", "I10"),
    ("위염, 헬리코박터 연관", "K297", "K29.7"), ("슬개골 연골연화증", "M22.4", "M22.4"), ("동기능부전 증후군", "I495", "I49.5"),
    ("혼합형 이상지질혈증", "E78.2", "E78.2"), ("치루 (항문루)", "K60.3", "K60.3"), ("마이코플라스마 기관지염", "J200", "J20.0"),
    ("편두통, 조짐 동반", "G43.1", "G43.1"), ("단순 신낭종", "N281", "N28.1"), ("원발성 통풍", "M10.0", "M10.0"),
]
HOLDOUT15_EXAMS = ["우상복부 초음파 (담낭 집중)", "심장 MRI (조영 증강)", "전립선 MRI (다중 매개변수)", "흉부 CT (조영 증강)", "위 이중조영 촬영",
                   "척추 골밀도 (DXA)", "24시간 혈압 모니터링"]
HOLDOUT16 = {  # a sixteenth held-out wording: 진료사실 증명원 / 입원 진료비 계산서 / 수술 소견서 / 병리검사 성적서 / 진료 정보 제공서 forms, "◐" "◑" "⇀" "‥" "〘〙" "≪≫" "（）" "⑴" "㉮" "№" marks
    "titles": {"외래 진료기록": "진료사실 증명원 ◐ 외래 진료일별", "영상 판독 결과지": "영상 검사 판독 회신 ⇀ 외래 상담 기록",
               "퇴원요약지": "입원 진료비 계산서 · 영수증 〘입원 내역 발췌〙", "수술기록지": "수술 소견서 〘집도 후 요약〙",
               "병리 결과 보고서": "세포 · 조직 병리검사 성적서", "초진 기록지": "외래 초회 진찰지 （건강 설문 첨부）",
               "진료기록": "진료 정보 제공서 ⇀ 전원 환자", "경과기록지": "복약 상담 · 재진 기록부"},
    "dates": ["{y}-{m:02d}-{d:02d} ({w})", "{yy:02d}년 {m:02d}월 {d:02d}일", "{y}/{m}/{d} {hh:02d}:{mm:02d}",
              "{y}년 {m}월 {d}일 {hh}시 {mm:02d}분", "{yy:02d}.{m}.{d}", "{y}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}"],
    "range_start": "{y}-{m:02d}-{d:02d}", "range_end": "{m:02d}-{d:02d}",
    "patient": "◐ 수진자 모하람 （여） ◐ 생년월일 〘{birth}〙 ◐ № {no}",
    "issue": "◐ 위 사람이 본원 외래에서 진료받았음을 증명함 ⇀ 증명일 〘{d}〙 ⇀ 원무과장 （직인）",
    "contract_line": "◑ 보험 청구 참고 ‥ 청약 승낙일 {d} （보험사 통지문 기준）",
    "visit_first": "◐ 외래 초회 진찰 ⇀ {d}", "visit_again": "◑ 재진 외래 ‥ {d} （정기 방문）",
    "dx": "⑴ 진단 ⇀ {name} 〘{code}〙",
    "stay_dx": "⑴ 퇴원 진단 {name}({code}) ⑵ 부 진단 {name2}({code2})", "co_dx": ("저나트륨혈증", "E871", "E87.1"),
    "rx": "◑ 원외처방 ⇀ 피타바스타틴칼슘정 2mg 1정 1일 1회 저녁 ‥ {days}일치",
    "table_head": "진료일  상병명  진료과  분류번호",
    "table": "{d}  {name}  {dept} 외래  분류 {code}", "table_rx": " ⇀ {days}일치",
    "column": "{d} ⑴{code} {name}", "column_rx": " ‥{days}일",
    "exam": "◐ 검사 〘{name}〙 ⇀ 시행 {d}", "finding": "◑ 판독 요지 ‥ {finding}",
    "report": "◑ Verified by 영상의학과 ○○○ on {d}",
    "stay_range": "◐ 입원 진료기간 {s} ~ {e} （일반 5인실）", "stay_pair": "◐ 입원 진료 시작 {s} ◐ 입원 진료 종료 {e}",
    "stay_course": "◑ 퇴원 당시 상태 ‥ 수액 치료 후 식이 진행 · 호전되어 귀가",
    "surgery": "◐ {op} ⇀ {d} 시행 （집도 ○○○）", "anaesthesia": "◑ 마취 ‥ 전신 （정맥 + 흡입） · 회복실 경유",
    "specimen": "◐ 조직 떼어낸 날 ⇀ {d} ◐ 내시경 생검 3편", "pathology": "◑ 조직 진단명 ⇀ {name} ‥ 분류 {code}",
    "path_report": "◑ 성적 확정 {d} ‥ 병리과 ○○○",
    "booking": "◑ 다음 진료 ⇀ {d} 예약됨 （변경은 전화로）", "history_header": "◐ 이전 수술 · 시술 경험",
    "history_line": "   ㉮ {t}, {d}경 타원 시행 （본인 기억）", "history_style": 4,
    "written": "◐ {d} 퇴원 요약 서명 완료 （병동 주치의）",
    "explain": "◐ 결과 상담 （외래） ⇀ {d} 내원", "retest": "◑ 권고 ‥ 1년 뒤 같은 검사로 다시 확인",
    "present_illness": "◐ 문진 ⇀ 약 6년 전 직장 검진에서 혈압이 높다고 하여 동네 내과에서 약 복용 중",
    "referral": "◐ 보내온 기관 ⇀ {name} （진료 정보 제공서 동봉）",
    "course": "◑ 재진 경과 ‥ 혈압 130/82 · 복약 잘 지킴 · 같은 처방 유지", "print": "{header} ◑ 출력 ≪{d} 15:03≫ 원무과",
    "footer": "◐ 쪽번호 {n}-{total} ◐ 원본 대조 확인필 （의무기록실）", "copy_header": "의무기록 사본 ≪제출용≫", "column_width": 140,
    "bad_title": "진 료 사 실 증 명 원 ( 팩 스 전 송 본 )", "bad_visit": "외 래 초 회 ⇀ {y} - {m} -{d:02d}  ( 진 찰 )",
    "bad_dx": "⑴ 진 단 〘 {code} 〙",
    "bad_codes": [("k 2 9 5", "K29.5"), ("s13. 4)", "S13.4"), ("I4)8.1", "I48.1"), ("a04 .9", "A04.9")],
    "bad_again": "{yy:02d} .{m:02d}. {d:02d}  재 진 ‥ 외 래", "bad_noise": "체온 T36.8℃ ‥ 비타민 D3 1000IU 복용 ‥ 맥박 72회",
}
HOLDOUT16_HOSPITALS = [
    ("미쁨내과의원", "미쁨내과의원", None),
    ("새터가정의원", "새터가정의원", "가정의학과"),
    ("DH다인의원", "dh다인의원", None),
    ("소솜대학교병원", "소솜대학교병원", "외과"),
    ("의료법인 보듬의료재단 보듬병원", "보듬병원", "소화기내과"),
    ("청주다움병원", "청주다움병원", "정형외과"),
    ("제주한올병원", "제주한올병원", "순환기내과"),
    ("숨편한호흡기내과의원", "숨편한호흡기내과의원", None),
    ("튼솔신장내과의원", "튼솔신장내과의원", None),
    ("하랑심장내과의원", "하랑심장내과의원", None),
]
HOLDOUT16_DIAGNOSES = [
    ("당뇨병, 2형", "E11.9", "E11.9"), ("비만, 상세불명", "E669", "E66.9"), ("본태 고혈압", "I10", "I10"),
    ("만성 위염, 장상피화생", "K295", "K29.5"), ("목 부위 염좌 및 긴장", "S134", "S13.4"), ("지속성 심방세동", "I48.1", "I48.1"),
    ("세균성 장염", "A04.9", "A04.9"), ("급성 췌장염, 담석성", "K851", "K85.1"), ("인후두염, 급성", "J060", "J06.0"),
    ("아토피 결막염", "H101", "H10.1"), ("손목 결절종", "M67.4", "M67.4"), ("편도 주위 농양", "J36", "J36"),
]
HOLDOUT16_EXAMS = ["갑상선 초음파 （결절 추적）", "폐 기능 검사 （기관지 확장 전후）", "복부 CT （간 역동적 조영）", "경동맥 초음파 （죽상판 평가）",
                   "운동 부하 심초음파", "무릎 X-ray （체중 부하）", "수면 대장내시경 （용종 확인）"]
P = TUNED
MAJOR = ("C", "D0", "D1", "D2", "D3", "D4", "I10", "I11", "I12", "I13", "I20", "I21", "I22", "I23", "I24", "I25", "I50",
         "I05", "I06", "I07", "I08", "I34", "I35", "I36", "I37", "I38", "I39", "I6", "K70", "K71", "K72", "K73", "K74",
         "K75", "K76", "B15", "B16", "B17", "B18", "B19", "E10", "E11", "E12", "E13", "E14", "B20", "B21", "B22", "B23", "B24", "Z21")
CHRONIC = ("E10", "E11", "E14", "I10", "I11", "I12", "I13", "E78")
with open(os.path.join(HERE, "..", "..", "src", "Grains", "Rules", "Disclosure", "policies.json"), encoding="utf-8") as f:
    REGULAR_DRUG_CLASSES = json.load(f)["regularDrugClasses"]
POLICIES = {
    "3.1.5": [("within_3_months", "months", 3), ("within_1_year", "years", 1), ("within_5_years", "years", 5)],
    "3.2.5": [("within_3_months", "months", 3), ("within_2_years", "years", 2), ("within_5_years", "years", 5)],
}


def d(s):
    return date.fromisoformat(s)


def fmt(x, style=0):
    """Date formats of domain.md §6.1 (a set may write its own, "dates": HOLDOUT8 to HOLDOUT13)."""
    if "dates" in P:
        t = x.toordinal()
        hh = 8 + t % 10
        return P["dates"][style % len(P["dates"])].format(y=x.year, m=x.month, d=x.day, yy=x.year % 100, w="월화수목금토일"[x.weekday()],
                                                         hh=hh, mm=(t * 7) % 60, ap="오전" if hh < 12 else "오후",
                                                         h12=hh if hh <= 12 else hh - 12)
    return [f"{x:%Y.%m.%d}", f"{x:%Y-%m-%d}", f"{x.year}. {x.month:02d}. {x.day:02d}.", f"{x.year}년 {x.month}월 {x.day}일",
            f"{x:%Y/%m/%d}", f"{x:%y.%m.%d}", f"{x:%Y%m%d}"][style % 7]


def shift(j, unit, n):
    if unit == "days":
        return j - timedelta(days=n)
    if unit == "years":
        y = j.year - n
        m = j.month
    else:
        m0 = j.month - 1 - n
        y = j.year + m0 // 12
        m = m0 % 12 + 1
    import calendar
    return date(y, m, min(j.day, calendar.monthrange(y, m)[1]))


class Case:
    def __init__(self, case_id, kind, layout, seed):
        self.id, self.kind, self.layout = case_id, kind, layout
        self.rng = random.Random(seed)
        self.docs = []          # [{name, kind: pdf|txt, pages: [[lines]], header, footer}]
        self.events = []        # expected events
        self.must_not = []      # fake dates
        self.contracts = []

    def doc(self, name, kind="pdf", header=None, footer=None):
        doc = {"name": name, "kind": kind, "pages": [[]], "header": header, "footer": footer}
        self.docs.append(doc)
        return doc

    def page(self, doc):
        doc["pages"].append([])

    def line(self, doc, text):
        # A set may put a label on one line and its value on the next ("\n" in a template: HOLDOUT11).
        doc["pages"][-1].extend(text.split("\n"))

    def event(self, doc, when, etype, hospital_key, codes=(), end=None, admission_days=None, names=(), exam=None, meds=None):
        self.events.append({"file": self.docs.index(doc) + 1, "page": len(doc["pages"]), "date": when.isoformat(),
                            "endDate": end.isoformat() if end else None, "type": etype, "hospitalKey": hospital_key,
                            "codes": list(codes), "names": list(names), "admissionDays": admission_days, "exam": exam,
                            "medicationDays": meds})

    def fake(self, when, why):
        self.must_not.append({"date": when.isoformat(), "reason": why})


# ---- record writers ---------------------------------------------------------------------------------------------

def header_block(c, doc, hospital, title, patient=True, issue=None):
    name, key, dept = hospital
    c.line(doc, f"{name} {dept or ''}".strip())
    c.line(doc, P.get("titles", {}).get(title, title))  # a set may retitle the documents (HOLDOUT7)
    if patient:
        birth = date(1960 + c.rng.randrange(30), 1 + c.rng.randrange(12), 1 + c.rng.randrange(28))
        c.line(doc, P["patient"].format(birth=fmt(birth, c.rng.randrange(2)), no=c.rng.randrange(10**7, 10**8)))
        c.fake(birth, "birth")
    if issue:
        c.line(doc, P["issue"].format(d=fmt(issue)))
        c.fake(issue, "issue")


def visit(c, doc, hospital, when, dx, style=0, meds=None, note=None, layout="free"):
    name, key, dept = hospital
    # Regular medication needs a drug of the configured classes named in the row (a bare "30일분" names none).
    rx = P["column_rx" if layout == "two_column" else "table_rx" if layout == "table" else "rx"]
    drug = bool(meds) and any(drug_class in rx for drug_class in REGULAR_DRUG_CLASSES)
    if layout == "two_column":
        # A column is half a page wide: short rows only.
        c.line(doc, P["column"].format(d=fmt(when, style), code=dx[1], name=dx[0]) + (P["column_rx"].format(days=meds) if meds else ""))
    elif layout == "table":
        if "table_head" in P and doc.get("head") != len(doc["pages"]):
            # A set may head its table on every page with the column names (HOLDOUT10: codes in a column headed KCD).
            c.line(doc, P["table_head"])
            doc["head"] = len(doc["pages"])
        doc["rows"] = doc.get("rows", 0) + 1  # a set may number its table rows ("{n}": HOLDOUT11)
        c.line(doc, P["table"].format(n=doc["rows"], d=fmt(when, style), dept=dept or '내과', code=dx[1], name=dx[0]) + (P["table_rx"].format(days=meds) if meds else ""))
    else:
        c.line(doc, (P["visit_first"] if style % 2 == 0 else P["visit_again"]).format(d=fmt(when, style)))
        c.line(doc, P["dx"].format(name=dx[0], code=dx[1]))
        if meds:
            c.line(doc, P["rx"].format(days=meds))
        if note:
            c.line(doc, note)
    c.event(doc, when, "outpatient", key, [dx[2]], names=[dx[0]], meds=meds)
    c.events[-1]["drug"] = drug


def exam(c, doc, hospital, when, name, report=None, dx=None, finding="특이소견 없음"):
    c.line(doc, P["exam"].format(d=fmt(when), name=name))
    c.line(doc, P["finding"].format(finding=finding))
    if dx:
        c.line(doc, P["dx"].format(name=dx[0], code=dx[1]))
    if report:
        c.line(doc, P["report"].format(d=fmt(report)))
        c.fake(report, "report_date")
    c.event(doc, when, "exam", hospital[1], [dx[2]] if dx else [], exam=name)


def stay(c, doc, hospital, start, end, dx, style="range"):
    if style == "range":
        # A set may write the end of a range without its year when the year is the same ("range_end": HOLDOUT9; domain.md §6.3).
        # A "range_end" with its year ("{y}": HOLDOUT11, "2023.03.07-2023.03.12") is used for every range.
        e = P["range_end"].format(y=end.year, m=end.month, d=end.day) if "range_end" in P and (end.year == start.year or "{y" in P["range_end"]) else fmt(end)
        # ... and its start in a format of its own ("range_start": HOLDOUT10, "2023.03.07~03.12").
        s = P["range_start"].format(y=start.year, m=start.month, d=start.day) if "range_start" in P else fmt(start)
        c.line(doc, P["stay_range"].format(s=s, e=e))
    else:
        c.line(doc, P["stay_pair"].format(s=fmt(start), e=fmt(end)))
    codes = [dx[2]]
    if "stay_dx" in P:
        # A set may write a principal and a secondary diagnosis on one line ("stay_dx", "co_dx": HOLDOUT10).
        co = P["co_dx"]
        c.line(doc, P["stay_dx"].format(name=dx[0], code=dx[1], name2=co[0], code2=co[1]))
        codes.append(co[2])
    else:
        c.line(doc, P["dx"].format(name=dx[0], code=dx[1]))
    c.line(doc, P["stay_course"])
    c.event(doc, start, "admission", hospital[1], codes, end=end, admission_days=(end - start).days + 1)


def surgery(c, doc, hospital, when, op, dx):
    c.line(doc, P["surgery"].format(d=fmt(when), op=op))
    c.line(doc, P["dx"].format(name=dx[0], code=dx[1]))
    c.line(doc, P["anaesthesia"])
    c.event(doc, when, "surgery", hospital[1], [dx[2]])


def pathology(c, doc, hospital, when, report, dx):
    c.line(doc, P["specimen"].format(d=fmt(when)))
    c.line(doc, P["pathology"].format(name=dx[0], code=dx[1]))
    c.line(doc, P["path_report"].format(d=fmt(report)))
    c.fake(report, "report_date")
    c.event(doc, when, "pathology", hospital[1], [dx[2]])


def noise(c, doc, when):
    c.line(doc, P["booking"].format(d=fmt(when)))
    c.fake(when, "booking")


def history(c, doc, when, text="충수절제술 (타 병원)"):
    c.line(doc, P["history_header"])
    if "history_line" in P:  # a set may word the history line itself, the date after the operation (HOLDOUT10, HOLDOUT11)
        c.line(doc, P["history_line"].format(d=fmt(when, P.get("history_style", 0)), t=text))
    else:
        c.line(doc, f"- {fmt(when)} {text}")
    c.fake(when, "history")


# ---- the ten case kinds -------------------------------------------------------------------------------------------

def base_date(c):
    return date(2021 + c.rng.randrange(3), 1 + c.rng.randrange(12), 1 + c.rng.randrange(28))


def k_outpatient(c, v):
    h = HOSPITALS[v % len(HOSPITALS)]
    doc = c.doc(f"외래기록_{c.id}.{'txt' if v % 2 else 'pdf'}", "txt" if v % 2 else "pdf")
    start = base_date(c)
    header_block(c, doc, h, "외래 진료기록", issue=start + timedelta(days=400))
    dx = DIAGNOSES[v % len(DIAGNOSES)]
    for i in range(3):
        visit(c, doc, h, start + timedelta(days=35 * i + c.rng.randrange(5)), dx, style=i + v, meds=30 if i == 0 else None, layout=c.layout)
    noise(c, doc, start + timedelta(days=200))
    join = start + timedelta(days=60 + 20 * v)
    if "contract_line" in P:
        # A set may print the insurance contract date on the record (HOLDOUT11, HOLDOUT12): a fake date (domain.md §6.6).
        c.line(doc, P["contract_line"].format(d=fmt(join)))
        c.fake(join, "contract")
    c.contracts.append({"joinDate": join.isoformat(), "policyId": "3.2.5"})


def k_exam_result(c, v):
    h = HOSPITALS[(v + 3) % len(HOSPITALS)]
    doc = c.doc(f"검사결과_{c.id}.pdf")
    start = base_date(c)
    header_block(c, doc, h, "영상 판독 결과지")
    ex = EXAMS[v % len(EXAMS)]
    exam(c, doc, h, start, ex, report=start + timedelta(days=2 + v), dx=DIAGNOSES[(v + 4) % len(DIAGNOSES)] if v % 2 else None)
    c.line(doc, "")
    later = start + timedelta(days=7 + v)
    c.line(doc, P["explain"].format(d=fmt(later)))
    dx = DIAGNOSES[(v + 2) % len(DIAGNOSES)]
    c.line(doc, P["dx"].format(name=dx[0], code=dx[1]))
    c.event(doc, later, "outpatient", h[1], [dx[2]], names=[dx[0]])
    if v % 2 == 0:
        c.line(doc, P["retest"])
    c.contracts.append({"joinDate": (start + timedelta(days=200)).isoformat(), "policyId": "3.1.5" if v % 2 == 0 else "3.2.5"})


def k_admission(c, v):
    h = HOSPITALS[(v + 5) % len(HOSPITALS)]
    doc = c.doc(f"퇴원요약지_{c.id}.pdf")
    header_block(c, doc, h, "퇴원요약지", issue=None)
    start = base_date(c)
    length = [0, 4, 9, 2][v % 4]
    stay(c, doc, h, start, start + timedelta(days=length), DIAGNOSES[(v + 6) % len(DIAGNOSES)], style="range" if v % 2 else "pair")
    c.line(doc, P["written"].format(d=fmt(start + timedelta(days=length + 3))))
    c.fake(start + timedelta(days=length + 3), "written")
    c.contracts.append({"joinDate": (start + timedelta(days=300 + 100 * v)).isoformat(), "policyId": "3.2.5"})


def k_surgery_pathology(c, v):
    h = HOSPITALS[3]
    op_doc = c.doc(f"수술기록_{c.id}.pdf")
    header_block(c, op_doc, h, "수술기록지")
    when = base_date(c)
    cancer = ("위의 악성 신생물", "C16.9", "C16.9") if v % 2 == 0 else ("담석증", "K80.2", "K80.2")
    op = "복강경 위 부분절제술" if v % 2 == 0 else "복강경 담낭절제술"
    surgery(c, op_doc, h, when, op, cancer)
    path_doc = c.doc(f"병리결과_{c.id}.pdf")
    header_block(c, path_doc, h, "병리 결과 보고서", patient=False)
    pathology(c, path_doc, h, when - timedelta(days=10), when - timedelta(days=4), ("adenocarcinoma", "C16.9", "C16.9") if v % 2 == 0 else ("만성 담낭염", "K81.1", "K81.1"))
    c.contracts.append({"joinDate": (when + timedelta(days=60 + 30 * v)).isoformat(), "policyId": "3.2.5"})


def k_history(c, v):
    h = HOSPITALS[v % 3]
    doc = c.doc(f"초진기록_{c.id}.{'txt' if v == 3 else 'pdf'}", "txt" if v == 3 else "pdf")
    header_block(c, doc, h, "초진 기록지")
    when = base_date(c)
    history(c, doc, date(2010 + v, 5, 12), "충수절제술 (타 병원)")
    c.line(doc, P["present_illness"])
    visit(c, doc, h, when, DIAGNOSES[2], meds=30)
    c.contracts.append({"joinDate": (when + timedelta(days=30)).isoformat(), "policyId": "3.2.5"})


def k_hospitals(c, v):
    when = base_date(c)
    for i in range(3):
        h = HOSPITALS[(v + 2 * i) % len(HOSPITALS)]
        doc = c.doc(f"진료기록_{c.id}_{i + 1}.pdf")
        header_block(c, doc, h, "진료기록", patient=(i == 0))
        visit(c, doc, h, when + timedelta(days=40 * i), DIAGNOSES[(v + i) % len(DIAGNOSES)], style=i)
        if i == 1:
            c.line(doc, P["referral"].format(name=HOSPITALS[(v + 7) % len(HOSPITALS)][0]))
    c.contracts.append({"joinDate": (when + timedelta(days=100)).isoformat(), "policyId": "3.1.5"})


def k_bad_ocr(c, v):
    # Born-digital text that looks like OCR output: odd spacing, spaced dates, undotted codes, stray brackets.
    h = HOSPITALS[(v + 1) % len(HOSPITALS)]
    doc = c.doc(f"스캔기록_{c.id}.txt", "txt")
    when = base_date(c)
    c.line(doc, f"{h[0]}  {h[2] or ''}")
    c.line(doc, P["bad_title"])
    c.line(doc, P["bad_visit"].format(y=when.year, m=when.month, d=when.day))
    code, norm = P["bad_codes"][v % 4]
    c.line(doc, P["bad_dx"].format(code=code))
    c.event(doc, when, "outpatient", h[1], [norm])
    later = when + timedelta(days=14)
    c.line(doc, P["bad_again"].format(yy=later.year % 100, m=later.month, d=later.day))
    c.event(doc, later, "outpatient", h[1], [])
    c.line(doc, P["bad_noise"])
    c.contracts.append({"joinDate": (later + timedelta(days=10)).isoformat(), "policyId": "3.2.5"})


def k_boundary(c, v):
    # An event exactly on a window start, one day before it, and one on the enrollment date itself.
    h = HOSPITALS[v % len(HOSPITALS)]
    join = [date(2024, 6, 1), date(2024, 5, 31), date(2024, 2, 29), date(2023, 12, 31)][v % 4]
    policy = "3.1.5" if v % 2 else "3.2.5"
    windows = POLICIES[policy]
    doc = c.doc(f"경계기록_{c.id}.pdf")
    header_block(c, doc, h, "외래 진료기록")
    three = shift(join, "months", 3)
    mid = shift(join, windows[1][1], windows[1][2])
    five = shift(join, "years", 5)
    for when, dx in [(five - timedelta(days=1), DIAGNOSES[2]), (five, DIAGNOSES[2]), (mid, DIAGNOSES[3]), (three - timedelta(days=1), DIAGNOSES[3]), (three, DIAGNOSES[7]), (join, DIAGNOSES[8]), (join + timedelta(days=1), DIAGNOSES[8])]:
        visit(c, doc, h, when, dx)
        c.line(doc, "")
    c.contracts.append({"joinDate": join.isoformat(), "policyId": policy})


def k_followups(c, v):
    h = HOSPITALS[6 if v % 2 else 0]
    doc = c.doc(f"경과기록_{c.id}.pdf")
    header_block(c, doc, h, "경과기록지")
    start = base_date(c)
    dx = DIAGNOSES[[0, 2, 6, 1][v % 4]]
    for i in range(6):
        visit(c, doc, h, start + timedelta(days=30 * i), dx, style=i, meds=30, layout=c.layout)
        if i == 2:
            c.page(doc)
    c.contracts.append({"joinDate": (start + timedelta(days=30 * 5 + 20)).isoformat(), "policyId": "3.1.5" if v % 2 else "3.2.5"})


def k_long(c, v):
    h = HOSPITALS[0]
    doc = c.doc(f"장기기록_{c.id}.pdf", header=h[0], footer="print")
    start = date(2019, 3, 4)
    c.print_date = date(2024, 10, 2)
    c.fake(c.print_date, "print")
    when = start
    for p in range(150 + v):
        if p:
            c.page(doc)
        for k in range(2):
            when = when + timedelta(days=7 + (p + k) % 5)
            visit(c, doc, h, when, DIAGNOSES[(p // 30) % 3], style=p + k)
            c.line(doc, P["course"])
    c.contracts.append({"joinDate": (when + timedelta(days=30)).isoformat(), "policyId": "3.2.5"})


KINDS = [("outpatient", k_outpatient), ("exam_result", k_exam_result), ("admission_discharge", k_admission),
         ("surgery_pathology", k_surgery_pathology), ("past_history", k_history), ("several_hospitals", k_hospitals),
         ("bad_ocr", k_bad_ocr), ("window_boundary", k_boundary), ("repeated_followups", k_followups), ("long_record", k_long)]
LAYOUTS = ["free", "table", "two_column", "header_footer"]


# ---- expected disclosure candidates (an independent implementation of domain.md §8) -----------------------------

def candidate_type(e):
    return {"surgery": "surgery", "procedure": "surgery", "admission": "admission", "discharge": "admission",
            "pathology": "pathology", "exam": "exam", "medication": "medication"}.get(
        e["type"], "diagnosis" if (e["codes"] or e["names"]) else "other")


def candidates(case, contract):
    j = d(contract["joinDate"])
    wins = [(n, shift(j, u, a)) for n, u, a in POLICIES[contract["policyId"]]]
    found = {}

    def windows_of(e):
        s = d(e["date"])
        last = d(e["endDate"]) if e["endDate"] else s
        return [] if s > j else [n for n, start in wins if last >= start]

    def add(e, ctype, window):
        key = (case.events.index(e), ctype)
        order = [n for n, _ in wins]
        if key not in found or order.index(window) < order.index(found[key]):
            found[key] = window

    for e in case.events:
        ws = windows_of(e)
        if not ws:
            continue
        if "within_3_months" in ws:
            add(e, candidate_type(e), "within_3_months")
        if e["type"] in ("admission", "surgery"):
            add(e, candidate_type(e), wins[1][0] if wins[1][0] in ws else "within_5_years")
        if "within_5_years" in ws and any(code.startswith(MAJOR) for code in e["codes"]):
            add(e, candidate_type(e), "within_5_years")
    # chronic: >= 3 dated occurrences of a chronic category, last - first >= 90 days, on the last occurrence
    cats = {}
    for e in case.events:
        if d(e["date"]) <= j:
            for code in e["codes"]:
                if code.startswith(CHRONIC):
                    cats.setdefault(code[:3], []).append(e)
    for cat, evs in cats.items():
        evs = sorted({x["date"]: x for x in evs}.values(), key=lambda x: x["date"])
        if len(evs) >= 3 and (d(evs[-1]["date"]) - d(evs[0]["date"])).days >= 90:
            ws = windows_of(evs[-1])
            if ws:
                add(evs[-1], "continued_treatment", ws[0])
    if contract["policyId"] == "3.1.5":
        # regular medication within 3 months (a drug of the configured classes named at the visit)
        for e in case.events:
            if e.get("drug") and "within_3_months" in windows_of(e):
                add(e, "medication", "within_3_months")
        # re-test within 1 year: an exam whose record asks for a re-test, or repeated at the same hospital later.
        for e in case.events:
            ws = windows_of(e)
            if e["type"] == "exam" and "within_1_year" in ws and getattr(case, "retest", False):
                add(e, "exam", "within_1_year")
        # 7+ days of treatment (span) and 30+ days of medication for one condition, on the last event in the window.
        groups = {}
        for e in case.events:
            if e["type"] in ("outpatient", "medication") and windows_of(e):
                for code in e["codes"]:
                    groups.setdefault(code[:3], []).append(e)
        for evs in groups.values():
            evs = sorted(set(map(lambda x: case.events.index(x), evs)))
            evs = [case.events[i] for i in evs]
            inw = [x for x in evs if "within_5_years" in windows_of(x)]
            if len(inw) >= 2:
                first = d(inw[0]["date"])
                last = max(d(x["date"]) + timedelta(days=max(0, (x["medicationDays"] or 1) - 1)) for x in inw)
                if (last - first).days + 1 >= 7:
                    add(inw[-1], "continued_treatment", "within_5_years")
            # coverage with gaps <= 7 days
            best = covered = 0
            run_end = None
            for x in inw:
                if not x["medicationDays"]:
                    continue
                s = d(x["date"]); e2 = s + timedelta(days=x["medicationDays"] - 1)
                if run_end is None or (s - run_end).days - 1 > 7:
                    covered, run_end = x["medicationDays"], e2
                elif e2 > run_end:
                    covered += (e2 - max(run_end, s - timedelta(days=1))).days
                    run_end = e2
                best = max(best, covered)
            if best >= 30:
                add([x for x in inw if x["medicationDays"]][-1], "medication", "within_5_years")
    return [{"eventRef": i, "window": w, "candidateType": t} for (i, t), w in sorted(found.items())]


# ---- rendering --------------------------------------------------------------------------------------------------

def record_row(line):
    """A record row starts with its date (HOLDOUT8 writes some as "'23.03.07")."""
    return line[:1].isdigit() or (line[:1] == "'" and line[1:2].isdigit())


def render_pdf(path, doc, layout, case):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from reportlab.lib.pagesizes import A4
    if "Nanum" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Nanum", FONT))
    w, h = A4
    pdf = canvas.Canvas(path, pagesize=A4, invariant=1)
    pdf.setTitle("synthetic record")
    total = len(doc["pages"])
    for number, lines in enumerate(doc["pages"], 1):
        pdf.setFont("Nanum", 10)
        if doc.get("header") or layout == "header_footer":
            pdf.drawString(40, h - 30, P["print"].format(header=doc.get('header') or P["copy_header"], d=fmt(getattr(case, 'print_date', date(2024, 10, 2)))))
            if not doc.get("header"):
                case.fake(getattr(case, "print_date", date(2024, 10, 2)), "print") if number == 1 else None
        if doc.get("footer") or layout == "header_footer":
            pdf.drawString(40, 25, P["footer"].format(n=number, total=total))
        y = h - 70
        if layout == "two_column":
            # Header lines full width, then the record rows in two columns (left column first).
            rows = [line for line in lines if record_row(line)]
            for line in lines:
                if line not in rows:
                    pdf.drawString(40, y, line)
                    y -= 16
            half = (len(rows) + 1) // 2
            for left, right in zip(rows[:half], rows[half:] + [""]):
                pdf.drawString(40, y, left)
                pdf.drawString(w / 2 + 10, y, right)
                y -= 16
        else:
            for line in lines:
                if layout == "table" and "  " in line and (record_row(line) or line == P.get("table_head")):
                    x = 40
                    for cell in line.split("  "):
                        pdf.drawString(x, y, cell)
                        x += P["column_width"]
                else:
                    pdf.drawString(40, y, line)
                y -= 16
        pdf.showPage()
    pdf.save()


def build_case(index, kind, writer, variant, prefix="", seed_base=1000):
    layout = LAYOUTS[(variant + index) % 4] if kind not in ("window_boundary",) else "free"
    if kind == "long_record":
        layout = "header_footer"
    if layout == "two_column" and kind not in ("outpatient", "repeated_followups"):
        layout = "free"
    case = Case(f"{prefix}{kind}-{variant + 1:02d}", kind, layout, seed=seed_base + index * 10 + variant)
    writer(case, variant)
    if kind == "exam_result" and variant % 2 == 0:
        case.retest = True
    return case


class GoldenSetSpec(namedtuple("GoldenSetSpec", "folder prefix seed_base vocabulary layouts small")):
    """One golden set: its folder under test/golden, case-id prefix, seed base, vocabulary (phrasing, hospitals, diagnoses,
    exams), the order its case kinds cycle through the layouts, and whether it has the holdout's smaller case counts and
    extra contracts (small) or the tuned set's."""


SETS = {  # command-line flag -> set; no flag writes the tuned set
    None: GoldenSetSpec("cases", "", 1000, (TUNED, HOSPITALS, DIAGNOSES, EXAMS), LAYOUTS, small=False),
    "--holdout": GoldenSetSpec("holdout", "h-", 7000, (HOLDOUT, HOLDOUT_HOSPITALS, HOLDOUT_DIAGNOSES, HOLDOUT_EXAMS),
                               ["table", "header_footer", "free", "two_column"], small=True),
    "--dev": GoldenSetSpec("dev", "d-", 9000, (DEV, DEV_HOSPITALS, DEV_DIAGNOSES, DEV_EXAMS),
                           ["two_column", "free", "header_footer", "table"], small=True),
    "--dev2": GoldenSetSpec("dev2", "e-", 9500, (DEV2, DEV2_HOSPITALS, DEV2_DIAGNOSES, DEV2_EXAMS),
                            ["header_footer", "two_column", "table", "free"], small=True),
    "--holdout2": GoldenSetSpec("holdout2", "g-", 11000, (HOLDOUT2, HOLDOUT2_HOSPITALS, HOLDOUT2_DIAGNOSES, HOLDOUT2_EXAMS),
                                ["two_column", "table", "free", "header_footer"], small=True),
    "--holdout3": GoldenSetSpec("holdout3", "k-", 13000, (HOLDOUT3, HOLDOUT3_HOSPITALS, HOLDOUT3_DIAGNOSES, HOLDOUT3_EXAMS),
                                ["two_column", "header_footer", "table", "free"], small=True),
    "--holdout4": GoldenSetSpec("holdout4", "m-", 15000, (HOLDOUT4, HOLDOUT4_HOSPITALS, HOLDOUT4_DIAGNOSES, HOLDOUT4_EXAMS),
                                ["table", "two_column", "header_footer", "free"], small=True),
    "--holdout5": GoldenSetSpec("holdout5", "n-", 17000, (HOLDOUT5, HOLDOUT5_HOSPITALS, HOLDOUT5_DIAGNOSES, HOLDOUT5_EXAMS),
                                ["table", "free", "two_column", "header_footer"], small=True),
    "--holdout6": GoldenSetSpec("holdout6", "q-", 19000, (HOLDOUT6, HOLDOUT6_HOSPITALS, HOLDOUT6_DIAGNOSES, HOLDOUT6_EXAMS),
                                ["table", "two_column", "free", "header_footer"], small=True),
    "--holdout7": GoldenSetSpec("holdout7", "r-", 21000, (HOLDOUT7, HOLDOUT7_HOSPITALS, HOLDOUT7_DIAGNOSES, HOLDOUT7_EXAMS),
                                ["table", "two_column", "free", "header_footer"], small=True),
    "--holdout8": GoldenSetSpec("holdout8", "s-", 23000, (HOLDOUT8, HOLDOUT8_HOSPITALS, HOLDOUT8_DIAGNOSES, HOLDOUT8_EXAMS),
                                ["free", "two_column", "table", "header_footer"], small=True),
    "--holdout9": GoldenSetSpec("holdout9", "t-", 25000, (HOLDOUT9, HOLDOUT9_HOSPITALS, HOLDOUT9_DIAGNOSES, HOLDOUT9_EXAMS),
                                ["header_footer", "table", "two_column", "free"], small=True),
    "--holdout10": GoldenSetSpec("holdout10", "u-", 27000, (HOLDOUT10, HOLDOUT10_HOSPITALS, HOLDOUT10_DIAGNOSES, HOLDOUT10_EXAMS),
                                 ["two_column", "table", "header_footer", "free"], small=True),
    "--holdout11": GoldenSetSpec("holdout11", "v-", 29000, (HOLDOUT11, HOLDOUT11_HOSPITALS, HOLDOUT11_DIAGNOSES, HOLDOUT11_EXAMS),
                                 ["table", "header_footer", "two_column", "free"], small=True),
    "--holdout12": GoldenSetSpec("holdout12", "w-", 31000, (HOLDOUT12, HOLDOUT12_HOSPITALS, HOLDOUT12_DIAGNOSES, HOLDOUT12_EXAMS),
                                 ["two_column", "free", "table", "header_footer"], small=True),
    "--holdout13": GoldenSetSpec("holdout13", "x-", 33000, (HOLDOUT13, HOLDOUT13_HOSPITALS, HOLDOUT13_DIAGNOSES, HOLDOUT13_EXAMS),
                                 ["header_footer", "two_column", "free", "table"], small=True),
    "--holdout14": GoldenSetSpec("holdout14", "y-", 35000, (HOLDOUT14, HOLDOUT14_HOSPITALS, HOLDOUT14_DIAGNOSES, HOLDOUT14_EXAMS),
                                 ["free", "table", "header_footer", "two_column"], small=True),
    "--holdout15": GoldenSetSpec("holdout15", "z-", 37000, (HOLDOUT15, HOLDOUT15_HOSPITALS, HOLDOUT15_DIAGNOSES, HOLDOUT15_EXAMS),
                                 ["two_column", "table", "table", "header_footer"], small=True),
    "--holdout16": GoldenSetSpec("holdout16", "aa-", 39000, (HOLDOUT16, HOLDOUT16_HOSPITALS, HOLDOUT16_DIAGNOSES, HOLDOUT16_EXAMS),
                                 ["table", "two_column", "two_column", "header_footer"], small=True),
}


def use_vocabulary(spec):
    """Swaps the tables the writers read (phrasing, hospitals, diagnoses, exams, layout order) for those of one set."""
    global P, HOSPITALS, DIAGNOSES, EXAMS, LAYOUTS
    (P, HOSPITALS, DIAGNOSES, EXAMS), LAYOUTS = spec.vocabulary, spec.layouts


def main():
    args = sys.argv[1:]
    if len(args) > 1 or (args and args[0] not in SETS):
        sys.exit(f"usage: generate.py [{' | '.join(flag for flag in SETS if flag)}]")
    spec = SETS[args[0] if args else None]
    use_vocabulary(spec)
    out = os.path.join(HERE, spec.folder)
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    cases = []
    for index, (kind, writer) in enumerate(KINDS):
        if spec.small:
            variants = 1 if kind == "long_record" else 3 if kind in ("outpatient", "several_hospitals", "repeated_followups") else 2
        else:
            variants = 1 if kind == "long_record" else 5 if kind in ("outpatient", "several_hospitals", "repeated_followups") else 4
        for variant in range(variants):
            cases.append(build_case(index, kind, writer, variant, spec.prefix, spec.seed_base))
    if spec.small:
        # several contracts on two cases, one of them without an enrollment date
        cases[2].contracts.append({"joinDate": "2024-11-30", "policyId": "3.2.5"})
        cases[5].contracts.append({"joinDate": None, "policyId": None})
    else:
        # a second contract on one case (contracts are reviewed separately), and one case without an enrollment date
        cases[0].contracts.append({"joinDate": "2025-01-15", "policyId": "3.1.5"})
        cases[1].contracts.append({"joinDate": None, "policyId": None})
    for case in cases:
        folder = os.path.join(out, case.id)
        os.makedirs(folder)
        documents = []
        for doc in case.docs:
            path = os.path.join(folder, doc["name"])
            if doc["kind"] == "txt":
                with open(path, "w", encoding="utf-8") as f:
                    f.write("\f".join("\n".join(lines) for lines in doc["pages"]) + "\n")
            else:
                render_pdf(path, doc, case.layout, case)
            documents.append(doc["name"])
        contracts = []
        for contract in case.contracts:
            contracts.append({**contract, "candidates": candidates(case, contract) if contract["joinDate"] else []})
        seen = set()
        must_not = []
        event_dates = {e["date"] for e in case.events} | {e["endDate"] for e in case.events if e["endDate"]}
        for fake in case.must_not:
            if fake["date"] not in seen and fake["date"] not in event_dates:
                seen.add(fake["date"])
                must_not.append(fake)
        data = {"caseId": case.id, "kind": case.kind, "layout": case.layout, "documents": documents, "contracts": contracts,
                "expected": {"events": case.events, "mustNotInclude": must_not,
                             "requiredEvidencePages": sorted({(e["file"], e["page"]) for e in case.events})}}
        with open(os.path.join(folder, "case.json"), "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
    print(f"{len(cases)} cases written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
