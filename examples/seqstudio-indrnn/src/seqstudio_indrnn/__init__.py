"""Example seqstudio plugin: the IndRNN cell."""

__version__ = "0.1.0"
