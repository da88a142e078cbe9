"""Time expressions: when something happened (harm) and for how long or by when (goals).

Frequencies ("every day", "each morning") say how often, not for how long, so they count
as a time anchor for a past event but not as a goal's timeframe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from drafting.report import Span

NUM = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|several|a\s+few|a\s+couple\s+of|"
    r"a\s+full|a\s+whole|a\s+further)"
)
UNIT = r"(?:days?|nights?|weeks?|fortnights?|months?|years?|school\s+terms?|terms?|weekends?)"
MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
EVENT = (
    r"(?:review|conference|meeting|panel|hearing|court|christmas|easter|summer|autumn|winter|"
    r"spring|half[- ]term|holidays?|end\s+of|start\s+of|new\s+year|birthday|term|"
    r"school\s+year|plan|assessment|operation|surgery|birth|move|exams?|trial|release|"
    r"discharge|kindy|kindergarten|nursery|reception|secondary|"
    + MONTH
    + r"|\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH
    # a year or an age ("by 2026", "until 6 months", "by her 6-month check"), not "by 9"
    + r"|(?:19|20)\d{2}|\d{1,2}[- ]?(?:weeks?|months?|years?)|next|the\s+next|the\s+end|"
    r"the\s+start)"
)

_I = re.IGNORECASE
DURATION = [
    re.compile(rf"\bfor\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|the\s+next\s+|the\s+following\s+|"
               rf"the\s+coming\s+|the\s+first\s+|the\s+rest\s+of\s+the\s+|another\s+|"
               rf"more\s+than\s+|over\s+|no\s+less\s+than\s+|a\s+period\s+of\s+|"
               rf"a\s+further\s+|a\s+full\s+|the\s+whole\s+of\s+|the\s+rest\s+of\s+|"
               rf"next\s+|this\s+|an?\s+)*(?:{NUM}\s+)?(?:more\s+|further\s+|"
               rf"full\s+|whole\s+|straight\s+|consecutive\s+|clear\s+)?{UNIT}\b", _I),
    # "over the next year", "over the next six months"; not "over the coming months"
    re.compile(rf"\b(?:over|during|in|within|across)\s+(?:the\s+)?(?:next|coming|following|"
               rf"first)\s+(?:{NUM}\s+{UNIT}|(?:day|night|week|fortnight|month|year|term))\b",
               _I),
    re.compile(rf"\bwithin\s+(?:{NUM}\s+)?{UNIT}\b", _I),
    re.compile(rf"\b{NUM}\s+(?:more\s+)?{UNIT}\s+(?:in\s+a\s+row|running|straight|from\s+now)\b",
               _I),
    re.compile(rf"\b(?:until|till|til|by|before)\s+(?:at\s+least\s+)?(?:the\s+|his\s+|her\s+|"
               rf"their\s+|our\s+|this\s+|next\s+|{MONTH}\s+)?(?:[\w'’]+\s+){{0,3}}?{EVENT}\b",
               _I),
    re.compile(r"\b(?:before|until|till|by\s+the\s+time)\s+(?:[\w'’]+\s+){1,4}?(?:is\s+born|"
               r"starts?|begins?|finish(?:es)?|turns?|leaves?|moves?|goes\s+back|returns?|"
               r"comes\s+home|reaches|is\s+discharged|is\s+released|is\s+due|arrives|is\s+(?:home|back|"
               r"out|better|well)|comes\s+out|gets\s+back)\b", _I),
    re.compile(r"\bpending\s+(?:the\s+)?(?:outcome|result|review|hearing|investigation|"
               r"assessment|decision|trial)\b", _I),
    re.compile(r"\b(?:over|during|throughout|for|across)\s+(?:the\s+)?(?:whole\s+(?:of\s+)?"
               r"(?:the\s+)?)?(?:winter|summer|spring|autumn|fall|(?:autumn|spring|summer)\s+term|"
               r"terms?\s*\d(?:\s+and\s+(?:term\s*)?\d)?)\b", _I),
    re.compile(r"\b(?:all|the\s+whole|the\s+rest|the\s+end)\s+of\s+(?:the\s+)?(?:year|grade|"
               r"term|semester|school\s+year|autumn\s+term|spring\s+term|summer\s+term)"
               r"(?:\s*\d+)?\b", _I),
    re.compile(r"\b(?:over|during|throughout|for)\s+the\s+(?:whole\s+)?(?:summer|christmas|easter|"
               r"school|winter|spring)\s+(?:holidays?|break|term)\b", _I),
    re.compile(r"\b(?:this|the\s+whole|the\s+rest\s+of\s+(?:this|the))\s+(?:school\s+)?"
               r"(?:term|semester|school\s+year)\b", _I),
    re.compile(r"\b(?:until|till|by\s+the\s+time)\s+(?:\w+\s+){0,3}(?:is|are|turns|reaches|starts|"
               r"goes\s+to|leaves)\s+(?:\w+\s+){0,2}?(?:\d{1,2}|one|two|three|four|five|six|"
               r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
               r"eighteen|school|secondary|nursery|college|reception)\b", _I),
    re.compile(rf"\b(?:for|over)\s+(?:the\s+)?(?:whole|entire|rest\s+of\s+the)\s+(?:\w+\s+)?"
               rf"(?:{UNIT}|summer|holidays|year|term)\b", _I),
    re.compile(r"\b(?:between\s+now\s+and|from\s+now\s+(?:until|till|to))\s+", _I),
    re.compile(r"\bby\s+(?:the\s+)?(?:end|start|middle)\s+of\b", _I),
    # "by the 15th"; not "in bed by 9", which is a time of day
    re.compile(r"\bby\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b", _I),
    # "over a minimum period of six months", "random testing x 6 months"
    re.compile(rf"\bperiod\s+of\s+(?:at\s+least\s+)?(?:{NUM}\s+)?{UNIT}\b", _I),
    re.compile(rf"\bx\s?(?:{NUM})\s*{UNIT}\b", _I),
    # "for the duration of the plan", "for the remainder of the academic year"
    re.compile(r"\b(?:for|during)\s+the\s+(?:duration|length|remainder|life)\s+of\b", _I),
    re.compile(r"\b(?:for|over|throughout|during)\s+the\s+(?:whole\s+|rest\s+of\s+the\s+|entire\s+)?"
               r"(?:\w+\s+)?season\b", _I),
    re.compile(rf"\bthrough\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:summer|winter|spring|fall|autumn|"
               rf"calendar\s+year|school\s+year|academic\s+year|year|{MONTH})\b", _I),
    # "reviewed in 3 months", "at the 6-month review"
    re.compile(rf"\bin\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
               rf"{UNIT}(?:'?\s*time)?\b", _I),
    re.compile(r"\bat\s+the\s+(?:\d+|six|three|twelve|nine)[- ](?:week|month)s?\s+(?:review|mark|"
               r"point|check)\b", _I),
]

VAGUE_TIME = re.compile(
    r"\b(?:recently|historically|in\s+the\s+past|at\s+times|sometimes|previously|"
    r"going\s+forward|from\s+now\s+on|in\s+the\s+future|soon|over\s+time|ongoing|"
    r"long[- ]standing|for\s+some\s+time|at\s+some\s+point)\b", _I)

ANCHOR = [
    re.compile(rf"\b(?:on|last|this|next|every|each|most|some)\s+{DAY}s?\b", _I),
    re.compile(rf"\b{DAY}s?\b", _I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\b", _I),
    re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b", _I),
    re.compile(rf"\b(?:in|since|during|by|from|of|between|early|late|mid|last|this|throughout|"
               rf"over|across|until|till|before|after|through)[- ]{MONTH}\b", _I),
    # named days on their own: "spent New Year's Eve alone"
    re.compile(r"\b(?:new\s+year'?s\s+(?:eve|day)|christmas\s+(?:eve|day)|boxing\s+day|"
               r"bonfire\s+night|halloween)\b", _I),
    re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"),
    re.compile(r"\b(?:19|20)\d{2}\b"),
    re.compile(r"\b(?:yesterday|last\s+night|this\s+morning|tonight|this\s+week|"
               r"this\s+weekend|this\s+month|this\s+year|this\s+term)\b", _I),
    re.compile(rf"\blast\s+(?:{UNIT}|summer|winter|spring|autumn|term|christmas|easter|"
               r"half[- ]term|time|year|weekend)\b", _I),
    re.compile(rf"\b(?:{NUM}|twice|once|many|several|numerous)\s+(?:times|occasions|nights|"
               r"days|mornings|evenings|weekends)\b", _I),
    re.compile(r"\b(?:twice|once|three\s+times|four\s+times)\s+(?:a|per|each|this|last)\s+\w+\b",
               _I),
    re.compile(r"\b(?:every|each|most|nearly\s+every|almost\s+every)\s+(?:single\s+)?(?:day|"
               r"night|morning|evening|afternoon|weekend|week|month|time|school\s+day)s?\b", _I),
    re.compile(rf"\b(?:{NUM})\s+{UNIT}\s+ago\b", _I),
    re.compile(rf"\b(?:since|over|for|in|during)\s+(?:the\s+)?(?:last|past|previous)\s+"
               rf"(?:{NUM}\s+)?{UNIT}\b", _I),
    re.compile(rf"\bfor\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|nearly\s+|almost\s+)?"
               rf"(?:{NUM}|\d+)\s+(?:hours?|{UNIT})\b", _I),
    re.compile(r"\b(?:at|around|about|after|before|until)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|"
               r"a\.m\.|p\.m\.|o'clock)?\b", _I),
    re.compile(r"\b(?:at|around|about)\s+(?:midnight|midday|noon|bedtime|teatime|lunchtime)\b",
               _I),
    re.compile(rf"\b(?:in|at|over|during|on)\s+(?:the\s+)?(?:{MONTH}|christmas|easter|"
               r"summer\s+holidays?|half[- ]term|new\s+year)\b", _I),
    re.compile(r"\b(?:on\s+the\s+night\s+of|that\s+night|that\s+evening|that\s+morning|"
               r"the\s+next\s+(?:day|morning)|the\s+following\s+(?:day|morning|week))\b", _I),
    re.compile(rf"\bsince\s+(?:{MONTH}|christmas|easter|the\s+summer|last|\w+\s+(?:was|started))",
               _I),
    re.compile(r"\b(?:in|on|over|during)\s+(?:the\s+)?(?:night|weekend|evening|morning)\s+of\b",
               _I),
    # named days: "on Boxing Day", "at Halloween", "over Eid"
    re.compile(r"\b(?:on|at|over|during|since|before|after)\s+(?:(?:the|his|her|their)\s+)?"
               r"(?:boxing\s+day|christmas\s+(?:day|eve)|new\s+year'?s?\s+(?:day|eve)|"
               r"(?:anzac|australia|canada|labou?r|memorial|mother'?s|father'?s|valentine'?s|"
               r"st\.?\s+patrick'?s|independence|bank\s+holiday)\s+day|bonfire\s+night|"
               r"halloween|thanksgiving|eid|diwali|ramadan|hanukkah|passover|"
               r"(?:his|her|their)\s+(?:\w+\s+)?birthday)\b", _I),
    # seasons and terms: "throughout the autumn term", "in the spring", "over the summer"
    re.compile(r"\b(?:in|during|throughout|over|across|since|all|through)\s+(?:the\s+|this\s+|"
               r"last\s+)?(?:autumn|spring|summer|winter|fall)(?:\s+(?:term|semester|"
               r"holidays?|break|half[- ]term))?\b", _I),
    re.compile(r"\b(?:in|during|throughout|over|across|since)\s+(?:the\s+)?(?:school\s+)?"
               r"(?:holidays?|half[- ]term|term\s*\d)\b", _I),
    # "the week before Christmas", "the night after the party"
    re.compile(r"\bthe\s+(?:day|night|week|weekend|morning|evening)\s+(?:before|after)\s+\w+",
               _I),
    # "since the start of the year", "from the beginning of term"
    re.compile(r"\b(?:since|from|at|by)\s+the\s+(?:start|beginning|end|middle)\s+of\s+"
               r"(?:the\s+|this\s+|last\s+)?\w+",
               _I),
    # an age as the time: "when Noah was 3 weeks old", "at six months old"
    re.compile(rf"\b(?:when\s+\w+\s+was|at)\s+(?:about\s+)?(?:{NUM}|\d+)[- ](?:days?|weeks?|"
               r"months?|years?)[- ]old\b", _I),
    # clock times in notes: "Nurse note 14:30", "at 2245hrs", "5.20pm"; and "today"
    re.compile(r"\b(?:\d{1,2}:\d{2}|\d{1,2}[.:]?\d{2}\s?(?:am|pm|hrs)|\d{4}\s?hrs|today)\b", _I),
    # how often in one word: "uses cannabis daily"
    re.compile(r"\b(?:daily|nightly|weekly|every\s+other\s+(?:day|night|weekend))\b", _I),
    # a count in a period: "twice in the week before", "three times since"
    re.compile(r"\b(?:once|twice|(?:three|four|five|six|\d+)\s+times)\s+(?:in|during|since|over|"
               r"between|on)\s+(?!a\s+while)(?:the\s+)?\w+", _I),
]


def _spans(text: str, patterns: list[re.Pattern[str]]) -> Iterator[Span]:
    seen: set[tuple[int, int]] = set()
    for rx in patterns:
        for m in rx.finditer(text):
            key = (m.start(), m.end())
            if key not in seen:
                seen.add(key)
                yield Span(m.start(), m.end(), m.group(0))


def durations(text: str) -> list[Span]:
    """For how long, or by when: what a safety goal's timeframe needs."""
    return list(_sorted_spans(text, "duration"))


def anchors(text: str) -> list[Span]:
    """When or how often something happened: what a harm statement's time anchor needs."""
    return list(_sorted_spans(text, "anchor"))


@lru_cache(maxsize=64)
def _sorted_spans(text: str, which: str) -> tuple[Span, ...]:
    """Once per text: the kind detector and several criteria ask of the same statement."""
    patterns = DURATION if which == "duration" else ANCHOR
    return tuple(sorted(_spans(text, patterns), key=lambda s: s.start))


def vague_times(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group(0)) for m in VAGUE_TIME.finditer(text)]
