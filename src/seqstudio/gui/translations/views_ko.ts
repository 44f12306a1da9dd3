<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>EpochScrubber</name>
    <message>
        <source>Replay the stored snapshots: drag left to go back in training, to the right end to follow the newest. Every view below shows the moment chosen here.</source>
        <translation>저장된 스냅숏을 다시 봅니다. 왼쪽으로 끌면 학습의 이전 시점으로 돌아가고, 오른쪽 끝으로 끌면 최신 스냅숏을 따라갑니다. 아래의 모든 보기는 여기서 고른 순간을 보여 줍니다.</translation>
    </message>
    <message>
        <source>no snapshots yet</source>
        <translation>아직 스냅숏 없음</translation>
    </message>
    <message>
        <source>Snapshot:</source>
        <translation>스냅숏:</translation>
    </message>
    <message>
        <source>epoch {0} · batch {1}</source>
        <translation>에포크 {0} · 배치 {1}</translation>
    </message>
    <message>
        <source>epoch {0}</source>
        <translation>에포크 {0}</translation>
    </message>
</context>
<context>
    <name>GlassWords</name>
    <message>
        <source>influence is not finite: the run has diverged</source>
        <extracomment>the lecture's names for the weights of a SimpleRNN-like cell, by their Keras path</extracomment>
        <translation>영향이 유한하지 않습니다: 학습이 발산했습니다</translation>
    </message>
    <message>
        <source>remembers all {0} steps: influence stays at or above {1} of its peak over the whole sequence</source>
        <translation>{0}개 타임 스텝을 모두 기억합니다: 영향이 시퀀스 전체에서 최댓값의 {1} 이상으로 유지됩니다</translation>
    </message>
    <message>
        <source>remembers about 1 step back: influence falls below {0} of its peak</source>
        <translation>약 1개 타임 스텝 전까지 기억합니다: 영향이 최댓값의 {0} 아래로 떨어집니다</translation>
    </message>
    <message>
        <source>remembers about {0} steps back: influence falls below {1} of its peak</source>
        <translation>약 {0}개 타임 스텝 전까지 기억합니다: 영향이 최댓값의 {1} 아래로 떨어집니다</translation>
    </message>
    <message>
        <source>the first input weighs {0}× the last (growing back in time)</source>
        <translation>첫 입력의 영향은 마지막 입력의 {0}배입니다 (과거로 갈수록 커짐)</translation>
    </message>
    <message>
        <source>the first input weighs {0} of the last (fading)</source>
        <translation>첫 입력의 영향은 마지막 입력의 {0}입니다 (희미해짐)</translation>
    </message>
    <message>
        <source>n·d + n·n + n = {0}·{1} + {1}·{1} + {1} = {2} parameters (d = {0} inputs, n = {1} units)</source>
        <translation>n·d + n·n + n = {0}·{1} + {1}·{1} + {1} = 파라미터 {2}개 (입력 d = {0}, 유닛 n = {1})</translation>
    </message>
    <message>
        <source>{0} = {1} parameters</source>
        <translation>{0} = 파라미터 {1}개</translation>
    </message>
    <message>
        <source>saturated (|h| &gt; 0.95): {0} of the probe's step×unit values</source>
        <translation>포화 (|h| &gt; 0.95): 프로브의 타임 스텝×유닛 값 중 {0}</translation>
    </message>
    <message>
        <source>dead (h = 0 at every probe step): {0} of units ({1} of {2})</source>
        <translation>죽은 유닛 (모든 프로브 타임 스텝에서 h = 0): 유닛의 {0} ({2}개 중 {1}개)</translation>
    </message>
    <message>
        <source>dead (h = 0 at every probe step): {0} of units</source>
        <translation>죽은 유닛 (모든 프로브 타임 스텝에서 h = 0): 유닛의 {0}</translation>
    </message>
    <message>
        <source>spectral radius of Wh: {0}</source>
        <translation>Wh의 스펙트럼 반지름: {0}</translation>
    </message>
    <message>
        <source>{0}: the weights are no longer finite; the run has diverged. Lower the learning rate.</source>
        <translation>{0}: 가중치가 더 이상 유한한 값이 아닙니다. 학습이 발산했습니다. 학습률을 낮추세요.</translation>
    </message>
    <message>
        <source>rising from {0:.2f}</source>
        <translation>{0:.2f}에서 오르는 중</translation>
    </message>
    <message>
        <source>staying</source>
        <translation>그대로</translation>
    </message>
    <message>
        <source>{0} (candidate block)</source>
        <translation>{0} (후보 블록)</translation>
    </message>
    <message>
        <source>{0}: the spectral radius of the recurrent weights is {1:.2f} ({2}) above 1; with ReLU a state can grow step after step and the run may diverge. A lower learning rate, or the tanh cell, keeps it bounded.</source>
        <translation>{0}: 순환 가중치의 스펙트럼 반지름이 {1:.2f}({2})로 1보다 큽니다. ReLU에서는 상태가 타임 스텝마다 커질 수 있어 학습이 발산할 수 있습니다. 학습률을 낮추거나 tanh 셀을 쓰면 상태가 유계로 유지됩니다.</translation>
    </message>
    <message>
        <source>{0}: {1:.0%} of the tanh states are saturated (|h| &gt; 0.95), up from {2:.0%}; where tanh is flat the gradient vanishes and those units stop learning. A lower learning rate or smaller inputs help.</source>
        <translation>{0}: tanh 상태의 {1:.0%}가 포화되었습니다(|h| &gt; 0.95, {2:.0%}에서 증가). tanh가 평평한 곳에서는 기울기가 사라져 그 유닛은 더 이상 학습하지 않습니다. 학습률을 낮추거나 입력을 작게 하면 도움이 됩니다.</translation>
    </message>
    <message>
        <source>{0}: {1:.0%} of the tanh states are saturated (|h| &gt; 0.95); where tanh is flat the gradient vanishes and those units stop learning. A lower learning rate or smaller inputs help.</source>
        <translation>{0}: tanh 상태의 {1:.0%}가 포화되었습니다(|h| &gt; 0.95). tanh가 평평한 곳에서는 기울기가 사라져 그 유닛은 더 이상 학습하지 않습니다. 학습률을 낮추거나 입력을 작게 하면 도움이 됩니다.</translation>
    </message>
    <message>
        <source>{0}: {1:.0%} of the ReLU units are dead (0 at every step of the probe); they no longer learn.</source>
        <translation>{0}: ReLU 유닛의 {1:.0%}가 죽었습니다(프로브의 모든 타임 스텝에서 0). 더 이상 학습하지 않습니다.</translation>
    </message>
    <message>
        <source>b (input)</source>
        <extracomment>a GRU's two bias rows as their strips name them; lupdate collects them (context GlassWords) so the inspector says them in the user's language</extracomment>
        <translation>b (입력)</translation>
    </message>
    <message>
        <source>b (recurrent)</source>
        <translation>b (순환)</translation>
    </message>
</context>
<context>
    <name>HeatmapView</name>
    <message>
        <source>time step</source>
        <translation>타임 스텝</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>time step (probe sequence)</source>
        <translation>타임 스텝 (프로브 시퀀스)</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>은닉 상태</translation>
    </message>
    <message>
        <source>Train a model to see every unit at every time step.</source>
        <translation>모델을 학습하면 모든 타임 스텝의 모든 유닛을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Which recurrent layer's hidden states to show (stacked models).</source>
        <translation>은닉 상태를 볼 순환 층 (여러 층을 쌓은 모델).</translation>
    </message>
    <message>
        <source>Which state of the cell to show: h is its output; an LSTM also keeps its memory c, which is not bounded to [-1, 1].</source>
        <translation>볼 셀 상태: h는 셀의 출력입니다. LSTM은 기억 c도 가지며, c는 [-1, 1] 범위에 묶이지 않습니다.</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>층 {0}</translation>
    </message>
    <message>
        <source>epoch {0}, batch {1}</source>
        <translation>에포크 {0}, 배치 {1}</translation>
    </message>
    <message>
        <source>epoch {0} (end)</source>
        <translation>에포크 {0} (끝)</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>대칭</translation>
    </message>
    <message>
        <source>{0} · {1} units × {2} steps · {3} · colour {4}</source>
        <translation>{0} · 유닛 {1}개 × 타임 스텝 {2}개 · {3} · 색 {4}</translation>
    </message>
    <message>
        <source>Train a model to see every unit at each of these {0} time steps.</source>
        <translation>모델을 학습하면 이 {0}개 타임 스텝마다 모든 유닛을 볼 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>InspectorView</name>
    <message>
        <source>Train a model or open a run, then click a time step on the heatmap or on the unrolled view, or pick one here.</source>
        <translation>모델을 학습하거나 실행을 연 다음, 히트맵이나 펼친 그림에서 타임 스텝을 클릭하거나 여기서 고르세요.</translation>
    </message>
    <message>
        <source>This snapshot has no weights with it (a run from before the inspector, or the glass box was off for this model), so its arithmetic cannot be redone.</source>
        <translation>이 스냅숏에는 가중치가 함께 저장되지 않았습니다 (검사기 이전의 실행이거나, 이 모델에서 글래스 박스가 꺼져 있었습니다). 그래서 계산을 다시 할 수 없습니다.</translation>
    </message>
    <message>
        <source>gate {0}</source>
        <translation>게이트 {0}</translation>
    </message>
    <message>
        <source>equals the Keras layer's {0} to {1} (the numpy reference step of {2} against the states Keras computed)</source>
        <translation>Keras 층의 {0}와(과) {1} 이내로 같습니다 ({2}의 numpy 참조 단계를 Keras가 계산한 상태와 비교)</translation>
    </message>
    <message>
        <source>x_{0} = {1} {2}, the layer below's h</source>
        <translation>x_{0} = {1} {2}, 아래층의 h</translation>
    </message>
    <message>
        <source>x_{0} = {1} {2}, as the layer sees it</source>
        <translation>x_{0} = {1} {2}, 층이 보는 그대로</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>층 {0}</translation>
    </message>
    <message>
        <source>epoch {0}, batch {1}</source>
        <translation>에포크 {0}, 배치 {1}</translation>
    </message>
    <message>
        <source>epoch {0} (end)</source>
        <translation>에포크 {0} (끝)</translation>
    </message>
    <message>
        <source> · h₀ = 0: nothing came before</source>
        <translation> · h₀ = 0: 이전 입력 없음</translation>
    </message>
    <message>
        <source>The time step of the probe sequence (1 is the first).</source>
        <translation>프로브 시퀀스의 타임 스텝 (1이 첫 타임 스텝).</translation>
    </message>
    <message>
        <source>Which recurrent layer (stacked models).</source>
        <translation>볼 순환 층 (여러 층을 쌓은 모델).</translation>
    </message>
    <message>
        <source>+{0} more; largest [{1}] = {2}</source>
        <translation>+{0}개 더; 가장 큰 값 [{1}] = {2}</translation>
    </message>
</context>
<context>
    <name>LiveView</name>
    <message>
        <source>model.keras (best epoch {0})</source>
        <extracomment>kept for compatibility: a snapshot view is drawn at most this often while a run streams in :meth:`LiveView.redraw` calls closer together than this are a stream (a redraw timer's ticks); twice the pacer's slowest interval, so ticks stay staggered however far the pacer slows them the heatmap panel and the trajectories widget (for the menus, exports and tests)</extracomment>
        <translation>model.keras (최적 에포크 {0})</translation>
    </message>
    <message>
        <source>epoch {0}, batch {1}</source>
        <translation>에포크 {0}, 배치 {1}</translation>
    </message>
    <message>
        <source>epoch {0} (end)</source>
        <translation>에포크 {0} (끝)</translation>
    </message>
    <message>
        <source>shown: {0}</source>
        <translation>표시: {0}</translation>
    </message>
    <message>
        <source>after epoch {0}</source>
        <translation>에포크 {0} 이후</translation>
    </message>
    <message>
        <source>No prediction yet at {0}: the first comes after epoch 1.</source>
        <translation>{0}에는 아직 예측이 없습니다: 첫 예측은 에포크 1 뒤에 나옵니다.</translation>
    </message>
</context>
<context>
    <name>LossMarks</name>
    <message>
        <source>Baseline: {0}, validation loss {1}. The model should get below this line.</source>
        <translation>기준선: {0}, 검증 손실 {1}. 모델은 이 선보다 낮아져야 합니다.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <source>the validation loss became {0} at epoch {1}, batch {2}</source>
        <extracomment>weight of the newest batch in the exponential moving average up to this many points a curve is drawn as is; beyond, from a min/max envelope peak-downsampling buckets per pixel column (pyqtgraph's autoDownsampleFactor; each bucket is drawn as two points, its min and max): one for the raw curve, a true min/max envelope; half for the smoothed one, which has no detail finer than a pixel or two but is drawn with a wide pen (wide lines are the costly part of painting the plot)</extracomment>
        <translation>에포크 {1}, 배치 {2}에서 검증 손실이 {0}이(가) 되었습니다</translation>
    </message>
    <message>
        <source>the validation loss became {0} at the end of epoch {1}</source>
        <translation>에포크 {1}의 끝에서 검증 손실이 {0}이(가) 되었습니다</translation>
    </message>
    <message>
        <source>loss became {0} at epoch {1}, batch {2}</source>
        <translation>에포크 {1}, 배치 {2}에서 손실이 {0}이(가) 되었습니다</translation>
    </message>
    <message>
        <source>loss became {0} at the end of epoch {1}</source>
        <translation>에포크 {1}의 끝에서 손실이 {0}이(가) 되었습니다</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>배치</translation>
    </message>
    <message>
        <source>batch (smoothed)</source>
        <translation>배치 (평활)</translation>
    </message>
    <message>
        <source>epoch: train</source>
        <translation>에포크: 학습</translation>
    </message>
    <message>
        <source>epoch: validation</source>
        <translation>에포크: 검증</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Show the loss on a logarithmic axis (useful once it falls by orders of magnitude).</source>
        <translation>손실을 로그 축에 표시합니다 (손실이 몇 자릿수씩 떨어질 때 유용합니다).</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
</context>
<context>
    <name>MemoryView</name>
    <message>
        <source>Train a model to see how far back each input still reaches the last step.</source>
        <translation>모델을 학습하면 각 입력이 얼마나 먼 과거에서 마지막 타임 스텝까지 영향을 주는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Memory: how far back does the cell remember?</source>
        <translation>기억: 셀은 얼마나 먼 과거까지 기억할까요?</translation>
    </message>
    <message>
        <source>log scale</source>
        <translation>로그 눈금</translation>
    </message>
    <message>
        <source>Influence over orders of magnitude: a fading cell's early steps are tiny, an exploding one's huge.</source>
        <translation>영향은 여러 자릿수에 걸칩니다: 영향이 희미해지는 셀은 앞쪽 타임 스텝의 값이 아주 작고, 폭주하는 셀은 아주 큽니다.</translation>
    </message>
    <message>
        <source>input at time step t (probe sequence)</source>
        <extracomment>the smallest and largest influence in the history how many history snapshots the extent has read, the last of them, and the extent</extracomment>
        <translation>타임 스텝 t의 입력 (프로브 시퀀스)</translation>
    </message>
    <message>
        <source>influence |∂h_T/∂x_t|</source>
        <translation>영향 |∂h_T/∂x_t|</translation>
    </message>
    <message>
        <source>&lt;span style='color:#466eb4'&gt;■&lt;/span&gt; probe (bars; grey: forgotten)  &lt;span style='color:#e67814'&gt;●&lt;/span&gt; mean over a validation batch  &lt;span style='color:#c82828'&gt;- -&lt;/span&gt; 10 % of the probe's peak</source>
        <translation>&lt;span style='color:#466eb4'&gt;■&lt;/span&gt; 프로브 (막대; 회색: 잊힘)  &lt;span style='color:#e67814'&gt;●&lt;/span&gt; 검증 배치 평균  &lt;span style='color:#c82828'&gt;- -&lt;/span&gt; 프로브 최댓값의 10 %</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>memory (steps)</source>
        <translation>기억 (타임 스텝 수)</translation>
    </message>
    <message>
        <source>epoch {0}, batch {1}</source>
        <translation>에포크 {0}, 배치 {1}</translation>
    </message>
    <message>
        <source>epoch {0} (end)</source>
        <translation>에포크 {0} (끝)</translation>
    </message>
    <message>
        <source>No influence was recorded with this snapshot (a run from before the memory view, or not yet).</source>
        <translation>이 스냅숏에는 영향이 기록되지 않았습니다 (기억 보기 이전의 실행이거나, 아직 기록되지 않았습니다).</translation>
    </message>
</context>
<context>
    <name>PredictionPanel</name>
    <message>
        <source>The model's prediction on a validation sample appears here after each epoch.</source>
        <translation>에포크마다 검증 샘플에 대한 모델의 예측이 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Prediction</source>
        <extracomment>the page that draws each TaskSpec's ``view``; a new task adds its view here</extracomment>
        <translation>예측</translation>
    </message>
    <message>
        <source>step (0 = first forecast step)</source>
        <translation>타임 스텝 (0 = 첫 예측 타임 스텝)</translation>
    </message>
    <message>
        <source>input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>actual</source>
        <translation>실제값</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>persistence (last value)</source>
        <translation>지속 예측 (마지막 값)</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Prediction after epoch {0}</source>
        <translation>에포크 {0} 이후의 예측</translation>
    </message>
    <message>
        <source>Prediction after epoch {0} (scrubbed back; newest: epoch {1})</source>
        <translation>에포크 {0} 이후의 예측 (되돌려 봄; 최신: 에포크 {1})</translation>
    </message>
    <message>
        <source>No view shows the predictions of task {0}.</source>
        <translation>작업 {0}의 예측을 보여 주는 보기가 없습니다.</translation>
    </message>
    <message>
        <source>right</source>
        <translation>정답</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>오답</translation>
    </message>
    <message>
        <source>&lt;i&gt;(the validation sample)&lt;/i&gt;</source>
        <translation>&lt;i&gt;(검증 샘플)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>“{0}”&lt;br&gt;true class: &lt;b&gt;{1}&lt;/b&gt; · predicted: &lt;b&gt;{2}&lt;/b&gt; ({3} sure)</source>
        <translation>“{0}”&lt;br&gt;실제 클래스: &lt;b&gt;{1}&lt;/b&gt; · 예측: &lt;b&gt;{2}&lt;/b&gt; (확신 {3})</translation>
    </message>
    <message>
        <source>validation window (first forecast step)</source>
        <translation>검증 윈도 (첫 예측 타임 스텝)</translation>
    </message>
    <message>
        <source> · persistence {0}</source>
        <translation> · 지속 예측 {0}</translation>
    </message>
    <message>
        <source>Whole validation part, {0}: {1} windows of {2} · {3}</source>
        <translation>검증 부분 전체, {0}: {2}의 윈도 {1}개 · {3}</translation>
    </message>
    <message>
        <source>Every validation window's first forecast step against the actual value; persistence repeats the last value seen.</source>
        <translation>모든 검증 윈도의 첫 예측 타임 스텝을 실제값과 비교합니다. 지속 예측은 마지막으로 본 값을 되풀이합니다.</translation>
    </message>
    <message>
        <source>
All forecast steps: {0}.</source>
        <translation>
모든 예측 타임 스텝: {0}.</translation>
    </message>
    <message>
        <source>{0}: one validation window (the whole validation part is shown once training stops)</source>
        <translation>{0}: 검증 윈도 하나 (학습이 멈추면 검증 부분 전체를 보여 줍니다)</translation>
    </message>
</context>
<context>
    <name>TrajectoriesView</name>
    <message>
        <source>time step</source>
        <extracomment>sequences up to this many steps get a marker at every step; longer ones are drawn as lines only (markers are a scatter item per curve, costly to lay out and paint at each snapshot)</extracomment>
        <translation>타임 스텝</translation>
    </message>
    <message>
        <source>Units to plot, e.g. '0-3, 7' (at most {0}).</source>
        <translation>그릴 유닛, 예: '0-3, 7' (최대 {0}개).</translation>
    </message>
    <message>
        <source>Unit trajectories</source>
        <translation>유닛 궤적</translation>
    </message>
    <message>
        <source>units</source>
        <translation>유닛</translation>
    </message>
    <message>
        <source>unit {0}</source>
        <translation>유닛 {0}</translation>
    </message>
</context>
<context>
    <name>UnrolledView</name>
    <message>
        <source>Train a model to see it unrolled over the probe sequence.</source>
        <translation>모델을 학습하면 프로브 시퀀스에 걸쳐 펼친 모습을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{0} at every step → {1}</source>
        <translation>모든 타임 스텝의 {0} → {1}</translation>
    </message>
    <message>
        <source>{0} at every step</source>
        <translation>모든 타임 스텝의 {0}</translation>
    </message>
    <message>
        <source>The network unrolled over the probe sequence: one box per time step. Train a model or open a run.</source>
        <translation>프로브 시퀀스에 걸쳐 펼친 신경망: 타임 스텝마다 상자 하나. 모델을 학습하거나 실행을 여세요.</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>층 {0}</translation>
    </message>
    <message>
        <source>head</source>
        <translation>출력층</translation>
    </message>
    <message>
        <source>input x: {0} steps of {1} features ({0}, {1})</source>
        <translation>입력 x: 특성 {1}개짜리 타임 스텝 {0}개 ({0}, {1})</translation>
    </message>
    <message>
        <source>input x: {0} steps</source>
        <translation>입력 x: 타임 스텝 {0}개</translation>
    </message>
    <message>
        <source>epoch {0}. Click a box to see its arithmetic.</source>
        <translation>에포크 {0}. 상자를 클릭하면 그 계산을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>one layer</source>
        <translation>층 하나가</translation>
    </message>
    <message>
        <source>{0} stacked layers, each passing its h up at every step,</source>
        <translation>쌓은 층 {0}개가 각각 모든 타임 스텝에서 h를 위로 전달하며</translation>
    </message>
    <message>
        <source>{0}; {1} from h₀ = 0. This language model predicts the next token at every step, so the head reads every h_t ({2}, {3}), not only the last one as in the notes' §7. {4}</source>
        <translation>{0}; {1} h₀ = 0에서 시작합니다. 이 언어 모델은 모든 타임 스텝에서 다음 토큰을 예측하므로, 출력층은 강의 노트 §7처럼 마지막 h만이 아니라 모든 h_t ({2}, {3})를 읽습니다. {4}</translation>
    </message>
    <message>
        <source>{0}; one layer of {1} units carries h from step to step, starting from h₀ = 0, and only its last state h_{2} ({1},) goes to the head (§7). {3}</source>
        <translation>{0}; 유닛 {1}개짜리 층 하나가 h₀ = 0에서 시작해 타임 스텝에서 타임 스텝으로 h를 전달하고, 마지막 상태 h_{2} ({1},)만 출력층으로 갑니다 (§7). {3}</translation>
    </message>
    <message>
        <source>{0}; {1} stacked layers: each layer but the last passes its h up at every step ({2}, {3}); the last passes only h_{2} ({4},) to the head (§8). {5}</source>
        <translation>{0}; 쌓은 층 {1}개: 마지막 층을 뺀 각 층은 모든 타임 스텝에서 h를 위로 전달하고 ({2}, {3}), 마지막 층은 h_{2} ({4},)만 출력층으로 전달합니다 (§8). {5}</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Heatmap</source>
        <extracomment>the window asks the training for a snapshot at least this often (``snapshot_seconds``), so the views have a fresh one to draw five times a second; each costs the training a few milliseconds (``bench/engine.py`` prints what)</extracomment>
        <translation>히트맵</translation>
    </message>
    <message>
        <source>Hidden states</source>
        <translation>은닉 상태</translation>
    </message>
    <message>
        <source>Trajectories</source>
        <translation>궤적</translation>
    </message>
    <message>
        <source>Unrolled</source>
        <translation>펼친 그림</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>셀 검사기</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>기억</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <source>Train a model to see its weights and how healthy they are.</source>
        <translation>모델을 학습하면 가중치와 그 건강 상태를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Weights and health</source>
        <translation>가중치와 건강 상태</translation>
    </message>
    <message>
        <source>Which recurrent layer's weights to show (stacked models).</source>
        <translation>가중치를 볼 순환 층 (여러 층을 쌓은 모델).</translation>
    </message>
    <message>
        <source>eigenvalues of Wh · unit circle</source>
        <translation>Wh의 고윳값 · 단위원</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>spectral radius</source>
        <translation>스펙트럼 반지름</translation>
    </message>
    <message>
        <source>health: no sign of saturation or divergence so far</source>
        <translation>건강 상태: 지금까지 포화나 발산의 징후 없음</translation>
    </message>
    <message>
        <source>unit j</source>
        <translation>유닛 j</translation>
    </message>
    <message>
        <source>input i</source>
        <translation>입력 i</translation>
    </message>
    <message>
        <source>from unit i</source>
        <translation>유닛 i에서</translation>
    </message>
    <message>
        <source>to unit j</source>
        <translation>유닛 j로</translation>
    </message>
    <message>
        <source>no square recurrent matrix in this cell</source>
        <translation>이 셀에는 정사각 순환 행렬이 없습니다</translation>
    </message>
    <message>
        <source>eigenvalues of {0}</source>
        <translation>고윳값: {0}</translation>
    </message>
    <message>
        <source>epoch {0}, batch {1}</source>
        <translation>에포크 {0}, 배치 {1}</translation>
    </message>
    <message>
        <source>epoch {0} (end)</source>
        <translation>에포크 {0} (끝)</translation>
    </message>
    <message>
        <source>No weights were recorded with this snapshot (a run from before the weights view, or not yet).</source>
        <translation>이 스냅숏에는 가중치가 기록되지 않았습니다 (가중치 보기 이전의 실행이거나, 아직 기록되지 않았습니다).</translation>
    </message>
</context>
</TS>