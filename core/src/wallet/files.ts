/**
 * Private file handling for keyfiles: 0600 files, 0700 directories, atomic writes, and refusal to read a
 * secret keyfile that group or others can read.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ArenaError } from '../errors.ts';

/** Mode of every keyfile. */
export const FILE_MODE = 0o600;
/** Mode of wallet directories created by Arena. */
export const DIR_MODE = 0o700;

/** Throws `KEYFILE_PERMISSIONS` when `path` is readable or writable by group/others, saying how to fix it. */
export function assertPrivateFile(path: string): void {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new ArenaError(
      'KEYFILE_PERMISSIONS',
      `refusing to read ${path}: mode ${mode.toString(8).padStart(4, '0')} lets group/others access it (expected 0600); fix with: chmod 600 ${path}`,
    );
  }
}

/** Reads a file, mapping "missing" to `WALLET_NOT_FOUND` with the path; checks 0600 when `private`. */
export function readKeyfileBytes(path: string, options: { private: boolean }): Uint8Array {
  try {
    if (options.private) assertPrivateFile(path);
    return new Uint8Array(readFileSync(path));
  } catch (err: unknown) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ArenaError(
        'WALLET_NOT_FOUND',
        `keyfile not found: ${path} (create it with "arena wallet create" or "arena wallet regen")`,
        { cause: err },
      );
    }
    throw err;
  }
}

/** True when `path` exists. */
export function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    // statSync throws for missing paths; "false" is the answer.
    return false;
  }
}

/** Creates `dir` (and parents) with mode 0700 for directories Arena creates. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** Writes `data` atomically with mode 0600; refuses to replace an existing file unless `overwrite`. */
export function writePrivateFile(path: string, data: Uint8Array | string, options: { overwrite?: boolean } = {}): void {
  if (options.overwrite !== true && exists(path)) {
    throw new ArenaError(
      'WALLET_EXISTS',
      `${path} already exists; pass --overwrite to replace it (the old key is lost unless you have its mnemonic)`,
    );
  }
  ensurePrivateDir(dirname(path));
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  writeFileSync(tmp, data, { mode: FILE_MODE, flag: 'wx' });
  chmodSync(tmp, FILE_MODE); // the umask may have narrowed or (on odd systems) the flag ignored the mode
  renameSync(tmp, path);
}
