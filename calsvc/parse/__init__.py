"""Reading programme texts: bytes → lines → tokens → header forms and layouts → a Schedule."""

from .programme import parse_programme
from .text import decode, read_bytes

__all__ = ["decode", "parse_programme", "read_bytes"]
