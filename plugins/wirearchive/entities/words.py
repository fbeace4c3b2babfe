"""Word lists the glossary and the mention finder need, per language.

`COMMON` (from `wirearchive.text.words`) holds the commonest words of the site's languages:
a glossary alias equal to one of them would be found in ordinary prose. `HONORIFICS`
precede a surname (`M. Huang`, `Herr Hamers`).
`SPEECH` are the verbs and phrases that attribute a quotation.
"""

from __future__ import annotations

import re

from ..text.words import ALL_COMMON, COMMON

__all__ = [
    "ALL_COMMON",
    "COMMON",
    "HONORIFICS",
    "HONORIFIC_BEFORE",
    "PRONOUN_SPEAKER",
    "ROLE_AFTER_VERB",
    "SPEECH",
]

HONORIFICS = (
    r"(?:M\.|MM\.|Mme|Mmes|Mlle|Me|Mgr|Dr|Dr\.|Pr|Prof\.|Herr|Herrn|Frau|Mr|Mr\.|Mrs|Mrs\.|Ms|Ms\.|"
    r"Sir|Dame|Lord|Sig\.|Sig\.ra|Dott\.|Ing\.)"
)
HONORIFIC_BEFORE = re.compile(HONORIFICS + r"\s+$")

# Phrases that attribute a quotation to whoever is named right after (or right before) them.
SPEECH_VERBS = (
    # fr
    r"a dit|a déclaré|a affirmé|a assuré|a ajouté|a expliqué|a souligné|a indiqué|a précisé|a "
    r"estimé|a jugé|"
    r"a insisté|a prévenu|a martelé|a lancé|a relevé|a reconnu|a confié|a écrit|a commenté|a noté|"
    r"a averti|"
    r"déclare|affirme|assure|ajoute|explique|souligne|indique|précise|estime|juge|poursuit|selon|"
    r"d'après|"
    r"dit|a-t-il|a-t-elle|"
    # de
    r"sagte|sagt|erklärte|erklärt|betonte|betont|meinte|fügte hinzu|so|laut|zufolge|schrieb|warnte|"
    r"sagte er|"
    r"kündigte an|bezeichnete|nannte|a qualifié|qualifie|called|described|"
    # en
    r"said|says|told|added|explained|stated|noted|wrote|warned|according to|insisted|argued|"
    r"declared|commented"
)
SPEECH = re.compile(r"(?<![\w-])(?:" + SPEECH_VERBS + r")(?![\w-])", re.IGNORECASE)

# A pronoun standing for the speaker: `selon lui`, `a-t-il dit`, `he said`, `sagte er`, `so sie`.
PRONOUN_SPEAKER = re.compile(
    r"(?<![\w-])(?:selon (?:lui|elle)|d'après (?:lui|elle)|pour (?:lui|elle)|"
    r"\w+-t-(?:il|elle)|(?:a|ont|avait)-(?:il|elle)|\w+-(?:il|elle)(?= |$|[.,;!?])|"
    r"(?:he|she) (?:said|says|added|told|explained|noted|wrote|warned)|(?:said|says|added) (?:he|"
    r"she)|"
    r"(?:sagte|sagt|erklärte|betonte|meinte|fügte|schrieb|warnte) (?:er|sie)|so (?:er|sie)|"
    r"(?:ihm|ihr) zufolge)(?![\w-])",
    re.IGNORECASE,
)

# A role standing for the speaker right after a verb of saying: `a déclaré le patron du groupe`.
ROLE_AFTER_VERB = re.compile(
    r"\s*(?:le|la|l'|sa|son|the|its|der|die|dessen|deren)\s+(?:co-?)?(?:patron|patronne|pdg|"
    r"directeur|directrice|"
    r"fondateur|fondatrice|président|présidente|chef|cheffe|responsable|ceo|chief executive|boss|"
    r"founder|chairman|"
    r"chairwoman|president|konzernchef|konzernchefin|chefin|vorstandschef|vorstandschefin|gründer|"
    r"gründerin)\b",
    re.IGNORECASE,
)
