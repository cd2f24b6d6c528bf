"""Generated news comments for training and testing the spam model.

The public spam data is YouTube comments ("check out my channel"); spam under a news
story is different: products, loans, crypto, "I earn $500 a day", essay mills, with
links. These generators write both kinds from templates and word lists written for
this project, with a fixed seed. Some templates are kept for the held-out test only,
so the test measures templates the model never saw.
"""

import random

TOPICS = {
    "mali": (
        "French troops entered northern Mali to stop an advance on the capital, with "
        "airstrikes on Gao and Timbuktu, while West African forces prepared to deploy.",
        ["the airstrikes", "the French troops", "the West African force", "Timbuktu",
         "the rebels in the north", "the Malian army", "the refugees", "the peace talks"],
    ),
    "election": (
        "Voters go to the polls on Sunday after a campaign dominated by prices, jobs and "
        "the cost of housing, with turnout expected to be low in the cities.",
        ["the turnout", "the housing plan", "the opposition leader", "the debate",
         "the polls", "the new coalition", "the budget promises", "the young voters"],
    ),
    "climate": (
        "Delegates agreed a fund for countries hit by floods and droughts after two weeks "
        "of talks, but left targets for cutting emissions unchanged.",
        ["the flood fund", "the emissions targets", "the drought", "the delegates",
         "the coal plants", "the sea walls", "the farmers", "the summit deal"],
    ),
    "health": (
        "Hospitals reported fewer winter admissions after a vaccination drive, though "
        "waiting lists for surgery grew again in rural regions.",
        ["the vaccination drive", "the waiting lists", "the nurses", "rural hospitals",
         "the health minister", "the surgery backlog", "the clinics", "the winter wave"],
    ),
    "economy": (
        "The central bank held interest rates as inflation eased for a third month, "
        "while factory output fell and unemployment rose slightly.",
        ["interest rates", "inflation", "the central bank", "factory output",
         "unemployment", "the mortgage holders", "the exporters", "the currency"],
    ),
}  # fmt: skip

HAM_TEMPLATES = [
    "I think {thing} matters more than the article suggests.",
    "Good reporting. What happens to {thing} if this goes on for another year?",
    "I disagree with the framing here: {thing} was always going to be the hard part.",
    "Does anyone know how {thing} compares with last year? The article does not say.",
    "My family lives near there and {thing} is all anyone talks about.",
    "The article is fair, but it leaves out {thing}, which changes the picture.",
    "Worth reading alongside the official report: {link}",
    "The figures on {thing} are here if anyone wants the source: {link}",
    "Honestly, {thing} should have been the headline.",
    "Sad to read. {thing} deserved more attention months ago.",
    "Whatever you think of the government, {thing} is a real problem.",
    "This is wrong. {thing} was decided long before this week.",
    "Thank you for explaining {thing} so clearly.",
    "Could the reporter follow up on {thing}? Readers here would like to know more.",
    "I was there in 2013 and {thing} looked very different then.",
    "{thing} again. Nothing changes, does it?",
    "As a teacher I see the effect of {thing} every day.",
    "The comments here miss the point: {thing} is about money, not politics.",
    "Not convinced. {thing} has been promised before.",
    "Best article I have read on {thing} this month.",
]
HAM_LINKS = [
    "https://www.reuters.com/world/africa/", "https://www.bbc.co.uk/news/world",
    "https://www.un.org/en/", "https://data.worldbank.org/indicator",
    "https://www.who.int/news", "https://www.gov.uk/government/statistics",
    "https://www.imf.org/en/Publications", "https://apnews.com/hub/world-news",
]  # fmt: skip

SPAM_TEMPLATES = [
    "Best {product} reviews {year}, visit {url}",
    "{opener} I make {money} a day working from home. Read how: {url}",
    "Great article! I also wrote about {product} here {url}",
    "Cheap {product} with free shipping, only today: {url}",
    "{product} at {percent}% off!!! Order now {url}",
    "Need a loan fast? Approval in 10 minutes, call {phone} or visit {url}",
    "My cousin earns {money} per week online, see {url} {opener}",
    "Professional essay writing service, no plagiarism, order at {url}",
    "Join our crypto signals group, {percent}% returns guaranteed {url}",
    "Buy {product} online without prescription {url}",
    "{opener} Top rated {product} in {city}, call {phone}",
    "Earn {money} from your phone, no experience needed. Message me at {email}",
    "Looking for {product}? Compare prices at {url}",
    "{product} {product} best price {city} {url}",
    "Lose 10 kg in 2 weeks with this one trick {url}",
    "Work from home and earn {money}, click {url}",
    "Casino bonus {money} free spins at {url}",
    "I was skeptical but {product} changed my life. Details: {url}",
    "Visit {url} for the best deals on {product}",
    "Want more followers? Buy real followers cheap at {url}",
]
PRODUCTS = [
    "home security system", "alarm systems", "weight loss pills", "car insurance",
    "payday loans", "cheap flights", "replica watches", "bitcoin mining", "viagra",
    "keto diet", "solar panels", "web hosting", "forex trading", "dating app",
    "CBD oil", "gold IRA", "VPN service", "essay help", "SEO services", "used tires",
]  # fmt: skip
OPENERS = ["Hi everyone!", "Wow.", "Interesting.", "Nice post.", "Hello friends,", ""]
CITIES = ["London", "Dallas", "Lagos", "Delhi", "Toronto", "Sydney", "Paris", "Dubai"]
SPAM_DOMAINS = [
    "best-deals-{n}.shop", "cheap{n}.xyz", "bit.ly/{n}x", "earn-fast-{n}.online",
    "top-reviews{n}.com", "www.promo{n}.site", "secure-offer{n}.club", "tinyurl.com/y{n}",
]  # fmt: skip


def held_out(index):
    """Every fifth template is kept for the test set only."""
    return index % 5 == 4


def spam_comment(rng, templates):
    template = rng.choice(templates)
    url = rng.choice(SPAM_DOMAINS).format(n=rng.randint(1, 999))
    if rng.random() < 0.6:
        url = "http://" + url if rng.random() < 0.5 else "https://" + url
    return template.format(
        product=rng.choice(PRODUCTS),
        url=url,
        year=rng.choice([2025, 2026, 2027]),
        money=rng.choice(["$500", "$300", "250 dollars", "$1,200", "£400", "€350"]),
        opener=rng.choice(OPENERS),
        percent=rng.choice([50, 70, 80, 90, 300]),
        phone=f"+1 {rng.randint(200, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        city=rng.choice(CITIES),
        email=f"offers{rng.randint(1, 99)}@mail.example",
    ).strip()


def ham_comment(rng, templates, things):
    return rng.choice(templates).format(thing=rng.choice(things), link=rng.choice(HAM_LINKS))


def generate(count, *, seed, test):
    """`count` (text, article, is_spam, account_age_days) rows; `test` picks the held-out
    templates instead of the training ones."""
    rng = random.Random(seed)
    spam_templates = [t for i, t in enumerate(SPAM_TEMPLATES) if held_out(i) == test]
    ham_templates = [t for i, t in enumerate(HAM_TEMPLATES) if held_out(i) == test]
    topics = sorted(TOPICS)
    rows = []
    for number in range(count):
        topic = rng.choice(topics)
        article, things = TOPICS[topic]
        if number % 2:
            text = spam_comment(rng, spam_templates)
            age = rng.choice([None, rng.random() * 2, rng.random() * 400])
            rows.append((text, article, 1, age))
        else:
            text = ham_comment(rng, ham_templates, things)
            if rng.random() < 0.15:  # people do capitalise thing sometimes
                text = text.upper()
            age = rng.choice([None, rng.random() * 2, rng.random() * 2000])
            rows.append((text, article, 0, age))
    return rows


# Contempt and threats aimed at people, which tweets full of slurs under-represent,
# and the same shapes said kindly, so the model learns the attitude, not the target.
TARGETS = ["you", "the author", "this reporter", "the minister", "your friends", "these people",
           "the commenters here", "that man", "the woman in the photo", "the refugees",
           "the protesters", "{identity} people", "all the {identity} here"]  # fmt: skip
IDENTITY_WORDS = ["gay", "Muslim", "Jewish", "Christian", "Black", "white", "Asian", "Arab",
                  "immigrant", "trans", "disabled", "African", "Mexican", "Hindu", "old"]  # fmt: skip
CONTEMPT = ["disgusting", "worthless", "pathetic", "filthy", "vile", "moronic", "brainless",
            "evil", "revolting", "subhuman", "useless", "sick", "rotten", "dumb", "stupid",
            "nasty", "repulsive", "idiotic"]  # fmt: skip
KIND = ["thoughtful", "brave", "kind", "hardworking", "welcome", "honest", "decent", "smart",
        "generous", "careful", "patient", "wise", "talented", "friendly", "respected"]  # fmt: skip
ABUSE_TEMPLATES = [
    "{target} {verb} {word} and everyone knows it.", "Honestly {target} {verb} so {word}.",
    "{Target} {verb} {word}, get them out of here.", "I hope {target} rot, {word} lot.",
    "Someone should deal with {target} for good.", "Shut up, {target} {verb} {word}.",
    "{Target} deserve to suffer.", "Nobody wants {target} here, {word} idiots.",
    "We should hurt {target} until they leave.", "{Target} {verb} nothing but {word} vermin.",
]  # fmt: skip
KIND_TEMPLATES = [
    "{target} {verb} {word} and everyone knows it.", "Honestly {target} {verb} so {word}.",
    "{Target} {verb} {word}, glad they are here.", "I hope {target} stay safe, {word} lot.",
    "Someone should thank {target} for this.", "Well said, {target} {verb} {word}.",
    "{Target} deserve better than this.", "Everyone wants {target} here, {word} neighbours.",
    "We should help {target} settle in.", "{Target} {verb} nothing but {word}.",
]  # fmt: skip


def attitude_sentences(count, *, seed):
    """(text, is_toxic) pairs: half contempt or threats, half the same shapes said kindly."""
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        toxic = number % 2 == 0
        target = rng.choice(TARGETS).format(identity=rng.choice(IDENTITY_WORDS))
        verb = (
            "are"
            if target
            not in (
                "that man",
                "the author",
                "this reporter",
                "the minister",
                "the woman in the photo",
            )
            else "is"
        )
        text = rng.choice(ABUSE_TEMPLATES if toxic else KIND_TEMPLATES).format(
            target=target,
            Target=target[0].upper() + target[1:],
            verb=verb,
            word=rng.choice(CONTEMPT if toxic else KIND),
        )
        rows.append((text, int(toxic)))
    return rows
