import test from 'ava';
import { ArenaError, ChainError, ConfigError, EvaluationError, exitCodeFor, isArenaError } from '../src/errors.ts';

test('exitCodeFor maps no error to 0, config/usage errors to 2 and other failures to 1', (t) => {
  t.is(exitCodeFor(undefined), 0);
  t.is(exitCodeFor(new ConfigError([{ path: 'a', expected: 'number', found: 'string "x"' }])), 2);
  t.is(exitCodeFor(new ArenaError('USAGE', 'bad flag')), 2);
  t.is(exitCodeFor(new ArenaError('WRONG_PASSWORD', 'nope')), 1);
  t.is(exitCodeFor(new EvaluationError('NaN loss')), 1);
  t.is(exitCodeFor(new Error('boom')), 1);
});

test('ConfigError lists every bad field with expected and found', (t) => {
  const err = new ConfigError(
    [
      { path: 'chain.endpoint', expected: 'string', found: 'number 5' },
      { path: 'extra', expected: 'no such field (unknown key)', found: 'boolean true' },
    ],
    { source: 'miner.json' },
  );
  t.is(err.code, 'CONFIG_INVALID');
  t.regex(err.message, /miner\.json/);
  t.regex(err.message, /chain\.endpoint: expected string, found number 5/);
  t.regex(err.message, /extra: expected no such field/);
  t.true(isArenaError(err, 'CONFIG_INVALID'));
  t.false(isArenaError(err, 'USAGE'));
});

test('ChainError.fromDispatch says what to do for SettingWeightsTooFast', (t) => {
  const err = ChainError.fromDispatch(
    { pallet: 'SubtensorModule', name: 'SettingWeightsTooFast', docs: 'Rate limit exceeded.' },
    { call: 'subtensorModule.setWeights', nextAllowedBlock: 1234 },
  );
  t.is(err.code, 'CHAIN_DISPATCH');
  t.is(err.pallet, 'SubtensorModule');
  t.is(err.errorName, 'SettingWeightsTooFast');
  t.is(
    err.message,
    'subtensorModule.setWeights failed: SubtensorModule.SettingWeightsTooFast (Rate limit exceeded.); wait: next allowed at block 1234',
  );
  t.is(err.exitCode, 1);
  t.deepEqual(err.toJSON(), { name: 'ChainError', code: 'CHAIN_DISPATCH', message: err.message });
});

test('ArenaError keeps its cause', (t) => {
  const cause = new Error('inner');
  t.is(new ArenaError('INTERNAL', 'outer', { cause }).cause, cause);
});
