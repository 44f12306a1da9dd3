"""seqstudio: a desktop studio for recurrent sequence models.

Importing this package is cheap: TensorFlow, Keras and Qt are imported only where they are used.
"""

__version__ = "0.1.0"

#: Version of the plugin contract (see :mod:`seqstudio.hookspecs`). 1.1 added named states, the
#: all-states reference ``reference_call``, ``cost_per_step``, weights keyed by path and host
#: stacking; every 1.0 plugin is accepted unchanged.
CONTRACT_VERSION = "1.1"
