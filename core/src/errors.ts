/**
 * The project's error classes: one base (`ArenaError`) with a string-literal code, and a few boundary
 * subclasses. Messages say what was expected, what was found and where, and what to do next.
 */

/** Every error code the project raises through `ArenaError`. */
export type ArenaErrorCode =
  | 'CONFIG_INVALID'
  | 'USAGE'
  | 'NETWORK_UNKNOWN'
  | 'WALLET_NOT_FOUND'
  | 'WALLET_EXISTS'
  | 'KEYFILE_INVALID'
  | 'KEYFILE_PERMISSIONS'
  | 'WRONG_PASSWORD'
  | 'PASSWORD_REQUIRED'
  | 'CHAIN_CONNECTION'
  | 'CHAIN_TIMEOUT'
  | 'CHAIN_DISPATCH'
  | 'CHAIN_INVALID_TX'
  | 'CHAIN_DECODE'
  | 'CHAIN_UNSUPPORTED'
  | 'CHAIN_BLOCK_NOT_FOUND'
  | 'CHAIN_SUBNET_NOT_FOUND'
  | 'EVALUATION'
  | 'INTERNAL';

/** Codes that mean "the user gave bad input": the CLI exits with 2 for these. */
const USAGE_CODES: ReadonlySet<ArenaErrorCode> = new Set<ArenaErrorCode>([
  'CONFIG_INVALID',
  'USAGE',
  'NETWORK_UNKNOWN',
  'PASSWORD_REQUIRED',
  'WALLET_NOT_FOUND',
  'CHAIN_BLOCK_NOT_FOUND',
  'CHAIN_SUBNET_NOT_FOUND',
]);

/** Base class of all project errors; `code` is stable and machine-readable, `cause` keeps the origin. */
export class ArenaError extends Error {
  /** Machine-readable error code. */
  readonly code: ArenaErrorCode;

  constructor(code: ArenaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArenaError';
    this.code = code;
  }

  /** Process exit code the CLI uses for this error: 2 for bad usage/config, 1 otherwise. */
  get exitCode(): 1 | 2 {
    return USAGE_CODES.has(this.code) ? 2 : 1;
  }

  /** JSON form for logs and `--json` output (no stack). */
  toJSON(): { name: string; code: ArenaErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}

/** One invalid configuration field: its dotted path, what was expected and what was found. */
export interface ConfigIssue {
  /** Dotted field path, e.g. `chain.endpoint` (empty string for the root). */
  path: string;
  /** What the schema expected. */
  expected: string;
  /** What was found (already redacted when the field is secret). */
  found: string;
}

/** Bad configuration (file, env or flags); lists every bad field. Exit code 2. */
export class ConfigError extends ArenaError {
  /** Every bad field, in schema order. */
  readonly issues: readonly ConfigIssue[];
  /** Where the configuration came from (file path, "env", "flags"), for the message. */
  readonly source: string | undefined;

  constructor(issues: readonly ConfigIssue[], options?: { source?: string; cause?: unknown }) {
    super('CONFIG_INVALID', formatConfigIssues(issues, options?.source), options);
    this.name = 'ConfigError';
    this.issues = issues;
    this.source = options?.source;
  }
}

function formatConfigIssues(issues: readonly ConfigIssue[], source: string | undefined): string {
  const where = source === undefined ? '' : ` (from ${source})`;
  const lines = issues.map((i) => `  - ${i.path || '(root)'}: expected ${i.expected}, found ${i.found}`);
  return `invalid configuration${where}: ${issues.length} bad field(s)\n${lines.join('\n')}`;
}

/** A decoded dispatch error from the chain: pallet, error name and its metadata docs. */
export interface DispatchErrorInfo {
  /** Pallet name as in metadata, e.g. `SubtensorModule`, `Balances`, or `System` for non-module errors. */
  pallet: string;
  /** Error variant name, e.g. `SettingWeightsTooFast`. */
  name: string;
  /** Metadata doc lines joined with a space (may be empty). */
  docs: string;
}

/** Extra facts that let the message say exactly what to do. */
export interface ChainErrorContext {
  /** The call that failed, `pallet.method`. */
  call?: string;
  /** First block at which weights may be set again (for `SettingWeightsTooFast`). */
  nextAllowedBlock?: number;
  /** The block the transaction was included in, when known. */
  blockHash?: string;
}

/** A pool refusal `InvalidTransaction::Custom(code)`, named as upstream subtensor names it when known. */
export interface CustomInvalidInfo {
  /** The runtime's custom code (e.g. 11). */
  code: number;
  /** Upstream's name for it (e.g. `InvalidIpAddress`), undefined for a number upstream does not define. */
  name: string | undefined;
}

/** A chain-side failure: a decoded dispatch error (`CHAIN_DISPATCH`), an invalid transaction, a timeout. */
export class ChainError extends ArenaError {
  /** The decoded dispatch error, when the failure came from the runtime. */
  readonly dispatch: DispatchErrorInfo | undefined;
  /** The pool's custom refusal, when the transaction was invalid with `Custom(code)`. */
  readonly invalid: CustomInvalidInfo | undefined;
  /** Context given when the error was raised. */
  readonly context: ChainErrorContext;

  constructor(
    code: Extract<ArenaErrorCode, `CHAIN_${string}`>,
    message: string,
    options?: { dispatch?: DispatchErrorInfo; invalid?: CustomInvalidInfo; context?: ChainErrorContext; cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'ChainError';
    this.dispatch = options?.dispatch;
    this.invalid = options?.invalid;
    this.context = options?.context ?? {};
  }

  /** Pallet of the dispatch error, if any. */
  get pallet(): string | undefined {
    return this.dispatch?.pallet;
  }

  /** Name of the dispatch error (e.g. `SettingWeightsTooFast`) or of the pool's custom refusal (e.g. `InvalidIpAddress`), if any. */
  get errorName(): string | undefined {
    return this.dispatch?.name ?? this.invalid?.name;
  }

  /** Builds the error for a decoded dispatch error, with a message that says what to do. */
  static fromDispatch(info: DispatchErrorInfo, context: ChainErrorContext = {}): ChainError {
    const call = context.call === undefined ? '' : `${context.call} failed: `;
    const docs = info.docs === '' ? '' : ` (${info.docs})`;
    const hint = dispatchHint(info.name, context);
    const message = `${call}${info.pallet}.${info.name}${docs}${hint === '' ? '' : `; ${hint}`}`;
    return new ChainError('CHAIN_DISPATCH', message, { dispatch: info, context });
  }
}

/** What the user should do about a known dispatch error; '' when there is nothing specific to say. */
export function dispatchHint(name: string, context: ChainErrorContext = {}): string {
  if (name === 'SettingWeightsTooFast' || name === 'CommittingWeightsTooFast') {
    return context.nextAllowedBlock === undefined
      ? 'wait WeightsSetRateLimit blocks after your last weight update'
      : `wait: next allowed at block ${context.nextAllowedBlock}`;
  }
  return DISPATCH_HINTS[name] ?? '';
}

const DISPATCH_HINTS: Readonly<Record<string, string>> = {
  HotKeyNotRegisteredInSubNet: 'register the hotkey on this subnet first (burned_register)',
  HotKeyNotRegisteredInNetwork: 'register the hotkey on this subnet first (burned_register)',
  HotKeyAlreadyRegisteredInSubNet: 'this hotkey already has a uid on the subnet; nothing to do',
  NeuronNoValidatorPermit: 'stake enough to be in the top MaxAllowedValidators; permits are granted at the next epoch',
  NotEnoughStakeToSetWeights: 'add stake to the hotkey (add_stake) until it reaches StakeThreshold',
  IncorrectWeightVersionKey: 'set version_key to at least the subnet WeightsVersionKey (upgrade the validator)',
  CommitRevealEnabled: 'commit-reveal is on for this subnet: use commit_weights then reveal_weights',
  CommitRevealDisabled: 'commit-reveal is off for this subnet: use set_weights',
  RevealTooEarly: 'reveal exactly RevealPeriodEpochs epochs after the commit',
  WeightVecLengthIsLow: 'send at least MinAllowedWeights weights',
  NotEnoughBalanceToStake: 'fund the coldkey, or stake less',
  InsufficientBalance: 'fund the signing account, or send less',
  SubtokenDisabled: 'the subnet owner has not called start_call yet',
  ServingRateLimitExceeded: 'wait ServingRateLimit blocks before serving the axon again',
  InvalidIpAddress: 'serve a public, routable IP (not 127.0.0.1 on IPv4, not 0)',
  InvalidPort: 'serve a port other than 0',
  SubNetRegistrationDisabled: 'registration is disabled on this subnet',
  RegistrationPriceLimitExceeded: 'the burn is above your price limit; retry later or raise the limit',
  SubnetNotExists: 'check the netuid (the subnet does not exist)',
  MechanismDoesNotExist: 'check the netuid (the subnet does not exist)',
};

/** A failed model evaluation (bad predictions, NaN loss, wrong shape). */
export class EvaluationError extends ArenaError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('EVALUATION', message, options);
    this.name = 'EvaluationError';
  }
}

/**
 * The one exit-code mapping of the CLI: 0 for no error, 2 for bad usage/config (an `ArenaError` usage
 * code, or any error that carries `exitCode` 2, e.g. a backend the machine cannot run), 1 otherwise.
 */
export function exitCodeFor(err: unknown): 0 | 1 | 2 {
  if (err === undefined || err === null) return 0;
  if (err instanceof ArenaError) return err.exitCode;
  const declared = (err as { exitCode?: unknown }).exitCode;
  return declared === 2 ? 2 : 1;
}

/** The message of any thrown value, for logs and CLI output. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
}

/** True when `err` is an `ArenaError` with the given code (narrowing helper for `catch (e: unknown)`). */
export function isArenaError(err: unknown, code?: ArenaErrorCode): err is ArenaError {
  return err instanceof ArenaError && (code === undefined || err.code === code);
}
