"""The published JSON Schema of the Report tree (``reportparse schema``)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .datafiles import package_file
from .grammar import template_ids


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The schema, its template enum filled from the grammars (a new template
    file is a new value without an edit here)."""
    out = json.loads(package_file("report.schema.json").read_text(encoding="utf-8"))
    out["properties"]["template"]["enum"] = [*template_ids(), "unknown"]
    return out


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
