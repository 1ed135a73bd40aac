"""Attributes and aspects: which fact a number speaks of, from the cues in rules/frames.yaml."""

from __future__ import annotations

import pytest

from factlint.extract import extract_text


def framed(text: str, quote: str):
    [claim] = [claim for claim in extract_text(text) if claim.text == quote]
    return claim.attribute, claim.aspect


@pytest.mark.parametrize(
    ("text", "quote", "attribute", "aspect"),
    [
        (
            "Amazon is investing an additional $4 billion, bringing its total investment to $8 billion.",
            "$4 billion",
            "investment.amount",
            "increment",
        ),
        (
            "Amazon is investing an additional $4 billion, bringing its total investment to $8 billion.",
            "$8 billion",
            "investment.total",
            "cumulative",
        ),
        ("Total Amazon investment: $8 billion", "$8 billion", "investment.total", "cumulative"),
        ("New investment: $4 billion", "$4 billion", "investment.amount", "increment"),
        (
            "amazon has already invested $8 billion in this ai startup",
            "$8 billion",
            "investment.total",
            "cumulative",
        ),
        ("the investment is valued at approximately $380 billion", "$380 billion", "valuation", None),
        ("it expects capital expenditures of about $200 billion", "$200 billion", "capex", None),
        ("Amazon's cloud revenue grew 19% year-over-year to $27.5 billion", "19%", "revenue.growth", None),
        ("Amazon's cloud revenue grew 19% year-over-year to $27.5 billion", "$27.5 billion", "revenue", None),
        ("Amazon's stock was trading at $203.19, up by $1.37 (0.68%)", "$203.19", "stock.price", None),
        ("Amazon's stock was trading at $203.19, up by $1.37 (0.68%)", "$1.37", "stock.change", None),
        ("Amazon's stock was trading at $203.19, up by $1.37 (0.68%)", "0.68%", "stock.change_pct", None),
        ("The trading volume stood at 18.7 million shares", "18.7 million shares", "stock.volume", None),
        ("Anthropic will secure up to 5 gigawatts of power", "5 gigawatts", "capacity", None),
        (
            "anthropic plans to spend more than $100 billion on cloud services",
            "$100 billion",
            "commitment.spend",
            None,
        ),
        ("a market projected to reach $1.3 trillion by 2032", "$1.3 trillion", "market.forecast", None),
        ("resulting in a $3.3 billion pre-tax gain", "$3.3 billion", "profit", None),
        ("The mayor won re-election with 61% support", "61%", "election.share", None),
        ("its annualized revenue exceeding $30 billion", "$30 billion", "revenue.annualised", None),
    ],
)
def test_attributes_and_aspects(text, quote, attribute, aspect):
    assert framed(text, quote) == (attribute, aspect)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("It costs 19% more now.", "19%"),  # a percentage with no frame's context
        ("The ticket was $40.", "$40"),  # money with no cue
        ("It fell 3% on Monday.", "3%"),  # a change, but nothing says shares, an index or revenue
    ],
)
def test_no_cue_no_attribute(text, quote):
    assert framed(text, quote) == (None, None)


@pytest.mark.parametrize(
    ("text", "quote", "attribute", "aspect"),
    [
        # disasters
        ("The quake killed 40 people and injured 310 people.", "40 people", "casualties.deaths", None),
        ("The quake killed 40 people and injured 310 people.", "310 people", "casualties.injured", None),
        ("A landslide left 12 people missing.", "12 people", "casualties.missing", None),
        ("More than 10,000 people have been forced from their homes.", "10,000 people", "displaced", None),
        ("Officials said 2,000 residents were evacuated.", "2,000 residents", "evacuated", None),
        ("The death toll from the flood rose to 52 on Wednesday.", "52", "casualties.deaths", None),
        (
            "A magnitude 6.9 earthquake struck at a depth of 12 kilometres.",
            "6.9",
            "earthquake.magnitude",
            None,
        ),
        (
            "A magnitude 6.9 earthquake struck at a depth of 12 kilometres.",
            "12 kilometres",
            "earthquake.depth",
            None,
        ),
        ("The quake's epicentre was 14 km north-east of the city.", "14 km", "distance", None),
        ("The storm caused an estimated $2.1 billion in damage.", "$2.1 billion", "damage.estimate", None),
        (
            "The earthquake left a rebuilding bill of about 2.1 billion euros.",
            "2.1 billion euros",
            "damage.estimate",
            None,
        ),
        ("The government released €200 million in emergency funds.", "€200 million", "aid.amount", None),
        (
            "It approved an additional €150 million in emergency aid, bringing the total set aside for the "
            "disaster to €350 million.",
            "€150 million",
            "aid.amount",
            "increment",
        ),
        (
            "It approved an additional €150 million in emergency aid, bringing the total set aside for the "
            "disaster to €350 million.",
            "€350 million",
            "aid.total",
            "cumulative",
        ),
        # elections
        ("Turnout was 66.1%, the commission said.", "66.1%", "election.turnout", None),
        ("With 94% of ballots counted, she had 51.6% of the vote.", "94%", "election.votes_counted", None),
        ("With 94% of ballots counted, she had 51.6% of the vote.", "51.6%", "election.share", None),
        ("Independent candidate Tomas Rell took 1.3 per cent.", "1.3 per cent", "election.share", None),
        (
            "There are 6.15 million registered voters.",
            "6.15 million registered voters",
            "election.electorate",
            None,
        ),
        (
            "It is 6.15 million people on the electoral roll.",
            "6.15 million people",
            "election.electorate",
            None,
        ),
        ("Nearly 4.1 million ballots were cast.", "4.1 million ballots", "election.ballots", None),
        ("The party holds 84 of the 150 seats in parliament.", "150 seats", "election.seats", None),
        ("It ended his 12 years in office.", "12 years", "office.tenure", None),
        ("It ends the 12-year rule of the president.", "12-year", "office.tenure", None),
        # football transfers
        ("They agreed a fee of £52 million for the striker.", "£52 million", "transfer.fee", None),
        ("The club can earn up to £8 million in add-ons.", "£8 million", "transfer.addons", None),
        (
            "The club can earn a further £8 million in add-ons, making the package worth up to £60 million "
            "in all.",
            "£60 million",
            "transfer.total",
            "cumulative",
        ),
        ("He will earn £180,000 a week.", "£180,000", "pay.weekly", None),
        ("He signed a five-year contract.", "five-year", "contract.length", None),
        ("Ashbridge secured a 15% sell-on clause.", "15%", "transfer.sell_on", None),
        ("His contract has a £90 million release clause.", "£90 million", "transfer.release_clause", None),
        # deals
        ("Veltrix will hold an 18% stake in Corvane.", "18%", "stake", None),
        ("Veltrix will own 18 percent of Corvane.", "18 percent", "stake", None),
        (
            "Corvane could receive up to $300 million in milestone payments.",
            "$300 million",
            "deal.milestones",
            None,
        ),
        ("It comes on top of the $800m first tranche.", "$800m", "investment.amount", None),
        (
            "Together the two payments bring its investment in the company to $1.2bn.",
            "$1.2bn",
            "investment.total",
            "cumulative",
        ),
    ],
)
def test_attributes_of_disasters_elections_transfers_and_deals(text, quote, attribute, aspect):
    assert framed(text, quote) == (attribute, aspect)


@pytest.mark.parametrize(
    ("text", "quote", "attribute"),
    [
        ("400 people spent the night in a sports hall.", "400 people", "population"),  # no casualty cue
        ("A quarterly loss of $2 billion hit the bank.", "$2 billion", None),  # losses need a disaster
        ("The management fee of $2 million was waived.", "$2 million", None),  # a fee needs football
        ("It raised $1 billion in a week.", "$1 billion", "investment.amount"),  # not a weekly wage
        ("It sits at a depth of 12 metres in the lake.", "12 metres", None),  # a depth needs a quake
        ("The stadium will hold 60,000 seats.", "60,000 seats", None),  # seats need a chamber
        ("Prices rose 3% as 2 million voters waited.", "2 million voters", None),  # not the electorate
    ],
)
def test_near_misses_keep_their_old_attribute_or_none(text, quote, attribute):
    assert framed(text, quote)[0] == attribute


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Analysts lifted their target for Veltrix shares to $355.", "analyst.price_target"),
        ("Morgan Stanley raised its price target on Veltrix to $355.", "analyst.price_target"),
        ("The bank's price objective for the stock is $355.", "analyst.price_target"),
        # near misses: a share price, with no target in its clause
        ("Veltrix shares rose to $355, above the target set last year.", "stock.price"),
        ("Veltrix shares closed at $355.", "stock.price"),
    ],
)
def test_a_price_target_is_no_share_price(text, expected):
    money = [claim for claim in extract_text(text) if claim.kind == "money"]
    assert [claim.attribute for claim in money] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Glenosa employs around 190,000 employees worldwide.", "company.employees"),
        ("Branonvane has 59 customers, most of them utilities.", "company.customers"),
        ("Dorneon sells its turbines in 69 countries.", "company.countries"),
        ("Acme will cut 500 jobs by the end of the year.", "jobs.cut"),
        ("Acme laid off 1,200 employees in March.", "jobs.cut"),
        # near misses: jobs made, not cut; workers who are no one's count of staff
        ("The plant will create 500 jobs.", None),
        ("About 5,000 workers went on strike.", None),
    ],
)
def test_a_company_counts_by_its_unit_and_cuts_by_their_verb(text, expected):
    quantities = [claim for claim in extract_text(text) if claim.kind == "quantity"]
    assert [claim.attribute for claim in quantities] == [expected]


@pytest.mark.parametrize(
    ("text", "figure", "aspect"),
    [
        (
            "Rosberg can win the title if he scores seven points more than Hamilton.",
            "seven points",
            "difference",
        ),
        ("It costs 19% more than last time.", "19%", "difference"),
        ("The company raised $5 billion more than it did last year.", "$5 billion", "difference"),
        ("More than 2,000 people signed a petition.", "2,000 people", None),  # a qualifier before
        ("It has 12 stores, more than any rival.", "12 stores", None),  # another clause
    ],
)
def test_a_figure_more_than_another_is_their_difference(text, figure, aspect):
    (claim,) = [claim for claim in extract_text(text) if claim.text == figure]
    assert claim.aspect == aspect
