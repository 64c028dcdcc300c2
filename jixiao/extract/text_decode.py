"""Bytes of a text report → decoded text, and the per-line normalisation.

Encodings seen in Chinese ``.txt`` reports: UTF-8 with or without BOM,
GB18030/GBK (the Windows default), UTF-16 LE/BE with or without BOM.
A BOM is trusted; then strict UTF-8; otherwise every candidate that decodes
strictly is scored by how plausible its characters are for Chinese or ASCII
text, and charset-normalizer is asked for the hard cases.

:func:`normalize_line` makes a line's *working* text: converter artefacts
removed, odd spaces made plain, zero-width characters dropped, full-width
ASCII folded (U+FF01–FF5E → ASCII, U+3000 → space).  Loaders keep the
verbatim line beside it for provenance.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.text_patterns import BOOKMARK, ODD_SPACE, ZERO_WIDTH

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

# full-width ASCII variants → ASCII; the ideographic space → a space
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    replaced: int  # characters that could not be decoded (U+FFFD inserted)
    plausibility: float  # share of characters usual in a Chinese report


def fold_width(text: str) -> str:
    """Full-width ASCII variants to ASCII and U+3000 to a space; nothing else."""
    return text.translate(_FOLD)


def _plausibility(text: str) -> float:
    """Share of characters that are usual in a Chinese report (0..1)."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F
            or ch in "\t\n\r"
            or 0x4E00 <= o <= 0x9FFF  # CJK unified
            or 0x3000 <= o <= 0x303F  # CJK punctuation
            or 0xFF00 <= o <= 0xFFEF  # full-width forms
            or 0x2010 <= o <= 0x2027  # dashes, quotes, ellipsis
            or 0x2030 <= o <= 0x2033
            or 0x2160 <= o <= 0x216B  # Roman numerals
            or 0x2460 <= o <= 0x2473  # circled numbers
            or 0x2264 <= o <= 0x2267  # ≤ ≥ ≦ ≧
            or o in (0xA0, 0xB0, 0xB1, 0xB7, 0xD7, 0xF7, 0x2103, 0x2116, 0x25A1, 0x25CB, 0x25CF, 0x2192, 0x203B)
        ):
            good += 1
    return good / len(text)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _sample(data: bytes, n: int = 200_000) -> bytes:
    """A prefix of the data cut at an even length (UTF-16 stays aligned)."""
    return data[: n - (n % 4)] if len(data) > n else data


def decode_bytes(data: bytes) -> Decoded:
    """Decode the bytes of a text file; never raises.

    A BOM wins; then strict UTF-8; then the most plausible of the strict
    GB18030 / UTF-16 decodings, charset-normalizer's guess and lossy UTF-8 /
    GB18030 (a real UTF-8 file with one damaged byte stays UTF-8).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            bom_text = data[len(bom):].decode(enc, errors="replace")
            return Decoded(bom_text, enc, bom_text.count("\ufffd"), _plausibility(bom_text))
    text = _strict(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", 0, 1.0)
    found: list[Decoded] = []
    encodings = ["gb18030"]
    if len(data) % 2 == 0:
        encodings += ["utf-16-le", "utf-16-be"]
    for enc in encodings:
        t = _strict(data, enc)
        if t is not None:
            found.append(Decoded(t, enc, 0, _plausibility(t)))
    if not found or max(d.plausibility for d in found) < 0.9:
        guess = _charset_normalizer_guess(_sample(data))
        lossy = ["utf-8", "gb18030"] + ([guess] if guess and guess not in encodings else [])
        for enc in lossy:
            t = data.decode(enc, errors="replace")
            found.append(Decoded(t, enc, t.count("\ufffd"), _plausibility(t)))
    # most plausible first; a strict decoding beats a lossy one of equal score
    return max(found, key=lambda d: (round(d.plausibility, 3), -d.replaced))


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with jixiao
        return None
    best = from_bytes(data).best()
    return best.encoding if best is not None else None


def split_lines(text: str) -> list[str]:
    """CRLF, CR and LF all end a line (numbering follows the file's own lines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def normalize_line(raw: str) -> str:
    """Working text of one line (see module docstring); trailing spaces removed."""
    t = BOOKMARK.sub("", raw).replace("\f", "")
    t = ZERO_WIDTH.sub("", t)
    t = ODD_SPACE.sub(" ", t)
    t = fold_width(t)
    return t.rstrip(" ")


# Characters no text report holds: C0 controls other than TAB/LF/CR/FF/VT, DEL, C1 controls,
# U+FFFD (undecodable bytes), private-use and noncharacters.
def _is_junk(ch: str) -> bool:
    o = ord(ch)
    return (
        (o < 0x20 and ch not in "\t\n\r\f\v")
        or 0x7F <= o <= 0x9F
        or o == 0xFFFD
        or 0xE000 <= o <= 0xF8FF
        or o in (0xFFFE, 0xFFFF)
        or 0xF0000 <= o
    )


BINARY_JUNK_SHARE = 0.05  # real dumps: ~0 (a damaged byte or two); random bytes: 15–40 %
BINARY_MIN_PLAUSIBILITY = 0.5


def junk_share(text: str) -> float:
    """Share of characters that no text report holds (see :func:`_is_junk`)."""
    if not text:
        return 0.0
    return sum(1 for ch in text if _is_junk(ch)) / len(text)


def looks_like_text(data: bytes) -> bool:
    """Whether the bytes are text in a supported encoding (decoded as :func:`decode_bytes` does).

    Not text: after the best decoding, more than 5 % of the characters are control
    characters, undecodable bytes or private-use code points, or less than half are
    characters usual in a report.  Those bytes are never read as a report."""
    dec = decode_bytes(_sample(data, 65_536))
    return junk_share(dec.text) <= BINARY_JUNK_SHARE and dec.plausibility >= BINARY_MIN_PLAUSIBILITY
