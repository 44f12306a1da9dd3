"""Forward-only LSTM and GRU sequences over one-hot token steps, feature-major.

For a pass that no gradient is taken of (:func:`seqstudio.execution.forward_only`, the
Predictor's), :mod:`seqstudio_builtins.gated_sequence` hands one-hot inputs here. The states are
kept transposed, ``hᵀ`` ``(n, B)``, and ``Uᵀ·hᵀ`` is ``(g·n, B)``: each gate is a block of rows,
one contiguous slice, where the ``(B, g·n)`` layout of the training op cuts every gate out of
every row (on the seed configuration those column splits were about 2 of a GRU's 4.9 ms of op
time for 1,024 samples on one core). The input projection is a lookup of the kernel with the
input bias added, transposed once for all steps.

The equations, and so the numbers, are the cells' (``lstm_sequence``/``gru_sequence``).
"""

from __future__ import annotations

from seqstudio_builtins.one_hot import padded


def _tf():
    import tensorflow as tf

    return tf


def _steps(rows, kernel, bias):
    """Every step's input projection transposed, ``T`` tensors ``(g·n, B)``, for time-major
    token ``rows`` ``(T, B)`` (ids out of range already sent to the zero row, which reads the
    bias alone, as a zero one-hot step gives ``0·W + b``)."""
    tf = _tf()
    table = padded(kernel)
    if bias is not None:
        table = table + bias
    return tf.unstack(tf.transpose(tf.gather(table, rows), [0, 2, 1]))


def _outputs(hs_t):
    """``T`` states ``(n, B)`` -> time-major outputs ``(T, B, n)``."""
    tf = _tf()
    return tf.transpose(tf.stack(hs_t), [0, 2, 1])


def lstm_forward(rows, h0, c0, kernel, recurrent_kernel, bias=None):
    """An LSTM over the one-hot steps of time-major token ``rows``; gate order ``i, f, g, o``.

    :return: ``(outputs (T, B, n) time-major, h_T, c_T)``."""
    tf = _tf()
    n = int(recurrent_kernel.shape[0])
    recurrent_t = tf.transpose(recurrent_kernel)
    h, c, outs = tf.transpose(h0), tf.transpose(c0), []
    for projected in _steps(rows, kernel, bias):
        z = projected + tf.matmul(recurrent_t, h)
        c = tf.sigmoid(z[n:2 * n]) * c + tf.sigmoid(z[:n]) * tf.tanh(z[2 * n:3 * n])
        h = tf.sigmoid(z[3 * n:]) * tf.tanh(c)
        outs.append(h)
    return _outputs(outs), tf.transpose(h), tf.transpose(c)


def gru_forward(rows, h0, kernel, recurrent_kernel, bias=None):
    """Keras' ``reset_after`` GRU over the one-hot steps of time-major token ``rows``; gate
    order ``z, r, ĥ``; ``bias`` ``2×3n`` (input row, recurrent row).

    :return: ``(outputs (T, B, n) time-major, h_T)``."""
    tf = _tf()
    n = int(recurrent_kernel.shape[0])
    recurrent_t = tf.transpose(recurrent_kernel)
    rec_bias = bias[1][:, None] if bias is not None else None
    h, outs = tf.transpose(h0), []
    for projected in _steps(rows, kernel, bias[0] if bias is not None else None):
        rec = tf.matmul(recurrent_t, h)
        if rec_bias is not None:
            rec = rec + rec_bias
        zr = tf.sigmoid(projected[:2 * n] + rec[:2 * n])
        candidate = tf.tanh(projected[2 * n:] + zr[n:] * rec[2 * n:])
        h = candidate + zr[:n] * (h - candidate)
        outs.append(h)
    return _outputs(outs), tf.transpose(h)
