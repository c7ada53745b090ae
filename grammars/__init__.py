"""Grammar data files (TOML) shipped as the package ``reportparse.grammars``.

The files live in the repository's top-level ``grammars/`` folder; setuptools
maps that folder to this package so that installed and editable installs load
them the same way, through :mod:`importlib.resources`.
"""
