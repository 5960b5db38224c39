"""A deterministic synthetic press-release corpus, written in three site formats.

The same stories (a seeded `random.Random`, so the same `--n` and `--seed` give byte-identical
files) are written as:

- `newsroom`: our content format (docs/content.md): `content/releases/<year>/<date>-<slug>.<lang>.md`
  with YAML front-matter, `content/partners.yml`, `content/topics.yml`, `content/images/bench.png`;
- `stock`: stock Pelican + i18n_subsites: the same paths, Pelican's own `Key: value` metadata,
  language versions paired by `Slug` (Pelican's ARTICLE_TRANSLATION_ID); partners are `Authors`
  (Pelican's only multi-valued taxonomy besides tags), topics are `Tags`;
- `hugo`: Hugo's multilingual layout, `content/en/…` and `content/ka/…` with `translationKey`,
  partner/topic/year taxonomies, names of partners and topics in `data/`.

About 85% of the stories exist in both languages; the rest in one language only, half English,
half Georgian, so `n` releases per language means about `2n` files. `english_only(total)` makes
single-language stories with the same shape (for the "one language, same total" anchor).

Usage: python bench/corpus.py --n 100 --format newsroom --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import datetime
import random
import re
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

SEED = 20180606
PAIRED = 0.85
FIRST_DAY = datetime.date(2000, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)  # in the past, so no release is embargoed
IMAGE = "images/bench.png"

# -- Registries --------------------------------------------------------------------------------
# key, English name, Georgian name (no commas: stock Pelican splits `Authors:` on commas), url?
PARTNERS = (
    ("eu", "European Union", "ევროკავშირი", "https://www.eeas.europa.eu/delegations/georgia_en"),
    ("mia", "Ministry of Internal Affairs of Georgia", "საქართველოს შინაგან საქმეთა სამინისტრო", "https://police.ge/"),
    ("ncdc", "National Center for Disease Control and Public Health", "დაავადებათა კონტროლისა და საზოგადოებრივი ჯანმრთელობის ეროვნული ცენტრი", "https://www.ncdc.ge/"),
    ("mfa", "Ministry of Foreign Affairs of Georgia", "საქართველოს საგარეო საქმეთა სამინისტრო", "https://mfa.gov.ge/"),
    ("moj", "Ministry of Justice of Georgia", "საქართველოს იუსტიციის სამინისტრო", "https://www.justice.gov.ge/"),
    ("moh", "Ministry of Health of Georgia", "საქართველოს ჯანდაცვის სამინისტრო", None),
    ("mes", "Ministry of Education and Science of Georgia", "საქართველოს განათლებისა და მეცნიერების სამინისტრო", "https://mes.gov.ge/"),
    ("moesd", "Ministry of Economy and Sustainable Development of Georgia", "საქართველოს ეკონომიკისა და მდგრადი განვითარების სამინისტრო", "https://www.economy.ge/"),
    ("mepa", "Ministry of Environmental Protection and Agriculture of Georgia", "საქართველოს გარემოს დაცვისა და სოფლის მეურნეობის სამინისტრო", "https://mepa.gov.ge/"),
    ("psda", "Public Service Development Agency", "სახელმწიფო სერვისების განვითარების სააგენტო", "https://sda.gov.ge/"),
    ("border-police", "Border Police of Georgia", "საქართველოს სასაზღვრო პოლიცია", None),
    ("patrol-police", "Patrol Police Department", "საპატრულო პოლიციის დეპარტამენტი", None),
    ("prosecutors-office", "Prosecutor's Office of Georgia", "საქართველოს პროკურატურა", "https://pog.gov.ge/"),
    ("parliament", "Parliament of Georgia", "საქართველოს პარლამენტი", "https://parliament.ge/"),
    ("public-defender", "Public Defender of Georgia", "საქართველოს სახალხო დამცველი", "https://ombudsman.ge/"),
    ("geostat", "National Statistics Office of Georgia", "საქართველოს სტატისტიკის ეროვნული სამსახური", "https://www.geostat.ge/"),
    ("tbilisi-city-hall", "Tbilisi City Hall", "თბილისის მერია", None),
    ("batumi-city-hall", "Batumi City Hall", "ბათუმის მერია", None),
    ("kutaisi-city-hall", "Kutaisi City Hall", "ქუთაისის მერია", None),
    ("adjara-government", "Government of the Autonomous Republic of Adjara", "აჭარის ავტონომიური რესპუბლიკის მთავრობა", None),
    ("tsu", "Ivane Javakhishvili Tbilisi State University", "ივანე ჯავახიშვილის სახელობის თბილისის სახელმწიფო უნივერსიტეტი", "https://www.tsu.ge/"),
    ("ilia-uni", "Ilia State University", "ილიას სახელმწიფო უნივერსიტეტი", "https://iliauni.edu.ge/"),
    ("us-embassy", "U.S. Embassy in Georgia", "აშშ-ის საელჩო საქართველოში", "https://ge.usembassy.gov/"),
    ("usaid", "United States Agency for International Development", "აშშ-ის საერთაშორისო განვითარების სააგენტო", None),
    ("inl", "Bureau of International Narcotics and Law Enforcement Affairs", "ნარკოტიკებთან ბრძოლისა და სამართალდამცავი საქმიანობის საერთაშორისო ბიურო", None),
    ("sdc", "Swiss Agency for Development and Cooperation", "შვეიცარიის განვითარებისა და თანამშრომლობის სააგენტო", None),
    ("giz", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)", "გერმანიის საერთაშორისო თანამშრომლობის საზოგადოება (GIZ)", "https://www.giz.de/"),
    ("sida", "Swedish International Development Cooperation Agency", "შვედეთის საერთაშორისო განვითარებისა და თანამშრომლობის სააგენტო", None),
    ("polish-aid", "Polish Aid", "პოლონეთის დახმარება", None),
    ("czech-mfa", "Ministry of Foreign Affairs of the Czech Republic", "ჩეხეთის რესპუბლიკის საგარეო საქმეთა სამინისტრო", None),
    ("netherlands-embassy", "Embassy of the Kingdom of the Netherlands", "ნიდერლანდების სამეფოს საელჩო", None),
    ("uk-embassy", "British Embassy Tbilisi", "დიდი ბრიტანეთის საელჩო თბილისში", None),
    ("japan-embassy", "Embassy of Japan in Georgia", "იაპონიის საელჩო საქართველოში", None),
    ("unhcr", "UNHCR", "გაეროს ლტოლვილთა უმაღლესი კომისარიატი (UNHCR)", "https://www.unhcr.org/"),
    ("unicef", "UNICEF", "გაეროს ბავშვთა ფონდი (UNICEF)", "https://www.unicef.org/georgia/"),
    ("undp", "United Nations Development Programme", "გაეროს განვითარების პროგრამა", None),
    ("who", "World Health Organization", "ჯანმრთელობის მსოფლიო ორგანიზაცია", "https://www.who.int/"),
    ("ilo", "International Labour Organization", "შრომის საერთაშორისო ორგანიზაცია", "https://www.ilo.org/"),
    ("osce", "Organization for Security and Co-operation in Europe", "ეუთო", None),
    ("council-of-europe", "Council of Europe", "ევროპის საბჭო", "https://www.coe.int/"),
)
# Donors: the partners a release may name under `funded_by`.
DONORS = ("eu", "us-embassy", "usaid", "inl", "sdc", "giz", "sida", "polish-aid", "czech-mfa",
          "netherlands-embassy", "uk-embassy", "japan-embassy")

TOPICS = (
    ("policing", "Policing and law enforcement", "პოლიცია და სამართალდამცავი საქმიანობა"),
    ("health", "Migration health", "მიგრაცია და ჯანმრთელობა"),
    ("labour-migration", "Labour migration", "შრომითი მიგრაცია"),
    ("smuggling", "Migrant smuggling", "მიგრანტთა უკანონო გადაყვანა"),
    ("trafficking", "Counter-trafficking", "ადამიანით ვაჭრობის წინააღმდეგ ბრძოლა"),
    ("border-management", "Border management", "საზღვრის მართვა"),
    ("reintegration", "Return and reintegration", "დაბრუნება და რეინტეგრაცია"),
    ("diaspora", "Diaspora engagement", "დიასპორასთან თანამშრომლობა"),
    ("gender", "Gender equality", "გენდერული თანასწორობა"),
    ("disaster-risk", "Disaster risk reduction", "კატასტროფის რისკის შემცირება"),
    ("data", "Migration data and research", "მიგრაციის მონაცემები და კვლევა"),
    ("climate", "Migration and climate change", "მიგრაცია და კლიმატის ცვლილება"),
)

CITIES = (
    ("Tbilisi", "თბილისი"), ("Batumi", "ბათუმი"), ("Kutaisi", "ქუთაისი"), ("Gori", "გორი"),
    ("Telavi", "თელავი"), ("Zugdidi", "ზუგდიდი"), ("Rustavi", "რუსთავი"), ("Akhaltsikhe", "ახალციხე"),
    ("Mestia", "მესტია"), ("Poti", "ფოთი"), ("Ozurgeti", "ოზურგეთი"), ("Marneuli", "მარნეული"),
)

# -- Words -------------------------------------------------------------------------------------
EN_SUBJECTS = (
    "IOM Georgia", "The International Organization for Migration", "The project team", "Participants",
    "Local authorities", "Frontline officers", "The Government of Georgia", "Young researchers",
    "Community leaders", "Representatives of civil society", "The working group", "Trainers",
    "Officials from twelve municipalities", "The Mission", "Returning migrants", "Employers",
)
EN_VERBS = (
    "organised", "presented", "discussed", "launched", "supported", "reviewed", "strengthened",
    "evaluated", "welcomed", "completed", "opened", "prepared", "hosted", "piloted", "expanded",
)
EN_OBJECTS = (
    "a two-day workshop on {topic}", "the new national strategy on {topic}",
    "practical tools for frontline officers", "the results of a nationwide survey",
    "a training course for border guards", "an information campaign for young people",
    "small grants for returning migrants", "a regional conference on {topic}",
    "a handbook for social workers", "the first consultation centre in the region",
    "a study visit to partner institutions in Europe", "mobile services for remote villages",
    "a referral mechanism for victims of trafficking", "data collection at border crossing points",
    "vocational training for internally displaced persons", "a round table with employers",
)
EN_TAILS = (
    "in {city}", "with the support of the {donor}", "as part of a three-year programme",
    "together with the {partner}", "for the first time in Georgia", "earlier this month",
    "in close cooperation with the {partner}", "ahead of the International Migrants Day",
    "under the framework of the EU-Georgia Mobility Partnership", "in {city} and nearby villages",
)
EN_QUOTES = (
    "“Migration managed well benefits migrants and communities alike,” said the Chief of Mission.",
    "“This is an investment in the people who keep our borders safe,” noted the {partner} representative.",
    "“We will continue to support Georgia on this path,” the Ambassador added.",
    "“The data will help us plan services where they are needed most,” a participant said.",
)
EN_HEADINGS = (
    "Background", "What the project does", "Results so far", "Next steps", "About the programme",
    "Who took part", "Why it matters", "Training in numbers", "Partnership", "Looking ahead",
)
EN_LIST_ITEMS = (
    "{n} officers completed the course", "{n} families received counselling",
    "{n} municipalities joined the programme", "a hotline open seven days a week",
    "new standard operating procedures for {topic}", "{n} small businesses were started",
    "a public database of vacancies abroad", "{n} schools hosted awareness sessions",
    "equipment for {n} border crossing points", "a joint action plan for the next two years",
)

KA_WORDS = (
    "მიგრაცია", "საქართველო", "ორგანიზაცია", "საერთაშორისო", "პროექტი", "მთავრობა", "სამინისტრო",
    "მხარდაჭერა", "ტრენინგი", "შეხვედრა", "კონფერენცია", "მოქალაქე", "ქვეყანა", "თანამშრომლობა",
    "პროგრამა", "განვითარება", "ჯანმრთელობა", "საზღვარი", "მართვა", "პოლიცია", "ქალი", "ბავშვი",
    "ოჯახი", "დაბრუნება", "რეინტეგრაცია", "შრომითი", "უსაფრთხოება", "ინფორმაცია", "კვლევა",
    "ანგარიში", "მონაცემები", "ადამიანი", "უფლებები", "წინააღმდეგ", "ბრძოლა", "სამუშაო", "ადგილი",
    "რეგიონი", "გამართა", "ჩატარდა", "მონაწილეობა", "მიიღეს", "წარადგინა", "გააძლიერა",
    "დააფინანსა", "განაცხადა", "აღნიშნა", "ახალი", "მნიშვნელოვანი", "ადგილობრივი", "ეროვნული",
    "სახელმწიფო", "სოციალური", "ეკონომიკური", "ტექნიკური", "პროფესიული", "უსაფრთხო",
    "წარმატებული", "და", "ასევე", "რომ", "ამ", "ეს", "წლის", "ფარგლებში", "მიზანი", "შესაძლებლობა",
    "გამოცდილება", "ექსპერტი", "სპეციალისტი", "სტუდენტი", "მასწავლებელი", "სკოლა", "უნივერსიტეტი",
    "საზოგადოება", "ინსტიტუტი", "ცენტრი", "ოფისი", "წარმომადგენელი", "ელჩი", "საელჩო", "მინისტრი",
    "მოადგილე", "ხელმძღვანელი", "დირექტორი", "საკითხი", "გამოწვევა", "პრობლემა", "გადაწყვეტა",
    "სტრატეგია", "პოლიტიკა", "კანონი", "რეფორმა", "სისტემა", "სერვისი", "დახმარება", "მიგრანტი",
    "ლტოლვილი", "დევნილი", "თავშესაფარი", "ვიზა", "ბინადრობა", "ნებართვა", "დასაქმება", "ბიზნესი",
    "მცირე", "საშუალო", "გრანტი", "ფერმერი", "სოფელი", "ქალაქი", "მოსახლეობა", "ახალგაზრდა",
    "თაობა", "განათლება", "ცნობიერება", "კამპანია", "ღონისძიება", "სემინარი", "ევროპა", "კავშირი",
    "მობილობა", "პარტნიორობა", "შედეგი", "ეტაპი", "გეგმა", "ქმედება", "ოფიცერი", "მოხელე",
    "ინსპექტორი", "გამშვები", "პუნქტი", "აეროპორტი", "ნავსადგური", "მაღალმთიანი", "მუნიციპალიტეტი",
)
KA_HEADINGS = (
    "ფონი", "პროექტის შესახებ", "შედეგები", "შემდეგი ნაბიჯები", "პროგრამის შესახებ",
    "მონაწილეები", "რატომ არის ეს მნიშვნელოვანი", "ტრენინგი ციფრებში", "პარტნიორობა", "მომავალი",
)

# Georgian to Latin for file names, by the national system of 2002 (ejective apostrophes dropped).
KA_LATIN = dict(zip(
    "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
    ("a b g d e v z t i k l m n o p zh r s t u p k gh q sh ch ts dz ts ch kh j h").split(),
))


# -- Stories -----------------------------------------------------------------------------------
@dataclass
class Version:
    """One language version of a story: what differs between languages."""

    lang: str
    title: str
    slug: str
    location: str
    body: str
    summary: str | None = None
    image_alt: str | None = None


@dataclass
class Story:
    """One press release in every language it exists in: what the language versions share."""

    key: str
    date: datetime.date
    partners: tuple[str, ...]
    funded_by: tuple[str, ...]
    topics: tuple[str, ...]
    event_dates: tuple[datetime.date, datetime.date] | None
    versions: dict[str, Version] = field(default_factory=dict)

    @property
    def all_partners(self) -> tuple[str, ...]:
        """Partners and funders: the partner pages a story appears on."""
        return self.partners + tuple(key for key in self.funded_by if key not in self.partners)


class _Writer:
    """Builds stories from one seeded random source; every call sequence is deterministic."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.slugs: dict[str, set[str]] = {"en": set(), "ka": set()}
        self.partner_names = {key: (en, ka) for key, en, ka, _ in PARTNERS}
        self.topic_names = {key: (en, ka) for key, en, ka in TOPICS}

    def story(self, number: int, languages: tuple[str, ...]) -> Story:
        rng = self.rng
        date = FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        partners = tuple(rng.sample([key for key, *_ in PARTNERS], rng.choice((1, 1, 2, 2, 3))))
        funded_by = tuple(rng.sample([d for d in DONORS if d not in partners], rng.choice((0, 1, 1, 2))))
        topics = tuple(rng.sample([key for key, *_ in TOPICS], rng.choice((1, 1, 2, 3))))
        event_dates = None
        if rng.random() < 0.3:
            start = date - datetime.timedelta(days=rng.randrange(1, 10))
            event_dates = (start, start + datetime.timedelta(days=rng.randrange(0, 4)))
        city = rng.randrange(len(CITIES))
        has_summary = rng.random() < 0.4
        has_image = rng.random() < 0.3
        en_title = self.english_title(partners, topics, city)
        key = f"{date.year}-{_latin_slug(en_title, 6)}-{number}"
        story = Story(key, date, partners, funded_by, topics, event_dates)
        for lang in languages:
            if lang == "en":
                story.versions["en"] = self.english(story, en_title, city, has_summary, has_image)
            else:
                story.versions["ka"] = self.georgian(story, city, has_summary, has_image)
        return story

    def unique_slug(self, lang: str, slug: str) -> str:
        candidate, number = slug, 2
        while candidate in self.slugs[lang]:
            candidate, number = f"{slug}-{number}", number + 1
        self.slugs[lang].add(candidate)
        return candidate

    # -- English -------------------------------------------------------------------------------

    def english_title(self, partners, topics, city) -> str:
        rng = self.rng
        partner = self.partner_names[partners[0]][0]
        topic = self.topic_names[topics[0]][0].lower()
        patterns = (
            f"IOM and the {partner} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS).format(topic=topic)}",
            f"{self.topic_names[topics[0]][0]}: {rng.choice(EN_OBJECTS).format(topic=topic)} in {CITIES[city][0]}",
            f"The {partner} and IOM support {topic} in {CITIES[city][0]}",
        )
        title = rng.choice(patterns)
        return title[0].upper() + title[1:]

    def english_sentence(self, story: Story, city: int) -> str:
        rng = self.rng
        fill = {
            "topic": self.topic_names[rng.choice(story.topics)][0].lower(),
            "partner": self.partner_names[rng.choice(story.partners)][0],
            "donor": self.partner_names[rng.choice(story.funded_by or ("eu",))][0],
            "city": CITIES[city][0],
        }
        if rng.random() < 0.08:
            return rng.choice(EN_QUOTES).format(**fill)
        sentence = f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}."
        return sentence.format(**fill)

    def english(self, story: Story, title: str, city: int, has_summary: bool, has_image: bool) -> Version:
        rng = self.rng
        slug = self.unique_slug("en", _latin_slug(title, 7))
        partner = story.partners[0]
        url = dict((key, url) for key, _, _, url in PARTNERS)[partner] or "https://www.iom.int/"
        sentence = lambda: self.english_sentence(story, city)  # noqa: E731
        item = lambda: rng.choice(EN_LIST_ITEMS).format(n=rng.randrange(12, 900), topic=self.topic_names[story.topics[0]][0].lower())  # noqa: E731
        alt = f"Participants of the event in {CITIES[city][0]}"
        body = _body(
            rng,
            lead=f"{sentence()} The work is led by [IOM Georgia](https://georgia.iom.int/) and the [{self.partner_names[partner][0]}]({url}). {sentence()}",
            sentence=sentence,
            headings=EN_HEADINGS,
            item=item,
            image=f"![{alt}](/{IMAGE})",
            closing=f"For more information, please contact IOM Georgia at [iomtbilisi@iom.int](mailto:iomtbilisi@iom.int) or visit [the project page](https://georgia.iom.int/projects/{slug}).",
        )
        summary = sentence() if has_summary else None
        return Version("en", title, slug, CITIES[city][0], body, summary, alt if has_image else None)

    # -- Georgian ------------------------------------------------------------------------------

    def georgian_words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(KA_WORDS) for _ in range(self.rng.randint(low, high)))

    def georgian(self, story: Story, city: int, has_summary: bool, has_image: bool) -> Version:
        rng = self.rng
        partner = self.partner_names[story.partners[0]][1]
        title = f"{partner} და IOM: {self.georgian_words(4, 7)}"
        slug = self.unique_slug("ka", _latin_slug(_romanise(title), 7))
        sentence = lambda: self.georgian_words(7, 15) + "."  # noqa: E731
        item = lambda: self.georgian_words(3, 7)  # noqa: E731
        alt = f"{self.georgian_words(3, 5)} {CITIES[city][1]}"
        body = _body(
            rng,
            lead=f"{sentence()} [IOM საქართველო](https://georgia.iom.int/ka) {self.georgian_words(5, 9)}. {sentence()}",
            sentence=sentence,
            headings=KA_HEADINGS,
            item=item,
            image=f"![{alt}](/{IMAGE})",
            closing=f"{self.georgian_words(5, 9)}: [iomtbilisi@iom.int](mailto:iomtbilisi@iom.int), [ვებგვერდი](https://georgia.iom.int/ka/projects/{slug}).",
        )
        summary = sentence() if has_summary else None
        return Version("ka", title, slug, CITIES[city][1], body, summary, alt if has_image else None)


def _body(rng: random.Random, lead: str, sentence, headings, item, image: str, closing: str) -> str:
    """Lead, a heading, a list, the image, more headed sections, a closing line: 400–600 words."""
    target = rng.randint(400, 600)
    heading = list(rng.sample(headings, 4))
    blocks = [lead, f"## {heading.pop()}", " ".join(sentence() for _ in range(rng.randint(3, 5)))]
    blocks.append("\n".join(f"- {item()}" for _ in range(rng.randint(3, 5))))
    blocks.append(image)
    blocks.append(f"## {heading.pop()}")
    words = lambda: sum(len(block.split()) for block in blocks) + len(closing.split())  # noqa: E731
    while words() < target:
        if heading and rng.random() < 0.2 and not blocks[-1].startswith("## "):
            blocks.append(f"## {heading.pop()}")
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            paragraph.append(sentence())
            if words() + sum(len(s.split()) for s in paragraph) >= target:
                break
        blocks.append(" ".join(paragraph))
    blocks.append(closing)
    return "\n\n".join(blocks) + "\n"


def _romanise(text: str) -> str:
    return "".join(KA_LATIN.get(char, char) for char in text)


def _latin_slug(text: str, words: int) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower().replace("'", ""))
    return "-".join(parts[:words]) or "release"


def bilingual(n: int, seed: int = SEED) -> list[Story]:
    """`n` releases per language: ~85% pairs, the rest split between English and Georgian only."""
    pairs = round(n * PAIRED)
    kinds = [("en", "ka")] * pairs + [("en",)] * (n - pairs) + [("ka",)] * (n - pairs)
    writer = _Writer(seed)
    writer.rng.shuffle(kinds)
    return [writer.story(number, languages) for number, languages in enumerate(kinds, start=1)]


def english_only(total: int, seed: int = SEED + 1) -> list[Story]:
    """`total` English-only releases, the same shape as the bilingual ones."""
    writer = _Writer(seed)
    return [writer.story(number, ("en",)) for number in range(1, total + 1)]


# -- Formats -----------------------------------------------------------------------------------
def release_path(version: Version, story: Story) -> str:
    return f"releases/{story.date.year}/{story.date.isoformat()}-{version.slug}.{version.lang}.md"


def _yaml_text(text: str) -> str:
    """A one-line YAML string, quoted only when YAML needs it."""
    if re.search(r"[:#\[\]{},&*!|>'\"%@`]", text) or text != text.strip():
        return "'" + text.replace("'", "''") + "'"
    return text


def write_newsroom(stories: list[Story], root: Path) -> Path:
    """Our format (docs/content.md). Returns the content folder."""
    content = root / "content"
    _write_registries(content)
    _write_png(content / IMAGE)
    for story in stories:
        for version in story.versions.values():
            lines = [
                "---",
                f"title: {_yaml_text(version.title)}",
                f"date: {story.date.isoformat()}",
                f"lang: {version.lang}",
                f"translation_key: {story.key}",
                f"location: {_yaml_text(version.location)}",
                f"partners: [{', '.join(story.partners)}]",
            ]
            if story.funded_by:
                lines.append(f"funded_by: [{', '.join(story.funded_by)}]")
            lines.append(f"topics: [{', '.join(story.topics)}]")
            if story.event_dates:
                start, end = story.event_dates
                lines.append(f"event_dates: {start.isoformat()}" + ("" if start == end else f"/{end.isoformat()}"))
            if version.summary:
                lines.append(f"summary: {_yaml_text(version.summary)}")
            if version.image_alt:
                lines += ["image:", f"  src: {IMAGE}", f"  alt: {_yaml_text(version.image_alt)}", "  credit: IOM Georgia"]
            lines.append("---")
            _write(content / release_path(version, story), "\n".join(lines) + "\n" + version.body)
    return content


def _write_registries(content: Path) -> None:
    partners = ["# Partner registry (synthetic benchmark corpus)"]
    for key, en, ka, url in PARTNERS:
        partners.append(f"{key}:")
        partners.append(f"  name: {{en: {_yaml_text(en)}, ka: {_yaml_text(ka)}}}")
        if url:
            partners.append(f"  url: {url}")
    _write(content / "partners.yml", "\n".join(partners) + "\n")
    topics = ["# Topic registry (synthetic benchmark corpus)"]
    for key, en, ka in TOPICS:
        topics.append(f"{key}:\n  name: {{en: {_yaml_text(en)}, ka: {_yaml_text(ka)}}}")
    _write(content / "topics.yml", "\n".join(topics) + "\n")


def write_stock(stories: list[Story], root: Path) -> Path:
    """Stock Pelican metadata; language versions share a Slug (the English one). Returns the content folder."""
    content = root / "content"
    _write_png(content / IMAGE)
    names = {key: {"en": en, "ka": ka} for key, en, ka, _ in PARTNERS}
    topics = {key: {"en": en, "ka": ka} for key, en, ka in TOPICS}
    for story in stories:
        slug = (story.versions.get("en") or story.versions["ka"]).slug
        for version in story.versions.values():
            lang = version.lang
            lines = [
                f"Title: {version.title}",
                f"Date: {story.date.isoformat()}",
                f"Lang: {lang}",
                f"Slug: {slug}",
                "Category: News",
                f"Authors: {', '.join(names[key][lang] for key in story.all_partners)}",
                f"Tags: {', '.join(topics[key][lang] for key in story.topics)}",
                f"Location: {version.location}",
            ]
            if version.summary:
                lines.append(f"Summary: {version.summary}")
            _write(content / release_path(version, story), "\n".join(lines) + "\n\n" + version.body)
    return content


def write_hugo(stories: list[Story], root: Path) -> Path:
    """Hugo's multilingual layout: content/<lang>/releases/<year>/…, data/ registries. Returns the site root."""
    _write_png(root / "static" / IMAGE)
    data = ["# key: {en: …, ka: …}"] + [f"{key}: {{en: {_yaml_text(en)}, ka: {_yaml_text(ka)}}}" for key, en, ka, _ in PARTNERS]
    _write(root / "data" / "partners.yaml", "\n".join(data) + "\n")
    data = ["# key: {en: …, ka: …}"] + [f"{key}: {{en: {_yaml_text(en)}, ka: {_yaml_text(ka)}}}" for key, en, ka in TOPICS]
    _write(root / "data" / "topics.yaml", "\n".join(data) + "\n")
    for story in stories:
        for version in story.versions.values():
            lines = [
                "---",
                f"title: {_yaml_text(version.title)}",
                f"date: {story.date.isoformat()}",
                f"translationKey: {story.key}",
                f"slug: {version.slug}",
                f"location: {_yaml_text(version.location)}",
                f"partners: [{', '.join(story.all_partners)}]",
                f"topics: [{', '.join(story.topics)}]",
                f"years: ['{story.date.year}']",
            ]
            if version.summary:
                lines.append(f"summary: {_yaml_text(version.summary)}")
            lines.append("---")
            path = root / "content" / version.lang / release_path(version, story).replace(f".{version.lang}.md", ".md")
            _write(path, "\n".join(lines) + "\n" + version.body)
    return root


FORMATS = {"newsroom": write_newsroom, "stock": write_stock, "hugo": write_hugo}


def file_count(stories: list[Story]) -> int:
    return sum(len(story.versions) for story in stories)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_png(path: Path, width: int = 64, height: int = 40) -> None:
    """A small solid-colour PNG (IOM blue), written with zlib alone."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + bytes((0, 51, 160)) * width
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height, 9))
        + chunk(b"IEND", b"")
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(png)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="releases per language (default 1000)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--format", choices=[*FORMATS, "all"], default="all")
    parser.add_argument("--english-only", action="store_true", help="2N English-only releases instead of N per language")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into (a subfolder per format with --format all)")
    args = parser.parse_args(argv)
    stories = english_only(2 * args.n, args.seed + 1) if args.english_only else bilingual(args.n, args.seed)
    for name, write in FORMATS.items():
        if args.format in (name, "all"):
            where = args.out / name if args.format == "all" else args.out
            write(stories, where)
            print(f"{name}: {file_count(stories)} release files in {where}")


if __name__ == "__main__":
    main()
