"""Comments written here from templates and word lists, where public data has none.

Spam under a news story sells things, and public spam data is YouTube comments ("check
out my channel"), so news-comment spam and ham are generated; the test part of that set
uses templates, products and domain words that training never sees. Neutral sentences
naming identities, and insults and threats aimed at people with civil replies of the same
shapes, teach the toxicity model what tweets do not.
"""

import math
import random

from .corpora import Example

TOPICS = {
    "conflict": (
        "Foreign troops moved into the north of the country to halt an armed advance on the "
        "capital, with airstrikes on two desert towns while a regional force prepared to deploy.",
        ["the airstrikes", "the regional force", "the ceasefire", "the refugees",
         "the army in the north", "the peace talks", "the aid convoys", "the desert towns"],
    ),
    "election": (
        "Voters go to the polls on Sunday after a campaign dominated by prices, jobs and the "
        "cost of housing, with turnout expected to be low in the big cities.",
        ["the turnout", "the housing pledge", "the opposition leader", "the televised debate",
         "the opinion polls", "the coalition talks", "the budget promises", "young voters"],
    ),
    "climate": (
        "Delegates agreed a fund for countries hit by floods and droughts after two weeks of "
        "talks, but left the targets for cutting emissions unchanged.",
        ["the loss and damage fund", "the emissions targets", "the drought", "the delegates",
         "the coal plants", "the sea walls", "small farmers", "the summit deal"],
    ),
    "health": (
        "Hospitals reported fewer winter admissions after a vaccination drive, though waiting "
        "lists for planned surgery grew again in rural regions.",
        ["the vaccination drive", "the waiting lists", "the nurses", "rural hospitals",
         "the health minister", "the surgery backlog", "the walk-in clinics", "the winter wave"],
    ),
    "economy": (
        "The central bank held interest rates as inflation eased for a third month, while "
        "factory output fell and unemployment rose slightly.",
        ["interest rates", "inflation", "the central bank", "factory output",
         "unemployment", "mortgage holders", "exporters", "the currency"],
    ),
    "transport": (
        "Rail workers began a three-day strike over pay and staffing, cancelling most commuter "
        "trains, as the operator said talks had broken down.",
        ["the rail strike", "the commuter trains", "the pay offer", "the union",
         "station staffing", "ticket prices", "the night buses", "the operator"],
    ),
    "schools": (
        "The education ministry will close dozens of village schools and merge classes next "
        "year, saying falling birth rates leave many rooms half empty.",
        ["the school closures", "class sizes", "the teachers", "the bus routes for pupils",
         "the village schools", "the education budget", "falling birth rates", "the parents"],
    ),
    "housing": (
        "City councillors approved four thousand new flats on former docklands, a third of "
        "them below market rent, despite objections about flood risk.",
        ["the docklands plan", "affordable rents", "the flood risk", "the council vote",
         "the new flats", "local objections", "the developers", "waiting lists for homes"],
    ),
    "courts": (
        "The supreme court ruled that police need a warrant to search phones seized at the "
        "border, overturning a lower court decision.",
        ["the ruling", "phone searches", "the warrant rule", "border police",
         "the dissenting judges", "privacy rights", "the appeal", "the lower court"],
    ),
    "science": (
        "A probe launched six years ago returned samples from an asteroid, which scientists "
        "say may contain water-bearing minerals older than the Earth.",
        ["the asteroid samples", "the space agency", "the probe", "the landing capsule",
         "the water-bearing minerals", "the research funding", "the scientists", "the mission"],
    ),
}  # fmt: skip

HAM_TEMPLATES = [
    "I think {thing} matters more than the article suggests.",
    "Good reporting. What happens to {thing} if this goes on for another year?",
    "I disagree with the framing here: {thing} was always going to be the hard part.",
    "Does anyone know how {thing} compares with last year? The article does not say.",
    "My family lives near there and {thing} is all anyone talks about.",
    "The piece is fair, but it leaves out {thing}, which changes the picture.",
    "Worth reading alongside the official figures: {link}",
    "The numbers on {thing} are here if anyone wants the source: {link}",
    "Honestly, {thing} should have been the headline.",
    "Sad to read. {thing} deserved attention months ago.",
    "Whatever you think of the government, {thing} is a real problem.",
    "This is just wrong. {thing} was decided long before this week.",
    "Thank you for explaining {thing} so clearly.",
    "Could the reporter follow up on {thing}? Plenty of us would like to know more.",
    "I was there ten years ago and {thing} looked very different then.",
    "{Thing} again. Nothing changes, does it?",
    "As a teacher I see the effect of {thing} every day.",
    "The comments here miss the point: {thing} is about money, not politics.",
    "Not convinced. {thing} has been promised before and never delivered.",
    "Best piece I have read on {thing} this month.",
    "{Thing} will cost {amount} per household according to the report, which seems low.",
    "The minister's answer on {thing} was evasive and your reporter let it pass.",
    "The full report is public, see {link} , page 12 has the details on {thing}.",
    "I have to say this coverage of {thing} is one-sided. Where is the other view?",
    "Interesting. I would like to see more data on {thing} before deciding.",
    "My father worked on {thing} for thirty years and he says this is overdue.",
    "The headline oversells it. {thing} barely changed.",
    "Can someone explain why {thing} is not mentioned in the official statement?",
    "Shocking. {Thing} should never have been allowed to get this bad.",
    "I paid {amount} more this year and nobody talks about {thing}.",
    "Agreed with the last comment, {thing} is the story here.",
    "Previous coverage for context: {link}",
    "The opposition has a point about {thing}, even if I would not vote for them.",
    "What a mess. Whoever is in charge of {thing} should resign.",
    "Fact check: the figure for {thing} in paragraph four is out of date, see {link}",
    "Reading this from abroad, {thing} sounds familiar. We had the same debate.",
    "Why does every article on {thing} quote the same three people?",
    "Good to see some balance on {thing} for once.",
    "WHY IS NOBODY ASKING ABOUT {THING}?",
    "Well written, though I expected more on {thing} and less on the politics.",
    "Agreed.",
    "Well said about {thing}.",
    "Good comment above on {thing}.",
    "No comment on {thing} from the ministry? Telling.",
    "Prices here went up {amount} since spring and {thing} made it worse.",
    "Exactly this.",
    "Interesting, thanks.",
    "Any update on {thing}?",
    "Comment of the day: {thing} was never the real issue.",
    "Food prices, fuel prices, and now {thing}. Enough.",
    "We were promised {amount} in help and saw none of it. So much for {thing}.",
    "At {amount} a ticket, no wonder people are angry about {thing}.",
    "The council spent {amount} on consultants and {thing} is still a mess.",
    "My rent rose by {amount} this year. Write about that next to {thing}.",
]
HAM_LINKS = [
    "https://www.reuters.com/world/{slug}/", "https://apnews.com/hub/{slug}",
    "https://www.bbc.co.uk/news/{slug}", "https://www.who.int/news-room/{slug}",
    "https://www.un.org/en/{slug}", "https://data.worldbank.org/topic/{slug}",
    "https://www.gov.uk/government/statistics/{slug}", "https://www.imf.org/en/Topics/{slug}",
    "https://ec.europa.eu/eurostat/{slug}", "https://www.census.gov/topics/{slug}.html",
    "https://www.bls.gov/{slug}/", "https://www.theguardian.com/world/{slug}",
    "https://www.npr.org/sections/{slug}/", "https://en.wikipedia.org/wiki/{slug}",
    "www.ons.gov.uk/{slug}", "https://www.aljazeera.com/news/{slug}",
    "https://www.nytimes.com/section/{slug}", "https://www.dw.com/en/{slug}/",
    "https://www.france24.com/en/{slug}/", "https://www.cbc.ca/news/{slug}",
]  # fmt: skip
CITATIONS = ["Source: {link}", "More here: {link}", "See also {link}", "(via {link})",
             "Background: {link}", "{link}", "The data: {link}"]  # fmt: skip
AMOUNTS = ["$40", "£300", "€120", "200 dollars", "$1,500", "€25 a month", "about £90"]

SPAM_TEMPLATES = [
    "Best {product} reviews {year}, visit {url}",
    "{opener} I make {money} a day working from home. Read how: {url}",
    "Great article! I also wrote about {product} here {url}",
    "Cheap {product} with free shipping, only today: {url}",
    "{product} at {percent}% off!!! Order now {url}",
    "Need a loan fast? Approval in {minutes} minutes, call {phone} or visit {url}",
    "My cousin earns {money} a week online, see {url}",
    "Professional essay writing service, no plagiarism, order at {url}",
    "Join our crypto signals group, {percent}% returns guaranteed {url}",
    "Buy {product} online without prescription {url}",
    "{opener} Top rated {product} in {city}, call {phone}",
    "Earn {money} from your phone, no experience needed. Message me at {email}",
    "Looking for {product}? Compare prices at {url}",
    "{product} {product} best price {city} {url}",
    "Lose {kilos} kg in {weeks} weeks with this one simple trick {url}",
    "Work from home and earn {money}, click here {url}",
    "Casino bonus: {money} and 200 free spins at {url}",
    "I was skeptical but {product} changed my life. Details: {url}",
    "Visit {url} for the best deals on {product}",
    "Want more followers? Buy real followers cheap at {url}",
    "Congratulations, you have been selected to receive a free {prize}! Claim it at {url}",
    "Bad credit? No problem. Instant cash up to {money}, apply at {url}",
    "{opener} search {spelt} for the cheapest {product} online",
    "I invested {money} and got back three times that in a week with an expert trader, "
    "contact {email}",
    "Hot singles in {city} want to meet you tonight {url}",
    "Top 10 {product} of {year} compared {url}",
    "We will put your website on page one of search results. Cheap SEO packages {url}",
    "Start your own online store today, {percent}% off the first month {url} {url}",
    "Thanks for sharing! For anyone who needs {product}, this helped me: {url}",
    "Get paid {money} per hour for simple online surveys, sign up {url}",
    "Urgent!!! Limited offer on {product}, only {count} left {url}",
    "Double your bitcoin in 24 hours, guaranteed. Send to the wallet at {url}",
    "Doctors are amazed by this {product}. Watch before it is removed {url}",
    "Need cash? Text {phone} now, {money} same day, no checks",
    "Nice post. Check my site for {product} tips: {url}",
    "Homework due tomorrow? Our experts write your paper tonight, {percent}% off {url}",
    "Official {product} store, genuine quality, {percent}% discount, visit {spelt}",
    "I quit my job last month and now make {money} monthly from home!! {url}",
    "Free {prize} giveaway for the first 100 visitors at {url}",
    "Recommended {product} supplier in {city}, WhatsApp {phone} or email {email}",
]
PRODUCTS = [
    "home security systems", "alarm systems", "weight loss pills", "car insurance",
    "payday loans", "cheap flights", "replica watches", "bitcoin mining rigs", "male enhancement",
    "keto gummies", "solar panels", "web hosting", "forex trading bots", "dating apps",
    "CBD oil", "gold coins", "VPN service", "essay help", "SEO services", "used tyres",
    "designer handbags", "hair growth serum", "phone spy apps", "garage doors", "roof repair",
    "teeth whitening kits", "crypto wallets", "sports betting tips", "luxury sunglasses",
    "anti-ageing cream", "personal loans", "moving companies", "wireless earbuds",
    "diet shakes", "debt relief", "pet insurance", "water filters", "student loans",
    "casino games", "kitchen knives",
]  # fmt: skip
PRIZES = ["phone", "gift card", "laptop", "holiday", "TV", "tablet", "cash prize"]
OPENERS = ["Hi everyone!", "Wow.", "Interesting.", "Nice post.", "Hello friends,", "", "",
           "Hey guys", "Sorry for posting here but"]  # fmt: skip
CITIES = ["London", "Dallas", "Lagos", "Delhi", "Toronto", "Sydney", "Paris", "Dubai",
          "Manila", "Nairobi", "Berlin", "Houston"]  # fmt: skip
MONEY = ["$500", "$300", "250 dollars", "$1,200", "£400", "€350", "$80", "5000 USD", "3k",
         "$7,000", "£150", "$45"]  # fmt: skip
DOMAIN_WORDS = [
    "cheap", "best", "top", "deal", "offer", "promo", "fast", "easy", "smart", "pro",
    "review", "guide", "hub", "zone", "world", "shop", "save", "mega", "prime", "elite",
    "cash", "win", "trend", "daily", "lucky", "gold", "direct", "max",
]  # fmt: skip
SPAM_TLDS = ["com", "net", "shop", "xyz", "online", "site", "club", "store", "top", "info",
             "biz", "co"]  # fmt: skip
SHORT_LINKS = ["bit.ly/{code}", "tinyurl.com/{code}", "cutt.ly/{code}", "is.gd/{code}"]


def held_out(index, every):
    """Whether the `index`th template or word is kept for the held-out set only."""
    return index % every == every - 1


def part(items, test, every=5):
    return [item for index, item in enumerate(items) if held_out(index, every) == test]


def spam_url(rng, words, tlds):
    if rng.random() < 0.15:
        code = "".join(rng.choice("abcdefghijkmnpqrstuvwxyz23456789") for _ in range(6))
        return rng.choice(SHORT_LINKS).format(code=code)
    a, b = rng.sample(words, 2)
    host = rng.choice([f"{a}{b}", f"{a}-{b}", f"{a}{b}{rng.randint(1, 99)}", f"{a}-{b}-online"])
    url = f"{host}.{rng.choice(tlds)}"
    if rng.random() < 0.5:
        url += rng.choice(["/deals", "/offer", f"/p/{rng.randint(100, 9999)}", "/go", "/"])
    return rng.choice(["http://", "https://", "https://www.", "www.", ""]) + url


def spam_comment(rng, test):
    words, tlds = part(DOMAIN_WORDS, test, 4), part(SPAM_TLDS, test, 4)
    a, b = rng.sample(words, 2)
    fields = {
        "product": rng.choice(part(PRODUCTS, test, 4)),
        "url": spam_url(rng, words, tlds),
        "spelt": f"{a}{b} {rng.choice(['dot', '(dot)', '[dot]', '.'])} {rng.choice(tlds)}",
        "year": rng.choice([2025, 2026, 2027]),
        "money": rng.choice(MONEY),
        "opener": rng.choice(OPENERS),
        "percent": rng.choice([30, 50, 70, 80, 90, 300]),
        "phone": f"+{rng.randint(1, 99)} {rng.randint(200, 999)} {rng.randint(100, 999)} "
        f"{rng.randint(1000, 9999)}",
        "city": rng.choice(CITIES),
        "email": f"{a}{b}{rng.randint(1, 99)}@mail.example",
        "minutes": rng.choice([5, 10, 15]),
        "kilos": rng.choice([5, 10, 15]),
        "weeks": rng.choice([2, 3, 4]),
        "prize": rng.choice(PRIZES),
        "count": rng.randint(2, 20),
    }
    text = rng.choice(part(SPAM_TEMPLATES, test)).format_map(fields).strip()
    if rng.random() < 0.1:
        text = text.upper()
    return text


def ham_comment(rng, test, things, slug):
    """One to three civil sentences about the story, sometimes citing a source.

    Joining sentences from different templates keeps any one template's words from
    standing in for "ham" as a block.
    """
    link = rng.choice(part(HAM_LINKS, test, 4)).format(slug=slug)
    templates = rng.sample(part(HAM_TEMPLATES, test), rng.choice([1, 1, 2, 3]))
    sentences = []
    for template in templates:
        thing = rng.choice(things)
        sentences.append(
            template.format(
                thing=thing,
                Thing=thing[0].upper() + thing[1:],
                THING=thing.upper(),
                link=link,
                amount=rng.choice(AMOUNTS),
            )
        )
    text = " ".join(sentences)
    if rng.random() < 0.3 and not any("{link}" in template for template in templates):
        text += " " + rng.choice(CITATIONS).format(link=link)
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
    topics = sorted(TOPICS)
    examples = []
    for number in range(count):
        topic = rng.choice(topics)
        article, things = TOPICS[topic]
        is_spam = number % 2
        if is_spam:
            text = spam_comment(rng, held_out)
            article = TOPICS[rng.choice(topics)][0]
            age = rng.expovariate(1 / 10) if rng.random() < 0.7 else rng.uniform(0, 1500)
        else:
            text = ham_comment(rng, held_out, things, topic)
            age = rng.uniform(0, 7) if rng.random() < 0.15 else math.exp(rng.uniform(2, 8))
        article = article if rng.random() < 0.7 else ""
        examples.append(Example(text, is_spam, article, age if rng.random() < 0.67 else None))
    return examples


IDENTITIES = [
    "gay", "lesbian", "trans", "straight", "Muslim", "Jewish", "Christian", "Hindu", "Sikh",
    "Buddhist", "atheist", "Black", "white", "Asian", "Latino", "African", "Mexican",
    "Chinese", "Arab", "immigrant", "deaf", "blind", "disabled", "old", "young", "queer",
    "bisexual", "Catholic", "Nigerian", "Indian", "French", "elderly", "teenage", "Latina",
    "transgender", "nonbinary", "American", "Canadian", "middle-aged", "homosexual",
]  # fmt: skip
IDENTITY_TEMPLATES = [
    "I am a {a} {b} {person}.", "My {relation} is {a}.", "Being {a} is part of who I am.",
    "There are many {a} people in my town.", "As a {a} {person}, I agree with the article.",
    "My neighbour is {a} and {b}.", "{A} families have lived here for generations.",
    "I grew up {a} in a small village.", "Our teacher is a {a} {person}.", "{A} people.",
    "I am {a}.", "We are {a} and {b}.", "The {a} community held a meeting last night.",
    "She is a {a} {person} from the north.", "{A} and proud.", "He is {a}.",
]  # fmt: skip
GROUPS = [
    "gay people", "lesbians", "trans people", "Muslims", "Jews", "Christians", "Hindus", "Sikhs",
    "Buddhists", "atheists", "Black people", "white people", "Asians", "Latinos", "Africans",
    "Mexicans", "Chinese people", "Arabs", "immigrants", "refugees", "deaf people",
    "disabled people", "old people", "women", "men", "Catholics", "Nigerians", "Indians",
    "gays", "blacks", "whites", "Jewish people", "Muslim women", "migrants", "Mormons",
]  # fmt: skip
GROUP_TEMPLATES = [
    "{Group}.", "{Group} are welcome here.", "Many {group} voted in this election.",
    "The article is about {group}.", "{Group} live in every part of this city.",
    "{Group} and {other} marched together on Sunday.", "I work with {group} every day.",
    "What do {group} think of the new law?", "{Group} have lived here for centuries.",
    "The report interviewed {group} and {other}.", "{Group} matter.", "Support for {group}.",
]  # fmt: skip
PEOPLE = ["woman", "man", "person", "student", "nurse", "farmer", "reader", "voter", "parent"]
RELATIONS = ["sister", "brother", "friend", "mother", "father", "colleague", "partner"]


def identity_sentences(count, seed):
    """Neutral sentences that name identities, as clean examples: naming one is not abuse."""
    rng = random.Random(seed)
    examples = []
    for _ in range(count):
        a, b = rng.sample(IDENTITIES, 2)
        text = rng.choice(IDENTITY_TEMPLATES).format(
            a=a,
            b=b,
            A=a[0].upper() + a[1:],
            person=rng.choice(PEOPLE),
            relation=rng.choice(RELATIONS),
        )
        examples.append(Example(text, 0))
    for _ in range(count // 2):
        group, other = rng.sample(GROUPS, 2)
        text = rng.choice(GROUP_TEMPLATES).format(
            group=group, Group=group[0].upper() + group[1:], other=other
        )
        examples.append(Example(text, 0))
    return examples


# Tweets are not news comments: abuse under a story is mostly aimed at the reporter or at
# other readers, and threats. These examples, with civil replies of the same shapes so that
# "you are" or "someone should" alone mean nothing, teach that.
INSULTS = [
    "stupid", "idiotic", "pathetic", "disgusting", "worthless", "brainless", "clueless",
    "dumb", "vile", "ignorant", "useless", "spineless", "deranged", "braindead", "gutless",
    "repulsive", "lying", "filthy", "crooked", "revolting", "nasty", "despicable", "scummy",
    "trashy", "sick", "hateful", "retarded", "demented", "laughable", "cowardly", "horrible",
    "terrible", "awful", "evil", "ugly", "gross", "dirty", "lazy", "miserable", "rotten",
    "creepy", "sleazy", "greedy", "arrogant", "dishonest", "incompetent", "insane", "crazy",
    "moronic", "foul", "wicked", "shameless", "obnoxious", "hideous", "toxic", "smelly",
]  # fmt: skip
INSULT_NOUNS = [
    "idiot", "moron", "fool", "clown", "loser", "imbecile", "liar", "scumbag", "creep",
    "coward", "troll", "hypocrite", "parasite", "lowlife", "degenerate", "buffoon", "dimwit",
    "halfwit", "rat", "pig", "snake", "vermin", "piece of garbage", "waste of space", "jerk",
]  # fmt: skip
TARGETS = ["you", "the reporter", "this writer", "the author", "the minister", "these people",
           "the commenter above", "the moderators", "whoever wrote this", "the mayor"]  # fmt: skip
HARMS = ["shoot", "hang", "beat up", "punch", "kill", "string up", "run over", "burn"]
CURSES = ["dies in a fire", "gets hit by a bus", "rots in hell", "chokes on it",
          "loses everything", "never wakes up"]  # fmt: skip
ABUSE_TEMPLATES = [
    "You are a {adj} {noun}.", "What a {adj} {noun} you are.", "Shut up, you {adj} {noun}.",
    "Only a {noun} would write this {adj} rubbish.", "{Target} is a {adj} {noun}.",
    "Go away, {noun}.", "People like you are {adj}.", "This {adj} piece was written by a {noun}.",
    "I hope {target} {curse}.", "Someone should {harm} {target}.", "Get lost, you {noun}.",
    "Are you really this {adj}?", "Typical {adj} comment from a {noun}.",
    "Nobody cares what a {noun} like you thinks.", "{Target} deserves to be {harm}ed. {Adj}.",
    "{Adj} {noun}. Delete your account.", "Read it again, {noun}. Or are you too {adj}?",
    "Whoever hired this {noun} is as {adj} as {target}.",
]  # fmt: skip
KIND = [
    "fair", "sensible", "thoughtful", "careful", "honest", "kind", "smart", "brave",
    "decent", "reasonable", "clear", "informed", "patient", "generous", "good", "nice",
    "great", "excellent", "wonderful", "lovely", "friendly", "gentle", "happy", "caring",
    "helpful", "wise", "calm", "polite", "funny", "hard-working", "respectful", "humble",
    "modest", "cheerful", "talented", "fine", "proud", "serious", "quiet", "curious",
]  # fmt: skip
KIND_NOUNS = ["writer", "reader", "reporter", "point", "argument", "neighbour", "expert",
              "question", "summary", "teacher"]  # fmt: skip
CIVIL_TEMPLATES = [
    "You are a {adj} {noun}.", "What a {adj} {noun} you are.", "You make a {adj} {noun}.",
    "{Target} is a {adj} {noun}.", "People like you are {adj}.", "I hope {target} reads this.",
    "Someone should ask {target} about this.", "Are you really sure? It seems {adj} to me.",
    "This {adj} piece was written by a {noun} who knows the area.",
    "Nobody could call this {adj}, but it is wrong.", "Typical {adj} comment from a {noun}.",
    "Read it again, the {noun} says the opposite.", "I disagree with {target} on this.",
    "Thank you, {target}, for a {adj} answer.", "You are wrong, but thanks for a {adj} reply.",
]  # fmt: skip


def abuse_sentences(count, seed):
    """Insults and threats aimed at people (toxic) and civil replies of the same shapes."""
    rng = random.Random(seed)
    examples = []
    for number in range(count):
        toxic = number % 2
        adjective = rng.choice(INSULTS if toxic else KIND)
        target = rng.choice(TARGETS)
        text = rng.choice(ABUSE_TEMPLATES if toxic else CIVIL_TEMPLATES).format(
            adj=adjective,
            Adj=adjective.capitalize(),
            target=target,
            Target=target.capitalize(),
            harm=rng.choice(HARMS),
            curse=rng.choice(CURSES),
            noun=rng.choice(INSULT_NOUNS if toxic else KIND_NOUNS),
        )
        examples.append(Example(text, toxic))
    return examples
