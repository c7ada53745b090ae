"""Header and headings as real documents print them (issue 19): each shape
written from its description, on small documents built here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import reportparse

BODY = ("一、总体情况\n{opening}本机关认真落实条例。\n二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n四、政府信息公开行政复议、行政诉讼情况\n无。\n"
        "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n")


def doc(title: str, *, head: str = "", period: int | None = 2023, opening: str = "", tail: str = "") -> str:
    stats = f"本报告所列数据的统计期限自{period}年1月1日起至{period}年12月31日止。\n" if period else ""
    return f"{head}{title}\n\n{stats}{BODY.format(opening=opening)}{tail}"


def codes(r: reportparse.Report) -> list[str]:
    return [d.code for d in r.diagnostics]


@pytest.mark.parametrize("printed", [
    "青浦区人民政府2023年政府信息公开工作年度报\n告",        # the last character wrapped onto a line of its own
    "青浦区人民政府2023年政府信息\n公开工作年度报告",        # two lines
    "青浦区人民政府\n2023年政府信息公开\n工作年度报告",        # three lines
    "青浦区人民政府2023年政府\n信息公开工作年度\n报告",
])
def test_a_title_wrapped_over_lines_is_joined(printed):
    r = reportparse.parse_text(doc(printed))
    assert r.header.title.value == "青浦区人民政府2023年政府信息公开工作年度报告"
    assert (r.header.year.value, r.header.issuer.value) == (2023, "青浦区人民政府")
    assert "HDR_TITLE_REPAIRED" not in codes(r)  # a wrap is read, not repaired


@pytest.mark.parametrize("printed", ["雄县人民政府2023年政府信息公开工作年度报\n| ma |", "雄县人民政府2023年政府信息公开工作年度报 ma",
                                     "雄县人民政府2023年政府信息公开工作年度"])
def test_a_title_whose_last_characters_ocr_garbled_is_completed_and_marked(printed):
    r = reportparse.parse_text(doc(printed))
    assert r.header.title.value == "雄县人民政府2023年政府信息公开工作年度报告"
    assert r.header.title.raw.startswith("雄县人民政府2023年")  # the printed text is kept
    assert "HDR_TITLE_REPAIRED" in codes(r) and r.header.year.value == 2023


def test_a_garbled_title_whose_year_disagrees_is_not_taken():
    r = reportparse.parse_text(doc("雄县人民政府2021年政府信息公开工作年度报\n| ma |", period=2023))
    assert r.header.title.value is None and "HDR_NO_TITLE" in codes(r)


def test_a_title_year_with_one_digit_damaged_is_repaired_from_the_period():
    r = reportparse.parse_text(doc("洪泽区人民政府202]年政府信息公开工作年度报告", period=2021))
    assert (r.header.title.value, r.header.year.value, r.header.issuer.value) == (
        "洪泽区人民政府2021年政府信息公开工作年度报告", 2021, "洪泽区人民政府")
    assert "HDR_TITLE_REPAIRED" in codes(r)
    r = reportparse.parse_text(doc("洪泽区人民政府202]年政府信息公开工作年度报告", period=2019))  # two digits off: no repair
    assert r.header.title.value.startswith("洪泽区人民政府202") and "HDR_TITLE_REPAIRED" not in codes(r)


@pytest.mark.parametrize(("kwargs", "source"), [
    ({"period": 2022}, "the statistics period"),
    ({"period": None, "opening": "2022年，"}, "the overview's opening"),
    ({"period": None, "tail": "\n雄县人民政府\n2023年1月20日\n"}, "成文日期 minus one"),
])
def test_a_year_not_in_the_title_is_read_elsewhere_and_the_source_named(kwargs, source):
    r = reportparse.parse_text(doc("雄县人民政府政府信息公开工作年度报告", **kwargs))
    assert r.header.year.value == 2022
    said = [d for d in r.diagnostics if d.code == "HDR_YEAR_FROM_TEXT"]
    assert len(said) == 1 and source in said[0].message


def test_an_ocr_damaged_period_still_gives_the_year():
    text = doc("雄县人民政府政府信息公开工作年度报告", period=None).replace(
        "一、总体情况", "本报告所列数据的统计期限自2024年]月1]日起至2024年12月31日止。\n一、总体情况")
    assert reportparse.parse_text(text).header.year.value == 2024


def test_the_issuer_takes_the_place_name_as_the_body_spells_it():
    """OCR printed 桃产乡 in the title; the body spells 桃源乡 twice."""
    opening = "2023年，桃源乡教育局按照桃源乡党委部署，"
    r = reportparse.parse_text(doc("桃产乡教育局2023年政府信息公开工作年度报告", opening=opening))
    assert r.header.issuer.value == "桃源乡教育局" and r.header.issuer.raw.startswith("桃产乡教育局")
    assert r.header.title.value == "桃源乡教育局2023年政府信息公开工作年度报告"
    assert {d.path for d in r.diagnostics if d.code == "HDR_NAME_FROM_BODY"} == {"header.issuer", "header.title"}
    # the body spells the printed name too, or two other spellings, or only once: nothing changes
    for other in ("2023年，桃产乡教育局按照桃源乡党委部署，桃源乡", "2023年，桃源乡和桃园乡，", "2023年，桃源乡教育局"):
        r = reportparse.parse_text(doc("桃产乡教育局2023年政府信息公开工作年度报告", opening=other))
        assert r.header.issuer.value == "桃产乡教育局" and "HDR_NAME_FROM_BODY" not in codes(r)


def test_an_issuer_the_body_spells_other_ways_none_twice_is_flagged_not_changed():
    """OCR misread the place everywhere it is printed, each time differently
    (柱并镇 in the title, 柱汇镇 and 柱濮镇 in the body): nothing to prefer, so
    the name stays as printed, with a warning that it may be misread."""
    opening = "2023年，桃源乡教育局按照桃园乡党委部署，"
    r = reportparse.parse_text(doc("桃产乡教育局2023年政府信息公开工作年度报告", opening=opening))
    assert r.header.issuer.value == "桃产乡教育局"
    doubts = [d for d in r.diagnostics if d.code == "HDR_NAME_UNCERTAIN"]
    assert {d.path for d in doubts} == {"header.issuer", "header.title"}  # the title names the place too
    assert all("桃源乡" in d.message and "桃园乡" in d.message for d in doubts)
    # the body spells the printed name: no warning
    r = reportparse.parse_text(doc("桃产乡教育局2023年政府信息公开工作年度报告", opening="2023年，桃产乡教育局按照桃园乡党委部署，"))
    assert "HDR_NAME_UNCERTAIN" not in codes(r)


@pytest.mark.parametrize(("printed", "read", "code"), [
    ("青政酌〔2024〕3号", "青政函〔2024〕3号", "HDR_DOC_NUMBER_KIND"),   # 酌: a look-alike of exactly one kind
    ("青政发〔2024〕3号", "青政发〔2024〕3号", None),                  # read clean: never changed
    ("青政鑫〔2024〕3号", "青政鑫〔2024〕3号", None),                  # no look-alike listed: stays as printed
])
def test_a_doc_number_kind_is_repaired_only_when_one_candidate_fits(printed, read, code):
    r = reportparse.parse_text(doc("青浦区人民政府2023年政府信息公开工作年度报告", head=f"青浦区人民政府文件\n{printed}\n\n"))
    assert r.header.doc_number.value == read
    assert ("HDR_DOC_NUMBER_KIND" in codes(r)) == (code is not None)
    if code:
        assert r.header.doc_number.raw.strip() == printed


def test_a_crawled_page_drops_what_is_glued_in_front_of_the_title():
    paras = "".join(f"<p>{line}</p>" for line in BODY.format(opening="").splitlines())
    page = ("<html><head><title>沭阳县发展和改革局2023年政府信息公开工作年度报告_沭阳县人民政府</title></head><body>"
            "<span>沭阳县发改局</span><span>政府信息公开</span><span>名称</span>"
            f"<span>沭阳县发展和改革局2023年政府信息公开工作年度报告</span>{paras}</body></html>")
    r = reportparse.parse_bytes(page.encode(), path="page.html")
    assert r.header.title.value == "沭阳县发展和改革局2023年政府信息公开工作年度报告"
    assert r.header.issuer.value == "沭阳县发展和改革局"


def test_a_heading_with_one_stray_character_is_found_and_numbering_may_start_late():
    text = doc("雄县人民政府2023年政府信息公开工作年度报告").replace("四、政府信息公开行政复议", "四、政府信息公开行政法复议")
    r = reportparse.parse_text(text)
    assert "appeals" in {s.key for s in r.sections} and "SEC_TITLE_FUZZY" in codes(r)
    # 总体情况 unnumbered: the numbers run one behind the template's, consistently
    shifted = doc("雄县人民政府2023年政府信息公开工作年度报告").replace("一、总体情况", "总体情况")
    for a, b in (("二、主动", "一、主动"), ("三、收到", "二、收到"), ("四、政府", "三、政府"), ("五、存在", "四、存在"), ("六、其他", "五、其他")):
        shifted = shifted.replace(a, b)
    r = reportparse.parse_text(shifted)
    # (总体情况 itself, on a line of its own before any numbered section, is that section: SEC_UNNUMBERED)
    assert [s.key for s in r.sections] == ["overview", "proactive", "applications", "appeals", "problems", "other"]
    assert "SEC_UNNUMBERED" in codes(r) and "SEC_MISSING" not in codes(r)
    # a numbered line matching no standard title where another number is expected stays prose
    r = reportparse.parse_text(doc("雄县人民政府2023年政府信息公开工作年度报告").replace("本年度未收到申请。", "本年度未收到申请。\n九、关于办理的说明"))
    assert [s.key for s in r.sections if s.level == 1].count(None) == 0


def _two_reports() -> str:
    return (doc("青浦区人民政府2023年政府信息公开工作年度报告", head="青浦区人民政府文件\n青府发〔2024〕1号\n\n")
            + "\n" + doc("雄县人民政府2023年政府信息公开工作年度报告", head="雄县人民政府文件\n雄政发〔2024〕2号\n\n"))


def test_a_file_with_two_reports_is_an_error_naming_both():
    r = reportparse.parse_text(_two_reports())
    said = [d for d in r.diagnostics if d.code == "INPUT_MULTIPLE_REPORTS"]
    assert len(said) == 1 and "青浦区" in said[0].message and "雄县" in said[0].message
    assert said[0].severity == "error"
    # the same title printed twice (a cover page, then the report) is one report
    once = doc("雄县人民政府2023年政府信息公开工作年度报告")
    assert "INPUT_MULTIPLE_REPORTS" not in codes(reportparse.parse_text("雄县人民政府2023年政府信息公开工作年度报告\n\n" + once))


def test_no_table_of_a_file_with_two_reports_is_valid():
    """Two generated reports one after the other, parsed as one: each table
    was read from either report, or from rows of both, and some came out
    valid with another report's values (``parse_text`` of 10 such pairs in
    six layouts: 19 tables valid with values not the first report's). None
    is valid; ``parse_reports`` reads each."""
    from generator import make_report

    first, second = make_report(777100000, "ogi-2021", "tab"), make_report(778100000, "ogi-2019", "tab")
    r = reportparse.parse_text(first.text + "\n\n" + second.text)
    assert "INPUT_MULTIPLE_REPORTS" in codes(r)
    assert not r.valid and not any(t.valid for t in r.tables.values())
    assert all(t.valid for t in reportparse.parse_text(first.text).tables.values())


@pytest.mark.parametrize("line", [
    "政务公开信息公开年报",                  # a site's column in a breadcrumb scraped with the page
    "〔首页〕（/）政务公开信息公开年报",
    "出具各县区、各部门政务公开评估分报告",  # a line of prose that OCR broke off before its full stop
])
def test_a_line_naming_neither_year_nor_issuer_starts_no_second_report(line):
    once = doc("雄县人民政府2023年政府信息公开工作年度报告")
    for text in (line + "\n" + once, once.replace("本年度未收到申请。", "本年度未收到申请。\n" + line)):
        r = reportparse.parse_text(text)
        assert "INPUT_MULTIPLE_REPORTS" not in codes(r)
        assert r.header.title.value == "雄县人民政府2023年政府信息公开工作年度报告"


def test_a_running_header_that_repeats_the_title_after_a_date_is_the_same_report():
    """A browser's print header: the date and time, then the title, on each page."""
    once = doc("雄县人民政府2023年政府信息公开工作年度报告")
    text = once.replace("本年度未收到申请。", "本年度未收到申请。\n2024/3/5 下午2:20 雄县人民政府2023年政府信息公开工作年度报告")
    assert "INPUT_MULTIPLE_REPORTS" not in codes(reportparse.parse_text(text))
    # a second report under another issuer still counts
    two = once + "\n" + doc("青浦区人民政府2023年政府信息公开工作年度报告")
    assert "INPUT_MULTIPLE_REPORTS" in codes(reportparse.parse_text(two))


def test_split_gives_one_report_per_title_with_its_own_header(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(_two_reports(), encoding="utf-8")
    first, second = reportparse.parse_reports(path)
    assert (first.source.path, second.source.path) == (f"{path}#1", f"{path}#2")
    assert (first.header.issuer.value, first.header.doc_number.value) == ("青浦区人民政府", "青府发〔2024〕1号")
    assert (second.header.issuer.value, second.header.doc_number.value) == ("雄县人民政府", "雄政发〔2024〕2号")
    text = path.read_text(encoding="utf-8")  # spans point into the whole file
    span = second.header.title.span
    assert text[span.start:span.end] == "雄县人民政府2023年政府信息公开工作年度报告"
    assert not any(d.code == "INPUT_MULTIPLE_REPORTS" for r in (first, second) for d in r.diagnostics)


def test_cli_exits_1_on_two_reports_and_split_prints_an_array(tmp_path):
    path = tmp_path / "two.txt"
    path.write_text(_two_reports(), encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "reportparse", "parse", str(path)], capture_output=True, text=True)
    assert run.returncode == 1
    run = subprocess.run([sys.executable, "-m", "reportparse", "parse", str(path), "--split", "--flat"], capture_output=True, text=True)
    rows = json.loads(run.stdout)
    assert [r["header.issuer"] for r in rows] == ["青浦区人民政府", "雄县人民政府"]


def test_corpus_gives_an_error_row_or_with_split_a_row_each(tmp_path):
    from reportparse.corpus import load, run_corpus

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "two.txt").write_text(_two_reports(), encoding="utf-8")
    run_corpus([str(tmp_path / "in")], tmp_path / "out", jobs=1, engine="local")
    rows = load(tmp_path / "out")
    assert list(rows["status"]) == ["error"]
    run_corpus([str(tmp_path / "in")], tmp_path / "split", jobs=1, engine="local", options={"split": True})
    rows = load(tmp_path / "split")
    assert [p.rsplit("/", 1)[-1] for p in rows["source.path"]] == ["two.txt#1", "two.txt#2"]
    assert list(rows["header.issuer"]) == ["青浦区人民政府", "雄县人民政府"]


def test_no_repair_touches_a_header_read_clean():
    from conftest import SAMPLE

    r = reportparse.parse_file(SAMPLE)
    assert not [c for c in codes(r) if c in ("HDR_TITLE_REPAIRED", "HDR_NAME_FROM_BODY", "HDR_DOC_NUMBER_KIND", "HDR_YEAR_FROM_TEXT")]
    assert r.header.doc_number.value == "柱政发〔2024〕3号" and r.header.year.value == 2023


@pytest.mark.parametrize(("origin", "doubted"), [("ocr", True), ("digital", False)])
def test_an_ocr_issuer_whose_place_is_no_division_but_one_character_from_two_is_doubted(origin, doubted):
    """OCR read 兰溪 as 兰汉 wherever it is printed, so the body cannot correct
    it; but 兰汉市 is no division, and 兰溪市 and 兰州市 are one character
    away: in OCR text the issuer and the title carry HDR_NAME_UNCERTAIN, and
    keep the printed name. In digital text a place the table lacks is only
    REGION_UNKNOWN (a newer name, a township)."""
    from reportparse import ParseOptions

    r = reportparse.parse_text(doc("兰汉市商务局2023年政府信息公开工作年度报告"), ParseOptions(text_origin=origin))
    assert r.header.issuer.value == "兰汉市商务局" and r.header.title.value.startswith("兰汉市商务局")
    paths = {d.path for d in r.diagnostics if d.code == "HDR_NAME_UNCERTAIN"}
    assert paths == ({"header.issuer", "header.title"} if doubted else set())
    assert "REGION_UNKNOWN" in codes(r)
    if doubted:
        msg = next(d.message for d in r.diagnostics if d.code == "HDR_NAME_UNCERTAIN")
        assert "兰溪市" in msg and "兰州市" in msg
    # a real division read clean is never doubted
    clean = reportparse.parse_text(doc("青浦区人民政府2023年政府信息公开工作年度报告"), ParseOptions(text_origin=origin))
    assert "HDR_NAME_UNCERTAIN" not in codes(clean)


@pytest.mark.parametrize(("opening", "doubted"), [("", True), ("柱奖镇人民政府坚持公开为常态。", False)])
def test_an_ocr_township_the_body_never_spells_is_doubted(opening, doubted):
    """柱濮镇 read 柱奖镇 in the title of whole-page OCR text, and the body never
    names the issuer (bench/ocr-heldout): a township is in no code table, so
    nothing confirms the reading and the name is flagged on the issuer and
    the title, kept as printed. A body that spells the place as the title
    does confirms it; digital text is never doubted so."""
    from reportparse import ParseOptions

    printed = doc("柱奖镇人民政府2024年政府信息公开工作年度报告", period=2024, opening=opening)
    r = reportparse.parse_text(printed, ParseOptions(text_origin="ocr"))
    assert r.header.issuer.value == "柱奖镇人民政府"
    paths = {d.path for d in r.diagnostics if d.code == "HDR_NAME_UNCERTAIN"}
    assert paths == ({"header.issuer", "header.title"} if doubted else set())
    if doubted:
        assert "柱奖镇" in next(d.message for d in r.diagnostics if d.code == "HDR_NAME_UNCERTAIN")
    digital = reportparse.parse_text(printed, ParseOptions(text_origin="digital"))
    assert "HDR_NAME_UNCERTAIN" not in codes(digital)
