"""Word lists the glossary and the mention finder need, per language.

`COMMON` holds the commonest words of the site's languages (articles, pronouns,
prepositions, auxiliaries, numbers): a glossary alias equal to one of them would be
found in ordinary prose. `HONORIFICS` precede a surname (`M. Huang`, `Herr Hamers`).
`SPEECH` are the verbs and phrases that attribute a quotation.
"""

from __future__ import annotations

import re

_COMMON = {
    "fr": """le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où
        ce cet cette ces son sa ses mon ma mes ton ta tes notre nos votre vos leur leurs il elle
        ils elles on nous vous je tu me te se lui eux y en ne pas plus moins très bien tout tous
        toute toutes avec sans pour par sur sous dans entre vers chez contre depuis pendant
        avant après selon est sont été être avoir a ont été fait faire dit an ans fin mois jour
        jours si comme aussi encore déjà même autre autres un deux trois quatre cinq six sept
        huit neuf dix cent mille premier première tant peu fois lors ici là haut bas grand
        grande nouveau nouvelle mars mai ainsi alors car cas été part reste suite vers voir""",
    "de": """der die das des dem den ein eine einer eines einem einen und oder aber doch sondern
        denn dass daß als wie wenn ob weil mit ohne für von vom zu zum zur bei beim aus auf an am
        im in ins über unter vor nach seit bis durch gegen um er sie es wir ihr ich du man sich
        sein seine ihre ist sind war waren hat haben wird werden wurde nicht auch noch schon nur
        so sehr mehr weniger all alle alles eins zwei drei vier fünf sechs sieben acht neun zehn
        hundert tausend jahr jahre tag mal neu neue hier dort da dann heute gut montag dienstag
        mittwoch donnerstag freitag samstag sonntag januar februar märz juni juli oktober
        dezember""",
    "en": """the a an and or but nor so yet of to in on at by for with from into onto about as than
        that this these those it its he she they we you i me him her them his their our your my
        is are was were be been being has have had do does did will would can could may might
        shall should not no yes all any some more most less one two three four five six seven
        eight nine ten hundred thousand first new year years day days time may march june also
        up down out over under after before since until while who whom whose which what when
        where why how said says son sun su tan monday tuesday wednesday thursday friday saturday
        sunday january february april july august september october november december ceo""",
    "it": """il lo la i gli le un uno una di del della dei delle da dal dalla in nel nella su sul
        sulla per con tra fra e ed o ma che chi cui non più meno come anche già è sono era ha
        hanno essere avere suo sua suoi sue loro questo questa quello quella uno due tre quattro
        cinque sei sette otto nove dieci""",
}
COMMON: dict[str, frozenset[str]] = {
    lang: frozenset(words.split()) for lang, words in _COMMON.items()
}
ALL_COMMON: frozenset[str] = frozenset().union(*COMMON.values())

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
