"""The data files shipped with the package, found without ``importlib.resources``
(whose import costs a tenth of a one-file run's start-up), and TOML data read
through the start-up cache (``tomllib`` is imported only when a file changed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .startcache import cached, digest


def grammars_folder() -> Path:
    """The folder of the grammar files (the ``reportparse.grammars`` package)."""
    from . import grammars

    return Path(next(iter(grammars.__path__)))


def package_file(name: str) -> Path:
    return Path(__file__).parent / name


def toml_data(path: Path) -> dict[str, Any]:
    """A TOML file's data, parsed once per version of the file."""
    data = path.read_bytes()

    def parse() -> dict[str, Any]:
        import tomllib

        return tomllib.loads(data.decode("utf-8"))

    return cached(f"toml-{path.stem}", digest(data), parse)
