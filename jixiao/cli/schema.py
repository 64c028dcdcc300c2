from __future__ import annotations

import json

import click

from jixiao.model import Document


@click.command("schema")
def schema_cmd() -> None:
    """Print the JSON Schema of a Document (the output of ``jixiao extract``).

    \b
    Example:
      jixiao schema > document.schema.json
    """
    click.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=1, sort_keys=True))


COMMANDS = [schema_cmd]
