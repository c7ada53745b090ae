"""GB/T 9704 header and 版记."""

from __future__ import annotations

import reportparse


def test_sample_header(sample_report):
    h = sample_report.header
    assert h.mark.value == "柱濮镇人民政府文件"
    assert h.issuer.value == "柱濮镇人民政府"
    assert h.doc_number.value == "柱政发〔2024〕3号"
    assert h.title.value == "柱濮镇2023年政府信息公开工作年度报告"
    assert h.year.value == 2023
    assert h.cc.value == "镇党政领导班子成员"
    assert h.printer.value == "柱濮镇党政综合办公室"
    assert h.printed_date.value == "2024-01-24"
    assert h.note.value == "（此件公开发布）"


def test_header_spans_point_at_the_source(sample_report):
    from conftest import SAMPLE

    text = SAMPLE.read_text(encoding="utf-8")
    h = sample_report.header
    assert text[h.doc_number.span.start:h.doc_number.span.end] == "柱政发〔2024〕3号"
    assert text[h.printer.span.start:h.printer.span.end] == "柱濮镇党政综合办公室"
    assert h.cc.span.line == text[:h.cc.span.start].count("\n") + 1


DOC = """南册区人民政府文件

南政发 【2024] 12号

南岗区2023年政府信息公开工作
年度报告

一、总体情况
正文。

南岗区人民政府
2024年1月20日

（此件公开发布）

抄送：区委办公室。
南岗区人民政府办公室    2024年1月22日印发
"""


def test_an_issuer_name_the_body_never_uses_takes_the_bodys_spelling():
    """hongze-2023 scanned: tesseract reads the title's 洪泽区 as 潜泽区; the body
    names 洪泽区人民政府 three times. Read as the body spells it, with the printed
    text kept and a diagnostic; a body that names it once, or names two
    different one-character variants, changes nothing."""
    def doc(body: str) -> str:
        return f"潜泽区人民政府\n2023年政府信息公开工作年度报告\n\n本报告由{body}编制。\n一、总体情况\n正文。\n"

    r = reportparse.parse_text(doc("洪泽区人民政府办公室根据要求，请与洪泽区人民政府办公室联系"))
    assert (r.header.issuer.value, r.header.title.value) == ("洪泽区人民政府", "洪泽区人民政府2023年政府信息公开工作年度报告")
    assert r.header.issuer.raw.startswith("潜泽区人民政府")
    assert any(d.code == "HDR_NAME_FROM_BODY" and "潜泽区" in d.message for d in r.diagnostics)
    for body in ("洪泽区人民政府办公室", "洪泽区人民政府和宏泽区人民政府、洪泽区人民政府"):
        r = reportparse.parse_text(doc(body))
        assert r.header.issuer.value == "潜泽区人民政府"
        assert not any(d.code == "HDR_NAME_FROM_BODY" for d in r.diagnostics)


def test_a_misread_word_in_a_long_issuer_name_takes_the_bodys_spelling():
    """Askew scans of hongze-2023: the title's 洪泽区 comes out as 潜译区, two
    characters side by side. In a name of six characters or more a misread
    word counts like a misread character; two misread characters apart, or
    a short name, change nothing."""
    def doc(title: str, body: str) -> str:
        return f"{title}\n2023年政府信息公开工作年度报告\n\n本报告由{body}编制。\n一、总体情况\n正文。\n"

    twice = "洪泽区人民政府办公室根据要求，请与洪泽区人民政府办公室联系"
    r = reportparse.parse_text(doc("潜译区人民政府", twice))
    assert r.header.issuer.value == "洪泽区人民政府" and r.header.issuer.raw.startswith("潜译区人民政府")
    assert any(d.code == "HDR_NAME_FROM_BODY" and "潜译区" in d.message for d in r.diagnostics)
    for title, body in (("潜泽区人民政冇", twice), ("潜译区", "洪泽区根据要求，请与洪泽区联系")):
        r = reportparse.parse_text(doc(title, body))
        assert r.header.issuer.value == title
        assert not any(d.code == "HDR_NAME_FROM_BODY" for d in r.diagnostics)


def test_ocr_damaged_issuer_loses_the_vote_and_brackets_are_repaired():
    r = reportparse.parse_text(DOC)
    h = r.header
    assert h.issuer.value == "南岗区人民政府"
    assert any(d.code == "HDR_ISSUER_CONFLICT" and "南册区" in d.message for d in r.diagnostics)
    assert h.doc_number.value == "南政发〔2024〕12号"
    assert any(d.code == "HDR_DOC_NUMBER_REPAIRED" for d in r.diagnostics)
    assert h.title.value == "南岗区2023年政府信息公开工作年度报告"
    assert h.signature.value == "南岗区人民政府"
    assert h.issued_date.value == "2024-01-20"
    assert h.printer.value == "南岗区人民政府办公室"
    assert h.printed_date.value == "2024-01-22"
    assert h.cc.value == "区委办公室"


def test_web_report_without_banner_starts_with_title():
    r = reportparse.parse_text("2019年上海市人民政府办公厅政府信息公开工作年度报告\n\n一、总体情况\n正文。\n")
    assert r.header.title.value == "2019年上海市人民政府办公厅政府信息公开工作年度报告"
    assert r.header.issuer.value == "上海市人民政府办公厅"
    assert r.header.year.value == 2019
    assert r.header.mark.value is None and r.header.doc_number.value is None


def test_year_from_chinese_numerals_and_period():
    r = reportparse.parse_text("某县二〇一七年政府信息公开工作年度报告\n正文。")
    assert r.header.year.value == 2017
    r = reportparse.parse_text("某县政府信息公开工作年度报告\n本报告统计期限自2016年1月1日起至2016年12月31日止。")
    assert r.header.year.value == 2016


def test_level_and_place_of_the_reporting_body(sample_report):
    from reportparse.level import classify

    assert (sample_report.header.level.value, sample_report.header.place.value) == ("township", "柱濮镇")
    cases = {
        "淮安市洪泽区人民政府": ("county", "淮安市洪泽区", None),
        "平潭综合实验区管委会": ("special_zone", "平潭综合实验区", None),
        "淮安市人民政府": ("city", "淮安市", None),
        "江苏省人民政府": ("province", "江苏省", None),
        "上海市人民政府办公厅": ("department", "上海市", "province"),
        "淮安市洪泽区交通运输局": ("department", "淮安市洪泽区", "county"),
        "某某街道办事处": ("township", "某某街道办事处", None),
    }
    for name, (level, place, gov) in cases.items():
        lv = classify(name)
        assert (lv.level, lv.place, lv.government_level) == (level, place, gov), name
    assert classify(None).level == "unknown" and classify("某单位").level == "unknown"
    assert classify(None, "平潭综合实验区2021年度政府信息公开工作年度报告").level == "special_zone"


def test_a_table_row_at_the_top_is_no_issuer_mark():
    """A text of tables alone (a table extractor's output) in one cell per
    line: 二's row 规范性文件 (行政规范性文件) alone on a line near the top
    was read as the 发文机关标志 (a name and 文件), and the body began after
    it. The grammar's pattern leaves 规范性文件 out; an issuer's 文件 is kept."""
    for row in ("规范性文件", "行政规范性文件"):
        r = reportparse.parse_text(f"第二十条第（一）项\n信息内容\n本年制发件数\n规章\n0\n{row}\n3\n")
        assert r.header.mark.value is None
    assert reportparse.parse_text("南岗区人民政府文件\n\n南政发〔2026〕1号\n").header.mark.value == "南岗区人民政府文件"
