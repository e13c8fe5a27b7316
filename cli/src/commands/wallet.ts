/**
 * `arena wallet create|list|show|import|regen|dev`: Bittensor-layout wallets (`~/.bittensor/wallets`).
 * Wallet location: flags `--wallet.path/--wallet.name/--wallet.hotkey` > env `ARENA_WALLET_PATH/NAME/HOTKEY`
 * > `--config <file>` (its `wallet` section) > defaults. Passwords come from a no-echo prompt or `--password-file`.
 */
import { Command } from 'commander';
import { z } from 'zod';
import {
  ArenaError,
  createDevWallet,
  createWallet,
  defaultWalletPath,
  listWallets,
  loadConfig,
  promptPassword,
  readConfigFile,
  readPasswordFile,
  regenColdkey,
  regenHotkey,
  showWallet,
  type KeyResult,
  type KeySource,
  type WalletLocation,
  type WalletSummary,
} from '#core';

/** The slice of config the wallet commands read; other sections of a shared file belong to other commands. */
const WalletCliSchema = z
  .object({
    wallet: z
      .object({
        path: z.string().min(1).default(defaultWalletPath()).describe('wallets directory'),
        name: z.string().min(1).default('default').describe('wallet name'),
        hotkey: z.string().min(1).default('default').describe('hotkey name'),
      })
      .strict()
      .default({ path: defaultWalletPath(), name: 'default', hotkey: 'default' }),
  })
  .loose();

interface CommonOpts {
  config?: string;
  'wallet.path'?: string;
  'wallet.name'?: string;
  'wallet.hotkey'?: string;
  passwordFile?: string;
  password?: boolean;
  json?: boolean;
  overwrite?: boolean;
}

function resolveLocation(opts: CommonOpts): Required<WalletLocation> {
  const cfg = loadConfig({
    schema: WalletCliSchema,
    file: opts.config === undefined ? undefined : readConfigFile(opts.config),
    filePath: opts.config,
    env: process.env,
    flags: { 'wallet.path': opts['wallet.path'], 'wallet.name': opts['wallet.name'], 'wallet.hotkey': opts['wallet.hotkey'] },
  });
  return cfg.wallet;
}

function withWalletOptions(cmd: Command): Command {
  return cmd
    .option('--wallet.path <dir>', `wallets directory (env ARENA_WALLET_PATH, default ${defaultWalletPath()})`)
    .option('--wallet.name <name>', 'wallet name (env ARENA_WALLET_NAME, default "default")')
    .option('--wallet.hotkey <name>', 'hotkey name (env ARENA_WALLET_HOTKEY, default "default")')
    .option('--config <file>', 'JSON config file; its "wallet" section is used');
}

async function coldkeyPassword(opts: CommonOpts, confirm: boolean): Promise<string> {
  if (opts.password === false) {
    throw new ArenaError('USAGE', '--no-password applies to hotkeys only: coldkeys are always encrypted');
  }
  if (opts.passwordFile !== undefined) return readPasswordFile(opts.passwordFile);
  return promptPassword('Coldkey password: ', { confirm });
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function printKey(kind: string, key: KeyResult): void {
  out(`${kind}: ${key.address}  (${key.path})`);
  if (key.mnemonic !== null) {
    out(`  mnemonic (write it down and keep it offline; it is the only way to recover this ${kind}):`);
    out(`  ${key.mnemonic}`);
  }
}

function printSummary(w: WalletSummary): void {
  out(`${w.name}  ${w.path}`);
  out(`  coldkey  ${w.coldkey ?? '(no coldkeypub.txt)'}${w.coldkeyEncrypted ? '' : '  [unencrypted]'}`);
  for (const h of w.hotkeys) out(`  hotkey ${h.name}  ${h.address ?? '(encrypted)'}`);
  if (w.hotkeys.length === 0) out('  (no hotkeys)');
}

function createCommand(): Command {
  return withWalletOptions(new Command('create'))
    .description('create a wallet: new coldkey (encrypted) + coldkeypub.txt + one hotkey (unencrypted, as Bittensor keeps them)')
    .option('--password-file <file>', 'read the coldkey password from this file (mode 0600) instead of prompting')
    .option('--hotkey-only', 'only add a hotkey to an existing wallet (no coldkey password needed)')
    .option('--no-password', 'hotkeys only: explicit "no hotkey encryption" (the default); refused for coldkeys')
    .option('--words <n>', 'mnemonic length: 12, 15, 18, 21 or 24', '12')
    .option('--overwrite', 'replace existing keyfiles (the old keys are lost unless you kept their mnemonics)')
    .action(async (opts: CommonOpts & { hotkeyOnly?: boolean; words: string }) => {
      const loc = resolveLocation(opts);
      const words = Number(opts.words);
      if (![12, 15, 18, 21, 24].includes(words))
        throw new ArenaError('USAGE', `expected --words 12, 15, 18, 21 or 24, found ${opts.words}`);
      const hotkeyOnly = opts.hotkeyOnly === true;
      const password = hotkeyOnly ? '' : await coldkeyPassword(opts, true);
      const res = await createWallet({
        ...loc,
        coldkeyPassword: password,
        hotkeyOnly,
        words: words as 12,
        overwrite: opts.overwrite === true,
      });
      if (res.coldkey !== null) printKey('coldkey', res.coldkey);
      printKey('hotkey', res.hotkey);
    });
}

function listCommand(): Command {
  return new Command('list')
    .description('list wallets and their addresses (never secrets)')
    .option('--wallet.path <dir>', `wallets directory (env ARENA_WALLET_PATH, default ${defaultWalletPath()})`)
    .option('--config <file>', 'JSON config file; its "wallet" section is used')
    .option('--json', 'print JSON')
    .action((opts: CommonOpts) => {
      const wallets = listWallets(resolveLocation(opts).path);
      if (opts.json === true) out(JSON.stringify(wallets, null, 2));
      else if (wallets.length === 0) out(`no wallets in ${resolveLocation(opts).path}`);
      else wallets.forEach(printSummary);
    });
}

function showCommand(): Command {
  return withWalletOptions(new Command('show'))
    .description('show one wallet: coldkey and hotkey addresses (never secrets)')
    .option('--json', 'print JSON')
    .action((opts: CommonOpts) => {
      const loc = resolveLocation(opts);
      const w = showWallet(loc);
      if (opts.json === true) out(JSON.stringify(w, null, 2));
      else printSummary(w);
    });
}

/** A secret typed as a flag lands in shell history and `ps`: say so (without repeating it) and name the file flag. */
function warnSecretOnCommandLine(flag: '--mnemonic' | '--seed'): void {
  process.stderr.write(
    `warning: ${flag} on the command line is visible in shell history and the process list; prefer ${flag}-file <file> (mode 0600)\n`,
  );
}

function keySource(opts: { mnemonic?: string; mnemonicFile?: string; seed?: string; seedFile?: string }): KeySource {
  const given = [opts.mnemonic, opts.mnemonicFile, opts.seed, opts.seedFile].filter((x) => x !== undefined).length;
  if (given !== 1) throw new ArenaError('USAGE', `give exactly one of --mnemonic, --mnemonic-file, --seed, --seed-file (found ${given})`);
  if (opts.mnemonic !== undefined) warnSecretOnCommandLine('--mnemonic');
  if (opts.seed !== undefined) warnSecretOnCommandLine('--seed');
  if (opts.mnemonic !== undefined) return { mnemonic: opts.mnemonic };
  if (opts.seed !== undefined) return { seed: opts.seed.trim() };
  if (opts.mnemonicFile !== undefined) return { mnemonic: readPasswordFile(opts.mnemonicFile) };
  return { seed: readPasswordFile(opts.seedFile as string).trim() };
}

type RegenOpts = CommonOpts & { mnemonic?: string; mnemonicFile?: string; seed?: string; seedFile?: string; hotkeyPasswordFile?: string };

async function regenAction(which: string, opts: RegenOpts): Promise<void> {
  if (which !== 'coldkey' && which !== 'hotkey')
    throw new ArenaError('USAGE', `expected "coldkey" or "hotkey", found ${JSON.stringify(which)}`);
  const loc = resolveLocation(opts);
  const source = keySource(opts);
  const overwrite = opts.overwrite === true;
  if (which === 'coldkey') {
    printKey('coldkey', {
      ...(await regenColdkey(source, { ...loc, password: await coldkeyPassword(opts, true), overwrite })),
      mnemonic: null,
    });
    return;
  }
  const password = opts.hotkeyPasswordFile === undefined ? null : readPasswordFile(opts.hotkeyPasswordFile);
  printKey('hotkey', { ...(await regenHotkey(source, { ...loc, password, overwrite })), mnemonic: null });
}

function regenLike(name: 'regen' | 'import', description: string): Command {
  return withWalletOptions(new Command(name))
    .description(description)
    .argument('<key>', '"coldkey" or "hotkey"')
    .option('--mnemonic <words>', 'the BIP-39 mnemonic (visible in shell history; prefer --mnemonic-file)')
    .option('--mnemonic-file <file>', 'file (mode 0600) holding the mnemonic')
    .option('--seed <hex>', '0x + 64 hex digits mini-secret seed (visible in shell history; prefer --seed-file)')
    .option('--seed-file <file>', 'file (mode 0600) holding the seed')
    .option('--password-file <file>', 'coldkey: read the new password from this file (mode 0600) instead of prompting')
    .option('--hotkey-password-file <file>', 'hotkey: encrypt it with the password in this file (default: unencrypted)')
    .option('--no-password', 'hotkeys only: keep the hotkey unencrypted (the default); refused for coldkeys')
    .option('--overwrite', 'replace an existing keyfile')
    .action(regenAction);
}

function devCommand(): Command {
  return withWalletOptions(new Command('dev'))
    .description('LOCAL CHAINS ONLY: write a wallet from dev URIs (e.g. //Alice); the coldkey is unencrypted unless --password-file')
    .requiredOption('--uri <uri>', 'coldkey URI, e.g. //Alice')
    .option('--hotkey-uri <uri>', 'hotkey URI (default <uri>//hot)')
    .option('--password-file <file>', 'encrypt the coldkey with the password in this file')
    .option('--overwrite', 'replace existing keyfiles')
    .action(async (opts: CommonOpts & { uri: string; hotkeyUri?: string }) => {
      const loc = resolveLocation(opts);
      const password = opts.passwordFile === undefined ? null : readPasswordFile(opts.passwordFile);
      const res = await createDevWallet({
        ...loc,
        coldkeyUri: opts.uri,
        hotkeyUri: opts.hotkeyUri,
        password,
        overwrite: opts.overwrite === true,
      });
      out(`coldkey: ${res.coldkey}\nhotkey: ${res.hotkey}`);
    });
}

/** The `arena wallet` command group. */
export function walletCommand(): Command {
  return new Command('wallet')
    .description('manage Bittensor-compatible wallets (coldkey encrypted with NaCl/argon2i, files mode 0600)')
    .addCommand(createCommand())
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(regenLike('import', 'import an existing key from its mnemonic or seed (refuses to replace a keyfile without --overwrite)'))
    .addCommand(regenLike('regen', 'regenerate a key from its mnemonic or seed (same as import)'))
    .addCommand(devCommand())
    .addHelpText(
      'after',
      '\nExamples:\n  arena wallet create --wallet.name miner1 --password-file ./pw\n  arena wallet show --wallet.name miner1 --json\n  arena wallet regen hotkey --wallet.name miner1 --mnemonic-file ./hot.txt\n',
    );
}
