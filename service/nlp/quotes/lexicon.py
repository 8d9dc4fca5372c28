"""Word lists for quote extraction in Norwegian Bokmål news.

Everything here is data: reporting verbs with their inflected forms, the verbs
whose postposed use attributes information ("..., opplyser politiet"), nouns
that announce a title rather than a quote, nouns for institutions and for
unnamed sources, and a small first-name list for pronoun gender.

>>> CUE_FORMS["sa"]
'si'
>>> "opplyse" in INFO_VERBS
True
"""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

# --------------------------------------------------------------- reporting verbs

#: lemma -> inflected forms (infinitive, present, past, participle variants).
_CONJUGATIONS: dict[str, tuple[str, ...]] = {
    "si": ("si", "sier", "sa", "sagt"),
    "uttale": ("uttale", "uttaler", "uttalte", "uttalt"),
    "fortelle": ("fortelle", "forteller", "fortalte", "fortalt"),
    "skrive": ("skrive", "skriver", "skrev", "skrevet"),
    "opplyse": ("opplyse", "opplyser", "opplyste", "opplyst"),
    "understreke": ("understreke", "understreker", "understreket", "understreka"),
    "påpeke": ("påpeke", "påpeker", "påpekte", "påpekt"),
    "hevde": ("hevde", "hevder", "hevdet", "hevda"),
    "påstå": ("påstå", "påstår", "påsto", "påstod", "påstått"),
    "varsle": ("varsle", "varsler", "varslet", "varsla"),
    "advare": ("advare", "advarer", "advarte", "advart"),
    "konstatere": ("konstatere", "konstaterer", "konstaterte", "konstatert"),
    "fastslå": ("fastslå", "fastslår", "fastslo", "fastslått"),
    "erkjenne": ("erkjenne", "erkjenner", "erkjente", "erkjent"),
    "innrømme": ("innrømme", "innrømmer", "innrømmet", "innrømte", "innrømt"),
    "medgi": ("medgi", "medgir", "medga", "medgav", "medgitt"),
    "bekrefte": ("bekrefte", "bekrefter", "bekreftet", "bekrefta"),
    "avkrefte": ("avkrefte", "avkrefter", "avkreftet", "avkrefta"),
    "avvise": ("avvise", "avviser", "avviste", "avvist"),
    "benekte": ("benekte", "benekter", "benektet", "benekta"),
    "svare": ("svare", "svarer", "svarte", "svart"),
    "spørre": ("spørre", "spør", "spurte", "spurt"),
    "forklare": ("forklare", "forklarer", "forklarte", "forklart"),
    "melde": ("melde", "melder", "meldte", "meldt"),
    "rapportere": ("rapportere", "rapporterer", "rapporterte", "rapportert"),
    "kunngjøre": ("kunngjøre", "kunngjør", "kunngjorde", "kunngjort"),
    "meddele": ("meddele", "meddeler", "meddelte", "meddelt"),
    "informere": ("informere", "informerer", "informerte", "informert"),
    "erfare": ("erfare", "erfarer", "erfarte", "erfart"),
    "love": ("love", "lover", "lovet", "lovte", "lova"),
    "kreve": ("kreve", "krever", "krevde", "krevd"),
    "forsikre": ("forsikre", "forsikrer", "forsikret", "forsikra"),
    "presisere": ("presisere", "presiserer", "presiserte", "presisert"),
    "poengtere": ("poengtere", "poengterer", "poengterte", "poengtert"),
    "framholde": ("framholde", "framholder", "framholdt", "fremholde", "fremholder", "fremholdt"),
    "gjenta": ("gjenta", "gjentar", "gjentok", "gjentatt"),
    "tilføye": ("tilføye", "tilføyer", "tilføyde", "tilføyd"),
    "innvende": ("innvende", "innvender", "innvendte", "innvendt"),
    "mene": ("mene", "mener", "mente", "ment"),
    "tro": ("tro", "tror", "trodde", "trudde", "trodd"),
    "anta": ("anta", "antar", "antok", "antatt"),
    "synes": ("synes", "syntes"),
    "anslå": ("anslå", "anslår", "anslo", "anslått"),
    "konkludere": ("konkludere", "konkluderer", "konkluderte", "konkludert"),
    # verbs that attribute a fragment ("kaller planen «useriøs»")
    "kalle": ("kalle", "kaller", "kalte", "kalt"),
    "beskrive": ("beskrive", "beskriver", "beskrev", "beskrevet"),
    "omtale": ("omtale", "omtaler", "omtalte", "omtalt"),
    "betegne": ("betegne", "betegner", "betegnet", "betegna"),
    "karakterisere": ("karakterisere", "karakteriserer", "karakteriserte", "karakterisert"),
    # manner-of-speaking verbs, cues only right after a quote ("..., smiler hun")
    "fortsette": ("fortsette", "fortsetter", "fortsatte", "fortsatt"),
    "smile": ("smile", "smiler", "smilte", "smilt"),
    "le": ("ler", "lo"),
    "sukke": ("sukke", "sukker", "sukket", "sukka"),
    "utbryte": ("utbryte", "utbryter", "utbrøt", "utbrutt"),
    "rope": ("rope", "roper", "ropte", "ropt"),
    "hviske": ("hviske", "hvisker", "hvisket", "hviska"),
}

#: Particle verbs: lemma -> (forms, particle). "legger til at", "peker på at", "slår fast at".
_PARTICLE_VERBS: dict[str, tuple[tuple[str, ...], str]] = {
    "legge til": (("legge", "legger", "la", "lagt"), "til"),
    "peke på": (("peke", "peker", "pekte", "pekt"), "på"),
    "slå fast": (("slå", "slår", "slo", "slått"), "fast"),
    "vise til": (("vise", "viser", "viste", "vist"), "til"),
}


def _invert(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    return {form: lemma for lemma, forms in table.items() for form in forms}


#: Inflected form (lowercase) -> lemma, for single-word reporting verbs.
CUE_FORMS: Mapping[str, str] = MappingProxyType(_invert(_CONJUGATIONS))

#: Inflected form (lowercase) -> (lemma, particle) for particle verbs.
PARTICLE_CUE_FORMS: Mapping[str, tuple[str, str]] = MappingProxyType({
    form: (lemma, particle)
    for lemma, (forms, particle) in _PARTICLE_VERBS.items()
    for form in forms
})

#: "«...», heter det i en uttalelse fra X" / "står det i rapporten": the document is the source.
DOCUMENT_CUE_FORMS: Mapping[str, str] = MappingProxyType({
    "heter": "hete", "het": "hete", "står": "stå", "sto": "stå", "stod": "stå",
})

#: Verbs of belief and opinion: a negation does not cancel the report ("tror ikke at").
COGNITION_VERBS: frozenset[str] = frozenset({"mene", "tro", "anta", "synes", "anslå"})

#: Verbs that take a bare clause without "at" ("mener laget er i rute").
BARE_CLAUSE_VERBS: frozenset[str] = frozenset({
    "mene", "tro", "anta", "synes", "si", "fortelle", "hevde", "anslå", "forklare",
})

#: Postposed without quote marks these attribute information: "..., opplyser politiet".
INFO_VERBS: frozenset[str] = frozenset({
    "opplyse", "melde", "rapportere", "erfare", "skrive", "kunngjøre", "meddele",
    "informere", "bekrefte", "varsle",
})

#: Verbs attributing a quoted fragment, not a clause: "kaller utspillet «et angrep»".
NAMING_VERBS: frozenset[str] = frozenset({"kalle", "beskrive", "omtale", "betegne", "karakterisere"})

#: Verbs that are cues only in the inverted position right after a quote.
PARENTHETICAL_ONLY_VERBS: frozenset[str] = frozenset({
    "fortsette", "smile", "le", "sukke", "utbryte", "rope", "hviske", "konkludere",
})

#: Verbs whose "om"/wh-clause is a reported question: "spurte om regjeringen vil ...".
QUESTION_VERBS: frozenset[str] = frozenset({"spørre"})

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
ACCORDING_PREPOSITIONS: frozenset[str] = frozenset({"ifølge", "iflg.", "iflg"})

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
ANONYMOUS_NOUNS: frozenset[str] = frozenset({
    "kilde", "kilder", "diplomat", "diplomater", "tjenestemann", "tjenestemenn",
    "embetsmann", "embetsmenn", "offiser", "offiserer", "vitne", "vitner", "ansatt",
    "ansatte", "medarbeider", "medarbeidere", "person", "personer", "mann", "menn",
    "kvinne", "kvinner", "innbygger", "innbyggere", "beboer", "beboere", "nabo", "naboer",
    "ekspert", "eksperter", "analytiker", "analytikere", "kritiker", "kritikere",
    "økonom", "økonomer", "forsker", "forskere", "observatør", "observatører",
    "talsperson", "talspersoner", "talsmann", "talsmenn", "talskvinne", "livvakt",
    "livvakter", "soldat", "soldater", "tilhenger", "tilhengere", "motstander",
    "motstandere", "representant", "representanter", "insider", "insidere", "aktivist",
    "aktivister", "lege", "leger", "politiker", "politikere", "velger", "velgere",
    "asia-ekspert", "asia-eksperter", "mannen", "kvinnen", "personen",
})

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
NEWS_OUTLETS: frozenset[str] = frozenset({
    "ntb", "reuters", "afp", "ap", "associated press", "bloomberg", "tass", "ria novosti",
    "interfax", "xinhua", "ukrinform", "dpa", "tt", "ritzau", "ansa", "efe", "bbc", "cnn",
    "nrk", "tv 2", "vg", "dagbladet", "aftenposten", "dagens næringsliv", "dn",
    "bergens tidende", "adresseavisen", "klassekampen", "financial times", "the guardian",
    "new york times", "the new york times", "washington post", "the washington post",
    "wall street journal", "the wall street journal", "politico", "axios", "al jazeera",
    "le monde", "der spiegel", "bild", "yle", "svt", "dr", "e24", "nettavisen", "vårt land",
    "dagsavisen", "avisen", "nyhetsbyrået", "tmz",
})

#: Nouns meaning "news agency/outlet", resolved to the last-mentioned outlet.
OUTLET_NOUNS: frozenset[str] = frozenset({
    "nyhetsbyrået", "byrået", "avisen", "avisa", "kanalen", "tv-kanalen", "nettstedet",
})

#: Documents and figures whose source follows "fra": "ifølge tall fra Nav".
DOCUMENT_NOUNS: frozenset[str] = frozenset({
    "tall", "tallene", "rapport", "rapporten", "undersøkelse", "undersøkelsen", "anslag",
    "anslaget", "anslagene", "beregning", "beregninger", "beregningene", "statistikk",
    "statistikken", "måling", "målingen", "meningsmåling", "prognose", "prognosen", "oversikt",
    "oversikten", "dokument", "dokumenter", "notat", "notatet", "brev", "brevet",
    "pressemelding", "pressemeldingen", "uttalelse", "uttalelsen", "data",
})

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
