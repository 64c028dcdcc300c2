"""``jixiao explain FILE``: how each table of a file was labelled.

For every table: its blocks (budget, long-form budget, label–value budget,
indicators) with their header rows, each column's header path, role and the
evidence that chose it (wording, path, content vote, quirk), the content profile of
its data cells and any doubt; then the kind of every row and the cells filled down
from a merged cell — the way a table finder's debug view shows what it saw.  The tables
are the grids the loader finished (:func:`jixiao.pipeline.path_to_raw`); a grid rebuilt
from a text dialect (pdftotext spaced rows, pipe rows, cell-per-line scrapes) says so.
``--json`` prints the same as JSON (the ``labels.gt.json`` goldens).
"""

from __future__ import annotations

import sys

import click


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
    from jixiao.assemble import raw_to_labels
    from jixiao.assemble.label_render import labels_json, render
    from jixiao.errors import UnreadableFile
    from jixiao.pipeline import path_to_raw

    try:
        raw = path_to_raw(file, file, convert=convert)
    except UnreadableFile as e:
        click.echo(f"错误：{file}: {e.reason}", err=True)
        sys.exit(1)
    labels = raw_to_labels(raw)
    origins = {t.table: t.regridded_from for t in raw.tables() if t.regridded_from}
    sys.stdout.write(labels_json(labels) if as_json else render(labels, origins))


COMMANDS = [explain_cmd]
