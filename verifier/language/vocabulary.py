"""The word lists text normalization folds by: stop words, aliases, verb forms, synonyms."""

from __future__ import annotations

STOPWORDS = frozenset(
    """a an the and or but if of in on at to for from by with as into onto over under about is
    are was were be been being am has have had having do does did will would shall should
    can could may might must this that these those it its it's they them their there here he
    she his her him we our us you your i me my who whom whose which what when where why how
    than then so such also just very too only still s t said says say told tell some not no
    never n't nor cannot more fewer less least most over under nearly almost roughly around
    approximately january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday
    wednesday thursday friday saturday sunday within amid among via toward towards""".split()
    # contractions: their "not" is read as negation, the rest says nothing of a topic
    + [f"{aux}n't" for aux in "is are was were do does did has have had could would should".split()]
    + "can't won't ain't".split()
)

# Spelling variants of the same thing, folded before stemming.
ALIASES = {
    "us": "u.s.",
    "usa": "u.s.",
    "u.s.a.": "u.s.",
    "america": "u.s.",
    "american": "u.s.",
    "americans": "u.s.",
    "united states": "u.s.",
    "uk": "britain",
    "u.k.": "britain",
    "british": "britain",
    "soldiers": "troops",
    "soldier": "troops",
    "troop": "troops",
    "servicemembers": "troops",
    "servicemen": "troops",
    "servicewomen": "troops",
    "pentagon": "pentagon",
    "isis": "islamic state",
    "isil": "islamic state",
    "daesh": "islamic state",
}
# Irregular verb forms the stemmer cannot join to their base ("began" and "begin"), and a few
# verbs newsrooms use interchangeably; folded to one word before stemming. Forms that are
# also common nouns stay out ("shot", "thought", "saw", "drove": "shots" would not follow).
_SAME_VERB = """begin:began,begun,start,starts,started,starting withdraw:withdrew,withdrawn
    remain:stay,stays,stayed,staying rise:rose,risen fall:fell,fallen grow:grew,grown
    go:went,gone speak:spoke,spoken send:sent take:took,taken lead:led hold:held
    lose:lost sell:sold pay:paid keep:kept fight:fought flee:fled drive:driven
    strike:struck bring:brought build:built give:gave,given come:came
    become:became meet:met run:ran see:seen write:wrote,written choose:chose,chosen
    know:knew,known buy:bought spend:spent shrink:shrank,shrunk"""
# Phrasal verbs read as the one word claims use: verb form -> (that word, its particles).
PHRASAL_VERBS = {
    "pull": ("withdraw", ("out", "back")),
    "pulls": ("withdraws", ("out", "back")),
    "pulled": ("withdrew", ("out", "back")),
    "pulling": ("withdrawing", ("out", "back")),
    "wrap": ("end", ("up",)),
    "wraps": ("ends", ("up",)),
    "wrapped": ("ended", ("up",)),
    "wrapping": ("ending", ("up",)),
    "wind": ("end", ("down",)),
    "winds": ("ends", ("down",)),
    "winding": ("ending", ("down",)),
    # forces "moving out of the theater" are leaving it ("moving to Afghanistan" is a move)
    "move": ("leave", ("out",)),
    "moves": ("leaves", ("out",)),
    "moved": ("leaving", ("out",)),
    "moving": ("leaving", ("out",)),
}
# Phrasal verbs whose particle must follow at once: "the move was carried out" is no leaving.
PHRASAL_NEXT_ONLY = frozenset({"move", "moves", "moved", "moving"})
VERB_FORMS = {
    form: base
    for entry in _SAME_VERB.split()
    for base, forms in [entry.split(":")]
    for form in forms.split(",")
}
# Words newsrooms use for the same thing, met as one stem (the first word's) when matching.
# Only near-exact swaps: "send" is not "deploy" here, since "deploy" opposes "withdraw".
SAME_MEANING = (
    "shift change",
    "combat fighting fight battle",
    "complete full entire",
    "additional extra",
    "strategy plan",
    "reduction reduce cut drawdown",
    "indicate signal suggest",
    "spokesman spokeswoman spokesperson",
    "move relocate redeploy transfer",
    "specifically exactly precisely",
    "fall dwindle shrink",
    "withdrawal pullout",
    "pledge promise vow",
    "photo photograph picture",
    "article story",
)
# The same, for words whose stem other words share ("probability", "come"): the word itself.
SAME_WORDS = {
    "probably": "likely",
    "coming": "next",
    "upcoming": "next",
    "ongoing": "continued",
    "involvement": "intervention",
    "backing": "support",
}
