"""Genre of forms without a classic cue: communiqués, spokesperson units, NGO datelines, label lines, author
biographies, tab infoboxes; and news that only mentions them. Documents written for these tests."""

import pytest

from sourcewise.nlp.components.genre import classify

FORMS = [
    pytest.param(
        "Communiqué No. 214\n\nOn the night of 11 March, air defence units destroyed six drones over the"
        " eastern districts. Our forces suffered no losses. Two civilians were wounded by falling debris"
        " in the village of Orlen, local officials said.",
        "press_release",
        id="communique",
    ),
    pytest.param(
        "The General Staff of the Armed Forces informs\n\nOver the past day the enemy carried out 31"
        " attacks on settlements along the front line. Our units repelled four assaults near the river"
        " crossing and destroyed two armoured vehicles. According to the regional administration, three"
        " residents were injured.",
        "press_release",
        id="general staff informs",
    ),
    pytest.param(
        "Statement by the Official Spokesperson of the Ministry of Foreign Affairs\n\nThe Ministry"
        " strongly condemns the shelling of the border villages on 2 May, which killed four civilians,"
        " including a child. We call on the international community to respond.",
        "press_release",
        id="spokesman statement",
    ),
    pytest.param(
        "Spokesperson's Unit 14.02.24\n\nOvernight, troops carried out a raid in the northern camp and"
        " detained two suspects. During the activity, gunmen opened fire at the forces, who responded"
        " with fire. No injuries to our soldiers were reported.",
        "press_release",
        id="spokesperson unit dated",
    ),
    pytest.param(
        "Briefing by the Ministry of Defence on the progress of the operation\n\nOver the past 24 hours,"
        " our forces struck 36 military targets, including four command posts. Enemy losses amounted to"
        " up to 120 personnel. Our air defence shot down nine drones.",
        "press_release",
        id="ministry briefing",
    ),
    pytest.param(
        "Eastland: Soldiers Executed Villagers in Border Raids\n\n(Lomé, 3 March 2025) – Government"
        " soldiers summarily executed at least 19 villagers during raids in January, the Coalition for"
        " Civilian Safety said today. Witnesses said the soldiers rounded up men at the market. One"
        " woman said her two sons were taken. A farmer told the group that the soldiers burned 30"
        " houses. Another witness said the bodies were left on the road. A local official said that 40"
        " people were missing. The government said it was investigating.",
        "report",
        id="ngo dated release",
    ),
    pytest.param(
        "Monthly Chronology of Attacks: June 2023\n\n1 June – Shelling killed three civilians in the"
        " market of Orlen, residents said.\n3 June – A drone struck a bus near the border; the regional"
        " governor said two passengers were wounded.\n7 June – Gunmen abducted five farmers, relatives"
        " told the monitor.",
        "report",
        id="monthly chronology",
    ),
    pytest.param(
        "Research Brief No. 6\n\nShelling of towns on the northern front\n\n1. Introduction\n\nThis brief"
        " reviews the shelling of towns in the north between January and June.\n\n2. Method\n\nWe compared"
        " official statements with interviews.\n\n3. Findings\n\nOfficials said 210 civilians were killed;"
        " residents said the number was higher.",
        "report",
        id="research brief",
    ),
    pytest.param(
        "Northern Province: Situation Update\n\nKey points\n\n- Fighting displaced about 12,000 people this"
        " week.\n- Two health centres closed, the health cluster said.\n\nThe humanitarian situation"
        " worsened after the main road was cut, local authorities said.",
        "report",
        id="situation update",
    ),
    pytest.param(
        "Opinion\n\nThe ceasefire in the north will not hold\n\nThe guns have fallen silent for a week, but"
        " nothing has been settled. The two armies still face each other across the river, and neither"
        " has given up its claims.",
        "analysis_opinion",
        id="opinion label line",
    ),
    pytest.param(
        "COMMENTARY\nWhy the border war is not over\n\nThree years after the truce, the villages along the"
        " border are still empty. The talks have produced communiqués, not peace.",
        "analysis_opinion",
        id="commentary label line",
    ),
    pytest.param(
        "ANALYSIS\n\nThe slow collapse of the northern front\n\nBy Lena Ford\n\nWhen the offensive began in"
        " May, few expected it to stall within weeks. Yet by July it had.",
        "analysis_opinion",
        id="analysis label line",
    ),
    pytest.param(
        "The price of a frozen conflict\n\nThe border has been quiet for years, but quiet is not peace."
        " The refugees have not gone home, and the mines are still in the fields.\n\nThe writer is a"
        " former ambassador to Eastland.",
        "analysis_opinion",
        id="writer bio",
    ),
    pytest.param(
        "A war without witnesses\n\nFew reporters reach the front, and fewer stay.\n\n— Sam Ode is a former"
        " war correspondent and the author of two books on the region.",
        "analysis_opinion",
        id="author bio dash",
    ),
    pytest.param(
        "Siege of Marrow\n\nDate\t3–19 May 1999\nLocation\tMarrow,"
        " Westmark\nResult\tCeasefire\nBelligerents\tWestmark Army\tNorthern Front\nCasualties and losses\t120"
        " killed\n\nThe siege of Marrow was a 16-day blockade of the town of Marrow by the Westmark Army"
        " during the Northern War.\n\nBackground\n\nThe town had been held by the Northern Front since 1998.",
        "encyclopedia",
        id="tab infobox",
    ),
    pytest.param(
        "Army says it repelled attack\n\nORLEN, Eastland (Reuters) - The army said on Tuesday it had"
        ' repelled an attack on the town. "Our forces destroyed two vehicles," a spokesman said.'
        " Residents said shelling went on through the night.",
        "news",
        id="news quoting our forces",
    ),
    pytest.param(
        "Rights group says soldiers killed 19\n\nDAKAR, March 3 (AP) — Soldiers killed at least 19"
        " villagers in raids in January, a rights group said in a report on Monday. The government said"
        " it was investigating.",
        "news",
        id="news about a report",
    ),
    pytest.param(
        "Ministry statement: four killed in border shelling\n\nFour civilians were killed on Sunday when"
        " shells hit a village near the border, the ministry said in a statement. Local officials said"
        " two houses were destroyed.",
        "news",
        id="news with statement headline",
    ),
    pytest.param(
        "Ministry of Defence of the Republic\n\nDaily summary, 4 April\n\nDuring the day, units of the army"
        " repelled attacks in the southern direction. Our artillery destroyed an ammunition depot. The"
        " enemy lost up to 60 servicemen.",
        "press_release",
        id="mod daily",
    ),
    pytest.param(
        "Press Office of the Police Headquarters\n\nOn 12 May at 14:00, officers detained three men"
        " suspected of planting an explosive device near the bus station. An investigation is under"
        " way.\n\nFor media enquiries: press@police.example",
        "press_release",
        id="police press office",
    ),
    pytest.param(
        "Statement of the Embassy on the events of 20 January\n\nThe Embassy expresses its deep"
        " condolences to the families of those killed in the attack on the market. We firmly reject the"
        " false claims circulating in some media.",
        "press_release",
        id="embassy statement",
    ),
    pytest.param(
        "ARMED FORCES PRESS CENTRE\n03.06.2022\n\nToday at dawn, units of the Northern Group carried out a"
        " successful operation near the village of Lenn. As a result, 14 militants were neutralised. Our"
        " servicemen suffered no casualties.",
        "press_release",
        id="army press release no label",
    ),
    pytest.param(
        "Eastland: UN experts alarmed by killings of protesters\n\nGENEVA (15 June 2023) – UN experts"
        " today expressed alarm at reports that security forces killed at least 25 protesters last week"
        ' and urged the authorities to investigate. "These killings must stop," the experts said.',
        "report",
        id="un human rights release",
    ),
    pytest.param(
        '"They Shot at Everyone": Attacks on Civilians in the North\n\nSummary\n\nBetween March and July,'
        " armed groups killed at least 140 civilians in 12 attacks documented in this report. Survivors"
        " told researchers that attackers fired at people fleeing.\n\nRecommendations\n\nTo the government:"
        " investigate the attacks.",
        "report",
        id="ngo report summary",
    ),
    pytest.param(
        "Weekly Update: 10–16 March\n\nThe monitoring mission recorded 312 ceasefire violations this week,"
        " compared with 280 the previous week. Two civilians were injured by shelling near the line of"
        " contact, the mission said.",
        "report",
        id="monitor weekly",
    ),
    pytest.param(
        "Guest essay\n\nWe owe the refugees more than pity\n\nBy Ana Vale\n\nI have visited the camps three"
        " times this year. Each time, the tents were fuller and the food rations smaller. We should be"
        " ashamed.",
        "analysis_opinion",
        id="op-ed by-line",
    ),
    pytest.param(
        "The talks are a stage play\n\nEvery few months the two delegations meet, shake hands and leave."
        " Nothing changes on the ground, and nothing will until the guns are taken away.\n\nMarta Ley is a"
        " former defence minister and a columnist for this newspaper.",
        "analysis_opinion",
        id="column with bio",
    ),
    pytest.param(
        "Analysis: Why the drones changed the front\n\nThe cheap drone has done more to freeze the front"
        " than any fortification.",
        "analysis_opinion",
        id="analysis colon",
    ),
    pytest.param(
        "Battle of Oren Ridge\n\nPart of\tthe Northern War\nDate\t2–5 June 1917\nLocation\tOren"
        " Ridge\nResult\tStalemate\n\nThe fighting on Oren Ridge in June 1917 cost both armies heavily.",
        "encyclopedia",
        id="encyclopedia tab no lead match",
    ),
    pytest.param(
        "Varro bombing\n\nLocation: Varro, Eastland\nDate: 4 August 2011\nTarget: Central market\nDeaths:"
        " 31\nPerpetrators: Unknown\n\nThe Varro bombing was a car bomb attack on the central market of"
        " Varro.",
        "encyclopedia",
        id="encyclopedia colon infobox",
    ),
    pytest.param(
        "Shelling kills three in border town\n\nThree people were killed and eight wounded when shells hit"
        " a residential street in the border town of Lenn on Monday, the regional governor said. The"
        " army said it had returned fire.",
        "news",
        id="news plain",
    ),
    pytest.param(
        "What we know about the attack\n\nThe attack began at dawn, officials said.\n\n1. Gunmen entered the"
        " compound\n2. Guards returned fire\n3. The siege ended at noon\n\nThe ministry said 12 people died.",
        "news",
        id="news with numbered list",
    ),
    pytest.param(
        "Aid agencies warn of hunger in the north\n\nNAIROBI, Kenya (AP) — About 2 million people face"
        " hunger in the north, according to a situation report released by the U.N. on Tuesday."
        " Officials said roads remained blocked.",
        "news",
        id="news citing sitrep",
    ),
    pytest.param(
        "Army reports repelling assaults\n\nKYIV, May 2 (Reuters) - The General Staff said on Tuesday its"
        ' units had repelled 20 assaults. "Our forces are holding," a spokesman told reporters. Russia\'s'
        " defence ministry said its troops had advanced.",
        "news",
        id="news quoting general staff",
    ),
]


@pytest.mark.parametrize(("text", "genre"), FORMS)
def test_genre_of_each_form(text, genre):
    got, cues = classify(text)
    assert got == genre, cues
