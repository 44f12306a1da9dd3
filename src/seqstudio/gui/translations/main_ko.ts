<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>Menus</name>
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
</context>
</TS>