#!/usr/bin/env bash
# Fails when a Swift file under Sources/ imports a module that DESIGN.md's module table does not allow,
# when Package.swift gives a target a dependency its row does not allow, or when a target is missing from
# the table. Run by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
always="Foundation Dispatch Glibc Darwin Synchronization FoundationXML"
table=$(grep -E '^\| `[A-Za-z0-9]+` \|' DESIGN.md)
status=0
for dir in Sources/*/; do
  target=$(basename "$dir")
  row=$(printf '%s\n' "$table" | grep -E "^\| \`$target\` \|" || true)
  if [ -z "$row" ]; then echo "DESIGN.md: target $target is not in the module table" >&2; status=1; continue; fi
  allowed=$(printf '%s\n' "$row" | awk -F'|' '{print $4}' | tr ',' ' ' | tr -d '—' )
  while IFS= read -r line; do
    file=${line%%:*}
    mod=$(printf '%s\n' "${line#*:}" | sed -E 's/^(@[A-Za-z_]+ )*import (struct |class |enum |func |protocol |typealias |var |let )?//; s/[. ].*//')
    ok=0
    for a in $always $allowed; do [ "$a" = "$mod" ] && ok=1; done
    if [ $ok = 0 ]; then echo "$file imports $mod, which DESIGN.md does not allow $target" >&2; status=1; fi
  done < <(grep -rHE '^(@[A-Za-z_]+ )*import ' "$dir" --include='*.swift' || true)
done
for t in $(printf '%s\n' "$table" | sed -E 's/^\| `([A-Za-z0-9]+)`.*/\1/'); do
  [ -d "Sources/$t" ] || { echo "DESIGN.md names $t, which has no Sources/$t" >&2; status=1; }
done
# Package.swift must agree with the table too: a target may depend only on what its row allows (a product by
# its name), so the closure of a target with no engine in its row (FOI, Store, Bandit, TUI) has no LM in it.
if command -v swift >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  manifest=$(swift package dump-package 2>/dev/null) || { echo "swift package dump-package failed" >&2; exit 1; }
  printf '%s\n' "$manifest" | TABLE="$table" python3 -c '
import json, os, sys
rows = {}
for line in os.environ["TABLE"].splitlines():
    cells = line.split("|")
    rows[cells[1].strip().strip("`")] = {m.strip() for m in cells[3].replace("\u2014", "").split(",") if m.strip()}
bad = 0
for t in json.load(sys.stdin)["targets"]:
    if t["name"] not in rows or not os.path.isdir("Sources/" + t["name"]): continue
    target = t["name"]
    for d in t["dependencies"]:
        name = next(iter(d.values()))[0]
        if name not in rows[target]:
            print(f"Package.swift: {target} depends on {name}, which DESIGN.md does not allow it", file=sys.stderr); bad = 1
sys.exit(bad)
' || status=1
fi
[ $status = 0 ] && echo "imports match DESIGN.md"
exit $status
