"""Grammars compiled from tools, so constrained decoding can only produce valid calls.

:mod:`~fncall.grammar.ir` is a small grammar representation;
:mod:`~fncall.grammar.render` writes it as Lark (llguidance, vLLM) or GBNF (llama.cpp servers);
:mod:`~fncall.grammar.matcher` turns it into token masks with llguidance.
:mod:`~fncall.grammar.values` compiles a JSON Schema to the rules of its values, JSON or
Python, within :class:`GrammarLimits`; :mod:`~fncall.grammar.call_syntax` holds the call
syntaxes dialects build on; :mod:`~fncall.grammar.grounding` holds string arguments to
spans of the request. A dialect's ``grammar()`` is the usual way in.
"""

from fncall.grammar.ir import Grammar
from fncall.grammar.values import DEFAULT_LIMITS, GrammarLimits

__all__ = ["DEFAULT_LIMITS", "Grammar", "GrammarLimits"]
