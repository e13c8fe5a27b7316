import test from 'ava';
import { lineSplitter, parseJsonLine } from '../src/ndjson.ts';

test('lineSplitter yields whole lines across chunk boundaries, CRLF and split UTF-8 characters', (t) => {
  const lines: string[] = [];
  const push = lineSplitter((l) => lines.push(l));
  const bytes = new TextEncoder().encode('{"a":1}\r\n{"msg":"é"}\npartial');
  push(bytes.slice(0, 3));
  push(bytes.slice(3, 17)); // ends inside the two-byte "é"
  push(bytes.slice(17));
  t.deepEqual(lines, ['{"a":1}', '{"msg":"é"}']);
  push(' line\n');
  t.is(lines[2], 'partial line');
});

test('parseJsonLine returns objects only', (t) => {
  t.deepEqual(parseJsonLine('{"level":30,"msg":"x"}'), { level: 30, msg: 'x' });
  t.is(parseJsonLine('2026-12-04 20:26:48        RPC-CORE: x'), undefined);
  t.is(parseJsonLine('[1,2]'), undefined);
  t.is(parseJsonLine('null'), undefined);
});
