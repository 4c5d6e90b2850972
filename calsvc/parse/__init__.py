"""Reading programme texts: bytes → lines → tokens → header forms and layouts → a Schedule."""

from .programme import parse_programme
from .text import decode, read_bytes
from .undescribed import parse_undescribed, read_programme

__all__ = ["decode", "parse_programme", "parse_undescribed", "read_bytes", "read_programme"]
