"""Byte-level BPE tokenizers trained locally with ``tokenizers`` (nothing is downloaded)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

BOS, EOS, PAD = "<s>", "</s>", "<pad>"


def train_tokenizer(
    texts: Iterable[str],
    vocab_size: int,
    special_tokens: Sequence[str] = (),
    min_frequency: int = 2,
) -> PreTrainedTokenizerFast:
    """Train a byte-level BPE tokenizer on ``texts``.

    Every byte has a token, so any text encodes. ``<s>``, ``</s>`` and ``<pad>`` come first,
    then ``special_tokens`` (a dialect's markers such as ``<bot_end>``), each one token that
    the BPE never splits.
    """
    specials = [BOS, EOS, PAD, *[t for t in special_tokens if t not in (BOS, EOS, PAD)]]
    tokenizer = Tokenizer(models.BPE())
    # Digits stand alone, so a number tokenises the same in a query and in a call: copying
    # it is then a matter of attention, not of learning how each chunking maps to another.
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Digits(individual_digits=True),
            pre_tokenizers.ByteLevel(add_prefix_space=False),
        ]
    )
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tokenizer,
        bos_token=BOS,
        eos_token=EOS,
        pad_token=PAD,
        additional_special_tokens=specials[3:],
    )


def save_tokenizer(tokenizer: PreTrainedTokenizerFast, directory: str | Path) -> None:
    """Write ``tokenizer.json`` and its configuration into ``directory``."""
    tokenizer.save_pretrained(str(directory))
