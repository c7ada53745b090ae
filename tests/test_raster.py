"""Page images for OCR: ruling lines found in pixels become the same grids as
the PDF path's vector lines; crops and enlargements keep the pixels."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportparse.ingest.grid import find_grids, row_fields
from reportparse.ingest.page_rules import ruling_segments, skew, text_skew
from reportparse.ingest.raster import Image


def _page(width: int, height: int, hlines: list[tuple[int, int, int]], vlines: list[tuple[int, int, int]],
          blobs: list[tuple[int, int]] = (), thick: int = 3) -> Image:
    """A white page with rules (y, x0, x1) / (x, y0, y1) ``thick`` pixels wide and small ink blobs."""
    px = bytearray(b"\xff" * (width * height))
    for y, x0, x1 in hlines:
        for t in range(thick):
            px[(y + t) * width + x0:(y + t) * width + x1] = b"\x00" * (x1 - x0)
    for x, y0, y1 in vlines:
        for y in range(y0, y1):
            px[y * width + x:y * width + x + thick] = b"\x00" * thick
    for x, y in blobs:  # a 10x14 "glyph": far shorter than a rule
        for yy in range(y, y + 14):
            px[yy * width + x:yy * width + x + 10] = b"\x20" * 10
    return Image(width, height, bytes(px), dpi=300)


def test_rules_in_pixels_make_a_grid_with_a_merged_cell():
    # 3 rows x 3 columns, 300 px per column, 100 px per row; the top row is one merged cell
    xs, ys = [100, 400, 700, 1000], [100, 200, 300, 400]
    hl = [(y, 100, 1003) for y in ys]
    vl = [(x, 100, 403) if x in (100, 1000) else (x, 200, 403) for x in xs]
    img = _page(1200, 600, hl, vl, blobs=[(150, 230), (450, 330), (760, 120)])
    grids = find_grids(ruling_segments(img), [])
    assert len(grids) == 1
    g = grids[0]
    assert (len(g.xs) - 1, len(g.ys) - 1) == (3, 3)
    rows = row_fields(3, 3, g.owner)
    assert [len(r) for r in rows] == [1, 3, 3]  # the merged top row is one field
    # grid geometry in points matches the pixels (300 dpi: 1 px = 0.24 pt)
    assert abs(g.xs[0] - 100 * 0.24) < 1 and abs(g.xs[-1] - 1000 * 0.24) < 2
    # glyph-sized ink never becomes a rule
    assert all(abs(x1 - x0) > 17 or abs(y1 - y0) > 17 for x0, y0, x1, y1 in ruling_segments(img))


def test_crop_blank_and_inked_cells_and_enlarge():
    img = _page(400, 300, [(50, 50, 353), (150, 50, 353)], [(50, 50, 153), (350, 50, 153)], blobs=[(100, 90)])
    g = find_grids(ruling_segments(img), [])[0]
    cell = g.cells[0]
    crop = img.crop_points(cell.bbox, inset_pt=2.0)
    assert crop is not None and crop.ink() == 10 * 14  # the blob, none of the rules
    big = crop.padded(5).enlarged(2)
    assert (big.width, big.height) == ((crop.width + 10) * 2, (crop.height + 10) * 2)
    assert big.ink() == 4 * 10 * 14
    empty = _page(400, 300, [(50, 50, 353), (150, 50, 353)], [(50, 50, 153), (350, 50, 153)])
    g2 = find_grids(ruling_segments(empty), [])[0]
    assert empty.crop_points(g2.cells[0].bbox, inset_pt=2.0).ink() == 0


def test_a_grey_page_is_whitened_and_a_white_one_left_as_it_is():
    """The commonest light level (grey paper, 229) becomes white; ink stays dark."""
    grey = Image(10, 10, bytes([229] * 90 + [30] * 10))
    out = grey.whitened()
    assert set(out.pixels[:90]) == {255} and set(out.pixels[90:]) == {33}
    white = Image(10, 10, bytes([255] * 90 + [0] * 10))
    assert white.whitened() is white


def test_specks_are_whitened_and_strokes_and_points_kept():
    """Groups of four ink pixels or fewer (dust; diagonal neighbours touch)
    are whitened; a stroke, and a point of 3x3 pixels, are kept."""
    w, h = 20, 12
    px = bytearray([255] * (w * h))
    for y, x in ((1, 1), (1, 2), (2, 3), (9, 18), (10, 17)):  # two specks, one touching diagonally
        px[y * w + x] = 0
    for y in range(4, 8):  # a stroke
        px[y * w + 10] = px[y * w + 11] = 0
    for y in range(8, 11):  # a point
        for x in range(2, 5):
            px[y * w + x] = 40
    out = Image(w, h, bytes(px)).without_specks()
    assert out.ink() == 8 + 9
    assert all(out.pixels[y * w + x] == 255 for y, x in ((1, 1), (1, 2), (2, 3), (9, 18), (10, 17)))
    clean = Image(w, h, bytes([255] * (w * h)))
    assert clean.without_specks() is clean


def test_pgm_round_trip(tmp_path):
    img = _page(64, 32, [(10, 2, 60)], [])
    path = tmp_path / "p.pgm"
    path.write_bytes(img.to_pgm())
    back = Image.read_pgm(path)
    assert (back.width, back.height, back.pixels) == (img.width, img.height, img.pixels)
    path.write_bytes(img.to_pgm()[:-10])
    try:
        Image.read_pgm(path)
    except ValueError as exc:
        assert "truncated" in str(exc)
    else:
        raise AssertionError("a truncated image must be refused")


@given(st.lists(st.integers(80, 160), min_size=1, max_size=5), st.lists(st.integers(40, 120), min_size=1, max_size=6),
       st.integers(1, 5))
def test_any_ruled_grid_is_found_with_its_rows_and_columns(widths, heights, thick):
    """Columns at least 80 px (19 pt at 300 dpi) wide: rules shorter than 18 pt are taken for glyph strokes."""
    xs = [50]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [50]
    for h in heights:
        ys.append(ys[-1] + h)
    img = _page(xs[-1] + 60, ys[-1] + 60, [(y, xs[0], xs[-1] + thick) for y in ys],
                [(x, ys[0], ys[-1] + thick) for x in xs], thick=thick)
    grids = [g for g in find_grids(ruling_segments(img), []) if (len(g.xs) - 1) * (len(g.ys) - 1) >= 2]
    if len(widths) * len(heights) >= 2:
        assert len(grids) == 1
        assert (len(grids[0].xs) - 1, len(grids[0].ys) - 1) == (len(widths), len(heights))


@given(st.integers(1, 40), st.integers(1, 40), st.binary(min_size=1600, max_size=1600))
def test_any_pixels_give_segments_inside_the_page(w, h, noise):
    img = Image(w, h, noise[:w * h].ljust(w * h, b"\x00"), dpi=300)
    for x0, y0, x1, y1 in ruling_segments(img, min_len_pt=2):
        assert 0 <= x0 <= x1 <= img.pt(w) + 0.01 and 0 <= y0 <= y1 <= img.pt(h) + 0.01
    find_grids(ruling_segments(img, min_len_pt=2), [])
    crop = img.crop_points((0, 0, img.pt(w), img.pt(h)), inset_pt=0.5)
    assert crop is None or crop.ink() <= img.ink()
    slope = skew(img, min_votes=1)
    assert slope is None or abs(slope) <= 0.25
    level = img.sheared(slope or 0.0)
    assert (level.width, level.height, len(level.pixels)) == (w, h, w * h)


def _tilted_grid(slope: float) -> Image:
    """A 3x4 ruled grid drawn tilted: rules y = y0 + slope*x and x = x0 - slope*y (pixels, rows downwards)."""
    w, h = 1400, 900
    px = bytearray(b"\xff" * (w * h))
    xs, ys = [200, 500, 800, 1100], [200, 350, 500, 650, 800]
    def crossing(x0: int, y0: int) -> int:  # x where rule y = y0 + slope*x meets rule x = x0 - slope*y
        return round((x0 - slope * y0) / (1 + slope * slope))

    for y0 in ys:
        for x in range(crossing(xs[0], y0), crossing(xs[-1], y0) + 3):
            y = round(y0 + slope * x)
            for t in range(3):
                px[(y + t) * w + x] = 0
    for x0 in xs:  # from the top rule to the bottom rule where they cross it
        for y in range(round(ys[0] + slope * x0) - 2, round(ys[-1] + slope * x0) + 4):
            x = round(x0 - slope * y)
            px[y * w + x:y * w + x + 3] = b"\x00" * 3
    return Image(w, h, bytes(px), dpi=300)


@pytest.mark.parametrize("slope", [0.0, 0.012, -0.021, 0.035])
def test_a_tilted_grid_is_measured_and_straightened(slope):
    img = _tilted_grid(slope)
    found = skew(img)
    assert abs(found - slope) < 0.002
    level = img.sheared(found) if found else img
    assert skew(level) == 0.0
    grids = [g for g in find_grids(ruling_segments(level), []) if (len(g.xs) - 1) * (len(g.ys) - 1) >= 2]
    assert [(len(g.xs) - 1, len(g.ys) - 1) for g in grids] == [(3, 4)]
    # a box of the straightened page maps back onto the same cell of the page as scanned
    cell = grids[0].cells[0]
    x0, y0, x1, y1 = level.unsheared_box(cell.bbox, found) if found else cell.bbox
    cx, cy = img.px((x0 + x1) / 2), img.height - img.px((y0 + y1) / 2)
    assert 200 < cx < 500 and round(200 + slope * cx) < cy < round(350 + slope * cx)


def test_a_table_running_on_over_a_page_break_is_closed_by_its_outer_rules():
    """The last row before a page break often has no bottom rule: the outer
    vertical rules running on to the same end close it; a lone rule doesn't."""
    hs = [(100, 700, 400, 700), (100, 680, 400, 680), (100, 660, 400, 660)]
    vs = [(100, 630, 100, 700), (250, 630, 250, 700), (400, 630, 400, 700)]
    g = find_grids(hs + vs, [])[0]
    assert (len(g.xs) - 1, len(g.ys) - 1) == (2, 3) and g.ys[-1] == 630
    uneven = [(100, 630, 100, 700), (250, 660, 250, 700), (400, 650, 400, 700)]
    g = find_grids(hs + uneven, [])[0]
    assert (len(g.xs) - 1, len(g.ys) - 1) == (2, 2)


def test_a_one_pixel_rule_that_steps_aside_is_still_one_rule():
    """A thin rule of a straightened scan moves one pixel sideways part-way down
    (huaian-2024 tilted 1.5°: 64 and 178 came out as one cell). Pieces that
    overlap when a pixel and its right neighbour are taken together are one rule."""
    ys = [100, 300, 500]  # rows; columns at x = 100, 400 (the stepping rule), 700
    hl = [(y, 100, 703) for y in ys]
    steps = [(400 + i % 2, y, y + 50) for i, y in enumerate(range(100, 500, 50))]  # 50 px (12 pt) each
    vl = [(100, 100, 503), (700, 100, 503), *steps]
    img = _page(800, 600, hl, vl, thick=1)
    g = find_grids(ruling_segments(img), [])[0]
    assert (len(g.xs) - 1, len(g.ys) - 1) == (2, 2)
    assert [len(r) for r in row_fields(2, 2, g.owner)] == [2, 2]
    # the same for a horizontal rule stepping up and down (hongze-2023 tilted 3°: two rows
    # of a column came out as one cell, and its two 0s were read as 7)
    middle = [(300 + i % 2, x, x + 50) for i, x in enumerate(range(100, 700, 50))]
    img = _page(800, 600, [(100, 100, 703), (500, 100, 703), *middle], [(x, 100, 503) for x in (100, 400, 700)], thick=1)
    g = find_grids(ruling_segments(img), [])[0]
    assert (len(g.xs) - 1, len(g.ys) - 1) == (2, 2)
    assert [len(r) for r in row_fields(2, 2, g.owner)] == [2, 2]


def test_slivers_of_a_border_at_a_crop_edge_are_cleared_and_glyphs_kept():
    """A cell cut from a tilted scan keeps a sliver of its border along one edge,
    read as | or 1 (hongze-2024 tilted: `| 2`). Long ink runs hugging an edge
    are whitened; a glyph a few pixels in, however tall, is not touched."""
    w, h = 60, 40
    px = bytearray(b"\xff" * (w * h))
    for y in range(4, 40):  # the sliver: column 0, then column 1, down to the bottom edge
        px[y * w + (0 if y < 20 else 1)] = 0
    for x in range(3, 60):  # a piece of the bottom rule along the bottom edge
        px[39 * w + x] = 0
    for y in range(8, 30):  # a "1" five pixels in from the right edge, 22 of 40 pixels tall
        px[y * w + 54] = px[y * w + 55] = 0
    for y in range(10, 24):  # a glyph in the middle
        px[y * w + 25:y * w + 33] = b"\x00" * 8
    img = Image(w, h, bytes(px))
    clean = img.without_edge_rules()
    assert clean.ink() == 22 * 2 + 14 * 8  # the "1" and the glyph, nothing of the border
    assert all(clean.pixels[y * w] == 255 and clean.pixels[y * w + 1] == 255 for y in range(h))
    assert clean.without_edge_rules() is clean  # nothing left to clear: the same image
    # a digit at the very edge is kept when it is shorter than the cut-off (0.4 of the height)
    edge = bytearray(b"\xff" * (w * h))
    for y in range(12, 26):
        edge[y * w] = 0
    assert Image(w, h, bytes(edge)).without_edge_rules().ink() == 14


def _text_page(slope: float, lines: int = 30) -> Image:
    """A page of prose without rules: lines of glyph-sized blobs along baselines of ``slope``."""
    w, h = 2400, 3300
    px = bytearray(b"\xff" * (w * h))
    for n in range(lines):
        base = 300 + n * 90
        for x in range(250, 2150, 48):  # a glyph every 48 px (12 pt at 300 dpi), 36 px square
            y = round(base + slope * (x - w / 2))
            for yy in range(y, y + 36, 3):  # strokes, not a filled square
                px[yy * w + x:yy * w + x + 36] = b"\x00" * 36
    return Image(w, h, bytes(px), dpi=300)


@pytest.mark.parametrize("degrees", [-3.0, -1.2, 2.0, 3.0])
def test_a_page_without_rules_is_measured_by_its_lines_of_text(degrees):
    """The title page of a scan has no table rules to measure its tilt by: the
    slope at which the ink gathers into lines of text gives it."""
    found = math.degrees(math.atan(text_skew(_text_page(math.tan(math.radians(degrees))))))
    assert abs(found - degrees) <= 0.15


def test_a_level_or_empty_page_is_left_as_it_is():
    assert text_skew(_text_page(0.0)) == 0.0
    assert text_skew(Image(2400, 3300, b"\xff" * (2400 * 3300), dpi=300)) == 0.0


def test_skew_tells_level_rules_from_no_rules():
    """0.0: the page has a level rule (its text is as level: text_skew is not
    needed); None: nothing to measure (the OCR path then measures the text)."""
    w, h = 1200, 800
    blank = Image(w, h, b"\xff" * (w * h), dpi=300)
    assert skew(blank) is None
    px = bytearray(blank.pixels)
    px[400 * w + 100:400 * w + 1100] = b"\x00" * 1000
    assert skew(Image(w, h, bytes(px), dpi=300)) == 0.0
    assert skew(_tilted_grid(0.012)) == pytest.approx(0.012, abs=0.002)


@given(st.binary(min_size=0, max_size=400), st.integers(0, 255))
def test_the_paper_level_is_the_commonest_light_level(sample, fill):
    from reportparse.ingest.raster import _DARK, _commonest_light

    for data in (sample, sample + bytes([fill]) * len(sample)):
        assert _commonest_light(data) == max(range(_DARK, 256), key=data.count)
