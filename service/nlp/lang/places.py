"""Countries, sides and places for troop claims: adjective -> country, gazetteer, theatres.

>>> country_of_adjective("russiske"), country_of_adjective("sørkoreansk")
('Russland', 'Sør-Korea')
>>> side_of_word("NATO-landene"), side_of_word("alliansen"), side_of_word("russerne")
('NATO', 'NATO', 'Russland')
>>> place_of("Donetsk-regionen")
Place(canonical='Donetsk', kind='region', country='Ukraina')
>>> genitive("Ukraina"), genitive("Belarus")
('Ukrainas', "Belarus'")
>>> theatre_for("Estland"), theatre_for("Kharkiv"), theatre_for("Atlantis")
('Baltikum', 'Ukraina', None)
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "COUNTRIES",
    "GROUP_BACK_REFERENCES",
    "GROUP_HEADS",
    "STATE_NAMES",
    "Place",
    "affiliation_country",
    "capital_country",
    "canonical_side",
    "country_of_adjective",
    "country_of_name",
    "genitive",
    "place_of",
    "side_of_word",
    "theatre_for",
]

#: Country -> adjective stems (the base form; "+e" is the definite/plural form).
COUNTRY_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "Russland": ("russisk",), "Ukraina": ("ukrainsk",), "Norge": ("norsk",),
    "Sverige": ("svensk",), "Finland": ("finsk",), "Danmark": ("dansk",),
    "Island": ("islandsk",), "USA": ("amerikansk",), "Storbritannia": ("britisk", "engelsk"),
    "Tyskland": ("tysk",), "Frankrike": ("fransk",), "Polen": ("polsk",),
    "Estland": ("estisk",), "Latvia": ("latvisk",), "Litauen": ("litauisk",),
    "Belarus": ("hviterussisk", "belarusisk", "belarussisk"), "Kina": ("kinesisk",),
    "Nord-Korea": ("nordkoreansk", "nord-koreansk"), "Sør-Korea": ("sørkoreansk", "sør-koreansk"),
    "Israel": ("israelsk",), "Iran": ("iransk",), "Irak": ("irakisk",), "Syria": ("syrisk",),
    "Tyrkia": ("tyrkisk",), "Libanon": ("libanesisk",), "Palestina": ("palestinsk",),
    "Japan": ("japansk",), "India": ("indisk",), "Pakistan": ("pakistansk",),
    "Afghanistan": ("afghansk",), "Sudan": ("sudansk",), "Mali": ("malisk",),
    "Niger": ("nigerisk", "nigersk"), "Nigeria": ("nigeriansk",), "Georgia": ("georgisk",),
    "Armenia": ("armensk",), "Aserbajdsjan": ("aserbajdsjansk", "aserbajdsjansk"),
    "Moldova": ("moldovsk", "moldovisk"), "Romania": ("rumensk",), "Ungarn": ("ungarsk",),
    "Italia": ("italiensk",), "Spania": ("spansk",), "Hellas": ("gresk",),
    "Serbia": ("serbisk",), "Kosovo": ("kosovarsk",), "Jemen": ("jemenittisk",),
    "Saudi-Arabia": ("saudiarabisk", "saudisk"), "Egypt": ("egyptisk",), "Jordan": ("jordansk",),
    "Australia": ("australsk",), "Canada": ("kanadisk",), "Nederland": ("nederlandsk",),
    "Belgia": ("belgisk",), "Tsjekkia": ("tsjekkisk",), "Slovakia": ("slovakisk",),
    "Bulgaria": ("bulgarsk",), "Kroatia": ("kroatisk",), "Taiwan": ("taiwansk",),
    "Vest-Afrika": ("vestafrikansk",), "Baltikum": ("baltisk",), "Europa": ("europeisk",),
    "Vesten": ("vestlig",), "Kuwait": ("kuwaitisk",), "Qatar": ("qatarsk",),
    "Tsjetsjenia": ("tsjetsjensk",),
    # Africa
    "Etiopia": ("etiopisk",), "Eritrea": ("eritreisk",), "Somalia": ("somalisk",),
    "Kenya": ("kenyansk",), "Uganda": ("ugandisk",), "Rwanda": ("rwandisk",),
    "Burundi": ("burundisk",), "Kongo": ("kongolesisk",), "Tanzania": ("tanzaniansk",),
    "Sør-Sudan": ("sørsudansk", "sør-sudansk"), "Tsjad": ("tsjadisk",), "Libya": ("libysk",),
    "Tunisia": ("tunisisk",), "Algerie": ("algerisk",), "Marokko": ("marokkansk",),
    "Senegal": ("senegalesisk",), "Ghana": ("ghanesisk",), "Kamerun": ("kamerunsk",),
    "Mosambik": ("mosambikisk",), "Sør-Afrika": ("sørafrikansk", "sør-afrikansk"),
    "Zimbabwe": ("zimbabwisk",), "Angola": ("angolansk",), "Benin": ("beninsk",),
    "Togo": ("togolesisk",), "Mauritania": ("mauritansk",), "Gambia": ("gambisk",),
    # Asia and the Middle East
    "Kasakhstan": ("kasakhstansk", "kasakhisk"), "Usbekistan": ("usbekisk",),
    "Tadsjikistan": ("tadsjikisk",), "Kirgisistan": ("kirgisisk",),
    "Turkmenistan": ("turkmensk",), "Mongolia": ("mongolsk",), "Vietnam": ("vietnamesisk",),
    "Thailand": ("thailandsk",), "Myanmar": ("myanmarsk",), "Filippinene": ("filippinsk",),
    "Indonesia": ("indonesisk",), "Malaysia": ("malaysisk",), "Bangladesh": ("bangladeshisk",),
    "Nepal": ("nepalsk",), "Kambodsja": ("kambodsjansk",), "Laos": ("laotisk",),
    "Singapore": ("singaporsk",), "Oman": ("omansk",), "Bahrain": ("bahrainsk",),
    # Europe
    "Østerrike": ("østerriksk",), "Sveits": ("sveitsisk",), "Portugal": ("portugisisk",),
    "Irland": ("irsk",), "Slovenia": ("slovensk",), "Bosnia-Hercegovina": ("bosnisk",),
    "Montenegro": ("montenegrinsk",), "Nord-Makedonia": ("nordmakedonsk", "nord-makedonsk"),
    "Albania": ("albansk",), "Kypros": ("kypriotisk",), "Malta": ("maltesisk",),
    "Luxembourg": ("luxembourgsk",),
    # The Americas
    "Mexico": ("meksikansk",), "Brasil": ("brasiliansk",), "Argentina": ("argentinsk",),
    "Chile": ("chilensk",), "Colombia": ("colombiansk",), "Venezuela": ("venezuelansk",),
    "Peru": ("peruansk",), "Cuba": ("cubansk",), "Haiti": ("haitisk",),
    "Bolivia": ("boliviansk",), "Ecuador": ("ecuadoriansk",), "Guyana": ("guyansk",),
    "Suriname": ("surinamsk",), "Guatemala": ("guatemalansk",), "Honduras": ("honduransk",),
    "Nicaragua": ("nicaraguansk",), "Panama": ("panamansk",), "Burkina Faso": ("burkinsk",),
    "El Salvador": ("salvadoransk",), "Sri Lanka": ("srilankisk",),
    "Uruguay": ("uruguayansk",), "Paraguay": ("paraguayansk",), "Jamaica": ("jamaicansk",),
    "Den dominikanske republikk": ("dominikansk",), "Costa Rica": ("costaricansk",),
    # more of Africa and Oceania
    "Den sentralafrikanske republikk": ("sentralafrikansk",), "Zambia": ("zambisk",),
    "Malawi": ("malawisk",), "Namibia": ("namibisk",), "Botswana": ("botswansk",),
    "Elfenbenskysten": ("ivoriansk",), "Guinea": ("guineansk",), "Sierra Leone": ("sierraleonsk",),
    "Liberia": ("liberisk",), "Gabon": ("gabonsk",), "Madagaskar": ("madagassisk",),
    "Djibouti": ("djiboutisk",), "Papua Ny-Guinea": ("papuansk",), "New Zealand": ("newzealandsk",),
    "Fiji": ("fijiansk",),
    # the rest of the world's states (names from CLDR's Bokmål territory list)
    "Tonga": ("tongansk",), "Samoa": ("samoansk",), "Vanuatu": ("vanuatisk",),
    "Salomonøyene": ("salomonsk",), "Kiribati": (), "Palau": ("palauisk",), "Nauru": (),
    "Tuvalu": (), "Marshalløyene": (), "Øst-Timor": ("østtimoresisk",), "Brunei": ("bruneisk",),
    "Bhutan": ("bhutansk",), "Maldivene": ("maldivisk",), "Mauritius": ("mauritisk",),
    "Seychellene": ("seychellisk",), "Komorene": ("komorisk",), "Kapp Verde": ("kappverdisk",),
    "Guinea-Bissau": (), "Ekvatorial-Guinea": ("ekvatorialguineansk",), "Eswatini": ("swazisk",),
    "Lesotho": (), "Kongo-Brazzaville": (), "De forente arabiske emirater": ("emiratisk",),
    "Belize": ("beliziansk",), "Bahamas": (), "Barbados": ("barbadisk",),
    "Trinidad og Tobago": ("trinidadisk",), "Grenada": (), "Dominica": (),
    "Antigua og Barbuda": (), "Andorra": ("andorransk",), "Monaco": ("monegaskisk",),
    "San Marino": (), "Liechtenstein": ("liechtensteinsk",), "Vatikanstaten": (),
    # self-ruled polities that field their own forces
    "Somaliland": ("somalilandsk",), "Puntland": (),
}

#: Regions and blocs whose adjective can name a side but which are not countries.
NOT_COUNTRIES: frozenset[str] = frozenset({"Vest-Afrika", "Baltikum", "Europa", "Vesten"})

COUNTRIES: frozenset[str] = frozenset(COUNTRY_ADJECTIVES) - NOT_COUNTRIES

#: Other spellings of country names.
COUNTRY_ALIASES: dict[str, str] = {
    "kanada": "Canada", "hviterussland": "Belarus", "britannia": "Storbritannia",
    "uk": "Storbritannia", "holland": "Nederland", "de forente stater": "USA",
    "nordkorea": "Nord-Korea", "sørkorea": "Sør-Korea", "kiev": "Ukraina",
    # the distinctive word of a many-word name, as one token sees it
    "ny-guinea": "Papua Ny-Guinea", "dr kongo": "Kongo", "drc": "Kongo", "lanka": "Sri Lanka",
    "faso": "Burkina Faso", "leone": "Sierra Leone", "emiratene": "De forente arabiske emirater",
    "luxemburg": "Luxembourg", "surinam": "Suriname", "østtimor": "Øst-Timor", "timor-leste": "Øst-Timor",
}

#: People -> country ("russerne har mistet ...").
DEMONYMS: dict[str, str] = {
    "russere": "Russland", "russerne": "Russland", "ukrainere": "Ukraina",
    "ukrainerne": "Ukraina", "amerikanere": "USA", "amerikanerne": "USA",
    "britene": "Storbritannia", "briter": "Storbritannia", "israelere": "Israel",
    "israelerne": "Israel", "kinesere": "Kina", "kineserne": "Kina", "tyskerne": "Tyskland",
    "franskmennene": "Frankrike", "nordmenn": "Norge", "nordmennene": "Norge",
    "svenskene": "Sverige", "finnene": "Finland", "polakkene": "Polen",
}

#: Alliances and armed groups that are sides, with their other names.
SIDE_NAMES: dict[str, str] = {
    "nato": "NATO", "alliansen": "NATO", "nato-landene": "NATO", "nato-land": "NATO",
    "allierte": "NATO", "fn": "FN", "eu": "EU", "hamas": "Hamas", "hizbollah": "Hizbollah",
    "wagner": "Wagner", "wagner-gruppen": "Wagner", "is": "IS", "taliban": "Taliban",
    "sdf": "SDF", "rsf": "RSF", "rsf-militsen": "RSF", "houthiene": "Houthi",
    "houthi": "Houthi", "ecowas": "ECOWAS",
    # missions led by an alliance count as the alliance's troops
    "kfor": "NATO", "isaf": "NATO", "unifil": "FN", "minusma": "FN", "monusco": "FN",
    "eufor": "EU", "minusca": "FN", "unmiss": "FN", "undof": "FN", "aussom": "AU", "atmis": "AU", "amisom": "AU",
    "au": "AU", "den afrikanske union": "AU",
    "fn-styrken": "FN", "fredsstyrken": "FN",
    # Norway's Home Guard and special units are Norway's troops
    "hv": "Norge", "heimevernet": "Norge", "heimeverns": "Norge", "kjk": "Norge", "fsk": "Norge", "msk": "Norge",
    "brigade nord": "Norge", "garden": "Norge", "hans majestet kongens garde": "Norge",
    "finnmark landforsvar": "Norge", "telemark bataljon": "Norge", "kystjegerkommandoen": "Norge",
    "knm": "Norge",  # "KNM Roald Amundsen": the prefix of the Norwegian navy's ships
    "al-shabaab": "al-Shabaab",
}

#: Institutions and capitals (lowercased) -> the country they speak for.
INSTITUTION_COUNTRIES: dict[str, str] = {
    "forsvaret": "Norge", "hæren": "Norge", "sjøforsvaret": "Norge", "luftforsvaret": "Norge",
    "heimevernet": "Norge", "regjeringen": "Norge", "stortinget": "Norge",
    "forsvarsdepartementet": "Norge", "etterretningstjenesten": "Norge",
    "pentagon": "USA", "det hvite hus": "USA", "kreml": "Russland",
    "élysée-palasset": "Frankrike", "bundeswehr": "Tyskland", "idf": "Israel",
}

#: Capitals (lowercased) -> their country; "Kyiv opplyser" speaks for Ukraina.
CAPITALS: dict[str, str] = {
    "moskva": "Russland", "kyiv": "Ukraina", "kiev": "Ukraina", "minsk": "Belarus",
    "washington": "USA", "london": "Storbritannia", "beijing": "Kina", "peking": "Kina",
    "taipei": "Taiwan", "tallinn": "Estland", "riga": "Latvia", "vilnius": "Litauen",
    "warszawa": "Polen", "berlin": "Tyskland", "paris": "Frankrike", "oslo": "Norge",
    "stockholm": "Sverige", "helsingfors": "Finland", "helsinki": "Finland",
    "københavn": "Danmark", "ankara": "Tyrkia", "teheran": "Iran", "jerusalem": "Israel",
    "jerevan": "Armenia", "baku": "Aserbajdsjan", "chisinau": "Moldova",
    "pyongyang": "Nord-Korea", "pjongjang": "Nord-Korea", "seoul": "Sør-Korea", "bamako": "Mali", "niamey": "Niger",
    "khartoum": "Sudan", "tbilisi": "Georgia",
    "damaskus": "Syria", "beirut": "Libanon", "bagdad": "Irak", "kairo": "Egypt",
    "riyadh": "Saudi-Arabia", "doha": "Qatar", "amman": "Jordan", "islamabad": "Pakistan",
    "new delhi": "India", "tokyo": "Japan", "manila": "Filippinene", "hanoi": "Vietnam",
    "bangkok": "Thailand", "jakarta": "Indonesia", "canberra": "Australia", "ottawa": "Canada",
    "caracas": "Venezuela", "bogotá": "Colombia", "havanna": "Cuba", "nairobi": "Kenya",
    "mogadishu": "Somalia", "kinshasa": "Kongo", "kigali": "Rwanda", "abuja": "Nigeria",
    "ouagadougou": "Burkina Faso", "tripoli": "Libya", "pristina": "Kosovo", "beograd": "Serbia",
    "sarajevo": "Bosnia-Hercegovina", "budapest": "Ungarn", "praha": "Tsjekkia",
    "bratislava": "Slovakia", "wien": "Østerrike", "roma": "Italia", "madrid": "Spania",
    "aten": "Hellas", "sofia": "Bulgaria", "bucuresti": "Romania", "georgetown": "Guyana",
    "juba": "Sør-Sudan", "asmara": "Eritrea", "addis abeba": "Etiopia",
    "zagreb": "Kroatia", "ljubljana": "Slovenia", "skopje": "Nord-Makedonia", "tirana": "Albania",
    "podgorica": "Montenegro", "bern": "Sveits", "lisboa": "Portugal", "dublin": "Irland",
    "haag": "Nederland", "amsterdam": "Nederland", "reykjavik": "Island", "nikosia": "Kypros",
    "tasjkent": "Usbekistan", "astana": "Kasakhstan", "bisjkek": "Kirgisistan",
    "dusjanbe": "Tadsjikistan", "kabul": "Afghanistan", "dhaka": "Bangladesh",
    "kathmandu": "Nepal", "naypyidaw": "Myanmar", "kuala": "Malaysia", "lima": "Peru",
    "santiago": "Chile", "montevideo": "Uruguay", "quito": "Ecuador", "brasília": "Brasil",
    "dakar": "Senegal", "accra": "Ghana", "kampala": "Uganda",
    "dodoma": "Tanzania", "maputo": "Mosambik", "pretoria": "Sør-Afrika", "harare": "Zimbabwe",
    "luanda": "Angola", "rabat": "Marokko", "alger": "Algerie", "tunis": "Tunisia",
    "sanaa": "Jemen", "muscat": "Oman", "manama": "Bahrain", "colombo": "Sri Lanka",
    "buenos aires": "Argentina", "asunción": "Paraguay", "la paz": "Bolivia", "lusaka": "Zambia",
    "lilongwe": "Malawi", "windhoek": "Namibia", "bangui": "Den sentralafrikanske republikk",
    "santo domingo": "Den dominikanske republikk", "port moresby": "Papua Ny-Guinea",
    "wellington": "New Zealand", "mexico by": "Mexico", "port-au-prince": "Haiti",
    "n'djamena": "Tsjad", "conakry": "Guinea", "monrovia": "Liberia", "freetown": "Sierra Leone",
    "abidjan": "Elfenbenskysten", "yamoussoukro": "Elfenbenskysten", "libreville": "Gabon",
    "antananarivo": "Madagaskar", "kuala lumpur": "Malaysia", "nouakchott": "Mauritania",
    "banjul": "Gambia", "bissau": "Guinea-Bissau", "malabo": "Ekvatorial-Guinea", "lomé": "Togo",
    "porto-novo": "Benin", "cotonou": "Benin", "yaoundé": "Kamerun", "brazzaville": "Kongo-Brazzaville",
    "gaborone": "Botswana", "mbabane": "Eswatini", "maseru": "Lesotho", "moroni": "Komorene",
    "dili": "Øst-Timor", "thimphu": "Bhutan", "malé": "Maldivene", "phnom penh": "Kambodsja",
    "vientiane": "Laos", "ulan bator": "Mongolia", "ulaanbaatar": "Mongolia", "ashgabat": "Turkmenistan",
    "port vila": "Vanuatu", "honiara": "Salomonøyene", "suva": "Fiji", "apia": "Samoa",
    "nuku'alofa": "Tonga", "managua": "Nicaragua", "tegucigalpa": "Honduras", "san salvador": "El Salvador",
    "guatemala by": "Guatemala", "panama by": "Panama", "san josé": "Costa Rica", "kingston": "Jamaica",
    "paramaribo": "Suriname", "sucre": "Bolivia", "abu dhabi": "De forente arabiske emirater",
    "kuwait by": "Kuwait", "hargeisa": "Somaliland", "garowe": "Puntland", "brussel": "Belgia",
}
#: Lowercased names a state goes by: its countries' names and other names, and capitals.
STATE_NAMES: frozenset[str] = frozenset(name.lower() for name in (*COUNTRIES, *COUNTRY_ALIASES, *CAPITALS))
#: The last word of a many-word capital, for lookups that see one token at a time
#: ("forsvarsdepartementet i New Delhi").
CAPITALS.update({name.split()[-1]: country for name, country in list(CAPITALS.items())
                 if " " in name and name.split()[-1] not in ("by", "paz", "domingo", "salvador", "josé")})
INSTITUTION_COUNTRIES.update(CAPITALS)

#: Norway's forces are proper names in wire copy ("Hæren", "Forsvaret"); lowercase
#: "hæren" is anyone's army ("den hviterussiske hæren").
PROPER_ONLY: frozenset[str] = frozenset({
    "forsvaret", "hæren", "sjøforsvaret", "luftforsvaret", "heimevernet",
    "forsvarsdepartementet", "etterretningstjenesten",
})


@dataclass(frozen=True)
class Place:
    """A gazetteer place: its canonical name, kind and the country it lies in."""

    canonical: str
    kind: str
    country: str | None


def _places() -> dict[str, Place]:
    table: dict[str, Place] = {}

    def add(kind: str, country: str | None, *names: str) -> None:
        for name in names:
            table[name.lower()] = Place(name, kind, country)

    for country in COUNTRIES:
        add("country", country, country)
    add("region", "Ukraina", "Donetsk", "Luhansk", "Donbas", "Kharkiv", "Kherson",
        "Zaporizjzja", "Krim", "Sumy", "Tsjernihiv", "Dnipropetrovsk", "Odesa")
    add("city", "Ukraina", "Avdijivka", "Bakhmut", "Pokrovsk", "Kupjansk", "Kyiv", "Mariupol",
        "Vuhledar", "Kramatorsk", "Slovjansk", "Lyman", "Tsjasiv Jar", "Toretsk", "Robotyne",
        "Dnipro")
    add("region", "Russland", "Kursk", "Belgorod", "Brjansk", "Kaliningrad", "Rostov")
    add("city", "Russland", "Moskva", "St. Petersburg", "Murmansk", "Pskov")
    add("region", None, "Baltikum", "Øst-Europa", "Europa", "Midtøsten", "Sahel", "Arktis",
        "Nordområdene", "Norden", "Balkan", "Kaukasus")
    add("sea", None, "Middelhavet", "Østersjøen", "Svartehavet", "Nordsjøen",
        "Barentshavet", "Taiwanstredet", "Rødehavet")
    add("region", "Norge", "Troms", "Finnmark", "Nord-Norge", "Nordland", "Ofoten")
    add("city", "Norge", "Setermoen", "Bardufoss", "Madla", "Rena", "Porsanger", "Kirkenes",
        "Evenes", "Andøya", "Ørland", "Sør-Varanger", "Skjold", "Bodø", "Haakonsvern", "Ramsund",
        "Værnes", "Sessvollmoen", "Jørstadmoen", "Terningmoen", "Drevjamoen", "Harstad")
    add("region", "Irak", "Nord-Irak")
    add("region", "Moldova", "Transnistria")
    add("region", "Israel", "Gaza", "Vestbredden", "Golanhøydene")
    add("region", "Aserbajdsjan", "Nagorno-Karabakh")
    add("country", "Kongo", "Kongo")
    add("city", "Mali", "Bamako")
    add("city", "Estland", "Tallinn", "Narva")
    add("city", "Latvia", "Riga")
    add("city", "Litauen", "Vilnius")
    add("city", "Polen", "Warszawa", "Rzeszów")
    return table


PLACES: dict[str, Place] = _places()

#: Theatres that group several places; a place's theatre is otherwise its country.
THEATRE_GROUPS: dict[str, str] = {
    "Estland": "Baltikum", "Latvia": "Baltikum", "Litauen": "Baltikum", "Baltikum": "Baltikum",
    "Gaza": "Gaza", "Nord-Irak": "Irak",
}

#: Suffixes of place compounds: "Donetsk-regionen", "Kharkiv-området", "Zaporizjzja-fronten".
PLACE_SUFFIXES: dict[str, str] = {
    "-regionen": "region", "-oblasten": "region", "-provinsen": "region", "-fylket": "region",
    "-området": "area", "-fronten": "front", "-grensen": "border", "-byen": "city",
}

_ADJECTIVE_COUNTRY: dict[str, str] = {
    form: country
    for country, stems in COUNTRY_ADJECTIVES.items()
    for stem in stems
    for form in (stem, stem + "e")
}


def country_of_adjective(word: str) -> str | None:
    """Country named by a nationality adjective ("russiske" -> "Russland")."""
    return _ADJECTIVE_COUNTRY.get(word.lower())


def _strip_genitive_s(word: str) -> str:
    if word.endswith("'") or word.endswith("’"):
        return word[:-1]
    if word.endswith("s") and len(word) > 3:
        return word[:-1]
    return word


def country_of_name(word: str) -> str | None:
    """Country named by ``word``, also in the genitive ("Russlands", "Kanada")."""
    for form in (word, _strip_genitive_s(word)):
        low = form.lower()
        if low in COUNTRY_ALIASES:
            return COUNTRY_ALIASES[low]
        place = PLACES.get(low)
        if place is not None and place.kind == "country" and place.canonical in COUNTRIES:
            return place.canonical
    return None


#: A group referred to again by its kind ("Hizbollah avviser at bevegelsen ..."): the
#: organisation named before it.
GROUP_BACK_REFERENCES: frozenset[str] = frozenset({"bevegelsen", "organisasjonen", "gruppen", "militsen",
                                                  "grupperingen"})
GROUP_HEADS: tuple[str, ...] = ("militsen", "militsene", "geriljaen", "bevegelsen", "gruppen", "opprørerne")


def side_of_word(word: str) -> str | None:
    """Side named by one word: country, alliance, armed group or people."""
    low = word.lower()
    if low in SIDE_NAMES:
        return SIDE_NAMES[low]
    if low in DEMONYMS:
        return DEMONYMS[low]
    country = country_of_name(word) or country_of_adjective(word)
    if country is not None:
        return country
    if "-" in word:  # "NATO-landene", "Wagner-gruppen", "RSF-militsen"
        head = word.split("-", 1)[0]
        if head.lower() in SIDE_NAMES:
            return SIDE_NAMES[head.lower()]
        if word[:1].isupper() and head.isupper() and len(head) >= 2:
            return head
        if word[:1].isupper() and word.split("-")[-1].lower().endswith(GROUP_HEADS):
            return head  # "Fano-militsen", "Houthi-bevegelsen"
    stripped = _strip_genitive_s(word).lower()
    return SIDE_NAMES.get(stripped) if stripped != low else None


def affiliation_country(word: str) -> str | None:
    """Country an institution, capital or genitive institution speaks for."""
    low = word.lower()
    for form in (low, _strip_genitive_s(low)):
        if form in PROPER_ONLY and not word[:1].isupper():
            continue
        if form in INSTITUTION_COUNTRIES:
            return INSTITUTION_COUNTRIES[form]
    return None


def capital_country(word: str) -> str | None:
    """Country whose capital ``word`` is ("Kyiv" -> "Ukraina")."""
    return CAPITALS.get(word.lower())


def canonical_side(name: str | None) -> str | None:
    """Normalise a side name: "russland" -> "Russland", "nato" -> "NATO"."""
    if not name or not name.strip():
        return None
    text = " ".join(name.split())
    return side_of_word(text) or text[:1].upper() + text[1:]


def place_of(word: str) -> Place | None:
    """Gazetteer place of a word or compound ("Donetsk-regionen", "Kursk-regionen")."""
    low = word.lower()
    if low in PLACES:
        return PLACES[low]
    if low in COUNTRY_ALIASES:
        return PLACES.get(COUNTRY_ALIASES[low].lower())
    for suffix, kind in PLACE_SUFFIXES.items():
        if low.endswith(suffix):
            base = word[: -len(suffix)]
            place = PLACES.get(base.lower())
            if place is not None:
                return Place(place.canonical, kind, place.country)
            if base[:1].isupper():
                return Place(base, kind, None)
    stripped = _strip_genitive_s(word)
    if stripped != word and stripped.lower() in PLACES:
        return PLACES[stripped.lower()]
    return None


def genitive(name: str) -> str:
    """Norwegian genitive of a name: "Ukraina" -> "Ukrainas", "Belarus" -> "Belarus'"."""
    return name + "'" if name[-1:].lower() in ("s", "x", "z") else name + "s"


def theatre_for(canonical: str | None) -> str | None:
    """Theatre of a canonical place: its group ("Baltikum"), else its country, else itself."""
    if not canonical:
        return None
    if canonical in THEATRE_GROUPS:
        return THEATRE_GROUPS[canonical]
    place = PLACES.get(canonical.lower())
    if place is None:
        return None
    country = place.country or place.canonical
    return THEATRE_GROUPS.get(country, country)
