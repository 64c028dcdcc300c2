"""Exceptions.  Exceptions are for bugs and unreadable files; bad *data* becomes a
:class:`~jixiao.model.Finding`, never an exception."""

from __future__ import annotations


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
