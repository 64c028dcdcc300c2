"""Convert legacy Office/WPS files (OLE .doc .wps .xls; RTF, HTML and Word 2003 XML
saved as .doc) with LibreOffice.

jixiao never reads OLE files itself: they are refused with
:func:`jixiao.extract.sniff.legacy_reason` ("须先转换为DOCX/XLSX").  When the user
asks for it (``--convert``) and LibreOffice is on PATH, :func:`convert_legacy`
turns the file into DOCX/XLSX in a private temporary directory and returns the
new path; the caller reads that file and keeps the original name as the source.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from jixiao.errors import UnreadableFile, UnsupportedFormat
from jixiao.extract.sniff import sniff_format

TIMEOUT_S = 120
_TARGET = {"doc": "docx", "wps": "docx", "ole": "docx", "xls": "xlsx", "rtf": "docx", "html": "docx",
           "wordml": "docx"}
# LibreOffice picks its import filter from the extension: stage the file under the real one
_STAGE_EXT = {"doc": "doc", "wps": "doc", "ole": "doc", "xls": "xls", "rtf": "rtf", "html": "html", "wordml": "xml"}


def soffice_path() -> str | None:
    """The LibreOffice executable on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_legacy(path: str | Path, out_dir: str | Path | None = None) -> Path:
    """Convert a legacy .doc/.wps/.xls file; return the path of the DOCX/XLSX.

    ``out_dir`` defaults to a new temporary directory (the caller may delete it).
    Raises :class:`UnsupportedFormat` when the file is not a legacy format or
    LibreOffice is missing, :class:`UnreadableFile` when the conversion fails.
    """
    p = Path(path)
    src = str(path)
    try:
        head = p.read_bytes()
    except OSError as e:
        raise UnreadableFile(src, f"无法读取文件：{e.strerror or e}") from e
    fmt = sniff_format(head, p.name)
    target = _TARGET.get(fmt)
    if target is None:
        raise UnsupportedFormat(src, f"不是需要转换的旧版Office/WPS文件（识别为{fmt}）")
    exe = soffice_path()
    if exe is None:
        raise UnsupportedFormat(
            src, f"旧版文件（{fmt}）须先转换为{target.upper()}，但未找到LibreOffice（soffice），无法自动转换"
        )
    out = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="jixiao-convert-"))
    out.mkdir(parents=True, exist_ok=True)
    staged = out / f"{p.stem}.{_STAGE_EXT[fmt]}"
    shutil.copyfile(p, staged)
    profile = out / ".lo-profile"
    try:
        subprocess.run(
            [exe, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(out), str(staged)],
            check=True, capture_output=True, timeout=TIMEOUT_S,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        raise UnreadableFile(src, f"LibreOffice转换失败：{e}") from e
    finally:
        staged.unlink(missing_ok=True)
        shutil.rmtree(profile, ignore_errors=True)
    result = out / f"{p.stem}.{target}"
    if not result.exists() or result.stat().st_size == 0:
        raise UnreadableFile(src, "LibreOffice转换失败：没有生成输出文件（文件可能已损坏）")
    return result
