#!/usr/bin/python3
"""The peer for bench/feeds-compare: Python feedparser (Debian python3-feedparser)
parsing every file of the corpus directory in one process, timed with
process_time (CPU seconds: the machine is shared) around feedparser.parse
only (files are read first).
Prints one JSON line: {"files", "bytes", "seconds", "bytes_per_second", "items"}.

usage: feedparser_peer.py CORPUS_DIR [REPEAT]
"""
import json
import os
import sys
import time

import feedparser


def main():
    corpus = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    names = sorted(os.listdir(corpus))
    blobs = []
    for name in names:
        with open(os.path.join(corpus, name), "rb") as f:
            blobs.append(f.read())
    total_bytes = sum(len(b) for b in blobs)
    items = 0
    start = time.process_time()
    for _ in range(repeat):
        items = 0
        for blob in blobs:
            parsed = feedparser.parse(blob)
            items += len(parsed.entries)
    seconds = time.process_time() - start
    print(json.dumps({"files": len(blobs), "bytes": total_bytes * repeat, "seconds": seconds,
                      "bytes_per_second": total_bytes * repeat / seconds, "items": items}))


if __name__ == "__main__":
    main()
