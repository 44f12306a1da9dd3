<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>cells</name>
    <message>
        <source>Hidden units n: the size of h_t and of the layer's output.</source>
        <translation>은닉 유닛 수 n: h_t의 크기이자 층 출력의 크기입니다.</translation>
    </message>
    <message>
        <source>Add the bias b inside the activation.</source>
        <translation>활성화 함수 안에 편향 b를 더합니다.</translation>
    </message>
    <message>
        <source>SimpleRNN (tanh)</source>
        <translation>SimpleRNN (tanh)</translation>
    </message>
    <message>
        <source>The plain recurrent cell of the lecture notes: h_t = tanh(x_t·Wx + h_{t-1}·Wh + b) with h_0 = 0. One layer of n units on d input features has n·d + n·n + n parameters, and the output is the hidden state of the last time step.</source>
        <translation>강의 노트의 기본 순환 셀입니다: h_t = tanh(x_t·Wx + h_{t-1}·Wh + b), h_0 = 0. 입력 특성 d개에 유닛 n개인 층 하나의 파라미터는 n·d + n·n + n개이고, 출력은 마지막 타임 스텝의 은닉 상태입니다.</translation>
    </message>
    <message>
        <source>SimpleRNN (ReLU)</source>
        <translation>SimpleRNN (ReLU)</translation>
    </message>
    <message>
        <source>The same cell with ReLU instead of tanh: h_t = max(0, x_t·Wx + h_{t-1}·Wh + b). States are unbounded above, so a large learning rate can make it diverge.</source>
        <translation>tanh 대신 ReLU를 쓰는 같은 셀입니다: h_t = max(0, x_t·Wx + h_{t-1}·Wh + b). 상태에 위쪽 한계가 없으므로 학습률이 크면 발산할 수 있습니다.</translation>
    </message>
    <message>
        <source>Stacked RNN</source>
        <translation>적층 RNN</translation>
    </message>
    <message>
        <source>Several SimpleRNN layers on top of each other. Every layer but the last passes its hidden state at every time step to the next; the last outputs only the hidden state of the final step.</source>
        <translation>SimpleRNN 층 여러 개를 위로 쌓은 모델입니다. 마지막 층을 뺀 모든 층은 모든 타임 스텝의 은닉 상태를 다음 층에 전달하고, 마지막 층은 마지막 타임 스텝의 은닉 상태만 출력합니다.</translation>
    </message>
    <message>
        <source>Number of stacked recurrent layers.</source>
        <translation>쌓을 순환 층의 수.</translation>
    </message>
    <message>
        <source>Activation of every layer.</source>
        <translation>모든 층의 활성화 함수.</translation>
    </message>
    <message>
        <source>Hidden units n: the size of h_t (and of c_t in an LSTM) and of the layer's output.</source>
        <translation>은닉 유닛 수 n: h_t(LSTM에서는 c_t도)의 크기이자 층 출력의 크기입니다.</translation>
    </message>
    <message>
        <source>Give every gate a bias.</source>
        <translation>모든 게이트에 편향을 둡니다.</translation>
    </message>
    <message>
        <source>input i</source>
        <translation>입력 i</translation>
    </message>
    <message>
        <source>forget f</source>
        <translation>망각 f</translation>
    </message>
    <message>
        <source>candidate g</source>
        <translation>후보 g</translation>
    </message>
    <message>
        <source>output o</source>
        <translation>출력 o</translation>
    </message>
    <message>
        <source>update z</source>
        <translation>업데이트 z</translation>
    </message>
    <message>
        <source>reset r</source>
        <translation>리셋 r</translation>
    </message>
    <message>
        <source>candidate ĥ</source>
        <translation>후보 ĥ</translation>
    </message>
    <message>
        <source>Long short-term memory. Beside the output h it keeps a cell state c, a memory that is changed only by addition and by forgetting. At each step four gate groups read x_t and h_{t-1}: the forget gate f (0 to 1) decides how much of c_{t-1} to keep, the input gate i how much of the new candidate g = tanh(...) to write, and the output gate o how much of tanh(c_t) to show as h_t: c_t = f⊙c_{t-1} + i⊙g, h_t = o⊙tanh(c_t). Because c_t is a sum rather than a product of squashings, a forget gate near 1 carries information (and the gradient) across many steps, where a SimpleRNN's memory fades. One layer of n units on d inputs has 4·n·(d + n + 1) parameters. Watch the c state: it is not bounded to [-1, 1].</source>
        <translation>장단기 기억(LSTM). 출력 h 외에 셀 상태 c를 가지는데, c는 덧셈과 잊기로만 바뀌는 기억입니다. 각 타임 스텝에서 네 게이트 묶음이 x_t와 h_{t-1}을 읽습니다. 망각 게이트 f(0~1)는 c_{t-1}을 얼마나 남길지, 입력 게이트 i는 새 후보 g = tanh(...)를 얼마나 쓸지, 출력 게이트 o는 tanh(c_t)를 h_t로 얼마나 내보낼지 정합니다: c_t = f⊙c_{t-1} + i⊙g, h_t = o⊙tanh(c_t). c_t는 찌그러뜨리기를 거듭 곱한 값이 아니라 합이므로, 망각 게이트가 1에 가까우면 SimpleRNN의 기억이 희미해지는 긴 구간에서도 정보(와 기울기)를 전달합니다. 입력 d개에 유닛 n개인 층 하나의 파라미터는 4·n·(d + n + 1)개입니다. c 상태를 살펴보세요: [-1, 1] 범위에 묶이지 않습니다.</translation>
    </message>
    <message>
        <source>Gated recurrent unit: a lighter gated cell with a single state h. The update gate z (0 to 1) mixes the old state with a candidate, h_t = z⊙h_{t-1} + (1 − z)⊙ĥ_t, and the reset gate r decides how much of h_{t-1} the candidate ĥ_t = tanh(...) may read. With z near 1 a unit simply keeps its value, so information survives many steps, as in an LSTM, with three gate groups instead of four. Keras' reset_after form: one layer of n units on d inputs has 3·n·(d + n + 2) parameters (two biases per gate).</source>
        <translation>게이트 순환 유닛(GRU): 상태 h 하나만 가진 더 가벼운 게이트 셀입니다. 업데이트 게이트 z(0~1)는 이전 상태와 후보를 섞고(h_t = z⊙h_{t-1} + (1 − z)⊙ĥ_t), 리셋 게이트 r은 후보 ĥ_t = tanh(...)가 h_{t-1}을 얼마나 읽을지 정합니다. z가 1에 가까우면 유닛은 값을 그대로 유지하므로, LSTM처럼 정보가 여러 타임 스텝을 살아남습니다. 게이트 묶음은 넷이 아니라 셋입니다. Keras의 reset_after 형태: 입력 d개에 유닛 n개인 층 하나의 파라미터는 3·n·(d + n + 2)개입니다 (게이트마다 편향 2개).</translation>
    </message>
    <message>
        <source>LSTM</source>
        <translation>LSTM</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source>Recurrent layers stacked on top of each other (a host option: every layer but the last passes its output at every time step to the next).</source>
        <extracomment>Contract 1.0: ``reference_step(x_t, h_prev, weights, params) -&gt; h_t`` with ``x_t`` (batch, d), ``h_prev`` (batch, n) and ``weights`` the layer's arrays (see :class:`CellType`). For cells with one state. Contract 1.1: ``reference_call(x_t, states, weights, params) -&gt; (output, new_states)``, the numpy twin of a Keras cell's ``call(inputs, states)``. ``states`` is a tuple with one ``(batch, size)`` array per entry of ``CellType.state_names``, in that order; ``new_states`` must be a tuple (or list) of the same length and shapes; ``output`` is ``(batch, output_size)``. Optional (contract 1.1 hosts from seqstudio's glass box on): ``reference_gates(x_t, states, weights, params) -&gt; {name: (batch, n)}``, the named intermediate values of one step that the cell inspector shows beside the new states, e.g. an LSTM's gates after their sigmoid (``"forget f"``). Same arguments as :data:`ReferenceCall`; the values must be those the reference computes on its way to ``new_states``. Contract 1.1: ``cost_per_step(d, n) -&gt; float``, the multiply-adds one sample costs in one time step of one layer with ``d`` inputs and ``n`` units (forward pass only). Default ``d·n + n·n``. The host's stacking option, added to the schema of every stackable cell type that does not define a parameter of this name itself: ``layers`` copies of the cell's layer, each but the last returning every time step to the next.</extracomment>
        <translation>위로 쌓는 순환 층의 수 (호스트 옵션: 마지막 층을 뺀 모든 층은 모든 타임 스텝의 출력을 다음 층에 전달합니다).</translation>
    </message>
</context>
</TS>