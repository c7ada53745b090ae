"""reportparse: Chinese government information-disclosure annual reports
(政府信息公开工作年度报告) from noisy text to a validated tree and flat JSON.

    >>> import reportparse
    >>> report = reportparse.parse_file("corpus/000_c93a36ffeb13c002.txt")
    >>> report.header.issuer.value
    '柱濮镇人民政府'
"""

from .errors import GrammarError, OptionsError, ReportParseError, UnreadableInputError
from .model import Report
from .options import ParseOptions
from .pipeline import parse_bytes, parse_file, parse_reports, parse_text

__version__ = "0.1.0"

__all__ = [
    "GrammarError",
    "OptionsError",
    "ParseOptions",
    "Report",
    "ReportParseError",
    "UnreadableInputError",
    "__version__",
    "parse_bytes",
    "parse_file",
    "parse_reports",
    "parse_text",
]
