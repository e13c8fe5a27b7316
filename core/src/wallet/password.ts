/**
 * Password sources: an interactive prompt without echo, or a file (`--password-file`). Never plain env text.
 */
import { createInterface } from 'node:readline';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { ArenaError } from '../errors.ts';
import { assertPrivateFile } from './files.ts';

/** Reads a password file (mode 0600 required), dropping one trailing newline; empty is an error. */
export function readPasswordFile(path: string): string {
  try {
    assertPrivateFile(path);
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ArenaError('USAGE', `password file not found: ${path}`, { cause: err });
    throw err;
  }
  const text = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  if (text === '') throw new ArenaError('PASSWORD_REQUIRED', `password file ${path} is empty`);
  return text;
}

/** Options of `promptPassword`. */
export interface PromptOptions {
  /** Ask twice and require both to match (when setting a password). */
  confirm?: boolean;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
}

function askOnce(question: string, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<string> {
  let muted = false;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      if (!muted) output.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true });
  return new Promise((resolveAnswer, reject) => {
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolveAnswer(answer);
    });
    muted = true; // everything typed after the question is not echoed
    rl.on('SIGINT', () => {
      rl.close();
      reject(new ArenaError('USAGE', 'password prompt cancelled'));
    });
  });
}

/**
 * Prompts on the terminal without echo; refuses when stdin is not a TTY (use --password-file). The answer is
 * trimmed of leading and trailing whitespace, as btwallet does, so a stray space typed or pasted around a
 * password does not make a key that the same password cannot open elsewhere.
 */
export async function promptPassword(question: string, options: PromptOptions = {}): Promise<string> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stderr;
  if (input.isTTY !== true) {
    throw new ArenaError('PASSWORD_REQUIRED', 'a password is needed but stdin is not a terminal: pass --password-file <file> (mode 0600)');
  }
  const first = (await askOnce(question, input, output)).trim();
  if (first === '') throw new ArenaError('PASSWORD_REQUIRED', 'the password must not be empty');
  if (options.confirm === true && (await askOnce('Retype password: ', input, output)).trim() !== first) {
    throw new ArenaError('USAGE', 'the two passwords do not match');
  }
  return first;
}
