"""Unit tests for the newswire_quotes component (service.nlp.quotes.component and helpers).

The helpers on raw text (quotation marks, dash turns, paragraphs) are tested
without a model; the extraction tests run the shipped pipeline.
"""
from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from service.nlp.quotes.layout import paragraph_ranges
from service.nlp.quotes.marks import find_dash_turns, find_marks

# ------------------------------------------------------------ raw-text helpers


def marks(text: str) -> list[str]:
    return [text[m.start:m.end] for m in find_marks(text, paragraph_ranges(text))]


def dash_turns(text: str) -> list[str]:
    return [text[t.start:t.end] for t in find_dash_turns(text, paragraph_ranges(text))]


def test_paragraph_ranges_split_at_blank_lines() -> None:
    text = "Første avsnitt.\n\n– Andre avsnitt.\n\n\nTredje."
    assert [text[s:e] for s, e in paragraph_ranges(text)] == ["Første avsnitt.", "– Andre avsnitt.", "Tredje."]


def test_marks_guillemets_straight_and_curly_quotes() -> None:
    assert marks('«Ja», sa han. Boka heter "Storm". “Nei”, svarte hun.') == ["Ja", "Storm", "Nei"]


def test_marks_leave_nested_quotes_to_the_outer_one() -> None:
    text = "«Da hun sa ‹nå orker jeg ikke mer›, skjønte vi det», sier han. \"Vi kaller det 'en ny normal'\", sier hun."
    assert marks(text) == ["Da hun sa ‹nå orker jeg ikke mer›, skjønte vi det", "Vi kaller det 'en ny normal'"]


def test_marks_multi_paragraph_quote_continues() -> None:
    text = "«Vi har jobbet lenge.\n\n«Nå ser vi resultater», sier hun."
    found = find_marks(text, paragraph_ranges(text))
    assert [text[m.start:m.end] for m in found] == ["Vi har jobbet lenge.", "Nå ser vi resultater"]
    assert found[0].continues and found[0].close is None
    assert not found[1].continues


def test_dash_turns_open_paragraphs_and_sentences_but_not_inner_dashes() -> None:
    text = "– Ja, sier han. – Nei.\n\nSaken – som er stor – er her. Et «Skal vi danse» -show.\n\n-Kanskje."
    assert dash_turns(text) == ["Ja, sier han.", "Nei.", "Kanskje."]


# ------------------------------------------------------------------ extraction




def run(nlp, text: str) -> tuple[Doc, list[dict[str, Any]]]:
    doc = nlp(text)
    for quote in doc._.quotes:
        assert doc.text[quote["start"]:quote["end"]] == quote["text"]
        for key in ("speaker", "cue"):
            if quote[key] is not None:
                assert doc.text[quote[key]["start"]:quote[key]["end"]] == quote[key]["text"]
        for source in quote["sources"]:
            assert doc.text[source["start"]:source["end"]] == source["text"]
    return doc, doc._.quotes


def summary(quotes: list[dict[str, Any]], *, with_scare: bool = False) -> list[tuple]:
    """(kind, text, speaker canonical, cue) of each quote."""
    return [
        (q["kind"], q["text"], q["speaker"]["canonical"] if q["speaker"] else None, q["cue"]["text"] if q["cue"] else None)
        for q in quotes
        if with_scare or q["kind"] != "scare"
    ]


def test_component_is_registered_and_sets_a_fresh_list(nlp) -> None:
    assert nlp.pipe_names[-1] in ("newswire_quotes", "newswire_claims")
    assert "newswire_quotes" in nlp.pipe_names
    assert Doc.has_extension("quotes")
    first, second = nlp("Det regner."), nlp("Det regner.")
    assert first._.quotes == [] and second._.quotes == []
    assert first._.quotes is not second._.quotes
    assert nlp("")._.quotes == []


def test_direct_quote_with_inverted_cue(nlp) -> None:
    _, quotes = run(nlp, "«Vi har ingen planer om å trekke oss», skriver departementet.")
    assert summary(quotes) == [("direct", "Vi har ingen planer om å trekke oss", "departementet", "skriver")]
    assert quotes[0]["speaker_type"] == "organisation"


def test_direct_quote_in_straight_quotes_with_nested_quote(nlp) -> None:
    _, quotes = run(nlp, "\"Vi kaller det 'en ny normal', og det er ikke bra\", sier klimaforsker Eva Strand.")
    assert summary(quotes) == [("direct", "Vi kaller det 'en ny normal', og det er ikke bra", "Eva Strand", "sier")]
    assert quotes[0]["role"] == "klimaforsker"


def test_dash_quote_and_unattributed_next_paragraph(nlp) -> None:
    text = "– Dette er alvorlig, sier forsvarsminister Kari Nilsen til NTB.\n\n– Vi følger situasjonen nøye."
    _, quotes = run(nlp, text)
    assert summary(quotes) == [
        ("dash", "Dette er alvorlig", "Kari Nilsen", "sier"),
        ("dash", "Vi følger situasjonen nøye.", "Kari Nilsen", "sier"),
    ]
    assert quotes[0]["speaker"]["text"] == "forsvarsminister Kari Nilsen"
    assert quotes[0]["role"] == "forsvarsminister"
    assert quotes[0]["speaker_type"] == "person"


def test_dash_quote_attributed_in_the_following_paragraph(nlp) -> None:
    text = "– Vi er glade for avtalen.\n\n– Den sikrer arbeidsplassene, sier konsernsjef Mari Holm til NTB."
    _, quotes = run(nlp, text)
    assert [(q["kind"], q["speaker"]["canonical"]) for q in quotes] == [("dash", "Mari Holm"), ("dash", "Mari Holm")]


def test_partial_quote_and_its_indirect_clause(nlp) -> None:
    text = ("Statsminister Jonas Berg la fram planen torsdag.\n\n"
            "Statsministeren sa at regjeringen vil gjøre det «så enkelt som mulig» for bedriftene.")
    _, quotes = run(nlp, text)
    assert summary(quotes) == [
        ("indirect", "regjeringen vil gjøre det «så enkelt som mulig» for bedriftene", "Jonas Berg", "sa"),
        ("partial", "så enkelt som mulig", "Jonas Berg", "sa"),
    ]


def test_indirect_quote_with_at_clause(nlp) -> None:
    _, quotes = run(nlp, "Politiet opplyser at to personer er pågrepet.")
    assert summary(quotes) == [("indirect", "to personer er pågrepet", "Politiet", "opplyser")]
    assert quotes[0]["speaker_type"] == "organisation"


def test_inverted_indirect_quote_without_marks(nlp) -> None:
    _, quotes = run(nlp, "Situasjonen er under kontroll, sier ordføreren.")
    assert summary(quotes) == [("indirect", "Situasjonen er under kontroll", "ordføreren", "sier")]


def test_cognition_verb_with_bare_clause(nlp) -> None:
    _, quotes = run(nlp, "Landslagstrener Geir Magnussen mener laget er i rute foran mesterskapet.")
    assert summary(quotes) == [("indirect", "laget er i rute foran mesterskapet", "Geir Magnussen", "mener")]


def test_according_to_with_a_chain_of_sources(nlp) -> None:
    _, quotes = run(nlp, "Det står nå 100.000 soldater ved grensen, ifølge en kilde i departementet, ifølge Reuters.")
    assert summary(quotes) == [("according_to", "Det står nå 100.000 soldater ved grensen", "kilde i departementet", "ifølge")]
    assert quotes[0]["speaker_type"] == "anonymous"
    assert [s["canonical"] for s in quotes[0]["sources"]] == ["kilde i departementet", "Reuters"]


def test_according_to_by_a_postposed_information_verb(nlp) -> None:
    _, quotes = run(nlp, "Russland har sendt 20.000 nye soldater til fronten, skriver Reuters.")
    assert summary(quotes) == [("according_to", "Russland har sendt 20.000 nye soldater til fronten", "Reuters", "skriver")]


def test_det_opplyser_attributes_the_previous_sentence(nlp) -> None:
    text = "Regjeringen foreslår å øke strømstøtten. Det opplyser Finansdepartementet i en pressemelding."
    _, quotes = run(nlp, text)
    assert summary(quotes) == [("according_to", "Regjeringen foreslår å øke strømstøtten", "Finansdepartementet", "opplyser")]


def test_anonymous_source_is_a_speaker_with_the_outlet_as_relay(nlp) -> None:
    _, quotes = run(nlp, "En ikke navngitt kilde i Det hvite hus sier til Reuters at presidenten vil signere loven.")
    assert summary(quotes) == [("indirect", "presidenten vil signere loven", "kilde i Det hvite hus", "sier")]
    assert quotes[0]["speaker_type"] == "anonymous"
    assert [s["canonical"] for s in quotes[0]["sources"]] == ["kilde i Det hvite hus", "Reuters"]


def test_scare_quotes_have_no_speaker(nlp) -> None:
    _, quotes = run(nlp, "Operasjonen fikk navnet «Vinterstorm». Filmen «Kampen om tungtvannet» ble vist i fjor.")
    assert summary(quotes, with_scare=True) == [
        ("scare", "Vinterstorm", None, None),
        ("scare", "Kampen om tungtvannet", None, None),
    ]
    assert all(q["speaker_type"] is None and q["sources"] == [] for q in quotes)


def test_fragment_after_a_naming_verb_is_partial(nlp) -> None:
    _, quotes = run(nlp, "LO-leder Per Aune kaller utspillet «et angrep på syke arbeidsfolk».")
    assert summary(quotes) == [("partial", "et angrep på syke arbeidsfolk", "Per Aune", "kaller")]


@pytest.mark.parametrize("text", [
    "Regjeringen vil kutte momsen, det vil si at prisene kan falle med 20 prosent.",
    "Det er naivt å tro at strømprisene vil falle.",
    "Hvis statsministeren hadde sagt at hun ville gå av, ville ingen blitt overrasket.",
    "Hadde han sagt at han var syk, hadde saken blitt behandlet annerledes.",
    "Rektor Anne Berg vil ikke si at forbudet har virket.",
    "Det sier seg selv at saken har vakt oppsikt.",
])
def test_not_speech(nlp, text: str) -> None:
    _, quotes = run(nlp, text)
    assert summary(quotes) == []


def test_counterfactual_inside_an_inverted_report(nlp) -> None:
    _, quotes = run(nlp, "Han skulle ha sagt at han var inhabil, mener advokat Tor Ness.")
    assert summary(quotes) == [("indirect", "Han skulle ha sagt at han var inhabil", "Tor Ness", "mener")]


def test_pronouns_resolve_to_the_compatible_person(nlp) -> None:
    text = ("Rådmann Eva Solheim og varaordfører Knut Dahl var uenige om budsjettet.\n\n"
            "Dahl sier at kommunen må kutte i administrasjonen. Han peker på at antall ansatte har økt.\n\n"
            "Hun påpeker at mange av stillingene er finansiert av staten.")
    _, quotes = run(nlp, text)
    assert [(q["speaker"]["text"], q["speaker"]["canonical"]) for q in quotes] == [
        ("Dahl", "Knut Dahl"), ("Han", "Knut Dahl"), ("Hun", "Eva Solheim"),
    ]


def test_definite_description_links_back_to_the_anonymous_source(nlp) -> None:
    text = ("En NATO-diplomat sier til NTB at alliansen følger situasjonen tett.\n\n"
            "«Dette viser hvor viktig ammunisjonen er», sier diplomaten, som ikke vil navngis.")
    _, quotes = run(nlp, text)
    assert [(q["kind"], q["speaker"]["canonical"], q["speaker_type"]) for q in quotes] == [
        ("indirect", "NATO-diplomat", "anonymous"), ("direct", "NATO-diplomat", "anonymous"),
    ]


def test_quote_introduced_by_a_colon_gets_the_speaker_before_it(nlp) -> None:
    text = "Lensmann Per Sørli sier følgende om ulykken:\n\n– Vi vet ikke hvorfor bilen kom over i motsatt kjørefelt."
    _, quotes = run(nlp, text)
    assert summary(quotes) == [("dash", "Vi vet ikke hvorfor bilen kom over i motsatt kjørefelt.", "Per Sørli", "sier")]


def test_reporting_verbs_inside_a_quote_report_nothing_of_their_own(nlp) -> None:
    _, quotes = run(nlp, "«Da pasienten sa at hun var syk, mente vi at noe var galt», forteller sykepleier Hilde Vik.")
    assert summary(quotes) == [
        ("direct", "Da pasienten sa at hun var syk, mente vi at noe var galt", "Hilde Vik", "forteller"),
    ]


def test_document_as_source(nlp) -> None:
    _, quotes = run(nlp, "«Situasjonen er alvorlig», heter det i en uttalelse fra Forsvarsdepartementet.")
    assert summary(quotes) == [("direct", "Situasjonen er alvorlig", "Forsvarsdepartementet", "heter")]


def test_offsets_slice_the_text_on_a_sample_article(nlp) -> None:
    from pathlib import Path

    from service.formats import parse

    archive = Path(__file__).resolve().parents[2] / "service" / "samples" / "archive"
    for path in sorted(archive.iterdir()):
        article = parse(path.read_bytes())
        if article.pubstatus == "canceled":
            continue
        run(nlp, article.body_text)  # asserts every offset


def test_enriched_event_carries_schema_valid_quotes() -> None:
    from service import enrich_text
    from tests.schemas import assert_offsets, validate_event

    raw = (
        "NTB\n\nForsvaret øker beredskapen i nord\n\n"
        "Forsvarsminister Kari Nilsen mener situasjonen er alvorlig.\n\n"
        "– Vi følger situasjonen nøye, sier Nilsen til NTB.\n\n"
        "Øvelsen har fått navnet «Vinterstorm», ifølge Forsvaret."
    )
    event = enrich_text(raw, format="text")
    validate_event(event)
    assert_offsets(event)
    kinds = [q["kind"] for q in event["quotes"]]
    assert "indirect" in kinds and "dash" in kinds and "scare" in kinds
    for quote in event["quotes"]:
        assert {"role", "speaker_type", "sources"} <= quote.keys()
        if quote["kind"] == "scare":
            assert quote["speaker"] is None
        else:
            assert quote["speaker"]["canonical"] == "Kari Nilsen" or quote["kind"] == "according_to"


def test_a_capital_or_a_seat_of_government_speaks_as_an_organisation(nlp) -> None:
    for text, speaker in (("Teheran avviser at landet har sendt soldater til Syria.", "Teheran"),
                          ("Det hvite hus opplyser at presidenten reiser til Polen i mars.", "Det hvite hus")):
        _, quotes = run(nlp, text)
        [quote] = [q for q in quotes if q["kind"] != "scare"]
        assert quote["speaker"]["canonical"] == speaker and quote["speaker_type"] == "organisation", quote


def test_a_court_and_a_reporting_paper_named_again_by_their_nouns(nlp) -> None:
    text = ("En mann er dømt til åtte års fengsel i Hordaland tingrett. Retten mener det er bevist at han "
            "planla ranet.\n\nRegjeringen vil forby mobiltelefoner i skolen, skriver Politiken. "
            "Ifølge avisen skal forbudet gjelde fra høsten.")
    _, quotes = run(nlp, text)
    speakers = {q["text"][:12]: q["speaker"]["canonical"] for q in quotes if q["speaker"]}
    assert speakers["det er bevis"] == "Hordaland tingrett"
    assert speakers["skal forbude"] == "Politiken"


def test_a_capitalised_compound_title_is_not_part_of_the_speaker(nlp) -> None:
    _, quotes = run(nlp, "Landslagstrener Stig Rønning sier at seieren ikke kom som noen overraskelse.")
    assert quotes[0]["speaker"]["canonical"] == "Stig Rønning" and quotes[0]["role"].lower() == "landslagstrener"


def test_a_hyphenated_pair_is_one_organisation_speaker(nlp) -> None:
    _, quotes = run(nlp, "Tekstil- og skotøyforbundet sier at lønningene må opp.")
    assert [(q["speaker"]["canonical"], q["speaker_type"]) for q in quotes] == [
        ("Tekstil- og skotøyforbundet", "organisation")]


def test_a_closing_acronym_in_brackets_marks_an_organisation_and_leaves_the_name(nlp) -> None:
    _, quotes = run(nlp, "Ifølge EUs spesialutsending for Sahel (EUSR) er situasjonen forverret.")
    assert [(q["speaker"]["canonical"], q["speaker_type"]) for q in quotes] == [
        ("EUs spesialutsending for Sahel", "organisation")]
    _, quotes = run(nlp, "Ifølge FNs kontor for koordinering av humanitær innsats (OCHA) er 3 millioner barn rammet.")
    assert [q["speaker"]["canonical"] for q in quotes] == ["FNs kontor for koordinering av humanitær innsats"]


def test_a_council_speaks_as_an_organisation_and_a_councillor_as_a_person(nlp) -> None:
    _, quotes = run(nlp, "Ordningen vil koste kommunen 45 millioner kroner i året, ifølge byrådet i Tromsø.")
    assert [(q["speaker"]["canonical"], q["speaker_type"]) for q in quotes] == [("byrådet i Tromsø", "organisation")]
    _, quotes = run(nlp, "Ordningen vil koste kommunen 45 millioner kroner i året, ifølge byråden i Tromsø.")
    assert [q["speaker_type"] for q in quotes] == ["person"]


def test_a_title_parsed_apart_from_its_name_still_names_the_speaker(nlp) -> None:
    """The parse makes the cue a modifier of the title and the name a clause of its own."""
    _, quotes = run(nlp, "Stansen kan koste selskapet flere hundre millioner kroner i tapte inntekter, "
                         "anslår analytiker Kristine Holm Brekke i Sparebank 1 Markets.")
    assert [(q["speaker"]["text"], q["speaker"]["canonical"], q["role"], q["speaker_type"]) for q in quotes] == [
        ("analytiker Kristine Holm Brekke", "Kristine Holm Brekke", "analytiker", "person")]


def test_the_company_is_the_organisation_named_before_not_a_nearer_place(nlp) -> None:
    _, quotes = run(nlp, "Aker BP har funnet olje i Nordsjøen, nær Troll-feltet. Selskapet anslår at funnet er stort.")
    assert [(q["speaker"]["text"], q["speaker"]["canonical"]) for q in quotes] == [("Selskapet", "Aker BP")]


def test_the_person_speaks_when_the_parse_makes_their_employer_the_subject(nlp) -> None:
    for text, person in [
        ("Sjeføkonom Frode Sætre i Sparebank 1 Østlandet sier at arbeidsmarkedet er overraskende robust.",
         "Frode Sætre"),
        ("Sjeføkonom Hilde Nordbø i Nordkapp Sparebank mener grepet kan gi et lite løft i prisveksten.",
         "Hilde Nordbø"),
    ]:
        _, quotes = run(nlp, text)
        assert [(q["speaker"]["canonical"], q["speaker_type"]) for q in quotes] == [(person, "person")]


def test_an_according_to_speaker_stops_before_the_inverted_verb(nlp) -> None:
    _, quotes = run(nlp, "Ifølge politiet i Øst kjente mannen og den fornærmede hverandre fra før.")
    assert [(q["speaker"]["text"], q["text"]) for q in quotes] == [
        ("politiet i Øst", "kjente mannen og den fornærmede hverandre fra før")]


def test_a_speaker_headed_by_its_bracketed_acronym_keeps_its_bracket_and_spelled_out_name() -> None:
    """A parse that makes "(UNHCR)" the head and leaves ")" outside the phrase."""
    import spacy

    from service.nlp.quotes.speakers import SpeakerResolver

    words = ["Ifølge", "FNs", "høykommissær", "for", "flyktninger", "(", "UNHCR", ")", "har", "mange", "flyktet"]
    heads = [8, 2, 6, 2, 3, 6, 0, 8, 8, 10, 8]
    deps = ["ADV", "DET", "ATR", "ATR", "PUTFYLL", "IK", "PUTFYLL", "IP", "ROOT", "DET", "SUBJ"]
    pos = ["ADP", "PROPN", "NOUN", "ADP", "NOUN", "PUNCT", "PROPN", "PUNCT", "AUX", "ADJ", "VERB"]
    ents = ["O", "B-ORG", "O", "O", "O", "O", "B-ORG", "O", "O", "O", "O"]
    spaces = [True, True, True, True, True, False, False, True, True, True, False]
    doc = Doc(spacy.blank("nb").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents)
    speaker = SpeakerResolver(doc).speaker_for(doc[6])
    assert speaker is not None
    assert speaker.text == "FNs høykommissær for flyktninger (UNHCR)"
    assert (speaker.canonical, speaker.kind) == ("FNs høykommissær for flyktninger", "organisation")
