"""The one vocabulary of links: how a link is found in text (written out, bare, or spelt
to dodge filters), its host, and the lists of domains that say something about it.

Screening's rules and spam model, and the display-name check, all read links here, so a
domain that one of them counts as a link the others count too.
"""

import re
from urllib.parse import urlsplit

# Top-level domains that a bare "name.tld" is read as a link for: the common ones and
# the cheap ones spam favours. A word such as "e.g." or "node.js" is not a link.
TLDS = (
    "com|net|org|info|biz|io|co|me|us|uk|de|fr|to|ru|cn|tk|ly|gl|xyz|top|shop|online|site|"
    "club|store|click|win|vip|loan|work|live|buzz|icu|app|link|pro"
)
WRITTEN = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.I)
TLD_HINT = re.compile(rf"\.(?:{TLDS})\b", re.I)
# A domain written without http:// or www., e.g. "cheap-alarms.shop/deals".
BARE = re.compile(
    rf"(?<![\w./@-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{TLDS})\b(?!\.\w)"
    r"(?:/[^\s<>\"')\]]*)?",
    re.I,
)
# "cheapalarms dot com", "deals(dot)net", "offers [.] xyz": a link spelt out to dodge filters.
SPELT = re.compile(
    r"\b[a-z0-9-]{2,}\s*(?:[(\[{]\s*(?:dot|\.)\s*[)\]}]|\bdot\b|\s\.\s)\s*[a-z]{2,6}\b", re.I
)
SPELT_HINTS = ("dot", " . ", "(.)", "[.]", "{.}", "( . )", "[ . ]")
KNOWN_TLD = re.compile(rf"(?:{TLDS})$", re.I)
TRAILING = ".,;:!?)]"

SUSPECT_TLDS = frozenset({
    "xyz", "top", "shop", "online", "site", "club", "store", "click", "win", "vip", "loan",
    "work", "live", "buzz", "icu", "tk", "ru", "cn", "biz", "info", "cyou", "rest", "bond", "sbs",
})  # fmt: skip
SHORTENERS = frozenset({
    "bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "buff.ly", "cutt.ly",
    "rebrand.ly", "shorturl.at", "tiny.cc", "rb.gy",
})  # fmt: skip
# Public bodies: a link to one is a citation far more often than an advert.
OFFICIAL = re.compile(r"(?:^|\.)(?:gov|gouv|gob|int|edu|mil|europa)(?:\.[a-z]{2})?$")


def find_links(text):
    """(links as written, their hosts) for the written-out and bare links in `text`.

    Cheap substring checks skip the expressions that could not match.
    """
    lowered = text.lower()
    written = WRITTEN.findall(text) if "http" in lowered or "www." in lowered else []
    if TLD_HINT.search(text):
        written += BARE.findall(WRITTEN.sub(" ", text))
    written = [link.rstrip(TRAILING) for link in written]
    hosts = [host for host in map(host_of, written) if host]
    return written, hosts


def spelt_links(text):
    """Links spelt out to get past filters ("example dot com"), as written; only with a
    known top-level domain, so "step by step dot by dot" is not one."""
    lowered = text.lower()
    if not any(hint in lowered for hint in SPELT_HINTS):
        return []
    found = (match.group(0) for match in SPELT.finditer(text))
    return [link for link in found if KNOWN_TLD.search(link)]


def host_of(link):
    """The host of a link (spelt or written), without "www."; "" when there is none."""
    if SPELT.fullmatch(link):
        return re.sub(r"\s*[(\[{]?\s*(?:dot|\.)\s*[)\]}]?\s*", ".", link.lower(), count=1)
    try:
        host = urlsplit(link if "://" in link else "http://" + link).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def domain_matches(host, listed):
    """Whether `host` is one of the `listed` domains or a subdomain of one."""
    return any(host == entry or host.endswith("." + entry) for entry in listed)


def mentions_link(text):
    """Whether `text` holds anything a reader could follow as a link."""
    return bool(find_links(text)[0] or spelt_links(text))
