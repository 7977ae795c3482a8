"""Argument values and the ways a user mentions them.

:meth:`ValueMaker.make` draws a value for a slot together with one surface form, the
text that goes into the query. The value is what the call passes (``"2025-03-14"``,
``250``, ``"EUR"``); the surface form is how a person says it (``"March 14, 2025"``,
``"two hundred fifty"``, ``"euros"``). :func:`surface_forms` lists every form a value may
take, which is how the grounding check traces each argument back to the query.

Everything is drawn from the ``random.Random`` and the seeded Faker instance it is
given, so the same seed gives the same data.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from faker import Faker

from fncall.train.synth.catalog import Slot

CITIES = (
    "Paris", "London", "Tokyo", "New York", "Berlin", "Madrid", "Rome", "Toronto", "Sydney",
    "Seattle", "Chicago", "Mumbai", "Cairo", "Lagos", "Nairobi", "Lima", "Bogota", "Oslo",
    "Stockholm", "Helsinki", "Dublin", "Lisbon", "Vienna", "Prague", "Warsaw", "Athens",
    "Istanbul", "Dubai", "Singapore", "Seoul", "Bangkok", "Jakarta", "Manila", "Hanoi",
    "Melbourne", "Auckland", "Vancouver", "Montreal", "Boston", "Denver", "Austin", "Miami",
    "San Francisco", "Los Angeles", "Mexico City", "Buenos Aires", "Santiago", "Sao Paulo",
    "Cape Town", "Johannesburg", "Casablanca", "Zurich", "Geneva", "Munich", "Hamburg",
    "Amsterdam", "Brussels", "Copenhagen", "Edinburgh", "Manchester", "Barcelona", "Milan",
    "Osaka", "Kyoto", "Beijing", "Shanghai", "Hong Kong", "Taipei", "Delhi", "Karachi",
)  # fmt: skip
COUNTRIES = (
    "France", "Germany", "Japan", "Brazil", "Canada", "Kenya", "India", "Mexico", "Spain",
    "Italy", "Norway", "Egypt", "Australia", "Chile", "Peru", "Vietnam", "Poland", "Greece",
    "Portugal", "Ireland", "Sweden", "Finland", "Austria", "Turkey", "Nigeria", "Morocco",
    "Argentina", "Colombia", "Thailand", "Indonesia", "South Korea", "New Zealand",
)  # fmt: skip
LANGUAGES = (
    "English", "French", "German", "Spanish", "Italian", "Portuguese", "Japanese", "Korean",
    "Chinese", "Arabic", "Hindi", "Russian", "Dutch", "Swedish", "Polish", "Turkish", "Greek",
)  # fmt: skip
AIRPORTS = {
    "CDG": "Paris", "LHR": "London", "JFK": "New York", "HND": "Tokyo", "FRA": "Frankfurt",
    "MAD": "Madrid", "FCO": "Rome", "YYZ": "Toronto", "SYD": "Sydney", "SEA": "Seattle",
    "ORD": "Chicago", "BOM": "Mumbai", "DXB": "Dubai", "SIN": "Singapore", "ICN": "Seoul",
    "AMS": "Amsterdam", "LAX": "Los Angeles", "SFO": "San Francisco", "MIA": "Miami",
    "BOS": "Boston", "LIS": "Lisbon", "VIE": "Vienna", "ZRH": "Zurich", "DUB": "Dublin",
}  # fmt: skip
CURRENCIES = {
    "USD": ("US dollars", "dollars", "USD", "$"),
    "EUR": ("euros", "EUR", "€"),
    "GBP": ("British pounds", "pounds sterling", "GBP", "£"),
    "JPY": ("Japanese yen", "yen", "JPY"),
    "CHF": ("Swiss francs", "CHF"),
    "CAD": ("Canadian dollars", "CAD"),
    "AUD": ("Australian dollars", "AUD"),
    "INR": ("Indian rupees", "rupees", "INR"),
    "CNY": ("Chinese yuan", "yuan", "CNY"),
    "SEK": ("Swedish kronor", "SEK"),
    "MXN": ("Mexican pesos", "MXN"),
    "BRL": ("Brazilian reais", "BRL"),
}
_ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip


def number_words(n: int) -> str | None:
    """English words for 0-999 and whole thousands up to 999,000 (``None`` beyond)."""
    if n < 0:
        return None
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        tail = f" {number_words(rest)}" if rest else ""
        return f"{_ONES[hundreds]} hundred{tail}"
    thousands, rest = divmod(n, 1000)
    if rest == 0 and thousands < 1000:
        return f"{number_words(thousands)} thousand"
    return None


def _scalar_forms(slot: Slot, value: Any) -> list[str]:
    kind = slot.kind
    if kind == "enum":
        return [str(value), *slot.aliases.get(value, ())]
    if kind == "integer":
        forms = [str(value)]
        if abs(value) >= 1000:
            forms.append(f"{value:,}")
        words = number_words(value)
        if words:
            forms.append(words)
        return forms
    if kind == "number":
        forms = [_plain_number(value)]
        if float(value).is_integer():
            forms.append(f"{value:.2f}")
        return forms
    if kind == "date":
        day = dt.date.fromisoformat(value)
        month = _MONTHS[day.month - 1]
        return [
            value,
            f"{month} {day.day}, {day.year}",
            f"{day.day} {month} {day.year}",
            f"{month[:3]} {day.day} {day.year}",
        ]
    if kind == "time":
        hour, minute = map(int, value.split(":"))
        suffix = "am" if hour < 12 else "pm"
        twelve = hour % 12 or 12
        short = f"{twelve}{suffix}" if minute == 0 else f"{twelve}:{minute:02d}{suffix}"
        return [value, short, f"{twelve}:{minute:02d} {suffix.upper()}"]
    if kind == "currency":
        return list(CURRENCIES[value])
    if kind == "airport":
        return [value, f"{AIRPORTS[value]} ({value})"]
    return [str(value)]


def _plain_number(value: float) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text


def surface_forms(slot: Slot, value: Any) -> list[str]:
    """Every way a query may mention ``value`` for ``slot`` (lists: each item's forms)."""
    if slot.many:
        return [form for item in value for form in _scalar_forms(slot, item)]
    if slot.kind == "boolean":
        return list(slot.phrases)
    return _scalar_forms(slot, value)


class ValueMaker:
    """Draws slot values and their surface forms.

    Args:
        rng: The generator's random source.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.faker = Faker("en_US")
        self.faker.seed_instance(rng.randrange(2**32))

    def make(self, slot: Slot) -> tuple[Any, str]:
        """A value for the slot and the text that mentions it in a query."""
        if slot.kind == "boolean":
            return True, self.rng.choice(slot.phrases)
        if slot.many:
            count = self.rng.randint(1, 3)
            values: list[Any] = []
            while len(values) < count:
                value = self._value(slot)
                if value not in values:
                    values.append(value)
            forms = [self.rng.choice(_scalar_forms(slot, v)) for v in values]
            text = forms[0] if len(forms) == 1 else ", ".join(forms[:-1]) + " and " + forms[-1]
            return values, text
        value = self._value(slot)
        return value, self.rng.choice(_scalar_forms(slot, value))

    def _value(self, slot: Slot) -> Any:
        rng, fake = self.rng, self.faker
        kind = slot.kind
        if kind == "text":
            return rng.choice(slot.examples)
        if kind == "identifier":
            return _reshape(rng.choice(slot.examples), rng)
        if kind == "enum":
            return rng.choice(slot.choices)
        if kind == "integer":
            low, high = int(slot.minimum or 0), int(slot.maximum or 100)
            # small and round values are what people mostly ask for
            if rng.random() < 0.5 and high - low > 20:
                return rng.choice(
                    [v for v in (1, 2, 3, 5, 10, 20, 50, 100, 500, 1000) if low <= v <= high]
                    or [low]
                )
            return rng.randint(low, high)
        if kind == "number":
            low, high = float(slot.minimum or 0), float(slot.maximum or 100)
            value = round(rng.uniform(low, high), rng.choice((0, 1, 2)))
            return float(min(max(value, low), high))
        if kind == "date":
            start = dt.date(2025, 1, 1)
            return (start + dt.timedelta(days=rng.randrange(730))).isoformat()
        if kind == "time":
            return f"{rng.randrange(6, 23):02d}:{rng.choice((0, 0, 15, 30, 45)):02d}"
        if kind == "city":
            return rng.choice(CITIES)
        if kind == "country":
            return rng.choice(COUNTRIES)
        if kind == "language":
            return rng.choice(LANGUAGES)
        if kind == "airport":
            return rng.choice(sorted(AIRPORTS))
        if kind == "currency":
            return rng.choice(sorted(CURRENCIES))
        if kind == "cve":
            return f"CVE-{rng.randint(2015, 2025)}-{rng.randint(1000, 49999)}"
        if kind == "person":
            return fake.name()
        if kind == "email":
            return fake.email()
        if kind == "phone":
            return fake.numerify("+1-###-###-####")
        if kind == "url":
            return fake.url()
        if kind == "domain":
            return fake.domain_name()
        if kind == "ip_address":
            return fake.ipv4_public()
        if kind == "file_path":
            return fake.file_path(depth=rng.randint(1, 3))
        raise ValueError(f"no generator for kind {kind!r}")


def _reshape(example: str, rng: random.Random) -> str:
    """A new code shaped like ``example``: digits and capitals redrawn, the rest kept."""
    out = []
    for char in example:
        if char.isdigit():
            out.append(str(rng.randrange(10)))
        elif char.isupper():
            out.append(chr(ord("A") + rng.randrange(26)))
        else:
            out.append(char)
    return "".join(out)
