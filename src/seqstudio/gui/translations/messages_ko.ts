<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko">
<context>
    <name>DatasetNotes</name>
    <message>
        <source>dropped {n} rows with no label ({rows})</source>
        <translation>레이블이 없는 행 {n}개를 버렸습니다({rows}).</translation>
    </message>
    <message>
        <source>{n} texts are longer than {steps} tokens and were truncated</source>
        <translation>텍스트 {n}개가 토큰 {steps}개보다 길어서 잘렸습니다.</translation>
    </message>
    <message>
        <source>no validation part, so the probe sample comes from the training part</source>
        <translation>검증 부분이 없으므로 관찰용 샘플은 학습 부분에서 가져왔습니다.</translation>
    </message>
    <message>
        <source>the file is not UTF-8 (line {line}); decoded it as {encoding}, detected from its content; set encoding to choose another</source>
        <translation>파일이 UTF-8이 아닙니다({line}번째 줄). 내용에서 감지한 {encoding}(으)로 디코딩했습니다. 다른 인코딩을 쓰려면 encoding을 지정하세요.</translation>
    </message>
    <message>
        <source>dates written as numbers</source>
        <translation>숫자로 쓴 날짜</translation>
    </message>
    <message>
        <source>years</source>
        <translation>연도</translation>
    </message>
    <message>
        <source>decimal years</source>
        <translation>소수 연도</translation>
    </message>
    <message>
        <source>year and quarter</source>
        <translation>연도와 분기</translation>
    </message>
    <message>
        <source>year and month</source>
        <translation>연도와 월</translation>
    </message>
    <message>
        <source>{axis} read as the time axis ({kind}), not as an input</source>
        <translation>{axis}은(는) 입력이 아니라 시간 축({kind})으로 읽었습니다.</translation>
    </message>
    <message>
        <source>column {name!r} only numbers the rows; not used as an input</source>
        <translation>{name!r} 열은 행 번호일 뿐이므로 입력으로 쓰지 않았습니다.</translation>
    </message>
    <message>
        <source>not used: {columns} (empty)</source>
        <translation>쓰지 않은 열: {columns}(비어 있음)</translation>
    </message>
    <message>
        <source>not used: {reason}</source>
        <translation>쓰지 않은 열: {reason}</translation>
    </message>
    <message>
        <source>column {name!r} holds years, but they repeat or are out of order (several series one after another?), so they are not the time axis; the rows are used in file order and the column is an input</source>
        <translation>{name!r} 열에는 연도가 들어 있지만 반복되거나 순서가 맞지 않아(여러 시계열이 이어져 있나요?) 시간 축으로 쓰지 않았습니다. 행은 파일 순서대로 쓰고, 이 열은 입력으로 씁니다.</translation>
    </message>
    <message>
        <source>not used: {columns} (text; a forecast reads numbers)</source>
        <translation>쓰지 않은 열: {columns}(텍스트입니다. 예측은 숫자를 읽습니다)</translation>
    </message>
    <message>
        <source>skipped {n} comment lines at the top of the file</source>
        <translation>파일 맨 위의 주석 줄 {n}개를 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>skipped {n} comment line at the top of the file</source>
        <translation>파일 맨 위의 주석 줄 {n}개를 건너뛰었습니다.</translation>
    </message>
    <message>
        <source>the file is not UTF-8; decoded it as {encoding}, detected from its content</source>
        <translation>파일이 UTF-8이 아닙니다. 내용에서 감지한 {encoding}(으)로 디코딩했습니다.</translation>
    </message>
    <message>
        <source>skipped {n} lines above the table, from {first!r}; the table starts at line {line}</source>
        <translation>표 위의 {n}줄({first!r}부터)을 건너뛰었습니다. 표는 {line}번째 줄에서 시작합니다.</translation>
    </message>
    <message>
        <source>read decimal commas (12,5 = 12.5) in {columns}</source>
        <translation>{columns}의 소수점 쉼표(12,5 = 12.5)를 숫자로 읽었습니다.</translation>
    </message>
    <message>
        <source>read thousands separators (1,234 = 1234) in {columns}</source>
        <translation>{columns}의 천 단위 구분 기호(1,234 = 1234)를 숫자로 읽었습니다.</translation>
    </message>
    <message>
        <source>{oov} of {n} {unit} ({share:.1f}%) are not among the {kept} most frequent and map to {token}; raise vocab to keep more</source>
        <translation>{unit} {n}개 중 {oov}개({share:.1f}%)는 가장 자주 나오는 {kept}개에 들지 않아 {token}(으)로 바뀝니다. 더 많이 남기려면 어휘 크기(vocab)를 늘리세요.</translation>
    </message>
    <message>
        <source>column(s) {columns} are constant in the training part</source>
        <translation>{columns} 열은 학습 부분에서 값이 일정합니다.</translation>
    </message>
    <message>
        <source>treated {n} cells of {name!r} that are not numbers as missing: {cells}</source>
        <translation>{name!r}에서 숫자가 아닌 셀 {n}개를 결측값으로 처리했습니다: {cells}</translation>
    </message>
    <message>
        <source>dropped {n} {unit} with no date ({rows})</source>
        <translation>날짜가 없는 {unit} {n}개를 버렸습니다({rows}).</translation>
    </message>
    <message>
        <source>rows were not in date order; sorted them by {name!r}</source>
        <translation>행이 날짜 순서가 아니어서 {name!r} 기준으로 정렬했습니다.</translation>
    </message>
    <message>
        <source>{n} rows repeat an earlier date in {name!r}; kept in file order</source>
        <translation>{name!r}에서 행 {n}개가 앞의 날짜를 반복합니다. 파일 순서대로 두었습니다.</translation>
    </message>
    <message>
        <source>dropped {n} rows with missing values ({listing}; {rows})</source>
        <translation>결측값이 있는 행 {n}개를 버렸습니다({listing}; {rows}).</translation>
    </message>
    <message>
        <source>linearly in time</source>
        <translation>시간에 따라 선형으로</translation>
    </message>
    <message>
        <source>linearly between neighbouring rows</source>
        <translation>이웃한 행 사이에서 선형으로</translation>
    </message>
    <message>
        <source>interpolated {n} missing values {how} ({listing})</source>
        <translation>결측값 {n}개를 {how} 보간했습니다({listing}).</translation>
    </message>
    <message>
        <source>the validation part was enlarged to {n} {unit} so that it holds one sample</source>
        <translation>검증 부분에 샘플이 하나는 들어가도록 {unit} {n}개로 늘렸습니다.</translation>
    </message>
    <message>
        <source>the file is not UTF-8; decoded it as {encoding}, detected from its first bytes; set encoding to choose another</source>
        <translation>파일이 UTF-8이 아니어서, 첫 바이트들로 알아낸 {encoding}(으)로 읽었습니다. 다른 인코딩을 쓰려면 encoding을 정하세요.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>line {line}</source>
        <extracomment>the translation context its template is marked in</extracomment>
        <translation>{line}번째 줄</translation>
    </message>
    <message>
        <source>byte {offset}</source>
        <translation>{offset}번째 바이트</translation>
    </message>
    <message>
        <source>column {name!r}</source>
        <translation>{name!r} 열</translation>
    </message>
    <message>
        <source>parameter {name!r} expects {type}, got {value}</source>
        <translation>매개변수 {name!r}에는 {type} 값이 필요한데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>parameter {name!r} must be one of {choices}, got {value}</source>
        <translation>매개변수 {name!r}은(는) {choices} 중 하나여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>parameter {name!r} must be &gt;= {min}, got {value}</source>
        <translation>매개변수 {name!r}은(는) {min} 이상이어야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>parameter {name!r} must be &lt;= {max}, got {value}</source>
        <translation>매개변수 {name!r}은(는) {max} 이하여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>cell {cell!r} has no parameter {name!r}; it has: {known}</source>
        <translation>셀 {cell!r}에는 매개변수 {name!r}이(가) 없습니다. 있는 매개변수: {known}</translation>
    </message>
    <message>
        <source>{path} is not a run directory (no {config})</source>
        <extracomment>the run-directory format this seqstudio writes and the newest it reads (``config.json``'s ``format``); raise it when a change would mislead an older reader snapshot arrays ``layer_&lt;i&gt;__&lt;state&gt;``: every state of layer i by name, in order (contract 1.1) ``history.csv``'s column of each epoch's wall time in seconds: not a metric. The first epoch of a session counts from the run's start, so it includes building, tracing and compiling.</extracomment>
        <translation>{path}은(는) 실행 폴더가 아닙니다({config}이(가) 없습니다).</translation>
    </message>
    <message>
        <source>{path} is damaged (not UTF-8 text); the run cannot be opened without it</source>
        <translation>{path} 파일이 손상되었습니다(UTF-8 텍스트가 아닙니다). 이 파일 없이는 실행을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>{path} is damaged or was cut short (not valid JSON: {reason}); the run cannot be opened without it</source>
        <translation>{path} 파일이 손상되었거나 중간에 잘렸습니다(올바른 JSON이 아닙니다: {reason}). 이 파일 없이는 실행을 열 수 없습니다.</translation>
    </message>
    <message>
        <source>{path}: cannot read the run configuration: {reason}</source>
        <translation>{path}: 실행 설정을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is damaged (a JSON object was expected)</source>
        <translation>{path} 파일이 손상되었습니다(JSON 객체여야 합니다).</translation>
    </message>
    <message>
        <source>{path} was written by seqstudio {written} in run format {fmt}; this seqstudio {version} reads format {supported} and older: upgrade seqstudio to open it</source>
        <translation>{path}은(는) seqstudio {written}이(가) 실행 형식 {fmt}(으)로 쓴 것입니다. 이 seqstudio {version}은(는) 형식 {supported} 이하만 읽습니다. 열려면 seqstudio를 업그레이드하세요.</translation>
    </message>
    <message>
        <source>{path} has no checkpoint for epoch {epoch}; it has {epochs}</source>
        <translation>{path}에는 에포크 {epoch}의 체크포인트가 없습니다. 있는 것: {epochs}</translation>
    </message>
    <message>
        <source>{path} lacks {file}, the model the checkpoints' weights belong to</source>
        <translation>{path}에 {file}이(가) 없습니다. 체크포인트의 가중치가 속한 모델입니다.</translation>
    </message>
    <message>
        <source>the checkpoints in {folder}/ still hold every epoch's weights (seqstudio resume reads them)</source>
        <translation>{folder}/ 안의 체크포인트에는 모든 에포크의 가중치가 아직 남아 있습니다(seqstudio resume이 이를 읽습니다).</translation>
    </message>
    <message>
        <source>{path} holds no model yet (no {model}, no checkpoint)</source>
        <translation>{path}에는 아직 모델이 없습니다({model}도 체크포인트도 없습니다).</translation>
    </message>
    <message>
        <source>{path} is damaged or was cut short (not a .keras zip archive){hint}</source>
        <translation>{path} 파일이 손상되었거나 중간에 잘렸습니다(.keras zip 압축 파일이 아닙니다){hint}</translation>
    </message>
    <message>
        <source>{path} is damaged ({kind}: {reason}){hint}</source>
        <translation>{path} 파일이 손상되었습니다({kind}: {reason}){hint}</translation>
    </message>
    <message>
        <source>an integer &gt;= 1</source>
        <translation>1 이상의 정수</translation>
    </message>
    <message>
        <source>None or an integer &gt;= 1</source>
        <translation>None 또는 1 이상의 정수</translation>
    </message>
    <message>
        <source>a number &gt; 0</source>
        <translation>0보다 큰 수</translation>
    </message>
    <message>
        <source>an integer &gt;= 0</source>
        <translation>0 이상의 정수</translation>
    </message>
    <message>
        <source>None or a number of seconds &gt; 0</source>
        <translation>None 또는 0보다 큰 초 수</translation>
    </message>
    <message>
        <source>one of {choices}</source>
        <translation>{choices} 중 하나</translation>
    </message>
    <message>
        <source>a name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>training setting {name!r} must be {expected}, got {value!r}</source>
        <translation>학습 설정 {name!r}은(는) {expected}여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>column {name!r} has no labels</source>
        <translation>{name!r} 열에 레이블이 없습니다.</translation>
    </message>
    <message>
        <source>the label column {name!r} has only one class ({label!r}); a classifier needs at least two, so add examples of another class or choose another label_column</source>
        <translation>레이블 열 {name!r}에는 클래스가 하나({label!r})뿐입니다. 분류기에는 클래스가 두 개 이상 필요하므로 다른 클래스의 예를 추가하거나 다른 label_column을 고르세요.</translation>
    </message>
    <message>
        <source>found no column of text (the columns are {names}); name it with text_column</source>
        <translation>텍스트 열을 찾지 못했습니다(열: {names}). text_column으로 지정하세요.</translation>
    </message>
    <message>
        <source>found no label column next to the text column {name!r} (the columns are {names}); name it with label_column</source>
        <translation>텍스트 열 {name!r} 옆에서 레이블 열을 찾지 못했습니다(열: {names}). label_column으로 지정하세요.</translation>
    </message>
    <message>
        <source>there is no column {name!r} ({option}); the columns are: {columns}. Did you mean {close!r}?</source>
        <extracomment>names of a column that only counts the rows (pandas writes its index as "" or "Unnamed: 0") the name given to R's unnamed row-name column</extracomment>
        <translation>{name!r} 열이 없습니다({option}). 있는 열: {columns}. {close!r}을(를) 뜻하셨나요?</translation>
    </message>
    <message>
        <source>there is no column {name!r} ({option}); the columns are: {columns}.</source>
        <translation>{name!r} 열이 없습니다({option}). 있는 열: {columns}.</translation>
    </message>
    <message>
        <source>rows {shown} and {more} more</source>
        <extracomment>columns without a single value (spreadsheets often save a few at the right)</extracomment>
        <translation>{shown}행 외 {more}개 행</translation>
    </message>
    <message>
        <source>rows {shown}</source>
        <translation>{shown}행</translation>
    </message>
    <message>
        <source>row {shown}</source>
        <translation>{shown}행</translation>
    </message>
    <message>
        <source>a PNG image, not data</source>
        <translation>데이터가 아니라 PNG 이미지입니다</translation>
    </message>
    <message>
        <source>a JPEG image, not data</source>
        <translation>데이터가 아니라 JPEG 이미지입니다</translation>
    </message>
    <message>
        <source>a GIF image, not data</source>
        <translation>데이터가 아니라 GIF 이미지입니다</translation>
    </message>
    <message>
        <source>a PDF document; copy its text or table into a .txt or .csv file</source>
        <translation>PDF 문서입니다. 그 안의 텍스트나 표를 .txt 또는 .csv 파일로 복사하세요</translation>
    </message>
    <message>
        <source>a ZIP archive (also .xlsx, .docx and .ods files); unpack it, or save a spreadsheet as CSV from the program that made it</source>
        <translation>ZIP 압축 파일(.xlsx, .docx, .ods 파일도 해당)입니다. 압축을 풀거나, 스프레드시트라면 만든 프로그램에서 CSV로 저장하세요</translation>
    </message>
    <message>
        <source>an old Office file (.xls or .doc); save it as CSV or text from the program that made it</source>
        <translation>예전 Office 파일(.xls 또는 .doc)입니다. 만든 프로그램에서 CSV나 텍스트로 저장하세요</translation>
    </message>
    <message>
        <source>gzip-compressed; decompress it first (gunzip)</source>
        <translation>gzip으로 압축된 파일입니다. 먼저 압축을 푸세요(gunzip)</translation>
    </message>
    <message>
        <source>bzip2-compressed; decompress it first (bunzip2)</source>
        <translation>bzip2로 압축된 파일입니다. 먼저 압축을 푸세요(bunzip2)</translation>
    </message>
    <message>
        <source>xz-compressed; decompress it first (unxz)</source>
        <translation>xz로 압축된 파일입니다. 먼저 압축을 푸세요(unxz)</translation>
    </message>
    <message>
        <source>a 7-Zip archive; unpack it first</source>
        <translation>7-Zip 압축 파일입니다. 먼저 압축을 푸세요</translation>
    </message>
    <message>
        <source>a Parquet file; write it as CSV (pandas: read_parquet(...).to_csv(...))</source>
        <translation>Parquet 파일입니다. CSV로 저장하세요(pandas: read_parquet(...).to_csv(...))</translation>
    </message>
    <message>
        <source>an SQLite database; export a table as CSV</source>
        <translation>SQLite 데이터베이스입니다. 표 하나를 CSV로 내보내세요</translation>
    </message>
    <message>
        <source>a NumPy array file; write it as CSV (numpy.savetxt)</source>
        <translation>NumPy 배열 파일입니다. CSV로 저장하세요(numpy.savetxt)</translation>
    </message>
    <message>
        <source>a program, not data</source>
        <translation>데이터가 아니라 프로그램입니다</translation>
    </message>
    <message>
        <source>a Windows program, not data</source>
        <translation>데이터가 아니라 Windows 프로그램입니다</translation>
    </message>
    <message>
        <source>no such file; check the name and the folder</source>
        <translation>파일이 없습니다. 이름과 폴더를 확인하세요.</translation>
    </message>
    <message>
        <source>this is a folder, not a file; choose a .txt, .csv or .tsv file in it</source>
        <translation>파일이 아니라 폴더입니다. 그 안의 .txt, .csv 또는 .tsv 파일을 고르세요.</translation>
    </message>
    <message>
        <source>not a regular file (a device or pipe?); save the data to a file</source>
        <translation>일반 파일이 아닙니다(장치나 파이프인가요?). 데이터를 파일로 저장하세요.</translation>
    </message>
    <message>
        <source>the file is {size}, over the limit of {limit} set by the max_bytes option; raise or remove the limit, or use a shorter excerpt</source>
        <translation>파일 크기가 {size}로, max_bytes 옵션이 정한 한도 {limit}을(를) 넘습니다. 한도를 늘리거나 없애거나, 더 짧게 발췌한 파일을 쓰세요.</translation>
    </message>
    <message>
        <source>the file is empty; choose a file with text or a table in it</source>
        <translation>파일이 비어 있습니다. 텍스트나 표가 들어 있는 파일을 고르세요.</translation>
    </message>
    <message>
        <source>not enough memory to read the file; use a shorter excerpt</source>
        <translation>파일을 읽을 메모리가 부족합니다. 더 짧게 발췌한 파일을 쓰세요.</translation>
    </message>
    <message>
        <source>cannot read the file: {reason}</source>
        <translation>파일을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>this looks like UTF-16 text without a byte-order mark; choose its encoding: encoding='{wide}' (CLI: --encoding {wide})</source>
        <translation>바이트 순서 표시(BOM)가 없는 UTF-16 텍스트로 보입니다. 인코딩을 지정하세요: encoding='{wide}' (CLI: --encoding {wide})</translation>
    </message>
    <message>
        <source>this is {kind}; seqstudio reads plain text (.txt) and tables (.csv, .tsv)</source>
        <translation>이 파일은 {kind}. seqstudio는 일반 텍스트(.txt)와 표(.csv, .tsv)를 읽습니다.</translation>
    </message>
    <message>
        <source>this looks like a binary file, not text; open a plain-text .txt, .csv or .tsv file (export it as text from the program that made it)</source>
        <translation>텍스트가 아니라 바이너리 파일로 보입니다. 일반 텍스트인 .txt, .csv 또는 .tsv 파일을 여세요(만든 프로그램에서 텍스트로 내보내세요).</translation>
    </message>
    <message>
        <source>byte 0x{byte:02x} at offset {offset} cannot be decoded as {encoding}; choose the file's encoding (option encoding, e.g. 'cp1252' or 'latin-1'), or leave it unset to have it detected</source>
        <translation>오프셋 {offset}의 바이트 0x{byte:02x}을(를) {encoding}(으)로 디코딩할 수 없습니다. 파일의 인코딩을 고르거나(encoding 옵션, 예: 'cp1252' 또는 'latin-1'), 비워 두어 자동으로 감지하게 하세요.</translation>
    </message>
    <message>
        <source>column {name!r} is the date column and cannot also be an input</source>
        <translation>{name!r} 열은 날짜 열이므로 입력으로도 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>column {name!r} is the date column and cannot be a target</source>
        <translation>{name!r} 열은 날짜 열이므로 목표로 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>{name!r} only numbers the rows; columns=[...] can choose it</source>
        <translation>{name!r}은(는) 행 번호일 뿐입니다. columns=[...]로 고를 수 있습니다</translation>
    </message>
    <message>
        <source>{names} is the time axis</source>
        <translation>{names}은(는) 시간 축입니다</translation>
    </message>
    <message>
        <source>{names} are the time axis</source>
        <translation>{names}은(는) 시간 축입니다</translation>
    </message>
    <message>
        <source>no column of numbers to forecast{also}: {reasons}</source>
        <translation>예측할 숫자 열이 없습니다{also}: {reasons}</translation>
    </message>
    <message>
        <source>the table has no numeric column to forecast (columns: {kinds}){also}; a time series needs at least one column of numbers, or choose the columns with columns=[...]</source>
        <translation>표에 예측할 수치 열이 없습니다(열: {kinds}){also}. 시계열에는 숫자 열이 하나 이상 필요합니다. columns=[...]로 열을 고르세요.</translation>
    </message>
    <message>
        <source>unknown file type {ext!r}: {hint}; seqstudio reads {listing} (a data-format plugin may add more)</source>
        <extracomment>the delimiter of tables whose fields are separated by runs of spaces (R's write.table, many scientific text tables); pandas reads it as a regular expression</extracomment>
        <translation>알 수 없는 파일 형식 {ext!r}: {hint}. seqstudio는 {listing} 파일을 읽습니다(데이터 형식 플러그인이 더 추가할 수 있습니다).</translation>
    </message>
    <message>
        <source>unknown file type {ext!r}; seqstudio reads {listing}. Rename the file if it is one of these, or install a data-format plugin for it</source>
        <translation>알 수 없는 파일 형식 {ext!r}입니다. seqstudio는 {listing} 파일을 읽습니다. 이 중 하나라면 파일 이름을 바꾸고, 아니라면 이 형식을 읽는 데이터 형식 플러그인을 설치하세요.</translation>
    </message>
    <message>
        <source>a spreadsheet; save the sheet as CSV from the program that made it</source>
        <translation>스프레드시트입니다. 만든 프로그램에서 시트를 CSV로 저장하세요</translation>
    </message>
    <message>
        <source>an image, not data</source>
        <translation>데이터가 아니라 이미지입니다</translation>
    </message>
    <message>
        <source>an archive or compressed file; unpack it and open the .txt or .csv inside</source>
        <translation>압축 파일입니다. 압축을 풀고 그 안의 .txt나 .csv를 여세요</translation>
    </message>
    <message>
        <source>a data format seqstudio does not read itself; write the table as CSV</source>
        <translation>seqstudio가 직접 읽지 않는 데이터 형식입니다. 표를 CSV로 저장하세요</translation>
    </message>
    <message>
        <source>a document; copy its text into a .txt file</source>
        <translation>문서입니다. 그 텍스트를 .txt 파일로 복사하세요</translation>
    </message>
    <message>
        <source>task {task!r} needs a table (.csv/.tsv); a text file gives a language model (task 'lm')</source>
        <translation>작업 {task!r}에는 표(.csv/.tsv)가 필요합니다. 텍스트 파일로는 언어 모델(작업 'lm')을 만듭니다.</translation>
    </message>
    <message>
        <source>the table has a header but no rows of data; add rows below the header</source>
        <translation>표에 머리글은 있지만 데이터 행이 없습니다. 머리글 아래에 행을 추가하세요.</translation>
    </message>
    <message>
        <source>task 'lm' reads running text from a .txt file; for a table choose 'classify' or 'forecast'</source>
        <translation>작업 'lm'은 .txt 파일의 이어진 텍스트를 읽습니다. 표라면 'classify'나 'forecast'를 고르세요.</translation>
    </message>
    <message>
        <source>the table has no numeric column to forecast and no text-and-label pair to classify (columns: {kinds}); choose the columns with text_column/label_column or columns</source>
        <translation>표에 예측할 수치 열도, 분류할 텍스트와 레이블 열의 쌍도 없습니다(열: {kinds}). text_column/label_column이나 columns로 열을 고르세요.</translation>
    </message>
    <message>
        <source>options</source>
        <extracomment>forecast: columns whose cells that are not numbers ("n/a?", "12,5") become missing values, which ``missing`` then handles; without it such a cell is an error naming it refuse files larger than this many bytes (None: no limit; files over ``stream_bytes`` are read from disk block by block instead of into memory) files larger than this stream from disk (:mod:`seqstudio.data.stream`); None: the environment variable ``SEQSTUDIO_STREAM_BYTES``, else 64 MiB the lecture notes' example (seed §9): 100 tokens, 20 steps, 10 units, 1,110 parameters in the recurrent layer; with ``lm_targets="last"`` the model is exactly the notes' one the text level used when ``level`` is None, by task.</extracomment>
        <translation>옵션</translation>
    </message>
    <message>
        <source>unknown option {name!r}; the options are: {options}</source>
        <translation>알 수 없는 옵션 {name!r}입니다. 옵션 목록: {options}</translation>
    </message>
    <message>
        <source>val_fraction must be a number in [0, 1), got {value!r}</source>
        <translation>val_fraction은 [0, 1) 범위의 수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>unknown encoding {name!r}; use a Python codec name such as 'utf-8', 'cp1252' or 'latin-1', or leave it unset to detect it</source>
        <translation>알 수 없는 인코딩 {name!r}입니다. 'utf-8', 'cp1252', 'latin-1' 같은 Python 코덱 이름을 쓰거나, 비워 두어 자동으로 감지하게 하세요.</translation>
    </message>
    <message>
        <source>option {name!r} must be one of {choices}, got {value!r}</source>
        <translation>옵션 {name!r}은(는) {choices} 중 하나여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>option {name!r} must be an integer &gt;= {minimum}, got {value!r}</source>
        <translation>옵션 {name!r}은(는) {minimum} 이상의 정수여야 합니다. 받은 값: {value!r}</translation>
    </message>
    <message>
        <source>a line has more fields than the header's {fields}; every line needs the same number of fields, and text containing the delimiter must be quoted</source>
        <translation>어떤 줄의 필드가 머리글의 {fields}개보다 많습니다. 모든 줄의 필드 수가 같아야 하며, 구분 문자가 들어 있는 텍스트는 따옴표로 감싸야 합니다.</translation>
    </message>
    <message>
        <source>not a well-formed table ({message}); every line needs the same number of fields as the header, and text containing the delimiter must be quoted</source>
        <translation>올바른 형식의 표가 아닙니다({message}). 모든 줄의 필드 수가 머리글과 같아야 하며, 구분 문자가 들어 있는 텍스트는 따옴표로 감싸야 합니다.</translation>
    </message>
    <message>
        <source>cannot parse the table: {reason}</source>
        <translation>표를 해석할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>the table cannot be decoded as {encoding} ({reason} at byte {offset} of a block); choose the file's encoding (option encoding, e.g. 'cp1252' or 'latin-1')</source>
        <translation>표를 {encoding}(으)로 디코딩할 수 없습니다(블록의 {offset}번째 바이트에서 {reason}). 파일의 인코딩을 고르세요(encoding 옵션, 예: 'cp1252' 또는 'latin-1').</translation>
    </message>
    <message>
        <source>the file has no columns; a table needs a header line</source>
        <translation>파일에 열이 없습니다. 표에는 머리글 줄이 필요합니다.</translation>
    </message>
    <message>
        <source>the header line looks like data, not column names; add a line naming the columns (for example: date,value)</source>
        <translation>머리글 줄이 열 이름이 아니라 데이터처럼 보입니다. 열 이름을 적은 줄을 추가하세요(예: date,value).</translation>
    </message>
    <message>
        <source>column name {name!r} appears more than once; give each column its own name</source>
        <translation>열 이름 {name!r}이(가) 두 번 이상 나옵니다. 열마다 다른 이름을 붙이세요.</translation>
    </message>
    <message>
        <source>a NUL byte: this part of the file is binary, not text; streaming reads plain text only</source>
        <extracomment>what ``lower_and_strip_punctuation`` removes (the ASCII punctuation of Keras' regex) char level: id by code point (the last entry is [UNK], for code points beyond the table) word level: id by word (UTF-8 bytes)</extracomment>
        <translation>NUL 바이트가 있습니다: 파일의 이 부분은 텍스트가 아니라 바이너리입니다. 디스크에서 나눠 읽기는 일반 텍스트만 읽습니다.</translation>
    </message>
    <message>
        <source>byte 0x{byte:02x} at offset {offset} cannot be decoded as {encoding}; choose the file's encoding (option encoding, e.g. 'cp1252' or 'latin-1')</source>
        <translation>오프셋 {offset}의 바이트 0x{byte:02x}를 {encoding}(으)로 읽을 수 없습니다. 파일의 인코딩을 고르세요 (encoding 옵션, 예: 'cp1252' 또는 'latin-1').</translation>
    </message>
    <message>
        <source>a file this large is read from disk in blocks, which needs an encoding whose line breaks are single bytes, not {encoding}; convert it to UTF-8 (iconv -f {encoding} -t UTF-8)</source>
        <translation>이렇게 큰 파일은 디스크에서 블록 단위로 읽으므로, 줄바꿈이 1바이트인 인코딩이어야 합니다. {encoding}은(는) 그렇지 않습니다. UTF-8로 바꾸세요 (iconv -f {encoding} -t UTF-8).</translation>
    </message>
    <message>
        <source>the text has no characters other than whitespace; choose a file with text in it</source>
        <translation>텍스트에 공백 말고는 글자가 없습니다. 텍스트가 들어 있는 파일을 고르세요.</translation>
    </message>
    <message>
        <source>the text has only {n} {unit}, but one sample needs {need} ({steps} steps and the next token); use a longer text or a shorter sequence length (seq_len)</source>
        <translation>텍스트가 {unit} {n}개뿐인데, 샘플 하나에 {need}개(타임 스텝 {steps}개와 다음 토큰)가 필요합니다. 더 긴 텍스트를 쓰거나 시퀀스 길이(seq_len)를 줄이세요.</translation>
    </message>
    <message>
        <source>infinite values in column {name!r} at {rows}; replace them with numbers or leave the cells empty to treat them as missing</source>
        <extracomment>the window ``T`` when ``seq_len`` is None</extracomment>
        <translation>{name!r} 열의 {rows}에 무한대 값이 있습니다. 숫자로 바꾸거나, 셀을 비워 두어 결측값으로 처리하게 하세요.</translation>
    </message>
    <message>
        <source>column {name!r} is mostly text ({bad} of {total} cells are not numbers: {cells}); treat_as_missing is for a few bad cells in a column of numbers; choose other columns</source>
        <translation>{name!r} 열은 대부분 텍스트입니다(셀 {total}개 중 {bad}개가 숫자가 아닙니다: {cells}). treat_as_missing은 숫자 열의 잘못된 셀 몇 개를 위한 것입니다. 다른 열을 고르세요.</translation>
    </message>
    <message>
        <source>column {name!r} holds dates, but {cell!r} at {rows} is not one; fix those cells, or choose another date_column</source>
        <translation>{name!r} 열에는 날짜가 들어 있지만 {rows}의 {cell!r}은(는) 날짜가 아닙니다. 그 셀을 고치거나 다른 date_column을 고르세요.</translation>
    </message>
    <message>
        <source>column {name!r} has no date at {rows}; fill them in, or use missing='drop' to drop those rows</source>
        <translation>{name!r} 열의 {rows}에 날짜가 없습니다. 채워 넣거나, missing='drop'으로 그 행을 버리세요.</translation>
    </message>
    <message>
        <source>{n} in {name!r}</source>
        <translation>{name!r}에 {n}개</translation>
    </message>
    <message>
        <source>missing values ({listing}) at {rows}; fill them in, or choose missing='interpolate' or missing='drop'</source>
        <translation>{rows}에 결측값이 있습니다({listing}). 채워 넣거나, missing='interpolate'나 missing='drop'을 고르세요.</translation>
    </message>
    <message>
        <source>column {name!r} has no values at all; choose other columns</source>
        <translation>{name!r} 열에 값이 하나도 없습니다. 다른 열을 고르세요.</translation>
    </message>
    <message>
        <source>character</source>
        <translation>글자</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>글자</translation>
    </message>
    <message>
        <source>word</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>words</source>
        <translation>단어</translation>
    </message>
    <message>
        <source>row</source>
        <translation>행</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>행</translation>
    </message>
    <message>
        <source>only {n} {unit}, but one sample needs {need} ({units} for the inputs plus the target); use a longer file or a shorter sequence length or horizon</source>
        <translation>데이터가 {unit} {n}개뿐인데, 샘플 하나에는 {need}개(입력과 목표)가 필요합니다. 더 긴 파일을 쓰거나 시퀀스 길이나 horizon을 줄이세요.</translation>
    </message>
    <message>
        <source>only {n} {unit}, but one sample needs {need} ({units} for the inputs plus the target); use a longer file or a shorter sequence length</source>
        <translation>데이터가 {unit} {n}개뿐인데, 샘플 하나에는 {need}개(입력과 목표)가 필요합니다. 더 긴 파일을 쓰거나 시퀀스 길이를 줄이세요.</translation>
    </message>
    <message>
        <source>{n} {unit} are too few to give both a training and a validation part at least {need} {unit} each; use a longer file, a shorter sequence length, or val_fraction=0</source>
        <translation>{unit} {n}개로는 학습 부분과 검증 부분에 각각 {unit} {need}개 이상을 줄 수 없습니다. 더 긴 파일을 쓰거나, 시퀀스 길이를 줄이거나, val_fraction=0으로 하세요.</translation>
    </message>
    <message>
        <source>{cell!r} (row {row})</source>
        <extracomment>...or at most this share of its non-empty cells. how many bad cells an issue keeps (the first ones in file order). the key under which :func:`seqstudio.data.tables.read_table` leaves where a frame came from.</extracomment>
        <translation>{cell!r}({row}행)</translation>
    </message>
    <message>
        <source>{cell!r} (row {row}, line {line})</source>
        <translation>{cell!r}({row}행, {line}번째 줄)</translation>
    </message>
    <message>
        <source>{cells} and {more} more</source>
        <translation>{cells} 외 {more}개</translation>
    </message>
    <message>
        <source>column {name!r} should hold numbers but holds text ({cells}); choose other columns</source>
        <translation>{name!r} 열에는 숫자가 있어야 하는데 텍스트가 있습니다({cells}). 다른 열을 고르세요.</translation>
    </message>
    <message>
        <source>column {name!r} holds numbers, but 1 of its {total} cells is not a number: {cells}</source>
        <translation>{name!r} 열은 숫자 열이지만 셀 {total}개 중 1개가 숫자가 아닙니다: {cells}</translation>
    </message>
    <message>
        <source>column {name!r} holds numbers, but {bad} of its {total} cells are not numbers: {cells}</source>
        <translation>{name!r} 열은 숫자 열이지만 셀 {total}개 중 {bad}개가 숫자가 아닙니다: {cells}</translation>
    </message>
    <message>
        <source>{what}; fix those cells, or treat them as missing values with treat_as_missing=[{name!r}] (CLI: --treat-as-missing {cli})</source>
        <translation>{what}. 그 셀을 고치거나, treat_as_missing=[{name!r}](CLI: --treat-as-missing {cli})로 결측값으로 처리하세요.</translation>
    </message>
    <message>
        <source>{what}; fix those cells, or choose other columns</source>
        <translation>{what}. 그 셀을 고치거나 다른 열을 고르세요.</translation>
    </message>
    <message>
        <source>date_column {spec!r}: {year!r} must hold years and {part!r} quarters (1-4) or months (1-12), no two rows with the same year and part</source>
        <extracomment>dates written as whole numbers: 19580329, 195803</extracomment>
        <translation>date_column {spec!r}: {year!r}에는 연도가, {part!r}에는 분기(1-4)나 월(1-12)이 있어야 하며, 연도와 분기(월)가 같은 행이 둘 있으면 안 됩니다.</translation>
    </message>
    <message>
        <source>column {name!r} holds numbers that are not years (whole numbers from {first} to {last}); a date column needs dates (2024-01-31), years, decimal years (1959.25), or a year and a quarter or month column: date_column='year+quarter'</source>
        <translation>{name!r} 열의 숫자는 연도({first}부터 {last}까지의 정수)가 아닙니다. 날짜 열에는 날짜(2024-01-31), 연도, 소수 연도(1959.25), 또는 연도 열과 분기나 월 열이 필요합니다: date_column='year+quarter'</translation>
    </message>
    <message>
        <source>{path} is damaged or was cut short ({kind}: {reason})</source>
        <translation>{path} 파일이 손상되었거나 중간에 잘렸습니다({kind}: {reason}).</translation>
    </message>
    <message>
        <source>{path} is damaged (it holds no weights)</source>
        <translation>{path} 파일이 손상되었습니다(가중치가 없습니다).</translation>
    </message>
    <message>
        <source>{path} is damaged or was cut short (not a .keras zip archive)</source>
        <translation>{path} 파일이 손상되었거나 중간에 잘렸습니다(.keras zip 압축 파일이 아닙니다).</translation>
    </message>
    <message>
        <source>{path} holds {weights} weights and {state} optimizer variables; the model has {model} and {optimizer}</source>
        <translation>{path}에는 가중치 {weights}개와 옵티마이저 변수 {state}개가 있지만, 모델에는 각각 {model}개와 {optimizer}개가 있습니다.</translation>
    </message>
    <message>
        <source>{path}: {variable} has shape {shape}, the checkpoint {saved}</source>
        <translation>{path}: {variable}의 모양은 {shape}인데 체크포인트의 모양은 {saved}입니다.</translation>
    </message>
    <message>
        <source>compare takes {least} to {most} run directories, got {n}</source>
        <extracomment>sections in the order they are shown a run's baselines: a list of :class:`~seqstudio.engine.baselines.Baseline`, or ``None`` when they cannot be computed (the data file is gone) data options that say nothing a reader compares (limits, not choices) per value, what it says in parts (a baselines ``Comparison`` for the row of the best epoch against the baselines), for a front end that words it in another language; not in JSON</extracomment>
        <translation>비교에는 실행 폴더가 {least}~{most}개 필요한데 {n}개가 주어졌습니다.</translation>
    </message>
    <message>
        <source>the dataset has no validation part; use a validation fraction &gt; 0</source>
        <extracomment>validation parts of at least this many samples are predicted with XLA: each shape's compile (about 1.3 s for a small forecast model on 2 shared cores) then pays for itself; below, the plain compiled function (68 samples: 0.3 s, Keras' predict 0.4 s, with XLA 1.5 s)</extracomment>
        <translation>데이터 세트에 검증 부분이 없습니다. 검증 비율을 0보다 크게 지정하세요.</translation>
    </message>
    <message>
        <source>no baselines: {error}</source>
        <translation>기준 모델이 없습니다: {error}</translation>
    </message>
    <message>
        <source>the model outputs {shape} per sample, but the targets are {targets}; the run and its data disagree</source>
        <translation>모델은 샘플마다 {shape}을(를) 출력하지만 목표값은 {targets}입니다. 실행과 데이터가 맞지 않습니다.</translation>
    </message>
    <message>
        <source>unknown optimizer {name!r}: {reason}</source>
        <extracomment>training windows larger than this (bytes, as arrays) are streamed through tf.data</extracomment>
        <translation>알 수 없는 옵티마이저 {name!r}입니다: {reason}</translation>
    </message>
    <message>
        <source>this run was trained on in-memory data; pass the dataset to resume it</source>
        <translation>이 실행은 메모리 안의 데이터로 학습했습니다. 이어서 학습하려면 데이터 세트를 넘겨 주세요.</translation>
    </message>
    <message>
        <source>the run's data file {path} is gone; restore it to resume</source>
        <translation>실행의 데이터 파일 {path}이(가) 없습니다. 이어서 학습하려면 파일을 되돌려 놓으세요.</translation>
    </message>
    <message>
        <source>the data file {path} changed since the run started (sha256 differs); use --force to evaluate on the new content</source>
        <translation>실행을 시작한 뒤 데이터 파일 {path}이(가) 바뀌었습니다(sha256이 다릅니다). 새 내용으로 평가하려면 --force를 쓰세요.</translation>
    </message>
    <message>
        <source>the data file {path} changed since the run started (sha256 differs); use --force to resume on the new content</source>
        <translation>실행을 시작한 뒤 데이터 파일 {path}이(가) 바뀌었습니다(sha256이 다릅니다). 새 내용으로 이어서 학습하려면 --force를 쓰세요.</translation>
    </message>
    <message>
        <source>{path} has no checkpoint to resume from</source>
        <translation>{path}에는 이어서 학습할 체크포인트가 없습니다.</translation>
    </message>
    <message>
        <source>{error}; delete it to resume from the checkpoint before it</source>
        <translation>{error} 이 체크포인트를 지우면 그 앞의 체크포인트부터 이어서 학습합니다.</translation>
    </message>
    <message>
        <source>{path} already trained {done} of {epochs} epochs; pass --epochs to train further</source>
        <translation>{path}은(는) 이미 에포크 {epochs}개 중 {done}개를 학습했습니다. 더 학습하려면 --epochs를 지정하세요.</translation>
    </message>
    <message>
        <source>{path} names no cell; the run cannot resume</source>
        <translation>{path}에 셀이 적혀 있지 않아 실행을 이어서 학습할 수 없습니다.</translation>
    </message>
    <message>
        <source>lacks epoch(s) {missing} of the {done} the checkpoint holds</source>
        <translation>체크포인트가 담은 에포크 {done}개 중 에포크 {missing}이(가) 빠져 있음</translation>
    </message>
    <message>
        <source>repeats an epoch</source>
        <translation>같은 에포크가 두 번 있음</translation>
    </message>
    <message>
        <source>{path} is damaged: it {fault}; resuming would leave a gap in the history</source>
        <translation>{path} 파일이 손상되었습니다({fault}). 이어서 학습하면 기록에 빈틈이 생깁니다.</translation>
    </message>
    <message>
        <source>vocabulary size</source>
        <translation>어휘 크기</translation>
    </message>
    <message>
        <source>number of input columns</source>
        <translation>입력 열 수</translation>
    </message>
    <message>
        <source>sequence length</source>
        <translation>시퀀스 길이</translation>
    </message>
    <message>
        <source>number of outputs</source>
        <translation>출력 수</translation>
    </message>
    <message>
        <source>the data now gives a {name} of {now}, the run's model was built for {before}; the model cannot continue on it: train a new run</source>
        <translation>지금 데이터의 {name}은(는) {now}인데 실행의 모델은 {before}에 맞게 만들어졌습니다. 이 모델로는 계속할 수 없으니 새 실행을 학습하세요.</translation>
    </message>
    <message>
        <source>vocabulary</source>
        <translation>어휘</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>클래스</translation>
    </message>
    <message>
        <source>the data now gives another {name} ({changed} of {n} entries differ from the run's); the model cannot continue on it: train a new run</source>
        <translation>지금 데이터의 {name}이(가) 다릅니다(항목 {n}개 중 {changed}개가 실행의 것과 다릅니다). 이 모델로는 계속할 수 없으니 새 실행을 학습하세요.</translation>
    </message>
    <message>
        <source>the dataset has no training samples</source>
        <translation>데이터 세트에 학습 샘플이 없습니다.</translation>
    </message>
    <message>
        <source>{path} already holds a run; resume it with 'seqstudio resume {path}' or choose another directory</source>
        <extracomment>hidden-state snapshots (per epoch and every ``snapshot_every`` batches); a benchmark switches them off to measure what they cost with every hidden-state snapshot, the glass box's weights and influence snapshots (:mod:`seqstudio.glassbox`); a benchmark switches them off to measure their cost</extracomment>
        <translation>{path}에는 이미 실행이 있습니다. 'seqstudio resume {path}'(으)로 이어서 학습하거나 다른 폴더를 고르세요.</translation>
    </message>
    <message>
        <source>{path} exists and is not a directory</source>
        <translation>{path}이(가) 있지만 폴더가 아닙니다.</translation>
    </message>
    <message>
        <source>{path}: no such lesson file</source>
        <extracomment>panels a step may show (the app's objectNames) controls a step may hide or highlight (the app's objectNames); a panel may be highlighted too data options a lesson may set: those ``seqstudio train`` takes, with the same meaning embedded data is for small examples; larger data belongs in a file beside the lesson</extracomment>
        <translation>{path}: 수업 파일이 없습니다.</translation>
    </message>
    <message>
        <source>{path}: cannot read the lesson: {reason}</source>
        <translation>{path}: 수업을 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>{path} is not a lesson file (not UTF-8 text)</source>
        <translation>{path}은(는) 수업 파일이 아닙니다(UTF-8 텍스트가 아닙니다).</translation>
    </message>
    <message>
        <source>{path} is not valid TOML: {reason}</source>
        <translation>{path}은(는) 올바른 TOML이 아닙니다: {reason}</translation>
    </message>
    <message>
        <source>no 'format' key; a lesson starts with format = {version}</source>
        <translation>'format' 키가 없습니다. 수업 파일은 format = {version}(으)로 시작합니다.</translation>
    </message>
    <message>
        <source>'format' must be a whole number from 1, got {value}</source>
        <translation>'format'은(는) 1 이상의 정수여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>written in lesson format {format}; this seqstudio {release} reads format {version} and older: upgrade seqstudio to open it</source>
        <translation>수업 형식 {format}(으)로 쓴 파일입니다. 이 seqstudio {release}은(는) 형식 {version} 이하만 읽습니다. 열려면 seqstudio를 업그레이드하세요.</translation>
    </message>
    <message>
        <source>the lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>'seed' must be a whole number &gt;= 0, got {value}</source>
        <translation>'seed'는 0 이상의 정수여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>[model] needs 'cell', a cell type name (see 'seqstudio cells')</source>
        <translation>[model]에는 셀 종류의 이름인 'cell'이 필요합니다('seqstudio cells' 참고).</translation>
    </message>
    <message>
        <source>unknown key {key!r} in {where}; the keys are: {keys}</source>
        <translation>{where}에 알 수 없는 키 {key!r}이(가) 있습니다. 쓸 수 있는 키: {keys}</translation>
    </message>
    <message>
        <source>{where}'{key}' is missing</source>
        <translation>{where}'{key}' 키가 없습니다.</translation>
    </message>
    <message>
        <source>{where}'{key}' must be text, got {value}</source>
        <translation>{where}'{key}'은(는) 텍스트여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>no [{key}] table</source>
        <translation>[{key}] 표가 없습니다.</translation>
    </message>
    <message>
        <source>'{key}' must be a table ([{key}]), got {value}</source>
        <translation>'{key}'은(는) 표([{key}])여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>[data] needs exactly one of 'path' (relative to the lesson file), 'sample' (a bundled sample) or 'content' (embedded, with 'filename'); got {given}</source>
        <translation>[data]에는 'path'(수업 파일 기준 상대 경로), 'sample'(함께 제공되는 예제) 또는 'content'(파일에 넣은 데이터, 'filename'과 함께) 중 정확히 하나가 있어야 합니다. 주어진 것: {given}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>[data] 'filename' names embedded data; it goes with 'content' only</source>
        <translation>[data]의 'filename'은 파일에 넣은 데이터의 이름이므로 'content'와 함께만 씁니다.</translation>
    </message>
    <message>
        <source>[data] path {path!r} names no file ({file}); the path is relative to the lesson file's folder</source>
        <translation>[data]의 path {path!r}에 해당하는 파일이 없습니다({file}). 경로는 수업 파일이 있는 폴더를 기준으로 합니다.</translation>
    </message>
    <message>
        <source>[data] sample {name!r} is not a bundled sample; they are: {samples}</source>
        <translation>[data]의 sample {name!r}은(는) 함께 제공되는 예제가 아닙니다. 예제: {samples}</translation>
    </message>
    <message>
        <source>[data] embedded 'content' needs 'filename', a plain file name ending in .txt or .csv, got {filename!r}</source>
        <translation>[data]에 넣은 'content'에는 .txt나 .csv로 끝나는 파일 이름인 'filename'이 필요한데 {filename!r}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>[data] embedded content has {n:,} characters; above {most:,} put the data in a file beside the lesson and give its 'path'</source>
        <translation>[data]에 넣은 내용이 {n:,}자입니다. {most:,}자를 넘으면 데이터를 수업 파일 옆의 파일에 두고 그 'path'를 적으세요.</translation>
    </message>
    <message>
        <source>'replay' must be the path of a run directory, got {value}</source>
        <translation>'replay'는 실행 폴더의 경로여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>a lesson needs at least one [[steps]] entry</source>
        <translation>수업에는 [[steps]] 항목이 적어도 하나 있어야 합니다.</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>{step}단계</translation>
    </message>
    <message>
        <source>{where} must be a table ([[steps]]), got {value}</source>
        <translation>{where}은(는) 표([[steps]])여야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>{where}: unknown panel {panel!r}; the panels are: {panels}</source>
        <translation>{where}: 알 수 없는 패널 {panel!r}입니다. 패널: {panels}</translation>
    </message>
    <message>
        <source>{where}: '{key}' must be a list of names, got {value}</source>
        <translation>{where}: '{key}'은(는) 이름의 목록이어야 하는데 {value}이(가) 주어졌습니다.</translation>
    </message>
    <message>
        <source>{where}: '{key}' names {name!r}, which is not one of: {allowed}</source>
        <translation>{where}: '{key}'에 적힌 {name!r}은(는) 다음 중 하나가 아닙니다: {allowed}</translation>
    </message>
    <message>
        <source>{path}: a translation changes only the words of {original}, but {difference}</source>
        <extracomment>the parts of a lesson that a translation may change; everything else must stay the same</extracomment>
        <translation>{path}: 번역은 {original}의 글만 바꿔야 하는데, {difference}</translation>
    </message>
    <message>
        <source>it has {n} steps where the original has {original}</source>
        <translation>원본은 {original}단계인데 번역은 {n}단계입니다.</translation>
    </message>
    <message>
        <source>its step {step} lacks a {key}</source>
        <translation>번역의 {step}단계에 {key}이(가) 없습니다.</translation>
    </message>
    <message>
        <source>its step {step} adds a {key}</source>
        <translation>번역의 {step}단계에 원본에 없는 {key}이(가) 있습니다.</translation>
    </message>
    <message>
        <source>its step {step} has {key} {value} where the original has {original}</source>
        <translation>번역의 {step}단계에는 {key}이(가) {value}인데 원본에는 {original}입니다.</translation>
    </message>
    <message>
        <source>its {key} is {value} where the original's is {original}</source>
        <translation>번역의 {key}은(는) {value}인데 원본의 것은 {original}입니다.</translation>
    </message>
    <message>
        <source>{where} is {value}, which a lesson cannot hold</source>
        <translation>{where}의 값 {value}은(는) 수업 파일에 담을 수 없습니다.</translation>
    </message>
    <message>
        <source>{where} is a {kind}, which a lesson cannot hold</source>
        <translation>{where}의 값은 {kind}이므로 수업 파일에 담을 수 없습니다.</translation>
    </message>
    <message>
        <source>a lesson needs its data: a data file or a bundled sample</source>
        <translation>수업에는 데이터가 필요합니다: 데이터 파일이나 함께 제공되는 예제를 고르세요.</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>{path}을(를) 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>try a lower learning rate than {rate} (for example {lower})</source>
        <translation>학습률을 {rate}보다 낮춰 보세요 (예: {lower})</translation>
    </message>
    <message>
        <source>{advice}, or the tanh cell (simple-rnn-tanh), whose states stay within -1..1</source>
        <translation>{advice}. 또는 은닉 상태가 -1..1 안에 머무는 tanh 셀(simple-rnn-tanh)을 쓰세요</translation>
    </message>
    <message>
        <source>{name} must be a number of bytes, got {value!r}</source>
        <extracomment>the unit of reading; blocks end at a line break (or a space) so no token or row is cut. Small, so that the temporaries of a block (4 bytes a character while encoding) stay a few MB: with 4 MiB, peak memory grew 1.8x from a 10 MB to a 1 GB text (1.56x with 1 MiB, 1.04x once tf.data's autotuner was off, see tf_dataset) tokens of each part kept in memory for the probe, the baselines and the previews... ...and rows of a table (a row of floats weighs more than a token: 64K rows keep the sample under ~10 MB, so memory is flat from files of a few MB on) windows cut at once batches handed from the Python generator to tf.data at once ``progress(fraction done in [0, 1], what is being done)``; raise from it to stop the load</extracomment>
        <translation>{name}은(는) 바이트 수여야 하는데 {value!r}입니다</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>환경 변수</translation>
    </message>
    <message>
        <source>{name} must be at least 1, got {value}</source>
        <translation>{name}은(는) 1 이상이어야 하는데 {value}입니다</translation>
    </message>
    <message>
        <source>{size} without a line break or a space from byte {offset}; streaming cuts the file at them</source>
        <translation>{offset}번째 바이트부터 {size} 동안 줄바꿈도 공백도 없습니다. 디스크에서 나눠 읽을 때는 그 자리에서 파일을 자릅니다.</translation>
    </message>
    <message>
        <source>cannot parse the rows from byte {offset}: {error}</source>
        <extracomment>the last row of the block before (values), for a column missing at a block's start</extracomment>
        <translation>{offset}번째 바이트부터의 행을 해석할 수 없습니다: {error}</translation>
    </message>
    <message>
        <source>rows from {first}</source>
        <translation>{first}행부터</translation>
    </message>
    <message>
        <source>column {name!r} has cells that are not numbers, e.g. {cell!r}; fix them or treat_as_missing=[{name!r}]</source>
        <translation>{name!r} 열에 숫자가 아닌 셀이 있습니다 (예: {cell!r}). 고치거나 treat_as_missing=[{name!r}]로 결측값으로 처리하세요.</translation>
    </message>
    <message>
        <source>infinite values in column {name!r}; replace them with numbers or leave the cells empty</source>
        <translation>{name!r} 열에 무한대 값이 있습니다. 숫자로 바꾸거나 셀을 비워 두세요.</translation>
    </message>
    <message>
        <source>column {name!r} holds dates, but some cells are not dates</source>
        <translation>{name!r} 열은 날짜 열인데, 날짜가 아닌 셀이 있습니다.</translation>
    </message>
    <message>
        <source>column {name!r} has rows with no date; fill them in or use missing='drop'</source>
        <translation>{name!r} 열에 날짜가 없는 행이 있습니다. 채우거나 missing='drop'을 쓰세요.</translation>
    </message>
    <message>
        <source>the rows are not in date order ({name!r} goes back); a file this large is read from disk as it is, so sort it by date first</source>
        <translation>행이 날짜 순서가 아닙니다 ({name!r}이(가) 뒤로 갑니다). 이렇게 큰 파일은 디스크에서 있는 그대로 읽으므로, 먼저 날짜순으로 정렬하세요.</translation>
    </message>
    <message>
        <source>missing values in column {name!r}; fill them in, or choose missing='interpolate' or 'drop'</source>
        <translation>{name!r} 열에 결측값이 있습니다. 채우거나 missing='interpolate' 또는 'drop'을 고르세요.</translation>
    </message>
    <message>
        <source>column {name!r} has no values in a whole block of rows; choose other columns</source>
        <translation>{name!r} 열은 한 블록의 행 전체에 값이 없습니다. 다른 열을 고르세요.</translation>
    </message>
    <message>
        <source>a table this large is read from disk in blocks, which needs an encoding whose line breaks are single bytes, not {encoding}; convert it to UTF-8</source>
        <translation>이렇게 큰 표는 디스크에서 블록 단위로 읽으므로, 줄바꿈이 1바이트인 인코딩이어야 합니다. {encoding}은(는) 그렇지 않습니다. UTF-8로 바꾸세요.</translation>
    </message>
</context>
</TS>