"""The demo newsroom's stories: the 2013 intervention in Mali, written for this project."""

from datetime import UTC, datetime


def when(day, hour, minute=0, month=1):
    return datetime(2013, month, day, hour, minute, tzinfo=UTC)


AUTHORS = [
    {
        "slug": "helene-marchand",
        "name": "Hélène Marchand",
        "role": "Paris correspondent",
        "outlet": "dateline",
        "bio": "Covers French politics and defence from Paris.",
    },
    {
        "slug": "ousmane-traore",
        "name": "Ousmane Traoré",
        "role": "West Africa correspondent",
        "outlet": "dateline",
        "bio": "Reports from Bamako on the Sahel and its politics.",
    },
    {
        "slug": "rachel-okafor",
        "name": "Rachel Okafor",
        "role": "Diplomatic editor",
        "outlet": "dateline",
        "bio": "Follows the United Nations, aid and foreign policy.",
    },
    {
        "slug": "daniel-brennan",
        "name": "Daniel Brennan",
        "role": "Security blogger",
        "outlet": "dateline",
        "bio": "Writes the Security Brief blog from Washington.",
    },
]

TOPIC = {
    "slug": "mali-intervention",
    "title": "The intervention in Mali",
    "intro": "<p>How a French-led force pushed armed groups out of northern Mali in 2013, "
    "and what it meant for the people of the Sahel.</p>",
}

SECTIONS = [
    {"slug": "africa", "title": "Africa", "intro": "News from across the continent."},
    {"slug": "world", "title": "World", "intro": "Diplomacy, conflict and aid."},
]

# Images drawn at load time: (key, title, two colours for the gradient).
IMAGES = [
    ("niger-river", "The Niger river at dusk", ("#1d3557", "#e9c46a")),
    ("timbuktu", "Mud-brick mosque in Timbuktu", ("#8d5524", "#f1c27d")),
    ("convoy", "Armoured vehicles on a desert road", ("#495057", "#dee2e6")),
    ("gao-market", "Market day in Gao", ("#6a994e", "#f2e8cf")),
    ("donors", "Delegates at a donors' conference", ("#264653", "#a8dadc")),
    ("camp", "Tents at a camp for displaced families", ("#9c6644", "#ede0d4")),
    ("airlift", "A transport aircraft on a runway", ("#3a5a40", "#dad7cd")),
]

# Stories are created in this order; "related" may name only stories listed before.
ARTICLES = [
    {
        "slug": "why-northern-mali-matters",
        "section": "world",
        "title": "Five things to know about the crisis in northern Mali",
        "standfirst": "A coup, a rebellion and an armed takeover of the north: the background "
        "to a fast-moving war.",
        "bylines": ["rachel-okafor"],
        "dateline": "LONDON",
        "published": when(12, 9, 30),
        "image": "niger-river",
        "highlights": [
            "A coup in March 2012 left Bamako's government weak",
            "Armed groups seized the north's three main cities within weeks",
            "Neighbouring states fear the region becoming a safe haven",
        ],
        "paragraphs": [
            "Mali was long held up as one of West Africa's steadier democracies. That picture "
            "changed in a matter of weeks last spring, when soldiers angry at the army's losses "
            "in the north overthrew the elected president.",
            "In the confusion that followed, a separatist rebellion and several armed Islamist "
            "groups took Kidal, Gao and Timbuktu. The separatists were soon pushed aside by "
            "their former allies, who imposed their own rules on daily life.",
            "Residents describe bans on music and smoking, and punishments handed down by "
            "self-appointed courts. Historic shrines in Timbuktu were damaged.",
            "For Mali's neighbours the concern is that a territory the size of France could "
            "become a base for groups with ambitions beyond its borders.",
        ],
    },
    {
        "slug": "france-sends-troops-to-mali",
        "section": "africa",
        "title": "France sends troops as armed groups push south in Mali",
        "standfirst": "Paris says it answered a request from Bamako after fighters took a town "
        "on the road to the capital.",
        "bylines": ["helene-marchand"],
        "dateline": "PARIS",
        "published": when(11, 18, 10),
        "image": "convoy",
        "related": ["why-northern-mali-matters"],
        "highlights": [
            "French aircraft struck columns of fighters near Konna",
            "The president says the operation will last as long as necessary",
            "West African states promise troops for a regional force",
        ],
        "paragraphs": [
            "France began air strikes in central Mali on Friday after armed groups seized the "
            "town of Konna and appeared ready to advance on Mopti, the gateway to the south.",
            "The French president told reporters that Mali's interim government had asked for "
            "help and that France would act within the framework of United Nations resolutions.",
            "Ground troops flown in from French bases elsewhere in Africa were deployed to "
            "Bamako to protect the capital and the several thousand French citizens living there.",
        ],
    },
    {
        "slug": "un-prepares-for-returns",
        "section": "world",
        "title": "Aid agencies prepare for families returning to northern towns",
        "standfirst": "Hundreds of thousands fled the fighting; many now weigh whether it is safe "
        "to go home.",
        "bylines": ["rachel-okafor"],
        "dateline": "GENEVA",
        "published": when(22, 11, 0),
        "image": "camp",
        "related": ["why-northern-mali-matters"],
        "highlights": [
            "More than 350,000 people have left their homes since last year",
            "Agencies warn of food shortages in towns cut off for months",
            "Mines and unexploded shells slow the way back",
        ],
        "paragraphs": [
            "United Nations agencies said they were sending food and medical supplies towards "
            "towns retaken by French and Malian forces, as the first families began to return.",
            "Aid workers cautioned that markets in the north had been cut off for months and that "
            "prices of grain had risen sharply.",
            "Clearing roads of mines and unexploded shells would take time, officials said, "
            "and some families would wait for the rainy season to pass before travelling.",
        ],
    },
    {
        "slug": "gao-celebrates",
        "section": "africa",
        "title": "Music returns to the streets of Gao",
        "standfirst": "After ten months of armed rule, residents danced in the main square.",
        "bylines": ["ousmane-traore"],
        "dateline": "GAO",
        "published": when(27, 15, 45),
        "image": "gao-market",
        "related": ["france-sends-troops-to-mali"],
        "highlights": [
            "Crowds gathered as French and Malian troops drove into the city",
            "Residents brought out radios and instruments hidden for months",
            "Some fighters remain in the surrounding countryside",
        ],
        "paragraphs": [
            "The first thing many people in Gao did when the soldiers arrived was turn up the "
            "radio. For ten months, music had been forbidden.",
            "Women who had been forced to cover themselves stood in the square without veils, "
            "and young men rode motorbikes in circles, waving Malian flags.",
            "Officers warned that the countryside around the city was not yet secure and that "
            "small groups of fighters had slipped away towards the desert.",
        ],
        "gallery": {
            "title": "Gao after the fighting",
            "images": [
                ("gao-market", "Traders reopen their stalls in Gao's central market."),
                ("convoy", "A column of armoured vehicles enters the city from the south."),
                ("niger-river", "Fishing boats return to the river bank below the city."),
            ],
        },
    },
    {
        "slug": "timbuktu-manuscripts",
        "section": "africa",
        "title": "Librarians count the cost to Timbuktu's manuscripts",
        "standfirst": "Thousands of pages were smuggled to safety; others were lost in a fire.",
        "bylines": ["ousmane-traore"],
        "dateline": "TIMBUKTU",
        "published": when(29, 8, 20),
        "image": "timbuktu",
        "related": ["gao-celebrates"],
        "highlights": [
            "A library building was set alight as fighters left the city",
            "Families had hidden many manuscripts in their homes",
            "Scholars begin a survey of what survived",
        ],
        "paragraphs": [
            "When the armed groups left Timbuktu, they set fire to part of a new library that "
            "held some of the city's famous manuscripts.",
            "Librarians said on Tuesday that far fewer pages had burned than first feared: many "
            "had been carried out of the city in rice sacks and metal trunks over previous months.",
            "Scholars plan a careful survey before any figure for the losses is given.",
        ],
    },
    {
        "slug": "we-are-winning-in-mali",
        "section": "world",
        "title": "French leader says the campaign in Mali is being won",
        "standfirst": "Timbuktu and Gao are back under government control, but the president "
        "gives no date for a withdrawal.",
        "bylines": ["helene-marchand"],
        "source": "dateline",
        "dateline": "PARIS",
        "published": when(29, 14, 5),
        "updated": when(29, 22, 38),
        "image": "timbuktu",
        "related": ["why-northern-mali-matters", "un-prepares-for-returns", "gao-celebrates"],
        "highlights": [
            "The president gives no timetable for French troops to leave",
            "Aid agencies prepare for displaced families to return home",
            "Retaking Timbuktu is a major symbolic success",
        ],
        "new_highlight": "Donors pledge close to half a billion dollars for Mali",
        "paragraphs": [
            "French and Malian forces now hold Timbuktu, Gao and the stretch of river between "
            "them, the defence ministry in Paris said, almost a year after armed groups took over "
            "the region.",
            "Speaking at a press conference on Monday, the French president said the campaign was "
            "being won, while acknowledging that fighters still held parts of the far north.",
            "He did not say how long French forces would remain in the country, where more than "
            "2,000 French soldiers are now deployed with about 1,000 more in support elsewhere.",
            "Washington has widened its role, adding air-to-air refuelling to the intelligence and "
            "transport help it was already giving.",
            "London said it would send military trainers but no combat troops, and the European "
            "Union pledged funds for the African-led mission that is meant to take over.",
            "At a donors' meeting in Addis Ababa, countries and agencies pledged close to half a "
            "billion dollars for the mission and for humanitarian aid.",
        ],
        "gallery": {
            "title": "Mali's war in pictures",
            "images": [
                ("timbuktu", "Residents outside a mosque in Timbuktu after the armed groups left."),
                ("convoy", "A military convoy on the road north from Sévaré."),
                ("airlift", "A transport aircraft unloads equipment at Bamako airport."),
            ],
        },
        "videos": [
            ("Gao celebrates its liberation", "gao-celebrates", "2:12"),
            ("What led to the collapse in the north?", "why-northern-mali-matters", "3:40"),
        ],
        "contributors": "Rachel Okafor and Ousmane Traoré contributed to this report.",
        "translation": {
            "title": "الرئيس الفرنسي: الحملة في مالي تحقق النجاح",
            "standfirst": "تمبكتو وغاو تعودان إلى سيطرة الحكومة، لكن الرئيس لم يحدد موعدا للانسحاب.",
            "highlights": [
                "الرئيس لا يحدد جدولا زمنيا لمغادرة القوات الفرنسية",
                "وكالات الإغاثة تستعد لعودة الأسر النازحة",
                "استعادة تمبكتو نجاح رمزي كبير",
            ],
            "paragraphs": [
                "قالت وزارة الدفاع في باريس إن القوات الفرنسية والمالية تسيطر الآن على تمبكتو وغاو "
                "والمنطقة الممتدة بينهما على طول النهر، بعد عام تقريبا من سيطرة الجماعات المسلحة عليها.",
                "وقال الرئيس الفرنسي في مؤتمر صحفي إن الحملة تحقق النجاح، مع إقراره بأن مقاتلين "
                "ما زالوا يسيطرون على أجزاء من أقصى الشمال.",
                "ولم يحدد الرئيس المدة التي ستبقى فيها القوات الفرنسية في البلاد.",
            ],
        },
    },
    {
        "slug": "donors-pledge-for-mali",
        "section": "world",
        "title": "Donors pledge hundreds of millions for Mali mission and aid",
        "standfirst": "The money will pay for African troops and for food in the north.",
        "bylines": ["rachel-okafor"],
        "dateline": "ADDIS ABABA",
        "published": when(29, 19, 15),
        "image": "donors",
        "related": ["we-are-winning-in-mali"],
        "highlights": [
            "Pledges come from African, European and Asian governments",
            "Part of the money will pay the regional force's salaries",
            "Aid groups say the humanitarian appeal is still short",
        ],
        "paragraphs": [
            "Governments and international bodies meeting in Addis Ababa pledged close to half "
            "a billion dollars on Tuesday towards Mali's security and its humanitarian needs.",
            "Much of the money is meant to pay and equip the African-led force that is expected "
            "to take over from French troops in the coming months.",
            "Aid organisations welcomed the pledges but said their own appeal for food and "
            "shelter in the north remained far from fully funded.",
        ],
    },
    {
        "slug": "britain-offers-trainers",
        "section": "world",
        "title": "Britain offers military trainers but rules out combat role",
        "standfirst": "Up to 240 personnel could help train Malian and West African troops.",
        "bylines": ["helene-marchand"],
        "dateline": "LONDON",
        "published": when(29, 16, 40),
        "image": "airlift",
        "related": ["we-are-winning-in-mali"],
        "highlights": [
            "Up to 40 British personnel will join a European training mission",
            "As many as 200 more could train troops in neighbouring countries",
            "Ministers insist there will be no British combat role",
        ],
        "paragraphs": [
            "Britain's defence secretary told parliament that up to 40 personnel could join a "
            "European Union mission to train the Malian army.",
            "Up to 200 more could be sent to English-speaking West African countries to prepare "
            "troops for the regional force, he said.",
            "He repeated that British forces would not take part in combat.",
        ],
    },
]

BLOG = {
    "slug": "security-brief",
    "title": "Security Brief",
    "intro": "Defence and diplomacy, explained from Washington.",
}

BLOG_POSTS = [
    {
        "slug": "france-needs-partners-in-mali",
        "title": "France says it cannot win in Mali alone",
        "bylines": ["daniel-brennan"],
        "published": when(18, 13, 46),
        "image": "airlift",
        "paragraphs": [
            "A senior French official told us this week that Paris is counting on help from "
            "allies for its campaign in Mali, from airspace rights to transport planes.",
            "Washington's dilemma is legal as much as military: rules bar direct military aid to "
            "a government that came to power in a coup, so support has flowed through France "
            "and through the African states sending troops.",
            "So far that support has meant intelligence and, soon, airlift. Refuelling tankers "
            "are under discussion and would let French jets stay over the north for longer.",
            "The official was blunt about the stakes. A few hundred fighters in the region a "
            "few years ago have become a few thousand, he said, and the number could keep rising.",
        ],
        "contributors": "Ousmane Traoré contributed to this report.",
    },
    {
        "slug": "what-a-regional-force-needs",
        "title": "What West Africa's force in Mali will need to succeed",
        "bylines": ["daniel-brennan"],
        "published": when(24, 10, 5),
        "image": "convoy",
        "paragraphs": [
            "The African-led mission is supposed to take over from French troops, but it will "
            "need transport, money and time to train before it can hold territory.",
            "Several contributing countries have never deployed this far from home, and "
            "commanders will have to work across languages and radio systems.",
            "The hardest part may come after the cities are secure: keeping roads open and "
            "protecting towns from hit-and-run raids.",
        ],
    },
]
