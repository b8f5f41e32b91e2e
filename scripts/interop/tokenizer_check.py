#!/usr/bin/env python3
"""Tokenizer interop check (run by tokenizer_check.sh).

  tokenizer_check.py make-text OUT.txt [MIN_BYTES]
      writes a deterministic mixed text (English prose and code from this machine's files,
      Welsh and Gaelic authority names, emoji, odd whitespace, CRLF, specials) of >= MIN_BYTES.
  tokenizer_check.py make-corpus OUT.txt [MAX_BYTES]
      concatenates text found on this machine (default 50 MiB) to train on.
  tokenizer_check.py compare DIR TEXT
      loads DIR/tokenizer.json with tokenizers.Tokenizer.from_file and DIR with
      transformers.AutoTokenizer.from_pretrained, and checks that both give exactly the ids our
      Swift tokenizer wrote to DIR/ids.json for TEXT, and that decoding gives TEXT back.
"""
import glob
import gzip
import json
import os
import random
import sys

NAMES = [
    "Ynys Môn", "Rhondda Cynon Taf", "Comhairle nan Eilean Siar", "Cyngor Sir Ceredigion",
    "Bwrdeistref Sirol Merthyr Tudful", "Cyngor Gwynedd", "Sir Ddinbych", "Bro Morgannwg",
    "Castell-nedd Port Talbot", "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch",
    "Comhairle Baile Átha Cliath", "Dùn Èideann", "Glaschu", "Zoë Brontë-Ødegård",
]
EMOJI = ["🎰", "🍒", "🍋", "🔔", "7️⃣", "👩‍👩‍👧‍👦", "🏴󠁧󠁢󠁷󠁬󠁳󠁿", "🇬🇧", "💷", "✉️", "📄", "🤖"]
SPACES = [" ", "  ", "\t", "\t\t", "\n", "\n\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u202f", " \n ", "   \n\n  ", "\u0085", "\u2028", "\x0b", "\x0c"]
SPECIALS = ["<|endoftext|>", "<|authority|>", "<|jurisdiction|>", "<|keywords|>", "<|style|>", "<|request|>"]


def sources():
    texts = []
    for p in sorted(glob.glob("/usr/share/common-licenses/*")):
        if os.path.isfile(p):
            texts.append(open(p, encoding="utf-8", errors="replace").read())
    for p in sorted(glob.glob("/usr/share/man/man1/*.gz"))[:150]:
        try:
            texts.append(gzip.open(p, "rt", encoding="utf-8", errors="replace").read())
        except OSError:
            pass
    py = sorted(glob.glob(os.path.join(os.path.dirname(os.__file__), "*.py")))[:40]
    for p in py:
        texts.append(open(p, encoding="utf-8", errors="replace").read())
    return texts


def make_text(out, min_bytes):
    rng = random.Random(20240601)
    texts = sources()
    parts, size = [], 0
    i = 0
    while size < min_bytes:
        src = texts[i % len(texts)]
        i += 1
        lines = src.splitlines(keepends=True)
        start = rng.randrange(max(1, len(lines)))
        for line in lines[start:start + rng.randrange(20, 200)]:
            r = rng.random()
            if r < 0.05:
                line = line.rstrip("\n") + " " + rng.choice(NAMES) + rng.choice(SPACES)
            elif r < 0.08:
                line = rng.choice(EMOJI) * rng.randrange(1, 4) + rng.choice(SPACES) + line
            elif r < 0.11:
                line = line.replace(" ", rng.choice(SPACES), 2)
            elif r < 0.12:
                line = line.rstrip("\n") + "\r\n"
            elif r < 0.125:
                line = rng.choice(SPECIALS) + line
            parts.append(line)
            size += len(line.encode("utf-8"))
        parts.append(rng.choice(["\n", "\n\n", "\r\n\r\n", "\n<|endoftext|>\n"]))
    text = "".join(parts)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    print(f"wrote {out}: {len(text.encode('utf-8'))} bytes, {len(text)} characters")


def make_corpus(out, max_bytes):
    """Concatenates text found on this machine (licences, man pages, package docs, Python's
    standard library) up to max_bytes: a stand-in corpus for measuring training speed."""
    roots = sorted(glob.glob("/usr/share/common-licenses/*"))
    roots += sorted(glob.glob("/usr/share/man/man*/*.gz"))
    for dirpath, _, files in sorted(os.walk("/usr/share/doc")):
        roots += [os.path.join(dirpath, f) for f in sorted(files) if not f.endswith((".gz", ".png", ".jpg", ".svg", ".pdf"))]
    for dirpath, _, files in sorted(os.walk(os.path.dirname(os.__file__))):
        roots += [os.path.join(dirpath, f) for f in sorted(files) if f.endswith((".py", ".txt", ".rst"))]
    size = 0
    with open(out, "wb") as f:
        for p in roots:
            if size >= max_bytes or not os.path.isfile(p):
                continue
            try:
                data = gzip.open(p).read() if p.endswith(".gz") else open(p, "rb").read()
            except OSError:
                continue
            if b"\0" in data[:4096]:
                continue
            data = data[: max_bytes - size]
            f.write(data)
            size += len(data)
    print(f"wrote {out}: {size} bytes from {len(roots)} candidate files")


def first_diff(a, b):
    for k, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return k
    return min(len(a), len(b))


def compare(d, text_path):
    from tokenizers import Tokenizer
    import tokenizers
    import transformers
    from transformers import AutoTokenizer

    text = open(text_path, encoding="utf-8", newline="").read()
    ours = json.load(open(os.path.join(d, "ids.json")))
    ok = True

    tk = Tokenizer.from_file(os.path.join(d, "tokenizer.json"))
    ids = tk.encode(text).ids
    if ids == ours:
        print(f"tokenizers {tokenizers.__version__}: ids identical ({len(ids)} tokens, {len(text.encode('utf-8'))} bytes)")
    else:
        ok = False
        k = first_diff(ids, ours)
        print(f"tokenizers: MISMATCH at token {k}: theirs {ids[k:k+8]} ours {ours[k:k+8]}")
        print("  context:", repr(tk.decode(ids[max(0, k - 5):k + 5])))
    dec = tk.decode(ours, skip_special_tokens=False)
    if dec == text:
        print("tokenizers: decode(our ids) == text")
    else:
        ok = False
        print(f"tokenizers: decode differs at char {first_diff(dec, text)}")

    hf = AutoTokenizer.from_pretrained(d)
    ids2 = hf(text, add_special_tokens=False)["input_ids"]
    if ids2 == ours:
        print(f"transformers {transformers.__version__} AutoTokenizer ({type(hf).__name__}): ids identical")
    else:
        ok = False
        k = first_diff(ids2, ours)
        print(f"transformers: MISMATCH at token {k}: theirs {ids2[k:k+8]} ours {ours[k:k+8]}")
    dec2 = hf.decode(ours, skip_special_tokens=False)
    if dec2 == text:
        print("transformers: decode(our ids) == text")
    else:
        ok = False
        print(f"transformers: decode differs at char {first_diff(dec2, text)}")
    if len(hf) != tk.get_vocab_size() or hf.eos_token_id != 0:
        ok = False
        print(f"transformers: len {len(hf)} eos {hf.eos_token_id}, expected {tk.get_vocab_size()} and 0")
    print("TOKENIZER INTEROP:", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "make-text":
        make_text(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_200_000)
        sys.exit(0)
    if len(sys.argv) >= 3 and sys.argv[1] == "make-corpus":
        make_corpus(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50 << 20)
        sys.exit(0)
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        sys.exit(compare(sys.argv[2], sys.argv[3]))
    print(__doc__)
    sys.exit(2)
