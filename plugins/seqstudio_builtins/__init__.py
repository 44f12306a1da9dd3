"""The built-in seqstudio cells, shipped as a plugin like any third-party package.

Nothing in the ``seqstudio`` core imports this package; it is found through the ``seqstudio``
entry-point group declared in seqstudio's ``pyproject.toml``.
"""
