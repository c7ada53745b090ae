"""Canonical text and the offset map back to the original."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import reportparse
from reportparse.grammar import load_grammars
from reportparse.normalise import normalise


def canon(text: str) -> str:
    return normalise(text, load_grammars()).text


def test_widths_brackets_and_spaces_in_words():
    assert canon("商 业 企 业") == "商业企业"
    assert canon("本年 度办 理结 果") == "本年度办理结果"
    assert canon("柱政发 【2024] 3号") == "柱政发〔2024〕3号"
    assert canon("(三) 不予公 开") == "（三）不予公开"
    assert canon("２０２３年") == "2023年"
    assert canon("规章            1          0        11") == "规章\t1\t0\t11"
    assert canon("2 .其他法律行政法规禁止公开  0") == "2.其他法律行政法规禁止公开\t0"  # OCR: a space before the dot
    assert canon("0 .5万元") == "0 .5万元"


def test_invisible_characters_inside_words_and_numbers_are_dropped():
    """A soft hyphen, a zero-width (non-)joiner or a word joiner a converter
    left inside a label or a number (``收\u00ad费``, ``3\u20601``) split it: a
    label not found, a number read as two."""
    for ch in ("\u200b", "\u00ad", "\u200c", "\u200d", "\u2060", "\ufeff"):
        assert canon(f"行政事业性收{ch}费\t3{ch}1") == "行政事业性收费\t31"
    c = normalise("收\u00ad费\t3\u20601", load_grammars())
    assert c.text == "收费\t31" and c.span(3, 5).start == 4  # 31: from the 3 on


def test_page_furniture_removed():
    text = "一、总体情况\n正文内容\n- 4 -\n\f— 2 —\n第3页\n下一页"
    assert canon(text) == "一、总体情况\n正文内容\n下一页"


def test_running_header_removed():
    page = "某某县人民政府信息公开年报\n正文第{}页内容。\n"
    text = "\f".join(page.format(i) for i in range(1, 5))
    out = canon(text)
    assert out.count("某某县人民政府信息公开年报") == 1


def test_web_chrome_and_scrape_metadata_removed():
    g = load_grammars()
    text = "标题: X县2021年政府信息公开工作年度报告\n发布机构: X县人民政府\n==================== 正文 ====================\n当前位置：首页政务公开 X县2021年 来源：X 根据《条例》编制。\n附件下载"
    c = normalise(text, g)
    assert c.scrape["标题"].startswith("X县2021年")
    assert "当前位置" not in c.text and "附件下载" not in c.text
    assert c.text.startswith("根据《条例》")


def test_font_size_controls_and_body_marker_removed():
    """Page chrome a converter keeps: a lone 正文 line before the title (it
    would be read as the start of the title) and 【字体：大 中 小】."""
    text = "正文\n宿迁市 2025 年政府信息公开工作年度报告\n【字体：大 中 小】 打印本页\n一、总体情况\n正文内容。"
    c = normalise(text, load_grammars())
    assert c.text.split()[0] == "宿迁市2025年政府信息公开工作年度报告"
    assert "字体" not in c.text and "打印本页" not in c.text and "正文内容。" in c.text
    r = reportparse.parse_text(text)
    assert (r.header.title.value, r.header.issuer.value) == ("宿迁市2025年政府信息公开工作年度报告", "宿迁市")


def test_span_points_back_to_original():
    text = "抄 送：镇党政领导班子成员\n柱政发 【2024] 3号"
    c = normalise(text, load_grammars())
    i = c.text.index("柱政发")
    span = c.span(i, i + len("柱政发〔2024〕3号"))
    assert text[span.start:span.end] == "柱政发 【2024] 3号"
    assert span.line == 2


@given(st.text(alphabet=st.sampled_from("商业企 \t\n（）()【】[]０１2３-—第页\f一、1."), max_size=200))
def test_every_canonical_char_maps_into_the_original(text):
    c = normalise(text, load_grammars())
    assert len(c.omap) == len(c.text) + 1
    assert all(0 <= o <= len(text) for o in c.omap)
    assert list(c.omap[:-1]) == sorted(c.omap[:-1])  # the map never goes backwards


def test_traditional_mirror_pages_read_like_simplified():
    import reportparse

    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    trad = text.translate(str.maketrans("开务关况处复国发计请数办结转总类机议讼维纠审规现条报", "開務關況處復國發計請數辦結轉總類機議訟維糾審規現條報"))
    assert trad != text
    a, b = reportparse.parse_text(text), reportparse.parse_text(trad)
    assert a.flat() == b.flat()
    assert [(s.key, s.title) for s in a.sections] == [(s.key, s.title) for s in b.sections]
    assert b.header.printer.value == "柱濮镇党政综合办公室"
    assert canon("本機關規範性檔案在入口網站公開") == "本机关规范性文件在门户网站公开"


def test_taiwan_phrasing_reads_like_simplified():
    """OpenCC's s2twp (Traditional characters and Taiwan terms: 資訊 for 信息,
    資料 for 数据, 檔案 for 文件, 專案 for 项目, 祕密, 製作) of the bundled
    sample (tests/fixtures/sample-opencc-s2twp.txt): the same values, section
    keys and header as the simplified text."""
    import reportparse

    from conftest import FIXTURES, SAMPLE

    a = reportparse.parse_text(SAMPLE.read_text(encoding="utf-8"))
    taiwan = (FIXTURES / "sample-opencc-s2twp.txt").read_text(encoding="utf-8")
    assert "政府資訊公開" in taiwan and "檔案" in taiwan
    b = reportparse.parse_text(taiwan)
    assert a.flat() == b.flat()
    assert [(s.key, s.title) for s in a.sections] == [(s.key, s.title) for s in b.sections]
    assert (b.header.issuer.value, b.header.year.value) == (a.header.issuer.value, a.header.year.value)
    assert canon("政府資訊公開") == "政府信息公开" and canon("本列資料的勾稽關係") == "本列数据的勾稽关系"


@given(st.text(alphabet=st.sampled_from("商业企 \t\n\r\f（）()【】０１2３第页一、1.\u200b|#-"), max_size=200))
def test_kept_characters_map_onto_themselves(text):
    """The offset map is runs, not an integer a character: every character the
    rewrites keep as it was still points at itself in the original."""
    c = normalise(text, load_grammars())
    for i, ch in enumerate(c.text):
        if ch in "商业企第页一":
            assert text[c.omap[i]] == ch
    assert c.omap[-1] == len(text) and c.omap[len(c.text)] == len(text)


@given(st.text(alphabet=st.sampled_from("ab \n"), max_size=80))
def test_line_starts_are_every_line_of_the_original(text):
    c = normalise(text, load_grammars())
    lines = text.split("\n")
    if text.endswith("\n") or not text:  # no line after the last line break
        lines.pop()
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    assert list(c.line_starts) == starts


def test_the_map_of_a_large_document_stays_small():
    text = ("一、总体情况\n商 业 企 业\t3\t4\n" * 5000)
    c = normalise(text, load_grammars())
    assert c.omap.runs <= 4 * 5000  # a few runs a line (here one per deleted space), not a number a character
    i = c.text.index("商业企业", 1000)
    assert text[c.span(i, i + 4).start:c.span(i, i + 4).end] == "商 业 企 业"


def _nbsp_lines(tab_text: str) -> tuple[str, str]:
    """A tab-separated report as a scraper's ``get_text("\\n")`` of its web page
    whose empty cells hold ``&nbsp;`` (every 0 printed empty): each cell on a
    line of its own, an empty one a line of a non-breaking space; and the
    tab-separated text with the same cells empty."""
    lines, tabs = [], []
    for ln in tab_text.split("\n"):
        if not any(c.isdigit() for c in ln.split("\t")[1:]):  # prose, a heading, a header row: its text, piece by piece
            tabs.append(ln)
            lines.extend(c for c in ln.split("\t") if c or "\t" not in ln)
            continue
        cells = ["" if c == "0" else c for c in ln.split("\t")]
        tabs.append("\t".join(cells))
        lines.extend(c or "\xa0" for c in cells)
    return "\n".join(lines), "\n".join(tabs)


def test_cells_one_per_line_with_empty_ones_as_nbsp_read_as_the_tab_separated_table():
    from generator import make_report

    gen = make_report(31, "ogi-2021", "tab")
    nbsp, tab = _nbsp_lines(gen.text)
    a, b = reportparse.parse_text(nbsp), reportparse.parse_text(tab)
    assert a.flat() == b.flat()
    assert [t.valid for t in a.tables.values()] == [t.valid for t in b.tables.values()]
    assert sum(v is not None for k, v in a.flat().items() if k.startswith("applications.")) > 100
    cell = a.tables["applications"].rows["new"]["total"]  # a value maps back to its own characters
    assert nbsp[cell.span.start:cell.span.end] == str(gen.truth["applications.new.total"])


def test_a_spacer_paragraph_of_nbsp_between_prose_is_no_row_of_cells():
    text = "一、总体情况\n第一段。\n\xa0\n2023年\n\xa0\n第二段。"
    assert "\t" not in normalise(text, load_grammars()).text
    rows = "规章\n3\n\xa0\n15\n行政规范性文件\n\xa0\n\xa0\n\xa0"
    assert [ln.split("\t") for ln in normalise(rows, load_grammars()).text.split("\n")][0] == ["规章", "3", " ", "15"]


@given(st.lists(st.sampled_from(["12", "0", "\xa0", " \xa0 ", "\n", "\r\n", "规章", "第一段。", " ", "\t", "—",
                                 "\n本年度相关工作稳步推进，各项制度得到落实。\n"]), max_size=60))
def test_cell_lines_keep_every_offset(pieces):
    """Setting cells one per line (or one space apart; or, where prose has
    no blank line after it, with empty lines for empty cells) on a
    tab-separated line changes no character but a line break or space into a tab (and a ``\\r``
    before such a break into a space; docx2txt's doubled breaks: one of each pair a
    zero-width space): the text keeps its length and offsets."""
    from reportparse.cell_lines import join_cell_lines

    text = "".join(pieces)
    out = join_cell_lines(text)
    assert len(out) == len(text)
    # (docx2txt's doubled line breaks: one of each pair a zero-width space, which the canonical text drops)
    assert all(a == b or (a, b) in (("\n", "\t"), (" ", "\t"), ("\r", " "), ("\n", "\u200b"), ("\r", "\u200b"))
               for a, b in zip(text, out, strict=True))
