"""What a run trains: a small model from scratch, or a pretrained base with a LoRA adapter.

Both give the trainer the same handles: the tokenizer, the causal LM whose ``.model`` and
``.lm_head`` the loss calls, the parameters to optimise, the weights a checkpoint keeps and
the export of ``out/model``. From scratch, everything is trained and exported as a model
directory. On a base, the base stays frozen (its 170M-parameter embedding and tied LM head
above all) and only the adapter is trained, checkpointed and exported, through ``peft``: an
adapter directory (:mod:`fncall.pretrained`) of a few megabytes. ``full_finetune`` trains
every weight but the embedding instead (for GPU runs) and exports a whole model directory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch
from safetensors.torch import load_file
from transformers import PreTrainedTokenizerFast

from fncall.errors import EngineError, TrainError
from fncall.modeldir import write_metadata
from fncall.train.data import TrainingExample
from fncall.train.model import build_model, save_model
from fncall.train.rundir import recover_dir, replace_dir
from fncall.train.tokenizer import save_tokenizer, train_tokenizer

if TYPE_CHECKING:
    from fncall.train.trainer import TrainConfig


class Trainee:
    """The model a run trains, as the trainer needs it (see the module docstring).

    Attributes:
        model: The causal LM (``.model`` gives hidden states, ``.lm_head`` logits).
        tokenizer: Its tokenizer.
        tokenizer_file: The tokenizer's ``tokenizer.json`` (part of the token cache's key).
        device: Where the model is.
    """

    model: Any
    tokenizer: PreTrainedTokenizerFast
    tokenizer_file: Path
    device: torch.device

    def named_trainable(self) -> Iterator[tuple[str, torch.nn.Parameter]]:
        """The parameters the optimiser changes, by name."""
        return ((n, p) for n, p in self.model.named_parameters() if p.requires_grad)

    @property
    def parameters(self) -> int:
        """All parameters of the model (counting a tied embedding once)."""
        return sum(p.numel() for p in self.model.parameters())

    @property
    def trainable_parameters(self) -> int:
        """The parameters the optimiser changes."""
        return sum(p.numel() for _, p in self.named_trainable())

    def weights(self) -> dict[str, torch.Tensor]:
        """What a checkpoint keeps of the model: every weight the run changes."""
        return {name: p.detach() for name, p in self.named_trainable()}

    def load_weights(self, weights: dict[str, torch.Tensor]) -> None:
        """Put checkpointed ``weights`` back.

        Raises:
            TrainError: they are not the weights this model trains.
        """
        wanted = {name for name, _ in self.named_trainable()}
        if set(weights) != wanted:
            missing = sorted(wanted - set(weights))[:3]
            extra = sorted(set(weights) - wanted)[:3]
            raise TrainError(
                f"the checkpoint does not fit this model (missing {missing}, unexpected {extra})"
            )
        self.model.load_state_dict(weights, strict=False)

    def start(self, init: Path) -> None:
        """Begin from the trained model in ``init`` instead of fresh weights."""
        raise NotImplementedError

    def export(self, directory: Path, metadata: dict[str, Any]) -> None:
        """Write the trained model to ``directory``, ``metadata`` as its ``fncall.json``."""
        raise NotImplementedError


class ScratchTrainee(Trainee):
    """A Llama model of ``config.size`` with a tokenizer trained on the data, or taken from
    ``config.init`` (kept in ``out/tokenizer``)."""

    def __init__(self, config: TrainConfig, examples: Callable[[], list[TrainingExample]]):
        assert config.size is not None
        self.tokenizer = _load_or_train_tokenizer(config, examples)
        self.tokenizer_file = config.out / "tokenizer" / "tokenizer.json"
        self.device = torch.device(config.device)
        self.model = build_model(self.tokenizer, config.size, seed=config.seed).to(self.device)

    def weights(self) -> dict[str, torch.Tensor]:
        return self.model.state_dict()

    def load_weights(self, weights: dict[str, torch.Tensor]) -> None:
        self.model.load_state_dict(weights)

    def start(self, init: Path) -> None:
        """Copy the safetensors weights of the model directory ``init`` into the model.

        Raises:
            TrainError: no weights there, or weights of another shape (naming the tensor).
        """
        weights = _safetensors(init, "cpu")
        own = self.model.state_dict()
        for name, tensor in own.items():
            found = weights.get(name)
            if found is None and name == "lm_head.weight":
                continue  # tied to the embeddings, so not stored
            if found is None or found.shape != tensor.shape:
                shape = "missing" if found is None else f"shape {tuple(found.shape)}"
                raise TrainError(
                    f"init: {init} does not fit this model size: {name} is {shape}, the "
                    f"model needs {tuple(tensor.shape)} (pass the size it was trained with)"
                )
        self.model.load_state_dict({k: v for k, v in weights.items() if k in own}, strict=False)

    def export(self, directory: Path, metadata: dict[str, Any]) -> None:
        save_model(self.model, self.tokenizer, directory, metadata)


def _safetensors(directory: Path, device: str) -> dict[str, torch.Tensor]:
    """Every tensor of the ``.safetensors`` files in ``directory`` (``init``).

    Raises:
        TrainError: there are none.
    """
    files = sorted(directory.glob("*.safetensors"))
    if not files:
        raise TrainError(f"init: {directory} has no .safetensors weights")
    weights: dict[str, torch.Tensor] = {}
    for file in files:
        weights.update(load_file(str(file), device=device))
    return weights


def _load_or_train_tokenizer(
    config: TrainConfig, examples: Callable[[], list[TrainingExample]]
) -> PreTrainedTokenizerFast:
    """The run's tokenizer: ``out/tokenizer`` if there is one, else ``config.init``'s, else
    trained on the prompts and completions of the data; saved there.

    Raises:
        TrainError: ``config.init`` has no tokenizer.
    """
    directory = config.out / "tokenizer"
    recover_dir(directory)
    if not directory.is_dir():
        if config.init is not None:
            if not (config.init / "tokenizer.json").is_file():
                raise TrainError(f"init: {config.init} has no tokenizer.json (not a model dir?)")
            tokenizer = PreTrainedTokenizerFast.from_pretrained(str(config.init))
        else:
            texts = [text for example in examples() for text in example[:2]]
            tokenizer = train_tokenizer(texts, config.vocab_size, config.special_tokens)
        replace_dir(directory, lambda d: save_tokenizer(tokenizer, d))
    return PreTrainedTokenizerFast.from_pretrained(str(directory))


def check_base(base: str) -> None:
    """Make sure ``base`` names a base that can be loaded.

    Raises:
        TrainError: it does not (naming why).
    """
    from fncall.pretrained import resolve_base

    try:
        resolve_base(base)
    except EngineError as exc:
        raise TrainError(f"base: {exc}") from None


class AdapterTrainee(Trainee):
    """A pretrained base (``config.base``) with a fresh LoRA adapter, or all its weights but
    the embedding trainable (``config.full_finetune``)."""

    def __init__(self, config: TrainConfig) -> None:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from fncall.pretrained import base_dir, resolve_base

        assert config.base is not None
        try:
            self.source = resolve_base(config.base)
            directory = base_dir(self.source)
        except EngineError as exc:
            raise TrainError(f"base: {exc}") from None
        self.tokenizer = AutoTokenizer.from_pretrained(str(directory), local_files_only=True)
        self.tokenizer_file = directory / "tokenizer.json"
        self.device = torch.device(config.device)
        self.full = config.full_finetune
        base = AutoModelForCausalLM.from_pretrained(
            str(directory), local_files_only=True, dtype=torch.float32
        ).to(self.device)
        base.requires_grad_(False)
        if self.full:
            for name, parameter in base.named_parameters():
                parameter.requires_grad_("embed" not in name and "lm_head" not in name)
            self.model, self.wrapper = base, None
            return
        from peft import LoraConfig, get_peft_model

        lora = LoraConfig(
            r=config.lora_rank,
            lora_alpha=config.lora_alpha,
            lora_dropout=0.0,
            target_modules=list(config.lora_targets),
            bias="none",
            task_type="CAUSAL_LM",
        )
        torch.manual_seed(config.seed)  # the adapter's initial weights follow the seed
        try:
            self.wrapper = get_peft_model(base, lora)
        except ValueError as exc:  # e.g. target modules the base does not have
            raise TrainError(f"LoRA: {exc}") from None
        self.wrapper.peft_config["default"].base_model_name_or_path = self.source.name
        self.model = self.wrapper.base_model.model  # the base, its layers carrying the adapter

    def start(self, init: Path) -> None:
        """Begin from the adapter (or, with ``full_finetune``, the model) in ``init``.

        Raises:
            TrainError: ``init`` holds weights of another shape or adapter configuration.
        """
        weights = _safetensors(init, str(self.device))
        if self.wrapper is not None:
            from peft import set_peft_model_state_dict

            hint = "pass the rank and targets it was trained with"
            try:
                result = set_peft_model_state_dict(self.wrapper, weights)
            except RuntimeError as exc:  # tensors of another shape (another rank)
                reason = str(exc).splitlines()[-1].strip()
                raise TrainError(
                    f"init: {init} is not an adapter of this shape ({reason}; {hint})"
                ) from None
            unexpected = list(getattr(result, "unexpected_keys", []))
            if unexpected:
                raise TrainError(
                    f"init: {init} is not an adapter of this shape (unexpected {unexpected[:3]}; "
                    f"{hint})"
                )
            return
        own = dict(self.named_trainable())
        for name, parameter in own.items():
            if name not in weights or weights[name].shape != parameter.shape:
                raise TrainError(f"init: {init} does not fit the base: {name}")
        self.model.load_state_dict({k: weights[k] for k in own}, strict=False)

    def export(self, directory: Path, metadata: dict[str, Any]) -> None:
        base = {"name": self.source.name, "sha256": self.source.sha256}
        if self.wrapper is None:
            save_model(self.model, self.tokenizer, directory, {**metadata, "base": base})
            return
        # the embedding is frozen: saying so keeps peft from looking the base up online
        self.wrapper.save_pretrained(str(directory), save_embedding_layers=False)
        (directory / "README.md").unlink(missing_ok=True)  # peft's empty card template
        write_metadata(directory, {**metadata, "base": base})


def make_trainee(config: TrainConfig, examples: Callable[[], list[TrainingExample]]) -> Trainee:
    """The trainee ``config`` describes: on ``config.base`` if it names one, else from
    scratch."""
    if config.base is not None:
        return AdapterTrainee(config)
    return ScratchTrainee(config, examples)
