#!/usr/bin/python3
"""Turns an existing PDF into the image-only PDF a scanner would make of its printout, for bench/accuracy --scanned.

    /usr/bin/python3 bench/ocr-corpus/scan_pdf.py --profile clean|light|heavy IN.pdf OUT.pdf [IN.pdf OUT.pdf ...]

Each page is rasterised in gray by poppler's pdftoppm at the profile's dpi and degraded with exactly the degradation of
generate.py (the same PROFILES and degrade(): paper and ink levels, lighting gradient, skew, blur, noise, specks); the
output holds one image per page (clean: lossless, light/heavy: the JPEG at the profile's quality) and no text layer.
Deterministic: every page gets its own fixed seed from the profile, the input's SHA-256 and the page number, for
Python's generator (skew, gradient, specks) and for the C library's rand(), which Pillow's effect_noise draws from.
The output is written to a temporary name and renamed, so a reader never sees half a file.
"""
import argparse
import ctypes
import glob
import hashlib
import io
import os
import random
import subprocess
import sys
import tempfile

import img2pdf
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate import PROFILES, degrade  # noqa: E402  (the one degradation of the OCR corpus)

LIBC = ctypes.CDLL(None)


def page_seed(profile, digest, number):
    return f"{profile}/{digest}/{number}"


def scan(source, target, profile):
    p = PROFILES[profile]
    with open(source, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    images = []
    with tempfile.TemporaryDirectory(prefix="vnexsus-scan-") as work:
        subprocess.run(["pdftoppm", "-r", str(p["dpi"]), "-gray", source, os.path.join(work, "p")], check=True)
        # pdftoppm pads the page number to the width of the page count: sorting by the number keeps page order.
        pages = sorted(glob.glob(os.path.join(work, "p-*.pgm")), key=lambda path: int(path.rsplit("-", 1)[1][:-4]))
        for number, path in enumerate(pages, start=1):
            seed = page_seed(profile, digest, number)
            LIBC.srand(int.from_bytes(hashlib.sha256(seed.encode()).digest()[:4], "little"))
            page = degrade(Image.open(path), profile, random.Random(seed))
            buffer = io.BytesIO()
            if p["quality"] is None:
                page.save(buffer, format="PNG")
            else:
                page.save(buffer, format="JPEG", quality=p["quality"])
            images.append(buffer.getvalue())
    if not images:
        raise SystemExit(f"scan_pdf: {source} has no pages")
    layout = img2pdf.get_fixed_dpi_layout_fun((p["dpi"], p["dpi"]))
    partial = f"{target}.{os.getpid()}.partial"
    with open(partial, "wb") as f:
        f.write(img2pdf.convert(images, layout_fun=layout, nodate=True, engine=img2pdf.Engine.internal))
    os.replace(partial, target)
    return len(images)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--profile", required=True, choices=sorted(PROFILES))
    parser.add_argument("pairs", nargs="+", metavar="IN.pdf OUT.pdf")
    args = parser.parse_args()
    if len(args.pairs) % 2:
        parser.error("give input and output PDFs in pairs")
    for source, target in zip(args.pairs[::2], args.pairs[1::2]):
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        print(f"{args.profile}: {source} -> {target} ({scan(source, target, args.profile)} pages)", file=sys.stderr)


if __name__ == "__main__":
    main()
