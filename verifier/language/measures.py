"""Money and measures written the many ways news copy writes them, read one way.

Before numbers are read, currency marks and unit symbols are rewritten into the words the
number reader knows: "$A200,000", "A$200,000", "AUD 200,000" and "US$200,000" are all
"$200,000" (a dollar is a dollar: which one is the story's business, not a figure's); "€6,000"
and "EUR 6,000" are "6,000 euros"; "40oC", "40°C" and "40 degrees Celsius" are "40 celsius";
"1.75-billion" is "1.75 billion"; "235 miles per gallon" is "235 mpg", "209 km/h" "209
kph"; "a decade" is "10 years", "a dozen" 12; a time of day
("4:53 p.m.") is no figure. Each pattern reads a bounded
stretch once, so the pass is linear in the text's length.
"""

from __future__ import annotations

import re

from verifier.language.lexicon import is_unit_word
from verifier.language.number_words import SCALES, SMALL

# Money, as the number reader writes it: no unit of measure converts into it.
CURRENCY_UNITS = frozenset(
    "dollar dollars euro euros pound pounds yen franc francs rupee rupees".split()
)
# Units of money and measure: a figure in one is never the same figure in another.
MEASURE_UNITS = frozenset(
    """dollar dollars euros pounds yen francs rupees celsius fahrenheit percent km kilometres
    kilometers metres meters miles mph kg kilograms tonnes tons hectares acres litres liters
    gallons mpg kph feet inches cm mm years months weeks days hours minutes seconds""".split()
)
_NUMBER = r"\d[\d,]{0,20}(?:\.\d{1,6})?"
_SCALE = r"(?:[ -](?:thousand|million|billion|trillion)\b|(?:k|m|bn|mn|tn)\b)?"
# Dollars of a country: A$ and $A (Australia), US$, C$/CA$, NZ$, S$/SG$, HK$, and the ISO codes.
_DOLLAR_MARKS = r"(?:US|A|AU|C|CA|NZ|S|SG|HK|NT|R)\$|\$(?:A|US|NZ|C|S)(?=\d)"
_DOLLAR_CODE_NAMES = ("USD", "AUD", "CAD", "NZD", "SGD", "HKD", "TWD")
_DOLLAR_CODES = rf"\b(?:{'|'.join(_DOLLAR_CODE_NAMES)})\s?"
_DOLLARS = re.compile(rf"(?:{_DOLLAR_MARKS}|{_DOLLAR_CODES})\s?(?={_NUMBER})")
_OTHER_CURRENCIES = {
    "€": "euros",
    "EUR": "euros",
    "£": "pounds",
    "GBP": "pounds",
    "¥": "yen",
    "JPY": "yen",
    "CHF": "francs",
    "₹": "rupees",
    "INR": "rupees",
}
_OTHER = re.compile(
    r"(?<![A-Za-z])(€|£|¥|₹|EUR|GBP|JPY|CHF|INR)\s?"
    rf"(?P<amount>{_NUMBER}{_SCALE})"
)
# "40oC", "40°C", "40 °F", "40C" (not "40 CEOs", "40 of"), "40 degrees Celsius"
_DEGREES = re.compile(
    r"(\d{1,4}(?:\.\d{1,3})?)(?:\s?[°º]\s?([CF])\b|o([CF])\b|([CF])\b"
    r"|\s?(?:degrees?\s+)?((?i:celsius|fahrenheit|centigrade))\b)"
)
_SCALE_HYPHEN = re.compile(r"(\d)-(thousand|million|billion|trillion)\b", re.IGNORECASE)
# "a decade", "a week of mourning", "a month after the fall", "a week later": a length of
# time, the loose ones ("a month after") about so long. Not a rate ("once a week", "500 cars
# a day after the upgrade", "$100 a month"), nor "a year ago" or "a year earlier", the base a
# change is measured from in business copy ("rose 20 percent from a year ago").
_PERIODS = re.compile(
    r"\b(?:a|one)\s+(decade|fortnight|century|dozen|(?:week|month)(?=\s+of\b)"
    r"|(?P<span>day|week|month)(?=\s+(?:after|later|earlier|before|ago)\b))\b"
    r"|\bthe\s+(?P<the_span>day|week|month)(?=\s+(?:after|before)\b)",
    re.IGNORECASE,
)
# What makes "a day" a rate: a figure or a number of times just before it ("500 cars a day",
# "one pill a day", "twice a week"). A figure two words before may be of a span too ("three
# people died a day after"); such a span is left unread.
_RATE_BEFORE = re.compile(
    rf"(?:\d\S*|\b(?:once|twice|thrice|times|per|{'|'.join(SMALL)}))(?:\s+[A-Za-z]+){{0,2}}\s+$",
    re.IGNORECASE,
)
_PERIOD_CUES = (
    *("decade", "fortnight", "century", "dozen", " of"),
    *(" after", " later", " earlier", " before", " ago"),
)
_PERIOD_WORDS = {
    "decade": "10 years",
    "fortnight": "14 days",
    "century": "100 years",
    "dozen": "12",
    "week": "1 week",
    "month": "1 month",
}
# Rates written out or abbreviated: "235 miles per gallon" is "235 mpg", "209 km/h" and
# "209 kilometres per hour" are "209 kph", "130 miles (209 km) per hour" is "130 mph (209 kph)".
_PER = r"\s+(?:per|an|a)\s+"
_RATES = (
    (
        re.compile(rf"(\d)\s?(?:miles|mi)\s?\((\d[\d,.]{{0,12}})\s?km\){_PER}hour\b"),
        r"\1 mph (\2 kph)",
    ),
    (re.compile(rf"(\d)\s?(?:miles|mi){_PER}gallon\b"), r"\1 mpg"),
    (re.compile(rf"(\d)\s?(?:miles|mi){_PER}hour\b"), r"\1 mph"),
    (
        re.compile(rf"(\d)\s?(?:km|kilomet(?:re|er)s){_PER}hour\b|(\d)\s?km\s?/\s?h\b"),
        lambda m: f"{m.group(1) or m.group(2)} kph",
    ),
)
# A time of day ("12:00 P.M.", "16:53", "4:53 p.m.") is no count: its digits are taken out of
# the way of the figures ("more than 100 firefighters were called about 12:00").
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\b\.?)?")


def normalize_measures(text: str, both: bool = False) -> str:
    """Rewrite currencies and units into the forms the number reader knows; with `both`, a
    source's "both crew members" as two (a statement's "both" presupposes the two, it does
    not count them: "Federer lost both sets" of "failed to win a set, losing 6-4, 6-3")."""
    if any(mark in text for mark in "$€£¥₹") or _has_code(text):
        text = _DOLLARS.sub("$", text)
        text = _OTHER.sub(_other_currency, text)
    # each pass only where its marks are: this runs on every imported claim
    if ":" in text:
        text = _TIME.sub("a time", text)
    if "-" in text:
        text = _SCALE_HYPHEN.sub(r"\1 \2", text)
    if "C" in text or "F" in text or "°" in text or "º" in text or "entigrade" in text:
        text = _DEGREES.sub(_degrees, text)
    low = text.lower()
    if " per " in low or " an hour" in low or "/h" in low or " a gallon" in low:
        for pattern, replacement in _RATES:
            text = pattern.sub(replacement, text)
        low = text.lower()
    if "half" in low:  # "an hour and a half" is 1.5 hours, "half a mile" 0.5 miles
        text = _HALVES.sub(_halves, text)
        low = text.lower()
    if both and "both " in low:  # "both crew members" are two; "both China and Japan" no count
        text = _BOTH.sub(_both, text)
    if any(word in low for word in _PERIOD_CUES):
        text = _PERIODS.sub(_period, text)
    return text


# One unit and a half, or half of one: "an hour and a half", "a year and a half", "half a
# mile". "Two and a half hours" the number reader reads itself.
_HALVES = re.compile(
    r"\b(?:(?:a|an|one)\s+(?P<unit>[a-z]+)\s+and\s+a\s+half|half\s+(?:a|an)\s+(?P<part>[a-z]+))\b",
    re.IGNORECASE,
)


def _halves(match: re.Match[str]) -> str:
    unit = match.group("unit") or match.group("part")
    if not is_unit_word(unit.lower()) or unit.lower() in SCALES or unit.lower() == "dozen":
        # "half a million" the number reader reads; "half a chance" is no measure
        return match.group(0)
    return f"{1.5 if match.group('unit') else 0.5} {unit}"  # "1.5 inch": no plural to guess


# "both" before what it counts, written in lower case ("both crew members", "both teams").
_BOTH = re.compile(r"\b(both)\s+(?=[a-z])", re.IGNORECASE)
# "both X and Y" joins two things, "both of them", "both the ..." count nothing by a noun.
_BOTH_JOINS = re.compile(r"\s*(?:(?:of|the|its|their|his|her)\b|(?:[\w'-]+\s+){0,4}?and\b)")


def _both(match: re.Match[str]) -> str:
    if _BOTH_JOINS.match(match.string, match.end()):
        return match.group(0)
    return "two " if match.group(1).islower() else "Two "


def _period(match: re.Match[str]) -> str:
    if match.group("the_span"):  # "the day after the vote": a day after it
        return f"about 1 {match.group('the_span').lower()}"
    if not match.group("span"):
        return _PERIOD_WORDS[match.group(1).lower()]
    if _RATE_BEFORE.search(match.string, max(0, match.start() - 40), match.start()):
        return match.group(0)  # "500 cars a day after the upgrade"
    return f"about 1 {match.group('span').lower()}"


_CODES = (*_DOLLAR_CODE_NAMES, *(code for code in _OTHER_CURRENCIES if code.isalpha()))


def _has_code(text: str) -> bool:
    return any(code in text for code in _CODES)


def _other_currency(match: re.Match[str]) -> str:
    amount = match.group("amount").replace("-", " ")
    return f"{amount} {_OTHER_CURRENCIES[match.group(1)]}"


def _degrees(match: re.Match[str]) -> str:
    scale = next(group for group in match.groups()[1:] if group)
    unit = "fahrenheit" if scale.lower().startswith("f") else "celsius"
    return f"{match.group(1)} {unit}"
