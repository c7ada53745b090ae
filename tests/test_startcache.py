"""The start-up cache: a warm cache gives the same output as none, a changed
file is a new key, and a damaged or unwritable cache only means building again."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

from reportparse import startcache

from conftest import CORPUS

SAMPLE = str(CORPUS / "000_c93a36ffeb13c002.txt")


def _parse(cache: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "REPORTPARSE_CACHE": cache}
    return subprocess.run([sys.executable, "-m", "reportparse", "parse", SAMPLE, "--compact"],
                          env=env, capture_output=True, check=False)


def test_a_warm_cache_gives_the_output_of_no_cache(tmp_path):
    cache = tmp_path / "cache"
    without = _parse("off")
    first, second = _parse(str(cache)), _parse(str(cache))
    assert without.returncode == first.returncode == second.returncode == 0  # the sample parses without an error diagnostic
    assert without.stdout == first.stdout == second.stdout and b'"header"' in without.stdout
    names = {p.name.split("-")[0] for p in cache.iterdir()}
    assert {"grammars", "patterns", "toml"} <= names <= {"grammars", "patterns", "toml", "regions"}  # regions: when installed


def test_a_damaged_cache_file_is_built_again(tmp_path):
    cache = tmp_path / "cache"
    _parse(str(cache))
    for f in cache.iterdir():
        f.write_bytes(b"not a pickle")
    again = _parse(str(cache))
    assert again.returncode == 0 and again.stdout == _parse("off").stdout and not again.stderr
    assert all(pickle.loads(f.read_bytes()) is not None for f in cache.iterdir())  # rewritten


def test_an_unwritable_cache_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    result = _parse(str(blocker / "cache"))
    assert result.returncode == 0 and result.stdout == _parse("off").stdout and not result.stderr


def test_cached_objects_are_kept_under_the_key_they_were_built_from(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTPARSE_CACHE", str(tmp_path))
    built: list[str] = []

    def build(tag: str):
        return lambda: built.append(tag) or {"tag": tag}

    assert startcache.cached("thing", "files v1", build("v1")) == {"tag": "v1"}
    assert startcache.cached("thing", "files v1", build("again")) == {"tag": "v1"}  # read back, not built
    assert startcache.cached("thing", "files v2", build("v2")) == {"tag": "v2"}  # a changed file: a new key
    assert built == ["v1", "v2"]
    monkeypatch.setenv("REPORTPARSE_CACHE", "off")
    assert startcache.folder() is None
    assert startcache.cached("thing", "files v1", build("off")) == {"tag": "off"}


def test_the_grammar_key_changes_with_any_byte_of_a_file():
    a = startcache.digest(b"[meta]\nid = 'ogi-2021'\n")
    assert a != startcache.digest(b"[meta]\nid = 'ogi-2022'\n")
    assert a == startcache.digest(b"[meta]\nid = 'ogi-2021'\n")


def _pattern_keys(cache) -> set:
    (path,) = [p for p in cache.iterdir() if p.name.startswith("patterns-")]
    return set(pickle.loads(path.read_bytes()))


def test_a_warm_cache_compiles_no_pattern_under_another_hash_seed(tmp_path):
    """Every pattern's text is the same in every run (none built from a set's
    order, which the hash seed changes), so a second run finds them all."""
    cache = tmp_path / "cache"
    for seed in ("1", "2", "3"):
        env = {**os.environ, "REPORTPARSE_CACHE": str(cache), "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "reportparse", "parse", SAMPLE, "--compact"], env=env,
                       capture_output=True, check=True)
        if seed == "1":
            first = _pattern_keys(cache)
    assert _pattern_keys(cache) == first


def test_past_its_bound_the_pattern_file_keeps_only_this_runs_patterns(tmp_path, monkeypatch):
    import regex

    monkeypatch.setenv("REPORTPARSE_CACHE", str(tmp_path))
    monkeypatch.setattr(startcache, "_patterns", {("x", 0): regex.compile("x"), ("y", 0): regex.compile("y")})
    monkeypatch.setattr(startcache, "_used", set())
    assert startcache.compiled("y").match("y")  # a hit: used by this run
    monkeypatch.setattr(startcache, "_MAX_PATTERNS", 1)
    startcache._save_patterns()
    assert _pattern_keys(tmp_path) == {("y", 0)}
    monkeypatch.setattr(startcache, "_MAX_PATTERNS", 10)
    startcache._save_patterns()
    assert _pattern_keys(tmp_path) == {("x", 0), ("y", 0)}


def test_objects_built_under_many_keys_keep_only_the_newest_files(tmp_path, monkeypatch):
    """Each grammar change is a new key: the folder keeps the newest few files
    of one name, never every version it saw, and leaves other names alone."""
    monkeypatch.setenv("REPORTPARSE_CACHE", str(tmp_path))
    for v in range(6):
        assert startcache.cached("thing", f"files v{v}", lambda v=v: {"v": v}) == {"v": v}
        for p in tmp_path.iterdir():  # (mtimes one second apart: the order is the order written)
            if p.name.startswith("thing-") and p.stat().st_mtime > 1e9:
                os.utime(p, (p.stat().st_atime, p.stat().st_mtime - 1))
    startcache.cached("other", "files", lambda: {"other": 1})
    things = [p for p in tmp_path.iterdir() if p.name.startswith("thing-")]
    assert len(things) == startcache._KEEP_KEYS
    assert startcache.cached("thing", "files v5", lambda: {"v": "built again"}) == {"v": 5}  # the newest kept
    assert startcache.cached("thing", "files v0", lambda: {"v": "built again"}) == {"v": "built again"}  # the oldest gone
    assert any(p.name.startswith("other-") for p in tmp_path.iterdir())
