"""The input projection of one-hot steps as a row lookup instead of a matmul.

A one-hot step ``x_t`` (token ``k``) times the kernel ``W`` is row ``k`` of ``W``, exactly: every
other product is ``0·w``, and adding zeros changes nothing. On the seed configuration (vocabulary
100, 10 units, 20 steps) the ``(B·T, V)·(V, g·n)`` matmul of the one-hot inputs was most of a
forward pass: on one core of the 2-core machine, 5.2 ms of a GRU's 7.6 ms for 1,024 samples,
against 1.3–1.9 ms for the lookup (the matmul's output is only ``g·n`` = 30 columns wide, so it
runs far below the core's matmul speed). The one-hot tensor stays an input of the lookup, whose
gradient with respect to it is the matmul's (``d·Wᵀ``): the glass box's influence is that
gradient.

:func:`token_ids` recognises a one-hot input inside a traced TensorFlow function (the path of
``fit``, ``Predictor`` and the probes): the tensor is the output of a ``OneHot`` op with on-value 1,
off-value 0 on its last axis, as ``keras.layers.CategoryEncoding(output_mode="one_hot")`` and
seqstudio's ``OneHotTokens`` make it. Anything else (eager tensors, other producers, other
values) gets ``None`` and the layers keep their matmul. Ids outside ``[0, V)``, which ``OneHot``
encodes as a zero row, read a zero row here too.
"""

from __future__ import annotations

from typing import Any

#: ops that pass their input through unchanged, looked through on the way to the ``OneHot``
_PASS_THROUGH = ("Identity",)


def token_ids(x: Any) -> Any | None:
    """The integer token ids ``(B, T)`` of which ``x`` ``(B, T, V)`` is the float32 one-hot
    encoding, when the graph shows it; else ``None``."""
    import tensorflow as tf

    op = getattr(x, "op", None)
    if op is None or x.dtype != tf.float32 or x.shape.rank != 3 or x.shape[-1] is None:
        return None
    try:
        while op.type in _PASS_THROUGH:
            op = op.inputs[0].op
        if op.type != "OneHot" or op.get_attr("axis") not in (-1, 2):
            return None
        indices, depth, on_value, off_value = op.inputs
    except (AttributeError, ValueError, TypeError):
        return None
    if (tf.get_static_value(depth) != x.shape[-1] or tf.get_static_value(on_value) != 1.0
            or tf.get_static_value(off_value) != 0.0 or indices.shape.rank != 2):
        return None
    return indices


def safe_ids(ids: Any, vocab: int) -> Any:
    """``ids`` as int32 with every id outside ``[0, vocab)`` sent to row ``vocab`` (the zero row
    of :func:`padded`), as ``OneHot`` sends it to a zero vector."""
    import tensorflow as tf

    ids = tf.cast(ids, tf.int32)
    return tf.where((ids >= 0) & (ids < vocab), ids, vocab)


def padded(kernel: Any) -> Any:
    """``kernel`` ``(V, k)`` with one zero row after the last, for the ids out of range."""
    import tensorflow as tf

    return tf.concat([kernel, tf.zeros_like(kernel[:1])], 0)


def lookup_grad(d_proj: Any, ids: Any, vocab: int) -> Any:
    """The kernel's gradient ``(V, k)`` of a lookup ``W[ids]``: the gradients of the steps that
    read each row, summed (what ``onehotᵀ·d_proj`` is)."""
    import tensorflow as tf

    return tf.math.unsorted_segment_sum(d_proj, ids, vocab + 1)[:vocab]


def lookup_tokens(ids: Any, kernel: Any, bias: Any = None) -> Any:
    """``onehot(ids)·kernel + bias`` ``(*ids.shape, k)`` read from the token ids alone, for a
    pass no gradient is taken of (:func:`seqstudio.execution.forward_only`): nothing here reads
    the one-hot tensor, so a graph that needs it for nothing else never makes it."""
    import tensorflow as tf

    out = tf.gather(padded(kernel), safe_ids(ids, int(kernel.shape[0])))
    return out + bias if bias is not None else out


def project_tokens(x: Any, ids: Any, kernel: Any, bias: Any = None) -> Any:
    """``x·kernel + bias`` ``(*ids.shape, k)`` of the one-hot ``x`` whose token ids are ``ids``
    (:func:`token_ids`), as a lookup; differentiable in ``kernel`` and ``bias`` (dense
    gradients, the numbers a matmul's would be) and in ``x`` too (``d·kernelᵀ``, as the
    matmul's: the glass box's influence is the gradient with respect to the one-hot steps)."""
    import tensorflow as tf

    vocab = int(kernel.shape[0])
    rows = safe_ids(ids, vocab)
    args = [tf.convert_to_tensor(x), tf.convert_to_tensor(kernel)] + (
        [tf.convert_to_tensor(bias)] if bias is not None else [])

    @tf.custom_gradient
    def lookup(*args):
        kernel = args[1]
        out = tf.gather(padded(kernel), rows)
        if len(args) > 2:
            out = out + args[2]

        def grad(d_out):
            grads = [tf.matmul(d_out, kernel, transpose_b=True),
                     lookup_grad(d_out, rows, vocab)]
            if len(args) > 2:
                grads.append(tf.reduce_sum(tf.reshape(d_out, [-1, d_out.shape[-1]]), 0))
            return grads

        return out, grad

    return lookup(*args)
