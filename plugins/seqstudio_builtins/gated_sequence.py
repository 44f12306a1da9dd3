"""Unrolled LSTM and GRU sequences for TensorFlow, with a hand-written backward pass.

TensorFlow's autograd of an unrolled recurrence differentiates every op of every step: an LSTM or
a GRU step is some fifteen small ops forward and about twice as many backward, each dispatched on
its own, and on short sequences of small layers that dispatch, not the FLOPs, is what a batch
costs. Here the gradient of the whole sequence is written out (``tf.custom_gradient``):

- forward: the input projection ``x_t·W + b`` of all ``T`` steps in one matmul (a row lookup of
  ``W`` for one-hot token steps, :mod:`seqstudio_builtins.one_hot`), then per step only
  ``h_{t-1}·U`` and the gates (the cell's own equation, so the numbers are Keras' to float
  rounding); every step's pre-activations and states are kept;
- backward: every factor that does not depend on the incoming gradient (``σ'``, ``tanh'``, the
  gates) is computed for all steps at once after the forward pass; the reverse pass only carries
  ``dh`` (and ``dc``) through a few multiplies and one ``dz_t·Uᵀ`` per step; ``dW = Xᵀ·dZ``,
  ``dU = H_prevᵀ·dZ``, ``db = Σ dZ`` and ``dX = dZ·Wᵀ`` are single big matmuls after it.

Time-major inside (one transpose each way). Measured on 2 CPU cores (``bench/cells.py``): the
seed configuration's unrolled training ran about 1.4× faster per CPU-second than autograd of the
same unrolled steps. The same scheme in a rolled ``tf.while_loop`` (for long sequences) was
measured 10–20% slower than Keras' own loop in training, and 2× slower under XLA in inference
(its whole-sequence intermediates are large), so a rolled loop stays Keras' own.
"""

from __future__ import annotations

from seqstudio_builtins.one_hot import lookup_grad, padded, safe_ids, token_ids


def _tf():
    import tensorflow as tf

    return tf


def _run(step, sequences, carry, reverse: bool = False):
    """``carry, outs = step(inputs_t, carry)`` over the leading (time) axis of ``sequences``
    (a list of ``(T, ...)`` tensors of static ``T``), unrolled; returns the last carry and each
    output stacked ``(T, ...)``."""
    tf = _tf()
    per_step = [tf.unstack(s) for s in sequences]
    outs: list = []
    order = range(len(per_step[0]) - 1, -1, -1) if reverse else range(len(per_step[0]))
    for t in order:
        carry, out = step([s[t] for s in per_step], carry)
        outs.append(out)
    if reverse:
        outs.reverse()
    return carry, [tf.stack(column) for column in zip(*outs, strict=True)]


def _time_major(x):
    return _tf().transpose(x, [1, 0, 2])


def _project(xt, kernel, bias, rows=None):
    """``(T, B, d)·(d, k) + b`` as one ``(T·B, d)`` matmul; of one-hot steps, whose token ids
    (time-major, :func:`~seqstudio_builtins.one_hot.safe_ids`) are ``rows``, a row lookup."""
    tf = _tf()
    if rows is not None:
        out = tf.gather(padded(kernel), rows)
        return out + bias if bias is not None else out
    shape = tf.shape(xt)
    flat = tf.matmul(tf.reshape(xt, [-1, xt.shape[-1]]), kernel)
    if bias is not None:
        flat = tf.nn.bias_add(flat, bias)
    return tf.reshape(flat, tf.concat([shape[:2], [kernel.shape[-1]]], 0))


def _flat(a):
    return _tf().reshape(a, [-1, a.shape[-1]])


def _weight_grads(xt, h_prev, d_proj, d_rec, kernel, rows=None):
    """``dW``, ``dU``, ``dX`` (batch-major) from every step's projection and recurrent
    gradients, as three big matmuls (``dW`` of one-hot steps, token ids ``rows``: the
    gradients of the steps that read each row, summed)."""
    tf = _tf()
    if rows is not None:
        d_kernel = lookup_grad(d_proj, rows, int(kernel.shape[0]))
    else:
        d_kernel = tf.matmul(_flat(xt), _flat(d_proj), transpose_a=True)
    d_recurrent = tf.matmul(_flat(h_prev), _flat(d_rec), transpose_a=True)
    dx = tf.reshape(tf.matmul(_flat(d_proj), kernel, transpose_b=True), tf.shape(xt))
    return d_kernel, d_recurrent, _time_major(dx)


def _tensors(args):
    """Variables read here, outside the op, so the tape sees reads, not captured variables."""
    tf = _tf()
    return [tf.convert_to_tensor(a) for a in args]


def _token_rows(x, kernel):
    """The time-major lookup rows of ``x`` when it is a one-hot input (see
    :mod:`seqstudio_builtins.one_hot`), else ``None``."""
    ids = token_ids(x)
    if ids is None:
        return None
    return safe_ids(_tf().transpose(ids), int(kernel.shape[0]))


def _zeros_if_none(grad, like):
    return _tf().zeros_like(like) if grad is None else grad


def _sequence_grad(d_out, proj, n):
    """The incoming gradient of the outputs, time-major (zeros when only the last is used);
    ``proj`` is the time-major input projection ``(T, B, k)``."""
    tf = _tf()
    if d_out is None:
        return tf.zeros(tf.concat([tf.shape(proj)[:2], [n]], 0), proj.dtype)
    return _time_major(d_out)




def _lstm_step(recurrent):
    """One LSTM step from its input projection: ``((h, c), (z, h, c))``."""
    tf = _tf()

    def step(inputs, carry):
        h, c = carry
        z = inputs[0] + tf.matmul(h, recurrent)
        i, f, g, o = tf.split(z, 4, axis=1)
        c = tf.sigmoid(f) * c + tf.sigmoid(i) * tf.tanh(g)
        h = tf.sigmoid(o) * tf.tanh(c)
        return (h, c), (z, h, c)

    return step


def lstm_sequence(x, h0, c0, kernel, recurrent_kernel, bias=None, *, forward_only=False):
    """An LSTM over ``x`` ``(B, T, d)`` from ``h0``, ``c0``; Keras' gate order ``i, f, g, o``.

    :param forward_only: no gradient will be taken (:func:`seqstudio.execution.forward_only`):
        one-hot steps then run :func:`~seqstudio_builtins.gated_forward.lstm_forward`, which
        reads their token ids alone (the one-hot tensor is never made).
    :return: ``(outputs (B, T, n), h_T, c_T)``, differentiable in every argument."""
    tf = _tf()
    rows = _token_rows(x, kernel)
    if forward_only and rows is not None:
        from seqstudio_builtins.gated_forward import lstm_forward

        hs, h_last, c_last = lstm_forward(rows, h0, c0, kernel, recurrent_kernel, bias)
        return _time_major(hs), h_last, c_last
    args = _tensors([x, h0, c0, kernel, recurrent_kernel] + ([bias] if bias is not None else []))

    @tf.custom_gradient
    def fused(*args):
        x, h0, c0, kernel, recurrent = args[:5]
        bias = args[5] if len(args) > 5 else None
        xt = _time_major(x)
        n = recurrent.shape[0]
        proj = _project(xt, kernel, bias, rows)
        (h_last, c_last), (zs, hs, cs) = _run(_lstm_step(recurrent), [proj], (h0, c0))

        def grad(d_out, d_h, d_c):
            i, f, g, o = tf.split(zs, 4, axis=2)
            i, f, g, o = tf.sigmoid(i), tf.sigmoid(f), tf.tanh(g), tf.sigmoid(o)
            c_prev = tf.concat([c0[None], cs[:-1]], 0)
            tanh_c = tf.tanh(cs)
            # dz_t = [dc·g·σ'(i), dc·c_{t-1}·σ'(f), dc·i·tanh'(g), dh·tanh(c)·σ'(o)]
            factors = tf.concat([g * i * (1 - i), c_prev * f * (1 - f), i * (1 - g * g),
                                 tanh_c * o * (1 - o)], 2)
            dc_from_dh = o * (1 - tanh_c * tanh_c)
            d_seq = _sequence_grad(d_out, proj, n)

            def back(inputs, carry):
                d_seq_t, factor_t, dc_dh_t, f_t = inputs
                dh_next, dc_next = carry
                dh = d_seq_t + dh_next
                dc = dc_next + dh * dc_dh_t
                dz = tf.concat([dc, dc, dc, dh], 1) * factor_t
                return (tf.matmul(dz, recurrent, transpose_b=True), dc * f_t), (dz,)

            carry = (_zeros_if_none(d_h, h0), _zeros_if_none(d_c, c0))
            (dh0, dc0), (dz,) = _run(back, [d_seq, factors, dc_from_dh, f], carry,
                                     reverse=True)
            h_prev = tf.concat([h0[None], hs[:-1]], 0)
            d_kernel, d_recurrent, dx = _weight_grads(xt, h_prev, dz, dz, kernel, rows)
            grads = [dx, dh0, dc0, d_kernel, d_recurrent]
            if bias is not None:
                grads.append(tf.reduce_sum(_flat(dz), 0))
            return grads

        return (_time_major(hs), h_last, c_last), grad

    return fused(*args)


def _gru_step(recurrent, bias):
    """One GRU step from its input projection: ``((h,), (zr, r_h, candidate, h))``."""
    tf = _tf()
    n = recurrent.shape[0]

    def step(inputs, carry):
        (h,) = carry
        x_zr, x_h = tf.split(inputs[0], [2 * n, n], axis=1)
        rec = tf.matmul(h, recurrent)
        if bias is not None:
            rec = tf.nn.bias_add(rec, bias[1])
        r_zr, r_h = tf.split(rec, [2 * n, n], axis=1)
        zr = tf.sigmoid(x_zr + r_zr)
        z, r = tf.split(zr, 2, axis=1)
        candidate = tf.tanh(x_h + r * r_h)
        h = candidate + z * (h - candidate)
        return (h,), (zr, r_h, candidate, h)

    return step


def gru_sequence(x, h0, kernel, recurrent_kernel, bias=None, *, forward_only=False):
    """Keras' ``reset_after`` GRU over ``x`` ``(B, T, d)`` from ``h0``; gate order ``z, r, ĥ``;
    ``bias`` is ``2×3n`` (input row, recurrent row).

    :param forward_only: no gradient will be taken: one-hot steps then run
        :func:`~seqstudio_builtins.gated_forward.gru_forward` (as in :func:`lstm_sequence`).
    :return: ``(outputs (B, T, n), h_T)``, differentiable in every argument."""
    tf = _tf()
    rows = _token_rows(x, kernel)
    if forward_only and rows is not None:
        from seqstudio_builtins.gated_forward import gru_forward

        hs, h_last = gru_forward(rows, h0, kernel, recurrent_kernel, bias)
        return _time_major(hs), h_last
    args = _tensors([x, h0, kernel, recurrent_kernel] + ([bias] if bias is not None else []))

    @tf.custom_gradient
    def fused(*args):
        x, h0, kernel, recurrent = args[:4]
        bias = args[4] if len(args) > 4 else None
        xt = _time_major(x)
        n = recurrent.shape[0]
        proj = _project(xt, kernel, bias[0] if bias is not None else None, rows)
        (h_last,), (zrs, r_hs, candidates, hs) = _run(_gru_step(recurrent, bias), [proj],
                                                      (h0,))

        def grad(d_out, d_h):
            z, r = tf.split(zrs, 2, axis=2)
            h_prev = tf.concat([h0[None], hs[:-1]], 0)
            # every gradient of step t is dh_t times a factor known from the forward pass
            d_cand = (1 - z) * (1 - candidates * candidates)
            d_z = (h_prev - candidates) * z * (1 - z)
            d_r = d_cand * r_hs * r * (1 - r)
            d_seq = _sequence_grad(d_out, proj, n)
            rec_factor = tf.concat([d_z, d_r, d_cand * r], 2)

            def back(inputs, carry):
                d_seq_t, factor_t, z_t = inputs
                dh = d_seq_t + carry[0]
                d_rec = tf.concat([dh, dh, dh], 1) * factor_t
                return (dh * z_t + tf.matmul(d_rec, recurrent, transpose_b=True),), (dh,)

            (dh0,), (dhs,) = _run(back, [d_seq, rec_factor, z], (_zeros_if_none(d_h, h0),),
                                  reverse=True)
            dh3 = tf.concat([dhs, dhs, dhs], 2)
            d_rec = dh3 * rec_factor
            d_proj = dh3 * tf.concat([d_z, d_r, d_cand], 2)
            d_kernel, d_recurrent, dx = _weight_grads(xt, h_prev, d_proj, d_rec, kernel, rows)
            grads = [dx, dh0, d_kernel, d_recurrent]
            if bias is not None:
                grads.append(tf.stack([tf.reduce_sum(_flat(d_proj), 0),
                                       tf.reduce_sum(_flat(d_rec), 0)]))
            return grads

        return (_time_major(hs), h_last), grad

    return fused(*args)
