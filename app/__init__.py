"""Zhifa (执法): case handling and supervision for administrative law-enforcement bureaus."""

__version__ = "0.1.0"
