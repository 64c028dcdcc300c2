"""Which files a batch reads, and under which stable source name.

A directory argument contributes every file below it (hidden files and folders
skipped, as are excluded paths such as the output directory); its files are
named ``<dir name>/<relative path>`` so the names do not depend on the current
directory.  A file argument is named by the path as given when it is relative
(and stays below the current directory), else by its file name.
Files that jixiao cannot read (``.doc``, ``.wps``, ``.xls``, …) are kept, marked
unsupported: they appear in the dataset as errors, never silently dropped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

SUPPORTED = frozenset({".docx", ".pdf", ".txt"})


@dataclass(frozen=True)
class Input:
    path: Path
    source: str

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def supported(self) -> bool:
        return self.suffix in SUPPORTED


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # ~$ : Office lock files


def _file_source(arg: str, p: Path) -> str:
    pp = PurePosixPath(Path(arg).as_posix())
    if not pp.is_absolute() and ".." not in pp.parts:
        return str(pp)
    return p.name


def _under(p: Path, excluded: list[Path]) -> bool:
    rp = p.resolve()
    return any(rp == e or e in rp.parents for e in excluded)


def paths_to_inputs(paths: list[str | Path], exclude: list[Path] | None = None) -> list[Input]:
    """Files to read, sorted by source name, each named uniquely.

    Raises ``FileNotFoundError`` for an argument that does not exist.
    """
    excluded = [e.resolve() for e in (exclude or [])]
    found: dict[Path, str] = {}
    for arg in paths:
        p = Path(arg)
        if not p.exists():
            raise FileNotFoundError(str(arg))
        if p.is_file():
            found.setdefault(p.resolve(), _file_source(str(arg), p))
            continue
        root = p.resolve()
        prefix = root.name or "root"
        for dirpath, dirnames, filenames in os.walk(root):
            d = Path(dirpath)
            dirnames[:] = sorted(n for n in dirnames if not _hidden(n) and not _under(d / n, excluded))
            for name in sorted(filenames):
                f = d / name
                if _hidden(name) or not f.is_file() or _under(f, excluded):
                    continue
                found.setdefault(f.resolve(), f"{prefix}/{f.relative_to(root).as_posix()}")
    seen: dict[str, int] = {}
    out = []
    for path, source in sorted(found.items(), key=lambda kv: (kv[1], str(kv[0]))):
        n = seen.get(source, 0) + 1
        seen[source] = n
        out.append(Input(path, source if n == 1 else f"{source}#{n}"))
    return out
