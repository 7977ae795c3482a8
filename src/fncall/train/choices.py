"""Choices of ``fncall train`` that the command line offers without importing torch."""

LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
"""The layers a LoRA adapter covers by default: every projection of attention and MLP."""

MODEL_SIZES = ("tiny", "house", "small_100m")
"""The shapes of a model trained from scratch (the class methods of ``ModelSize``)."""
