"""Text and JSON views of labelled tables (what ``jixiao explain FILE`` prints), numbered
from 1 (表1, 报告1, 列1, 第1行) — the labelled-table stage drawn, as a table finder's debug view."""

from __future__ import annotations

import json
from collections.abc import Mapping

from jixiao.assemble.label_model import LabeledTable
from jixiao.normalize.roles import display

_ROW_KINDS = {"header": "表头", "sub_header": "子表头", "repeat_header": "重复表头", "data": "数据", "group": "分组",
              "budget_pairs": "预算（标签–数值）",
              "budget_amounts": "预算（资金来源–金额）",
              "total": "合计", "form": "表单", "title": "标题", "blank": "空行"}
_BLOCK_KINDS = {"budget": "预算表（每行一个资金来源）", "budget_long": "预算表（行次长表）", "indicator": "指标表"}
# the text dialect a table's grid was rebuilt from (RawTable.regridded_from)
_ORIGINS = {"spaced": "pdftotext 空格分列文本", "pipe": "竖线分隔文本（| a | b |）", "stream": "逐格一行文本（text |）"}


def labels_json(labels: list[tuple[int, LabeledTable]]) -> str:
    data = [{"report": seg + 1, **t.model_dump(mode="json")} for seg, t in labels]
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def render(labels: list[tuple[int, LabeledTable]], origins: Mapping[int, str] | None = None) -> str:
    """The text view; ``origins`` (table number → text dialect) notes a grid the loader rebuilt."""
    out: list[str] = []
    for seg, t in labels:
        origin = (origins or {}).get(t.table)
        rebuilt = f"，网格由{_ORIGINS.get(origin, origin)}重建" if origin else ""
        out.append(f"表{t.table + 1}（报告{seg + 1}）：{len(t.blocks)} 个块，{len(t.rows)} 行{rebuilt}")
        for b in t.blocks:
            rows = "、".join(f"第{r + 1}行" for r in b.header_rows)
            extra = "".join([f"，单位 {b.unit}" if b.unit else "", f"，块标签“{b.block_label}”" if b.block_label else "",
                             f"，版式特例 {', '.join(b.quirks)}" if b.quirks else ""])
            out.append(f"  块{b.seq + 1} {_BLOCK_KINDS.get(b.kind, b.kind)}：表头 {rows}{extra}")
            for c in b.columns:
                path = " / ".join(c.path) or "（无表头）"
                role = f"{c.role}（{display(c.role)}）" if c.role else (
                    "（资金来源列）" if b.kind == "budget_long" else "—")
                out.append(f"    列{c.col + 1:<3} {path:<24} → {role}")
                for e in c.evidence:
                    out.append(f"           依据：{e}")
                if c.profile.cells:
                    out.append(f"           内容：{c.profile.summary()}")
                if c.doubt:
                    out.append(f"           存疑：{c.doubt}")
        kinds = []
        for r in t.rows:
            s = f"第{r.row + 1}行 {_ROW_KINDS.get(r.kind, r.kind)}"
            if r.block is not None:
                s += f"(块{r.block + 1})"
            if r.filled:
                s += f" 合并填充列{','.join(str(k + 1) for k in r.filled)}"
            kinds.append(s)
        out.append("  行：" + " · ".join(kinds))
    return "\n".join(out) + "\n"


