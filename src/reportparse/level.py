"""The level of government and the place of the reporting body, from the
issuer (or the title), by the rules in ``grammars/admin.toml``.

    柱濮镇人民政府          → township, 柱濮镇
    淮安市洪泽区人民政府      → county, 淮安市洪泽区
    平潭综合实验区管委会      → special_zone, 平潭综合实验区
    上海市人民政府办公厅      → department (of a province), 上海市
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from .datafiles import grammars_folder, toml_data
from .errors import GrammarError
from .startcache import compiled

LEVELS = ("province", "city", "county", "township", "special_zone", "department", "unknown")


@dataclass(frozen=True)
class Level:
    level: str  # one of LEVELS
    place: str | None
    government_level: str | None = None  # for a department: the level of its government


@lru_cache(maxsize=1)
def _rules() -> dict:
    try:
        data = toml_data(grammars_folder() / "admin.toml")
    except ValueError as exc:  # tomllib.TOMLDecodeError
        raise GrammarError("admin.toml", "(file)", f"not valid TOML: {exc}") from None
    names = data.get("names", {})
    for key in ("municipalities", "special_zones", "government", "department_suffixes"):
        if not isinstance(names.get(key), list):
            raise GrammarError("admin.toml", f"names.{key}", "missing required list")
        data[key] = names[key]
    if not isinstance(data.get("units"), list):
        raise GrammarError("admin.toml", "units", "missing required list")
    for i, u in enumerate(data["units"]):
        if u.get("level") not in LEVELS:
            raise GrammarError("admin.toml", f"units[{i}].level", f"expected one of {', '.join(LEVELS)}, got {u.get('level')!r}")
    data["units"] = sorted(data["units"], key=lambda u: -len(u["suffix"]))
    return data


def _place_level(place: str) -> str | None:
    r = _rules()
    if place in r["municipalities"]:
        return "province"
    if any(place.endswith(z) for z in r["special_zones"]):
        return "special_zone"
    for u in r["units"]:
        if place.endswith(u["suffix"]) and len(place) > len(u["suffix"]):
            level = u["level"]
            if level == "city" and _nested_city(place):
                return "county"  # a county-level city inside a prefecture: X市Y市
            return level
    return None


def _nested_city(place: str) -> bool:
    return bool(compiled(r"\p{Han}{2,}?(?:省|自治区)?\p{Han}{1,5}市\p{Han}{1,5}市").fullmatch(place)) and place not in _rules()["municipalities"]


@lru_cache(maxsize=1)
def _suffixes() -> regex.Pattern[str]:
    """Every unit word and special zone of the admin data, longest first."""
    r = _rules()
    suffixes = [u["suffix"] for u in r["units"]] + r["special_zones"]
    return compiled("|".join(regex.escape(s) for s in sorted(suffixes, key=len, reverse=True)))


def _split_place(name: str) -> tuple[str, str]:
    """(the longest leading place name, the rest)."""
    best = ""
    for m in _suffixes().finditer(name):
        cand = name[:m.end()]
        if len(cand) > len(m.group()):  # a unit word needs a name before it
            best = cand
    return best, name[len(best):]


def classify(issuer: str | None, title: str | None = None) -> Level:
    name = compiled(r"\s+").sub("", issuer or "")
    if not name and title:
        m = compiled(r"^(?:(?:19|20)\d{2}年度?)?(.+?)(?:(?:19|20)\d{2}年度?)?政府信息公开").match(title)
        name = m.group(1) if m else ""
    if not name:
        return Level("unknown", None)
    r = _rules()
    place, rest = _split_place(name)
    if not place:
        return Level("unknown", None)
    level = _place_level(place) or "unknown"
    rest_clean = rest
    for g in sorted(r["government"], key=len, reverse=True):
        if rest_clean.startswith(g):
            rest_clean = rest_clean[len(g):]
            break
    is_office = rest.endswith(("办公厅", "办公室")) and rest != ""
    if rest_clean and any(rest_clean.endswith(s) for s in r["department_suffixes"]) or is_office and rest_clean == "":
        if rest in ("管委会", "管理委员会", "党工委管委会", "人民政府", "政府"):
            return Level(level, place)
        return Level("department", place, level)
    return Level(level, place)
