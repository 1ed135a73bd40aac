"""A seeded generator of realistic news articles for benchmarks, with every figure it planted.

Each story is about invented companies (names made of syllables, so no knowledge in rules/ fires)
and is told by four to six sources on different days, in the formats factlint reads: Markdown with
YAML or TOML front matter, HTML, wire copy (a ``By`` line, then a dateline with its year) and plain
text with a ``Published:`` line. An article has 300 to 1,500 words: claim sentences (money,
percentages, quantities, stock data, roles, absolute and relative dates) among sentences without
figures. The sources of a story repeat the same facts with the same values, written in each
outlet's house style, except for planted contradictions: in some stories one source gives another
value for a fact (``$4 billion`` against ``$5 billion``, a year off) or drops a qualifier (``$300
million`` where the others say ``up to $300 million``).

``OUT_DIR/manifest.json`` records every article (path, format, bytes, words, publication date) with
its planted claims (kind, the figure as written, its character and byte offset in the raw file, the
span of its sentence, value in base units, unit, qualifier and fact), the stories' facts, the
contradictions (fact, the value each source gives, the odd source out) and totals. It is written as
it goes, one article a line, so ``iter_articles`` reads a large one without loading it whole. The
same seed and size give byte-identical files.

A claim record holds ``kind`` (money, percent, quantity, date, role, stock), ``text`` (the figure
as written, without its qualifier: ``$4 billion``, ``19%``, ``1.5 gigawatts``, ``March 12, 2024``,
``Ana Ruiz, CEO of Veltrix Labs``), ``offset`` and ``byte_offset`` in the raw file, ``sentence``
(its start and end offsets there), ``value`` (base units: 4e9 for $4 billion; an ISO date for
dates, the first day of their period; a name for roles; a ticker for a listing), ``unit`` (ISO
currency, ``percent``, a singular noun, a date's precision, a title, an exchange), ``qualifier``
(up_to, more_than, about, nearly or null), ``fact`` (a key of the story's ``facts``, or ``event``,
``published``, ``trade``, a person's role, ``stock.move`` ...) and ``odd: true`` on the planted
contradicting figure. Dates add ``end`` and ``relative`` (whether reading them needs the
publication date: a weekday, "last week", a day without its year); stock figures add ``period``
(the trading day) and moves ``direction``; roles add ``subject``.

    .venv/bin/python bench/corpus.py /tmp/corpus-1k --size 1000 --seed 0
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import itertools
import json
import math
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

FORMATS = ("yaml+markdown", "toml+markdown", "html", "wire", "text")
SUFFIX = {"yaml+markdown": ".md", "toml+markdown": ".md", "html": ".html", "wire": ".txt", "text": ".txt"}
KINDS = ("money", "percent", "quantity", "date", "role", "stock")
MIN_WORDS, MAX_WORDS = 300, 1500


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# --- names ---------------------------------------------------------------------------------------

_ONSETS = _words(
    "Vel Cor Bran Ost Kel Mar Tor Zen Lum Quen Dra Hal Vex Nor Kyr Ard Bel Cas Del Fen Gal Jor Lin "
    "Mor Pax Rho Sar Tal Ulv Var Wex Yor Zar Ebr Ith Ober Pry Strat Thal Brev Cal Dorn Elv Fal Grev "
    "Hes Isk Jal Kor Lor Mav Nesk Orv Pel Quor Ren Sev Tev Ursk Vask Wyn Xan Yst Zel Aur Bask Cren "
    "Dav Esk Fyr Glen Harv Ivr Jest Kald Lask Mirv Nov Orm Pren Rask Silv Trev Umb Vorn"
)
_MIDDLES = _words(
    "a e i o u ai ea io ou ae ar er ir or ur an en in on un al el il ol ul as es is os us av ev iv "
    "ov et it ot at"
)
_ENDINGS = _words(
    "trix vane ora ex ion eon ium ix ano ent ova yst ara ios ell ax ica osa en is or um yn ane ette "
    "ari ino eda ux olt"
)
_FIRST = _words(
    "Ana Tomas Priya Marcus Sofie Hanne Daniel Idris Jana Lena Mateo Ingrid Kofi Yara Nikolai Elif "
    "Rafael Mei Oskar Amara Jonas Leila Viktor Noor Felix Ines Emeka Sanna Luca Maren Arjun Chiara "
    "Tobias Zofia Kenji Dalia Henrik Aisha Pavel Rosa Malik Greta Omar Linnea Samuel Keiko Bruno "
    "Farah Anton Esme Dmitri Lucia Reza Astrid Colm Nadia Sven Tereza"
)
_LAST = _words(
    "Solberg Okafor Marr Feld Anand Weiss Kell Brandt Lindqvist Osei Varga Halloran Castellano "
    "Nakamura Petrov Ferreira Haddad Kowalski Brennan Achterberg Delacroix Rinaldi Szabo Voss "
    "Okonkwo Thorsen Marchetti Lund Aldana Quist Renner Falk Moreau Duarte Sorensen Whitlock Ashby "
    "Fennimore Calloway Devereux Holm Ivers Jablonski Larkin Mendel Nyberg Orlov Pryor Quintero "
    "Rasku Sandoval Tremont Ulrich Wexler Yilmaz Zeller Abernethy Bexley Carrow Dunmore Ekwueme "
    "Farrant Gideon Hollis Iqbal Juncker-Vale Kastner Lachaud Mbatha Novak Ostrander Pellegrini"
)
_FIRMS = (
    "Hallam Securities",
    "Oriel Capital",
    "Greyfield Partners",
    "Brennock Research",
    "Talmont Securities",
    "Castor Equity Research",
    "Wexmoor Capital Markets",
    "Pellston Advisors",
    "Ardent Ridge Research",
    "Norbury Securities",
    "Kilbride Partners",
    "Sable Point Research",
)
# City, region word, currency, exchanges and spelling of the region's stories.
_REGIONS = {
    "us": (
        ("New York", "San Francisco", "Austin", "Chicago", "Boston", "Seattle", "Denver", "Atlanta"),
        "North America",
        "USD",
        ("NASDAQ", "NYSE"),
    ),
    "eu": (
        ("Frankfurt", "Paris", "Amsterdam", "Munich", "Milan", "Madrid", "Dublin", "Vienna"),
        "Europe",
        "EUR",
        ("XETRA", "EPA"),
    ),
    "uk": (("London", "Manchester", "Edinburgh", "Birmingham", "Leeds"), "Britain", "GBP", ()),
}
_WIRES = (
    "Halden Wire",
    "Ostlund Press Agency",
    "Continental Press",
    "Northline News Service",
    "Baltica Newswire",
    "Cardew News Agency",
    "Pelham Wire Service",
    "Meridian Wire",
)
# Outlet, money style (word: $4 billion, abbr: $4bn), percent style.
_OUTLETS = (
    ("TechLedger", "word", "%"),
    ("Bourse Courier", "word", "%"),
    ("The Lindmark Herald", "abbr", " per cent"),
    ("ChipWeek", "abbr", "%"),
    ("Market Dispatch", "word", " percent"),
    ("The Harbour Times", "abbr", " per cent"),
    ("Capital Observer", "word", "%"),
    ("The Evening Ledger", "word", " percent"),
    ("Fieldstone Business Journal", "word", " percent"),
    ("Ironbridge Review", "abbr", "%"),
    ("The Northgate Observer", "abbr", " per cent"),
    ("Tidewater Tribune", "word", " percent"),
    ("Quayside Post", "abbr", " per cent"),
    ("Greywell Financial", "word", "%"),
    ("Silverline Markets", "word", "%"),
    ("Corridor News", "word", "%"),
    ("The Kestrel Gazette", "abbr", " per cent"),
    ("Strand Economic Review", "abbr", "%"),
    ("Upland Courier", "word", " percent"),
    ("Compute Digest", "word", "%"),
    ("Energy Transition Monitor", "word", "%"),
    ("The Commerce Register", "word", " percent"),
    ("Brightwater Chronicle", "abbr", " per cent"),
    ("Ledgerline", "word", "%"),
)


@dataclasses.dataclass(frozen=True)
class Sector:
    """What a story's companies make, and the facility a project builds (energy sectors only)."""

    name: str
    products: str
    customers: str
    suffixes: tuple[str, ...]
    facility: str = ""
    capacity_unit: str = ""
    capacity_verb: str = ""


_SECTORS = (
    Sector("chip", "optical interconnects", "cloud providers", ("Semiconductor", "Microsystems", "Silicon")),
    Sector("battery", "battery cells", "carmakers", ("Energy", "Cells", "Power")),
    Sector("cloud software", "data analytics tools", "banks and retailers", ("Software", "Systems", "Cloud")),
    Sector("robotics", "warehouse robots", "logistics groups", ("Robotics", "Automation")),
    Sector("biotech", "gene therapies", "hospitals", ("Therapeutics", "Bio", "Biosciences")),
    Sector("payments", "payment services", "online merchants", ("Pay", "Payments", "Financial")),
    Sector("satellite", "satellite broadband", "airlines and shipping lines", ("Space", "Orbital")),
    Sector("logistics", "delivery software", "retailers", ("Logistics", "Freight")),
    Sector("medical devices", "surgical robots", "hospitals", ("Medical", "Health")),
    Sector(
        "solar", "solar panels", "utilities", ("Solar", "Renewables"), "solar farm", "megawatt", "generate"
    ),
    Sector(
        "wind",
        "offshore wind turbines",
        "utilities",
        ("Wind", "Renewables"),
        "wind farm",
        "megawatt",
        "generate",
    ),
    Sector(
        "data centre",
        "cloud computing capacity",
        "AI developers",
        ("Data", "Compute", "Digital"),
        "data centre campus",
        "gigawatt",
        "draw",
    ),
    Sector(
        "hydrogen",
        "electrolysers",
        "steelmakers",
        ("Hydrogen", "Energy"),
        "electrolyser plant",
        "megawatt",
        "draw",
    ),
    Sector(
        "grid storage",
        "grid batteries",
        "utilities",
        ("Storage", "Grid"),
        "battery storage site",
        "megawatt",
        "deliver",
    ),
)
_BIG_SUFFIXES = ("Group", "Holdings", "Industries", "Technologies", "Systems", "Corp")

# --- templates -----------------------------------------------------------------------------------
# Slots: {A} {B} full company names, {a} {b} short ones, {city} {city_b} {region} {sector} {products}
# {customers} {facility} {verb} {rival} {firm} {site}; {f:KEY} a fact's figure (with its qualifier),
# {f:KEY:adj} as an adjective ("1.5-gigawatt"); {d:KEY:PREP} a date with its preposition (KEY a date
# fact, "event" or "trade"); {p:ROLE} a person (title and name at first mention, surname after);
# {s:listing} {s:move} {s:price} {s:volume} the listing and the day's stock figures; {q:POOL} a quote,
# {qi:POOL} an indirect one.

_INVESTMENT = {
    "headlines": (
        "{a} to invest further {f:investment.additional} in {b}",
        "{a} deepens bet on {sector} startup {b}",
        "{a} puts fresh {f:investment.additional} into {b}",
        "{b} wins more backing from {a}",
    ),
    "leads": (
        "{A} said {d:event:on} it would invest an additional {f:investment.additional} in {B}, bringing its "
        "total investment in the {sector} startup to {f:investment.total}.",
        "{A} said {d:event:on} it would invest an additional {f:investment.additional} in {B}, deepening its "
        "bet on {products}.",
        "{A} will put another {f:investment.additional} into {B}, the companies said {d:event:on}, as the "
        "race to secure supplies of {products} intensifies.",
        "{B}, a {city_b}-based maker of {products}, said {d:event:on} it had secured an additional "
        "{f:investment.additional} from {A}.",
    ),
    "claims": (
        "{a} made an initial investment of {f:investment.initial} in {b} {d:investment.initial_date:in}.",
        "That follows an initial {f:investment.initial} that {a} put into the startup "
        "{d:investment.initial_date:in}.",
        "The first tranche, worth {f:investment.initial}, was paid {d:investment.initial_date:in}.",
        "{a} made an initial investment of {f:investment.initial} in {b} {d:investment.initial_date:in}, and "
        "the new tranche takes its total to {f:investment.total}.",
        "The new money brings {a}'s total investment in {b} to {f:investment.total}.",
        "In all, {a} has committed a total of {f:investment.total} to {b}.",
        "Taken together, the tranches bring {a}'s investment in {b} to {f:investment.total}.",
        "Once the second tranche closes, {a} will hold a {f:stake} stake in {b}.",
        "{a} will own {f:stake} of {b} after the deal, the companies said.",
        "The agreement gives {a} a {f:stake} stake in the startup, according to a filing.",
        "Once the deal closes {d:closing:in}, {a} will own {f:stake} of the startup.",
        "The round values {b} at {f:valuation}, according to a person familiar with the terms.",
        "People briefed on the deal said it put {b}'s valuation at {f:valuation}.",
        "The investment implies a valuation of {f:valuation} for {b}, people familiar with the matter said.",
        "{b} could also receive {f:milestones} in milestone payments if it meets production targets.",
        "The agreement includes {f:milestones} in milestone payments tied to the launch of new {products}.",
        "{b} has {f:b_employees} and plans to keep hiring engineers.",
        "The companies expect the deal to close {d:closing:in}.",
        "The transaction is expected to be completed {d:closing:in}, subject to regulatory approval.",
    ),
    "a": (
        "This takes the partnership from a bet to a supply chain",
        "We are backing a team that has already proven its technology",
        "Their technology is already designed into our next generation of products",
        "We want to secure the parts our customers will need, and this does that",
        "This is a long-term commitment, not a trade",
        "We have seen enough to put more money behind them",
    ),
    "b": (
        "We are not becoming a captive supplier",
        "This gives us the capital to scale manufacturing",
        "We remain independent, and we will keep serving every customer",
        "Most of this money goes into the factory",
        "Having a partner of this size changes what we can promise customers",
        "We will use the money to hire and to build",
    ),
    "qi_a": (
        "the startup would remain free to sell to rivals",
        "the investment reflected confidence in the startup's engineering team",
        "the company had no plans to take full control of the startup",
    ),
    "fillers": (
        "The deal is the largest bet by a company in the sector on a startup so far.",
        "{b} has said it intends to remain independent and to keep selling to rivals of {a}.",
        "Startups in the {sector} business have found it harder to raise money from venture investors.",
        "Large companies have increasingly used minority stakes to lock in access to new technology.",
        "{b} will keep its own board, although {a} will gain the right to appoint an observer.",
        "The startup's backers include several venture capital firms and a sovereign wealth fund.",
        "{a} declined to say whether it would seek a seat on the startup's board.",
        "The investment still needs clearance from competition authorities.",
        "Venture investors said the terms were generous to the startup's early backers.",
        "{b} has been building its manufacturing capacity ahead of expected demand from {customers}.",
        "Some investors in {a} have questioned whether the company should be funding outside ventures.",
        "The startup has not yet turned a profit, according to people familiar with its finances.",
        "{b} was spun out of a university research group and still licenses some of its patents.",
        "Neither company disclosed whether the tranche would be paid in cash or in shares.",
        "Minority investments of this kind rarely lead to a full takeover, bankers said.",
    ),
}

_EARNINGS = {
    "headlines": (
        "{a} revenue rises {f:revenue.growth} on strong demand for {products}",
        "{a} beats forecasts as {products} sales climb",
        "{a} posts higher sales and lifts its outlook",
        "{a} revenue climbs to {f:revenue}",
    ),
    "leads": (
        "{A} said {d:event:on} that revenue rose {f:revenue.growth} to {f:revenue} {d:period:in}, helped by "
        "strong demand for its {products}.",
        "{A} reported revenue of {f:revenue} {d:period:for} {d:event:on}, beating expectations as "
        "{customers} kept spending on {products}.",
        "{A} posted revenue of {f:revenue} {d:period:for}, the company said {d:event:on}, as sales of "
        "{products} held up better than expected.",
    ),
    "claims": (
        "Sales were up {f:revenue.growth}, the company said.",
        "Revenue rose {f:revenue.growth}, ahead of the growth analysts had pencilled in.",
        "The increase of {f:revenue.growth} was the fastest pace of growth in the company's history.",
        "Net income came in at {f:net_income}, the company said.",
        "{a} posted a net profit of {f:net_income}.",
        "Profit for the period was {f:net_income}, as the company kept a lid on costs.",
        "Gross margin widened to {f:margin}.",
        "The company's gross margin was {f:margin}, {a} said.",
        "{a} said it serves {f:customers}.",
        "The number of paying customers rose to {f:customers}.",
        "{a} ended the period with {f:customers}.",
        "{d:guidance_period:for}, {a} forecast revenue of {f:guidance}.",
        "{a} expects revenue of {f:guidance} {d:guidance_period:in}.",
        "{a} also said it would cut {f:job_cuts}, or {f:workforce} of its workforce.",
        "The company plans to cut {f:job_cuts} as it shifts spending toward {products}.",
        "The company plans to reduce its staff by {f:workforce} as part of a cost-saving drive.",
        "{a} had {f:a_employees} at the end of the period.",
    ),
    "a": (
        "Demand was strong across every region",
        "We are executing well in a difficult market",
        "Customers are consolidating their spending with fewer vendors, and we are benefiting",
        "We are investing for growth while keeping a close eye on costs",
        "Our pipeline has never been stronger",
        "The decisions on staffing were difficult but necessary",
    ),
    "b": (
        "We remain disciplined on costs",
        "Cash generation was strong and our balance sheet is healthy",
        "We are being prudent about the outlook",
        "Pricing held up better than we had expected",
    ),
    "qi_a": (
        "the company would keep investing in new products despite the cuts",
        "orders had picked up toward the end of the period",
        "the company was gaining market share from larger rivals",
    ),
    "fillers": (
        "The results were released after the market closed.",
        "{a} has been trying to reduce its reliance on a small group of large customers.",
        "Margins in the {sector} business have been squeezed by rising costs.",
        "Executives said pricing pressure had eased compared with the previous period.",
        "The company did not change its long-term financial targets.",
        "{a} has been buying back shares, a policy executives said would continue.",
        "Analysts on the earnings call pressed executives on the pace of hiring.",
        "Currency movements weighed on reported results, the company said.",
        "The outlook was broadly in line with what investors had been expecting.",
        "Inventory levels returned to normal after a period of overstocking by customers.",
        "Executives said demand from {customers} remained the biggest source of growth.",
        "{a} said it would give more detail on its spending plans at an investor meeting.",
        "Sales in {region} were weaker than elsewhere, the company said.",
        "The company said its order backlog had grown, without giving a figure.",
        "Investors have been looking for signs that the company's turnaround is working.",
    ),
}

_PROJECT = {
    "headlines": (
        "{a} to spend {f:capex} on {facility} in {city_b}",
        "{a} picks {city_b} for new {facility}",
        "{a} unveils plans for {f:capacity:adj} {facility}",
        "{a} and {b} team up on {facility} near {city_b}",
    ),
    "leads": (
        "{A} said {d:event:on} it would invest {f:capex} in a new {facility} near {city_b}, in partnership "
        "with {B}.",
        "{A} plans to build a {facility} near {city_b} at a cost of {f:capex}, the company said "
        "{d:event:on}.",
        "{A} and {B} said {d:event:on} they would build a {f:capacity:adj} {facility} near {city_b}, a "
        "project that will cost {f:capex}.",
    ),
    "claims": (
        "The site will have a capacity of {f:capacity} once fully built.",
        "At full capacity the {facility} will {verb} {f:capacity} of power.",
        "The {facility} is designed to {verb} {f:capacity} of electricity.",
        "The project is expected to create {f:jobs} once it is operating.",
        "{a} said the {facility} would support {f:jobs} in the area.",
        "Construction will employ {f:workers} at its peak.",
        "The building phase will need {f:workers}, according to planning documents.",
        "The {facility} will sit on a site of {f:area} outside {city_b}.",
        "{a} has acquired {f:area} of land for the project.",
        "{a} expects the {facility} to begin operating {d:completion:in}.",
        "The project is due to be completed {d:completion:in}.",
        "Construction is scheduled to begin {d:construction_start:in}.",
        "Work on the site will start {d:construction_start:in}, {b} said.",
        "Officials in {city_b} have offered {f:incentives} in tax incentives to secure the project.",
        "The project will benefit from {f:incentives} in public incentives, according to local officials.",
        "Once running, the {facility} will account for {f:grid_share} of the region's electricity demand.",
        "The {facility} would meet {f:grid_share} of local electricity demand, the grid operator said.",
    ),
    "a": (
        "This is the largest investment in our history",
        "We chose this site because of its access to power and skilled workers",
        "Projects like this take patience, and we are in it for the long haul",
        "We expect this site to become a model for the rest of our network",
        "Local support made the difference in choosing this location",
    ),
    "b": (
        "The grid here is ready for a project of this scale",
        "We have worked with the community from the start",
        "This partnership brings together the right skills for a difficult build",
        "We are confident we can deliver on schedule",
    ),
    "qi_a": (
        "the company had looked at other sites before settling on the location",
        "the project would be financed largely from the company's own cash",
        "the company was in talks with suppliers about long-term contracts",
    ),
    "fillers": (
        "Local residents have raised concerns about noise and traffic during construction.",
        "The project still needs final planning approval from regional authorities.",
        "Grid operators have warned that connecting large new sites could take longer than planned.",
        "Environmental groups said they would scrutinise the project's impact on local water supplies.",
        "Officials in {city_b} said the project would bring welcome investment to the area.",
        "Demand for electricity from large industrial users has been rising across {region}.",
        "Developers have struggled to find sites with enough grid capacity for projects of this size.",
        "{b} will manage construction and operate the site under a long-term contract.",
        "The site was previously used for farming and light industry.",
        "Planning documents filed with the council describe the project in detail.",
        "Supply shortages for transformers and switchgear have delayed similar projects elsewhere.",
        "Community groups have asked for guarantees that local contractors will be hired.",
        "The region has attracted several large energy projects, helped by generous permitting rules.",
        "Critics say the incentives offered to secure such projects are too generous.",
        "The companies said they would publish an environmental assessment before work begins.",
    ),
}

_ACQUISITION = {
    "headlines": (
        "{a} to buy {b} for {f:price}",
        "{a} agrees deal to acquire {b}",
        "{a} bets on {products} with {b} takeover",
        "{b} agrees to takeover by {a} for {f:price}",
    ),
    "leads": (
        "{A} said {d:event:on} it had agreed to buy {B} for {f:price}, in a deal that would expand its "
        "reach in {products}.",
        "{A} has agreed to acquire {B}, a maker of {products}, for {f:price}, the companies said "
        "{d:event:on}.",
        "{A} will buy {B} for {f:price} in cash, the companies said {d:event:on}, creating a larger rival in "
        "the {sector} market.",
    ),
    "claims": (
        "{a} will pay {f:per_share} a share in cash, a premium of {f:premium} to {b}'s closing price before "
        "the announcement.",
        "The offer of {f:per_share} a share represents a premium of {f:premium}.",
        "The price represents a {f:premium} premium to where {b} shares traded before the announcement.",
        "Shareholders of {b} will receive {f:per_share} for each share they own.",
        "{b} reported revenue of {f:b_revenue} {d:b_revenue_year:in}.",
        "{b} had sales of {f:b_revenue} {d:b_revenue_year:in}, according to its accounts.",
        "{b} employs {f:b_employees} across its sites.",
        "The deal will bring {f:b_employees} into the combined company.",
        "{a} expects the deal to produce annual cost savings of {f:synergies}.",
        "Executives said the combination would generate cost savings of {f:synergies} by cutting overlapping "
        "functions.",
        "{b} would owe {a} a break fee of {f:break_fee} if it walked away from the deal.",
        "The agreement includes a break fee of {f:break_fee}, according to a regulatory filing.",
        "The companies expect the deal to close {d:closing:in}.",
        "The transaction is expected to be completed {d:closing:in}, subject to shareholder approval.",
    ),
    "a": (
        "Together we can offer customers a complete platform",
        "This deal accelerates our strategy",
        "Their team and their technology are what we were missing",
        "We have admired this company for a long time",
        "The combination creates a stronger competitor in a market that rewards scale",
    ),
    "b": (
        "This is the right home for our people and our products",
        "Our shareholders will receive full value for the business",
        "Joining a larger group lets us reach customers we could never reach alone",
        "The board concluded that the offer was in the best interests of shareholders",
    ),
    "qi_a": (
        "the deal would add to earnings once integration costs were absorbed",
        "the company would keep the acquired brand",
        "the takeover would be financed with cash and new debt",
    ),
    "fillers": (
        "The deal is subject to approval by shareholders of {b} and by competition regulators.",
        "Bankers said other bidders had shown interest in {b} before the agreement was reached.",
        "{b}'s board has recommended that shareholders accept the offer.",
        "Activist investors had pushed {b} to explore a sale.",
        "The combined company will be based in {city}, the companies said.",
        "Regulators in {region} have taken a tougher line on deals in the {sector} industry.",
        "The takeover is the largest in the sector for some time, according to bankers.",
        "Integration will be led by a team drawn from both companies.",
        "{a} said it would keep the {b} brand for existing customers.",
        "Shareholders in {a} gave the deal a cautious welcome.",
        "Advisers to the companies included several large investment banks.",
        "Some investors said the offer undervalued {b}'s longer-term prospects.",
        "The companies said there would be some overlap in their sales teams.",
        "Union representatives said they would seek assurances about jobs at {b}.",
        "A rival bid is considered unlikely, according to people familiar with the process.",
    ),
}

# Claims about the facts of _profile_facts, in any story that has them.
_PROFILE = (
    "{a} reported revenue of {f:a_revenue} {d:a_revenue_year:in}.",
    "{a} generated revenue of {f:a_revenue} {d:a_revenue_year:in}, according to its annual report.",
    "{a} employs {f:a_employees} worldwide.",
    "{a} has {f:a_employees} on its payroll.",
    "Founded {d:a_founded:in}, {a} has grown into a major supplier of {products}.",
    "{a}, which was founded {d:a_founded:in}, is based in {city}.",
    "Founded {d:b_founded:in}, {b} sells {products} to {customers}.",
    "{b}, which was founded {d:b_founded:in}, has grown quickly on the back of demand from {customers}.",
    "{b}, which has {f:b_employees}, is based in {city_b}.",
    "{b} currently has {f:b_employees} on its payroll, according to its website.",
    "{a} has operations in {f:a_countries}.",
    "{a} sells its {products} in {f:a_countries}.",
    "{a} spends {f:a_rd} of its revenue on research and development.",
    "Research spending accounts for {f:a_rd} of sales at {a}.",
    "{b} serves {f:b_customers}, most of them {customers}.",
    "{b} has {f:b_customers}, according to people familiar with its finances.",
    "Analysts at {firm} estimate that the market for {products} could reach {f:market_size} "
    "{d:market_year:by}.",
    "The market for {products} is expected to be worth {f:market_size} {d:market_year:by}, according to "
    "{firm}.",
    "The market for {products} is growing by {f:market_growth} annually, according to {firm}.",
    "{firm} expects demand for {products} to grow by {f:market_growth} annually.",
    "{firm} raised its price target on {a} to {f:price_target} from {f:price_target_old}.",
    "Analysts at {firm} lifted their target for {a} shares to {f:price_target} from {f:price_target_old}.",
    "{a} has a market value of {f:a_market_value}.",
    "{a} is valued at {f:a_market_value} on the stock market.",
)
_THEMES = {"investment": _INVESTMENT, "earnings": _EARNINGS, "project": _PROJECT, "acquisition": _ACQUISITION}
_THEME_WEIGHTS = {"investment": 3, "earnings": 3, "project": 2, "acquisition": 3}
_ROLES = {
    "investment": ("ceo_a", "ceo_b", "analyst"),
    "earnings": ("ceo_a", "cfo_a", "analyst"),
    "project": ("ceo_a", "ceo_b", "analyst"),
    "acquisition": ("ceo_a", "ceo_b", "analyst"),
}
_QUOTES = (
    '"{q:POOL}," {p:ROLE} said.',
    '"{q:POOL}," said {p:ROLE}.',
    '"{q:POOL}," {p:ROLE} told reporters.',
    "{p:ROLE} said in a statement that {qi:POOL}.",
)
_ANALYST_QUOTES = (
    "The market had been waiting for a move like this",
    "It is a sensible deal, but execution will be everything",
    "Investors will want to see evidence that the returns justify the spending",
    "The strategic logic is clear, even if the price is not cheap",
    "This is a bold bet, and not everyone is convinced",
    "We think the risks are well understood",
    "The headline looks good, but the outlook matters more",
    "Competitors will have to respond, and quickly",
)
_ANALYST_INDIRECT = (
    "the move made strategic sense but carried execution risk",
    "investors would focus on how quickly the spending pays off",
    "rivals were likely to respond with moves of their own",
)
_STOCK = (
    "Shares of {A} ({s:listing}) {s:move} to {s:price} {d:trade:on}.",
    "{a} shares {s:move} to close at {s:price} {d:trade:on}, while the broader market was little changed.",
    "Shares of {a} {s:move} in early trading {d:trade:on}.",
    "{a} stock {s:move} to {s:price} by the close, its biggest move in some time.",
)
_VOLUME = (
    "About {s:volume} changed hands, well above the usual level.",
    "Trading was heavy, with {s:volume} changing hands.",
)

# Sentences without figures, dates or roles: background, context and colour, in any story.
FILLERS = (
    "The announcement comes as competition in the {sector} industry intensifies.",
    "{a} did not respond to a request for further comment.",
    "Representatives for {b} declined to comment beyond the statement.",
    "Investors have been watching closely for signs that demand for {products} is slowing.",
    "Industry executives say the market for {products} remains fragmented, with no clear leader.",
    "{a} has spent heavily to expand its presence in {region}.",
    "Regulators in {region} have become more cautious about deals of this kind.",
    "The move drew a mixed reaction from investors, some of whom had questioned the price.",
    "Several large customers have said they want alternative suppliers for critical parts.",
    "People familiar with the talks said the negotiations had been difficult at times.",
    "Critics argue that the sector has attracted more money than it can sensibly use.",
    "{rival}, a competitor, has pursued a similar strategy with mixed results.",
    "The company has not disclosed how it plans to finance the expansion.",
    "Supply chain problems have eased, but executives remain wary of new disruptions.",
    "Labour costs and energy prices remain the biggest risks to the plan, according to people close to "
    "the company.",
    "Some customers have complained about delays in deliveries.",
    "{a} said it remained focused on profitability rather than growth at any cost.",
    "Neither company disclosed the full terms of the agreement.",
    "The news was welcomed by local officials in {site}.",
    "Trade groups have lobbied for clearer rules on how such deals are reviewed.",
    "Executives at {b} have long argued that scale is essential in the {sector} business.",
    "Higher borrowing costs have made investors more selective about where they put their money.",
    "{a} has been trying to reduce its reliance on outside suppliers.",
    "Bankers say appetite for deals in the {sector} sector has picked up.",
    "The plans had been reported by a trade publication before the announcement.",
    "Employees were told about the decision at an internal meeting, according to a person who attended.",
    "The company said it would provide more details when it next reports results.",
    "Some shareholders had pushed {a} to return more cash rather than spend it on expansion.",
    "Governments in {region} have offered incentives to attract investment in {products}.",
    "The deal highlights how quickly the {sector} landscape is shifting.",
    "Analysts had long expected a move of this kind.",
    "Competition for engineers with the right skills remains fierce.",
    "The companies have worked together on several joint projects.",
    "{a} said it did not comment on market speculation.",
    "The agreement includes provisions that protect existing customers of {b}.",
    "Critics of the plan say it could reduce choice for smaller buyers.",
    "{a} declined to say how the move would affect its earnings outlook.",
    "Demand from {customers} has been a major driver of growth across the industry.",
    "The plan marks a shift in strategy for {a}, which had previously focused on organic growth.",
    "Several rivals are developing competing products, according to industry consultants.",
    "The decision follows a lengthy review of the company's operations.",
    "Credit rating agencies said they were reviewing the implications of the move.",
    "Local business groups said the plan would bring welcome activity to {site}.",
    "The company's board backed the plan unanimously, according to the statement.",
    "Investors will be looking for evidence that the strategy is paying off.",
    "Both companies said they expected the relationship to deepen over time.",
    "{b} has built a reputation for reliable {products}.",
    "Shareholder advisory firms have yet to issue recommendations.",
    "Hedge funds had built positions in the sector ahead of the news.",
    "Industry observers said the timing of the announcement was notable.",
    "{a} has been under pressure to show that its heavy spending will pay off.",
    "The wider industry has been consolidating as smaller players struggle to compete.",
    "Executives have said that securing supply has become as important as winning customers.",
    "Some employees had questioned the direction of the company, according to internal messages.",
    "The company's previous attempts to expand into new markets met with mixed success.",
    "Political pressure to keep manufacturing close to home has shaped investment across the sector.",
    "Consultants who advise the industry say prices for {products} are likely to stay volatile.",
    "{rival} and other competitors have announced plans of their own.",
    "The announcement did little to change the views of sceptics.",
    "Customers said they would wait to see whether the promised improvements materialise.",
)
# More sentences without figures, a subject and a predicate each, for the longest articles.
_SUBJECTS = (
    "Investors",
    "Rival executives",
    "Bankers who work in the sector",
    "Regulators in {region}",
    "Suppliers",
    "Industry consultants",
    "Trade unions",
    "Local officials",
    "Several large shareholders",
    "People close to {a}",
    "Customers of {b}",
    "Economists who follow the industry",
    "Credit investors",
    "Former employees of {a}",
)
_PREDICATES = (
    "have questioned the pace of spending in the {sector} industry.",
    "remain cautious about the outlook for {products}.",
    "have called for more transparency from companies in the sector.",
    "expect further consolidation among makers of {products}.",
    "say the market is becoming more crowded.",
    "are watching for signs of a slowdown in orders from {customers}.",
    "point to rising costs as the main concern.",
    "say demand from {customers} remains resilient.",
    "see the move as part of a broader shift in the industry.",
    "have raised questions about the security of supply.",
    "are divided over the strategy.",
    "have warned that integration problems could erode the benefits.",
    "say the approach could be copied by rivals.",
    "have urged {a} to spell out its priorities more clearly.",
    "say pricing for {products} has become more aggressive.",
    "expect governments in {region} to scrutinise the sector more closely.",
)
_PAIRS = list(itertools.product(_SUBJECTS, _PREDICATES))
_OPENERS = ("Meanwhile, ", "Still, ", "At the same time, ", "Separately, ", "However, ", "In addition, ")
# Words a filler must not contain: numbers, dates, units and titles would be unplanted claims.
FORBIDDEN = re.compile(
    r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million|"
    r"billion|half|first|second|third|fourth|percent|per cent|today|yesterday|tomorrow|tonight|now|day|days|"
    r"week|weeks|month|months|year|years|quarter|quarters|decade|season|ago|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|ceo|chief|president|director|chairman|chair|founder|analyst|"
    r"spokesperson|spokesman|spokeswoman|minute|minutes|hour|hours|mile|miles|feet|foot)\b",
    re.IGNORECASE,
)

# --- numbers and dates as written ----------------------------------------------------------------

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_MONTHS = _words("January February March April May June July August September October November December")
_WIRE_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = ("first", "second", "third", "fourth")
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}
_CURRENCY_WORDS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds"}
_QUALIFIERS = {
    "up_to": ("up to", "as much as"),
    "more_than": ("more than", "over"),
    "about": ("about", "around", "roughly", "an estimated"),
    "nearly": ("nearly", "almost"),
    "at_least": ("at least",),
}


def _sig(value: float, digits: int = 2) -> float:
    """``value`` rounded to ``digits`` significant digits."""
    return float(round(value, digits - 1 - math.floor(math.log10(abs(value)))))


def _decimal(value: float, places: int = 2) -> str:
    """A number without trailing zeros: 4 -> "4", 1.20 -> "1.2"."""
    return f"{value:.{places}f}".rstrip("0").rstrip(".")


def money_text(value: float, currency: str, style: str) -> str:
    """An amount as an outlet writes it: ``$4 billion``, ``$4bn``, ``4 billion dollars``, ``$48.50``."""
    symbol = _SYMBOLS[currency]
    if value < 1e4:
        return f"{symbol}{value:,.2f}" if value != int(value) else f"{symbol}{int(value):,}"
    if value < 1e6:
        return f"{symbol}{int(value):,}"
    scale, word, abbr = (1e9, "billion", "bn") if value >= 1e9 else (1e6, "million", "m")
    number = _decimal(value / scale)
    if style == "abbr":
        return f"{symbol}{number}{abbr}"
    if style == "words":
        return f"{number} {word} {_CURRENCY_WORDS[currency]}"
    return f"{symbol}{number} {word}"


def count_text(value: float) -> str:
    """A count as news writes it: ``three``, ``340``, ``12,000``, ``1.5 million``."""
    if value < 10 and value == int(value):
        return _NUMBER_WORDS[int(value)]
    if value >= 1e6:
        return f"{_decimal(value / 1e6, 1)} million"
    return f"{int(value):,}" if value == int(value) else _decimal(value, 1)


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _period(start: dt.date, precision: str) -> dt.date:
    """The last day of the period of ``precision`` that begins on ``start``."""
    if precision == "day":
        return start
    if precision == "week":
        return start + dt.timedelta(days=6)
    months = {"month": 1, "quarter": 3, "year": 12}[precision]
    year, month = _add_months(start, months)
    return dt.date(year, month, 1) - dt.timedelta(days=1)


# --- the world of a story ------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Company:
    """An invented company: its full and short name, and its listing when it has one."""

    name: str
    short: str
    exchange: str = ""
    ticker: str = ""


@dataclasses.dataclass(frozen=True)
class Person:
    """An invented person and the title a story gives them."""

    name: str
    title: str
    org: str
    org_short: str

    @property
    def last(self) -> str:
        return self.name.split()[-1]


@dataclasses.dataclass(frozen=True)
class Fact:
    """One fact of a story: a figure (or date) about a subject at a time, and how it is qualified.

    Dates keep their first day in ``value`` (an ISO string) and their ``precision``.
    """

    key: str
    kind: str
    value: Any
    unit: str
    subject: str
    period: str
    qualifier: str | None = None
    noun: str = ""
    precision: str = ""
    core: bool = False
    contestable: bool = True
    tied: tuple[str, ...] = ()

    def record(self) -> dict[str, Any]:
        """The fact as the manifest lists it."""
        record = {
            "attribute": self.key,
            "kind": self.kind,
            "period": self.period,
            "qualifier": self.qualifier,
        }
        record |= {"subject": self.subject, "unit": self.unit, "value": self.value}
        if self.kind == "date":
            record["precision"] = self.precision
        return record


@dataclasses.dataclass
class Plan:
    """One source of a story: its outlet, format, day, the facts it gives and the values it gets wrong."""

    outlet: str
    money_style: str
    percent_style: str
    format: str
    published: dt.date
    author: str
    covered: tuple[str, ...]
    target: int
    overrides: dict[str, tuple[Fact, str]] = dataclasses.field(default_factory=dict)
    path: str = ""


@dataclasses.dataclass
class Story:
    """A story's world: companies, people, places, facts, share prices and its sources."""

    id: str
    theme: str
    sector: Sector
    region: str
    currency: str
    city: str
    city_b: str
    a: Company
    b: Company
    rival: str
    people: dict[str, Person]
    event: dt.date
    size: float
    facts: dict[str, Fact]
    stock: dict[dt.date, tuple[float, float, float, int]]
    plans: list[Plan] = dataclasses.field(default_factory=list)

    def words(self) -> dict[str, str]:
        """The entity slots of the templates."""
        sector = self.sector
        facility = sector.facility.replace("centre", "center") if self.region == "us" else sector.facility
        return {
            "A": self.a.name,
            "a": self.a.short,
            "B": self.b.name,
            "b": self.b.short,
            "city": self.city,
            "city_b": self.city_b,
            "site": self.city_b if self.theme in ("project", "investment") else self.city,
            "region": _REGIONS[self.region][1],
            "sector": sector.name,
            "products": sector.products,
            "customers": sector.customers,
            "facility": facility,
            "verb": sector.capacity_verb,
            "rival": self.rival,
            "firm": self.people["analyst"].org,
        }


class _Names:
    """Company and person names; company names are unique across the corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self, unique: bool = True) -> str:
        rng = self.rng
        for attempt in range(1000):
            word = rng.choice(_ONSETS) + rng.choice(_MIDDLES) * (rng.random() < 0.4) + rng.choice(_ENDINGS)
            if attempt > 50:
                word += rng.choice(_ENDINGS)
            if not unique or word not in self.used:
                self.used.add(word)
                return word
        raise RuntimeError("ran out of company names")

    def company(self, suffixes: tuple[str, ...], exchange: str = "") -> Company:
        short = self.word()
        ticker = ""
        if exchange:
            letters = [c for c in short.upper()[1:] if c not in "AEIOU"]
            ticker = short[0].upper() + "".join(letters[: self.rng.choice((2, 3))])
        return Company(f"{short} {self.rng.choice(suffixes)}", short, exchange, ticker)

    def person(self) -> str:
        return f"{self.rng.choice(_FIRST)} {self.rng.choice(_LAST)}"


def _nice(rng: random.Random, low: float, high: float, digits: int = 2) -> float:
    """A round-looking figure between ``low`` and ``high``, spread evenly on a log scale."""
    return _sig(10 ** rng.uniform(math.log10(low), math.log10(high)), digits)


def _percent(rng: random.Random, low: float, high: float, decimals: float = 0.3) -> float:
    value = rng.uniform(low, high)
    return round(value, 1) if rng.random() < decimals else float(round(value))


def _qualifier(rng: random.Random, options: dict[str | None, float]) -> str | None:
    keys = list(options)
    return rng.choices(keys, weights=[options[key] for key in keys])[0]


def _quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _money(
    key: str,
    value: float,
    story: Story,
    subject: str,
    period: str,
    qualifier: str | None = None,
    **extra: Any,
) -> Fact:
    return Fact(key, "money", value, story.currency, subject, period, qualifier, **extra)


def _share(
    key: str, value: float, subject: str, period: str, qualifier: str | None = None, **extra: Any
) -> Fact:
    return Fact(key, "percent", value, "percent", subject, period, qualifier, **extra)


def _count(
    key: str, value: float, noun: str, subject: str, period: str, qualifier: str | None = None, **extra: Any
) -> Fact:
    unit = {"people": "person", "countries": "country"}.get(noun, noun.removesuffix("s"))
    return Fact(key, "quantity", value, unit, subject, period, qualifier, noun=noun, **extra)


def _date_fact(key: str, start: dt.date, precision: str, subject: str, period: str, **extra: Any) -> Fact:
    return Fact(key, "date", start.isoformat(), "", subject, period, precision=precision, **extra)


def _investment_facts(rng: random.Random, story: Story) -> dict[str, Fact]:
    """A company puts a further tranche into a startup: increment, first tranche, total, stake."""
    b, event = story.b.name, story.event.isoformat()
    additional = _nice(rng, story.size * 0.01, story.size * 0.15)
    initial = _nice(rng, additional * 0.4, additional * 2.5)
    year, month = _add_months(story.event, -rng.randint(4, 20))
    paid = dt.date(year, month, 1)
    closing = _quarter_start(story.event + dt.timedelta(days=rng.randint(60, 300)))
    return _keyed(
        _money("investment.additional", additional, story, b, event, core=True),
        _money(
            "investment.initial", initial, story, b, paid.isoformat()[:7], tied=("investment.initial_date",)
        ),
        _date_fact("investment.initial_date", paid, "month", b, event, tied=("investment.initial",)),
        _money("investment.total", _sig(additional + initial, 3), story, b, event, core=True),
        _share("stake", _percent(rng, 5, 45, 0.2), b, event, core=True),
        _money(
            "valuation", _nice(rng, additional * 4, additional * 30), story, b, event, _maybe(rng, "about")
        ),
        _money("milestones", _nice(rng, additional * 0.1, additional * 0.6), story, b, event, "up_to"),
        _count(
            "b_employees",
            _nice(rng, 40, 4000),
            rng.choice(("employees", "people")),
            b,
            event,
            _qualifier(rng, {None: 2, "about": 1, "more_than": 1}),
        ),
        _date_fact("closing", closing, "quarter", story.a.name, event),
    )


def _earnings_facts(rng: random.Random, story: Story) -> dict[str, Fact]:
    """A company reports a quarter: revenue, growth, profit, margin, customers, outlook, job cuts."""
    a = story.a.name
    start = _quarter_start(story.event - dt.timedelta(days=60))
    following = _quarter_start(start + dt.timedelta(days=100))
    period, next_period = _quarter_name(start), _quarter_name(following)
    revenue = _sig(story.size / 4 * rng.uniform(0.95, 1.35), 3)
    staff = _staff(rng, story)
    return _keyed(
        _money("revenue", revenue, story, a, period, core=True),
        _date_fact("period", start, "quarter", a, period, core=True, contestable=False),
        _share("revenue.growth", _percent(rng, 2, 45, 0.5), a, period, core=True),
        _money("net_income", _nice(rng, revenue * 0.04, revenue * 0.3), story, a, period),
        _share("margin", _percent(rng, 18, 72, 0.6), a, period),
        _count("customers", _nice(rng, 1500, 3e6), "customers", a, period, _maybe(rng, "more_than")),
        _money(
            "guidance",
            _nice(rng, revenue * 0.95, revenue * 1.2, 3),
            story,
            a,
            next_period,
            "up_to",
            tied=("guidance_period",),
        ),
        _date_fact(
            "guidance_period", following, "quarter", a, next_period, contestable=False, tied=("guidance",)
        ),
        _count(
            "job_cuts", _nice(rng, staff * 0.03, staff * 0.12), "jobs", a, period, _maybe(rng, "about", 2)
        ),
        _share("workforce", _percent(rng, 3, 12, 0.0), a, period, "about"),
        _count("a_employees", staff, "employees", a, period, _maybe(rng, "about")),
    )


def _project_facts(rng: random.Random, story: Story) -> dict[str, Fact]:
    """A company builds a facility with a partner: cost, capacity, jobs, site, schedule, incentives."""
    a, event = story.a.name, story.event.isoformat()
    unit = story.sector.capacity_unit
    capacity = round(rng.uniform(0.5, 5), 1) if unit == "gigawatt" else _nice(rng, 50, 900)
    year, month = _add_months(story.event, rng.randint(1, 10))
    return _keyed(
        _money(
            "capex",
            _nice(rng, story.size * 0.02, story.size * 0.4),
            story,
            a,
            event,
            _qualifier(rng, {None: 2, "more_than": 1, "about": 1}),
            core=True,
        ),
        _count("capacity", capacity, unit + "s", a, event, _maybe(rng, "up_to", 3), core=True),
        _count("jobs", _nice(rng, 80, 3000), "jobs", a, event, _maybe(rng, "about")),
        _count("workers", _nice(rng, 400, 8000), "workers", a, event, "up_to"),
        _count("area", _nice(rng, 30, 2000), "hectares" if story.region == "eu" else "acres", a, event),
        _date_fact("completion", dt.date(story.event.year + rng.randint(1, 4), 1, 1), "year", a, event),
        _date_fact("construction_start", dt.date(year, month, 1), "month", a, event),
        _money("incentives", _nice(rng, 2e7, 9e8), story, a, event, _maybe(rng, "about")),
        _share("grid_share", _percent(rng, 2, 25, 0.3), a, event),
    )


def _acquisition_facts(rng: random.Random, story: Story) -> dict[str, Fact]:
    """A company buys another: price, per-share offer and premium, the target's size, savings, fees."""
    a, b, event = story.a.name, story.b.name, story.event.isoformat()
    price = _nice(rng, story.size * 0.02, story.size * 0.7)
    last_year = dt.date(story.event.year - 1, 1, 1)
    closing = _quarter_start(story.event + dt.timedelta(days=rng.randint(90, 360)))
    facts = _keyed(
        _money("price", price, story, b, event, _maybe(rng, "about", 3), core=True),
        _money(
            "b_revenue",
            _nice(rng, price * 0.05, price * 0.5),
            story,
            b,
            str(last_year.year),
            tied=("b_revenue_year",),
        ),
        _date_fact("b_revenue_year", last_year, "year", b, event, contestable=False, tied=("b_revenue",)),
        _count("b_employees", _nice(rng, 150, 20000), "employees", b, event, _maybe(rng, "about")),
        _money("synergies", _nice(rng, price * 0.01, price * 0.08), story, a, event, "about"),
        _money("break_fee", _nice(rng, price * 0.02, price * 0.05), story, b, event),
        _date_fact("closing", closing, "quarter", a, event),
    )
    if rng.random() < 0.6:
        facts["per_share"] = _money("per_share", round(rng.uniform(8, 240), 2), story, b, event, core=True)
        facts["premium"] = _share("premium", float(rng.randint(12, 65)), b, event, core=True)
    return facts


def _profile_facts(rng: random.Random, story: Story) -> dict[str, Fact]:
    """Background any story may give: the companies' size and age, their market, analysts' targets."""
    a, b, event = story.a.name, story.b.name, story.event.isoformat()
    last_year = dt.date(story.event.year - 1, 1, 1)
    market_year = dt.date(story.event.year + rng.randint(3, 7), 1, 1)
    market = f"market for {story.sector.products}"
    facts = _keyed(
        _money("a_revenue", story.size, story, a, str(last_year.year), tied=("a_revenue_year",)),
        _date_fact("a_revenue_year", last_year, "year", a, event, contestable=False, tied=("a_revenue",)),
        _count(
            "a_employees",
            _staff(rng, story),
            rng.choice(("employees", "people")),
            a,
            event,
            _maybe(rng, "about"),
        ),
        _date_fact("a_founded", dt.date(rng.randint(1950, story.event.year - 12), 1, 1), "year", a, event),
        _date_fact("b_founded", dt.date(rng.randint(2006, story.event.year - 2), 1, 1), "year", b, event),
        _count("a_countries", float(rng.randint(3, 60)), "countries", a, event, _maybe(rng, "more_than", 3)),
        _share("a_rd", _percent(rng, 4, 25, 0.2), a, str(last_year.year), "about"),
        _count("b_customers", _nice(rng, 40, 9000), "customers", b, event, _maybe(rng, "more_than")),
        _money(
            "market_size",
            _nice(rng, 5e9, 5e11),
            story,
            market,
            str(market_year.year),
            _maybe(rng, "more_than"),
            tied=("market_year",),
        ),
        _date_fact(
            "market_year", market_year, "year", market, event, contestable=False, tied=("market_size",)
        ),
        _share("market_growth", _percent(rng, 4, 30, 0.3), market, event, "about"),
    )
    if story.a.ticker:
        price = story.stock[min(story.stock)][0]
        old = _sig(price * rng.uniform(1.0, 1.3), 3)
        facts["price_target"] = _money(
            "price_target", _sig(old * rng.uniform(1.08, 1.3), 3), story, a, event, tied=("price_target_old",)
        )
        facts["price_target_old"] = _money(
            "price_target_old", old, story, a, event, contestable=False, tied=("price_target",)
        )
        value = _nice(rng, story.size * 0.8, story.size * 8)
        facts["a_market_value"] = _money("a_market_value", value, story, a, event, "about")
    if story.theme == "earnings":
        for key in ("a_employees", "b_founded", "b_customers"):
            del facts[key]
    return facts


def _staff(rng: random.Random, story: Story) -> float:
    """The first company's headcount, from its revenue per employee."""
    return _sig(story.size / rng.uniform(1.5e5, 6e5), 2)


def _keyed(*facts: Fact) -> dict[str, Fact]:
    return {fact.key: fact for fact in facts}


def _maybe(rng: random.Random, qualifier: str, odds: int = 1) -> str | None:
    """``qualifier``, or none ``odds`` times as often."""
    return _qualifier(rng, {None: odds, qualifier: 1})


def _quarter_name(start: dt.date) -> str:
    return f"{start.year}-Q{(start.month - 1) // 3 + 1}"


_BUILDERS = {
    "investment": _investment_facts,
    "earnings": _earnings_facts,
    "project": _project_facts,
    "acquisition": _acquisition_facts,
}
_MAIN = {
    "investment": ("investment.additional",),
    "earnings": ("revenue", "period"),
    "project": ("capex",),
    "acquisition": ("price",),
}


def _event_day(rng: random.Random) -> dt.date:
    day = dt.date(2022, 1, 3) + dt.timedelta(days=rng.randint(0, 4 * 365))
    return day - dt.timedelta(days=max(0, day.weekday() - 4))


def _stock(rng: random.Random, event: dt.date) -> dict[dt.date, tuple[float, float, float, int]]:
    """Each trading day's previous close, close, percentage change (as written) and volume."""
    close = round(rng.uniform(12, 420), 2)
    days: dict[dt.date, tuple[float, float, float, int]] = {}
    for offset in range(-3, 16):
        day = event + dt.timedelta(days=offset)
        if day.weekday() > 4:
            continue
        while True:
            move = rng.choice((-1, 1)) * rng.uniform(0.3, 9 if day == event else 4)
            price = round(close * (1 + move / 100), 2)
            change = round((price / close - 1) * 100, 1)
            if change:
                break
        days[day] = (close, price, change, rng.randint(12, 450) * 100_000)
        close = price
    return days


def _story(rng: random.Random, number: int, width: int, formats: list[str], names: _Names) -> Story:
    """A story and the plans of its sources, one a format in ``formats``."""
    theme = rng.choices(list(_THEME_WEIGHTS), weights=list(_THEME_WEIGHTS.values()))[0]
    sectors = [s for s in _SECTORS if s.facility] if theme == "project" else list(_SECTORS)
    sector = rng.choice(sectors)
    region = rng.choices(("us", "eu", "uk"), weights=(13, 5, 2))[0]
    cities, _, currency, exchanges = _REGIONS[region]
    city, city_b = rng.sample(cities, 2)
    listed = exchanges and rng.random() < (0.9 if theme == "earnings" else 0.6)
    a = names.company(
        _BIG_SUFFIXES if theme != "earnings" else sector.suffixes, rng.choice(exchanges) if listed else ""
    )
    b = names.company(sector.suffixes)
    people = {
        "ceo_a": Person(names.person(), "chief executive officer", a.name, a.short),
        "ceo_b": Person(names.person(), "chief executive officer", b.name, b.short),
        "cfo_a": Person(names.person(), "chief financial officer", a.name, a.short),
    }
    firm = rng.choice(_FIRMS)
    people["analyst"] = Person(names.person(), "analyst", firm, firm)
    event = _event_day(rng)
    story = Story(
        id=f"story-{number:0{width}d}",
        theme=theme,
        sector=sector,
        region=region,
        currency=currency,
        city=city,
        city_b=city_b,
        a=a,
        b=b,
        rival=names.word(unique=False),
        people=people,
        event=event,
        size=_nice(rng, 5e8, 9e10),
        facts={},
        stock=_stock(rng, event) if a.ticker else {},
    )
    story.facts = _profile_facts(rng, story) | _BUILDERS[theme](rng, story)
    story.plans = _plans(rng, story, formats)
    _plant(rng, story)
    return story


def _plans(rng: random.Random, story: Story, formats: list[str]) -> list[Plan]:
    """The sources: distinct outlets, days from the event on, and the facts each one gives."""
    offsets = sorted([0] + [rng.randint(0, 9) for _ in formats[1:]])
    wires = iter(rng.sample(_WIRES, len(formats)))
    outlets = iter(rng.sample(_OUTLETS, len(formats)))
    plans = []
    for fmt, offset in zip(formats, offsets, strict=True):
        name, money, percent = (next(wires), "word", "%") if fmt == "wire" else next(outlets)
        money = "words" if rng.random() < 0.06 else money
        target = round(rng.triangular(MIN_WORDS + 30, MAX_WORDS - 30, 650))
        published = story.event + dt.timedelta(days=offset)
        plans.append(
            Plan(name, money, percent, fmt, published, _author(rng), _coverage(rng, story, target), target)
        )
    return plans


def _author(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _coverage(rng: random.Random, story: Story, target: int) -> tuple[str, ...]:
    """The facts one source gives: the main ones always, core ones mostly, more others in longer ones.

    Tied facts (an amount and the date it was paid) come together.
    """
    others = 0.3 + 0.45 * (target - MIN_WORDS) / (MAX_WORDS - MIN_WORDS)
    chosen = set(_MAIN[story.theme])
    decided = set(chosen)
    for key, fact in story.facts.items():
        if key in decided:
            continue
        group = {key, *fact.tied}
        decided |= group
        if rng.random() < (0.9 if any(story.facts[k].core for k in group) else others):
            chosen |= group
    return tuple(key for key in story.facts if key in chosen)


def _plant(rng: random.Random, story: Story) -> None:
    """Give one source another value for a fact (or drop its qualifier) in about half the stories."""
    plans = story.plans
    if len(plans) < 3 or rng.random() >= 0.5:
        return
    counts = Counter(key for plan in plans for key in plan.covered)
    eligible = [k for k, f in story.facts.items() if f.contestable and counts[k] >= 3]
    if not eligible:
        return
    for key in rng.sample(eligible, 2 if len(eligible) > 1 and rng.random() < 0.15 else 1):
        fact = story.facts[key]
        odd = rng.choice([plan for plan in plans if key in plan.covered])
        if fact.qualifier and rng.random() < 0.4:
            odd.overrides[key] = (dataclasses.replace(fact, qualifier=None), "qualifier_dropped")
        else:
            odd.overrides[key] = (dataclasses.replace(fact, value=_other_value(rng, fact)), "conflict")


def _other_value(rng: random.Random, fact: Fact) -> Any:
    """A clearly different value of the same kind: beyond rounding, tolerance and qualifier bands."""
    if fact.kind == "date":
        start = dt.date.fromisoformat(fact.value)
        return start.replace(year=start.year + rng.choice((-1, 1))).isoformat()
    if fact.kind == "percent":
        step = rng.choice((3, 4, 5, 6, 8)) * (1 if fact.value < 20 or rng.random() < 0.5 else -1)
        return fact.value + step
    digits = 3 if fact.value >= 1e4 and _sig(fact.value, 2) != fact.value else 2
    while True:
        other = _sig(fact.value * rng.choice((0.5, 0.6, 0.75, 1.25, 1.4, 1.5, 2.0)), digits)
        if fact.unit in ("gigawatt",):
            other = round(other, 1)
        if abs(other - fact.value) / fact.value >= 0.2:
            return other


# --- writing an article --------------------------------------------------------------------------

_SLOT = re.compile(r"\{([^{}]+)\}")


@functools.cache
def _parse(template: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A template's literal text and its slots, alternating (literals one longer)."""
    parts = _SLOT.split(template)
    return tuple(parts[0::2]), tuple(parts[1::2])


@functools.cache
def _needs(template: str) -> frozenset[str]:
    """The story facts a template speaks of."""
    keys = set()
    for slot in _parse(template)[1]:
        kind, _, rest = slot.partition(":")
        key = rest.split(":")[0]
        if kind in ("f", "d") and key not in ("event", "trade"):
            keys.add(key)
    return frozenset(keys)


def _needs_an(text: str) -> bool:
    """Whether "a" before ``text`` is read "an": an eight, an 11, an 18, an 80, an analyst."""
    text = text.lstrip("$€£")
    if text[:1].isdigit():
        head = re.match(r"\d+", text.replace(",", "")).group(0)  # type: ignore[union-attr]
        return head[0] == "8" or (head[:2] in ("11", "18") and len(head) in (2, 5))
    return text[:1].lower() in "aeio" and not text.lower().startswith(("eu", "one"))


@dataclasses.dataclass
class Sentence:
    """A written sentence and its claims, as ``(offset in the sentence, claim record)``."""

    text: str
    claims: list[tuple[int, dict[str, Any]]]

    @property
    def words(self) -> int:
        return len(self.text.split())


class _Writer:
    """Fills one source's templates: figures in its outlet's style, dates relative to its day."""

    def __init__(self, rng: random.Random, story: Story, plan: Plan) -> None:
        self.rng = rng
        self.story = story
        self.plan = plan
        self.words = story.words()
        self.mentioned: set[str] = set()
        self.quotes: dict[str, list[str]] = {}
        self.trade = plan.published - dt.timedelta(days=max(0, plan.published.weekday() - 4))

    def fact(self, key: str) -> Fact:
        override = self.plan.overrides.get(key)
        return override[0] if override else self.story.facts[key]

    def usable(self, template: str) -> bool:
        """Whether every slot of ``template`` can be written by this source."""
        for slot in _parse(template)[1]:
            kind, _, rest = slot.partition(":")
            key, _, variant = rest.partition(":")
            if kind == "f" and variant == "adj" and self.fact(key).qualifier:
                return False
        return True

    def render(self, template: str) -> Sentence:
        """``template`` written out, with a claim for each figure, date and first-mentioned person."""
        literals, slots = _parse(template)
        out = [literals[0]]
        position = len(literals[0])
        claims: list[tuple[int, dict[str, Any]]] = []
        for slot, following in zip(slots, literals[1:], strict=True):
            prefix, span, suffix, claim = self._slot(slot, following)
            head = prefix + span
            if (out[-1].endswith((" a ", "A ")) or out[-1] == "a ") and head and _needs_an(head):
                out[-1] = out[-1][:-2] + "an "
                position += 1
            if claim is not None:
                claims.append((position + len(prefix), claim))
            out.append(head + suffix + following)
            position += len(head) + len(suffix) + len(following)
        text = "".join(out)
        return Sentence(text[:1].upper() + text[1:], claims)

    def _slot(self, slot: str, following: str) -> tuple[str, str, str, dict[str, Any] | None]:
        """``(prefix, span, suffix, claim)``: the span is the claim's text, prefix and suffix around it."""
        kind, _, rest = slot.partition(":")
        key, _, variant = rest.partition(":")
        if not rest:
            return "", self.words[slot], "", None
        if kind == "f":
            return self._figure(key, variant)
        if kind == "d":
            return self._date(key, variant)
        if kind == "p":
            return self._person(key, following)
        if kind == "s":
            return self._stock(key)
        return "", self._quote(kind, key), "", None

    def _figure(self, key: str, variant: str) -> tuple[str, str, str, dict[str, Any]]:
        fact = self.fact(key)
        prefix = self.rng.choice(_QUALIFIERS[fact.qualifier]) + " " if fact.qualifier else ""
        if fact.kind == "money":
            text = money_text(fact.value, fact.unit, self.plan.money_style)
        elif fact.kind == "percent":
            text = _decimal(fact.value, 1) + self.plan.percent_style
        elif variant == "adj":
            text = f"{_decimal(fact.value, 1)}-{fact.unit}"
        elif fact.unit in ("gigawatt", "megawatt", "acre", "hectare"):
            text = f"{fact.value:,.1f}".removesuffix(".0") + f" {fact.noun}"
        else:
            text = f"{count_text(fact.value)} {fact.noun}"
        claim = {"fact": key, "kind": fact.kind, "qualifier": fact.qualifier, "text": text, "unit": fact.unit}
        claim["value"] = fact.value
        if key in self.plan.overrides:
            claim["odd"] = True
        return prefix, text, "", claim

    def _date(self, key: str, prep: str) -> tuple[str, str, str, dict[str, Any]]:
        if key == "event":
            options = _day_phrases(self.story.event, self.plan.published)
        elif key == "trade":
            options = _day_phrases(self.trade, self.plan.published, weeks=False)
        else:
            fact = self.fact(key)
            start = dt.date.fromisoformat(fact.value)
            odd = key in self.plan.overrides
            options = _period_phrases(start, fact.precision, self.plan.published, absolute_only=odd)
        lead, text, start, precision, relative = self.rng.choice(options)
        prefix = lead.format(prep=prep)
        claim = {"fact": key, "kind": "date", "qualifier": None, "text": text, "unit": precision}
        claim |= {
            "end": _period(start, precision).isoformat(),
            "relative": relative,
            "value": start.isoformat(),
        }
        if key in self.plan.overrides:
            claim["odd"] = True
        return prefix, text, "", claim

    def _person(self, key: str, following: str) -> tuple[str, str, str, dict[str, Any] | None]:
        person = self.story.people[key]
        if key in self.mentioned:
            return "", person.last, "", None
        self.mentioned.add(key)
        forms = _ROLE_FORMS[person.title]
        form = self.rng.choice(forms)
        text = form.format(name=person.name, org=person.org, short=person.org_short)
        appositive = form.startswith("{name},")
        suffix = "," if appositive and following[:2].strip() and following[:1] == " " else ""
        claim = {"fact": key, "kind": "role", "qualifier": None, "subject": person.org, "text": text}
        claim |= {"unit": person.title, "value": person.name}
        return "", text, suffix, claim

    def _stock(self, key: str) -> tuple[str, str, str, dict[str, Any]]:
        _, price, change, volume = self.story.stock[self.trade]
        day = self.trade.isoformat()
        claim: dict[str, Any] = {"fact": f"stock.{key}", "kind": "stock", "period": day, "qualifier": None}
        if key == "move":
            verbs = (
                ("rose", "climbed", "gained", "jumped") if change > 0 else ("fell", "slid", "dropped", "lost")
            )
            text = f"{_decimal(abs(change), 1)}{self.plan.percent_style}"
            claim |= {"direction": "up" if change > 0 else "down", "text": text, "unit": "percent"}
            claim |= {"value": abs(change)}
            return self.rng.choice(verbs) + " ", text, "", claim
        if key == "listing":
            text = f"{self.story.a.exchange}: {self.story.a.ticker}"
            claim |= {"text": text, "unit": self.story.a.exchange, "value": self.story.a.ticker}
            return "", text, "", claim
        if key == "price":
            text = money_text(price, self.story.currency, "word")
            claim |= {"text": text, "unit": self.story.currency, "value": price}
            return "", text, "", claim
        text = f"{_decimal(volume / 1e6, 1)} million shares"
        claim |= {"text": text, "unit": "share", "value": float(volume)}
        return "", text, "", claim

    def _quote(self, kind: str, pool: str) -> str:
        """An unused quote of ``pool`` (direct ``q`` or indirect ``qi``)."""
        name = f"{kind}:{pool}"
        if not self.quotes.get(name):
            self.quotes[name] = list(_quote_pool(self.story.theme, kind, pool))
            self.rng.shuffle(self.quotes[name])
        return self.quotes[name].pop()


_ROLE_FORMS = {
    "chief executive officer": (
        "{short} chief executive {name}",
        "{short} CEO {name}",
        "{name}, chief executive of {org}",
        "{name}, the chief executive of {org}",
        "{name}, CEO of {org}",
    ),
    "chief financial officer": (
        "{short} chief financial officer {name}",
        "{name}, chief financial officer of {org}",
        "{short} finance chief {name}",
    ),
    "analyst": ("{name}, an analyst at {org}", "{org} analyst {name}"),
}


def _quote_pool(theme: str, kind: str, pool: str) -> tuple[str, ...]:
    if pool == "analyst":
        return _ANALYST_QUOTES if kind == "q" else _ANALYST_INDIRECT
    if kind == "qi":
        return _THEMES[theme]["qi_a"]
    return _THEMES[theme][pool]


def _day_phrases(
    day: dt.date, published: dt.date, weeks: bool = True
) -> list[tuple[str, str, dt.date, str, bool]]:
    """Ways to write ``day`` in an article of ``published``: ``(lead, text, start, precision, relative)``.

    ``lead`` is what comes before the date, "{prep} " for the template's preposition; ``relative`` says
    whether the date needs the publication date to be read (a weekday, "last week", a day without year).
    """
    delta = (published - day).days
    month_day = f"{_MONTHS[day.month - 1]} {day.day}"
    phrases: list[tuple[str, str, dt.date, str, bool]] = []
    if 0 <= delta <= 6:
        phrases += [("{prep} ", _WEEKDAYS[day.weekday()], day, "day", True)] * 3
    if delta == 1:
        phrases.append(("", "yesterday", day, "day", True))
    if weeks and published.isocalendar()[:2] != day.isocalendar()[:2] and 0 < delta < 14:
        monday = day - dt.timedelta(days=day.weekday())
        if (published - dt.timedelta(days=7)).isocalendar()[:2] == day.isocalendar()[:2]:
            phrases.append(("", "last week", monday, "week", True))
    if day.year == published.year:
        phrases.append(("{prep} ", month_day, day, "day", True))
    phrases.append(("{prep} ", f"{month_day}, {day.year}", day, "day", False))
    return phrases


def _period_phrases(
    start: dt.date, precision: str, published: dt.date, absolute_only: bool = False
) -> list[tuple[str, str, dt.date, str, bool]]:
    """Ways to write a month, quarter or year beginning on ``start`` in an article of ``published``."""
    phrases: list[tuple[str, str, dt.date, str, bool]] = []
    relative: list[tuple[str, str, dt.date, str, bool]] = []
    if precision == "year":
        phrases.append(("{prep} ", str(start.year), start, "year", False))
        if start.year - published.year in (-1, 1):
            relative.append(
                ("", "last year" if start.year < published.year else "next year", start, "year", True)
            )
    elif precision == "month":
        name = _MONTHS[start.month - 1]
        phrases += [("{prep} ", f"{name} {start.year}", start, "month", False)] * 2
        months = (start.year - published.year) * 12 + start.month - published.month
        if 2 <= -months <= 9:
            relative.append(("", f"{_NUMBER_WORDS[-months]} months ago", start, "month", True))
        elif months == -1:
            relative.append(("", "last month", start, "month", True))
        elif months == 1:
            relative.append(("", "next month", start, "month", True))
        if start.year == published.year and months:
            relative.append(("{prep} ", name, start, "month", True))
    else:
        quarter = (start.month - 1) // 3
        phrases += [
            ("{prep} the ", f"{_ORDINALS[quarter]} quarter of {start.year}", start, "quarter", False),
            ("{prep} ", f"Q{quarter + 1} {start.year}", start, "quarter", False),
        ]
        if start.year == published.year:
            relative.append(("{prep} the ", f"{_ORDINALS[quarter]} quarter", start, "quarter", True))
    return phrases if absolute_only else phrases + relative


# --- articles ------------------------------------------------------------------------------------


def _body(rng: random.Random, writer: _Writer, target: int) -> tuple[Sentence, list[list[Sentence]]]:
    """The headline and the paragraphs of one source, about ``target`` words long."""
    story, plan, theme = writer.story, writer.plan, _THEMES[writer.story.theme]
    covered = set(plan.covered)
    headlines = [t for t in theme["headlines"] if _needs(t) <= covered and writer.usable(t)]
    headline = writer.render(rng.choice(headlines))
    lead_template = rng.choice([t for t in theme["leads"] if _needs(t) <= covered and writer.usable(t)])
    lead = writer.render(lead_template)
    claims = _claim_sentences(rng, writer, covered, set(_needs(lead_template)))
    if story.a.ticker and rng.random() < (0.85 if story.theme == "earnings" else 0.5):
        stock = [t for t in _STOCK if writer.trade == plan.published or "{d:trade" in t]
        claims.insert(rng.randint(0, len(claims)), writer.render(rng.choice(stock)))
        if rng.random() < 0.5:
            claims.insert(rng.randint(0, len(claims)), writer.render(rng.choice(_VOLUME)))
    quotes = [_quote_sentence(rng, writer) for _ in range(rng.randint(1, 3))]
    used = headline.words + lead.words + sum(s.words for s in claims + quotes) + _CHROME[plan.format]
    fillers = _fillers(rng, writer, target - used)
    return headline, _paragraphs(rng, lead, claims, quotes, fillers)


def _claim_sentences(
    rng: random.Random, writer: _Writer, covered: set[str], done: set[str]
) -> list[Sentence]:
    """A sentence for every covered fact not yet written, core facts first."""
    story = writer.story
    pending = [key for key in writer.plan.covered if key not in done]
    rng.shuffle(pending)
    pending.sort(key=lambda key: not story.facts[key].core)
    sentences = []
    templates = _THEMES[story.theme]["claims"] + _PROFILE
    while pending:
        key = pending[0]
        options = [
            t for t in templates if key in _needs(t) and _needs(t) <= covered - done and writer.usable(t)
        ]
        template = rng.choice(options)
        sentences.append(writer.render(template))
        done |= _needs(template)
        pending = [key for key in pending if key not in done]
    return sentences


def _quote_sentence(rng: random.Random, writer: _Writer) -> Sentence:
    role = rng.choice(_ROLES[writer.story.theme])
    pool = {"ceo_a": "a", "ceo_b": "b", "cfo_a": "b", "analyst": "analyst"}[role]
    templates = _QUOTES if role in ("ceo_a", "analyst") else _QUOTES[:-1]
    template = rng.choice(templates).replace("POOL", pool).replace("ROLE", role)
    return writer.render(template)


def _fillers(rng: random.Random, writer: _Writer, budget: int) -> list[Sentence]:
    """Sentences without figures, none twice, until about ``budget`` words are written.

    The written templates come first, in random order; subject-and-predicate sentences follow.
    """
    sentences: list[Sentence] = []
    openers = rng.sample(_OPENERS, len(_OPENERS))
    for template in _filler_templates(rng, writer.story.theme):
        if budget <= 0:
            break
        sentence = writer.render(template)
        if openers and rng.random() < 0.12 and not template.startswith("{"):
            sentence = Sentence(openers.pop() + sentence.text[0].lower() + sentence.text[1:], [])
        if sentence.words <= budget + 10:
            sentences.append(sentence)
            budget -= sentence.words
    return sentences


def _filler_templates(rng: random.Random, theme: str) -> Iterator[str]:
    pool = [t for t in FILLERS + _THEMES[theme]["fillers"] if theme != "earnings" or "{b}" not in t]
    yield from rng.sample(pool, len(pool))
    for subject, predicate in rng.sample(_PAIRS, 60):
        if theme != "earnings" or "{b}" not in subject + predicate:
            yield f"{subject} {predicate}"


def _paragraphs(
    rng: random.Random,
    lead: Sentence,
    claims: list[Sentence],
    quotes: list[Sentence],
    fillers: list[Sentence],
) -> list[list[Sentence]]:
    """Claim sentences in order among the fillers, in paragraphs of one to three; quotes stand alone."""
    merged: list[Sentence] = []
    claims, fillers = list(claims), list(fillers)
    while claims or fillers:
        take_claim = claims and (
            not fillers or rng.random() < len(claims) / (len(claims) + len(fillers)) + 0.15
        )
        merged.append(claims.pop(0) if take_claim else fillers.pop(0))
    paragraphs = [[lead]]
    if merged and rng.random() < 0.3:
        paragraphs[0].append(merged.pop(0))
    while merged:
        size = rng.choices((1, 2, 3), weights=(2, 4, 3))[0]
        paragraphs.append(merged[:size])
        merged = merged[size:]
    for quote in quotes:
        paragraphs.insert(
            rng.randint(2, len(paragraphs)) if len(paragraphs) > 2 else len(paragraphs), [quote]
        )
    return paragraphs


# Words a format adds around the body: byline, dateline, navigation, sign-off.
_CHROME = {"yaml+markdown": 0, "toml+markdown": 0, "html": 16, "wire": 17, "text": 7}


class _Doc:
    """A file being written: its text, the words a reader sees, and the claims placed in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.position = 0
        self.words = 0
        self.claims: list[dict[str, Any]] = []

    def raw(self, text: str) -> None:
        self.parts.append(text)
        self.position += len(text)

    def text(self, text: str) -> None:
        self.words += len(text.split())
        self.raw(text)

    def sentence(self, sentence: Sentence) -> None:
        start = self.position
        for offset, claim in sentence.claims:
            self.claims.append(
                claim | {"offset": start + offset, "sentence": [start, start + len(sentence.text)]}
            )
        self.text(sentence.text)

    def paragraph(self, sentences: list[Sentence]) -> None:
        for index, sentence in enumerate(sentences):
            if index:
                self.text(" ")
            self.sentence(sentence)

    def result(self) -> str:
        return "".join(self.parts)


def _dated(sentence_text: str, day: dt.date, fact: str) -> Sentence:
    """A line that is only a date, as a sentence with its date claim."""
    start = day.isoformat()
    claim = {
        "end": start,
        "fact": fact,
        "kind": "date",
        "qualifier": None,
        "relative": False,
        "unit": "day",
    }
    return Sentence(sentence_text, [(0, claim | {"text": sentence_text, "value": start})])


def _long_date(day: dt.date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _url(plan: Plan, headline: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", headline.lower()).strip("-")[:60].rstrip("-")
    domain = re.sub(r"[^a-z]", "", plan.outlet.lower().removeprefix("the "))
    day = plan.published
    return f"https://{domain}.example/{day.year}/{day.month:02d}/{day.day:02d}/{slug}"


def _stamp(rng: random.Random, day: dt.date) -> str:
    return f"{day.isoformat()}T{rng.randint(5, 21):02d}:{rng.choice((0, 15, 30, 45)):02d}:00Z"


def _front_matter(rng: random.Random, doc: _Doc, plan: Plan, headline: Sentence, toml: bool) -> None:
    values = {
        "title": headline.text,
        "date": plan.published.isoformat() if rng.random() < 0.6 else _stamp(rng, plan.published),
        "outlet": plan.outlet,
        "url": _url(plan, headline.text),
        "author": plan.author,
    }
    fence = "+++" if toml else "---"
    lines = [fence]
    for key, value in values.items():
        bare = key == "date" and len(value) == 10
        if toml:
            lines.append(f"{key} = {value if bare else json.dumps(value, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {value if bare else json.dumps(value, ensure_ascii=False)}")
    doc.raw("\n".join([*lines, fence, "", ""]))


def _markdown(rng: random.Random, plan: Plan, headline: Sentence, paragraphs: list[list[Sentence]]) -> _Doc:
    doc = _Doc()
    toml = plan.format == "toml+markdown"
    _front_matter(rng, doc, plan, headline, toml)
    if not toml or rng.random() < 0.5:
        doc.raw("# ")
        doc.sentence(headline)
        doc.raw("\n\n")
    for paragraph in paragraphs:
        doc.paragraph(paragraph)
        doc.raw("\n\n")
    return doc


def _html(rng: random.Random, plan: Plan, headline: Sentence, paragraphs: list[list[Sentence]]) -> _Doc:
    doc = _Doc()
    title = headline.text.replace('"', "&quot;")
    stamp = _stamp(rng, plan.published)
    doc.raw(
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{headline.text} | {plan.outlet}</title>\n"
        f'<meta property="og:site_name" content="{plan.outlet}">\n'
        f'<meta property="og:title" content="{title}">\n'
        f'<meta property="article:published_time" content="{stamp}">\n'
        f'<meta name="author" content="{plan.author}">\n'
        f'<link rel="canonical" href="{_url(plan, headline.text)}">\n'
        "</head>\n<body>\n<header><nav>"
    )
    for index, (href, label) in enumerate(
        (("/", plan.outlet), ("/business", "Business"), ("/markets", "Markets"))
    ):
        doc.text(" | " if index else "")
        doc.raw(f'<a href="{href}">')
        doc.text(label)
        doc.raw("</a>")
    doc.raw("</nav></header>\n<article>\n<h1>")
    doc.sentence(headline)
    doc.raw('</h1>\n<p class="byline">')
    doc.text(f"By {plan.author}")
    if rng.random() < 0.5:
        doc.raw(' <time datetime="' + plan.published.isoformat() + '">')
        doc.sentence(_dated(_long_date(plan.published), plan.published, "published"))
        doc.raw("</time>")
    doc.raw("</p>\n")
    for paragraph in paragraphs:
        doc.raw("<p>")
        doc.paragraph(paragraph)
        doc.raw("</p>\n")
    doc.raw("</article>\n<footer><p>")
    doc.text(f"{plan.outlet}. All rights reserved.")
    doc.raw("</p></footer>\n</body>\n</html>\n")
    return doc


def _wire(
    rng: random.Random, story: Story, plan: Plan, headline: Sentence, paragraphs: list[list[Sentence]]
) -> _Doc:
    doc = _Doc()
    if rng.random() < 0.5:
        doc.sentence(headline)
        doc.raw("\n")
    doc.text(f"By {plan.author}")
    doc.raw("\n\n")
    day = plan.published
    month = _WIRE_MONTHS[day.month - 1]
    month += "." if (rng.random() < 0.4 and len(month) == 3) or month == "Sept" else ""
    doc.text(f"{story.city.upper()}, ")
    doc.sentence(_dated(f"{month} {day.day}, {day.year}", day, "published"))
    doc.text(f" ({plan.outlet}) - ")
    for index, paragraph in enumerate(paragraphs):
        if index:
            doc.raw("\n\n")
        doc.paragraph(paragraph)
    doc.raw("\n\n")
    doc.text(f"(Reporting by {plan.author}; Editing by {_author(rng)})")
    doc.raw("\n")
    return doc


def _text(rng: random.Random, plan: Plan, headline: Sentence, paragraphs: list[list[Sentence]]) -> _Doc:
    doc = _Doc()
    doc.sentence(headline)
    doc.raw("\n")
    doc.text(f"By {plan.author} | {plan.outlet}" if rng.random() < 0.5 else f"By {plan.author}")
    doc.raw("\n")
    day = plan.published
    label, written = rng.choice(
        (("Published: ", day.isoformat()), ("Published: ", _long_date(day)), ("Posted on ", _long_date(day)))
    )
    doc.text(label)
    doc.sentence(_dated(written, day, "published"))
    doc.raw("\n\n")
    for paragraph in paragraphs:
        doc.paragraph(paragraph)
        doc.raw("\n\n")
    return doc


def _article(rng: random.Random, story: Story, plan: Plan) -> tuple[str, _Doc]:
    """The text of one source's file and what was placed in it."""
    writer = _Writer(rng, story, plan)
    headline, paragraphs = _body(rng, writer, plan.target)
    if plan.format == "html":
        doc = _html(rng, plan, headline, paragraphs)
    elif plan.format == "wire":
        doc = _wire(rng, story, plan, headline, paragraphs)
    elif plan.format == "text":
        doc = _text(rng, plan, headline, paragraphs)
    else:
        doc = _markdown(rng, plan, headline, paragraphs)
    return headline.text, doc


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _write_story(rng: random.Random, story: Story, out_dir: Path) -> tuple[list[dict[str, Any]], list[dict]]:
    """Write a story's files; their manifest records (by path) and the story's contradictions."""
    folder = out_dir / story.id
    folder.mkdir()
    records = []
    for plan in story.plans:
        plan.path = f"{story.id}/{_slug(plan.outlet)}{SUFFIX[plan.format]}"
        title, doc = _article(rng, story, plan)
        text = doc.result()
        data = text.encode("utf-8")
        (out_dir / plan.path).write_bytes(data)
        records.append(_record(story, plan, title, text, data, doc))
    records.sort(key=lambda record: record["path"])
    return records, _contradictions(story, records)


def _record(story: Story, plan: Plan, title: str, text: str, data: bytes, doc: _Doc) -> dict[str, Any]:
    claims = sorted(doc.claims, key=lambda claim: (claim["offset"], claim["text"]))
    position, byte = 0, 0
    for claim in claims:
        byte += len(text[position : claim["offset"]].encode("utf-8"))
        position = claim["offset"]
        claim["byte_offset"] = byte
    return {
        "author": plan.author,
        "bytes": len(data),
        "claims": claims,
        "format": plan.format,
        "outlet": plan.outlet,
        "path": plan.path,
        "published": plan.published.isoformat(),
        "story": story.id,
        "title": title,
        "words": doc.words,
    }


def _contradictions(story: Story, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each planted contradiction: the fact, every source's figures for it, and the odd source."""
    found = []
    for plan in story.plans:
        for key, (variant, kind) in sorted(plan.overrides.items()):
            fact = story.facts[key]
            values = [
                {
                    "offset": claim["offset"],
                    "path": record["path"],
                    "qualifier": claim["qualifier"],
                    "text": claim["text"],
                    "value": claim["value"],
                }
                for record in records
                for claim in record["claims"]
                if claim.get("fact") == key
            ]
            found.append(
                {
                    "claim_kind": fact.kind,
                    "expected": {"qualifier": fact.qualifier, "value": fact.value},
                    "fact": {"attribute": key, "period": fact.period, "subject": fact.subject},
                    "kind": kind,
                    "odd": plan.path,
                    "odd_value": {"qualifier": variant.qualifier, "value": variant.value},
                    "story": story.id,
                    "values": values,
                }
            )
    return sorted(found, key=lambda item: (item["fact"]["attribute"], item["odd"]))


def _story_record(story: Story) -> dict[str, Any]:
    return {
        "companies": [story.a.name, story.b.name],
        "currency": story.currency,
        "event": story.event.isoformat(),
        "facts": {key: fact.record() for key, fact in sorted(story.facts.items())},
        "id": story.id,
        "listing": f"{story.a.exchange}: {story.a.ticker}" if story.a.ticker else None,
        "sector": story.sector.name,
        "sources": sorted(plan.path for plan in story.plans),
        "theme": story.theme,
    }


# --- the corpus ----------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Manifest:
    """Where the manifest was written, and its totals; ``read`` loads the whole of it."""

    path: Path
    seed: int
    size: int
    totals: dict[str, Any]

    def read(self) -> dict[str, Any]:
        """The whole manifest (large for 100k articles: prefer ``iter_articles``)."""
        return json.loads(self.path.read_text(encoding="utf-8"))


def iter_articles(manifest: Path) -> Iterator[dict[str, Any]]:
    """The article records of ``manifest`` one at a time, without loading the whole file."""
    with Path(manifest).open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            if line.startswith("]"):
                return
            yield json.loads(line.rstrip().rstrip(","))


def iter_contradictions(manifest: Path) -> Iterator[dict[str, Any]]:
    """The planted contradictions of ``manifest`` one at a time, reading past its articles line by line."""
    with Path(manifest).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith('"contradictions": ['):
                break
        for line in handle:
            if line.startswith("]"):
                return
            if line.strip():  # a story without contradictions leaves the list empty
                yield json.loads(line.rstrip().rstrip(","))


def _story_sizes(rng: random.Random, size: int) -> Iterator[int]:
    """Four to six articles a story; the last two share what is left (three and four when seven are)."""
    left = size
    while left > 0:
        count = left if left <= 6 else left // 2 if left < 10 else rng.randint(4, 6)
        yield count
        left -= count


def generate(out_dir: Path, size: int, seed: int = 0) -> Manifest:
    """Write ``size`` articles and ``manifest.json`` into ``out_dir`` (which must be empty or absent)."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()):
        raise FileExistsError(f"{out_dir} is not empty")
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    names = _Names(rng)
    width = max(4, len(str(size // 3 + 1)))
    formats: list[str] = []
    totals: Counter[str] = Counter()
    claims: Counter[str] = Counter()
    contradictions: list[dict[str, Any]] = []
    stories: list[str] = []
    path = out_dir / "manifest.json"
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write('{"articles": [\n')
        first = True
        for number, count in enumerate(_story_sizes(rng, size), start=1):
            while len(formats) < count:
                formats += rng.sample(FORMATS, len(FORMATS))
            story = _story(rng, number, width, formats[:count], names)
            del formats[:count]
            records, found = _write_story(rng, story, out_dir)
            for record in records:
                handle.write(("" if first else ",\n") + _dumps(record))
                first = False
                totals.update(articles=1, bytes=record["bytes"], words=record["words"])
                totals[f"format:{record['format']}"] += 1
                claims.update(claim["kind"] for claim in record["claims"])
            contradictions += found
            stories.append(_dumps(_story_record(story)))
        summary = _totals(totals, claims, contradictions, len(stories))
        handle.write("\n],\n" + '"contradictions": [\n' + ",\n".join(map(_dumps, contradictions)) + "\n],\n")
        handle.write(f'"generator": "bench/corpus.py",\n"seed": {seed},\n"size": {size},\n')
        handle.write('"stories": [\n' + ",\n".join(stories) + "\n],\n")
        handle.write(f'"totals": {_dumps(summary)}\n}}\n')
    return Manifest(path, seed, size, summary)


def _totals(totals: Counter[str], claims: Counter[str], contradictions: list[dict], stories: int) -> dict:
    formats = {key.split(":", 1)[1]: value for key, value in totals.items() if key.startswith("format:")}
    return {
        "articles": totals["articles"],
        "bytes": totals["bytes"],
        "claims": {kind: claims[kind] for kind in KINDS},
        "contradictions": len(contradictions),
        "contradictions_by_kind": dict(sorted(Counter(item["kind"] for item in contradictions).items())),
        "formats": dict(sorted(formats.items())),
        "stories": stories,
        "words": totals["words"],
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``corpus.py OUT_DIR --size N [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", type=Path, help="folder to write (must be empty or absent)")
    parser.add_argument(
        "--size", type=int, required=True, help="number of articles (100, 1000, 10000, 100000)"
    )
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if args.size < 1:
        parser.error("--size must be at least 1")
    started = time.perf_counter()
    try:
        manifest = generate(args.out_dir, args.size, args.seed)
    except FileExistsError as exc:
        print(f"corpus.py: {exc}", file=sys.stderr)
        return 2
    totals = manifest.totals
    claims = ", ".join(f"{count:,} {kind}" for kind, count in totals["claims"].items())
    print(
        f"{totals['articles']:,} articles in {totals['stories']:,} stories, {totals['bytes'] / 1e6:.1f} MB, "
        f"{totals['words']:,} words, in {time.perf_counter() - started:.1f} s\n"
        f"claims: {claims}\ncontradictions: {totals['contradictions']:,} {totals['contradictions_by_kind']}\n"
        f"manifest: {manifest.path}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
