#!/usr/bin/python3
"""Deterministic synthetic scanned corpus of Korean medical records, with ground truth, for bench/ocr.

Every hospital, person, number and record here is invented. Run with Debian's interpreter, which sees
python3-pil and fonts-nanum:

    /usr/bin/python3 bench/ocr-corpus/generate.py OUT_DIR [--docs N] [--seed S]

It writes, for each scan profile (clean, light, heavy; ocr-notes.md §2):
    OUT_DIR/<profile>/scan.pdf        every page, one image per page at the profile's dpi
                                      (clean: lossless Flate image at 300 dpi; light/heavy: the JPEG as it is)
    OUT_DIR/<profile>/pages/pNN.pgm|jpg  the same page images, for the raw tesseract baseline
    OUT_DIR/<profile>/truth.json      per page: lines (reading order, one per visual row), dates, codes
The same documents (same text) are used for every profile; only the degradation differs.
"""
import argparse
import io
import json
import os
import random

import img2pdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONTS = "/usr/share/fonts/truetype/nanum/"
A4_MM = (210.0, 297.0)

PROFILES = {
    # name: dpi, paper, ink, skew (max degrees), blur radius, noise sigma, specks, jpeg quality (None = lossless)
    "clean": dict(dpi=300, paper=255, ink=0, skew=0.0, blur=0.0, noise=0, specks=0, quality=None, light=0),
    "light": dict(dpi=300, paper=246, ink=20, skew=0.8, blur=0.45, noise=5, specks=0, quality=75, light=6),
    "heavy": dict(dpi=200, paper=228, ink=55, skew=2.0, blur=0.85, noise=12, specks=400, quality=40, light=6),
}

# Real KCD codes of common conditions (public classification); which one a synthetic patient gets is random.
DIAGNOSES = [
    ("E11.9", "제2형 당뇨병, 합병증을 동반하지 않은"), ("I10", "본태성(원발성) 고혈압"), ("K29.7", "상세불명의 위염"),
    ("J06.9", "상세불명의 급성 상기도감염"), ("M54.5", "요통"), ("K21.0", "식도염을 동반한 위-식도역류병"),
    ("E78.5", "상세불명의 고지질혈증"), ("S93.40", "발목의 염좌"), ("R51", "두통"), ("J20.9", "상세불명의 급성 기관지염"),
    ("N39.0", "부위가 명시되지 않은 요로감염"), ("L30.9", "상세불명의 피부염"), ("G43.9", "상세불명의 편두통"),
    ("H10.9", "상세불명의 결막염"), ("A09.0", "감염성 기원의 위장염"), ("F32.9", "상세불명의 우울에피소드"),
    ("M17.9", "상세불명의 무릎관절증"), ("K35.8", "기타 및 상세불명의 급성 충수염"), ("B35.3", "발백선"), ("O80", "단일 자연분만"),
]
DRUGS = [("메트포르민정 500mg", "1정"), ("암로디핀정 5mg", "1정"), ("란소프라졸캡슐 15mg", "1캡슐"), ("아세트아미노펜정 500mg", "2정"),
         ("아목시실린캡슐 500mg", "1캡슐"), ("로수바스타틴정 10mg", "1정"), ("레바미피드정 100mg", "1정"), ("세티리진정 10mg", "1정")]
HOSPITALS = ["가나내과의원", "다라병원", "마바대학교병원", "사아정형외과", "자차연합의원", "카타종합병원"]
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = ["민준", "서연", "도윤", "하은", "지호", "수아", "예준", "지유", "현우", "채원"]
DEPARTMENTS = ["내과", "가정의학과", "정형외과", "소화기내과", "신경과", "피부과"]
DOCTORS = ["김가람", "이나래", "박다솜", "최라온", "정마루"]
DATE_FORMATS = ["dot", "korean", "dash", "short", "korean0", "slash", "dotspace"]


def fmt_date(y, m, d, style):
    return {
        "dot": f"{y}.{m:02d}.{d:02d}", "korean": f"{y}년 {m}월 {d}일", "dash": f"{y}-{m:02d}-{d:02d}",
        "short": f"{y % 100}.{m}.{d}", "korean0": f"{y}년 {m:02d}월 {d:02d}일", "slash": f"{y}/{m:02d}/{d:02d}",
        "dotspace": f"{y}. {m}. {d}.",
    }[style]


class Doc:
    """A document as pages of rows; a row is a text line or a table. Collects the ground truth as it goes."""

    def __init__(self, rng):
        self.rng = rng
        self.pages = [[]]
        self.dates = [[]]
        self.codes = [[]]
        self.date_cycle = rng.randrange(len(DATE_FORMATS))

    def date(self):
        y, m, d = self.rng.randint(2021, 2024), self.rng.randint(1, 12), self.rng.randint(1, 28)
        text = fmt_date(y, m, d, DATE_FORMATS[self.date_cycle % len(DATE_FORMATS)])
        self.date_cycle += 1
        self.dates[-1].append(text)
        return text

    def code(self, code, undotted=False):
        text = code.replace(".", "") if undotted else code
        self.codes[-1].append(text)
        return text

    def line(self, text, size=10, font="NanumGothic.ttf", gap=1.0):
        self.pages[-1].append(("line", text, size, font, gap))

    def table(self, header, rows, widths):
        self.pages[-1].append(("table", [header] + rows, widths))

    def new_page(self):
        self.pages.append([])
        self.dates.append([])
        self.codes.append([])


def person(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def header(doc, rng, title, hospital, spaced=False, font="NanumGothic.ttf"):
    doc.line("   ".join(title) if spaced else title, size=18, font=font, gap=1.6)
    doc.line(f"{hospital}  {rng.choice(DEPARTMENTS)}", size=11)
    rrn = "******-*******"  # masked as VNexsus masks it (domain.md §11)
    doc.line(f"환자명: {person(rng)}   등록번호: {rng.randint(1000000, 9999999)}   주민등록번호: {rrn}")


def outpatient(rng):
    doc = Doc(rng)
    hospital = rng.choice(HOSPITALS)
    header(doc, rng, "외래기록지", hospital)
    for visit in range(4):
        if visit == 2:
            doc.line(f"{hospital} - 의무기록 사본 1/2", size=8)
            doc.new_page()
            doc.line("외래기록지 (계속)", size=12, gap=1.4)
        code, name = rng.choice(DIAGNOSES)
        doc.line(f"진료일: {doc.date()}   담당의: {rng.choice(DOCTORS)}", gap=1.4)
        doc.line(f"S: {rng.choice(['복통', '두통', '기침', '어지러움', '요통'])} {rng.randint(2, 14)}일 전부터 지속됨")
        doc.line(f"O: 혈압 {rng.randint(110, 150)}/{rng.randint(70, 95)} mmHg, 체온 {rng.randint(360, 380) / 10:.1f}")
        doc.line(f"A: {name} ({doc.code(code)})")
        drug, dose = rng.choice(DRUGS)
        doc.line(f"P: {drug} {dose} 1일 {rng.randint(1, 3)}회 {rng.randint(3, 30)}일분, {doc.date()} 재진")
    doc.line(f"{hospital} - 의무기록 사본 2/2", size=8)
    return doc


def discharge(rng):
    doc = Doc(rng)
    hospital = rng.choice(HOSPITALS)
    header(doc, rng, "퇴원요약지", hospital)
    doc.line(f"입원일: {doc.date()}   퇴원일: {doc.date()}", gap=1.4)
    doc.line("진단명", size=11, gap=1.4)
    picks = rng.sample(DIAGNOSES, 3)
    doc.table(["구분", "진단명", "상병코드"],
              [[kind, name, doc.code(code)] for kind, (code, name) in zip(["주진단", "부진단", "부진단"], picks)], [0.16, 0.60, 0.24])
    doc.line("검사결과", size=11, gap=1.4)
    tests = [("HbA1c", "%"), ("AST", "U/L"), ("ALT", "U/L"), ("Cr", "mg/dL")]
    doc.table(["검사일", "항목", "결과"],
              [[doc.date(), item, f"{rng.randint(5, 90) / 10 if unit == '%' else rng.randint(10, 60)} {unit}"] for item, unit in tests[:3]],
              [0.34, 0.33, 0.33])
    doc.line("퇴원처방", size=11, gap=1.4)
    doc.table(["약품명", "1회 용량", "1일 횟수", "일수"],
              [[drug, dose, f"{rng.randint(1, 3)}회", f"{rng.randint(7, 30)}일"] for drug, dose in rng.sample(DRUGS, 3)],
              [0.46, 0.18, 0.18, 0.18])
    doc.line(f"외래 추적: {doc.date()} {rng.choice(DEPARTMENTS)}", gap=1.4)
    doc.line(f"{hospital} - 의무기록 사본", size=8)
    return doc


def certificate(rng):
    doc = Doc(rng)
    hospital = rng.choice(HOSPITALS)
    header(doc, rng, "진단서", hospital, spaced=True, font="NanumMyeongjo.ttf")
    picks = rng.sample(DIAGNOSES, 2)
    doc.table(["병명", "분류기호"], [[name, doc.code(code)] for code, name in picks], [0.72, 0.28])
    doc.line(f"발병일: {doc.date()}", font="NanumMyeongjo.ttf", gap=1.4)
    doc.line(f"진단일: {doc.date()}", font="NanumMyeongjo.ttf")
    doc.line(f"향후 치료 의견: 약 {rng.randint(2, 8)}주간의 치료가 필요할 것으로 사료됨", font="NanumMyeongjo.ttf")
    doc.line(f"발행일: {doc.date()}   의사: {rng.choice(DOCTORS)}", font="NanumMyeongjo.ttf", gap=1.4)
    doc.line(f"{hospital}", font="NanumMyeongjo.ttf")
    return doc


def prescription(rng):
    doc = Doc(rng)
    hospital = rng.choice(HOSPITALS)
    header(doc, rng, "처방전", hospital)
    code1, _ = rng.choice(DIAGNOSES)
    code2, _ = rng.choice(DIAGNOSES)
    doc.line(f"교부일: {doc.date()}   질병분류기호: {doc.code(code1, undotted=True)}  {doc.code(code2, undotted=rng.random() < 0.5)}", gap=1.4)
    doc.table(["처방 의약품의 명칭", "1회 투약량", "1일 투여횟수", "총 투약일수"],
              [[drug, dose, f"{rng.randint(1, 3)}", f"{rng.randint(3, 30)}"] for drug, dose in rng.sample(DRUGS, 4)],
              [0.46, 0.18, 0.18, 0.18])
    doc.line(f"조제일: {doc.date()}   사용기간: 교부일로부터 7일", gap=1.4)
    doc.line(f"{hospital} - 처방전", size=8)
    return doc


KINDS = [outpatient, discharge, certificate, prescription]


def render(page, dpi):
    """Draws one page at dpi; returns the gray image and the ground-truth lines in reading order."""
    px = lambda mm: int(round(mm / 25.4 * dpi))
    pt = lambda points: points / 72 * dpi
    width, height = px(A4_MM[0]), px(A4_MM[1])
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    left, right, y = px(22), width - px(22), px(22)
    lines = []
    fonts = {}

    def font(name, size):
        key = (name, size)
        if key not in fonts:
            fonts[key] = ImageFont.truetype(FONTS + name, int(round(pt(size))))
        return fonts[key]

    for row in page:
        if row[0] == "line":
            _, text, size, name, gap = row
            y += int(pt(size) * (gap - 1.0) + pt(4))
            draw.text((left, y), text, font=font(name, size), fill=0)
            lines.append(text)
            y += int(pt(size) * 1.25)
        else:
            _, cells, widths = row
            y += int(pt(4))
            f = font("NanumGothic.ttf", 9.5)
            row_h = int(pt(9.5) * 2.0)
            rule = max(1, int(round(pt(0.5))))
            xs = [left]
            for w in widths:
                xs.append(xs[-1] + int(w * (right - left)))
            top = y
            for r, values in enumerate(cells):
                for c, value in enumerate(values):
                    draw.text((xs[c] + pt(4), y + (row_h - pt(9.5)) / 2 - pt(1)), value, font=f, fill=0)
                lines.append(" ".join(values))
                y += row_h
            for r in range(len(cells) + 1):
                yy = top + r * row_h
                draw.rectangle([xs[0], yy, xs[-1], yy + rule - 1], fill=0)
            for x in xs:
                draw.rectangle([x, top, x + rule - 1, y + rule - 1], fill=0)
            y += int(pt(4))
    return image, lines


def degrade(image, profile, rng):
    p = PROFILES[profile]
    paper, ink = p["paper"], p["ink"]
    out = image.point(lambda v: int(round(ink + (paper - ink) * v / 255)))
    if p["light"]:
        gradient = Image.linear_gradient("L").rotate(rng.choice([90, -90, 0, 180])).resize(out.size)
        gradient = gradient.point(lambda v: int(round(v / 255 * 2 * p["light"])))
        out = ImageChops.add(out, gradient, offset=-p["light"])
    if p["skew"]:
        out = out.rotate(rng.uniform(-p["skew"], p["skew"]), resample=Image.BICUBIC, fillcolor=paper)
    if p["blur"]:
        out = out.filter(ImageFilter.GaussianBlur(p["blur"]))
    if p["noise"]:
        noise = Image.effect_noise(out.size, p["noise"])
        out = ImageChops.add(out, noise, offset=-128)
    if p["specks"]:
        draw = ImageDraw.Draw(out)
        for _ in range(p["specks"]):
            x, y, r = rng.randrange(out.width), rng.randrange(out.height), rng.uniform(0.6, 2.0)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=ink + rng.randint(0, 40))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--docs", type=int, default=4, help="documents per profile (each kind in turn)")
    parser.add_argument("--seed", type=int, default=20261126)
    parser.add_argument("--profiles", default="clean,light,heavy")
    args = parser.parse_args()

    docs = [KINDS[i % len(KINDS)](random.Random(args.seed * 1000 + i)) for i in range(args.docs)]
    for profile in args.profiles.split(","):
        p = PROFILES[profile]
        folder = os.path.join(args.out, profile)
        os.makedirs(os.path.join(folder, "pages"), exist_ok=True)
        rng = random.Random(f"{args.seed}/{profile}")
        truth, images = [], []
        number = 0
        for doc in docs:
            for page, dates, codes in zip(doc.pages, doc.dates, doc.codes):
                number += 1
                image, lines = render(page, p["dpi"])
                scan = degrade(image, profile, rng)
                if p["quality"] is None:
                    path = os.path.join(folder, "pages", f"p{number:02d}.pgm")
                    scan.save(path)
                    buffer = io.BytesIO()
                    scan.save(buffer, format="PNG")
                    images.append(buffer.getvalue())
                else:
                    path = os.path.join(folder, "pages", f"p{number:02d}.jpg")
                    scan.save(path, format="JPEG", quality=p["quality"])
                    with open(path, "rb") as f:
                        images.append(f.read())
                truth.append({"page": number, "image": os.path.relpath(path, folder), "lines": lines, "dates": dates, "codes": codes})
        layout = img2pdf.get_fixed_dpi_layout_fun((p["dpi"], p["dpi"]))
        with open(os.path.join(folder, "scan.pdf"), "wb") as f:
            f.write(img2pdf.convert(images, layout_fun=layout))
        with open(os.path.join(folder, "truth.json"), "w", encoding="utf-8") as f:
            json.dump({"profile": profile, "dpi": p["dpi"], "pages": truth}, f, ensure_ascii=False, indent=1)
        print(f"{profile}: {number} pages, {sum(len(t['dates']) for t in truth)} dates, {sum(len(t['codes']) for t in truth)} codes")


if __name__ == "__main__":
    main()
