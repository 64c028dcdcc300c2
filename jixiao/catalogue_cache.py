"""Validated catalogues memoised across processes: :func:`load_catalogue`.

Every vocabulary and configuration catalogue (``normalize/data/*.toml``, ``assemble/data/*.toml``,
``rules/data/default.toml``, …) is parsed and validated by its pydantic model when its module is
imported.  The result is a pure function of the TOML bytes and of the code that validates them,
so it is kept, pickled, in the user cache directory (:func:`cache_dir`) under a key that hashes:

- the bytes of every input file,
- the source of every module whose code the validation runs (the module defining the model,
  and the modules its validators call into),
- the keys of the catalogues whose content the validation reads (``depends``: the prose budget
  words are checked against the role catalogue),
- jixiao's, pydantic's and Python's versions.

Derived structures that are pure functions of shipped data go through it too (the set of
traditional characters read from OpenCC's table, :mod:`jixiao.extract.hanzi`).

The next process that imports the catalogue with the same inputs unpickles the validated object
instead of parsing and validating again (a model declared with ``defer_build=True`` then builds
no validator at all).  Any change to a file or to that code changes the key, so a stale entry is
never read; an entry that cannot be read or is not of the expected type (corrupt, truncated,
written by another version) is validated again and rewritten.  A cache directory that cannot be
written is not an error: the catalogue is validated as if there were no cache.  Validation
errors are never cached: a bad file raises on every import, as without a cache.

``JIXIAO_CACHE_DIR`` sets the directory (``off`` disables the cache).  This module imports no
other jixiao module, so every layer may use it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")

ENV = "JIXIAO_CACHE_DIR"
#: the sub-directory of :func:`cache_dir` holding the catalogue entries
SUBDIR = "catalogues"
#: the version of this module's entry format (part of every key)
FORMAT = "1"
_KEY_CHARS = 40  # of the sha256 in an entry's name (an exact length: "vocab-units-user-…" is not "vocab-units")

#: what this process did per catalogue name: "hit", "miss" (validated and written), "unwritable"
#: (validated, the entry could not be written), "off" (no cache); for tests and the benchmark
STATS: dict[str, str] = {}
#: the key of every catalogue loaded in this process (a dependent catalogue's key includes it)
KEYS: dict[str, str] = {}


def cache_dir() -> Path | None:
    """jixiao's user cache directory (``$JIXIAO_CACHE_DIR``; else ``$XDG_CACHE_HOME/jixiao`` or
    ``~/.cache/jixiao`` on Linux, ``~/Library/Caches/jixiao`` on macOS, ``%LOCALAPPDATA%\\jixiao\\Cache``
    on Windows); None when disabled (``JIXIAO_CACHE_DIR=off``) or without a home directory."""
    env = os.environ.get(ENV)
    if env is not None:
        return None if env.strip().lower() in ("", "off", "0", "none") else Path(env)
    try:
        if sys.platform == "win32":
            base = os.environ.get("LOCALAPPDATA")
            return Path(base) / "jixiao" / "Cache" if base else None
        if sys.platform == "darwin":
            return Path.home() / "Library" / "Caches" / "jixiao"
        xdg = os.environ.get("XDG_CACHE_HOME")
        return (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "jixiao"
    except (RuntimeError, KeyError):  # no home directory
        return None


def _versions() -> bytes:
    # looked up, not imported: the package is always imported before any of its modules (and an
    # import of ``jixiao`` here would, for the import contracts, reach every layer)
    version = getattr(sys.modules.get("jixiao"), "__version__", "")
    pydantic = getattr(sys.modules.get("pydantic.version"), "VERSION", "")
    return f"{FORMAT}|{version}|{pydantic}|{sys.version}|{pickle.HIGHEST_PROTOCOL}".encode()


def _source(module: str) -> bytes:
    """The source bytes of an imported (or importing) module; OSError when it has none."""
    mod = sys.modules.get(module)
    path = getattr(mod, "__file__", None)
    if not path:
        raise OSError(f"no source for {module}")
    return Path(path).read_bytes()


def catalogue_key(data: Sequence[bytes], modules: Sequence[str], depends: Sequence[str] = ()) -> str:
    """The sha256 of the inputs, the validating code, the keys of the catalogues it depends on
    and the versions (OSError: a module without source; KeyError: a dependency not loaded)."""
    h = hashlib.sha256(_versions())
    for d in depends:
        h.update(b"\0dep\0" + d.encode() + b"\0" + KEYS[d].encode())
    for chunk in data:
        h.update(b"\0data\0%d\0" % len(chunk))
        h.update(chunk)
    for m in modules:
        src = _source(m)
        h.update(b"\0code\0" + m.encode() + b"\0%d\0" % len(src))
        h.update(src)
    return h.hexdigest()


def entry_path(name: str, key: str) -> Path | None:
    base = cache_dir()
    return None if base is None else base / SUBDIR / f"{name}-{key[:_KEY_CHARS]}.pickle"


def _read(path: Path, expect: type) -> object | None:
    try:
        with path.open("rb") as fh:
            obj = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a corrupt or foreign entry: validate again
        return None
    return obj if type(obj) is expect else None


def _write(path: Path, name: str, obj: object) -> bool:
    try:
        blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for old in path.parent.glob(f"{name}-{'?' * _KEY_CHARS}.pickle"):  # earlier inputs or code
            if old != path:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - unwritable, full, unpicklable: the cache is only an optimisation
        return False
    return True


def load_catalogue(name: str, expect: type[_T], data: Sequence[bytes], validate: Callable[[], _T], *,
                   modules: Sequence[str], depends: Sequence[str] = ()) -> _T:
    """The validated catalogue ``name``: from the cache when an entry for exactly these inputs
    and this code exists, else ``validate()`` (whose exceptions propagate, nothing cached).

    ``expect``: the type ``validate`` returns; ``data``: the bytes it validates (every file it
    reads); ``modules``: the modules whose code it runs (the model's and its validators');
    ``depends``: the catalogues (loaded before, through this function) whose content it reads."""
    try:
        key = catalogue_key(data, modules, depends)
    except (OSError, KeyError):
        key = None
    if key is not None:
        KEYS[name] = key
    path = None if key is None else entry_path(name, key)
    if path is None:
        STATS[name] = "off"
        return validate()
    hit = _read(path, expect)
    if hit is not None:
        STATS[name] = "hit"
        return hit  # type: ignore[return-value]
    obj = validate()
    STATS[name] = "miss" if _write(path, name, obj) else "unwritable"
    return obj
