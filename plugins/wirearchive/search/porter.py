"""lunr.js's English stemmer (lunr 2.3.9, `lunr.stemmer`), line for line in Python.

lunr.js answers English queries with its own variant of Porter's algorithm; PyStemmer's
`porter` and lunr.py's stemmer differ from it on everyday words (`says`, `monday`, `buy`),
so the index would hold stems the browser never produces. This port keeps both sides
identical; `tests/browser` checks that against lunr.js itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
STEP3 = {
    "icate": "ic",
    "ative": "",
    "alize": "al",
    "iciti": "ic",
    "ical": "ic",
    "ful": "",
    "ness": "",
}

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = _c + "[^aeiouy]*"
_V = _v + "[aeiou]*"
MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
S_V = re.compile("^(" + _C + ")?" + _v)

RE_1A = re.compile(r"^(.+?)(ss|i)es$")
RE2_1A = re.compile(r"^(.+?)([^s])s$")
RE_1B = re.compile(r"^(.+?)eed$")
RE2_1B = re.compile(r"^(.+?)(ed|ing)$")
RE_1B_2 = re.compile(r".$")
RE2_1B_2 = re.compile(r"(at|bl|iz)$")
RE3_1B_2 = re.compile(r"([^aeiouylsz])\1$")
RE4_1B_2 = re.compile("^" + _C + _v + "[^aeiouwxy]$")
RE_1C = re.compile(r"^(.+?[^aeiou])y$")
RE_2 = re.compile("^(.+?)(" + "|".join(STEP2) + ")$")
RE_3 = re.compile("^(.+?)(" + "|".join(STEP3) + ")$")
RE_4 = re.compile(
    r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$"
)
RE2_4 = re.compile(r"^(.+?)(s|t)(ion)$")
RE_5 = re.compile(r"^(.+?)e$")
RE_5_1 = re.compile(r"ll$")
RE3_5 = re.compile("^" + _C + _v + "[^aeiouwxy]$")


def _drop_last(word: str) -> str:
    return RE_1B_2.sub("", word, count=1)


@lru_cache(maxsize=200_000)
def stem(w: str) -> str:
    """The stem lunr.js gives `w` (a lowercase word)."""
    if len(w) < 3:
        return w
    first = w[0]
    if first == "y":
        w = "Y" + w[1:]

    if (m := RE_1A.search(w)) or (m := RE2_1A.search(w)):
        w = m.group(1) + m.group(2)

    if m := RE_1B.search(w):
        if MGR0.search(m.group(1)):
            w = _drop_last(w)
    elif m := RE2_1B.search(w):
        base = m.group(1)
        if S_V.search(base):
            w = base
            if RE2_1B_2.search(w):
                w += "e"
            elif RE3_1B_2.search(w):
                w = _drop_last(w)
            elif RE4_1B_2.search(w):
                w += "e"

    if m := RE_1C.search(w):
        w = m.group(1) + "i"

    if (m := RE_2.search(w)) and MGR0.search(m.group(1)):
        w = m.group(1) + STEP2[m.group(2)]

    if (m := RE_3.search(w)) and MGR0.search(m.group(1)):
        w = m.group(1) + STEP3[m.group(2)]

    if m := RE_4.search(w):
        if MGR1.search(m.group(1)):
            w = m.group(1)
    elif m := RE2_4.search(w):
        base = m.group(1) + m.group(2)
        if MGR1.search(base):
            w = base

    if m := RE_5.search(w):
        base = m.group(1)
        if MGR1.search(base) or (MEQ1.search(base) and not RE3_5.search(base)):
            w = base

    if RE_5_1.search(w) and MGR1.search(w):
        w = _drop_last(w)

    if first == "y":
        w = "y" + w[1:]
    return w
