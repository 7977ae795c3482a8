"""Procedural intents: thousands of tools no one wrote by hand, for reading practice.

The hand-written catalog has a few hundred intents. A small model trained on them learns
those intents' names and phrasings by heart and then fails on a tool it has never seen,
which is the only kind a user brings. Procedural intents break that habit: each pairs an
action (``archive``, with name stems ``archive``/``shelve``/``store`` and query phrases
"archive", "put away", ...) with a thing (``greenhouse``, ``ski pass``, ...) and a few of
the catalog's slots, so ``shelve_ski_pass(pass_id, city)`` is asked for as "put away the
ski pass SKP-20931 in Oslo". Nothing about one of them can be memorised that helps with
another; what carries over is reading the verb and object out of a name or docstring,
telling ``create_x`` from ``delete_x`` (intents of one thing share a domain, so they are
each other's near-miss distractors), and copying each value into the parameter that
describes it.

They are training-only: :func:`procedural_domains` is deterministic in its seed and
touches no other random stream, so the held-out split is the same with or without them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, replace

from fncall.errors import SynthError
from fncall.train.synth.catalog import Domain, Intent, Slot

DOMAIN_PREFIX = "procedural_"


@dataclass(frozen=True)
class Action:
    """A verb: name stems for function names, phrases for queries and summaries.

    ``target`` says what it acts on: ``one`` (an existing thing, named by its id),
    ``new`` (a thing it makes) or ``many`` (things it finds, in the plural).
    """

    stems: tuple[str, ...]
    phrases: tuple[str, ...]
    target: str


ACTIONS: tuple[Action, ...] = (
    Action(("get", "fetch", "retrieve"), ("get", "show me", "fetch", "look up", "pull up"), "one"),
    Action(("delete", "remove", "erase"), ("delete", "remove", "erase", "get rid of"), "one"),
    Action(("update", "edit", "modify"), ("update", "edit", "change", "modify"), "one"),
    Action(("cancel", "abort", "void"), ("cancel", "call off", "abort", "void"), "one"),
    Action(("archive", "shelve", "stash"), ("archive", "put away", "shelve"), "one"),
    Action(("restore", "recover", "undelete"), ("restore", "recover", "bring back"), "one"),
    Action(("share", "publish", "expose"), ("share", "publish", "make public"), "one"),
    Action(("approve", "accept", "confirm"), ("approve", "accept", "sign off on"), "one"),
    Action(("reject", "decline", "deny"), ("reject", "decline", "turn down", "deny"), "one"),
    Action(("export", "download", "dump"), ("export", "download", "save a copy of"), "one"),
    Action(("rate", "review", "score"), ("rate", "review", "score"), "one"),
    Action(("assign", "allocate", "delegate"), ("assign", "allocate", "hand over"), "one"),
    Action(("lock", "freeze", "block"), ("lock", "freeze", "block"), "one"),
    Action(("unlock", "unfreeze", "unblock"), ("unlock", "unfreeze", "unblock"), "one"),
    Action(("renew", "extend", "prolong"), ("renew", "extend", "prolong"), "one"),
    Action(("copy", "duplicate", "clone"), ("copy", "duplicate", "clone"), "one"),
    Action(("pause", "suspend", "hold"), ("pause", "suspend", "put on hold"), "one"),
    Action(("resume", "unpause", "reactivate"), ("resume", "unpause", "reactivate"), "one"),
    Action(("verify", "validate", "inspect"), ("verify", "validate", "inspect"), "one"),
    Action(("report", "flag", "escalate"), ("report", "flag", "escalate"), "one"),
    Action(("tag", "label", "categorize"), ("tag", "label", "categorize"), "one"),
    Action(("track", "monitor", "watch"), ("track", "monitor", "keep an eye on"), "one"),
    Action(("create", "add", "make"), ("create", "add", "make", "set up"), "new"),
    Action(("register", "enroll", "signup"), ("register", "enroll", "sign up"), "new"),
    Action(("order", "purchase", "buy"), ("order", "purchase", "buy"), "new"),
    Action(("request", "ask", "apply"), ("request", "ask for", "apply for"), "new"),
    Action(("schedule", "plan", "arrange"), ("schedule", "plan", "arrange"), "new"),
    Action(("list", "enumerate", "browse"), ("list", "show all", "browse", "enumerate"), "many"),
    Action(("search", "find", "query"), ("search for", "find", "look for"), "many"),
    Action(("count", "tally", "total"), ("count", "tally up", "total up"), "many"),
    Action(("compare", "rank", "contrast"), ("compare", "rank", "contrast"), "many"),
)

# (singular, plural): things of everyday and working life the catalog has no domain for
THINGS: tuple[tuple[str, str], ...] = (
    ("greenhouse", "greenhouses"),
    ("ski pass", "ski passes"),
    ("voucher", "vouchers"),
    ("locker", "lockers"),
    ("beehive", "beehives"),
    ("telescope", "telescopes"),
    ("podcast episode", "podcast episodes"),
    ("library book", "library books"),
    ("gym class", "gym classes"),
    ("bike", "bikes"),
    ("kiosk", "kiosks"),
    ("turbine", "turbines"),
    ("boiler", "boilers"),
    ("newsletter", "newsletters"),
    ("poll", "polls"),
    ("survey", "surveys"),
    ("petition", "petitions"),
    ("grant", "grants"),
    ("patent", "patents"),
    ("lease", "leases"),
    ("seed packet", "seed packets"),
    ("aquarium", "aquariums"),
    ("quiz", "quizzes"),
    ("flashcard deck", "flashcard decks"),
    ("chess game", "chess games"),
    ("karaoke track", "karaoke tracks"),
    ("wine bottle", "wine bottles"),
    ("coffee order", "coffee orders"),
    ("laundry pickup", "laundry pickups"),
    ("paint sample", "paint samples"),
    ("carpool", "carpools"),
    ("ferry ticket", "ferry tickets"),
    ("museum tour", "museum tours"),
    ("fishing license", "fishing licenses"),
    ("drone", "drones"),
    ("sensor", "sensors"),
    ("warehouse bin", "warehouse bins"),
    ("pallet", "pallets"),
    ("forklift", "forklifts"),
    ("badge", "badges"),
    ("keycard", "keycards"),
    ("visitor pass", "visitor passes"),
    ("meeting room", "meeting rooms"),
    ("projector", "projectors"),
    ("whiteboard", "whiteboards"),
    ("course", "courses"),
    ("lesson", "lessons"),
    ("exam", "exams"),
    ("scholarship", "scholarships"),
    ("thesis", "theses"),
    ("lab sample", "lab samples"),
    ("vaccine record", "vaccine records"),
    ("prescription", "prescriptions"),
    ("donation", "donations"),
    ("volunteer shift", "volunteer shifts"),
    ("charity campaign", "charity campaigns"),
    ("raffle ticket", "raffle tickets"),
    ("tournament", "tournaments"),
    ("team roster", "team rosters"),
    ("referee", "referees"),
    ("stadium seat", "stadium seats"),
    ("concert pass", "concert passes"),
    ("art print", "art prints"),
    ("gallery slot", "gallery slots"),
    ("photo album", "photo albums"),
    ("video clip", "video clips"),
    ("subtitle", "subtitles"),
    ("font", "fonts"),
    ("logo", "logos"),
    ("banner ad", "banner ads"),
    ("coupon code", "coupon codes"),
    ("gift card", "gift cards"),
    ("loyalty card", "loyalty cards"),
    ("wishlist", "wishlists"),
    ("price alert", "price alerts"),
    ("return label", "return labels"),
    ("warranty claim", "warranty claims"),
    ("repair ticket", "repair tickets"),
    ("service plan", "service plans"),
    ("insurance policy", "insurance policies"),
    ("claim form", "claim forms"),
    ("tax form", "tax forms"),
    ("budget", "budgets"),
    ("expense report", "expense reports"),
    ("purchase order", "purchase orders"),
    ("supplier", "suppliers"),
    ("contractor", "contractors"),
    ("shift swap", "shift swaps"),
    ("payslip", "payslips"),
    ("pension plan", "pension plans"),
    ("mortgage", "mortgages"),
    ("savings goal", "savings goals"),
    ("stock order", "stock orders"),
    ("dividend", "dividends"),
    ("webhook", "webhooks"),
    ("api key", "api keys"),
    ("cron job", "cron jobs"),
    ("container", "containers"),
    ("firewall rule", "firewall rules"),
    ("dns record", "dns records"),
    ("ssl certificate", "ssl certificates"),
    ("feature flag", "feature flags"),
    ("build pipeline", "build pipelines"),
    ("test run", "test runs"),
    ("log stream", "log streams"),
    ("dashboard", "dashboards"),
    ("chatbot", "chatbots"),
    ("translation job", "translation jobs"),
    ("audio transcript", "audio transcripts"),
    ("ebook", "ebooks"),
    ("magazine", "magazines"),
    ("crossword", "crosswords"),
    ("board game", "board games"),
    ("puzzle", "puzzles"),
    ("campsite", "campsites"),
    ("hiking trail", "hiking trails"),
    ("kayak", "kayaks"),
    ("tent", "tents"),
    ("picnic spot", "picnic spots"),
    ("bird sighting", "bird sightings"),
    ("weather station", "weather stations"),
    ("solar panel", "solar panels"),
    ("heat pump", "heat pumps"),
    ("water meter", "water meters"),
    ("compost bin", "compost bins"),
    ("recycling pickup", "recycling pickups"),
    ("moving truck", "moving trucks"),
    ("storage unit", "storage units"),
    ("furniture item", "furniture items"),
    ("babysitter", "babysitters"),
    ("tutor", "tutors"),
    ("dog walker", "dog walkers"),
    ("horse", "horses"),
    ("vineyard tour", "vineyard tours"),
    ("cooking class", "cooking classes"),
    ("bakery order", "bakery orders"),
    ("catering menu", "catering menus"),
    ("wedding guest", "wedding guests"),
    ("seating chart", "seating charts"),
    ("costume", "costumes"),
    ("tattoo appointment", "tattoo appointments"),
    ("spa booking", "spa bookings"),
    ("massage slot", "massage slots"),
    ("nail appointment", "nail appointments"),
    ("eye exam", "eye exams"),
    ("blood test", "blood tests"),
    ("therapy session", "therapy sessions"),
)

_CONNECTORS: dict[str, tuple[str, ...]] = {
    "city": ("in {}", "for {}", "at {}", "near {}"),
    "country": ("in {}", "for {}", "from {}"),
    "person": ("for {}", "by {}", "named {}", "under {}"),
    "email": ("to {}", "for {}", "at {}"),
    "phone": ("at {}", "on {}", "number {}"),
    "date": ("on {}", "for {}", "dated {}"),
    "time": ("at {}",),
    "currency": ("in {}",),
    "language": ("in {}",),
    "airport": ("from {}", "at {}"),
    "identifier": ("{}", "{}", "with id {}", "number {}"),  # bare half the time
    "integer": ("{} {words}", "with {words} {}", "{words} {}"),
    "number": ("{} {words}", "with {words} {}", "{words} of {}"),
    "enum": ("{}", "{words} {}", "with {words} {}"),
    "text": ("saying {}", "{words}: {}", "about {}"),
    "boolean": ("{}",),
}
_PLAIN = ("{}", "for {}", "with {words} {}")
_FRAMES = (  # the terse frame twice: people type it most
    "{verb} {what} {details}",
    "{verb} {what} {details}",
    "please {verb} {what} {details}.",
    "Can you {verb} {what} {details}?",
    "I need to {verb} {what} {details}.",
    "I'd like to {verb} {what} {details}",
    "could you {verb} {what} {details} for me?",
    "{details}: {verb} {what}",
    "Would you {verb} {what} {details}, thanks",
    "help me {verb} {what} {details}",
    "go ahead and {verb} {what} {details}.",
    "{verb} {what} {details} asap",
)
_FRAMES_WITHOUT_DETAILS = _FRAMES[:7]  # those that still read as a request
_NAME_QUALIFIERS = ("record", "entry", "item", "details", "info")
_SUMMARY_TAILS = ("", " in the system", " for the current account", " in the workspace")
_TEMPLATES_PER_INTENT = 12
_ROUNDS = 8
_SLOT_CANDIDATES = 8  # pool slots drawn per intent, its 0-3 arguments the first new keys


def procedural_domains(seed: int, intents: int, catalog: Sequence[Domain]) -> tuple[Domain, ...]:
    """About ``intents`` procedural intents, in domains of one thing each.

    Args:
        seed: Everything follows from it (its own random stream).
        intents: How many to make (rounded up to whole things, 3-5 actions each).
        catalog: The hand-written domains: intents draw their arguments from its slots and
            never reuse its function names.

    Raises:
        SynthError: ``intents`` is more than can be made (about 4,000).
    """
    rng = random.Random(f"procedural-{seed}")
    pool = _usable_slots([slot for d in catalog for intent in d.intents for slot in intent.slots])
    taken = {name for d in catalog for intent in d.intents for name in intent.names}
    things = list(THINGS)
    rng.shuffle(things)
    domains: list[Domain] = []
    made = 0
    # Rounds over the things until enough are made; an action on a thing has few name
    # variants, so after a few rounds most pairs are used up.
    for index in range(len(things) * _ROUNDS):
        if made >= intents:
            break
        thing = things[index % len(things)]
        actions = rng.sample(ACTIONS, rng.randint(3, 5))
        made_here = [_intent(action, thing, pool, taken, rng) for action in actions]
        made_here = [intent for intent in made_here if intent is not None]
        if made_here:
            name = f"{DOMAIN_PREFIX}{_snake(thing[0])}_{index // len(things)}"
            domains.append(Domain(name, tuple(made_here)))
            made += len(made_here)
    if made < intents:
        raise SynthError(f"only {made:,} procedural intents can be made, {intents:,} asked for")
    return tuple(domains)


def _usable_slots(slots: Sequence[Slot]) -> list[Slot]:
    """One slot per key, identifiers left out (each thing gets its own id slot)."""
    by_key: dict[str, Slot] = {}
    for slot in slots:
        if slot.kind != "identifier" and not slot.many:
            by_key.setdefault(slot.key, slot)
    return [by_key[key] for key in sorted(by_key)]


def _intent(
    action: Action,
    thing: tuple[str, str],
    pool: list[Slot],
    taken: set[str],
    rng: random.Random,
) -> Intent | None:
    singular, plural = thing
    noun = _snake(singular)
    names = _names(action, noun, taken, rng)
    if len(names) < 3:
        return None
    taken.update(names)
    slots: list[Slot] = []
    if action.target == "one":
        slots.append(_id_slot(singular, rng))
    wanted = len(slots) + rng.randint(0 if slots else 1, 3)
    for slot in rng.sample(pool, _SLOT_CANDIDATES):
        if len(slots) < wanted and all(s.key != slot.key for s in slots):
            slots.append(_reshaped(slot, required=not slots or rng.random() < 0.6))
    what = {
        "one": ("the " + singular,),
        "new": ("a " + singular, "a new " + singular),
        "many": (plural, "the " + plural, "all " + plural),
    }[action.target]
    # one summary says a name stem, the other a query phrase (draws in this order)
    stem, stem_tail = rng.choice(action.stems), rng.choice(_SUMMARY_TAILS)
    phrase, phrase_tail = rng.choice(action.phrases), rng.choice(_SUMMARY_TAILS)
    summaries = (
        f"{stem.capitalize()} {rng.choice(what)}{stem_tail}.",
        f"{phrase.capitalize()} {rng.choice(what)}{phrase_tail}.",
    )
    return Intent(
        names=tuple(names),
        summaries=summaries,
        slots=tuple(slots),
        queries=_templates(action, what, slots, rng),
    )


def _names(action: Action, noun: str, taken: set[str], rng: random.Random) -> list[str]:
    stems = list(action.stems)
    rng.shuffle(stems)
    qualifier = rng.choice(_NAME_QUALIFIERS)
    candidates = [
        f"{stems[0]}_{noun}",
        f"{noun}_{stems[1]}",
        f"{stems[2]}_{noun}_{qualifier}",
        f"{stems[1]}_{noun}",
    ]
    return [name for name in dict.fromkeys(candidates) if name not in taken][:3]


def _id_slot(singular: str, rng: random.Random) -> Slot:
    words = singular.split()
    prefix = "".join(w[0] for w in words).upper() + rng.choice("KXQZMV")
    prefix = (prefix + words[-1][1:3].upper())[:3]
    key = f"{_snake(words[-1])}_id"
    return Slot(
        key,
        "identifier",
        f"Identifier of the {singular}.",
        names=(key, f"{_snake(singular)}_id", "id"),
        examples=tuple(f"{prefix}-{rng.randrange(10_000, 99_999)}" for _ in range(6)),
    )


def _reshaped(slot: Slot, required: bool) -> Slot:
    """``slot`` made required or optional (booleans always optional)."""
    if slot.kind == "boolean" or required == slot.required:
        return slot
    if required:
        return replace(slot, required=True)
    return replace(slot, required=False, default=None)


def _templates(
    action: Action, what: tuple[str, ...], slots: list[Slot], rng: random.Random
) -> tuple[str, ...]:
    optional = [s for s in slots if not s.required]
    templates: list[str] = []
    for index in range(_TEMPLATES_PER_INTENT):
        # every optional slot said in some templates and left out of others
        said = [s for s in slots if s.required or (index + optional.index(s)) % 2 == 0]
        rng.shuffle(said)
        details = rng.choice((" ", " ", ", ")).join(_mention(s, rng) for s in said)
        # details is empty when an intent's only argument is a boolean left unsaid
        frame = rng.choice(_FRAMES if details else _FRAMES_WITHOUT_DETAILS)
        templates.append(
            frame.format(verb=rng.choice(action.phrases), what=rng.choice(what), details=details)
        )
    return tuple(templates)


def _mention(slot: Slot, rng: random.Random) -> str:
    connector = rng.choice(_CONNECTORS.get(slot.kind, _PLAIN))
    words = slot.key.replace("_", " ")
    return connector.replace("{words}", words).replace("{}", "{" + slot.key + "}")


def _snake(text: str) -> str:
    return "_".join(text.lower().split())
