#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) over the extraction corpus,
timed inside one process: CPU time (time.process_time) of Document(bytes)
.summary() plus turning its HTML into text, per page, no interpreter start-up.

usage: bench/readability_peer.py PAGES_DIR [--repeat N] [--texts OUT.json]
Prints one JSON object: pages, bytes, cpu_seconds (best of N runs),
pages_per_second, per_page (each page's best of N CPU times, for per-type
figures); with --texts, writes {page: extracted text}.

usage: bench/readability_peer.py --corpus LIST OUT_DIR
One pass over a page list (dataset TAB id TAB html-path TAB url a line), as
bench/extract-compare runs every system: OUT_DIR/<dataset>/<id>.json gets
{"text": ...} (the layout `extraction-score --outputs` rescores) and
OUT_DIR/cpu.tsv a line "dataset id cpu-microseconds ok|error" (tabs); pages
already in cpu.tsv are skipped, so a stopped run resumes.
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


def corpus(list_path, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    cpu_path = os.path.join(out_dir, "cpu.tsv")
    done = set()
    if os.path.exists(cpu_path):
        with open(cpu_path, encoding="utf-8") as f:
            done = {tuple(line.split("\t")[:2]) for line in f if line.strip()}
    with open(list_path, encoding="utf-8") as f, open(cpu_path, "a", encoding="utf-8") as cpu:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 3 or tuple(fields[:2]) in done:
                continue
            dataset, page_id, html_path = fields[:3]
            with open(html_path, "rb") as page:
                data = page.read()
            os.makedirs(os.path.join(out_dir, dataset), exist_ok=True)
            status = "ok"
            start = time.process_time()
            try:
                # As for every peer (bench/peers/extract.mjs): valid UTF-8 is read as UTF-8 (the
                # corpus has no HTTP charset); anything else goes to readability's own detection.
                try:
                    page_input = data.decode("utf-8")
                except UnicodeDecodeError:
                    page_input = data
                text = to_text(Document(page_input).summary(html_partial=True))
            except Exception as error:  # readability raises on some inputs: the page counts as failed
                status = "error"
                with open(os.path.join(out_dir, dataset, page_id + ".error.txt"), "w", encoding="utf-8") as out:
                    out.write(f"readability-lxml: {html_path}: {error!r}\n")
            used = time.process_time() - start
            if status == "ok":
                with open(os.path.join(out_dir, dataset, page_id + ".json"), "w", encoding="utf-8") as out:
                    json.dump({"text": text}, out, ensure_ascii=False)
            cpu.write(f"{dataset}\t{page_id}\t{int(used * 1e6)}\t{status}\n")
            cpu.flush()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2], sys.argv[3])
        return
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
