"""Word lists for quote extraction in Norwegian Bokmål news.

Everything here is data: reporting verbs with their inflected forms, the verbs
whose postposed use attributes information ("..., opplyser politiet"), nouns
that announce a title rather than a quote, nouns for institutions and for
unnamed sources, and a small first-name list for pronoun gender. The words the
claims share (reporting verbs, media, unnamed sources, documents) are read from
:mod:`service.nlp.lang.vocabulary`.

>>> CUE_FORMS["sa"]
'si'
>>> "opplyse" in INFO_VERBS
True
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

from service.nlp.lang.vocabulary import forms_to_lemma, news_media, reporting_verbs, word_list

# --------------------------------------------------------------- reporting verbs
# The verbs and their kinds live in lang/data/reporting_verbs.tsv, shared with the claims.


def _lemmas(*kinds: str) -> frozenset[str]:
    return frozenset(verb.lemma for verb in reporting_verbs(*kinds) if not verb.particle)


#: The verbs that may introduce a quote: a statement, a name given, a manner of speaking
#: (not "tallene viser at", where figures are the evidence, nor the document verbs below).
_QUOTE_KINDS = ("speech", "naming", "manner")
_SINGLE_WORD_CUES = tuple(verb for verb in reporting_verbs(*_QUOTE_KINDS) if not verb.particle)

#: Inflected form (lowercase) -> lemma, for single-word reporting verbs.
CUE_FORMS: Mapping[str, str] = MappingProxyType(forms_to_lemma(_SINGLE_WORD_CUES))

#: Inflected form (lowercase) -> (lemma, particle) for particle verbs: "legger til at", "slår fast at".
PARTICLE_CUE_FORMS: Mapping[str, tuple[str, str]] = MappingProxyType({
    form: (verb.lemma, verb.particle)
    for verb in reporting_verbs() if verb.particle
    for form in verb.forms
})

#: "«...», heter det i en uttalelse fra X" / "står det i rapporten": the document is the source.
DOCUMENT_CUE_FORMS: Mapping[str, str] = MappingProxyType(forms_to_lemma(reporting_verbs("document")))

#: Verbs of belief and opinion: a negation does not cancel the report ("tror ikke at").
COGNITION_VERBS: frozenset[str] = _lemmas("cognition")

#: Verbs that take a bare clause without "at" ("mener laget er i rute").
BARE_CLAUSE_VERBS: frozenset[str] = _lemmas("bare_clause")

#: Postposed without quote marks these attribute information: "..., opplyser politiet".
INFO_VERBS: frozenset[str] = _lemmas("information")

#: Verbs attributing a quoted fragment, not a clause: "kaller utspillet «et angrep»".
NAMING_VERBS: frozenset[str] = _lemmas("naming")

#: Verbs that are cues only in the inverted position right after a quote.
PARENTHETICAL_ONLY_VERBS: frozenset[str] = _lemmas("after_quote")

#: Verbs whose "om"/wh-clause is a reported question: "spurte om regjeringen vil ...".
QUESTION_VERBS: frozenset[str] = _lemmas("question")

#: Words opening a reported clause.
COMPLEMENTIZERS: frozenset[str] = frozenset({"at"})
QUESTION_COMPLEMENTIZERS: frozenset[str] = frozenset({
    "om", "hvorfor", "hvordan", "hva", "hvem", "hvor", "når", "hvilke", "hvilken", "hvilket",
})

#: Sentence adverbs that may stand between a cue and its clause.
CUE_ADVERBS: frozenset[str] = frozenset({
    "likevel", "imidlertid", "derimot", "også", "fortsatt", "nå", "dessuten", "heller",
    "tidligere", "selv", "bare", "jo", "nemlig", "klart", "tydelig", "samtidig", "videre",
    "altså", "allerede", "først", "senere", "seinere", "igjen", "overfor", "i", "går",
    "torsdag", "mandag", "tirsdag", "onsdag", "fredag", "lørdag", "søndag",
})

#: Auxiliaries that, before "ha" + participle, make a counterfactual ("skulle ha sagt").
COUNTERFACTUAL_MODALS: frozenset[str] = frozenset({"skulle", "ville", "kunne", "burde", "måtte"})

#: Subordinators that make a pluperfect counterfactual ("hvis hun hadde sagt at").
CONDITIONAL_SUBORDINATORS: frozenset[str] = frozenset({"hvis", "dersom", "om", "viss"})

#: Negations that cancel a speech report ("vil ikke si at").
NEGATIONS: frozenset[str] = frozenset({"ikke", "aldri", "ikkje"})

#: Subjects that never make a speaker outside quotes (generic and first/second person).
NON_SPEAKER_SUBJECTS: frozenset[str] = frozenset({
    "det", "dette", "man", "en", "jeg", "vi", "du", "dere", "meg", "oss", "som", "den", "noe",
    "ingen", "alt", "hva",
})

#: Idioms with a reporting verb that are not speech: "det vil si at", "det sier seg selv".
NON_SPEECH_BIGRAMS: frozenset[tuple[str, str]] = frozenset({
    ("vil", "si"), ("å", "si"), ("sier", "seg"), ("sa", "seg"), ("si", "seg"),
    ("som", "sagt"), ("sagt", "på"), ("sagt", "med"), ("si", "opp"), ("sier", "opp"),
    ("sa", "opp"), ("tro", "på"), ("tror", "på"), ("trodde", "på"), ("melde", "seg"),
    ("melder", "seg"), ("meldte", "seg"), ("skrive", "under"), ("skriver", "under"),
    ("skrev", "under"), ("sies", "at"),
})

# ------------------------------------------------------------------- according to

#: Prepositions attributing content to a source: "ifølge Reuters".
ACCORDING_PREPOSITIONS: frozenset[str] = frozenset(word_list("according_prepositions.txt"))

#: Verbs of "Etter det NTB erfarer," / "Etter hva X kjenner til,".
ACCORDING_CLAUSE_VERBS: frozenset[str] = frozenset({
    "erfarer", "erfarte", "kjenner", "forstår", "får", "fikk", "opplyser", "har",
})

# ------------------------------------------------------------------------ titles

#: Nouns (and naming verbs) that announce a title or name rather than a quote.
SCARE_TRIGGERS: frozenset[str] = frozenset({
    "navn", "navnet", "navnene", "kallenavnet", "tittel", "tittelen", "boka", "boken", "bok",
    "romanen", "roman", "diktsamlingen", "novellesamlingen", "filmen", "film", "serien",
    "serie", "dokumentaren", "dokumentarserien", "tv-serien", "programmet", "program",
    "operasjonen", "operasjon", "aksjonen", "aksjon", "kampanjen", "kampanje", "slagordet",
    "slagord", "prosjektet", "prosjekt", "øvelsen", "øvelse", "albumet", "album", "låten",
    "låta", "sangen", "singelen", "forestillingen", "stykket", "teaterstykket", "spillet",
    "utstillingen", "konseptet", "begrepet", "uttrykket", "ordet", "ord", "saken",
    "merkelappen", "avisen", "avisa", "magasinet", "antologien", "verket", "essayet",
    "artikkelen", "kronikken", "rapporten", "planen", "strategien", "meldingen", "loven",
    "heter", "het", "hette", "kalles", "kaltes", "såkalte", "såkalt", "kalt", "døpt",
    "døpte", "omdøpt", "oppsetningen", "oppsettingen", "skipet", "båten", "fartøyet",
    "partiet", "restauranten", "festivalen", "tidsskriftet", "bloggen", "podkasten",
    "appen", "tjenesten", "modellen", "merket", "stormen", "uværet", "ekstremværet",
})

# ---------------------------------------------------------------------- speakers

#: Personal pronouns as speakers, with the gender they require (None: any).
PRONOUN_GENDER: Mapping[str, str | None] = MappingProxyType({
    "han": "m", "hun": "f", "ho": "f", "de": None,
})

#: Determiners and quantifiers dropped from an unnamed speaker's canonical form.
SPEAKER_DROP_WORDS: frozenset[str] = frozenset({
    "en", "ei", "et", "flere", "mange", "noen", "enkelte", "visse", "begge", "alle",
    "fleste", "ytterligere", "to", "tre", "fire", "fem", "anonym", "anonyme", "navnløs",
    "navnløse", "unavngitt", "unavngitte", "ikke-navngitt", "ikke-navngitte",
})
#: "de fleste" is dropped as a phrase, "ikke navngitt" too.
SPEAKER_DROP_PHRASES: tuple[tuple[str, ...], ...] = (
    ("de", "fleste"), ("ikke", "navngitt"), ("ikke", "navngitte"), ("ikke", "navngitte"),
)

#: Nouns for sources that are unnamed on purpose or by nature (singular and plural forms).
ANONYMOUS_NOUNS: frozenset[str] = frozenset(word_list("anonymous_sources.txt"))

#: Words in a speaker phrase that mark deliberate anonymity.
ANONYMITY_MARKERS: frozenset[str] = frozenset({
    "anonym", "anonyme", "navngitt", "navngitte", "navngis", "navnløs", "unavngitt",
    "identifiseres", "identifisert", "navn",
})

#: Endings of institution nouns: "departementet", "Forsvarsdepartementet", "kommunen".
ORGANISATION_NOUN_STEMS: tuple[str, ...] = (
    "departement", "direktorat", "tilsyn", "etat", "institutt", "selskap", "forbund",
    "forening", "parti", "kommune", "regjering", "myndighet", "politi", "byrå", "avis",
    "kanal", "tjeneste", "vesen", "utvalg", "styre", "ledelse", "jury", "komité", "komite",
    "domstol", "tingrett", "lagmannsrett", "høyesterett", "bank", "universitet", "sykehus",
    "foretak", "organisasjon", "administrasjon", "regime", "medie", "medier", "kirke",
    "familie", "klubb", "hær", "forsvar", "styrke", "konsern", "bedrift", "opposisjon",
    "koalisjon", "allianse", "ministerium", "sekretariat", "råd", "ambassade", "fylke",
    "statsforvalter", "stortinget", "nemnd", "kontor", "senter", "verk", "lag",
    "sammenslutning", "bransjeorganisasjon", "fagforening", "redningstjeneste",
    "brannvesen", "beredskap", "enhet", "sentral", "nettsted", "byrå", "tv-kanal",
    "fjernsyn", "kringkasting", "rederi", "stiftelse", "skole", "militær", "militære",
    "etterretning", "hovedkvarter", "kommando", "påtalemyndighet", "aktorat",
)

#: Generic company nouns resolved to the nearest named organisation ("Selskapet" -> "Equinor").
GENERIC_ORGANISATION_NOUNS: frozenset[str] = frozenset({
    "selskapet", "bedriften", "konsernet", "klubben", "foreningen", "organisasjonen",
    "forbundet", "partiet", "firmaet", "virksomheten", "rederiet", "banken", "stiftelsen",
    "institusjonen", "kjeden",
})

#: News agencies and outlets (lowercase) that relay quotes ("sier X til Reuters").
NEWS_OUTLETS: frozenset[str] = frozenset(name.lower() for name in news_media())

#: Nouns meaning "news agency/outlet", resolved to the last-mentioned outlet.
OUTLET_NOUNS: frozenset[str] = frozenset({
    "nyhetsbyrået", "byrået", "avisen", "avisa", "kanalen", "tv-kanalen", "nettstedet",
})

#: Documents and figures whose source follows "fra": "ifølge tall fra Nav".
DOCUMENT_NOUNS: frozenset[str] = frozenset(word_list("documents.txt"))

#: Kinship and person-descriptor nouns that denote one specific person.
PERSON_NOUNS: frozenset[str] = frozenset({
    "pappa", "pappaen", "mamma", "mammaen", "far", "faren", "mor", "moren", "sønn", "sønnen",
    "datter", "datteren", "bror", "broren", "søster", "søsteren", "kona", "mannen",
    "ektemannen", "kjæresten", "bestefar", "bestemor", "onkel", "tante", "vennen",
    "venninnen", "treneren", "kapteinen", "keeperen", "spissen", "forfatteren",
    "regissøren", "kunstneren", "artisten", "sangeren", "skuespilleren", "utøveren",
    "eieren", "gründeren", "sjåføren", "pasienten", "eleven", "studenten", "læreren",
    "dommeren", "tiltalte", "den tiltalte", "fornærmede", "meteorologen", "legen",
    "politimannen", "betjenten", "journalisten", "fotografen", "bartender",
})

#: Suffix of an age noun ("38-åringen") that refers to a person named before.
AGE_NOUN_SUFFIXES: tuple[str, ...] = ("-åringen", "åringen", "-åring")

# ------------------------------------------------------------------- first names

FEMALE_NAMES: frozenset[str] = frozenset("""
anne inger kari marit ingrid liv eva berit astrid bjørg hilde anna solveig marianne
randi ida nina elisabeth kristin bente heidi silje hanne gerd tone linda monica
camilla ellen grete elin tove ragnhild mari maria turid wenche lene siri sissel
marie kristine julie nora emma sara sofie ingeborg thea emilie ane andrea mia
maren malin karin unni laila synnøve aud reidun torill ruth vigdis hege trine
jorunn gunn bodil stine cecilie kjersti janne jenny helene vibeke tina line mette
else åse guro åsne sylvi erna siv mona trine  tuva frida live ragna signe
kristina katrine karoline caroline henriette benedikte susanne christine kirsten
irene gro marte martine ingvild oda vilde ylva ronja hedda tiril amalie ella
margrethe margaret sigrid dagny borghild liss tonje lise lisa kate susan hillary
angela ursula kamala marine giorgia mette-marit ine ingunn torunn eli eldbjørg
gunhild aslaug ranveig solfrid elise   natalia olena julija yulia
svetlana tatjana irina olga maria-luisa   jennifer sarah elizabeth
hanna johanna ellinor viktoria victoria louise sandra marta agnes ilse helga
greta gudrun monika simone isabel isabelle claire nathalie nadia fatima aisha

""".split())

MALE_NAMES: frozenset[str] = frozenset("""
jan per bjørn ole lars kjell knut arne svein hans geir tor terje morten odd erik
martin andreas john harald rune trond tore jon thomas olav stein rolf nils leif
gunnar anders espen kristian øyvind einar helge jørgen magnus daniel henrik eirik
fredrik tom frode kåre sverre petter christian øystein ivar asbjørn arild vidar
halvor eivind sindre jens steinar håkon torbjørn kjetil atle sigurd tommy dag
sebastian jakob emil noah william oskar lukas filip mathias elias aksel sander
tobias jonas kristoffer simon ola stian vegard marius audun erlend even gaute
hallvard haakon roar roger ronny steffen sigmund svend torstein trygve ulf vebjørn
alexander benjamin adrian isak markus johannes jostein jørn karl kenneth kim
lasse leon mads mikkel nicolai otto peder pål robert runar snorre stig sturla
sveinung tarjei torgeir vemund vetle joe joseph donald barack vladimir volodymyr
dmitrij dmitrij sergej sergei aleksandr alexander mikhail boris viktor oleksij
oleksandr taras andrij emmanuel olaf friedrich recep xi
brian darren peter justin david james antony mark paul michael george william
jean pierre jacques francois mohammed ahmed ali omar hassan abdul
     willy
""".split())
