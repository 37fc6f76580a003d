"""Claims for people to look through: searched the way verification finds them, ranked."""

from __future__ import annotations

from dataclasses import dataclass, replace

from verifier.engine.service import Engine, search
from verifier.models import Claim

# How many claims a search ranks, whatever the page: the same pool for every page, so that
# pages never overlap (a bigger pool could rank a claim above those already shown). Enough
# for a person to read through, bounded work for the server.
MAX_RANKED = 200
# With an article filter, this many times more claims are ranked before the filter applies.
ARTICLE_WIDENING = 5


@dataclass(frozen=True)
class ClaimPage:
    """One page of claims, and whether more follow it."""

    claims: list[Claim]
    more: bool


def find_claims(
    query: str, engine: Engine, article_id: str | None = None, limit: int = 50, offset: int = 0
) -> ClaimPage:
    """Rank the claims closest to `query` as verification does, best first, and page them.

    Not every word has to match: a claim sharing the query's rarer words ranks first, and
    the fuzzy topic score orders the rest. Claims that share nothing with it never appear;
    past the best MAX_RANKED, none are given.
    """
    pool = MAX_RANKED * (ARTICLE_WIDENING if article_id else 1)
    wide = replace(engine, rerank_limit=pool, candidate_limit=max(pool, engine.candidate_limit))
    _, matches = search(query, wide)
    ranked = sorted((m for m in matches if m.score > 0), key=lambda m: (-m.score, m.claim.id))
    claims = [m.claim for m in ranked if article_id is None or m.claim.article_id == article_id]
    claims = claims[:MAX_RANKED]
    return ClaimPage(claims[offset : offset + limit], len(claims) > offset + limit)
