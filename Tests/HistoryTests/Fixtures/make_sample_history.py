#!/usr/bin/env python3
"""Writes sample_history.csv: ~80 FOI requests in one person's voice (Alasdair Penhallow).

The voice: always "Dear FOI Officer", items lettered (a), (b), (c), the same sentence about the
preferred format, "Kind regards" and the name; short, plain sentences. Authorities and topics come
from the seed data (a topic is only sent to an authority it suits). Run from the repository root:
    python3 Tests/HistoryTests/Fixtures/make_sample_history.py
"""
import csv, random, os

random.seed(8)
root = os.path.join(os.path.dirname(__file__), "..", "..", "..")
auths = list(csv.DictReader(open(os.path.join(root, "authorities/authorities.csv"), encoding="utf-8")))
kws = list(csv.DictReader(open(os.path.join(root, "keywords/keywords.csv"), encoding="utf-8")))
for k in kws:
    k["cats"] = [c.strip() for c in k["categories"].split(";")]

FORMAT = "My preferred format is a CSV spreadsheet sent to this email address."
NAME = "Alasdair Penhallow"

openers = [
    "I am writing to {a} under the {law}. I would like recorded information about {t}.",
    "This is a request to {a} under the {law}. It concerns {t}.",
    "I am asking {a} for information under the {law}. My questions are about {t}.",
    "Under the {law}, I am requesting information from {a}. The subject is {t}.",
]
leads = [
    "Please provide the following for the last three financial years:",
    "Please provide the following for each year from 2021 to 2024:",
    "Please provide the following for the period since April 2021:",
    "Please provide the following for the last two calendar years:",
]
items = [
    "the number of cases of {k} that you recorded in each year.",
    "the total amount you spent on {k} in each year.",
    "a copy of your current policy or procedure on {k}.",
    "the number of complaints you received about {k}.",
    "the job title of the officer who is responsible for {k}.",
    "any target you set for {k}, and the result you achieved.",
    "the number of staff who work on {k}, as full-time equivalents.",
    "the name of any outside contractor for {k}, and the contract value.",
    "the date of your most recent review of {k}.",
    "the average time you took to deal with {k}.",
]
clarifiers = [
    "If any part of this is unclear, please contact me before you refuse it.",
    "If the full request would cost too much, please tell me what you can provide.",
    "If you do not hold some of this, please say so and answer the rest.",
    "Please do not delay the whole request for one missing part.",
]

def law(a, env):
    scot = a["nation"] == "Scotland"
    if env and scot:
        return "Environmental Information (Scotland) Regulations 2004"
    if env:
        return "Environmental Information Regulations 2004"
    return "Freedom of Information (Scotland) Act 2002" if scot else "Freedom of Information Act 2000"

rows = []
used = set()
cands = [a for a in auths if a["category"]]
random.shuffle(cands)
for a in cands:
    if len(rows) == 80:
        break
    suit = [k for k in kws if a["category"] in k["cats"] or a["group"] in k["cats"]]
    if len(suit) < 2:
        continue
    # one environmental topic family at a time, so the law is unambiguous
    random.shuffle(suit)
    k1 = suit[0]
    k2 = next((k for k in suit[1:] if k["environmental"] == k1["environmental"] and k["keyword"] != k1["keyword"]), None)
    if k2 is None or (a["name"], k1["keyword"]) in used:
        continue
    used.add((a["name"], k1["keyword"]))
    env = k1["environmental"] == "true"
    n = len(rows)
    t = f"{k1['keyword']} and {k2['keyword']}"
    its = random.sample(items, 3 if n % 3 else 4)
    keys = [k1["keyword"], k2["keyword"], k1["keyword"], k2["keyword"]]
    body = "Dear FOI Officer,\n\n"
    body += openers[n % len(openers)].format(a=a["name"], law=law(a, env), t=t) + "\n\n"
    body += leads[(n // 4) % len(leads)] + "\n"
    for j, it in enumerate(its):
        body += f"({'abcd'[j]}) " + it.format(k=keys[j]) + "\n"
    body += "\n" + clarifiers[(n // 2) % len(clarifiers)] + " " + FORMAT + "\n\n"
    body += "Kind regards,\n" + NAME
    # a few rows name the authority by its short name, as people do
    authority = a["short_name"] if n % 7 == 3 and a["short_name"] else a["name"]
    rows.append({"authority": authority, "title": t[0].upper() + t[1:],
                 "date": f"202{3 + n % 2}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                 "keywords": f"{k1['keyword']}; {k2['keyword']}", "body": body})

out = os.path.join(os.path.dirname(__file__), "sample_history.csv")
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=["authority", "title", "date", "keywords", "body"])
    w.writeheader()
    w.writerows(rows)
print(f"wrote {len(rows)} requests to {out}")
