"""Work around a reference-counting bug of PySide6 6.12 on Python 3.11.

PySide6 6.12 returns ``None`` from every void method, and passes ``True`` on every signal emission,
without taking a reference, which is only correct where these objects are immortal (Python 3.12+,
PEP 683). On Python 3.11 each call steals one reference, and after some tens of thousands of calls
(a few seconds of live plotting) the interpreter aborts with ``Fatal Python error: none_dealloc`` or
``bool_dealloc``. We make those singletons effectively immortal by giving them a huge reference
count, which is what Python 3.12 does for every interpreter. Nothing happens on 3.12 and later.
"""

from __future__ import annotations

import ctypes
import sys

#: large enough never to reach zero, small enough never to overflow Py_ssize_t
_PIN = 1 << 40
_applied = False


def pin_singletons() -> bool:
    """Apply once; returns whether anything was done."""
    global _applied
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    for obj in (None, True, False, Ellipsis, NotImplemented):
        refcnt = ctypes.c_ssize_t.from_address(id(obj))
        refcnt.value += _PIN
    _applied = True
    return True


pin_singletons()
