<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>About</name>
    <message>
        <source>loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>plugin contract</source>
        <translation>플러그인 규약</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>플랫폼</translation>
    </message>
    <message>
        <source>A studio for recurrent sequence models: open a file, pick a cell, and watch it learn.</source>
        <translation>순환 신경망 시퀀스 모델을 위한 스튜디오입니다. 파일을 열고 셀을 고른 다음 학습하는 모습을 지켜보세요.</translation>
    </message>
    <message>
        <source>About seqstudio</source>
        <translation>seqstudio 정보</translation>
    </message>
</context>
<context>
    <name>Baselines</name>
    <message>
        <source>unigram</source>
        <translation>유니그램</translation>
    </message>
    <message>
        <source>interpolated bigram</source>
        <translation>보간 바이그램</translation>
    </message>
    <message>
        <source>majority class</source>
        <translation>최빈 클래스</translation>
    </message>
    <message>
        <source>bag-of-words</source>
        <translation>단어 가방</translation>
    </message>
    <message>
        <source>training mean</source>
        <translation>학습 데이터 평균</translation>
    </message>
    <message>
        <source>persistence</source>
        <translation>지속 예측</translation>
    </message>
    <message>
        <source>seasonal naive</source>
        <translation>계절 단순 예측</translation>
    </message>
    <message>
        <source>val loss</source>
        <translation>검증 손실</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>seasonal naive (period {0})</source>
        <translation>계절 단순 예측(주기 {0})</translation>
    </message>
    <message>
        <source>a margin</source>
        <translation>약간</translation>
    </message>
    <message>
        <source>{0:.1f} points</source>
        <translation>{0:.1f}%p</translation>
    </message>
    <message>
        <source>{0:.0f} %</source>
        <translation>{0:.0f}%</translation>
    </message>
    <message>
        <source>({0} {1} against {2})</source>
        <translation>({0} {1} 대 {2})</translation>
    </message>
    <message>
        <source>the model beats {0} by {1} {2}</source>
        <translation>모델이 {0}보다 {1} 낫습니다 {2}</translation>
    </message>
    <message>
        <source>beats {0} by {1} {2}</source>
        <translation>{0}보다 {1} 나음 {2}</translation>
    </message>
    <message>
        <source>the model is level with {0} {1}</source>
        <translation>모델이 {0}와(과) 같습니다 {1}</translation>
    </message>
    <message>
        <source>level with {0} {1}</source>
        <translation>{0}와(과) 같음 {1}</translation>
    </message>
    <message>
        <source>the model is not yet better than {0} {1}</source>
        <translation>모델이 아직 {0}보다 낫지 않습니다 {1}</translation>
    </message>
    <message>
        <source>not yet better than {0} {1}</source>
        <translation>아직 {0}보다 낫지 않음 {1}</translation>
    </message>
</context>
<context>
    <name>DataOptionsForm</name>
    <message>
        <source>(auto)</source>
        <translation>(자동)</translation>
    </message>
    <message>
        <source>Preset: the lecture notes' example</source>
        <extracomment>the data layer imports pandas: it is read once loaded in the background, not at launch data options this form has no field for, kept as they were given (by a lesson) and passed on</extracomment>
        <translation>프리셋: 강의 노트의 예제</translation>
    </message>
    <message>
        <source>Preset: lecture notes {0} × {1} × {2}</source>
        <translation>프리셋: 강의 노트 {0} × {1} × {2}</translation>
    </message>
    <message>
        <source>detect from file</source>
        <translation>파일에서 알아내기</translation>
    </message>
    <message>
        <source>language model (next token)</source>
        <translation>언어 모델 (다음 토큰)</translation>
    </message>
    <message>
        <source>classify sequences</source>
        <translation>시퀀스 분류</translation>
    </message>
    <message>
        <source>forecast a series</source>
        <translation>시계열 예측</translation>
    </message>
    <message>
        <source>What to learn: predict the next token, a class per text, or the next values of a series.</source>
        <translation>무엇을 학습할지 고릅니다. 다음 토큰 예측, 텍스트마다 클래스 하나, 또는 시계열의 다음 값입니다.</translation>
    </message>
    <message>
        <source>by task</source>
        <translation>작업에 따라</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>문자</translation>
    </message>
    <message>
        <source>words</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>Split text into characters or words; each becomes one time step. By task: characters for a language model, words for classification.</source>
        <translation>텍스트를 문자나 단어로 나눕니다. 하나하나가 한 타임 스텝이 됩니다. 작업에 따라: 언어 모델은 문자, 분류는 단어입니다.</translation>
    </message>
    <message>
        <source>Vocabulary size V: the most frequent tokens, including padding and the out-of-vocabulary token. Auto: chosen from the file, covering nearly all of its tokens.</source>
        <translation>어휘 크기 V: 가장 자주 나오는 토큰들이며, 패딩과 어휘 밖 토큰을 포함합니다. 자동: 파일의 토큰을 거의 모두 담도록 파일에서 정합니다.</translation>
    </message>
    <message>
        <source>auto (from the file)</source>
        <translation>자동 (파일에서)</translation>
    </message>
    <message>
        <source>Sequence length T: time steps per sample. Auto: chosen from the file (near the 90th-percentile sentence length).</source>
        <translation>시퀀스 길이 T: 샘플 하나의 타임 스텝 수입니다. 자동: 파일에서 정합니다 (문장 길이의 90번째 백분위수 근처).</translation>
    </message>
    <message>
        <source>The lecture notes' example: words, a 100-word vocabulary, 20 steps, one-hot input, a tanh RNN with 10 units (100·10 + 10·10 + 10 = 1,110 parameters).</source>
        <translation>강의 노트의 예제: 단어 단위, 단어 100개 어휘, 20 타임 스텝, 원-핫 입력, 유닛 10개의 tanh RNN (100·10 + 10·10 + 10 = 1,110개 파라미터).</translation>
    </message>
    <message>
        <source>auto (by vocabulary)</source>
        <translation>자동 (어휘 크기에 따라)</translation>
    </message>
    <message>
        <source>one-hot</source>
        <translation>원-핫</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>One-hot: each token is a V-long 0/1 vector (d = V, as in the notes). Embedding: a learned dense vector.</source>
        <translation>원-핫: 토큰마다 길이 V의 0/1 벡터입니다 (노트처럼 d = V). 임베딩: 학습되는 밀집 벡터입니다.</translation>
    </message>
    <message>
        <source>Column holding the text (classification).</source>
        <translation>텍스트가 든 열 (분류).</translation>
    </message>
    <message>
        <source>Column holding the class label.</source>
        <translation>클래스 레이블이 든 열.</translation>
    </message>
    <message>
        <source>all numeric columns</source>
        <translation>숫자 열 전부</translation>
    </message>
    <message>
        <source>Input columns, comma-separated. Empty: every numeric column.</source>
        <translation>입력 열, 쉼표로 구분합니다. 비우면 숫자 열 전부입니다.</translation>
    </message>
    <message>
        <source>last numeric column</source>
        <translation>마지막 숫자 열</translation>
    </message>
    <message>
        <source>Column(s) to forecast, comma-separated. Empty: the last numeric column.</source>
        <translation>예측할 열, 쉼표로 구분합니다. 비우면 마지막 숫자 열입니다.</translation>
    </message>
    <message>
        <source>Window: how many past steps the model sees.</source>
        <translation>윈도: 모델이 보는 과거 타임 스텝의 수입니다.</translation>
    </message>
    <message>
        <source>Horizon: how many steps ahead to forecast.</source>
        <translation>예측 범위: 몇 타임 스텝 앞을 예측할지 정합니다.</translation>
    </message>
    <message>
        <source>interpolate</source>
        <translation>보간</translation>
    </message>
    <message>
        <source>drop rows</source>
        <translation>행 버리기</translation>
    </message>
    <message>
        <source>report an error</source>
        <translation>오류로 알리기</translation>
    </message>
    <message>
        <source>What to do with missing values in the series.</source>
        <translation>시계열의 결측값을 어떻게 처리할지 정합니다.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>어휘</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>시퀀스 길이</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>입력</translation>
    </message>
    <message>
        <source>Text column</source>
        <translation>텍스트 열</translation>
    </message>
    <message>
        <source>Label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>시계열</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>열</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>타깃</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>윈도</translation>
    </message>
    <message>
        <source>Horizon</source>
        <translation>예측 범위</translation>
    </message>
    <message>
        <source>Missing values</source>
        <translation>결측값</translation>
    </message>
    <message>
        <source>a plain text file can only be used for language modelling (next token)</source>
        <extracomment>columns whose few cells that are not numbers are read as missing values (chosen by the data panel's "treat as missing" button) the given options of :data:`KEPT_OPTIONS`, which :meth:`options` passes on</extracomment>
        <translation>일반 텍스트 파일은 언어 모델(다음 토큰)에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>columns: no column {0!r}; the columns are {1}</source>
        <translation>열: {0!r} 열이 없습니다. 열은 {1}입니다</translation>
    </message>
    <message>
        <source>target: no column {0!r}; the columns are {1}</source>
        <translation>타깃: {0!r} 열이 없습니다. 열은 {1}입니다</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>No file open. Use File ▸ Open (Ctrl+O) or drop a file here.</source>
        <extracomment>the settings were edited: the dataset is gone until they are valid and it is rebuilt a large file is being read: (fraction done, what is being done), on the GUI thread</extracomment>
        <translation>열린 파일이 없습니다. 파일 ▸ 열기(Ctrl+O)를 쓰거나 파일을 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop reading this file; the settings stay as they are</source>
        <translation>이 파일 읽기를 멈춥니다. 설정은 그대로 남습니다</translation>
    </message>
    <message>
        <source>First lines</source>
        <translation>첫 줄들</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Cannot open {0}: {1}</source>
        <translation>{0}을(를) 열 수 없습니다: {1}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>Loading TensorFlow… the dataset is built when it is ready.</source>
        <translation>TensorFlow를 불러오는 중… 준비되면 데이터셋을 만듭니다.</translation>
    </message>
    <message>
        <source>cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Treat the bad cell of {1} as a missing value</source>
        <translation>{1}의 잘못된 셀을 결측값으로 처리</translation>
    </message>
    <message>
        <source>Treat the {0} bad cells of {1} as missing values</source>
        <translation>{1}의 잘못된 셀 {0}개를 결측값으로 처리</translation>
    </message>
    <message>
        <source>They are then filled like any missing value (see Missing values); the rows named above stay in the file.</source>
        <translation>그러면 다른 결측값처럼 채워집니다 (결측값 설정 참고). 위에 적힌 행은 파일에 그대로 남습니다.</translation>
    </message>
    <message>
        <source>loading was cancelled; change a setting or open the file again</source>
        <translation>불러오기가 취소되었습니다. 설정을 바꾸거나 파일을 다시 여세요</translation>
    </message>
    <message>
        <source>Loading cancelled.</source>
        <translation>불러오기를 취소했습니다.</translation>
    </message>
    <message>
        <source>train / validation</source>
        <translation>학습 / 검증</translation>
    </message>
    <message>
        <source>{0:,} / {1:,} samples</source>
        <translation>샘플 {0:,} / {1:,}개</translation>
    </message>
    <message>
        <source>input per sample</source>
        <translation>샘플당 입력</translation>
    </message>
    <message>
        <source>{0} steps × {1} features ({2})</source>
        <translation>{0} 타임 스텝 × 특성 {1}개 ({2})</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>데이터셋</translation>
    </message>
</context>
<context>
    <name>DatasetSummary</name>
    <message>
        <source>file</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>format</source>
        <translation>형식</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>인코딩</translation>
    </message>
    <message>
        <source>task</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>level</source>
        <translation>단위</translation>
    </message>
    <message>
        <source>characters in text</source>
        <translation>텍스트의 문자 수</translation>
    </message>
    <message>
        <source>words in text</source>
        <translation>텍스트의 단어 수</translation>
    </message>
    <message>
        <source>vocabulary size</source>
        <translation>어휘 크기</translation>
    </message>
    <message>
        <source>vocabulary coverage</source>
        <translation>어휘 포괄률</translation>
    </message>
    <message>
        <source>out-of-vocabulary tokens</source>
        <translation>어휘 밖 토큰</translation>
    </message>
    <message>
        <source>sequence length (T)</source>
        <translation>시퀀스 길이 (T)</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>타깃</translation>
    </message>
    <message>
        <source>stride</source>
        <translation>보폭</translation>
    </message>
    <message>
        <source>training samples</source>
        <translation>학습 샘플</translation>
    </message>
    <message>
        <source>validation samples</source>
        <translation>검증 샘플</translation>
    </message>
    <message>
        <source>read</source>
        <translation>읽기</translation>
    </message>
    <message>
        <source>text column</source>
        <translation>텍스트 열</translation>
    </message>
    <message>
        <source>label column</source>
        <translation>레이블 열</translation>
    </message>
    <message>
        <source>texts</source>
        <translation>텍스트 수</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>클래스 수</translation>
    </message>
    <message>
        <source>class balance</source>
        <translation>클래스 분포</translation>
    </message>
    <message>
        <source>texts truncated</source>
        <translation>잘린 텍스트</translation>
    </message>
    <message>
        <source>median tokens per text</source>
        <translation>텍스트당 토큰 수 중앙값</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>training rows</source>
        <translation>학습 행</translation>
    </message>
    <message>
        <source>validation rows</source>
        <translation>검증 행</translation>
    </message>
    <message>
        <source>input columns</source>
        <translation>입력 열</translation>
    </message>
    <message>
        <source>target columns</source>
        <translation>타깃 열</translation>
    </message>
    <message>
        <source>window (T)</source>
        <translation>윈도 (T)</translation>
    </message>
    <message>
        <source>horizon</source>
        <translation>예측 범위</translation>
    </message>
    <message>
        <source>date column</source>
        <translation>날짜 열</translation>
    </message>
    <message>
        <source>first date</source>
        <translation>첫 날짜</translation>
    </message>
    <message>
        <source>last date</source>
        <translation>마지막 날짜</translation>
    </message>
    <message>
        <source>time step</source>
        <translation>타임 스텝 간격</translation>
    </message>
    <message>
        <source>typical time step</source>
        <translation>보통의 타임 스텝 간격</translation>
    </message>
    <message>
        <source>validation starts</source>
        <translation>검증 시작</translation>
    </message>
    <message>
        <source>language model (next token)</source>
        <translation>언어 모델 (다음 토큰)</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>예측</translation>
    </message>
    <message>
        <source>the next token at every step</source>
        <translation>모든 타임 스텝에서 다음 토큰</translation>
    </message>
    <message>
        <source>the token after the last step</source>
        <translation>마지막 타임 스텝 다음의 토큰</translation>
    </message>
    <message>
        <source>streamed from disk</source>
        <translation>디스크에서 스트리밍</translation>
    </message>
    <message>
        <source>char</source>
        <translation>문자</translation>
    </message>
    <message>
        <source>word</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>Plain text</source>
        <translation>일반 텍스트</translation>
    </message>
    <message>
        <source>Comma-separated table</source>
        <translation>쉼표로 구분한 표</translation>
    </message>
    <message>
        <source>Tab-separated table</source>
        <translation>탭으로 구분한 표</translation>
    </message>
    <message>
        <source>lm</source>
        <translation>언어 모델</translation>
    </message>
    <message>
        <source>classify</source>
        <translation>분류</translation>
    </message>
    <message>
        <source>onehot</source>
        <translation>원-핫</translation>
    </message>
    <message>
        <source>embedding</source>
        <translation>임베딩</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>숫자</translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <source>PNG image (*.png);;SVG (*.svg)</source>
        <translation>PNG 이미지 (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation>{0}에 저장했습니다</translation>
    </message>
    <message>
        <source>Export loss plot</source>
        <translation>손실 그래프 내보내기</translation>
    </message>
    <message>
        <source>Export heatmap</source>
        <translation>히트맵 내보내기</translation>
    </message>
    <message>
        <source>Export hidden states</source>
        <translation>은닉 상태 내보내기</translation>
    </message>
    <message>
        <source>All snapshots (*.npz);;Shown snapshot (*.csv)</source>
        <translation>모든 스냅숏 (*.npz);;보이는 스냅숏 (*.csv)</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>내보내기...</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <source>seqstudio — User Guide</source>
        <translation>seqstudio — 사용 설명서</translation>
    </message>
    <message>
        <source>*This guide is written in English only; the window's own words are in your language.*</source>
        <translation>*이 설명서는 영어로만 쓰여 있습니다. 창에 보이는 말은 고른 언어로 나옵니다.*</translation>
    </message>
    <message>
        <source># User guide

The guide is `docs/gui.md` in the seqstudio source repository; this installation does not include it.</source>
        <translation># 사용 설명서

설명서는 seqstudio 소스 저장소의 `docs/gui.md`입니다. 이 설치본에는 들어 있지 않습니다.</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>A spin box or list takes the mouse wheel only after you click into it; until then the wheel scrolls the panel.</source>
        <translation>숫자 상자나 목록은 한 번 클릭한 뒤에야 마우스 휠을 받습니다. 그 전에는 휠이 패널을 스크롤합니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Data files (*.txt *.csv *.tsv *.md);;All files (*)</source>
        <translation>데이터 파일 (*.txt *.csv *.tsv *.md);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Plugins ({0} failed)</source>
        <translation>플러그인 ({0}개 실패)</translation>
    </message>
    <message>
        <source>Plugins</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>Loading TensorFlow in the background…</source>
        <translation>TensorFlow를 백그라운드에서 불러오는 중…</translation>
    </message>
    <message>
        <source>Open data file</source>
        <translation>데이터 파일 열기</translation>
    </message>
    <message>
        <source>Training in progress</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>Stop training before opening another file.</source>
        <translation>다른 파일을 열기 전에 학습을 중지하세요.</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Opened {0}</source>
        <translation>{0}을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Dataset ready: {0}, {1:,} training samples of {2} steps.</source>
        <translation>데이터셋 준비 완료: {0}, {2} 타임 스텝짜리 학습 샘플 {1:,}개.</translation>
    </message>
    <message>
        <source>Cannot use this file</source>
        <translation>이 파일을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>TensorFlow {0} ready ({1} s).</source>
        <translation>TensorFlow {0} 준비 완료 ({1} s).</translation>
    </message>
    <message>
        <source>TensorFlow could not be loaded</source>
        <translation>TensorFlow를 불러오지 못했습니다</translation>
    </message>
    <message>
        <source>Training is unavailable: {0}</source>
        <translation>학습할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>The compare window is training; wait for its table or stop it there</source>
        <translation>비교 창에서 학습 중입니다. 표가 나올 때까지 기다리거나 거기서 중지하세요</translation>
    </message>
    <message>
        <source>TensorFlow failed to load</source>
        <translation>TensorFlow를 불러오지 못했습니다</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow를 불러오는 중…</translation>
    </message>
    <message>
        <source>Open a data file first</source>
        <translation>먼저 데이터 파일을 여세요</translation>
    </message>
    <message>
        <source>Data: {0}</source>
        <translation>데이터: {0}</translation>
    </message>
    <message>
        <source>Model: {0}</source>
        <translation>모델: {0}</translation>
    </message>
    <message>
        <source>Training: {0}</source>
        <translation>학습: {0}</translation>
    </message>
    <message>
        <source>Loading data…</source>
        <translation>데이터를 불러오는 중…</translation>
    </message>
    <message>
        <source>Training {0}…</source>
        <translation>{0} 학습 중…</translation>
    </message>
    <message>
        <source>building the model…</source>
        <translation>모델을 만드는 중…</translation>
    </message>
    <message>
        <source>Resumed.</source>
        <translation>계속합니다.</translation>
    </message>
    <message>
        <source>Paused. Resume with Ctrl+P, or Stop.</source>
        <translation>일시 정지했습니다. Ctrl+P로 계속하거나 중지하세요.</translation>
    </message>
    <message>
        <source>Stopping after the current batch…</source>
        <translation>현재 배치가 끝나면 중지합니다…</translation>
    </message>
    <message>
        <source>Training {0:,} parameters; run directory {1}</source>
        <translation>파라미터 {0:,}개를 학습합니다. 실행 폴더 {1}</translation>
    </message>
    <message>
        <source>Epoch {0}: {1}</source>
        <translation>에포크 {0}: {1}</translation>
    </message>
    <message>
        <source>Run directory: {0}</source>
        <translation>실행 폴더: {0}</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a text file or a time-series CSV</source>
        <translation>텍스트 파일이나 시계열 CSV를 엽니다</translation>
    </message>
    <message>
        <source>Open &amp;Run…</source>
        <translation>실행 열기(&amp;R)…</translation>
    </message>
    <message>
        <source>Open a past run directory and replay its plots</source>
        <translation>지난 실행 폴더를 열고 그래프를 다시 재생합니다</translation>
    </message>
    <message>
        <source>Open &amp;Lesson…</source>
        <translation>수업 열기(&amp;L)…</translation>
    </message>
    <message>
        <source>Open a lesson file: its data, settings and steps</source>
        <translation>수업 파일을 엽니다: 데이터, 설정, 단계</translation>
    </message>
    <message>
        <source>Save Settings as Lesso&amp;n…</source>
        <translation>설정을 수업으로 저장(&amp;N)…</translation>
    </message>
    <message>
        <source>Save the data, model and training settings as a lesson file</source>
        <translation>데이터, 모델, 학습 설정을 수업 파일로 저장합니다</translation>
    </message>
    <message>
        <source>Export Loss &amp;Plot…</source>
        <translation>손실 그래프 내보내기(&amp;P)…</translation>
    </message>
    <message>
        <source>Save the loss plot as PNG or SVG</source>
        <translation>손실 그래프를 PNG나 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Export &amp;Heatmap Image…</source>
        <translation>히트맵 이미지 내보내기(&amp;H)…</translation>
    </message>
    <message>
        <source>Save the hidden-state heatmap as PNG or SVG</source>
        <translation>은닉 상태 히트맵을 PNG나 SVG로 저장합니다</translation>
    </message>
    <message>
        <source>Export Hidden &amp;States…</source>
        <translation>은닉 상태 내보내기(&amp;S)…</translation>
    </message>
    <message>
        <source>Save hidden states as CSV (shown snapshot) or NPZ (all snapshots)</source>
        <translation>은닉 상태를 CSV(보이는 스냅숏)나 NPZ(모든 스냅숏)로 저장합니다</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit seqstudio</source>
        <translation>seqstudio를 끝냅니다</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>학습 시작</translation>
    </message>
    <message>
        <source>&amp;Pause / Resume</source>
        <translation>일시 정지 / 계속(&amp;P)</translation>
    </message>
    <message>
        <source>Pause or resume training</source>
        <translation>학습을 일시 정지하거나 계속합니다</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>중지(&amp;T)</translation>
    </message>
    <message>
        <source>Stop after the current batch, keeping what was learned</source>
        <translation>현재 배치가 끝나면 중지하고, 학습한 내용은 남깁니다</translation>
    </message>
    <message>
        <source>&amp;Compare Runs…</source>
        <translation>실행 비교(&amp;C)…</translation>
    </message>
    <message>
        <source>Train 2-4 cells one after another on the same data and seed, and compare them side by side</source>
        <translation>같은 데이터와 시드로 셀 2~4개를 차례로 학습하고 나란히 비교합니다</translation>
    </message>
    <message>
        <source>&amp;Log-scale Loss</source>
        <translation>손실 로그 눈금(&amp;L)</translation>
    </message>
    <message>
        <source>Toggle a logarithmic loss axis</source>
        <translation>손실 축을 로그 눈금으로 바꾸거나 되돌립니다</translation>
    </message>
    <message>
        <source>&amp;About seqstudio</source>
        <translation>seqstudio 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Versions of seqstudio and its libraries</source>
        <translation>seqstudio와 라이브러리의 버전</translation>
    </message>
    <message>
        <source>User &amp;Guide</source>
        <translation>사용 설명서(&amp;G)</translation>
    </message>
    <message>
        <source>What each part of the window shows, and how to use it</source>
        <translation>창의 각 부분이 무엇을 보여 주는지, 어떻게 쓰는지</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>Every keyboard shortcut</source>
        <translation>모든 단축키</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>환경 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>Where runs are written</source>
        <translation>실행 결과를 저장할 곳</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Sample</source>
        <translation>예제 열기(&amp;S)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본 도구 모음</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the System</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>seqstudio will show in {0} the next time it starts.</source>
        <translation>다음에 seqstudio를 시작하면 {0}(으)로 표시됩니다.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>목록 지우기</translation>
    </message>
</context>
<context>
    <name>ModelPanel</name>
    <message>
        <source>Layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Output shape</source>
        <translation>출력 형태</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <source>Formula</source>
        <translation>식</translation>
    </message>
    <message>
        <source>{0}, {1} batch per call</source>
        <translation>{0}, 호출마다 배치 {1}개</translation>
    </message>
    <message>
        <source>{0}, {1} batches per call</source>
        <translation>{0}, 호출마다 배치 {1}개</translation>
    </message>
    <message>
        <source>The recurrent cell to train. Every registered cell type is listed, built-in or from a plugin.</source>
        <translation>학습할 순환 셀입니다. 기본 제공이든 플러그인이든 등록된 셀 종류가 모두 나옵니다.</translation>
    </message>
    <message>
        <source>Every layer of the model built from these settings. Recurrent layers have n·d + n·n + n parameters (Wx, Wh, b).</source>
        <translation>이 설정으로 만든 모델의 모든 층입니다. 순환 층의 파라미터는 n·d + n·n + n개입니다 (Wx, Wh, b).</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow를 불러오는 중…</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>셀</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <source>{0} (plugin: {1})</source>
        <translation>{0} (플러그인: {1})</translation>
    </message>
    <message>
        <source>no cell type is registered</source>
        <translation>등록된 셀 종류가 없습니다</translation>
    </message>
    <message>
        <source>No cell types are registered: see the Plugins tab.</source>
        <translation>등록된 셀 종류가 없습니다. 플러그인 탭을 보세요.</translation>
    </message>
    <message>
        <source>Loading TensorFlow… the architecture appears when it is ready.</source>
        <translation>TensorFlow를 불러오는 중… 준비되면 구조가 나타납니다.</translation>
    </message>
    <message>
        <source>Open a data file to see the model built for it.</source>
        <translation>데이터 파일을 열면 그에 맞게 만든 모델이 보입니다.</translation>
    </message>
    <message>
        <source>Building…</source>
        <translation>만드는 중…</translation>
    </message>
    <message>
        <source>Cannot build this model: {0}</source>
        <translation>이 모델을 만들 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>{0}: {1}, output {2}, {3:,} parameters</source>
        <translation>{0}: {1}, 출력 {2}, 파라미터 {3:,}개</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>합계</translation>
    </message>
    <message>
        <source>{0:,} trainable parameters · execution: {1}</source>
        <translation>학습 가능한 파라미터 {0:,}개 · 실행: {1}</translation>
    </message>
    <message>
        <source>{0:,} trainable parameters.</source>
        <translation>학습 가능한 파라미터 {0:,}개.</translation>
    </message>
</context>
<context>
    <name>ParamForm</name>
    <message>
        <source>units</source>
        <extracomment>the labels of the bundled cells' hyperparameters (a plugin's own are shown as named)</extracomment>
        <translation>유닛 수</translation>
    </message>
    <message>
        <source>use bias</source>
        <translation>편향 사용</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>층 수</translation>
    </message>
    <message>
        <source>activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>one of {0}</source>
        <translation>{0} 중 하나</translation>
    </message>
    <message>
        <source>True</source>
        <translation>예</translation>
    </message>
    <message>
        <source>False</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>Allowed: {0}</source>
        <translation>허용 범위: {0}</translation>
    </message>
    <message>
        <source>Default: {0}</source>
        <translation>기본값: {0}</translation>
    </message>
</context>
<context>
    <name>PluginsPanel</name>
    <message>
        <source>Plugin</source>
        <translation>플러그인</translation>
    </message>
    <message>
        <source>Distribution</source>
        <translation>배포 패키지</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Provides</source>
        <translation>제공 항목</translation>
    </message>
    <message>
        <source>ok</source>
        <extracomment>the status words of :class:`PluginRecord`, as the table shows them</extracomment>
        <translation>정상</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>거부됨</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>차단됨</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>사용 안 함</translation>
    </message>
    <message>
        <source>Select a plugin to see what it provides, or why it failed.</source>
        <translation>플러그인을 고르면 무엇을 제공하는지, 또는 왜 실패했는지 보입니다.</translation>
    </message>
    <message>
        <source>(registered directly)</source>
        <translation>(직접 등록됨)</translation>
    </message>
    <message>
        <source>{0} plugin</source>
        <translation>플러그인 {0}개</translation>
    </message>
    <message>
        <source>{0} plugins</source>
        <translation>플러그인 {0}개</translation>
    </message>
    <message>
        <source>{0} cell type</source>
        <translation>셀 종류 {0}개</translation>
    </message>
    <message>
        <source>{0} cell types</source>
        <translation>셀 종류 {0}개</translation>
    </message>
    <message>
        <source> — &lt;b style='color:#cf222e'&gt;{0} failed&lt;/b&gt; (select it for the traceback)</source>
        <translation> — &lt;b style='color:#cf222e'&gt;{0}개 실패&lt;/b&gt; (고르면 트레이스백이 보입니다)</translation>
    </message>
    <message>
        <source>distribution: {0} {1}</source>
        <translation>배포 패키지: {0} {1}</translation>
    </message>
    <message>
        <source>status: {0}</source>
        <translation>상태: {0}</translation>
    </message>
    <message>
        <source>cell types: {0}</source>
        <translation>셀 종류: {0}</translation>
    </message>
    <message>
        <source>data formats: {0}</source>
        <translation>데이터 형식: {0}</translation>
    </message>
    <message>
        <source>error: {0}</source>
        <translation>오류: {0}</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation>환경 설정</translation>
    </message>
    <message>
        <source>Every training run gets a folder here (config, history, model, checkpoints, snapshots, TensorBoard logs).</source>
        <translation>학습을 실행할 때마다 여기에 폴더가 하나 생깁니다 (설정, 기록, 모델, 체크포인트, 스냅숏, TensorBoard 로그).</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>찾아보기…</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>기본값</translation>
    </message>
    <message>
        <source>Default: {0}</source>
        <translation>기본값: {0}</translation>
    </message>
    <message>
        <source>Runs folder</source>
        <translation>실행 폴더</translation>
    </message>
</context>
<context>
    <name>RunOpener</name>
    <message>
        <source>Open run directory</source>
        <translation>실행 폴더 열기</translation>
    </message>
    <message>
        <source>Cannot open run</source>
        <translation>실행을 열 수 없습니다</translation>
    </message>
    <message>
        <source>Opened run {0} ({1}, {2})</source>
        <translation>실행 {0}을(를) 열었습니다 ({1}, {2})</translation>
    </message>
</context>
<context>
    <name>RunSummary</name>
    <message>
        <source>Finished</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>completed</source>
        <extracomment>the engine's fixed reasons for a run's end (an error's own text is shown as written)</extracomment>
        <translation>끝까지 학습함</translation>
    </message>
    <message>
        <source>early stopping</source>
        <translation>조기 종료</translation>
    </message>
    <message>
        <source>stopped by user</source>
        <translation>사용자가 중지함</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산함</translation>
    </message>
    <message>
        <source>{0}: {1} ({2})</source>
        <translation>{0}: {1} ({2})</translation>
    </message>
    <message>
        <source>the run's model.keras holds the best epoch, {0}</source>
        <translation>이 실행의 model.keras에는 가장 좋은 에포크 {0}이(가) 들어 있습니다</translation>
    </message>
    <message>
        <source>Training diverged: the {0}.

The batches up to that point are on the loss plot, and the red cross marks where it happened.

What to do: {1}.</source>
        <translation>학습이 발산했습니다: {0}.

그 지점까지의 배치는 손실 그래프에 있고, 빨간 ×가 발산한 곳을 표시합니다.

해 볼 일: {1}.</translation>
    </message>
    <message>
        <source>Training diverged</source>
        <translation>학습 발산</translation>
    </message>
    <message>
        <source>Training failed</source>
        <translation>학습 실패</translation>
    </message>
    <message>
        <source>Training failed: {0}

The app is still usable: change the settings and start again.</source>
        <translation>학습에 실패했습니다: {0}

앱은 계속 쓸 수 있습니다. 설정을 바꾸고 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>SuggestedDefaults</name>
    <message>
        <source>{0}: {1:,} training samples in batches of {2} ({3} per epoch), {4} epochs (about {5:,} steps), learning rate {6:g}, {7} units</source>
        <translation>{0}: 학습 샘플 {1:,}개, 배치 크기 {2} (에포크마다 배치 {3}개), 에포크 {4}회 (약 {5:,} 단계), 학습률 {6:g}, 유닛 {7}개</translation>
    </message>
    <message>
        <source>Suggested for this file: {0}. A field you change keeps your value.</source>
        <extracomment>what each field held when it was last set by us; a different value is the user's</extracomment>
        <translation>이 파일에 맞춘 제안: {0}. 직접 바꾼 칸은 그 값을 유지합니다.</translation>
    </message>
</context>
<context>
    <name>TrainingControls</name>
    <message>
        <source>Chosen per configuration: short sequences are unrolled and run many batches per compiled call; long ones keep a compact loop.</source>
        <translation>설정마다 고릅니다. 짧은 시퀀스는 펼쳐서 컴파일된 호출 한 번에 배치를 여러 개 돌리고, 긴 시퀀스는 간결한 루프를 씁니다.</translation>
    </message>
    <message>
        <source>A compact loop over the time steps.</source>
        <translation>타임 스텝을 도는 간결한 루프입니다.</translation>
    </message>
    <message>
        <source>One copy of the cell per time step: fastest for short sequences.</source>
        <translation>타임 스텝마다 셀을 하나씩 복사합니다. 짧은 시퀀스에서 가장 빠릅니다.</translation>
    </message>
    <message>
        <source>The loop, compiled with XLA.</source>
        <translation>XLA로 컴파일한 루프입니다.</translation>
    </message>
    <message>
        <source>The unrolled steps, compiled with XLA.</source>
        <translation>XLA로 컴파일한 펼친 타임 스텝들입니다.</translation>
    </message>
    <message>
        <source>Training</source>
        <extracomment>a longer reason is cut in the label (whole in its tooltip and the Start button's)</extracomment>
        <translation>학습</translation>
    </message>
    <message>
        <source>How many passes over the training data.</source>
        <translation>학습 데이터를 몇 번 훑을지 정합니다.</translation>
    </message>
    <message>
        <source>Samples per gradient step. Smaller batches: more, noisier steps.</source>
        <translation>경사 단계 한 번의 샘플 수입니다. 배치가 작을수록 단계가 많아지고 더 들쭉날쭉합니다.</translation>
    </message>
    <message>
        <source>The Keras optimizer that updates the weights.</source>
        <translation>가중치를 갱신하는 Keras 옵티마이저입니다.</translation>
    </message>
    <message>
        <source>Step size of the optimizer, between 1e-7 and 10 (e.g. 0.001 or 1e-3). Too large and the loss diverges.</source>
        <translation>옵티마이저의 보폭으로, 1e-7과 10 사이입니다 (예: 0.001 또는 1e-3). 너무 크면 손실이 발산합니다.</translation>
    </message>
    <message>
        <source>Random seed: the same seed and settings give the same run.</source>
        <translation>난수 시드: 시드와 설정이 같으면 같은 실행이 나옵니다.</translation>
    </message>
    <message>
        <source>How the model is executed; 'auto' picks per configuration. The architecture table shows what it resolved to.</source>
        <translation>모델을 실행하는 방식입니다. 'auto'는 설정마다 고릅니다. 무엇으로 정해졌는지는 구조 표에 나옵니다.</translation>
    </message>
    <message>
        <source>TensorBoard logs</source>
        <translation>TensorBoard 로그</translation>
    </message>
    <message>
        <source>Also write the per-batch and per-epoch scalars as TensorBoard logs, into the run folder's tensorboard/ (the command that opens them is shown when the run starts).</source>
        <translation>배치별, 에포크별 값을 실행 폴더의 tensorboard/에 TensorBoard 로그로도 씁니다 (여는 명령은 실행이 시작될 때 보입니다).</translation>
    </message>
    <message>
        <source>Epochs / batch</source>
        <translation>에포크 / 배치</translation>
    </message>
    <message>
        <source>Optimizer / LR</source>
        <translation>옵티마이저 / 학습률</translation>
    </message>
    <message>
        <source>Seed / execution</source>
        <translation>시드 / 실행 방식</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Start training (F5 or Ctrl+Return)</source>
        <translation>학습 시작 (F5 또는 Ctrl+Return)</translation>
    </message>
    <message>
        <source>Pause or resume training (Ctrl+P)</source>
        <translation>학습 일시 정지 또는 계속 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Stop after the current batch, keeping what was learned (Esc)</source>
        <translation>현재 배치가 끝나면 중지하고, 학습한 내용은 남깁니다 (Esc)</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Loading TensorFlow…</source>
        <translation>TensorFlow를 불러오는 중…</translation>
    </message>
    <message>
        <source>learning rate must be a number between 1e-7 and 10, got {0!r}</source>
        <translation>학습률은 1e-7과 10 사이의 수여야 합니다. 입력값: {0!r}</translation>
    </message>
    <message>
        <source>Cannot start: {0}</source>
        <translation>시작할 수 없습니다: {0}</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>TensorBoard is not installed: {0}</source>
        <translation>TensorBoard가 설치되어 있지 않습니다: {0}</translation>
    </message>
    <message>
        <source>TensorBoard logs: {0}
Open them with: {1}</source>
        <translation>TensorBoard 로그: {0}
여는 명령: {1}</translation>
    </message>
    <message>
        <source>epoch {0}/{1} · starting…</source>
        <translation>에포크 {0}/{1} · 시작하는 중…</translation>
    </message>
    <message>
        <source> · ETA {0}</source>
        <translation> · 남은 시간 {0}</translation>
    </message>
    <message>
        <source>epoch {0}/{1} · batch {2}/{3}</source>
        <translation>에포크 {0}/{1} · 배치 {2}/{3}</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>보기 옵션</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>전체 보기</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>축</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>마우스 모드</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>3버튼</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>1버튼</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>{0} epoch</source>
        <translation>에포크 {0}회</translation>
    </message>
    <message>
        <source>{0} epochs</source>
        <translation>에포크 {0}회</translation>
    </message>
</context>
<context>
    <name>Worker</name>
    <message>
        <source>the training process ended unexpectedly (exit code {0})</source>
        <translation>학습 프로세스가 예기치 않게 끝났습니다 (종료 코드 {0})</translation>
    </message>
</context>
</TS>