"""Shared fixtures; Hypothesis runs with a bounded ``ci`` profile (no flaky deadlines)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLE = CORPUS / "000_c93a36ffeb13c002.txt"

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/generator.py

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def sample_report():
    import reportparse

    return reportparse.parse_file(SAMPLE)
