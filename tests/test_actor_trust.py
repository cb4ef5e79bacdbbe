"""Actors you can trust (issue 15): never the wrong person, never today's holder for an old
story. Sentences written for each rule; the tables of real mentions are in
test_actor_tables.py."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import actors_in as _actors
from conftest import sentence_coder

from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.dating import story_date, written_years
from diplograph.coding.parse import load_nlp
from diplograph.knowledge.base import load_knowledge_base
from diplograph.records import ActorRef

# A description with no mention: no one bound.
_NO_ONE = ActorRef(name=None, country=None, sector=None)

D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def resolver(actor_resolver) -> ActorResolver:
    return actor_resolver  # the session's (read-only); a new one costs 0.7 s of CPU


def test_a_full_name_is_never_replaced_by_a_namesake(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Home Secretary Charles Clarke said the orders would stay. "
                    "Mr Clarke told MPs the bill would be renewed.", "2005-03-01", "GBR")
    assert found["Mr Clarke"].name == "Charles Clarke"
    assert found["Mr Clarke"].country == "GBR"
    howard = _actors(resolver, "Michael Howard attacked the cost of asylum.", "2005-02-01",
                     "GBR")["Michael Howard"]
    assert howard.name == "Michael Howard" and howard.country != "AUS"


def test_a_bare_surname_binds_only_where_state_and_term_fit(resolver: ActorResolver) -> None:
    # No Clarke of Trinidad and Tobago (president 1976-87) in a British story of 2005.
    actor = _actors(resolver, "Mr Clarke told MPs the bill would be renewed.", "2005-03-02",
                    "GBR")["Mr Clarke"]
    assert actor.name != "Ellis Clarke" and actor.sector is None


def test_surface_forms_fold_into_one_person(resolver: ActorResolver) -> None:
    found = _actors(resolver, "US President George W Bush met Tony Blair. Bush said the war "
                    "was right. George Bush later spoke.", "2003-05-01")
    assert {found[t].name for t in ("US President George W Bush", "Bush", "George Bush")} \
        == {"George W. Bush"}
    father = _actors(resolver, "President George H.W. Bush spoke.", "1991-05-01")
    assert father["President George H.W. Bush"].name == "George H. W. Bush"
    lavrov = _actors(resolver, "Sergey V. Lavrov met John Kerry.", "2015-05-01")
    assert lavrov["Sergey V. Lavrov"].name == "Sergey Lavrov"


def test_undated_story_reads_the_office_not_todays_holder(resolver: ActorResolver) -> None:
    actor = _actors(resolver, "Russia's defence minister said the troops would stay.",
                    None)["Russia's defence minister"]
    assert (actor.name, actor.country, actor.sector, actor.role) == (
        None, "RUS", "GOV", "defence minister")


def test_undated_story_prefers_the_holder_it_names(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Britain's foreign secretary said the talks would go on. "
                    "Foreign Secretary Jack Straw spoke in Tehran in 2004.", None)
    assert found["Britain's foreign secretary"].name == "Jack Straw"


def test_story_date_from_written_years(resolver: ActorResolver) -> None:
    doc = resolver.nlp("The elections of 2004 were close, as in December 1997; by 2090 ...")
    assert written_years(doc, 2026) == [2004, 1997]
    assert story_date(resolver.nlp("The elections of 2004 were close."), [], {}) \
        == dt.date(2004, 7, 1)
    assert story_date(resolver.nlp("The elections were close."), [], {}) is None
    # A year that names a thing is what the story is about, not when it was written.
    assert written_years(resolver.nlp("He said it would not hurt the 2012 Olympic bid."),
                         2026) == []


def test_an_undated_story_is_read_inside_its_peoples_terms(resolver: ActorResolver) -> None:
    # The window is the latest stretch most evidence covers, read at its middle: not the
    # year after the people it names left office (Blair 1997-2007 and Fox in opposition
    # 2003-10 tie with "by 2008" as years, but only the first holds both people).
    found = _actors(resolver, "Tony Blair met Liam Fox. Mr Blair said the cuts planned "
                    "by 2008 were sound.", None)
    assert (found["Tony Blair"].sector, found["Mr Blair"].sector) == ("GOV", "GOV")
    falconer = _actors(resolver, "Charles Falconer defended the reforms.", None)
    assert falconer["Charles Falconer"].sector == "GOV"


def test_a_headline_surname_is_the_full_name_below_in_the_window(
        resolver: ActorResolver) -> None:
    # The headline's bare "McConnell" is Jack McConnell, named in full below, not the US
    # senator: so the window is Jack's term (2001-07) and "Scotland's first minister" is him.
    text = ("McConnell in drinking row Scotland's first minister has told pupils it is fine "
            "to get drunk now and then. Jack McConnell was speaking at a school in Inverness. "
            "Mr McConnell later said he meant adults. Mr McConnell said he had been "
            "misunderstood.")
    found = _actors(resolver, text, None)
    assert found["first minister"].name == "Jack McConnell"
    assert (found["Jack McConnell"].sector, found["McConnell"].name) == ("GOV", "Jack McConnell")


@pytest.mark.xfail(strict=True, reason="a tie of terms goes to the latest: Sturgeon's later "
                   "office (2014-23) outweighs the subject's (2001-07); breaking the tie by "
                   "how often each is named moved a 2004 story on Mary Robinson to 1997")
def test_an_undated_story_is_dated_by_its_subject_not_a_rival_quoted_once(
        resolver: ActorResolver) -> None:
    text = ("McConnell in drinking row Scotland's first minister has told pupils it is fine "
            "to get drunk now and then. Jack McConnell was speaking at a school in Inverness. "
            "Mr McConnell later said he meant adults. SNP leader Nicola Sturgeon said the "
            "remark was a gaffe. Mr McConnell said he had been misunderstood.")
    assert _actors(resolver, text, None)["first minister"].name == "Jack McConnell"


def test_the_taliban_by_date(resolver: ActorResolver) -> None:
    before = _actors(resolver, "The Taliban attacked a checkpoint.", "2021-03-01")
    after = _actors(resolver, "The Taliban announced a cabinet.", "2021-10-01")
    assert (before["The Taliban"].sector, after["The Taliban"].sector) == ("REB", "GOV")
    assert after["The Taliban"].country == "AFG"


def test_the_chancellor_in_a_british_story(resolver: ActorResolver) -> None:
    actor = _actors(resolver, "The chancellor said the Budget would cut borrowing.",
                    "2004-03-17", "GBR")["The chancellor"]
    assert actor.role == "finance minister" and actor.name != "Tony Blair"


def test_opposition_and_legislators_have_their_own_sectors(resolver: ActorResolver) -> None:
    # An office with a sector (leader of the opposition, senator) dates the person like a
    # government office: OPP / LEG while it lasts, the government office after.
    found = _actors(resolver, "Conservative leader Michael Howard said the tax would rise. "
                    "Senator John Kerry said he would vote against it.", "2004-11-30", "GBR")
    howard, kerry = found["Conservative leader Michael Howard"], found["Senator John Kerry"]
    assert (howard.name, howard.country, howard.sector) == ("Michael Howard", "GBR", "OPP")
    assert (kerry.name, kerry.country, kerry.sector) == ("John Kerry", "USA", "LEG")
    later = _actors(resolver, "John Kerry flew to Vienna.", "2015-07-01")["John Kerry"]
    assert later.sector == "GOV"


def test_the_ministers_of_an_old_british_story(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The home secretary said the men would stay in prison. "
                    "The chancellor said the Budget would cut borrowing.", "2004-10-20", "GBR")
    assert found["The home secretary"].name == "David Blunkett"
    assert (found["The chancellor"].name, found["The chancellor"].sector) == (
        "Gordon Brown", "GOV")


def test_parties_and_bodies_of_westminster_and_washington(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The Tories said Labour had failed, and the Home Office "
                    "disagreed.", "2005-01-15", "GBR")
    assert (found["The Tories"].name, found["The Tories"].sector) == ("Conservative Party", "PTY")
    assert (found["Labour"].country, found["Labour"].sector) == ("GBR", "PTY")
    assert (found["the Home Office"].country, found["the Home Office"].sector) == ("GBR", "GOV")
    us = _actors(resolver, "Republicans said Congress would act.", "2016-01-05", "USA")
    assert (us["Republicans"].country, us["Republicans"].sector) == ("USA", "PTY")
    assert (us["Congress"].country, us["Congress"].sector) == ("USA", "LEG")
    # Another state's congress keeps its state; a congress in a longer name is no state's.
    assert _actors(resolver, "Peru's Congress voted.", "2005-02-20")["Peru's Congress"].country \
        == "PER"
    assert "Congress" not in _actors(resolver, "The Trades Union Congress is meeting next "
                                     "Monday.", "2005-02-20", "GBR")


def test_a_former_title_is_the_former_holder_named_before(resolver: ActorResolver) -> None:
    # In an Israeli story "the former president" after Jimmy Carter is Carter, not a former
    # Israeli president; with no one named before, the office of the story's state.
    found = _actors(resolver, "Jimmy Carter met Benjamin Netanyahu in Jerusalem. The former "
                    "president said peace was possible.", "2015-12-10", "ISR")
    carter = found["The former president"]
    assert (carter.name, carter.country, carter.sector) == ("Jimmy Carter", "USA", "ELI")
    alone = _actors(resolver, "The former president said peace was possible.", "2015-12-10",
                    "ISR")["The former president"]
    assert (alone.name, alone.country, alone.sector) == (None, "ISR", "ELI")


def test_a_bare_surname_of_two_office_holders_is_the_leader(resolver: ActorResolver) -> None:
    # A president and a governor named Bush in office in 2004: "Bush" alone is the
    # president; the article's own antecedent still comes first.
    bush = _actors(resolver, "Bush said the war was right.", "2004-06-01", "GBR")["Bush"]
    assert (bush.name, bush.role) == ("George W. Bush", "head of state")
    jeb = _actors(resolver, "Jeb Bush spoke in Iowa. Bush said he would win.", "2016-01-05",
                  "USA")["Bush"]
    assert jeb.name == "Jeb Bush"


def test_imported_dictionaries_sit_below_the_verified_files() -> None:
    with_import = load_knowledge_base(imported=True)
    verified = load_knowledge_base(imported=False)
    assert len(with_import.people) > len(verified.people)
    assert all(p.source is None for p in verified.people)
    by_name = {p.name: p for p in with_import.people}
    # A verified person keeps the verified entry (its QID) whatever the import says.
    for person in verified.people[:200]:
        assert by_name[person.name].wikidata == person.wikidata
        assert by_name[person.name].source is None


@pytest.fixture(scope="module")
def code(event_coder):
    return sentence_coder(event_coder, load_nlp())


def test_tariffs_aim_at_the_exporters_not_the_destination(code) -> None:
    events = code("President George W. Bush on Tuesday imposed tariffs of up to 30 percent on "
                  "imports of steel into the United States from a dozen countries, including "
                  "Japan, South Korea and Brazil.", "2002-03-06")
    sanctions = [e for e in events if e.type == "SANCTION"]
    assert sanctions
    assert all(e.target is not None and e.target.country != "USA" for e in sanctions)
    assert "argument/goods-from-exporter" in sanctions[0].rules
    assert {e.target.country for e in sanctions} <= {"JPN", "KOR", "BRA"}


def test_a_bare_title_far_from_a_foreign_holder_is_the_home_states(
        resolver: ActorResolver) -> None:
    # Paragraphs after Putin, "the president" of a US story is the US president of the day;
    # in the same sentence as Putin, it is still Putin.
    far = _actors(resolver, "Putin denied the hacking. The White House weighed sanctions. "
                  "No plan has been put to the president yet.", "2016-10-09", "USA")
    assert far["the president"].name == "Barack Obama"
    near = _actors(resolver, "Putin denied the hacking, and the president said so again.",
                   "2016-10-09", "USA")
    assert near["the president"].name == "Vladimir Putin"


def test_middle_initials_fold_into_one_name(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Former Senator George J. Mitchell met Harriet K. Doyle, an "
                    "analyst.", "2009-05-01", "USA")
    assert found["Former Senator George J. Mitchell"].name == "George Mitchell"
    assert found["Harriet K. Doyle"].name == "Harriet Doyle"  # someone we do not know


def test_presidents_who_share_a_surname_are_told_apart_by_date(
        resolver: ActorResolver) -> None:
    assert _actors(resolver, "President Johnson vetoed the bill.", "1866-03-27",
                   "USA")["President Johnson"].name == "Andrew Johnson"
    assert _actors(resolver, "President Johnson signed the bill.", "1965-07-30",
                   "USA")["President Johnson"].name == "Lyndon B. Johnson"


def test_a_party_adjective_before_a_body_noun_is_that_party_s_body(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Republican lawmakers and Labour MPs criticised the deal, "
                    "and Republican candidate Jeb Bush agreed.", "2016-03-01", "USA")
    assert (found["Republican lawmakers"].country, found["Republican lawmakers"].sector) \
        == ("USA", "LEG")
    assert (found["Labour MPs"].country, found["Labour MPs"].sector) == ("GBR", "LEG")
    bush = next(actor for text, actor in found.items() if "Jeb Bush" in text)
    assert bush.name == "Jeb Bush"  # before a named person the adjective is no body


def test_a_leaders_administration_is_the_government_of_his_state(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "The Obama administration and Putin's government disagreed, "
                    "Obama's spokesman said.", "2016-03-01", "USA")
    assert (found["The Obama administration"].kind, found["The Obama administration"].country,
            found["The Obama administration"].sector) == ("state", "USA", "GOV")
    assert (found["Putin's government"].country, found["Putin's government"].sector) \
        == ("RUS", "GOV")
    assert not any(text.startswith("Obama's") for text in found)  # one person: no body


def test_an_honorific_s_gender_picks_the_namesake(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Bill Clinton spoke first. Mrs. Clinton then attacked Trump, "
                    "and Mr. Clinton smiled. Tony Blair was away. Mrs Blair spoke in Boston.",
                    "2005-01-15", "USA")
    # No woman named Blair is known: Mrs Blair is someone we do not know, not the prime minister.
    assert {text: found[text].name for text in ("Mrs. Clinton", "Mr. Clinton", "Mrs Blair")} \
        == {"Mrs. Clinton": "Hillary Clinton", "Mr. Clinton": "Bill Clinton", "Mrs Blair": "Blair"}


def test_a_state_that_owns_or_makes_a_thing_is_no_civilian_group(code) -> None:
    # "Algerian farmers": the state's people (CVL). "The ministry's powers", "the decision by
    # Chile": the body or state itself, with its own sector.
    backed = [e for e in code("The Law Lords backed the Home Office's powers to deport "
                              "the men.", "2005-01-10") if e.target is not None]
    assert backed and (backed[0].target.country, backed[0].target.sector) == ("GBR", "GOV")
    welcomed = [e for e in code("Argentina welcomed the decision by Chile to open the "
                                "border.", "2005-01-10") if e.target is not None]
    assert welcomed and (welcomed[0].target.country, welcomed[0].target.sector) \
        == ("CHL", "GOV")
    farmers = [e for e in code("Algerian farmers staged a protest outside parliament on "
                               "Monday.", "2005-01-10") if e.type == "PROTEST"]
    assert farmers and farmers[0].source.sector == "CVL"


def test_a_region_that_acts_as_a_bloc_is_a_group_not_a_state(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Europe has signalled it will press ahead, and the Gulf is "
                    "worried. Middle East allies were rattled.", "2016-04-14", "USA")
    assert {text: (a.kind, a.country, a.sector) for text, a in found.items()} == {
        "Europe": ("group", None, "GOV"), "the Gulf": ("group", None, "GOV"),
        "Middle East allies": ("group", None, "GOV")}
    # Where one is in it, a region is a place ("Asia" was once the Philippines).
    assert _actors(resolver, "The minister spent a week in Europe.", "2016-04-14", "USA") == {}


def test_a_person_is_read_in_the_year_the_sentence_dates_the_act_in(
        resolver: ActorResolver) -> None:
    # "signed by Thatcher in 1986": the prime minister then; the year of another clause
    # ("who resigned in 1990") dates nothing she does in this one.
    found = _actors(resolver, "The treaty, signed by Margaret Thatcher in 1986, still stands. "
                    "The prime minister said so.", "2004-12-09", "GBR")
    assert found["Margaret Thatcher"].sector == "GOV"
    assert found["The prime minister"].name == "Tony Blair"  # not the holder of 1986
    later = _actors(resolver, "Margaret Thatcher, who resigned in 1990, said it still stands.",
                    "2004-12-09", "GBR")
    assert later["Margaret Thatcher"].sector == "ELI"


def test_someone_named_with_nothing_said_of_them_is_of_the_storys_state(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Harriet Quill said the ruling was a disgrace. Mrs Quill will "
                    "appeal.", "2005-01-10", "GBR")
    assert [(found[t].name, found[t].country) for t in ("Harriet Quill", "Mrs Quill")] \
        == [("Harriet Quill", "GBR")] * 2
    # Something said of them is theirs to tell, not the home state's: the demonym of their
    # appositive (rule `appositive-demonym`, surname17); no home state, no guess.
    described = _actors(resolver, "Harriet Quill, an Algerian lawyer, said it was a disgrace.",
                        "2005-01-10", "GBR")
    assert described["Harriet Quill"].country == "DZA"
    assert _actors(resolver, "Harriet Quill said it was a disgrace.", "2005-01-10",
                   None)["Harriet Quill"].country is None


def test_staff_take_the_state_and_sector_of_the_person_they_serve(
        resolver: ActorResolver) -> None:
    aide = _actors(resolver, "President Barack Obama left early. Dana Hollis, his chief of "
                   "staff, said the talks would resume.", "2013-05-02", "USA")["Dana Hollis"]
    assert (aide.country, aide.sector) == ("USA", "GOV")
    # A candidate's spokeswoman works for the campaign, not for a government.
    campaign = _actors(resolver, "Mary Olsen, a spokeswoman for Mrs. Clinton, said the "
                       "campaign would go on.", "2016-04-20", "USA")["Mary Olsen"]
    assert (campaign.country, campaign.sector) == ("USA", "PTY")
    # The principal's state, not the story's: a Russian leader's adviser in a British story.
    adviser = _actors(resolver, "Peter Graves, Putin's adviser on energy, said the pipeline "
                      "would open in May.", "2015-03-02", "GBR")["Peter Graves"]
    assert adviser.country == "RUS"


def test_an_indefinite_title_names_no_holder(resolver: ActorResolver) -> None:
    some = _actors(resolver, "A spokesman said the talks would go on.", "2016-04-20", "USA")
    assert some["A spokesman"].name is None and some["A spokesman"].country == "USA"
    the = _actors(resolver, "The spokesman said the talks would go on.", "2016-04-20", "USA")
    assert the["The spokesman"].name is not None  # the definite title is the office's holder


def test_a_calling_in_apposition_gives_its_sector(resolver: ActorResolver) -> None:
    member = _actors(resolver, "Maya Leventis, a member of parliament, said the vote was a "
                     "mistake.", "2015-07-06", "GRC")["Maya Leventis"]
    assert (member.country, member.sector) == ("GRC", "LEG")
    # A calling with a state of its own is read by the state's rule, not the story's state.
    foreign = _actors(resolver, "Ravi Sood, an Algerian journalist, asked about the deal.",
                      "2012-01-10", "IND")["Ravi Sood"]
    assert foreign.country != "IND"


def test_a_party_s_government_is_its_state_s_government(resolver: ActorResolver) -> None:
    found = _actors(resolver, "Mr Blair and the Labour government have backed the talks. "
                    "Labour officials denied the claim.", "2004-12-13", "GBR")
    assert (found["the Labour government"].country,
            found["the Labour government"].sector) == ("GBR", "GOV")
    assert found["Labour officials"].sector == "PTY"  # the party's own people stay its own


def test_the_home_holder_named_nearby_is_the_bare_title(resolver: ActorResolver) -> None:
    text = ("Mr. Obama has grown wary of the plan to press Mr. Assad. The president has "
            "refused to arm the rebels.")
    assert _actors(resolver, text, "2016-09-06", "USA")["The president"].name == "Barack Obama"
    # With only the foreign president named just before, he is the topic.
    text = "President Assad spoke on Monday. The president said the war would go on."
    assert _actors(resolver, text, "2016-09-06", "USA")["The president"].name \
        == "Bashar al-Assad"


def test_a_body_named_with_of_is_no_place(resolver: ActorResolver) -> None:
    found = _actors(resolver, "The warning was issued by the Department of Homeland Security.",
                    "2016-10-09", "USA")
    assert found["the Department of Homeland Security"].country == "USA"


def test_an_unknown_person_is_one_actor_in_the_article(resolver: ActorResolver) -> None:
    text = ("Anna Jordan, a spokeswoman for President Obama, spoke on Monday. "
            "Jordan said the talks would go on.")
    mentions = resolver.find_mentions(resolver.nlp(text), when=D("2015-06-01"),
                                      home_country="USA")
    jordans = [m.actor for m in mentions if m.actor.text in ("Anna Jordan", "Jordan")]
    # The surname as subject is the woman named before, not the state; both mentions carry
    # what her description says.
    assert [(a.name, a.country, a.sector) for a in jordans] == [("Anna Jordan", "USA", "GOV")] * 2
    deal = _actors(resolver, "Anna Jordan spoke on Monday. Britain signed a trade deal with "
                   "Jordan on Tuesday.", "2015-06-01", "USA")["Jordan"]
    assert deal.kind == "state"  # not a subject: the state keeps its name


def test_a_calling_before_a_surname_named_before_gives_its_sector(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Harry Harris arrived in Manila on Monday. The move is a concern "
                    "for Admiral Harris, whose task is hard.", "2016-05-09", "USA")
    assert (found["Admiral Harris"].name, found["Admiral Harris"].sector) == ("Harry Harris",
                                                                               "MIL")


def test_offices_dated_from_the_phoenix_dictionaries(resolver: ActorResolver) -> None:
    # Phoenix dates Sarkozy's ministries (FRAGOVBUS 2004-04 .. 2004-12); before his
    # presidency and between them he is a former official.
    text = "Nicolas Sarkozy told reporters that the euro was too strong."
    assert _actors(resolver, text, "2004-10-01")["Nicolas Sarkozy"].sector == "GOV"
    assert _actors(resolver, text, "2005-06-01")["Nicolas Sarkozy"].sector == "ELI"


def test_a_courtesy_title_after_a_title_keeps_the_name_with_it(
        resolver: ActorResolver) -> None:
    text = ("Vatican spokesman the Rev. Marco Bellini said the pope would travel in May. "
            "Bellini added that no date was set.")
    found = _actors(resolver, text, "2015-02-03", "ITA")
    whole = found["Vatican spokesman the Rev. Marco Bellini"]
    assert (whole.name, whole.country, whole.sector) == ("Marco Bellini", "VAT", "GOV")
    assert found["Bellini"].country == "VAT"  # the surname later is the same man, not Italy's


def test_a_title_and_surname_pick_the_namesake_of_the_story_s_state(
        resolver: ActorResolver) -> None:
    text = "Prime Minister Lee opened the new container port on Monday."
    assert _actors(resolver, text, "2012-03-05", "SGP")["Prime Minister Lee"].country == "SGP"
    assert _actors(resolver, "President Lee said the talks would go on.", "2010-08-29",
                   "KOR")["President Lee"].name == "Lee Myung-bak"


def test_the_place_of_a_meeting_is_its_state_not_its_civilians(code) -> None:
    talks = [e for e in code("Foreign Secretary Jack Straw held talks in Beijing on "
                             "Thursday.", "2005-01-10") if e.target is not None]
    assert talks and (talks[0].target.country, talks[0].target.sector) == ("CHN", "GOV")


def _placed(resolver: ActorResolver, text: str, who: str) -> tuple[str | None, str | None]:
    """(state, sector) of `who` in a US story of September 2016."""
    actor = _actors(resolver, text, "2016-09-06", "USA")[who]
    return actor.country, actor.sector


def test_a_former_staff_post_makes_a_former_official(
        resolver: ActorResolver) -> None:
    # Staff of a named leader, but no longer: a former official of the leader's state.
    assert _placed(resolver, "Tom Vale, Mr. Obama's former national security adviser, "
                   "criticised the plan.", "Tom Vale") == ("USA", "ELI")
    assert _placed(resolver, "Tom Vale, Mr. Obama's national security adviser, criticised "
                   "the plan.", "Tom Vale") == ("USA", "GOV")


def test_a_described_post_is_the_person_named_before_who_holds_it(
        resolver: ActorResolver) -> None:
    found = _actors(resolver, "Kasich spoke in Dayton on Tuesday. Voters there said they "
                    "trusted the Ohio governor.", "2016-03-24", "USA")
    assert found["the Ohio governor"].name == "John Kasich"
    # A candidacy described: the candidate the story named before.
    running = _actors(resolver, "Donald Trump held a rally. The Republican front-runner said "
                      "the polls were wrong.", "2016-03-01", "USA")
    assert running["The Republican front-runner"].name == "Donald Trump"
    # The place in the description must be the office's: no governor of Ohio named before,
    # so no one is bound (the office, no holder: `place-post-office`, headrole29).
    assert _actors(resolver, "Jeb Bush spoke first. Voters later turned to the Ohio governor.",
                   "2016-03-24", "USA").get("the Ohio governor", _NO_ONE).name is None
    # A place that is neither the title's nor the holder's home state binds no one (Rubio is
    # a Florida senator: data/actors/epithets.yaml).
    assert _actors(
        resolver, "Marco Rubio spoke first. Then the Vermont senator answered.", "2016-03-24",
        "USA").get("the Vermont senator", _NO_ONE).name is None
    # A post held no more binds no one ("the governor" after a former governor).
    assert "the governor" not in _actors(resolver, "Jeb Bush spoke first. Then the governor "
                                         "said the state would sue.", "2016-03-24", "USA")


def test_a_body_named_without_its_state_is_the_story_s_own(
        resolver: ActorResolver) -> None:
    review = _actors(resolver, "Builders criticised the Treasury's review of housing.",
                     "2005-01-15", "GBR")["the Treasury"]
    assert (review.country, review.sector) == ("GBR", "GOV")
    pentagon = _actors(resolver, "The law stopped the Defense Department from moving the "
                       "prisoners.", "2016-02-23", "USA")["the Defense Department"]
    assert (pentagon.country, pentagon.sector) == ("USA", "MIL")
    # With no home state it is not ours to place; a longer name is another body.
    assert "the Treasury" not in _actors(resolver, "Builders criticised the Treasury's review "
                                         "of housing.", "2005-01-15", None)
    assert not any("Treasury" in t for t in _actors(
        resolver, "Officials met the Treasury Select Committee.", "2005-01-15", "GBR"))


def test_a_post_owned_by_a_body_gives_the_body_s_sector(resolver: ActorResolver) -> None:
    # A body described ("the charity's"): its sector; the state, as for a bare title, is home.
    holt = _actors(resolver, "The charity's director, Jane Holt, said the year offers a "
                   "chance.", "2005-01-15", "GBR")["Jane Holt"]
    assert (holt.country, holt.sector) == ("GBR", "NGO")
    # A post held before in a body is still the body's ("former chief executive": BUS, not
    # ELI); "its" is the body named last before it, whose state is the text's evidence.
    petrov = _actors(resolver, "The tax claims against Gazprom answer the ambitions of its "
                     "former chief executive, Ivan Petrov.", "2005-01-15", "GBR")
    actor = next(a for a in petrov.values() if a.name == "Ivan Petrov")
    assert (actor.country, actor.sector) == ("RUS", "BUS")
    # "its" after a state is not a body's post; a person's possessor is the staff rule's.
    after_state = _actors(resolver, "Russia sold the stake to the ambitions of its former "
                          "chief executive, Ivan Petrov.", "2005-01-15", "GBR")
    assert all(a.sector != "BUS" for a in after_state.values() if a.name == "Ivan Petrov")
    assert _placed(resolver, "Tom Vale, Mr. Obama's former national security adviser, "
                   "criticised the plan.", "Tom Vale") == ("USA", "ELI")


def test_a_state_s_people_named_by_an_imported_agent_noun_take_its_sector(
        resolver: ActorResolver) -> None:
    # The field's agent nouns, in the plural, below our own sector nouns.
    ranchers = _actors(resolver, "Russian cattle ranchers complained about the ban on "
                       "imports.", "2016-06-01")["Russian cattle ranchers"]
    assert (ranchers.country, ranchers.sector) == ("RUS", "CVL")
    lawyers = _actors(resolver, "Iraqi lawyers walked out of the trial in protest.",
                      "2016-06-01")["Iraqi lawyers"]
    assert (lawyers.country, lawyers.sector) == ("IRQ", "JUD")
    # Ours first ("troops" MIL); a singular agent is no title of ours ("first lady").
    assert _actors(resolver, "Russian troops crossed the border.", "2016-06-01")[
        "Russian troops"].sector == "MIL"
    first_lady = _actors(resolver, "The speech by first lady Michelle Obama drew cheers.",
                         "2016-06-01", "USA")
    assert all(a.sector != "ELI" for a in first_lady.values())


_CLINTON_NAMED = "Hillary Clinton spoke in Iowa. "


@pytest.mark.parametrize(("text", "mention", "who"), [
    # In apposition: the person in the office of that time (GOV), not a former official.
    ("As Mrs. Clinton, then the secretary of state, wrote in her memoir, the talks failed.",
     "Mrs. Clinton", ("Hillary Clinton", "GOV")),
    ("As Mrs. Clinton, then the secretary of state, wrote in her memoir, the talks failed.",
     "the secretary of state", ("Hillary Clinton", "GOV")),
    # Inside a phrase under "then": the past holder named before, not today's (Kerry).
    ("Sullivan, then deputy chief of staff to the secretary of state, is now an adviser.",
     "the secretary of state", ("Hillary Clinton", "GOV")),
    # "then" on a verb tells what came next: the office of the story's day.
    ("The president then met the secretary of state.", "the secretary of state",
     ("John Kerry", "GOV")),
])
def test_an_office_under_then_is_the_holder_of_that_time_the_article_names(
        resolver: ActorResolver, text: str, mention: str, who: tuple[str, str]) -> None:
    actor = _actors(resolver, _CLINTON_NAMED + text, "2016-06-01", "USA")[mention]
    assert (actor.name, actor.sector) == who


@pytest.mark.parametrize(("text", "state", "actor"), [
    # Where a move goes or comes from is a place, as after "travelled".
    ("The talks moved on Sunday to Japan, where the ministers met again.", "Japan", False),
    ("Officials said immigration from Peru had fallen.", "Peru", False),
    # Something sent: the state receives it; a warning or tariffs are acts, not journeys.
    ("The United States returned the prisoners to Cuba.", "Cuba", True),
    ("Russia sent a warning to Iran.", "Iran", True),
    ("China imposed tariffs on imports from Japan.", "Japan", True),
])
def test_a_journey_s_end_or_start_is_a_place(resolver: ActorResolver, text: str, state: str,
                                             actor: bool) -> None:
    assert (state in _actors(resolver, text, "2016-06-01")) == actor
