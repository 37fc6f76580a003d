"""Times of day, the many ways news copy writes them, read as minutes after midnight.

"4:53 p.m.", "9 pm", "6 a.m.", "16:53", "0600 local time", "21.00 GMT", "22.00 UTC", "noon",
"midnight" and "at 9.30 in the morning" are each a time of day, not a count: "9 pm" and
"21.00" are one time, and a draft saying "at 3:10 am" of a flight "set to leave at 2:10 am"
gives another. A time names its zone when the text does ("local time", "GMT", "UTC"); two
times in different zones are not compared. The pattern reads a bounded stretch at each
place, so a pass is linear.
"""

from __future__ import annotations

import re

from verifier.models import Quantity

_ZONE = r"(?:GMT|UTC|local\s+time)"
_PART_OF_DAY = r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight"
_CLOCK = re.compile(
    # "at 9.30 in the morning", "around 7:15 in the evening", "by 10.45 at night": the part
    # of the day says a.m. or p.m. (after a word that gives a time: "fell 2.50 in the
    # morning" is no time)
    rf"\b(?:(?:at|around|about|by|before|after|until|till|from|since)\s+"
    rf"(?:around\s+|about\s+|approximately\s+)?(?P<hd>1[0-2]|0?[1-9])[:.](?P<md>[0-5]\d)\s+(?P<part>{_PART_OF_DAY})\b(?!\s+(?:session|trad))"
    # "4:53 p.m.", "4.30pm", "9 pm", "6 a.m.", "11am"
    r"|(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    # "16:53", "4:53", "2:01:40"
    r"|(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?"
    # "0600 local time", "21.00 GMT"; "21.00 and 22.00 local time"
    rf"|(?P<hz>[01]\d|2[0-3])[.:]?(?P<mz>[0-5]\d)(?=\s?{_ZONE}\b"
    rf"|\s+(?:and|to)\s+\d\d[.:]?\d\d\s?{_ZONE})"
    r"|(?:12\s+)?(?P<word>noon|midnight))"
    rf"(?:\s?\(?(?P<zone>{_ZONE})\b)?",
    re.IGNORECASE,
)
# Where the cheap test says a text may hold a time: a colon, a.m./p.m., a zone or a word.
_MAY_HOLD = re.compile(
    rf":|\d\s?[ap]\.?\s?m\b|GMT|UTC|local time|noon|midnight|\d\.\d\d\s+(?:{_PART_OF_DAY})", re.I
)


def find_clocks(text: str) -> tuple[list[Quantity], str]:
    """Return the times of day a text gives, and the text with each written "a time" (its
    digits then count nothing)."""
    if not _MAY_HOLD.search(text):
        return [], text
    found: list[Quantity] = []

    def read(match: re.Match[str]) -> str:
        found.append(
            Quantity(_minutes(match), "clock", _zone(match.group("zone")), None, _written(match))
        )
        return "a time"

    return found, _CLOCK.sub(read, text)


def _hour_of_the_day(hour: int, part: str) -> int:
    """The hour of a clock's reading in a part of the day: "in the morning" before noon, "in
    the afternoon" or "evening" after it, "at night" after it until midnight and before it
    in the small hours ("12.30 at night" is 0:30, "2.30 at night" 2:30)."""
    part = part.lower()
    if part.endswith("morning"):
        return hour % 12
    if part.endswith("night") and (hour == 12 or hour <= 4):
        return hour % 12
    return hour % 12 + 12


def _written(match: re.Match[str]) -> str:
    """The time as written, without the word before it ("9.30 in the morning")."""
    start = match.start("hd") if match.group("hd") else match.start()
    return match.string[start : match.end()].strip()


def _minutes(match: re.Match[str]) -> float:
    if match.group("word"):
        return 720.0 if match.group("word").lower() == "noon" else 0.0
    if match.group("hd"):
        hour = _hour_of_the_day(int(match.group("hd")), match.group("part"))
        return float(hour * 60 + int(match.group("md")))
    if match.group("h12"):
        hour = int(match.group("h12")) % 12 + (12 if match.group("half").lower() == "p" else 0)
        return float(hour * 60 + int(match.group("m12") or 0))
    if match.group("h"):
        seconds = int(match.group("s") or 0) / 60
        return float(int(match.group("h")) * 60 + int(match.group("m"))) + seconds
    return float(int(match.group("hz")) * 60 + int(match.group("mz")))


def _zone(zone: str | None) -> str | None:
    if zone is None:
        return None
    return "local" if zone.lower().startswith("local") else "utc"  # GMT is UTC's time
