/** Real `arena miner` processes against a real devchain that must refuse to start, with the reason. */
import test from 'ava';
import { spawnArena } from '../_helpers/processes.ts';
import { chainWithSubnet, minerArgs, minerWallet } from '../_helpers/devchain-subnet.ts';

test('an unregistered miner refuses to start without --register, and --register with an unfunded coldkey pays nothing (both exit 2)', async (t) => {
  t.timeout(90_000);
  const { url, api, dir } = await chainWithSubnet(t);
  await minerWallet(dir, 'funded', '//Bob');
  const poor = await minerWallet(dir, 'poor', '//NoFunds');
  const [unregistered, unfunded] = [
    spawnArena(t, minerArgs(url, dir, [], 'funded')),
    spawnArena(t, minerArgs(url, dir, ['--register'], 'poor')),
  ];
  t.is((await unregistered.exited).code, 2);
  t.regex(unregistered.stderr.join(''), /is not registered on subnet 1 on ws:\/\/127\.0\.0\.1:\d+\. Run again with --register .*current burn 1 TAO/s);
  t.is((await unfunded.exited).code, 2);
  t.regex(unfunded.stderr.join(''), new RegExp(`coldkey ${poor.coldkey} \\(wallet poor/default\\) cannot afford registration .*expected at least 1 TAO .*found a free balance of 0 TAO`, 's'));
  t.true(unfunded.lines.some((l) => l.msg === 'hotkey not registered; registering (the coldkey pays the burn)' && l.balance === '0 TAO'));
  t.true((await api.query.subtensorModule.uids(1, poor.hotkey)).isNone);
});
