"""The demo newsroom's stories: the 2013 intervention in Mali and the region around it.

Written for this project: fictional reporting on real places and events. Paragraphs that
start with "## " are subheadings.
"""

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
    {
        "slug": "nadia-haddad",
        "name": "Nadia Haddad",
        "role": "Business correspondent",
        "outlet": "dateline",
        "bio": "Covers mining, farming and trade across West Africa from Dakar.",
    },
    {
        "slug": "ingrid-solberg",
        "name": "Ingrid Solberg",
        "role": "Science and climate correspondent",
        "outlet": "dateline",
        "bio": "Writes about water, weather and the people who measure them.",
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
    {"slug": "business", "title": "Business", "intro": "Mines, markets, farms and trade."},
    {"slug": "science", "title": "Science", "intro": "Climate, water and the work of research."},
]

# Pictures painted at load time, no words in them: (key, title used as alt text, scene,
# sky colours top and bottom, ground colour). Scenes are drawn in demo.draw_image.
IMAGES = [
    ("niger-river", "The Niger river at dusk", "river", ("#1d3557", "#e9c46a"), "#264653"),
    ("timbuktu", "Mud-brick mosque in Timbuktu", "mosque", ("#4a7fb5", "#f4d8a8"), "#c79a5b"),
    ("convoy", "Armoured vehicles on a desert road", "convoy", ("#6c8fb3", "#efe3c8"), "#c8a46e"),
    ("gao-market", "Market day in Gao", "market", ("#5b8cc0", "#f6e7c8"), "#b88a58"),
    ("donors", "Delegates at a donors' conference", "hall", ("#2b3a4a", "#55697d"), "#7a5c3e"),
    ("camp", "Tents at a camp for displaced families", "camp", ("#8fb3d6", "#f3e2c7"), "#c9a77c"),
    ("airlift", "A transport aircraft on a runway", "airfield", ("#3d5a80", "#e0e1dd"), "#6b705c"),
    ("gold-mine", "An open-pit gold mine", "mine", ("#7aa6c2", "#f2dfc1"), "#9c6b3c"),
    ("cotton", "Cotton fields before the harvest", "field", ("#8ecae6", "#fff1d0"), "#5a7d3a"),
    (
        "flood",
        "Floodwater spreading across the inner delta",
        "delta",
        ("#486581", "#d9e2ec"),
        "#3e6b5a",
    ),
    (
        "solar-pump",
        "Solar panels beside a vegetable plot",
        "solar",
        ("#4f9bd9", "#fef3d6"),
        "#6a994e",
    ),
    ("video-gao", "Crowds in the main square of Gao", "market", ("#5a96d2", "#fadfb0"), "#c49a64"),
    ("video-north", "Dunes in northern Mali", "convoy", ("#284b8c", "#f0b87a"), "#b7794a"),
]

# Video files shipped in data/demo/, placed in the documents library: (key, file, title).
VIDEO_FILES = [
    ("gao", "gao-celebrates.webm", "Gao celebrates its liberation"),
    ("north", "the-north-in-maps.webm", "What led to the collapse in the north?"),
]

# (title, video file key, poster image key, duration)
VIDEOS = {
    "gao": ("Gao celebrates its liberation", "gao", "video-gao", "0:08"),
    "north": ("What led to the collapse in the north?", "north", "video-north", "0:08"),
}

# Stories are created in this order; "related" may name only stories listed before.
# Stories with "topic": False stay out of the Mali coverage hub.
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
        "image_caption": "The Niger river, which links Mali's south to the cities of the north.",
        "image_credit": "dateline/Ousmane Traoré",
        "highlights": [
            "A coup in March 2012 left Bamako's government weak",
            "Armed groups seized the north's three main cities within weeks",
            "Neighbouring states fear the region becoming a safe haven",
        ],
        "paragraphs": [
            "For two decades Mali was the country diplomats pointed to when they wanted an "
            "example of a West African democracy that worked. Elections were held on time, "
            "presidents handed over power, and the capital, Bamako, was calm enough for "
            "tourists to pass through on their way to the desert festivals of the north. That "
            "reputation fell apart in less than a month last spring. Here is how it happened, "
            "and why governments far from the Sahel now care about it.",
            "## 1. A coup emptied the centre",
            "In March 2012 a group of junior officers, furious at how badly the army was faring "
            "against rebels in the north, drove to the presidential palace and announced on "
            "state television that they had taken charge. The president fled. Under pressure "
            "from neighbouring states, the soldiers handed power to an interim civilian "
            "government within weeks, but the army's chain of command was broken and the "
            "garrisons in the north were left without orders, fuel or pay.",
            "## 2. The north fell in days",
            "A separatist movement drawn mainly from the Tuareg communities of the north had "
            "been fighting since January, strengthened by men and weapons that came back across "
            "the desert after the fall of the Libyan government. With the army in disarray, the "
            "rebels and several armed Islamist groups took Kidal, Gao and Timbuktu in a single "
            "week at the start of April. The separatists declared an independent state that no "
            "government recognised.",
            "## 3. The allies turned on each other",
            "The alliance did not last the summer. By July the Islamist groups, better funded "
            "and better armed, had driven the separatists out of the main towns. They set up "
            "their own police and courts, banned music and smoking, and ordered women to cover "
            "themselves. Residents who stayed describe public floggings and amputations handed "
            "down after hearings that lasted minutes. In Timbuktu, men with pickaxes broke open "
            "the tombs of local saints that had stood for centuries.",
            "## 4. Half a million people moved",
            "Aid agencies estimate that more than 350,000 people have left their homes since "
            "the fighting began, some to camps in Mauritania, Niger and Burkina Faso, others to "
            "relatives in the south. Those who stayed face prices that have doubled for grain "
            "and fuel, because the roads that once carried trucks from the south are now "
            "crossed only by those willing to pay the armed groups' tolls.",
            "## 5. The neighbours are worried",
            "The north of Mali is roughly the size of France and almost empty of state "
            "authority. Governments in the region, and in Europe, fear it could become a place "
            "where armed groups train, hold hostages for ransom and move weapons and drugs "
            "across the Sahara. West African leaders have spent months planning a regional "
            "force to help Mali retake the north, with the backing of the United Nations "
            "Security Council, but officials had not expected it to be ready before the autumn.",
            "That timetable now looks out of date. This week fighters moved south from their "
            "strongholds towards the town of Konna, on the edge of government territory, and "
            "Mali's interim president asked France for help. What happens next will depend on "
            "how quickly foreign troops arrive, and on whether Mali's own politicians can agree "
            "on a path back to an elected government.",
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
        "updated": when(11, 23, 5),
        "image": "convoy",
        "image_caption": "Armoured vehicles on the road from Bamako towards the centre of the country.",
        "image_credit": "dateline/Ousmane Traoré",
        "related": ["why-northern-mali-matters"],
        "highlights": [
            "French aircraft struck columns of fighters near Konna",
            "The president says the operation will last as long as necessary",
            "West African states promise troops for a regional force",
        ],
        "new_highlight": "A French helicopter pilot is killed in the first day of fighting",
        "paragraphs": [
            "France began air strikes in central Mali on Friday after armed groups seized the "
            "town of Konna and appeared ready to advance on Mopti and the nearby airport at "
            "Sévaré, the gateway to the south of the country.",
            "Speaking at the Élysée Palace in the early evening, the French president said "
            "that Mali's interim government had asked for immediate help, and that France "
            "would act within the framework of the United Nations Security Council resolutions "
            "passed last year. The operation would last \u201cas long as necessary\u201d, he said, "
            "without giving further detail about the number of troops involved.",
            "Defence officials later confirmed that combat helicopters based in neighbouring "
            "Burkina Faso had attacked a column of pick-up trucks north of Konna in the "
            "afternoon, and that fighter jets would join the campaign from bases in Chad. One "
            "helicopter pilot was fatally wounded by small-arms fire, the defence minister "
            "said late on Friday.",
            "## Troops for the capital",
            "Several hundred French soldiers already stationed in West Africa were ordered to "
            "Bamako to protect the capital and the roughly 6,000 French citizens who live in "
            "Mali. The foreign ministry advised those whose presence was not essential to "
            "leave, and the French embassy in Bamako suspended its public services.",
            "In Bamako itself the mood was one of relief rather than alarm. Residents gathered "
            "around radios in the markets to follow the news, and small crowds waved French "
            "and Malian flags outside the embassy in the evening. \u201cWe have waited a year for "
            "someone to do something,\u201d said a shopkeeper near the central market, who gave "
            "only his first name, Adama. \u201cIf they had taken Mopti, the road to Bamako was "
            "open.\u201d",
            "Konna, a market town of about 50,000 people on the road between Mopti and the "
            "north, fell on Thursday after a day of fighting with the Malian army, which "
            "withdrew towards Sévaré. Aid agencies said hundreds of families had fled the town "
            "on foot and by boat on the river.",
            "## A regional force, sooner than planned",
            "The intervention brings forward a timetable that West African governments and "
            "their partners had expected to run into the autumn. The Economic Community of West "
            "African States said on Friday that its member states would send troops \u201cwithin "
            "days\u201d, and Nigeria, Senegal and Niger said they were preparing contingents.",
            "Diplomats in New York said the Security Council would meet on Monday to discuss "
            "the crisis. Council members had authorised an African-led force in December but "
            "had insisted that Malian politicians first agree on a plan for elections, and "
            "that the force be trained and equipped before it moved north.",
            "Opposition politicians in Paris broadly supported the decision to intervene, "
            "while asking the government to explain how long French troops would stay and "
            "what would count as success. The risks were considerable, one former defence "
            "minister told a morning radio programme: eight French hostages are being held in "
            "the Sahel, and the armed groups have threatened to kill them if France attacked.",
            "Late on Friday, the defence ministry said that the first strikes had stopped the "
            "column's advance and that Malian troops, supported by French aircraft, were "
            "preparing to retake Konna. Officials would not say when that might happen.",
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
        "image_caption": "Tents at a camp for displaced families outside Mopti.",
        "image_credit": "dateline/Ousmane Traoré",
        "related": ["why-northern-mali-matters"],
        "highlights": [
            "More than 350,000 people have left their homes since last year",
            "Agencies warn of food shortages in towns cut off for months",
            "Mines and unexploded shells slow the way back",
        ],
        "paragraphs": [
            "United Nations agencies said on Tuesday they were moving food, medicine and "
            "shelter materials towards towns retaken by French and Malian forces, as the first "
            "families who fled the fighting began to make their way home.",
            "The refugee agency told reporters in Geneva that it was preparing for the "
            "\u201cpossible spontaneous return\u201d of tens of thousands of people over the coming "
            "months, but that it was not yet encouraging anyone to travel. Most of the people it "
            "had spoken to in Bamako and in the camps said they wanted to go back, a spokeswoman "
            "said, but wanted to be sure the fighting was over first.",
            "## Who left, and where they went",
            "Agency figures show that more than 350,000 people have left their homes since the "
            "rebellion began a year ago. Around 200,000 are displaced inside Mali, most of them "
            "living with relatives in the south. The rest crossed into Mauritania, Niger, "
            "Burkina Faso and Algeria, where some have spent the year in desert camps that "
            "depend almost entirely on food aid.",
            "In the camp at Mbera, in south-eastern Mauritania, families arriving this month "
            "described leaving villages near Timbuktu as the air strikes began, fearing both the "
            "armed groups and the soldiers who would follow them. Many travelled at night, on "
            "donkey carts and in the backs of trucks, and paid for fuel by selling livestock.",
            "## Markets cut off for months",
            "The World Food Programme said it was sending trucks of grain, oil and pulses "
            "along the river road from Mopti towards Timbuktu and Gao as soon as the army judged "
            "the route safe. Markets in the north had been cut off from their usual suppliers "
            "for most of the past year, and the price of millet, the staple grain, had roughly "
            "doubled in some towns.",
            "Health workers are particularly concerned about children. Clinics in the north "
            "lost staff when the armed groups arrived, and vaccination campaigns were "
            "suspended. The children's agency said it would begin a measles campaign in Gao "
            "and the surrounding villages as soon as vaccines could be kept cold on the journey.",
            "## Mines on the road home",
            "Officials said one of the main obstacles was the debris of war. Fighters are "
            "believed to have laid mines on some roads as they withdrew, and unexploded shells "
            "and rockets lie near the places where fighting took place. A mine-clearance team "
            "was due to arrive in Mopti at the end of the week to begin surveying the main "
            "routes north.",
            "Aid workers also warned that some people would not feel safe returning to towns "
            "where neighbours had sided with the armed groups, and reported cases of reprisals "
            "against light-skinned Tuareg and Arab residents in areas retaken by the army. "
            "Human rights groups have called on the Malian authorities to investigate.",
            "Many families are likely to take their time. Farmers who missed last year's "
            "planting season will want to be home before the rains in June, one official "
            "said, but others will wait to see whether schools reopen and whether the "
            "government sends back its own officials, from teachers to tax collectors.",
            "The agencies' joint appeal for Mali this year asks for about $370 million. Less "
            "than a tenth has been pledged so far.",
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
        "image_caption": "Market day in Gao, the first since French and Malian troops arrived.",
        "image_credit": "dateline/Ousmane Traoré",
        "related": ["france-sends-troops-to-mali"],
        "highlights": [
            "Crowds gathered as French and Malian troops drove into the city",
            "Residents brought out radios and instruments hidden for months",
            "Some fighters remain in the surrounding countryside",
        ],
        "paragraphs": [
            "The first thing many people in Gao did when the soldiers arrived was turn up the "
            "radio. For ten months, music had been forbidden in this city on the Niger river, "
            "and the men who enforced the ban had broken cassette players and burned "
            "instruments in the street.",
            "On Sunday afternoon, the day after French and Malian troops drove into the city "
            "from the airport, the main square was full. A band played on a flatbed truck. "
            "Women who had been forced to cover their faces for most of the past year stood in "
            "bright cloth and gold earrings, and children climbed onto the roof of the old "
            "bus station to see over the crowd.",
            "\u201cI kept my guitar inside a sack of millet,\u201d said Boubacar, a 34-year-old "
            "teacher who plays at weddings. \u201cEvery time they searched the houses on our "
            "street, I thought they would find it. Today I took it out in front of "
            "everybody.\u201d",
            "## A convoy cheered through the streets",
            "As a column of armoured vehicles moved slowly along the main avenue towards the "
            "governor's office, young men on motorbikes rode alongside it waving Malian flags "
            "and shouting the names of the soldiers' home towns. Some held up bottles of beer "
            "and cigarettes, both banned under the armed groups' rule, as the vehicles passed.",
            "The mayor, who had left for Bamako when the city fell last spring, returned on "
            "one of the first flights into the airport. He spoke to the crowd from the steps "
            "of the town hall, though few people could hear him over the noise. It did not "
            "seem to matter. \u201cHe is here, so the state is here,\u201d said one woman selling "
            "roasted groundnuts at the edge of the square.",
            "## What residents lived through",
            "People in Gao describe a year in which daily life was governed by rules announced "
            "over loudspeakers. Men were told how long their trousers should be; women were "
            "stopped at checkpoints if they travelled without a male relative. A self-appointed "
            "court met in the former police station, and residents say at least two people had "
            "their hands cut off as punishment for theft.",
            "Shopkeepers said business had almost stopped. Traders from the south no longer "
            "came, and those who did had to pay at every checkpoint. The price of sugar and "
            "cooking oil rose beyond what many families could afford, and several families "
            "said they had eaten one meal a day for months.",
            "## Not over yet",
            "French and Malian officers were careful not to declare victory. Small groups of "
            "fighters had slipped out of the city in the days before the troops arrived, they "
            "said, and some were thought to be hiding in villages along the river or heading "
            "north towards the mountains near the Algerian border.",
            "Soldiers set up checkpoints on the roads into the city, searching vehicles and "
            "checking identity papers. Residents were told to report any weapons or explosives "
            "left behind in abandoned buildings. On Sunday evening a loud blast was heard on "
            "the outskirts; an officer later said engineers had destroyed a cache of shells.",
            "Back in the square, the band played until it was dark. Some people were already "
            "talking about the music festival that used to bring visitors from across the "
            "region every winter. \u201cNext year,\u201d said Boubacar. \u201cMaybe next year.\u201d",
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
        "image_caption": "One of Timbuktu's mud-brick mosques, which the city's masons replaster "
        "every year.",
        "image_credit": "dateline/Ousmane Traoré",
        "related": ["gao-celebrates"],
        "highlights": [
            "A library building was set alight as fighters left the city",
            "Families had hidden many manuscripts in their homes",
            "Scholars begin a survey of what survived",
        ],
        "paragraphs": [
            "When the armed groups left Timbuktu last week, they set fire to part of a new "
            "library built to hold some of the city's famous manuscripts. Pictures of "
            "blackened pages on the floor of a reading room travelled around the world within "
            "hours, and for several days it was feared that centuries of scholarship had "
            "been lost.",
            "On Tuesday, librarians in the city said the damage was real but far smaller than "
            "first thought. Over the past ten months, they said, most of the collection had "
            "been carried out of the building in secret and hidden in private homes or sent "
            "down the river to Bamako.",
            "## Rice sacks and metal trunks",
            "The manuscripts, some of which date back to the thirteenth century, cover law, "
            "astronomy, medicine, poetry and trade. Many belong to families who have kept them "
            "for generations, storing them in wooden chests and passing them from father to "
            "son. Others were gathered in public and private libraries over the past forty "
            "years with help from foreign governments and universities.",
            "A member of staff at one of the libraries, who asked not to be named because he "
            "feared for his family's safety, described how the evacuation worked. Volunteers "
            "packed bundles of manuscripts into rice sacks and small metal trunks at night and "
            "moved them by donkey cart to houses in the old town. Later, some were loaded "
            "onto boats or into the backs of cars for the journey south, hidden under goods.",
            "\u201cWe moved a few hundred at a time,\u201d he said. \u201cIf the fighters stopped a "
            "car, the driver said the trunks held his family's belongings. Nobody wanted old "
            "paper. They were looking for cigarettes and radios.\u201d",
            "## What was lost",
            "Librarians said that a few thousand documents had been in the building when it "
            "was set alight, most of them items that were being cleaned or photographed when "
            "the city fell. Some burned completely; others were damaged by smoke and water. "
            "Staff were sorting the remains on Tuesday, wearing cotton gloves and placing each "
            "fragment in a numbered folder.",
            "The wider damage to the city's heritage is harder to repair. During their months "
            "in control, the armed groups broke open the tombs of several of the local saints "
            "whose shrines give Timbuktu its nickname, the city of 333 saints, and smashed the "
            "wooden door of one of its mosques. Masons who look after the mud-brick buildings "
            "said they would need months, and money, to rebuild what was destroyed.",
            "## A careful survey",
            "Scholars in Bamako and abroad have urged caution about any figure for the losses "
            "until every collection has been checked. The first task, they say, is to make an "
            "inventory of what survived and where it is now, since many families moved their "
            "manuscripts without telling anyone.",
            "The heat, dust and damp of improvised hiding places are a danger in themselves. "
            "Paper that has survived for five hundred years in dry storerooms can be harmed by "
            "a single rainy season in a damp cellar, one conservator warned. Librarians are "
            "asking donors for air-tight boxes and for help to digitise pages before they "
            "are moved again.",
            "For now the collections will stay where they are. \u201cThe city is not yet safe,\u201d "
            "the librarian said. \u201cWhen the schools are open and the shops are open, then we "
            "will bring them home.\u201d",
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
        "image_caption": "Timbuktu's old town, retaken by French and Malian troops at the weekend.",
        "image_credit": "dateline/Ousmane Traoré",
        "related": ["why-northern-mali-matters", "un-prepares-for-returns", "gao-celebrates"],
        "highlights": [
            "The president gives no timetable for French troops to leave",
            "Aid agencies prepare for displaced families to return home",
            "Retaking Timbuktu is a major symbolic success",
        ],
        "new_highlight": "Donors pledge close to half a billion dollars for Mali",
        "paragraphs": [
            "French and Malian forces now hold Timbuktu, Gao and the stretch of the Niger river "
            "between them, the defence ministry in Paris said on Tuesday, almost a year after "
            "armed groups took control of the region.",
            "Speaking at a press conference on Monday evening, the French president said the "
            "campaign was being won, while acknowledging that fighters still held parts of the "
            "far north, around the town of Kidal and in the mountains towards the Algerian "
            "border. \u201cWe are winning this battle,\u201d he said. \u201cBut winning a battle is "
            "not the end of the work.\u201d",
            "He did not say how long French forces would remain in the country, where more than "
            "2,000 French soldiers are now deployed, with about 1,000 more supporting the "
            "operation from bases elsewhere in the region. Ministers have said in recent days "
            "that the African-led mission should take over \u201cas quickly as possible\u201d, but "
            "have been careful not to name a date.",
            "## Allies step up",
            "Washington has widened its role, adding air-to-air refuelling for French jets to "
            "the intelligence and transport help it was already providing. American officials "
            "said the tanker flights would allow French aircraft to spend longer over the "
            "north, where distances between targets are measured in hundreds of kilometres.",
            "London said on Tuesday it would send up to 40 military trainers to a European "
            "Union mission for the Malian army, and up to 200 more to train troops from "
            "English-speaking West African countries, but that British forces would not take "
            "part in combat. The European Union pledged about $67 million towards the cost of "
            "the African-led mission.",
            "The governments backing the operation say their aim is to stop the north of Mali "
            "becoming a permanent base for armed groups, and to give the country a chance to "
            "return to the elected government it had until last spring.",
            "## A symbolic city",
            "Retaking Timbuktu, the ancient centre of learning on the edge of the Sahara, was "
            "the campaign's most symbolic moment so far. During ten months of armed rule, "
            "fighters destroyed the tombs of local saints, which they considered idolatrous, "
            "and a library holding historic manuscripts was set on fire as they left.",
            "When French paratroopers and Malian soldiers entered the city at the weekend, "
            "residents came out to greet them with flags and drums. In Gao, further down the "
            "river, crowds had danced in the main square the day before, and the city's mayor "
            "returned from Bamako to address them.",
            "There were also reports of looting of shops owned by Arab and Tuareg traders, whom "
            "some residents accused of supporting the armed groups. Malian officers said they "
            "had sent patrols to stop the looting, and human rights groups urged the army to "
            "protect civilians of every community.",
            "## Raising money for the mission",
            "At a donors' conference in Addis Ababa on Tuesday, governments and international "
            "bodies pledged close to half a billion dollars for Mali. The money is meant to pay "
            "and equip the African-led force and the Malian army, and to fund humanitarian aid "
            "for the north.",
            "Japan made the largest single pledge, officials said, followed by the United "
            "States, whose contribution still needs the approval of Congress. Several West "
            "African states, which are also sending troops, pledged smaller sums. Mali's "
            "interim president thanked the donors and said elections would be held before the "
            "end of July.",
            "## Preparing for the return home",
            "More than 350,000 people have fled northern Mali over the past year, according to "
            "the United Nations, around 150,000 of them across the borders into Mauritania, "
            "Niger, Burkina Faso and Algeria. The refugee agency said it was preparing for "
            "families to begin returning, though it was not yet encouraging anyone to travel.",
            "Some have already gone back to Konna, the town whose capture by the armed groups "
            "on January 10 prompted France to intervene. Aid workers there described streets "
            "of damaged houses and a market that was only slowly reopening.",
            "In Paris, the debate has already moved on to what comes after the fighting. "
            "Opposition politicians have asked for a vote in parliament if the operation lasts "
            "beyond four months, and several newspapers warned on Tuesday against declaring "
            "success too early. \u201cThe cities were the easy part,\u201d one former general wrote. "
            "\u201cThe desert is another matter.\u201d",
        ],
        "gallery": {
            "title": "Mali's war in pictures",
            "images": [
                ("timbuktu", "Residents outside a mosque in Timbuktu after the armed groups left."),
                ("convoy", "A military convoy on the road north from Sévaré."),
                ("airlift", "A transport aircraft unloads equipment at Bamako airport."),
                ("camp", "Families wait for food distribution at a camp near Mopti."),
            ],
        },
        "video": "gao",
        "videos": ["north", "gao"],
        "contributors": "Rachel Okafor and Ousmane Traoré contributed to this report.",
        "translation": {
            "title": "الرئيس الفرنسي: الحملة في مالي تحقق النجاح",
            "standfirst": "تمبكتو وغاو تعودان إلى سيطرة الحكومة، لكن الرئيس لم يحدد موعدا "
            "للانسحاب.",
            "highlights": [
                "الرئيس لا يحدد جدولا زمنيا لمغادرة القوات الفرنسية",
                "وكالات الإغاثة تستعد لعودة الأسر النازحة",
                "استعادة تمبكتو نجاح رمزي كبير",
            ],
            "new_highlight": "المانحون يتعهدون بنحو نصف مليار دولار لمالي",
            "paragraphs": [
                "قالت وزارة الدفاع الفرنسية يوم الثلاثاء إن القوات الفرنسية والمالية باتت تسيطر "
                "على مدينتي تمبكتو وغاو وعلى الشريط الممتد بينهما على ضفاف نهر النيجر، بعد نحو "
                "عام من سقوط المنطقة في أيدي جماعات مسلحة.",
                "وقال الرئيس الفرنسي في مؤتمر صحفي عقده مساء الاثنين إن الحملة تسير نحو "
                "النجاح، لكنه أقر بأن مقاتلين ما زالوا يسيطرون على أجزاء من أقصى الشمال، ولا "
                "سيما حول مدينة كيدال وفي الجبال القريبة من الحدود الجزائرية. وأضاف: «نحن نكسب "
                "هذه المعركة، لكن كسب المعركة ليس نهاية العمل».",
                "ولم يحدد الرئيس المدة التي ستبقى فيها القوات الفرنسية في البلاد، حيث ينتشر "
                "حاليا أكثر من ألفي جندي فرنسي، يساندهم نحو ألف آخرين من قواعد في دول مجاورة. "
                "وكان وزراء فرنسيون قد صرحوا في الأيام الأخيرة بأن البعثة الأفريقية يجب أن "
                "تتسلم المهمة «في أسرع وقت ممكن»، من دون أن يذكروا موعدا محددا.",
                "## الحلفاء يوسعون دعمهم",
                "ووسعت الولايات المتحدة دورها في العملية، إذ أضافت تزويد الطائرات الفرنسية "
                "بالوقود جوا إلى ما كانت تقدمه من معلومات استخباراتية ودعم في النقل. وقال "
                "مسؤولون أمريكيون إن رحلات التزويد بالوقود ستسمح للطائرات الفرنسية بالبقاء مدة "
                "أطول فوق الشمال، حيث تقاس المسافات بين الأهداف بمئات الكيلومترات.",
                "وأعلنت لندن أنها سترسل ما يصل إلى أربعين مدربا عسكريا للمشاركة في بعثة أوروبية "
                "لتدريب الجيش المالي، ونحو مئتين آخرين لتدريب قوات من دول غرب أفريقيا الناطقة "
                "بالإنجليزية، مؤكدة أن قواتها لن تشارك في القتال. كما تعهد الاتحاد الأوروبي "
                "بنحو سبعة وستين مليون دولار لتمويل البعثة الأفريقية.",
                "## مدينة ذات رمزية خاصة",
                "وتعد استعادة تمبكتو، المركز العلمي العريق على أطراف الصحراء الكبرى، أبرز لحظة "
                "رمزية في الحملة حتى الآن. فخلال عشرة أشهر من حكم الجماعات المسلحة، هدم "
                "المقاتلون أضرحة أولياء المدينة، وأضرموا النار في مكتبة تضم مخطوطات تاريخية "
                "قبيل انسحابهم منها.",
                "وعندما دخل المظليون الفرنسيون والجنود الماليون المدينة في نهاية الأسبوع، خرج "
                "السكان لاستقبالهم بالأعلام والطبول. وفي غاو، على مسافة أبعد مع مجرى النهر، رقصت "
                "الحشود في الساحة الرئيسية قبل ذلك بيوم، وعاد رئيس بلدية المدينة من باماكو "
                "ليخاطب الأهالي.",
                "غير أن تقارير أشارت أيضا إلى عمليات نهب طالت متاجر يملكها تجار عرب وطوارق، "
                "يتهمهم بعض السكان بمساندة الجماعات المسلحة. وقال ضباط ماليون إنهم أرسلوا "
                "دوريات لوقف النهب، فيما دعت منظمات حقوقية الجيش إلى حماية المدنيين من كل "
                "المكونات.",
                "## جمع الأموال للبعثة",
                "وفي مؤتمر للمانحين عقد في أديس أبابا يوم الثلاثاء، تعهدت حكومات وهيئات دولية "
                "بنحو نصف مليار دولار لمالي. وتهدف هذه الأموال إلى دفع رواتب القوة الأفريقية "
                "والجيش المالي وتجهيزهما، وإلى تمويل المساعدات الإنسانية لسكان الشمال.",
                "وقدمت اليابان أكبر تعهد منفرد بحسب المسؤولين، تلتها الولايات المتحدة التي لا "
                "تزال مساهمتها بحاجة إلى موافقة الكونغرس. وتعهدت عدة دول من غرب أفريقيا، تشارك "
                "هي الأخرى بقوات، بمبالغ أصغر. وشكر الرئيس المالي المؤقت المانحين، وقال إن "
                "الانتخابات ستجرى قبل نهاية شهر يوليو.",
                "## الاستعداد لعودة النازحين",
                "وبحسب الأمم المتحدة، فر أكثر من ثلاثمئة وخمسين ألف شخص من شمال مالي خلال العام "
                "الماضي، عبر نحو مئة وخمسين ألفا منهم الحدود إلى موريتانيا والنيجر وبوركينا "
                "فاسو والجزائر. وقالت مفوضية اللاجئين إنها تستعد لبدء عودة الأسر، وإن كانت لا "
                "تشجع أحدا على السفر في الوقت الحاضر.",
                "وقد عاد بعض السكان بالفعل إلى كونا، البلدة التي دفع سقوطها في أيدي المسلحين "
                "في العاشر من يناير فرنسا إلى التدخل. ووصف عاملون في الإغاثة هناك شوارع "
                "تملؤها البيوت المتضررة وسوقا تعود إلى الحياة ببطء.",
                "وفي باريس، انتقل النقاش بالفعل إلى مرحلة ما بعد القتال. فقد طالب سياسيون من "
                "المعارضة بتصويت في البرلمان إذا امتدت العملية أكثر من أربعة أشهر، وحذرت صحف "
                "عدة يوم الثلاثاء من إعلان النصر قبل أوانه. وكتب جنرال سابق: «المدن كانت الجزء "
                "السهل، أما الصحراء فأمر آخر».",
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
        "image_caption": "Delegates at the African Union's conference hall in Addis Ababa.",
        "image_credit": "dateline/Rachel Okafor",
        "related": ["we-are-winning-in-mali"],
        "highlights": [
            "Pledges come from African, European and Asian governments",
            "Part of the money will pay the regional force's salaries",
            "Aid groups say the humanitarian appeal is still short",
        ],
        "paragraphs": [
            "Governments and international bodies meeting at the African Union's headquarters "
            "in Addis Ababa pledged close to half a billion dollars on Tuesday towards Mali's "
            "security and its humanitarian needs, more than the organisers had hoped to raise "
            "when invitations were sent out two weeks ago.",
            "The conference was called to pay for the African-led mission that is expected to "
            "take over from French troops in the coming months. West African governments have "
            "promised several thousand soldiers, but most of them cannot afford to keep troops "
            "in the field for long without outside help with salaries, food, fuel and "
            "transport.",
            "## Who gave what",
            "Japan made the largest pledge, of around $120 million, officials said. The United "
            "States offered close to $100 million, subject to the approval of Congress, and the "
            "European Union about $67 million. Several African states, among them countries "
            "that are also sending troops, pledged a few million dollars each, and China and "
            "India smaller sums.",
            "Diplomats at the conference said the African contributions mattered more than "
            "their size suggested. \u201cFor years the complaint has been that Africa's security is "
            "paid for by others,\u201d said one West African delegate. \u201cToday our own "
            "governments put money on the table, even if it is not much.\u201d",
            "Mali's interim president, who travelled to the conference from Bamako, thanked "
            "the donors on behalf of the people of Mali and repeated his promise that elections "
            "would be held by the end of July. Several donors have made clear that their "
            "longer-term support depends on a return to an elected government.",
            "## Where the money goes",
            "About half of the pledges are meant for the African-led force and for the Malian "
            "army, officials said, covering pay, equipment, vehicles and the cost of flying "
            "troops and supplies into the country. A separate fund managed by the United "
            "Nations will receive contributions from governments that prefer not to pay armed "
            "forces directly.",
            "The rest will go to the work of the West African regional bloc on Mali and to "
            "humanitarian aid. Organisers said a committee would publish a breakdown of the "
            "pledges and track how quickly they are paid, a response to complaints that "
            "promises made at earlier conferences were slow to arrive or never arrived at all.",
            "## Aid groups want more",
            "Aid organisations welcomed the pledges but said their own appeal for food, water "
            "and shelter in the north remained far from fully funded. The United Nations has "
            "asked for about $370 million for Mali this year, and agencies working in the camps "
            "in Mauritania, Niger and Burkina Faso have separate appeals.",
            "\u201cThe soldiers will be paid, and that is important,\u201d said the head of one "
            "medical charity working near Mopti. \u201cBut the farmers who missed a season, the "
            "children who missed a year of school and the families living under plastic sheets "
            "also need to be paid for, and they do not have a conference of their own.\u201d",
            "The charities also asked donors to make sure that the money given to armed forces "
            "came with training on the protection of civilians, after reports of reprisals "
            "against Tuareg and Arab residents in towns retaken from the armed groups.",
            "African Union officials said they would meet again in the spring to review "
            "progress. By then, they hope, the regional force will be deployed in the north "
            "and the first French troops will be preparing to go home.",
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
        "image_caption": "A transport aircraft on the runway at Bamako airport.",
        "image_credit": "dateline/Ousmane Traoré",
        "related": ["we-are-winning-in-mali"],
        "highlights": [
            "Up to 40 British personnel will join a European training mission",
            "As many as 200 more could train troops in neighbouring countries",
            "Ministers insist there will be no British combat role",
        ],
        "paragraphs": [
            "Britain's defence secretary told parliament on Tuesday that up to 40 British "
            "personnel could join a European Union mission to train the Malian army, and that "
            "as many as 200 more could be sent to English-speaking West African countries to "
            "help prepare their troops for the regional force in Mali.",
            "He repeated that British forces would not take part in combat. \u201cThis is not a "
            "British war,\u201d he told the House of Commons. \u201cOur role is to help others do "
            "what needs to be done, and to help Mali's own army become one that its people can "
            "trust.\u201d",
            "## What the trainers will do",
            "The European mission, which is due to begin work in the spring, will train four "
            "battalions of the Malian army at a camp north-east of Bamako. Officers from more "
            "than a dozen European countries are expected to take part, teaching infantry "
            "tactics, first aid, the care of equipment and the laws of war.",
            "British personnel would be part of the mission's headquarters and its teaching "
            "staff, the minister said, along with a small team to protect them. Further trainers "
            "could work in Nigeria, Ghana and Sierra Leone, whose troops are joining the "
            "African-led force, on skills such as handling roadside bombs.",
            "The announcement adds to support Britain has already given. Two Royal Air Force "
            "transport aircraft have been flying French vehicles and equipment to Bamako since "
            "the first week of the campaign, and a surveillance aircraft has been helping to "
            "track movements in the north.",
            "## Questions in parliament",
            "Members of parliament from several parties welcomed the decision to help, but "
            "pressed the minister on how the government would avoid what one called "
            "\u201cmission creep\u201d, the slow expansion of a limited commitment into something "
            "larger. Several cited the long campaign in Afghanistan, where the first troops "
            "deployed were also described as trainers.",
            "The minister said every deployment would be limited in number and in time, and "
            "that parliament would be told of any change. Trainers would carry weapons to "
            "protect themselves, he said, but would not accompany Malian units on operations.",
            "Others asked about the conduct of the Malian army itself. Human rights groups have "
            "reported killings of civilians by soldiers in towns retaken from the armed groups, "
            "and one member asked whether Britain could be sure it was not training units "
            "responsible for abuses. The minister said the training would include the "
            "protection of civilians and that Britain would raise any evidence of abuses with "
            "the Malian authorities.",
            "## Cost and timing",
            "Officials said the cost of the training would be met from existing budgets. The "
            "first personnel could be in place within weeks, though the European mission as a "
            "whole is not expected to be fully staffed until March.",
            "France has asked its allies for more help with transport and intelligence as the "
            "campaign moves north into the desert, where distances are vast and roads few. "
            "Diplomats in London said requests for further help were likely, and that the "
            "government would consider them one by one.",
            "Opposition leaders said they supported the government's approach for now, but "
            "would watch closely. \u201cWe have all learned,\u201d one said, \u201cthat it is easier to "
            "send people than to bring them home.\u201d",
        ],
    },
    {
        "slug": "gold-mines-keep-working",
        "section": "business",
        "topic": False,
        "title": "Mali's gold mines keep working as war rages in the north",
        "standfirst": "The mines in the south are far from the fighting, but investors are "
        "watching the roads, the border and the budget.",
        "bylines": ["nadia-haddad"],
        "dateline": "BAMAKO",
        "published": when(24, 7, 30),
        "updated": when(24, 16, 10),
        "image": "gold-mine",
        "image_caption": "An open-pit gold mine in the south-west, near the border with Senegal.",
        "image_credit": "dateline/Nadia Haddad",
        "highlights": [
            "Gold is Mali's largest export and a main source of state revenue",
            "Mining companies say output has not been affected so far",
            "Fuel and supplies come in by road from coastal ports",
        ],
        "new_highlight": "One producer raises its security budget for the year",
        "paragraphs": [
            "More than a thousand kilometres south of the fighting, the trucks at Mali's "
            "largest gold mines kept running this week, carrying ore from open pits to the "
            "crushers around the clock as they have every day since the crisis began.",
            "Gold is by far Mali's most valuable export, making it one of the largest "
            "producers in Africa, and the taxes and royalties paid by mining companies are one "
            "of the state's main sources of income. For a government that has lost control of "
            "half its territory and much of its foreign aid, keeping the mines open is a "
            "matter of survival.",
            "## Far from the front",
            "The industrial mines are concentrated in the south and west of the country, near "
            "the borders with Senegal, Guinea and Côte d'Ivoire. None has been attacked, and "
            "companies say production last year was close to their forecasts despite the coup "
            "in March and the loss of the north.",
            "\u201cOur people go to work, the mill runs, the gold leaves by air,\u201d the manager "
            "of one mine told dateline by telephone. \u201cWhat happens in Gao and Timbuktu is a "
            "long way from here. But of course we watch it every day.\u201d",
            "The companies' concern is less the fighting itself than the supply chain behind "
            "it. Every litre of diesel and every tonne of cyanide used to process the ore "
            "reaches Mali by road from ports in Senegal and Côte d'Ivoire, and a mine that runs "
            "out of either must stop within days. Several companies have increased the "
            "stocks they keep on site since the French intervention began.",
            "## Security costs rise",
            "The attack on a gas plant in neighbouring Algeria this month, in which dozens of "
            "foreign workers were killed, has changed how companies across the region think "
            "about risk. Mining executives said they had reviewed their security plans, "
            "limited travel by foreign staff and in some cases hired more guards.",
            "One producer listed in London said on Thursday that it would spend more on "
            "security this year than planned, though it gave no figure. Its shares, which fell "
            "sharply in the days after the Algerian attack, have since recovered most of "
            "their losses.",
            "## Small miners and the state",
            "Away from the large mines, tens of thousands of people dig for gold by hand in "
            "small pits across the south, selling what they find to traders in market towns. "
            "That trade, much of it informal, is harder to measure but supports many families "
            "who lost other work when the crisis hit tourism, construction and aid projects.",
            "The finance ministry has said that income from gold will be essential to meet "
            "this year's budget, which has been cut sharply after donors froze support "
            "following the coup. Some of that aid may now return: several governments have "
            "said they will resume payments once there is a plan for elections.",
            "Economists in Bamako warn that the country's dependence on a single export leaves "
            "it exposed. A fall in the world price of gold, which has risen for a decade, would "
            "hit the budget at the moment the government needs money to rebuild the north. "
            "\u201cGold has carried Mali through this year,\u201d one said. \u201cIt cannot carry "
            "the reconstruction on its own.\u201d",
        ],
    },
    {
        "slug": "cotton-farmers-count-the-cost",
        "section": "business",
        "topic": False,
        "title": "Cotton farmers count the cost of a year of crisis",
        "standfirst": "A good harvest in the south meets higher fuel prices, slower trucks "
        "and buyers who want guarantees.",
        "bylines": ["nadia-haddad"],
        "dateline": "SIKASSO",
        "published": when(28, 9, 0),
        "image": "cotton",
        "image_caption": "Cotton fields outside Sikasso in the last weeks of the harvest.",
        "image_credit": "dateline/Nadia Haddad",
        "related": ["gold-mines-keep-working"],
        "highlights": [
            "Southern farmers bring in one of their better harvests",
            "Fuel and fertiliser cost more after a year of disruption",
            "Ginning companies say exports are on schedule",
            "Farmers want their payments before the next planting season",
        ],
        "paragraphs": [
            "In the green south of Mali, where the war in the north can feel like news from "
            "another country, the cotton harvest is almost over. Bales of white fibre are "
            "stacked beside the road outside Sikasso, waiting for the trucks that take them to "
            "the ginning mills, and farmers are counting what the year has cost them.",
            "Cotton is Mali's second export after gold and the main source of cash for "
            "hundreds of thousands of rural families. The crop is grown on small plots, often "
            "no more than a few hectares, and sold to a state-backed company that supplies "
            "seed and fertiliser on credit and buys the harvest at a price fixed before "
            "planting.",
            "## A good crop, at a price",
            "By most accounts this season's harvest was one of the better ones of recent years. "
            "The rains came on time and lasted, and pests did less damage than feared. Officials "
            "at the cotton company expect production to be well above last year's.",
            "But farmers say their costs have risen. Diesel for tractors and pumps is more "
            "expensive after months in which supplies were disrupted by the coup and by the "
            "sanctions that neighbouring states briefly imposed on Mali in April. Fertiliser, "
            "imported through coastal ports, arrived late in some districts.",
            "\u201cThe cotton is good, the price is the same, but everything around it costs "
            "more,\u201d said Mariam, who farms four hectares with her husband and his brothers "
            "near the town of Koutiala. \u201cWhen you take away what we owe for seed and "
            "fertiliser, there is less left than last year.\u201d",
            "## Waiting for payment",
            "The biggest worry in the villages is when the money will arrive. In years when "
            "the state has been short of cash, farmers have waited months to be paid for cotton "
            "they delivered, and some have had to borrow at high rates to feed their families "
            "in the meantime.",
            "The cotton company said this week that payments were being made on schedule and "
            "that it had secured financing from banks to buy the whole crop. Farmers' unions "
            "said they would believe it when the money reached the villages, and asked for "
            "payment before the planting season begins in May.",
            "## Buyers and the road to the coast",
            "Mali's cotton is sold abroad, mainly to spinning mills in Asia, and travels by "
            "road and rail to the ports of Dakar and Abidjan. Traders said buyers had asked for "
            "extra guarantees on delivery dates this year, but that the fighting in the north "
            "had not so far affected the routes to the coast, which run through the south and "
            "west of the country.",
            "The longer-term concern is the country's image. Some foreign companies have "
            "delayed investment decisions until the security situation is clearer, and banks "
            "have raised the cost of credit for Malian businesses.",
            "In the villages, though, the talk is already of next season. Farmers are deciding "
            "how much land to give to cotton and how much to maize and millet, which feed their "
            "families if the cash crop fails. \u201cWe cannot eat cotton,\u201d Mariam said. \u201cSo "
            "we plant both, and we pray for rain.\u201d",
        ],
    },
    {
        "slug": "niger-flood-pulse",
        "section": "science",
        "topic": False,
        "title": "Scientists track the Niger's yearly flood across the inner delta",
        "standfirst": "Satellite images and river gauges show one of the largest floods in "
        "years spreading across a wetland the size of Belgium.",
        "bylines": ["ingrid-solberg"],
        "dateline": "MOPTI",
        "published": when(21, 10, 30),
        "image": "flood",
        "image_caption": "Floodwater spreading across the inner delta of the Niger near Mopti.",
        "image_credit": "dateline/Ingrid Solberg",
        "highlights": [
            "The flood peaked weeks later than usual after heavy rains upstream",
            "Fishers and herders plan their year around the water's rise and fall",
            "Dams upstream could change the flood in the decades ahead",
        ],
        "paragraphs": [
            "Every year, months after the rains have ended in the highlands of Guinea, a wave "
            "of water travels down the Niger river and spills across the flat land of central "
            "Mali. For a few months the inner delta becomes a patchwork of lakes, channels and "
            "flooded grassland covering tens of thousands of square kilometres, one of the "
            "largest wetlands in Africa.",
            "This season's flood was one of the biggest in a decade, hydrologists say, after "
            "an unusually wet rainy season upstream. Gauges on the river at Mopti showed the "
            "water peaking in the last weeks of the year, later than usual, and satellite "
            "images show it still covering much of the delta this month.",
            "## Reading the water from space",
            "For decades the delta's flood was measured only by river gauges, read by hand by "
            "observers who sent their figures to Bamako by radio. Those readings still matter, "
            "but scientists can now watch the whole flood from orbit, using radar satellites "
            "that see through cloud and optical ones that show the spread of water and "
            "vegetation.",
            "\u201cThe gauges tell you how high the river is at one point,\u201d said a hydrologist "
            "who has studied the delta for fifteen years. \u201cThe satellites tell you where the "
            "water went. When you put the two together, you can say how much water the delta "
            "holds, and how quickly it gives it back.\u201d",
            "The answer matters well beyond Mali. Much of the water that enters the delta is "
            "lost to evaporation in the heat, and what flows out downstream feeds the river in "
            "Niger and Nigeria, where millions of people depend on it for irrigation and "
            "drinking water.",
            "## A calendar set by the flood",
            "For the people of the delta, the flood is the calendar. Fishers follow the rising "
            "water into the plains, where fish spawn among the flooded grasses, and return to "
            "the river channels as it falls. Herders bring their cattle down from the dry "
            "north as the water retreats, to graze the rich pasture it leaves behind. Farmers "
            "plant rice in the flooded fields and sorghum on the land as it dries.",
            "A large flood means a good year for most of them. This season's catch has been "
            "good, fish traders in Mopti said, though the fighting further north has kept "
            "buyers from Timbuktu away and cut some families off from their usual grazing "
            "routes.",
            "## Dams upstream",
            "Scientists are watching a slower change as well. Dams and irrigation schemes "
            "upstream, in Mali and in Guinea, take water from the river before it reaches the "
            "delta, and further dams are planned. Studies suggest that, in dry years, the "
            "combined effect could shrink the area flooded by a significant amount.",
            "Rainfall across the Sahel has also changed over the past half century, with a "
            "long drought in the 1970s and 1980s followed by a partial recovery. Climate "
            "models disagree on what will happen next, which makes long-term planning "
            "difficult.",
            "Researchers say the answer is better measurement. A network of new automatic "
            "gauges is planned along the river, funded by donors, though work in the delta has "
            "been delayed by the crisis. \u201cYou cannot manage what you cannot see,\u201d the "
            "hydrologist said. \u201cAnd for most of its length, this river is still seen once a "
            "day, by a man with a notebook.\u201d",
        ],
    },
    {
        "slug": "solar-pumps-second-season",
        "section": "science",
        "topic": False,
        "title": "Solar pumps give Sahel farmers a second growing season",
        "standfirst": "Panels that lift groundwater without fuel are changing what women's "
        "vegetable gardens can grow in the dry months.",
        "bylines": ["ingrid-solberg"],
        "dateline": "SÉGOU",
        "published": when(26, 12, 15),
        "image": "solar-pump",
        "image_caption": "Solar panels drive a pump beside a vegetable plot near Ségou.",
        "image_credit": "dateline/Ingrid Solberg",
        "related": ["niger-flood-pulse"],
        "highlights": [
            "Solar pumps replace diesel engines and hand-drawn wells",
            "Village gardens grow onions, tomatoes and lettuce in the dry season",
            "Researchers warn that groundwater must be measured as use grows",
        ],
        "paragraphs": [
            "In a walled garden on the edge of a village outside Ségou, a row of blue solar "
            "panels stands on a metal frame, angled towards the morning sun. Beneath them a "
            "pipe runs to a concrete tank, and from the tank a web of narrow channels carries "
            "water to beds of onions, tomatoes, peppers and lettuce.",
            "Three years ago this plot was bare for eight months of the year. The women who "
            "farm it drew water from a well by hand, and could irrigate only a small corner "
            "after the rains ended. Now a pump driven by the panels lifts water from a "
            "borehole every day the sun shines, which in central Mali means almost every day.",
            "## Cheaper than diesel, once it is paid for",
            "Solar pumps are not new, but the price of panels has fallen so far in recent "
            "years that they now compete with diesel engines over the life of the equipment. "
            "The upfront cost remains high for a village, and most of the gardens around "
            "Ségou were paid for by development agencies or by farmers' associations with "
            "loans.",
            "Once installed, though, the pumps cost almost nothing to run. That matters more "
            "than ever this year, when diesel prices have risen and supplies have been "
            "disrupted by the crisis. \u201cWith the engine we always had to find money for "
            "fuel,\u201d said Fatoumata, who chairs the women's association that runs the garden. "
            "\u201cThe sun does not send us a bill.\u201d",
            "## More food, and more income",
            "Researchers from an agricultural institute in Bamako have been comparing gardens "
            "with solar pumps to those watered by hand. Their early results suggest that the "
            "solar gardens grow several times as much food in the dry season, and that the "
            "women who farm them earn more from selling vegetables in local markets.",
            "The researchers also found changes at home. Families with a garden ate more "
            "vegetables through the dry months, when diets in the Sahel are usually poorest, "
            "and women spent less time hauling water, time some used for trade or for "
            "literacy classes.",
            "## How much water is there?",
            "The scientists are careful about what they do not yet know. Groundwater beneath "
            "much of the Sahel is recharged each year by the rains, but how quickly varies "
            "from place to place, and in many areas nobody has measured it. A pump that never "
            "needs fuel can also be left running longer than the aquifer can sustain.",
            "\u201cThe risk with a free pump is that it is free,\u201d one hydrogeologist said. "
            "\u201cIf every village has one and nobody watches the water table, we could be "
            "drawing down reserves that took centuries to fill.\u201d Her team is installing "
            "simple gauges in boreholes near several gardens to track water levels through the "
            "year.",
            "There are practical problems too. Panels are sometimes stolen, pumps break and "
            "spare parts must come from Bamako, and the associations need to save for repairs. "
            "Development agencies say the projects that last are those where villagers pay "
            "something towards the running costs from the start.",
            "In Fatoumata's garden, the women are already planning a second tank and a few "
            "rows of fruit trees. The onion crop, sold in Ségou's market last month, paid for "
            "school fees in a dozen families. \u201cThe war is in the north,\u201d she said. \u201cHere "
            "we are growing.\u201d",
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
        "image_caption": "A transport aircraft of the kind France has asked its allies to lend.",
        "image_credit": "dateline/Ousmane Traoré",
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
            "## What France is asking for",
            "The list is short and practical. France has enough combat aircraft in the region, "
            "but not enough heavy transport to move armoured vehicles, fuel and ammunition "
            "across distances that would take weeks by road. Several European governments have "
            "lent cargo planes, and more are expected. Surveillance is the other gap: drones and "
            "reconnaissance aircraft that can watch the desert tracks the fighters use.",
            "Tankers matter more than they sound. A jet taking off from Chad or Bamako burns a "
            "large share of its fuel getting to the north and back. Refuelling in the air "
            "turns a short visit into hours over the area where ground troops need support, "
            "and only a handful of air forces can do it at scale.",
            "## The rules in Washington",
            "American officials say the restriction on aid to governments installed by a coup "
            "leaves them little room to help the Malian army itself, even now that a civilian "
            "interim president is in office. Until elections are held, training and equipment "
            "for Malian units are off the table. What remains is help to France and to the "
            "African countries sending troops, which the rules allow.",
            "Some in Congress want more caution, not less. They point to the Malian officers "
            "trained by American programmes in past years who later joined the rebellion or "
            "the coup, and ask what guarantees there are this time.",
            "## What to watch",
            "Three things will tell us how this goes. Whether the African-led force arrives on "
            "time and with the equipment it needs; whether Mali's politicians agree a date for "
            "elections that donors can believe in; and whether the fighters choose to stand "
            "and fight for the towns or melt into the desert and wait. The official we spoke "
            "to expected the last. “They are not stupid,” he said. “They will not wait "
            "for us in the open.”",
        ],
        "contributors": "Ousmane Traoré contributed to this report.",
    },
    {
        "slug": "what-a-regional-force-needs",
        "title": "What West Africa's force in Mali will need to succeed",
        "bylines": ["daniel-brennan"],
        "published": when(24, 10, 5),
        "image": "convoy",
        "image_caption": "Vehicles of a West African contingent on the road to Bamako.",
        "image_credit": "dateline/Ousmane Traoré",
        "paragraphs": [
            "The African-led mission is supposed to take over from French troops, but it will "
            "need transport, money and time to train before it can hold territory.",
            "Several contributing countries have never deployed this far from home, and "
            "commanders will have to work across languages and radio systems.",
            "The hardest part may come after the cities are secure: keeping roads open and "
            "protecting towns from hit-and-run raids.",
            "## Getting there",
            "Most of the contributing countries can send infantry, but few can move it. Troops "
            "from coastal states face a journey of well over a thousand kilometres before they "
            "reach Bamako, and further still to the front. Until now, the first contingents have "
            "arrived largely on borrowed aircraft, and their vehicles and supplies are following "
            "by road.",
            "## Paying for it",
            "Soldiers on a mission abroad expect allowances on top of their pay, and governments "
            "expect their costs to be met. Past African missions have stalled when salaries "
            "arrived months late. The donors' conference planned for the end of the month will "
            "be the first test of whether the money is there.",
            "## Working together",
            "A force drawn from a dozen armies brings a dozen ways of doing things. Officers "
            "trained in French, English and Portuguese traditions must share maps, codes and "
            "radio frequencies, and agree who gives orders to whom. Joint exercises would help; "
            "there has been no time for them.",
            "None of this is new to the region's armies, several of which have served in "
            "peacekeeping missions from Liberia to Darfur. But those missions usually began "
            "after a ceasefire. This one begins in the middle of a war, alongside a French force "
            "that sets the pace, and it will be judged on whether it can still hold the towns "
            "once the French have gone home.",
        ],
    },
]
