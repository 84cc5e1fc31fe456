"""Helpers shared by the pgsql role files."""
from .conninfo import format, parse  # noqa: F401  (re-exported)

__all__ = ['format', 'parse']
