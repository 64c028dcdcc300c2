"""Which files a batch reads, and under which stable source name.

A directory argument contributes every file below it (hidden files and folders
skipped, as are excluded paths such as the output directory); its files are
named ``<dir name>/<relative path>`` so the names do not depend on the current
directory.  A file argument is named by the path as given when it is relative
(and stays below the current directory), else by its file name.
Every file found is kept: none is silently dropped.  Report files (the one list
of readable formats, :data:`jixiao.extract.formats.FORMATS`) and office documents whose content may still be readable
(a ``.doc`` that is really a DOCX, an ``.mht`` saved as ``.doc``; see
``OFFICE``) go to the pipeline, which tells the real format from the bytes and
gives the specific reason when it cannot read one (``须先转换为DOCX`` …).
Anything else (images, archives, data files …) is marked unsupported and
appears in the dataset as an error ``不支持的文件格式（.jpg）``.

The only files left out on purpose are those the user names: glob patterns
given as ``ignore`` (``--exclude``) or listed one per line in a ``.jixiaoignore``
file at the top of a directory argument (``#`` starts a comment).  A pattern
matches a file's path relative to that directory or its bare name; a pattern
ending in ``/`` matches a folder.  The batch summary counts what was left out.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from jixiao.extract.formats import READABLE_SUFFIXES

SUPPORTED = READABLE_SUFFIXES  # the one list of readable formats (jixiao.extract.formats)
#: office/WPS formats a report may arrive in: the pipeline sniffs them and reads or explains
OFFICE = frozenset({".doc", ".dot", ".dotx", ".docm", ".wps", ".wpt", ".rtf", ".odt", ".mht", ".mhtml",
                    ".htm", ".html", ".xml", ".xls", ".xlsx", ".et", ".ods", ".ppt", ".pptx"})
IGNORE_FILE = ".jixiaoignore"


@dataclass(frozen=True)
class Input:
    path: Path
    source: str

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @property
    def supported(self) -> bool:
        """Sent to the pipeline (which may still find it unreadable)."""
        return self.suffix in SUPPORTED or self.suffix in OFFICE


def _hidden(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")  # ~$ : Office lock files


def _file_source(arg: str, p: Path) -> str:
    pp = PurePosixPath(Path(arg).as_posix())
    if not pp.is_absolute() and ".." not in pp.parts:
        return str(pp)
    return p.name


def _patterns(root: Path, extra: list[str]) -> list[str]:
    pats = list(extra)
    f = root / IGNORE_FILE
    if f.is_file():
        for line in f.read_text(encoding="utf-8-sig").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                pats.append(line)
    return pats


def _ignored(rel: str, is_dir: bool, pats: list[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    for p in pats:
        if p.endswith("/"):
            if is_dir and (fnmatch.fnmatchcase(rel, p[:-1]) or fnmatch.fnmatchcase(name, p[:-1])):
                return True
        elif not is_dir and (fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p)):
            return True
    return False


def _under(p: Path, excluded: list[Path]) -> bool:
    rp = p.resolve()
    return any(rp == e or e in rp.parents for e in excluded)


def paths_to_inputs(paths: list[str | Path], exclude: list[Path] | None = None, ignore: list[str] | None = None,
                    ignored: list[str] | None = None) -> list[Input]:
    """Files to read, sorted by source name, each named uniquely.

    ``exclude``: paths never read (the output and cache directories); ``ignore``:
    glob patterns (see the module doc); ``ignored`` collects the source names
    the patterns left out.  Raises ``FileNotFoundError`` for a missing argument.
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
        pats = _patterns(root, list(ignore or []))
        for dirpath, dirnames, filenames in os.walk(root):
            d = Path(dirpath)
            keep = []
            for n in sorted(dirnames):
                if _hidden(n) or _under(d / n, excluded):
                    continue
                rel = (d / n).relative_to(root).as_posix()
                if _ignored(rel, True, pats):
                    if ignored is not None:
                        ignored.append(f"{prefix}/{rel}/")
                    continue
                keep.append(n)
            dirnames[:] = keep
            for name in sorted(filenames):
                f = d / name
                if _hidden(name) or not f.is_file() or _under(f, excluded):
                    continue
                rel = f.relative_to(root).as_posix()
                if _ignored(rel, False, pats):
                    if ignored is not None:
                        ignored.append(f"{prefix}/{rel}")
                    continue
                found.setdefault(f.resolve(), f"{prefix}/{rel}")
    seen: dict[str, int] = {}
    out = []
    for path, source in sorted(found.items(), key=lambda kv: (kv[1], str(kv[0]))):
        count = seen.get(source, 0) + 1
        seen[source] = count
        out.append(Input(path, source if count == 1 else f"{source}#{count}"))
    return out
