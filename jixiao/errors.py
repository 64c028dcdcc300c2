"""Exceptions.  Exceptions are for bugs and unreadable files; bad *data* becomes a
:class:`~jixiao.model.Finding`, never an exception.

Why a file could not be read is told in Chinese with one of three cause classes
(so users and the batch summary can group them): :data:`CORRUPT` (结构损坏: the
file's structure is broken), :data:`LIMIT` (超出资源限制: time, memory or size
limits) and :data:`UNRECOGNISED` (无法识别的内容: the reader failed on content it
does not understand).  A reader's own English exception text never reaches the
user: :func:`exception_reason` names only the cause class and the exception type.
"""

from __future__ import annotations

import errno
import struct
import zipfile
import zlib
from xml.etree.ElementTree import ParseError

CORRUPT = "结构损坏"
LIMIT = "超出资源限制"
UNRECOGNISED = "无法识别的内容"

#: exception types that mean a broken file structure, whatever parser raised them
_CORRUPT_TYPES: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zlib.error, EOFError, struct.error, ParseError, UnicodeDecodeError,
)


class JixiaoError(Exception):
    """Root of all jixiao errors."""


class UnreadableFile(JixiaoError):
    """A file that cannot be read at all.  The message is in Chinese, names the file
    and says why (encrypted, scanned without text layer, corrupt, ...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class UnsupportedFormat(UnreadableFile):
    """A file type jixiao does not read (legacy .doc/.wps/.xls, images, ...)."""


def cause_of(e: BaseException) -> str:
    """The cause class of an exception raised while reading a file."""
    if isinstance(e, MemoryError | RecursionError | OverflowError):
        return LIMIT
    if isinstance(e, _CORRUPT_TYPES) or type(e).__name__ in ("XMLSyntaxError", "PDFSyntaxError",
                                                             "MalformedPDFException", "PSEOF", "PDFTypeError"):
        return CORRUPT
    return UNRECOGNISED


def exception_reason(e: BaseException, what: str = "处理时出错") -> str:
    """A Chinese reason for an unexpected exception: ``what``, the cause class and the
    exception's type name (its message, often English and long, is left out)."""
    cause = cause_of(e)
    detail = {LIMIT: "内存或递归深度超出上限", CORRUPT: "文件结构损坏，解析失败",
              UNRECOGNISED: "程序无法处理该文件的内容"}[cause]
    return f"{what}（{cause}：{detail}；错误类型 {type(e).__name__}）"


_ERRNO_TEXT = {
    errno.ENOSPC: "磁盘空间不足", errno.EROFS: "只读文件系统", errno.EACCES: "没有权限",
    errno.EPERM: "操作不被允许", errno.EDQUOT: "超出磁盘配额", errno.ENOENT: "路径不存在",
    errno.ENOTDIR: "路径中有一项不是目录", errno.EISDIR: "是一个目录", errno.EIO: "输入输出错误",
    errno.EMFILE: "打开的文件过多", errno.ENAMETOOLONG: "文件名过长", errno.EXDEV: "跨文件系统",
    errno.EBUSY: "设备或资源忙", errno.EEXIST: "文件已存在", errno.ENOTEMPTY: "目录不是空的",
}


def os_error_text(e: OSError) -> str:
    """An operating-system error in Chinese (磁盘空间不足, 只读文件系统 …), with its errno name."""
    if e.errno is None:
        return "操作系统错误"
    name = errno.errorcode.get(e.errno, str(e.errno))
    return f"{_ERRNO_TEXT.get(e.errno, '操作系统错误')}（{name}）"
