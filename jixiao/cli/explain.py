"""``jixiao explain FILE``: how each table of a file was labelled.

For every table: its blocks (budget, long-form budget, label–value budget,
indicators) with their header rows, each column's header path, role and the
evidence that chose it (wording, path, content vote, quirk), the content profile of
its data cells and any doubt; then the kind of every row and the cells filled down
from a merged cell — the way a table finder's debug view shows what it saw.
``--json`` prints the same as JSON (the ``labels.gt.json`` goldens).
"""

from __future__ import annotations

import json
import sys

import click

from jixiao.assemble import raw_to_labels
from jixiao.assemble.label_model import LabeledTable
from jixiao.errors import UnreadableFile
from jixiao.extract import load
from jixiao.normalize.roles import display

_ROW_KINDS = {"header": "表头", "sub_header": "子表头", "repeat_header": "重复表头", "data": "数据", "group": "分组",
              "budget_pairs": "预算（标签–数值）",
              "total": "合计", "form": "表单", "title": "标题", "blank": "空行"}
_BLOCK_KINDS = {"budget": "预算表（每行一个资金来源）", "budget_long": "预算表（行次长表）", "indicator": "指标表"}


def labels_json(labels: list[tuple[int, LabeledTable]]) -> str:
    data = [{"report": seg + 1, **t.model_dump(mode="json")} for seg, t in labels]
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def render(labels: list[tuple[int, LabeledTable]]) -> str:
    out: list[str] = []
    for seg, t in labels:
        out.append(f"表{t.table + 1}（报告{seg + 1}）：{len(t.blocks)} 个块，{len(t.rows)} 行")
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


@click.command("explain")
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the labelled tables as JSON.")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps with LibreOffice (must be on PATH).")
def explain_cmd(file: str, as_json: bool, convert: bool) -> None:
    """Show how each table of FILE was labelled: header paths, column roles with
    their evidence, row kinds, filled cells.

    \b
    Example:
      jixiao explain corpus/seed-004/report.txt
      jixiao explain report.docx --json > labels.json
    """
    try:
        raw = load(file, file, convert=convert)
    except UnreadableFile as e:
        click.echo(f"错误：{file}: {e.reason}", err=True)
        sys.exit(1)
    labels = raw_to_labels(raw)
    sys.stdout.write(labels_json(labels) if as_json else render(labels))


COMMANDS = [explain_cmd]
