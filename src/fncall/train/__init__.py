"""Building models: tokenizers, model configurations and (later) the training loop."""
