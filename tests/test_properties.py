"""Properties over generated and arbitrary input (Hypothesis, ``ci`` profile)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import reportparse
from reportparse import ReportParseError

from generator import LAYOUTS, add_noise, make_report

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400)
REPORTISH = st.lists(st.sampled_from([
    "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "（一）予以公开", "1.属于国家秘密",
    "（七）总计", "四、结转下年度继续办理", "\t", "0", "12", "\n", "  ", "工", "【2024]", "抄送：", "2024年1月2日印发",
    "某县2023年政府信息公开工作年度报告", "\f", "- 3 -", "行政复议", "复议后起诉", "９", "(", "）", "规章",
]), max_size=60).map("".join)


@given(st.one_of(TEXT, REPORTISH))
def test_any_text_gives_a_report_or_a_typed_error(text):
    try:
        report = reportparse.parse_text(text)
    except ReportParseError:
        return
    report.to_json()
    assert len(report.flat()) == 228


@given(st.binary(max_size=600))
def test_any_bytes_through_parse_file(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("b") / "x.txt"
    path.write_bytes(data)
    try:
        reportparse.parse_file(path)
    except ReportParseError:
        pass


def _check(gen, report, exact: bool) -> None:
    flat = report.flat()
    cells = {f"{t}.{r}.{c}": cell for t, tab in report.tables.items() for r, cols in tab.rows.items() for c, cell in cols.items()}
    wrong = []
    for key, want in gen.truth.items():
        got = flat[key]
        if exact:
            assert got == want, (key, got, want)
        elif got is not None and got != want and cells[key].status == "read":
            wrong.append((key, got, want))
    assert not wrong, wrong
    if report.valid:
        assert all(flat[k] == v for k, v in gen.truth.items()), "valid report with a wrong value"


@given(st.integers(0, 10_000), st.sampled_from(["ogi-2021", "ogi-2019"]), st.sampled_from([x for x in LAYOUTS if x != "runtogether"]))
def test_consistent_tables_parse_back_exactly(seed, template, layout):
    gen = make_report(seed, template, layout)
    report = reportparse.parse_text(gen.text)
    assert report.template == template
    _check(gen, report, exact=True)
    assert report.valid and report.source.origin == "digital"  # clean text is never taken for OCR output


@given(st.integers(0, 10_000), st.sampled_from(["ogi-2021", "ogi-2019"]))
def test_run_together_cells_are_right_or_null(seed, template):
    gen = make_report(seed, template, "runtogether")
    report = reportparse.parse_text(gen.text)
    flat = report.flat()
    assert all(flat[k] is None or flat[k] == v for k, v in gen.truth.items())


@settings(max_examples=60)
@given(st.integers(0, 10_000), st.sampled_from(["ogi-2021", "ogi-2019"]), st.sampled_from(LAYOUTS),
       st.floats(0, 0.05), st.floats(0, 0.05), st.floats(0, 0.05))
def test_noise_never_gives_a_valid_report_with_a_wrong_value(seed, template, layout, ocr, drop, misread):
    gen = make_report(seed, template, layout)
    noisy = add_noise(gen.text, seed, ocr=ocr, drop=drop, misread=misread, misread_tables=("applications", "appeals"))
    report = reportparse.parse_text(noisy)
    _check(gen, report, exact=False)


@given(st.integers(0, 10_000), st.sampled_from(["ogi-2021", "ogi-2019"]))
def test_a_dropped_cell_the_rules_force_comes_back_inferred(seed, template):
    gen = make_report(seed, template, "tab")
    lines = gen.text.split("\n")
    i = next(k for k, line in enumerate(lines) if line.startswith("一、本年新收"))
    cells = lines[i].split("\t")
    want = int(cells[1])
    cells[1] = ""
    lines[i] = "\t".join(cells)
    report = reportparse.parse_text("\n".join(lines))
    cell = report.tables["applications"].rows["new"]["natural_person"]
    assert (cell.value, cell.status) == (want, "inferred")


@given(st.integers(0, 10_000), st.sampled_from(["ogi-2021", "ogi-2019"]), st.sampled_from(LAYOUTS))
def test_section_tree_survives_noise(seed, template, layout):
    gen = make_report(seed, template, layout)
    clean = reportparse.parse_text(gen.text)
    noisy = reportparse.parse_text(add_noise(gen.text, seed, breaks=0.03))
    outline = lambda r: [(s.key, s.number, s.title, [(c.number, c.title) for c in s.children]) for s in r.sections]  # noqa: E731
    assert outline(noisy) == outline(clean)
    assert [s.key for s in clean.sections] == ["overview", "proactive", "applications", "appeals", "problems", "other"]


def test_five_megabytes_of_adversarial_text_parse():
    """No catastrophic backtracking: every fuzzy match has bounded errors and a timeout.
    (The time itself is reported by bench/speed.py, not asserted here.)"""
    from conftest import SAMPLE

    sample = SAMPLE.read_text(encoding="utf-8")
    big = (sample + "\n") * (5_000_000 // len(sample.encode("utf-8")) + 1)
    big += "（三）不予公开" * 2000 + "\t工\t" * 5000 + "0" * 20000 + "其他法律行政法规禁止" * 3000
    assert len(big.encode("utf-8")) > 5_000_000
    report = reportparse.parse_text(big)
    assert report.header.issuer.value == "柱濮镇人民政府"


@settings(max_examples=25)
@given(st.one_of(st.text(max_size=300), REPORTISH.map(lambda t: f"<table><tr><td rowspan=3>{t}</td><td colspan=2>0</td></tr></table>")))
def test_junk_html_gives_a_report_or_a_typed_error(markup):
    try:
        reportparse.parse_bytes(markup.encode("utf-8"), path="x.html")
    except ReportParseError:
        pass


@settings(max_examples=25)
@given(st.binary(max_size=2000))
def test_junk_pdf_gives_a_typed_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("p") / "x.pdf"
    path.write_bytes(b"%PDF-1.4\n" + data)
    try:
        reportparse.parse_file(path)
    except ReportParseError:
        pass


@settings(max_examples=40)
@given(st.integers(0, 10_000), st.sampled_from(["ogi-2021", "ogi-2019"]), st.sampled_from(LAYOUTS),
       st.floats(0.005, 0.05), st.floats(0, 0.05))
def test_ocr_output_with_misreads_in_every_table_is_never_valid_with_a_wrong_value(seed, template, layout, misread, ocr):
    """Misreads (a digit dropped) in every table, table 二 too, where no rule
    can see them: declared OCR output is valid only where rules check every
    value, so a report — and each table — is valid only when it is right."""
    gen = make_report(seed, template, layout)
    noisy = add_noise(gen.text, seed, ocr=ocr, misread=misread)
    report = reportparse.parse_text(noisy, reportparse.ParseOptions(text_origin="ocr"))
    assert report.source.origin == "ocr" and not report.tables["proactive"].valid and not report.valid
    flat = report.flat()
    for key, table in report.tables.items():
        if table.valid:
            assert all(flat[k] == v for k, v in gen.truth.items() if k.startswith(key + ".")), key


NAMEISH = st.text(alphabet="洪泽区人民政府潜译a1 ，", max_size=40)


@given(st.text(alphabet="洪泽区人民政府潜", min_size=3, max_size=8), NAMEISH)
def test_a_names_spellings_are_found_as_a_pattern_of_each_would_find_them(part, flat):
    """header_repair finds the spellings of an issuer's name with one character
    other without compiling a pattern per name (a corpus gives a new name
    each report): the same places a pattern of each spelling finds, left to
    right and not overlapping."""
    import regex

    from reportparse.header_repair import _occurrences, _variants

    for head, tail, k in _variants(part):
        pattern = regex.compile(regex.escape(head) + rf"\p{{Han}}{{{k}}}" + regex.escape(tail))
        assert list(_occurrences(flat, head, tail, k)) == [(m.start(), m.group()) for m in pattern.finditer(flat)]
