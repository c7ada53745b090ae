"""Diagnostics are data: a code, a severity, a message and a location.

``CODES`` is the one list of every code reportparse emits; the README's table
is checked against it by the tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .span import Span

ERROR, WARNING, INFO = "error", "warning", "info"

# code: (severity, meaning)
CODES: dict[str, tuple[str, str]] = {
    "INPUT_ENCODING": (INFO, "the input was not UTF-8; the encoding that was used is named"),
    "INPUT_WEB_CHROME": (INFO, "web-page navigation text or scraper metadata was removed"),
    "INPUT_OCR": (WARNING, "the PDF was read by reportparse's OCR (it had no usable text layer, or --ocr was given for a scan's OCR layer): expect misread characters"),
    "INPUT_OCR_LAYER": (WARNING, "the PDF's text layer is invisible text over page images (a scan's OCR layer): read as OCR output"),
    "INPUT_OCR_TEXT": (INFO, "the text shows damage only OCR makes (digits read from look-alike characters, numbers with letters in them, heading numerals or words damaged, row labels found only with character errors, 发文字号 brackets that do not pair, rows of garbled values, angle brackets closed by parentheses): it is taken as OCR output; the message lists the evidence"),
    "INPUT_MARKDOWN": (INFO, "the input is Markdown (a PDF-to-Markdown converter's output): its tables were read as table rows and its marks removed"),
    "INPUT_PAGE_FURNITURE": (INFO, "page numbers, form feeds or running headers were removed"),
    "INPUT_OVERPRINTED": (INFO, "the text was drawn twice (a PDF's fake bold, as pdfminer's, pdfplumber's or PyMuPDF's text gives it: 16 as 1616, 规章 as 规规章章, a line after itself): where the whole text was, each line is read once; where only part was, its lines without digits"),
    "INPUT_OVERPRINT_DOUBT": (ERROR, "part of the text was drawn twice (fake bold) and a line with digits looks drawn twice (11: 1 drawn twice, or 11 drawn once?), which no rule decides: no table is valid"),
    "INPUT_MULTIPLE_REPORTS": (ERROR, "the file holds more than one report (report titles naming different issuers or years); the message names each; no table is valid: parse with --split (parse_reports) for one report each"),
    "NOT_A_REPORT": (ERROR, "no report title, standard heading or table was found: the input is not an annual report (in a scanned folder it is skipped)"),
    "VIEW_PAGE_UNRENDERED": (WARNING, "reportparse show: a PDF page could not be rendered (no pdftoppm, or a damaged page): its text is shown instead"),
    "HDR_NO_TITLE": (WARNING, "no report title was found"),
    "HDR_NO_YEAR": (WARNING, "the report year could not be read"),
    "HDR_NO_ISSUER": (WARNING, "the issuing body could not be read"),
    "HDR_ISSUER_CONFLICT": (WARNING, "版头, title and 署名 name the issuer differently; the majority reading was kept"),
    "HDR_NAME_UNCERTAIN": (WARNING, "the issuer's name may be misread (OCR): the body never spells it but spells it other ways (one character different), none of them twice; or, in OCR text, its place is no division the code table holds while one a character away is, or is none the table holds (a township) and the body never spells it. The name is kept as printed"),
    "HDR_NAME_FROM_BODY": (WARNING, "the issuer's name is nowhere in the body, which spells it with one character different (or two side by side, in a name of six or more): the body's spelling was kept"),
    "HDR_DOC_NUMBER_REPAIRED": (INFO, "the 发文字号 was repaired (brackets, spaces)"),
    "HDR_DOC_NUMBER_OCR": (INFO, "the 发文字号's year brackets do not pair (【2023]): damage only OCR makes"),
    "HDR_TITLE_REPAIRED": (WARNING, "the title was printed damaged (OCR: its last characters garbled or lost, or one digit of its year): completed from the title grammar and the statistics period, where year and issuer agree; raw keeps the printed text"),
    "HDR_YEAR_FROM_TEXT": (INFO, "the title gives no year: it was read from the statistics period, the overview's opening (2022年，…) or 成文日期 minus one; the message names which"),
    "HDR_DOC_NUMBER_KIND": (WARNING, "the 发文字号 code ends in a character that is no kind of document in use and that OCR prints for exactly one that is (酌 for 函): read as that one; raw keeps the printed text"),
    "REGION_UNKNOWN": (INFO, "header.adcode: the issuer's place is no division the code table holds (a township, or a name it lacks): null"),
    "REGION_AMBIGUOUS": (WARNING, "header.adcode: the issuer's place fits several divisions (朝阳区): null; the message lists them"),
    "REGION_NO_DATA": (INFO, "header.adcode: the region code data is not installed (pip install 'reportparse[regions]'): null"),
    "HDR_YEAR_MISMATCH": (WARNING, "the year in the title disagrees with the statistics period"),
    "SEC_UNNUMBERED": (INFO, "a standard section title printed on a line of its own without a number, for a section the report numbers nowhere, after the sections found in the template's order (a converter renumbered or dropped the numbers), read as that section"),
    "SEC_MISSING": (WARNING, "a standard section of the template was not found"),
    "SEC_NUMBER_GAP": (WARNING, "a heading number skips one or more numbers"),
    "SEC_NUMBER_REPEAT": (WARNING, "a heading number repeats or goes backwards"),
    "SEC_CONTINUED": (INFO, "a standard heading with a mark that its section continues (二、主动公开政府信息情况（续）, grammar `heading_continued`: printed again on a new page) was read as a line of the section it stands in, no new section"),
    "SEC_NUMERAL_OCR": (INFO, "a standard heading whose number OCR damaged was numbered from the template"),
    "SEC_TITLE_FUZZY": (INFO, "a standard heading's words were found only with character errors (OCR damaged them)"),
    "SEC_OUT_OF_ORDER": (WARNING, "a standard section appears out of the template's order"),
    "TPL_UNKNOWN": (INFO, "the document does not follow a known report template"),
    "TPL_YEAR_MISMATCH": (INFO, "the template found is not the one normally used for the report year"),
    "TBL_NOT_FOUND": (ERROR, "a table of the template was not found"),
    "TBL_ROW_NOT_FOUND": (WARNING, "a row label of a table was not found"),
    "TBL_ROW_FUZZY": (INFO, "a row label was matched with character errors"),
    "TBL_ROW_BY_ORDER": (INFO, "rows without their own label were placed by the template's row order between labelled rows"),
    "TBL_BLOCK_BEFORE_LABELS": (INFO, "a block of values printed one cell per line apart from the labels of its rows (before them, or after one of them with the others elsewhere) was placed by those labels"),
    "TBL_BLOCK_DOMAIN": (INFO, "a block of several rows and columns printed apart from its labels, in a table no rule checks, was read in the one order (column by column or row by row) that puts no negative number in a column of counts (only 本年增/减 may be negative) and no fraction in a column of whole numbers; the other order was impossible"),
    "TBL_VALUES_ABOVE_LABELS": (INFO, "each row's values are printed on the line above its label (Ghostscript's txtwrite and ps2ascii order a page's text by baseline, and values set in another font stand a little higher); the table was read with each line of values moved below the line of text after it, and under that reading every cell is read and every rule holds (a table no rule checks is read so only in a text another table of which was, when every cell is read)"),
    "TBL_RUNS_ON": (INFO, "a table read as blocks of values printed apart from their labels had its last values printed after the next section's heading (pdfminer's text-box order, the table running onto that page); its region was run on over those values (with the heading and the header words before them set aside, when the page break cut a column in two), and under it every cell is read and every rule holds"),
    "TBL_BLOCK_BANDS": (INFO, "a block of values printed apart from its labels was read as pdfminer's text-box tree prints a ruled table: its columns in groups of neighbours, a group cut into bands at a taller row and printed band after band; the one such order under which every rule of the table holds was taken"),
    "TBL_VALUE_BLOCKS": (INFO, "the table was read from blocks of values printed apart from their row labels and column headers (pdfminer's column order): each block took the rows and columns printed before it"),
    "TBL_BLOCK_UNPLACED": (WARNING, "a block of values printed apart from its labels fits no rows and columns printed before it (or its headers are out of the template's order); it and the blocks after it were left empty"),
    "TBL_ROW_SHORT": (WARNING, "a printed row of a block of values apart from its labels has one cell fewer than the table has columns; the lost cell is left empty, and the others are placed only where every placing the table's rules allow agrees"),
    "TBL_TWO_PRINTS": (WARNING, "the section prints the table twice with different values (a department's or last year's table beside the report's own): each print is read on its own, the cells where they differ are left empty, and a value only one print gives is placed"),
    "TBL_READER_CONFLICT": (WARNING, "two readers of the table's print layout read different values for the same cells (each reading the table whole with every rule holding, or neither: then the stronger reading is taken, but not its cells another reader read otherwise): the cells on which they differ are left empty"),
    "TBL_ORDER_UNDECIDED": (WARNING, "a block of values printed apart from its labels can be read several ways (column by column or row by row; the total column anywhere) and the table's rules do not single one out (or the table has none); cells on which the readings differ were left empty (all of the block's cells when the rules leave one reading that no rule with all its cells read checks)"),
    "TBL_SHORT_ROW": (WARNING, "a row has fewer cells than columns; only cells that can be placed were kept"),
    "TBL_ROW_DAMAGED": (WARNING, "two or more value cells of a row are text (OCR garbled the line): none of the row's values is trusted, its cells are empty"),
    "TBL_FILLED_CORRECTED": (WARNING, "in text that fills a merged cell's grid (python-docx, pdf2docx, Docling), the rules corrected a printed value of the table: a converter's copies of a neighbour into empty cells can make a printed value look misread where the rules' shortfalls cross, so the correction is in doubt and the table is not valid"),
    "TBL_FILLED_NEIGHBOUR": (WARNING, "two rows printed one after the other read the same value other than 0 in a column no rule checks (table 二), in text that fills a merged cell's grid (python-docx's rows of a Word table, pdf2docx's Word of a PDF, Docling): the converter may have taken an empty cell for part of its neighbour and printed the neighbour's value in it; both are placed, and the table is not valid"),
    "TBL_SPAN_REPEATED": (INFO, "a row whose cell the template merges over several columns (本年处理决定数量 over 3) printed its value once in each of them, alike, in text with cell separators (a converter that fills a merged cell's grid: Docling's Markdown, a spreadsheet of it): the value was read once"),
    "TBL_LONG_ROW": (ERROR, "a row has more values than columns; its cells were left empty"),
    "TBL_SPLIT": (INFO, "digits run together were split into cells by the row-sum rule"),
    "TBL_SPLIT_PROSE": (INFO, "digits run together in a table row were split the one way that gives a value the report's own prose states (本年度制发的规范性文件88件); the cells so decided are inferred, their table is not claimed valid (TBL_UNANCHORED: the statement may be about something else), and the statement's place is the location"),
    "TBL_SPLIT_AMBIGUOUS": (ERROR, "digits run together can be split in more than one way; cells on which the splits differ stay null"),
    "TBL_SECTION_TWICE": (WARNING, "the table's section is printed twice, each time with text, not alike (two reports' bodies in one text, the second's title lost): the first print is read, and the table is not valid"),
    "TBL_UNKNOWN_ROW": (WARNING, "a line of values under a label that matches no row of the template (a locally added row, or a label OCR garbled) was left out"),
    "TBL_EMPTY_ALIGNED": (INFO, "a row's values stand apart on one line, fewer than its cells and none of them empty: the text aligns cells with spaces and prints an empty cell as nothing; the table's rules place the values (TBL_SPLIT, TBL_SPLIT_AMBIGUOUS)"),
    "TBL_EMPTY_UNPRINTED": (INFO, "a row's values stand one per line and are fewer than its cells: the text prints an empty cell as nothing, so in a table no rule checks (二) a full count of values one per line is no proof that each is in its cell (a repeated or moved line can make it up): such rows are placed, not read (TBL_UNANCHORED)"),
    "TBL_CELL_LOST": (WARNING, "table 四 has one value fewer than cells and nothing shows which was lost: values are placed only where every place of the lost cell that the rules allow puts them"),
    "TBL_UNALIGNED": (ERROR, "the table's values could not be aligned to its rows and columns; the cells stay null"),
    "TBL_GROUPS_APART": (INFO, "the column groups of table 四 were printed apart, each under or beside its own header (a table per group, or a group per row under one header of its five columns), and read that way"),
    "TBL_COLUMN_UNIT": (INFO, "a money column's header names another unit than the template's (本年收费金额（单位：元） where the template has 万元): its values were read in the template's unit"),
    "TBL_COLUMN_ORDER": (WARNING, "a table's header prints columns in another order than the template: table 三's under 法人或其他组织, or the columns of one of table 二's blocks (本年制发件数, 本年废止件数, 现行有效件数 …) — each row's values were placed under the columns it names; when it names only some of them, out of order (a name one character off counts as named), or with words half another column's name where the template does not have that column, or names all but some whose names are gone whole (三: they may have stood anywhere among the names left), or the header is printed again between rows naming them in another order, or (三) a drawn grid's header holds two of the names in one cell, or names them out of order on two or more indented lines of text aligned with spaces (a cell's name may stand lower than the next cell's) — or table 四's header names a group's parts out of order, or its 总计 before them — their values are placed, not read"),
    "TBL_GROUP_ORDER": (INFO, "the table's column groups were printed in another order and were placed by their headers"),
    "TBL_GROUPS_BY_ORDER": (WARNING, "table 四: no header names its groups (garbled, split or lost); the one line holding a value for every cell was read in the template's order (复议, 直接起诉, 复议后起诉) — a placement no rule can check, so the table is not valid"),
    "TEXT_BRACKET_OCR": (INFO, "an angle bracket closed by a parenthesis or the reverse (`〈一)` for `（一）`, `第〈八)项`): only OCR prints it, so the text is read as OCR output"),
    "TBL_GARBLED_TEXT": (WARNING, "the sections that hold the tables have runs of Latin letters run into digits (5019loolololo) or long runs of capitals: OCR garbled the tables"),
    "TBL_DIGITS_IN_DOUBT": (WARNING, "a text file taken as digital only because it shows no OCR damage, whose tables' rules fail or corrected a printed value: its digits are in doubt (OCR that leaves no other mark misreads so), and its tables are checked as OCR output's are; its origin stays digital"),
    "TBL_UNCHECKED": (WARNING, "the text is OCR output (or checked as such: TBL_DIGITS_IN_DOUBT) and no rule of the template checks some of the table's values (all of table 二), or checks them only against the same number printed again (a group's only part other than 0 and its 总计), or only by rules that forced an empty cell (a misread would be absorbed into the forced values): a misread there cannot be caught, so the table and the report are not valid. In a text file (its origin a guess), also table 二 when 三 or 四 is not valid: only the tables the rules check vouch for the text's digits"),
    "TBL_UNANCHORED": (WARNING, "a value's place rested on a choice the text does not decide (a fuzzy label whose values are on another row's line, a neighbouring row not found, digits cut where a blank cell would also fit): the table is not valid"),
    "CELL_EMPTY": (WARNING, "cells of the template are empty in the source (printed as nothing, or as a mark for none: `—`, `-`, `/`, `无`, pandas's `nan`) and no rule forces them"),
    "CELL_OCR_DIGIT": (INFO, "a character that OCR confuses with a digit was read as that digit"),
    "CELL_UNREADABLE": (WARNING, "a cell's text is not a number (or is the end of one cut at its decimal point onto a line of its own, `7791` / `.09`: neither piece is read)"),
    "CELL_DAMAGED_NUMBER": (WARNING, "a cell holds a number with letters or marks inside or glued to it (8S8283, 〕4): damage only OCR makes; the cell stays empty"),
    "CELL_NEGATIVE": (ERROR, "a count printed negative (a dash run into it: a page number's, an empty cell's): the cell is left empty"),
    "RULE_FAIL": (ERROR, "a consistency rule does not hold"),
    "RULE_INFERRED": (INFO, "a missing cell was filled with the one value the rules force"),
    "RULE_CORRECTED": (WARNING, "a read value contradicted rules that agree on another value and was corrected"),
    "NARRATIVE_MISMATCH": (WARNING, "a figure stated in the prose differs from the table quantity it names"),
    "RULE_CONFLICT": (ERROR, "the rules disagree and cannot decide which cell is wrong; values stay as read (cells `conflict`), and so do values the rules forced in or from a row that holds a cell of a failing rule"),
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    message: str
    location: Span | None = None
    path: str | None = None  # the tree node it concerns, e.g. "tables.applications.new.total"

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown diagnostic code {self.code!r}")

    @property
    def severity(self) -> str:
        return CODES[self.code][0]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
            "location": self.location.to_dict() if self.location else None,
            "path": self.path,
        }
