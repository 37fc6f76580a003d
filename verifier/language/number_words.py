"""The vocabulary of numbers: number words, scales, fractions, months, qualifiers."""

from __future__ import annotations

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12}
FRACTIONS = {
    "half": 50.0,
    "halves": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
    "fourth": 25.0,
    "fourths": 25.0,
    "fifth": 20.0,
    "fifths": 20.0,
    "sixth": 100 / 6,
    "sixths": 100 / 6,
    "eighth": 12.5,
    "eighths": 12.5,
    "tenth": 10.0,
    "tenths": 10.0,
}
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
}
QUALIFIERS = [
    (("more", "than"), "more"),
    (("greater", "than"), "more"),
    (("upwards", "of"), "more"),
    (("over",), "more"),
    (("above",), "more"),
    (("exceeding",), "more"),
    (("at", "least"), "at_least"),
    (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"),
    (("fewer", "than"), "less"),
    (("less", "than"), "less"),
    (("under",), "less"),
    (("below",), "less"),
    (("at", "most"), "at_most"),
    (("up", "to"), "at_most"),
    (("no", "more", "than"), "at_most"),
    (("as", "high", "as"), "at_most"),
    (("close", "to"), "nearly"),
    (("nearly",), "nearly"),
    (("almost",), "nearly"),
    (("just", "under"), "nearly"),
    (("roughly",), "approx"),
    (("about",), "approx"),
    (("around",), "approx"),
    (("approximately",), "approx"),
    (("some",), "approx"),
    (("estimated",), "approx"),
    (("circa",), "approx"),
    (("~",), "approx"),
    (("an", "estimated"), "approx"),
    (("almost",), "nearly"),
]
# Qualifiers grouped by their last word (longest first), so most tokens are ruled out at once.
QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _words, _name in sorted(QUALIFIERS, key=lambda q: -len(q[0])):
    QUALIFIERS_BY_LAST.setdefault(_words[-1], []).append((_words, _name))
QUALIFIER_ENDINGS = frozenset(QUALIFIERS_BY_LAST)
IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle feet teeth mice geese sheep".split()
)
YEAR_CUES = frozenset(
    """in since by until till from of before after year years during the early late mid end
    start""".split()
)
# Words that may stand between a number and what it counts ("4,000 U.S. troops").
UNIT_SKIP = frozenset(
    """u.s. us american additional more extra new other of the his her their its our further
    another - strong""".split()
)
HEDGES = frozenset({"approx", "nearly"})  # qualifiers that widen a figure both ways or below
PERCENT_WORDS = frozenset({"percent", "per-cent", "%", "pct", "pct."})
NOT_UNITS = frozenset(
    """and or to in on at by for from until since than as with will would were was are is be
    been have has had who which that this these those percent per cent a an the it they he
    she we i year years ago them us you him""".split()
)
# Words that end the search for what a number counts ("40,000 before the withdrawal"), but
# say nothing about whether a bare four-digit number is a year ("arrested 1800 over...").
# A four-digit number before "years" stays a year (dates.is_year reads NOT_UNITS), but
# "years" is what a span of time counts ("21 years of peace", "up to 3 years in jail").
NO_UNIT_AFTER = (NOT_UNITS - {"year", "years"}) | frozenset(
    """before after during over under into about around up down out off while when where
    because if each all some then there here now so but not no yet also only just still
    again via among between through across against within without ahead earlier later
    apiece altogether overall""".split()
)

DECADE_WORDS = {
    "twenties": 1920,
    "thirties": 1930,
    "forties": 1940,
    "fifties": 1950,
    "sixties": 1960,
    "seventies": 1970,
    "eighties": 1980,
    "nineties": 1990,
}
# Ordinal words: a rank only contradicts another rank ("the first since 2014" against "the
# second since 2014"); a claim that states none leaves it unchecked.
ORDINALS = {
    word: rank
    for rank, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split(), start=1
    )
}
