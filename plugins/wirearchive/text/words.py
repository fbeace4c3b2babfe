"""The commonest words of the site's languages: articles, pronouns, prepositions, auxiliaries,
numbers. A glossary alias equal to one of them would be found in ordinary prose; a slug cut
short does not end on one.
"""

from __future__ import annotations

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
