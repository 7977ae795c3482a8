"""The token table a grammar masks against is kept on disk once built: rebuilt from the
kept bytes, it allows and forces exactly what the first one did, dialect markers included;
a damaged file is built again."""

from __future__ import annotations

from fncall.demo import demo_tools
from fncall.dialects import get_dialect
from fncall.grammar.matcher import TokenMasker
from fncall.request import resolve_tool_choice

OUTPUTS = {
    "hermes": '<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>',
    "nexusraven-v2": "Call: send_email(to='bob@example.com', subject='hi')",
}


def _masker(engine, folder) -> TokenMasker:
    return TokenMasker.from_hf(engine.tokenizer, engine.vocab_size, sorted(engine.eos_ids), folder)


def test_a_kept_table_masks_and_forces_as_the_first(tiny_engine, tmp_path):
    built = _masker(tiny_engine, tmp_path)
    [kept_file] = tmp_path.iterdir()
    kept = _masker(tiny_engine, tmp_path)
    assert kept.tokenizer is not built.tokenizer and list(tmp_path.iterdir()) == [kept_file]
    marker = tiny_engine.tokenizer.convert_tokens_to_ids("<tool_call>")
    tools = demo_tools()
    for dialect, output in OUTPUTS.items():
        grammar = get_dialect(dialect).grammar(tools, resolve_tool_choice(None, tools, True))
        ids = tiny_engine.tokenizer(output, add_special_tokens=False)["input_ids"]
        assert dialect != "hermes" or marker in ids
        a, b = built.matcher(grammar), kept.matcher(grammar)
        for token in ids:
            assert (built.allowed([a]) == kept.allowed([b])).all()
            assert a.compute_ff_tokens() == b.compute_ff_tokens()
            assert a.consume_token(token) and b.consume_token(token), (dialect, token)
        assert a.is_accepting() and b.is_accepting()
    # a forced marker is the model's own marker token, not its characters one by one
    a = built.matcher(
        get_dialect("hermes").grammar(tools, resolve_tool_choice("required", tools, False))
    )
    assert marker in a.compute_ff_tokens()


def test_a_damaged_table_is_built_again(tiny_engine, tmp_path):
    _masker(tiny_engine, tmp_path)
    [kept_file] = tmp_path.iterdir()
    kept_file.write_bytes(b"not a table")
    masker = _masker(tiny_engine, tmp_path)
    assert masker.tokenizer.vocab_size == tiny_engine.vocab_size
    assert kept_file.read_bytes() != b"not a table"  # rewritten whole
