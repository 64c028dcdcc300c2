"""Tell a file's real format from its first bytes (extensions lie)."""

from __future__ import annotations


def sniff_format(data: bytes, name: str = "") -> str:
    """Return ``txt``, ``docx``, ``pdf`` or another short format name."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # legacy .doc / .xls / .wps
    return "txt"
