"""Training examples: a query, the tools offered with it, and the right answer.

Categories (BFCL's names where they mean the same):

- ``simple``: one tool offered, one call.
- ``multiple``: the right tool among 1-7 plausible distractors, one call.
- ``parallel``: two requests in one query, two calls (the same tool twice or two tools).
- ``nested``: an argument the user does not know, asked for by describing it ("the
  currency of Japan"), so a second tool's call is the value: ``f(x=g(country='Japan'))``.
- ``irrelevance``: no offered tool fits (a request for another tool, or small talk); the
  right answer is plain text.

Distractors come from other intents only, half the time from the same domain (the hard
case: ``create_reminder`` beside ``delete_reminder``), and never two tools of one intent.

A share of examples (``rename_rate``) offers every tool under a fresh name: about 1,200
names recur across tens of thousands of examples, and a small model learns to recall them
instead of reading the prompt, which fails on any tool it has not seen. Under names that
say nothing (``fn_qk7``) or that it has not met (``acme_get_weather``, ``get_weather_v2``),
the only way to the right call is the docstring and a copy of the name.

:meth:`ExampleMaker.siblings` makes further examples offering an example's very tools
(``fncall data synth --group-size``): the same prompt, other requests, other right answers.
"""

from __future__ import annotations

import keyword
import random
import string
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from fncall.calls.call import ToolCall
from fncall.tools.source import tool_from_source
from fncall.train.synth.catalog import placeholders
from fncall.train.synth.queries import Query, fill
from fncall.train.synth.universe import UniverseTool
from fncall.train.synth.values import ValueMaker

CATEGORY_WEIGHTS = {
    "simple": 14,
    "multiple": 42,
    "parallel": 15,
    "nested": 7,
    "irrelevance": 22,
}
NO_FIT_ANSWER = "None of the available functions can do that."
MAX_TOOLS = 8
_NAME_PREFIXES = ("acme", "my", "svc", "api", "v2", "ext", "app", "corp", "pro", "x")
_NAME_SUFFIXES = ("v2", "api", "tool", "fn", "ex", "new", "beta", "v3", "call", "x")
_OPAQUE_STEMS = ("fn", "tool", "op", "api", "func", "do", "cmd", "task")

# Intents whose result can stand in for another tool's argument of a kind, with phrases
# that ask for it ({} is the inner argument's mention).
RESOLVERS = {
    "currency_exchange/get_country_currency": (
        "currency",
        (
            "the currency of {}",
            "the currency used in {}",
            "{}'s currency",
            "whatever currency {} uses",
            "the local currency of {}",
        ),
    ),
}

_JOINERS = (". Also, ", " and also ", ". Then ", "; ", ", and ", ". And ")
SMALL_TALK = (
    "Tell me a joke about computers.",
    "How are you doing today?",
    "What's the meaning of life?",
    "Write a haiku about autumn leaves.",
    "Who wrote Pride and Prejudice?",
    "thanks, that's all for now",
    "Can you explain what a black hole is?",
    "What is your favourite colour?",
    "Summarize the plot of Hamlet in one sentence.",
    "hi there!",
    "Give me three tips for sleeping better.",
    "Why is the sky blue?",
    "What's the difference between a virus and a bacterium?",
    "Recommend a good science fiction novel.",
    "How do I boil an egg?",
    "Say something encouraging.",
    "what can you do?",
    "Translate 'good luck' into a pirate accent.",
    "Is a tomato a fruit or a vegetable?",
    "How many legs does a spider have?",
    "Write a limerick about a cat.",
    "Explain recursion to a five-year-old.",
    "good morning",
    "Who painted the Mona Lisa?",
    "What should I name my new goldfish?",
    "Tell me an interesting fact about octopuses.",
    "ok thanks bye",
    "Describe the smell of rain.",
)


@dataclass(frozen=True)
class Example:
    """One synthetic example.

    Attributes:
        category: See the module docstring.
        domain: The domain of the (first) requested intent; ``small_talk`` for chat.
        intents: The intent ids the query asks for (empty for small talk).
        query: What the user typed.
        tools: The offered tools, in prompt order.
        calls: The right calls (empty when the right answer is plain text).
        answer: The right plain-text answer, when there is no call.
        targets: The tools ``calls`` use, outer call first, for the checks.
    """

    category: str
    domain: str
    intents: tuple[str, ...]
    query: str
    tools: tuple[UniverseTool, ...]
    calls: tuple[ToolCall, ...]
    answer: str | None
    targets: tuple[UniverseTool, ...]


class ExampleMaker:
    """Makes examples whose requested tools come from ``targets``.

    Args:
        targets: The tools requests are made for (a split's own tools).
        distractors: The tools offered beside them, and the no-fit tools.
        resolvers: Tools for nested calls (those of :data:`RESOLVERS` intents are used).
        small_talk: Chat queries for no-fit examples.
        rng: The random source (the maker's whole state: same seed, same examples).
        rename_rate: Share of examples whose tools are offered under fresh names.
        categories: How often each category is drawn (of :data:`CATEGORY_WEIGHTS`'s).
    """

    def __init__(
        self,
        targets: Sequence[UniverseTool],
        distractors: Sequence[UniverseTool],
        resolvers: Sequence[UniverseTool],
        small_talk: Sequence[str],
        rng: random.Random,
        rename_rate: float = 0.0,
        categories: Mapping[str, int] = CATEGORY_WEIGHTS,
    ) -> None:
        self.rng = rng
        self.categories = dict(categories)
        self.rename_rate = rename_rate
        self.maker = ValueMaker(rng)
        self.targets = [t for t in targets if _templates(t)]
        self.distractors = list(distractors)
        self.by_domain: dict[str, list[UniverseTool]] = defaultdict(list)
        for tool in self.distractors:
            self.by_domain[tool.domain].append(tool)
        self.resolvers = [t for t in resolvers if t.intent_id in RESOLVERS]
        self.nestable = [t for t in self.targets if self._resolvable_slots(t)]
        self.small_talk = list(small_talk)

    def make(self, category: str | None = None) -> Example:
        """One example of ``category`` (drawn by ``categories`` when ``None``)."""
        if category is None:
            category = self.rng.choices(list(self.categories), list(self.categories.values()))[0]
        if category == "nested" and not (self.nestable and self.resolvers):
            category = "multiple"
        example = getattr(self, f"_{category}")()
        if self.rng.random() < self.rename_rate:
            example = self._renamed(example)
        return example

    def siblings(self, example: Example, count: int) -> list[Example]:
        """Up to ``count`` further examples offering ``example.tools`` unchanged (the same
        tools in the same order), each asking for something else.

        One example shows a tool block and one right answer; its siblings show the same block
        with other right answers (this tool, that one, two calls, none fits), the contrast
        that makes the answer follow the request rather than the tools on offer. Packed into
        one sequence, the group's shared prompt is also trained once instead of once each.

        Candidates: a request for each offered tool that has queries, a two-call request if
        any has, and a request for a tool not offered (half the time from an offered tool's
        domain, the near miss); shuffled, the first ``count`` made.
        """
        offered = list(example.tools)
        askable = [t for t in offered if _templates(t)]
        single = "simple" if len(offered) == 1 else "multiple"
        makers: list[Callable[[], Example]] = [
            partial(self._asking, single, offered, tool) for tool in askable
        ]
        if askable:
            makers.append(partial(self._asking_two, offered, askable))
        makers.append(partial(self._asking_elsewhere, offered))
        self.rng.shuffle(makers)
        return [make() for make in makers[:count]]

    def _asking(self, category: str, offered: list[UniverseTool], tool: UniverseTool) -> Example:
        query, call = self._request(tool)
        return self._example(category, query.text, offered, [call], [tool])

    def _asking_two(self, offered: list[UniverseTool], askable: list[UniverseTool]) -> Example:
        text, calls, targets = self._two_requests(askable)
        return self._example("parallel", text, offered, calls, targets)

    def _asking_elsewhere(self, offered: list[UniverseTool]) -> Example:
        intents = {t.intent_id for t in offered}
        domains = {t.domain for t in offered}
        elsewhere = [t for t in self.targets if t.intent_id not in intents]
        near = [t for t in elsewhere if t.domain in domains]
        wanted = self.rng.choice(near if near and self.rng.random() < 0.5 else elsewhere)
        query, _ = self._request(wanted)
        return _no_fit(wanted, query.text, offered)

    def _renamed(self, example: Example) -> Example:
        """``example`` with every offered tool under a fresh name, calls to match."""
        names: dict[str, str] = {}
        for tool in example.tools:
            name = fresh_name(tool.tool.name, self.rng)
            while name in names.values():
                name = fresh_name(tool.tool.name, self.rng)
            names[tool.tool.name] = name
        tools = {t.tool.name: renamed(t, names[t.tool.name]) for t in example.tools}
        return replace(
            example,
            tools=tuple(tools[t.tool.name] for t in example.tools),
            calls=tuple(_rename_call(c, names) for c in example.calls),
            targets=tuple(tools[t.tool.name] for t in example.targets),
        )

    # categories -----------------------------------------------------------------------

    def _simple(self) -> Example:
        target = self.rng.choice(self.targets)
        query, call = self._request(target)
        return self._example("simple", query.text, [target], [call], [target])

    def _multiple(self) -> Example:
        target = self.rng.choice(self.targets)
        query, call = self._request(target)
        offered = self._with_distractors([target], self._tool_count(2))
        return self._example("multiple", query.text, offered, [call], [target])

    def _parallel(self) -> Example:
        text, calls, targets = self._two_requests(self.targets)
        chosen = list(dict.fromkeys(targets))
        offered = self._with_distractors(chosen, self._tool_count(len(chosen)))
        return self._example("parallel", text, offered, calls, targets)

    def _nested(self) -> Example:
        target = self.rng.choice(self.nestable)
        key = self.rng.choice(self._resolvable_slots(target))
        kind = target.slot(key).kind
        resolver = self.rng.choice([r for r in self.resolvers if RESOLVERS[r.intent_id][0] == kind])
        (inner_key,) = [s.key for s in resolver.intent.slots if s.required]
        inner_value, inner_mention = self.maker.make(resolver.slot(inner_key))
        phrase = self.rng.choice(RESOLVERS[resolver.intent_id][1]).format(inner_mention)
        inner = ToolCall(resolver.tool.name, {resolver.params[inner_key]: inner_value})
        query, call = self._request(target, {key: (inner, phrase)})
        offered = self._with_distractors([target, resolver], self._tool_count(2))
        return self._example("nested", query.text, offered, [call], [target, resolver])

    def _irrelevance(self) -> Example:
        count = self._tool_count(1)
        if self.rng.random() < 0.25:
            offered = self._with_distractors([], count)
            text = self.rng.choice(self.small_talk)
            return Example(
                "irrelevance", "small_talk", (), text, tuple(offered), (), NO_FIT_ANSWER, ()
            )
        wanted = self.rng.choice(self.targets)
        query, _ = self._request(wanted)
        offered = self._with_distractors([], count, avoid=wanted)
        return _no_fit(wanted, query.text, offered)

    # parts ------------------------------------------------------------------------------

    def _request(
        self, tool: UniverseTool, given: dict[str, tuple[Any, str]] | None = None
    ) -> tuple[Query, ToolCall]:
        """A query for ``tool`` and the call that answers it."""
        template = self.rng.choice(_templates(tool, set(given or ())))
        query = fill(tool.intent, template, self.maker, self.rng, given)
        arguments = {
            name: query.values[key] for key, name in _declared(tool) if key in query.values
        }
        return query, ToolCall(tool.tool.name, arguments)

    def _two_requests(
        self, pool: Sequence[UniverseTool]
    ) -> tuple[str, list[ToolCall], list[UniverseTool]]:
        """Two requests in one query, and their calls: one tool of ``pool`` twice, or two
        tools of different intents."""
        first = self.rng.choice(pool)
        twice = self.rng.random() < 0.5 or all(t.intent_id == first.intent_id for t in pool)
        second = first if twice else self._other_intent(first, pool)
        q1, c1 = self._request(first)
        q2, c2 = self._request(second)
        return _join(q1, q2, self.rng), [c1, c2], [first, second]

    def _resolvable_slots(self, tool: UniverseTool) -> list[str]:
        kinds = {kind for kind, _ in RESOLVERS.values()}
        return [
            key
            for key in tool.params
            if tool.slot(key).kind in kinds and not tool.slot(key).many and _templates(tool, {key})
        ]

    def _tool_count(self, least: int) -> int:
        # Few tools is the common case (mean about 2.7 from one): prompts stay short, so a
        # CPU training hour sees more examples; eight still occur.
        counts = range(least, MAX_TOOLS + 1)
        return self.rng.choices(counts, [(MAX_TOOLS + 1 - n) ** 2 for n in counts])[0]

    def _other_intent(self, tool: UniverseTool, pool: Sequence[UniverseTool]) -> UniverseTool:
        while True:
            other = self.rng.choice(pool)
            if other.intent_id != tool.intent_id:
                return other

    def _with_distractors(
        self, chosen: list[UniverseTool], count: int, avoid: UniverseTool | None = None
    ) -> list[UniverseTool]:
        """``chosen`` plus distractors up to ``count`` tools, shuffled; one tool per intent,
        none of ``avoid``'s intent."""
        offered = list(dict.fromkeys(chosen))
        taken = {t.intent_id for t in offered} | ({avoid.intent_id} if avoid else set())
        anchor = (chosen or [avoid])[0] if (chosen or avoid) else None
        while len(offered) < count:
            near = anchor is not None and self.rng.random() < 0.5
            pool = self.by_domain.get(anchor.domain, []) if near and anchor else self.distractors
            candidates = [t for t in pool if t.intent_id not in taken]
            if not candidates:
                candidates = [t for t in self.distractors if t.intent_id not in taken]
            pick = self.rng.choice(candidates)
            taken.add(pick.intent_id)
            offered.append(pick)
        self.rng.shuffle(offered)
        return offered

    def _example(
        self,
        category: str,
        text: str,
        offered: list[UniverseTool],
        calls: list[ToolCall],
        targets: list[UniverseTool],
    ) -> Example:
        intents = tuple(dict.fromkeys(t.intent_id for t in targets))
        return Example(
            category, targets[0].domain, intents, text, tuple(offered), tuple(calls), None,
            tuple(targets),
        )  # fmt: skip


def _no_fit(wanted: UniverseTool, text: str, offered: Sequence[UniverseTool]) -> Example:
    """An ``irrelevance`` example: ``text`` asks for ``wanted``, which is not offered."""
    return Example(
        "irrelevance", wanted.domain, (wanted.intent_id,), text, tuple(offered), (),
        NO_FIT_ANSWER, (),
    )  # fmt: skip


def fresh_name(name: str, rng: random.Random) -> str:
    """A new name for the tool called ``name``: one that says nothing, or ``name`` with a
    prefix or a suffix, or in camelCase."""
    kind = rng.randrange(4)
    if kind == 0:
        letters = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 4)))
        fresh = f"{rng.choice(_OPAQUE_STEMS)}_{letters}{rng.randint(0, 99)}"
    elif kind == 1:
        fresh = f"{rng.choice(_NAME_PREFIXES)}_{name}"
    elif kind == 2:
        fresh = f"{name}_{rng.choice(_NAME_SUFFIXES)}"
    else:
        head, *rest = name.split("_")
        fresh = head + "".join(part.title() for part in rest) + rng.choice(("", "V2", "Api"))
    return fresh if fresh != name and not keyword.iskeyword(fresh) else f"{fresh}_1"


def renamed(tool: UniverseTool, name: str) -> UniverseTool:
    """``tool`` under the name ``name`` (its source re-read, so prompt and spec agree)."""
    source = tool.source.replace(f"def {tool.tool.name}(", f"def {name}(", 1)
    return replace(tool, tool=tool_from_source(source), source=source)


def _rename_call(call: ToolCall, names: dict[str, str]) -> ToolCall:
    arguments = {
        key: _rename_call(value, names) if isinstance(value, ToolCall) else value
        for key, value in call.arguments.items()
    }
    return ToolCall(names[call.name], arguments)


def _templates(tool: UniverseTool, must_mention: set[str] = frozenset()) -> list[str]:
    """The intent's templates that mention only slots ``tool`` takes (and all of
    ``must_mention``)."""
    return [
        t
        for t in tool.intent.queries
        if set(placeholders(t)) <= set(tool.params) and must_mention <= set(placeholders(t))
    ]


def _declared(tool: UniverseTool) -> list[tuple[str, str]]:
    """(slot key, parameter name) in the tool's declared parameter order."""
    by_name = {name: key for key, name in tool.params.items()}
    return [(by_name[name], name) for name in tool.tool.properties]


def _join(first: Query, second: Query, rng: random.Random) -> str:
    joiner = rng.choice(_JOINERS)
    head = first.text.rstrip(".?! ")
    tail = second.text
    if not second.opens_with_value:
        tail = tail[:1].lower() + tail[1:]
    return head + joiner + tail
