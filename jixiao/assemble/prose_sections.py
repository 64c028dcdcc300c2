"""Headings → narrative sections (goal / completion / conclusion / problems / measures)
and the level-1 indicator context of each paragraph.

A section's body runs from its heading (or the inline text after "：" on the heading
line) to the next heading of the same or a higher level, the next heading that starts
another known section, or a table in between — whichever comes first.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.assemble.prose_patterns import P
from jixiao.assemble.prose_text import Heading, Para, para_to_heading
from jixiao.assemble.prose_vocab import VOCAB
from jixiao.model import TextItem


@dataclass(frozen=True)
class Outline:
    """Paragraphs with their headings (None for body paragraphs)."""

    paras: list[Para]
    headings: list[Heading | None]


def _inline_section(para: Para) -> Heading | None:
    """An unnumbered "存在问题：……" line: a section label with its body inline."""
    m = P.inline_label.match(para.text)
    if not m:
        return None
    title = P.spaces.sub("", m.group("label"))
    if len(title) > VOCAB.text.max_heading or not P.unnumbered_heading.fullmatch(title):
        return None
    h = Heading(0, title, m.group("body").strip(), m.start("body"))
    return h if heading_kind(h) else None


def paras_to_outline(paras: list[Para]) -> Outline:
    return Outline(paras, [para_to_heading(p) or _inline_section(p) for p in paras])


def _rank(h: Heading) -> int:
    """Unnumbered headings rank with the top level; an unnumbered inline label
    ("存在问题：……") ranks below every heading: its section ends at the next one."""
    if h.level == 0 and h.body:
        return 9
    return h.level or 1


def heading_kind(heading: Heading) -> tuple[str, int] | None:
    """(section kind, preference index) of a heading, or None."""
    best: tuple[int, str, int] | None = None  # (-len(synonym), kind, index)
    for sec in VOCAB.sections.section:
        if any(w in heading.title for w in sec.exclude):
            continue
        for i, syn in enumerate(sec.synonyms):
            if syn in heading.title:
                cand = (-len(syn), sec.kind, i)
                if best is None or cand < best:
                    best = cand
                break
    return (best[1], best[2]) if best else None


def section_end(outline: Outline, i: int) -> int:
    """Index of the first paragraph after the body of the section headed at ``i``."""
    h = outline.headings[i]
    assert h is not None
    for j in range(i + 1, len(outline.paras)):
        hj = outline.headings[j]
        if outline.paras[j].gap_before:
            return j
        if hj is not None and (_rank(hj) <= _rank(h) or heading_kind(hj)):
            return j
    return len(outline.paras)


def _body(outline: Outline, i: int) -> TextItem | None:
    h = outline.headings[i]
    assert h is not None
    head = outline.paras[i]
    texts: list[str] = []
    verbs: list[str] = []
    provs = []
    if h.body:
        texts.append(h.body)
        verbs.append(head.verbatim[h.body_start :].strip())
        provs.append(head.prov(h.body_start))
    for j in range(i + 1, section_end(outline, i)):
        p = outline.paras[j]
        texts.append(p.text)
        verbs.append(p.verbatim)
        provs.append(p.prov())
    if not texts:
        return None
    prov = provs[0].model_copy(update={"line_end": provs[-1].line_end, "text": "\n".join(verbs)})
    return TextItem(text="\n".join(texts), prov=prov)


def outline_to_sections(outline: Outline) -> dict[str, TextItem]:
    """Section kind → body text, preferring the heading that matches the earliest synonym."""
    best: dict[str, tuple[int, int]] = {}  # kind → (preference, paragraph)
    for i, h in enumerate(outline.headings):
        if h is None:
            continue
        k = heading_kind(h)
        if k is None:
            continue
        kind, pref = k
        if kind not in best or pref < best[kind][0]:
            best[kind] = (pref, i)
    out: dict[str, TextItem] = {}
    for kind, (_, i) in best.items():
        body = _body(outline, i)
        if body is not None:
            out[kind] = body
    return out


def level1_of_heading(heading: Heading) -> str | None:
    """"（三）产出分析" → 产出指标, "（一）产出指标" → 产出指标 (data: ``prose_indicators.toml``
    [[level1]]); any other heading ending in the level-2 suffix (数量指标) is no level 1."""
    if heading.body or len(heading.title) > VOCAB.indicators.max_heading:
        return None
    named = next((d.name for d in VOCAB.indicators.level1 if heading.title == d.name), None)
    if named is not None:  # "（一）产出指标": the level-1 name itself
        return named
    if heading.title.endswith(VOCAB.indicators.level2_suffix):
        return None
    for d in VOCAB.indicators.level1:
        if any(heading.title.startswith(w) for w in sorted(d.words, key=len, reverse=True)):
            return d.name
    return None


def outline_to_level1(outline: Outline) -> list[str | None]:
    """For each paragraph, the level-1 indicator of the section it lies in (or None)."""
    out: list[str | None] = [None] * len(outline.paras)
    for i, h in enumerate(outline.headings):
        if h is None:
            continue
        name = level1_of_heading(h)
        if name is None:
            continue
        for j in range(i + 1, section_end(outline, i)):
            out[j] = name
    return out
