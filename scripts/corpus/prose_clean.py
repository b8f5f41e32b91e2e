"""Markup strippers and a prose filter for pretrain_extract.py (stdlib only).

Each *_paras() function returns a list of plain-text paragraphs (wrapped lines joined); prose_only()
then drops headings, code and tables that slipped through.
"""
import html
import re
from html.parser import HTMLParser


def prose_only(paras, min_len=60, min_ratio=0.7):
    """Keeps paragraphs that read as sentences: long enough, mostly letters and spaces, several words."""
    kept = []
    for p in paras:
        p = p.strip()
        if len(p) < min_len or len(p.split()) < 8 or "XREF" in p:   # XREF: texinfo redirect stubs
            continue
        letters = sum(1 for c in p if c.isalpha() or c == " ")
        if letters / len(p) < min_ratio:
            continue
        kept.append(p)
    return kept


def reflow(text):
    return [re.sub(r"\s*\n\s*", " ", p).strip() for p in re.split(r"\n\s*\n", text)]


# --- reStructuredText (Sphinx) ---------------------------------------------------------------

def rst_paras(text):
    """Drops directives, literal blocks, doctest lines, tables and heading underlines; unwraps roles."""
    keep = []
    in_code = False
    for line in text.split("\n"):
        s = line.rstrip()
        if re.match(r"^\s*\.\. ", s):          # directives and comments (their indented bodies too)
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
        if re.match(r"^\s*[=\-~^*#+\"'`:.]{3,}\s*$", s):   # heading underlines
            continue
        if re.match(r"^\s*[+|]", s):          # grid-table rows and line blocks
            keep.append("")
            continue
        if s.lstrip().startswith((">>>", "...", "$ ", "# ")):
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
    t = re.sub(r"^\s*(?:[-*]|\d+\.|#\.)\s+", "", t, flags=re.M)      # list bullets
    return reflow(t)


# --- POD (Perl documentation) --------------------------------------------------------------

def _pod_code(m):
    code, body = m.group(1), m.group(2).strip()
    if code == "E":
        return {"lt": "<", "gt": ">", "verbar": "|", "sol": "/"}.get(body, html.unescape("&%s;" % body))
    if code == "L":
        text, bar, target = body.partition("|")
        if bar:
            return text
        target = text
        return re.sub(r'^"|"$', "", target.split("/")[-1]) or target
    if code in "XZ":
        return ""
    return body


def pod_paras(text):
    """Keeps ordinary paragraphs and =item labels; drops verbatim (indented) blocks and =begin/=end."""
    paras, skip = [], False
    for block in re.split(r"\n\s*\n", text):
        if skip:
            if block.startswith("=end"):
                skip = False
            continue
        if block.startswith("=begin"):
            skip = True
            continue
        if block.startswith((" ", "\t")):
            continue
        if block.startswith("="):
            cmd, _, rest = block.partition(" ")
            if cmd in ("=item",):
                block = rest.lstrip("*0123456789. ")
            else:
                continue
        for _ in range(4):    # nested formatting codes, innermost first
            block = re.sub(r"([BICFSLXZE])<<+\s+(.*?)\s+>>+", _pod_code, block, flags=re.S)
            block = re.sub(r"([BICFSLXZE])<([^<>]*)>", _pod_code, block)
        paras.append(re.sub(r"\s*\n\s*", " ", block).strip())
    return paras


# --- HTML (Sphinx, DocBook and AsciiDoc output) ---------------------------------------------

BLOCK = {"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section",
         "article", "br", "tr", "ul", "ol", "dl", "table", "body", "td", "th", "caption", "figure"}
VOID = {"br", "img", "hr", "meta", "link", "input", "col", "area", "base", "wbr", "source"}
SKIP_TAGS = {"script", "style", "pre", "table", "nav", "header", "footer", "head", "svg", "math",
             "form", "button", "select", "textarea"}
# Navigation, sidebars, indexes and code listings in Sphinx / DocBook / AsciiDoc pages.
SKIP_CLASS = re.compile(r"\b(sphinxsidebar|related|footer|navheader|navfooter|toc|highlight|"
                        r"literal-block|listingblock|literallayout|programlisting|screen|synopsis|"
                        r"cmdsynopsis|funcsynopsis|headerlink|breadcrumbs|nav|menu|index)\b")
SKIP_ID = re.compile(r"^(header|footer|toc|sidebar|nav|footnotes|sidebar-wrapper)$")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []   # (tag, skipping)
        self.parts = []

    def skipping(self):
        return bool(self.stack) and self.stack[-1][1]

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n\n")
        if tag in VOID:
            return
        a = dict(attrs)
        skip = self.skipping() or tag in SKIP_TAGS or bool(SKIP_CLASS.search(a.get("class") or "")) \
            or bool(SKIP_ID.match(a.get("id") or ""))
        self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in BLOCK:
            self.parts.append("\n\n")
        for i in range(len(self.stack) - 1, -1, -1):   # tolerate unclosed <p>, <li> and the like
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not self.skipping():
            self.parts.append(data)


def html_paras(text):
    p = _Text()
    p.feed(text)
    p.close()
    return reflow("".join(p.parts).replace("\u00b6", ""))
