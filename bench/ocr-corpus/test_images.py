#!/usr/bin/python3
"""Writes the small synthetic images of test/VNexsus.UnitTests/Ocr/Fixtures (committed; tests do not need Python).

    /usr/bin/python3 bench/ocr-corpus/test_images.py

code-line.png: two Korean record lines at 300 dpi with KCD codes that Debian's kor+eng model misreads
(the first letter becomes a digit or symbol, ocr-notes.md §5.4); no-code.png: a Korean line without any code.
"""
import os

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "VNexsus.UnitTests", "Ocr", "Fixtures")
FONT = ImageFont.truetype("/usr/share/fonts/truetype/nanum/NanumGothic.ttf", 42)  # 10 pt at 300 dpi


def page(lines, path):
    image = Image.new("L", (1400, 90 + 70 * len(lines)), 246)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((60, 50 + 70 * i), line, font=FONT, fill=20)
    image.save(path)


os.makedirs(HERE, exist_ok=True)
page(["A: 상세불명의 고지질혈증 (E78.5)", "주진단 식도염을 동반한 위-식도역류병 K21.0"], os.path.join(HERE, "code-line.png"))
page(["진료일: 2024.03.07 담당의: 김가람", "체온 36.5 혈압 120/80 mmHg"], os.path.join(HERE, "no-code.png"))
