"""HTML ingest (standard library parser): prose in document order, and each
``<table>`` rebuilt as a grid honouring ``rowspan``/``colspan``, rendered as
tab-separated rows like PDF tables. Scripts, styles and navigation are dropped.

poppler's ``pdftohtml -xml`` output is read the same way: each ``<text>``
element (a run of a line, in the PDF's order, as ``pdftohtml``'s HTML prints
it) on a line of its own, each ``<page>`` ending with a form feed, the
bookmarks (``<outline>``) left out. So is OCR's hOCR (tesseract's ``hocr``
output; pages one after another): each ``ocr_line`` a line, its words joined
as tesseract's text output joins them (one space apart, none between two
Chinese ones; the source's line breaks between word elements are no line
breaks), each further ``ocr_page`` after a form feed.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import regex

from ..startcache import compiled
from . import SourceText
from .grid import Cell, row_fields

_SKIP = {"script", "style", "noscript", "head", "nav", "select", "option", "button", "iframe", "svg", "form",
         "outline"}  # pdf2xml: the bookmarks, a second copy of the headings
_BLOCK = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
          "header", "footer", "dd", "dt", "blockquote", "pre", "hr", "center",
          "text"}  # pdf2xml (pdftohtml -xml): a run of text with its place on the page
_WHITE = compiled(r"\s+")
_CJK = compiled(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")  # a Chinese character or full-width mark
_HOCR_LINE = compiled(r"(?:^|\s)(?:ocr_line|ocrx_line|ocr_header|ocr_caption|ocr_textfloat)(?:\s|$)")
_CHROME = compiled(r"(?:^|[\s_-])(?:nav|menu|breadcrumb|crumb|sidebar|share|toolbar|topbar|footer|header|banner)(?:$|[\s_-])", regex.I)


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[tuple[str, int, int]]] = []  # (text, rowspan, colspan)
        # a table holding another table in a cell lays out the page (an old CMS's frame around the
        # report): its cells are blocks of the document's text, not cells of a grid
        self.layout = False

    def grid(self) -> tuple[int, int, dict[tuple[int, int], Cell]]:
        owner: dict[tuple[int, int], Cell] = {}
        ncols = 0
        for r, row in enumerate(self.rows):
            c = 0
            for text, rs, cs in row:
                while (r, c) in owner:
                    c += 1
                cell = Cell(r, c, r + rs - 1, c + cs - 1, (0.0, 0.0, 0.0, 0.0), text=text)
                for dr in range(rs):
                    for dc in range(cs):
                        owner[(r + dr, c + dc)] = cell
                c += cs
                ncols = max(ncols, c)
        nrows = max((k[0] for k in owner), default=-1) + 1
        return nrows, ncols, owner


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.skip_stack: list[str] = []
        self.tables: list[_Table] = []
        self.cell: list[str] | None = None
        self.cell_span = (1, 1)
        self.title: list[str] | None = None  # the page's <title>, collected while it is open
        self.page_title = ""
        self.h1: list[str] | None = None  # an <h1>, collected while it is open
        self.headings: list[str] = []
        self.hocr_pages = 0  # hOCR's ocr_page elements opened (0: not hOCR)
        self.hocr_last = ""  # the line's last character written, and white space read after it
        self.hocr_space = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        css = a.get("class") or ""
        if "ocr_" in css:  # hOCR's pages and lines (no other page's tags pay for the test below)
            self._hocr_start(css)
        if tag == "title":
            self.title = []
        if tag == "h1" and not self.skip:
            self.h1 = []
        if self.skip or tag in _SKIP or _CHROME.search(f"{a.get('class') or ''} {a.get('id') or ''}") and tag not in ("table", "td", "tr"):
            if tag not in ("br", "img", "meta", "link", "input", "hr"):
                self.skip += 1
                self.skip_stack.append(tag)
            return
        if tag == "table":
            if self.tables and self.cell is not None:
                self._lay_out(self.tables[-1])
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1].layout:
            self._text("\n")
        elif tag in ("td", "th") and self.tables:
            self.cell = []
            self.cell_span = (_int(a.get("rowspan")), _int(a.get("colspan")))
        elif tag in _BLOCK:
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title is not None:
            self.page_title, self.title = "".join(self.title), None
        if tag == "h1" and self.h1 is not None:
            self.headings.append("".join(self.h1))
            self.h1 = None
        if self.skip:
            if self.skip_stack and self.skip_stack[-1] == tag:
                self.skip_stack.pop()
                self.skip -= 1
            return
        if tag in ("td", "th") and self.tables and self.cell is not None:
            text = compiled(r"\s+").sub(" ", "".join(self.cell)).strip()
            if not self.tables[-1].rows:
                self.tables[-1].rows.append([])
            self.tables[-1].rows[-1].append((text, *self.cell_span))
            self.cell = None
        elif tag == "table" and self.tables and self.tables[-1].layout:
            self.tables.pop()
            self._text("\n")
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            nrows, ncols, owner = table.grid()
            self._text("\n")
            for fields in row_fields(nrows, ncols, owner, markup=True):
                self._text("\t".join(c.text if c is not None else "" for c in fields) + "\n")
        elif tag == "page":  # pdf2xml
            self._text("\n\f")
        elif tag in _BLOCK:
            self._text("\n")

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        if self.h1 is not None:
            self.h1.append(data)
        if self.skip:
            return
        if self.hocr_pages:
            data = self._hocr_words(data)
        self._text(data.replace("\n", " ") if self.cell is not None else data)

    def _hocr_start(self, css: str) -> None:
        """An hOCR element opened: a page after a form feed (the first after a line break), a line on a line of its own."""
        if "ocr_page" in css.split():
            self._text("\n\f" if self.hocr_pages else "\n")
            self.hocr_pages += 1
        elif self.hocr_pages and _HOCR_LINE.search(css):
            self._text("\n")
        else:
            return
        self.hocr_last, self.hocr_space = "", False

    def _hocr_words(self, data: str) -> str:
        """hOCR's words as tesseract's text output joins them: white space
        between two words one space, none between two Chinese characters
        (``新闻发布会 12 场``, ``34件，``); the source's line breaks between the
        word elements no line breaks."""
        words = _WHITE.split(data)
        out = []
        for k, w in enumerate(words):
            if k:
                self.hocr_space = True
            if not w:
                continue
            if self.hocr_space and self.hocr_last and not (_CJK.match(self.hocr_last) and _CJK.match(w[0])):
                out.append(" ")
            out.append(w)
            self.hocr_last, self.hocr_space = w[-1], False
        return "".join(out)

    def _lay_out(self, table: _Table) -> None:
        """``table`` holds a table in the cell being read: a layout table. The
        cells read so far become lines of the document, the open cell's text
        so far with them (its blocks kept apart), and the rest of its cells
        are read as the document's own text (a layout table opens no cell, so
        this comes once per table)."""
        opened, self.cell = "".join(self.cell or []), None
        table.layout = True
        self._text("\n" + "".join("\t".join(text for text, _, _ in row) + "\n" for row in table.rows if row))
        self._text(opened + "\n")

    def _text(self, s: str) -> None:
        (self.cell if self.cell is not None else self.out).append(s)


def _int(v: str | None) -> int:
    try:
        return max(1, min(int(v or 1), 200))
    except ValueError:
        return 1


def read_html(markup: str) -> SourceText:
    p = _Parser()
    p.feed(markup)
    p.close()
    text = html.unescape("".join(p.out))
    # blank lines collapse; tabs stay (a table row's trailing empty cells are cells)
    text = compiled(r"[ \u00a0]*\n[ \u00a0]*\n+").sub("\n\n", text)
    title = _report_title(html.unescape(p.page_title))
    if title and _compact(title) not in _compact(text[:4000]):
        text = f"{title}\n\n{text.strip()}"  # a page whose body does not repeat its <title>
    for name in [title] + [_report_title(h) for h in p.headings]:
        if name:
            text = _own_line(text, name)
    return SourceText(text.strip() + "\n", kind="html")


def _own_line(text: str, title: str) -> str:
    """The report title on a line of its own: a crawl glues the site name, the
    page heading or a metadata label (名称) in front of it."""
    m = regex.compile(r"\s*".join(regex.escape(ch) for ch in _compact(title))).search(text, 0, 4000)
    if m is None or m.start() == 0 or text[m.start() - 1] == "\n":
        return text
    return text[:m.start()].rstrip(" \t") + "\n" + text[m.start():]


_SITE_SUFFIX = compiled(r"\s*(?:[_|｜]|\s[-—–]\s|——).*$")


def _report_title(title: str) -> str | None:
    """The report's title from the page's ``<title>`` (``…年度报告_某市人民政府``),
    if it names a report."""
    t = _SITE_SUFFIX.sub("", compiled(r"\s+").sub(" ", title).strip())
    return t if t.endswith("报告") and len(t) <= 80 else None


def _compact(s: str) -> str:
    return compiled(r"\s+").sub("", s)
