"""Commands on the claim base: verify, check, ingest, import-claims, claims."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TextIO

import click

from verifier.cli.common import database_option, open_engine, print_json, progress_bar
from verifier.engine import service
from verifier.engine.browse import find_claims
from verifier.engine.extract import ClaimTooLongError
from verifier.language.quoting import quoted as quote_marks
from verifier.models import Reason, Verdict

_COLOURS = {"supported": "green", "contradicted": "red", "unverified": "yellow"}


@click.command()
@click.argument("statement")
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON (the API form).")
@database_option
def verify(statement: str, as_json: bool, database: str | None) -> None:
    """Verify one STATEMENT: supported, contradicted or unverified, with citations.

    \b
    Example:
      verifier verify "Roughly 4,000 U.S. troops will remain in Iraq."
    """
    verdict = service.verify(statement, open_engine(database))
    if as_json:
        from verifier.web.schemas import VerdictSchema

        print_json(VerdictSchema().dump(verdict))
    else:
        _print_verdict(verdict)


def _print_verdict(verdict: Verdict, indent: str = "") -> None:
    label = click.style(verdict.verdict.upper(), fg=_COLOURS[verdict.verdict], bold=True)
    click.echo(f"{indent}{label} (confidence {verdict.confidence:.2f})")
    click.echo(f"{indent}{verdict.explanation}")
    for reason in verdict.reasons:
        if reason.statement_value or reason.claim_value:
            click.echo(f"{indent}  {reason.code}: {_sides(reason)}")
    for citation in verdict.citations:
        chain = " <- ".join(citation.attribution) or "unattributed"
        click.echo(f"{indent}  [{citation.claim_id}] {quoted(citation.quote)}")
        click.echo(f"{indent}    speaker: {citation.speaker} (chain: {chain})")
        click.echo(
            f"{indent}    article: {citation.article.title} \u2014 "
            f"{citation.article.author or 'unknown author'}, "
            f"chars {citation.start}-{citation.end}, "
            f"similarity {citation.similarity:.2f}"
        )


def _sides(reason: Reason) -> str:
    """The statement's value beside the source's, or what the source lacks."""
    if reason.claim_value is None:
        return f"statement {reason.statement_value} | not in the source"
    if reason.statement_value is None:
        return f"source {reason.claim_value}"
    return f"statement {reason.statement_value} | source {reason.claim_value}"


def quoted(quote: str) -> str:
    """A source sentence on one line, between quotation marks that are never doubled."""
    return quote_marks(" ".join(quote.split()))


@click.command()
@click.argument("draft", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON (the API form).")
@database_option
def check(draft: TextIO, as_json: bool, database: str | None) -> None:
    """Check a whole DRAFT file sentence by sentence ('-' reads standard input).

    \b
    Example:
      echo "Roughly 3,000 U.S. troops will remain in Iraq." | verifier check -
    """
    report = service.check_draft(draft.read(), open_engine(database))
    if as_json:
        from verifier.web.schemas import DraftReportSchema

        print_json(DraftReportSchema().dump(report))
        return
    for sentence in report.sentences:
        click.echo(f"[{sentence.start}:{sentence.end}] {sentence.text}")
        if sentence.verdict:
            _print_verdict(sentence.verdict, indent="    ")
        else:
            click.echo("    (nothing to check)")
    click.echo(", ".join(f"{n} {k}" for k, n in report.counts.items()))


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--author", help="Author to credit where nobody else is quoted.")
@click.option("--url", help="Where the article was published (one FILE only).")
@click.option(
    "--published",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Publication date, YYYY-MM-DD (one FILE only; default: the article's dateline).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the stored articles as JSON.")
@database_option
def ingest(
    files: tuple[str, ...],
    author: str | None,
    url: str | None,
    published: datetime | None,
    as_json: bool,
    database: str | None,
) -> None:
    """Extract claims from article text FILES and store them (first line: the headline).

    An empty file, or one that holds only a headline, is refused before anything is stored.
    A dateline below the headline ("Monday, February 5, 2007") gives the publication date;
    "yesterday" or "on Tuesday" in the text is dated by it.

    \b
    Examples:
      verifier ingest stories/*.txt --author "Newsroom staff"
      verifier ingest bridge.txt --url https://news.example/bridge --published 2024-05-20
    """
    if (url or published) and len(files) > 1:
        raise click.UsageError("--url and --published describe one article: give one FILE.")
    day = published.date().isoformat() if published else None
    texts = {name: Path(name).read_text(encoding="utf-8") for name in files}
    for name, text in texts.items():
        try:
            service.check_article_text(text)
        except service.EmptyArticleError as error:
            raise click.ClickException(f"{name}: {error} Nothing was stored.") from None
    engine = open_engine(database)
    stored = []
    with progress_bar("Ingesting articles", len(files), files) as bar:
        for name in bar:
            try:
                stored.append(
                    service.ingest_article(
                        texts[name], engine, author=author, url=url, published=day
                    )
                )
            except ClaimTooLongError as error:
                done = f" The {len(stored)} file(s) before it were stored." if stored else ""
                raise click.ClickException(
                    f"{name}: {error} Nothing of it was stored.{done}"
                ) from None
    for name, (_, claims) in zip(files, stored, strict=True):
        if not claims:
            click.echo(f"Warning: {name}: no claim found in its text.", err=True)
    if as_json:
        from verifier.web.archive_schemas import ArticleDetailSchema

        details = [{**article.__dict__, "claims": claims} for article, claims in stored]
        print_json(ArticleDetailSchema(many=True).dump(details))
        return
    total = sum(len(claims) for _, claims in stored)
    click.echo(f"Stored {len(files)} article(s) with {total} claim(s).")


@click.command()
@click.argument("query", required=False)
@click.option("--article", "article_id", help="Only claims of this article id.")
@click.option("--limit", default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the claims as JSON (the API form).")
@database_option
def claims(
    query: str | None, article_id: str | None, limit: int, as_json: bool, database: str | None
) -> None:
    """List claims, or search them for QUERY, ranked as verification finds them.

    Not every word has to match: the closest claims come first. Without QUERY, an
    article's claims are listed in the order they stand in it.

    \b
    Examples:
      verifier claims "troops remain" --limit 3
      verifier claims --article us-withdraws-troops-from-iraq --json
    """
    engine = open_engine(database)
    if query and query.strip():
        found = find_claims(query, engine, article_id, limit).claims
    elif article_id:
        found = engine.store.article_claims(article_id, limit)
    else:
        found = engine.store.list_claims(None, None, limit)
    if as_json:
        from verifier.web.archive_schemas import ClaimSchema

        print_json(ClaimSchema(many=True).dump(found))
    for claim in [] if as_json else found:
        click.echo(f"{claim.id}  {claim.speaker or 'unattributed'}: {claim.text}")
    if not found:
        click.echo("No claims match." if query else "No claims.", err=True)


COMMANDS = (verify, check, ingest, claims)
