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

Links and special files: a directory is walked without following symbolic
links.  A link to a regular file inside the input roots (the directories and
files named on the command line) is read under the link's name; a link that
points outside them, a broken or looping link, a link to a directory, and
anything that is not a regular file (FIFO, socket, device) are never opened but
listed as an error with the reason (``Input.problem``).  ``follow_links=True``
(``--follow-links``) reads links wherever they point and walks linked
directories (each directory once, so a link loop ends).  A file named on the
command line is always read through its link, if it is one; it must still be a
regular file.

The only files left out on purpose are those the user names: glob patterns
given as ``ignore`` (``--exclude``) or listed one per line in a ``.jixiaoignore``
file at the top of a directory argument (``#`` starts a comment).  A pattern
matches a file's path relative to that directory or its bare name; a pattern
ending in ``/`` matches a folder.  The batch summary counts what was left out.
"""

from __future__ import annotations

import fnmatch
import os
import stat
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
    #: why the file is listed but never opened (a link out of the inputs, a FIFO …); None for a readable file
    problem: str | None = None

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


_KINDS = ((stat.S_ISDIR, "目录"), (stat.S_ISFIFO, "命名管道"), (stat.S_ISSOCK, "套接字"),
          (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "特殊文件")


def _inside(p: Path, roots: list[Path]) -> bool:
    return any(p == r or r in p.parents for r in roots)


def _file_problem(f: Path, roots: list[Path], follow_links: bool) -> tuple[Path, str | None]:
    """(the path to read, None) for a readable file, else (the path, why it is not read).
    Only ``lstat``/``stat``/``resolve`` are used: nothing is opened."""
    try:
        st = os.lstat(f)
    except OSError as e:
        return f, f"无法访问文件：{e.strerror or e}"
    if not stat.S_ISLNK(st.st_mode):
        if stat.S_ISREG(st.st_mode):
            return f.resolve(), None
        return f, f"不是普通文件（{_kind(st.st_mode)}），未读取"
    try:
        target = f.resolve(strict=True)
        tst = os.stat(target)
    except (OSError, RuntimeError):
        return f, "符号链接已断开或成环（目标不存在），未读取"
    if not stat.S_ISREG(tst.st_mode):
        return f, f"符号链接指向的不是普通文件（{_kind(tst.st_mode)}），未读取"
    if not follow_links and not _inside(target, roots):
        return f, "符号链接指向输入目录之外，未读取（如需读取请使用 --follow-links）"
    return target, None


def _patterns(root: Path, extra: list[str]) -> list[str]:
    pats = list(extra)
    f = root / IGNORE_FILE
    if f.is_file() and not f.is_symlink():
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


def _real(p: Path) -> Path:
    """``p`` with links resolved; a link loop resolves to itself (never raises)."""
    try:
        return p.resolve()
    except (OSError, RuntimeError):
        return p.absolute()


def _under(p: Path, excluded: list[Path]) -> bool:
    rp = _real(p)
    return any(rp == e or e in rp.parents for e in excluded)


def paths_to_inputs(paths: list[str | Path], exclude: list[Path] | None = None, ignore: list[str] | None = None,
                    ignored: list[str] | None = None, follow_links: bool = False, *,
                    suffixes: frozenset[str] | None = None, as_given: bool = False) -> list[Input]:
    """Files to read, sorted by source name, each named uniquely.

    ``exclude``: paths never read (the output and cache directories); ``ignore``:
    glob patterns (see the module doc); ``ignored`` collects the source names
    the patterns left out; ``follow_links``: see the module doc.  ``suffixes``:
    only files with these extensions are taken from directories (files named on
    the command line are always taken); ``as_given``: sources are the paths as
    typed (``dir/sub/a.txt``) rather than ``<dir name>/…`` (``jixiao check``).
    Raises ``FileNotFoundError`` for a missing argument.
    """
    excluded = [e.resolve() for e in (exclude or [])]
    roots = [_real(Path(a)) for a in paths if os.path.lexists(a)]
    found: dict[Path, tuple[str, str | None]] = {}

    def add(f: Path, source: str) -> None:
        path, problem = _file_problem(f, roots, follow_links)
        # a readable file once (by its real path); a problem entry by the link's own path
        found.setdefault(path if problem is None else f.absolute(), (source, problem))

    for arg in paths:
        p = Path(arg)
        if not os.path.lexists(p):
            raise FileNotFoundError(str(arg))
        if not p.is_dir():
            # named by the user: read through its link, but never a FIFO or a device
            path, problem = _file_problem(_real(p) if p.exists() else p, roots, True)
            name = str(arg) if as_given else _file_source(str(arg), p)
            found.setdefault(path if problem is None else p.absolute(), (name, problem))
            continue
        root = p.resolve()
        prefix = str(arg).rstrip("/") if as_given else (root.name or "root")
        pats = _patterns(root, list(ignore or []))
        visited = {root}
        for dirpath, dirnames, filenames in os.walk(root, followlinks=follow_links):
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
                if (d / n).is_symlink():
                    if not follow_links:
                        found.setdefault((d / n).absolute(), (f"{prefix}/{rel}",
                                         "指向目录的符号链接，未展开（如需读取请使用 --follow-links）"))
                        continue
                    real = _real(d / n)
                    if real in visited or _under(real, excluded):
                        continue  # a link loop or a directory already walked
                    visited.add(real)
                keep.append(n)
            dirnames[:] = keep
            for name in sorted(filenames):
                f = d / name
                if _hidden(name) or _under(f, excluded) or (suffixes is not None
                                                             and f.suffix.lower() not in suffixes):
                    continue
                rel = f.relative_to(root).as_posix()
                if _ignored(rel, False, pats):
                    if ignored is not None:
                        ignored.append(f"{prefix}/{rel}")
                    continue
                add(f, f"{prefix}/{rel}")
    seen: dict[str, int] = {}
    out = []
    for path, (source, problem) in sorted(found.items(), key=lambda kv: (kv[1][0], str(kv[0]))):
        count = seen.get(source, 0) + 1
        seen[source] = count
        out.append(Input(path, source if count == 1 else f"{source}#{count}", problem))
    return out
