"""File names as shown and stored, and the stable id of a document.

A bottom-layer module (it imports nothing from ``jixiao``): the batch parent names and
identifies files without importing the pipeline (:mod:`jixiao.pipeline` re-exports these).
"""

from __future__ import annotations

import hashlib


def name_bytes(name: str) -> bytes:
    """The bytes of a file name as the OS gave them: a name that is not valid UTF-8
    (a GBK name from a Windows zip) arrives with its bad bytes as surrogate escapes."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is no escape: keep it distinct
        return name.encode("utf-8", "surrogatepass")


def display_name(name: str) -> str:
    """A file name as shown and stored: bytes that are not UTF-8 become U+FFFD."""
    return name_bytes(name).decode("utf-8", "replace")


def doc_id_for(source: str, sha256: str) -> str:
    """Stable id of a document: the same file under the same name, the same id.
    Taken from the name's bytes, so two names that differ only in bytes that are not
    UTF-8 (and show alike) keep different ids."""
    return hashlib.sha256(name_bytes(source) + f"\0{sha256}".encode()).hexdigest()[:16]
