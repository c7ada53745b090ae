"""Keywords of a text: jieba TF-IDF with the domain dictionary and a stop-word
list for report boilerplate (grammars/narrative.toml)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .tokenizer import narrative_grammar, tokenizer


@lru_cache(maxsize=1)
def _tfidf() -> Any:
    from jieba.analyse.tfidf import TFIDF

    extractor = TFIDF()
    extractor.tokenizer = tokenizer()
    import jieba.posseg

    extractor.postokenizer = jieba.posseg.POSTokenizer(tokenizer())
    extractor.stop_words = set(extractor.stop_words) | set(narrative_grammar()["keywords"]["stopwords"])
    return extractor


def keywords(text: str, k: int = 10) -> list[str]:
    if not text.strip():
        return []
    tags = _tfidf().extract_tags(text, topK=k * 2, allowPOS=_POS)
    return [w for w in tags if len(w) >= 2 and not w.isdigit()][:k]


# nouns, verbal nouns, verbs, idioms, terms: what a reader scans a section for
_POS = ("n", "nz", "nt", "ns", "vn", "v", "l", "i", "eng", "x")
