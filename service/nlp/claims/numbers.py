"""Norwegian (Bokmål) numerals as written in news copy.

Finds count-like quantities in plain text and returns them with character
offsets, so that ``text[q.start:q.end] == q.text`` always holds::

    >>> [q.text for q in find_quantities(
    ...     "Nesten 100.000 soldater og mellom 1,5 og 2 millioner sivile, "
    ...     "ifølge FN. I 2022 kostet det 3 mrd. kroner.")]
    ['Nesten 100.000', 'mellom 1,5 og 2 millioner']

What is read as a quantity
    * digits, grouped with ``.`` or a space (also U+00A0, U+202F, U+2009):
      ``100.000``, ``1.500.000``, ``100 000``; ungrouped ``5000``; a decimal
      comma, ``1,5``, normally followed by a scale word;
    * scale words after digits or number words: ``tusen``, ``million(er)``,
      ``mill.``, ``mio.``, ``milliard(er)``, ``mrd.``, ``billion(er)`` (10^12);
    * number words, also written together: ``tjuefem``, ``to hundre tusen``,
      ``tohundre``, ``hundre og femti``, ``femten hundre``, ``to tusen og fem``,
      ``halvannen million``, ``en halv million``, ``to og en halv million``,
      ``et par tusen`` (2000, reported as approximate with hedge ``"et par"``);
    * ranges: ``mellom A og B``, ``A–B`` / ``A-B`` / ``A – B``, ``fra A til B``,
      ``A til B``; a scale word on B also applies to A when that makes A < B
      (``mellom 1,5 og 2 millioner`` is 1.5M–2M, ``mellom 500 og 2 millioner``
      is 500–2M);
    * orders of magnitude: ``titalls``, ``hundrevis``, ``tusenvis``,
      ``titusenvis``, ``hundretusenvis``, ``millionvis``, ``titalls tusen``,
      ``flere``/``noen``/``mange`` + ``hundre``/``tusen``/``hundre tusen``/...;
    * a hedge right before a number or range (:data:`HEDGES`) becomes part of
      the span: ``nesten 100.000``, ``i underkant av 5000``, ``ca. 300``.

Decisions
    * A bare ``en``/``ett``/``et``/``ei``/``én`` is never a quantity ("en
      soldat" is an article + noun for claim extraction); these words count
      only before a scale word (``en million``, ``ett tusen``, ``et hundre``),
      inside compounds (``tjueen``, ``tusen og en``) or as the lower end of a
      range that borrows B's scale (``mellom en og to millioner``).
      :func:`parse_number` follows the same rule.
    * Bounds: ``exact`` has ``min == max == value``; ``upper`` hedges set
      ``max = value``, ``lower`` hedges set ``min = value``; ``approximate``
      hedges set only ``value`` (``min``/``max`` are None). Ranges and
      magnitudes have ``value=None`` (no midpoint is invented),
      ``min``/``max`` set and ``bound="range"``; a hedge before a range is kept
      in ``hedge`` but does not change the bounds.
    * Magnitudes span one order of magnitude: ``tusenvis`` is 1000–9999,
      ``titusenvis`` 10.000–99.999, ``hundretusenvis`` 100.000–999.999,
      ``hundrevis``/``hundretalls`` 100–999, ``titalls`` 10–99, ``titalls
      tusen`` 10.000–99.999. "Several" is at least two: ``flere tusen`` is
      2000–9999, ``flere hundre tusen`` 200.000–999.999.
    * Years: an ungrouped four-digit number 1800–2100 without a scale word is a
      year unless a count noun follows within a few adjectives (``2000
      russiske soldater`` is a quantity, ``rundt 2000`` is not). After a year
      word (``i``, ``år``, ``siden``, ``innen``, ``våren``, month names, ...)
      any ungrouped 1000–2100 is a year. A range is a year range only if both
      ends look like years.
    * Never quantities: dates (``15. januar``, ``1.1.2024``, ``2024-02-24``),
      ordinals (``5. plass``, ``2. verdenskrig``), clock times (``14.30``,
      ``14:30``, ``kl. 14``), money (currency word/code/symbol before or
      after, ``5000,-``), percentages, units of measure and of time (``km``,
      ``grader``, ``timer``, ``år``, ...), phone numbers, codes with a leading
      zero, references (``nr. 5``, ``§ 5``, ``artikkel 5``, street numbers),
      names with digits (``F-16``, ``S-400``, ``Covid-19``), hyphen compounds
      (``16-åring``, ``1990-tallet``, ``to-statsløsning``), fractions and
      version numbers, sports scores (``3–1``: two plain numbers below 20
      joined by a dash, unless a count noun follows), year spans
      (``2022–23``), decimals that do not come out as whole numbers (``1,5``
      alone), ``tusen takk``. A spaced dash between two numbers that do not
      make a range is punctuation: ``20 000 soldater – 5000 av dem`` gives
      two numbers.
    * ``noun_start`` skips whitespace after the span; after a magnitude it also
      skips ``av`` (``tusenvis av soldater``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from service.nlp.rules import first_decision

__all__ = [
    "HEDGES",
    "STYLES",
    "Quantity",
    "find_quantities",
    "format_number",
    "parse_number",
]

# --------------------------------------------------------------------------- data

#: Words for "one": numerals only before a scale word or inside a compound.
ONE_WORDS: frozenset[str] = frozenset({"en", "én", "ett", "et", "ei"})

UNITS: dict[str, int] = {
    "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "sju": 7, "syv": 7,
    "åtte": 8, "ni": 9,
}
TEENS: dict[str, int] = {
    "ti": 10, "elleve": 11, "tolv": 12, "tretten": 13, "fjorten": 14,
    "femten": 15, "seksten": 16, "sytten": 17, "atten": 18, "nitten": 19,
}
TENS: dict[str, int] = {
    "tjue": 20, "tyve": 20, "tretti": 30, "tredve": 30, "førti": 40,
    "femti": 50, "seksti": 60, "sytti": 70, "åtti": 80, "nitti": 90,
}


def _small_number_words() -> dict[str, int]:
    words = {**UNITS, **TEENS, **TENS}
    for tens_word, tens in TENS.items():
        for unit_word, unit in {**UNITS, "en": 1, "ett": 1}.items():
            words[tens_word + unit_word] = tens + unit  # "tjuefem", "tjueen"
    return words


#: 2..99 as single words, including the compounds "tjuefem", "trettisju".
SMALL: dict[str, int] = _small_number_words()

HUNDRED = "hundre"

#: Scale words and abbreviations that multiply the number before them.
SCALES: dict[str, int] = {
    "tusen": 10**3,
    "million": 10**6, "millioner": 10**6, "mill": 10**6, "mill.": 10**6,
    "mio": 10**6, "mio.": 10**6,
    "milliard": 10**9, "milliarder": 10**9, "mrd": 10**9, "mrd.": 10**9,
    "billion": 10**12, "billioner": 10**12,
}

_HALF_WORDS: frozenset[str] = frozenset({"halv", "halvt"})
_ONE_AND_A_HALF: frozenset[str] = frozenset({"halvannen", "halvannet"})
_PAIR_WORDS: frozenset[str] = frozenset({"et", "ett"})

#: Pieces a number word written together may be split into ("tohundretusen").
_SEGMENT_VOCAB: frozenset[str] = frozenset(SMALL) | {HUNDRED, "tusen", "og", "ett"}
_MAX_SEGMENT_WORD = 60

#: Order-of-magnitude words: (min, max).
MAGNITUDES: dict[str, tuple[int, int]] = {
    "titalls": (10, 99),
    "hundretalls": (100, 999),
    "tusentalls": (1000, 9999),
    "hundrevis": (100, 999),
    "tusenvis": (1000, 9999),
    "titusenvis": (10_000, 99_999),
    "hundretusenvis": (100_000, 999_999),
    "millionvis": (10**6, 10**7 - 1),
}
#: Magnitude words that take a following scale word ("titalls tusen").
_SCALABLE_MAGNITUDES: frozenset[str] = frozenset({"titalls", "hundretalls", "tusentalls"})
#: "Several" + a power of ten ("flere tusen"): at least two of it.
SEVERAL: frozenset[str] = frozenset({"flere", "noen", "mange"})

#: Hedge phrases (lowercased words) and the bound they put on the number after them.
HEDGES: dict[tuple[str, ...], str] = {
    # upper bound: the true number is at most this
    ("nesten",): "upper", ("snaut",): "upper", ("snaue",): "upper",
    ("snaute",): "upper", ("knapt",): "upper", ("knappe",): "upper",
    ("bortimot",): "upper", ("nærmere",): "upper", ("nær",): "upper",
    ("i", "underkant", "av"): "upper", ("under",): "upper",
    ("godt", "under"): "upper", ("like", "under"): "upper",
    ("litt", "under"): "upper", ("noe", "under"): "upper",
    ("mindre", "enn"): "upper", ("færre", "enn"): "upper",
    ("opp", "mot"): "upper", ("opp", "imot"): "upper", ("oppimot",): "upper",
    ("opp", "til"): "upper", ("opptil",): "upper", ("inntil",): "upper",
    ("maksimalt",): "upper", ("maks",): "upper", ("maks.",): "upper",
    ("høyst",): "upper", ("ikke", "mer", "enn"): "upper",
    ("ikke", "flere", "enn"): "upper", ("på", "det", "meste"): "upper",
    # lower bound: the true number is at least this
    ("over",): "lower", ("godt", "over"): "lower", ("langt", "over"): "lower",
    ("litt", "over"): "lower", ("like", "over"): "lower", ("noe", "over"): "lower",
    ("mer", "enn"): "lower", ("flere", "enn"): "lower",
    ("langt", "flere", "enn"): "lower", ("minst",): "lower",
    ("minimum",): "lower", ("drøyt",): "lower", ("drøye",): "lower",
    ("i", "overkant", "av"): "lower", ("vel",): "lower",
    ("godt", "og", "vel"): "lower", ("ikke", "mindre", "enn"): "lower",
    ("ikke", "færre", "enn"): "lower",
    # approximate
    ("rundt",): "approximate", ("rundt", "regnet"): "approximate",
    ("om", "lag"): "approximate", ("omkring",): "approximate",
    ("cirka",): "approximate", ("ca.",): "approximate", ("ca",): "approximate",
    ("anslagsvis",): "approximate", ("omtrent",): "approximate",
    ("i", "størrelsesorden"): "approximate",
    ("i", "størrelsesordenen"): "approximate",
    ("noe", "sånt", "som"): "approximate", ("grovt", "regnet"): "approximate",
}
_MAX_HEDGE_WORDS = max(len(k) for k in HEDGES)

#: Words right after a number that make it money, a share, a measure or a duration.
FOLLOW_BLOCK: frozenset[str] = frozenset({
    # money
    "kroner", "krone", "kr", "kr.", "kronor", "kronar", "øre", "dollar", "dollars",
    "euro", "euros", "pund", "rubler", "rubel", "hryvnia", "hryvnja",
    "hryvnjaer", "hryvnias", "yen", "yuan", "renminbi", "franc", "rupi", "rupier",
    "lira", "$", "€", "£", "¥", "₽", "₴",
    # shares
    "prosent", "prosenten", "prosentpoeng", "prosentpoengs", "pst", "pst.",
    "promille", "%", "‰",
    # measures
    "km", "kilometer", "kilometers", "meter", "meters", "m", "cm", "mm", "mil",
    "fot", "tommer", "kg", "kilo", "gram", "g", "tonn", "liter", "l", "dl",
    "cl", "ml", "grader", "grad", "°", "mål", "dekar", "hektar", "kvadratmeter",
    "kvadratkilometer", "kvm", "m2", "m²", "km2", "km²", "knop", "mph", "fat",
    "watt", "kw", "mw", "gw", "kwh", "mwh", "gwh", "twh", "megawatt",
    "gigawatt", "volt", "hk", "mb", "gb", "tb", "poeng",
    # durations and ages
    "sekund", "sekunder", "sekundene", "minutt", "minutter", "minuttene",
    "min", "min.", "time", "timer", "timene", "timers", "døgn", "døgnet", "dag",
    "dager", "dagene", "dagers", "uke", "uker", "ukene", "ukers", "måned",
    "måneder", "månedene", "måneders", "mnd", "mnd.", "år", "årene", "års",
    "tiår", "århundre", "århundrer",
    # multipliers and set phrases
    "ganger", "gang", "takk",
})
_FRACTION_RE = re.compile(
    r"(?:tredje|fjerde|femte|sjette|sjuende|syvende|åttende|niende|tiende"
    r"|hundre|tusen)del(?:er|en|ene)?"
)
#: Currency and other codes written in capitals ("NOK 5000", "5000 USD").
CASED_BLOCK: frozenset[str] = frozenset({
    "NOK", "USD", "EUR", "GBP", "SEK", "DKK", "RUB", "UAH", "CHF", "JPY", "CNY",
})
#: Owners before "side" that make it the idiom "på sin side", not a page number.
_SIDE_OWNERS: frozenset[str] = frozenset({"sin", "min", "din", "hans", "hennes", "deres", "vår", "sitt"})
#: Words right before a number that make it a reference, a time or money.
PRE_BLOCK: frozenset[str] = frozenset({
    "nr", "nr.", "nummer", "no.", "§", "§§", "kapittel", "kap", "kap.", "side",
    "s.", "sidene", "artikkel", "art.", "punkt", "pkt.", "paragraf", "versjon",
    "v.", "kl", "kl.", "klokka", "klokken", "tlf", "tlf.", "telefon",
    "telefonnummer", "mobil", "postboks", "rom", "linje", "rute", "spor", "uke",
    "runde", "etappe", "episode", "bind", "vers", "#", "$", "€", "£", "¥", "₽",
    "₴", "kr", "kr.", "gate", "gata", "vei", "veien", "veg", "vegen", "allé",
})
_STREET_RE = re.compile(
    r"[A-ZÆØÅ]\w*(?:gata|gaten|gate|veien|vei|vegen|veg|plass|allé|alle"
    r"|torget|torg|bakken|stien|kaia|brygga|brygge)"
)
#: Words after which a four-digit number is a year.
YEAR_CONTEXT: frozenset[str] = frozenset({
    "i", "år", "året", "siden", "innen", "før", "etter", "fram", "frem",
    "medio", "primo", "ultimo", "våren", "høsten", "sommeren", "vinteren",
    "vår", "høst", "sommer", "vinter", "julen", "påsken",
    "januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "desember", "jan.", "feb.", "mar.",
    "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "okt.", "nov.", "des.",
})
_YEAR_MIN, _YEAR_MAX = 1800, 2100
_YEAR_CONTEXT_MIN = 1000
#: Starts of nouns that are counted (a year is rarely followed by one).
COUNT_NOUN_STEMS: tuple[str, ...] = (
    "soldat", "tropp", "mann", "menn", "person", "mennesk", "sivil",
    "innbygger", "flyktning", "barn", "kvinn", "fange", "offiser",
    "vernepliktig", "reservist", "rekrutt", "styrke", "stridend", "drept",
    "død", "såred", "såret", "skadd", "savn", "omkom", "evakuert", "ansatt",
    "deltaker", "demonstrant", "elev", "student", "pasient", "migrant",
    "asylsøker", "tilskuer", "velger", "medlem", "arbeider", "kjøretøy",
    "stridsvogn", "panservogn", "tanks", "fly", "helikopter", "drone", "rakett",
    "missil", "granat", "kanon", "haubits", "skip", "fartøy", "ubåt", "hus",
    "bolig", "bygning", "liv", "tilfelle", "smittet", "politi", "jeger",
    "våpen", "bombe",
)
#: Words that may stand between a number and its count noun.
_NOUN_GAP_WORDS: frozenset[str] = frozenset({
    "av", "de", "dem", "disse", "ekstra", "flere", "og", "mer",
})
_MAX_NOUN_GAP = 4

STYLES: tuple[str, ...] = ("dot", "space", "nbsp", "thin", "thinspace", "plain", "words")
_GROUP_SEPARATORS: dict[str, str] = {
    "dot": ".", "space": " ", "nbsp": "\u00a0", "thin": "\u202f", "thinspace": "\u2009",
}

# ------------------------------------------------------------------- tokenizer

_SEP = "[ \u00a0\u202f\u2009]"
_TOKEN_RE = re.compile(
    rf"""
    (?P<junk>                                      # never quantities
        \+[0-9]{{1,3}}(?:{_SEP}?[0-9]{{2,4}}){{2,5}}(?![0-9])      # +47 22 03 45 00
      | [0-9]{{2}}(?:{_SEP}[0-9]{{2}}){{3}}(?![0-9]|[.,][0-9])     # 22 03 45 00
      | [0-9]{{3}}{_SEP}[0-9]{{2}}{_SEP}[0-9]{{3}}(?![0-9]|[.,][0-9])  # 900 12 345
      | [0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}(?![0-9])                 # 2024-02-24
      | [0-9]{{1,2}}\.[0-9]{{1,2}}\.(?:[0-9]{{2,4}})?(?![0-9])    # 1.1.2024, 24.02.
      | [^\W\d_]+-[0-9][\w-]*                                    # F-16, Covid-19
    )
  | (?P<num>(?<!\w)(?>
        [0-9]{{1,3}}(?:\.[0-9]{{3}})+(?:,[0-9]+)?                  # 1.500.000
      | [0-9]{{1,3}}(?:{_SEP}[0-9]{{3}})+(?:,[0-9]+)?              # 100 000
      | [0-9]+(?:,[0-9]+)?                                       # 5000, 1,5
    )(?!\w|[.,:/][0-9]|-[^\W\d_]))
  | (?P<blob>[0-9][\w.,:/]*)                       # 14.30, 3.11.2, 1/3, 16(-åring)
  | (?P<abbr>(?i:mill|mrd|mio|ca|kr|nr|kl|pst|kap|art|tlf|maks|mnd|pkt|min
               |jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|des|no|s|v)\.)
  | (?P<word>[^\W\d_]\w*)
  | (?P<dash>[-\u2010\u2011\u2012\u2013\u2014\u2212])
  | (?P<other>\S)
    """,
    re.VERBOSE,
)
_DIGIT_SEPARATORS_RE = re.compile(r"[.\u00a0\u202f\u2009 ]")
_PLAIN_INT_RE = re.compile(r"[0-9]{1,4}")
_AFTER_MAGNITUDE_RE = re.compile(r"av\s+", re.IGNORECASE)

# ------------------------------------------------------------------ public API


@dataclass(frozen=True)
class Quantity:
    """A count-like quantity found in a text.

    ``text == body[start:end]`` and includes a hedge ("nesten 100.000") and the
    words of a range ("mellom 90.000 og 100.000").

    >>> q, = find_quantities("Over 2 mill. mennesker har flyktet.")
    >>> q.text, q.value, q.min, q.max, q.hedge, q.bound, q.kind
    ('Over 2 mill.', 2000000.0, 2000000.0, None, 'Over', 'lower', 'number')
    >>> q, = find_quantities("Tusenvis av soldater")
    >>> q.kind, q.min, q.max, q.value, "Tusenvis av soldater"[q.noun_start:]
    ('magnitude', 1000.0, 9999.0, None, 'soldater')
    """

    text: str
    start: int
    end: int
    value: float | None
    """Point value; None for ranges and magnitudes."""
    min: float | None
    max: float | None
    hedge: str | None
    """The hedge as written ("nesten", "i underkant av", "et par")."""
    bound: str | None
    """"exact", "upper", "lower", "approximate" or "range"."""
    kind: str
    """"number", "range" or "magnitude"."""
    noun_start: int
    """Offset after the span and its following whitespace (and "av" after a magnitude)."""


def find_quantities(text: str) -> list[Quantity]:
    """All count-like quantities in ``text``, left to right, non-overlapping.

    >>> [(q.text, q.min, q.max) for q in find_quantities(
    ...     "Mellom 90.000 og 100.000 soldater, mot 3–1 i fjor.")]
    [('Mellom 90.000 og 100.000', 90000.0, 100000.0)]
    >>> find_quantities("Våren 2023 kostet det 500 millioner dollar, 40 prosent mer.")
    []
    """
    return _Scanner(text).quantities()


def parse_number(text: str) -> float | None:
    """The value of ``text`` if it is one numeral expression, else None.

    >>> parse_number("1,5 millioner"), parse_number("to hundre tusen")
    (1500000.0, 200000.0)
    >>> parse_number("100\u00a0000"), parse_number("halvannen million")
    (100000.0, 1500000.0)
    >>> parse_number("en") is None, parse_number("nesten 100") is None
    (True, True)
    """
    scanner = _Scanner(text)
    if not scanner.n:
        return None
    num = scanner.numeral(0)
    if num is None or num.end != scanner.n or num.partial:
        return None
    return float(num.value)


def format_number(value: int, style: str) -> str:
    """Write a whole number the way Norwegian news copy does.

    Styles: ``"dot"`` (100.000), ``"space"`` (100 000), ``"nbsp"`` (U+00A0),
    ``"thin"`` (U+202F narrow no-break space), ``"thinspace"`` (U+2009),
    ``"plain"`` (5000) and ``"words"`` (tjue tusen). Numbers below 1000 are
    never grouped. ``"words"`` covers 2 up to 10^12 - 1; 0 and 1 have no word
    form that :func:`find_quantities` would read as a count, so they raise
    ValueError.

    >>> format_number(1500000, "dot"), format_number(20000, "words")
    ('1.500.000', 'tjue tusen')
    >>> format_number(125305, "words")
    'hundre og tjuefem tusen tre hundre og fem'
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"value must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError("value must not be negative")
    if style == "words":
        return _number_words(value)
    if style == "plain" or (style in _GROUP_SEPARATORS and value < 1000):
        return str(value)
    if style not in _GROUP_SEPARATORS:
        raise ValueError(f"unknown style {style!r}; expected one of {STYLES}")
    return f"{value:,}".replace(",", _GROUP_SEPARATORS[style])


# ------------------------------------------------------------------- internals


@dataclass(frozen=True)
class _Tok:
    kind: str  # junk | num | blob | abbr | word | dash | other
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Num:
    """One numeral: ``value == raw * scale`` when a scale word ends it."""

    value: Decimal
    raw: Decimal
    scale: int | None
    start: int  # sub-token index
    end: int  # sub-token index, exclusive
    digits: str | None = None  # the digit token, for digit numerals
    approx: tuple[int, int] | None = None  # sub-token span of "et par"
    partial: bool = False  # needs a scale from the other end of a range

    @property
    def year_like(self) -> bool:
        return (self.digits is not None and self.scale is None
                and len(self.digits) == 4 and self.digits.isdigit()
                and _YEAR_CONTEXT_MIN <= self.value <= _YEAR_MAX)

    @property
    def small_int(self) -> bool:
        return (self.digits is not None and self.scale is None
                and len(self.digits) <= 2 and self.digits.isdigit() and self.value < 20)


@dataclass(frozen=True)
class _Group:
    """A number below 1000 (or a multiplier such as "halvannen")."""

    value: Decimal
    end: int
    is_one: bool = False
    needs_scale: bool = False
    approx: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Match:
    kind: str  # number | range | magnitude
    start: int
    end: int
    value: Decimal | None = None
    lo: Decimal | None = None
    hi: Decimal | None = None
    parts: tuple[_Num, ...] = ()
    approx: tuple[int, int] | None = None
    drop: bool = False  # consumed, but not a quantity (a score, a compound)


@dataclass
class _Reading:
    """A numeral in words as far as it has been read: its groups, running total and end."""

    start: int
    end: int = -1
    total: Decimal = Decimal(0)
    groups: list[tuple[Decimal, int | None]] = field(default_factory=list)
    last_scale: int | None = None
    approx: tuple[int, int] | None = None
    partial: bool = False

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = self.start


@dataclass(frozen=True)
class _At:
    """A sub-token position in a scanned text, the subject of the group rules."""

    scanner: _Scanner
    j: int

    def word(self, offset: int = 0) -> str:
        return self.scanner.at(self.j + offset)


@dataclass(frozen=True)
class _Dash:
    """A dash right after a numeral, the subject of the dash rules."""

    scanner: _Scanner
    a: _Num  # the numeral before the dash
    dash: _Tok
    left_end: int  # where the token before the dash ends
    after: _Tok | None  # the token after the dash
    b: _Num | None  # the numeral after the dash

    @property
    def glued_right(self) -> bool:
        return self.after is not None and self.after.start == self.dash.end


@lru_cache(maxsize=4096)
def _segment(word: str) -> tuple[str, ...] | None:
    """Split a number word written together: "tohundretusen" -> to, hundre, tusen."""
    if word in _SEGMENT_VOCAB:
        return (word,)
    if len(word) > _MAX_SEGMENT_WORD:
        return None
    for cut in range(len(word) - 1, 1, -1):
        head = word[:cut]
        if head in _SEGMENT_VOCAB:
            rest = _segment(word[cut:])
            if rest:
                return (head, *rest)
    return None


def _unit_value(word: str) -> int | None:
    return 1 if word in ONE_WORDS else SMALL.get(word)


def _is_count_noun(word: str) -> bool:
    return any(word.startswith(s) or (len(s) >= 4 and s in word) for s in COUNT_NOUN_STEMS)


def _is_integral(value: Decimal | None) -> bool:
    return value is None or value == value.to_integral_value()


class _Scanner:
    """Tokens of one text, split further into sub-tokens for number compounds."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = self._tokenize(text)
        self.w: list[str] = []  # lowercased sub-token text ("#" for digits)
        self.tix: list[int] = []  # sub-token -> token index
        self.first: list[bool] = []
        self.last: list[bool] = []
        for k, tok in enumerate(self.toks):
            if tok.kind == "word":
                low = tok.text.lower()
                pieces = _segment(low) or (low,)
            elif tok.kind == "num":
                pieces = ("#",)
            elif tok.kind == "abbr":
                pieces = (tok.text.lower(),)
            else:
                pieces = (tok.text,)
            for p, piece in enumerate(pieces):
                self.w.append(piece)
                self.tix.append(k)
                self.first.append(p == 0)
                self.last.append(p == len(pieces) - 1)
        self.n = len(self.w)

    @staticmethod
    def _tokenize(text: str) -> list[_Tok]:
        toks = [_Tok(m.lastgroup or "other", m.group(), m.start(), m.end())
                for m in _TOKEN_RE.finditer(text)]
        for k, tok in enumerate(toks[:-2]):  # ordinals: "5. plass", "2.verdenskrig"
            dot, after = toks[k + 1], toks[k + 2]
            if (tok.kind == "num" and _PLAIN_INT_RE.fullmatch(tok.text)
                    and dot.text == "." and dot.start == tok.end
                    and (after.kind in ("num", "blob", "junk")
                         or (after.kind in ("word", "abbr") and after.text[0].islower()))):
                toks[k] = replace(tok, kind="junk")
        return toks

    # ------------------------------------------------------------ helpers

    def at(self, i: int) -> str:
        return self.w[i] if 0 <= i < self.n else ""

    def whole(self, i: int) -> bool:
        """Sub-token ``i`` is a whole token."""
        return 0 <= i < self.n and self.first[i] and self.last[i]

    def tok(self, i: int) -> _Tok:
        return self.toks[self.tix[i]]

    def kind(self, i: int) -> str:
        return self.tok(i).kind if 0 <= i < self.n else ""

    def scale_at(self, i: int) -> int | None:
        return SCALES.get(self.w[i]) if self.whole(i) else None

    def prev_token(self, i: int) -> _Tok | None:
        t = self.tix[i] - 1
        return self.toks[t] if t >= 0 else None

    def next_token_index(self, i: int) -> int:
        return self.tix[i] if i < self.n else len(self.toks)

    # ------------------------------------------------------------ numerals

    def numeral(self, i: int, allow_og: bool = True, partial_ok: bool = False) -> _Num | None:
        """The numeral starting at sub-token ``i`` (a token start), if any."""
        if not (0 <= i < self.n and self.first[i]):
            return None
        kind = self.kind(i)
        if kind == "num":
            return self._digit_numeral(i, allow_og)
        if kind == "word":
            return self._word_numeral(i, allow_og, partial_ok)
        return None

    def _half_before_scale(self, j: int, allow_og: bool) -> int:
        """Length of "og en halv" at ``j`` when a scale word follows, else 0."""
        if (allow_og and self.at(j) == "og" and self.at(j + 1) in ONE_WORDS
                and self.at(j + 2) in _HALF_WORDS and self.scale_at(j + 3)):
            return 3
        return 0

    def _digit_numeral(self, i: int, allow_og: bool) -> _Num | None:
        digits = self.tok(i).text
        if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
            return None  # a code such as "007"
        raw = Decimal(_DIGIT_SEPARATORS_RE.sub("", digits).replace(",", "."))
        j = i + 1
        half = self._half_before_scale(j, allow_og)
        if half:
            raw += Decimal("0.5")
            j += half
        scale = self.scale_at(j)
        if scale is None:
            return _Num(raw, raw, None, i, j, digits=digits)
        return _Num(raw * scale, raw, scale, i, j + 1, digits=digits)

    def _group(self, j: int, allow_og: bool, leading: bool) -> _Group | None:
        """A number below 1000 at sub-token ``j``: "to hundre og tjuefem", "tolv"."""
        if leading and self.at(j) in LEADING_GROUP_OPENERS:  # a fraction or "et par" opens a numeral only
            found = first_decision(LEADING_GROUP_RULES, _At(self, j))
            if found is not None:
                return found
        return self._plain_group(j, allow_og)

    def _plain_group(self, j: int, allow_og: bool) -> _Group | None:
        """A unit word ("tolv") or a hundreds group ("to hundre og tjuefem") at ``j``."""
        word = self.at(j)
        unit = _unit_value(word)
        if word == HUNDRED:
            hundreds, k = 1, j + 1
        elif unit is not None and unit < 20 and self.at(j + 1) == HUNDRED:
            hundreds, k = unit, j + 2
        elif unit is not None:
            return _Group(Decimal(unit), j + 1, is_one=word in ONE_WORDS)
        else:
            return None
        return self._after_hundred(hundreds * 100, k, allow_og)

    def _after_hundred(self, value: int, k: int, allow_og: bool) -> _Group:
        """The hundreds ``value`` ending before ``k`` with the tens and units that follow it."""
        rest = _unit_value(self.at(k + 1))
        if allow_og and self.at(k) == "og" and rest is not None and self.at(k + 2) != HUNDRED:
            value, k = value + rest, k + 2  # "hundre og en", "to hundre og tjuefem"
        elif self.at(k) in SMALL and self.at(k + 1) != HUNDRED:
            value, k = value + SMALL[self.at(k)], k + 1  # "to hundre tjuefem"
        return _Group(Decimal(value), k)

    def _word_numeral(self, i: int, allow_og: bool, partial_ok: bool) -> _Num | None:
        """The numeral written in words from ``i``: groups with falling scales, "to millioner tre hundre tusen"."""
        read = _Reading(i)
        while self._read_group(read, allow_og, partial_ok):
            pass
        return self._read_numeral(read)

    def _read_group(self, read: _Reading, allow_og: bool, partial_ok: bool) -> bool:
        """Read the next group into ``read``; whether a further group may follow."""
        group = self._group(read.end, allow_og, leading=not read.groups)
        if group is None and self.at(read.end) == "tusen" and (read.last_scale or 10**4) > 1000:
            group = _Group(Decimal(1), read.end)  # bare "tusen"
        if group is None:
            return False
        end, multiplier = group.end, group.value
        half = self._half_before_scale(end, allow_og)
        if half:
            multiplier, end = multiplier + Decimal("0.5"), end + half
        scale = SCALES.get(self.at(end))  # may be a piece of "titusen"
        if scale is not None and (read.last_scale is None or scale < read.last_scale):
            read.total += multiplier * scale
            read.groups.append((multiplier, scale))
            read.last_scale, read.end = scale, end + 1
            read.approx = read.approx or group.approx
            return not self._read_tail_after_og(read, allow_og)
        if not half:
            self._read_last_group(read, group, partial_ok)
        return False

    def _read_tail_after_og(self, read: _Reading, allow_og: bool) -> bool:
        """Read a last group after "og" ("to tusen og fem") into ``read``; whether there was one."""
        if not (allow_og and self.at(read.end) == "og"):
            return False
        tail = self._group(read.end + 1, allow_og, leading=False)
        if tail is None or self.at(tail.end) in SCALES:
            return False
        read.total += tail.value
        read.end = tail.end
        return True

    @staticmethod
    def _read_last_group(read: _Reading, group: _Group, partial_ok: bool) -> None:
        """Add a group without a scale, which ends the numeral, to ``read``."""
        if group.needs_scale or group.is_one:
            if read.groups or not partial_ok:
                return  # "to millioner en gang": the article is not counted
            read.partial = True
        read.total += group.value
        read.groups.append((group.value, None))
        read.approx = read.approx or group.approx  # "et par hundre" is about 200
        read.end = group.end

    def _read_numeral(self, read: _Reading) -> _Num | None:
        """The numeral ``read`` holds, if it ends at a token end; "tusen millioner" multiplies."""
        if not read.groups or not self.last[read.end - 1]:
            return None
        total, groups, last_scale, j = read.total, read.groups, read.last_scale, read.end
        larger = self.scale_at(j)
        if len(groups) == 1 and last_scale and larger and larger > last_scale:
            total, last_scale, j = total * larger, last_scale * larger, j + 1  # "tusen millioner"
            groups = [(groups[0][0], last_scale)]
        raw, scale = groups[0] if len(groups) == 1 else (total, None)
        return _Num(total, raw, scale, read.start, j, approx=read.approx, partial=read.partial)

    # ------------------------------------------------------------ matching

    def quantities(self) -> list[Quantity]:
        found: list[Quantity] = []
        i = 0
        while i < self.n:
            if not self.first[i]:
                i += 1
                continue
            hedge_end = self._hedge(i)
            match = self._core(hedge_end if hedge_end is not None else i)
            if match is None:
                i += 1
                continue
            quantity = self._finish(match, i if hedge_end is not None else None)
            if quantity is not None:
                found.append(quantity)
            i = match.end
        return found

    def _hedge(self, i: int) -> int | None:
        """End of the hedge phrase starting at ``i``, if one does."""
        for size in range(_MAX_HEDGE_WORDS, 0, -1):
            if all(self.whole(k) for k in range(i, i + size)):
                if tuple(self.w[i:i + size]) in HEDGES:
                    return i + size
        return None

    def _core(self, j: int) -> _Match | None:
        word = self.at(j) if self.whole(j) else ""
        if word == "mellom":
            return self._between(j)
        if word == "fra":
            return self._from_to(j)
        magnitude = self._magnitude(j)
        if magnitude is not None:
            return magnitude
        a = self.numeral(j, partial_ok=True)
        return None if a is None else self._point_or_range(a)

    def _between(self, j: int) -> _Match | None:
        """"mellom A og B"; tries A with and without its own "og", keeps the longest."""
        best: _Match | None = None
        for allow_og in (False, True):
            a = self.numeral(j + 1, allow_og=allow_og, partial_ok=True)
            if a is None or not (self.whole(a.end) and self.at(a.end) == "og"):
                continue
            b = self.numeral(a.end + 1)
            if b is None:
                continue
            found = self._range(a, b, j, dash=False)
            if found is not None and (best is None or found.end > best.end):
                best = found
        return best

    def _from_to(self, j: int) -> _Match | None:
        a = self.numeral(j + 1, partial_ok=True)
        if a is None or not (self.whole(a.end) and self.at(a.end) == "til"):
            return None
        b = self.numeral(a.end + 1)
        return None if b is None else self._range(a, b, j, dash=False)

    def _point_or_range(self, a: _Num) -> _Match | None:
        """What starts with numeral ``a``: a range ("3000 til 4000", "3–4000"), a dropped
        score or compound ("3–1", "2-0-seier"), or the number itself."""
        k = a.end
        found = None
        if self.kind(k) == "dash":
            found = first_decision(DASH_RULES, self._dash_after(a))
        elif self.whole(k) and self.at(k) == "til":
            b = self.numeral(k + 1)
            found = None if b is None else self._range(a, b, a.start, dash=False)
        if found is not None:
            return found
        if a.partial:
            return None
        return _Match("number", a.start, a.end, value=a.value, parts=(a,), approx=a.approx)

    def _dash_after(self, a: _Num) -> _Dash:
        """The dash at the end of numeral ``a``, the subject of the dash rules."""
        k = a.end
        after_index = self.tix[k] + 1
        return _Dash(self, a, self.tok(k), self.tok(k - 1).end,
                     self.toks[after_index] if after_index < len(self.toks) else None,
                     self.numeral(k + 1))

    def _range(self, a: _Num, b: _Num, start: int, dash: bool) -> _Match | None:
        lo, hi = a.value, b.value
        if b.partial:
            return None
        if b.scale is not None and a.scale is None and a.raw * b.scale < hi:
            lo = a.raw * b.scale  # "mellom 1,5 og 2 millioner"
        elif a.partial:
            return None
        if not lo < hi:
            return None
        if dash and a.small_int and b.small_int and not self._count_noun_after(b.end):
            return None  # a score: "3–1", "2-4"
        return _Match("range", start, b.end, lo=lo, hi=hi, parts=(a, b))

    def _magnitude(self, j: int) -> _Match | None:
        if not self.whole(j):
            return None
        word = self.w[j]
        if word in MAGNITUDES:
            lo, hi = MAGNITUDES[word]
            end = j + 1
            scale = self.scale_at(end)
            if word in _SCALABLE_MAGNITUDES and scale:
                lo, hi, end = lo * scale, (hi + 1) * scale - 1, end + 1
            return _Match("magnitude", j, end, lo=Decimal(lo), hi=Decimal(hi))
        if word in SEVERAL:
            power: Decimal | None = None
            scale = self.scale_at(j + 1)
            if scale is not None:  # "flere millioner"
                power, end = Decimal(scale), j + 2
            else:
                num = self.numeral(j + 1)
                if num is not None and num.digits is None and num.approx is None:
                    power, end = num.value, num.end
            if power is not None and power >= 100 and _is_power_of_ten(power):
                return _Match("magnitude", j, end, lo=2 * power, hi=10 * power - 1)
        return None

    # ------------------------------------------------------------ filters

    def _finish(self, match: _Match, hedge_start: int | None) -> Quantity | None:
        if match.drop:
            return None
        span_start = match.start if hedge_start is None else hedge_start
        start = self.tok(span_start).start
        end = self.tok(match.end - 1).end
        if self._blocked_after(match.end, end):
            return None
        if self._blocked_before(span_start) or self._blocked_before(match.start):
            return None
        if self._is_year(match, span_start):
            return None
        if not all(_is_integral(v) for v in (match.value, match.lo, match.hi)):
            return None
        if self._glued_to_dash_before(span_start):
            return None  # "FN-tre", "S-400" written with a dash
        hedge = bound = None
        if hedge_start is not None:
            hedge = self.text[start:self.toks[self.tix[match.start] - 1].end]
            bound = HEDGES[tuple(self.w[hedge_start:match.start])]
        elif match.approx is not None:
            a, b = match.approx
            hedge = self.text[self.tok(a).start:self.tok(b - 1).end]
            bound = "approximate"
        value = lo = hi = None
        if match.kind == "number":
            value = float(match.value)  # type: ignore[arg-type]
            bound = bound or "exact"
            lo = value if bound in ("exact", "lower") else None
            hi = value if bound in ("exact", "upper") else None
        else:
            lo, hi, bound = float(match.lo), float(match.hi), "range"  # type: ignore[arg-type]
        return Quantity(
            text=self.text[start:end], start=start, end=end, value=value,
            min=lo, max=hi, hedge=hedge, bound=bound, kind=match.kind,
            noun_start=self._noun_start(end, match.kind),
        )

    def _glued_to_dash_before(self, i: int) -> bool:
        """A number right after a word and a dash ("FN-tre") is part of a compound."""
        t = self.tix[i]
        if t < 2:
            return False
        dash, word = self.toks[t - 1], self.toks[t - 2]
        return (dash.kind == "dash" and dash.end == self.toks[t].start
                and word.kind == "word" and word.end == dash.start)

    def _blocked_after(self, end_sub: int, end: int) -> bool:
        if self.text.startswith(",-", end):
            return True  # "5000,-"
        if end_sub >= self.n:
            return False
        nxt = self.tok(end_sub)
        low = nxt.text.lower()
        return (nxt.text in CASED_BLOCK or low in FOLLOW_BLOCK
                or _FRACTION_RE.fullmatch(low) is not None)

    def _blocked_before(self, i: int) -> bool:
        prev = self.prev_token(i)
        if prev is None:
            return False
        if prev.text.lower() == "side":
            t = self.tix[i] - 2
            if t >= 0 and self.toks[t].text.lower() in _SIDE_OWNERS:
                return False  # "Uganda har på sin side 4.000 soldater": not a page
        return (prev.text in CASED_BLOCK or prev.text.lower() in PRE_BLOCK
                or _STREET_RE.fullmatch(prev.text) is not None)

    def _is_year(self, match: _Match, span_start: int) -> bool:
        years = [p for p in match.parts if p.year_like]
        if not years or len(years) < len(match.parts):
            return False
        before = {t.text.lower() for t in (self.prev_token(span_start),
                                           self.prev_token(match.start)) if t is not None}
        if before & YEAR_CONTEXT:
            return True
        return (all(_YEAR_MIN <= p.value <= _YEAR_MAX for p in years)
                and not self._count_noun_after(match.end))

    def _count_noun_after(self, end_sub: int) -> bool:
        t = self.next_token_index(end_sub)
        for tok in self.toks[t:t + _MAX_NOUN_GAP]:
            if tok.kind != "word":
                return False
            low = tok.text.lower()
            if _is_count_noun(low):
                return True
            adjective = len(low) > 2 and low.endswith("e") and tok.text.islower()
            if not (adjective or low in _NOUN_GAP_WORDS):
                return False
        return False

    def _noun_start(self, end: int, kind: str) -> int:
        pos = end
        while pos < len(self.text) and self.text[pos].isspace():
            pos += 1
        if kind == "magnitude":
            after = _AFTER_MAGNITUDE_RE.match(self.text, pos)
            if after is not None:
                pos = after.end()
        return pos



# ------------------------------------------------------------ group rules

def _one_and_a_half(at: _At) -> _Group | None:
    """"halvannen million": one and a half, wanting a scale."""
    return _Group(Decimal("1.5"), at.j + 1, needs_scale=True) if at.word() in _ONE_AND_A_HALF else None


def _a_half(at: _At) -> _Group | None:
    """"en halv million": a half, wanting a scale."""
    if at.word() in ONE_WORDS and at.word(1) in _HALF_WORDS:
        return _Group(Decimal("0.5"), at.j + 2, needs_scale=True)
    return None


def _a_quarter(at: _At) -> _Group | None:
    """"en kvart million": a quarter, wanting a scale."""
    if at.word() in ONE_WORDS and at.word(1) == "kvart":
        return _Group(Decimal("0.25"), at.j + 2, needs_scale=True)
    return None


def _a_couple(at: _At) -> _Group | None:
    """"et par hundre" is about 200, "et par tusen" about two thousand."""
    if not (at.word() in _PAIR_WORDS and at.word(1) == "par"):
        return None
    if at.word(2) == HUNDRED:
        return _Group(Decimal(200), at.j + 3, approx=(at.j, at.j + 2))
    return _Group(Decimal(2), at.j + 2, needs_scale=True, approx=(at.j, at.j + 2))


#: What the first group of a numeral in words may be besides a plain number below 1000.
LEADING_GROUP_RULES: tuple[Callable[[_At], _Group | None], ...] = (
    _one_and_a_half,
    _a_half,
    _a_quarter,
    _a_couple,
)
#: The words every leading rule starts with: any other word skips the rules (they are tried at
#: every word of a story, so the check pays).
LEADING_GROUP_OPENERS: frozenset[str] = _ONE_AND_A_HALF | ONE_WORDS | _PAIR_WORDS


# ------------------------------------------------------------ dash rules

def _a_range_with_a_dash(d: _Dash) -> _Match | None:
    """"3000–4000 soldater": a range written with a dash."""
    return None if d.b is None else d.scanner._range(d.a, d.b, d.a.start, dash=True)


def _a_score_or_a_year_span(d: _Dash) -> _Match | None:
    """"3–1", "1914-18": a score or a span of years, dropped."""
    if d.b is None:
        return None
    spaced = d.dash.start > d.left_end and not d.glued_right
    if not spaced or d.a.year_like or (d.a.small_int and d.b.small_int):
        return _Match("number", d.a.start, d.b.end, drop=True)
    return None


def _a_compound_with_a_number(d: _Dash) -> _Match | None:
    """"2-0-seier": a number glued by a dash to a further number, dropped with it."""
    if d.glued_right and d.after is not None and d.after.kind in ("num", "blob", "junk"):
        return _Match("number", d.a.start, d.a.end + 1, drop=True)
    return None


def _a_compound_with_a_word(d: _Dash) -> _Match | None:
    """"to-statsløsning": a number glued on both sides of a dash to a word, dropped."""
    if d.glued_right and d.after is not None and d.dash.start == d.left_end and d.after.kind == "word":
        return _Match("number", d.a.start, d.a.end + 1, drop=True)
    return None


#: What a dash right after a numeral makes of it; when none answers, the numeral stands alone.
DASH_RULES: tuple[Callable[[_Dash], _Match | None], ...] = (
    _a_range_with_a_dash,
    _a_score_or_a_year_span,
    _a_compound_with_a_number,
    _a_compound_with_a_word,
)


def _is_power_of_ten(value: Decimal) -> bool:
    if value != value.to_integral_value() or value < 1:
        return False
    digits = str(int(value))
    return digits[0] == "1" and set(digits[1:]) <= {"0"}


# -------------------------------------------------------------- number words

_UNIT_NAMES = {v: k for k, v in UNITS.items() if k != "syv"}
_TEEN_NAMES = {v: k for k, v in TEENS.items()}
_TENS_NAMES = {v: k for k, v in TENS.items() if k not in ("tyve", "tredve")}
_WORD_SCALES = ((10**9, "milliard", "milliarder"), (10**6, "million", "millioner"),
                (10**3, "tusen", "tusen"))


def _below_100_words(n: int) -> str:
    if n == 1:
        return "en"
    if n < 10:
        return _UNIT_NAMES[n]
    if n < 20:
        return _TEEN_NAMES[n]
    tens, unit = divmod(n, 10)
    return _TENS_NAMES[tens * 10] + (_below_100_words(unit) if unit else "")


def _below_1000_words(n: int, after_larger: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds == 1:
        parts.append("ett hundre" if after_larger else "hundre")
    elif hundreds:
        parts.append(f"{_below_100_words(hundreds)} hundre")
    if rest:
        parts.append(("og " if hundreds else "") + _below_100_words(rest))
    return " ".join(parts)


def _number_words(value: int) -> str:
    if value < 2 or value >= 10**12:
        raise ValueError(f"no unambiguous word form for {value}")
    parts: list[str] = []
    rest = value
    for scale, singular, plural in _WORD_SCALES:
        count, rest = divmod(rest, scale)
        if count == 1 and scale == 1000:
            parts.append("ett tusen" if parts or rest >= 100 else "tusen")
        elif count == 1:
            parts.append(f"en {singular}")
        elif count:
            parts.append(f"{_below_1000_words(count, after_larger=False)} {plural}")
    if rest:
        if parts and rest < 100:
            parts.append(f"og {_below_100_words(rest)}")
        else:
            parts.append(_below_1000_words(rest, after_larger=bool(parts)))
    return " ".join(parts)
