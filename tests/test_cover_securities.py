"""Covers that list several registered securities: each class tagged in a context of its own."""

from lxml import etree

from converter.extract.cover import extract_cover
from converter.ingest import read_submission
from converter.pipeline import ConvertOptions, prepare

from .conftest import FIXTURES

APPLE_2024 = "apple_8-K_2024-02-01.txt"
AXIS = "us-gaap:StatementClassOfStockAxis"
LINK = {"link": "http://www.xbrl.org/2003/linkbase", "xlink": "http://www.w3.org/1999/xlink"}


def listed(name):
    submission = read_submission(FIXTURES / name)
    return extract_cover(submission.documents, submission.header).securities


def test_every_row_of_the_12b_table_is_a_security():
    securities = listed(APPLE_2024)
    assert len(securities) == 9
    first, notes = securities[0], securities[1:]
    assert (first.title.value, first.symbol.value, first.exchange.value) == (
        "Common Stock, $0.00001 par value per share",
        "AAPL",
        "NASDAQ",
    )
    assert [s.title.value for s in notes[:2]] == ["0.000% Notes due 2025", "0.875% Notes due 2025"]
    assert notes[-1].title.value == "3.600% Notes due 2042"
    # the notes print an em dash for their symbol: no symbol, flagged as such
    assert all(s.symbol is None and s.no_symbol.value == "true" and s.exchange.value == "NASDAQ" for s in notes)


def test_a_registrant_column_is_no_title_and_symbols_keep_their_slash():
    # Dow's combined 10-Q heads its 12(b) table "Registrant | Title of each class | Trading Symbol(s)
    # | Name of each exchange": the registrant's name was taken for the title ('Dow Inc.'), and the
    # notes' symbols 'DOW/27' were cut to 'DOW'.
    securities = listed("excerpts/dow_10-Q_2023-06-30_cover.htm")
    assert [(s.title.value, s.symbol.value) for s in securities[:2]] == [
        ("Common Stock, par value $0.01 per share", "DOW"),
        ("0.500% Notes due March 15, 2027", "DOW/27"),
    ]


def test_securities_stacked_in_one_row_are_read_paragraph_by_paragraph():
    common, notes = listed("oracle_10-Q_2024-08-31.htm")
    assert (common.title.value, common.symbol.value, common.exchange.value) == (
        "Common Stock, par value $0.01 per share",
        "ORCL",
        "NYSE",
    )
    assert (notes.title.value, notes.symbol, notes.no_symbol.shown_as, notes.exchange.value) == (
        "3.125% senior notes due July 2025",
        None,
        "\u2014",
        "NYSE",
    )


def test_a_lone_security_lists_nothing_apart():
    assert listed("capstone_8-K_2007-11-08.txt") == ()


def test_each_class_is_tagged_under_its_own_member(settings):
    prepared = prepare(FIXTURES / APPLE_2024, ConvertOptions(settings=settings))
    titles = {
        dict(f.context.dimensions)[AXIS]: f.value
        for f in prepared.model.facts
        if f.concept.qname == "dei:Security12bTitle"
    }
    assert len(titles) == 9
    assert titles["us-gaap:CommonStockMember"] == "Common Stock, $0.00001 par value per share"
    assert titles["aapl:A0875NotesDue2025Member"] == "0.875% Notes due 2025"
    symbols = {
        dict(f.context.dimensions)[AXIS]: f.value for f in prepared.model.facts if f.concept.name == "TradingSymbol"
    }
    assert symbols == {"us-gaap:CommonStockMember": "AAPL"}
    flags = [f for f in prepared.model.facts if f.concept.name == "NoTradingSymbolFlag"]
    assert len(flags) == 8 and all(f.value == "true" and f.display.format == "ixt:fixed-true" for f in flags)
    # the registrant's own cover facts stay without dimensions
    name = next(f for f in prepared.model.facts if f.concept.name == "EntityRegistrantName")
    assert name.context.dimensions == ()


def test_the_definition_linkbase_declares_the_class_of_stock_table(settings):
    prepared = prepare(FIXTURES / APPLE_2024, ConvertOptions(settings=settings))
    definition = etree.fromstring(prepared.rendered.files["aapl-20240201_def.xml"])
    arcs = definition.findall(".//link:definitionArc", LINK)
    arcroles = [a.get(f"{{{LINK['xlink']}}}arcrole").rsplit("/", 1)[1] for a in arcs]
    assert arcroles.count("all") == 1 and arcroles.count("dimension-default") == 1
    assert arcroles.count("domain-member") >= 9  # eight notes and common stock, then the line items
    everything = next(a for a in arcs if a.get(f"{{{LINK['xlink']}}}arcrole").endswith("/all"))
    assert everything.get("{http://xbrl.org/2005/xbrldt}closed") == "true"
    schema = prepared.rendered.files["aapl-20240201.xsd"].decode()
    assert 'name="A3600NotesDue2042Member" type="dtr-types:domainItemType"' in schema
