#!/usr/bin/env python3
"""Checks keywords/questions.tsv and writes the Swift file that carries it into the program.

The question banks are data (keywords/questions.tsv); the program holds them compiled in, as
Sources/FOI/Banks/QuestionBankData.swift, so no run of it has a file to find or lose. Run this after
editing the banks: it fails on a row that does not parse (four tab-separated fields, kind n or d, no
empty text), a theme given twice, or a keyword given twice, and otherwise rewrites the Swift file.
`--check` only checks, and also that the Swift file is up to date (FOITests checks that too).
"""
import os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TSV = os.path.join(ROOT, "keywords", "questions.tsv")
SWIFT = os.path.join(ROOT, "Sources", "FOI", "Banks", "QuestionBankData.swift")
HEADER = "theme\tkeyword\tkind\ttext"


def check(text):
    errors, themes, keywords = [], {}, {}
    lines = text.split("\n")
    rows = [(n, l) for n, l in enumerate(lines, 1) if l and not l.startswith("#")]
    if not rows or rows[0][1] != HEADER:
        return ["the first row that is not a comment must be the header: " + HEADER.replace("\t", " <tab> ")]
    last = None
    for n, line in rows[1:]:
        f = line.split("\t")
        if len(f) != 4 or f[2] not in ("n", "d") or not f[3].strip():
            errors.append(f"line {n}: want theme, keyword, kind (n or d) and text, separated by tabs")
            continue
        theme, keyword = f[0], f[1]
        # A theme's rows and a keyword's rows are one block each, so a second block is a repeat.
        if theme != last:
            if theme in themes: errors.append(f"line {n}: theme '{theme}' again (first at line {themes[theme]})")
            themes[theme] = n
            kw_last = None
        if keyword and keyword != kw_last:
            k = keyword.lower()
            if k in keywords: errors.append(f"line {n}: keyword '{keyword}' again (first at line {keywords[k]})")
            keywords[k] = n
        kw_last, last = keyword, theme
    return errors


def swift(text):
    # One string literal per theme (a blank line ends one), so no line of the Swift file is huge.
    pieces, cur = [], []
    for line in text.split("\n")[:-1]:
        cur.append(line + "\n")
        if line == "":
            pieces.append("".join(cur)); cur = []
    if cur: pieces.append("".join(cur))
    esc = lambda s: s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t").replace("\n", "\\n")
    out = ["// Written by scripts/question_banks.py from keywords/questions.tsv: edit that file, then run the script.",
           "extension QuestionBanks {",
           "    /// keywords/questions.tsv as it is, one piece per theme.",
           "    static let source: [String] = ["]
    out += [f"        \"{esc(p)}\"," for p in pieces]
    out += ["    ]", "}", ""]
    return "\n".join(out)


def main():
    text = open(TSV, encoding="utf-8").read()
    errors = check(text)
    for e in errors: print("keywords/questions.tsv " + e, file=sys.stderr)
    if errors: sys.exit(1)
    want = swift(text)
    if "--check" in sys.argv[1:]:
        have = open(SWIFT, encoding="utf-8").read() if os.path.exists(SWIFT) else ""
        if have != want:
            print("Sources/FOI/Banks/QuestionBankData.swift is out of date: run scripts/question_banks.py", file=sys.stderr)
            sys.exit(1)
        return
    with open(SWIFT, "w", encoding="utf-8") as f: f.write(want)


if __name__ == "__main__":
    main()
