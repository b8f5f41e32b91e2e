#!/usr/bin/env bash
# Fails when a Swift file under Sources/ imports a module that DESIGN.md's module table does not allow,
# or when a target is missing from the table. Run by `make test`.
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
[ $status = 0 ] && echo "imports match DESIGN.md"
exit $status
