"""Canonical JSON: sorted keys, Decimals as strings, UTF-8, stable across runs.

The text is exactly ``json.dumps(plain, ensure_ascii=False, sort_keys=True, indent=1)`` of the
model's JSON-mode dump.  The standard library writes indented JSON with its pure-Python
encoder (its C encoder only writes unindented JSON); :func:`dumps_canonical` writes the same
bytes about three times faster, with the C string escaper, and hands anything outside plain
JSON data (a key that is not a string, an unknown type, a cycle) to ``json.dumps`` itself, so
the output and the errors stay the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string  # the C escaper when available
from typing import Any

from pydantic import BaseModel

_INF = float("inf")
_KEYS: dict[str, str] = {}  # encoded key + ": " (the keys of a dump are a few hundred field names)
_MAX_KEYS = 4096


class _Fallback(Exception):
    """Not plain JSON data: ``json.dumps`` decides."""


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == _INF:
        return "Infinity"
    if o == -_INF:
        return "-Infinity"
    return float.__repr__(o)


def _key(k: object) -> str:
    if type(k) is not str:  # int/float/bool/None keys: converted and sorted as json does
        raise _Fallback
    s = _string(k) + ": "
    if len(_KEYS) < _MAX_KEYS:
        _KEYS[k] = s
    return s


def _encode(o: Any, nl: str, out: list[str]) -> None:
    """Append the indented JSON of ``o``; ``nl`` is a newline and the current indentation."""
    append = out.append
    t = type(o)
    if t is dict:
        if not o:
            append("{}")
            return
        inner = nl + " "
        sep, comma = "{" + inner, "," + inner
        for k in sorted(o):
            ks = _KEYS.get(k) or _key(k)
            v = o[k]
            if type(v) is str:
                append(sep + ks + _string(v))
            elif v is None:
                append(sep + ks + "null")
            else:
                append(sep + ks)
                _encode(v, inner, out)
            sep = comma
        append(nl + "}")
    elif t is list or t is tuple:
        if not o:
            append("[]")
            return
        inner = nl + " "
        sep, comma = "[" + inner, "," + inner
        for v in o:
            if type(v) is str:
                append(sep + _string(v))
            else:
                append(sep)
                _encode(v, inner, out)
            sep = comma
        append(nl + "]")
    elif isinstance(o, str):
        append(_string(o))
    elif o is None:
        append("null")
    elif o is True:
        append("true")
    elif o is False:
        append("false")
    elif isinstance(o, int):
        append(int.__repr__(o))
    elif isinstance(o, float):
        append(_float(o))
    else:  # dict/list subclasses, Decimal, objects: the standard library's own path and errors
        raise _Fallback


def dumps_canonical(obj: Any) -> str:
    """``json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)``, faster."""
    out: list[str] = []
    try:
        _encode(obj, "\n", out)
    except (_Fallback, RecursionError, TypeError):  # TypeError: keys that do not sort
        return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)
    return "".join(out)


def to_plain(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, list):
        return [to_plain(o) for o in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


def canonical_json(obj: Any) -> str:
    """Serialize a model (or list/dict of models) canonically, ending in a newline."""
    return dumps_canonical(to_plain(obj)) + "\n"


def canonical_reply(doc: Any) -> str:
    """A worker's answer for ``jixiao extract``: one line of JSON with the document's status,
    source and error, then its canonical JSON — so the command prints the text as it comes and
    never builds a Document itself (:func:`split_canonical_reply`)."""
    head = json.dumps({"status": doc.status, "source": doc.source, "error": doc.error}, ensure_ascii=False)
    return head + "\n" + canonical_json(doc)


def split_canonical_reply(payload: str) -> tuple[dict[str, Any], str]:
    """(status/source/error, canonical JSON text) of a :func:`canonical_reply`."""
    head, _, text = payload.partition("\n")
    return json.loads(head), text
