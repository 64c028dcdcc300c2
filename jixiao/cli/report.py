"""``jixiao report DATASET_OR_PATHS --out qa.html``: the QA report as one static HTML file."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("report")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("qa.html"),
              show_default=True, help="HTML file to write")
@click.option("--title", default="绩效自评审核报告", show_default=True, help="page title")
def report(inputs: tuple[Path, ...], out: Path, title: str) -> None:
    """QA report for auditors: summary, each report's tables with flagged cells, filters.

    INPUTS is a dataset directory written by ``jixiao ingest`` (Parquet or CSV), or report
    files and folders, which are read and checked first."""
    from jixiao.qa.dataset import dataset_from_documents, is_dataset_dir, load_dataset
    from jixiao.qa.page import write_report

    if len(inputs) == 1 and is_dataset_dir(inputs[0]):
        ds = load_dataset(inputs[0])
    else:
        from jixiao.batch.walk import paths_to_inputs
        from jixiao.model import Document
        from jixiao.pipeline import doc_id_for, path_to_document

        found = paths_to_inputs(list(inputs), exclude=[out])
        if not found:
            raise click.UsageError("未找到任何文件")
        docs = [path_to_document(i.path, i.source) for i in found if i.supported]
        docs += [Document(doc_id=doc_id_for(i.source, ""), source=i.source, format=i.suffix.lstrip(".") or "unknown",
                          sha256="", status="error", error=f"不支持的文件格式（{i.suffix or '无扩展名'}）")
                 for i in found if not i.supported]
        ds = dataset_from_documents(docs)
    path = write_report(ds, out, title)
    n_docs, n_f = len(ds.tables.get("documents", [])), len(ds.tables.get("findings", []))
    click.echo(f"已写入 {path}：{n_docs}个文件，{n_f}条发现")


COMMANDS = [report]
