#!/usr/bin/env python3
"""Deterministic generator of large news-record corpora in the seed format, for the benchmarks.

The same --records and --seed always give byte-identical files. Records mimic the seed example and
../shared/corpus/real: a few KB each, 0-6 related items, 1-4 topics out of a few hundred (a few
topics are common, most are rare), Latin, CJK, Arabic, Cyrillic and emoji text, quoted and unquoted
dates, a `secured` blob on most records, an occasional unknown field, and about 4 % CRLF files.
Files are spread over subdirectories of 1,000 files each.

A finished corpus carries a `.complete` marker naming its parameters; running again with the same
parameters returns at once, so callers can use the output directory as a cache.

Usage: generate_corpus.py --records N --out DIR [--seed S]
"""

import argparse
import base64
import hashlib
import json
import os
import random
import shutil
import sys
import time

FILES_PER_DIRECTORY = 1000

LATIN_WORDS = (
    "facial recognition lawsuit company privacy data court police software city council budget "
    "election vote climate energy solar wind market stocks bank inflation rate central government "
    "minister report study health vaccine hospital school students teachers university research "
    "space rocket launch satellite moon mars telescope storm flood earthquake wildfire rescue team "
    "football league final cup champion record season player coach transfer museum art festival "
    "film music album concert award prize novel author history ancient discovery scientists ocean "
    "species forest river mountain railway airport airline flight car electric battery factory "
    "workers strike union wages trade tariff export import summit leaders treaty peace talks border "
    "security cyber attack hackers cloud platform apps developers open source model learning "
    "network mobile phone chip semiconductor startup funding investors billion million quarterly "
    "profit losses shares merger acquisition regulator antitrust ruling appeal judge verdict "
    "protest march capital region province village island coast harbor bridge tunnel project "
    "plan new first largest oldest record-breaking historic global national local annual "
    "portals studio power automate teams dynamics azure analytics dashboard low-code "
    "économie société gouvernement élection président café naïve über größte Straße "
    "Bürgermeister año niño corazón información política educación São Paulo Zürich Kraków "
    "Łódź Ångström fjord Reykjavík"
).split()

CYRILLIC_WORDS = (
    "новости правительство выборы президент министр город парламент закон экономика рынок "
    "банк курс рубль нефть газ энергия наука космос ракета спутник университет студенты школа "
    "врачи больница погода шторм наводнение фестиваль музей театр кино футбол чемпионат матч "
    "сборная победа история открытие учёные Москва Киев Минск Белград София"
).split()

ARABIC_WORDS = (
    "أخبار الحكومة الانتخابات الرئيس الوزير المدينة البرلمان القانون الاقتصاد السوق البنك "
    "النفط الطاقة العلوم الفضاء الجامعة الطلاب المدرسة المستشفى الطقس العاصفة المهرجان "
    "المتحف كرة القدم البطولة المباراة التاريخ الاكتشاف العلماء القاهرة بيروت الرياض دبي "
    "محاكمة دونالد ترامپ کیفرخواست رئیس جمهور سابق"
).split()

CJK_PHRASES = (
    "新型コロナ 成人式 東京都 世田谷区 振り袖 参加者 式典 自治体 地震 台風 大雨 警報 選挙 "
    "首相 国会 経済 株価 円安 日銀 人工知能 半導体 宇宙 ロケット 打ち上げ 大学 研究 発表 "
    "新製品 発売 オンライン 習い事 英語 セミナー 開催 北京 上海 香港 台北 政府 公司 市场 "
    "科技 新闻 报道 经济 发展 会议 人民 国际 首尔 서울 정부 경제 뉴스 발표 대통령"
).split()

EMOJI = "🚀 🌍 🔥 ⚽ 🎬 📈 📉 🗳️ 💡 🧪 🌧️ 🌪️ 🏆 🎉 👍🏽 👨‍👩‍👧 ❤️ 🇯🇵 🇫🇷 ✈️ 🛰️ 🧬".split()

SCRIPTS = ("latin", "latin", "latin", "latin", "latin", "latin", "cjk", "cjk", "cyrillic", "arabic")

TOPIC_STEMS = (
    "AI Computer Vision Machine Learning Power Apps Power Automate Climate Energy Elections Space "
    "Football Health Vaccines Privacy Security Markets Banking Startups Chips Cloud Mobile Music "
    "Film Art Science History Travel Aviation Railways Cars Batteries Trade Labour Courts Police "
    "Education Weather Oceans Forests Wildlife Astronomy Robotics Quantum Biotech Crypto Media"
).split()
TOPIC_QUALIFIERS = (
    "Policy Research News Industry Europe Asia Africa Americas Japan Local Global Funding "
    "Regulation Startups Events Analysis Opinion Science Jobs Markets"
).split()

TOP_LEVEL_DOMAINS = ("com", "org", "net", "co.uk", "de", "fr", "jp", "ru", "ae", "com.br")


def make_topics(rng):
    """About three hundred distinct topic names, a few in other scripts."""
    topics = []
    seen = set()
    while len(topics) < 300:
        if rng.random() < 0.1:
            name = rng.choice(CJK_PHRASES + CYRILLIC_WORDS[:20])
        else:
            name = f"{rng.choice(TOPIC_STEMS)} {rng.choice(TOPIC_QUALIFIERS)}"
        if name not in seen:
            seen.add(name)
            topics.append(name)
    # The seed's own topics come first so they are the most common.
    for name in ("AI", "Computer Vision", "Power Apps"):
        if name in seen:
            topics.remove(name)
        topics.insert(0, name)
    return topics[:300]


def make_providers(rng):
    providers = []
    for index in range(150):
        words = [rng.choice(LATIN_WORDS[:200]).capitalize() for _ in range(rng.randint(1, 3))]
        name = " ".join(words)
        if index % 7 == 0:
            name = "The " + name + " Times"
        domain = "".join(w.lower() for w in words if w.isascii()) or "news"
        domain = f"{domain}{index}.{rng.choice(TOP_LEVEL_DOMAINS)}"
        providers.append((name, domain))
    return providers


def words_text(rng, script, low, high):
    count = rng.randint(low, high)
    if script == "cjk":
        text = "".join(rng.choice(CJK_PHRASES) for _ in range(max(2, count // 2)))
    else:
        pool = {"latin": LATIN_WORDS, "cyrillic": CYRILLIC_WORDS, "arabic": ARABIC_WORDS}[script]
        text = " ".join(rng.choice(pool) for _ in range(count))
        text = text[0].upper() + text[1:]
    roll = rng.random()
    if roll < 0.08:
        text = f"{text} {rng.choice(EMOJI)}"
    elif roll < 0.12:
        text = f"“{text}”, he said: \"{rng.choice(LATIN_WORDS)}\""
    return text


def scalar(rng, text):
    """The text as a YAML scalar in the styles the real records use: double, single or plain."""
    roll = rng.random()
    plain_safe = (
        text[0] not in "-?:,[]{}#&*!|>'\"%@`“ " and ": " not in text and " #" not in text
        and not text.endswith(":") and '"' not in text
    )
    if roll < 0.35 and plain_safe:
        return text
    if roll < 0.55 and "\\" not in text:
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text, ensure_ascii=False)


def date_text(rng):
    seconds = 1_420_070_400 + rng.randrange(300_000_000)  # 2015 .. 2024
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    roll = rng.random()
    if roll < 0.45:
        return stamp + "Z"
    if roll < 0.9:
        return f"'{stamp}Z'"
    if roll < 0.95:
        return f'"{stamp}+09:00"'
    return stamp[:16] + ":00.000Z"


def url(rng, domain, title_words):
    slug = "-".join(w for w in title_words if w.isalnum())[:80].strip("-") or "story"
    return f"https://www.{domain}/{rng.randrange(2015, 2025)}/{rng.randrange(1, 13):02d}/{slug}-{rng.randrange(10**6)}"


def item_lines(rng, providers, indent, related):
    """The lines of one story's fields; `indent` prefixes every line."""
    script = rng.choice(SCRIPTS)
    title = words_text(rng, script, 5, 12)
    excerpt = words_text(rng, script, 18, 45)
    name, domain = rng.choice(providers)
    web = url(rng, domain, [w.lower() for w in title.split() if w.isascii()][:8])
    lines = [f"title: {scalar(rng, title)}", f"excerpt: {scalar(rng, excerpt)}", f"publishedDateTime: {date_text(rng)}"]
    if not related and rng.random() < 0.7:
        lines.append(f'originalUrl: "{web}"')
    if rng.random() < 0.95:
        lines.append(f'webUrl: "{web}"')
    if rng.random() < 0.3:
        lines.append(f'ampWebUrl: "{web}?amp=1"')
        lines.append(f'cdnAmpWebUrl: "https://{domain.replace(".", "-")}.cdn.ampproject.org/c/s/{web[8:]}?amp=1"')
    lines.append("type: article")
    lines.append("provider:")
    lines.append(f"  name: {scalar(rng, name)}")
    if rng.random() < 0.85:
        lines.append(f"  domain: {domain}")
    if rng.random() < 0.5:
        lines.append(f"quality: {rng.randrange(1, 100)}")
    if rng.random() < 0.5:
        lines.append("images:")
        lines.append(f'  - url: "https://cdn.{domain}/images/{rng.randrange(10**9)}.jpg"')
        if rng.random() < 0.7:
            lines.append(f"    width: {rng.choice((320, 640, 768, 1200))}")
            lines.append(f"    height: {rng.choice((180, 260, 465, 630))}")
            lines.append(f"    isCached: {rng.choice(('true', 'false'))}")
    return [indent + line for line in lines], web


def record_text(rng, providers, topics):
    main, web = item_lines(rng, providers, "", related=False)
    lines = ["---", "category: news"] + [line for line in main if not line.startswith("quality:")]
    lines.append(f"quality: {rng.randrange(1, 100)}")
    lines.append(f"heat: {rng.choice((-1, -1, rng.randrange(0, 500)))}")
    lines.append(f"published: {rng.choice(('true', 'false'))}")
    if rng.random() < 0.07:
        lines.append(f'featuredContent: "<iframe width=\\"800\\" height=\\"500\\" src=\\"https://www.youtube.com/embed/{rng.randrange(10**10)}\\"></iframe>"')
    lines.append("")
    lines.append("topics:")
    for index in sorted({int(len(topics) * rng.random() ** 2.5) for _ in range(rng.randint(1, 4))}):
        lines.append(f"  - {scalar(rng, topics[index])}")
    related_count = rng.choices(range(7), weights=(30, 14, 14, 14, 11, 9, 8))[0]
    if related_count:
        lines.append("")
        lines.append("related:")
        for _ in range(related_count):
            item, _ = item_lines(rng, providers, "    ", related=True)
            item[0] = "  - " + item[0][4:]
            lines.extend(item)
    if rng.random() < 0.85:
        blob = base64.b64encode(rng.randbytes(rng.randrange(300, 700))).decode()
        tail = base64.b64encode(rng.randbytes(16)).decode()
        lines.append("")
        lines.append(f'secured: "{blob};{tail}"')
    lines.append("---")
    newline = "\r\n" if rng.random() < 0.04 else "\n"
    return newline.join(lines) + newline, web


def generate(records, out, seed):
    marker = os.path.join(out, ".complete")
    # The generator's own hash is in the marker so that editing it regenerates cached corpora.
    with open(__file__, "rb") as handle:
        generator = hashlib.sha256(handle.read()).hexdigest()[:16]
    expected = json.dumps({"generator": generator, "records": records, "seed": seed})
    try:
        with open(marker, encoding="utf-8") as handle:
            if handle.read() == expected:
                return False
    except FileNotFoundError:
        pass
    if os.path.exists(out):
        shutil.rmtree(out)
    rng = random.Random(seed)
    topics = make_topics(rng)
    providers = make_providers(rng)
    for index in range(records):
        directory = os.path.join(out, f"{index // FILES_PER_DIRECTORY:03d}")
        if index % FILES_PER_DIRECTORY == 0:
            os.makedirs(directory)
        text, web = record_text(rng, providers, topics)
        digest = hashlib.sha256(web.encode()).hexdigest()[:16]
        with open(os.path.join(directory, f"{index:06d}_{digest}.txt"), "wb") as handle:
            handle.write(text.encode("utf-8"))
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write(expected)
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args()
    started = time.monotonic()
    made = generate(args.records, args.out, args.seed)
    state = "generated" if made else "cached"
    print(f"corpus: {state} {args.records} records in {args.out} ({time.monotonic() - started:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
