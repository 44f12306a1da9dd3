<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>CompareCurves</name>
    <message>
        <source>{0} batch loss</source>
        <translation>{0} 배치 손실</translation>
    </message>
    <message>
        <source>{0} val loss</source>
        <translation>{0} 검증 손실</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
</context>
<context>
    <name>CompareHeatmaps</name>
    <message>
        <source>end of epoch {0}</source>
        <translation>에포크 {0}의 끝</translation>
    </message>
    <message>
        <source>epoch {0}, after batch {1}</source>
        <translation>에포크 {0}, 배치 {1} 이후</translation>
    </message>
    <message>
        <source>Both heatmaps at the same moment of training</source>
        <translation>두 히트맵을 학습의 같은 순간에 보여 줍니다</translation>
    </message>
    <message>
        <source>No snapshots yet</source>
        <translation>아직 스냅숏 없음</translation>
    </message>
    <message>
        <source>Which recurrent layer both heatmaps show (stacked runs)</source>
        <translation>두 히트맵이 보여 줄 순환 층 (여러 층을 쌓은 실행)</translation>
    </message>
    <message>
        <source>layer {0}</source>
        <translation>층 {0}</translation>
    </message>
    <message>
        <source>Difference A − B</source>
        <translation>차이 A − B</translation>
    </message>
    <message>
        <source>A third heatmap: A's hidden states minus B's, where both have the same units and probe sequence</source>
        <translation>세 번째 히트맵: A의 은닉 상태에서 B의 은닉 상태를 뺀 값 (둘의 유닛과 프로브 시퀀스가 같을 때)</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>에포크:</translation>
    </message>
    <message>
        <source>no snapshot at this moment</source>
        <translation>이 순간의 스냅숏 없음</translation>
    </message>
    <message>
        <source>{0} has no layer {1}</source>
        <translation>{0}에는 층 {1}이 없습니다</translation>
    </message>
    <message>
        <source>{0}: layer {1}, {2} units, {3}</source>
        <translation>{0}: 층 {1}, 유닛 {2}개, {3}</translation>
    </message>
    <message>
        <source>{0}: {1} units, {2}</source>
        <translation>{0}: 유닛 {1}개, {2}</translation>
    </message>
    <message>
        <source>needs a snapshot on both sides</source>
        <translation>양쪽 모두 스냅숏이 있어야 합니다</translation>
    </message>
    <message>
        <source>A has {0} units, B {1}: no difference of different shapes or probes</source>
        <translation>A는 유닛 {0}개, B는 {1}개: 모양이나 프로브가 다르면 차이를 구하지 않습니다</translation>
    </message>
    <message>
        <source>largest |A − B| {0}</source>
        <translation>최대 |A − B| {0}</translation>
    </message>
</context>
<context>
    <name>CompareSetup</name>
    <message>
        <source>past run: {0}</source>
        <extracomment>the pair the notes contrast first</extracomment>
        <translation>지난 실행: {0}</translation>
    </message>
    <message>
        <source>train {0}</source>
        <translation>{0} 학습</translation>
    </message>
    <message>
        <source>Add cell</source>
        <translation>셀 추가</translation>
    </message>
    <message>
        <source>Add past run…</source>
        <translation>지난 실행 추가…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <source>the window's</source>
        <translation>주 창의 값</translation>
    </message>
    <message>
        <source>This run's learning rate; empty: the main window's</source>
        <translation>이 실행의 학습률. 비워 두면 주 창의 값을 씁니다</translation>
    </message>
    <message>
        <source>cell</source>
        <translation>셀</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>{0} to {1} runs, trained one after another on the open data with the same seed and split:</source>
        <translation>실행 {0}~{1}개를 열린 데이터에서 같은 시드와 분할로 차례로 학습합니다:</translation>
    </message>
    <message>
        <source>Add a past run directory</source>
        <translation>지난 실행 디렉터리 추가</translation>
    </message>
    <message>
        <source>{0}: read as it is (its own data and settings)</source>
        <translation>{0}: 그대로 읽습니다 (자체 데이터와 설정)</translation>
    </message>
    <message>
        <source>compare takes {0} to {1} runs; there are {2}</source>
        <translation>비교에는 실행이 {0}~{1}개 필요합니다. 지금은 {2}개입니다</translation>
    </message>
</context>
<context>
    <name>CompareTable</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Validation metrics</source>
        <translation>검증 지표</translation>
    </message>
    <message>
        <source>Baselines (same validation part)</source>
        <translation>기준선 (같은 검증 부분)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>속도</translation>
    </message>
    <message>
        <source>Memory and health</source>
        <translation>기억과 건강 상태</translation>
    </message>
    <message>
        <source>status</source>
        <extracomment>the fixed row names of :func:`~seqstudio.engine.compare.compare_runs` (as ``seqstudio compare`` prints them), shown translated; the rest (settings keys, metrics, baselines' names) are shown as the engine names them</extracomment>
        <translation>상태</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <source>epochs done</source>
        <translation>마친 에포크</translation>
    </message>
    <message>
        <source>best epoch</source>
        <translation>최적 에포크</translation>
    </message>
    <message>
        <source>val_loss (last epoch)</source>
        <translation>val_loss (마지막 에포크)</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>파라미터 수</translation>
    </message>
    <message>
        <source>s per epoch (median)</source>
        <translation>에포크당 s (중앙값)</translation>
    </message>
    <message>
        <source>samples/s</source>
        <translation>샘플/s</translation>
    </message>
    <message>
        <source>first epoch s (with compiling)</source>
        <translation>첫 에포크 s (컴파일 포함)</translation>
    </message>
    <message>
        <source>wall time s (with start-up)</source>
        <translation>전체 시간 s (시작 포함)</translation>
    </message>
    <message>
        <source>best epoch against them</source>
        <translation>최적 에포크와 기준선 비교</translation>
    </message>
    <message>
        <source>at epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>memory (steps back)</source>
        <translation>기억 (되돌아본 타임 스텝 수)</translation>
    </message>
    <message>
        <source>finished</source>
        <extracomment>the engine's run states, as the ``status`` row holds them</extracomment>
        <translation>완료</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>running</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>Differences only</source>
        <translation>차이만 보기</translation>
    </message>
    <message>
        <source>Show only the settings in which the runs differ</source>
        <translation>실행끼리 다른 설정만 보여 줍니다</translation>
    </message>
    <message>
        <source>The table appears when the runs have trained.</source>
        <translation>실행의 학습이 끝나면 표가 나타납니다.</translation>
    </message>
    <message>
        <source>The runs differ in this setting</source>
        <translation>이 설정은 실행마다 다릅니다</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Compare runs — seqstudio</source>
        <translation>실행 비교 — seqstudio</translation>
    </message>
    <message>
        <source>Train and compare</source>
        <extracomment>from Train and compare until the table is filled (or nothing is left to compare)</extracomment>
        <translation>학습 후 비교</translation>
    </message>
    <message>
        <source>Train the cells one after another, then compare (F5)</source>
        <translation>셀을 차례로 학습한 뒤 비교합니다 (F5)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Stop the run that trains and train no more (Esc)</source>
        <translation>학습 중인 실행을 멈추고 더는 학습하지 않습니다 (Esc)</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>the runs are training</source>
        <translation>실행이 학습 중입니다</translation>
    </message>
    <message>
        <source>the main window is training; stop it first</source>
        <translation>주 창에서 학습 중입니다. 먼저 멈추세요</translation>
    </message>
    <message>
        <source>TensorFlow is still loading</source>
        <translation>TensorFlow를 아직 불러오는 중입니다</translation>
    </message>
    <message>
        <source>open a data file in the main window first</source>
        <translation>먼저 주 창에서 데이터 파일을 여세요</translation>
    </message>
    <message>
        <source>Cannot compare yet</source>
        <translation>아직 비교할 수 없습니다</translation>
    </message>
    <message>
        <source>The table appears when the runs have trained.</source>
        <translation>실행의 학습이 끝나면 표가 나타납니다.</translation>
    </message>
    <message>
        <source>Cannot read a past run</source>
        <translation>지난 실행을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Training {0} into {1}</source>
        <translation>{0} 학습 중, 저장 위치 {1}</translation>
    </message>
    <message>
        <source>run {0} of {1} ({2}): epoch {3} of {4}</source>
        <translation>실행 {0}/{1} ({2}): 에포크 {3}/{4}</translation>
    </message>
    <message>
        <source>A run failed</source>
        <translation>실행 하나가 실패했습니다</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>현재 배치가 끝나면 멈춥니다…</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>trained</source>
        <translation>학습 완료</translation>
    </message>
    <message>
        <source>Fewer than 2 runs have a run directory: nothing to compare.</source>
        <translation>실행 디렉터리가 있는 실행이 2개보다 적습니다: 비교할 것이 없습니다.</translation>
    </message>
    <message>
        <source>Comparing: counting parameters and the baselines…</source>
        <translation>비교 중: 파라미터와 기준선을 계산하고 있습니다…</translation>
    </message>
    <message>
        <source>Stopped: the table compares what each run had learned.</source>
        <translation>중지됨: 표는 각 실행이 그때까지 배운 것을 비교합니다.</translation>
    </message>
    <message>
        <source>Compared {0}.</source>
        <translation>{0}을(를) 비교했습니다.</translation>
    </message>
    <message>
        <source>The comparison failed.</source>
        <translation>비교에 실패했습니다.</translation>
    </message>
    <message>
        <source>Cannot compare the runs</source>
        <translation>실행을 비교할 수 없습니다</translation>
    </message>
</context>
</TS>