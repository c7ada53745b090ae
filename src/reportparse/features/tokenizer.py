"""jieba, loaded lazily and once per process, with the domain dictionary
(grammar labels, section titles, narrative terms) and a per-user cache
directory (never a shared /tmp file: concurrent users and workers must not
collide). ``import reportparse`` and plain parsing never import jieba.
"""

from __future__ import annotations

import logging
import os
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import GrammarError


def cache_dir() -> Path:
    """``$REPORTPARSE_CACHE_DIR``, else ``$XDG_CACHE_HOME/reportparse``, else ``~/.cache/reportparse``."""
    env = os.environ.get("REPORTPARSE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "reportparse"


@lru_cache(maxsize=1)
def narrative_grammar() -> dict[str, Any]:
    text = resources.files("reportparse.grammars").joinpath("narrative.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GrammarError("narrative.toml", "(file)", f"not valid TOML: {exc}") from None
    for key in ("quantity", "figures", "keywords", "terms"):
        if key not in data:
            raise GrammarError("narrative.toml", key, "missing required key")
    for i, f in enumerate(data["figures"]):
        if not f.get("key") or not f.get("subject"):
            raise GrammarError("narrative.toml", f"figures[{i}]", "needs a key and a subject list")
    return data


def _domain_words() -> set[str]:
    from ..grammar import load_grammars

    words = set(narrative_grammar()["terms"]["words"])
    for tpl in load_grammars().templates.values():
        for s in tpl.sections:
            words.update(t for t in s.titles if len(t) >= 2)
        for t in tpl.tables.values():
            for r in t.rows:
                words.update(m.lstrip("0123456789.、（）一二三四五六七八九十") for m in r.match)
            for c in t.columns.values():
                words.update(c.labels)
    for f in narrative_grammar()["figures"]:
        words.update(f["subject"])
        words.update(f.get("action", []))
    return {w for w in words if len(w) >= 2 and "“" not in w}


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """The shared jieba Tokenizer (built on first use; cache in :func:`cache_dir`)."""
    import jieba

    logging.getLogger("jieba").setLevel(logging.WARNING)
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    tok.tmp_dir = str(folder)
    tok.cache_file = "jieba.cache"
    tok.initialize()
    for w in sorted(_domain_words()):
        tok.add_word(w, freq=200000)
    return tok


def tokens(text: str) -> list[str]:
    """Words of a text (punctuation, digits and spaces dropped)."""
    return [w for w in tokenizer().lcut(text) if w.strip() and any("\u4e00" <= ch <= "\u9fff" or ch.isalpha() for ch in w)]
