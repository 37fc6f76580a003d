"""Word pairs that turn a statement around where WordNet gives no opposite: each pair, the
sense it holds in (told by the words around it), and the words of a trend or a pace that one
sentence often gives both of. The engine's opposites (verifier.engine.opposites) read them
beside WordNet's (verifier.language.lexicon)."""

from __future__ import annotations

import re

_RISING = "rise rises rose risen rising"
_FALLING = "fall falls fell fallen falling dwindle dwindles dwindled dwindling"
_GROWING = "grow grows grew grown growing"
# what grows may also shrink, dwindle or fall (not the bare "dwindle": as the pair has had it)
_SHRINKING = (
    "shrink shrinks shrank shrunk shrinking dwindles dwindled dwindling "
    "fall falls fell fallen falling"
)
_FAST = "instantly immediately quickly rapidly swiftly"
_SLOW = "slowly slow gradually"
_SENDING = "send sends sent sending"
_PLEDGING = "pledge pledges pledged pledging"
_GOING_ON = (
    "continue continues continued continuing intensify intensifies intensified intensifying "
    "escalate escalates escalated escalating resume resumes resumed resuming"
)
# Lifting a directive (an order, a ban, a warning) against imposing, issuing, ordering or
# extending one: WordNet gives "lift" the sense "revoke" but opposes nothing to it.
_LIFTING = "lift lifts lifted lifting"
_IMPOSING = (
    "impose imposes imposed imposing issue issues issued issuing ordered ordering "
    "extend extends extended extending"
)
# Beating or defeating a side, in the active voice and said of the side beaten ("Norway beat
# the Czech Republic", "Wynne defeated John Tory"): not the noun ("suffered a heavy defeat")
# nor the passive ("was defeated in the election", "was beaten by Nadal"), which say "lost".
_BEATING = "beat beats beating defeat defeats defeated defeating"
# Word pairs that turn a statement around without a negation word.
ANTONYMS = (
    ("increase increased increases increasing", "decrease decreased decreases decreasing"),
    (_RISING, _FALLING),
    ("begin begins began begun beginning", "end ends ended ending"),
    ("gain gains gained", "lose loses lost losing"),
    ("win wins won winning", "lose loses lost losing"),
    # WordNet opposes "lose" to "win" only: a contest one side beat or defeated the other in
    # is one the other lost ("the Czech Republic lost to Norway" is "Norway beat the Czech
    # Republic", read from its two sides by roles.told_from_the_other_side)
    (_BEATING, "lose loses lost losing"),  # of a named side only (see _SENSES)
    ("higher", "lower"),
    ("withdraw withdraws withdrew withdrawn withdrawing", "deploy deploys deployed deploying"),
    # "sending 4,000 more troops" against "the reduction will leave 4,000" (see _SENSES)
    (_SENDING, "withdraw withdraws withdrew withdrawn withdrawing withdrawal"),
    (_SENDING, "reduction drawdown"),
    (_PLEDGING, "withdraw withdraws withdrew withdrawn withdrawing"),
    (_GOING_ON, "ends ended ending"),  # not the noun: "after the end of combat"
    ("unconditional", "conditional conditions-based"),
    ("many", "few"),
    # a figure that doubled did not halve: WordNet opposes no verb to "double" (its forms
    # that are only verbs: "a double murder" is no doubling)
    ("doubled doubling", "halved halving"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("approve approves approved approving", "reject rejects rejected rejecting"),
    (_GROWING, _SHRINKING),
    (_FAST, _SLOW),
    ("expand expands expanded expanding", "reduce reduces reduced reducing"),
    ("increase increased increases increasing", "reduce reduces reduced reducing"),
    ("raise raises raised raising", "lowers lowered lowering"),  # not "a lower court"
    ("allow allows allowed allowing", "ban bans banned banning"),
    ("true", "false"),
    # a verdict: WordNet opposes "acquit" to "convict" and "guilty" to "innocent", never the
    # verb to the adjective, and courts reporting says "found guilty" as often as "convicted"
    ("acquit acquits acquitted acquitting acquittal", "guilty"),
    ("east eastern", "west western"),
    ("north northern", "south southern"),
    ("open opens opened opening", "close closes closed closing"),
    ("before", "after following"),
    # what a withdrawal "led to": calm is not violence (both words in one sentence turn
    # nothing: "violence gave way to calm" holds the claim's word too)
    ("calm peace stability stable peaceful", "violence violent disruption unrest chaos turmoil"),
    # verbs only: "climate change" does not deny that temperatures remain high
    ("stay stays stayed remain remains remained unchanged", "shift shifts shifted changed"),
    (_LIFTING, _IMPOSING),  # of a directive only (see _SENSES)
)
# Words of a direction or a pace, which one sentence often gives both of ("rose to 170,000
# in 2007 before dwindling to 40,000", "withdraw slowly ... a vacuum ISIS would instantly
# fill"): a statement holding the claim's word of the pair too turns nothing with it.
TRENDS = frozenset(" ".join((_RISING, _FALLING, _GROWING, _SHRINKING, _FAST, _SLOW)).split())
ANTONYM_SETS = tuple((frozenset(a.split()), frozenset(b.split())) for a, b in ANTONYMS)
# Words that take part in a pair only in one sense, told by the text around them: sending
# troops (not a letter, nor troops home, nor a region "into violence"); pledging something
# (not "pledged Monday that ...", a way of saying); a "continued" presence or fighting that
# continues (not the helper verb, "will continue to be reduced", nor "..., he continued.").
# What lifting and imposing are said of: a directive ("lifted the evacuation order", "the
# ban was extended", "ordered a mandatory evacuation"; not "lifted the car", "issued a
# statement").
_DIRECTIVE = (
    r"(?:orders?|bans?|warnings?|watch(?:es)?|curfews?|sanctions?|restrictions?|embargo(?:es)?"
    r"|blockades?|moratori(?:um|a)|suspensions?|emergency|advisor(?:y|ies)|alerts?"
    r"|evacuations?)"
)
_SENSES = {
    frozenset(_PLEDGING.split()): re.compile(
        r"\bpledg(?:e|es|ed|ing)\b(?!\s+(?:\w+\s+)?that\b)", re.I
    ),
    frozenset(_SENDING.split()): re.compile(
        r"\bsen(?:ds?|t|ding)\b(?!(?:\s+\S+){0,4}?\s+(?:home|back)\b)"
        r"(?=(?:\s+\S+){0,3}?\s+(?:troops|forces|soldiers|personnel|reinforcements)\b)",
        re.IGNORECASE,
    ),
    frozenset(_LIFTING.split()): re.compile(
        rf"\blift\w*(?=(?:\s+\S+){{0,4}}?\s+{_DIRECTIVE}\b)"
        rf"|\b{_DIRECTIVE}\s+(?:\S+\s+){{0,3}}?lifted\b",
        re.IGNORECASE,
    ),
    frozenset(_IMPOSING.split()): re.compile(
        rf"\b(?:impos|issu|extend)\w*(?=(?:\s+\S+){{0,4}}?\s+{_DIRECTIVE}\b)"
        rf"|\b{_DIRECTIVE}\s+(?:\S+\s+){{0,3}}?(?:imposed|issued|extended)\b"
        r"|\border(?:ed|ing)\b",
        re.IGNORECASE,
    ),
    frozenset(_BEATING.split()): re.compile(
        r"(?<!\ba )(?<!\bthe )\b(?:beat(?:s|ing)?|defeat(?:s|ed|ing)?)\s+"
        r"(?:(?:the|their|his|her|its)\s+)?[A-Z]"
    ),
    frozenset(_GOING_ON.split()): re.compile(
        r"\b(?:intensif|escalat|resum)\w*|\bcontinu(?:e|es|ed|ing)\b(?!\s+to\b)", re.I
    ),
}
# "..., al-Hadithi continued.": a way of saying, at the end of a sentence after a comma.
_SAYING_ON = re.compile(
    r",[\"'\u201d\u2019]?\s+(?:he|she|they|the\s+(?:[\w.-]+\s+){0,3}?(?:spokes\w*|officials?"
    r"|minister|general|commander|president|secretary|ambassador)|(?:al-)?[A-Z][\w.'-]*"
    r"(?:\s+[\w.'-]+){0,6}?)\s+continued\W*$"
)
ANTONYM_WORDS = frozenset().union(*(a | b for a, b in ANTONYM_SETS))


def in_sense(group: frozenset[str], text: str) -> bool:
    """Tell whether a text uses a word of the group in the sense its pair is about."""
    sense = _SENSES.get(group)
    if sense is None:
        return True
    return sense.search(_SAYING_ON.sub("", text)) is not None
