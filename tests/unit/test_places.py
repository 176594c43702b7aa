"""Places in analysed text: the pre-NER gazetteer ruler, resolution from context, datelines, record shape."""

from __future__ import annotations


def _places(report):
    return [(p.quote, p.name, p.admin1, p.country) for p in report.places]


def test_every_place_record_has_coordinates_country_and_an_id(analyze):
    text = (
        "Shelling hit Bucha and Irpin near Kyiv on Sunday. In Gaza City and Khan Younis, hospitals were full. "
        "Villagers fled Račak, Kosovo, while others left Khojaly for Aghdam. Saada province in Yemen was struck too."
    )
    report = analyze(text)
    assert len(report.places) >= 8
    for p in report.places:
        assert text[p.start : p.end] == p.quote
        assert p.country and len(p.country) == 2
        assert isinstance(p.lat, float) and isinstance(p.lon, float)
        assert p.gazetteer_id and p.gazetteer_id.split(":")[0] in ("geonames", "sourcewise")


def test_places_come_in_text_order(analyze):
    report = analyze("Fighting moved from Kharkiv to Izium, then south to Mariupol in Ukraine.")
    starts = [p.start for p in report.places]
    assert starts == sorted(starts)
    assert [p.name for p in report.places][:3] == ["Kharkiv", "Izyum", "Mariupol"]


def test_small_conflict_places_are_places_not_people(analyze):
    report = analyze("Malibeyli was shelled first. Then Račak was surrounded and Khojaly burned.")
    labels = {e.quote: e.label for e in report.entities}
    for name in ("Malibeyli", "Račak", "Khojaly"):
        assert labels.get(name) in ("GPE", "LOC"), (name, labels)
    assert {p.country for p in report.places} == {"AZ", "XK"}


def test_transliterations_resolve_to_one_place(analyze):
    report = analyze("Residents of Xocalı, also written Khodjaly or Khojali, say the town was shelled in Azerbaijan.")
    ids = {p.gazetteer_id for p in report.places if p.country == "AZ" and p.name == "Khojaly"}
    assert ids == {"geonames:147774"}


def test_bucha_follows_the_country_of_the_story(analyze):
    ukraine = analyze("Ukrainian officials said bodies were found in Bucha after the troops left.")
    germany = analyze("Bucha is a quiet village in Thuringia, in eastern Germany.")
    assert [p.country for p in ukraine.places if p.quote == "Bucha"] == ["UA"]
    assert [p.country for p in germany.places if p.quote == "Bucha"] == ["DE"]


def test_province_word_selects_the_region(analyze):
    report = analyze("Two men were detained in Ghazni province. A market in Ghazni city was reopened.")
    by_quote = {(p.quote, p.gazetteer_id) for p in report.places}
    assert ("Ghazni", "geonames:AF.08") in by_quote
    assert any(q == "Ghazni" and gid != "geonames:AF.08" for q, gid in by_quote)
    assert all(p.admin1 == "Ghazni" for p in report.places)


def test_district_with_its_province_yields_the_province_first(analyze):
    report = analyze("Troops searched a compound in Nawa district, Helmand province, on Tuesday night.")
    assert report.places and report.places[0].admin1 == "Helmand"


def test_dateline_is_context_not_the_scene(analyze):
    text = "KABUL, Afghanistan (June 9, 2012) — Soldiers questioned a farmer near Maywand district, Kandahar province."
    report = analyze(text)
    assert report.places[0].admin1 == "Kandahar"
    assert "KABUL" not in [p.quote for p in report.places]


def test_dateline_stands_in_when_the_body_names_no_place(analyze):
    report = analyze("STEPANAKERT, Nagorno-Karabakh (AP) — Shells fell on the city overnight, residents said.")
    assert [p.name for p in report.places][:1] == ["Khankendi"]


def test_common_words_and_initialisms_are_not_places(analyze):
    report = analyze("Most officials at the U.N. said Police would investigate. Joint patrols began in the East.")
    assert report.places == ()


def test_one_word_city_names_used_as_surnames_are_left_to_the_ner(analyze):
    report = analyze("Jackson said the convoy was hit, and Hamilton told reporters the road was closed.")
    assert report.places == ()
    located = analyze("Troops in Jackson detained two men near Hamilton, Ontario.")
    assert [p.country for p in located.places][:2] == ["US", "CA"]


def test_a_district_known_only_by_its_province_is_recorded_as_the_province(analyze):
    report = analyze("Last night a patrol in Sabari district detained a man suspected of planting bombs.")
    assert [(p.quote, p.name, p.admin1, p.gazetteer_id) for p in report.places] == [
        ("Sabari", "Khost", "Khost", "geonames:AF.37")
    ]


def test_a_district_name_alone_is_not_a_place(analyze):
    report = analyze("Tani said the meeting would start at noon.")
    assert report.places == ()


def test_a_transposed_spelling_of_a_province_seen_in_reporting_resolves(analyze):
    """'Ghanzi' for Ghazni appears in press releases; with 'province' and an Afghan district it is Ghazni."""
    report = analyze("KABUL, Afghanistan (May 2, 2011) — Police searched a house in Andar district, Ghanzi province.")
    assert "Ghazni" in [p.admin1 for p in report.places]
    assert "KABUL" not in [p.quote for p in report.places]
