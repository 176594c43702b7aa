"""Incidents, their dates and totals, and official acts (sentences written for these tests)."""

PUBLISHED = "2019-03-08"  # a Friday


def totals(event):
    return {k: (v.value, v.low) for k, v in event.totals.items()}


def test_headline_and_body_are_one_incident_counted_once(analyze):
    r = analyze(
        "Car bomb kills 14 in market town\n\n"
        "TIKRIT, Iraq (March 7, 2019) - A car bomb killed 14 people in a crowded market yesterday, "
        "police said. The death toll rose to 14 after two of the wounded died in hospital.",
        published=PUBLISHED,
    )
    assert len(r.events) == 1
    e = r.events[0]
    assert (e.kind, e.date) == ("bombing", "2019-03-06")  # yesterday, read against the dateline
    assert totals(e) == {"killed": (14, None)}
    assert all(f.event == e.id for f in r.figures)
    assert r.document.text[e.start : e.end] == e.quote


def test_a_further_group_is_added(analyze):
    r = analyze(
        "Two militiamen were killed in the ambush on Tuesday. Another three militiamen died of their wounds.",
        published=PUBLISHED,
    )
    assert [totals(e) for e in r.events] == [{"killed": (5, None)}]
    assert r.events[0].date == "2019-03-05"


def test_two_groups_in_one_sentence_are_summed(analyze):
    r = analyze("Rebels killed four civilians and nine soldiers in the attack on Tuesday.", published=PUBLISHED)
    assert totals(r.events[0]) == {"killed": (13, None)}


def test_incidents_on_different_days_are_separate_events(analyze):
    r = analyze(
        "Gunmen killed six villagers on Monday. On Wednesday, a roadside bomb killed three soldiers near the village.",
        published=PUBLISHED,
    )
    assert [(e.date, totals(e)) for e in r.events] == [
        ("2019-03-04", {"killed": (6, None)}),
        ("2019-03-06", {"killed": (3, None)}),
    ]


def test_the_event_date_is_the_incidents_not_the_reports(analyze):
    r = analyze(
        "HOMS, Syria (March 7, 2019) - Today, the army confirmed that a rebel commander was captured "
        "during a raid on Sunday."
    )
    assert r.events[0].date == "2019-03-03"


def test_undated_incident_of_a_datelined_report_takes_the_dateline(analyze):
    r = analyze("HOMS, Syria (March 7, 2019) - Soldiers returned fire, killing two gunmen.")
    assert r.events[0].date == "2019-03-07"


def test_deeds_imputed_to_someone_are_not_the_reported_incident(analyze):
    r = analyze(
        "A drone strike killed five people in the village on Tuesday. "
        "The commander was linked to a bombing that killed 40 people in 2012.",
        published=PUBLISHED,
    )
    assert [totals(e) for e in r.events] == [{"killed": (5, None)}]
    forty = next(f for f in r.figures if f.value == 40)
    assert forty.event is None


def test_a_running_toll_later_in_the_text_is_no_incident(analyze):
    r = analyze(
        "A drone strike killed five people in the village on Tuesday. Officials said the strike hit a house. "
        "Witnesses described the damage. Since January, 300 people have been killed in the province.",
        published=PUBLISHED,
    )
    assert [(e.scope, totals(e)) for e in r.events] == [("incident", {"killed": (5, None)}), ("tally", {})]
    three_hundred = next(f for f in r.figures if f.value == 300)
    assert three_hundred.event == r.events[1].id  # the toll is kept, as a tally whose people the incident counts


def test_a_tally_over_a_period_is_not_added_to_the_incidents(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - Police have arrested more than 40 suspects so far this month. "
        "In the latest raid, officers detained two men in the city yesterday."
    )
    assert [(e.scope, totals(e)) for e in r.events] == [("tally", {}), ("incident", {"detained": (2, None)})]
    assert r.events[1].date == "2019-03-06"
    r = analyze_isaf("Border guards have detained 15 smugglers to date, a spokesman said.", published=PUBLISHED)
    assert [(e.scope, totals(e)) for e in r.events] == [("tally", {})]  # a period's count, no incident's
    assert [f.event for f in r.figures] == [r.events[0].id]


def test_a_summary_of_several_operations_is_not_added_to_them(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - Soldiers killed several gunmen during three separate operations "
        "in the north yesterday. In the first, troops killed two gunmen at a checkpoint. "
        "In a separate operation, a patrol killed one gunman near the river."
    )
    scopes = [e.scope for e in r.events]
    assert scopes[0] == "summary" and totals(r.events[0]) == {}
    assert sum(totals(e).get("killed", (0, 0))[0] or 0 for e in r.events) == 3


def test_a_summary_whose_operations_hang_on_a_coordinated_clause(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (May 3, 2019) - More than 20 gunmen were killed and others wounded by the army "
        "during separate raids in the north yesterday. In one raid, soldiers killed four gunmen near a bridge."
    )
    assert [(e.scope, totals(e)) for e in r.events] == [("summary", {}), ("incident", {"killed": (4, None)})]


def test_a_summary_told_by_nothing_else_keeps_its_totals(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - Police detained nine smugglers during four separate raids "
        "in the border districts yesterday. Officials said the raids would continue."
    )
    assert [(e.scope, totals(e)) for e in r.events] == [("summary", {"detained": (9, None)})]


def test_convention_minimums_reach_the_totals(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (May 12, 2019) - Afghan commandos detained several suspected fighters in a "
        "night raid near the provincial capital yesterday."
    )
    assert totals(r.events[0]) == {"detained": (None, 3)}
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - A patrol detained suspected insurgents during an operation in the district."
    )
    assert totals(r.events[0]) == {"detained": (None, 2)}  # ISAF counts a bare plural as two


def test_official_acts_with_actor_and_date(analyze):
    r = analyze(
        "On 3 March 2019 the President signed a decree on the anniversary of the massacre. "
        "In 2015, parliament adopted a resolution recognising the killings. "
        "The foreign ministry said in a statement on Tuesday that the claims were false.",
        published=PUBLISHED,
    )
    assert [(a.kind, a.actor, a.date) for a in r.acts] == [
        ("decree", "President", "2019-03-03"),
        ("resolution", "parliament", "2015"),
        ("statement", "foreign ministry", "2019-03-05"),
    ]
    assert r.events == ()  # acts are not incidents


def test_recognition_is_an_act_but_the_goal_of_recognition_is_not(analyze):
    r = analyze(
        "Campaigners worked towards recognizing the killings as genocide. "
        "In 2016 the national assembly recognized the killings as genocide."
    )
    assert [(a.kind, a.actor, a.date) for a in r.acts] == [("recognition", "national assembly", "2016")]


def test_dates_are_reported_with_offsets(analyze):
    r = analyze("Over the night of 3-4 March 1995 the town was shelled.")
    (d,) = r.dates
    assert (d.quote, d.value, d.granularity) == ("3-4 March 1995", "1995-03-03/1995-03-04", "interval")
    assert r.document.text[d.start : d.end] == d.quote


def test_separate_counts_in_one_sentence_are_separate_groups(analyze):
    r = analyze("In the shelling on 4 May 2001, 12 children lost both parents while 40 children lost one parent.")
    (e,) = r.events
    assert totals(e) == {"orphaned": (52, None)}


def test_captured_and_detained_people_are_counted_once(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - A patrol captured a weapons courier and several of his guards "
        "in the district yesterday. Several men were also detained for questioning."
    )
    (e,) = r.events
    assert totals(e) == {"hostage": (None, 4)}
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - A patrol captured a weapons courier in the district yesterday. "
        "Several men were held after the search, including the courier."
    )
    assert totals(r.events[0]) == {"detained": (None, 3)}


def test_a_named_person_and_others_told_again_are_not_new_people(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - A patrol captured a weapons courier and two of his guards in the "
        "district yesterday. The courier and two of his guards were detained after questioning."
    )
    assert totals(r.events[0]) == {"hostage": (None, 3)}
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - A patrol captured a weapons courier in the district yesterday. "
        "The patrol detained the courier and one additional suspect."
    )
    assert totals(r.events[0]) == {"hostage": (None, 1), "detained": (1, None)}


def test_several_more_are_more(analyze_isaf):
    r = analyze_isaf(
        "KABUL, Afghanistan (March 7, 2019) - Soldiers killed several gunmen near the border yesterday. "
        "Several more gunmen were killed as they fled."
    )
    assert totals(r.events[0]) == {"killed": (None, 6)}


def test_more_than_follows_the_convention(analyze, analyze_isaf):
    text = "KABUL, Afghanistan (March 7, 2019) - Soldiers detained more than 20 suspects in the city yesterday."
    assert totals(analyze_isaf(text).events[0]) == {"detained": (None, 21)}
    assert totals(analyze(text).events[0]) == {"detained": (None, 20)}


def test_a_date_naming_the_incident_wins_over_the_date_of_a_toll_update(analyze):
    text = (
        "Toll rises in Merrow\n\n"
        "MERROW, 9 June 2023 - The death toll from Tuesday's bombing of a market in Merrow rose to 17 on Friday, "
        "a hospital director said."
    )
    report = analyze(text, published="2023-06-09")
    assert [e.date for e in report.events] == ["2023-06-06"]


def test_an_update_joined_in_the_same_document_retells_the_incident(analyze_isaf):
    text = (
        "Police detain suspected smugglers near border\n\n"
        "TOWNVILLE, Freedonia (April 9, 2019) - Border police detained three suspected smugglers in a raid "
        "near the crossing yesterday.\n\n"
        "----\n\n"
        "UPDATE: Police confirm capture of smuggling ring leader\n\n"
        "TOWNVILLE, Freedonia (April 11, 2019) - Police confirmed today that a smuggling ring leader was "
        "detained during an operation in the border district April 9.\n"
    )

    def summed(report):
        return sum(t.value or t.low or 0 for e in report.events for t in e.totals.values())

    r = analyze_isaf(text)
    assert len(r.events) == 2 and summed(r) == 3  # the update dates the same raid a day apart: told again
    assert summed(analyze_isaf(text.replace("April 9.", "April 2."))) == 4  # another day: another operation
    assert summed(analyze_isaf(text.replace("----\n\n", ""))) == 4  # one release: the rule does not apply


def test_background_of_an_earlier_time_sets_no_date_for_the_counts_after_it(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Border police detained several smugglers near the crossing "
        "yesterday, including a ring leader. The leader had been jailed before and was freed in March 2017. "
        "After questioning, the police held the ring leader together with two of his drivers."
    )
    assert {e.date for e in r.events if e.totals} == {"2019-04-08"}


def test_a_rule_line_between_joined_releases_ends_the_incident(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Border police detained two smugglers near the crossing yesterday.\n\n"
        "----\n\n"
        "Army clears hill villages\n\n"
        "Soldiers killed three gunmen in the hills, the army said.\n"
    )
    assert [totals(e) for e in r.events] == [{"detained": (2, None)}, {"killed": (3, None)}]


def test_one_of_a_group_counted_before_is_a_member_not_its_number(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Border police detained several smugglers near the crossing "
        "yesterday. Police said one of multiple smugglers detained in the raid is a ring leader."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"detained": (None, 3)}]


def test_one_of_the_people_counted_before_is_a_member_but_one_of_others_counts(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Soldiers killed numerous gunmen in the hills yesterday. "
        "One of the gunmen died when his own grenade went off."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"killed": (None, 4)}]
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Police detained several suspects near the crossing yesterday. "
        "Police also detained one of the targeted smugglers and two additional suspects."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"detained": (3, None)}]


def test_the_named_one_and_further_people_retell_the_count_that_included_him(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Border police detained three suspected smugglers near the crossing "
        "yesterday, including a ring leader. After questioning at the post, the ring leader and two additional "
        "suspects were held."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"detained": (3, None)}]


def test_harm_told_as_what_happens_as_a_rule_is_no_incident(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Police detained two smugglers near the crossing yesterday. "
        "Innocent travellers are killed by these mines, and the police will keep hunting the smugglers, a "
        "spokesman said."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"detained": (2, None)}]
    lead = analyze_isaf("TOWNVILLE, Freedonia (April 9, 2019) - Civilians are killed in shelling of the town.")
    assert [totals(e) for e in lead.events if e.totals] == [{"killed": (None, 2)}]


def test_a_deed_someone_assisted_in_is_imputed_but_assisting_people_is_not(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Police detained two smugglers near the crossing yesterday. "
        "The smugglers assisted in the killing of a border guard last year."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"detained": (2, None)}]
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Soldiers set out to assist villagers during a patrol in the "
        "hills on April 6 and killed two gunmen."
    )
    assert [(e.date, totals(e)) for e in r.events if e.totals] == [("2019-04-06", {"killed": (2, None)})]


def test_as_many_others_told_again_after_the_named_people_are_the_same_others(analyze_isaf):
    r = analyze_isaf(
        "TOWNVILLE, Freedonia (April 9, 2019) - Two ring leaders and two other smugglers were detained by border "
        "police near the crossing this morning. During the search the police detained the ring leaders, who ran "
        "the route. Two other suspects were also detained."
    )
    assert [totals(e) for e in r.events if e.totals] == [{"detained": (4, None)}]
