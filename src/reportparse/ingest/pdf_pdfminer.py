"""PDF pages through pdfminer.six, the backend that always works: characters
and painted paths in one pass of its interpreter, no layout analysis."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLine, LTRect
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psexceptions import PSException

from ..errors import UnreadableInputError
from .pdf_page import INVISIBLE, Char, PageContent, curve_lines


class _Aggregator(PDFPageAggregator):
    """pdfminer's page aggregator, also counting the characters drawn
    invisible: a scan's OCR text layer (ocrmypdf, tesseract's PDF output,
    Acrobat's "recognise text") is invisible text laid over the page images."""

    drawn = invisible = 0

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:  # type: ignore[no-untyped-def]
        before = len(self.cur_item)
        super().render_string(textstate, seq, ncs, graphicstate)
        n = len(self.cur_item) - before
        self.drawn += n
        if textstate.render == INVISIBLE:
            self.invisible += n


def read_pages(path: str | Path) -> Iterator[PageContent]:
    """Each page's content, or :class:`UnreadableInputError`."""
    name = Path(path).name
    try:
        with open(path, "rb") as fh:
            doc = PDFDocument(PDFParser(fh))
            rsrc = PDFResourceManager(caching=True)
            device = _Aggregator(rsrc, laparams=None)
            interp = PDFPageInterpreter(rsrc, device)
            for page in PDFPage.create_pages(doc):
                drawn, invisible = device.drawn, device.invisible
                interp.process_page(page)
                out = _collect(device.get_result())
                out.drawn, out.invisible = device.drawn - drawn, device.invisible - invisible
                yield out
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableInputError(f"{name}: the PDF is encrypted and cannot be opened ({type(exc).__name__})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            AssertionError, ZeroDivisionError, RecursionError, OSError) as exc:
        raise UnreadableInputError(f"{name}: the PDF is corrupt or truncated ({type(exc).__name__}: {exc})"[:300]) from None


def _collect(layout) -> PageContent:  # type: ignore[no-untyped-def]
    out = PageContent()
    stack = [layout]
    while stack:
        for obj in stack.pop():
            if isinstance(obj, LTChar):
                out.chars.append(Char(obj.get_text(), obj.x0, obj.y0, obj.x1, obj.y1, obj.size))
                out.count_turn(obj.matrix[0], obj.matrix[1])
            elif isinstance(obj, LTLine):
                out.lines.append((obj.pts[0][0], obj.pts[0][1], obj.pts[-1][0], obj.pts[-1][1]))
            elif isinstance(obj, LTRect):
                out.rects.append(obj.bbox)
            elif isinstance(obj, LTCurve):
                out.lines.extend(curve_lines(obj.pts))
            elif isinstance(obj, LTFigure):
                stack.append(obj)
            elif isinstance(obj, LTImage):
                out.image = True
    return out
