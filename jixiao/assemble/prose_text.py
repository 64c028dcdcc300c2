"""Prose paragraphs → logical paragraphs, sentences and headings.

Stages (each inspectable):

``paragraphs_to_paras``   RawParagraph list → :class:`Para` list: full-width ASCII folded
                          (1:1, so offsets map back to the verbatim text), lines that a
                          pdftotext dump broke mid-sentence joined back, block-index gaps
                          (a table in between) remembered.
``para_to_sentences``     a Para → :class:`Sentence` spans with their provenance.
``para_to_heading``       a Para → :class:`Heading` (numbering level, heading text, inline body).

Nothing here knows about budgets or scores; the vocabulary lives in ``data/prose_*.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.assemble.prose_patterns import P, fold
from jixiao.assemble.prose_vocab import VOCAB
from jixiao.extract.raw import RawParagraph
from jixiao.model import Provenance


@dataclass(frozen=True)
class Part:
    """A source paragraph inside a joined :class:`Para`: where its text starts."""

    offset: int
    index: int  # block index of the RawParagraph
    line_start: int | None
    line_end: int | None
    page: int | None = None
    paragraph: int | None = None  # the loader's paragraph number, else the block index


@dataclass
class Para:
    """A logical paragraph: one or more source paragraphs joined."""

    text: str  # folded; same length as ``verbatim``
    verbatim: str
    source: str
    parts: list[Part] = field(default_factory=list)
    gap_before: bool = False  # a non-paragraph block (table) precedes it

    @property
    def index(self) -> int:
        return self.parts[0].index

    def prov(self, start: int = 0, end: int | None = None) -> Provenance:
        """Provenance of ``text[start:end]`` (line span of the parts it touches)."""
        end = len(self.text) if end is None else end
        first = last = self.parts[0]
        for p in self.parts:
            if p.offset <= start:
                first = p
            if p.offset < max(end, start + 1):
                last = p
        return Provenance(
            source=self.source,
            page=first.page,
            paragraph=first.paragraph if first.paragraph is not None else first.index,
            line_start=first.line_start,
            line_end=last.line_end,
            text=self.verbatim[start:end].strip(),
        )


@dataclass(frozen=True)
class Sentence:
    text: str  # folded
    start: int  # offsets in the Para
    end: int
    para: Para

    def prov(self) -> Provenance:
        return self.para.prov(self.start, self.end)


@dataclass(frozen=True)
class Heading:
    level: int  # 1: 一、  2: （一）  3: 1.  4: （1）  0: unnumbered
    title: str  # heading words, numbering and spaces removed, folded
    body: str  # inline body after "：" ("（二）项目绩效目标：保障……"), folded
    body_start: int  # offset of the inline body in the Para


def _verbatim_of(p: RawParagraph) -> str:
    """The verbatim source text of a paragraph when it matches ``p.text`` char for char
    (a loader that joined wrapped lines keeps them in ``prov.text`` with line breaks)."""
    lines = [ln.strip() for ln in p.prov.text.split("\n")]
    want = fold(p.text)
    for raw in ("".join(lines), " ".join(lines)):
        if raw and len(raw) == len(p.text) and fold(raw) == want:
            return raw
    return p.text


def _ends_sentence(text: str) -> bool:
    return bool(P.sentence_end_tail.search(text))


def _starts_item(text: str) -> bool:
    return bool(P.numbering.match(text))


def _is_item_line(text: str) -> bool:
    """A numbered line without clause punctuation, or a line ending in a target
    ("≥ 1 次"): a heading or an indicator, never a wrapped sentence."""
    if P.target_tail.match(text):
        return True
    return _starts_item(text) and not P.heading_forbidden.search(text)


def paragraphs_to_paras(paragraphs: list[RawParagraph]) -> list[Para]:
    """Fold, and join a paragraph that stops mid-sentence with the next one.

    A paragraph continues into the next when it is long (a wrapped line, at least
    ``VOCAB.text.min_wrapped_line`` characters), does not end a sentence, the next
    paragraph directly follows it (no table between) and does not start a numbered item.
    """
    out: list[Para] = []
    prev_index: int | None = None
    joinable = False
    for rp in paragraphs:
        verb = _verbatim_of(rp)
        text = fold(verb)
        if not text.strip():
            prev_index = rp.index
            continue
        gap = prev_index is not None and rp.index != prev_index + 1
        part_lines = (rp.prov.line_start, rp.prov.line_end, rp.prov.page, rp.prov.paragraph)
        if out and joinable and not gap and not _starts_item(text.strip()):
            para = out[-1]
            para.parts.append(Part(len(para.text), rp.index, *part_lines))
            para.text += text.strip()
            para.verbatim += verb.strip()
        else:
            stripped = text.strip()
            lead = len(text) - len(text.lstrip())
            vstripped = verb[lead : lead + len(stripped)]
            out.append(
                Para(stripped, vstripped, rp.prov.source, [Part(0, rp.index, *part_lines)], gap_before=gap)
            )
        last = out[-1].text
        joinable = (
            len(text.strip()) >= VOCAB.text.min_wrapped_line
            and not _ends_sentence(last)
            and not _is_item_line(last)
            and not (len(out) == 1 and last.endswith(tuple(VOCAB.text.title_ends)))
        )
        prev_index = rp.index
    return out


def para_to_sentences(para: Para) -> list[Sentence]:
    """Split on sentence-final punctuation (。！？), keeping offsets."""
    out = []
    start = 0
    for m in P.sentence_end.finditer(para.text):
        end = m.end()
        if para.text[start:end].strip():
            out.append(Sentence(para.text[start:end], start, end, para))
        start = end
    if para.text[start:].strip():
        out.append(Sentence(para.text[start:], start, len(para.text), para))
    return out


def numbering_level(text: str) -> tuple[int, int]:
    """(level, length of the numbering prefix) of a paragraph; (0, 0) when unnumbered."""
    for level, pat in enumerate(P.numbering_levels, start=1):
        m = pat.match(text)
        if m:
            return level, m.end()
    return 0, 0


def para_to_heading(para: Para) -> Heading | None:
    """A heading line: short words, no sentence punctuation, optionally numbered.

    ``（二）项目绩效目标：保障……`` is a heading with an inline body.  An unnumbered line is
    a heading only when it is a short run of words (no digits, no punctuation).
    """
    text = para.text
    level, n = numbering_level(text)
    rest = text[n:]
    lead = len(rest) - len(rest.lstrip(" .、"))
    rest_start = n + lead
    rest = text[rest_start:]
    body, body_start = "", len(text)
    m = P.inline_label.match(rest)
    if level and m and len(m.group("label")) <= VOCAB.text.max_heading:
        title, body, body_start = m.group("label"), m.group("body"), rest_start + m.start("body")
    else:
        title = rest
    title_c = P.spaces.sub("", P.trailing_punct.sub("", title))
    if not title_c or len(title_c) > VOCAB.text.max_heading:
        return None
    if not body and P.heading_forbidden.search(title.rstrip("。. ")):
        return None
    if level == 0 and (_ends_sentence(title) or not P.unnumbered_heading.fullmatch(title_c)):
        return None
    return Heading(level, title_c, body.strip(), body_start)
