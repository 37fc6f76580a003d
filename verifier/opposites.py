"""Word pairs that turn a statement around without a negation word ("rose" / "fell")."""

from __future__ import annotations

import re

from verifier.matching import StatementFeatures
from verifier.models import Claim
from verifier.text import words

# Word pairs that turn a statement around without a negation word.
ANTONYMS = (
    ("increase increased increases increasing", "decrease decreased decreases decreasing"),
    ("rise rises rose risen rising", "fall falls fell fallen falling"),
    ("begin begins began begun beginning", "end ends ended ending"),
    ("gain gains gained", "lose loses lost losing"),
    ("win wins won winning", "lose loses lost losing"),
    ("higher", "lower"),
    ("withdraw withdraws withdrew withdrawn withdrawing", "deploy deploys deployed deploying"),
    # "sending 4,000 more troops" against "the reduction will leave 4,000"
    ("send sends sent sending", "withdraw withdraws withdrew withdrawn withdrawing withdrawal"),
    ("send sends sent sending", "reduction drawdown"),
    ("pledge pledges pledged pledging", "withdraw withdraws withdrew withdrawn withdrawing"),
    (
        "continue continues continued continuing intensify intensifies intensified intensifying "
        "escalate escalates escalated escalating resume resumes resumed resuming",
        "end ends ended ending",
    ),
    ("unconditional", "conditional conditions-based"),
    ("many", "few"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("approve approves approved approving", "reject rejects rejected rejecting"),
    ("grow grows grew grown growing", "shrink shrinks shrank shrunk shrinking"),
    ("expand expands expanded expanding", "reduce reduces reduced reducing"),
    ("increase increased increases increasing", "reduce reduces reduced reducing"),
    ("raise raises raised raising", "lowers lowered lowering"),  # not "a lower court"
    ("allow allows allowed allowing", "ban bans banned banning"),
    ("true", "false"),
    ("east eastern", "west western"),
    ("north northern", "south southern"),
    ("open opens opened opening", "close closes closed closing"),
    ("before", "after following"),
    # verbs only: "climate change" does not deny that temperatures remain high
    ("stay stays stayed remain remains remained unchanged", "shift shifts shifted changed"),
)
_ANTONYM_SETS = tuple((frozenset(a.split()), frozenset(b.split())) for a, b in ANTONYMS)
_ANTONYM_WORDS = frozenset().union(*(a | b for a, b in _ANTONYM_SETS))
_AHEAD_WORDS = frozenset("next coming upcoming".split())


# "in the coming month" is not "in the coming year": the periods a time ahead is counted in.
_AHEAD = re.compile(r"\b(?:next|coming|upcoming)\s+(day|week|month|year|decade)s?\b", re.I)


def antonym_flip(statement: StatementFeatures, claim: Claim) -> tuple[str, str] | None:
    """Return a (statement word, claim word) pair of opposites, when the two disagree so.

    A statement holding both words of a pair ("sent a letter asking them to withdraw") turns
    nothing around with it.
    """
    if not statement.words.isdisjoint(_AHEAD_WORDS):
        ahead, before = _AHEAD.search(statement.text), _AHEAD.search(claim.text)
        if ahead and before and ahead.group(1).lower() != before.group(1).lower():
            return ahead.group(0), before.group(0)
    if statement.words.isdisjoint(_ANTONYM_WORDS):  # most statements: nothing to turn
        return None
    claim_words = set(words(claim.text))
    for a, b in _ANTONYM_SETS:
        for mine, theirs in ((a, b), (b, a)):
            said, source = mine & statement.words, theirs & claim_words
            if said and source and not mine & claim_words and not theirs & statement.words:
                return min(said), min(source)
    return None
