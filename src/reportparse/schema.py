"""The published JSON Schema of the Report tree (``reportparse schema``)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return json.loads(resources.files("reportparse").joinpath("report.schema.json").read_text(encoding="utf-8"))


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
