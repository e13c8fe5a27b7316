/** Real `arena miner` processes against a real devchain that must refuse to start, with the reason. */
import test from 'ava';
import { spawnArena } from '../_helpers/processes.ts';
import { chainWithSubnet, minerArgs, minerWallet } from '../_helpers/devchain-subnet.ts';

test('an unregistered miner refuses to start without --register, and --register with an unfunded coldkey pays nothing (both exit 2); SIGTERM during start-up exits 0', async (t) => {
  t.timeout(90_000);
  const { url, api, dir } = await chainWithSubnet(t);
  await minerWallet(dir, 'funded', '//Bob');
  const poor = await minerWallet(dir, 'poor', '//NoFunds');
  await minerWallet(dir, 'early', '//Charlie');
  const [unregistered, unfunded, early] = [
    spawnArena(t, minerArgs(url, dir, [], 'funded')),
    spawnArena(t, minerArgs(url, dir, ['--register'], 'poor')),
    spawnArena(t, minerArgs(url, dir, ['--register'], 'early')),
  ];
  t.is((await unregistered.exited).code, 2);
  t.regex(
    unregistered.stderr.join(''),
    /is not registered on subnet 1 on ws:\/\/127\.0\.0\.1:\d+\. Run again with --register .*current burn [0-9.]+ TAO/s,
  );
  t.is((await unfunded.exited).code, 2);
  t.regex(
    unfunded.stderr.join(''),
    new RegExp(
      `coldkey ${poor.coldkey} \\(wallet poor/default\\) cannot afford registration .*expected at least [0-9.]+ TAO .*found a free balance of 0 TAO`,
      's',
    ),
  );
  t.true(unfunded.lines.some((l) => l.msg === 'hotkey not registered; registering (the coldkey pays the burn)' && l.balance === '0 TAO'));
  t.true((await api.query.subtensorModule.uids(1, poor.hotkey)).isNone);

  // SIGTERM while the miner is still starting (registered, worker booting): it finishes starting, stops cleanly, exits 0.
  await early.waitLine('registration', (l) => l.msg === 'hotkey registered', 60_000);
  early.child.kill('SIGTERM');
  t.is((await early.exited).code, 0);
  t.true(early.lines.some((l) => l.msg === 'miner stopped'));
});
