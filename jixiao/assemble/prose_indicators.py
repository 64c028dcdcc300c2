"""Indicators stated in prose (``origin="prose"``).

Inside a section whose heading names a level-1 indicator ("（三）产出分析" → 产出指标):

- "1. 数量指标"                              a level-2 heading for the items below it;
- "（1）开展……活动 ≥ 1 次"                    an item: name + comparator target at line end;
- "2. 质量指标：政策宣讲 ≥ 2 次"                a level-2 label with its item inline;
- "1. 效益指标：群众知晓度——普遍了解"           a qualitative target after a dash (a level-1
                                              name used as the label sets level 1);
- "3. 服务对象满意度指标：服务对象满意度"        an item with no target.

An actual value is linked only when the body paragraphs after the item state exactly one
number in the target's unit ("组织经办人员参加 9 次…" for "≥ 2 次"); otherwise it stays None.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from jixiao.assemble.prose_patterns import P
from jixiao.assemble.prose_sections import Outline, outline_to_level1
from jixiao.assemble.prose_text import Para, numbering_level, para_to_sentences
from jixiao.assemble.prose_vocab import VOCAB
from jixiao.model import Indicator, Quantity
from jixiao.normalize import parse_quantity

_I = VOCAB.indicators
_LEVEL1_NAMES = {d.name for d in _I.level1}


@dataclass(frozen=True)
class _Item:
    name: str
    target_start: int | None  # offsets in para.text
    target_end: int | None


def text_to_item(text: str, offset: int) -> _Item | None:
    """Name and target of an indicator line (``text`` starts at ``offset`` in its Para)."""
    stripped = text.strip()
    if not stripped or len(stripped) > _I.indicator.max_line or P.heading_forbidden.search(stripped):
        return None
    lead = offset + len(text) - len(text.lstrip())
    m = P.target_tail.match(stripped) or P.target_dash.match(stripped)
    if m:
        name = m.group("name").strip()
        if not name:
            return None
        return _Item(name, lead + m.start("target"), lead + m.end("target"))
    return _Item(stripped, None, None)


def _target(para: Para, item: _Item) -> Quantity | None:
    if item.target_start is None or item.target_end is None:
        return None
    raw = para.verbatim[item.target_start : item.target_end]
    return parse_quantity(raw, prov=para.prov())


def _comparator(q: Quantity | None) -> str | None:
    if q is None:
        return None
    if q.comparator is not None:
        return str(q.comparator.value)
    if not regex.search(r"\d", q.raw):
        return "定性"
    return None


def _actual(target: Quantity | None, body: list[Para]) -> Quantity | None:
    """The one number stated in the target's unit in the body, or None."""
    if target is None or target.unit is None or target.value is None:
        return None
    unit = target.unit
    hits = []
    for para in body:
        for m in P.number_unit.finditer(para.text):
            rest = para.text[m.end() :]
            nxt = rest[len(unit) : len(unit) + 1]
            if rest.startswith(unit) and not (nxt and nxt in _I.indicator.unit_continuations):
                hits.append((para, m.start(), m.end() + len(unit)))
    if len(hits) != 1:
        return None
    para, a, b = hits[0]
    sent = next(s for s in para_to_sentences(para) if s.start <= a < s.end)
    return parse_quantity(para.verbatim[a:b], prov=sent.prov())


def outline_to_indicators(outline: Outline, start_seq: int = 0) -> list[Indicator]:
    level1_of = outline_to_level1(outline)
    found: list[tuple[Indicator, list[Para]]] = []
    level2: str | None = None
    level1_override: str | None = None
    level2_rank = 99
    prev_l1: str | None = None
    for i, para in enumerate(outline.paras):
        l1 = level1_of[i]
        h = outline.headings[i]
        if l1 != prev_l1:
            level2, level1_override, level2_rank = None, None, 99
            prev_l1 = l1
        if l1 is None:
            continue
        label_is_level = h is not None and (
            h.title.endswith(_I.level2_suffix) and len(h.title) <= _I.max_heading + 4
        )
        if h is not None and not label_is_level and h.level and h.level <= level2_rank:
            level2, level1_override, level2_rank = None, None, 99  # a sibling of the level-2 heading
        if h is not None and label_is_level:
            if h.title in _LEVEL1_NAMES:
                level2, level1_override = None, h.title
            else:
                level2, level1_override = h.title, None
            level2_rank = h.level or 1
            if not h.body:
                continue
            item = text_to_item(h.body, h.body_start)
        elif h is not None or numbering_level(para.text)[0] or P.target_tail.match(para.text):
            _, n = numbering_level(para.text)
            rest = para.text[n:]
            skip = len(rest) - len(rest.lstrip(" .、"))
            item = text_to_item(rest[skip:], n + skip)
            if item is not None and item.target_start is None:
                item = None  # a bare numbered line is a sub-heading, not an indicator
        else:
            if found:
                found[-1][1].append(para)
            continue
        if item is None:
            continue
        target = _target(para, item)
        ind = Indicator(
            seq=start_seq + len(found),
            level1=level1_override or l1,
            level2=level2,
            name=item.name,
            comparator=_comparator(target),
            unit=target.unit if target is not None else None,
            target=target,
            origin="prose",
            prov=para.prov(),
        )
        found.append((ind, []))
    out = []
    for ind, body in found:
        actual = _actual(ind.target, body)
        out.append(ind.model_copy(update={"actual": actual}) if actual is not None else ind)
    return out
