"""Weights, scores, totals and the grade stated in sentences.

"年初预算执行率10分；一级指标：产出指标65分，…，共计100分"  → weights + total weight
"数量指标得20分、…，共计得89分，评定等级标准为良"               → scores + total score + grade
"年初预算执行率未得分"                                        → score 0
The grade-band definition ("优≧90分、80≦良＜90分…") yields neither scores nor a grade:
its labels are not indicator labels and its grade words are followed by a comparator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.assemble.prose_patterns import P
from jixiao.assemble.prose_text import Sentence
from jixiao.assemble.prose_vocab import VOCAB
from jixiao.model import Quantity, StatedScore, TextItem
from jixiao.normalize import parse_quantity

_S = VOCAB.scores
_SCORE_WORDS = sorted(_S.score_words, key=len, reverse=True)
_ANCHORS = sorted(_S.label_anchors, key=len, reverse=True)
_PREFIXES = sorted(_S.label_prefixes, key=len, reverse=True)
_FOLLOW = {"", *_S.follow_words}


@dataclass(frozen=True)
class Points:
    """One "<label>[得]<n>分" statement."""

    label: str
    is_score: bool
    is_total: bool
    quantity: Quantity


@dataclass
class Scores:
    stated: list[StatedScore] = field(default_factory=list)
    total_weight: Quantity | None = None
    total_score: Quantity | None = None
    grade: TextItem | None = None
    extra_totals: list[StatedScore] = field(default_factory=list)


def clean_label(pre: str) -> tuple[str, bool, bool] | None:
    """(label, is_score, is_total) from the words before a number of points, or None
    when they are not a weight/score label (band definitions, sentences)."""
    pre = P.spaces.sub("", pre)
    for w in ("为", "是", "共", "约"):
        if pre.endswith(w) and len(pre) > 1:
            pre = pre[: -len(w)]
            break
    is_total = any(w in pre for w in _S.total_words)
    is_score = any(w in pre for w in _S.total_score_words)
    written = pre
    for w in _SCORE_WORDS:
        if pre.endswith(w):
            is_score = True
            pre = pre[: -len(w)]
            break
    if is_total:
        return written, is_score, True
    if is_score and pre in _FOLLOW:
        return "", True, False  # "…10分，实际得分9.5分": the label of the previous figure
    for a in _ANCHORS:
        k = pre.find(a)
        if k >= 0:
            pre = pre[k:]
            break
    for p in _PREFIXES:
        if pre.startswith(p) and len(pre) > len(p):
            pre = pre[len(p) :]
            break
    if not pre or len(pre) > _S.max_label or not pre.endswith(tuple(_S.label_suffixes)):
        return None
    return pre, is_score, False


def sentence_to_points(sentence: Sentence) -> list[Points]:
    out: list[tuple[int, Points]] = []
    text, para = sentence.text, sentence.para
    prov = sentence.prov()
    prev_label: str | None = None
    for m in P.points.finditer(text):
        got = clean_label(m.group("pre"))
        if got is None:
            continue
        label, is_score, is_total = got
        if not label:
            if prev_label is None:
                continue
            label = prev_label
        prev_label = None if is_total else label
        a, b = sentence.start + m.start("num"), sentence.start + m.end()
        q = parse_quantity(para.verbatim[a:b], prov=prov)
        out.append((m.start(), Points(label, is_score, is_total, q)))
    for m in P.zero_points.finditer(text):
        got = clean_label(m.group("pre"))
        if got is None or got[2]:
            continue
        raw = para.verbatim[sentence.start + m.start("zero") : sentence.start + m.end("zero")]
        q = parse_quantity("0分", prov=prov).model_copy(update={"raw": raw})
        out.append((m.start(), Points(got[0], True, False, q)))
    out.sort(key=lambda t: t[0])
    return [p for _, p in out]


def sentence_to_grade(sentence: Sentence) -> TextItem | None:
    m = P.grade.search(sentence.text)
    if not m:
        return None
    return TextItem(text=m.group("grade"), prov=sentence.prov())


def _same(a: Quantity | None, b: Quantity) -> bool:
    return a is not None and a.value == b.value


def sentences_to_scores(sentences: list[Sentence]) -> Scores:
    """Merge statements: one StatedScore per label (weight and score), first wins;
    a conflicting restatement is added as a further StatedScore."""
    sc = Scores()
    by_label: dict[str, int] = {}
    for s in sentences:
        for pt in sentence_to_points(s):
            attr = "score" if pt.is_score else "weight"
            if pt.is_total:
                cur = sc.total_score if pt.is_score else sc.total_weight
                if cur is None:
                    if pt.is_score:
                        sc.total_score = pt.quantity
                    else:
                        sc.total_weight = pt.quantity
                elif not _same(cur, pt.quantity):
                    sc.extra_totals.append(StatedScore(label=pt.label, prov=pt.quantity.prov, **{attr: pt.quantity}))
                continue
            k = by_label.get(pt.label)
            if k is not None:
                old = sc.stated[k]
                cur = getattr(old, attr)
                if cur is None:
                    sc.stated[k] = old.model_copy(update={attr: pt.quantity})
                    continue
                if _same(cur, pt.quantity):
                    continue
            by_label.setdefault(pt.label, len(sc.stated))
            sc.stated.append(StatedScore(label=pt.label, prov=pt.quantity.prov, **{attr: pt.quantity}))
        if sc.grade is None:
            sc.grade = sentence_to_grade(s)
    return sc
