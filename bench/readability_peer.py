#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) over the extraction corpus,
timed inside one process: CPU time (time.process_time) of Document(bytes)
.summary() plus turning its HTML into text, per page, no interpreter start-up.

usage: bench/readability_peer.py PAGES_DIR [--repeat N] [--texts OUT.json]
Prints one JSON object: pages, bytes, cpu_seconds (best of N runs),
pages_per_second, per_page (each page's best of N CPU times, for per-type
figures); with --texts, writes {page: extracted text}.
"""
import argparse
import json
import os
import sys
import time

import lxml.html
from readability import Document


def to_text(summary_html):
    if not summary_html:
        return ""
    root = lxml.html.fromstring(summary_html)
    # One space between text pieces: adjacent blocks must not glue words together.
    return " ".join(piece.strip() for piece in root.itertext() if piece.strip())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pages")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--texts")
    args = parser.parse_args()
    pages = []
    for name in sorted(os.listdir(args.pages)):
        if name.endswith(".html"):
            with open(os.path.join(args.pages, name), "rb") as f:
                pages.append((name, f.read()))
    best = None
    texts = {}
    per_page = {}
    for _ in range(max(1, args.repeat)):
        start = time.process_time()
        for name, data in pages:
            page_start = time.process_time()
            try:
                text = to_text(Document(data).summary(html_partial=True))
            except Exception as error:  # readability raises on some inputs; count it as no text
                print(f"readability failed on {name}: {error}", file=sys.stderr)
                text = ""
            texts[name] = text
            page_time = time.process_time() - page_start
            per_page[name] = min(per_page.get(name, page_time), page_time)
        elapsed = time.process_time() - start
        best = elapsed if best is None else min(best, elapsed)
    if args.texts:
        with open(args.texts, "w", encoding="utf-8") as out:
            json.dump(texts, out, ensure_ascii=False)
    total = sum(len(d) for _, d in pages)
    print(json.dumps({"pages": len(pages), "bytes": total, "cpu_seconds": best,
                      "pages_per_second": len(pages) / best if best else 0.0, "per_page": per_page}))


if __name__ == "__main__":
    main()
