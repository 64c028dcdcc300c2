"""Per-file result cache: one file's result (table rows + counts, see
:mod:`jixiao.batch.result`) stored as JSON under a content key.

The key hashes the file's sha256, its source name, the jixiao version, a digest
of jixiao's own code and data files (so a changed parser or vocabulary never
serves stale results, even before the version is bumped) and a hash of the run's
configuration.  Entries are written atomically (temp file + rename), so a killed
run leaves no half-written entry.  A cache that cannot be written (full disk,
read-only, no permission) never stops a batch: the entry is skipped and counted
in :attr:`Cache.write_failures` (the run summary says so).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from jixiao import __version__
from jixiao.errors import os_error_text

_PACKAGE = Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """sha256 over jixiao's ``.py``/``.toml``/``.txt`` files (path + bytes)."""
    h = hashlib.sha256()
    for p in sorted(_PACKAGE.rglob("*")):
        if p.suffix in (".py", ".toml", ".txt") and "__pycache__" not in p.parts and p.is_file():
            h.update(p.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            h.update(p.read_bytes() + b"\0")
    return h.hexdigest()


def config_hash(config: object | None) -> str:
    """A stable hash of the run configuration (``repr``-free: JSON of its fields)."""
    if config is None:
        return "default"
    dump = getattr(config, "model_dump", None)
    data = dump(mode="json") if callable(dump) else config
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()



def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and a rename, so a
    reader never sees half a file (a leftover ``.tmp-*`` is removed; ``OSError`` propagates)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            Path(tmp).unlink(missing_ok=True)
        except OSError:
            pass
        raise

class Cache:
    """JSON entries keyed by :meth:`key`, stored under ``root/<2 hex>/<key>.json``."""

    def __init__(self, root: str | Path, config: object | None = None) -> None:
        self.root = Path(root)
        self._salt = f"{__version__}\0{code_digest()}\0{config_hash(config)}"
        self.used: set[str] = set()
        self.write_failures = 0
        self.write_error: str | None = None  # the first failure, in Chinese

    def key(self, sha256: str, source: str) -> str:
        # the name's own bytes: a name that is not UTF-8 (surrogate escapes) is a key like any other
        name = source.encode("utf-8", "surrogateescape")
        return hashlib.sha256(f"{sha256}\0".encode() + name + f"\0{self._salt}".encode()).hexdigest()

    @property
    def salt(self) -> str:
        """What every key of this cache includes besides the file: version, code digest, configuration."""
        return self._salt

    def stamp(self, key: str) -> list[int] | None:
        """The entry's size and modification time (ns), None when there is none: what tells a
        run that an entry is the one an earlier run wrote, without reading it."""
        try:
            st = self._path(key).stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns]

    def keep(self, keys: list[str]) -> None:
        """Count entries as used by this run without reading them (so :meth:`prune` keeps them)."""
        self.used.update(keys)

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get_json(self, key: str) -> str | None:
        try:
            text = self._path(key).read_text(encoding="utf-8")
        except OSError:
            return None
        self.used.add(key)
        return text

    def put_json(self, key: str, text: str) -> bool:
        """Store an entry; False (and counted) when the cache cannot be written."""
        try:
            self._write(key, text)
        except OSError as e:
            self.write_failures += 1
            if self.write_error is None:
                self.write_error = os_error_text(e)
            return False
        self.used.add(key)
        return True

    def _write(self, key: str, text: str) -> None:
        write_atomic(self._path(key), text)

    def prune(self) -> int:
        """Delete entries this run did not use; returns how many were deleted."""
        n = 0
        if not self.root.is_dir():
            return 0
        for p in self.root.glob("*/*"):
            if p.is_file() and (p.name.startswith(".tmp-") or p.stem not in self.used):
                try:
                    p.unlink(missing_ok=True)
                except OSError:
                    continue  # a read-only cache keeps its old entries
                n += 1
        return n
