"""The SimpleRNN recurrence with a hand-written backward pass (TensorFlow backend).

Forward: ``h_t = act(p_t + h_{t-1}·U)`` for pre-projected inputs ``p_t = x_t·Wx + b``.

Backward, from the stored outputs: ``dz_t = (dH_t + dz_{t+1}·Uᵀ) ⊙ act'(h_t)``. Only that ``n×n``
product stays in the reverse loop; the recurrent kernel's gradient, ``Σ_t h_{t-1}ᵀ·dz_t``, is one
``(n, T·B)×(T·B, n)`` matmul after it, and the gradient of ``p`` is ``dz`` itself, which Keras turns
into the gradients of ``Wx`` and ``b`` with one more large matmul. Autodiff of a generic loop does
two small matmuls per step and keeps per-step accumulators instead.

Only activations whose derivative can be read off their output are supported (tanh, relu).
"""

from __future__ import annotations

import tensorflow as tf

DERIVATIVES = {
    "tanh": lambda h: 1.0 - tf.square(h),
    "relu": lambda h: tf.cast(h > 0, h.dtype),
}
ACTIVATIONS = {"tanh": tf.tanh, "relu": tf.nn.relu}


def supports(activation_name: str) -> bool:
    return activation_name in DERIVATIVES


def recurrence(projected_tbn, h0, recurrent_kernel, activation_name: str):
    """Run the recurrence over time-major ``projected`` ``(T, B, n)``; return ``H`` ``(T, B, n)``."""
    act = ACTIVATIONS[activation_name]
    dact = DERIVATIVES[activation_name]

    @tf.custom_gradient
    def run(p, h_init, u):
        steps = tf.shape(p)[0]
        outputs = tf.TensorArray(p.dtype, size=steps, element_shape=h_init.shape)

        def step(t, h, acc):
            h = act(p[t] + tf.matmul(h, u))
            return t + 1, h, acc.write(t, h)

        _, _, outputs = tf.while_loop(
            lambda t, *_: t < steps, step, (tf.constant(0), h_init, outputs),
            maximum_iterations=steps,
        )
        hs = outputs.stack()

        def grad(d_hs):
            u_t = tf.transpose(u)
            dzs = tf.TensorArray(p.dtype, size=steps, element_shape=h_init.shape)

            def back(t, carry, acc):
                dz = (d_hs[t] + carry) * dact(hs[t])
                return t - 1, tf.matmul(dz, u_t), acc.write(t, dz)

            _, d_h0, dzs = tf.while_loop(
                lambda t, *_: t >= 0, back, (steps - 1, tf.zeros_like(h_init), dzs),
                maximum_iterations=steps,
            )
            dz_all = dzs.stack()
            h_prev = tf.concat([h_init[tf.newaxis], hs[:-1]], axis=0)
            d_u = tf.tensordot(h_prev, dz_all, axes=[[0, 1], [0, 1]])
            return dz_all, d_h0, d_u

        return hs, grad

    # a plain tensor, not a variable, so that its gradient flows through grad's third output
    u_tensor = tf.identity(tf.convert_to_tensor(recurrent_kernel))
    return run(projected_tbn, h0, u_tensor)
