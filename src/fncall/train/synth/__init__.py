"""Synthetic function-calling data for the house model (``fncall data synth``).

The catalog of everyday domains is data (:mod:`.domains`, YAML, loaded and checked by
:mod:`.catalog`); :mod:`.values` draws seeded argument values with their surface forms;
:mod:`.procedural` adds generated domains; :mod:`.universe` turns intents into tools;
:mod:`.queries` and :mod:`.examples` write queries and their reference calls;
:mod:`.refine` checks each example by running it; :mod:`.chats` makes multi-turn chats;
:mod:`.dataset` puts it together into JSONL files and a manifest.

The names in ``__all__`` are the API; they are imported when first used.
"""

from fncall._lazy import lazy_exports

__all__ = ["SynthConfig", "synthesize"]

__getattr__ = lazy_exports(__name__, {"SynthConfig": "dataset", "synthesize": "dataset"})
