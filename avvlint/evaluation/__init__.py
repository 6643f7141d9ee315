"""Measure the checker against hand-made gold annotations (``avvlint eval``)."""

from .gold import GoldDocument, load_gold_dir
from .scoring import EvalResult, evaluate_dir

__all__ = ["EvalResult", "GoldDocument", "evaluate_dir", "load_gold_dir"]
