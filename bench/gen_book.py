#!/usr/bin/env python3
"""Make a realistic, multilingual rolo book of any size, for benchmarks and tests.

usage: gen_book.py DIR --records N [--seed S] [--now YYYY-MM-DD]

About N/4 contacts, N/20 companies, N/8 deals, N/2 notes and N/8 tasks, laid out as
docs/format.md describes. Deterministic for a seed: the same seed writes the same book,
byte for byte, so figures measured on it stay comparable. Prints a JSON summary: counts
per type and, for each planted probe word, the exact number of record files whose body
contains it (case-insensitively). See bench/README.md.
"""
import argparse, datetime as dt, json, os, random, sys, unicodedata

FIRST = {
    "en": ["James", "Mary", "Robert", "Linda", "Michael", "Susan", "David", "Karen", "Emily", "Daniel"],
    "ru": ["Анна", "Иван", "Ольга", "Дмитрий", "Елена", "Сергей", "Мария", "Алексей", "Наталья", "Павел"],
    "zh": ["小明", "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊"],
    "kk": ["Айгүл", "Нұрлан", "Әсем", "Ерлан", "Гүлнар", "Бауыржан", "Жанар", "Дәурен", "Сәуле", "Қайрат"],
    "de": ["Jürgen", "Anke", "Matthias", "Sabine", "Stefan", "Käthe", "Uwe", "Birgit", "Lukas", "Jörg"],
    "es": ["José", "María", "Lucía", "Álvaro", "Sofía", "Martín", "Inés", "Raúl", "Carmen", "Andrés"],
}
LAST = {
    "en": ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clark", "Lewis", "Walker", "Hall", "Young"],
    "ru": ["Петрова", "Иванов", "Смирнова", "Кузнецов", "Попова", "Соколов", "Лебедева", "Козлов", "Новикова", "Морозов"],
    "zh": ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"],
    "kk": ["Сейітқызы", "Нұрланұлы", "Әбдіқадыр", "Жұмабаев", "Қасымова", "Төлегенов", "Омарова", "Серікбаев", "Ахметова", "Ғабитов"],
    "de": ["Müller", "Schmidt", "Schneider", "Fischer", "Weiß", "Größer", "Becker", "Hoffmann", "Schäfer", "Koch"],
    "es": ["García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Díaz", "Muñoz", "Álvarez", "Romero"],
}
CITY = {"en": ["London", "Boston", "Dublin"], "ru": ["Москва", "Казань", "Новосибирск"], "zh": ["北京", "上海", "深圳"],
        "kk": ["Алматы", "Астана", "Шымкент"], "de": ["Berlin", "München", "Köln"], "es": ["Madrid", "Sevilla", "Valencia"]}
SENT = {
    "en": ["We discussed the new website and the timeline.", "They asked for a discount on the annual plan.",
           "Sent the proposal with three pricing options.", "The client prefers short calls in the morning.",
           "Agreed to follow up after the board meeting.", "Invoice paid, waiting for feedback on the design."],
    "ru": ["Обсудили новый сайт и сроки запуска.", "Клиент просит скидку на годовой тариф.",
           "Отправили коммерческое предложение с тремя вариантами цен.", "Клиент предпочитает общаться по SMS.",
           "Договорились созвониться после совещания директоров.", "Счёт оплачен, ждём отзыв о дизайне."],
    "zh": ["我们讨论了新网站和时间表。", "客户要求年度套餐打折。", "已发送包含三个价格选项的报价。",
           "客户喜欢早上简短通话。", "约定董事会后再跟进。", "发票已付款,等待设计反馈。"],
    "kk": ["Жаңа сайт пен мерзімдерді талқыладық.", "Клиент жылдық тарифке жеңілдік сұрады.",
           "Үш баға нұсқасы бар коммерциялық ұсыныс жіберілді.", "Клиент таңертең қысқа қоңырауды жөн көреді.",
           "Директорлар кеңесінен кейін хабарласуға келістік.", "Шот төленді, дизайн туралы пікір күтеміз."],
    "de": ["Wir haben die neue Website und den Zeitplan besprochen.", "Der Kunde bittet um Rabatt auf den Jahrestarif.",
           "Angebot mit drei Preisoptionen verschickt.", "Der Kunde bevorzugt kurze Anrufe am Morgen.",
           "Nach der Vorstandssitzung melden wir uns wieder.", "Rechnung bezahlt, warten auf Feedback zum Design."],
    "es": ["Hablamos del nuevo sitio web y del calendario.", "El cliente pide un descuento en el plan anual.",
           "Enviamos la propuesta con tres opciones de precio.", "El cliente prefiere llamadas cortas por la mañana.",
           "Quedamos en llamar después de la reunión del consejo.", "Factura pagada, esperando comentarios del diseño."],
}
COMPANY_WORDS = ["Studio", "Logistics", "Foods", "Mebel", "Tech", "Trade", "Consulting", "Print", "Auto", "Fitness"]
TAGS = ["vip", "b2b", "b2c", "partner", "supplier", "newsletter", "cold", "warm", "hot", "referral-program"]
SOURCES = ["referral", "website", "instagram", "whatsapp", "telegram", "conference", "cold-call", "linkedin"]
STAGES = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]
KINDS = ["call", "email", "meeting", "message", "note"]
CURRENCIES = ["EUR", "USD", "RUB", "KZT", "CNY"]
TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
                     "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia", "a", "g", "q", "n", "o", "u", "u", "h", "i"]))
PINYIN = {"小": "xiao", "明": "ming", "伟": "wei", "芳": "fang", "娜": "na", "秀": "xiu", "英": "ying", "敏": "min",
          "静": "jing", "丽": "li", "强": "qiang", "磊": "lei", "王": "wang", "李": "li", "张": "zhang", "刘": "liu",
          "陈": "chen", "杨": "yang", "黄": "huang", "赵": "zhao", "吴": "wu", "周": "zhou", "网": "wang", "站": "zhan",
          "重": "chong", "新": "xin", "设": "she", "计": "ji", "发": "fa", "送": "song", "报": "bao", "价": "jia"}
# Planted probe words: rare words, each placed in a known number of record bodies
# (about 1 in 200 of each), plus one common word that is in many.
PROBES = ["zanzibarite", "квазипроект", "麒麟"]
COMMON = "discount"  # in the English sentence about a discount


def slug_ascii(text, n):
    out = []
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif ch in TRANSLIT:
            out.append(TRANSLIT[ch])
        elif ch in PINYIN:
            out.append("-" + PINYIN[ch] + "-")
        else:
            base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(base if base.isalnum() else "-")
    s = "-".join(p for p in "".join(out).split("-") if p)
    return (s or "x")[:48] + f"-{n}"


def q(s):
    return json.dumps(s, ensure_ascii=False)  # a TOML basic string is a JSON string for our text


def toml_list(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def write(path, lines, body):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write("+++\n" + "\n".join(lines) + "\n+++\n" + body + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir")
    ap.add_argument("--records", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--now", default="2026-11-23")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    now = dt.date.fromisoformat(a.now)
    n = a.records
    counts = {"contacts": max(1, n // 4), "companies": max(1, n // 20), "deals": max(1, n // 8),
              "notes": max(1, n // 2), "tasks": max(1, n // 8)}
    probe_hits = {w: 0 for w in PROBES + [COMMON]}
    langs = list(FIRST)
    os.makedirs(a.dir, exist_ok=True)
    with open(os.path.join(a.dir, "rolo.toml"), "w") as f:
        f.write('[pipeline]\nstages = ["lead", "qualified", "proposal", "negotiation", "won", "lost"]\n'
                'won = "won"\nlost = "lost"\n'
                'probability = { lead = 0.1, qualified = 0.25, proposal = 0.5, negotiation = 0.75 }\n'
                '[defaults]\ncurrency = "EUR"\nowner = "me"\n[digest]\ndays = 7\nstale_deal_days = 14\n'
                '[git]\nautocommit = false\n')
    with open(os.path.join(a.dir, ".gitignore"), "w") as f:
        f.write(".rolo/\n")

    def text(lang, k):
        sents = [rnd.choice(SENT[lang]) for _ in range(k)]
        if rnd.random() < 0.015:
            sents.append(f"{rnd.choice(PROBES)}.")
        return (" " if lang != "zh" else "").join(sents)

    def count_probes(body):
        for w in probe_hits:
            if w in body.lower():
                probe_hits[w] += 1

    def day(lo, hi):
        return now + dt.timedelta(days=rnd.randint(lo, hi))

    companies = []
    for i in range(counts["companies"]):
        lang = rnd.choice(langs)
        name = f"{rnd.choice(LAST[lang])} {rnd.choice(COMPANY_WORDS)}"
        cid = slug_ascii(name, i)
        companies.append(cid)
        body = text(lang, rnd.randint(0, 3))
        count_probes(body)
        write(os.path.join(a.dir, "companies", cid + ".md"),
              [f"name = {q(name)}", f'domain = "{cid}.example.com"', f"tags = {toml_list(rnd.sample(TAGS, 2))}",
               f"city = {q(rnd.choice(CITY[lang]))}", 'owner = "me"', f"created = {day(-1000, -1)}T09:00:00Z"], body)

    contacts = []
    for i in range(counts["contacts"]):
        lang = rnd.choice(langs)
        first, last = rnd.choice(FIRST[lang]), rnd.choice(LAST[lang])
        name = f"{last}{first}" if lang == "zh" else f"{first} {last}"
        cid = slug_ascii(f"{first} {last}", i)
        contacts.append(cid)
        phone = rnd.choice(["+7 701 {} {}", "8 (701) {}-{}", "+49 30 {}{}", "+86 138-{}-{}", "+34 9{}{}"]).format(
            rnd.randint(100, 999), rnd.randint(1000, 9999))
        lines = [f"name = {q(name)}", f'emails = ["{cid}@mail.example.org"]', f"phones = {toml_list([phone])}",
                 f"company = {q(rnd.choice(companies))}", f"tags = {toml_list(rnd.sample(TAGS, rnd.randint(0, 3)))}",
                 f"source = {q(rnd.choice(SOURCES))}", f'owner = "{rnd.choice(["me", "me", "asel", "tom"])}"',
                 f"stage = {q(rnd.choice(['lead', 'prospect', 'customer', 'customer', 'former']))}",
                 f"city = {q(rnd.choice(CITY[lang]))}", f"created = {day(-1000, -1)}T10:00:00Z"]
        r = rnd.random()
        if r < 0.3:
            lines.append(f"birthday = {dt.date(rnd.randint(1960, 2000), rnd.randint(1, 12), rnd.randint(1, 28))}")
        elif r < 0.4:
            lines.append(f'birthday = "{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"')
        if rnd.random() < 0.3:
            lines.append(f'follow_up = "{rnd.choice(["14d", "30d", "90d"])}"')
        lines.append(f"[fields]\nindustry = {q(rnd.choice(['retail', 'furniture', 'logistics', 'education', 'food']))}")
        body = text(lang, rnd.randint(0, 4))
        count_probes(body)
        write(os.path.join(a.dir, "contacts", cid + ".md"), lines, body)

    deals = []
    for i in range(counts["deals"]):
        lang = rnd.choice(langs)
        title = rnd.choice(["Website redesign", "Редизайн сайта", "网站重新设计", "Сайтты қайта жасау",
                            "Online-Shop", "Tienda online", "Logo and brand book", "SEO audit"])
        did = slug_ascii(title, i)
        deals.append(did)
        stage_i = rnd.randint(0, 5)
        created = day(-700, -10)
        hist, t = [], created
        path = STAGES[:min(stage_i, 3) + 1] if stage_i < 4 else STAGES[:rnd.randint(1, 4)] + [STAGES[stage_i]]
        for s in path:
            hist.append(f'[[history]]\nstage = "{s}"\nat = {t}T12:00:00Z')
            t = t + dt.timedelta(days=rnd.randint(1, 40))
        lines = [f"title = {q(title)}", f"contact = {q(rnd.choice(contacts))}", f"company = {q(rnd.choice(companies))}",
                 f'stage = "{STAGES[stage_i]}"', f"value = {rnd.randint(5, 500) * 100}",
                 f'currency = "{rnd.choice(CURRENCIES)}"', f"close = {day(-60, 90)}",
                 f'owner = "{rnd.choice(["me", "asel", "tom"])}"', f"source = {q(rnd.choice(SOURCES))}",
                 f"created = {created}T12:00:00Z"]
        if STAGES[stage_i] == "lost":
            lines.append('lost_reason = "price"')
        body = text(lang, rnd.randint(0, 3))
        count_probes(body)
        write(os.path.join(a.dir, "deals", did + ".md"), lines + hist, body)

    for i in range(counts["notes"]):
        lang = rnd.choice(langs)
        d = day(-1095, 0)
        kind = rnd.choice(KINDS)
        nid = f"{d}-{kind}-{i}"
        about = [rnd.choice(contacts)] + ([rnd.choice(deals)] if rnd.random() < 0.4 else [])
        lines = [f"date = {d}T{rnd.randint(8, 19):02d}:{rnd.randint(0, 59):02d}:00Z", f'kind = "{kind}"',
                 f"about = {toml_list(about)}"]
        if kind in ("call", "email", "message"):
            lines.append(f'direction = "{rnd.choice(["in", "out"])}"')
        body = text(lang, rnd.randint(1, 20))
        count_probes(body)
        write(os.path.join(a.dir, "notes", f"{d.year:04d}", nid + ".md"), lines, body)

    for i in range(counts["tasks"]):
        lang = rnd.choice(langs)
        title = rnd.choice(["Send the contract", "Позвонить клиенту", "发送报价", "Шот жіберу", "Angebot nachfassen",
                            "Enviar factura", "Check in"])
        tid = slug_ascii(title, i)
        due = day(-30, 60)
        lines = [f"title = {q(title)}", f"due = {due}", f"about = {toml_list([rnd.choice(contacts)])}",
                 f'owner = "{rnd.choice(["me", "asel", "tom"])}"']
        if rnd.random() < 0.15:
            lines.append(f'repeat = "{rnd.choice(["1w", "1m", "3m", "1y"])}"')
        if due < now and rnd.random() < 0.6:
            lines.append(f"done = {due}T17:00:00Z")
        body = text(lang, rnd.randint(0, 2))
        count_probes(body)
        write(os.path.join(a.dir, "tasks", tid + ".md"), lines, body)

    json.dump({"records": sum(counts.values()), "counts": counts, "probes": probe_hits}, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
