import test from 'ava';
import { readFileSync } from 'node:fs';
import { UpConfigSchema } from '../src/up/config.ts';
import { devchainConfig } from '../src/up/setup.ts';

const shipped = UpConfigSchema.parse(JSON.parse(readFileSync('configs/up/local.json', 'utf8')));

test('the shipped arena up config sets a stake threshold the validators meet and passes it to genesis', (t) => {
  t.is(shipped.chain.stakeThresholdTao, 500);
  for (const v of shipped.validators) t.true(v.stakeTao >= shipped.chain.stakeThresholdTao, v.name);
  const keys = new Map(
    [...shipped.validators, ...shipped.miners].map((n) => [n.name, { name: n.name, coldkey: `${n.name}-c`, hotkey: `${n.name}-h` }]),
  );
  const genesis = devchainConfig(shipped, keys) as { genesis: { pallets: { SubtensorModule: { stakeThreshold: number } } } };
  t.is(genesis.genesis.pallets.SubtensorModule.stakeThreshold, 500e9);
});

test('a validator staked below the stake threshold is a config error naming it', (t) => {
  const bad = { validators: [{ name: 'v1', stakeTao: 100 }], miners: [{ name: 'm1', model: 'linear' }], chain: { stakeThresholdTao: 500 } };
  const r = UpConfigSchema.safeParse(bad);
  t.false(r.success);
  t.regex(JSON.stringify(r.error?.issues), /validator v1 stakes 100 TAO, below chain.stakeThresholdTao 500/);
});
