"""calsvc: conference programme text in, subscribable iCalendar feeds out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("calsvc")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
