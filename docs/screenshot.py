"""Remake docs/show.png: `reportparse show` of a bundled real PDF in headless Chromium.

    python docs/screenshot.py      (needs playwright and a Chromium: apt-get install chromium)
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from reportparse.htmlview import show_file

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    page_html, _ = show_file(str(ROOT / "corpus/real/huaian-2024.pdf"))
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        path = Path(tmp) / "page.html"
        path.write_text(page_html, encoding="utf-8")
        exe = shutil.which("chromium") or shutil.which("chromium-browser")
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 760})
        page.goto(path.as_uri())
        box = page.locator('a.box[data-key="applications.new.natural_person"]')
        box.scroll_into_view_if_needed()
        page.mouse.wheel(0, -260)
        box.hover()
        page.screenshot(path=str(ROOT / "docs/show.png"))
        browser.close()
