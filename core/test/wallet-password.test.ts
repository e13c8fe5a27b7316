/** Prompted passwords: no echo, trimmed of surrounding whitespace (as btwallet does), empty refused. */
import test from 'ava';
import { PassThrough } from 'node:stream';
import { promptPassword } from '../src/wallet/password.ts';

/** A fake terminal: stdin that says it is a TTY, fed `typed` once the question is asked. */
function terminal(typed: string[]): { input: PassThrough & { isTTY: boolean }; output: PassThrough; shown: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let shown = '';
  let next = 0;
  output.on('data', (d: Buffer) => {
    shown += d.toString();
    if (/password: $/i.test(shown) && next < typed.length) setImmediate(() => input.write(typed[next++]!));
  });
  return { input, output, shown: () => shown };
}

test('a prompted password is trimmed of leading and trailing whitespace and not echoed', async (t) => {
  const term = terminal(['  sesame \t\n']);
  t.is(await promptPassword('Password: ', term), 'sesame');
  t.false(term.shown().includes('sesame'));
});

test('a whitespace-only prompted password is refused as empty; confirmation compares trimmed values', async (t) => {
  await t.throwsAsync(promptPassword('Password: ', terminal(['   \n'])), { message: /must not be empty/ });
  t.is(await promptPassword('Password: ', { ...terminal(['sesame\n', ' sesame\n']), confirm: true }), 'sesame');
});
