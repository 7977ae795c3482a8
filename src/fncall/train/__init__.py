"""Training fncall's models: a LoRA adapter on a pretrained base (the house model) or a small
model from scratch, on the synthetic data of :mod:`fncall.train.synth`.

:mod:`~fncall.train.trainer` holds the loop (:class:`TrainConfig` in, :func:`train` runs or
resumes it); :mod:`~fncall.train.trainee` what is trained (an adapter or a whole model);
:mod:`~fncall.train.data` tokenized, packed batches; :mod:`~fncall.train.loss` the
completion-only loss; :mod:`~fncall.train.rundir` a run's folder (checkpoints, log,
recovery); :mod:`~fncall.train.heldout` scoring held-out examples during a run.

The names in ``__all__`` are the API; they are imported when first used (torch is heavy).
"""

from fncall._lazy import lazy_exports

__all__ = ["TrainConfig", "TrainResult", "train"]

__getattr__ = lazy_exports(
    __name__, {"TrainConfig": "trainer", "TrainResult": "trainer", "train": "trainer"}
)
