#!/usr/bin/env python3
"""Writes Tests/LMTests/Fixtures/tokenizer_golden.json: the ids that Hugging Face `tokenizers`
gives for a set of tricky strings with the committed small tokenizer (trained by our Swift
BPETrainer, Tests/LMTests/Fixtures/tokenizer_small). The Swift test
TokenizerTests.matchesTokenizersLibraryGolden compares our ids with these exactly.

Run: python3 -m venv .venv-interop && .venv-interop/bin/pip install tokenizers
     .venv-interop/bin/python scripts/interop/tokenizer_fixture.py
"""
import json
import os
import sys

from tokenizers import Tokenizer

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIX = os.path.join(ROOT, "Tests", "LMTests", "Fixtures")

CASES = [
    "", " ", "  ", "\n", "\n\n\n", "\r\n", "\t\t", "a", "Hello world", " Hello  world ",
    "Dear Leeds City Council,\nUnder the Freedom of Information Act 2000, I request:\n1. the number of pothole repairs.\n",
    "Ynys Môn", "Rhondda Cynon Taf", "Comhairle nan Eilean Siar", "Cyngor Gwynedd; Sir Ddinbych; Bro Morgannwg",
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
    "🎰🍒🍋🔔 7️⃣ 👩‍👩‍👧‍👦 🏴󠁧󠁢󠁷󠁬󠁳󠁿 flags 🇬🇧",
    "line one\r\nline two\r\n\r\n", "tab\tseparated\tvalues\n", "a\t\tb\t \tc \t\n",
    "odd\u00a0space\u2003em\u3000ideographic\u1680ogham\u0085nel\u202fnarrow\u205fmath\u2028ls\u2029ps",
    "\x0b\x0c vertical tab and form feed \x1c\x1d\x1e\x1f info separators",
    "zero\u200bwidth\ufeffbom \u180emongolian",
    "it's they're we've I'm you'll he'd IT'S 's '' 'x don't",
    "e\u0301cole café naïve Zoë", "数字 １２３ ٣٤٥ Ⅻ ½ ² ① x²",
    "    indented code():\n        return [x**2 for x in y]  # comment\n",
    "<|endoftext|>",
    "<|authority|>Leeds City Council<|jurisdiction|>FOIA 2000<|keywords|>pothole repairs; compensation claims<|style|>default<|request|>\nDear Leeds City Council,\n",
    "<|endoftext<|endoftext|>|>", "<|notaspecial|> <|pad|><|pad|>", "x<|reserved_3|>y <|summary|> <|filing|>",
    "a" * 3000, "ab" * 1500 + " " + "x" * 40,
    "trailing spaces   ", "   leading spaces", "mixed \t \n \r\n  end", "   \n  \n",
    "£1,234.56 — “quoted” ‘single’ … • bullet → arrow",
    "Ελληνικά Русский עברית العربية हिन्दी ไทย 한국어 日本語",
    "GPL-3.0-or-later: https://www.gnu.org/licenses/gpl-3.0.html <foo@example.org>",
]


def main() -> int:
    tok = Tokenizer.from_file(os.path.join(FIX, "tokenizer_small", "tokenizer.json"))
    out = []
    for text in CASES:
        ids = tok.encode(text).ids
        out.append({"text": text, "ids": ids, "decoded": tok.decode(ids, skip_special_tokens=False)})
    import tokenizers
    doc = {"tokenizers_version": tokenizers.__version__, "vocab_size": tok.get_vocab_size(), "cases": out}
    with open(os.path.join(FIX, "tokenizer_golden.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(out)} cases (tokenizers {tokenizers.__version__}, vocab {tok.get_vocab_size()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
