"""Header fields of a narrative report: 项目名称 / 主管部门 / 实施单位 / 年度, and the title.

Year rule (when several years appear): 1. the year in the title ("2022年度…报告",
"…自评表（2024年度）");
2. a "年度：" field; 3. a year written right before the project name in the body
("2023 年度<项目名称>财政拨款…"); otherwise None.  Years elsewhere (citations such
as "赣府厅发[2022]31号", filing dates, other years' figures) are never used.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from jixiao.assemble.prose_patterns import P
from jixiao.assemble.prose_text import Para, para_to_heading
from jixiao.assemble.prose_vocab import VOCAB
from jixiao.model import Provenance, TextItem

_H = VOCAB.header
_FIELD = {
    name: regex.compile(
        rf"^\s*\p{{Han}}{{0,{_H.max_prefix}}}?(?:{'|'.join(map(regex.escape, labels))})\s*:\s*(?P<value>\S.*?)\s*$"
    )
    for name, labels in _H.fields.items()
}
_SUFFIX = regex.compile(rf"(?:{'|'.join(map(regex.escape, sorted(_H.title.suffixes, key=len, reverse=True)))})$")
_MARKER = regex.compile("|".join(map(regex.escape, _H.title.markers)))
_NAME_BEFORE = regex.compile(
    rf"(?:^|[\p{{P}}\s])(?P<name>[^\p{{P}}\s]{{{_H.name_min},{_H.name_max}}}?)"
    rf"(?:{'|'.join(map(regex.escape, sorted(_H.name_before, key=len, reverse=True)))})"
)


@dataclass(frozen=True)
class Header:
    project_name: TextItem | None = None
    department: TextItem | None = None
    implementer: TextItem | None = None
    year: int | None = None
    title: TextItem | None = None


def _clean(para: Para, start: int, end: int) -> tuple[str, Provenance] | None:
    """Field value ``para.text[start:end]`` with stamps ("（公章）") removed."""
    text = P.stamp.sub("", para.text[start:end]).strip()
    if not text:
        return None
    return text, para.prov()


def paras_to_title(paras: list[Para]) -> TextItem | None:
    """The title: leading short paragraphs (before any heading or field line) up to the
    first that holds a title marker ("报告", "自评表")."""
    taken: list[Para] = []
    for para in paras[: _H.title.max_lines]:
        if para_to_heading(para) and para_to_heading(para).level:  # type: ignore[union-attr]
            break
        if any(rx.match(para.text) for rx in _FIELD.values()) or P.heading_forbidden.search(para.text):
            break
        if len(para.text) > _H.title.max_line:
            break
        taken.append(para)
        if _MARKER.search(para.text):
            k = len(taken)
            if k < len(paras) and P.title_year.fullmatch(P.spaces.sub("", paras[k].text)):
                taken.append(paras[k])  # "…自评报告" / "（2023年度）"
            text = "".join(p.text for p in taken)
            first, last = taken[0].prov(), taken[-1].prov()
            prov = first.model_copy(
                update={"line_end": last.line_end, "text": "\n".join(p.verbatim for p in taken)}
            )
            return TextItem(text=text, prov=prov)
    return None


def title_to_name(title: TextItem) -> TextItem | None:
    """Project name left when the year and the report-kind words are stripped
    ("2022年度某县道路养护项目部门评价报告" → "某县道路养护").  A title
    that does not end in a report-kind word, or holds nothing else, names no project."""
    text = P.title_year.sub("", P.spaces.sub("", title.text)).lstrip("#")  # a Markdown heading's marks
    stripped = False
    while True:
        m = _SUFFIX.search(text)
        if not m or m.start() < 2:
            break
        text, stripped = text[: m.start()], True
    if not stripped or len(text) < 2 or _SUFFIX.fullmatch(text):
        return None
    return TextItem(text=text, prov=title.prov)


def paras_to_sentence_name(paras: list[Para]) -> TextItem | None:
    """A project name stated in a sentence: "…：某某经费项目绩效自评价结果为…" → "某某经费"."""
    for para in paras:
        m = _NAME_BEFORE.search(para.text)
        if m:
            got = _clean(para, m.start("name"), m.end("name"))
            if got:
                return TextItem(text=got[0], prov=got[1])
    return None


def paras_to_header(paras: list[Para]) -> Header:
    found: dict[str, TextItem] = {}
    year: int | None = None
    for para in paras:
        for fld, rx in _FIELD.items():
            if fld in found:
                continue
            m = rx.match(para.text)
            if m:
                got = _clean(para, m.start("value"), m.end("value"))
                if got:
                    found[fld] = TextItem(text=got[0], prov=got[1])
                break
    title = paras_to_title(paras)
    if title:
        m = P.year_any.search(P.spaces.sub("", title.text))
        if m:
            year = int(m.group("year"))
    if year is None and "year" in found:
        m = P.year_any.search(found["year"].text) or regex.match(r"(?P<year>(?:19|20)\d{2})$", found["year"].text)
        if m:
            year = int(m.group("year"))
    name = found.get("project_name") or (title_to_name(title) if title else None) or paras_to_sentence_name(paras)
    if year is None and name is not None:
        key = regex.compile(rf"(?<!\d)(?P<year>(?:19|20)\d{{2}})\s*年度?\s*{regex.escape(name.text)}")
        for para in paras:
            m = key.search(P.spaces.sub(" ", para.text))
            if m:
                year = int(m.group("year"))
                break
    return Header(
        project_name=name,
        department=found.get("department"),
        implementer=found.get("implementer"),
        year=year,
        title=title,
    )
