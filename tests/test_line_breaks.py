"""Line breaks as other tools write them: Unicode's line and paragraph
separators, NEL, a vertical tab (Word's manual line break), and a whole text
stored as one escaped JSON string (a crawl's JSON lines or a database dump:
``…情况\\n一、…``, ``\\t`` between cells, ``\\u653f`` for 政 when ASCII only),
and HTML entities a scraper left (``&#9;``, ``&nbsp;``).
Each reads as the same text with its line breaks, every value's span still
pointing at its own characters in the input.
"""

from __future__ import annotations

import json

import pytest

import reportparse
from reportparse.grammar import load_grammars
from reportparse.normalise import normalise

from conftest import SAMPLE, cell_at
from generator import make_report

TABLES = ("proactive.", "applications.", "appeals.")


@pytest.mark.parametrize("brk", ["\u2028", "\u2029", "\x0b", "\x85", "\r"])
@pytest.mark.parametrize("layout", ["tab", "lines", "layout"])
def test_other_line_breaks_read_as_line_breaks(brk, layout):
    gen = make_report(31, "ogi-2021", layout)
    plain, other = reportparse.parse_text(gen.text), reportparse.parse_text(gen.text.replace("\n", brk))
    assert other.flat() == plain.flat()
    assert [s.key for s in other.sections] == [s.key for s in plain.sections]


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_json_string_reads_as_its_text(ascii_only):
    text = SAMPLE.read_text(encoding="utf-8")
    stored = json.dumps(text, ensure_ascii=ascii_only)[1:-1]  # the string as a JSON line stores it
    assert "\n" not in stored and "\\n" in stored
    plain, escaped = reportparse.parse_text(text), reportparse.parse_text(stored)
    assert escaped.flat() == plain.flat()
    assert escaped.header.title.value == plain.header.title.value
    cell = cell_at(escaped, "applications.new.total")
    assert stored[cell.span.start:cell.span.end] == str(cell.value)


def test_a_line_with_an_escape_or_two_is_no_json_string():
    line = r"附件见C:\new\docs\notes目录"
    assert normalise(line, load_grammars()).text == line


@pytest.mark.parametrize("tab", ["&#9;", "&nbsp;&nbsp;", "&#x9;"])
def test_html_entities_left_in_scraped_text_are_decoded(tab):
    """A page scraped with its entities left (``规章&#9;4720&#9;1628``): cells
    apart as the entity's tab or spaces set them; ``&amp;`` is ``&``."""
    gen = make_report(32, "ogi-2021", "tab")
    scraped = gen.text.replace("\t", tab).replace("情况", "情况&amp;", 1)
    plain, report = reportparse.parse_text(gen.text), reportparse.parse_text(scraped)
    assert {k: v for k, v in report.flat().items() if k.startswith(TABLES)} == {
        k: v for k, v in plain.flat().items() if k.startswith(TABLES)}
    assert normalise("规章&#9;1 &amp; 2", load_grammars()).text == "规章\t1 & 2"
