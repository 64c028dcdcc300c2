"""Indicators stated in prose (``origin="prose"``).

Inside a section whose heading names a level-1 indicator ("（三）产出分析" or the level-1 name
itself, "（一）产出指标" → 产出指标):

- "1. 数量指标"                              a level-2 heading for the items below it;
- "（1）开展……活动 ≥ 1 次"                    an item: name + comparator target at line end;
- "2. 质量指标：政策宣讲 ≥ 2 次"                a level-2 label with its item inline;
- "1. 效益指标：群众知晓度——普遍了解"           a qualitative target after a dash (a level-1
                                              name used as the label sets level 1);
- "3. 服务对象满意度指标：服务对象满意度"        an item with no target;
- "（2）养护任务完成及时率100%，实际完成100%"      a target with no comparator, read only because a
                                              later clause states the result (comparator None).

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
    clauses: tuple[tuple[str, int, int], ...] = ()  # (field, start, end) of stated results


_CLAUSE_WORDS = sorted(
    ((w, f) for f in ("actual", "completion_rate", "score", "weight") for w in getattr(_I.clauses, f)),
    key=lambda t: len(t[0]),
    reverse=True,
)


def _clause_values(text: str, offset: int) -> tuple[tuple[str, int, int], ...]:
    """Stated results in the clauses after the first: (field, start, end) of each value text."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for m in P.clause_delim.finditer(text + ","):
        clause = text[pos : m.start()]
        start = pos + len(clause) - len(clause.lstrip())
        pos = m.end()
        body = clause.strip().rstrip("。.!?！？")
        for word, fld in _CLAUSE_WORDS:
            if body.startswith(word):
                value = body[len(word) :].lstrip("为是:")
                if value and P.number_unit.match(value.strip()):
                    vstart = start + body.index(value, len(word))
                    out.append((fld, offset + vstart, offset + vstart + len(value)))
                break
    return tuple(out)


def text_to_item(text: str, offset: int) -> _Item | None:
    """Name and target of an indicator line (``text`` starts at ``offset`` in its Para),
    and the results its later clauses state ("…≥300人，实际完成320人，完成率106.67%")."""
    stripped = text.strip()
    lead = offset + len(text) - len(text.lstrip())
    if not stripped or len(stripped) > _I.indicator.max_line:
        return None
    if P.heading_forbidden.search(stripped):
        cut = P.clause_delim.search(stripped)
        if cut is None:
            return None
        first = text_to_item(stripped[: cut.start()], lead)
        if first is None:
            return None
        rest = _clause_values(stripped[cut.end() :], lead + cut.end())
        if first.target_start is None:  # no comparator: a plain number is the target if a result follows
            plain = P.target_plain.match(stripped[: cut.start()].rstrip())
            if plain is None or not any(f in ("actual", "completion_rate") for f, _, _ in rest):
                return None
            return _Item(plain.group("name").strip(), lead + plain.start("target"), lead + plain.end("target"), rest)
        return _Item(first.name, first.target_start, first.target_end, rest)
    m = P.target_tail.match(stripped) or P.target_dash.match(stripped)
    if m:
        name = m.group("name").strip()
        if not name:
            return None
        return _Item(name, lead + m.start("target"), lead + m.end("target"))
    return _Item(stripped, None, None)


def _stated(para: Para, item: _Item, target: Quantity | None) -> dict[str, Quantity]:
    """Quantities of the stated results; an actual is cut to the number in the target's unit."""
    prov = para.prov()
    out: dict[str, Quantity] = {}
    for fld, a, b in item.clauses:
        if fld in out:
            continue
        raw = para.verbatim[a:b].strip()
        if fld == "actual" and target is not None and target.unit:
            m = P.number_unit.match(raw)
            if m is None or not raw[m.end() :].startswith(target.unit):
                continue
            raw = raw[: m.end() + len(target.unit)]
        elif fld != "actual":
            m = P.number_unit.match(raw)
            tail = raw[m.end() :] if m else ""
            raw = raw[: m.end() + (1 if tail[:1] in ("%", "分") else 0)] if m else raw
        out[fld] = parse_quantity(raw.strip(), prov=prov)
    return out


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
        stated = _stated(para, item, target)
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
        ).model_copy(update=stated)
        found.append((ind, []))
    out = []
    for ind, body in found:
        actual = ind.actual or _actual(ind.target, body)
        out.append(ind.model_copy(update={"actual": actual}) if actual is not None else ind)
    return out
