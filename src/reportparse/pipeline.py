"""The one pipeline: ingest → normalise → segment → tables → check → model.

Text, PDF and HTML differ only in ingest; everything after works on canonical text.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .decode import decode_bytes
from .diagnostics import Diagnostic
from .errors import UnreadableInputError
from .grammar import load_grammars
from .header import read_header
from .model import Report, Source
from .normalise import normalise
from .options import ParseOptions
from .rules import check_tables
from .sections import build_sections
from .tables import extract_tables
from .template import detect_template


def parse_text(text: str, options: ParseOptions | None = None, *, source: Source | None = None) -> Report:
    """Parse the text of one report."""
    if not isinstance(text, str):
        raise TypeError(f"parse_text expects str, got {type(text).__name__}; use parse_bytes for bytes")
    opts = options or ParseOptions()
    g = load_grammars()
    src = source or Source(sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    if not text.strip():
        raise UnreadableInputError("the input has no text")
    canon = normalise(text, g)
    diags: list[Diagnostic] = []
    if src.encoding and src.encoding not in ("utf-8", "utf-8-sig"):
        diags.append(Diagnostic("INPUT_ENCODING", f"decoded as {src.encoding}"))
    if canon.removed.get("web_chrome") or canon.removed.get("scrape_metadata"):
        diags.append(Diagnostic("INPUT_WEB_CHROME", f"removed {canon.removed['scrape_metadata']} metadata lines and {canon.removed['web_chrome']} navigation fragments"))
    furniture = canon.removed.get("page_number", 0) + canon.removed.get("running_header", 0)
    if furniture:
        diags.append(Diagnostic("INPUT_PAGE_FURNITURE", f"removed {canon.removed['page_number']} page numbers and {canon.removed['running_header']} running headers"))
    hr = read_header(canon, g)
    diags.extend(hr.diagnostics)
    template, tdiags = detect_template(canon.text, hr.header.title.value, hr.header.year.value, g, opts.template)
    diags.extend(tdiags)
    tree = build_sections(canon, hr.body_start, hr.body_end, g, template, (opts.fuzzy_errors, opts.regex_timeout))
    diags.extend(tree.diagnostics)
    tables, tbdiags = extract_tables(canon, tree.regions, template, opts)
    diags.extend(tbdiags)
    rules, rdiags, valid = check_tables(tables, template, opts)
    diags.extend(rdiags)
    return Report(source=src, template=template.id if template else "unknown",
                  template_notice=template.notice if template else None, header=hr.header,
                  sections=tree.sections, tables=tables, rules=rules, diagnostics=diags, valid=valid)


def parse_bytes(data: bytes, options: ParseOptions | None = None, *, path: str | None = None) -> Report:
    """Parse a text document given as bytes (encoding detected)."""
    opts = options or ParseOptions()
    if len(data) > opts.max_bytes:
        raise UnreadableInputError(f"the input is {len(data)} bytes, more than max_bytes={opts.max_bytes}")
    text, encoding = decode_bytes(data)
    src = Source(path=path, sha256=hashlib.sha256(data).hexdigest(), kind="text", encoding=encoding)
    return parse_text(text, opts, source=src)


def parse_file(path: str | os.PathLike[str], options: ParseOptions | None = None) -> Report:
    """Parse one report file (text in any supported encoding)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise UnreadableInputError(f"{p}: is a directory") from None
    except OSError as exc:
        raise UnreadableInputError(f"{p}: {exc.strerror or exc}") from None
    if data.startswith(b"%PDF") or p.suffix.lower() == ".pdf":
        raise UnreadableInputError(f"{p}: PDF input is not supported yet; convert it to text first (e.g. pdftotext -layout)")
    return parse_bytes(data, options, path=str(p))
