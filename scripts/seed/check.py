#!/usr/bin/env python3
"""Validate authorities/ and keywords/ seed data. Exit status 1 on the first class of failures.

Usage: python3 scripts/seed/check.py [--repo .]   (standard library only)
"""
import argparse
import collections
import csv
import os
import sys

AUTH_HEADER = ["name", "short_name", "group", "category", "nation", "regime", "website"]
CAT_HEADER = ["group", "category"]
KW_HEADER = ["keyword", "theme", "categories", "environmental"]
NATIONS = {"England", "Wales", "Scotland", "Northern Ireland", "UK"}
REGIMES = {"FOIA 2000", "FOISA 2002"}
MIN_AUTHORITIES, MIN_KEYWORDS, MIN_THEMES = 1000, 600, 25


def read(path, header, errors):
    with open(path, encoding="utf-8", newline="") as f:
        rd = csv.reader(f)
        got = next(rd, None)
        if got != header:
            errors.append("%s: header %r, expected %r" % (path, got, header))
            return []
        rows = []
        for i, row in enumerate(rd, start=2):
            if len(row) != len(header):
                errors.append("%s:%d: %d fields, expected %d" % (path, i, len(row), len(header)))
                continue
            rows.append(dict(zip(header, row)))
        return rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repo", default=os.path.dirname(os.path.dirname(here)))
    a = ap.parse_args()
    errors = []
    auth = read(os.path.join(a.repo, "authorities", "authorities.csv"), AUTH_HEADER, errors)
    cats = read(os.path.join(a.repo, "authorities", "categories.csv"), CAT_HEADER, errors)
    kws = read(os.path.join(a.repo, "keywords", "keywords.csv"), KW_HEADER, errors)

    # categories.csv
    pairs = set()
    for c in cats:
        p = (c["group"], c["category"])
        if not all(p):
            errors.append("categories.csv: empty field %r" % (p,))
        if p in pairs:
            errors.append("categories.csv: duplicate pair %r" % (p,))
        pairs.add(p)
    groups = {g for g, _ in pairs}
    categories = {c for _, c in pairs}
    cat_owner = collections.defaultdict(set)
    for g, c in pairs:
        cat_owner[c].add(g)
    for c, gs in cat_owner.items():
        if len(gs) > 1:
            errors.append("categories.csv: category %r under several groups %r" % (c, sorted(gs)))
    if groups & categories:
        errors.append("categories.csv: names used both as group and category: %r" % sorted(groups & categories))

    # authorities.csv
    names = collections.Counter(r["name"] for r in auth)
    for n, k in names.items():
        if k > 1:
            errors.append("authorities.csv: duplicate name %r" % n)
    used_pairs = set()
    for r in auth:
        where = "authorities.csv %r" % r["name"]
        if not r["name"].strip() or r["name"] != r["name"].strip() or not r["short_name"].strip():
            errors.append(where + ": empty or padded name/short_name")
        if r["nation"] not in NATIONS:
            errors.append(where + ": nation %r" % r["nation"])
        if r["regime"] not in REGIMES:
            errors.append(where + ": regime %r" % r["regime"])
        if r["nation"] == "Scotland" and r["regime"] != "FOISA 2002":
            errors.append(where + ": Scottish authority must be FOISA 2002")
        if r["nation"] != "Scotland" and r["regime"] != "FOIA 2000":
            errors.append(where + ": non-Scottish authority must be FOIA 2000")
        p = (r["group"], r["category"])
        if p not in pairs:
            errors.append(where + ": (group, category) %r not in categories.csv" % (p,))
        used_pairs.add(p)
        w = r["website"]
        if w and not (w.startswith("https://") or w.startswith("http://")) and " " in w:
            errors.append(where + ": website %r" % w)
    for p in pairs - used_pairs:
        errors.append("categories.csv: pair %r used by no authority" % (p,))
    key = [(r["group"], r["category"], r["name"]) for r in auth]
    if key != sorted(key):
        errors.append("authorities.csv: rows not sorted by group, category, name")
    if len(auth) < MIN_AUTHORITIES:
        errors.append("authorities.csv: %d rows, need at least %d" % (len(auth), MIN_AUTHORITIES))

    # keywords.csv
    seen = set()
    for r in kws:
        where = "keywords.csv %r" % r["keyword"]
        k = r["keyword"]
        if not k or k != k.strip():
            errors.append(where + ": empty or padded keyword")
        if k.lower() in seen:
            errors.append(where + ": duplicate keyword")
        seen.add(k.lower())
        if not r["theme"]:
            errors.append(where + ": empty theme")
        if r["environmental"] not in ("true", "false"):
            errors.append(where + ": environmental %r" % r["environmental"])
        entries = [e for e in r["categories"].split(";")]
        if not entries or any(not e or e != e.strip() for e in entries):
            errors.append(where + ": empty categories entry")
        suits = False
        for e in entries:
            if e not in groups and e not in categories:
                errors.append(where + ": %r is neither a group nor a category in categories.csv" % e)
            if any(a["group"] == e or a["category"] == e for a in auth):
                suits = True
        if not suits:
            errors.append(where + ": suits no authority")
    themes = collections.Counter(r["theme"] for r in kws)
    if len(kws) < MIN_KEYWORDS:
        errors.append("keywords.csv: %d rows, need at least %d" % (len(kws), MIN_KEYWORDS))
    if len(themes) < MIN_THEMES:
        errors.append("keywords.csv: %d themes, need at least %d" % (len(themes), MIN_THEMES))

    # report
    print("authorities: %d" % len(auth))
    for label, field in (("by nation", "nation"), ("by regime", "regime"), ("by group", "group")):
        print("  %s:" % label)
        for v, n in collections.Counter(r[field] for r in auth).most_common():
            print("    %-50s %5d" % (v, n))
    print("categories: %d pairs in %d groups" % (len(pairs), len(groups)))
    env = sum(r["environmental"] == "true" for r in kws)
    print("keywords: %d in %d themes (%d environmental)" % (len(kws), len(themes), env))
    for t, n in sorted(themes.items()):
        print("    %-50s %5d" % (t, n))
    if errors:
        print("\n%d problem(s):" % len(errors), file=sys.stderr)
        for e in errors[:200]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
