"""The `verifier` command: serve, ingest, import-claims, verify, check, claims, eval, bench.

The outermost edge: one module per group of subcommands; may import every other layer.
"""

from __future__ import annotations

import click

from verifier.cli import claimbase, importing, measure, operate
from verifier.measure.bench import bench


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="verifier")
def main() -> None:
    """Verify statements against a newsroom's claim base, with citations.

    \b
    Examples:
      verifier verify "About 5,000 U.S. troops will remain in Iraq."
      verifier check draft.txt
      verifier ingest articles/*.txt
      verifier serve --port 8000 --workers 2
    """


for module in (claimbase, importing, operate, measure):
    for command in module.COMMANDS:
        main.add_command(command)
main.add_command(bench)
