"""Comments written here from templates and word lists, where public data has none.

Spam under a news story sells things, and public spam data is YouTube comments ("check
out my channel"), so news-comment spam and ham are generated; the test part of that set
uses templates, products and domain words that training never sees. Neutral sentences
naming identities, and insults and threats aimed at people with civil replies of the same
shapes, teach the toxicity model what tweets do not.

The templates and word lists are data files in `data/synthetic/` (see its README): one item
a line, in order. Their order is part of the data: a generator draws by position, and the
held-out set takes every fourth or fifth item, so reordering a list changes every example
drawn after it, and with them the trained models.
"""

import json
import math
import random
from functools import cache
from pathlib import Path

from .corpora import Example

DATA = Path(__file__).with_name("data") / "synthetic"


@cache
def items(name):
    """The lines of `data/synthetic/<name>.txt` in order, less blank lines and `#` comments."""
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


@cache
def openers():
    """What spam begins with; JSON because two of them are empty (no opener)."""
    return tuple(json.loads((DATA / "openers.json").read_text(encoding="utf-8")))


@cache
def stories():
    """Topic -> (the story's first paragraph, the things a comment on it talks about)."""
    topics = json.loads((DATA / "topics.json").read_text(encoding="utf-8"))
    return {topic: (story["article"], tuple(story["things"])) for topic, story in topics.items()}


def held_out(index, every):
    """Whether the `index`th template or word is kept for the held-out set only."""
    return index % every == every - 1


def part(items, test, every=5):
    return [item for index, item in enumerate(items) if held_out(index, every) == test]


def spam_url(rng, words, tlds):
    if rng.random() < 0.15:
        code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(6))
        return rng.choice(items("short_links")).format(code=code)
    a, b = rng.sample(words, 2)
    host = rng.choice([f"{a}{b}", f"{a}-{b}", f"{a}{b}{rng.randint(1, 99)}", f"{a}-{b}-online"])
    url = f"{host}.{rng.choice(tlds)}"
    if rng.random() < 0.5:
        url += rng.choice(["/deals", "/offer", f"/p/{rng.randint(100, 9999)}", "/go", "/"])
    return rng.choice(["http://", "https://", "https://www.", "www.", ""]) + url


def spam_comment(rng, test):
    words, tlds = part(items("domain_words"), test, 4), part(items("spam_tlds"), test, 4)
    a, b = rng.sample(words, 2)
    fields = {
        "product": rng.choice(part(items("products"), test, 4)),
        "url": spam_url(rng, words, tlds),
        "spelt": f"{a}{b} {rng.choice(['dot', '(dot)', '[dot]', '.'])} {rng.choice(tlds)}",
        "year": rng.choice([2025, 2026, 2027]),
        "money": rng.choice(items("money")),
        "opener": rng.choice(openers()),
        "percent": rng.choice([30, 50, 70, 80, 90, 300]),
        "phone": f"+{rng.randint(1, 99)} {rng.randint(200, 999)} {rng.randint(100, 999)} "
        f"{rng.randint(1000, 9999)}",
        "city": rng.choice(items("cities")),
        "email": f"{a}{b}{rng.randint(1, 99)}@mail.example",
        "minutes": rng.choice([5, 10, 15]),
        "kilos": rng.choice([5, 10, 15]),
        "weeks": rng.choice([2, 3, 4]),
        "prize": rng.choice(items("prizes")),
        "count": rng.randint(2, 20),
    }
    text = rng.choice(part(items("spam_templates"), test)).format_map(fields).strip()
    if rng.random() < 0.1:
        text = text.upper()
    return text


def ham_comment(rng, test, things, slug):
    """One to three civil sentences about the story, sometimes citing a source.

    Joining sentences from different templates keeps any one template's words from
    standing in for "ham" as a block.
    """
    link = rng.choice(part(items("ham_links"), test, 4)).format(slug=slug)
    templates = rng.sample(part(items("ham_templates"), test), rng.choice([1, 1, 2, 3]))
    sentences = []
    for template in templates:
        thing = rng.choice(things)
        sentences.append(
            template.format(
                thing=thing,
                Thing=thing[0].upper() + thing[1:],
                THING=thing.upper(),
                link=link,
                amount=rng.choice(items("amounts")),
            )
        )
    text = " ".join(sentences)
    if rng.random() < 0.3 and not any("{link}" in template for template in templates):
        text += " " + rng.choice(items("citations")).format(link=link)
    if rng.random() < 0.08:
        text = text.upper()
    return text


def news_comments(count, seed, *, held_out):
    """`count` generated comments under generated stories, half spam, half ham.

    Ham is paired with its own story, spam with a random one; 30% have no story, so the
    words must carry those. Spam accounts are usually, not always, days old, readers'
    mostly months or years; a third of authors have no known age.
    """
    rng = random.Random(seed)
    topics = sorted(stories())
    examples = []
    for number in range(count):
        topic = rng.choice(topics)
        article, things = stories()[topic]
        is_spam = number % 2
        if is_spam:
            text = spam_comment(rng, held_out)
            article = stories()[rng.choice(topics)][0]
            age = rng.expovariate(1 / 10) if rng.random() < 0.7 else rng.uniform(0, 1500)
        else:
            text = ham_comment(rng, held_out, things, topic)
            age = rng.uniform(0, 7) if rng.random() < 0.15 else math.exp(rng.uniform(2, 8))
        article = article if rng.random() < 0.7 else ""
        examples.append(Example(text, is_spam, article, age if rng.random() < 0.67 else None))
    return examples


def identity_sentences(count, seed):
    """Neutral sentences that name identities, as clean examples: naming one is not abuse."""
    rng = random.Random(seed)
    examples = []
    for _ in range(count):
        a, b = rng.sample(items("identities"), 2)
        text = rng.choice(items("identity_templates")).format(
            a=a,
            b=b,
            A=a[0].upper() + a[1:],
            person=rng.choice(items("people")),
            relation=rng.choice(items("relations")),
        )
        examples.append(Example(text, 0))
    for _ in range(count // 2):
        group, other = rng.sample(items("groups"), 2)
        text = rng.choice(items("group_templates")).format(
            group=group, Group=group[0].upper() + group[1:], other=other
        )
        examples.append(Example(text, 0))
    return examples


# Tweets are not news comments: abuse under a story is mostly aimed at the reporter or at
# other readers, and threats. These examples, with civil replies of the same shapes so that
# "you are" or "someone should" alone mean nothing, teach that.
def abuse_sentences(count, seed):
    """Insults and threats aimed at people (toxic) and civil replies of the same shapes."""
    rng = random.Random(seed)
    examples = []
    for number in range(count):
        toxic = number % 2
        adjective = rng.choice(items("insults") if toxic else items("kind_words"))
        target = rng.choice(items("targets"))
        text = rng.choice(items("abuse_templates") if toxic else items("civil_templates")).format(
            adj=adjective,
            Adj=adjective.capitalize(),
            target=target,
            Target=target.capitalize(),
            harm=rng.choice(items("harms")),
            curse=rng.choice(items("curses")),
            noun=rng.choice(items("insult_nouns") if toxic else items("kind_nouns")),
        )
        examples.append(Example(text, toxic))
    return examples
