"""``jixiao schema``: the JSON Schema of a Document."""

from __future__ import annotations

import json

import click


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of a Document (the output of ``jixiao extract``).

    \b
    Example:
      jixiao schema > document.schema.json
    """
    from jixiao.model import Document

    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=1, sort_keys=True))


COMMANDS = [schema_cmd]
