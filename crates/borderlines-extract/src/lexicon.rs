//! Word lists the rules are made of: cue words that type an unknown name,
//! titles before person names, groups of people, well-known organisations,
//! speech verbs. They describe English news usage in general, not any one
//! article, and are kept here so that every rule reads from one place.

/// Capitalised words that make a name an organisation ("Border Guard
/// General Bureau", "Ministry of Defense", "Middlebury Institute").
pub const ORG_CUES: &[&str] = &[
    "Ministry", "Department", "Institute", "Bureau", "Council", "Army", "Party", "Agency", "Committee",
    "Commission", "Office", "University", "Association", "Organisation", "Organization", "Corporation",
    "Company", "Bank", "Union", "Court", "Police", "Navy", "Command", "Forces", "Force", "Guard", "Service",
    "Services", "Foundation", "Center", "Centre", "Authority", "Assembly", "Parliament", "Congress",
    "Senate", "Administration", "Federation", "League", "Coalition", "Alliance", "Network", "Times", "Post",
    "News", "Group", "Institution", "Academy", "School", "College", "Secretariat", "Directorate", "Embassy",
    "Consulate", "Tribunal", "Board", "Corps", "Brigade", "Division", "Regiment", "Fund", "Programme",
    "Program", "Watch", "Initiative", "Society", "Club", "Airlines", "Inc", "Ltd", "Corp", "Co", "Telegraph",
    "Herald", "Journal", "Tribune", "Broadcasting", "Press",
];

/// Capitalised cue words that can open an organisation name followed by "of"
/// ("Ministry of Defense", "University of Sydney").
pub const ORG_OPENERS: &[&str] = &[
    "Ministry", "Department", "University", "Bank", "Institute", "Office", "Council", "Bureau", "Court",
    "Committee", "Commission", "Embassy", "Academy", "Federation", "League", "Union", "Organisation",
    "Organization", "Association", "Board", "House", "Chamber",
];

/// Lowercase nouns that, after a country's possessive or demonym, name one of
/// its institutions: "China's foreign ministry", "the North Korean embassy".
pub const STATE_ORG_NOUNS: &[&str] = &[
    "foreign ministry", "defense ministry", "defence ministry", "unification ministry", "interior ministry",
    "ministry", "government", "embassy", "consulate", "parliament", "military", "army", "navy", "air force",
    "state media", "police", "border police", "customs", "intelligence agency", "spy agency",
    "central bank", "supreme court", "coast guard", "foreign office", "cabinet", "armed forces",
    "state department", "treasury", "legislature",
];

/// Titles and roles written before a person's name.
pub const TITLES: &[&str] = &[
    "President", "Prime Minister", "Minister", "Foreign Minister", "Defence Minister", "Defense Minister",
    "Secretary", "Secretary of State", "Chancellor", "Leader", "Chairman", "Chairwoman", "General", "Gen.",
    "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor", "King", "Queen", "Prince",
    "Princess", "Pope", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Professor", "Prof.", "Judge",
    "Justice", "Ambassador", "Commissioner", "Director", "Captain", "Capt.", "Colonel", "Col.", "Lieutenant",
    "Sergeant", "Detective", "Inspector", "Superintendent", "Commander", "Premier", "Vice President",
    "Deputy", "Spokesman", "Spokeswoman", "Spokesperson", "Chief", "Admiral", "Marshal", "Bishop",
    "Archbishop", "Sheikh", "Ayatollah", "Treasurer", "Attorney-General", "Attorney General", "Opposition Leader",
];

/// Lowercase roles before a name ("leader Kim Jong Un", "expert Jane Doe");
/// these need a name of two or more words, to stay precise.
pub const ROLE_NOUNS: &[&str] = &[
    "leader", "president", "minister", "expert", "analyst", "spokesman", "spokeswoman", "spokesperson",
    "professor", "researcher", "economist", "official", "envoy", "ambassador", "dictator", "premier",
    "chairman", "director", "commander", "general", "lawyer", "activist", "defector", "journalist",
    "reporter", "scholar", "diplomat", "secretary", "senator", "governor", "mayor", "chief", "founder",
    "author", "editor", "correspondent", "captain", "coach", "player", "singer", "actor", "treasurer",
];

/// Nouns of an appositive that say the name before it is a person
/// ("Benjamin Katzeff Silberstein, an expert on …").
pub const PERSON_APPOSITIVES: &[&str] = &[
    "expert", "analyst", "professor", "researcher", "spokesman", "spokeswoman", "spokesperson", "official",
    "economist", "lawyer", "director", "minister", "leader", "activist", "defector", "journalist", "reporter",
    "scholar", "diplomat", "fellow", "author", "founder", "chairman", "president", "head", "chief", "member",
    "senator", "governor", "commander", "resident", "farmer", "student", "teacher", "doctor", "witness",
    "survivor", "mother", "father", "son", "daughter", "wife", "husband", "secretary", "manager", "owner",
    "victim", "captain", "coach", "executive",
];

/// Nouns of an appositive that say the name before it is an organisation
/// ("Daily NK, a South Korean news outlet").
pub const ORG_APPOSITIVES: &[&str] = &[
    "outlet", "newspaper", "agency", "group", "organisation", "organization", "broadcaster", "website",
    "company", "firm", "think tank", "think-tank", "institute", "ngo", "charity", "daily", "network",
    "publication", "service", "party", "union", "bank", "university", "magazine", "station", "movement",
];

/// Groups of people: (surface forms, canonical name). Matched in lowercase
/// (or capitalised at a sentence start); longest form wins.
pub const GROUPS: &[(&str, &str)] = &[
    ("defectors", "defectors"), ("defector", "defectors"), ("refugees", "refugees"), ("refugee", "refugees"),
    ("asylum seekers", "asylum seekers"), ("asylum-seekers", "asylum seekers"),
    ("border guards", "border guards"), ("border guard", "border guards"), ("guards", "guards"),
    ("smugglers", "smugglers"), ("smuggler", "smugglers"), ("brokers", "brokers"), ("broker", "brokers"),
    ("activists", "activists"), ("activist", "activists"), ("human rights activists", "human rights activists"),
    ("troops", "troops"), ("soldiers", "soldiers"), ("soldier", "soldiers"), ("border troops", "troops"),
    ("frontline troops", "troops"), ("militants", "militants"), ("rebels", "rebels"), ("protesters", "protesters"),
    ("protestors", "protesters"), ("demonstrators", "protesters"), ("traders", "traders"), ("merchants", "traders"),
    ("migrants", "migrants"), ("deportees", "deportees"), ("prisoners", "prisoners"), ("detainees", "detainees"),
    ("border workers", "border workers"), ("workers", "workers"), ("officials", "officials"),
    ("diplomats", "diplomats"), ("journalists", "journalists"), ("police officers", "police officers"),
    ("firefighters", "firefighters"), ("civilians", "civilians"), ("residents", "residents"),
    ("villagers", "villagers"), ("farmers", "farmers"), ("students", "students"), ("fishermen", "fishermen"),
    ("entrepreneurs", "entrepreneurs"), ("hostages", "hostages"), ("settlers", "settlers"),
    ("peacekeepers", "peacekeepers"), ("insurgents", "insurgents"), ("gunmen", "gunmen"),
    ("crew members", "crew members"), ("passengers", "passengers"), ("investors", "investors"),
    ("voters", "voters"), ("lawmakers", "lawmakers"), ("negotiators", "negotiators"),
];

/// Well-known organisations: (name, aliases, ISO country or "", is a news source).
pub const KNOWN_ORGS: &[(&str, &[&str], &str, bool)] = &[
    ("United Nations", &["UN", "U.N."], "", false),
    ("UN Security Council", &["United Nations Security Council", "U.N. Security Council", "Security Council", "UNSC"], "", false),
    ("UN General Assembly", &["United Nations General Assembly", "General Assembly"], "", false),
    ("UN Human Rights Council", &["Human Rights Council"], "", false),
    ("UNHCR", &["UN refugee agency", "UN High Commissioner for Refugees"], "", false),
    ("European Union", &["EU", "E.U."], "", false),
    ("NATO", &["Nato", "North Atlantic Treaty Organization"], "", false),
    ("World Health Organization", &["WHO", "World Health Organisation"], "", false),
    ("World Food Programme", &["WFP", "World Food Program"], "", false),
    ("International Atomic Energy Agency", &["IAEA"], "", false),
    ("International Committee of the Red Cross", &["ICRC", "Red Cross"], "", false),
    ("Human Rights Watch", &[], "", false),
    ("Amnesty International", &[], "", false),
    ("International Monetary Fund", &["IMF"], "", false),
    ("World Bank", &[], "", false),
    ("World Trade Organization", &["WTO"], "", false),
    ("Red Crescent", &[], "", false),
    ("ASEAN", &["Association of Southeast Asian Nations"], "", false),
    ("Workers' Party of Korea", &["Workers' Party", "Korean Workers' Party", "WPK"], "KP", false),
    ("Korean People's Army", &["KPA"], "KP", false),
    ("People's Liberation Army", &["PLA"], "CN", false),
    ("Chinese Communist Party", &["Communist Party of China", "CCP", "CPC"], "CN", false),
    ("White House", &[], "US", false),
    ("Pentagon", &[], "US", false),
    ("State Department", &["US State Department", "U.S. State Department"], "US", false),
    ("Kremlin", &[], "RU", false),
    ("CIA", &["Central Intelligence Agency"], "US", false),
    ("FBI", &["Federal Bureau of Investigation"], "US", false),
    ("National Intelligence Service", &["NIS"], "KR", false),
    ("Taliban", &[], "", false),
    ("Hamas", &[], "", false),
    ("Hezbollah", &[], "", false),
    ("al-Qaeda", &["al Qaeda", "Al Qaeda", "Al-Qaeda", "al-Qaida"], "", false),
    ("Reuters", &["Thomson Reuters"], "", true),
    ("Associated Press", &["AP"], "US", true),
    ("Agence France-Presse", &["AFP"], "FR", true),
    ("Yonhap", &["Yonhap News Agency", "Yonhap News"], "KR", true),
    ("Korean Central News Agency", &["KCNA"], "KP", true),
    ("Rodong Sinmun", &[], "KP", true),
    ("Xinhua", &["Xinhua News Agency"], "CN", true),
    ("Global Times", &[], "CN", true),
    ("TASS", &["Tass"], "RU", true),
    ("Kyodo", &["Kyodo News"], "JP", true),
    ("BBC", &["British Broadcasting Corporation"], "GB", true),
    ("CNN", &[], "US", true),
    ("NK News", &[], "", true),
    ("Daily NK", &["DailyNK"], "KR", true),
    ("Radio Free Asia", &["RFA"], "US", true),
    ("Voice of America", &["VOA"], "US", true),
    ("New York Times", &["The New York Times"], "US", true),
    ("Washington Post", &["The Washington Post"], "US", true),
    ("Wall Street Journal", &["WSJ", "The Wall Street Journal"], "US", true),
    ("Financial Times", &["FT"], "GB", true),
    ("Bloomberg", &[], "US", true),
    ("Al Jazeera", &[], "QA", true),
    ("ABC", &["Australian Broadcasting Corporation"], "AU", true),
    ("Nikkei", &["Nikkei Asia"], "JP", true),
    ("Korea Herald", &["The Korea Herald"], "KR", true),
    ("JoongAng Ilbo", &["Korea JoongAng Daily"], "KR", true),
    ("Chosun Ilbo", &[], "KR", true),
];

/// Speech and attribution verbs ("X said", "said X").
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "stated", "states", "added", "adds", "warned", "warns", "claimed",
    "claims", "noted", "notes", "argued", "argues", "explained", "explains", "insisted", "insists", "declared",
    "declares", "announced", "announces", "wrote", "writes", "asked", "asks", "replied", "responded",
    "suggested", "suggests", "mentioned", "emphasized", "emphasised", "emphasizes", "stressed", "confirmed",
    "confirms", "denied", "denies", "reported", "reports", "acknowledged", "admitted", "called", "described",
    "dismissed", "labeled", "labelled", "urged", "urges", "vowed", "pledged", "quoted",
];

/// Verbs and auxiliaries that, right after a capital's name, show it acts as
/// its government ("Pyongyang has constructed", "Seoul said").
pub const GOVERNMENT_VERBS: &[&str] = &[
    "has", "have", "had", "is", "was", "will", "would", "could", "should", "may", "might", "must", "can",
    "said", "says", "warned", "denied", "denies", "accused", "accuses", "announced", "launched", "ordered",
    "rejected", "demanded", "insisted", "claimed", "plans", "planned", "wants", "wanted", "agreed", "refused",
    "responded", "threatened", "vowed", "sent", "fired", "tested", "built", "constructed", "blamed", "urged",
    "condemned", "criticised", "criticized", "sought", "seeks", "continues", "continued", "remains",
    "appears", "hopes", "hoped", "believes", "fears", "considers", "regards", "sees", "hit", "imposed",
    "signed", "approved", "does", "did", "also", "reportedly", "recently", "then", "now", "still",
];

/// Nouns after a capital's possessive that show it stands for the state
/// ("Pyongyang's regime", "Beijing's policy").
pub const GOVERNMENT_NOUNS: &[&str] = &[
    "regime", "government", "leadership", "policy", "policies", "nuclear", "missile", "missiles", "decision",
    "position", "stance", "response", "efforts", "ambitions", "allies", "ally", "support", "relations",
    "refusal", "demands", "claims", "threats", "weapons", "military", "authorities", "approach", "officials",
    "envoy", "sanctions", "crackdown", "influence", "control",
];

/// Korean family names, for "Kim Jong Un", "Moon Jae-in", "Ri Sol Ju".
pub const KOREAN_SURNAMES: &[&str] = &[
    "Kim", "Lee", "Park", "Pak", "Choi", "Choe", "Jung", "Jeong", "Chung", "Kang", "Cho", "Jo", "Yoon", "Yun",
    "Jang", "Chang", "Lim", "Im", "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "An", "Song", "Yoo",
    "Yu", "Hong", "Jeon", "Ko", "Moon", "Mun", "Yang", "Son", "Bae", "Baek", "Heo", "Nam", "Roh", "Ri", "Rhee",
    "Noh", "Ha", "Kwak", "Sung", "Cha", "Ju", "Woo", "Min", "Ryu", "Na", "Jin", "Ji", "Um", "Chae", "Won",
];

/// Capitalised words that are never (part of) a name on their own: function
/// words at a sentence start, months, weekdays.
pub const NON_NAME_CAPS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "As", "But", "And", "Or", "If",
    "When", "While", "After", "Before", "Since", "For", "From", "With", "Without", "By", "To", "Of", "It",
    "Its", "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "There", "Here",
    "However", "Meanwhile", "Although", "Though", "Also", "According", "Amid", "Among", "Under", "Over",
    "Despite", "During", "Following", "Recent", "Last", "Next", "Earlier", "Later", "Some", "Many", "Most",
    "All", "No", "Not", "Such", "What", "Which", "Who", "Why", "How", "Where", "Yet", "So", "Then", "Now",
    "Additionally", "Furthermore", "Moreover", "Official", "Officials", "One", "Two", "Several", "Both",
    "Each", "Every", "Other", "Another", "Only", "Even", "Just", "Still", "Once", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Mr", "Mrs", "Ms", "Dr",
    "Until", "Because", "Instead", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
    "Will", "Would", "Can", "Could", "Should", "Let", "Yes", "Today", "Yesterday", "Tomorrow", "Police",
];

/// Month names and their abbreviations, numbered from 1.
pub const MONTHS: &[(&str, u8)] = &[
    ("January", 1), ("February", 2), ("March", 3), ("April", 4), ("May", 5), ("June", 6), ("July", 7),
    ("August", 8), ("September", 9), ("October", 10), ("November", 11), ("December", 12), ("Jan", 1),
    ("Feb", 2), ("Mar", 3), ("Apr", 4), ("Jun", 6), ("Jul", 7), ("Aug", 8), ("Sep", 9), ("Sept", 9),
    ("Oct", 10), ("Nov", 11), ("Dec", 12),
];

/// Weekday names, Monday = 0.
pub const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The month number of a month name or abbreviation ("Oct", "Oct.").
pub fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.');
    MONTHS.iter().find(|(m, _)| *m == w).map(|&(_, n)| n)
}
