"""``datapackage.json`` beside the CSV files: a Frictionless Tabular Data Package, so the
column types survive a CSV round trip (a reader that knows the standard gets exact numbers,
whole numbers and flags back instead of text).

Types: ``str`` → ``string``; ``int`` → ``integer`` (the 0/1 flags ``extraction_doubt`` and
``target_met`` → ``boolean`` with ``trueValues`` "1", ``falseValues`` "0"); ``dec`` → ``number``
(written as the exact decimal string, never a float).  Every field has its Chinese ``title``
from the data dictionary.  The file is byte-identical for the same tables.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jixiao.export.dictionary import column_title, table_title
from jixiao.export.schema import TABLES, ColType

NAME = "datapackage.json"
FLAGS = frozenset({("findings", "extraction_doubt"), ("indicators", "target_met")})
PRIMARY_KEYS = {"documents": ["doc_id"], "reports": ["report_id"]}
FOREIGN_KEYS = {
    "reports": [("doc_id", "documents", "doc_id")],
    "budget_lines": [("report_id", "reports", "report_id")],
    "indicators": [("report_id", "reports", "report_id")],
    "stated_scores": [("report_id", "reports", "report_id")],
    "findings": [("doc_id", "documents", "doc_id")],
}
_TYPES: dict[ColType, str] = {"str": "string", "int": "integer", "dec": "number"}


def _field(table: str, column: str, typ: ColType) -> dict[str, Any]:
    f: dict[str, Any] = {"name": column, "title": column_title(table, column)}
    if (table, column) in FLAGS:
        f |= {"type": "boolean", "trueValues": ["1"], "falseValues": ["0"]}
    else:
        f["type"] = _TYPES[typ]
    return f


def datapackage(tables: list[str] | None = None) -> dict[str, Any]:
    """The package descriptor for the given tables (all by default)."""
    resources = []
    for name in tables or list(TABLES):
        schema: dict[str, Any] = {"fields": [_field(name, c, t) for c, t in TABLES[name]], "missingValues": [""]}
        if name in PRIMARY_KEYS:
            schema["primaryKey"] = PRIMARY_KEYS[name]
        if name in FOREIGN_KEYS:
            schema["foreignKeys"] = [{"fields": [c], "reference": {"resource": ref, "fields": [rc]}}
                                     for c, ref, rc in FOREIGN_KEYS[name]]
        resources.append({"name": name, "title": table_title(name), "path": f"{name}.csv",
                          "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
                          "encoding": "utf-8-sig", "dialect": {"delimiter": ",", "lineTerminator": "\r\n",
                                                               "quoteChar": "\"", "header": True},
                          "schema": schema})
    return {"profile": "tabular-data-package", "name": "jixiao-dataset", "title": "绩效自评数据集",
            "description": "jixiao: 项目支出绩效自评表/自评报告 → validated dataset (docs/dataset.md)",
            "resources": resources}


def write_datapackage(tables: list[str], out_dir: Path) -> Path:
    path = out_dir / NAME
    path.write_text(json.dumps(datapackage(tables), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path
