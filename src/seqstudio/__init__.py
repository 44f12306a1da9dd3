"""seqstudio: a desktop studio for recurrent sequence models.

Importing this package is cheap: TensorFlow, Keras and Qt are imported only where they are used.
"""

__version__ = "0.1.0"

#: Version of the plugin contract (see :mod:`seqstudio.hookspecs`).
CONTRACT_VERSION = "1.0"
