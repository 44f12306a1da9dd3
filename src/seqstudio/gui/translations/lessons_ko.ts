<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>LessonPanel</name>
    <message>
        <source>Show the answer</source>
        <translation>답 보기</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 이전</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>다음 ▶</translation>
    </message>
    <message>
        <source>step {0} of {1}</source>
        <translation>{1}단계 중 {0}단계</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>Training in progress</source>
        <translation>학습 중</translation>
    </message>
    <message>
        <source>Stop training before opening a lesson.</source>
        <translation>수업을 열기 전에 학습을 멈추세요.</translation>
    </message>
    <message>
        <source>Cannot open lesson</source>
        <translation>수업을 열 수 없음</translation>
    </message>
    <message>
        <source>Lesson: {0} ({1})</source>
        <translation>수업: {0} ({1})</translation>
    </message>
    <message>
        <source>Lessons (*.toml);;All files (*)</source>
        <translation>수업 파일 (*.toml);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open lesson</source>
        <translation>수업 열기</translation>
    </message>
    <message>
        <source>Save settings as lesson</source>
        <translation>설정을 수업으로 저장</translation>
    </message>
    <message>
        <source>Cannot save lesson</source>
        <translation>수업을 저장할 수 없음</translation>
    </message>
    <message>
        <source>Open a data file first: a lesson needs data.</source>
        <translation>먼저 데이터 파일을 여세요. 수업에는 데이터가 필요합니다.</translation>
    </message>
    <message>
        <source>These are the settings of this lesson. Press **Start** and watch the hidden states change as the model learns.</source>
        <translation>이 수업의 설정입니다. **시작**을 누르고, 모델이 학습하는 동안 은닉 상태가 어떻게 바뀌는지 지켜보세요.</translation>
    </message>
    <message>
        <source>Saved the settings as the lesson {0}</source>
        <translation>설정을 수업 {0}(으)로 저장했습니다</translation>
    </message>
</context>
</TS>