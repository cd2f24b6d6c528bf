"""core.links: the one way links are found, for screening's rules, its spam model and names."""

import pytest

from dateline.core import links


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("see https://www.example.org/report.", ["example.org"]),
        ("cheap-alarms.shop/deals today", ["cheap-alarms.shop"]),
        ("(via bit.ly/3xyz)", ["bit.ly"]),
        ("two: http://a.example/1, www.b.co.uk", ["a.example", "b.co.uk"]),
        ("write to me@mail.example.com instead", []),
        ("e.g. node.js and i.e. are not links", []),
        ("no links here", []),
    ],
)
def test_links_and_their_hosts(text, hosts):
    written, found = links.find_links(text)
    assert found == hosts
    assert all(not link.endswith((".", ",", ")")) for link in written)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("visit cheapdeals dot com", "cheapdeals.com"),
        ("offers (dot) xyz", "offers.xyz"),
        ("deals [.] net", "deals.net"),
    ],
)
def test_links_spelt_out_are_links(text, host):
    (spelt,) = links.spelt_links(text)
    assert links.host_of(spelt) == host


def test_dots_in_prose_are_not_spelt_links():
    assert links.spelt_links("join the dots: step by step, dot by dot") == []


def test_domain_lists_match_subdomains_only_on_a_dot():
    assert links.domain_matches("news.example.org", ["example.org"])
    assert not links.domain_matches("badexample.org", ["example.org"])


@pytest.mark.parametrize(
    ("name", "link"),
    [("Amina Diallo", False), ("buy-now.shop", True), ("www.me", True), ("deals dot com", True)],
)
def test_names_that_are_links(name, link):
    assert links.mentions_link(name) is link
